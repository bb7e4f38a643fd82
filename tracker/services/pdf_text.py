"""Finishing a PDF that Qt wrote: a text layer that searches and copies, and its metadata.

Qt's PDF engine writes each font's ``ToUnicode`` map by asking, for every code
point from U+0000 up, which glyph the font draws it with, and keeps the *first*
code point found for a glyph (``QFontSubset::getReverseMap``). Fonts share one
glyph between look-alike code points, and the look-alike often comes first:

- Noto Sans CJK (and Microsoft YaHei) draw the Kangxi radical U+2F70 ⽰ with the
  glyph of 示 U+793A, so 白 示 生 come out as U+2F69 U+2F70 U+2F63 and no Chinese
  name that holds them can be found or copied;
- a shaped "fi" ligature glyph is mapped to U+FB01 ﬁ, so "financing" is not found.

The report turns ligatures off where it draws text, but a chart's text is shaped
by ``QSvgRenderer``; so the maps are also corrected here: a destination in the
Kangxi/CJK radicals, CJK compatibility or alphabetic presentation blocks is
replaced by the ideograph the font draws with the same glyph
(:mod:`tracker.services.cjk_lookalikes`: 户 for ⼾, 页 for ⻚, where NFKC is wrong
or silent), else by its compatibility (NFKC) form — the letters of a ligature. Nothing else in the file changes
except identical objects (Qt writes a hatch-pattern image again for every bar
that uses it), which are merged, and the document's title, author and language.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from tracker.services.cjk_lookalikes import RADICAL_IDEOGRAPHS

#: Blocks whose characters are look-alikes or ligatures of ordinary text.
_LOOKALIKE_BLOCKS = (
    (0x2E80, 0x2FDF),  # CJK Radicals Supplement, Kangxi Radicals
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0xFB00, 0xFB4F),  # Alphabetic Presentation Forms (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ)
    (0x2F800, 0x2FA1F),  # CJK Compatibility Ideographs Supplement
)

_TOKEN = re.compile(rb"<([0-9A-Fa-f]*)>|\[|\]|(begin|end)(bfrange|bfchar)")


def _plain(text: str) -> str:
    out = []
    for ch in text:
        if (ideograph := RADICAL_IDEOGRAPHS.get(ord(ch))) is not None:
            ch = chr(ideograph)
        elif any(lo <= ord(ch) <= hi for lo, hi in _LOOKALIKE_BLOCKS):
            ch = unicodedata.normalize("NFKC", ch)
        out.append(ch)
    return "".join(out)


def _hex(text: str) -> bytes:
    return b"<" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _fix_destination(token: bytes) -> bytes:
    raw = bytes.fromhex(token[1:-1].decode())
    try:
        text = raw.decode("utf-16-be")
    except UnicodeDecodeError:
        return token
    plain = _plain(text)
    return token if plain == text else _hex(plain)


def plain_cmap(cmap: bytes) -> bytes:
    """A ``ToUnicode`` CMap whose destinations are the characters the glyphs stand for.

    Only destinations are touched (a glyph id that happens to equal a radical's
    code stays). A range ``<lo> <hi> <dst>`` whose destinations would change is
    written out as an array, since the corrected characters are not consecutive.
    """
    out = bytearray()
    pos = 0
    section = b""
    expect = 0  # bfchar: 0 src, 1 dst; bfrange: 0 lo, 1 hi, 2 dst
    lo = 0
    in_array = False
    for m in _TOKEN.finditer(cmap):
        out += cmap[pos : m.start()]
        pos = m.end()
        token = m.group(0)
        if m.group(2):
            section = m.group(3) if m.group(2) == b"begin" else b""
            expect, in_array = 0, False
            out += token
            continue
        if not section:
            out += token
            continue
        if token == b"[":
            in_array = True
            out += token
            continue
        if token == b"]":
            in_array = False
            expect = 0
            out += token
            continue
        if in_array:
            out += _fix_destination(token)
            continue
        if section == b"bfchar":
            out += _fix_destination(token) if expect == 1 else token
            expect = (expect + 1) % 2
            continue
        # bfrange
        if expect == 0:
            lo = int(m.group(1) or b"0", 16)
            out += token
        elif expect == 1:
            hi = int(m.group(1) or b"0", 16)
            out += token
        else:
            start = int(m.group(1) or b"0", 16)
            dests = [_fix_destination(_hex(chr(start + i))) for i in range(hi - lo + 1)]
            if dests == [_hex(chr(start + i)) for i in range(hi - lo + 1)]:
                out += token
            else:
                out += b"[" + b" ".join(dests) + b"]"
        expect = (expect + 1) % 3
    out += cmap[pos:]
    return bytes(out)


def _fonts(writer: PdfWriter) -> list[DictionaryObject]:
    """Every font dictionary used by a page or by a form the pages draw."""
    found: dict[int, DictionaryObject] = {}
    seen: set[int] = set()

    def visit(resources: object) -> None:
        if not isinstance(resources, DictionaryObject):
            return
        for ref in (resources.get("/Font") or {}).values():
            obj = ref.get_object()
            found.setdefault(id(obj), obj)
        for ref in (resources.get("/XObject") or {}).values():
            obj = ref.get_object()
            if id(obj) in seen or obj.get("/Subtype") != "/Form":
                continue
            seen.add(id(obj))
            visit(obj.get("/Resources"))

    for page in writer.pages:
        resources = page.get("/Resources")
        visit(resources.get_object() if resources is not None else None)
    return list(found.values())


def finish_pdf(path: str | os.PathLike[str], *, title: str, author: str, language: str,
               subject: str = "") -> int:  # fmt: skip
    """Correct the text layer of the PDF at ``path`` and set its metadata, in place.

    Returns how many ``ToUnicode`` maps were corrected. The file is replaced
    atomically: a failure leaves the PDF Qt wrote.
    """
    path = Path(path)
    mode = path.stat().st_mode & 0o777
    writer = PdfWriter(clone_from=PdfReader(path))
    fixed = 0
    for font in _fonts(writer):
        ref = font.get("/ToUnicode")
        if ref is None:
            continue
        stream = ref.get_object()
        data = stream.get_data()
        plain = plain_cmap(data)
        if plain != data:
            stream.set_data(plain)
            fixed += 1
    writer._root_object[NameObject("/Lang")] = TextStringObject(language)
    info = {"/Title": title, "/Author": author}
    if subject:
        info["/Subject"] = subject
    writer.add_metadata(info)
    writer.compress_identical_objects()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            writer.write(f)
        os.chmod(tmp, mode)  # the file keeps the permissions Qt gave it
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return fixed


__all__ = ["finish_pdf", "plain_cmap"]
