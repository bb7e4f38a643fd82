"""Write disbursement_plans.csv: half-yearly planned disbursements for the demo's
projects under implementation (sample data), derived from projects.csv and
project_updates.csv so the plans are plausible: most projects on track (the plan
a little ahead of what was paid), every third one behind (paid about 60-70 % of
what was planned by now). Deterministic: run it again, get the same file.

    python db/demo/make_plans.py
"""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
TODAY = dt.date(2026, 11, 20)  # as make_demo.py: the last date any "as of" value may take


def cents(text: str) -> int:
    return int(Decimal(text) * 100)


def half_years(start: dt.date, end: dt.date) -> list[dt.date]:
    out, y = [], start.year
    while True:
        for m, d in ((6, 30), (12, 31)):
            day = dt.date(y, m, d)
            if day > start and (not out or out[-1] < end):
                out.append(day)
        if out and out[-1] >= end:
            return out
        y += 1


def actual_at(series: list[tuple[str, int]], day: dt.date) -> int:
    v = 0
    for d, x in series:
        if d > day.isoformat():
            break
        v = x
    return v


def main() -> None:
    projects = list(csv.DictReader((HERE / "projects.csv").open(encoding="utf-8-sig")))
    series: dict[str, list[tuple[str, int]]] = {}
    for u in csv.DictReader((HERE / "project_updates.csv").open(encoding="utf-8-sig")):
        if u["disbursed"]:
            series.setdefault(u["project"], []).append((u["as_of"], cents(u["disbursed"])))
    rows = []
    active = [p for p in projects if p["status"] == "implementation"]
    for n, p in enumerate(active):
        amount = cents(p["amount"])
        start = dt.date.fromisoformat(p["start_date"] or p["agreement_date"])
        end = dt.date.fromisoformat(p["planned_end"])
        dates = half_years(start, end)
        s = sorted(series.get(p["code"], []))
        behind = n % 3 == 1
        paid = actual_at(s, TODAY)
        if not paid:
            continue
        target = min(Decimal(paid) / Decimal("0.65"), Decimal(amount) * Decimal("0.95")) \
            if behind else Decimal(paid) * Decimal("1.04")  # fmt: skip
        cumulative = []
        for day in dates:
            if day <= TODAY:  # an even pace from the start to what was due by now
                v = int(target * Decimal((day - start).days) / Decimal((TODAY - start).days))
            else:  # straight on to the committed amount at the planned end
                last_day, last_v = cumulative[-1] if cumulative else (start, 0)
                left = [d for d in dates if d > last_day]
                v = last_v + (amount - last_v) * (left.index(day) + 1) // len(left)
            v = min(amount, max(v, cumulative[-1][1] if cumulative else 0))
            v = v // 100_000 * 100_000  # whole thousands
            cumulative.append((day, v))
        cumulative[-1] = (cumulative[-1][0], amount)
        prev = 0
        for day, v in cumulative:
            if v > prev:
                note = "tranche per the disbursement schedule (sample)"
                rows.append([p["code"], day.isoformat(), f"{(v - prev) // 100}.{(v - prev) % 100:02d}",
                             p["currency"], note])  # fmt: skip
            prev = v
    with (HERE / "disbursement_plans.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["project", "date", "amount", "currency", "note"])
        w.writerows(rows)
    print(f"disbursement_plans.csv: {len(rows)} rows for {len(active)} projects")


if __name__ == "__main__":
    main()
