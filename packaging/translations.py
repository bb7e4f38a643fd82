"""Refresh the translations: list the strings lupdate cannot see, extract every
tr() string from tracker/ui into the .ts files, compile the .qm files.

    .venv/bin/python packaging/translations.py            # all three steps
    .venv/bin/python packaging/translations.py --check    # domain_strings.py up to date?

Strings lupdate cannot see, written to tracker/ui/domain_strings.py as
QT_TRANSLATE_NOOP entries: the English labels of tracker.domain (translated by
the window in the contexts Kind, Field and codelists), and calls through an
alias such as ``t = QCoreApplication.translate; t("Ctx", "text")`` or a one-line
wrapper ``def _t(text): return QCoreApplication.translate("Ctx", text)``.

The .ts files (tracker/resources/translations/tracker_{en,ru,zh}.ts) are
edited with Qt Linguist (pyside6-linguist) or by hand; lupdate keeps the
existing translations and marks new or changed strings "unfinished".
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tracker.domain.codelists import STATUS_LABELS  # noqa: E402
from tracker.domain.fields import KINDS  # noqa: E402
from tracker.services.iati import ORGANISATION_TYPES  # noqa: E402

DOMAIN_STRINGS = ROOT / "tracker" / "ui" / "domain_strings.py"
TS_DIR = ROOT / "tracker" / "resources" / "translations"
LANGS = {"en": "en_US", "ru": "ru_RU", "zh": "zh_CN"}
BIN = Path(sys.executable).parent


def domain_labels() -> dict[str, list[str]]:
    """Every English label the domain layer hands to the window, by the context
    the window translates it in: kinds ("Kind"), fields ("Field"), codes ("codelists")."""
    out: dict[str, dict[str, None]] = {"Kind": {}, "Field": {}, "codelists": {}}
    for kind in KINDS.values():
        out["Kind"][kind.label] = None
        out["Kind"][kind.singular] = None
        for f in kind.fields:
            out["Field"][f.label] = None
            if f.help:
                out["Field"][f.help] = None
    for label in (*STATUS_LABELS.values(), *ORGANISATION_TYPES.values()):
        out["codelists"][label] = None
    return {ctx: [s for s in labels if s] for ctx, labels in out.items()}


def alias_calls() -> dict[str, list[str]]:
    """(context, text) of calls like t("Ctx", "text") where t = QCoreApplication.translate."""
    out: dict[str, dict[str, None]] = {}
    for path in ui_sources():
        if path == DOMAIN_STRINGS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases = {
            t.id
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "translate"
            for t in node.targets
            if isinstance(t, ast.Name)
        }
        wrappers = dict(_wrappers(tree))  # def _t(text): return ....translate("Ctx", text)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            args = node.args
            if (node.func.id in aliases and len(args) >= 2
                    and all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                            for a in args[:2])):  # fmt: skip
                out.setdefault(args[0].value, {})[args[1].value] = None
            elif (node.func.id in wrappers and args and isinstance(args[0], ast.Constant)
                  and isinstance(args[0].value, str)):  # fmt: skip
                out.setdefault(wrappers[node.func.id], {})[args[0].value] = None
    return {ctx: list(texts) for ctx, texts in sorted(out.items())}


#: Services whose words a front end translates through a language object: file -> context.
#: Every ``lang.tr("text")`` (or ``t("text")`` with ``t = lang.tr``) and the values of a
#: ``TITLE_OVERRIDES`` dict there are extracted in that context.
SERVICE_TEXTS = {"tracker/services/report_document.py": "Report"}


def service_texts() -> dict[str, list[str]]:
    out: dict[str, dict[str, None]] = {}
    for rel, ctx in SERVICE_TEXTS.items():
        tree = ast.parse((ROOT / rel).read_text(encoding="utf-8"))
        aliases = {t.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
                   and isinstance(node.value, ast.Attribute) and node.value.attr == "tr"
                   for t in node.targets if isinstance(t, ast.Name)}  # fmt: skip
        texts = out.setdefault(ctx, {})
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str) and (
                    (isinstance(node.func, ast.Attribute) and node.func.attr == "tr")
                    or (isinstance(node.func, ast.Name) and node.func.id in aliases)):  # fmt: skip
                texts[node.args[0].value] = None
            elif (isinstance(node, ast.AnnAssign) and isinstance(node.value, ast.Dict)
                  and getattr(node.target, "id", "") == "TITLE_OVERRIDES") or (
                    isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict)
                    and any(getattr(t, "id", "") == "TITLE_OVERRIDES" for t in node.targets)):  # fmt: skip
                for v in node.value.values:
                    if isinstance(v, ast.Constant) and isinstance(v.value, str):
                        texts[v.value] = None
    return {ctx: list(texts) for ctx, texts in out.items()}


def _wrappers(tree: ast.AST):  # noqa: ANN202
    """(function name, context) of one-line wrappers around QCoreApplication.translate."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        body = [
            b
            for b in node.body
            if not (isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant))
        ]
        if len(body) != 1 or not isinstance(body[0], ast.Return):
            continue
        call = body[0].value
        if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and call.func.attr == "translate" and len(call.args) >= 2
                and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)
                and isinstance(call.args[1], ast.Name)
                and call.args[1].id == node.args.args[0].arg):  # fmt: skip
            yield node.name, call.args[0].value


