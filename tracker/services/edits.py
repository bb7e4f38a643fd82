"""Create, edit and delete records of every kind: validate, write once, audit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tracker.domain.fields import (
    MONEY,
    PROJECTS,
    RefIndex,
    clean_value,
    cross_checks,
    kind_of,
    validate,
)
from tracker.domain.money import from_minor
from tracker.domain.validation import ValidationError, ValidationErrors
from tracker.services.changes import Change
from tracker.store import ConstraintViolation, Store, pk_of

#: Values a new record gets when the person leaves them empty.
DEFAULTS = {
    "projects": {"disbursed": 0, "progress_pct": 0, "currency": "USD", "status": "pipeline"},
    "residents": {"currency": "USD", "status": "registered"},
    "ventures": {"currency": "USD", "status": "active", "partner_country": "CN"},
}


def _with_defaults(table: str, values: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(values)
    for k, v in DEFAULTS.get(table, {}).items():
        if out.get(k) in (None, ""):
            out[k] = v
    return out


def _unique_error(
    store: Store, table: str, exc: ConstraintViolation, values: Mapping[str, Any]
) -> ValidationErrors:
    """Turn a constraint failure into a message naming the field."""
    if exc.kind == "unique":
        col = exc.column
        if table == "fx_rates":
            return ValidationErrors(
                [ValidationError("date", "a rate for this currency and date exists already")]
            )
        return ValidationErrors(
            [ValidationError(col, f"'{values.get(col)}' is already used by another record")]
        )
    if exc.kind == "foreign_key":
        return ValidationErrors(
            [ValidationError("id", "is still used by other records (or links to a missing one)")]
        )
    return ValidationErrors([ValidationError("record", str(exc))])


def _checked(store: Store, k: Any, values: Mapping[str, Any], refs: RefIndex,
             pk: Any = None) -> dict[str, Any]:  # fmt: skip
    """``validate``, and a key another record holds named in the same go (not after a
    second save that reaches the database's UNIQUE constraint)."""
    errors: list[ValidationError] = []
    clean: dict[str, Any] = {}
    try:
        clean = validate(k, values, refs)
    except ValidationErrors as exc:
        errors = list(exc.errors)
        # Rules between fields on the fields that are good, so one save names every problem
        # (a field already wrong is not blamed twice).
        bad = {e.field for e in errors}
        good = {}
        for f in k.fields:
            try:
                good[f.name] = clean_value(f, values.get(f.name), refs)
            except ValueError:
                continue
        errors += [ValidationError(fld, msg) for fld, msg in cross_checks(k.name, good)
                   if fld not in bad]  # fmt: skip
    key = k.key
    if key != "id" and key in {f.name for f in k.fields} and key not in {e.field for e in errors}:
        value = clean.get(key) if clean else values.get(key)
        if isinstance(value, str):
            value = value.strip()
        other = store.get_by(k.name, key, value) if value not in (None, "") else None
        if other is not None and other.get(pk_of(k.name)) != pk:
            errors.append(ValidationError(key, f"'{value}' is already used by another record"))
    if errors:
        raise ValidationErrors(errors)
    return clean


def create_record(store: Store, *, kind: str, values: Mapping[str, Any], user: str,
                  refs: RefIndex | None = None) -> tuple[Change, Any]:  # fmt: skip
    """Validate and insert a record; returns the Change and the new primary key."""
    k = kind_of(kind)
    refs = refs or store.ref_index()
    clean = _checked(store, k, _with_defaults(k.name, values), refs)
    if k.name == "project_updates":
        raise ValueError("use services.updates.add_update for project updates")
    try:
        pk = store.insert(k.name, clean, user=user)
    except ConstraintViolation as exc:
        raise _unique_error(store, k.name, exc, clean) from exc
    return Change(k.name, (pk,), "insert"), pk


def edit_record(store: Store, *, kind: str, pk: Any, values: Mapping[str, Any], expected_version: int | None,
                user: str, refs: RefIndex | None = None) -> tuple[Change, dict[str, Any]]:  # fmt: skip
    """Validate the edited fields together with the rest of the record and save them.

    Raises ValidationErrors (nothing written) or StaleWrite (someone else saved first).
    """
    k = kind_of(kind)
    current = store.get(k.name, pk)
    if current is None:
        from tracker.store import NotFound

        raise NotFound(k.name, pk)
    refs = refs or store.ref_index()
    # Stored money is in minor units; validation reads decimal units like the user types.
    merged = {f.name: from_minor(current.get(f.name)) if f.type == MONEY else current.get(f.name)
              for f in k.fields}  # fmt: skip
    given = {}
    for name, v in values.items():
        f = k.field(name)
        given[f.name] = v
    merged.update(given)
    clean = _checked(store, k, merged, refs, pk)
    changed = {name: clean[name] for name in given}
    try:
        after = store.update(k.name, pk, changed, expected_version=expected_version, user=user)
    except ConstraintViolation as exc:
        raise _unique_error(store, k.name, exc, clean) from exc
    return Change(k.name, (after[pk_of(k.name)],), "update"), after


def delete_record(store: Store, *, kind: str, pk: Any, expected_version: int | None,
                  user: str) -> tuple[Change, dict[str, Any]]:  # fmt: skip
    """Delete a record. A project goes with its update history (kept for undo);
    a reference record still in use is refused with the reason."""
    k = kind_of(kind)
    removed: dict[str, Any] = {}
    with store.write():
        if k.name == "projects":
            removed["project_updates"] = store.rows("project_updates", where={"project_id": pk})
            for u in removed["project_updates"]:
                store.delete("project_updates", u["id"], expected_version=None, user=user)
            removed["disbursement_plans"] = store.rows(
                "disbursement_plans", where={"project_id": pk}
            )
            for r in removed["disbursement_plans"]:
                store.delete("disbursement_plans", r["id"], expected_version=None, user=user)
        try:
            removed["row"] = store.delete(k.name, pk, expected_version=expected_version, user=user)
        except ConstraintViolation as exc:
            raise ValidationErrors(
                [
                    ValidationError(
                        pk_of(k.name),
                        f"cannot delete: other records still use this {k.singular.lower()}",
                    )
                ]
            ) from exc
    return Change(k.name, (pk,), "delete"), removed


def restore_deleted(store: Store, *, kind: str, removed: Mapping[str, Any], user: str) -> Change:
    """Undo of a delete: the row and its history come back with their own ids."""
    k = kind_of(kind)
    with store.write():
        pk = store.restore_row(k.name, removed["row"], user=user)
        for u in removed.get("project_updates", []):
            store.restore_row("project_updates", u, user=user)
        for r in removed.get("disbursement_plans", []):
            store.restore_row("disbursement_plans", r, user=user)
    return Change(k.name, (pk,), "insert")


def editable_fields(kind: str) -> tuple[str, ...]:
    return kind_of(kind).names


__all__ = ["PROJECTS", "create_record", "delete_record", "edit_record", "restore_deleted"]
