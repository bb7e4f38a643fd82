"""Import of CSV (as Excel saves it in English or Russian locales), XLSX and
the program's own JSON: preview every bad row and column, then all or nothing.

Row numbers in messages are those a spreadsheet shows: the header is row 1,
the first record row 2 (for JSON: the record's position, from 1).
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import gc
import io
import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import repeat
from operator import attrgetter, is_, itemgetter
from pathlib import Path
from typing import Any, overload

from tracker.domain.fields import (
    COUNTRY,
    CURRENCY,
    DATE,
    DISBURSEMENT_PLANS,
    ENUM,
    FAST_MISS,
    FX_RATES,
    INT,
    MONEY,
    PROJECT_UPDATES,
    REAL,
    REF,
    REGION,
    SECTOR,
    Field,
    Kind,
    RefIndex,
    clean_value,
    cross_check_rows,
    cross_checks,
    kind_of,
    validator,
)
from tracker.domain.validation import ValidationError, ValidationErrors
from tracker.services import export_book
from tracker.services import import_limits as limits
from tracker.services.changes import Change
from tracker.services.import_limits import ImportRefused
from tracker.services.progress import CHECKING, READING, WRITING, Progress, quiet
from tracker.store import Store, now_iso

#: Columns that exports add and imports ignore.
MAX_ERRORS = 1000
#: The problem that ends a check of a file with too many problems.
STOPPED = f"more than {MAX_ERRORS} problems; stopped checking"
#: Rows between two reports of how far a plan or a write is.
PROGRESS_ROWS = 5000


__all__ = ["ImportRefused"]  # defined with the caps it enforces


@dataclass
class SourceTable:
    columns: list[str]
    rows: Sequence[Mapping[str, Any]]  # column -> raw value
    first_row: int  # row number of the first record
    description: str  # e.g. "CSV, UTF-8 with BOM, ';', decimal comma"
    decimal_comma: bool | None = None
    #: A CSV's cells by column (header -> one text per record); ``rows`` then makes
    #: each record's dict only when asked for (the preview shows a few hundred).
    cells: dict[str, list[str]] | None = None
    #: Records (by index) with non-blank cells beyond the header's columns: those cells.
    extra: dict[int, list[str]] = field(default_factory=dict)


class _ColumnRows(Sequence[dict[str, Any]]):
    """The records of a CSV read into columns, each as the dict the old reader made
    (header -> cell; ``"\0extra"`` -> cells beyond the header), made on demand."""

    def __init__(self, header: list[str], cols: list[list[str]], extra: dict[int, list[str]]):
        self._header, self._cols, self._extra = header, cols, extra
        self._n = len(cols[0]) if cols else 0

    def __len__(self) -> int:
        return self._n

    def _row(self, i: int) -> dict[str, Any]:
        row: dict[str, Any] = dict(zip(self._header, [c[i] for c in self._cols], strict=True))
        if i in self._extra:
            row["\0extra"] = self._extra[i]
        return row

    @overload
    def __getitem__(self, i: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, i: slice) -> list[dict[str, Any]]: ...
    def __getitem__(self, i: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(i, slice):
            return [self._row(j) for j in range(*i.indices(self._n))]
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError("record index out of range")
        return self._row(i)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return map(self._row, range(self._n))


@dataclass
class PlannedRow:
    row: int
    action: str  # insert | update | skip
    values: dict[str, Any]
    pk: Any = None
    changes: dict[str, Any] = field(default_factory=dict)


class _Checked:
    """The checked values of a file's records, by column (``cols[j]`` holds ``names[j]``)."""

    __slots__ = ("names", "cols", "rows", "touched")

    def __init__(self, names: list[str], cols: list[list[Any]]):
        self.names, self.cols = names, cols
        self.rows: list[PlannedRow] = []  # the planned records made from the columns, in order
        self.touched = False  # some record's values were asked for (and may be changed)


class _NewRow(PlannedRow):
    """A record of a first import: its ``values`` dict is made from the checked columns
    when first asked for; the bulk insert binds the columns themselves."""

    def __init__(self, row: int, checked: _Checked, i: int):
        self.row, self.action, self.pk, self.changes = row, "insert", None, {}
        self._checked, self._i = checked, i

    @property  # type: ignore[override]
    def values(self) -> dict[str, Any]:
        made = self.__dict__.get("_values")
        if made is None:
            c = self._checked
            c.touched = True
            made = self.__dict__["_values"] = dict(zip(c.names, [col[self._i] for col in c.cols],
                                                       strict=True))  # fmt: skip
        return made

    @values.setter
    def values(self, v: dict[str, Any]) -> None:
        self._checked.touched = True
        self.__dict__["_values"] = v

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PlannedRow):
            return NotImplemented
        return (self.row, self.action, self.values, self.pk, self.changes) == (
            other.row, other.action, other.values, other.pk, other.changes)  # fmt: skip

    __hash__ = None  # type: ignore[assignment]


