"""The chart kept as a picture at close and shown at the next start (PRODUCT.md §9 start-up).

A picture may only stand in for the chart when everything the chart is drawn
from is the same; anything else draws live. These tests drive the real chart
pane and the real window over real files.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QPixmap

from tracker.domain.filters import Filter
from tracker.store import Store
from tracker.ui.chart_picture import KEEP, PictureCache
from tracker.ui.context import AppContext
from tracker.ui.panes.chart_pane import ChartPane


def shown_pane(
    qtbot, store: Store, *, chart: str = "status", flt: Filter | None = None
) -> ChartPane:  # noqa: ANN001
    pane = ChartPane(AppContext(store, user="tester"))
    qtbot.addWidget(pane)
    pane.resize(900, 560)
    pane.show()
    qtbot.waitExposed(pane)
    pane.set_view(kind="projects", flt=flt or Filter(), selected_id=None)
    pane.set_chart(chart)
    return pane


def image(pane: ChartPane) -> QImage:
    return pane.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def pictures(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.png"))


@pytest.fixture
def cache_dir() -> Path:
    return Path(os.environ["TRACKER_CACHE_DIR"]) / "chart-pictures"


def test_the_next_pane_shows_the_kept_picture_pixel_for_pixel(qtbot, demo_store, cache_dir):  # noqa: ANN001
    live = shown_pane(qtbot, demo_store)
    assert live.draw_count >= 1 and live.picture_key is None
    assert live.save_picture()
    assert len(pictures(cache_dir)) == 1
    qtbot.wait(50)  # the canvas paints its idle draw
    expected = image(live)
    live.close()

    again = shown_pane(qtbot, demo_store)
    assert again.draw_count == 0, "a kept picture must spare the live draw"
    assert again.picture_key is not None and again.picture.isVisible()
    assert again.picture.accessibleName() == "Portfolio by status"
    assert not again.host.isVisible()
    assert image(again) == expected


def test_a_filter_change_leaves_the_picture_for_a_live_chart(qtbot, demo_store):  # noqa: ANN001
    shown_pane(qtbot, demo_store).save_picture()
    pane = shown_pane(qtbot, demo_store)
    assert pane.picture_key is not None
    pane.set_view(kind="projects", flt=Filter(status=("implementation",)), selected_id=None)
    assert pane.draw_count == 1
    assert pane.picture_key is None and not pane.picture.isVisible() and pane.host.isVisible()
    assert pane.host.figure() is not None
    # The canvas was laid out before it was drawn: it fills the place the picture had.
    assert pane.host.width() > 800 and pane.host.height() > 400


def test_another_chart_or_size_draws_live(qtbot, demo_store):  # noqa: ANN001
    shown_pane(qtbot, demo_store).save_picture()
    pane = shown_pane(qtbot, demo_store, chart="sector")
    assert pane.picture_key is None and pane.draw_count == 1

    pane2 = shown_pane(qtbot, demo_store)
    assert pane2.picture_key is not None
    pane2.resize(700, 500)
    qtbot.waitUntil(lambda: pane2.draw_count == 1, timeout=5000)
    assert pane2.picture_key is None and pane2.host.figure() is not None


def test_an_edit_since_the_picture_draws_live(qtbot, demo_path, cache_dir):  # noqa: ANN001
    with Store.open(demo_path, backup=False) as s:
        shown_pane(qtbot, s).save_picture()
    with Store.open(demo_path, backup=False) as other:  # another program (or the CLI) writes
        pid = other.query_ids("projects")[0]
        rec = other.get("projects", pid)
        other.update(
            "projects", pid, {"status": "suspended"}, expected_version=rec["version"], user="x"
        )
    with Store.open(demo_path, backup=False) as s:
        pane = shown_pane(qtbot, s)
        assert pane.picture_key is None and pane.draw_count == 1


def test_an_edit_while_the_picture_is_shown_draws_live(qtbot, demo_store):  # noqa: ANN001
    from tracker.services.changes import Change

    shown_pane(qtbot, demo_store).save_picture()
    pane = shown_pane(qtbot, demo_store)
    assert pane.picture_key is not None
    pid = demo_store.query_ids("projects")[0]
    rec = demo_store.get("projects", pid)
    demo_store.update(
        "projects", pid, {"status": "suspended"}, expected_version=rec["version"], user="x"
    )
    pane.ctx.changed.emit(Change(table="projects", ids=(pid,)))
    assert pane.picture_key is None and pane.draw_count == 1


def test_printing_while_the_picture_is_shown_gets_the_live_figure(qtbot, demo_store):  # noqa: ANN001
    shown_pane(qtbot, demo_store).save_picture()
    pane = shown_pane(qtbot, demo_store)
    assert pane.picture_key is not None
    figure = pane.current_figure()
    assert figure is not None and figure.axes
    assert pane.picture_key is None and pane.host.isVisible()


def test_an_unreadable_picture_is_drawn_live_without_a_word(qtbot, demo_store, cache_dir):  # noqa: ANN001
    shown_pane(qtbot, demo_store).save_picture()
    (png,) = pictures(cache_dir)
    png.write_bytes(b"not a png")
    pane = shown_pane(qtbot, demo_store)
    assert pane.picture_key is None and pane.draw_count == 1 and pane.last_error is None
    assert not pane.message.isVisible()


def test_a_cache_that_cannot_be_written_never_stops_the_close(qtbot, demo_store, cache_dir):  # noqa: ANN001
    cache_dir.parent.mkdir(parents=True, exist_ok=True)
    cache_dir.write_text("a file where the folder should be")
    pane = shown_pane(qtbot, demo_store)
    assert pane.save_picture() is False


def test_a_failed_chart_is_not_kept(qtbot, demo_store, monkeypatch, cache_dir):  # noqa: ANN001
    from tracker.services import chart_data

    def broken(*a, **k):  # noqa: ANN002, ANN003
        raise ValueError("no data")

    monkeypatch.setattr(chart_data, "build_figure", broken)
    pane = shown_pane(qtbot, demo_store)
    assert pane.last_error == "no data"
    assert pane.save_picture() is False
    assert pictures(cache_dir) == []


def test_the_cache_keeps_only_the_newest_pictures(tmp_path, qtbot):  # noqa: ANN001
    cache = PictureCache(tmp_path / "pics")
    pixmap = QPixmap(8, 8)
    pixmap.fill()
    for i in range(KEEP + 5):
        assert cache.save(f"k{i:03d}", pixmap)
        os.utime(cache.path(f"k{i:03d}"), (1_000_000 + i, 1_000_000 + i))
    cache.prune()
    kept = {p.stem for p in pictures(tmp_path / "pics")}
    assert len(kept) == KEEP
    assert "k000" not in kept and f"k{KEEP + 4:03d}" in kept
    assert not list((tmp_path / "pics").glob(".*tmp"))


def test_data_stamp_follows_every_write_and_nothing_else(demo_path, tmp_path):  # noqa: ANN001
    with Store.open(demo_path, backup=False) as s:
        first = s.data_stamp()
        assert s.data_stamp() == first
    with Store.open(demo_path, backup=False) as s:
        assert s.data_stamp() == first, "reopening changes nothing"
        pid = s.query_ids("projects")[0]
        rec = s.get("projects", pid)
        s.update(
            "projects",
            pid,
            {"name": rec["name"] + " II"},
            expected_version=rec["version"],
            user="x",
        )
        edited = s.data_stamp()
        assert edited != first
        s.update(
            "projects", pid, {"name": rec["name"]}, expected_version=rec["version"] + 1, user="x"
        )
        back = s.data_stamp()
        assert back not in (first, edited), "the same values again are still another state"


def test_data_stamp_tells_apart_two_histories_of_the_same_length(demo_path, tmp_path):  # noqa: ANN001
    twin = tmp_path / "twin.sqlite3"
    twin.write_bytes(demo_path.read_bytes())
    stamps = []
    for path, name in ((demo_path, "One"), (twin, "Two")):
        with Store.open(path, backup=False) as s:
            pid = s.query_ids("projects")[0]
            rec = s.get("projects", pid)
            s.update("projects", pid, {"name": name}, expected_version=rec["version"], user="x")
            stamps.append(s.data_stamp())
    assert stamps[0] != stamps[1]


def smoke(db: Path, env: dict[str, str]) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "tracker", "gui", "--smoke", "--db", str(db)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert out.returncode == 0, out.stdout + out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_smoke_draws_live_first_then_starts_from_the_picture(demo_path, tmp_path):  # noqa: ANN001
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRACKER_CACHE_DIR=str(tmp_path / "cache"))
    first = smoke(demo_path, env)
    assert first["ok"] and first["chart_from"] == "live"
    second = smoke(demo_path, env)
    assert second["ok"] and second["chart_from"] == "picture"
    with Store.open(demo_path, backup=False) as s:
        pid = s.query_ids("projects")[0]
        rec = s.get("projects", pid)
        s.update(
            "projects", pid, {"status": "suspended"}, expected_version=rec["version"], user="x"
        )
    third = smoke(demo_path, env)
    assert third["ok"] and third["chart_from"] == "live", "an edit in between: the picture is stale"
    assert not Path(env["TRACKER_SETTINGS"]).exists(), "the smoke run leaves the layout alone"


def test_while_the_picture_is_up_the_chart_data_is_read_in_the_background(qtbot, demo_store):  # noqa: ANN001
    shown_pane(qtbot, demo_store).save_picture()
    demo_store.__dict__.pop("_aggregate_cubes", None)
    pane = shown_pane(qtbot, demo_store)
    assert pane.picture_key is not None
    pane._warm_up()
    qtbot.waitUntil(pane.warmer.done.is_set, timeout=10_000)
    assert "projects" in demo_store.__dict__["_aggregate_cubes"]
    pane.set_view(kind="projects", flt=Filter(status=("implementation",)), selected_id=None)
    assert pane.draw_count == 1 and pane.last_error is None


def test_a_cube_read_elsewhere_is_adopted_only_if_the_file_did_not_change(demo_store):  # noqa: ANN001
    from tracker.store import aggregates

    stamp = aggregates.cube_stamp(demo_store)
    rows = aggregates.read_cube(demo_store.path, "projects")
    assert rows == aggregates.cube(demo_store, "projects")
    demo_store.__dict__.pop("_aggregate_cubes", None)
    assert aggregates.adopt_cube(demo_store, "projects", rows, stamp)
    assert aggregates.cube(demo_store, "projects") is rows
    pid = demo_store.query_ids("projects")[0]
    rec = demo_store.get("projects", pid)
    demo_store.update(
        "projects", pid, {"status": "suspended"}, expected_version=rec["version"], user="x"
    )
    demo_store.__dict__.pop("_aggregate_cubes", None)
    assert not aggregates.adopt_cube(demo_store, "projects", rows, stamp), (
        "stale: read before the edit"
    )
    assert aggregates.cube(demo_store, "projects") != rows


# --- the dashboard: its four charts and key figures kept the same way ---------------------


def shown_dashboard(qtbot, store: Store):  # noqa: ANN001, ANN201
    from tracker.ui.panes.dashboard_pane import DashboardPane

    pane = DashboardPane(AppContext(store, user="tester"))
    qtbot.addWidget(pane)
    pane.resize(1280, 800)
    pane.show()
    qtbot.waitExposed(pane)
    qtbot.waitUntil(lambda: pane.refresh_count > 0 or pane.from_pictures, timeout=10_000)
    qtbot.wait(50)  # canvases paint their idle draw
    return pane


def test_the_dashboard_comes_back_from_its_pictures_pixel_for_pixel(qtbot, demo_store):  # noqa: ANN001
    live = shown_dashboard(qtbot, demo_store)
    assert live.refresh_count == 1 and not live.from_pictures
    expected = image(live)
    tiles = {name: t.text() for name, t in live.tiles.items()}
    assert live.save_pictures()
    live.close()

    again = shown_dashboard(qtbot, demo_store)
    assert again.from_pictures and again.refresh_count == 0
    assert all(label.isVisible() for label in again.picture_labels.values())
    assert {name: t.text() for name, t in again.tiles.items()} == tiles
    assert image(again) == expected


def test_the_dashboard_draws_live_after_an_edit_or_a_resize(qtbot, demo_store):  # noqa: ANN001
    from tracker.services.changes import Change

    shown_dashboard(qtbot, demo_store).save_pictures()
    pane = shown_dashboard(qtbot, demo_store)
    assert pane.from_pictures
    pane.resize(1100, 760)
    qtbot.waitUntil(lambda: pane.refresh_count == 1, timeout=10_000)
    assert not pane.from_pictures and not any(lb.isVisible() for lb in pane.picture_labels.values())
    assert all(h.figure() is not None for h in pane.hosts.values())

    pane3 = shown_dashboard(qtbot, demo_store)
    assert pane3.from_pictures
    pid = demo_store.query_ids("projects")[0]
    rec = demo_store.get("projects", pid)
    demo_store.update(
        "projects", pid, {"status": "suspended"}, expected_version=rec["version"], user="x"
    )
    pane3.ctx.changed.emit(Change(table="projects", ids=(pid,)))
    assert not pane3.from_pictures and pane3.refresh_count == 1


def test_key_figures_keep_their_order_and_exact_amounts_through_json(demo_store):  # noqa: ANN001
    from tracker.services.portfolio import KeyFigures, key_figures

    k = key_figures(demo_store, currency="EUR", as_of="2026-11-27")
    back = KeyFigures.from_json(k.to_json())
    assert back == k
    assert list(back.residents_by_zone) == list(k.residents_by_zone), "largest zone first"
    assert back.financing == k.financing and isinstance(back.financing, type(k.financing))
