"""IATI 2.03 activity XML validates against the official schema."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tracker.domain.codelists import PROJECT_STATUSES
from tracker.domain.filters import Filter
from tracker.domain.validation import ValidationErrors
from tracker.services import iati
from tracker.services.export import export_snapshot

OFFICIAL = Path(__file__).resolve().parents[3] / "shared" / "iati" / "iati-activities-schema.xsd"


def official_schema() -> etree.XMLSchema:
    # The official files beside the repo (shared/iati); else the unchanged copy the package ships.
    packaged = Path(iati.__file__).with_name("iati_schema") / "iati-activities-schema.xsd"
    path = OFFICIAL if OFFICIAL.is_file() else packaged
    return etree.XMLSchema(etree.parse(str(path)))


def test_demo_export_validates_against_the_official_schema(demo_store, tmp_path):
    out = tmp_path / "activities.xml"
    r = export_snapshot(demo_store, fmt="iati", out=out, user="tester", as_of="2025-12-31")
    doc = etree.parse(str(out))
    official_schema().assertValid(doc)
    root = doc.getroot()
    assert root.tag == "iati-activities" and root.get("version") == "2.03"
    acts = root.findall("iati-activity")
    assert len(acts) == demo_store.count("projects") == r.rows["projects"]
    codes = [p["code"] for p in demo_store.rows("projects")]
    assert [a.findtext("iati-identifier").rsplit("-", 3)[-3:] for a in acts][0] == codes[0].split(
        "-"
    )
    # Every status maps onto the ActivityStatus codelist (1-6).
    assert {a.find("activity-status").get("code") for a in acts} <= {"1", "2", "3", "4", "5", "6"}
    # Commitment (2) values add up to the committed amounts of non-pipeline projects
    # agreed by the as-of date (nothing later is written as having happened).
    committed = sum(
        float(v) for v in doc.xpath("//transaction[transaction-type/@code='2']/value/text()")
    )
    expected = sum(p["amount"] for p in demo_store.rows("projects") if p["status"] != "pipeline"
                   and (p["agreement_date"] or p["start_date"]) <= "2025-12-31") / 100  # fmt: skip
    assert max(doc.xpath("//transaction-date/@iso-date")) <= "2025-12-31"
    assert committed == pytest.approx(expected, abs=0.01)


def test_status_mapping_covers_every_project_status():
    assert set(iati.ACTIVITY_STATUS) == set(PROJECT_STATUSES)
    assert iati.activity_status({"status": "completed", "amount": 100, "disbursed": 100}) == "4"
    assert iati.activity_status({"status": "completed", "amount": 100, "disbursed": 50}) == "3"
    assert iati.activity_status({"status": "cancelled", "amount": 1, "disbursed": 0}) == "5"


def test_packaged_schema_is_the_official_one():
    packaged = iati.SCHEMA_DIR
    for name in ("iati-activities-schema.xsd", "iati-common.xsd", "xml.xsd"):
        assert (packaged / name).is_file()
        official = OFFICIAL.with_name(name)
        if official.is_file():
            assert (packaged / name).read_bytes() == official.read_bytes()


def test_invalid_xml_is_refused_by_validate(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text('<iati-activities version="2.03"><iati-activity/></iati-activities>')
    with pytest.raises(iati.IatiInvalid, match="not valid IATI 2.03"):
        iati.validate(bad)


def test_no_projects_is_refused_and_nothing_written(store, tmp_path):
    out = tmp_path / "none.xml"
    with pytest.raises(ValidationErrors, match="at least one activity"):
        export_snapshot(store, fmt="iati", out=out, user="tester")
    assert not out.exists() and not list(tmp_path.glob(".*.part"))


def test_filter_and_odd_text_still_validate(demo_store, tmp_path):
    p = demo_store.rows("projects", where={"status": "pipeline"})[0]
    demo_store.update("projects", p["id"], {"name": "Name with <tags> & \x07bell", "start_date": None,
                      "planned_end": None, "borrower": None}, expected_version=None, user="t")  # fmt: skip
    out = tmp_path / "pipeline.xml"
    export_snapshot(
        demo_store, fmt="iati", out=out, flt=Filter(status=("pipeline",)), user="tester"
    )
    doc = etree.parse(str(out))
    official_schema().assertValid(doc)
    titles = [t.text for t in doc.iterfind("iati-activity/title/narrative")]
    assert "Name with <tags> & bell" in titles
