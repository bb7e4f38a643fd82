"""The one-page project brief: an A4 figure (text blocks, the plan-against-actual
chart, the last updates) and a PDF of one page per project.

Plain data in (:class:`BriefData`, already in the reader's language and
formatted); matplotlib out, so the command line writes the same page the
window previews and prints.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.charts.data import DEFAULT_TEXTS, ChartTexts
from tracker.charts.plan_data import PlanData

A4_IN = (8.27, 11.69)


@dataclass(frozen=True, kw_only=True)
class BriefData:
    """One project's page. Every text is final (translated, formatted)."""

    title: str  # "BY-CN-013 — Railway electrification"
    subtitle: str  # "Project brief · as of 2026-06-30 · demo.sqlite3"
    identity: Sequence[tuple[str, str]] = ()  # (label, value) rows, left column
    figures: Sequence[tuple[str, str]] = ()  # (label, value) rows, right column
    attention_title: str = "Needs attention"
    attention: Sequence[str] = ()
    nothing_needed: str = "Nothing needs attention."
    chart: PlanData | None = None
    no_plan: str = "No disbursement plan."
    updates_title: str = "Last updates"
    update_header: Sequence[str] = ("As of", "Status", "Progress", "Disbursed", "Note")
    updates: Sequence[Sequence[str]] = ()
    no_updates: str = "No updates yet."
    footer: str = ""
    texts: ChartTexts = field(default=DEFAULT_TEXTS)


def _wrap(text: str, width: int, lines: int) -> str:
    out = textwrap.wrap(" ".join(str(text).split()), width) or [""]
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: max(width - 1, 1)] + "…"
    return "\n".join(out)


def build_brief(data: BriefData) -> Any:
    """The page as a matplotlib Figure of A4 size (portrait)."""
    from matplotlib.figure import Figure

    from tracker.charts.plans import draw_plan
    from tracker.charts.style import MUTED, chart_style

    with chart_style():
        fig = Figure(figsize=A4_IN, dpi=100)
        left, right = 0.07, 0.93
        fig.text(left, 0.955, _wrap(data.title, 70, 2), fontsize=15, fontweight="bold", va="top")
        fig.text(left, 0.905, data.subtitle, fontsize=9, color=MUTED, va="top")
        y0 = 0.875

        def block(x: float, rows: Sequence[tuple[str, str]], label_w: float) -> float:
            y = y0
            for label, value in rows:
                name = _wrap(label, 20, 2)
                fig.text(x, y, name, fontsize=8.5, color=MUTED, va="top")
                wrapped = "\n".join(_wrap(part, 30, 2) for part in value.split("\n"))
                fig.text(x + label_w, y, wrapped, fontsize=9, va="top")
                lines = max(wrapped.count("\n"), name.count("\n")) + 1
                y -= 0.0155 * lines + 0.005
            return y

        y_left = block(left, data.identity, 0.16)
        y_right = block(0.53, data.figures, 0.17)
        y = min(y_left, y_right) - 0.012
        fig.text(left, y, data.attention_title, fontsize=10.5, fontweight="bold", va="top")
        y -= 0.022
        reasons = list(data.attention) or [data.nothing_needed]
        for r in reasons[:6]:
            wrapped = _wrap(("• " if data.attention else "") + r, 110, 2)
            fig.text(left, y, wrapped, fontsize=8.5, va="top",
                     color="#B03A00" if data.attention else MUTED)  # fmt: skip
            y -= 0.016 * (wrapped.count("\n") + 1) + 0.003
        chart_top = y - 0.015
        chart_h = 0.27
        ax = fig.add_axes((left + 0.06, chart_top - chart_h, right - left - 0.07, chart_h - 0.03))
        title = data.chart.title if data.chart is not None else ""
        fig.text(left, chart_top, title, fontsize=10.5, fontweight="bold", va="top")
        if data.chart is not None and data.chart.planned:
            handles = draw_plan(ax, data.chart, data.texts)
            ax.legend(handles=handles, loc="lower right", fontsize=8)
        else:
            ax.set_axis_off()
            ax.text(0.5, 0.5, data.no_plan, ha="center", va="center", color=MUTED,
                    transform=ax.transAxes)  # fmt: skip
        y = chart_top - chart_h - 0.045
        fig.text(left, y, data.updates_title, fontsize=10.5, fontweight="bold", va="top")
        y -= 0.024
        cols = (left, left + 0.11, left + 0.25, left + 0.34, left + 0.55)
        if data.updates:
            heads = [_wrap(h, 10, 2) for h in data.update_header]
            for x, h in zip(cols, heads, strict=False):
                fig.text(x, y, h, fontsize=8.5, color=MUTED, va="top", fontweight="bold")
            y -= 0.014 * max(h.count("\n") + 1 for h in heads) + 0.006
            for row in data.updates[:5]:
                note = _wrap(row[4] if len(row) > 4 else "", 38, 3)
                for x, v in zip(cols[:4], row[:4], strict=False):
                    fig.text(x, y, v, fontsize=8.5, va="top")
                fig.text(cols[4], y, note, fontsize=8.5, va="top")
                y -= 0.0155 * max(1, note.count("\n") + 1) + 0.006
        else:
            fig.text(left, y, data.no_updates, fontsize=8.5, color=MUTED, va="top")
        if data.footer:
            fig.text(left, 0.03, data.footer, fontsize=7.5, color=MUTED)
    return fig


def write_pdf(pages: Sequence[BriefData], out: str | os.PathLike[str]) -> int:
    """One PDF, one page per brief; returns the number of pages."""
    from matplotlib.backends.backend_pdf import PdfPages

    from tracker.charts.style import chart_style

    with chart_style(), PdfPages(Path(out), metadata={"CreationDate": None, "ModDate": None,
                                                      "Title": pages[0].title if pages else ""}) as pdf:  # fmt: skip
        for page in pages:
            pdf.savefig(build_brief(page))
    return len(pages)
