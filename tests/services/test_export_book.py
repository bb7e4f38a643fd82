"""The Excel snapshot for people, read back with openpyxl: sheets and headers in the
reader's language, names beside codes, amounts in the reporting currency with a total row,
no machine columns; and it still imports (and so compares) as it was written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest

from tracker.domain.filters import Filter
from tracker.services import export_book, importer, portfolio
from tracker.services.export import MAIN_TABLES, REFERENCE_TABLES, columns, export_snapshot, records
from tracker.store import Store

AS_OF = "2025-12-31"
MACHINE = {"id", "version", "updated_at", "entered_at"}


def sheet(wb, name):  # noqa: ANN001, ANN201
    rows = list(wb[name].iter_rows(values_only=True))
    return list(rows[0]), rows[1:]


def test_the_workbook_speaks_russian(demo_store, tmp_path):
    out = tmp_path / "ru.xlsx"
    export_snapshot(demo_store, fmt="xlsx", out=out, user="t", as_of=AS_OF, currency="USD",
                    lang="ru")  # fmt: skip
    wb = openpyxl.load_workbook(out, read_only=True)
    assert wb.sheetnames == ["Сводка", "Проекты", "Обновления", "Резиденты",
                             "Предприятия с ин. капиталом", "Планы освоения", "Банки", "Зоны",
                             "Курсы валют", "Страны", "Отрасли", "Регионы"]  # fmt: skip
    header, rows = sheet(wb, "Проекты")
    assert header[:8] == ["Код", "Название", "Отрасль", "Отрасль: код", "Регион", "Регион: код",
                          "Банк", "Заёмщик"]  # fmt: skip
    assert "Статус" in header and "Статус: код" in header
    assert header[-2:] == ["Сумма, USD", "Освоено, USD"]
    for name in wb.sheetnames[1:]:
        h, _ = sheet(wb, name)
        assert not MACHINE & set(h) and not {"Версия", "Изменено"} & set(h), name
    col = {h: i for i, h in enumerate(header)}
    data, total = rows[:-1], rows[-1]
    assert len(data) == demo_store.count("projects")
    by_code = {r["code"]: r for r in demo_store.rows("projects")}
    sectors = {r["code"]: r["name_ru"] for r in demo_store.rows("sectors")}
    for r in data:
        p = by_code[r[col["Код"]]]
        assert r[col["Отрасль: код"]] == p["sector"] and r[col["Отрасль"]] == sectors[p["sector"]]
        assert r[col["Статус: код"]] == p["status"]
    statuses = {r[col["Статус"]] for r in data}
    assert "Завершён" in statuses and "completed" not in statuses
    # Amounts in the reporting currency (the rate of the as-of date), and the total row under them.
    conv = portfolio.converter(demo_store, currency="USD", as_of=AS_OF)
    for r in data:
        p = by_code[r[col["Код"]]]
        want = conv.convert(Decimal(p["amount"]).scaleb(-2), p["currency"])
        assert abs(Decimal(repr(r[col["Сумма, USD"]])) - want) <= Decimal("0.005")
    # The total row: the window's totals to the cent, and what the column sums to.
    assert total[0] == "Итого" and all(v is None for v in total[1 : col["Сумма, USD"]])
    t = portfolio.totals(demo_store, kind="projects", currency="USD", as_of=AS_OF)
    for head, measure in (("Сумма, USD", "amount"), ("Освоено, USD", "disbursed")):
        assert Decimal(f"{total[col[head]]:.2f}") == t.sums[measure]
        column_sum = sum(r[col[head]] or 0 for r in data)
        assert f"{column_sum:.2f}" == f"{total[col[head]]:.2f}"
    assert any(isinstance(r[col["Сумма, USD"]], float) and by_code[r[0]]["currency"] != "USD"
               for r in data)  # fmt: skip
    # Reference sheets: names in the reader's language as well.
    h, zones = sheet(wb, "Зоны")
    assert h == ["Название", "Вид", "Вид: код"]
    assert {z[2] for z in zones} <= {"industrial_park", "sez", "fez"} and "fez" not in {
        z[1] for z in zones
    }
    wb.close()


def test_the_summary_names_the_filter_and_the_key_figures(demo_store, tmp_path):
    out = tmp_path / "f.xlsx"
    flt = Filter(status=("completed",))
    export_snapshot(demo_store, fmt="xlsx", out=out, kind="projects", flt=flt, user="t",
                    as_of=AS_OF, lang="ru", filter_text="Статус: Завершён")  # fmt: skip
    wb = openpyxl.load_workbook(out, read_only=True)
    assert wb.sheetnames == ["Сводка", "Проекты"]
    summary = {r[0]: r[1] for r in wb["Сводка"].iter_rows(values_only=True) if r[0]}
    wb.close()
    t = portfolio.totals(demo_store, kind="projects", flt=flt, currency="USD", as_of=AS_OF)
    assert summary["Фильтр"] == "Статус: Завершён"
    assert summary["На дату"] == dt.datetime(2025, 12, 31)
    assert summary["Проекты"] == demo_store.count("projects", flt)
    assert Decimal(f"{summary['Проекты: сумма соглашений']:.2f}") == t.sums["amount"]
    assert summary["Валюта отчёта"] == "USD"
    assert dt.datetime.strptime(
        summary["Снят (UTC)"], "%Y-%m-%d %H:%M:%S"
    )  # not ISO with a T and a Z


IMPORT_ORDER = ("banks", "zones", "countries", "sectors", "regions", "fx_rates", "projects",
                "project_updates", "residents", "ventures", "disbursement_plans")  # fmt: skip


def data(store: Store) -> dict[str, list[list]]:
    out = {}
    for t in MAIN_TABLES + REFERENCE_TABLES:
        keep = [i for i, c in enumerate(columns(t)) if c not in MACHINE]
        out[t] = [[r[i] for i in keep] for r in records(store, t, None)]
    return out


@pytest.mark.parametrize("lang", ["ru", "zh"])
def test_a_translated_workbook_imports_back_as_it_was(demo_store, tmp_path, lang):
    out = tmp_path / f"{lang}.xlsx"
    export_snapshot(demo_store, fmt="xlsx", out=out, user="t", lang=lang)
    fresh = Store.open(tmp_path / "again.sqlite3", create=True, backup=False)
    try:
        for table in IMPORT_ORDER:
            plan = importer.plan_import(fresh, kind=table, path=out)
            assert plan.errors == [], (table, plan.errors[:3])
            importer.commit_plan(fresh, plan, user="t")
        assert data(fresh) == data(demo_store)
    finally:
        fresh.close(backup=False)


def test_a_users_sheet_with_a_code_column_reads_it_as_the_field():
    header = ["Code", "Name", "Sector", "Sector code", "Status", "Amount, USD", "Borrower"]
    assert export_book.readable_header("projects", header) == [
        "Code", "Name", "", "sector", "Status", "", "Borrower"]  # fmt: skip
    assert export_book.is_total_row("Итого", [None, 12.5, None])
    assert not export_book.is_total_row("Total", ["A name", 12.5])


def test_the_plans_total_converts_each_currencys_sum(demo_store, tmp_path):
    out = tmp_path / "plans.xlsx"
    export_snapshot(demo_store, fmt="xlsx", out=out, kind="plans", user="t", as_of=AS_OF)
    wb = openpyxl.load_workbook(out, read_only=True)
    header, rows = sheet(wb, "Disbursement plans")
    wb.close()
    total = rows[-1]
    assert total[0] == "Total" and len(rows) - 1 == demo_store.count("disbursement_plans")
    sums: dict[str, Decimal] = {}
    for p in demo_store.rows("disbursement_plans"):
        if p["currency"]:
            sums[p["currency"]] = sums.get(p["currency"], Decimal(0)) + Decimal(p["amount"]).scaleb(
                -2
            )
    conv = portfolio.converter(demo_store, currency="USD", as_of=AS_OF)
    want = conv.total(sorted(sums.items()))
    assert Decimal(f"{total[header.index('Planned amount, USD')]:.2f}") == want
