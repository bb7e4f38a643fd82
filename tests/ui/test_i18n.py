"""Languages: the translator, the locale of numbers and dates, reference names,
chart texts, the .ts/.qm files, and a walk over the real window in Russian
and Chinese that finds no English left on the screen."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from tracker.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "tracker" / "resources" / "translations"
NBSP = "\u00a0"


@pytest.fixture
def lang(qapp):
    """Install a language for one test; always back to English afterwards."""
    yield lambda code: i18n.install(code, qapp)
    i18n.install("en", qapp)


# --- choice of language ---------------------------------------------------------------------


def test_resolve_stored_choice(monkeypatch):
    assert i18n.resolve("ru") == "ru"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert i18n.resolve("") == "zh"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("ru_BY")))
    assert i18n.resolve("") == "ru"
    assert i18n.resolve("de") == "ru"  # unknown stored value: the system's
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.resolve("") == "en"  # a language we do not ship: English


def test_install_translates_and_switches_back(lang):
    assert lang("ru") == "ru"
    assert i18n.current_language() == "ru"
    assert QCoreApplication.translate("Kind", "Projects") == "Проекты"
    assert i18n.code_label("implementation") == "Реализация"
    assert lang("zh") == "zh"
    assert QCoreApplication.translate("Kind", "Projects") == "项目"
    assert i18n.code_label("joint_venture") == "合资企业"
    assert i18n.code_label("foreign_owned") == "外商独资企业"
    lang("en")
    assert QCoreApplication.translate("Kind", "Projects") == "Projects"
    assert i18n.code_label("implementation") == "Implementation"


def test_qt_own_buttons_are_translated_too(lang, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    lang("ru")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Отмена"


def test_every_shipped_language_has_a_compiled_catalogue():
    for code in i18n.LANGUAGES:
        assert i18n.has_translation(code)
    assert not i18n.has_translation("de")


# --- numbers, dates, names ---------------------------------------------------------------------


def test_numbers_and_dates_follow_the_language(lang):
    lang("ru")
    assert i18n.format_number(1234567.5, 1) == f"1{NBSP}234{NBSP}567,5"
    assert i18n.format_money(2500000, "USD") == f"2{NBSP}500{NBSP}000,00 USD"
    assert i18n.format_date("2026-11-27") == "27.11.2026"
    assert i18n.format_date("2026-01-05") == "05.01.2026"
    lang("zh")
    assert i18n.format_number(1234567.5, 1) == "1,234,567.5"
    assert i18n.format_date("2026-11-27") == "2026/11/27"
    lang("en")
    assert i18n.format_date("2026-01-05") == "2026-01-05"
    assert i18n.date_format() == "yyyy-MM-dd"
    assert i18n.format_money(None) == ""
    assert i18n.format_date("") == ""
    assert i18n.format_date("not a date") == "not a date"


def test_label_for_picks_the_language_and_falls_back():
    row = {"code": "CN", "name_en": "China", "name_ru": "Китай", "name_zh": "中国"}
    assert i18n.label_for(row, "ru") == "Китай"
    assert i18n.label_for(row, "zh") == "中国"
    assert i18n.label_for(row, "en") == "China"
    region = {"code": "BY-MI", "name_en": "Minsk Region", "name_ru": "Минская область"}
    assert i18n.label_for(region, "zh") == "明斯克州"  # a shipped region: its Chinese name
    renamed = {**region, "name_en": "Minsk Oblast"}
    assert i18n.label_for(renamed, "zh") == "Minsk Oblast"  # renamed: as renamed
    assert i18n.label_for({"code": "X", "name_en": "", "name_ru": None}, "ru") == "X"
    assert (
        i18n.label_for({"id": 1, "name": "China Development Bank"}, "ru")
        == "China Development Bank"
    )
    assert i18n.label_for(None, "ru") == ""


def test_label_for_defaults_to_the_installed_language(lang, store):
    lang("zh")
    sectors = {
        r["code"]: r for r in store.query("SELECT code, name_en, name_ru, name_zh FROM sectors")
    }
    assert i18n.label_for(sectors["energy"]) == "能源"
    lang("ru")
    assert i18n.label_for(sectors["energy"]) == "Энергетика"


def test_field_and_kind_labels(lang):
    lang("ru")
    assert i18n.kind_label("projects") == "Проекты"
    assert i18n.kind_label("projects", singular=True) == "Проект"
    assert i18n.field_label("projects", "status") == "Статус"
    lang("zh")
    assert i18n.field_label("projects", "status") == "状态"


def test_chart_texts_in_russian(lang):
    lang("ru")
    t = i18n.chart_texts()
    assert t.decimal_sep == ","
    assert t.thousands_sep == NBSP
    assert t.disbursed == "Освоено"
    assert t.status_name("implementation") == "Реализация"
    assert t.status_name("operating") == "Действует"
    assert t.million == "млн"
    assert "{what}" in t.amount_axis and "{currency}" in t.amount_axis
    lang("zh")
    z = i18n.chart_texts()
    assert z.disbursed == "已拨付"
    assert z.decimal_sep == "."


# --- the translation files ---------------------------------------------------------------------


def _messages(lang: str) -> list[ElementTree.Element]:
    tree = ElementTree.parse(TS_DIR / f"tracker_{lang}.ts")
    return tree.getroot().findall("./context/message")


@pytest.mark.parametrize("code", ["ru", "zh"])
def test_ts_files_are_complete(code):
    msgs = _messages(code)
    assert len(msgs) > 200
    unfinished = []
    for m in msgs:
        tr = m.find("translation")
        forms = tr.findall("numerusform")
        texts = [f.text for f in forms] if forms else [tr.text]
        if tr.get("type") in ("unfinished", "vanished", "obsolete") or not all(texts):
            unfinished.append(m.findtext("source"))
    assert unfinished == []


@pytest.mark.parametrize("code", ["ru", "zh"])
def test_placeholders_survive_translation(code):
    """A {name} lost in translation would crash str.format at run time."""
    bad = []
    for m in _messages(code):
        src = m.findtext("source")
        tr = m.find("translation")
        forms = tr.findall("numerusform")
        for text in [f.text for f in forms] if forms else [tr.text]:
            if set(re.findall(r"\{\w*\}", src)) != set(re.findall(r"\{\w*\}", text or "")):
                bad.append((src, text))
            if ("%n" in src) != ("%n" in (text or "")) and forms:
                bad.append((src, text))
    assert bad == []


def _translations_tool():
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "packaging" / "translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ts_files_hold_every_string_of_the_code(tmp_path):
    """Extract today's sources afresh: nothing may be missing from the .ts files."""
    fresh = tmp_path / "fresh.ts"
    _translations_tool().extract(fresh, "ru_RU")

    def keys(path: Path) -> set[tuple[str, str]]:
        root = ElementTree.parse(path).getroot()
        return {(c.findtext("name"), m.findtext("source")) for c in root.findall("context")
                for m in c.findall("message")}  # fmt: skip

    missing = keys(fresh) - keys(TS_DIR / "tracker_ru.ts")
    assert sorted(missing) == [], "run `make translations` and translate the new strings"


