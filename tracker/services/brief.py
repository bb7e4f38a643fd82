"""The one-page project brief for meetings: identity, status and progress, amounts
in the project's currency and the reporting one, dates, plan against actual, the
last five updates with their notes and the reasons it needs attention.

The words come from the window's own translations (tracker.services.translations),
so ``tracker brief --language ru`` and the window's print preview say the same.
"""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from tracker import APP_NAME
from tracker.domain.codelists import STATUS_LABELS, builtin_name
from tracker.domain.filters import Filter
from tracker.domain.money import format_amount, from_minor
from tracker.services import attention, plans, portfolio
from tracker.services.progress import Progress, quiet
from tracker.services.translations import tr
from tracker.store import NotFound, Store, keeping

#: English source texts of the brief (context "Brief"), listed for the translators in
#: tracker/ui/brief_strings.py.
BRIEF = "Brief"


def _separators(lang: str) -> tuple[str, str]:
    return {"ru": ("\u00a0", ","), "zh": (",", ".")}.get(lang, (",", "."))


def money_text(minor: int | None, currency: str, lang: str) -> str:
    if minor is None:
        return "—"
    group, point = _separators(lang)
    return f"{format_amount(from_minor(minor), group=group, point=point)} {currency}"


def _decimal_text(value: Decimal | None, currency: str, lang: str) -> str:
    if value is None:
        return "—"
    group, point = _separators(lang)
    return f"{format_amount(value, group=group, point=point)} {currency}"


def chart_texts(lang: str) -> Any:
    from tracker.charts.data import PROJECT_STATUSES, ChartTexts

    def t(text: str) -> str:
        return tr(lang, "ChartTexts", text)

    group, point = _separators(lang)
    return ChartTexts(
        no_data=t("No data for this selection"), committed=t("Committed"), disbursed=t("Disbursed"),
        cumulative_disbursed=t("Cumulative disbursement"), total_committed=t("Committed: {amount}"),
        planned=t("Planned"), today=t("Today"), amount_axis=t("{what}, {unit} {currency}"),
        amount_axis_units=t("{what}, {currency}"), thousand=t("thousand"), million=t("million"),
        billion=t("billion"), decimal_sep=point, thousands_sep=group,
        status_names={c: tr(lang, "codelists", STATUS_LABELS[c]) for c in PROJECT_STATUSES},
    )  # fmt: skip


