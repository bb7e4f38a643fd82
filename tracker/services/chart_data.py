"""From the database to a chart: store + filter → tracker.charts data → Figure.

The chart pane, the dashboard, printing, the PDF report and ``tracker chart``
all come through here, so a chart shows the same numbers everywhere.

How the numbers are made:

- Every aggregate is computed in SQL (:mod:`tracker.store.aggregates`), per
  currency, in integer minor units; nothing loads one Python object per
  record, so a filter change over a million projects stays a few queries.
- Each (group, currency) sum is converted to the reporting currency exactly
  with the rate in force on the as-of date (the same
  :class:`~tracker.domain.fx.Converter` as the totals in the table footer and
  the key figures, so a chart bar equals ``portfolio.totals`` for the same
  filter). An amount whose currency has no rate is left out, and the
  subtitle says which currency — never a silent zero.
- Per-project charts (disbursement, timeline) show at most N projects, the
  largest by amount in the reporting currency: SQL returns the top N per
  currency (``ORDER BY amount DESC LIMIT N``) and they are merged after
  conversion. The selected project is always among them, marked with ▶.
- Cumulative disbursement: ``project_updates.disbursed`` is the cumulative
  amount a project reported on a date, so the money paid out on that date is
  the increase over the project's previous report. The steps of all selected
  projects are summed per date (in SQL), converted at the as-of rate (like
  every other amount here, so the last point equals the disbursed total when
  the updates are complete), and accumulated. Disbursements never reported in
  an update have no date and are not drawn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.charts.data import (
    DEFAULT_TEXTS,
    PROJECT_STATUSES,
    RESIDENT_STATUSES,
    ChartData,
    ChartTexts,
    CountryRow,
    CumulativeData,
    CumulativePoint,
    DisbursementData,
    FinancingData,
    FinancingRow,
    ProjectDisbursementRow,
    ResidentsCountryData,
    ResidentsStatusData,
    StatusCountRow,
    StatusData,
    StatusRow,
    TimelineData,
    TimelineRow,
    VenturesData,
    VentureSectorRow,
)
from tracker.domain import codelists
from tracker.domain.filters import Filter
from tracker.domain.fx import Converter
from tracker.domain.money import from_minor
from tracker.services import portfolio, row_check
from tracker.store import Store

if TYPE_CHECKING:
    from matplotlib.figure import Figure

CHARTS_FOR_KIND: dict[str, tuple[str, ...]] = {
    "projects": ("status", "sector", "bank", "disbursement", "timeline", "cumulative", "plan"),
    "residents": ("residents_country", "residents_status"),
    "ventures": ("ventures",),
}
"""The charts that draw each kind of record, in menu order."""

CHART_NAMES: tuple[str, ...] = tuple(c for charts in CHARTS_FOR_KIND.values() for c in charts)

KIND_OF_CHART: dict[str, str] = {c: k for k, charts in CHARTS_FOR_KIND.items() for c in charts}

TITLES: dict[str, str] = {
    "status": "Portfolio by status",
    "sector": "Financing by sector",
    "bank": "Financing by bank",
    "disbursement": "Disbursed vs committed per project",
    "timeline": "Project timeline",
    "cumulative": "Cumulative disbursement",
    "residents_country": "Residents by country",
    "residents_status": "Residents by status",
    "ventures": "Ventures by kind and sector",
    "plan": "Disbursement: plan against actual",
}
"""English titles; the window passes translated ones as ``titles=``."""

#: Most projects the per-project charts draw (the builders' defaults).
MAX_ROWS: dict[str, int] = {"disbursement": 15, "timeline": 20}

#: Mark in front of the selected project's label.
SELECTED_MARK = "▶ "


class UnknownChart(ValueError):
    """A chart name that is not one of :data:`CHART_NAMES`."""

    def __init__(self, name: str):
        super().__init__(f"unknown chart {name!r}; choose one of: {', '.join(CHART_NAMES)}")
        self.name = name


def _check(chart: str) -> str:
    if chart not in KIND_OF_CHART:
        raise UnknownChart(chart)
    return chart


def _name(row: Mapping[str, Any], lang: str, fallback: str) -> str:
    """A reference name in ``lang`` (name_ru/name_zh/name_en), else English, else the code."""
    shipped = codelists.builtin_name(row, lang)
    if shipped is not None:
        return shipped
    for key in (f"name_{lang}", "name_en"):
        value = row.get(key)
        if value:
            return str(value)
    return fallback


def _minor(value: int | None) -> Decimal:
    return from_minor(value or 0) or Decimal(0)


_FILTER_NAMES = {
    "status": "Status",
    "sector": "Sector",
    "bank_id": "Bank",
    "zone_id": "Zone",
    "country": "Country",
    "region": "Region",
    "kind": "Kind",
}
_REFERENCE = {
    "sector": ("sectors", "code"),
    "country": ("countries", "code"),
    "region": ("regions", "code"),
    "bank_id": ("banks", "id"),
    "zone_id": ("zones", "id"),
}


def describe_filter(store: Store, flt: Filter, *, lang: str = "en") -> str:
    """The filter in English words with names instead of codes and ids (for subtitles)."""
    from tracker.domain.codelists import STATUS_LABELS

    if flt.is_empty():
        return "All records"
    parts = []
    for name, values in flt.to_dict().items():
        if name == "text":
            parts.append(f"search “{values}”")
        elif name == "ids":
            parts.append(f"{len(values)} selected records")
        else:
            names: dict[Any, str] = {}
            if name in _REFERENCE:
                table, key = _REFERENCE[name]
                names = {r[key]: _name(r, lang, "") or r.get("name") or str(r[key])
                         for r in store.rows(table)}  # fmt: skip
            shown = [names.get(v) or STATUS_LABELS.get(v) or str(v) for v in values]
            parts.append(f"{_FILTER_NAMES.get(name, name)}: {', '.join(shown)}")
    return "; ".join(parts)


def subtitle(
    flt: Filter,
    as_of: str,
    conv: Converter,
    extra: Iterable[str] = (),
    context: str | None = None,
    described: str | None = None,
) -> str:
    """Filter, as-of date and, when a rate is missing, which currencies are left out.

    ``context`` replaces the English "<filter> · as of <date>" (the window and
    the report pass it translated); ``described`` is the filter in words.
    """
    parts = [context or f"{described or flt.describe()} · as of {as_of}"]
    if conv.missing:
        parts.append(
            f"{', '.join(sorted(conv.missing))} left out: no exchange rate on or before {conv.as_of}"
        )
    parts.extend(p for p in extra if p)
    return " · ".join(parts)


def build_data(
    store: Store,
    chart: str,
    *,
    flt: Filter,
    currency: str,
    as_of: str,
    today: dt.date,
    selected_id: int | None = None,
    texts: ChartTexts | None = None,
    lang: str = "en",
    titles: Mapping[str, str] | None = None,
    context: str | None = None,
    max_rows: int | None = None,
) -> ChartData:
    """The data class a chart's builder takes, for what ``flt`` selects.

    ``context`` is the subtitle's first part (filter and as-of date) in the
    user's language; by default an English one is made from the filter.
    ``max_rows``: projects a chart of single projects lists (default MAX_ROWS).
    """
    _check(chart)
    texts = texts or DEFAULT_TEXTS
    conv = portfolio.converter(store, currency=currency, as_of=as_of)
    title = (titles or {}).get(chart) or TITLES[chart]
    flt = flt or Filter()
    maker = _MAKERS[chart]
    data, extra = maker(
        store,
        flt=flt,
        conv=conv,
        today=today,
        selected_id=selected_id,
        texts=texts,
        lang=lang,
        max_rows=max_rows,
    )
    described = None if context else describe_filter(store, flt, lang=lang)
    return _with_header(data, title, subtitle(flt, conv.as_of, conv, extra, context, described))


def _with_header(data: dict[str, Any], title: str, sub: str) -> ChartData:
    cls = data.pop("__class__")
    return cls(title=title, subtitle=sub, **data)


def build_figure(
    store: Store,
    chart: str,
    *,
    flt: Filter,
    currency: str,
    as_of: str,
    today: dt.date,
    selected_id: int | None = None,
    width_in: float = 8.0,
    height_in: float = 4.5,
    dpi: float = 100,
    texts: ChartTexts | None = None,
    lang: str = "en",
    titles: Mapping[str, str] | None = None,
    context: str | None = None,
    reuse: Figure | None = None,
) -> Figure:
    """The chart as a matplotlib Figure (loads matplotlib on first use).

    ``reuse`` is the figure on screen: when it was built for the same chart at
    the same size, it is emptied and drawn into (the same pixels as a new
    figure, in a fraction of the time) and returned; otherwise a new one is.
    """
    from tracker.charts import build_chart
    from tracker.charts.style import rows_that_fit

    # As many projects as the height shows with readable labels: the chart and its
    # subtitle's "+ n more not shown" then count the same rows.
    rows = rows_that_fit(height_in, MAX_ROWS[chart]) if chart in MAX_ROWS else None
    data = build_data(
        store, chart, flt=flt, currency=currency, as_of=as_of, today=today,
        selected_id=selected_id, texts=texts, lang=lang, titles=titles, context=context,
        max_rows=rows,
    )  # fmt: skip
    options: dict[str, Any] = {
        "width_in": width_in,
        "height_in": height_in,
        "dpi": dpi,
        "texts": texts or DEFAULT_TEXTS,
    }
    if rows is not None:
        options["max_rows"] = rows
    if reuse is not None:
        options["reuse"] = reuse
    return build_chart(chart, data, **options)


def chart_to_file(
    *, db: str | Path, chart: str, out: Path, currency: str = "USD", as_of: str | None = None
) -> Path:
    """Write one chart of the whole portfolio to PNG, SVG or PDF (``tracker chart``).

    The database is opened read-only; a bad chart name or file suffix is
    refused before anything is opened or written.
    """
    from tracker.charts import FORMATS

    _check(chart)
    out = Path(out)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(
            f"cannot write a chart to {out.name!r}: the file name must end in "
            f"{', '.join('.' + f for f in FORMATS)}"
        )
    today = dt.date.today()
    with Store.open(db, read_only=True) as store:
        row_check.refuse_if_broken(store, what=f"the chart {chart!r}")
        fig = build_figure(
            store, chart, flt=Filter(), currency=currency.upper(),
            as_of=as_of or today.isoformat(), today=today,
        )  # fmt: skip
    from tracker.charts import render

    out.parent.mkdir(parents=True, exist_ok=True)
    render(fig, out, fmt)
    return out


# --- one maker per chart: (data-class keyword arguments, extra subtitle parts) -----------

_Made = tuple[dict[str, Any], list[str]]


def _status(store: Store, *, flt: Filter, conv: Converter, **_: Any) -> _Made:
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in store.projects_by_status(flt):
        groups.setdefault(r["status"], []).append(r)
    rows = tuple(
        StatusRow(
            status=s,
            count=sum(r["n"] for r in groups[s]),
            committed=conv.total((r["currency"], _minor(r["amount"])) for r in groups[s]),
        )
        for s in PROJECT_STATUSES
        if s in groups
    )
    return {"__class__": StatusData, "currency": conv.target, "rows": rows}, []


def _financing(
    found: list[dict[str, Any]], key: str, conv: Converter, label: Any
) -> tuple[FinancingRow, ...]:
    groups: dict[Any, list[dict[str, Any]]] = {}
    for r in found:
        groups.setdefault(r[key], []).append(r)
    return tuple(
        FinancingRow(
            label=label(rs[0]),
            committed=conv.total((r["currency"], _minor(r["amount"])) for r in rs),
            disbursed=conv.total((r["currency"], _minor(r["disbursed"])) for r in rs),
        )
        for rs in groups.values()
    )


def _sector(store: Store, *, flt: Filter, conv: Converter, lang: str, **_: Any) -> _Made:
    rows = _financing(
        store.projects_by_sector(flt),
        "sector",
        conv,
        lambda r: _name(r, lang, r["sector"]),
    )
    return {"__class__": FinancingData, "currency": conv.target, "rows": rows}, []


def _bank(store: Store, *, flt: Filter, conv: Converter, **_: Any) -> _Made:
    rows = _financing(
        store.projects_by_bank(flt),
        "bank_id",
        conv,
        _bank_label,
    )
    return {"__class__": FinancingData, "currency": conv.target, "rows": rows}, []


def _bank_label(r: Mapping[str, Any]) -> str:
    """A long official name gives way to the short name desk staff use (China Exim, ICBC)."""
    name, short = r.get("name"), r.get("short_name")
    if name and (len(name) <= 24 or not short):
        return name
    return short or str(r["bank_id"])


def _largest(
    store: Store,
    flt: Filter,
    conv: Converter,
    *,
    limit: int,
    selected_id: int | None,
    dated: bool,
) -> tuple[list[tuple[dict[str, Any], Decimal, Decimal]], bool]:
    """The ``limit`` largest projects in the reporting currency, the selected one included.

    Returns (row, committed, disbursed) triples, largest first, and whether the
    selected project is among them. Projects in a currency without a rate
    cannot be ranked and are left out (the converter records the currency).
    """
    candidates: dict[int, tuple[dict[str, Any], Decimal, Decimal]] = {}
    counts = store.project_counts_by_currency(flt, dated=dated)
    for cur, matching in sorted(counts.items()):
        if not matching:
            continue
        found = store.largest_projects(
            flt, currency=cur, limit=limit, dated=dated, matching=matching
        )
        for r in found:
            committed = conv.convert(_minor(r["amount"]), cur)
            if committed is None:
                break
            disbursed = conv.convert(_minor(r["disbursed"]), cur) or Decimal(0)
            candidates[r["id"]] = (r, committed, disbursed)
    ranked = sorted(candidates.values(), key=lambda t: (-t[1], t[0]["id"]))[:limit]
    if selected_id is None:
        return ranked, False
    if any(t[0]["id"] == selected_id for t in ranked):
        return ranked, True
    row = store.project_bar(selected_id, flt)
    if row is None or (dated and not (row["start_date"] and row["planned_end"])):
        return ranked, False
    committed = conv.convert(_minor(row["amount"]), row["currency"])
    disbursed = conv.convert(_minor(row["disbursed"]), row["currency"])
    if committed is None:
        return ranked, False
    if len(ranked) >= limit:
        ranked = ranked[: limit - 1]
    ranked.append((row, committed, disbursed or Decimal(0)))
    return ranked, True


def _more_note(store: Store, flt: Filter, shown: int, texts: ChartTexts, *, dated: bool) -> str:
    total = sum(store.project_counts_by_currency(flt, dated=dated).values())
    return texts.more.format(n=total - shown) if total > shown else ""


def _label(row: Mapping[str, Any], selected_id: int | None) -> str:
    mark = SELECTED_MARK if row["id"] == selected_id else ""
    return f"{mark}{row['code']}"


def _disbursement(
    store: Store,
    *,
    flt: Filter,
    conv: Converter,
    selected_id: int | None,
    texts: ChartTexts,
    max_rows: int | None = None,
    **_: Any,
) -> _Made:
    ranked, _found = _largest(
        store, flt, conv, limit=max_rows or MAX_ROWS["disbursement"], selected_id=selected_id,
        dated=False,
    )  # fmt: skip
    rows = tuple(
        ProjectDisbursementRow(
            code=_label(r, selected_id), name=r["name"], committed=c, disbursed=d
        )
        for r, c, d in ranked
    )
    extra = [_more_note(store, flt, len(rows), texts, dated=False)]
    return {"__class__": DisbursementData, "currency": conv.target, "rows": rows}, extra


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _timeline(
    store: Store,
    *,
    flt: Filter,
    conv: Converter,
    today: dt.date,
    selected_id: int | None,
    texts: ChartTexts,
    max_rows: int | None = None,
    **_: Any,
) -> _Made:
    ranked, _found = _largest(
        store, flt, conv, limit=max_rows or MAX_ROWS["timeline"], selected_id=selected_id,
        dated=True,
    )  # fmt: skip
    bars = []
    for r, _c, _d in ranked:
        start, planned = _date(r["start_date"]), _date(r["planned_end"])
        if start is None or planned is None:
            continue
        bars.append(
            (
                start,
                r["id"],
                TimelineRow(
                    label=f"{_label(r, selected_id)} {r['name']}",
                    start=start,
                    planned_end=planned,
                    status=r["status"],
                    actual_end=_date(r["actual_end"]),
                ),
            )
        )
    bars.sort(key=lambda b: (b[0], b[1]))
    rows = tuple(b[2] for b in bars)
    extra = [_more_note(store, flt, len(rows), texts, dated=True)]
    return {"__class__": TimelineData, "today": today, "rows": rows}, extra


def _cumulative(store: Store, *, flt: Filter, conv: Converter, **_: Any) -> _Made:
    by_date: dict[str, Decimal] = {}
    for r in store.disbursement_steps(flt):
        step = conv.convert(_minor(r["step"]), r["currency"])
        if step is not None:
            by_date[r["date"]] = by_date.get(r["date"], Decimal(0)) + step
    points = []
    running = Decimal(0)
    for day in sorted(by_date):
        when = _date(day)
        if when is None:
            continue
        running += by_date[day]
        points.append(CumulativePoint(date=when, amount=running))
    committed = None
    if points:
        totals = portfolio.totals(store, kind="projects", flt=flt, conv=conv)
        committed = totals.sums["amount"]
    return {
        "__class__": CumulativeData,
        "currency": conv.target,
        "points": tuple(points),
        "committed_total": committed,
    }, []


def _residents_country(store: Store, *, flt: Filter, conv: Converter, lang: str, **_: Any) -> _Made:
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in store.residents_by_country(flt):
        groups.setdefault(r["country"], []).append(r)
    rows = []
    for code, rs in groups.items():
        declared = [(r["currency"], _minor(r["declared"])) for r in rs if r["declared"] is not None]
        rows.append(
            CountryRow(
                label=_name(rs[0], lang, code),
                count=sum(r["n"] for r in rs),
                declared_investment=conv.total(declared) if declared else None,
            )
        )
    return {"__class__": ResidentsCountryData, "currency": conv.target, "rows": tuple(rows)}, []


def _residents_status(store: Store, *, flt: Filter, **_: Any) -> _Made:
    counts = {r["status"]: r["n"] for r in store.residents_by_status(flt)}
    rows = tuple(
        StatusCountRow(status=s, count=counts[s]) for s in RESIDENT_STATUSES if s in counts
    )
    return {"__class__": ResidentsStatusData, "rows": rows}, []


def _ventures(store: Store, *, flt: Filter, lang: str, **_: Any) -> _Made:
    groups: dict[str, dict[str, Any]] = {}
    for r in store.ventures_by_sector_kind(flt):
        g = groups.setdefault(r["sector"], {"label": _name(r, lang, r["sector"]), "jv": 0, "fo": 0})
        g["jv" if r["kind"] == "joint_venture" else "fo"] += r["n"]
    rows = tuple(
        VentureSectorRow(label=g["label"], joint_ventures=g["jv"], foreign_owned=g["fo"])
        for g in groups.values()
    )
    return {"__class__": VenturesData, "rows": rows}, []


_MAKERS = {
    "status": _status,
    "sector": _sector,
    "bank": _bank,
    "disbursement": _disbursement,
    "timeline": _timeline,
    "cumulative": _cumulative,
    "residents_country": _residents_country,
    "residents_status": _residents_status,
    "ventures": _ventures,
    "plan": lambda store, **kw: _plan(store, **kw),
}


def _plan(store: Store, *, flt: Filter, conv: Converter, today: dt.date,
          selected_id: int | None = None, **_: Any) -> _Made:  # fmt: skip
    """The selected project's plan against its actual disbursement (its own currency) when it
    has a plan; otherwise the filtered projects that have one, by quarter end."""
    from tracker.charts.plan_data import PlanData, PlanPoint
    from tracker.services import plans

    def points(series: Any) -> tuple[PlanPoint, ...]:
        return tuple(PlanPoint(date=dt.date.fromisoformat(d), amount=v) for d, v in series)

    if selected_id is not None and plans.plan_of(store, selected_id):
        s = plans.project_series(store, project_id=selected_id)
        project = store.get("projects", selected_id) or {}
        return {"__class__": PlanData, "currency": s.currency, "planned": points(s.planned),
                "actual": points(s.actual), "today": today,
                "committed_total": _minor(project.get("amount"))}, [s.title]  # fmt: skip
    s = plans.portfolio_series(store, flt=flt, currency=conv.target, as_of=conv.as_of,
                               today=today.isoformat())  # fmt: skip
    for cur in plans.missing_in(s):
        conv.missing.add(cur)
    return {"__class__": PlanData, "currency": s.currency, "planned": points(s.planned),
            "actual": points(s.actual), "today": today, "by_quarter": True}, []  # fmt: skip
