"""The export dialog: format, what (the table's filter or everything), where; the result line."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from tracker.domain.filters import Filter
from tracker.services.export import sha256_file
from tracker.store import Store
from tracker.ui.context import AppContext
from tracker.ui.dialogs import export_dialog
from tracker.ui.dialogs.export_dialog import ExportDialog

COMPLETED = Filter(status=("completed",))


def run(qtbot, d):  # noqa: ANN001, ANN201
    """Export (in the background, as the button does) and wait: the result, or None."""
    if d.do_export() is None:
        return None
    qtbot.waitUntil(lambda: not d.busy(), timeout=30000)
    return d.result


@pytest.fixture
def make(ctx, qtbot):  # noqa: ANN001
    made = []

    def _make(kind: str = "projects", flt: Filter = COMPLETED) -> ExportDialog:
        d = ExportDialog(ctx, kind=kind, flt=flt)
        qtbot.addWidget(d)
        d.show()
        made.append(d)
        return d

    yield _make
    for d in made:
        d.close()


def test_current_filter_to_xlsx(ctx, make, tmp_path, qtbot):
    d = make()
    assert d.current_radio.isChecked() and "Status: Completed" in d.current_radio.text()
    changes = []
    ctx.changed.connect(changes.append)
    out = tmp_path / "completed.xlsx"
    d.path_edit.setText(str(out))
    qtbot.mouseClick(d.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not d.busy(), timeout=30000)
    wb = openpyxl.load_workbook(out, read_only=True)
    assert wb.sheetnames == ["Summary", "Projects"]
    statuses = {r[12] for r in wb["Projects"].iter_rows(min_row=2, values_only=True)}
    wb.close()
    assert statuses == {"completed", None}  # the status codes, and the total row
    text = d.result_label.text()
    assert text.startswith(f"Excel workbook written to {out}")
    assert d.details_label.text() == f"sha256 {sha256_file(out)}"
    snap = ctx.store.rows("snapshots")[-1]
    assert snap["sha256"] == sha256_file(out) and json.loads(snap["filter"]) == {
        "status": ["completed"]
    }
    assert changes[-1].table == "snapshots"


def test_everything_as_csv_zip_with_browse_seam(ctx, make, tmp_path, qtbot, monkeypatch):
    d = make()
    d.all_radio.setChecked(True)
    d.set_format("csv")
    assert d.path_edit.text().endswith(".zip")
    monkeypatch.setattr(export_dialog, "choose_save_path", lambda *a: str(tmp_path / "all"))
    qtbot.mouseClick(d.browse, Qt.MouseButton.LeftButton)
    assert d.path_edit.text() == str(tmp_path / "all.zip")
    assert d.scope() == ("all", Filter())
    run(qtbot, d)
    with zipfile.ZipFile(tmp_path / "all.zip") as zf:
        assert "ventures.csv" in zf.namelist() and "fx_rates.csv" in zf.namelist()
    assert "Joint ventures: 170" in d.result_label.text()


def test_csv_folder_and_sqlite_scope(ctx, make, tmp_path, monkeypatch, qtbot):
    d = make(kind="residents", flt=Filter(country=("CN",)))
    d.set_format("csv-folder")
    monkeypatch.setattr(export_dialog, "choose_folder", lambda *a: str(tmp_path / "csvs"))
    d.choose_path()
    d.current_radio.setChecked(True)
    run(qtbot, d)
    assert sorted(p.name for p in (tmp_path / "csvs").iterdir()) == [
        "manifest.json",
        "residents.csv",
    ]
    d.set_format("sqlite")
    assert not d.current_radio.isEnabled() and d.scope() == ("all", Filter())
    assert "whole database" in d.scope_note.text()


def test_bad_path_says_why_and_writes_nothing(ctx, make, tmp_path, qtbot):
    d = make()
    d.path_edit.setText(str(tmp_path / "no" / "such" / "x.xlsx"))
    assert run(qtbot, d) is None
    assert (
        "Nothing was exported" in d.result_label.text()
        and "out: the folder" in d.result_label.text()
    )
    assert not (tmp_path / "no").exists() and ctx.store.rows("snapshots") == []
    d.path_edit.setText("")
    run(qtbot, d)
    assert "Choose where to save" in d.result_label.text()


def test_pdf_uses_the_report_renderer(ctx, make, tmp_path, monkeypatch, qtbot):
    d = make()
    d.set_format("pdf")
    monkeypatch.setattr(export_dialog, "_pdf_renderer", lambda: None)
    d.path_edit.setText(str(tmp_path / "r.pdf"))
    run(qtbot, d)
    assert "PDF export is not available" in d.result_label.text()
    seen = []

    def renderer(*, store, out, flt, currency, as_of):
        seen.append(flt)
        Path(out).write_bytes(b"%PDF-1.4\n%%EOF\n")

    monkeypatch.setattr(export_dialog, "_pdf_renderer", lambda: renderer)
    run(qtbot, d)
    assert seen == [COMPLETED] and (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_iati_from_another_table_exports_all_projects(ctx, make, tmp_path, qtbot):
    d = make(kind="residents", flt=Filter(country=("CN",)))
    d.set_format("iati")
    d.current_radio.setChecked(True)
    assert d.scope() == ("projects", Filter())
    d.path_edit.setText(str(tmp_path / "a.xml"))
    run(qtbot, d)
    assert f"Projects: {ctx.store.count('projects')}" in d.result_label.text()


def test_read_only_database_exports_but_cannot_record(demo_path, qtbot, tmp_path):
    store = Store.open(demo_path, read_only=True, backup=False)
    ctx = AppContext(store, user="tester")
    d = ExportDialog(ctx, kind="ventures", flt=Filter())
    qtbot.addWidget(d)
    try:
        d.set_format("json")
        d.path_edit.setText(str(tmp_path / "v.json"))
        run(qtbot, d)
        assert (tmp_path / "v.json").exists()
        assert "could not be recorded" in d.result_label.text()
    finally:
        d.close()
        store.close()
        ctx.deleteLater()


def _reporting_org(path: Path) -> tuple[str | None, str | None, str | None]:
    from lxml import etree

    org = etree.parse(str(path)).find("iati-activity/reporting-org")
    return org.get("ref"), org.get("type"), org.findtext("narrative")


def test_iati_asks_for_the_reporting_organisation_and_keeps_it(ctx, make, tmp_path, qtbot):
    d = make()
    assert not d.org_box.isVisible()
    d.set_format("iati")
    assert d.org_box.isVisible() and d.org_ref.text() == "" and d.org_name.text() == ""
    d.grab().save(str(tmp_path / "export_iati.png"))
    d.org_ref.setText("XM-DAC-41114")
    d.org_name.setText("  Ministry  of Economy ")
    d.org_type.setCurrentIndex(d.org_type.findData("15"))
    d.path_edit.setText(str(tmp_path / "a.xml"))
    assert run(qtbot, d) is not None
    assert _reporting_org(tmp_path / "a.xml") == ("XM-DAC-41114", "15", "Ministry of Economy")
    # Kept in the file: the next dialog shows it, the next export (CLI too) writes it.
    again = make()
    again.set_format("iati")
    assert (again.org_ref.text(), again.org_name.text(), again.org_type.currentData()) == (
        "XM-DAC-41114", "Ministry of Economy", "15")  # fmt: skip


def test_a_bad_reporting_organisation_exports_nothing_and_names_the_field(
    ctx, make, tmp_path, qtbot
):
    d = make()
    d.set_format("iati")
    d.org_ref.setText("ministry of economy")
    d.org_name.setText("")
    d.path_edit.setText(str(tmp_path / "bad.xml"))
    assert run(qtbot, d) is None
    text = d.result_label.text()
    assert text.startswith("Nothing was exported")
    assert "Reporting organisation identifier: 'ministry of economy' is not an IATI" in text
    assert "Reporting organisation name: is required" in text
    assert not (tmp_path / "bad.xml").exists()
    assert ctx.store.meta("iati_org_ref") is None


def test_empty_organisation_writes_the_placeholder(ctx, make, tmp_path, qtbot):
    d = make()
    d.set_format("iati")
    d.path_edit.setText(str(tmp_path / "p.xml"))
    assert run(qtbot, d) is not None
    assert _reporting_org(tmp_path / "p.xml")[0] == "XX-INVESTMENT-TRACKER"
    assert ctx.store.meta("iati_org_ref") is None


def test_the_result_line_is_in_the_users_language(ctx, qtbot, tmp_path):  # noqa: ANN001
    from PySide6.QtWidgets import QApplication

    from tracker.ui import i18n

    i18n.install("ru", QApplication.instance())
    try:
        d = ExportDialog(ctx, kind="projects", flt=Filter())
        qtbot.addWidget(d)
        d.set_format("sqlite")
        d.path_edit.setText(str(tmp_path / "copy.sqlite3"))
        assert run(qtbot, d) is not None
        text = d.result_label.text()
        assert text.startswith(f"Снимок SQLite — записано в {tmp_path / 'copy.sqlite3'}")
        assert f"Проекты: {ctx.store.count('projects')}" in text
        assert "записан как снимок №" in text
        d.close()
    finally:
        i18n.install("en", QApplication.instance())


@pytest.mark.parametrize("fmt", ["xlsx", "sqlite", "csv", "json", "iati"])
def test_export_onto_the_open_database_is_refused(ctx, make, qtbot, monkeypatch, fmt):
    """Pointed at the database file itself, the dialog says why (never offering to replace
    it) and the file is untouched."""

    def no_question(*_a):
        raise AssertionError("the database was offered for replacing")

    monkeypatch.setattr(export_dialog, "ask_overwrite", no_question)
    db = ctx.store.path
    before = sha256_file(db)
    d = make()
    d.set_format(fmt)
    d.path_edit.setText(str(db))
    qtbot.mouseClick(d.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not d.busy(), timeout=30000)
    text = d.result_label.text()
    assert "is the open database" in text and "Nothing was exported" in text
    assert sha256_file(db) == before and ctx.store.rows("snapshots") == []