@dataclass
class ImportPlan:
    kind: str
    path: str
    source: SourceTable
    planned: list[PlannedRow] = field(default_factory=list)
    errors: list[ValidationError] = field(default_factory=list)
    #: A first import's checked columns, which ``planned`` (all new records) refers to.
    checked: _Checked | None = field(default=None, repr=False, compare=False)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return not self.errors

    def counts(self) -> dict[str, int]:
        """Rows to insert, update and skip (counted once: the window asks on its thread)."""
        memo = self._memo.get("counts")
        if memo is None or memo[0] != len(self.planned):
            c = Counter(map(attrgetter("action"), self.planned))
            memo = self._memo["counts"] = (len(self.planned), {"insert": c["insert"],
                                                               "update": c["update"],
                                                               "skip": c["skip"]})  # fmt: skip
        return dict(memo[1])

    def release(self) -> None:
        """Empty the plan's rows and cells a bite at a time; the plan is not used after.

        For a worker thread: a 100k-row file is millions of cells, and freeing them in
        one go holds the interpreter's lock for 0.1–0.2 s (the window's thread with it);
        between bites the lock can change hands.
        """
        lists: list[list[Any]] = [self.planned]
        src = self.source
        if isinstance(src.rows, list):
            lists.append(src.rows)
        lists += [c for c in getattr(src.rows, "_cols", ()) if isinstance(c, list)]
        lists += list((src.cells or {}).values())
        if self.checked is not None:
            lists += [*self.checked.cols, self.checked.rows]
        self._memo.clear()
        for cells in lists:
            while cells:
                del cells[-RELEASE_BITE:]

    def head(self, last_row: int) -> list[PlannedRow]:
        """The planned records of the file's rows up to ``last_row`` (a preview's), found
        once: ask in the background first, and the window's thread does not walk 100k rows."""
        key = ("head", last_row, len(self.planned))
        memo = self._memo.get("head")
        if memo is None or memo[0] != key:
            memo = self._memo["head"] = (key, [p for p in self.planned if p.row <= last_row])
        return memo[1]

    def facts(self) -> dict[str, Any]:
        """The numbers the summary's first line tells (the window words them in its own
        language): the file, its rows, the problems found and where checking stopped."""
        stop = next((e for e in self.errors if e.field == "file" and e.message == STOPPED), None)
        problems = [e for e in self.errors if e is not stop]
        rows = len(self.source.rows)
        return {
            "file": Path(self.path).name,
            "kind": self.kind,
            "rows": rows,
            "last_row": self.source.first_row + rows - 1,
            "problems": len(problems),
            "bad_rows": len({e.row for e in problems if e.row is not None}),
            "stopped_at": stop.row if stop is not None else None,
            "first_problem": problems[0].message if problems else "",
            **self.counts(),
        }

    def summary(self) -> str:
        """The first line tells the whole story: what would be (or was) written, or why
        nothing is, where checking stopped and out of how many rows."""
        return headline(self.facts(), description=self.source.description)


def headline(f: Mapping[str, Any], *, description: str = "") -> str:
    """An import's summary line in English (the command line; the window says the same in
    its language from the same facts)."""
    if f["stopped_at"] is not None:
        return (f"Stopped after {f['problems']:,} problems at row {f['stopped_at']:,} of "
                f"{f['last_row']:,}; nothing was imported.")  # fmt: skip
    if f["problems"] and not f["bad_rows"]:
        return f"{f['file']} cannot be imported: {f['first_problem']}."
    if f["problems"]:
        return (f"{f['problems']:,} problem(s) in {f['bad_rows']:,} of {f['rows']:,} rows of "
                f"{f['file']}; nothing was imported.")  # fmt: skip
    source = f" ({description})" if description else ""
    return (f"{f['rows']:,} rows of {f['file']}: {f['insert']:,} new, {f['update']:,} changed, "
            f"{f['skip']:,} unchanged{source}.")  # fmt: skip


# ------------------------------------------------------------------ reading
def _decode(data: bytes) -> tuple[str, str]:
    try:
        return _decode_text(data)
    except UnicodeDecodeError as exc:
        bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            stray = limits.stray_byte(data, exc, offset=bom)
            if stray is not None:
                raise stray from None
        raise ImportRefused(
            "the file is not text in UTF-8, UTF-16 or Windows-1251 (it holds bytes no text has)"
        ) from None


def _decode_text(data: bytes) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "UTF-8 with BOM"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as exc:
        stray = limits.stray_byte(data, exc)
        if stray is not None:  # UTF-8 with a damaged byte: never read as Windows-1251
            raise stray from None
    # Not UTF-8: Excel's ANSI code page. Russian Windows writes Windows-1251, where letters
    # above 0xC0 come in runs (whole Cyrillic words); English Windows writes Windows-1252,
    # where they are single accented letters among ASCII ones ('Société Générale').
    runs = re.findall(rb"[\xc0-\xff\xa8\xb8]+", data[: 256 * 1024])
    letters = sum(len(r) for r in runs)
    if letters and sum(len(r) for r in runs if len(r) > 1) / letters < 0.5:
        try:
            return data.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            pass
    return data.decode("cp1251"), "Windows-1251"


_NUMERIC_TYPES = (MONEY, INT, REAL)


_COMMA_NUMBER = re.compile(r"-?\d+,\d{1,2}|-?\d{1,3}(\.\d{3})+,\d+|-?\d+,\d{4,}")
_POINT_NUMBER = re.compile(r"-?\d+\.\d{1,2}|-?\d{1,3}(,\d{3})+\.\d+|-?\d+\.\d{4,}")


def _guess_decimal_comma(
    kind: Kind, columns: list[str], cells: Mapping[str, Sequence[Any]], delimiter: str
) -> bool:
    numeric = [c for c in columns if _field_type(kind, c) in _NUMERIC_TYPES]
    comma = point = 0
    for c in numeric:
        for raw, times in Counter(cells[c][:2000]).items():  # each distinct text once
            v = str(raw or "").strip().replace("\u00a0", "").replace(" ", "")
            if _COMMA_NUMBER.fullmatch(v):
                comma += times
            elif _POINT_NUMBER.fullmatch(v):
                point += times
    if comma != point:
        return comma > point
    return delimiter == ";"


def _field_type(kind: Kind, column: str) -> str | None:
    try:
        return kind.field(column).type
    except KeyError:
        return None