def domain_strings_source() -> str:
    lines = [
        '"""Generated by packaging/translations.py: the English labels of tracker.domain',
        "(contexts Kind, Field and codelists, as the window translates them) and the",
        "strings translated through an alias (t = QCoreApplication.translate), so",
        'pyside6-lupdate extracts them. Do not edit by hand."""',
        "",
        "from __future__ import annotations",
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "DOMAIN_STRINGS = (",
    ]
    for ctx, labels in (*domain_labels().items(), *alias_calls().items(), *service_texts().items()):
        for s in labels:
            lines.append(f"    QT_TRANSLATE_NOOP({ctx!r}, {s!r}),".replace("'", '"'))
    lines.append(")")
    return "\n".join(lines) + "\n"


def _pairs(source: str) -> list[tuple[str, str]]:
    """The (context, text) entries of a domain_strings.py, however it is formatted."""
    return [(c.args[0].value, c.args[1].value) for c in ast.walk(ast.parse(source))
            if isinstance(c, ast.Call) and getattr(c.func, "id", "") == "QT_TRANSLATE_NOOP"]  # fmt: skip


def ui_sources() -> list[Path]:
    return sorted(
        p for p in (ROOT / "tracker" / "ui").rglob("*.py") if "__pycache__" not in p.parts
    )


def extract(ts: Path, qt_lang: str, *, plural_only: bool = False) -> None:
    """lupdate over tracker/ui into one .ts file (keeping its translations)."""
    rel = [str(p.relative_to(ROOT)) for p in ui_sources()]
    # English needs only the plural forms ("1 row" / "5 rows"); the rest is the source
    only_plural = ["-pluralonly"] if plural_only else []
    subprocess.run([str(BIN / "pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                    *only_plural, "-target-language", qt_lang, *rel, "-ts", str(ts)],
                   cwd=ROOT, check=True, capture_output=True)  # fmt: skip
    # lupdate reads alias("Ctx", "text") as tr("Ctx", disambiguation="text") in no
    # context; those strings are listed properly in domain_strings.py, so drop these
    tree = ET.parse(ts)
    root = tree.getroot()
    contexts = set(alias_calls())
    for ctx in root.findall("context"):
        if not (ctx.findtext("name") or "").strip():
            for m in ctx.findall("message"):
                if m.findtext("source") in contexts:
                    ctx.remove(m)
            if not ctx.findall("message"):
                root.remove(ctx)
    ET.indent(tree, space="    ")
    text = ET.tostring(root, encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text + "\n",
                  encoding="utf-8")  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only check domain_strings.py")
    ap.add_argument("--no-lupdate", action="store_true", help="only compile the .ts files")
    args = ap.parse_args()
    source = domain_strings_source()
    if args.check:
        ok = DOMAIN_STRINGS.is_file() and _pairs(
            DOMAIN_STRINGS.read_text(encoding="utf-8")
        ) == _pairs(source)
        print("domain_strings.py is " + ("up to date" if ok else "out of date"))
        return 0 if ok else 1
    if not args.no_lupdate:
        DOMAIN_STRINGS.write_text(source, encoding="utf-8")
        ruff = BIN / "ruff"
        if ruff.exists():  # keep the generated file as `make format` leaves it
            subprocess.run([str(ruff), "format", "-q", str(DOMAIN_STRINGS)], check=False)
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for lang, qt_lang in LANGS.items():
        ts = TS_DIR / f"tracker_{lang}.ts"
        if not args.no_lupdate:
            extract(ts, qt_lang, plural_only=lang == "en")
        subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       cwd=ROOT, check=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
