"""The report's text layer as a reader's tools see it (poppler's pdftotext), and its size.

The whole demo report (every chart) is written once for the module.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from tracker.domain.filters import Filter
from tracker.services.pdf_text import plain_cmap
from tracker.store import Store
from tracker.ui import i18n
from tracker.ui.panes.chart_pane import chart_title
from tracker.ui.report import REPORT_CHARTS, Report, page_layout, write_report_pdf

AS_OF = "2026-11-27"
LOOKALIKES = re.compile("[\u2e80-\u2fdf\uf900-\ufaff\ufb00-\ufb4f]")
NATIVE = re.compile("[\u0400-\u04ff\u4e00-\u9fff]")

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout  # fmt: skip


@pytest.fixture(scope="module")
def full_report(tmp_path_factory, qapp) -> tuple[Path, Path, str]:
    from tests.conftest import _demo_template

    folder = tmp_path_factory.mktemp("report-text")
    db = folder / "demo.sqlite3"
    shutil.copy(_demo_template(tmp_path_factory), db)
    out = folder / "report.pdf"
    with Store.open(db, read_only=True) as store:
        write_report_pdf(store=store, out=out, flt=Filter(), currency="USD", as_of=AS_OF,
                         user="Аналитик 王")  # fmt: skip
    return db, out, pdftotext(out)


def native_names(db: Path) -> list[str]:
    """Every name of the demo written in Cyrillic or Chinese (without the "(sample)" tag)."""
    with Store.open(db, read_only=True) as store:
        names = [r["name"] for t in ("projects", "residents", "ventures")
                 for r in store.query(f"SELECT name FROM {t}")]  # fmt: skip
    found = [n.removesuffix(" (sample)") for n in names if NATIVE.search(n)]
    assert any(re.search("[\u4e00-\u9fff]", n) for n in found)
    assert any(re.search("[\u0400-\u04ff]", n) for n in found)
    return found


def test_words_with_fi_are_found(full_report):
    _db, _out, text = full_report
    assert "Total financing (committed)" in text
    assert "Key figures" in text
    assert "\ufb01" not in text and "\ufb02" not in text


def test_every_chinese_and_russian_name_is_found(full_report):
    db, _out, text = full_report
    lines = " ".join(text.split())
    bare = "".join(text.split())  # a wrapped Chinese name has a line break inside
    for name in native_names(db):
        assert name in lines or "".join(name.split()) in bare, name
    assert "中白示例机械有限公司" in bare  # 白 示 as themselves, not Kangxi radicals
    assert not LOOKALIKES.search(text), LOOKALIKES.findall(text)


def test_every_chart_title_is_text(full_report):
    _db, out, text = full_report
    for chart in REPORT_CHARTS:
        assert chart_title(chart) in text, chart
    assert "Number of projects" in text and "Amount, million USD" in text  # axis labels too


def test_report_is_small_and_describes_itself(full_report):
    _db, out, _text = full_report
    assert out.stat().st_size < 1_000_000  # 5.1 MB while chart text was drawn as outlines
    reader = PdfReader(out)
    assert reader.metadata.title == "Portfolio report — demo.sqlite3"
    assert reader.metadata.author == "Аналитик 王"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "Author:          Аналитик 王" in info


def test_chinese_report_charts_keep_their_text(demo_store, tmp_path, qapp):
    """In Chinese, chart titles and labels drawn by QSvgRenderer come out as Chinese text."""
    out = tmp_path / "zh.pdf"
    i18n.install("zh")
    try:
        title = chart_title("residents_country")
        write_report_pdf(store=demo_store, out=out, flt=Filter(), currency="CNY", as_of=AS_OF,
                         charts=("residents_country",))  # fmt: skip
        lang = PdfReader(out).trailer["/Root"]["/Lang"]
    finally:
        i18n.install("en")
    text = pdftotext(out)
    assert title != "Residents by country" and title in text
    assert "中国" in text and "白俄罗斯" in text  # country names in the chart and the tables
    assert not LOOKALIKES.search(text)
    assert lang == "zh-Hans"


def test_print_to_pdf_from_the_preview_is_finished_too(demo_store, tmp_path, qapp):
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setPageLayout(page_layout("portrait"))
    Report(demo_store, charts=("sector",), as_of=AS_OF, user="clerk").paint(printer)
    text = pdftotext(out)
    assert "Total financing" in text and "Financing by sector" in text
    assert "中白示例机械有限公司" in "".join(text.split())
    assert not LOOKALIKES.search(text)
    assert PdfReader(out).metadata.author == "clerk"


def test_plain_cmap_corrects_destinations_only():
    cmap = (
        b"2 beginbfrange\n<0000> <0000> <0000>\n"
        b"<0001> <0004> [<4E2D> <2F69> <FB01> <2F70>]\n"
        b"<2F70> <2F71> <2F63>\nendbfrange\n"
        b"1 beginbfchar\n<2F69> <2F69>\nendbfchar\n"
    )
    fixed = plain_cmap(cmap)
    assert b"[<4E2D> <767D> <00660069> <793A>]" in fixed
    assert b"<2F70> <2F71> [<751F> <7528>]" in fixed  # a range becomes an array: 生 用
    assert b"<2F69> <767D>\nendbfchar" in fixed  # the glyph id stays, the character is fixed
    assert plain_cmap(fixed) == fixed
    untouched = b"1 beginbfrange\n<0001> <0002> [<0041> <0416>]\nendbfrange\n"
    assert plain_cmap(untouched) == untouched
