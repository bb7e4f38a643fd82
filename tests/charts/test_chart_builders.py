"""Every chart builds from realistic and from empty data, in all three formats."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path

import matplotlib
import pytest
from chart_samples import SAMPLES, TODAY, empty
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from pypdf import PdfReader

from tracker.charts import (
    CHARTS,
    ChartTexts,
    CumulativeData,
    CumulativePoint,
    ResidentsStatusData,
    StatusCountRow,
    StatusData,
    StatusRow,
    TimelineData,
    TimelineRow,
    VenturesData,
    VentureSectorRow,
    build_chart,
    render,
)

# A glyph drawn from no font (an empty box, or matplotlib's Last Resort font)
# is a failure, not a warning.
pytestmark = pytest.mark.filterwarnings("error:Glyph .* missing from font")

NAMES = list(CHARTS)

RUSSIAN = ChartTexts(
    no_data="Нет данных для этой выборки",
    more="+ ещё {n} не показано",
    committed="Обязательства",
    disbursed="Выплачено",
    amount="Сумма",
    disbursed_share="Выплачено (% обязательств)",
    number_of_projects="Число проектов",
    thousand="тыс.",
    million="млн",
    billion="млрд",
    decimal_sep=",",
    thousands_sep="\u00a0",
    today="Сегодня",
    planned="План",
    status_names={"implementation": "Реализация", "completed": "Завершён"},
)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def write_all(fig: Figure, folder: Path, stem: str) -> dict[str, Path]:
    paths = {fmt: folder / f"{stem}.{fmt}" for fmt in ("png", "svg", "pdf")}
    for path in paths.values():
        render(fig, path)
    return paths


# Text each sample PDF must contain besides title and subtitle: labels in
# Cyrillic and Chinese, axis units, the "more" row, shortened names.
EXPECTED_TEXT: dict[str, list[str]] = {
    "status": ["Implementation", "Number of projects", "Committed, million USD"],
    "sector": ["Промышленность", "建筑业", "Amount, million USD", "Disbursed (% of committed)"],
    "bank": ["中国银行 (Bank of China)", "China Development Bank"],
    "disbursement": ["+ 19 more not shown", "…", "BY-IN-001", "830 · 100%"],
    "timeline": [
        "Today",
        "Planned",
        "Берёзовская",
        "+ 17 more not shown",
    ],  # 17 rows of 8 pt labels fit
    "cumulative": ["Cumulative disbursement, million USD", "Committed: 7,175"],
    "residents_country": ["中国", "Беларусь", "Declared investment, million USD", "1,650"],
    "residents_status": ["Operating", "33 (49%)", "Number of residents"],
    "plan": [
        "Planned",
        "Disbursed",
        "Today",
        "Cumulative disbursement, million USD",
        "Committed: 600",
    ],
    "ventures": ["Промышленность", "建筑业", "Joint venture", "Foreign-owned", "45"],
}


def test_registry_lists_the_ten_charts() -> None:
    assert NAMES == [
        "status",
        "sector",
        "bank",
        "disbursement",
        "timeline",
        "cumulative",
        "residents_country",
        "residents_status",
        "ventures",
        "plan",
    ]
    assert set(SAMPLES) == set(NAMES)
    for name, spec in CHARTS.items():
        assert spec.name == name
        assert spec.title
        assert isinstance(SAMPLES[name](), spec.data_type)


@pytest.mark.parametrize("name", NAMES)
def test_sample_chart_in_every_format(name: str, tmp_path: Path) -> None:
    data = SAMPLES[name]()
    paths = write_all(build_chart(name, data), tmp_path, name)
    assert paths["png"].read_bytes().startswith(b"\x89PNG")
    assert paths["svg"].read_bytes().lstrip().startswith(b"<?xml")
    assert paths["pdf"].read_bytes().startswith(b"%PDF")
    for path in paths.values():
        assert path.stat().st_size > 2_000
    text = pdf_text(paths["pdf"])
    assert data.title in text
    assert data.subtitle in text
    for expected in EXPECTED_TEXT[name]:
        assert expected in text, expected


@pytest.mark.parametrize("name", NAMES)
def test_empty_data_gives_a_no_data_figure(name: str, tmp_path: Path) -> None:
    data = empty(name)
    fig = build_chart(name, data)
    paths = write_all(fig, tmp_path, name)
    for path in paths.values():
        assert path.stat().st_size > 1_000
    text = pdf_text(paths["pdf"])
    assert "No data for this selection" in text
    assert data.title in text
    assert "Китай" in text


def test_all_zero_rows_are_no_data(tmp_path: Path) -> None:
    cases = [
        (
            "status",
            StatusData(
                title="S", rows=(StatusRow(status="signed", count=0, committed=Decimal(0)),)
            ),
        ),
        (
            "residents_status",
            ResidentsStatusData(title="R", rows=(StatusCountRow(status="operating", count=0),)),
        ),
        (
            "ventures",
            VenturesData(
                title="V", rows=(VentureSectorRow(label="IT", joint_ventures=0, foreign_owned=0),)
            ),
        ),
    ]
    for name, data in cases:
        render(build_chart(name, data), tmp_path / f"{name}.pdf")
        assert "No data for this selection" in pdf_text(tmp_path / f"{name}.pdf")


def test_the_largest_projects_are_drawn() -> None:
    data = SAMPLES["disbursement"]()
    fig = build_chart("disbursement", data, max_rows=15)
    drawn = [label.get_text() for label in fig.axes[0].get_yticklabels()]
    ranked = sorted(data.rows, key=lambda r: r.committed, reverse=True)
    assert [text.split()[0] for text in drawn] == [r.code for r in ranked[:15]]


@pytest.mark.parametrize("name", NAMES)
def test_nothing_is_clipped(name: str) -> None:
    """Everything drawn (titles, tick and value labels, legend) lies inside the figure."""
    for size in ((8, 4.5), (5, 3.5)):
        fig = build_chart(name, SAMPLES[name](), width_in=size[0], height_in=size[1])
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        box = fig.get_tightbbox(canvas.get_renderer())
        assert box.x0 >= -0.01 and box.y0 >= -0.01, (name, size, box)
        assert box.x1 <= size[0] + 0.01 and box.y1 <= size[1] + 0.01, (name, size, box)


def test_size_and_dpi_are_honoured(tmp_path: Path) -> None:
    fig = build_chart("bank", SAMPLES["bank"](), width_in=5, height_in=3, dpi=72)
    assert tuple(fig.get_size_inches()) == (5, 3)
    render(fig, tmp_path / "b.png")
    header = (tmp_path / "b.png").read_bytes()[16:24]
    assert (int.from_bytes(header[:4]), int.from_bytes(header[4:])) == (360, 216)


def test_translated_words_and_separators(tmp_path: Path) -> None:
    render(build_chart("status", SAMPLES["status"](), texts=RUSSIAN), tmp_path / "s.pdf")
    text = pdf_text(tmp_path / "s.pdf")
    assert "Число проектов" in text
    assert "Обязательства, млн USD" in text
    assert "Реализация" in text
    assert "2\u00a0670" in text or "2 670" in text
    render(build_chart("bank", empty("bank"), texts=RUSSIAN), tmp_path / "e.pdf")
    assert "Нет данных для этой выборки" in pdf_text(tmp_path / "e.pdf")


def test_timeline_edge_cases(tmp_path: Path) -> None:
    rows = (
        TimelineRow(
            label="future", start=date(2030, 1, 1), planned_end=date(2032, 1, 1), status="pipeline"
        ),
        TimelineRow(
            label="late finish",
            start=date(2015, 1, 1),
            planned_end=date(2017, 1, 1),
            actual_end=date(2018, 6, 1),
            status="completed",
        ),
        TimelineRow(
            label="bad dates",
            start=date(2020, 1, 1),
            planned_end=date(2019, 1, 1),
            status="mystery",
        ),
    )
    data = TimelineData(title="Edge cases", today=TODAY, rows=rows)
    render(build_chart("timeline", data), tmp_path / "t.pdf")
    one = dataclasses.replace(data, rows=rows[:1], today=date(2000, 1, 1))
    render(build_chart("timeline", one), tmp_path / "t1.png")


def test_cumulative_edge_cases(tmp_path: Path) -> None:
    single = CumulativeData(
        title="One point", points=(CumulativePoint(date=TODAY, amount=Decimal("1234.56")),)
    )
    render(build_chart("cumulative", single), tmp_path / "c1.pdf")
    assert "USD" in pdf_text(tmp_path / "c1.pdf")  # small amounts: plain units
    zero = CumulativeData(
        title="Nothing paid", points=(CumulativePoint(date=TODAY, amount=Decimal(0)),)
    )
    render(build_chart("cumulative", zero), tmp_path / "c0.png")


def test_unknown_status_is_drawn_not_an_error(tmp_path: Path) -> None:
    data = StatusData(
        title="Odd",
        rows=(StatusRow(status="on_hold", count=2, committed=Decimal("5e6")),),
    )
    render(build_chart("status", data), tmp_path / "odd.pdf")
    assert "on_hold" in pdf_text(tmp_path / "odd.pdf")


def test_build_chart_checks_name_and_data_type() -> None:
    with pytest.raises(KeyError, match="unknown chart"):
        build_chart("pie", SAMPLES["status"]())
    with pytest.raises(TypeError, match="StatusData"):
        build_chart("status", SAMPLES["ventures"]())


def test_missing_glyph_would_be_caught() -> None:
    """The control for the filter above: without the CJK fallback the warning fires."""
    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        fig = Figure()
        fig.text(0.5, 0.5, "中国")
        with pytest.warns(UserWarning, match="missing from font"):
            FigureCanvasAgg(fig).draw()
