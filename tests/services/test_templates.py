"""Other people's spreadsheets: the template round trip (written, filled in, imported),
Russian and Chinese headers recognised, and a remembered column mapping."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from tracker import cli
from tracker.domain.validation import ValidationErrors
from tracker.services import importer, templates
from tracker.services.translations import tr


@pytest.mark.parametrize("lang", ["en", "ru", "zh"])
def test_xlsx_template_filled_in_and_imported(demo_store, tmp_path, lang):
    out = templates.write_template(demo_store, kind="projects", out=tmp_path / "t.xlsx", lang=lang)
    wb = load_workbook(out)
    ws = wb.worksheets[0]
    heads = [c.value for c in ws[1]]
    assert heads[0] == ("code" if lang == "en" else tr(lang, "Field", "Code"))
    if lang == "ru":
        assert "Банк" in heads and "Сумма" in heads
    if lang == "zh":
        assert any("\u4e00" <= ch <= "\u9fff" for h in heads for ch in h)
    lists = wb.worksheets[1]
    column_titles = [c.value for c in lists[1]]
    assert len(column_titles) == 7
    sectors = [r[1] for r in lists.iter_rows(min_row=2, values_only=True) if r[1]]
    assert any(s.startswith("energy — ") for s in sectors)
    # Fill it in: keep the example row (changed) and add one of our own.
    ws.cell(2, 1, f"TPL-{lang}-1")
    row = [c.value for c in ws[2]]
    row[0], row[1] = f"TPL-{lang}-2", "Second plant"
    ws.append(row)
    wb.save(out)
    plan = importer.plan_import(demo_store, kind="projects", path=out)
    assert plan.errors == []
    importer.commit_plan(demo_store, plan, user="t")
    got = demo_store.get_by("projects", "code", f"TPL-{lang}-2")
    assert (
        got["name"] == "Second plant" and got["amount"] == 15000000000 and got["status"] == "signed"
    )


def test_csv_templates_of_every_kind_import_as_written(demo_store, tmp_path):
    for kind in ("projects", "project_updates", "disbursement_plans", "residents", "ventures"):
        out = templates.write_template(
            demo_store, kind=kind, out=tmp_path / f"{kind}.csv", lang="ru"
        )
        with open(out, encoding="utf-8-sig") as fh:
            rows = list(csv.reader(fh))
        assert len(rows) == 2 and len(rows[0]) == len(rows[1])
        plan = importer.plan_import(demo_store, kind=kind, path=out)
        assert plan.errors == [], (kind, plan.errors[:3])
        importer.commit_plan(demo_store, plan, user="t")
    with pytest.raises(ValidationErrors):
        templates.write_template(demo_store, kind="projects", out=tmp_path / "t.txt")


def test_a_mapping_is_asked_for_then_remembered(demo_store, tmp_path):
    src = tmp_path / "theirs.csv"
    src.write_text("Project code;As at;State;Paid out so far;Comment;Internal ref\n"
                   "BY-CN-013;2026-11-30;implementation;300000000;From the ministry sheet;X-1\n",
                   encoding="utf-8")  # fmt: skip
    plan = importer.plan_import(demo_store, kind="updates", path=src)
    assert {e.field for e in plan.errors} >= {"Project code", "As at", "Paid out so far"}
    cols = plan.source.columns
    assert templates.unmatched("project_updates", cols) == cols
    mapping = {"Project code": "project_id", "As at": "as_of", "State": "status",
               "Paid out so far": "disbursed", "Comment": "note", "Internal ref": ""}  # fmt: skip
    plan = importer.plan_import(demo_store, kind="updates", path=src, columns_map=mapping)
    assert plan.errors == []
    templates.remember_mapping(demo_store, kind="project_updates", columns=cols, mapping=mapping)
    # The next file with the same headers (another order) needs no mapping, also from the CLI.
    nxt = tmp_path / "next.csv"
    nxt.write_text("Internal ref;Project code;State;As at;Paid out so far;Comment\n"
                   "X-2;BY-CN-014;implementation;2026-11-30;140000000;Next month\n",
                   encoding="utf-8")  # fmt: skip
    assert templates.remembered_mapping(demo_store, kind="project_updates",
                                        columns=["Internal ref", "Project code", "State", "As at",
                                                 "Paid out so far", "Comment"]) == mapping  # fmt: skip
    demo_store.close(backup=False)
    assert cli.main(["import", "--db", str(demo_store.path), "--kind", "updates", str(nxt)]) == 0
    with pytest.raises(ValidationErrors):
        templates.remember_mapping(demo_store, kind="project_updates", columns=cols,
                                   mapping={"Comment": "nonsense"})  # fmt: skip


def test_russian_and_chinese_headers_need_no_mapping(demo_store, tmp_path):
    src = tmp_path / "ru.csv"
    heads = [
        tr("ru", "Field", label) for label in ("Project", "As of", "Status", "Disbursed", "Note")
    ]
    src.write_text(",".join(heads) + "\nBY-CN-013,2026-11-30,implementation,300000000,из таблицы\n",
                   encoding="utf-8")  # fmt: skip
    assert templates.unmatched("project_updates", heads) == []
    plan = importer.plan_import(demo_store, kind="updates", path=src)
    assert plan.errors == [] and plan.planned[0].values["note"] == "из таблицы"
    zh = tmp_path / "zh.csv"
    heads = [tr("zh", "Field", label) for label in ("Project", "Planned date", "Planned amount")]
    zh.write_text(",".join(heads) + "\nBY-CN-013,2028-06-30,1.00\n", encoding="utf-8")
    assert importer.plan_import(demo_store, kind="plans", path=zh).errors == []
