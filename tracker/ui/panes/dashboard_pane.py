"""The dashboard: the portfolio's key figures at a glance and five charts (the last, the
portfolio's planned against actual disbursement by quarter).

Figures come from tracker.services.portfolio.key_figures (whole portfolio,
reporting currency at the context's as-of date); a missing fx rate is shown
as a warning above the tiles, never hidden in a silent zero.
"""

from __future__ import annotations

import datetime as dt
import logging
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent, QTextDocumentFragment
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.codelists import PROJECT_STATUSES
from tracker.domain.filters import Filter
from tracker.domain.money import format_amount
from tracker.services.changes import Change
from tracker.ui.chart_picture import CubeReader, PictureCache, file_parts, picture_key, warm_up
from tracker.ui.i18n import code_label
from tracker.ui.widgets.figure_canvas import FigureHost

if TYPE_CHECKING:
    from tracker.services.portfolio import KeyFigures
    from tracker.ui.context import AppContext

log = logging.getLogger(__name__)

#: After the kept pictures are shown, matplotlib and the data load in the background this later.
PRELOAD_DELAY_MS = 1500

#: The dashboard's charts, row by row, each with its share of the row's width (the two-panel
#: charts, status and residents, need more of it than the bars of sector and bank); the
#: last is the portfolio's planned against actual disbursement by quarter.
DASHBOARD_GRID = ((("status", 6), ("sector", 4), ("bank", 4)),
                  (("residents_country", 7), ("plan", 7)))  # fmt: skip
DASHBOARD_CHARTS = tuple(chart for row in DASHBOARD_GRID for chart, _share in row)
#: Narrower than this, the dashboard shows the first four charts two by two (three to a
#: row would squeeze the bank and sector names) and leaves the plan chart to the Projects
#: view's chart pane.
WIDE_FROM_PX = 1040
NARROW_GRID = ((("status", 1), ("sector", 1)), (("bank", 1), ("residents_country", 1)))

#: Tables whose writes change something the dashboard shows.
WATCHED = frozenset(
    {"projects", "project_updates", "residents", "ventures", "fx_rates", "banks", "sectors",
     "countries", "zones", "disbursement_plans"}
)  # fmt: skip

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "CNY": "¥", "RUB": "₽", "GBP": "£"}
#: Languages that group large numbers by ten thousands (万, 亿) rather than thousands.
MYRIAD_LANGUAGES = frozenset({QLocale.Language.Chinese})


def format_compact(amount: Decimal, currency: str, locale: QLocale | None = None) -> str:
    """A large amount as people say it: "$8.0 billion", "CNY 412.5 million"."""
    locale = locale or QLocale()
    t = QCoreApplication.translate
    a = abs(amount)
    places = 1
    if locale.language() in MYRIAD_LANGUAGES:
        # Chinese counts large amounts in 亿 (10⁸) and 万 (10⁴): "$80.0亿", never "$8.0 十亿".
        if a >= Decimal(10) ** 8:
            value, unit = amount / Decimal(10) ** 8, "{amount}亿"
        elif a >= Decimal(10) ** 4:
            value, unit = amount / Decimal(10) ** 4, "{amount}万"
        else:
            value, unit, places = amount, "{amount}", 2
    elif a >= Decimal(10) ** 9:
        value, unit = amount / Decimal(10) ** 9, t("Dashboard", "{amount} billion")
    elif a >= Decimal(10) ** 6:
        value, unit = amount / Decimal(10) ** 6, t("Dashboard", "{amount} million")
    elif a >= Decimal(10) ** 3:
        value, unit = amount / Decimal(10) ** 3, t("Dashboard", "{amount} thousand")
    else:
        value, unit, places = amount, "{amount}", 2
    number = format_amount(value, places=places, group=locale.groupSeparator(),
                           point=locale.decimalPoint())  # fmt: skip
    symbol = CURRENCY_SYMBOLS.get(currency)
    money = f"{symbol}{number}" if symbol else f"{currency} {number}"
    return unit.format(amount=money)


