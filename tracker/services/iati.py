"""IATI 2.03 activity XML for projects, written streaming and checked against
the official schema (tracker/services/iati_schema/, copied from IATI-Schemas
version-2.03) before anyone sees the file.

Codelist values are written here in code, each with the IATI codelist it
comes from, so a reader can check them against iatistandard.org/codelists;
the codelists that change (sectors, registration agencies) are shipped with
their version (:mod:`tracker.domain.iati_codes`). After the schema, the file is
run through IATI's standard ruleset (:mod:`tracker.services.iati_rules`).

What the file says:

- identifiers: the reporting organisation's id, a hyphen and the project code,
  with ``/`` (which IATI's rules refuse in an identifier) written as ``-``;
- dates: an actual start or end is written only when it is not after today
  (a later one is written as planned);
- sectors: the DAC 5-digit CRS purpose code (vocabulary 1) from the sector's
  reference data, its DAC 3-digit category (vocabulary 2) and our own code (99);
- transactions: the commitment on the agreement date, and one disbursement per
  dated project update that raised the disbursed amount (the increase, on the
  update's date), none after the as-of date or today;
- narratives in Cyrillic or Chinese carry ``xml:lang`` ru or zh.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tracker.domain.codelists import DEFAULT_SECTOR_CRS, DEFAULT_SECTORS
from tracker.domain.fields import STARTED_STATUSES
from tracker.domain.filters import Filter
from tracker.domain.iati_codes import (
    IDENTIFIER_FORBIDDEN,
    ORG_REF_EXAMPLE,
    dac5_problem,
    org_ref_problem,
    text_language,
)
from tracker.domain.money import from_minor
from tracker.domain.validation import ValidationError, ValidationErrors
from tracker.store import Store
from tracker.store.export_reads import export_rows

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
# Codelist SectorVocabulary: 1 OECD DAC CRS Purpose Codes (5 digit), 2 OECD DAC CRS 3 digit,
# 99 Reporting Organisation (our own codes).
SECTOR_VOCAB_DAC5, SECTOR_VOCAB_DAC3, SECTOR_VOCAB_OWN = "1", "2", "99"
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
#: How a character IATI's rules refuse in an identifier (/ & | ?) is written in one.
IDENTIFIER_REPLACEMENT = "-"


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
            f"a hyphen and the organisation's number, e.g. {ORG_REF_EXAMPLE}",
        ))  # fmt: skip
    elif (problem := org_ref_problem(ref)) is not None:
        errors.append(ValidationError("iati_org_ref", problem))
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


def activity_identifier(org_ref: str, code: str) -> str:
    """The activity's IATI identifier: the organisation's id, a hyphen and the project code
    with the characters IATI's rules refuse (/ & | ?) written as hyphens."""
    return f"{org_ref}-{IDENTIFIER_FORBIDDEN.sub(IDENTIFIER_REPLACEMENT, code)}"


def code_warning(code: str) -> str | None:
    """What a project code means for the IATI export (shown when the code is entered)."""
    if IDENTIFIER_FORBIDDEN.search(code):
        mapped = IDENTIFIER_FORBIDDEN.sub(IDENTIFIER_REPLACEMENT, code)
        return (f"IATI identifiers may not contain / & | or ?: the IATI export writes this "
                f"code as {mapped}")  # fmt: skip
    return None


def sector_crs_codes(store: Store) -> dict[str, str]:
    """Each sector's DAC 5-digit CRS purpose code (reference data; the shipped defaults
    for a database from before the column existed)."""
    codes = dict(DEFAULT_SECTOR_CRS)
    for r in store.rows("sectors"):
        if "crs_code" in r:
            codes.pop(r["code"], None)
            if r["crs_code"]:
                codes[r["code"]] = r["crs_code"]
    return codes