def brief_data(store: Store, *, project_id: int, currency: str = "USD", as_of: str | None = None,
               language: str = "en", today: str | None = None) -> Any:  # fmt: skip
    """The page's content for one project (tracker.charts.brief.BriefData)."""
    from tracker.charts.brief import BriefData
    from tracker.charts.plan_data import PlanData, PlanPoint

    lang = language
    p = store.get("projects", project_id)
    if p is None:
        raise NotFound("projects", project_id)
    today = today or dt.date.today().isoformat()
    as_of = as_of or today

    def b(text: str) -> str:
        return tr(lang, BRIEF, text)

    def f(label: str) -> str:
        return tr(lang, "Field", label)

    refs = {
        "bank": (store.get("banks", p["bank_id"]) or {}).get("name", ""),
        "sector": store.get("sectors", p["sector"]) or {},
        "region": store.get("regions", p["region"]) if p.get("region") else None,
    }
    sector = refs["sector"].get(f"name_{lang}") or refs["sector"].get("name_en") or p["sector"]
    region = ""
    if refs["region"]:
        region = (builtin_name(refs["region"], lang) or refs["region"].get(f"name_{lang}")
                  or refs["region"].get("name_en") or p["region"])  # fmt: skip
    status = tr(lang, "codelists", STATUS_LABELS.get(p["status"], p["status"]))
    identity = [
        (f("Code"), p["code"]),
        (f("Status"), status),
        (f("Progress, %"), f"{p['progress_pct']} %"),
        (f("Sector"), sector),
        (f("Region"), region or "—"),
        (f("Bank"), refs["bank"] or "—"),
        (f("Borrower"), p.get("borrower") or "—"),
        (f("Agreement date"), p.get("agreement_date") or "—"),
        (f("Start date"), p.get("start_date") or "—"),
        (f("Planned end"), p.get("planned_end") or "—"),
        (f("Actual end"), p.get("actual_end") or "—"),
    ]
    conv = portfolio.converter(store, currency=currency, as_of=as_of)
    cur = p["currency"]

    def both(minor: int | None) -> str:
        own = money_text(minor, cur, lang)
        if cur == conv.target or minor is None:
            return own
        other = conv.convert(from_minor(minor), cur)
        return f"{own}\n({_decimal_text(other, conv.target, lang) if other is not None else b('no exchange rate')})"

    planned_minor = keeping.planned_to_date(store, as_of=today).get(project_id)
    share = plans.share_of_plan(disbursed=p["disbursed"], planned=planned_minor)
    figures = [
        (f("Amount"), both(p["amount"])),
        (f("Disbursed"), both(p["disbursed"])),
        (b("Disbursed, % of committed"),
         f"{Decimal(p['disbursed'] or 0) * 100 / Decimal(p['amount']):.1f} %" if p["amount"] else "—"),
        (b("Planned by {date}").format(date=today),
         money_text(planned_minor, cur, lang) if planned_minor is not None else b("no plan")),
        (b("Disbursed, % of plan"), f"{share} %" if share is not None else "—"),
    ]  # fmt: skip
    wl = attention.worklist(store, today=today, flt=Filter(ids=(project_id,)))
    reasons = [
        f"{tr(lang, 'Attention', i.label)}: {i.detail}"
        for i in wl.items
        if i.table == "projects" or (i.table == "fx_rates" and i.record_id == cur)
    ]
    chart = None
    rows = keeping.plan_rows(store, project_id)
    if rows:
        s = plans.project_series(store, project_id=project_id)
        chart = PlanData(
            title=tr(lang, "ChartPane", "Disbursement: plan against actual"), currency=cur,
            planned=tuple(PlanPoint(date=dt.date.fromisoformat(d), amount=v) for d, v in s.planned),
            actual=tuple(PlanPoint(date=dt.date.fromisoformat(d), amount=v) for d, v in s.actual),
            today=dt.date.fromisoformat(today), committed_total=from_minor(p["amount"]),
        )  # fmt: skip
    updates = [
        (u["as_of"], tr(lang, "codelists", STATUS_LABELS.get(u["status"], u["status"])),
         f"{u['progress_pct']} %" if u["progress_pct"] is not None else "—",
         money_text(u["disbursed"], cur, lang), u.get("note") or "")
        for u in keeping.recent_updates(store, project_id, limit=5)
    ]  # fmt: skip
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some systems
        user = ""
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    return BriefData(
        title=f"{p['code']} — {p['name']}",
        subtitle=b("Project brief · as of {date} · {database}").format(date=as_of, database=store.name),
        identity=identity, figures=figures, attention_title=b("Needs attention"),
        attention=reasons, nothing_needed=b("Nothing needs attention."), chart=chart,
        no_plan=b("No disbursement plan."), updates_title=b("Last updates"),
        update_header=(b("As of"), f("Status"), f("Progress, %"), f("Disbursed"), b("Note")),
        updates=updates, no_updates=b("No updates yet."),
        footer=b("{app} · generated {when} by {user}").format(app=APP_NAME, when=stamp, user=user),
        texts=chart_texts(lang),
    )  # fmt: skip


def pages_of(store: Store, *, project_ids: Sequence[int], currency: str = "USD",
             as_of: str | None = None, language: str = "en", today: str | None = None,
             progress: Progress | None = None) -> list[Any]:  # fmt: skip
    """Each project's page content in the order given; ``progress`` counts the pages and
    may stop between them (a window's Cancel)."""
    progress = progress or quiet()
    pages = []
    for i, pid in enumerate(project_ids):
        progress(i, len(project_ids))
        pages.append(brief_data(store, project_id=pid, currency=currency, as_of=as_of,
                                language=language, today=today))  # fmt: skip
    return pages


def write_briefs(store: Store, *, project_ids: Sequence[int], out: Path, currency: str = "USD",
                 as_of: str | None = None, language: str = "en", today: str | None = None,
                 progress: Progress | None = None) -> int:  # fmt: skip
    """One PDF, a page per project (in the order given); written whole or not at all."""
    from tracker.charts.brief import write_pdf
    from tracker.safe_files import write_atomic

    pages = pages_of(store, project_ids=project_ids, currency=currency, as_of=as_of,
                     language=language, today=today, progress=progress)  # fmt: skip
    if progress is not None:
        progress.commit_point()
    return write_atomic(Path(out), lambda tmp: write_pdf(pages, tmp))
