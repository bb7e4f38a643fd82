"""IATI's standard ruleset (2.03) on real exports: zero errors and warnings on the demo and on
a synthetic portfolio once the reporting organisation is set; and each rule the export once
broke, proven to be caught by the rule engine on a file that breaks it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from tracker.cli import main
from tracker.domain import iati_codes
from tracker.domain.codelists import DEFAULT_SECTOR_CRS
from tracker.domain.validation import ValidationErrors
from tracker.services import edits, iati, iati_rules, updates
from tracker.services.export import export_snapshot
from tracker.store import Store

ORG = "XM-DAC-41114"


def rules_on(store: Store, out: Path, **kw) -> list[iati_rules.Finding]:  # noqa: ANN003
    export_snapshot(store, fmt="iati", out=out, user="tester", **kw)
    return iati_rules.check_file(out)


def test_the_ruleset_is_the_shipped_standard_one():
    ids = iati_rules.rule_ids()
    assert {"1.14.8", "102.1.1", "11.1.4", "11.1.5", "11.2.1", "1.3.13", "4.1.1"} <= ids
    assert len(ids) >= 60
    assert iati_rules.ruleset()["version"].startswith("IATI-Rulesets version-2.03")


def test_demo_has_no_errors_or_warnings_once_the_organisation_is_set(demo_store, tmp_path):
    before = rules_on(demo_store, tmp_path / "placeholder.xml")
    assert {f.rule for f in before} == {"1.14.8"}  # only the placeholder organisation
    iati.set_reporting_org(demo_store, ref=ORG, name="Ministry of Economy", org_type="10")
    r = export_snapshot(demo_store, fmt="iati", out=tmp_path / "demo.xml", user="tester")
    assert iati_rules.check_file(tmp_path / "demo.xml") == []
    assert "IATI rules: 0 errors, 0 warnings" in r.notes


def test_synthetic_portfolio_has_no_errors_or_warnings(tmp_path, capsys):
    db = tmp_path / "synthetic.sqlite3"
    assert main(["init", "--db", str(db), "--projects", "2000"]) == 0
    assert main(["iati-org", "--db", str(db), "--ref", ORG, "--name", "Ministry"]) == 0
    out = tmp_path / "synthetic.xml"
    assert main(["export", "--db", str(db), "--format", "iati", "--out", str(out)]) == 0
    assert "IATI rules: 0 errors, 0 warnings" in capsys.readouterr().out
    findings = iati_rules.check_file(out)
    assert findings == [], iati_rules.summary(findings)
    doc = etree.parse(str(out))
    assert len(doc.getroot()) == 2000
    today = dt.date.today().isoformat()
    assert max(doc.xpath("//activity-date[@type='2' or @type='4']/@iso-date")) <= today
    assert max(doc.xpath("//transaction-date/@iso-date")) <= today


def test_every_sector_has_a_current_dac5_code_and_its_category(demo_store, tmp_path):
    iati.set_reporting_org(demo_store, ref=ORG, name="M", org_type="10")
    out = tmp_path / "s.xml"
    export_snapshot(demo_store, fmt="iati", out=out, user="tester")
    doc = etree.parse(str(out))
    for act in doc.getroot():
        five = act.find("sector[@vocabulary='1']").get("code")
        three = act.find("sector[@vocabulary='2']").get("code")
        own = act.find("sector[@vocabulary='99']").get("code")
        assert five == DEFAULT_SECTOR_CRS[own] and three == five[:3]
        assert iati_codes.is_active("Sector", five) and iati_codes.is_active(
            "SectorCategory", three
        )
    assert "230" not in doc.xpath("//sector/@code")
    # The shipped codelist knows 230 was withdrawn for 231-236.
    assert iati_codes.codelist("SectorCategory")["230"].status == "withdrawn"
    assert all(iati_codes.is_active("SectorCategory", c) for c in ("231", "232", "233", "236"))
    assert "withdrawn" in iati_codes.dac5_problem("23010")
    assert all(iati_codes.dac5_problem(c) is None for c in DEFAULT_SECTOR_CRS.values())
    assert "2.03" in iati_codes.codelists_version()


def _project(store: Store, **values: str) -> int:
    base = {"code": "T-1", "name": "Test plant", "sector": "energy", "bank": "ICBC",
            "amount": "1000000.00", "currency": "EUR", "status": "implementation",
            "agreement_date": "2024-02-01", "start_date": "2024-03-01"}  # fmt: skip
    _, pk = edits.create_record(store, kind="projects", user="tester", values=base | values)
    return pk


def _update(store: Store, pk: int, as_of: str, disbursed: str) -> None:
    updates.add_update(store, project_id=pk, values={"as_of": as_of, "disbursed": disbursed,
                       "status": "implementation"}, user="tester")  # fmt: skip


def test_transactions_come_from_dated_updates_and_stop_at_the_as_of_date(store, tmp_path):
    iati.set_reporting_org(store, ref=ORG, name="M", org_type="10")
    pk = _project(store)
    _update(store, pk, "2024-06-30", "100000.00")
    _update(store, pk, "2024-12-31", "250000.50")
    _update(store, pk, "2025-06-30", "250000.50")  # no change: no transaction
    _update(store, pk, "2025-09-30", "400000.00")
    out = tmp_path / "t.xml"
    assert rules_on(store, out, as_of="2025-07-01") == []
    act = etree.parse(str(out)).getroot()[0]

    def txs(code: str) -> list[tuple[str, str, str]]:
        return [(t.find("transaction-date").get("iso-date"), t.find("value").get("value-date"),
                 t.findtext("value")) for t in act.xpath(f"transaction[transaction-type/@code='{code}']")]  # fmt: skip

    assert txs("2") == [("2024-02-01", "2024-02-01", "1000000.00")]  # on the agreement date
    assert txs("3") == [("2024-06-30", "2024-06-30", "100000.00"),
                        ("2024-12-31", "2024-12-31", "150000.50")]  # fmt: skip
    export_snapshot(store, fmt="iati", out=out, user="tester")  # as of today
    later = etree.parse(str(out)).getroot()[0]
    values = [
        Decimal(v) for v in later.xpath("transaction[transaction-type/@code='3']/value/text()")
    ]
    assert values[-1] == Decimal("149999.50") and sum(values) == Decimal("400000.00")


def test_names_carry_their_language(store, tmp_path):
    iati.set_reporting_org(store, ref=ORG, name="Министерство экономики", org_type="10")
    _project(store, code="ZH-1", name="中白工业园物流中心", borrower="ООО Логистика")
    _project(store, code="EN-1", name="Ring road")
    out = tmp_path / "lang.xml"
    assert rules_on(store, out) == []
    doc = etree.parse(str(out))
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    acts = {a.findtext("iati-identifier"): a for a in doc.getroot()}
    zh = acts[f"{ORG}-ZH-1"]
    assert zh.get(lang) == "en"
    assert zh.find("title/narrative").get(lang) == "zh"
    assert zh.find("participating-org[@role='4']/narrative").get(lang) == "ru"
    assert zh.find("reporting-org/narrative").get(lang) == "ru"
    assert acts[f"{ORG}-EN-1"].find("title/narrative").get(lang) is None  # the default, en


def test_a_code_with_a_slash_is_warned_about_and_mapped(store, tmp_path):
    assert "BY-2024-7" in iati.code_warning("BY/2024/7")
    assert iati.code_warning("BY-2024-7") is None
    iati.set_reporting_org(store, ref=ORG, name="M", org_type="10")
    _project(store, code="BY/2024/7")
    out = tmp_path / "slash.xml"
    assert rules_on(store, out) == []
    assert etree.parse(str(out)).findtext("iati-activity/iati-identifier") == f"{ORG}-BY-2024-7"
    _project(store, code="BY-2024-7", name="Another")
    with pytest.raises(ValidationErrors, match="would both be the IATI activity"):
        export_snapshot(store, fmt="iati", out=tmp_path / "clash.xml", user="tester")
    assert not (tmp_path / "clash.xml").exists()


def test_future_actual_dates_are_refused_and_never_exported(store, tmp_path):
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    with pytest.raises(ValidationErrors, match="start_date: must not be after today"):
        _project(store, start_date=tomorrow)
    with pytest.raises(ValidationErrors, match="actual_end: must not be after today"):
        _project(store, status="completed", actual_end=tomorrow)
    pk = _project(store, status="signed", start_date=tomorrow)  # a planned start may be later
    iati.set_reporting_org(store, ref=ORG, name="M", org_type="10")
    # A file written by an older version (or another program) may still hold them.
    row = store.get("projects", pk)
    store.update("projects", pk, {"status": "completed", "start_date": "2024-03-01",
                 "actual_end": tomorrow, "planned_end": None}, expected_version=row["version"],
                 user="t")  # fmt: skip
    out = tmp_path / "future.xml"
    r = export_snapshot(store, fmt="iati", out=out, user="tester")
    assert iati_rules.check_file(out) == []
    doc = etree.parse(str(out))
    assert doc.xpath("//activity-date[@type='4']") == []
    assert doc.xpath("//activity-date[@type='3']/@iso-date") == [tomorrow]
    assert any("written as planned dates" in n for n in r.notes)


GOOD_DATES = '<activity-date type="1" iso-date="2020-01-01"/>'
GOOD_PLACE = '<recipient-country code="BY"/><sector code="32120"/>'
RULE_BREAKERS = {
    "11.1.5": ('<activity-date type="2" iso-date="2020-01-01"/>'
               '<activity-date type="4" iso-date="2999-01-01"/>', GOOD_PLACE, ""),
    "102.1.1": (GOOD_DATES, '<recipient-country code="BY"/><sector vocabulary="2" code="321"/>', ""),
    "1.3.13": (GOOD_DATES, GOOD_PLACE, ""),
    "11.2.1": (GOOD_DATES, GOOD_PLACE,
               '<transaction><transaction-type code="3"/><transaction-date iso-date="2999-01-01"/>'
               '<value value-date="2020-01-01">1</value></transaction>'),
}  # fmt: skip


@pytest.mark.parametrize("rule", list(RULE_BREAKERS))
def test_the_engine_catches_what_the_export_used_to_write(tmp_path, rule):
    ident = f"{ORG}-A/1" if rule == "1.3.13" else f"{ORG}-A-1"
    dates, place, transactions = RULE_BREAKERS[rule]
    xml = (f'<iati-activities version="2.03"><iati-activity xml:lang="en" default-currency="USD" '
           f'last-updated-datetime="2020-01-01T00:00:00Z"><iati-identifier>{ident}</iati-identifier>'
           f'<reporting-org ref="{ORG}" type="10"><narrative>M</narrative></reporting-org>'
           f"<title><narrative>T</narrative></title>{dates}{place}{transactions}"
           "</iati-activity></iati-activities>")  # fmt: skip
    path = tmp_path / "bad.xml"
    path.write_text(xml, "utf-8")
    assert {f.rule for f in iati_rules.check_file(path)} == {rule}
    path.write_text(
        xml.replace(RULE_BREAKERS[rule][0], GOOD_DATES)
        .replace(RULE_BREAKERS[rule][1], GOOD_PLACE)
        .replace("A/1", "A-1")
        .replace(transactions, ""),
        "utf-8",
    )
    assert iati_rules.check_file(path) == []
    path.write_text(xml.replace(ORG, "BY-MOF-1"), "utf-8")
    assert "1.14.8" in {f.rule for f in iati_rules.check_file(path)}


def test_a_sector_without_a_crs_code_is_named_and_a_withdrawn_one_refused(store, tmp_path):
    edits.create_record(store, kind="sectors", user="tester",
                        values={"code": "mining", "name_en": "Mining"})  # fmt: skip
    with pytest.raises(ValidationErrors, match="crs_code: 23010 .* was withdrawn"):
        edits.create_record(store, kind="sectors", user="tester",
                            values={"code": "power", "name_en": "Power", "crs_code": "23010"})  # fmt: skip
    assert store.get_by("sectors", "code", "energy")["crs_code"] == "23310"  # migration 5
    iati.set_reporting_org(store, ref=ORG, name="M", org_type="10")
    _project(store, sector="mining")
    out = tmp_path / "mining.xml"
    r = export_snapshot(store, fmt="iati", out=out, user="tester")
    assert {f.rule for f in iati_rules.check_file(out)} == {"102.1.1"}
    assert any("without a usable DAC 5-digit code" in n and "mining" in n for n in r.notes)
