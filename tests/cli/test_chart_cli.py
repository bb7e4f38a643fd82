"""`tracker chart`: real files written from the demo database, bad names and suffixes refused."""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET

import pytest
from PIL import Image
from pypdf import PdfReader

from tracker.cli import main
from tracker.services import chart_data


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_png(demo_path, tmp_path, capsys):
    out = tmp_path / "status.png"
    before = digest(demo_path)
    assert main(["chart", "--db", str(demo_path), "--chart", "status", "--out", str(out)]) == 0
    assert "chart written" in capsys.readouterr().out
    with Image.open(out) as im:
        assert im.format == "PNG"
        assert im.width > 400 and im.height > 200
    assert digest(demo_path) == before  # opened read-only


def test_svg_has_the_title_as_outlines(demo_path, tmp_path):
    out = tmp_path / "sub" / "sector.svg"
    assert main(["chart", "--db", str(demo_path), "--chart", "sector", "--out", str(out)]) == 0
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    assert len(root.findall(".//{http://www.w3.org/2000/svg}path")) > 20


def test_pdf_in_another_currency(demo_path, tmp_path):
    out = tmp_path / "status.pdf"
    rc = main(["chart", "--db", str(demo_path), "--chart", "status", "--out", str(out),
               "--currency", "eur"])  # fmt: skip
    assert rc == 0
    text = PdfReader(out).pages[0].extract_text()
    assert "Portfolio by status" in text
    assert "EUR" in text


@pytest.mark.parametrize("name", ["pie", "", "STATUS"])
def test_unknown_chart_lists_the_names(demo_path, tmp_path, capsys, name):
    out = tmp_path / "x.png"
    rc = main(["chart", "--db", str(demo_path), "--chart", name, "--out", str(out)])
    assert rc == 1
    err = capsys.readouterr().err
    assert "unknown chart" in err
    for known in chart_data.CHART_NAMES:
        assert known in err
    assert not out.exists()


def test_bad_suffix_is_refused(demo_path, tmp_path, capsys):
    out = tmp_path / "status.jpg"
    assert main(["chart", "--db", str(demo_path), "--chart", "status", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert ".png, .svg, .pdf" in err and "status.jpg" in err
    assert not out.exists()


def test_missing_database_is_refused(tmp_path, capsys):
    out = tmp_path / "x.png"
    rc = main(["chart", "--db", str(tmp_path / "nope.sqlite3"), "--chart", "status", "--out",
               str(out)])  # fmt: skip
    assert rc == 1
    assert capsys.readouterr().err.strip()
    assert not out.exists()
    assert not (tmp_path / "nope.sqlite3").exists()


def test_help_names_the_charts(capsys):
    with pytest.raises(SystemExit):
        main(["chart", "--help"])
    out = capsys.readouterr().out
    assert "residents_country" in out and "ventures" in out
