"""The kinds of record and their fields: one description that the store, the
validation, the import, the export and the form pane all read."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import repeat
from operator import mul
from typing import Any

from tracker.domain import codelists
from tracker.domain.iati_codes import dac5_problem
from tracker.domain.money import MAX_MINOR, parse_decimal, parse_money
from tracker.domain.validation import ValidationError, ValidationErrors

# Field types
TEXT, LONGTEXT, CODE, MONEY, CURRENCY, DATE, INT, REAL, ENUM, REF, COUNTRY, SECTOR, REGION = (
    "text", "longtext", "code", "money", "currency", "date", "int", "real", "enum", "ref",
    "country", "sector", "region",
)  # fmt: skip


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    type: str
    required: bool = False
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    #: For REF fields: the referenced table and the human key column used in imports.
    ref_table: str | None = None
    import_name: str | None = None
    #: Money fields: the field holding their currency.
    currency_field: str | None = None
    help: str = ""
    #: REAL fields: decimals shown and edited (a rate keeps the six it is stored with).
    decimals: int = 2

    @property
    def column(self) -> str:
        """Name of the column in an import/export file."""
        return self.import_name or self.name


@dataclass(frozen=True)
class Kind:
    name: str  # table name
    label: str
    singular: str
    fields: tuple[Field, ...]
    key: str  # natural key for upserts
    search: tuple[str, ...] = ()
    status_choices: tuple[str, ...] = ()
    extra_export: tuple[str, ...] = field(default=())

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name or f.import_name == name:
                return f
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def money_fields(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.type == MONEY)


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DMY_DATE = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$")
#: Control characters other than tab and line breaks (C0, DEL, C1): no text field holds
#: them (they hide text in the window and break other programs reading an export).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def control_char_problem(s: str) -> str | None:
    m = CONTROL_CHARS.search(s)
    if m is None:
        return None
    return (f"holds the control character U+{ord(m.group(0)):04X} at position {m.start() + 1}; "
            "text may hold tab and line breaks, no other control characters")  # fmt: skip


def parse_date(value: Any) -> str:
    """ISO yyyy-mm-dd or dd.mm.yyyy (as Russian-locale Excel writes it) -> ISO text."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    s = str(value).strip()
    if " " in s or "T" in s:  # a datetime with midnight time, as spreadsheets write dates
        head, _, tail = s.replace("T", " ").partition(" ")
        if tail.strip() in ("00:00:00", "00:00", "0:00:00", "0:00"):
            s = head
    try:
        if _ISO_DATE.match(s):
            return dt.date.fromisoformat(s).isoformat()
        m = _DMY_DATE.match(s)
        if m:
            d, mo, y = (int(g) for g in m.groups())
            return dt.date(y, mo, d).isoformat()
    except ValueError as exc:
        raise ValueError(f"is not a real date ({exc})") from None
    raise ValueError("is not a date (use YYYY-MM-DD or DD.MM.YYYY)")


@dataclass
class RefIndex:
    """Known reference codes and names, so validation can name a bad link.

    Keys of the name maps are lower-cased.
    """

    countries: dict[str, str] = field(default_factory=dict)  # code or name -> code
    sectors: dict[str, str] = field(default_factory=dict)
    regions: dict[str, str] = field(default_factory=dict)
    banks: dict[str, int] = field(default_factory=dict)  # name/short name/id text -> id
    zones: dict[str, int] = field(default_factory=dict)
    projects: dict[str, int] = field(default_factory=dict)  # code -> id

    def lookup(self, table: str, value: Any) -> Any:
        m = getattr(self, table)
        key = str(value).strip().lower()
        return m.get(key)


def _is_empty(v: Any) -> bool:
    return v is None or (isinstance(v, str) and v.strip() == "")


