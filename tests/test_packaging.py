"""The installable program: the PyInstaller spec, the Linux desktop files, the
Windows installer script, icons and the package data a wheel must carry.

Building the bundle takes minutes, so CI does it (`make package` then
packaging/smoke_bundle.sh); these tests check what the build relies on."""

from __future__ import annotations

import ast
import configparser
import fnmatch
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

import tracker
from tracker.ui.resources import ACTION_ICONS, APP_ICON_SIZES, icon_path, resource_dir

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "packaging"
APP_ID = "org.investmenttracker.InvestmentTracker"


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_spec_names_the_dynamic_imports_and_data():
    spec = (PKG / "tracker.spec").read_text(encoding="utf-8")
    ast.parse(spec)  # a spec is Python
    for hidden in ("matplotlib.backends.backend_svg", "matplotlib.backends.backend_pdf"):
        assert f'"{hidden}"' in spec
    assert '"db" / "demo"), "db/demo"' in spec  # where tracker.services.demo.demo_dir looks
    assert 'collect_data_files("tracker"' in spec  # resources, domain/data, iati_schema
    assert "exclude_binaries=True" in spec and "COLLECT(" in spec  # one folder, not one file
    assert (PKG / "tracker_main.py").is_file()


def test_demo_folder_in_the_bundle_is_where_the_demo_loader_looks():
    from tracker.services import demo

    src = Path(demo.__file__).read_text(encoding="utf-8")
    assert 'Path(sys._MEIPASS) / "db" / "demo"' in src
    assert (ROOT / "db" / "demo" / "projects.csv").is_file()


def test_wheel_package_data_covers_every_runtime_file():
    patterns = _pyproject()["tool"]["setuptools"]["package-data"]["tracker"]
    pkg = ROOT / "tracker"
    needed = [p for p in pkg.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc", ".ts")
              and "__pycache__" not in p.parts]  # fmt: skip
    assert needed, "no data files found"
    missing = [str(p.relative_to(pkg)) for p in needed
               if not any(fnmatch.fnmatch(str(p.relative_to(pkg)), pat) for pat in patterns)]  # fmt: skip
    assert missing == []


def test_package_extra_and_make_target():
    extras = _pyproject()["project"]["optional-dependencies"]
    assert any(d.lower().startswith("pyinstaller") for d in extras["package"])
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    target = re.search(r"^package:.*?\n((?:\t.*\n)+)", make, re.M)
    assert target, "no package target in the Makefile"
    assert ".[package]" in target.group(1) and "packaging/tracker.spec" in target.group(1)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.index("make test") < ci.index("make package && packaging/smoke_bundle.sh")


def test_bundle_smoke_runs_outside_the_source_tree():
    script = (PKG / "smoke_bundle.sh").read_text(encoding="utf-8")
    assert "env -i" in script and 'cd "$WORK"' in script  # clean environment, empty folder
    for step in ("--version", "init --db", "--demo", "QT_QPA_PLATFORM=offscreen"):
        assert step in script


def test_versions_agree():
    v = tracker.__version__
    assert _pyproject()["project"]["version"] == v
    assert f'#define AppVersion "{v}"' in (PKG / "investment-tracker.iss").read_text(
        encoding="utf-8"
    )
    meta = etree.parse(str(PKG / f"{APP_ID}.metainfo.xml"))
    assert meta.xpath("/component/releases/release[1]/@version") == [v]


def test_desktop_file():
    cp = configparser.ConfigParser(interpolation=None, strict=True)
    cp.optionxform = str  # keys are case-sensitive
    cp.read(PKG / f"{APP_ID}.desktop", encoding="utf-8")
    e = cp["Desktop Entry"]
    assert e["Type"] == "Application"
    assert e["Exec"].split()[0] == "tracker"  # the console entry point (tracker.cli:main)
    assert e["Icon"] == APP_ID
    assert e["Categories"].endswith(";")
    assert e["Name[ru]"] and e["Name[zh_CN]"]
    if shutil.which("desktop-file-validate"):
        out = subprocess.run(["desktop-file-validate", str(PKG / f"{APP_ID}.desktop")],
                             capture_output=True, text=True)  # fmt: skip
        assert out.returncode == 0, out.stdout + out.stderr


def test_appstream_metainfo():
    meta = etree.parse(str(PKG / f"{APP_ID}.metainfo.xml"))
    assert meta.xpath("/component/id/text()") == [APP_ID]
    assert meta.xpath("/component/launchable/text()") == [f"{APP_ID}.desktop"]
    assert meta.xpath("/component/provides/binary/text()") == ["tracker"]
    assert meta.xpath("/component/project_license/text()") == [_pyproject()["project"]["license"]]
    if shutil.which("appstreamcli"):
        out = subprocess.run(["appstreamcli", "validate", "--no-net", str(PKG / f"{APP_ID}.metainfo.xml")],
                             capture_output=True, text=True)  # fmt: skip
        assert out.returncode == 0, out.stdout + out.stderr


def test_inno_setup_script_points_at_the_bundle():
    iss = (PKG / "investment-tracker.iss").read_text(encoding="utf-8")
    assert r'#define BundleDir "..\dist\investment-tracker"' in iss
    assert "tracker-gui.exe" in iss and "tracker-gui" in (PKG / "tracker.spec").read_text()
    assert (PKG / "icons" / "investment-tracker.ico").is_file()
    for section in ("[Setup]", "[Files]", "[Icons]", "[Languages]"):
        assert section in iss


@pytest.mark.parametrize("name", ACTION_ICONS)
def test_action_icons_are_valid_svg(qapp, name):
    path = icon_path(name)
    root = etree.parse(str(path)).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert QSvgRenderer(str(path)).isValid()


def test_app_icon_sizes(qapp):
    folder = resource_dir() / "icons"
    assert QSvgRenderer(str(folder / "app.svg")).isValid()
    for size in APP_ICON_SIZES:
        img = QImage(str(folder / f"app-{size}.png"))
        assert (img.width(), img.height()) == (size, size)
        assert img.pixelColor(size // 2, size // 2).alpha() == 255  # not an empty image


def test_unknown_icon_is_a_clear_error(qapp):
    from tracker.ui.resources import icon

    with pytest.raises(KeyError, match="no icon named 'nope'"):
        icon("nope")
    assert not icon("save").isNull()


def test_a_plain_wheel_carries_the_demo_portfolio(tmp_path):
    """pip install from a wheel (not editable): `init --demo` still finds the demo files."""
    import zipfile

    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(wheels)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = wheels.glob("investment_tracker-*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        z.extractall(tmp_path / "site")
    for csv_name in ("fx_rates.csv", "projects.csv", "project_updates.csv", "residents.csv",
                     "ventures.csv"):  # fmt: skip
        assert f"tracker/data/demo/{csv_name}" in names
        assert (ROOT / "db" / "demo" / csv_name).read_bytes() == (
            tmp_path / "site" / "tracker" / "data" / "demo" / csv_name
        ).read_bytes()
    db = tmp_path / "demo.sqlite3"
    run = subprocess.run(
        [sys.executable, "-c", "import sys; from tracker.cli import main; sys.exit(main(sys.argv[1:]))",
         "init", "--demo", "--db", str(db)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path / "site"), "TRACKER_DEMO_DIR": ""},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert "34" in run.stdout
    check = subprocess.run(
        [sys.executable, "-c", "import tracker.services.demo as d; print(d.demo_dir())"],
        capture_output=True, text=True, cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path / "site"), "TRACKER_DEMO_DIR": ""},
    )  # fmt: skip
    assert check.stdout.strip() == str(tmp_path / "site" / "tracker" / "data" / "demo")
