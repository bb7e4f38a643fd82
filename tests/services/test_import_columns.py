"""The import read and checked column by column gives what the row-by-row paths give:
the same cells, values, messages and rows, all or nothing."""

from __future__ import annotations

import csv
import io
import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.fields import (
    KINDS,
    PROJECTS,
    cross_check_rows,
    cross_checks,
    validate,
)
from tracker.domain.validation import ValidationErrors
from tracker.services import importer
from tracker.services.import_command import ImportCommand
from tracker.store import ConstraintViolation, bulk_insert

# ------------------------------------------------------------------ reading


def _old_reader(data: bytes) -> tuple[list[str], list[dict]]:
    """read_csv as it was before the columns (one dict per record), for comparison."""
    text = data.decode("utf-8")
    try:
        delimiter = csv.Sniffer().sniff(text[: 64 * 1024], delimiters=",;\t").delimiter
    except csv.Error:
        first = text.splitlines()[0] if text else ""
        delimiter = max(",;\t", key=first.count)
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    records = [r for r in records if "".join(r).strip()]
    header = [h.strip().lstrip("\ufeff") for h in records[0]]
    quoted = importer._starts_a_cell(text, "'")
    rows = []
    for rec in records[1:]:
        if quoted:
            rec = [importer.unquote(cell) for cell in rec]
        if len(rec) == len(header):
            rows.append(dict(zip(header, rec, strict=True)))
            continue
        row = {header[i]: rec[i] if i < len(rec) else "" for i in range(len(header))}
        if len(rec) > len(header) and any(x.strip() for x in rec[len(header) :]):
            row["\0extra"] = rec[len(header) :]
        rows.append(row)
    return header, rows


_CELL_PIECES = ["a", "Ж", "12", "3.50", " ", "\t", "\u00a0", "\u2028", "\x85", "\x0b", "\x0c",
                "\x1c", "'", "'=x", ";", ",", "\ufeff", "é", "-", ""]  # fmt: skip
_BREAKS = ["\n", "\n", "\r\n", "\r\n", "\r"]


def _random_text(rnd: random.Random, delimiter: str) -> str:
    width = rnd.randint(1, 4)
    lines = []
    for _ in range(rnd.randint(1, 6)):
        w = width if rnd.random() < 0.8 else rnd.randint(1, 6)
        cells = [
            "".join(rnd.choice(_CELL_PIECES) for _ in range(rnd.randint(0, 3))) for _ in range(w)
        ]
        lines.append(delimiter.join(cells))
    brk = rnd.choice(_BREAKS) if rnd.random() < 0.9 else None
    text = ""
    for line in lines:
        text += line + (brk or rnd.choice(_BREAKS))
    return text if rnd.random() < 0.7 else text.rstrip("\r\n")


