"""Writing charts: formats, buffers, reproducible bytes, no leaking settings."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
import pytest
from chart_samples import SAMPLES

from tracker.charts import CHARTS, build_chart, figure_to_svg_bytes, render

pytestmark = pytest.mark.filterwarnings("error:Glyph .* missing from font")


@pytest.mark.parametrize("name", list(CHARTS))
def test_same_data_gives_same_svg_bytes(name: str) -> None:
    first = figure_to_svg_bytes(build_chart(name, SAMPLES[name]()))
    second = figure_to_svg_bytes(build_chart(name, SAMPLES[name]()))
    assert first == second
    assert b"<dc:date>" not in first


def test_same_data_gives_same_pdf_bytes() -> None:
    def pdf() -> bytes:
        buffer = io.BytesIO()
        render(build_chart("residents_status", SAMPLES["residents_status"]()), buffer, "pdf")
        return buffer.getvalue()

    first = pdf()
    assert first == pdf()
    assert b"CreationDate" not in first


def test_printing_svg_keeps_text_as_text_and_hatches_as_patterns(tmp_path: Path) -> None:
    """Printed charts keep searchable text; a written SVG file draws it as outlines (it must
    look the same where our fonts are missing); black-and-white print needs the hatches."""
    fig = build_chart("status", SAMPLES["status"]())
    svg = figure_to_svg_bytes(fig)
    assert b"<text" in svg and b">Portfolio by status</text>" in svg
    assert b"<pattern" in svg
    render(fig, tmp_path / "file.svg")
    assert b"<text" not in (tmp_path / "file.svg").read_bytes()


def test_format_comes_from_the_suffix_or_the_argument(tmp_path: Path) -> None:
    fig = build_chart("residents_status", SAMPLES["residents_status"]())
    render(fig, str(tmp_path / "upper.PDF"))
    assert (tmp_path / "upper.PDF").read_bytes().startswith(b"%PDF")
    buffer = io.BytesIO()
    render(fig, buffer, "PNG")
    assert buffer.getvalue().startswith(b"\x89PNG")
    with pytest.raises(ValueError, match="unsupported"):
        render(fig, tmp_path / "chart.jpg")
    with pytest.raises(ValueError, match="fmt is required"):
        render(fig, io.BytesIO())


def test_pdf_carries_the_title_as_metadata(tmp_path: Path) -> None:
    from pypdf import PdfReader

    render(build_chart("residents_status", SAMPLES["residents_status"]()), tmp_path / "r.pdf")
    assert PdfReader(tmp_path / "r.pdf").metadata.title == "Residents by status"


def _raw_rc() -> dict[str, object]:
    # dict.items: reading rcParams["backend"] the normal way would resolve it
    # (and import pyplot), which is not what is tested here.
    return dict(dict.items(matplotlib.rcParams))


def test_global_settings_are_untouched() -> None:
    before = _raw_rc()
    for name in CHARTS:
        build_chart(name, SAMPLES[name]())
    fig = build_chart("residents_status", SAMPLES["residents_status"]())
    for fmt in ("png", "svg", "pdf"):
        render(fig, io.BytesIO(), fmt)
    assert _raw_rc() == before