def clean_value(
    f: Field, raw: Any, refs: RefIndex | None, *, decimal_comma: bool | None = None
) -> Any:
    """Turn a raw value (typed or text) into the stored value; ValueError(reason) if bad."""
    if _is_empty(raw):
        if f.required:
            raise ValueError("is required")
        return None
    t = f.type
    if t in (TEXT, LONGTEXT, CODE):
        s = str(raw).strip()
        if f.max_length and len(s) > f.max_length:
            raise ValueError(f"is longer than {f.max_length} characters")
        bad = control_char_problem(s)
        if bad:
            raise ValueError(bad)
        if t == CODE and not _CODE.match(s):
            raise ValueError("may hold only letters, digits and . _ / - (at most 40)")
        return s
    if t == MONEY:
        try:
            v = parse_money(raw, decimal_comma=decimal_comma)
        except ValueError as exc:
            raise ValueError(f"{exc} (an amount like 1234567.89)") from None
        if f.minimum is not None and v < f.minimum:
            raise ValueError("must not be negative")
        return v
    if t == CURRENCY:
        s = str(raw).strip().upper()
        if not _CURRENCY.match(s):
            raise ValueError("must be a three-letter ISO 4217 code like USD")
        return s
    if t == DATE:
        return parse_date(raw)
    if t in (INT, REAL):
        try:
            d = parse_decimal(raw, decimal_comma=decimal_comma)
        except ValueError as exc:
            raise ValueError(f"{exc}") from None
        if t == INT:
            if d != d.to_integral_value():
                raise ValueError("must be a whole number")
            v: Any = int(d)
        else:
            v = float(d)
        if f.minimum is not None and v < f.minimum:
            raise ValueError(f"must be at least {_num(f.minimum)}")
        if f.maximum is not None and v > f.maximum:
            raise ValueError(f"must be at most {_num(f.maximum)}")
        if t == INT and abs(v) >= MAX_MINOR:
            raise ValueError("is too large")
        return v
    if t == ENUM:
        s = str(raw).strip().lower().replace(" ", "_").replace("-", "_")
        if s in f.choices:
            return s
        raise ValueError(f"must be one of {', '.join(f.choices)}")
    if t in (COUNTRY, SECTOR, REGION):
        table = {COUNTRY: "countries", SECTOR: "sectors", REGION: "regions"}[t]
        s = str(raw).strip()
        if refs is None:
            return s.upper() if t in (COUNTRY, REGION) else s.lower()
        code = refs.lookup(table, s)
        if code is None:
            what = {COUNTRY: "an ISO country code or name", SECTOR: "a sector code or name",
                    REGION: "a region code (BY-MI) or name"}[t]  # fmt: skip
            raise ValueError(f"'{s}' is not {what} in the reference data")
        return code
    if t == REF:
        if refs is None:
            return int(raw)
        if isinstance(raw, int) and not isinstance(raw, bool):
            if raw in getattr(refs, f.ref_table).values():  # type: ignore[arg-type]
                return raw
            raise ValueError(f"no {f.ref_table[:-1]} with id {raw}")  # type: ignore[index]
        rid = refs.lookup(f.ref_table, raw)  # type: ignore[arg-type]
        if rid is None:
            raise ValueError(f"'{str(raw).strip()}' is not a known {f.ref_table[:-1]}")  # type: ignore[index]
        return rid
    raise AssertionError(f"unknown field type {t}")


def stored_value_problem(f: Field, v: Any) -> str | None:
    """Why a value read from the file breaks ``f``'s rule, or None. SQLite keeps what
    another tool wrote ('abc' in an INTEGER column); nothing may compute with it."""
    if v is None:
        return "is empty but required" if f.required else None
    t = f.type
    if t in (TEXT, LONGTEXT, CODE):
        if not isinstance(v, str):
            return "is not text"
        if f.max_length and len(v) > f.max_length:
            return f"is longer than {f.max_length} characters"
        return None
    if t in (MONEY, INT, REF):
        if not isinstance(v, int) or isinstance(v, bool):
            return "is not a whole number" if t != MONEY else "is not an amount (whole minor units)"
        if t == MONEY and not 0 <= v < MAX_MINOR:
            return "is negative or too large"
    elif t == REAL:
        if not isinstance(v, (int, float)) or isinstance(v, bool) or v != v:
            return "is not a number"
    elif t == CURRENCY:
        return (
            None
            if isinstance(v, str) and _CURRENCY.match(v)
            else "is not a three-letter currency code"
        )
    elif t == DATE:
        if not (isinstance(v, str) and _ISO_DATE.match(v)):
            return "is not a date (YYYY-MM-DD)"
        try:
            dt.date.fromisoformat(v)
        except ValueError:
            return "is not a date (YYYY-MM-DD)"
    elif t == ENUM:
        return None if v in f.choices else f"is not one of {', '.join(f.choices)}"
    elif t in (COUNTRY, SECTOR, REGION):
        return None if isinstance(v, str) else "is not a code"
    if t in (INT, REAL) and (
        (f.minimum is not None and v < f.minimum) or (f.maximum is not None and v > f.maximum)
    ):
        lo = f"at least {_num(f.minimum)}" if f.minimum is not None else ""
        hi = f"at most {_num(f.maximum)}" if f.maximum is not None else ""
        return "must be " + " and ".join(x for x in (lo, hi) if x)
    return None


