"""Project updates: each moves the project's current status, progress and
disbursed amount; the history itself is never rewritten."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tracker.domain.fields import PROJECT_UPDATES, PROJECTS, RefIndex, stored_problems, validate
from tracker.domain.validation import ValidationError, ValidationErrors
from tracker.services.changes import Change
from tracker.services.progress import CHECKING, WRITING, Progress, quiet
from tracker.store import NotFound, Store, now_iso

MOVED = ("status", "progress_pct", "disbursed")


@dataclass
class AppliedUpdate:
    """What one update did, so it can be undone exactly."""

    update_id: int
    project_id: int
    project_before: dict[str, Any]  # moved fields before, empty if the project did not move
    project_version_after: int


@dataclass
class RoundResult:
    as_of: str
    applied: list[AppliedUpdate] = field(default_factory=list)

    @property
    def change(self) -> Change:
        return Change("project_updates", tuple(a.update_id for a in self.applied), "round")


def _check(
    store: Store, raw: Mapping[str, Any], *, row: int | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Validate one update against its project; returns (clean update, project row)."""
    pid = raw.get("project_id")
    project = store.get("projects", pid) if pid is not None else None
    if project is None:
        raise ValidationErrors([ValidationError("project", f"no project with id {pid}", row)])
    broken = stored_problems(PROJECTS, project)
    if broken:  # written by another program: nothing may be computed from it
        name, why = next(iter(broken.items()))
        raise ValidationErrors([ValidationError("project", (
            f"project {project['code']}: its stored {name} {project[name]!r} {why} (written by "
            "another program); correct the project first, nothing was written"), row)])  # fmt: skip
    values = dict(raw)
    values.setdefault("as_of", dt.date.today().isoformat())
    for f in ("status", "progress_pct", "disbursed"):
        if values.get(f) in (None, ""):
            values[f] = project[f] if f != "disbursed" else _decimal_text(project["disbursed"])
    refs = RefIndex(projects={project["code"].lower(): project["id"]})
    clean = validate(PROJECT_UPDATES, values, refs, row=row)
    errors = _date_slips(clean["as_of"], project, row)
    if clean["disbursed"] is not None and clean["disbursed"] > project["amount"]:
        errors.append(
            ValidationError("disbursed", "must not exceed the committed amount of the project", row)
        )
    if clean["status"] == "pipeline" and clean["disbursed"]:
        errors.append(
            ValidationError("disbursed", "must be 0 for a project still in the pipeline", row)
        )
    if errors:
        raise ValidationErrors(errors)
    return clean, project


def _date_slips(as_of: str, project: Mapping[str, Any], row: int | None) -> list[ValidationError]:
    """A slip of the hand in the date: an update from the future, or from before the
    project's agreement (nothing could be reported then)."""
    today = dt.date.today().isoformat()
    if as_of > today:
        return [ValidationError("as_of", f"must not be in the future (today is {today})", row)]
    agreed = project.get("agreement_date")
    if agreed and as_of < agreed:
        return [ValidationError("as_of", f"must not be before the project's agreement date "
                                         f"({agreed})", row)]  # fmt: skip
    return []