def test_domain_strings_are_up_to_date():
    out = subprocess.run([sys.executable, str(ROOT / "packaging" / "translations.py"), "--check"],
                         capture_output=True, text=True)  # fmt: skip
    assert out.returncode == 0, out.stdout + out.stderr


@pytest.mark.parametrize("code", ["en", "ru", "zh"])
def test_qm_files_are_compiled_from_the_ts_files(code, tmp_path):
    """The shipped .qm is what lrelease makes of the .ts (run `make translations`)."""
    ts, qm = TS_DIR / f"tracker_{code}.ts", TS_DIR / f"tracker_{code}.qm"
    fresh = tmp_path / qm.name
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts), "-qm", str(fresh)], check=True, capture_output=True)
    assert qm.read_bytes() == fresh.read_bytes()


# --- the real window, walked -----------------------------------------------------------------

#: Texts that are the same in every language: codes, file formats, names of things.
SAME_IN_EVERY_LANGUAGE = {
    "English", "USD", "CNY", "BYN", "EUR", "RUB", "CSV", "JSON", "PDF", "XLSX", "SQLite",
    "IATI XML", "IATI", "Excel", "OK",
}  # fmt: skip
_WORD = re.compile(r"[A-Za-z]{2,}")


def visible_texts(root: QWidget) -> dict[str, str]:
    """Every piece of interface text under a widget → where it was found."""
    out: dict[str, str] = {}

    def add(text: str | None, where: str) -> None:
        text = re.sub(r"<[^>]+>", " ", text or "")
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()
        if text:
            out.setdefault(text, where)

    for w in [root, *root.findChildren(QWidget)]:
        where = f"{type(w).__name__} '{w.objectName()}'"
        if w.isWindow():
            add(w.windowTitle(), where + " title")
        add(w.toolTip(), where + " tooltip")
        add(w.accessibleName(), where + " accessible name")
        if isinstance(w, (QLabel, QAbstractButton)):
            add(w.text(), where)
        elif isinstance(w, QGroupBox):
            add(w.title(), where)
        elif isinstance(w, QLineEdit):
            add(w.placeholderText(), where + " placeholder")
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                add(w.tabText(i), where + " tab")
        elif isinstance(w, QListWidget):
            for i in range(w.count()):
                add(w.item(i).text(), where + " item")
        elif isinstance(w, QComboBox) and not w.isEditable():
            for i in range(w.count()):
                add(w.itemText(i), where + " item")
        if isinstance(w, (QTableView, QTreeView)) and w.model() is not None:
            header = w.horizontalHeader() if isinstance(w, QTableView) else w.header()
            for c in range(header.count()):
                if not header.isSectionHidden(c):
                    text = header.model().headerData(c, Qt.Orientation.Horizontal)
                    add(str(text or ""), where + " header")
    for a in root.findChildren(QAction):
        add(a.text(), f"action '{a.objectName()}'")
        add(a.toolTip(), f"action '{a.objectName()}' tooltip")
        add(a.statusTip(), f"action '{a.objectName()}' status tip")
    for m in root.findChildren(QMenu):
        add(m.title(), f"menu '{m.objectName()}'")
    return out


