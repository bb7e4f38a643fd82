"""`tracker export`: exit codes, the one-line result, the snapshots row."""

from __future__ import annotations

import os
import sys
import types
from pathlib import Path

import openpyxl
import pytest

from tracker.cli import main
from tracker.services.export import sha256_file
from tracker.store import Store


def snapshot_rows(db: Path) -> list[dict]:
    with Store.open(db, read_only=True) as s:
        return s.rows("snapshots")


@pytest.mark.parametrize(("fmt", "name"), [("xlsx", "s.xlsx"), ("csv", "s.zip"), ("json", "s.json"),
                                           ("sqlite", "s.sqlite3"), ("iati", "s.xml")])  # fmt: skip
def test_export_writes_records_and_says_where(demo_path, tmp_path, capsys, fmt, name):
    out = tmp_path / name
    assert main(["export", "--db", str(demo_path), "--format", fmt, "--out", str(out)]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"{fmt.upper()} snapshot written to {out}") and "\n" not in line
    digest = sha256_file(out)
    assert f"sha256 {digest}" in line and "recorded as snapshot #1" in line
    rows = snapshot_rows(demo_path)
    assert [(r["format"], r["sha256"]) for r in rows] == [(fmt, digest)]
    backups = demo_path.parent / f"{demo_path.stem}-backups"
    assert not backups.exists() or not list(backups.iterdir())


def test_export_kind_and_as_of(demo_path, tmp_path, capsys):
    out = tmp_path / "ventures.xlsx"
    args = ["export", "--db", str(demo_path), "--format", "xlsx", "--out", str(out), "--kind", "ventures",
            "--as-of", "31.12.2025", "--currency", "CNY"]  # fmt: skip
    assert main(args) == 0
    assert "170 ventures" in capsys.readouterr().out
    wb = openpyxl.load_workbook(out, read_only=True)
    assert wb.sheetnames == ["Summary", "Joint ventures"]
    summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(values_only=True) if r[0]}
    assert (
        summary["Reporting currency"] == "CNY"
        and summary["As of"].date().isoformat() == "2025-12-31"
    )
    wb.close()
    assert snapshot_rows(demo_path)[0]["as_of"] == "2025-12-31"


def test_bad_output_folder_is_refused(demo_path, tmp_path, capsys):
    out = tmp_path / "missing" / "s.xlsx"
    assert main(["export", "--db", str(demo_path), "--format", "xlsx", "--out", str(out)]) == 1
    assert "out: the folder" in capsys.readouterr().err
    assert not out.parent.exists() and snapshot_rows(demo_path) == []


def test_usage_errors_exit_2(demo_path, tmp_path, capsys):
    for args in (
        ["--format", "docx", "--out", str(tmp_path / "a")],
        ["--out", str(tmp_path / "a.xlsx")],
    ):
        with pytest.raises(SystemExit) as exc:
            main(["export", "--db", str(demo_path), *args])
        assert exc.value.code == 2
    assert "invalid choice: 'docx'" in capsys.readouterr().err


def test_missing_database_exits_1(tmp_path, capsys):
    code = main(["export", "--db", str(tmp_path / "none.sqlite3"), "--format", "json",
                 "--out", str(tmp_path / "a.json")])  # fmt: skip
    assert code == 1 and "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "a.json").exists()


def test_pdf_goes_through_the_report_renderer(demo_path, tmp_path, capsys, monkeypatch):
    calls = []

    def write_report_pdf(*, store, out, flt, currency, as_of):
        calls.append((store.name, currency, as_of))
        Path(out).write_bytes(b"%PDF-1.4\n%%EOF\n")

    fake = types.ModuleType("tracker.ui.report")
    fake.write_report_pdf = write_report_pdf
    monkeypatch.setitem(sys.modules, "tracker.ui.report", fake)
    out = tmp_path / "r.pdf"
    assert main(["export", "--db", str(demo_path), "--format", "pdf", "--out", str(out),
                 "--as-of", "2025-01-31"]) == 0  # fmt: skip
    assert calls == [(demo_path.name, "USD", "2025-01-31")]
    assert (
        out.read_bytes().startswith(b"%PDF") and "PDF snapshot written" in capsys.readouterr().out
    )
    assert snapshot_rows(demo_path)[0]["format"] == "pdf"


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes read-only files"
)
def test_read_only_file_still_exports(demo_path, tmp_path, capsys):
    os.chmod(demo_path, 0o444)
    try:
        out = tmp_path / "ro.json"
        assert main(["export", "--db", str(demo_path), "--format", "json", "--out", str(out)]) == 0
        assert "the snapshot could not be recorded" in capsys.readouterr().out
        assert out.exists()
    finally:
        os.chmod(demo_path, 0o644)
