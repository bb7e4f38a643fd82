"""Regenerate tracker/domain/data/iati-codelists.json and the IATI ruleset copy.

Usage: python packaging/iati_codelists.py FOLDER
FOLDER holds the IATI codelists (codelists/*.xml, from IATI-Codelists branch
version-2.03 and IATI-Codelists-NonEmbedded) and rulesets/standard.json (from
IATI-Rulesets branch version-2.03). Only the codelists the export uses are
kept, each item as [code, status, English name]; descriptions are left out.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from lxml import etree

USED = ("ActivityDateType", "ActivityStatus", "Country", "Currency", "DescriptionType",
        "Language", "OrganisationRegistrationAgency", "OrganisationRole", "OrganisationType",
        "Sector", "SectorCategory", "SectorVocabulary", "TransactionType")  # fmt: skip
VERSION = "IATI-Codelists version-2.03 (embedded); IATI-Codelists-NonEmbedded as of 2026-06"
RULESET = "IATI-Rulesets version-2.03, rulesets/standard.json"
DATA = Path(__file__).resolve().parent.parent / "tracker" / "domain" / "data"


def items(path: Path) -> list[list[str]]:
    out = []
    for item in etree.parse(str(path)).getroot().iter("codelist-item"):
        name = item.find("name/narrative")
        out.append([item.findtext("code").strip(), item.get("status") or "active",
                    " ".join((name.text or "").split()) if name is not None else ""])  # fmt: skip
    return out


def main(folder: str) -> None:
    root = Path(folder)
    lists = {name: items(root / "codelists" / f"{name}.xml") for name in USED}
    doc = {"version": VERSION, "codelists": lists}
    (DATA / "iati-codelists.json").write_text(
        json.dumps(doc, ensure_ascii=False, indent=0, separators=(",", ":")) + "\n", "utf-8"
    )
    rules = json.loads((root / "rulesets" / "standard.json").read_text("utf-8"))
    activity = {ctx: r for ctx, r in rules.items() if not ctx.startswith("/iati-organisations")}
    (DATA / "iati-ruleset-2.03.json").write_text(
        json.dumps({"version": RULESET, "rules": activity}, ensure_ascii=False, indent=1) + "\n",
        "utf-8",
    )


if __name__ == "__main__":
    main(sys.argv[1])
