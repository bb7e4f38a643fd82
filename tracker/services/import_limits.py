"""Caps an import file must keep, checked before it is parsed (issue 13: a file
built to exhaust the machine is answered in seconds, with bounded memory).

An XLSX is a zip of XML: its members' declared sizes are checked before any of
it is inflated (Python's zipfile never inflates a member past its declared size,
so the declared sizes are what memory is bounded by), and the sheet's claimed
``<dimension>`` is never trusted. A CSV's header, a JSON document's nesting and a
text file's encoding are checked before the records are read.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

#: Records one import takes (a million projects is the largest portfolio planned).
MAX_ROWS = 1_000_000
#: Columns of an import file (a kind has at most about 20 fields, exports add a few).
MAX_COLUMNS = 200
#: Characters in one cell (Excel's own limit).
MAX_CELL_CHARS = 32_767
#: An XLSX: members, the inflated size of one member and of all, and the ratio of
#: inflated to stored size (real sheets stay under 30:1; OWASP's zip-bomb advice).
XLSX_MAX_MEMBERS = 10_000
XLSX_MAX_MEMBER_BYTES = 512 << 20
XLSX_MAX_TOTAL_BYTES = 1 << 30
XLSX_MAX_RATIO = 100
#: Members smaller than this are not held to the ratio (tiny XML compresses well).
_RATIO_FLOOR = 1 << 20
#: Levels of nesting in a JSON import (the program's own files use four).
MAX_JSON_DEPTH = 32


class ImportRefused(Exception):
    """The file cannot be read at all (not a table, wrong kind, unreadable, over a cap)."""


def _mb(n: int) -> str:
    return f"{n / (1 << 20):,.0f} MB"


def check_xlsx_archive(path: Path) -> None:
    """Refuse a workbook whose zip would inflate past the caps, before parsing any of it."""
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportRefused(f"not a readable XLSX workbook ({exc})") from None
    if len(members) > XLSX_MAX_MEMBERS:
        raise ImportRefused(
            f"the workbook holds {len(members):,} parts; an import takes at most "
            f"{XLSX_MAX_MEMBERS:,} (it is not a spreadsheet Excel would write)"
        )
    total = 0
    for m in members:
        if m.file_size > XLSX_MAX_MEMBER_BYTES:
            raise ImportRefused(
                f"the workbook part {m.filename} would inflate to {_mb(m.file_size)}; an import "
                f"takes at most {_mb(XLSX_MAX_MEMBER_BYTES)} per part (split the file)"
            )
        if m.file_size > _RATIO_FLOOR and m.file_size > XLSX_MAX_RATIO * max(m.compress_size, 1):
            ratio = m.file_size // max(m.compress_size, 1)
            raise ImportRefused(
                f"the workbook part {m.filename} would inflate {ratio:,} times (to "
                f"{_mb(m.file_size)}); an import takes at most {XLSX_MAX_RATIO} times, as "
                "real spreadsheets do (this looks like a zip bomb)"
            )
        total += m.file_size
    if total > XLSX_MAX_TOTAL_BYTES:
        raise ImportRefused(
            f"the workbook would inflate to {_mb(total)}; an import takes at most "
            f"{_mb(XLSX_MAX_TOTAL_BYTES)} (split the file)"
        )


def check_width(columns: int) -> None:
    if columns > MAX_COLUMNS:
        raise ImportRefused(
            f"the header has {columns:,} columns; an import takes at most {MAX_COLUMNS} "
            "(is this the right file?)"
        )


def too_many_rows(row: int) -> ImportRefused:
    return ImportRefused(
        f"the file goes on past row {row - 1:,}; an import takes at most {MAX_ROWS:,} records "
        "(split the file)"
    )


def check_cell(value: object, *, row: int, column: str) -> None:
    if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
        raise ImportRefused(
            f"row {row}, column {column}: the cell holds {len(value):,} characters; "
            f"a cell may hold at most {MAX_CELL_CHARS:,}"
        )


_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)


def check_json_depth(data: bytes) -> None:
    """Refuse a JSON document nested deeper than the program's files ever are, before
    the parser recurses into it (a RecursionError otherwise)."""
    opens = data.count(b"[") + data.count(b"{")
    if opens <= MAX_JSON_DEPTH:
        return
    depth = deepest = 0
    # Brackets inside strings do not count: strings are cut out first (C-level passes).
    for m in re.finditer(rb"[\[\]{}]", _STRING.sub(b"", data)):
        if m.group(0) in b"[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_JSON_DEPTH:
                    raise ImportRefused(
                        f"the JSON is nested more than {MAX_JSON_DEPTH} levels deep; an import "
                        "file is a list of records of plain values"
                    )
        else:
            depth -= 1


#: A complete UTF-8 sequence of two to four bytes (RFC 3629).
_UTF8_SEQ = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH = re.compile(rb"[\x80-\xff]")


def stray_byte(data: bytes, exc: UnicodeDecodeError, *, offset: int = 0) -> ImportRefused | None:
    """The refusal for UTF-8 text with a stray byte, or None for text in another encoding.

    Text whose other non-ASCII bytes are mostly whole UTF-8 sequences is UTF-8 with
    a damaged byte, never Windows-1251 (which would turn every Cyrillic letter into
    two wrong ones, silently)."""
    sample = data[: 4 << 20]
    high = len(_HIGH.findall(sample))
    whole = sum(len(m) for m in _UTF8_SEQ.findall(sample))
    if not whole or whole * 2 < high:
        return None
    at = exc.start + offset
    row = data[:at].count(b"\n") + 1
    return ImportRefused(
        f"row {row}: byte {at:,} (0x{data[at]:02X}) is not UTF-8, though the rest of the file "
        "is UTF-8 text; correct or remove that character and save the file as UTF-8"
    )
