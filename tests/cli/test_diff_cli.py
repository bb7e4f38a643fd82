"""`tracker diff OLD NEW`: text and JSON output, exit codes."""

from __future__ import annotations

import json

from tracker.cli import main
from tracker.services import updates
from tracker.store import Store


def make_pair(demo_path, tmp_path):
    old = tmp_path / "old.sqlite3"
    assert main(["export", "--db", str(demo_path), "--format", "sqlite", "--out", str(old)]) == 0
    with Store.open(demo_path, backup=False) as s:
        p = s.rows("projects", where={"status": "implementation"})[0]
        updates.add_update(s, project_id=p["id"], values={"as_of": "2026-11-20", "progress_pct": "88"},
                           user="tester")  # fmt: skip
    return old, p


def test_diff_text(demo_path, tmp_path, capsys):
    old, p = make_pair(demo_path, tmp_path)
    capsys.readouterr()
    assert main(["diff", str(old), str(demo_path)]) == 0
    out = capsys.readouterr().out
    assert f"~ {p['code']}" in out and f"progress_pct: {p['progress_pct']} → 88" in out
    assert "Project updates: 1 added, 0 removed" in out and "Totals moved (USD" in out


def test_diff_json(demo_path, tmp_path, capsys):
    old, p = make_pair(demo_path, tmp_path)
    capsys.readouterr()
    assert main(["diff", "--json", str(old), str(demo_path)]) == 0
    doc = json.loads(capsys.readouterr().out)
    changed = doc["kinds"]["projects"]["changed"]
    assert changed == [{"key": p["code"], "fields": {"progress_pct": [p["progress_pct"], 88]}}]
    assert (
        doc["kinds"]["project_updates"]["count_after"]
        == doc["kinds"]["project_updates"]["count_before"] + 1
    )


def test_diff_refuses_missing_and_foreign_files(demo_path, tmp_path, capsys):
    assert main(["diff", str(demo_path), str(tmp_path / "none.sqlite3")]) == 1
    assert "does not exist" in capsys.readouterr().err
    text = tmp_path / "notes.sqlite3"
    text.write_text("hello" * 100)
    assert main(["diff", str(text), str(demo_path)]) == 1
    assert "not a SQLite database" in capsys.readouterr().err


def test_diff_usage_error_exits_2(demo_path, capsys):
    try:
        code = main(["diff", str(demo_path)])
    except SystemExit as exc:
        code = exc.code
    assert code == 2


def test_diff_with_an_excel_or_json_snapshot(demo_path, tmp_path, capsys):
    for fmt, name in (("xlsx", "old.xlsx"), ("json", "old.json")):
        out = tmp_path / name
        assert main(["export", "--db", str(demo_path), "--format", fmt, "--out", str(out),
                     "--language", "ru"]) == 0  # fmt: skip
    with Store.open(demo_path, backup=False) as s:
        p = s.rows("projects", where={"status": "implementation"})[0]
        updates.add_update(s, project_id=p["id"], values={"as_of": "2026-11-20", "progress_pct": "88"},
                           user="tester")  # fmt: skip
    for name in ("old.xlsx", "old.json"):
        capsys.readouterr()
        assert main(["diff", str(tmp_path / name), str(demo_path)]) == 0, capsys.readouterr().err
        out = capsys.readouterr().out
        assert f"~ {p['code']}" in out and f"progress_pct: {p['progress_pct']} → 88" in out, name
        assert "Project updates: 1 added, 0 removed" in out
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really")
    assert main(["diff", str(bad), str(demo_path)]) == 1
    assert "bad.xlsx is not a readable XLSX workbook" in capsys.readouterr().err
