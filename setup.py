"""Build hook: the wheel carries the demo portfolio (db/demo/*.csv) as tracker/data/demo.

The demo files stay in db/demo, where PRODUCT.md and the README put them and
where `init --demo` reads them in a source tree; tracker.services.demo.demo_dir
finds the copy inside an installed package. Everything else is in pyproject.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DEMO = Path(__file__).resolve().parent / "db" / "demo"


class BuildWithDemo(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads db/demo in place
            return
        target = Path(self.build_lib) / "tracker" / "data" / "demo"
        target.mkdir(parents=True, exist_ok=True)
        for src in sorted(DEMO.glob("*.csv")):
            shutil.copy2(src, target / src.name)


setup(cmdclass={"build_py": BuildWithDemo})