def read_csv(data: bytes, kind: Kind) -> SourceTable:
    text, enc = _decode(data)
    if "\x00" in text:
        raise ImportRefused("the file holds binary data (NUL bytes), not CSV text")
    sample = text[: 64 * 1024]
    _check_header_width(text)
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        delimiter = max(",;\t", key=first.count)
    # Only a cell starting with ' can need unquote(): look once in the whole text, not per cell.
    quoted = _starts_a_cell(text, "'")
    table = _split_plain(text, delimiter) or _read_records(text, delimiter, quoted=quoted)
    header, cols, extra = table
    limits.check_width(len(header))
    if cols and len(cols[0]) > limits.MAX_ROWS:
        raise limits.too_many_rows(len(cols[0]) + 1)
    for name, col in zip(header, cols, strict=True):
        if col and max(map(len, col)) > limits.MAX_CELL_CHARS:
            i = next(i for i, c in enumerate(col) if len(c) > limits.MAX_CELL_CHARS)
            limits.check_cell(col[i], row=i + 2, column=name)
    if quoted:
        cols = [list(map(unquote, c)) for c in cols]
        extra = {i: list(map(unquote, x)) for i, x in extra.items()}
    cells = dict(zip(header, cols, strict=True))  # a repeated name: the later column, as before
    dc = _guess_decimal_comma(kind, header, cells, delimiter)
    names = {",": "','", ";": "';'", "\t": "tab"}
    desc = f"CSV, {enc}, {names[delimiter]}-separated, decimal {'comma' if dc else 'point'}"
    rows = _ColumnRows(header, cols, extra)
    return SourceTable(header, rows, 2, desc, dc, cells=cells, extra=extra)


_Table = tuple[list[str], list[list[str]], dict[int, list[str]]]


def _check_header_width(text: str) -> None:
    """A header of hundreds of thousands of columns is refused in one line, before
    the records are split into as many lists."""
    end = text.find("\n")
    first = text if end < 0 else text[:end]
    if max(first.count(","), first.count(";"), first.count("\t")) < limits.MAX_COLUMNS:
        return
    try:
        header = next(csv.reader(io.StringIO(first), delimiter=max(",;\t", key=first.count)))
    except (csv.Error, StopIteration):
        return
    limits.check_width(len(header))


def _header(cells: Sequence[str]) -> list[str]:
    return [h.strip().lstrip("\ufeff") for h in cells]


def _read_records(text: str, delimiter: str, *, quoted: bool = False) -> _Table:
    """Any CSV, with csv.reader: (header, the cells by column, cells beyond the header).

    Rows of blank cells are left out; a short row reads as empty cells in the columns
    it lacks. ``quoted``: cells beyond the header count as blank by their unquoted text."""
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', doublequote=True
    )
    try:
        records = list(reader)
    except csv.Error as exc:
        raise ImportRefused(f"not readable as CSV ({exc})") from None
    records = [r for r in records if "".join(r).strip()]  # drop rows of blank cells
    if not records:
        raise ImportRefused("the file is empty (no header row)")
    header = _header(records[0])
    width = len(header)
    body = records[1:]
    extra: dict[int, list[str]] = {}
    if any(len(r) != width for r in body):
        even = []
        for i, rec in enumerate(body):
            if len(rec) < width:
                rec = rec + [""] * (width - len(rec))
            elif len(rec) > width:
                if any((unquote(x) if quoted else x).strip() for x in rec[width:]):
                    extra[i] = rec[width:]
                rec = rec[:width]
            even.append(rec)
        body = even
    cols = [list(c) for c in zip(*body, strict=True)] if body else [[] for _ in header]
    return header, cols, extra


#: Cells freed at a time by ImportPlan.release.
RELEASE_BITE = 20_000
#: Lines split at a time by the plain CSV reader (a few milliseconds each): one C-level
#: pass over a whole 100k-row file holds the interpreter's lock, and so the window, for
#: up to 0.2 s.
SPLIT_BLOCK = 5000
#: Characters of a CSV's text cut into lines at a time.
TEXT_BLOCK = 1 << 20


def _lines(text: str) -> list[str]:
    """``text.split("\\n")``, about a megabyte at a time (see SPLIT_BLOCK)."""
    lines: list[str] = []
    pos, n = 0, len(text)
    while True:
        end = text.find("\n", pos + TEXT_BLOCK)
        if end < 0:
            lines += text[pos:].split("\n")
            return lines
        lines += text[pos:end].split("\n")
        pos = end + 1
        if pos == n:
            lines.append("")
            return lines


def _split_plain(text: str, delimiter: str) -> _Table | None:
    """The common CSV (no quote character, no blank line, every line as wide as the
    header) split by str methods over the whole text: the same cells csv.reader reads,
    about a third of its time and without a list per row. None for any other file."""
    if '"' in text:
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        if "\r" in text:
            return None
    lines = _lines(text)
    if lines[-1] == "":
        lines.pop()
    if not lines:
        return None
    # Ragged lines need padding (csv.reader's caller does it).
    seps = lines[0].count(delimiter)
    for a in range(0, len(lines), SPLIT_BLOCK):
        if set(map(str.count, lines[a : a + SPLIT_BLOCK], repeat(delimiter))) != {seps}:
            return None
    width = seps + 1
    header = lines[0].split(delimiter)
    # The cells, column by column, a block of lines at a time: one C-level pass over a
    # 100k-row file holds the interpreter's lock for 0.2 s, and the window's thread with it.
    limit = csv.field_size_limit()
    if len(text) > limit and any(
        len(cell) > limit for line in lines if len(line) > limit for cell in line.split(delimiter)
    ):
        return None  # csv.reader refuses such a cell: let it say so
    cols: list[list[str]] = [[] for _ in range(width)]
    for a in range(1, len(lines), SPLIT_BLOCK):
        flat = delimiter.join(lines[a : a + SPLIT_BLOCK]).split(delimiter)
        for j in range(width):
            cols[j] += flat[j::width]
    # A line of blank cells is left out by csv.reader's caller. Only a line whose first
    # cell is blank can be one: look at the whole lines only if the first column has one.
    if not (header[0].strip() and all(map(str.strip, cols[0]))) and not all(
        map(str.strip, map(str.replace, lines, repeat(delimiter), repeat("")))
    ):
        return None
    return _header(header), cols, {}