def _data_texts(store) -> set[str]:
    """Text values stored in the database: shown as they are in every language."""
    values: set[str] = set()
    for table in ("projects", "residents", "ventures", "banks", "zones", "countries", "sectors",
                  "regions", "project_updates"):  # fmt: skip
        for row in store.query(f"SELECT * FROM {table}"):
            values.update(str(v) for v in row.values() if isinstance(v, str))
    from tracker.services.changes import current_user

    # the file's name and folder, the home folder and the login are shown as they are
    values.update({str(store.path), Path(store.path).name, str(Path.home()), current_user()})
    return values


def _untranslated(english: dict[str, str], other: dict[str, str], data: set[str]) -> list[str]:
    found = []
    for text, where in other.items():
        if text not in english or text in SAME_IN_EVERY_LANGUAGE or not _WORD.search(text):
            continue
        if text in data or any(text.startswith(d) or d in text for d in data if len(d) > 12):
            continue  # a record's own name, code or note
        if re.fullmatch(r"[A-Z0-9_./\- ]+", text):  # codes such as CDB-2019-01 or BY-MI
            continue
        found.append(f"{where}: {text!r}")
    return sorted(found)


def _open_window_and_dialogs(ctx, qtbot) -> tuple[object, list[QWidget]]:
    from tracker.ui.dialogs.about_dialog import AboutDialog
    from tracker.ui.dialogs.settings_dialog import SettingsDialog
    from tracker.ui.dialogs.welcome_dialog import WelcomeDialog
    from tracker.ui.main_window import MainWindow

    win = MainWindow(ctx, view="projects")
    win.skip_settings = True
    qtbot.addWidget(win)
    win.show()
    for view in ("dashboard", "projects", "residents", "ventures", "reference"):
        win.show_view(view)
        qtbot.wait(20)
    win.show_view("projects")
    page = win.record_page()
    page.select(page.table.model.id_at(0))
    qtbot.wait(20)
    dialogs: list[QWidget] = [SettingsDialog(ctx, win), AboutDialog(win), WelcomeDialog(win)]
    win.add_update()
    dialogs.append(page.form.history.dialog)  # Add update… for the selected project
    # print_chart's preview brings Qt's own print-preview texts; the report's preview adds no
    # widgets of its own (its text is painted) and takes long to render, so it is left out
    for name in ("open_update_round", "open_export", "open_import", "open_compare", "open_backups",
                 "print_chart"):  # fmt: skip
        opener = getattr(win, name, None)
        if opener is None:
            continue
        try:
            d = opener()
        except Exception as exc:  # a dialog that needs a selection: named in the failure
            pytest.fail(f"{name}() failed while walking the window: {exc}")
        if isinstance(d, QWidget):
            dialogs.append(d)
    for d in dialogs:
        qtbot.addWidget(d)
    return win, dialogs


