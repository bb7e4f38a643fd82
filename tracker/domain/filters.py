"""What the table shows: the filter that panes, charts and exports share."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Filter:
    status: tuple[str, ...] = ()
    sector: tuple[str, ...] = ()
    bank_id: tuple[int, ...] = ()
    zone_id: tuple[int, ...] = ()
    country: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()  # ventures: joint_venture / foreign_owned
    text: str = ""
    ids: tuple[int, ...] | None = field(default=None)

    def is_empty(self) -> bool:
        return self == Filter()

    def to_dict(self) -> dict:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(self).items() if v}

    @classmethod
    def from_dict(cls, d: dict | None) -> Filter:
        if not d:
            return cls()
        kw = {
            k: (tuple(v) if isinstance(v, list) else v)
            for k, v in d.items()
            if k in cls.__dataclass_fields__
        }
        return cls(**kw)

    def describe(self) -> str:
        """A human line for report title pages and export metadata."""
        if self.is_empty():
            return "All records"
        parts = []
        for k, v in self.to_dict().items():
            if k == "text":
                parts.append(f"search “{v}”")
            elif k == "ids":
                parts.append(f"{len(v)} selected records")
            else:
                parts.append(f"{k.replace('_id', '')}: {', '.join(str(x) for x in v)}")
        return "; ".join(parts)
