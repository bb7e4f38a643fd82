"""Writing a chart figure to PNG, SVG or PDF, byte-for-byte reproducibly."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import IO, Any

import matplotlib
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


def render(fig: Figure, target: str | os.PathLike[str] | IO[bytes], fmt: str | None = None,
           *, svg_text: bool = False) -> None:  # fmt: skip
    """Save ``fig`` to a path or binary buffer as png, svg or pdf.

    ``fmt`` defaults to the path's suffix and is required for a buffer. ``svg_text``
    keeps an SVG's text as ``<text>`` (for a renderer that has the fonts). Vector
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
    with chart_style(), matplotlib.rc_context({"svg.fonttype": "none" if svg_text else "path"}):
        fig.savefig(target, format=fmt, dpi="figure", metadata=metadata)


def figure_to_svg_bytes(fig: Figure) -> bytes:
    """The chart as SVG for printing through ``QSvgRenderer``, its text kept as text.

    A file written with :func:`render` draws text as outlines (it must look the
    same without our fonts); on the printer Qt draws the text with the same fonts
    and its own fallback, so a PDF of the report keeps the charts' text
    searchable and small (outlines were ~100k drawing operators a page).
    """
    buffer = io.BytesIO()
    render(fig, buffer, "svg", svg_text=True)
    return buffer.getvalue()


def figure_to_rgba(fig: Figure) -> tuple[int, int, bytes]:
    """The chart drawn off-screen at its own size and dpi: (width, height, RGBA bytes).

    For a picture drawn away from the window's thread (see the chart pane): the figure is
    drawn by a canvas of its own, not the one on screen.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    with chart_style():
        canvas.draw()
    width, height = canvas.get_width_height(physical=True)
    return width, height, bytes(canvas.buffer_rgba())
