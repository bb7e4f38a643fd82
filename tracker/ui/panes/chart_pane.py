"""The chart pane: one chart of the portfolio that follows the table.

It shows the records the table shows (same kind, same filter) and, for the
timeline and the disbursement chart, marks the selected project. It redraws
only when something it draws from changed, and never while hidden (the work
is deferred to the next show). matplotlib is loaded on the first draw.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from tracker.domain.filters import Filter
from tracker.services.changes import Change
from tracker.ui import i18n
from tracker.ui.chart_picture import CubeReader, PictureCache, file_parts, picture_key, warm_up
from tracker.ui.i18n import chart_title
from tracker.ui.operations import QueryOp
from tracker.ui.widgets.figure_canvas import SCREEN_DPI, FigureHost

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from tracker.ui.context import AppContext

log = logging.getLogger(__name__)

#: After a start-up picture is shown, matplotlib and the chart data are loaded in the
#: background this much later (so the first filter change draws at once).
PRELOAD_DELAY_MS = 1500

#: ``picture_key`` while a picture drawn in the background is shown (it is not kept on disk).
BACKGROUND_PICTURE = "drawn in the background"

#: A picture drawn in the background is drawn again this long after the last resize.
RESIZE_DELAY_MS = 150

#: Charts that show single projects, so the selected one matters to them.
SELECTION_CHARTS = frozenset({"timeline", "disbursement", "plan"})

#: Reference tables whose names or rates appear in charts of every kind.
REFERENCE_TABLES = frozenset({"fx_rates", "banks", "sectors", "countries", "regions", "zones"})

#: Fallback when tracker.services.chart_data does not list a kind.
_CHARTS_FOR_KIND: dict[str, tuple[str, ...]] = {
    "projects": ("status", "sector", "bank", "disbursement", "timeline", "cumulative"),
    "residents": ("residents_country", "residents_status"),
    "ventures": ("ventures",),
}


def chart_context(store: Any, chart: str, flt: Any, as_of: str) -> str:
    """The first part of a chart's subtitle in the current language: what the
    filter selects (with names) and the as-of date, as the printed report says it."""
    from tracker.services.chart_data import KIND_OF_CHART
    from tracker.ui.report import describe_filter

    as_of_text = QCoreApplication.translate("Report", "as of {date}").format(
        date=i18n.format_date(as_of)
    )
    return f"{describe_filter(store, KIND_OF_CHART[chart], flt)} · {as_of_text}"


def charts_for_kind(kind: str) -> tuple[str, ...]:
    from tracker.services import chart_data

    return tuple(chart_data.CHARTS_FOR_KIND.get(kind, _CHARTS_FOR_KIND.get(kind, ())))


#: Changes of many rows: the chart is built and drawn in the background, shown as a picture.
BULK_ACTIONS = frozenset({"import", "round"})


def change_concerns(change: Change, kind: str) -> bool:
    """Whether a write changes what a chart of ``kind`` draws."""
    return change.concerns(kind) or change.table in REFERENCE_TABLES


class ChartPane(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chartPane")
        self.ctx = ctx
        self._kind = ""
        self._flt = Filter()
        self._selected: int | None = None
        self._chart_by_kind: dict[str, str] = {}
        self._dirty = True
        #: Number of figures built so far (tests and benchmarks count redraws).
        self.draw_count = 0
        #: Text of the last failure to build a chart, None after a good draw.
        self.last_error: str | None = None
        #: What the shown figure was built from: kind, chart, filter, selected id, currency, as-of.
        self._drawn: tuple | None = None
        #: The background draw under way after an import or a round, if any.
        self.background: QueryOp | None = None
        #: Counts the writes that concern the chart: a background picture of older data is dropped.
        self._generation = 0
        self._resized = QTimer(self)
        self._resized.setSingleShot(True)
        self._resized.setInterval(RESIZE_DELAY_MS)
        self._resized.timeout.connect(self._redraw_picture)

        self.combo = QComboBox(self)
        self.combo.setObjectName("chartChoice")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.currentIndexChanged.connect(self._on_choice)
        label = QLabel(self.tr("&Chart:"), self)
        label.setBuddy(self.combo)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.combo)
        top.addStretch(1)

        self.message = QLabel(self)
        self.message.setObjectName("chartMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()
        self.host = FigureHost(self)
        #: The chart as the window last showed it (see tracker.ui.chart_picture), until a live draw.
        self.picture = QLabel(self)
        self.picture.setObjectName("chartPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.hide()
        #: Key of the picture on screen, None while the chart is live (or there is none).
        self.picture_key: str | None = None
        self.pictures = PictureCache()
        #: The background warm-up after a start-up picture (its ``done`` is set when finished).
        self.warmer: CubeReader | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.host, 1)
        layout.addWidget(self.picture, 1)

        ctx.changed.connect(self._on_changed)

    # --- what the window calls --------------------------------------------------------

    def set_view(self, *, kind: str, flt: Filter, selected_id: int | None) -> None:
        """Follow the table: its kind, its filter and its selected record."""
        if kind != self._kind:
            self._kind = kind
            self._fill_combo()
        self._flt = flt
        self._selected = selected_id
        self._update()

    def refresh(self) -> None:
        """Draw again now (or on the next show), e.g. after the reporting currency changed."""
        self._dirty = True
        self._update()

    def current_chart(self) -> str:
        return self.combo.currentData() or ""

    def current_figure(self) -> Figure | None:
        """The figure on screen (drawn now if it was deferred), for printing."""
        if self._needs_draw() or not self._live:
            self._leave_picture()
            self._draw()
        return self.host.figure()

    def figure_sized(self, width_in: float, height_in: float) -> Figure | None:
        """The chart on screen built anew at another size (a printed page), so its names
        are shortened for that width, not the pane's; None when there is no chart."""
        from tracker.services import chart_data

        _kind, chart, flt, selected, currency, as_of = self._wanted()
        if not chart:
            return None
        return chart_data.build_figure(
            self.ctx.store, chart, flt=flt, currency=currency, as_of=as_of,
            today=dt.date.today(), selected_id=selected, width_in=width_in,
            height_in=height_in, texts=i18n.chart_texts(), lang=i18n.current_language(),
            titles={chart: chart_title(chart)},
            context=chart_context(self.ctx.store, chart, flt, as_of),
        )  # fmt: skip

    def save_picture(self) -> bool:
        """Keep the live chart on screen for the next start (the window calls this as it closes)."""
        canvas = self.host.canvas()
        if canvas is None or self.picture_key is not None or not self.host.isVisible():
            return False
        if self.last_error is not None or self._needs_draw():
            return False
        key = self._picture_key()
        if key is None:
            return False
        return self.pictures.touch(key) or self.pictures.save(key, canvas.grab())

    def remember(self, kind: str, chart: str) -> None:
        """Show ``chart`` whenever ``kind`` is shown (a chart no longer offered is ignored)."""
        if chart in charts_for_kind(kind):
            self._chart_by_kind[kind] = chart
            if kind == self._kind:
                self._fill_combo()
                self._update()

    def set_chart(self, name: str) -> None:
        """Choose a chart by name (as the combo does)."""
        i = self.combo.findData(name)
        if i < 0:
            raise KeyError(f"chart {name!r} is not shown for {self._kind or 'this view'}")
        self.combo.setCurrentIndex(i)

    # --- internals --------------------------------------------------------------------

    def _fill_combo(self) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        for name in charts_for_kind(self._kind):
            self.combo.addItem(chart_title(name), name)
        wanted = self._chart_by_kind.get(self._kind)
        i = self.combo.findData(wanted) if wanted else 0
        self.combo.setCurrentIndex(max(i, 0))
        self.combo.blockSignals(False)
        if not self.combo.count():
            # Reference data has no chart: say so rather than leave another kind's chart up.
            self.host.clear()
            self._drawn = None
            self.message.setText(self.tr("There is no chart for this view."))
            self.message.show()

    def _on_choice(self, _index: int) -> None:
        if self._kind:
            self._chart_by_kind[self._kind] = self.current_chart()
        self._update()

    def _on_changed(self, change: Change) -> None:
        if self._kind and change_concerns(change, self._kind):
            self._dirty = True
            self._generation += 1
            if change.action in BULK_ACTIONS and self.isVisible() and self.current_chart():
                # Many rows at once (an import, a round): the chart is built and drawn in the
                # background, so the window keeps answering; see _draw_in_background.
                self._draw_in_background()
                return
            self._update()

    def _draw_in_background(self) -> None:
        """Build and draw the chart on a worker thread and show it as a picture.

        After an import the sums are read again and the figure laid out afresh: a few
        hundred milliseconds of matplotlib that would freeze the window on its own thread.
        The worker draws on a read-only connection of its own, at the pane's size and
        pixel ratio; the picture is shown only if nothing the chart draws from changed
        meanwhile (a newer change, filter or chart asks again). The live figure is built
        when it is needed: printing, a resize, the next change.
        """
        from tracker.services import chart_data

        wanted = self._wanted()
        kind, chart, flt, selected, currency, as_of = wanted
        width_in, height_in = self.host.size_inches()
        ratio = self.devicePixelRatioF()
        # What needs Qt (translations, names of the filter) is read here, on the window's thread.
        texts, lang, titles = (
            i18n.chart_texts(),
            i18n.current_language(),
            {chart: chart_title(chart)},
        )
        context = chart_context(self.ctx.store, chart, flt, as_of)
        today = dt.date.today()
        generation = self._generation
        stamp = self.ctx.store.aggregates_stamp()

        def work(store: Any, _progress: Any) -> tuple[tuple[int, int, bytes], dict]:
            from tracker.charts.output import figure_to_rgba

            figure = chart_data.build_figure(
                store, chart, flt=flt, currency=currency, as_of=as_of, today=today,
                selected_id=selected, width_in=width_in, height_in=height_in,
                dpi=SCREEN_DPI * ratio, texts=texts, lang=lang, titles=titles, context=context,
            )  # fmt: skip
            # The sums read for it (kept by the worker's store) go to the window's store too:
            # the next live draw (a filter, a selection) does not read them again.
            return figure_to_rgba(figure), store.chart_aggregates((kind,))

        def shown(result: tuple[tuple[int, int, bytes], dict]) -> None:
            image, cubes = result
            if self.background is op:
                self.background = None
            if not self.ctx.store.closed:
                self.ctx.store.adopt_aggregates(cubes, stamp)
            if self._wanted() != wanted or self._generation != generation or self.ctx.store.closed:
                self._update()  # something else was asked, or written, meanwhile
                return
            if self._live and not self._dirty:
                return  # drawn live meanwhile (a selection, a print): that figure is as new
            self._show_image(image, ratio, wanted)

        def failed(exc: BaseException) -> None:
            log.info("chart %s not drawn in the background: %s", chart, exc)
            if self.background is op:
                self.background = None
            self._update()  # drawn live, where a failure is shown as usual

        op = QueryOp(self, self.ctx.store, work, title="chart")
        op.success(shown).failure(failed).superseding(("chart pane", id(self)))
        self.background = op
        op.run_in_background()

    def _redraw_picture(self) -> None:
        if self.picture_key == BACKGROUND_PICTURE and self.isVisible():
            self._draw_in_background()

    def _show_image(self, image: tuple[int, int, bytes], ratio: float, wanted: tuple) -> None:
        width, height, data = image
        picture = QImage(data, width, height, 4 * width, QImage.Format.Format_RGBA8888).copy()
        pixmap = QPixmap.fromImage(picture)
        pixmap.setDevicePixelRatio(ratio)
        self.picture.setPixmap(pixmap)
        self.picture.setAccessibleName(chart_title(wanted[1]))
        self.picture_key = BACKGROUND_PICTURE
        self.message.hide()
        self.host.hide()
        self.picture.show()
        self.last_error = None
        self.draw_count += 1
        self._drawn = wanted
        self._dirty = False

    @property
    def _live(self) -> bool:
        """Whether the live figure is what is shown (not while a picture drawn in the
        background after an import stands in for it: printing builds the figure then)."""
        return self.picture_key != BACKGROUND_PICTURE

    def _wanted(self) -> tuple:
        chart = self.current_chart()
        selected = self._selected if chart in SELECTION_CHARTS else None
        return (self._kind, chart, self._flt, selected, self.ctx.currency, self.ctx.as_of)

    def _needs_draw(self) -> bool:
        return bool(self.current_chart()) and (self._dirty or self._drawn != self._wanted())

    def _update(self) -> None:
        if self._needs_draw() and self.isVisible():
            if self._drawn is None and self._show_picture():
                return
            self._leave_picture()
            self._draw()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._update()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.picture_key == BACKGROUND_PICTURE:
            # A picture drawn in the background is drawn again there, at the new size.
            self._resized.start()
        elif self.picture_key is not None:
            self._update()  # the picture fits one size only: another size draws live

    # --- the start-up picture -----------------------------------------------------------

    def _picture_key(self) -> str | None:
        kind, chart, flt, selected, currency, as_of = self._wanted()
        common = file_parts(self.ctx.store, currency=currency, as_of=as_of) if chart else None
        if common is None:
            return None
        return picture_key(
            **common, kind=kind, chart=chart, filter=flt.to_dict(), selected=selected,
            size=[self.width(), self.height()], ratio=self.devicePixelRatioF(),
        )  # fmt: skip

    def _show_picture(self) -> bool:
        """Show the picture kept for exactly this chart, if there is one."""
        key = self._picture_key()
        if key is None:
            return False
        if key != self.picture_key:
            pixmap = self.pictures.load(key)
            if pixmap is None:
                return False
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            self.picture.setPixmap(pixmap)
            self.picture.setAccessibleName(chart_title(self.current_chart()))
            self.picture_key = key
            QTimer.singleShot(PRELOAD_DELAY_MS, self, self._warm_up)
        self.message.hide()
        self.host.hide()
        self.picture.show()
        return True

    def _warm_up(self) -> None:
        """While the picture is up: load matplotlib and sum the portfolio in the background."""
        if self.picture_key is not None and not self.ctx.store.closed and self.isVisible():
            self.warmer = warm_up(self.ctx.store, (self._kind,), self)

    def _leave_picture(self) -> None:
        """Give the picture's place back to the live canvas, laid out before it is drawn."""
        if self.picture_key is None:
            return
        self.picture_key = None
        self.picture.hide()
        self.picture.clear()
        self.host.show()
        self.layout().activate()

    def _draw(self) -> None:
        from tracker.services import chart_data

        wanted = self._wanted()
        kind, chart, flt, selected, currency, as_of = wanted
        width_in, height_in = self.host.size_inches()
        try:
            figure = chart_data.build_figure(
                self.ctx.store, chart, flt=flt, currency=currency, as_of=as_of,
                today=dt.date.today(), selected_id=selected, width_in=width_in,
                height_in=height_in, texts=i18n.chart_texts(), lang=i18n.current_language(),
                titles={chart: chart_title(chart)},
                context=chart_context(self.ctx.store, chart, flt, as_of),
                reuse=self.host.figure(),
            )  # fmt: skip
        except Exception as exc:  # noqa: BLE001 - a chart must never take the window down
            log.exception("chart %s failed", chart)
            self.last_error = str(exc) or type(exc).__name__
            self.message.setText(
                self.tr("The chart could not be drawn: {error}").format(error=self.last_error)
            )
            self.message.show()
            self.host.clear()
        else:
            self.last_error = None
            self.message.hide()
            self.host.set_figure(figure)
        self.draw_count += 1
        self._drawn = wanted
        self._dirty = False
