"""Status colours and hatches, money scaling, label shortening, fonts, import rules."""

from __future__ import annotations

import ast
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import tracker.charts
from tracker.charts import DEFAULT_TEXTS, PROJECT_STATUSES, RESIDENT_STATUSES, ChartTexts
from tracker.charts.style import (
    PROJECT_STATUS_STYLES,
    RESIDENT_STATUS_STYLES,
    UNKNOWN_STATUS_STYLE,
    contrasting_ink,
    font_families,
    format_number,
    money_scale,
    percent,
    shorten,
    status_style,
    wrap,
)

CHARTS_DIR = Path(tracker.charts.__file__).parent


@pytest.mark.parametrize(
    ("vocabulary", "styles"),
    [(PROJECT_STATUSES, PROJECT_STATUS_STYLES), (RESIDENT_STATUSES, RESIDENT_STATUS_STYLES)],
)
def test_every_status_has_its_own_colour_and_hatch(vocabulary, styles) -> None:
    assert set(styles) == set(vocabulary)
    assert len({s.color for s in styles.values()}) == len(vocabulary)
    assert len({s.hatch for s in styles.values()}) == len(vocabulary)
    for code in vocabulary:
        assert status_style(code) is styles[code]
        assert status_style(code) != UNKNOWN_STATUS_STYLE
        assert DEFAULT_TEXTS.status_name(code) != code  # an English name exists


def test_unknown_status_gets_a_neutral_style_and_its_code() -> None:
    assert status_style("on_hold") is UNKNOWN_STATUS_STYLE
    assert DEFAULT_TEXTS.status_name("on_hold") == "on_hold"


def test_ink_contrasts_with_the_fill() -> None:
    assert contrasting_ink("#0072B2") == "white"
    assert contrasting_ink("#08519C") == "white"
    assert contrasting_ink("#CCCCCC") != "white"
    assert contrasting_ink("#E69F00") != "white"


@pytest.mark.parametrize(
    ("top", "axis", "label"),
    [
        (Decimal("25e9"), "Committed, billion USD", "25.0"),
        (Decimal("8e9"), "Committed, million USD", "8,000"),
        (Decimal("830e6"), "Committed, million USD", "830"),
        (Decimal("45e6"), "Committed, million USD", "45.0"),
        (Decimal("5000"), "Committed, thousand USD", "5.00"),
        (Decimal("999.4"), "Committed, USD", "999"),
        (Decimal(0), "Committed, USD", "0.00"),
    ],
)
def test_money_scale_puts_the_unit_in_the_axis(top: Decimal, axis: str, label: str) -> None:
    scale = money_scale([top, Decimal(1)], DEFAULT_TEXTS)
    assert scale.axis_label("Committed", "USD") == axis
    assert scale.label(top) == label


def test_percent_is_honest_at_the_ends() -> None:
    assert percent(Decimal(50), Decimal(200)) == "25%"
    assert percent(Decimal("199.5"), Decimal(200)) == "99%"
    assert percent(Decimal(200), Decimal(200)) == "100%"
    assert percent(Decimal("0.5"), Decimal(200)) == "<1%"
    assert percent(Decimal(0), Decimal(200)) == "0%"
    assert percent(Decimal(5), Decimal(0)) == ""


def test_partial_status_translation_falls_back_to_english() -> None:
    texts = ChartTexts(status_names={"completed": "Завершён"})
    assert texts.status_name("completed") == "Завершён"
    assert texts.status_name("signed") == "Signed"


def test_numbers_use_the_language_separators() -> None:
    russian = ChartTexts(decimal_sep=",", thousands_sep="\u00a0")
    assert format_number(1234567.891, 1, DEFAULT_TEXTS) == "1,234,567.9"
    assert format_number(1234567.891, 1, russian) == "1\u00a0234\u00a0567,9"


def test_shorten_counts_wide_characters_double() -> None:
    assert shorten("Energy", 10) == "Energy"
    assert shorten("  many   spaces  ", 20) == "many spaces"
    long = shorten("Industrial and Commercial Bank of China", 20)
    assert long.endswith("…") and len(long) <= 20
    chinese = shorten("中白工业园精密机械制造中心", 10)
    assert chinese == "中白工业…"


def test_wrap_keeps_two_lines_at_most() -> None:
    text = "As of 2025-06-30 · Filter: bank = China Development Bank, region = Minsk, status = implementation"
    wrapped = wrap(text, 40)
    lines = wrapped.split("\n")
    assert len(lines) == 2
    assert all(len(line) <= 40 for line in lines)
    assert lines[-1].endswith("…")
    assert wrap("Short title", 40) == "Short title"


def test_a_cjk_font_is_installed() -> None:
    families = font_families()
    assert families[0] == "DejaVu Sans"
    cjk = {
        "Noto Sans CJK SC",
        "Noto Sans CJK JP",
        "Source Han Sans SC",
        "Microsoft YaHei",
        "SimHei",
        "PingFang SC",
    }
    assert cjk & set(families), "install a CJK font (Debian: fonts-noto-cjk) for Chinese labels"


def test_import_is_lazy_about_qt_pyplot_and_matplotlib() -> None:
    code = (
        "import sys, tracker.charts, tracker.charts.data\n"
        "from tracker.charts import StatusData\n"
        "assert 'matplotlib' not in sys.modules, 'the data classes must not load matplotlib'\n"
        "from tracker.charts import CHARTS, render\n"
        "assert 'matplotlib.figure' in sys.modules\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'matplotlib.pyplot', 'sqlite3'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=CHARTS_DIR.parents[1])


def test_charts_import_nothing_else_from_tracker() -> None:
    """charts/ sits beside the layers: only plain data in, so services can fill it."""
    for path in CHARTS_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
                assert node.level == 0, f"{path.name}: use absolute imports"
            for name in names:
                root = name.split(".")[0]
                assert root not in ("PySide6", "sqlite3", "sqlite_utils"), (path.name, name)
                assert name != "matplotlib.pyplot", path.name
                if root == "tracker":
                    assert name.startswith("tracker.charts"), (path.name, name)
