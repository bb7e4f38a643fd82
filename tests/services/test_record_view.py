"""The Qt-free record view: filter → ordered ids → pages, and the background order
fill, driven here with a background that runs work when the test says (no Qt)."""

from __future__ import annotations

from typing import Any

import pytest

from tracker.domain.fields import PROJECTS
from tracker.domain.filters import Filter
from tracker.services.progress import Progress
from tracker.services.record_view import PAGE_SIZE, OrderFill, RecordView, run_now
from tracker.store import Store, id_lists

N = 130


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path, monkeypatch):
    """The same view over a file and over a team server (the server sorts itself)."""
    monkeypatch.setattr(id_lists, "SMALL", 0)  # the large-table paths at any size
    if request.param == "sqlite":
        s = Store.open(tmp_path / "v.sqlite3", create=True)
    else:
        from tracker.store.postgres import PgStore

        s = PgStore.create(request.getfixturevalue("pg_url"))
    bank = s.rows("banks")[0]["id"]
    rows = [{"code": f"P-{i:03d}", "name": f"Plant {i % 7}", "sector": "energy", "bank_id": bank,
             "amount": (i % 11) * 100, "currency": "USD", "disbursed": 0,
             "status": ("signed", "pipeline")[i % 2]} for i in range(N)]  # fmt: skip
    s.insert_many("projects", rows, columns=list(rows[0]))
    yield s
    s.close(backup=False)


class Later:
    """A background that keeps the work until :meth:`run` (as a worker thread would)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.queue: list[tuple[Any, Any, Any]] = []

    def __call__(self, work, on_done):  # noqa: ANN001, ANN204
        job = _Job()
        self.queue.append((work, on_done, job))
        return job

    def run(self) -> None:
        while self.queue:
            work, on_done, job = self.queue.pop(0)
            if job.cancelled:
                job.finished = True
                continue
            with self.store.open_again(read_only=True) as other:
                job.result = work(other, Progress())
            job.finished = True
            on_done(job)


class _Job:
    def __init__(self) -> None:
        self.result: Any = None
        self.error: BaseException | None = None
        self.cancelled = False
        self.finished = False

    def cancel(self) -> bool:
        self.cancelled = True
        return True

    def wait(self, timeout: float | None = None) -> bool:
        return self.finished

    def done(self) -> bool:
        return self.finished


def plain(store: Store, column: str, descending: bool = False) -> list[int]:
    d = " DESC" if descending else ""
    return [r["id"] for r in store.query(f"SELECT id FROM projects ORDER BY {column}{d}, id{d}")]


def make(store: Store, background) -> tuple[RecordView, list]:  # noqa: ANN001
    filled: list = []
    fields = [PROJECTS.field(n) for n in ("code", "name", "amount", "status")]
    view = RecordView(store, "projects", fields=fields, columns=["code", "name", "amount"],
                      namer=lambda f: None, background=background, on_filled=filled.append)  # fmt: skip
    view.order(None)
    return view, filled


def test_the_head_first_then_the_whole_order_from_the_background(store):
    later = Later(store)
    view, filled = make(store, later)
    assert list(view.ids) == sorted(view.ids) and view.n == N and view.fill is None
    view.sort_field = "amount"
    assert view.order(view.n)  # a fill was set up: the caller starts it
    expected = plain(store, "amount")
    # Before the whole order is there: the head by LIMIT, any row by OFFSET, rows by rank.
    assert [view.id_at(r) for r in range(N)] == expected
    assert view.row_while_filling(expected[77]) == 77
    view.begin_fill()
    assert filled == [] and view.fill is not None and not view.fill.done()
    later.run()
    assert filled == [view.fill]
    assert view.adopt() is None  # the rows shown before agree with the whole order
    assert list(view.ids) == expected and view.fill is None
    assert store.kept_order("projects", "amount") is not None  # kept for the next sort
    view.descending = True
    view.reverse()
    assert list(view.ids) == plain(store, "amount", True)


def test_a_write_while_filling_moves_rows_and_says_which(store):
    later = Later(store)
    view, _ = make(store, later)
    view.sort_field = "name"
    view.order(view.n)
    shown = [view.id_at(r) for r in range(PAGE_SIZE)]
    view.begin_fill()
    store.update("projects", shown[0], {"name": "ZZZ last"}, expected_version=None, user="t")
    later.run()
    moved = view.adopt()
    assert moved is not None
    seen, old_n = moved
    assert old_n == N and seen[0] == shown[0]
    assert view.ids[-1] == shown[0] and list(view.ids) == plain(store, "name")
    assert store.kept_order("projects", "name") is None  # read after a write began: not kept


def test_a_cancelled_fill_gives_no_result_and_no_call(store):
    later = Later(store)
    called: list = []
    fill = OrderFill(store, later, table="projects", column="name", groups=None,
                     on_done=called.append)  # fmt: skip
    fill.cancel()
    with pytest.raises(RuntimeError, match="cancelled"):
        fill.wait()
    started = OrderFill(store, later, table="projects", column="name", groups=None,
                        on_done=called.append).start()  # fmt: skip
    started.cancel()
    later.run()
    with pytest.raises(RuntimeError, match="cancelled"):
        started.wait()
    assert called == []


def test_pages_are_read_when_asked_and_kept_in_a_small_cache(store):
    view, _ = make(store, run_now(store))
    view.flt = Filter(status=("signed",))
    view.order(None)
    assert view.n == N // 2
    ids = view.page_ids(0)
    page = view.load(0, ids)
    assert [r["code"] for r in page.records] == [f"P-{i:03d}" for i in range(0, 2 * PAGE_SIZE, 2)]
    assert view.cached(0) is page and view.cached(1) is None
    dropped: list = []
    view.on_drop = dropped.append
    view.drop_page(0)
    assert dropped == [0] and view.cached(0) is None
