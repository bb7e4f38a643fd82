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
from matplotlib.backends.backend_agg import RendererAgg, get_hinting_flag
from matplotlib.font_manager import fontManager, get_font
from matplotlib.ft2font import FT2Font, RenderMode

#: Labels kept (least recently used go first): about twenty charts' worth, a few MB
#: (one small glyph image per character).
MAX_TEXTS = 1000

#: Glyph images kept for labels not seen before (a few MB at most).
MAX_GLYPHS = 20000

_Stamp = tuple[np.ndarray, int, int, float]

# matplotlib 3.11's glyph loop and the FreeType calls it makes; another version
# draws new labels its own way (the labels already seen are still stamped).
_GLYPH_API = all(
    hasattr(obj, name)
    for obj, name in (
        (RendererAgg, "_draw_text_glyphs_and_boxes"),
        (FT2Font, "_render_glyph"),
        (FT2Font, "_set_transform"),
        (FT2Font, "face_index"),
    )
)


class TextImageCache:
    """Glyph images per label and font, relative to the label's whole-pixel origin."""

    def __init__(self, max_texts: int = MAX_TEXTS):
        self.max_texts = max_texts
        self._images: OrderedDict[tuple[Any, ...], tuple[_Stamp, ...]] = OrderedDict()
        #: Font height metrics per font and dpi (a handful of entries).
        self.metrics: dict[tuple[Any, ...], tuple[Any, Any, Any]] = {}
        #: Glyph images of labels not kept yet, per glyph, size and 1/64-pixel offset.
        self.glyphs: dict[tuple[Any, ...], tuple[np.ndarray, int, int]] = {}
        self.glyph_hits = 0
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
        self.glyphs.clear()


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
        self.text_images = cache

    def _get_font_height_metrics(self, prop):  # noqa: ANN001, ANN202 - matplotlib hook
        """Ascent, descent and line gap of a font, as ``Text._get_layout`` computes them.

        matplotlib asks the renderer first and otherwise looks the font up and
        reads its tables for every extent of every label (a fifth of a layout).
        """
        key = (_font_key(prop), self.dpi)
        found = self.text_images.metrics.get(key)
        if found is None:
            found = self.text_images.metrics[key] = _font_height_metrics(prop, self.dpi)
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
        stamps = self.text_images.get(key)
        if stamps is None:
            agg = self._renderer
            recorder = _Recorder(agg)
            self._renderer = recorder
            self._glyphs_kept = True
            try:
                super().draw_text(gc, ox, oy, s, prop, angle, ismath=False, mtext=mtext)
            finally:
                self._renderer = agg
                self._glyphs_kept = False
            stamps = tuple((img, sx - ox, sy - oy, a) for img, sx, sy, a in recorder.stamps)
            self.text_images.put(key, stamps)
            return None
        draw = self._renderer.draw_text_image
        for image, dx, dy, a in stamps:
            draw(image, ox + dx, oy + dy, a, gc)
        return None

    _glyphs_kept = False

    if _GLYPH_API:

        def _draw_text_glyphs_and_boxes(self, gc, x, y, angle, glyphs, boxes):  # noqa: ANN001, ANN202
            """matplotlib's glyph loop, with each glyph image kept for the next label.

            A new label (a project's name after a filter change) mostly has glyphs
            drawn before at the same size and 1/64-pixel offset: FreeType is asked
            only for the others. Same transform, flags and offsets as matplotlib's
            own loop (``RendererAgg._draw_text_glyphs_and_boxes``, matplotlib 3.11),
            so the pixels are the same; math text and boxes go the usual way.
            """
            if not self._glyphs_kept or boxes:
                return super()._draw_text_glyphs_and_boxes(gc, x, y, angle, glyphs, boxes)
            cos = math.cos(math.radians(angle))
            sin = math.sin(math.radians(angle))
            flags = get_hinting_flag()
            antialiased = bool(gc.get_antialiased())
            mode = RenderMode.NORMAL if antialiased else RenderMode.MONO
            kept = self.text_images.glyphs
            rc = matplotlib.rcParams
            common = (
                self.dpi,
                flags,
                antialiased,
                rc["text.hinting_factor"],
                rc["text.kerning_factor"],
            )
            matrices: dict[tuple[float, float], np.ndarray] = {}
            height = int(self.height)
            draw = self._renderer.draw_text_image
            for font, size, glyph_index, slant, extend, dx, dy in glyphs:
                matrix = matrices.get((slant, extend))
                if matrix is None:
                    matrix = matrices[(slant, extend)] = (
                        (
                            0x10000
                            * np.array([[cos, -sin], [sin, cos]])
                            @ [[extend, extend * slant], [0, 1]]
                        )
                        .round()
                        .astype(int)
                    )
                tx = round(0x40 * (x + dx * cos - dy * sin))
                ty = round(0x40 * (self.height - y + dx * sin + dy * cos))
                key = (font.fname, font.face_index, size, glyph_index, matrix.tobytes(),
                       tx & 63, ty & 63, *common)  # fmt: skip
                found = kept.get(key)
                if found is None:
                    font.set_size(size, self.dpi)
                    font._set_transform(matrix, [tx, ty])
                    bitmap = font._render_glyph(glyph_index, flags, mode)
                    buffer = np.array(bitmap.buffer, dtype=np.uint8, copy=True)
                    if not antialiased:
                        buffer *= 0xFF
                    found = (buffer, bitmap.left - (tx >> 6), bitmap.top - (ty >> 6))
                    if len(kept) >= MAX_GLYPHS:
                        kept.clear()
                    kept[key] = found
                else:
                    self.text_images.glyph_hits += 1
                buffer, left, top = found
                draw(buffer, left + (tx >> 6), height - (top + (ty >> 6)) + buffer.shape[0], 0, gc)
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