def _walk(ctx, qtbot) -> dict[str, str]:
    win, dialogs = _open_window_and_dialogs(ctx, qtbot)
    texts = visible_texts(win)
    for d in dialogs:
        for text, where in visible_texts(d).items():
            texts.setdefault(text, f"{d.objectName()}: {where}")
    for d in dialogs:
        d.close()
    win.close()
    return texts


@pytest.mark.parametrize("code", ["ru", "zh"])
def test_no_english_left_in_the_window_menus_and_dialogs(
    code, lang, qtbot, demo_store, monkeypatch
):
    from tracker.ui.context import AppContext

    lang("en")
    english = _walk(AppContext(demo_store), qtbot)
    assert len(english) > 80  # the walk really saw the window
    lang(code)
    other = _walk(AppContext(demo_store), qtbot)
    left = _untranslated(english, other, _data_texts(demo_store))
    assert not left, "English left on screen:\n" + "\n".join(left)
    assert "File" in english and "File" not in other  # the walk sees the menus


def test_window_lookups_show_reference_names_in_the_language(lang, store):
    from tracker.domain.fields import PROJECTS, RESIDENTS
    from tracker.ui.models.lookups import Lookups

    lang("ru")
    ru = Lookups(store)
    assert ru.display(PROJECTS.field("sector"), "energy") == "Энергетика"
    assert ru.display(PROJECTS.field("region"), "BY-MI") == "Минская область"
    assert ru.display(RESIDENTS.field("country"), "CN") == "Китай"
    lang("zh")
    zh = Lookups(store)
    assert zh.display(PROJECTS.field("sector"), "energy") == "能源"
    assert zh.display(PROJECTS.field("region"), "BY-MI") == "明斯克州"  # the shipped Chinese name
    assert zh.display(RESIDENTS.field("country"), "CN") == "中国"


def test_chart_texts_fill_every_field():
    """A field added to ChartTexts must be translated here too, or charts show English."""
    import ast
    import dataclasses
    import inspect

    from tracker.charts.data import ChartTexts

    source = inspect.getsource(i18n.chart_texts)
    call = next(n for n in ast.walk(ast.parse(source))
                if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "ChartTexts")  # fmt: skip
    assert {k.arg for k in call.keywords} == {f.name for f in dataclasses.fields(ChartTexts)}


def test_chart_subtitle_in_the_language(lang, demo_store):
    from tracker.domain.filters import Filter
    from tracker.ui.panes import chart_pane

    lang("ru")
    assert (
        chart_pane.chart_context(demo_store, "status", Filter(), "2026-11-27")
        == "Все записи · на 27.11.2026"
    )
    sectors = Filter.from_dict({"sector": ["energy"]})
    assert "Энергетика" in chart_pane.chart_context(demo_store, "status", sectors, "2026-11-27")
    lang("zh")
    assert (
        chart_pane.chart_context(demo_store, "status", Filter(), "2026-11-27")
        == "全部记录 · 截至 2026/11/27"
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["1 item", "2 items", "5 items", "21 items"]),
        ("ru", ["1 пункт", "2 пункта", "5 пунктов", "21 пункт"]),
        ("zh", ["1 项", "2 项", "5 项", "21 项"]),
    ],
)
def test_counts_take_the_language_plural_forms(qapp, lang, expected):
    """No "(s)" left where a count is shown: each count is its own %n string, so Russian
    gets its three forms (1 пункт, 2 пункта, 5 пунктов) and English no "1 items"."""
    from tracker.ui import i18n

    i18n.install(lang, qapp)
    try:
        got = [
            QCoreApplication.translate("AttentionPane", "%n item(s)", "", n) for n in (1, 2, 5, 21)
        ]
        assert got == expected
        pages = QCoreApplication.translate("ExtrasTabs", "Brief written: {file} (%n page(s))",
                                           "", 1)  # fmt: skip
        assert "(s)" not in pages and "{file}" in pages
    finally:
        i18n.install("en", qapp)
