"""IATI 2.03 activity XML for projects, written streaming and checked against
the official schema (tracker/services/iati_schema/, copied from IATI-Schemas
version-2.03) before anyone sees the file.

Codelist values are written here in code, each with the IATI codelist it
comes from, so a reader can check them against iatistandard.org/codelists.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tracker.domain.codelists import DEFAULT_SECTORS
from tracker.domain.filters import Filter
from tracker.domain.money import from_minor
from tracker.domain.validation import ValidationError, ValidationErrors
from tracker.store import Store
from tracker.store.snapshot_reads import export_rows

IATI_VERSION = "2.03"
SCHEMA_DIR = Path(__file__).with_name("iati_schema")
SCHEMA_FILE = SCHEMA_DIR / "iati-activities-schema.xsd"

# Codelist ActivityStatus: 1 Pipeline/identification, 2 Implementation, 3 Finalisation,
# 4 Closed, 5 Cancelled, 6 Suspended. A signed loan whose works have not started is
# still being prepared (1); a completed project is Finalisation (3) until the whole
# commitment is disbursed, then Closed (4).
ACTIVITY_STATUS = {
    "pipeline": "1",
    "signed": "1",
    "implementation": "2",
    "completed": "3",
    "suspended": "6",
    "cancelled": "5",
}
ACTIVITY_STATUS_CLOSED = "4"
# Codelist OrganisationRole: 1 Funding, 2 Accountable, 3 Extending, 4 Implementing.
ROLE_FUNDING, ROLE_ACCOUNTABLE, ROLE_EXTENDING, ROLE_IMPLEMENTING = "1", "2", "3", "4"
# Codelist TransactionType: 2 Outgoing Commitment, 3 Disbursement.
TRANSACTION_COMMITMENT, TRANSACTION_DISBURSEMENT = "2", "3"
# Codelist ActivityDateType: 1 Planned start, 2 Actual start, 3 Planned end, 4 Actual end.
DATE_PLANNED_START, DATE_ACTUAL_START, DATE_PLANNED_END, DATE_ACTUAL_END = "1", "2", "3", "4"
# Codelist DescriptionType: 1 General.
DESCRIPTION_GENERAL = "1"
# Codelist OrganisationType: 10 Government (the ministry or agency that reports).
ORG_TYPE_GOVERNMENT = "10"
# Codelist SectorVocabulary: 2 OECD DAC CRS 3 digit, 99 Reporting Organisation (our own codes).
SECTOR_VOCAB_DAC3, SECTOR_VOCAB_OWN = "2", "99"
# Codelist Sector (DAC 3 digit, vocabulary 2) for our sector codes.
DAC3_SECTOR = {
    "energy": "230",  # Energy
    "industry": "321",  # Industry
    "agriculture": "311",  # Agriculture
    "logistics": "210",  # Transport & Storage
    "transport": "210",  # Transport & Storage
    "construction": "323",  # Construction
    "healthcare": "121",  # Health, General
    "it": "220",  # Communications
    "real_estate": "430",  # Other Multisector
    "other": "998",  # Unallocated / Unspecified
}
# Codelist Country (ISO 3166-1 alpha-2): where the portfolio's projects are.
RECIPIENT_COUNTRY = "BY"
# Codelist Currency (ISO 4217) is the projects' own `currency` column, already ISO 4217.

#: The reporting organisation when the database does not name one (meta keys
#: iati_org_ref / iati_org_name / iati_org_type, set by :func:`set_reporting_org`).
DEFAULT_ORG_REF = "XX-INVESTMENT-TRACKER"
DEFAULT_ORG_NAME = "Investment Tracker desk"
# Codelist OrganisationType (2.03), every code: the reporting organisation's type.
ORGANISATION_TYPES = {
    "10": "Government",
    "11": "Local Government",
    "15": "Other Public Sector",
    "21": "International NGO",
    "22": "National NGO",
    "23": "Regional NGO",
    "24": "Partner Country based NGO",
    "30": "Public Private Partnership",
    "40": "Multilateral",
    "60": "Foundation",
    "70": "Private Sector",
    "71": "Private Sector in Provider Country",
    "72": "Private Sector in Aid Recipient Country",
    "73": "Private Sector in Third Country",
    "80": "Academic, Training and Research",
    "90": "Other",
}
#: An IATI organisation identifier: a registration agency prefix ("BY-…", "XM-DAC-…",
#: "GB-COH-…": two capital letters, a hyphen, the agency's code) and the number it gave.
ORG_REF_RULE = re.compile(r"[A-Z]{2}-[A-Za-z0-9]+(?:[-._][A-Za-z0-9]+)*")
ORG_NAME_MAX = 200


@dataclass(frozen=True)
class ReportingOrg:
    ref: str
    name: str
    org_type: str
    #: True while the file names no organisation: the IATI file then carries a placeholder.
    placeholder: bool


def reporting_org(store: Store) -> ReportingOrg:
    ref = store.meta("iati_org_ref")
    return ReportingOrg(
        ref=ref or DEFAULT_ORG_REF,
        name=store.meta("iati_org_name") or DEFAULT_ORG_NAME,
        org_type=store.meta("iati_org_type") or ORG_TYPE_GOVERNMENT,
        placeholder=not ref,
    )


def set_reporting_org(store: Store, *, ref: str, name: str, org_type: str) -> ReportingOrg:
    """Name the organisation that reports this file's projects (checked; all or nothing)."""
    ref, name, org_type = ref.strip(), " ".join(name.split()), org_type.strip()
    errors = []
    if not ref:
        errors.append(ValidationError("iati_org_ref", "is required"))
    elif ref == DEFAULT_ORG_REF or not ORG_REF_RULE.fullmatch(ref):
        errors.append(ValidationError(
            "iati_org_ref",
            f"{ref!r} is not an IATI organisation identifier: a registration agency prefix, "
            "a hyphen and the organisation's number, e.g. XM-DAC-41114 or BY-MOF-1",
        ))  # fmt: skip
    if not name:
        errors.append(ValidationError("iati_org_name", "is required"))
    elif len(name) > ORG_NAME_MAX:
        errors.append(ValidationError("iati_org_name", f"is longer than {ORG_NAME_MAX} characters"))
    if org_type not in ORGANISATION_TYPES:
        errors.append(ValidationError(
            "iati_org_type",
            f"{org_type!r} is not an IATI organisation type code "
            f"({', '.join(ORGANISATION_TYPES)})",
        ))  # fmt: skip
    if errors:
        raise ValidationErrors(errors)
    with store.write():
        store.set_meta("iati_org_ref", ref)
        store.set_meta("iati_org_name", name)
        store.set_meta("iati_org_type", org_type)
    return reporting_org(store)


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class IatiInvalid(ValueError):
    """The written XML does not validate against the IATI schema."""


