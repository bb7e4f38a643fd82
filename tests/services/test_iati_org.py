"""The reporting organisation of IATI exports: checked, kept in the file, all or nothing."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tracker.domain.validation import ValidationErrors
from tracker.services import iati


def test_placeholder_until_set(demo_store):
    org = iati.reporting_org(demo_store)
    assert org.placeholder and org.ref == iati.DEFAULT_ORG_REF and org.org_type == "10"
    org = iati.set_reporting_org(
        demo_store, ref="BY-COA-1", name="Ministry of Finance", org_type="10"
    )
    assert not org.placeholder
    assert (org.ref, org.name, org.org_type) == ("BY-COA-1", "Ministry of Finance", "10")


@pytest.mark.parametrize(
    ("ref", "name", "org_type", "fields"),
    [
        ("", "A", "10", {"iati_org_ref"}),
        ("by-mof-1", "A", "10", {"iati_org_ref"}),
        ("BY MOF 1", "A", "10", {"iati_org_ref"}),
        ("BY-", "A", "10", {"iati_org_ref"}),
        ("XX-INVESTMENT-TRACKER", "A", "10", {"iati_org_ref"}),
        # Well formed, but BY-MOF is no registration agency (IATI rule 1.14.8).
        ("BY-MOF-1", "A", "10", {"iati_org_ref"}),
        ("XM-DAC", "A", "10", {"iati_org_ref"}),
        ("BY-COA-1", "   ", "10", {"iati_org_name"}),
        ("BY-COA-1", "x" * 201, "10", {"iati_org_name"}),
        ("BY-COA-1", "A", "99", {"iati_org_type"}),
        ("", "", "", {"iati_org_ref", "iati_org_name", "iati_org_type"}),
    ],
)
def test_bad_values_are_refused_and_nothing_is_kept(demo_store, ref, name, org_type, fields):
    iati.set_reporting_org(demo_store, ref="GB-COH-123", name="Old", org_type="70")
    with pytest.raises(ValidationErrors) as err:
        iati.set_reporting_org(demo_store, ref=ref, name=name, org_type=org_type)
    assert {e.field for e in err.value.errors} == fields
    org = iati.reporting_org(demo_store)
    assert (org.ref, org.name, org.org_type) == ("GB-COH-123", "Old", "70")


def test_the_export_validates_with_the_organisation(demo_store, tmp_path):
    iati.set_reporting_org(demo_store, ref="XM-DAC-41114", name="Desk", org_type="40")
    out = tmp_path / "a.xml"
    iati.write_activities(
        demo_store, out=out, as_of="2026-11-27", generated_at="2026-11-27T00:00:00Z"
    )
    iati.validate(out)
    text = out.read_text(encoding="utf-8")
    assert 'ref="XM-DAC-41114"' in text and iati.DEFAULT_ORG_REF not in text
    # Each activity identifier starts with the reporting organisation's identifier (IATI rule).
    assert "<iati-identifier>XM-DAC-41114-" in text


def cli(*args: str):  # noqa: ANN201
    return subprocess.run([sys.executable, "-m", "tracker", *args], capture_output=True, text=True)


def test_cli_shows_and_sets_the_organisation(demo_path):
    shown = cli("iati-org", "--db", str(demo_path))
    assert shown.returncode == 0 and "XX-INVESTMENT-TRACKER" in shown.stdout
    assert "placeholder" in shown.stdout
    bad = cli("iati-org", "--db", str(demo_path), "--ref", "nope", "--name", "X")
    assert (
        bad.returncode == 1
        and "iati_org_ref: 'nope' is not an IATI organisation identifier" in bad.stderr
    )
    assert cli("iati-org", "--db", str(demo_path)).stdout == shown.stdout
    from tracker.store import Store

    with Store.open(demo_path, read_only=True, backup=False) as s:
        assert s.meta("iati_org_ref") is None, "a refused value is not kept"
    agency = cli("iati-org", "--db", str(demo_path), "--ref", "BY-MOF-1", "--name", "M")
    assert agency.returncode == 1
    assert "'BY-MOF-1' does not start with an approved registration agency code" in agency.stderr
    assert "BY-MOF" not in agency.stderr.split("e.g.")[1]  # the example given passes the check
    ok = cli(
        "iati-org", "--db", str(demo_path), "--ref", "BY-COA-1", "--name", "Ministry of Finance"
    )
    assert ok.returncode == 0, ok.stderr
    assert "BY-COA-1 Ministry of Finance (type 10 Government)" in ok.stdout
    renamed = cli("iati-org", "--db", str(demo_path), "--name", "Ministry of Finance of Belarus",
                  "--type", "11")  # fmt: skip
    assert "BY-COA-1 Ministry of Finance of Belarus (type 11 Local Government)" in renamed.stdout