def _starts_a_cell(text: str, char: str) -> bool:
    """Whether ``char`` appears at the start of some cell (after a separator, a line
    break or an opening quote); str.find, not a regex: 25 MB scan in ~10 ms."""
    i = text.find(char)
    while i >= 0:
        if i == 0 or text[i - 1] in ',;\t\n\r"':
            return True
        i = text.find(char, i + 1)
    return False


#: A quote the export put before text a spreadsheet would run as a formula.
_QUOTED_FORMULA = re.compile(r"^'+[=+\-@\t\r]")


def unquote(cell: str) -> str:
    """Undo the export's formula neutralising: "'=SUM(A1)" reads back as "=SUM(A1)"."""
    if not cell.startswith("'"):  # nearly every cell: skip the regex (2M cells in a 100k import)
        return cell
    return cell[1:] if _QUOTED_FORMULA.match(cell) else cell


def read_xlsx(path: Path, kind: Kind) -> SourceTable:
    from openpyxl import load_workbook

    limits.check_xlsx_archive(path)  # before anything is inflated
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise ImportRefused(
            f"not a readable XLSX workbook ({exc.__class__.__name__}: {exc})"
        ) from None
    try:
        wanted = {kind.name, kind.label.lower(), kind.name.replace("project_", "")}
        wanted |= export_book.sheet_names(kind.name)  # a snapshot's sheet, in any language
        ws = next((s for s in wb.worksheets if s.title.strip().lower() in wanted), None)
        if ws is None:
            summary = {"summary"} | export_book.summary_names()
            ws = next(
                (s for s in wb.worksheets if s.title.strip().lower() not in summary),
                wb.worksheets[0],
            )
        # The sheet's own <dimension> is not trusted: read as written, each row as wide as
        # its last cell, so a claimed A1:XFD1048576 costs nothing.
        ws.reset_dimensions()
        it = ws.iter_rows(values_only=True)
        header_row = next(it, None)
        if header_row is None:
            raise ImportRefused(f"sheet '{ws.title}' is empty (no header row)")
        limits.check_width(len(header_row))
        header = [str(h).strip() if h is not None else "" for h in header_row]
        while header and header[-1] == "":
            header.pop()
        # A snapshot's names beside codes and amounts in the reporting currency are left out.
        header = export_book.readable_header(kind.name, header)
        rows = []
        last: tuple[Any, ...] = ()
        for n, rec in enumerate(it, start=2):  # gaps come as empty rows: n is the sheet's row
            if n > limits.MAX_ROWS + 1:
                raise limits.too_many_rows(n)
            if not rec or all(v is None or (isinstance(v, str) and not v.strip()) for v in rec):
                continue
            if len(rec) > limits.MAX_COLUMNS:
                limits.check_width(len(rec))
            for i, v in enumerate(rec):
                limits.check_cell(v, row=n, column=header[i] if i < len(header) else str(i + 1))
            rows.append(
                {
                    header[i]: (_xl_text(rec[i]) if i < len(rec) else None)
                    for i in range(len(header))
                    if header[i]
                }
            )
            last = rec
        if rows and last and export_book.is_total_row(last[0], last[1:]):
            rows.pop()  # the total row under a snapshot's data
        title = ws.title
    finally:
        wb.close()
    return SourceTable([h for h in header if h], rows, 2, f"XLSX, sheet '{title}'", None)


def _xl_text(v: Any) -> Any:
    """Excel writes characters XML cannot hold (CR, control codes) as _xHHHH_: read them back."""
    if isinstance(v, str) and "_x" in v:
        from openpyxl.utils.escape import unescape

        return unescape(v)
    return v


def read_json(data: bytes, kind: Kind) -> SourceTable:
    limits.check_json_depth(data)
    try:
        doc = json.loads(data.decode("utf-8-sig"), parse_float=Decimal)  # exact money
    except UnicodeDecodeError as exc:
        bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        raise (limits.stray_byte(data, exc, offset=bom) or ImportRefused(
            f"not valid JSON ({exc})")) from None  # fmt: skip
    except json.JSONDecodeError as exc:
        raise ImportRefused(f"not valid JSON ({exc})") from None
    except RecursionError:  # pragma: no cover - check_json_depth refuses these first
        raise ImportRefused(
            f"the JSON is nested too deeply (over {limits.MAX_JSON_DEPTH} levels)"
        ) from None
    records: Any = doc
    if isinstance(doc, dict):
        data_part = doc.get("data", doc)
        key = next(
            (
                k
                for k in (kind.name, "updates" if kind.name == "project_updates" else None)
                if k and k in data_part
            ),
            None,
        )
        if key is None and kind.name in (data_part.get("reference") or {}):
            data_part, key = data_part["reference"], kind.name  # reference data of a snapshot
        if key is None:
            raise ImportRefused(f"the JSON document has no '{kind.name}' list")
        records = data_part[key]
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ImportRefused("the JSON must hold a list of records (objects)")
    if len(records) > limits.MAX_ROWS:
        raise ImportRefused(f"the JSON holds {len(records):,} records; an import takes at most "
                            f"{limits.MAX_ROWS:,} (split the file)")  # fmt: skip
    for i, r in enumerate(records, start=1):
        for k, v in r.items():
            if isinstance(v, (dict, list)):
                raise ImportRefused(f"record {i}, field {k}: a value must be text, a number or "
                                    "empty, not a list or object")  # fmt: skip
            limits.check_cell(v, row=i, column=k)
    header = list(dict.fromkeys(k for r in records for k in r))
    limits.check_width(len(header))
    return SourceTable(header, records, 1, "JSON", False)