def stored_problems(kind: Kind, row: Mapping[str, Any]) -> dict[str, str]:
    """Field -> why its stored value breaks the rule, for the fields ``row`` holds."""
    out = {}
    for f in kind.fields:
        if f.name in row:
            p = stored_value_problem(f, row[f.name])
            if p:
                out[f.name] = p
    return out


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def validate(
    kind: Kind,
    values: Mapping[str, Any],
    refs: RefIndex | None,
    *,
    partial: bool = False,
    decimal_comma: bool | None = None,
    row: int | None = None,
) -> dict[str, Any]:
    """Clean every field of ``values``; raise ValidationErrors naming each bad field.

    With ``partial`` only the fields present are checked (an edit of some fields);
    cross-field rules then see only what was given.
    """
    out: dict[str, Any] = {}
    errors: list[ValidationError] = []
    for f in kind.fields:
        if f.name in values:
            raw = values[f.name]
        elif f.import_name and f.import_name in values:
            raw = values[f.import_name]
        elif partial:
            continue
        else:
            raw = None
        try:
            out[f.name] = clean_value(f, raw, refs, decimal_comma=decimal_comma)
        except ValueError as exc:
            errors.append(ValidationError(f.column if f.type == REF else f.name, str(exc), row))
    if not errors:
        errors.extend(ValidationError(fld, msg, row) for fld, msg in cross_checks(kind.name, out))
    if errors:
        raise ValidationErrors(errors)
    return out


#: Project statuses in which the works have begun: the start date is the actual start.
STARTED_STATUSES = ("implementation", "completed", "suspended")