def format_count(n: int, locale: QLocale | None = None) -> str:
    return (locale or QLocale()).toString(int(n))


class Tile(QFrame):
    """One key figure: a large number, what it is, and a smaller detail line."""

    def __init__(self, name: str, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setProperty("tile", True)
        self.setStyleSheet(
            'QFrame[tile="true"] { background: palette(base); border: 1px solid palette(mid);'
            " border-radius: 6px; }"
        )
        self.value = QLabel(self)
        self.value.setObjectName(f"{name}Value")
        f = self.value.font()
        f.setPointSizeF(f.pointSizeF() * 2.0)
        f.setBold(True)
        self.value.setFont(f)
        self.caption = QLabel(caption, self)
        self.caption.setObjectName(f"{name}Caption")
        self.caption.setWordWrap(True)
        self.detail = QLabel(self)
        self.detail.setObjectName(f"{name}Detail")
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #4A4A4A;")
        for lab in (self.value, self.caption, self.detail):
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            lab.setStyleSheet(lab.styleSheet() + " border: none; background: transparent;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set(self, value: str, detail: str = "", caption: str | None = None) -> None:
        self.value.setText(value)
        if caption is not None:
            self.caption.setText(caption)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.setAccessibleName(self.text())

    def text(self) -> str:
        """Everything the tile says, for tests and screen readers."""
        detail = QTextDocumentFragment.fromHtml(self.detail.text()).toPlainText()
        return " ".join(x for x in (self.value.text(), self.caption.text(), detail) if x)


class TileRow(QWidget):
    """The key-figure tiles: one row when the dashboard is wide enough for all of them at
    their full text, else two rows of three, so the window never has to be wider than a
    1024-pixel screen for them (and no figure is cut)."""

    def __init__(self, tiles: list[Tile], stretches: list[int], parent: QWidget | None = None):
        super().__init__(parent)
        self.tiles, self.stretches = tiles, stretches
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(8)
        # The widget's least width is this class's (the two-row one), not the grid's.
        self.grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.per_row = 0
        self._arrange(len(tiles))

    def _arrange(self, per_row: int) -> None:
        if per_row == self.per_row:
            return
        self.per_row = per_row
        for t in self.tiles:
            self.grid.removeWidget(t)
        for i in range(len(self.tiles)):
            self.grid.setColumnStretch(i, 0)
        for i, t in enumerate(self.tiles):
            self.grid.addWidget(t, i // per_row, i % per_row)
        for i in range(per_row):
            stretch = max(self.stretches[i::per_row])
            self.grid.setColumnStretch(i, stretch)
        self.updateGeometry()

    def _width_of(self, per_row: int) -> int:
        rows = [self.tiles[i : i + per_row] for i in range(0, len(self.tiles), per_row)]
        spacing = self.grid.spacing()
        return max(sum(t.minimumSizeHint().width() for t in row) + spacing * (len(row) - 1)
                   for row in rows)  # fmt: skip

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        height = self.grid.minimumSize().height()
        return QSize(self._width_of(3), height)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self._width_of(len(self.tiles)), self.grid.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._arrange(len(self.tiles) if self.width() >= self._width_of(len(self.tiles)) else 3)


class DashboardPane(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.ctx = ctx
        self._dirty = True
        #: Number of refreshes done (tests count them).
        self.refresh_count = 0
        self.figures: KeyFigures | None = None
        #: Chart name -> error text of charts that failed on the last refresh.
        self.chart_errors: dict[str, str] = {}

        self.warning = QLabel(self)
        self.warning.setObjectName("dashboardWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "background: #FFF4CE; color: #5C4400; border: 1px solid #E0C060; padding: 4px;"
        )
        self.warning.hide()

        self.tiles: dict[str, Tile] = {}
        stretches = []
        for name, caption, stretch in (
            ("tileProjects", self.tr("projects"), 4),
            ("tileFinancing", self.tr("total financing"), 5),
            ("tileDisbursed", self.tr("disbursed"), 5),
            ("tileResidents", self.tr("industrial-park residents"), 6),
            ("tileVentures", self.tr("joint ventures / foreign-owned"), 5),
            ("tileStatus", self.tr("projects by status"), 7),
        ):
            self.tiles[name] = Tile(name, caption, self)
            stretches.append(stretch)
        tiles = TileRow(list(self.tiles.values()), stretches, self)
        self.tile_row = tiles
        # the status table keeps its width (long Russian status names were clipped)
        self.tiles["tileStatus"].detail.setWordWrap(False)

        self.hosts: dict[str, FigureHost] = {}
        #: Per chart, its picture as the dashboard last showed it (tracker.ui.chart_picture),
        #: in the host's grid cell until the first live refresh.
        self.picture_labels: dict[str, QLabel] = {}
        self.pictures = PictureCache()
        #: True while the figures and charts on screen are those kept at the last close.
        self.from_pictures = False
        #: The background warm-up while the pictures are up.
        self.warmer: CubeReader | None = None
        grid = QGridLayout()
        grid.setSpacing(8)
        for chart in DASHBOARD_CHARTS:
            host = FigureHost(self, min_width=240, min_height=180)
            host.setObjectName(f"dashboardChart_{chart}")
            self.hosts[chart] = host
            # Laid over the (empty) host, so the grid is laid out exactly as with live charts.
            label = QLabel(host)
            label.setObjectName(f"dashboardPicture_{chart}")
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.hide()
            self.picture_labels[chart] = label
            host.installEventFilter(self)
        self.grid = grid
        #: Whether the grid is laid out wide (DASHBOARD_GRID) or narrow (NARROW_GRID).
        self.wide: bool | None = None
        self._lay_out(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.warning)
        layout.addWidget(tiles)
        from tracker.ui.widgets.attention_strip import AttentionStrip

        self.attention = AttentionStrip(self)  # filled by tracker.ui.keeping_views
        layout.addWidget(self.attention)
        layout.addLayout(grid, 1)

        ctx.changed.connect(self._on_changed)

    def shown_charts(self) -> tuple[str, ...]:
        """The charts the grid shows at the dashboard's width."""
        grid = DASHBOARD_GRID if self.wide else NARROW_GRID
        return tuple(chart for row in grid for chart, _share in row)

    def _lay_out(self, wide: bool) -> None:
        """Put the charts in the wide or the narrow grid (drawing a chart that comes in)."""
        if wide == self.wide:
            return
        first = self.wide is None
        self.wide = wide
        grid = self.grid
        for host in self.hosts.values():
            grid.removeWidget(host)
        for i in range(grid.columnCount()):
            grid.setColumnStretch(i, 0)
        columns = 0
        for row, charts in enumerate(DASHBOARD_GRID if wide else NARROW_GRID):
            column = 0
            for chart, share in charts:
                grid.addWidget(self.hosts[chart], row, column, 1, share)
                column += share
            grid.setRowStretch(row, 1)
            columns = max(columns, column)
        for i in range(columns):
            grid.setColumnStretch(i, 1)
        shown = self.shown_charts()
        for chart, host in self.hosts.items():
            host.setVisible(chart in shown)
        if self.layout() is not None:
            self.layout().activate()  # the cells' sizes now: a refresh draws at them
        if wide and not first and self.refresh_count and not self._dirty and not self.from_pictures:
            self._dirty = True
            QTimer.singleShot(0, self, self._refresh_if_needed)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._lay_out(self.width() >= WIDE_FROM_PX)

    def refresh(self) -> None:
        """Recompute the figures and redraw the charts now."""
        from tracker.services import chart_data, portfolio
        from tracker.ui.i18n import chart_texts, chart_title, current_language
        from tracker.ui.panes.chart_pane import chart_context

        self._dirty = False
        if self.refresh_count == 0 and self._show_pictures():
            return
        self._leave_pictures()
        self.refresh_count += 1
        k = portfolio.key_figures(self.ctx.store, currency=self.ctx.currency, as_of=self.ctx.as_of)
        self.figures = k
        self._show_figures(k)
        self.chart_errors.clear()
        shown = self.shown_charts()
        for chart, host in self.hosts.items():
            if chart not in shown:
                continue
            w, h = host.size_inches()
            try:
                fig = chart_data.build_figure(
                    self.ctx.store, chart, flt=Filter(), currency=k.currency, as_of=k.as_of,
                    today=dt.date.today(), width_in=w, height_in=h, texts=chart_texts(),
                    lang=current_language(), titles={chart: chart_title(chart)},
                    context=chart_context(self.ctx.store, chart, Filter(), k.as_of),
                )  # fmt: skip
            except Exception as exc:  # noqa: BLE001 - one bad chart must not hide the others
                log.exception("dashboard chart %s failed", chart)
                self.chart_errors[chart] = str(exc) or type(exc).__name__
                host.clear()
                continue
            host.set_figure(fig)

    # --- the pictures kept at the last close ------------------------------------------------

    def _picture_keys(self, *, layout: bool = True) -> dict[str, str] | None:
        """Keys of the charts' pictures and of the figures, for what is shown now."""
        common = file_parts(self.ctx.store, currency=self.ctx.currency, as_of=self.ctx.as_of)
        if common is None:
            return None
        common["view"] = "dashboard"
        keys = {"figures": picture_key(**common, chart="key figures")}
        if not layout:
            return keys
        ratio = self.devicePixelRatioF()
        for chart in self.shown_charts():  # the grid's cells follow the dashboard's size
            keys[chart] = picture_key(**common, chart=chart, size=[self.width(), self.height()],
                                      ratio=ratio)  # fmt: skip
        return keys

    def _show_pictures(self) -> bool:
        """Figures and charts as kept at the last close, when all of them are still true."""
        from tracker.services.portfolio import KeyFigures

        keys = self._picture_keys(layout=False)
        text = self.pictures.load_text(keys["figures"]) if keys is not None else None
        if text is None:
            return False
        try:
            figures = KeyFigures.from_json(text)
        except (ValueError, TypeError, KeyError) as exc:
            log.info("kept dashboard figures unreadable (%s); drawing live", exc)
            return False
        # The tiles' texts set the grid's share of the page: lay out with them, then look.
        self.figures = figures
        self._show_figures(figures)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        keys = self._picture_keys()
        pixmaps = (
            {chart: self.pictures.load(keys[chart]) for chart in self.shown_charts()}
            if keys
            else {}
        )
        if not pixmaps or any(p is None for p in pixmaps.values()):
            return False
        ratio = self.devicePixelRatioF()
        for chart, pixmap in pixmaps.items():
            pixmap.setDevicePixelRatio(ratio)
            label = self.picture_labels[chart]
            label.setPixmap(pixmap)
            label.setAccessibleName(self.hosts[chart].objectName())
            label.setGeometry(self.hosts[chart].rect())
            label.raise_()
            label.show()
        self.from_pictures = True
        QTimer.singleShot(PRELOAD_DELAY_MS, self, self._warm_up)
        return True

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self.from_pictures and event.type() == QEvent.Type.Resize and obj in self.hosts.values():
            # A picture fits one size: the charts are drawn live for another.
            QTimer.singleShot(0, self, self._refresh_live)
        return super().eventFilter(obj, event)

    def _refresh_live(self) -> None:
        if self.from_pictures:
            self._dirty = True
            self._leave_pictures()
            if self.isVisible():
                self.refresh()

    def _warm_up(self) -> None:
        if self.from_pictures and not self.ctx.store.closed and self.isVisible():
            self.warmer = warm_up(self.ctx.store, ("projects", "residents"), self)

    def _leave_pictures(self) -> None:
        if not self.from_pictures:
            return
        self.from_pictures = False
        for label in self.picture_labels.values():
            label.hide()
            label.clear()

    def save_pictures(self) -> bool:
        """Keep the figures and charts on screen for the next start (as the window closes)."""
        if self.from_pictures or self._dirty or not self.isVisible() or self.chart_errors:
            return False
        if self.figures is None:
            return False
        canvases = {chart: self.hosts[chart].canvas() for chart in self.shown_charts()}
        if any(c is None for c in canvases.values()):
            return False
        keys = self._picture_keys()
        if keys is None:
            return False
        for chart, canvas in canvases.items():
            if not (
                self.pictures.touch(keys[chart]) or self.pictures.save(keys[chart], canvas.grab())
            ):
                return False
        return self.pictures.save_text(keys["figures"], self.figures.to_json())

    def _show_figures(self, k: KeyFigures) -> None:
        loc = QLocale()
        cur = k.currency
        self.tiles["tileProjects"].set(
            format_count(k.projects, loc),
            self.tr("as of {date}").format(date=k.as_of),
        )
        self.tiles["tileFinancing"].set(
            format_compact(k.financing, cur, loc),
            self.tr("committed, in {currency}").format(currency=cur),
        )
        pct = format_amount(k.disbursed_pct, places=1, group=loc.groupSeparator(),
                            point=loc.decimalPoint())  # fmt: skip
        self.tiles["tileDisbursed"].set(
            format_compact(k.disbursed, cur, loc),
            self.tr("{pct} % of financing").format(pct=pct),
        )
        if k.residents_by_zone:
            # The largest zone leads (the Great Stone park); others are summed up after it.
            zone, n = next(iter(k.residents_by_zone.items()))
            detail = self.tr("from {countries} countries").format(
                countries=format_count(k.resident_countries_by_zone[zone], loc)
            )
            if len(k.residents_by_zone) > 1:
                detail += "\n" + self.tr("{n} in all zones, from {countries} countries").format(
                    n=format_count(k.residents, loc),
                    countries=format_count(k.resident_countries, loc),
                )
            caption = self.tr("residents of {zone}").format(zone=zone)
            self.tiles["tileResidents"].set(format_count(n, loc), detail, caption)
        else:
            self.tiles["tileResidents"].set(
                format_count(k.residents, loc), "", self.tr("industrial-park residents")
            )
        self.tiles["tileVentures"].set(
            f"{format_count(k.joint_ventures, loc)} / {format_count(k.foreign_owned, loc)}",
            self.tr("%Ln venture(s) with foreign capital", "", k.ventures),
        )
        shown = [s for s in PROJECT_STATUSES if k.projects_by_status.get(s)]
        half = (len(shown) + 1) // 2
        cells = [
            f"{code_label(s)}:&nbsp;<b>{format_count(k.projects_by_status[s], loc)}</b>"
            for s in shown
        ]
        rows = "".join(
            f"<tr><td>{a}</td><td style='padding-left:10px'>{b}</td></tr>"
            for a, b in zip(cells[:half], [*cells[half:], ""], strict=False)
        )
        active = sum(k.projects_by_status.get(s, 0) for s in ("signed", "implementation"))
        self.tiles["tileStatus"].set(
            self.tr("{n} under way").format(n=format_count(active, loc)),
            f"<table cellspacing=0 cellpadding=0>{rows}</table>" if rows else "",
        )
        if k.warnings:
            self.warning.setText("⚠ " + "\n".join(k.warnings))
            self.warning.show()
        else:
            self.warning.hide()

    def _on_changed(self, change: Change) -> None:
        if change.table in WATCHED or any(change.concerns(t) for t in WATCHED):
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._dirty and self.refresh_count == 0 and not self.from_pictures and self._kept():
            # Pictures were kept for this state of the file: they fit one size, so wait one turn
            # of the event loop for the window's layout to settle before choosing them.
            QTimer.singleShot(0, self, self._refresh_if_needed)
        elif self._dirty:
            self.refresh()

    def _refresh_if_needed(self) -> None:
        if self._dirty and self.isVisible():
            self.refresh()

    def _kept(self) -> bool:
        keys = self._picture_keys(layout=False)
        return keys is not None and self.pictures.load_text(keys["figures"]) is not None