def check_update(store: Store, *, project_id: int, values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate an update without writing (a form's or the CLI's check before saving);
    raises ValidationErrors naming each bad field. Returns the cleaned update."""
    clean, _project = _check(store, {**values, "project_id": project_id})
    return clean


#: An update whose progress moves more than this many points at once is asked about.
PROGRESS_JUMP = 50


@dataclass(frozen=True)
class Oddity:
    """Something allowed but unusual in an update, asked about before it is kept.

    ``kind`` is one of disbursed_down, completed_below_100, same_date, progress_jump;
    ``before``/``after`` are the values compared (minor units for money).
    """

    kind: str
    field: str
    before: Any = None
    after: Any = None


def oddities(store: Store, *, project_id: int, values: Mapping[str, Any]) -> list[Oddity]:
    """The unusual in an update against its project (none for an update that is invalid:
    its errors are said when it is saved). Hard rules stay in ``_check``."""
    try:
        clean, project = _check(store, {**values, "project_id": project_id})
    except ValidationErrors:
        return []
    out: list[Oddity] = []
    before, after = project.get("disbursed"), clean.get("disbursed")
    if before is not None and after is not None and after < before:
        out.append(Oddity("disbursed_down", "disbursed", before, after))
    progress = clean.get("progress_pct")
    if clean.get("status") == "completed" and progress is not None and progress < 100:
        out.append(Oddity("completed_below_100", "progress_pct", 100, progress))
    was = project.get("progress_pct")
    if was is not None and progress is not None and progress - was > PROGRESS_JUMP:
        out.append(Oddity("progress_jump", "progress_pct", was, progress))
    if any(h["as_of"] == clean["as_of"] for h in history(store, project_id)):
        out.append(Oddity("same_date", "as_of", clean["as_of"], clean["as_of"]))
    return out


def _decimal_text(minor: int | None) -> str | None:
    from tracker.domain.money import from_minor

    d = from_minor(minor)
    return None if d is None else str(d)


def _apply(store: Store, clean: dict[str, Any], project: dict[str, Any], *, user: str,
           expected_version: int | None) -> AppliedUpdate:  # fmt: skip
    with store.write():
        latest = store.max_of("project_updates", "as_of", where={"project_id": project["id"]})
        uid = store.insert("project_updates", {**clean, "entered_at": now_iso()}, user=user)
        before: dict[str, Any] = {}
        version_after = project["version"]
        if latest is None or clean["as_of"] >= latest:
            moved = {f: clean[f] for f in MOVED if clean[f] is not None}
            if clean["status"] == "completed" and not project.get("actual_end"):
                moved["actual_end"] = clean["as_of"]
            before = {f: project[f] for f in moved}
            after = store.update("projects", project["id"], moved, expected_version=expected_version,
                                 user=user, action="update_from_progress")  # fmt: skip
            version_after = after["version"]
    return AppliedUpdate(uid, project["id"], before, version_after)


def add_update(store: Store, *, project_id: int, values: Mapping[str, Any], user: str,
               expected_version: int | None = None) -> tuple[Change, AppliedUpdate]:  # fmt: skip
    """Record one update; the project moves to it unless it is back-dated behind a newer one."""
    clean, project = _check(store, {**values, "project_id": project_id})
    if not clean.get("author"):
        clean["author"] = user
    applied = _apply(store, clean, project, user=user, expected_version=expected_version)
    return Change("project_updates", (applied.update_id,), "insert"), applied


def undo_update(store: Store, applied: AppliedUpdate, *, user: str) -> Change:
    """Take back an update just entered: remove it and put the project back."""
    with store.write():
        if applied.project_before:
            store.update("projects", applied.project_id, applied.project_before,
                         expected_version=applied.project_version_after, user=user,
                         action="undo_update")  # fmt: skip
        store.delete("project_updates", applied.update_id, expected_version=None, user=user)
    return Change("project_updates", (applied.update_id,), "delete")


def redo_update(
    store: Store, applied: AppliedUpdate, row: Mapping[str, Any], *, user: str
) -> AppliedUpdate:
    """Enter again an update that was undone (with its original id)."""
    project = store.get("projects", applied.project_id)
    if project is None:
        raise NotFound("projects", applied.project_id)
    clean = {
        k: row[k]
        for k in ("project_id", "as_of", "status", "progress_pct", "disbursed", "note", "author")
    }
    clean["id"] = applied.update_id
    return _apply(store, clean, project, user=user, expected_version=None)


def round_projects(store: Store) -> list[dict[str, Any]]:
    """Projects followed in an update round: all not completed or cancelled, by code."""
    from tracker.domain.codelists import ACTIVE_PROJECT_STATUSES

    return store.rows("projects", where={"status": ACTIVE_PROJECT_STATUSES}, order="code")


def apply_round(
    store: Store,
    *,
    as_of: str,
    entries: Sequence[Mapping[str, Any]],
    user: str,
    progress: Progress | None = None,
) -> RoundResult:
    """A month's updates for many projects, all or nothing.

    ``entries`` carry ``project_id`` and any of status, progress_pct, disbursed,
    note (and optionally ``version``: the project version the grid was filled
    from, so a project changed meanwhile is refused rather than overwritten).
    Errors name the grid row (1-based) and the field. ``progress`` hears the rows
    checked and written; a cancel before the commit writes nothing.
    """
    progress = progress or quiet()
    checked = []
    errors: list[ValidationError] = []
    n = len(entries)
    for i, e in enumerate(entries, start=1):
        progress(i - 1, n, CHECKING)
        try:
            clean, project = _check(store, {**e, "as_of": as_of}, row=i)
            if e.get("version") is not None and project["version"] != e["version"]:
                errors.append(
                    ValidationError(
                        "project",
                        f"{project['code']} was changed by someone else; reload the round",
                        i,
                    )
                )
                continue
            clean["author"] = clean.get("author") or user
            checked.append((clean, project, e.get("version")))
        except ValidationErrors as exc:
            errors.extend(exc.errors)
    if errors:
        raise ValidationErrors(errors)
    result = RoundResult(as_of)
    with store.write():
        for i, (clean, project, version) in enumerate(checked):
            progress(i, n, WRITING)
            result.applied.append(_apply(store, clean, store.get("projects", project["id"]) or project,
                                         user=user, expected_version=version))  # fmt: skip
        progress.commit_point()
    return result


def undo_round(store: Store, result: RoundResult, *, user: str) -> Change:
    with store.write():
        for a in reversed(result.applied):
            undo_update(store, a, user=user)
    return result.change


def history(store: Store, project_id: int) -> list[dict[str, Any]]:
    """Updates of one project, newest first."""
    return store.rows(
        "project_updates", where={"project_id": project_id}, order="as_of DESC, id DESC"
    )
