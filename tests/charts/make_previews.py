"""Write every chart built from the sample data as PNG, to look at them.

    .venv/bin/python tests/charts/make_previews.py OUT_DIR [--dpi 100] [--empty] [--russian]

``docs/charts/`` holds the output at 100 dpi.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from chart_samples import SAMPLES, empty  # noqa: E402

from tracker.charts import CHARTS, ChartTexts, build_chart, render  # noqa: E402

RUSSIAN = ChartTexts(
    no_data="Нет данных для этой выборки",
    more="+ ещё {n} не показано",
    committed="Обязательства",
    disbursed="Выплачено",
    amount="Сумма",
    disbursed_share="Выплачено (% обязательств)",
    thousand="тыс.",
    million="млн",
    billion="млрд",
    decimal_sep=",",
    thousands_sep="\u00a0",
    today="Сегодня",
    planned="План",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--dpi", type=float, default=100)
    parser.add_argument("--empty", action="store_true", help="also the no-data figures")
    parser.add_argument("--russian", action="store_true", help="chart words in Russian")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    texts = RUSSIAN if args.russian else ChartTexts()
    for name in CHARTS:
        fig = build_chart(name, SAMPLES[name](), dpi=args.dpi, texts=texts)
        render(fig, args.out / f"{name}.png")
        if args.empty:
            render(build_chart(name, empty(name), dpi=args.dpi), args.out / f"{name}_empty.png")
        print(args.out / f"{name}.png")


if __name__ == "__main__":
    main()
