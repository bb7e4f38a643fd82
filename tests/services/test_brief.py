"""The one-page project brief, read back with pdftotext: code, name, the last
update's note, attention reasons; one A4 page per project; `tracker brief`."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tracker import cli
from tracker.services import brief, updates

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def _text(path, *extra):
    return subprocess.run(["pdftotext", *extra, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip


def _pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(ln.split()[-1] for ln in info.splitlines() if ln.startswith("Pages:")))


def _pid(store, code):
    return store.project_ids_by_code([code])[code.lower()]


def test_brief_of_a_demo_project_is_one_page(demo_store, tmp_path):
    pid = _pid(demo_store, "BY-CN-020")
    updates.add_update(demo_store, project_id=pid, user="t",
                       values={"as_of": "2026-11-25", "note": "Ministry asked for a revised schedule"})  # fmt: skip
    out = tmp_path / "brief.pdf"
    assert brief.write_briefs(demo_store, project_ids=[pid], out=out, today="2026-11-30") == 1
    assert _pages(out) == 1
    text = " ".join(_text(out).split())
    p = demo_store.get("projects", pid)
    assert "BY-CN-020" in text and p["name"] in text
    assert "Ministry asked for a revised schedule" in text  # the last update's note
    assert "Disbursement: plan against actual" in text and "Planned" in text
    assert "Behind plan" in text and "Last updates" in text
    assert text.count("2026-11-25") >= 1


def test_several_projects_give_a_page_each_in_russian(demo_store, tmp_path):
    codes = ["BY-CN-013", "BY-CN-001", "BY-CN-033"]
    out = tmp_path / "briefs.pdf"
    n = brief.write_briefs(demo_store, project_ids=[_pid(demo_store, c) for c in codes], out=out,
                           language="ru")  # fmt: skip
    assert n == _pages(out) == 3
    for page, code in enumerate(codes, start=1):
        text = _text(out, "-f", str(page), "-l", str(page))
        assert code in text and "Справка по проекту" in text
    assert "Плана освоения нет." in _text(out, "-f", "2", "-l", "2")  # completed, no plan


def test_brief_in_chinese_has_chinese_labels(demo_store, tmp_path):
    out = tmp_path / "zh.pdf"
    brief.write_briefs(
        demo_store, project_ids=[_pid(demo_store, "BY-CN-014")], out=out, language="zh"
    )
    text = _text(out)
    assert "项目简报" in text and "最近进展" in text


def test_cli_brief(demo_path, tmp_path, capsys):
    out = tmp_path / "b.pdf"
    assert cli.main(["brief", "--db", str(demo_path), "--project", "by-cn-013", "--project",
                     "BY-CN-014", "--out", str(out)]) == 0  # fmt: skip
    assert "2 page(s)" in capsys.readouterr().out and _pages(out) == 2
    assert cli.main(["brief", "--db", str(demo_path), "--project", "NOPE", "--out",
                     str(tmp_path / "x.pdf")]) == 1  # fmt: skip
    assert "no project with code 'NOPE'" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
    assert cli.main(["brief", "--db", str(demo_path), "--project", "BY-CN-013", "--out",
                     str(tmp_path / "x.png")]) == 1  # fmt: skip
    assert "give a .pdf name" in capsys.readouterr().err


def test_briefs_count_their_pages_and_stop_when_cancelled(demo_store, tmp_path):
    """The window writes briefs on a worker: each page is a step of its progress, and a
    Cancel before the file is written leaves no file."""
    from tracker.services.progress import Cancelled, Progress

    ids = [_pid(demo_store, c) for c in ("BY-CN-013", "BY-CN-014", "BY-CN-020")]
    seen = []

    class Counting(Progress):
        def __call__(self, done=None, total=None, what=None):
            seen.append((done, total))
            if done == 2:
                self.cancel()
            super().__call__(done, total, what)

    out = tmp_path / "b.pdf"
    with pytest.raises(Cancelled):
        brief.write_briefs(demo_store, project_ids=ids, out=out, progress=Counting())
    assert seen == [(0, 3), (1, 3), (2, 3)] and not out.exists()
    assert brief.write_briefs(demo_store, project_ids=ids, out=out, progress=Progress()) == 3
    assert _pages(out) == 3
