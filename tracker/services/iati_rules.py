"""IATI's standard ruleset (IATI-Rulesets 2.03) run on an activity file, in Python.

The IATI validator checks a file against the schema and then against
``rulesets/standard.json``: each rule is an XPath context, a rule type and its
cases (date orders, dates not in the future, identifier prefixes, sector
vocabularies and percentages…). This module interprets the same JSON (shipped
as ``tracker/domain/data/iati-ruleset-2.03.json``, the activity contexts) the
way IATI-Rulesets' SPEC.rst describes each rule type, so an export is checked
before it leaves the program. Organisation-registry look-ups the validator
makes online ("is this an existing organisation id") are not made: such rules
are applied to every identifier, which is stricter.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from tracker.domain.iati_codes import DATA, codelist


@dataclass(frozen=True)
class Finding:
    """One rule a part of the file breaks."""

    rule: str
    severity: str  # "error" or "warning"
    message: str
    activity: str  # the activity's iati-identifier ("" outside an activity)
    detail: str = ""

    def __str__(self) -> str:
        where = f" [{self.activity}]" if self.activity else ""
        detail = f" ({self.detail})" if self.detail else ""
        return f"{self.severity} {self.rule}{where}: {self.message}{detail}"


@cache
def ruleset() -> dict[str, Any]:
    return json.loads((DATA / "iati-ruleset-2.03.json").read_text("utf-8"))


def rule_ids() -> set[str]:
    """Every rule id of the shipped ruleset (what a file is checked against)."""
    found: set[str] = set()

    def walk(rules: dict[str, Any]) -> None:
        for body in rules.values():
            for case in body["cases"]:
                if "ruleInfo" in case:
                    found.add(case["ruleInfo"]["id"])
                if "do" in case:
                    walk(case["do"])

    for rules in ruleset()["rules"].values():
        walk(rules)
    return found


@dataclass
class _Checker:
    today: dt.date
    findings: list[Finding]

    def run(self, doc: Any) -> None:
        for context, rules in ruleset()["rules"].items():
            for el in doc.xpath(context):
                self.rules(el, rules)

    def rules(self, el: Any, rules: dict[str, Any]) -> None:
        for name, body in rules.items():
            if name not in _RULES:
                raise NotImplementedError(f"IATI rule type {name!r} is not implemented")
            for case in body["cases"]:
                if name == "loop":
                    self.loop(el, case)
                    continue
                if "condition" in case and not el.xpath(f"boolean({case['condition']})"):
                    continue
                check = _RULES[name]
                assert check is not None
                for detail in check(self, el, case):
                    info = case["ruleInfo"]
                    self.findings.append(Finding(info["id"], info["severity"], info["message"],
                                                 _activity_id(el), detail))  # fmt: skip

    def loop(self, el: Any, case: dict[str, Any]) -> None:
        values = list(dict.fromkeys(_texts(el, case["foreach"])))
        for value in values:
            do = json.loads(json.dumps(case["do"]))
            for body in do.values():
                for inner in body["cases"]:
                    for key in case["subs"]:
                        if key in inner:
                            inner[key] = _substitute(inner[key], value)
            self.rules(el, do)


def _substitute(template: Any, value: str) -> Any:
    if isinstance(template, list):
        return [_substitute(t, value) for t in template]
    return template.replace("$1", value)


def _texts(el: Any, path: str) -> list[str]:
    out = []
    for v in el.xpath(path):
        if isinstance(v, str):
            out.append(str(v))
        elif hasattr(v, "text"):
            out.append(v.text or "")
        else:
            out.append(str(v))
    return out


def _all_texts(el: Any, paths: list[str]) -> list[str]:
    return [t for p in paths for t in _texts(el, p)]


def _activity_id(el: Any) -> str:
    node = el
    while node is not None and node.tag != "iati-activity":
        node = node.getparent()
    return (node.findtext("iati-identifier") or "").strip() if node is not None else ""


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.strip())
    except (InvalidOperation, AttributeError):
        return None


Check = Callable[[_Checker, Any, dict[str, Any]], Iterator[str]]


def _atleast_one(c: _Checker, el: Any, case: dict[str, Any]) -> Iterator[str]:
    if not any(el.xpath(p) for p in case["paths"]):
        yield "none of " + ", ".join(case["paths"])


def _no_more_than_one(c: _Checker, el: Any, case: dict[str, Any]) -> Iterator[str]:
    n = sum(len(el.xpath(p)) for p in case["paths"])
    if n > 1:
        yield f"{n} found"


def _unique(c: _Checker, el: Any, case: dict[str, Any]) -> Iterator[str]:
    values = [v.strip() for v in _all_texts(el, case["paths"])]
    for value, n in Counter(values).items():
        if n > 1:
            yield f"{value!r} {n} times"


def _startswith(c: _Checker, el: Any, case: dict[str, Any]) -> Iterator[str]:
    sep = case.get("separator", "")
    prefixes: list[str] = []
    for p in case["prefix"]:
        if p == "ORG-ID-PREFIX":
            prefixes += [code for code, item in codelist("OrganisationRegistrationAgency").items()
                         if item.status == "active"]  # fmt: skip
        else:
            prefixes += [t.strip() for t in _texts(el, p) if t.strip()]
    for value in _all_texts(el, case["paths"]):
        if not any(value.startswith(prefix + sep) for prefix in prefixes):
            yield repr(value)


def _regex_matches(c: _Checker, el: Any, case: dict[str, Any]) -> Iterator[str]:
    rx = re.compile(case["regex"])
    for value in _all_texts(el, case["paths"]):
        if not rx.search(value):
            yield repr(value)


def _regex_no_matches(c: _Checker, el: Any, case: dict[str, Any]) -> Iterator[str]:
    rx = re.compile(case["regex"])
    for value in _all_texts(el, case["paths"]):
        if rx.search(value):
            yield repr(value)


def _no_spaces(c: _Checker, el: Any, case: dict[str, Any]) -> Iterator[str]:
    for value in _all_texts(el, case["paths"]):
        if value != value.strip():
            yield repr(value)


_ONE_OR_ALL = {
    "lang": ".//narrative[not(@xml:lang)]",
    "currency": ".//value[not(@currency)] | .//loan-status[not(@currency)]",
    "sector": "transaction[not(sector)]",
}


def _one_or_all(c: _Checker, el: Any, case: dict[str, Any]) -> Iterator[str]:
    if el.xpath(case["one"]):
        return
    if case["all"] == "sector" and not el.xpath("transaction/sector"):
        return  # no sector at transaction level: rule 6.2.2 speaks for it
    missing = el.xpath(_ONE_OR_ALL[case["all"]])
    if missing:
        yield f"{len(missing)} without {case['all']}"


def _date_now(c: _Checker, el: Any, case: dict[str, Any]) -> Iterator[str]:
    for value in _texts(el, case["date"]):
        d = _date(value)
        if d is not None and d > c.today:
            yield value


def _date_order(c: _Checker, el: Any, case: dict[str, Any]) -> Iterator[str]:
    less = [d for t in _texts(el, case["less"]) if (d := _date(t)) is not None]
    if case["more"] == "NOW":
        more = [c.today]
    else:
        more = [d for t in _texts(el, case["more"]) if (d := _date(t)) is not None]
    for a in less:
        for b in more:
            if a > b:
                yield f"{a} after {'today' if case['more'] == 'NOW' else b}"


def _time_limit(c: _Checker, el: Any, case: dict[str, Any]) -> Iterator[str]:
    starts = [d for t in _texts(el, case["start"]) if (d := _date(t)) is not None]
    ends = [d for t in _texts(el, case["end"]) if (d := _date(t)) is not None]
    for a in starts:
        for b in ends:
            if (b - a).days > 366:
                yield f"{a} to {b}"


def _between_dates(c: _Checker, el: Any, case: dict[str, Any]) -> Iterator[str]:
    starts = [d for t in _texts(el, case["start"]) if (d := _date(t)) is not None]
    ends = [d for t in _texts(el, case["end"]) if (d := _date(t)) is not None]
    for t in _texts(el, case["date"]):
        d = _date(t)
        if d is not None and any(not a <= d <= b for a in starts for b in ends):
            yield str(d)


def _range(c: _Checker, el: Any, case: dict[str, Any]) -> Iterator[str]:
    lo, hi = Decimal(str(case.get("min", "-Infinity"))), Decimal(str(case.get("max", "Infinity")))
    for value in _all_texts(el, case["paths"]):
        d = _decimal(value)
        if d is None or not lo <= d <= hi:
            yield repr(value)


def _strict_sum(c: _Checker, el: Any, case: dict[str, Any]) -> Iterator[str]:
    values = [_decimal(v) for v in _all_texts(el, case["paths"])]
    if not values:
        return
    if any(v is None for v in values):
        yield "a percentage that is not a number"
        return
    total = sum(values, Decimal(0))
    if total != Decimal(str(case["sum"])):
        yield f"sum {total}"


def _if_then(c: _Checker, el: Any, case: dict[str, Any]) -> Iterator[str]:
    if el.xpath(f"boolean({case['if']})") and not el.xpath(f"boolean({case['then']})"):
        yield case["then"]


_RULES: dict[str, Check | None] = {
    "atleast_one": _atleast_one,
    "no_more_than_one": _no_more_than_one,
    "unique": _unique,
    "startswith": _startswith,
    "regex_matches": _regex_matches,
    "regex_no_matches": _regex_no_matches,
    "no_spaces": _no_spaces,
    "one_or_all": _one_or_all,
    "date_now": _date_now,
    "date_order": _date_order,
    "time_limit": _time_limit,
    "between_dates": _between_dates,
    "range": _range,
    "strict_sum": _strict_sum,
    "if_then": _if_then,
    "loop": None,  # handled by _Checker.loop
}


def check_file(path: str | Path, *, today: dt.date | None = None) -> list[Finding]:
    """Every finding of the standard ruleset on an IATI activity file ("now" is ``today``)."""
    from lxml import etree

    doc = etree.parse(str(path))
    findings: list[Finding] = []
    _Checker(today or dt.date.today(), findings).run(doc)
    return findings


def summary(findings: list[Finding]) -> str:
    """'0 errors, 0 warnings' or the counts with the rules broken most."""
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    text = f"IATI rules: {errors} errors, {warnings} warnings"
    if findings:
        top = Counter((f.rule, f.message) for f in findings).most_common(3)
        text += " (" + "; ".join(f"{rule} ×{n}: {msg}" for (rule, msg), n in top) + ")"
    return text


__all__ = ["Finding", "check_file", "rule_ids", "ruleset", "summary"]