def read_source(path: str | Path, kind: Kind) -> SourceTable:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ImportRefused(f"cannot read the file ({exc.strerror})") from None
    suffix = p.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(p, kind)
    if suffix == ".json":
        return read_json(data, kind)
    if data[:4] == b"PK\x03\x04":
        return read_xlsx(p, kind)
    return read_csv(data, kind)


# ----------------------------------------------------------------- planning
def _norm(col: str) -> str:
    return col.strip().lower().replace(" ", "_")


@contextlib.contextmanager
def _no_cycle_collection():
    """Hold off the cyclic garbage collector while a file's rows are read, checked and
    written: a 100k-row file makes millions of dicts, lists and tuples, none in cycles,
    and each collection would walk them all again (about a fifth of the import)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def plan_import(store: Store, *, kind: str, path: str | Path, progress: Progress | None = None,
                columns_map: Mapping[str, str] | None = None) -> ImportPlan:  # fmt: skip
    """Read and check a file; nothing is written. ``plan.errors`` lists every problem.

    ``progress`` hears the steps (reading, checking rows) and may cancel between them.
    ``columns_map`` maps the file's headers to fields ("" skips a column); without one,
    the mapping remembered for a file with the same headers is used (services.templates).
    """
    with _no_cycle_collection():
        return _plan_import(store, kind=kind, path=path, progress=progress or quiet(),
                            columns_map=columns_map)  # fmt: skip


def _plan_import(store: Store, *, kind: str, path: str | Path, progress: Progress,
                 columns_map: Mapping[str, str] | None = None) -> ImportPlan:  # fmt: skip
    k = kind_of(kind)
    progress(0, 0, READING)
    try:
        source = read_source(path, k)
    except ImportRefused as exc:
        empty = SourceTable([], [], 2, "")
        return ImportPlan(k.name, str(path), empty, errors=[ValidationError("file", str(exc))])
    n = len(source.rows)
    progress(0, n, CHECKING)
    plan = plan_rows(store, kind=k.name, source=source, path=str(path), progress=progress,
                     columns_map=columns_map)  # fmt: skip
    progress(n, n, CHECKING)
    return plan


#: Field types whose cleaning depends only on the raw value (and the reference data).
_MEMO_TYPES = frozenset({ENUM, CURRENCY, DATE, INT, REAL, COUNTRY, SECTOR, REGION, REF})
_MEMO_MAX = 100_000
_ABSENT = object()


#: Cells a column form checks at a time (a few milliseconds: see SPLIT_BLOCK).
CHECK_BLOCK = 10_000


def _by_blocks(column_form: Any, cells: list[str]) -> list[Any] | None:
    """``column_form(cells)`` a block at a time (the form is cell by cell, so the same
    values), letting the interpreter's lock change hands between blocks."""
    out: list[Any] = []
    for a in range(0, len(cells), CHECK_BLOCK):
        part = column_form(cells[a : a + CHECK_BLOCK])
        if part is None:
            return None
        out += part
    return out