@cache
def _schema():  # noqa: ANN202 - lxml type
    from lxml import etree

    if not SCHEMA_FILE.is_file():
        raise FileNotFoundError(f"the IATI schema is not installed ({SCHEMA_FILE} is missing)")
    return etree.XMLSchema(etree.parse(str(SCHEMA_FILE)))


def validate(path: Path) -> None:
    """Raise IatiInvalid with the first problems if ``path`` is not valid IATI 2.03 XML."""
    from lxml import etree

    schema = _schema()
    doc = etree.parse(str(path))
    if not schema.validate(doc):
        errs = "; ".join(f"line {e.line}: {e.message}" for e in list(schema.error_log)[:5])
        raise IatiInvalid(f"{path.name} is not valid IATI {IATI_VERSION}: {errs}")


def activity_status(project: Mapping[str, Any]) -> str:
    if project["status"] == "completed" and (project.get("disbursed") or 0) >= project["amount"]:
        return ACTIVITY_STATUS_CLOSED
    return ACTIVITY_STATUS[project["status"]]


def write_activities(
    store: Store, *, out: Path, flt: Filter | None = None, as_of: str, generated_at: str
) -> int:
    """Write the projects ``flt`` selects as IATI activities; returns how many."""
    from lxml import etree

    org = reporting_org(store)
    org_ref, org_name, org_type = org.ref, org.name, org.org_type
    sector_names = {c: en for c, en, _ru, _zh in DEFAULT_SECTORS} | {
        r["code"]: r["name_en"] for r in store.rows("sectors")
    }
    from tracker.store.keeping import plans_for

    planned = plans_for(store)  # IATI planned-disbursement elements, per project
    n = 0
    with etree.xmlfile(str(out), encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("iati-activities", version=IATI_VERSION,
                        **{"generated-datetime": generated_at}):  # fmt: skip
            xf.write("\n")
            for p in export_rows(store, "projects", flt):
                xf.write(_activity(p, org_ref, org_name, org_type, sector_names, as_of,
                                   planned.get(p["id"], ())), pretty_print=True)  # fmt: skip
                n += 1
    return n


def _activity(p: Mapping[str, Any], org_ref: str, org_name: str, org_type: str,
              sector_names: Mapping[str, str], as_of: str, planned: Any = ()) -> Any:  # fmt: skip
    from lxml import etree

    E = etree.Element
    S = etree.SubElement
    currency = p["currency"]
    a = E("iati-activity", {_XML_LANG: "en", "default-currency": currency,
                            "last-updated-datetime": _datetime(p.get("updated_at"))})  # fmt: skip
    S(a, "iati-identifier").text = f"{org_ref}-{p['code']}"
    rep = S(a, "reporting-org", ref=org_ref, type=org_type)
    _narrative(rep, org_name)
    _narrative(S(a, "title"), p["name"])
    desc = S(a, "description", type=DESCRIPTION_GENERAL)
    _narrative(desc, p.get("description") or p["name"])
    if p.get("bank"):
        _narrative(S(a, "participating-org", role=ROLE_FUNDING), p["bank"])
    if p.get("borrower"):
        _narrative(S(a, "participating-org", role=ROLE_IMPLEMENTING), p["borrower"])
    if not p.get("bank") and not p.get("borrower"):
        _narrative(S(a, "participating-org", role=ROLE_ACCOUNTABLE, ref=org_ref), org_name)
    S(a, "activity-status", code=activity_status(p))
    started = p["status"] in ("implementation", "completed", "suspended")
    dates = [
        (DATE_ACTUAL_START if started else DATE_PLANNED_START, p.get("start_date")),
        (DATE_PLANNED_END, p.get("planned_end")),
        (DATE_ACTUAL_END, p.get("actual_end")),
    ]
    dates = [(t, d) for t, d in dates if d]
    if not dates:  # the schema wants at least one date: the agreement, or the snapshot date
        dates = [(DATE_PLANNED_START, p.get("agreement_date") or as_of)]
    for t, d in dates:
        S(a, "activity-date", type=t, **{"iso-date": d})
    S(a, "recipient-country", code=RECIPIENT_COUNTRY)
    sector = p["sector"]
    if sector in DAC3_SECTOR:
        S(a, "sector", vocabulary=SECTOR_VOCAB_DAC3, code=DAC3_SECTOR[sector])
    _narrative(
        S(a, "sector", vocabulary=SECTOR_VOCAB_OWN, code=sector), sector_names.get(sector, sector)
    )
    for r in planned:  # each tranche over its calendar quarter (type 1: original plan)
        day = dt.date.fromisoformat(r["date"])
        pd = S(a, "planned-disbursement", type="1")
        start = dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
        S(pd, "period-start", **{"iso-date": start.isoformat()})
        S(pd, "period-end", **{"iso-date": r["date"]})
        S(pd, "value", currency=r["currency"], **{"value-date": r["date"]}).text = str(
            from_minor(r["amount"])
        )
    if p["status"] != "pipeline":
        _transaction(a, TRANSACTION_COMMITMENT, p.get("agreement_date") or p.get("start_date")
                     or as_of, p["amount"], currency, p.get("bank"), p.get("borrower"))  # fmt: skip
    if p.get("disbursed"):
        _transaction(a, TRANSACTION_DISBURSEMENT, as_of, p["disbursed"], currency, p.get("bank"),
                     p.get("borrower"))  # fmt: skip
    return a


def _transaction(a: Any, type_: str, date: str, minor: int, currency: str,
                 provider: str | None, receiver: str | None) -> None:  # fmt: skip
    from lxml import etree

    S = etree.SubElement
    t = S(a, "transaction")
    S(t, "transaction-type", code=type_)
    S(t, "transaction-date", **{"iso-date": date})
    S(t, "value", currency=currency, **{"value-date": date}).text = str(from_minor(minor))
    if provider:
        _narrative(S(t, "provider-org"), provider)
    if receiver:
        _narrative(S(t, "receiver-org"), receiver)


def _narrative(parent: Any, text: str) -> None:
    from lxml import etree

    etree.SubElement(parent, "narrative").text = _xml_text(text)


def _xml_text(s: str) -> str:
    """XML 1.0 cannot hold most control characters: drop them rather than write a broken file."""
    return "".join(ch for ch in str(s) if ch in "\t\n\r" or ord(ch) >= 0x20)


def _datetime(ts: str | None) -> str:
    if not ts:
        return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    return ts
