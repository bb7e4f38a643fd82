"""The timeline's date ticks, worked out once per view interval, are matplotlib's own."""

from __future__ import annotations

from datetime import date

from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure

from tracker.charts.schedule import _date_axis

SPANS = [
    (date(2010, 1, 1), date(2031, 6, 30)),
    (date(2024, 3, 1), date(2024, 9, 15)),
    (date(2025, 6, 1), date(2025, 6, 20)),
    (date(2019, 12, 20), date(2021, 1, 10)),
]


def _plain(ax):  # noqa: ANN001, ANN202
    locator = AutoDateLocator(minticks=3, maxticks=9)
    formatter = ConciseDateFormatter(
        locator,
        formats=["%Y", "%Y-%m", "%m-%d", "%H:%M", "%H:%M", "%S.%f"],
        zero_formats=["", "%Y", "%Y-%m", "%m-%d", "%H:%M", "%H:%M"],
        offset_formats=["", "", "%Y", "%Y-%m", "%Y-%m-%d", "%Y-%m-%d %H:%M"],
    )
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(formatter)


def _ticks(ax):  # noqa: ANN001, ANN202
    locs = list(ax.xaxis.get_majorticklocs())
    labels = ax.xaxis.get_major_formatter().format_ticks(locs)
    return locs, labels, ax.xaxis.get_major_formatter().get_offset()


def test_kept_ticks_follow_every_view_interval():
    kept_ax, plain_ax = Figure().add_subplot(), Figure().add_subplot()
    _date_axis(kept_ax)
    _plain(plain_ax)
    for start, end in [*SPANS, *SPANS]:  # and back again: nothing stale
        for ax in (kept_ax, plain_ax):
            ax.set_xlim(date2num(start), date2num(end))
        want = _ticks(plain_ax)
        assert _ticks(kept_ax) == want
        assert _ticks(kept_ax) == want  # asked again: the kept answer, same offset
        assert len(want[0]) >= 3


def test_the_kept_ticks_are_copies():
    ax = Figure().add_subplot()
    _date_axis(ax)
    ax.set_xlim(date2num(SPANS[0][0]), date2num(SPANS[0][1]))
    first = ax.xaxis.get_major_locator()()
    first.clear()
    assert ax.xaxis.get_major_locator()()
    labels = ax.xaxis.get_major_formatter().format_ticks(ax.xaxis.get_majorticklocs())
    labels.clear()
    assert ax.xaxis.get_major_formatter().format_ticks(ax.xaxis.get_majorticklocs())