@pytest.mark.parametrize("blocks", [False, True], ids=["whole", "in-blocks"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_plain_split_reads_the_cells_csv_reader_reads(delimiter, blocks, monkeypatch):
    # Small blocks: the text is cut into lines, and the lines into cells, in many pieces.
    if blocks:
        monkeypatch.setattr(importer, "TEXT_BLOCK", 7)
        monkeypatch.setattr(importer, "SPLIT_BLOCK", 2)
    rnd = random.Random(11)
    taken = 0
    for _ in range(4000):
        text = _random_text(rnd, delimiter)
        fast = importer._split_plain(text, delimiter)
        try:
            full = importer._read_records(text, delimiter)
        except importer.ImportRefused:
            assert fast is None, repr(text)
            continue
        if fast is not None:
            taken += 1
            assert fast == full, repr(text)
    assert taken > 800  # the split is really taken


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab,\n ", max_size=40), block=st.integers(1, 9))
def test_text_cut_into_lines_a_block_at_a_time_is_split_alike(text, block):
    old = importer.TEXT_BLOCK
    importer.TEXT_BLOCK = block
    try:
        assert importer._lines(text) == text.split("\n")
    finally:
        importer.TEXT_BLOCK = old


def test_plain_split_leaves_quotes_blank_lines_and_ragged_rows_to_csv_reader():
    assert importer._split_plain('a,b\n"x,y",z\n', ",") is None
    assert importer._split_plain("a,b\n\nx,y\n", ",") is None
    assert importer._split_plain("a,b\n , \nx,y\n", ",") is None
    assert importer._split_plain("a,b\nx\n", ",") is None
    assert importer._split_plain("a,b\rx,y\r", ",") is None
    assert importer._split_plain("a,b\r\nx, y \r\n", ",") == (["a", "b"], [["x"], [" y "]], {})


@pytest.mark.parametrize("seed", range(3))
def test_rows_are_the_dicts_the_row_reader_made(seed):
    rnd = random.Random(seed)
    for _ in range(1500):
        delimiter = rnd.choice(",;")
        text = "code" + delimiter + "name\n" + _random_text(rnd, delimiter)
        if text.startswith(("'", "\ufeff")) or not text.strip():
            continue
        header, rows = _old_reader(text.encode("utf-8"))
        table = importer.read_csv(text.encode("utf-8"), PROJECTS)
        assert table.columns == header
        assert list(table.rows) == rows, repr(text)
        assert len(table.rows) == len(rows)
        if rows:
            assert table.rows[-1] == rows[-1] and table.rows[:2] == rows[:2]


def test_column_rows_index_like_a_list(tmp_path):
    table = importer.read_csv(b"code,name\nA,x\nB,y,extra\nC\n", PROJECTS)
    assert len(table.rows) == 3
    assert table.rows[0] == {"code": "A", "name": "x"}
    assert table.rows[1] == {"code": "B", "name": "y", "\0extra": ["extra"]}
    assert table.rows[-1] == {"code": "C", "name": ""}
    assert table.rows[1:] == [table.rows[1], table.rows[2]]
    with pytest.raises(IndexError):
        table.rows[3]
    assert table.extra == {1: ["extra"]}


# ------------------------------------------------------------------ checking
def _plain_cell(rnd: random.Random, kind: str) -> str:
    return {
        "money2": f"{rnd.randint(0, 10**12)}.{rnd.randint(0, 99):02d}",
        "money0": str(rnd.randint(0, 10**14)),
        "text": " " * rnd.randint(0, 1)
        + "Plant "
        + "x" * rnd.randint(0, 50)
        + " " * rnd.randint(0, 1),
        "code": f"C-{rnd.randint(0, 10**6)}",
    }[kind]


_ODD = ["", " ", "1,5", "1.234", "-1", "x" * 301, "a b", "1e3", "0012", "9" * 16, "Ж", "12.", ".5"]


def _random_clean(rnd: random.Random, kind) -> dict:
    dates = [None, "2020-01-01", "2021-06-30", "2019-12-31", "2022-02-02"]
    nums = [None, 0, 1, 5, 100, 250]
    reals = [None, 0.0, -1.0, 0.5, 3.0, 12.0]
    out = {}
    for f in kind.fields:
        if f.type == "date":
            out[f.name] = rnd.choice(dates)
        elif f.type in ("money", "int"):
            out[f.name] = rnd.choice(nums)
        elif f.type == "real":
            out[f.name] = rnd.choice(reals)
        elif f.name == "status":
            out[f.name] = rnd.choice(["pipeline", "signed", "completed", None])
        else:
            out[f.name] = rnd.choice(["A", "B", None])
    return out


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_cross_check_rows_finds_the_rows_cross_checks_refuses(kind):
    k = KINDS[kind]
    rnd = random.Random(kind)
    rows = [_random_clean(rnd, k) for _ in range(3000)]
    cols = {f.name: [r[f.name] for r in rows] for f in k.fields}
    got = cross_check_rows(kind, cols)
    expected = [i for i, r in enumerate(rows) if cross_checks(kind, r)]
    if got is None:  # no column-wise form: the caller checks every row
        assert kind == "countries"
        return
    assert got == expected
    if kind in ("projects", "project_updates", "fx_rates", "ventures"):
        assert expected, "the random rows must break the rule sometimes"


# --------------------------------------------------------------- end to end
def _project(i: int, **over) -> dict:
    row = {"code": f"K-{i:05d}", "name": f"Kiln {i}", "sector": "energy", "region": "BY-MI",
           "bank_id": "1", "borrower": f"Owner {i}", "amount": f"{1000 + i}.25", "currency": "USD",
           "disbursed": f"{i % 7}.00", "status": "signed", "agreement_date": "2020-01-02",
           "start_date": "2020-02-01", "planned_end": "2023-02-01", "actual_end": "",
           "progress_pct": str(i % 100), "description": f"clay line {i}", "interest_rate": "2.5",
           "maturity_years": "15", "grace_years": "3"}  # fmt: skip
    row.update(over)
    return row


def _write(path, rows, extra_line: str | None = None, at: int | None = None):
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    if extra_line is not None:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        lines.insert(at, extra_line)
        path.write_text("".join(lines), encoding="utf-8")
    return path


def test_first_import_plans_each_row_as_validate_cleans_it(store, tmp_path):
    rows = [_project(i) for i in range(300)]
    plan = importer.plan_import(store, kind="projects", path=_write(tmp_path / "a.csv", rows))
    assert plan.ok and plan.counts() == {"insert": 300, "update": 0, "skip": 0}
    refs = store.ref_index()
    assert [p.row for p in plan.planned] == list(range(2, 302))
    for p, raw in zip(plan.planned, rows, strict=True):
        assert p.action == "insert" and p.values == validate(PROJECTS, raw, refs)


def test_rows_planned_at_once_equal_rows_planned_one_by_one(store, tmp_path):
    rows = [_project(i) for i in range(200)]
    path = _write(tmp_path / "a.csv", rows)
    at_once = importer.plan_import(store, kind="projects", path=path)
    # One record already stored: the plan goes row by row (upsert) for the same file.
    store.insert("projects", validate(PROJECTS, rows[50], store.ref_index()), user="u")
    one_by_one = importer.plan_import(store, kind="projects", path=path)
    assert [(p.row, p.action) for p in one_by_one.planned if p.action != "insert"] == [(52, "skip")]
    same = [(p.row, p.values) for p in one_by_one.planned if p.row != 52]
    assert same == [(p.row, p.values) for p in at_once.planned if p.row != 52]


def _state(store):
    return (
        store.query("SELECT count(*) AS n FROM projects")[0]["n"],
        store.query("SELECT count(*) AS n FROM audit_log")[0]["n"],
        store.query("SELECT name, sql FROM sqlite_master ORDER BY name"),
    )


BAD_ROWS = [
    ({"amount": "-5"}, "amount", "must not be negative"),
    ({"name": "x" * 301}, "name", "is longer than 300 characters"),
    ({"disbursed": "5000.00"}, "disbursed", "must not exceed the committed amount"),
    ({"status": "pipeline", "disbursed": "1.00"}, "disbursed",
     "must be 0 for a project still in the pipeline"),
    ({"planned_end": "2019-01-01"}, "planned_end", "must not be before the start date"),
    ({"grace_years": "20"}, "grace_years", "must not exceed the maturity"),
    ({"code": "K-00000"}, "code", "'K-00000' appears twice (rows 2 and {row})"),
]  # fmt: skip


@pytest.mark.parametrize("where", ["first", "middle", "last"])
@pytest.mark.parametrize(("over", "field", "message"), BAD_ROWS, ids=lambda v: str(v)[:30])
def test_one_bad_row_anywhere_refuses_the_whole_file(store, tmp_path, monkeypatch, where, over,
                                                     field, message):  # fmt: skip
    monkeypatch.setattr(bulk_insert, "REBUILD_MIN", 1)
    rows = [_project(i) for i in range(120)]
    i = {"first": 0 if field != "code" else 1, "middle": 60, "last": 119}[where]
    rows[i] = _project(i, **over)
    path = _write(tmp_path / "bad.csv", rows)
    before = _state(store)
    with pytest.raises(ValidationErrors) as exc:
        importer.import_file(store, kind="projects", path=path, user="u")
    got = [(e.field, e.message, e.row) for e in exc.value.errors]
    assert got == [(field, message.format(row=i + 2), i + 2)]
    assert _state(store) == before


def test_a_row_with_extra_cells_is_refused_by_its_number(store, tmp_path):
    rows = [_project(i) for i in range(40)]
    line = ",".join(_project(99).values()) + ",surplus\n"
    path = _write(tmp_path / "x.csv", rows, extra_line=line, at=11)
    before = _state(store)
    with pytest.raises(ValidationErrors) as exc:
        importer.import_file(store, kind="projects", path=path, user="u")
    assert [(e.field, e.message, e.row) for e in exc.value.errors] == [
        ("row", "has more cells than the header has columns", 12)
    ]
    assert _state(store) == before


def test_rows_by_key_answers_an_empty_table_with_one_probe(store):
    seen: list[str] = []
    store._conn.set_trace_callback(seen.append)
    try:
        assert (
            bulk_insert.rows_by_key(store, "projects", "code", {f"K-{i}" for i in range(5000)})
            == {}
        )
    finally:
        store._conn.set_trace_callback(None)
    assert [q for q in seen if "FROM projects" in q] == ["SELECT 1 FROM projects LIMIT 1"]
    pk = store.insert("projects", validate(PROJECTS, _project(3), store.ref_index()), user="u")
    found = bulk_insert.rows_by_key(store, "projects", "code", {f"K-{i:05d}" for i in range(2000)})
    assert list(found) == ["K-00003"] and found["K-00003"]["id"] == pk
    with pytest.raises(ValueError):
        bulk_insert.rows_by_key(store, "projects", "no_such_column", {"x"})


def test_a_large_import_is_undone_in_one_step(store, tmp_path, monkeypatch):
    monkeypatch.setattr(bulk_insert, "REBUILD_MIN", 1)  # the path that drops and rebuilds indexes
    schema = store.query("SELECT name, sql FROM sqlite_master ORDER BY name")
    rows = [_project(i) for i in range(250)]
    plan = importer.plan_import(store, kind="projects", path=_write(tmp_path / "u.csv", rows))
    command = ImportCommand(plan, user="u")
    change = command.apply(store)
    assert len(change.ids) == 250 and store.count("projects") == 250
    audits = store.query(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'import' AND row_id IS NOT NULL"
    )
    assert audits[0]["n"] == 250
    command.revert(store)
    assert store.count("projects") == 0
    assert store.query("SELECT name, sql FROM sqlite_master ORDER BY name") == schema
    assert store.integrity_check() == []


def test_a_first_import_binds_the_checked_columns_unless_a_value_was_changed(store, tmp_path):
    rows = [_project(i) for i in range(30)]
    path = _write(tmp_path / "a.csv", rows)
    plan = importer.plan_import(store, kind="projects", path=path)
    assert plan.checked is not None and importer._untouched_columns(plan, plan.planned)
    assert importer._untouched_columns(plan, plan.planned[::-1]) is None  # not in their order
    assert importer._untouched_columns(plan, plan.planned[1:]) is None
    # Asking for a record's values (and changing them) makes the commit take the values.
    plan.planned[4].values["name"] = "Renamed kiln"
    assert importer._untouched_columns(plan, plan.planned) is None
    importer.commit_plan(store, plan, user="u")
    assert store.get_by("projects", "code", "K-00004")["name"] == "Renamed kiln"
    refs = store.ref_index()
    stored = store.get_by("projects", "code", "K-00007")
    assert {n: stored[n] for n in PROJECTS.names} == validate(PROJECTS, rows[7], refs)


def test_rows_planned_from_columns_compare_like_planned_rows(store, tmp_path):
    rows = [_project(i) for i in range(3)]
    plan = importer.plan_import(store, kind="projects", path=_write(tmp_path / "a.csv", rows))
    p = plan.planned[1]
    same = importer.PlannedRow(3, "insert", validate(PROJECTS, rows[1], store.ref_index()))
    assert p == same and same == p and p != plan.planned[0]
    assert "Kiln 1" in repr(p)


def test_insert_columns_writes_what_insert_audited_writes(store):
    refs = store.ref_index()
    rows = [validate(PROJECTS, _project(i), refs) for i in range(6)]
    names = list(rows[0])
    by_rows = bulk_insert.insert_audited(store, "projects", rows[:3], user="u", action="import")
    cols = [[r[n] for r in rows[3:]] for n in names]
    by_cols = bulk_insert.insert_columns(store, "projects", names, cols, user="u", action="import")
    assert by_cols == [by_rows[-1] + 1, by_rows[-1] + 2, by_rows[-1] + 3]
    for pk, row in zip(by_rows + by_cols, rows, strict=True):
        stored = store.get("projects", pk)
        assert {n: stored[n] for n in names} == row
        audit = store.query(
            "SELECT changes FROM audit_log WHERE table_name = 'projects' AND row_id = ?", (pk,)
        )
        assert json.loads(audit[0]["changes"]) == {**{n: [None, v] for n, v in row.items()},
                                                   "version": [None, 1]}  # fmt: skip
    with pytest.raises(ValueError):
        bulk_insert.insert_columns(store, "projects", names, cols[:-1], user="u")
    with pytest.raises(ValueError):
        bulk_insert.insert_columns(store, "projects", ["id", *names], [[1, 2, 3], *cols], user="u")
    assert bulk_insert.insert_columns(store, "projects", names, [[] for _ in names], user="u") == []


@pytest.mark.parametrize("n", [1, 2, 3, 4, 7, 9])
def test_bulk_insert_in_batches_of_rows_keeps_every_row_in_order(store, monkeypatch, n):
    monkeypatch.setattr(bulk_insert, "ROWS_PER_STATEMENT", 3)
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    refs = store.ref_index()
    rows = [validate(PROJECTS, _project(i), refs) for i in range(n)]
    try:
        ids = bulk_insert.insert_audited(store, "projects", rows, user="u", action="import")
    finally:
        store._conn.set_trace_callback(None)
    assert ids == list(range(1, n + 1))
    for pk, row in zip(ids, rows, strict=True):
        stored = store.get("projects", pk)
        assert {k: stored[k] for k in row} == row
    inserts = [s for s in statements if s.startswith("INSERT INTO projects (")]
    assert len(inserts) == -(-n // 3)  # three rows a statement, the rest in one more
    assert store.count("audit_log", None) >= n


def test_batch_size_keeps_within_the_parameter_limit(store, monkeypatch):
    monkeypatch.setattr(bulk_insert, "MAX_PARAMS", 40)  # 19 columns a row: two rows a statement
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    refs = store.ref_index()
    rows = [validate(PROJECTS, _project(i), refs) for i in range(5)]
    try:
        bulk_insert.insert_audited(store, "projects", rows, user="u")
    finally:
        store._conn.set_trace_callback(None)
    inserts = [s for s in statements if s.startswith("INSERT INTO projects (")]
    assert [s.count("), (") + 1 for s in inserts] == [2, 2, 1]
    assert store.count("projects") == 5


ODD_AUDIT_VALUES = [None, 0, -1, 2**62, 0.1 + 0.2, 1e300, -2.5e-10, 12.0, float("nan"), "", "plain",
                    'quote " and \\ backslash', "tab\tnew\nline\r", "\x00\x01\x1f\x7f", "Ж ü 中 😀",
                    "'=SUM(A1)", "%s %d %%", "[null,1]"]  # fmt: skip


def test_audit_changes_text_is_the_json_object_text(store):
    """The printf form of the audit changes gives byte for byte what json_object gives."""
    conn = store._conn
    conn.execute("CREATE TEMP TABLE odd (a, b, c)")
    rows = [(a, b, c) for a in ODD_AUDIT_VALUES for b in ODD_AUDIT_VALUES[:6] for c in [None, "x"]]
    conn.executemany("INSERT INTO odd VALUES (?, ?, ?)", rows)
    fast = bulk_insert._changes_json(["a", "b", "c"])
    assert fast.startswith("printf(")
    slow = (
        "json_object('a', json_array(NULL, a), 'b', json_array(NULL, b), 'c', json_array(NULL, c))"
    )
    got = conn.execute(f"SELECT {fast}, {slow} FROM odd ORDER BY rowid").fetchall()
    assert len(got) == len(rows) and all(f == s for f, s in got)
    assert json.loads(got[0][0]) == {"a": [None, None], "b": [None, None], "c": [None, None]}
    # Names printf cannot take as they are go through json_object.
    assert bulk_insert._changes_json(["a%b"]).startswith("json_object(")
    assert bulk_insert._changes_json([f"c{i}" for i in range(100)]).startswith("json_object(")


def test_is_empty_probes_a_table(store):
    assert bulk_insert.is_empty(store, "projects")
    store.insert("projects", validate(PROJECTS, _project(1), store.ref_index()), user="u")
    assert not bulk_insert.is_empty(store, "projects")
    assert not bulk_insert.is_empty(store, "banks")  # reference data of a new file
    with pytest.raises(ValueError):
        bulk_insert.is_empty(store, "sqlite_master")


@pytest.mark.parametrize("inside_a_write", [False, True])
def test_a_broken_link_fails_the_whole_bulk_insert(store, inside_a_write):
    """The links are checked once after the insert (foreign keys off for speed): a row
    naming no bank fails it all, as the row-by-row foreign key would; the pragma is back on."""
    import contextlib

    refs = store.ref_index()
    rows = [validate(PROJECTS, _project(i), refs) for i in range(5)]
    rows[3]["bank_id"] = 9999
    names = list(rows[0])
    cols = [[r[n] for r in rows] for n in names]
    before = (store.count("projects"), store.count("audit_log"))
    outer = store.write() if inside_a_write else contextlib.nullcontext()
    with pytest.raises(ConstraintViolation, match="FOREIGN KEY") as ei, outer:
        bulk_insert.insert_columns(store, "projects", names, cols, user="u", action="import")
    assert ei.value.kind == "foreign_key"
    assert (store.count("projects"), store.count("audit_log")) == before
    assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    # A good batch afterwards goes in (and its links were checked, not skipped).
    rows[3]["bank_id"] = rows[0]["bank_id"]
    cols = [[r[n] for r in rows] for n in names]
    assert len(bulk_insert.insert_columns(store, "projects", names, cols, user="u")) == 5
