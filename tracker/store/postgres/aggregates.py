"""Aggregates for charts, footers and key figures, computed by the server.

The same answers as :mod:`tracker.store.aggregates` gives for a file (a parity
test holds them equal on the demo portfolio). Filters on columns are answered
from the file's "cube" (:func:`tracker.store.aggregates.cube`): one GROUP BY
over every filter column, a few thousand rows of counts and sums, read once
and kept while the server's snapshot shows no write (each chart's own GROUP BY
over a million projects took 0.15-0.4 s, the cube's read takes that once and a
filter change then picks cube rows). What the cube cannot answer (search text,
ids) is one GROUP BY over what the filter selects; never the rows into the
client. Sums come back as exact integers (``::bigint``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tracker.domain.filters import Filter
from tracker.store import aggregates as kept
from tracker.store.aggregates import PROJECT_BAR_COLUMNS
from tracker.store.migrations import _INDEXES

_DATED = "start_date IS NOT NULL AND planned_end IS NOT NULL"
#: Sum expressions by name (as the file's cube names them).
_SUMS = {
    "projects": {
        "n": "count(*)",
        "amount": "sum(amount)::bigint",
        "disbursed": "sum(disbursed)::bigint",
        "dated": f"count(*) FILTER (WHERE {_DATED})",
    },
    "residents": {"n": "count(*)", "declared": "sum(declared_investment)::bigint"},
    "ventures": {"n": "count(*)"},
}


class ServerAggregates:
    """Mixin of :class:`tracker.store.postgres.store.PgStore`."""

    def _where_sql(self, table: str, flt: Filter | None, *extra: str) -> tuple[str, list[Any]]:
        where, params = self.where(table, flt or Filter())  # type: ignore[attr-defined]
        parts = [p for p in (where, *extra) if p]
        return (" WHERE " + " AND ".join(f"({p})" for p in parts)) if parts else "", params

    def _grouped(self, table: str, flt: Filter | None, keys: Sequence[str],
                 sums: Sequence[str]) -> list[dict[str, Any]]:  # fmt: skip
        cubed = kept._cube_group(self, table, flt, keys, sums)  # type: ignore[arg-type]
        if cubed is not None:
            return cubed
        where, params = self._where_sql(table, flt)
        cols = ", ".join(keys)
        select = ", ".join([cols, *(f"{_SUMS[table][s]} AS {s}" for s in sums)])
        order = ", ".join(f"{k} NULLS LAST" for k in keys)
        return self._all(  # type: ignore[attr-defined]
            f"SELECT {select} FROM {table}{where} GROUP BY {cols} ORDER BY {order}", params
        )

    def _names(self, table: str, key: str, columns: str) -> dict[Any, dict[str, Any]]:
        return {r[key]: r for r in self._all(f"SELECT {key}, {columns} FROM {table}")}  # type: ignore[attr-defined]

    def totals_by_currency(self, table: str, columns: Sequence[str],
                           flt: Filter | None = None) -> list[dict[str, Any]]:  # fmt: skip
        cubed = kept.sums_by_currency(self, table, columns, flt)  # type: ignore[arg-type]
        return cubed if cubed is not None else self.sums_by_currency(table, columns, flt)  # type: ignore[attr-defined]

    def projects_by_status(self, flt: Filter | None = None) -> list[dict[str, Any]]:
        return self._grouped("projects", flt, ["status", "currency"], ["n", "amount", "disbursed"])

    def projects_by_sector(self, flt: Filter | None = None) -> list[dict[str, Any]]:
        names = self._names("sectors", "code", "name_en, name_ru, name_zh")
        rows = self._grouped("projects", flt, ["sector", "currency"], ["n", "amount", "disbursed"])
        return [{**names.get(r["sector"], {}), **r} for r in rows]

    def projects_by_bank(self, flt: Filter | None = None) -> list[dict[str, Any]]:
        names = self._names("banks", "id", "name, short_name")
        rows = self._grouped("projects", flt, ["bank_id", "currency"], ["n", "amount", "disbursed"])
        return [{"name": None, "short_name": None, **names.get(r["bank_id"], {}), **r}
                for r in rows]  # fmt: skip

    def project_counts_by_currency(self, flt: Filter | None = None, *,
                                   dated: bool = False) -> dict[str, int]:  # fmt: skip
        col = "dated" if dated else "n"
        cubed = kept._cube_group(self, "projects", flt, ["currency"], [col])  # type: ignore[arg-type]
        if cubed is not None:
            return {g["currency"]: g[col] or 0 for g in cubed}
        where, params = self._where_sql("projects", flt, *((_DATED,) if dated else ()))
        rows = self._all(  # type: ignore[attr-defined]
            f"SELECT currency, count(*) AS n FROM projects{where} GROUP BY currency", params
        )
        return {r["currency"]: r["n"] for r in rows}

    def largest_projects(self, flt: Filter | None, *, currency: str, limit: int,
                         dated: bool = False, matching: int | None = None) -> list[dict[str, Any]]:  # fmt: skip
        where, params = self._where_sql("projects", flt, "currency = %s",
                                        *((_DATED,) if dated else ()))  # fmt: skip
        return self._all(  # type: ignore[attr-defined]
            f"SELECT {', '.join(PROJECT_BAR_COLUMNS)} FROM projects{where} "
            "ORDER BY amount DESC, id LIMIT %s",
            [*params, currency, int(limit)],
        )

    def project_bar(self, project_id: int, flt: Filter | None = None) -> dict[str, Any] | None:
        where, params = self._where_sql("projects", flt, "id = %s")
        rows = self._all(  # type: ignore[attr-defined]
            f"SELECT {', '.join(PROJECT_BAR_COLUMNS)} FROM projects{where}",
            [*params, int(project_id)],
        )
        return rows[0] if rows else None

    def disbursement_steps(self, flt: Filter | None = None) -> list[dict[str, Any]]:
        """Money disbursed per (update date, currency): each update's increase over the
        project's previous report (see the file's version for why)."""
        where, params = self.where("projects", flt or Filter())  # type: ignore[attr-defined]
        chosen = f"(SELECT id, currency FROM projects WHERE {where})" if where else "projects"
        return self._all(  # type: ignore[attr-defined]
            "WITH s AS (SELECT u.as_of, p.currency, u.disbursed - coalesce(lag(u.disbursed) OVER"
            " (PARTITION BY u.project_id ORDER BY u.as_of, u.id), 0) AS step"
            f" FROM project_updates u JOIN {chosen} p ON p.id = u.project_id"
            " WHERE u.disbursed IS NOT NULL)"
            " SELECT as_of AS date, currency, sum(step)::bigint AS step FROM s"
            " GROUP BY as_of, currency HAVING sum(step) <> 0 ORDER BY as_of, currency",
            params,
        )

    def residents_by_country(self, flt: Filter | None = None) -> list[dict[str, Any]]:
        names = self._names("countries", "code", "name_en, name_ru, name_zh")
        rows = self._grouped("residents", flt, ["country", "currency"], ["n", "declared"])
        return [{**names.get(r["country"], {}), **r} for r in rows]

    def residents_by_status(self, flt: Filter | None = None) -> list[dict[str, Any]]:
        return self._grouped("residents", flt, ["status"], ["n"])

    def ventures_by_sector_kind(self, flt: Filter | None = None) -> list[dict[str, Any]]:
        names = self._names("sectors", "code", "name_en, name_ru, name_zh")
        rows = self._grouped("ventures", flt, ["sector", "kind"], ["n"])
        return [{**names.get(r["sector"], {}), **r} for r in rows]

    def residents_by_zone(self) -> list[dict[str, Any]]:
        return self._all(  # type: ignore[attr-defined]
            "SELECT z.name AS zone, count(*) AS n, count(DISTINCT r.country) AS countries "
            "FROM residents r JOIN zones z ON z.id = r.zone_id GROUP BY z.name "
            "ORDER BY n DESC, z.name"
        )

    def distinct_count(self, table: str, column: str) -> int:
        self._check_col(table, column)  # type: ignore[attr-defined]
        return self._scalar(f'SELECT count(DISTINCT "{column}") AS n FROM {table}')  # type: ignore[attr-defined]

    def counts_by(self, table: str, column: str) -> dict[Any, int]:
        self._check_col(table, column)  # type: ignore[attr-defined]
        rows = self._all(f'SELECT "{column}" AS v, count(*) AS n FROM {table} GROUP BY 1')  # type: ignore[attr-defined]
        return {r["v"]: r["n"] for r in rows}

    def distinct_values(self, tables: str | Sequence[str], column: str) -> Any:
        """For one table, its non-NULL values of ``column`` ascending (a list, as the record
        view asks); for several, the set of values any of them holds (key figures)."""
        if isinstance(tables, str):
            self._check_col(tables, column)  # type: ignore[attr-defined]
            c = f'"{column}"'
            if column in _INDEXES.get(tables, ()):
                # A loose index scan: one seek per value over the column's index, where
                # DISTINCT reads every row (0.2-0.3 s at a million projects).
                sql = (f"WITH RECURSIVE d(v) AS (SELECT min({c}) FROM {tables} UNION ALL "
                       f"SELECT (SELECT min({c}) FROM {tables} WHERE {c} > d.v) FROM d "
                       "WHERE d.v IS NOT NULL) SELECT v FROM d WHERE v IS NOT NULL")  # fmt: skip
            else:
                sql = f"SELECT DISTINCT {c} AS v FROM {tables} WHERE {c} IS NOT NULL ORDER BY 1"
            return [r["v"] for r in self._all(sql)]  # type: ignore[attr-defined]
        for t in tables:
            self._check_col(t, column)  # type: ignore[attr-defined]
        sql = " UNION ".join(f'SELECT DISTINCT "{column}" AS v FROM {t}' for t in tables)
        return {r["v"] for r in self._all(sql)}  # type: ignore[attr-defined]

    def projects_disbursed_over_amount(self, *, limit: int = 20) -> list[str]:
        rows = self._all(  # type: ignore[attr-defined]
            "SELECT code FROM projects WHERE disbursed > amount ORDER BY code LIMIT %s",
            [int(limit)],
        )
        return [r["code"] for r in rows]

    # The cube read ahead on a worker's connection and adopted, as for a file.
    def aggregates_stamp(self) -> tuple[int, int]:
        return kept.cube_stamp(self)  # type: ignore[arg-type]

    def has_aggregates(self, table: str) -> bool:
        return kept.has_cube(table)

    def chart_aggregates(self, tables: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        return {t: kept.cube(self, t) for t in tables if kept.has_cube(t)}  # type: ignore[arg-type]

    def adopt_aggregates(self, rows: dict[str, list[dict[str, Any]]],
                         stamp: tuple[int, int]) -> None:  # fmt: skip
        for table, cube_rows in rows.items():
            kept.adopt_cube(self, table, cube_rows, stamp)  # type: ignore[arg-type]
