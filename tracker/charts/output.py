"""Writing a chart figure to PNG, SVG or PDF, byte-for-byte reproducibly."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import IO, Any

from matplotlib.figure import Figure

from tracker.charts.style import chart_style

FORMATS: tuple[str, ...] = ("png", "svg", "pdf")

# No dates in the files: the same data gives the same bytes (diffable
# snapshots, cacheable previews, deterministic tests).
_METADATA: dict[str, dict[str, Any]] = {
    "png": {},
    "svg": {"Date": None},
    "pdf": {"CreationDate": None, "ModDate": None},
}


def render(fig: Figure, target: str | os.PathLike[str] | IO[bytes], fmt: str | None = None) -> None:
    """Save ``fig`` to a path or binary buffer as png, svg or pdf.

    ``fmt`` defaults to the path's suffix and is required for a buffer. Vector
    formats keep the glyphs of every script: SVG draws text as paths (so
    ``QSvgRenderer`` needs no fonts), PDF embeds the fonts.
    """
    if fmt is None:
        if not isinstance(target, (str, os.PathLike)):
            raise ValueError("fmt is required when writing a chart to a buffer")
        fmt = Path(target).suffix.lstrip(".")
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ValueError(f"unsupported chart format {fmt!r}; use one of {', '.join(FORMATS)}")
    metadata = dict(_METADATA[fmt])
    if fmt == "pdf" and (title := fig.get_suptitle()):
        metadata["Title"] = " ".join(title.split())
    with chart_style():
        fig.savefig(target, format=fmt, dpi="figure", metadata=metadata)


def figure_to_svg_bytes(fig: Figure) -> bytes:
    """The chart as SVG, for vector printing through ``QSvgRenderer``."""
    buffer = io.BytesIO()
    render(fig, buffer, "svg")
    return buffer.getvalue()
