"""A sector's DAC 5-digit CRS code in the Reference data view: shown, checked against IATI's
shipped codelist when saved, and used by the IATI export."""

from __future__ import annotations

from lxml import etree
from PySide6.QtCore import Qt

from tracker.services import iati
from tracker.services.export import export_snapshot
from tracker.store import Store


def test_sector_crs_code_is_edited_checked_and_exported(qtbot, open_window, demo_path, tmp_path):
    win = open_window(demo_path, view="reference")
    assert win.page("reference").show_kind("sectors")
    page = win.record_page()
    assert page.select("energy")  # sectors are keyed by their code
    editor = page.form.editors["crs_code"]
    assert editor.text() == "23310"  # shipped for the default sectors (migration 5)
    editor.selectAll()
    qtbot.keyClicks(editor, "23010")  # the withdrawn "energy policy" code
    qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
    message = page.form.error_labels["crs_code"]
    assert message.isVisible() and "withdrawn" in message.text()
    with Store.open(demo_path, read_only=True, backup=False) as s:
        assert s.get_by("sectors", "code", "energy")["crs_code"] == "23310"  # nothing written
    editor.selectAll()
    qtbot.keyClicks(editor, "23220")  # hydro-electric power plants
    qtbot.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
    assert not message.isVisible()
    with Store.open(demo_path, read_only=True, backup=False) as s:
        assert s.get_by("sectors", "code", "energy")["crs_code"] == "23220"
    out = tmp_path / "a.xml"
    iati.set_reporting_org(win.ctx.store, ref="XM-DAC-41114", name="M", org_type="10")
    export_snapshot(win.ctx.store, fmt="iati", out=out, user="tester")
    doc = etree.parse(str(out))
    assert "23220" in doc.xpath("//sector[@vocabulary='1']/@code")
    assert "232" in doc.xpath("//sector[@vocabulary='2']/@code")
