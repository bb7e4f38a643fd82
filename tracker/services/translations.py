"""The window's translations, read without Qt: the command line writes briefs and
recognises spreadsheet headers in Russian and Chinese with the very words the
window shows (one source: tracker/resources/translations/tracker_{lang}.ts)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

LANGUAGES = ("en", "ru", "zh")
_DIR = Path(__file__).resolve().parents[1] / "resources" / "translations"


@cache
def catalog(lang: str) -> dict[tuple[str, str], str]:
    """(context, English source) -> finished translation, for ``lang`` (empty for English)."""
    path = _DIR / f"tracker_{lang}.ts"
    if lang == "en" or not path.is_file():
        return {}
    out: dict[tuple[str, str], str] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source")
            t = msg.find("translation")
            if (
                source
                and t is not None
                and t.get("type") not in ("unfinished", "obsolete")
                and t.text
            ):
                out[(name, source)] = t.text
    return out


def tr(lang: str, context: str, text: str) -> str:
    """``text`` in ``lang`` as the window says it in ``context`` (English when not translated)."""
    return catalog(lang).get((context, text), text)


def all_translations(context: str, text: str) -> set[str]:
    """Every language's words for ``text`` in ``context`` (English included)."""
    return {text} | {tr(lang, context, text) for lang in LANGUAGES}
