"""The screen's text-image cache stamps exactly what matplotlib draws for a label.

Reference: plain ``RendererAgg`` with every label moved to whole pixels (the
only change the cache makes). The cached renderer must give the same bytes on
the first draw (labels rasterised and recorded) and on later draws (stamped).
"""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from chart_samples import SAMPLES
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure

from tracker.charts import build_chart
from tracker.charts.text_images import CachingRendererAgg, TextImageCache


class _WholePixelRenderer(RendererAgg):
    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):  # noqa: ANN001
        if not ismath:
            x, y = round(x), round(y)
        return super().draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)


def _pixels(fig: Figure, renderer_class: type, cache: TextImageCache | None = None) -> np.ndarray:
    class Canvas(FigureCanvasAgg):
        def get_renderer(self):  # noqa: ANN202
            w, h = self.get_width_height(physical=True)
            key = w, h, self.figure.dpi
            if self._lastKey != key:
                args = (cache,) if cache is not None else ()
                self.renderer = renderer_class(w, h, self.figure.dpi, *args)
                self._lastKey = key
            return self.renderer

    canvas = Canvas(fig)
    canvas.draw()
    return np.asarray(canvas.buffer_rgba()).copy()


@pytest.mark.parametrize("name", ["status", "timeline", "residents_country", "ventures"])
def test_cached_labels_are_the_labels_matplotlib_draws(name):
    cache = TextImageCache()
    reference = _pixels(build_chart(name, SAMPLES[name]()), _WholePixelRenderer)
    first = _pixels(build_chart(name, SAMPLES[name]()), CachingRendererAgg, cache)
    assert cache.misses > 10
    np.testing.assert_array_equal(first, reference)
    misses, hits = cache.misses, cache.hits
    again = _pixels(build_chart(name, SAMPLES[name]()), CachingRendererAgg, cache)
    # Every label of the second drawing is stamped from the cache.
    assert cache.misses == misses and cache.hits - hits == misses + hits
    np.testing.assert_array_equal(again, reference)


def _label_figure(x: float, y: float, color: str, size: float = 11, rotation: float = 0) -> Figure:
    fig = Figure(figsize=(3, 1.5), dpi=100)
    fig.text(x, y, "Кредит 中国 Exim ▶ 12%", color=color, fontsize=size, rotation=rotation,
             family=["DejaVu Sans", "Noto Sans CJK SC", "sans-serif"])  # fmt: skip
    return fig


@pytest.mark.parametrize("rotation", [0, 90])
def test_a_label_moved_recoloured_or_resized_draws_as_matplotlib_draws_it(rotation):
    cache = TextImageCache()
    # The same label at other places (whole and fractional pixels) and in another colour
    # is stamped from the first drawing; another size is a new label.
    cases = [(0.1, 0.3, "black", 11), (0.2137, 0.4521, "black", 11), (0.3, 0.1003, "#D55E00", 11),
             (0.3, 0.1, "#D55E00", 7)]  # fmt: skip
    for i, (x, y, color, size) in enumerate(cases):
        got = _pixels(_label_figure(x, y, color, size, rotation), CachingRendererAgg, cache)
        want = _pixels(_label_figure(x, y, color, size, rotation), _WholePixelRenderer)
        np.testing.assert_array_equal(got, want)
        assert got[..., :3].min() < 128  # something was drawn
        assert cache.misses == (1 if i < 3 else 2)
    assert len(cache) == 2 and cache.hits == 2