def cross_checks(kind: str, v: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Rules between fields of one record."""
    problems: list[tuple[str, str]] = []

    def before(a: str, b: str, rule: str) -> None:
        if v.get(a) and v.get(b) and v[b] < v[a]:
            problems.append((b, rule))

    if kind == "projects":
        amount, disbursed = v.get("amount"), v.get("disbursed")
        if amount is not None and disbursed is not None and disbursed > amount:
            problems.append(("disbursed", "must not exceed the committed amount"))
        today = dt.date.today().isoformat()
        if v.get("status") in STARTED_STATUSES and v.get("start_date") and v["start_date"] > today:
            problems.append(("start_date", "must not be after today for a project whose works have "
                             "started (it is the actual start); a later start is planned"))  # fmt: skip
        if v.get("actual_end") and v["actual_end"] > today:
            problems.append(("actual_end", "must not be after today (an end still to come is the "
                             "planned end)"))  # fmt: skip
        before("start_date", "planned_end", "must not be before the start date")
        before("start_date", "actual_end", "must not be before the start date")
        before("agreement_date", "actual_end", "must not be before the agreement date")
        if v.get("status") == "pipeline" and disbursed:
            problems.append(("disbursed", "must be 0 for a project still in the pipeline"))
        g, m = v.get("grace_years"), v.get("maturity_years")
        if g is not None and m is not None and g > m:
            problems.append(("grace_years", "must not exceed the maturity"))
    elif kind == "project_updates":
        if v.get("status") == "pipeline" and v.get("disbursed"):
            problems.append(("disbursed", "must be 0 for a project still in the pipeline"))
    elif kind == "sectors":
        if v.get("crs_code") and (problem := dac5_problem(v["crs_code"])) is not None:
            problems.append(("crs_code", problem))
    elif kind == "countries":
        code = v.get("code")
        if code and not re.fullmatch(r"[A-Z]{2}", code):
            problems.append(("code", "must be two capital letters (ISO 3166-1 alpha-2, like CN)"))
    elif kind == "fx_rates":
        if v.get("per_usd") is not None and v["per_usd"] <= 0:
            problems.append(("per_usd", "must be above 0"))
    elif kind == "ventures":
        share = v.get("foreign_share_pct")
        if share is not None and share <= 0:
            problems.append(
                ("foreign_share_pct", "must be above 0 (a venture has foreign capital)")
            )
    return problems


def _f(name: str, label: str, type_: str, **kw: Any) -> Field:
    return Field(name, label, type_, **kw)


PCT = {"minimum": 0, "maximum": 100}

PROJECTS = Kind(
    name="projects",
    label="Projects",
    singular="Project",
    key="code",
    search=("code", "name", "borrower", "description"),
    status_choices=codelists.PROJECT_STATUSES,
    fields=(
        _f("code", "Code", CODE, required=True),
        _f("name", "Name", TEXT, required=True, max_length=300),
        _f("sector", "Sector", SECTOR, required=True),
        _f("region", "Region", REGION),
        _f("bank_id", "Bank", REF, required=True, ref_table="banks", import_name="bank"),
        _f("borrower", "Borrower", TEXT, max_length=300),
        _f("amount", "Amount", MONEY, required=True, minimum=0, currency_field="currency"),
        _f("currency", "Currency", CURRENCY, required=True),
        _f("disbursed", "Disbursed", MONEY, minimum=0, currency_field="currency"),
        _f("status", "Status", ENUM, required=True, choices=codelists.PROJECT_STATUSES),
        _f("agreement_date", "Agreement date", DATE),
        _f("start_date", "Start date", DATE),
        _f("planned_end", "Planned end", DATE),
        _f("actual_end", "Actual end", DATE),
        _f("progress_pct", "Progress, %", INT, **PCT),
        _f("description", "Description", LONGTEXT, max_length=5000),
        _f("interest_rate", "Interest rate, %", REAL, minimum=0, maximum=100),
        _f("maturity_years", "Maturity, years", REAL, minimum=0, maximum=100),
        _f("grace_years", "Grace period, years", REAL, minimum=0, maximum=100),
    ),
)

PROJECT_UPDATES = Kind(
    name="project_updates",
    label="Project updates",
    singular="Update",
    key="id",
    search=("note",),
    status_choices=codelists.PROJECT_STATUSES,
    fields=(
        _f(
            "project_id", "Project", REF, required=True, ref_table="projects", import_name="project"
        ),
        _f("as_of", "As of", DATE, required=True),
        _f("status", "Status", ENUM, required=True, choices=codelists.PROJECT_STATUSES),
        _f("progress_pct", "Progress, %", INT, **PCT),
        _f("disbursed", "Disbursed", MONEY, minimum=0),
        _f("note", "Note", LONGTEXT, max_length=5000),
        _f("author", "Author", TEXT, max_length=200),
    ),
)

DISBURSEMENT_PLANS = Kind(
    name="disbursement_plans",
    label="Disbursement plans",
    singular="Planned disbursement",
    key="id",
    fields=(
        _f(
            "project_id", "Project", REF, required=True, ref_table="projects", import_name="project"
        ),
        _f("date", "Planned date", DATE, required=True),
        _f("amount", "Planned amount", MONEY, required=True, minimum=0, currency_field="currency"),
        _f("currency", "Currency", CURRENCY),
        _f("note", "Note", TEXT, max_length=500),
    ),
)

RESIDENTS = Kind(
    name="residents",
    label="Residents",
    singular="Resident",
    key="name",
    search=("name", "notes"),
    status_choices=codelists.RESIDENT_STATUSES,
    fields=(
        _f("name", "Name", TEXT, required=True, max_length=300),
        _f("zone_id", "Zone", REF, required=True, ref_table="zones", import_name="zone"),
        _f("country", "Country", COUNTRY, required=True),
        _f("sector", "Sector", SECTOR, required=True),
        _f("status", "Status", ENUM, required=True, choices=codelists.RESIDENT_STATUSES),
        _f("registered_on", "Registered on", DATE),
        _f(
            "declared_investment",
            "Declared investment",
            MONEY,
            minimum=0,
            currency_field="currency",
        ),
        _f("invested_to_date", "Invested to date", MONEY, minimum=0, currency_field="currency"),
        _f("currency", "Currency", CURRENCY, required=True),
        _f("jobs_planned", "Jobs planned", INT, minimum=0, maximum=10**7),
        _f("jobs_created", "Jobs created", INT, minimum=0, maximum=10**7),
        _f("notes", "Notes", LONGTEXT, max_length=5000),
    ),
)

VENTURES = Kind(
    name="ventures",
    label="Joint ventures",
    singular="Venture",
    key="name",
    search=("name", "foreign_partner", "local_partner", "notes"),
    status_choices=codelists.VENTURE_STATUSES,
    extra_export=("kind",),
    fields=(
        _f("name", "Name", TEXT, required=True, max_length=300),
        _f("foreign_partner", "Foreign partner", TEXT, max_length=300),
        _f("partner_country", "Partner country", COUNTRY, required=True),
        _f("local_partner", "Local partner", TEXT, max_length=300),
        _f("foreign_share_pct", "Foreign share, %", REAL, required=True, **PCT),
        _f("charter_capital", "Charter capital", MONEY, minimum=0, currency_field="currency"),
        _f("currency", "Currency", CURRENCY, required=True),
        _f("sector", "Sector", SECTOR, required=True),
        _f("region", "Region", REGION),
        _f("established_on", "Established on", DATE),
        _f("status", "Status", ENUM, required=True, choices=codelists.VENTURE_STATUSES),
        _f("notes", "Notes", LONGTEXT, max_length=5000),
    ),
)

# Reference tables (edited in Reference data)
BANKS = Kind(
    name="banks", label="Banks", singular="Bank", key="name",
    fields=(
        _f("name", "Name", TEXT, required=True, max_length=200),
        _f("short_name", "Short name", TEXT, max_length=40),
        _f("country", "Country", COUNTRY, required=True),
    ),
)  # fmt: skip
COUNTRIES = Kind(
    name="countries", label="Countries", singular="Country", key="code",
    fields=(
        _f("code", "Code", CODE, required=True),
        _f("name_en", "Name (English)", TEXT, required=True, max_length=200),
        _f("name_ru", "Name (Russian)", TEXT, max_length=200),
        _f("name_zh", "Name (Chinese)", TEXT, max_length=200),
    ),
)  # fmt: skip
SECTORS = Kind(
    name="sectors", label="Sectors", singular="Sector", key="code",
    fields=(*COUNTRIES.fields,
            _f("crs_code", "DAC 5-digit CRS code", TEXT, max_length=5,
               help="OECD DAC CRS purpose code of the sector (IATI sector vocabulary 1), "
                    "like 23310; the IATI export writes it")),
)  # fmt: skip
REGIONS = Kind(
    name="regions", label="Regions", singular="Region", key="code",
    fields=COUNTRIES.fields[:3],
)  # fmt: skip
ZONES = Kind(
    name="zones", label="Zones", singular="Zone", key="name",
    fields=(
        _f("name", "Name", TEXT, required=True, max_length=200),
        _f("kind", "Kind", ENUM, required=True, choices=codelists.ZONE_KINDS),
    ),
)  # fmt: skip
FX_RATES = Kind(
    name="fx_rates", label="FX rates", singular="FX rate", key="id",
    fields=(
        _f("currency", "Currency", CURRENCY, required=True),
        _f("date", "Date", DATE, required=True),
        _f("per_usd", "Units per USD", REAL, required=True, minimum=0, decimals=6),
    ),
)  # fmt: skip

MAIN_KINDS = {k.name: k for k in (PROJECTS, RESIDENTS, VENTURES)}
REFERENCE_KINDS = {k.name: k for k in (BANKS, COUNTRIES, SECTORS, REGIONS, ZONES, FX_RATES)}
KINDS = {**MAIN_KINDS, PROJECT_UPDATES.name: PROJECT_UPDATES,
         DISBURSEMENT_PLANS.name: DISBURSEMENT_PLANS, **REFERENCE_KINDS}  # fmt: skip
#: Name on the command line (`--kind updates`) -> table.
KIND_ALIASES = {"updates": "project_updates", "joint_ventures": "ventures", "fx": "fx_rates",
                "plans": "disbursement_plans"}  # fmt: skip


def kind_of(name: str) -> Kind:
    key = KIND_ALIASES.get(name, name)
    try:
        return KINDS[key]
    except KeyError:
        raise KeyError(f"unknown kind '{name}' (one of {', '.join(sorted(KINDS))})") from None


def money_decimal(minor: int | None) -> Decimal | None:
    from tracker.domain.money import from_minor

    return from_minor(minor)


# ------------------------------------------------------------ import fast paths
#: What a fast cleaner returns for a cell it does not handle: the caller uses ``clean_value``.
FAST_MISS: Any = object()
_PLAIN_MONEY = re.compile(r"([0-9]{1,15})(?:\.([0-9]{1,2}))?\Z")
_PLAIN_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def _plain_cleaner(f: Field) -> Any:
    """A cleaner for the common plain text cell of ``f``, or None if the field has none.

    It returns exactly what ``clean_value`` returns for that cell, or FAST_MISS for a
    cell it cannot decide (empty, unusual or bad cells, whose message comes from
    ``clean_value``): a 100k-row import spends most of its checks on plain cells.
    """
    t, ml = f.type, f.max_length
    if t in (TEXT, LONGTEXT, CODE):
        code = t == CODE

        def text(raw: str) -> Any:
            s = raw.strip()
            if not s or (ml and len(s) > ml) or (code and not _CODE.match(s)):
                return FAST_MISS
            if CONTROL_CHARS.search(s):
                return FAST_MISS
            return s

        return text
    if t == MONEY:
        if f.minimum is not None and f.minimum > 0:
            return None

        def money(raw: str) -> Any:
            # '1234.5' -> 123450 exactly as parse_money gives it, without Decimal.
            m = _PLAIN_MONEY.match(raw)
            if m is None:
                return FAST_MISS
            cents = m[2]
            return int(m[1]) * 100 + (int(cents) * (10 if len(cents) == 1 else 1) if cents else 0)

        return money
    if t == DATE:

        def date(raw: str) -> Any:
            if not _PLAIN_ISO_DATE.match(raw):
                return FAST_MISS
            try:
                return dt.date.fromisoformat(raw).isoformat()
            except ValueError:
                return FAST_MISS

        return date
    return None


# ------------------------------------------------- import fast paths, column-wise
_MONEY_2DP = re.compile(r"[0-9]{1,15}\.[0-9]{2}")
_MONEY_WHOLE = re.compile(r"[0-9]{1,15}")


def _column_cleaner(f: Field) -> Any:
    """A cleaner for a whole column of text cells of ``f``, or None if the field has none.

    It returns the cleaned list when every cell is one ``_plain_cleaner(f)`` takes (the
    same values, found with C-level passes over the column instead of a Python call per
    cell), or None when any cell is not: the caller then checks the column cell by cell.
    """
    if _plain_cleaner(f) is None:
        return None
    t, ml = f.type, f.max_length
    if t in (TEXT, LONGTEXT, CODE):
        code = t == CODE

        def texts(cells: list[str]) -> list[str] | None:
            out = list(map(str.strip, cells))
            if not all(out) or (ml and out and max(map(len, out)) > ml):
                return None
            if code and not all(map(_CODE.match, out)):
                return None
            if CONTROL_CHARS.search("\n".join(out)):
                return None
            return out

        return texts
    if t == MONEY:

        def amounts(cells: list[str]) -> list[int] | None:
            # '1234.50' -> 123450: the digits without the point, as the fast cleaner gives.
            if all(map(_MONEY_2DP.fullmatch, cells)):
                return list(map(int, map(str.replace, cells, repeat("."), repeat(""))))
            if all(map(_MONEY_WHOLE.fullmatch, cells)):
                return list(map(mul, map(int, cells), repeat(100)))
            return None

        return amounts
    return None


def _plain_dates(texts: list[str]) -> dict[str, str] | None:
    """Each text -> the stored date, as the DATE fast cleaner gives it, when every text is
    a plain ISO date (parsed in C-level passes); None if any is not."""
    if not all(map(_PLAIN_ISO_DATE.match, texts)):
        return None
    try:
        return dict(zip(texts, map(dt.date.isoformat, map(dt.date.fromisoformat, texts)),
                        strict=True))  # fmt: skip
    except ValueError:  # 2023-02-29
        return None


@dataclass(frozen=True)
class Validator:
    """The one rule of one field, in the forms an import needs.

    :meth:`cell` is the rule (``clean_value``: a value or ``ValueError(reason)``); the
    others are faster forms of the same rule for the plain cells a 100k-row file is
    made of, and answer "not mine" for anything else, so every message still comes
    from :meth:`cell`. ``tests/domain/test_validators.py`` proves with Hypothesis that
    each form gives what :meth:`cell` gives wherever it answers.

    - ``plain(text)``: the stored value of a plain text cell, or ``FAST_MISS``;
    - ``column(texts)``: the stored values of a whole column of text cells when every
      one is plain (C-level passes, no Python call per cell), else None;
    - ``dates(texts)``: DATE fields: each distinct text -> its stored date when every
      one is a plain ISO date, else None.

    A form that a field's type does not have is None.
    """

    field: Field
    plain: Callable[[str], Any] | None
    column: Callable[[list[str]], list[Any] | None] | None
    dates: Callable[[list[str]], dict[str, str] | None] | None

    def cell(self, raw: Any, refs: RefIndex | None, *, decimal_comma: bool | None = None) -> Any:
        """The stored value of any cell (text, number, date, None); ValueError(reason)."""
        return clean_value(self.field, raw, refs, decimal_comma=decimal_comma)


@functools.cache
def validator(f: Field) -> Validator:
    """The validator of ``f`` (made once per field)."""
    return Validator(f, _plain_cleaner(f), _column_cleaner(f),
                     _plain_dates if f.type == DATE else None)  # fmt: skip


def cross_check_rows(kind: str, cols: Mapping[str, Sequence[Any]]) -> list[int] | None:
    """Indices of the rows ``cross_checks`` finds a problem in, column by column.

    ``cols`` holds every field's cleaned values (field name -> one value per row). The
    conditions are those of ``cross_checks``; the caller asks ``cross_checks`` about the
    rows returned, so messages come from one place. None: no column-wise form for this
    kind (the caller checks each row).
    """
    if kind == "projects":
        today = dt.date.today().isoformat()
        rows = zip(cols["amount"], cols["disbursed"], cols["status"], cols["start_date"],
                   cols["planned_end"], cols["actual_end"], cols["agreement_date"],
                   cols["grace_years"], cols["maturity_years"], strict=True)  # fmt: skip
        return [
            i
            for i, (a, d, st, sd, pe, ae, ag, g, m) in enumerate(rows)
            if (a is not None and d is not None and d > a)
            or (sd and sd > today and st in STARTED_STATUSES)
            or (ae and ae > today)
            or (sd and pe and pe < sd)
            or (sd and ae and ae < sd)
            or (ag and ae and ae < ag)
            or (st == "pipeline" and d)
            or (g is not None and m is not None and g > m)
        ]
    if kind == "project_updates":
        return [
            i
            for i, (st, d) in enumerate(zip(cols["status"], cols["disbursed"], strict=True))
            if st == "pipeline" and d
        ]
    if kind == "fx_rates":
        return [i for i, p in enumerate(cols["per_usd"]) if p is not None and p <= 0]
    if kind == "ventures":
        return [i for i, s in enumerate(cols["foreign_share_pct"]) if s is not None and s <= 0]
    if kind == "sectors":
        return [
            i for i, c in enumerate(cols.get("crs_code") or ()) if c and dac5_problem(c) is not None
        ]
    if kind in ("residents", "banks", "regions", "zones", "disbursement_plans"):
        return []
    return None
