"""An Agg renderer for the screen that rasterises each label once and then copies it.

matplotlib (3.11) lays out and rasterises every glyph of every text on every
draw: a chart with ~40 labels spends 100-150 ms of a refresh in FreeType,
more than half of a chart refresh after a filter change (PRODUCT.md §9). Most
labels of the next chart are the same (axis titles, legend, status names,
tick numbers, titles), so :class:`TextImageCache` keeps the glyph images
matplotlib drew for a label and :class:`CachingRendererAgg` stamps them again.

Exactness: a label is drawn at its position rounded to whole pixels (a shift
of at most half a pixel, like text on any screen), so the glyph images of one
label are the same wherever it goes and are simply moved. They are recorded
from matplotlib's own drawing (the calls to the Agg ``draw_text_image``), not
re-implemented, so they look exactly as matplotlib draws them. Only the
window's canvas uses this renderer; files and printing (SVG, PDF, PNG via
:func:`tracker.charts.render`) are drawn by matplotlib as before.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import Any

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.font_manager import fontManager, get_font

#: Labels kept (least recently used go first): about twenty charts' worth, a few MB
#: (one small glyph image per character).
MAX_TEXTS = 1000

_Stamp = tuple[np.ndarray, int, int, float]


class TextImageCache:
    """Glyph images per label and font, relative to the label's whole-pixel origin."""

    def __init__(self, max_texts: int = MAX_TEXTS):
        self.max_texts = max_texts
        self._images: OrderedDict[tuple[Any, ...], tuple[_Stamp, ...]] = OrderedDict()
        #: Font height metrics per font and dpi (a handful of entries).
        self.metrics: dict[tuple[Any, ...], tuple[Any, Any, Any]] = {}
        #: Labels rasterised by matplotlib / stamped from the cache (tests read these).
        self.misses = 0
        self.hits = 0

    def __len__(self) -> int:
        return len(self._images)

    def get(self, key: tuple[Any, ...]) -> tuple[_Stamp, ...] | None:
        found = self._images.get(key)
        if found is not None:
            self._images.move_to_end(key)
            self.hits += 1
        return found

    def put(self, key: tuple[Any, ...], stamps: tuple[_Stamp, ...]) -> None:
        self.misses += 1
        self._images[key] = stamps
        while len(self._images) > self.max_texts:
            self._images.popitem(last=False)

    def clear(self) -> None:
        self._images.clear()
        self.metrics.clear()


class _Recorder:
    """Stands in for the C++ Agg renderer while matplotlib draws one label."""

    def __init__(self, renderer: Any):
        self._renderer = renderer
        self.stamps: list[tuple[np.ndarray, int, int, float]] = []

    def draw_text_image(self, image: Any, x: float, y: float, angle: float, gc: Any) -> None:
        copy = np.array(image, dtype=np.uint8, copy=True)
        self.stamps.append((copy, int(x), int(y), angle))
        self._renderer.draw_text_image(copy, x, y, angle, gc)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._renderer, name)


def _font_key(prop: Any) -> tuple[Any, ...]:
    return (
        tuple(prop.get_family()),
        prop.get_style(),
        prop.get_variant(),
        prop.get_weight(),
        prop.get_stretch(),
        prop.get_size_in_points(),
        prop.get_file(),
    )


class CachingRendererAgg(RendererAgg):
    """``RendererAgg`` whose plain (non-math) labels come from a :class:`TextImageCache`."""

    def __init__(self, width: float, height: float, dpi: float, cache: TextImageCache):
        super().__init__(width, height, dpi)
        self.text_cache = cache

    def _get_font_height_metrics(self, prop):  # noqa: ANN001, ANN202 - matplotlib hook
        """Ascent, descent and line gap of a font, as ``Text._get_layout`` computes them.

        matplotlib asks the renderer first and otherwise looks the font up and
        reads its tables for every extent of every label (a fifth of a layout).
        """
        key = (_font_key(prop), self.dpi)
        found = self.text_cache.metrics.get(key)
        if found is None:
            found = self.text_cache.metrics[key] = _font_height_metrics(prop, self.dpi)
        return found

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):  # noqa: ANN001
        if ismath or not s or not (math.isfinite(x) and math.isfinite(y)):
            return super().draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
        ox, oy = round(x), round(y)
        key = (
            s,
            _font_key(prop),
            float(angle),
            self.dpi,
            float(self.height) % 1,
            bool(gc.get_antialiased()),
            matplotlib.rcParams["text.hinting"],
            matplotlib.rcParams["text.hinting_factor"],
            _extra(mtext, "get_fontfeatures"),
            _extra(mtext, "get_language"),
        )
        stamps = self.text_cache.get(key)
        if stamps is None:
            agg = self._renderer
            recorder = _Recorder(agg)
            self._renderer = recorder
            try:
                super().draw_text(gc, ox, oy, s, prop, angle, ismath=False, mtext=mtext)
            finally:
                self._renderer = agg
            stamps = tuple((img, sx - ox, sy - oy, a) for img, sx, sy, a in recorder.stamps)
            self.text_cache.put(key, stamps)
            return None
        draw = self._renderer.draw_text_image
        for image, dx, dy, a in stamps:
            draw(image, ox + dx, oy + dy, a, gc)
        return None


def _font_height_metrics(prop: Any, dpi: float) -> tuple[Any, Any, Any]:
    """The font's OS/2 (else hhea) ascent, descent and line gap in pixels; Nones if neither."""
    font = get_font(fontManager._find_fonts_by_props(prop))
    for table_name, gap_key, ascent_key, descent_key in (
        ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
        ("hhea", "lineGap", "ascent", "descent"),
    ):
        table = font.get_sfnt_table(table_name)
        if table is None:
            continue
        # The same expression as matplotlib's, so the extents are bit-for-bit the same.
        scale = 1 / font.get_sfnt_table("head")["unitsPerEm"] * prop.get_size_in_points() * dpi / 72
        return table[ascent_key] * scale, -table[descent_key] * scale, table[gap_key] * scale
    return None, None, None


def _extra(mtext: Any, getter: str) -> Any:
    value = getattr(mtext, getter, None)
    value = value() if callable(value) else None
    return tuple(value) if isinstance(value, list) else value