class _RowValidator:
    """``fields.validate`` for many rows of one file, column by column.

    Each field gets its cleaner chosen once: a memo of cleaned values for the
    types whose cells repeat (statuses, sectors, banks, dates, rates: each
    distinct text is parsed once), and the field validator's plain form for plain cells
    (text, plain amounts, ISO dates); any other cell goes through
    ``clean_value``, so the result (value or message) is exactly the one
    ``validate`` gives (tests compare the two).
    """

    def __init__(self, kind: Kind, refs: RefIndex, decimal_comma: bool | None):
        self.kind, self.refs, self.decimal_comma = kind, refs, decimal_comma
        self.memo: dict[str, dict[Any, tuple[bool, Any]]] = {
            f.name: {} for f in kind.fields if f.type in _MEMO_TYPES
        }
        self.names = [f.name for f in kind.fields]
        # Per field, what the loops need, looked up once (100k rows x 19 fields).
        self._fields = [
            (f, f.name, f.import_name, self.memo.get(f.name), validator(f).plain,
             f.column if f.type == REF else f.name)
            for f in kind.fields
        ]  # fmt: skip
        self._whole = {f.name: validator(f).column for f in kind.fields}

    def _clean(self, f: Field, fast: Any, raw: Any) -> tuple[bool, Any]:
        if fast is not None and type(raw) is str:
            v = fast(raw)
            if v is not FAST_MISS:
                return True, v
        try:
            return True, clean_value(f, raw, self.refs, decimal_comma=self.decimal_comma)
        except ValueError as exc:
            return False, str(exc)

    def _cell(self, f: Field, memo: dict | None, fast: Any, raw: Any) -> tuple[bool, Any]:
        # Only text is remembered: 1, 1.0 and True are equal dict keys but not equal cells.
        if memo is not None and type(raw) is str:
            hit = memo.get(raw)
            if hit is None:
                hit = self._clean(f, fast, raw)
                if len(memo) < _MEMO_MAX:
                    memo[raw] = hit
            return hit
        return self._clean(f, fast, raw)

    def _mixed(self, f: Field, memo: dict | None, fast: Any, cells: list[Any],
               bad: dict[int, list[ValidationError]], err_name: str, first_row: int) -> list[Any]:  # fmt: skip
        """One column of typed cells (JSON, XLSX), cell by cell; empty cells checked once."""
        out: list[Any] = [None] * len(cells)
        empty: tuple[bool, Any] | None = None
        for i, r in enumerate(cells):
            if r is None:
                if empty is None:
                    empty = self._clean(f, None, None)
                hit = empty
            else:
                hit = self._cell(f, memo, fast, r)
            if hit[0]:
                out[i] = hit[1]
            else:
                bad.setdefault(i, []).append(ValidationError(err_name, hit[1], first_row + i))
        return out

    def __call__(self, values: Mapping[str, Any], row: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        errors: list[ValidationError] = []
        for f, name, alt, memo, fast, err_name in self._fields:
            raw = values.get(name, _ABSENT)
            if raw is _ABSENT:
                raw = values.get(alt) if alt else None
            ok, v = self._cell(f, memo, fast, raw)
            if ok:
                out[name] = v
            else:
                errors.append(ValidationError(err_name, v, row))
        if not errors:
            errors.extend(
                ValidationError(fld, msg, row) for fld, msg in cross_checks(self.kind.name, out)
            )
        if errors:
            raise ValidationErrors(errors)
        return out

    def columns(
        self, raw: Mapping[str, Sequence[Any]], n: int, first_row: int, *, text: bool = False
    ) -> tuple[list[list[Any]], dict[int, list[ValidationError]]]:
        """Clean whole columns (field name -> the ``n`` raw cells; a missing column is empty).

        Returns the cleaned columns in field order and, by row index, the errors of
        each bad row in field order (cross-field rules are left to the caller).
        ``text``: every given column holds only str cells (a CSV), no need to look.
        """
        cols: list[list[Any]] = []
        bad: dict[int, list[ValidationError]] = {}
        for f, name, _alt, memo, fast, err_name in self._fields:
            cells = raw.get(name)
            if cells is None or not (text or set(map(type, cells)) == {str}):
                # A missing column, or JSON or XLSX values: cell by cell
                cells = [None] * n if cells is None else cells
                cols.append(self._mixed(f, memo, fast, cells, bad, err_name, first_row))
                continue
            whole = self._whole[name]
            if whole is not None and n:
                plain = _by_blocks(whole, cells)
                if plain is not None:  # every cell a plain one: no pass cell by cell
                    cols.append(plain)
                    continue
            texts: dict[str, tuple[bool, Any]]
            if fast is not None and memo is None:
                # Plain cells through the fast cleaner in one map; the others, each
                # distinct text once, through clean_value.
                out = list(map(fast, cells))
                texts = {}
                for i, v in enumerate(out):
                    if v is FAST_MISS:
                        r = cells[i]
                        hit = texts.get(r)
                        if hit is None:
                            hit = texts[r] = self._clean(f, None, r)
                        out[i] = hit[1] if hit[0] else None
            else:
                # Each distinct text once (statuses, banks, dates and rates repeat).
                distinct = set(cells)
                plain_dates = validator(f).dates
                dates = plain_dates([r for r in distinct if r]) if plain_dates else None
                if dates is not None:  # plain ISO dates, parsed in C-level passes
                    texts = {r: (True, v) for r, v in dates.items()}
                    if "" in distinct:
                        texts[""] = self._cell(f, memo, fast, "")
                else:
                    texts = {r: self._cell(f, memo, fast, r) for r in distinct}
                clean = {r: (hit[1] if hit[0] else None) for r, hit in texts.items()}
                out = list(map(clean.__getitem__, cells))
            wrong = {r: hit[1] for r, hit in texts.items() if not hit[0]}
            if wrong:
                for i, r in enumerate(cells):
                    if r in wrong:
                        bad.setdefault(i, []).append(
                            ValidationError(err_name, wrong[r], first_row + i)
                        )
            cols.append(out)
        return cols, bad


def plan_rows(store: Store, *, kind: str, source: SourceTable, path: str = "",
              progress: Progress | None = None,
              columns_map: Mapping[str, str] | None = None) -> ImportPlan:  # fmt: skip
    from tracker.services.templates import IGNORED_COLUMNS, header_aliases, remembered_mapping

    k = kind_of(kind)
    progress = progress or quiet()
    plan = ImportPlan(k.name, path, source)
    if columns_map is None:  # the mapping chosen before for a file with these headers, if any
        columns_map = remembered_mapping(store, kind=k.name, columns=source.columns)
    # Columns: mapped by the person, known (in any of the window's languages), ignored, or refused.
    known = {_norm(f.column): f.name for f in k.fields} | {_norm(f.name): f.name for f in k.fields}
    known = header_aliases(k.name) | known
    chosen = columns_map or {}
    mapping: dict[str, str] = {}
    for col in source.columns:
        n = _norm(col)
        if not n:
            continue
        if col in chosen:
            if not chosen[col]:
                continue  # skipped by the person
            if chosen[col] in mapping.values():
                plan.errors.append(ValidationError(col, "this column appears twice", 1))
            mapping[col] = chosen[col]
        elif n in known:
            if known[n] in mapping.values():
                plan.errors.append(ValidationError(col, "this column appears twice", 1))
            mapping[col] = known[n]
        elif n not in IGNORED_COLUMNS:
            plan.errors.append(ValidationError(col, f"unknown column for {k.label.lower()} (expected: "
                                                    f"{', '.join(f.column for f in k.fields)})", 1))  # fmt: skip
    present = set(mapping.values())
    key_fields = {FX_RATES.name: ("currency", "date"),
                  DISBURSEMENT_PLANS.name: ("project_id", "date")}.get(k.name, (k.key,))  # fmt: skip
    for f in k.fields:
        if f.required and f.name not in present:
            plan.errors.append(ValidationError(f.column, "required column is missing", 1))
    if plan.errors:
        return plan
    refs = store.ref_index()
    rows = source.rows
    text = source.cells is not None  # a CSV: every cell is text, read by column
    raw_by_col: dict[str, Sequence[Any]] = {}
    for c in mapping:
        if source.cells is not None:
            raw_by_col[c] = source.cells[c]
            continue
        try:
            raw_by_col[c] = list(map(itemgetter(c), rows))  # CSV rows hold every column
        except KeyError:  # JSON records may leave some out
            raw_by_col[c] = [r.get(c) for r in rows]
    if k is PROJECT_UPDATES or k is DISBURSEMENT_PLANS:
        codes = {
            str(v or "").strip()
            for c, n in mapping.items()
            if n == "project_id"
            for v in raw_by_col[c]
        }
        refs.projects = store.project_ids_by_code(codes)
    existing = _existing_keys(store, k, raw_by_col, mapping, text=text)
    check = _RowValidator(k, refs, source.decimal_comma)
    # Column by column: each field's cleaner is chosen once and runs over all its cells.
    convert = (_from_json if source.description == "JSON"
               else _from_cell if source.description.startswith("XLSX") else None)  # fmt: skip
    raw_cols: dict[str, Sequence[Any]] = {}
    for c, n in mapping.items():
        cells = raw_by_col[c]
        raw_cols[n] = [convert(k, n, v) for v in cells] if convert else cells
    nrows = len(rows)
    cols, bad = check.columns(raw_cols, nrows, source.first_row, text=text)
    progress(nrows // 2, nrows)
    names = check.names
    by_name = dict(zip(names, cols, strict=True))
    # Rules between fields, column by column; cross_checks then words each broken rule.
    broken_rows = cross_check_rows(k.name, by_name)
    suspects = None if broken_rows is None else set(broken_rows)
    extra = source.extra if text else {i for i, r in enumerate(rows) if "\0extra" in r}
    # A CSV holds every column in every row; JSON records may leave some out.
    given = frozenset(mapping.values()) if text else None
    # Keys: one field (a plain value) or several (a tuple), as the records will hold them.
    if k is PROJECT_UPDATES:
        keys: Sequence[Any] = []
    elif len(key_fields) == 1:
        keys = by_name[key_fields[0]]
    else:
        keys = list(zip(*(by_name[f] for f in key_fields), strict=True))
    seen: dict[Any, int] = {}
    first_row = source.first_row
    planned = plan.planned
    if (
        not extra
        and not bad
        and suspects is not None
        and not suspects
        and k is not PROJECT_UPDATES
        and k is not DISBURSEMENT_PLANS
        and not existing
        and len(set(keys)) == nrows
    ):
        # Nothing to report and every row new (the common first import): the rows
        # the loop below would plan, each referring to its place in the columns.
        plan.checked = checked = _Checked(names, cols)
        rownums = range(first_row, first_row + nrows)
        checked.rows = list(map(_NewRow, rownums, repeat(checked), range(nrows)))
        planned.extend(checked.rows)
        return plan
    for i, cells in enumerate(zip(*cols, strict=True)):
        rownum = first_row + i
        if not i % PROGRESS_ROWS:
            progress(nrows // 2 + i // 2, nrows)
        if i in extra:
            plan.errors.append(
                ValidationError("row", "has more cells than the header has columns", rownum)
            )
            continue
        errors = bad.get(i)
        if errors is None:
            clean = dict(zip(names, cells, strict=True))
            if suspects is None or i in suspects:
                broken = cross_checks(k.name, clean)
                if broken:
                    errors = [ValidationError(fld, msg, rownum) for fld, msg in broken]
        if errors:
            plan.errors.extend(errors)
            if len(plan.errors) >= MAX_ERRORS:
                plan.errors.append(ValidationError("file", STOPPED, rownum))
                break
            continue
        if k is PROJECT_UPDATES:
            planned.append(PlannedRow(rownum, "insert", clean))
            continue
        key = keys[i]
        if key in seen:
            shown = key if len(key_fields) == 1 else key[-1]
            plan.errors.append(
                ValidationError(
                    key_fields[-1],
                    f"'{shown}' appears twice (rows {seen[key]} and {rownum})",
                    rownum,
                )
            )
            continue
        seen[key] = rownum
        row = existing.get(key)
        if row is None:
            planned.append(PlannedRow(rownum, "insert", clean))
        else:
            values = given if given is not None else {mapping[c] for c in rows[i] if c in mapping}
            changes = {f: v for f, v in clean.items() if row.get(f) != v and f in values}
            if changes and len(values) < len(k.fields):
                # Columns the file leaves out keep their stored values: the rules between
                # fields must hold for the record as it will be (amount vs disbursed, ...).
                after = {**{f.name: row.get(f.name) for f in k.fields}, **changes}
                broken = cross_checks(k.name, after)
                if broken:
                    plan.errors.extend(ValidationError(f, m, rownum) for f, m in broken)
                    continue
            planned.append(
                PlannedRow(rownum, "update" if changes else "skip", clean, row[_pk(k)], changes)
            )
    if k is PROJECT_UPDATES and not plan.errors:
        _check_updates(store, plan)
    if k is DISBURSEMENT_PLANS and not plan.errors:
        from tracker.services import plans

        plans.check_import(store, plan)
    return plan


def _pk(k: Kind) -> str:
    return "code" if k.name in ("countries", "sectors", "regions") else "id"


def _existing_keys(
    store: Store,
    k: Kind,
    raw_by_col: Mapping[str, Sequence[Any]],
    mapping: Mapping[str, str],
    *,
    text: bool = False,
) -> dict[Any, dict]:
    """The stored records the file's keys name: by (currency, date) for FX rates, else
    by the key's value."""
    if k is PROJECT_UPDATES:
        return {}
    if k is FX_RATES:
        return {(r["currency"], r["date"]): r for r in store.rows("fx_rates")}
    if k is DISBURSEMENT_PLANS:
        return {(r["project_id"], r["date"]): r for r in store.rows("disbursement_plans")}
    col = next((c for c, n in mapping.items() if n == k.key), None)
    if col is None or store.is_empty(k.name):  # a first import: nothing to look up
        return {}
    cells = raw_by_col[col]
    if text:  # each distinct cell once (set() and str.strip over it, C-level)
        distinct = set(cells)
        distinct.discard("")
        keys: set[Any] = set(map(str.strip, distinct))
    else:  # typed values (JSON, XLSX): 1, 1.0 and True are one set member but three keys
        keys = {str(v).strip() for v in cells if v not in (None, "")}
    return store.rows_by_key(k.name, k.key, keys)


def _from_json(k: Kind, name: str, v: Any) -> Any:
    """JSON numbers for money are decimal units; keep them exact via their text."""
    if isinstance(v, float) and _field_type(k, name) == MONEY:
        return repr(v)
    return v


def _from_cell(k: Kind, name: str, v: Any) -> Any:
    """Spreadsheet cells: money floats read back exactly at two decimals."""
    t = _field_type(k, name)
    if isinstance(v, float) and t == MONEY:
        return f"{v:.2f}" if abs(v - round(v, 2)) < 1e-6 else repr(v)
    if isinstance(v, (int, float)) and t == DATE:
        return str(v)
    return v


def _check_updates(store: Store, plan: ImportPlan) -> None:
    """An update must fit its project: disbursed within the amount; skip exact repeats."""
    pids = {p.values["project_id"] for p in plan.planned}
    projects = store.fetch("projects", sorted(pids))
    existing = set()
    if pids:
        cols = ("project_id", "as_of", "status", "progress_pct", "disbursed", "note")
        for r in store.rows("project_updates", where={"project_id": sorted(pids)}, columns=cols):
            existing.add(tuple(r[c] for c in cols))
    for p in plan.planned:
        v = p.values
        proj = projects[v["project_id"]]
        if v["disbursed"] is not None and v["disbursed"] > proj["amount"]:
            plan.errors.append(
                ValidationError(
                    "disbursed", f"exceeds the committed amount of {proj['code']}", p.row
                )
            )
        sig = (
            v["project_id"],
            v["as_of"],
            v["status"],
            v["progress_pct"],
            v["disbursed"],
            v["note"],
        )
        if sig in existing:
            p.action = "skip"


# ------------------------------------------------------------------ commit
def commit_plan(
    store: Store,
    plan: ImportPlan,
    *,
    user: str,
    applied: list[Any] | None = None,
    progress: Progress | None = None,
) -> Change:
    """Write a checked plan in one transaction; refuses a plan with errors.

    ``applied`` collects the AppliedUpdate of each project update, so an undo can take them back.
    ``progress`` hears the rows written; a cancel before its commit point writes nothing.
    """
    progress = progress or quiet()
    if plan.errors:
        raise ValidationErrors(plan.errors)
    k = kind_of(plan.kind)
    ids: list[Any] = []
    with _no_cycle_collection(), store.write():
        if k is PROJECT_UPDATES:
            from tracker.services import updates

            todo = sorted(
                (p for p in plan.planned if p.action == "insert"),
                key=lambda p: (p.values["project_id"], p.values["as_of"], p.row),
            )
            for i, p in enumerate(todo):
                if not i % PROGRESS_ROWS:
                    progress(i, len(todo), WRITING)
                project = store.get("projects", p.values["project_id"])
                v = dict(p.values)
                v["author"] = v.get("author") or user
                done = updates._apply(store, v, project, user=user, expected_version=None)  # type: ignore[arg-type]
                ids.append(done.update_id)
                if applied is not None:
                    applied.append(done)
        else:
            # New rows in bulk (one statement, audit rows written by SQLite), then the changes.
            new = [p for p in plan.planned if p.action == "insert"]
            checked = _untouched_columns(plan, new)
            total = len(plan.planned)
            progress(0, total, WRITING)
            if checked is not None:  # bound straight from the checked columns
                new_ids = store.insert_columns(k.name, checked.names, checked.cols, user=user,
                                               action="import", progress=progress)  # fmt: skip
            else:
                new_ids = store.insert_audited(k.name, [p.values for p in new], user=user,
                                               action="import", progress=progress)  # fmt: skip
            progress(len(new), total)
            if len(new) == len(plan.planned):  # only new rows (a first import): ids in order
                ids = new_ids
            else:
                by_row = dict(zip(map(id, new), new_ids, strict=True))
                for p in plan.planned:
                    if p.action == "insert":
                        ids.append(by_row[id(p)])
                    elif p.action == "update":
                        if not len(ids) % PROGRESS_ROWS:
                            progress(len(ids), total)
                        store.update(k.name, p.pk, p.changes, expected_version=None, user=user,
                                     action="import")  # fmt: skip
                        ids.append(p.pk)
        store.audit(
            k.name,
            "import_file",
            {"file": Path(plan.path).name, **plan.counts(), "at": now_iso()},
            user=user,
        )
        progress.commit_point()
    return Change(k.name, tuple(ids), "import")


def _untouched_columns(plan: ImportPlan, new: list[PlannedRow]) -> _Checked | None:
    """The plan's checked columns if ``new`` is exactly their records, in order, with no
    record's values asked for (so none changed since the check)."""
    checked = plan.checked
    if checked is None or checked.touched or len(new) != len(plan.planned):
        return None
    return checked if len(new) == len(checked.rows) and all(map(is_, new, checked.rows)) else None


def import_file(
    store: Store, *, kind: str, path: str | Path, user: str, dry_run: bool = False
) -> ImportPlan:
    """Plan and, unless ``dry_run``, commit. Raises ValidationErrors if the file has problems."""
    plan = plan_import(store, kind=kind, path=path)
    if plan.errors:
        raise ValidationErrors(plan.errors)
    if not dry_run:
        commit_plan(store, plan, user=user)
    return plan