def test_what_decides_the_glyphs_is_part_of_the_key():
    cache = TextImageCache()
    _pixels(_label_figure(0.1, 0.3, "black"), CachingRendererAgg, cache)
    with matplotlib.rc_context({"text.hinting": "none"}):
        _pixels(_label_figure(0.1, 0.3, "black"), CachingRendererAgg, cache)
    fig = _label_figure(0.1, 0.3, "black")
    fig.texts[0].set_fontweight("bold")
    _pixels(fig, CachingRendererAgg, cache)
    fig = Figure(figsize=(3, 1.5), dpi=150)
    fig.text(0.1, 0.3, "Кредит 中国 Exim ▶ 12%", fontsize=11,
             family=["DejaVu Sans", "Noto Sans CJK SC", "sans-serif"])  # fmt: skip
    _pixels(fig, CachingRendererAgg, cache)
    assert cache.misses == 4 and cache.hits == 0


def test_the_cache_keeps_the_most_recently_used_labels():
    cache = TextImageCache(max_texts=3)
    fig = Figure(figsize=(3, 1.5), dpi=100)
    for i, word in enumerate(["one", "two", "three", "four"]):
        fig.text(0.1, 0.1 + i * 0.2, word)
    _pixels(fig, CachingRendererAgg, cache)
    assert len(cache) == 3 and cache.misses == 4
    _pixels(fig, CachingRendererAgg, cache)  # "one" was dropped: drawn again, and so on
    assert len(cache) == 3 and cache.hits == 0
    cache.clear()
    assert len(cache) == 0


def test_math_text_is_drawn_by_matplotlib_and_not_kept():
    cache = TextImageCache()
    fig = Figure(figsize=(3, 1.5), dpi=100)
    fig.text(0.1, 0.5, r"$\sum x_i^2$")
    got = _pixels(fig, CachingRendererAgg, cache)
    assert len(cache) == 0 and got[..., :3].min() < 128


def test_label_extents_and_layout_are_the_same_as_matplotlibs():
    """The font height metrics the renderer hands to ``Text._get_layout`` are matplotlib's own."""
    from tracker.charts.style import chart_style

    def extents(renderer_class: type, *args: object) -> list[tuple[float, ...]]:
        fig = build_chart("residents_country", SAMPLES["residents_country"]())
        canvas = FigureCanvasAgg(fig)
        renderer = renderer_class(*canvas.get_width_height(physical=True), fig.dpi, *args)
        canvas.get_renderer = lambda: renderer  # the layout measures with it too
        with chart_style():
            fig.get_layout_engine().execute(fig)
        out = [tuple(ax.get_position().bounds) for ax in fig.axes]
        for text in fig.findobj(lambda a: hasattr(a, "get_window_extent") and
                                hasattr(a, "get_text") and a.get_text()):  # fmt: skip
            out.append(tuple(text.get_window_extent(renderer).bounds))
        return out

    cache = TextImageCache()
    assert extents(CachingRendererAgg, cache) == extents(RendererAgg)
    assert cache.metrics  # the hook was asked


def test_new_labels_reuse_the_glyphs_of_earlier_ones_pixel_for_pixel():
    from tracker.charts import text_images

    assert text_images._GLYPH_API  # matplotlib 3.11's glyph loop is the one replaced
    cache = TextImageCache()
    for n in range(3):
        fig = Figure(figsize=(6, 3), dpi=100)
        for i in range(8):
            fig.text(0.013 + 0.0371 * i, 0.05 + 0.11 * i, f"SYN-{n * 8 + i:07d} Timber Corridor {i}",
                     fontsize=7 + i % 3, rotation=90 if i == 5 else 0, color="#D55E00" if i % 2 else "black",
                     family=["DejaVu Sans", "Noto Sans CJK SC", "sans-serif"])  # fmt: skip
        fig.text(0.5, 0.5, "中国进出口银行 Кредит", fontsize=9,
                 family=["DejaVu Sans", "Noto Sans CJK SC", "sans-serif"])  # fmt: skip
        np.testing.assert_array_equal(
            _pixels(fig, CachingRendererAgg, cache), _pixels(fig, _WholePixelRenderer)
        )
    assert cache.misses == 9 * 3 - 2  # every label is new but the CJK one after the first time
    assert cache.glyph_hits > 300 and cache.glyphs