@dataclass
class ExportNotes:
    """What the writer could not say the way IATI wants it, to tell the person exporting."""

    no_crs_sector: set[str]
    disbursed_without_updates: int = 0
    future_dates: int = 0

    def lines(self) -> list[str]:
        out = []
        if self.no_crs_sector:
            out.append("sectors without a usable DAC 5-digit code (set it in Reference data › "
                       f"Sectors): {', '.join(sorted(self.no_crs_sector))}")  # fmt: skip
        if self.disbursed_without_updates:
            out.append(f"{self.disbursed_without_updates} projects report a disbursed amount with "
                       "no dated update: no disbursement transaction is written for them")  # fmt: skip
        if self.future_dates:
            out.append(f"{self.future_dates} actual start or end dates after today were written "
                       "as planned dates")  # fmt: skip
        return out


def write_activities(
    store: Store, *, out: Path, flt: Filter | None = None, as_of: str, generated_at: str,
    today: dt.date | None = None, notes: ExportNotes | None = None,
) -> int:  # fmt: skip
    """Write the projects ``flt`` selects as IATI activities; returns how many.

    Nothing dated after ``as_of`` or ``today`` is written as having happened.
    """
    from lxml import etree

    org = reporting_org(store)
    sector_names = {c: en for c, en, _ru, _zh in DEFAULT_SECTORS} | {
        r["code"]: r["name_en"] for r in store.rows("sectors")
    }
    crs = {s: c for s, c in sector_crs_codes(store).items() if dac5_problem(c) is None}
    limit = min(as_of, (today or dt.date.today()).isoformat())
    history = _disbursement_history(store, flt, limit)
    notes = notes if notes is not None else ExportNotes(set())
    from tracker.store.keeping import plans_for

    planned = plans_for(store)  # IATI planned-disbursement elements, per project
    seen: dict[str, str] = {}
    n = 0
    with etree.xmlfile(str(out), encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("iati-activities", version=IATI_VERSION,
                        **{"generated-datetime": generated_at}):  # fmt: skip
            xf.write("\n")
            for p in export_rows(store, "projects", flt):
                ident = activity_identifier(org.ref, p["code"])
                if ident in seen:
                    raise ValidationErrors([ValidationError(
                        "code", f"projects {seen[ident]} and {p['code']} would both be the IATI "
                        f"activity {ident}: change one code", p["code"])])  # fmt: skip
                seen[ident] = p["code"]
                a = _activity(p, ident, org, sector_names, crs, limit,
                              history.get(p["id"], []), notes, planned.get(p["id"], ()))  # fmt: skip
                xf.write(a, pretty_print=True)
                n += 1
    return n


def _disbursement_history(store: Store, flt: Filter | None,
                          limit: str) -> dict[int, list[tuple[str, int]]]:  # fmt: skip
    """(date, increase) of each project's disbursed amount, from its dated updates up to
    ``limit``: the first update's amount, then each rise or fall since the previous one."""
    cumulative: dict[int, list[tuple[str, int]]] = {}
    for u in export_rows(store, "project_updates", flt):
        if u["disbursed"] is not None and u["as_of"] and u["as_of"] <= limit:
            cumulative.setdefault(u["project_id"], []).append((u["as_of"], u["id"], u["disbursed"]))
    history: dict[int, list[tuple[str, int]]] = {}
    for pid, rows in cumulative.items():
        previous = 0
        steps = []
        for date, _id, disbursed in sorted(rows):
            if disbursed != previous:
                steps.append((date, disbursed - previous))
            previous = disbursed
        history[pid] = steps
    return history


def _activity(p: Mapping[str, Any], ident: str, org: ReportingOrg, sector_names: Mapping[str, str],
              crs: Mapping[str, str], limit: str, disbursements: list[tuple[str, int]],
              notes: ExportNotes, planned: Any = ()) -> Any:  # fmt: skip
    from lxml import etree

    E = etree.Element
    S = etree.SubElement
    currency = p["currency"]
    a = E("iati-activity", {_XML_LANG: "en", "default-currency": currency,
                            "last-updated-datetime": _datetime(p.get("updated_at"))})  # fmt: skip
    S(a, "iati-identifier").text = ident
    rep = S(a, "reporting-org", ref=org.ref, type=org.org_type)
    _narrative(rep, org.name)
    _narrative(S(a, "title"), p["name"])
    desc = S(a, "description", type=DESCRIPTION_GENERAL)
    _narrative(desc, p.get("description") or p["name"])
    if p.get("bank"):
        _narrative(S(a, "participating-org", role=ROLE_FUNDING), p["bank"])
    if p.get("borrower"):
        _narrative(S(a, "participating-org", role=ROLE_IMPLEMENTING), p["borrower"])
    if not p.get("bank") and not p.get("borrower"):
        _narrative(S(a, "participating-org", role=ROLE_ACCOUNTABLE, ref=org.ref), org.name)
    S(a, "activity-status", code=activity_status(p))
    for t, d in _dates(p, limit, notes):
        S(a, "activity-date", type=t, **{"iso-date": d})
    S(a, "recipient-country", code=RECIPIENT_COUNTRY)
    sector = p["sector"]
    if sector in crs:
        S(a, "sector", vocabulary=SECTOR_VOCAB_DAC5, code=crs[sector])
        S(a, "sector", vocabulary=SECTOR_VOCAB_DAC3, code=crs[sector][:3])
    else:
        notes.no_crs_sector.add(sector)
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
    committed_on = p.get("agreement_date") or p.get("start_date")
    if p["status"] != "pipeline" and committed_on and committed_on <= limit:
        _transaction(a, TRANSACTION_COMMITMENT, committed_on, p["amount"], currency,
                     p.get("bank"), p.get("borrower"))  # fmt: skip
    for date, increase in disbursements:
        _transaction(a, TRANSACTION_DISBURSEMENT, date, increase, currency, p.get("bank"),
                     p.get("borrower"))  # fmt: skip
    if p.get("disbursed") and not disbursements:
        notes.disbursed_without_updates += 1
    return a


def _dates(p: Mapping[str, Any], limit: str, notes: ExportNotes) -> list[tuple[str, str]]:
    """The activity's dates: an actual date only when it has happened (not after ``limit``),
    else the same date as planned; at least one start date (IATI rule 6.11.1)."""
    started = p["status"] in STARTED_STATUSES
    start, planned_end, actual_end = p.get("start_date"), p.get("planned_end"), p.get("actual_end")
    dates: list[tuple[str, str]] = []
    if start:
        if started and start <= limit:
            dates.append((DATE_ACTUAL_START, start))
        else:
            notes.future_dates += started
            dates.append((DATE_PLANNED_START, start))
    if planned_end and (not start or planned_end > start):
        dates.append((DATE_PLANNED_END, planned_end))
    if actual_end:
        if actual_end <= limit and any(t == DATE_ACTUAL_START for t, _ in dates):
            dates.append((DATE_ACTUAL_END, actual_end))
        else:
            notes.future_dates += actual_end > limit
            if not planned_end and (not start or actual_end > start):
                dates.append((DATE_PLANNED_END, actual_end))
    if not any(t in (DATE_PLANNED_START, DATE_ACTUAL_START) for t, _ in dates):
        first = p.get("agreement_date") or min((d for _t, d in dates), default=None) or limit
        dates.insert(0, (DATE_PLANNED_START, first))
    return dates


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
    """A narrative in the activity's language (English), or with ``xml:lang`` ru or zh when
    its script says it is Russian or Chinese."""
    from lxml import etree

    lang = text_language(str(text))
    attrs = {_XML_LANG: lang} if lang else {}
    etree.SubElement(parent, "narrative", attrs).text = _xml_text(text)


def _xml_text(s: str) -> str:
    """XML 1.0 cannot hold most control characters: drop them rather than write a broken file."""
    return "".join(ch for ch in str(s) if ch in "\t\n\r" or ord(ch) >= 0x20)


def _datetime(ts: str | None) -> str:
    if not ts:
        return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    return ts
