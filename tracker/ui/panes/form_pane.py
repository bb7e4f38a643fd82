"""The form pane: typed editors built from the kind's field list, inline
validation messages beside each field, Save/Revert/Delete through undoable
commands, and a warning before unsaved edits are lost."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.fields import (
    COUNTRY,
    CURRENCY,
    DATE,
    ENUM,
    INT,
    LONGTEXT,
    MONEY,
    REAL,
    REF,
    REGION,
    SECTOR,
    Field,
    kind_of,
    stored_value_problem,
)
from tracker.domain.validation import ValidationError, ValidationErrors
from tracker.services.changes import Change
from tracker.services.edits import DEFAULTS
from tracker.services.undo import CreateCommand, DeleteCommand, EditCommand
from tracker.store import NotFound, StaleWrite, StoreError, pk_of
from tracker.ui.context import AppContext
from tracker.ui.messages import tr_error, tr_message
from tracker.ui.models.lookups import Lookups
from tracker.ui.models.record_model import format_number
from tracker.ui.widgets import ChoiceCombo, DateEdit, MoneyEdit
from tracker.ui.widgets.editors import ERROR_STYLE, money_text

# Starts a note beside a field that is no error (the value may be saved as it is).
CODE_HINT_MARK = "ℹ "

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
#: Labels wider than this many average characters wrap onto a second line.
LABEL_MAX_CHARS = 20


def two_lines(text: str, fm: QFontMetrics) -> str:
    """A long label (Russian "Дата кредитного соглашения") on two lines, broken at the
    space that makes the longer line shortest, rather than narrowing every editor."""
    if fm.horizontalAdvance(text) <= LABEL_MAX_CHARS * fm.averageCharWidth() or " " not in text:
        return text
    spaces = [i for i, c in enumerate(text) if c == " "]
    best = min(spaces, key=lambda i: max(fm.horizontalAdvance(text[:i]),
                                         fm.horizontalAdvance(text[i + 1 :])))  # fmt: skip
    return text[:best] + "\n" + text[best + 1 :]


# ------------------------------------------------------------------ seams for tests
def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """Yes/No question; tests monkeypatch this instead of clicking a box."""
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def ask_unsaved(parent: QWidget | None, text: str) -> str:
    """Save / Discard / Cancel before edits would be lost; returns SAVE, DISCARD or CANCEL."""
    box = QMessageBox.warning(
        parent,
        QCoreApplication.translate("FormPane", "Unsaved changes"),
        text,
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
    return {QMessageBox.StandardButton.Save: SAVE,
            QMessageBox.StandardButton.Discard: DISCARD}.get(box, CANCEL)  # fmt: skip


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


class FormPane(QWidget):
    #: Emitted after a successful save/create with the record's primary key.
    saved = Signal(object)
    #: Emitted when the form starts or stops holding unsaved edits.
    dirtyChanged = Signal(bool)
    #: Emitted when what Save/Revert/Delete may do changes (record loaded, new, dirty).
    stateChanged = Signal()

    def __init__(self, ctx: AppContext, kind: str, lookups: Lookups, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recordForm")
        self.ctx = ctx
        self.kind = kind_of(kind)
        self.pk_name = pk_of(self.kind.name)
        self.lookups = lookups
        self.pk: Any = None
        self.row: dict[str, Any] | None = None
        self.is_new = False
        self._loading = False
        self._dirty = False
        self._initial: dict[str, Any] = {}
        self.editors: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.history = None
        self._build()
        self._fill_choices()
        self.ctx.changed.connect(self._on_changed)
        self.load(None)

    # ----------------------------------------------------------------- build
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 0, 0, 0)
        self.title = QLabel(self)
        self.title.setObjectName("formTitle")
        f = self.title.font()
        f.setPointSizeF(f.pointSizeF() * 1.2)
        f.setBold(True)
        self.title.setFont(f)
        self.title.setWordWrap(True)
        outer.addWidget(self.title)
        self.read_only_label = QLabel(self)
        self.read_only_label.setObjectName("readOnlyReason")
        self.read_only_label.setWordWrap(True)
        self.read_only_label.setStyleSheet(
            "background: #FFF4CE; color: #5C4400; border: 1px solid #E0C060; padding: 4px;"
        )
        self.read_only_label.hide()
        outer.addWidget(self.read_only_label)
        self.form_error = QLabel(self)
        self.form_error.setObjectName("formError")
        self.form_error.setWordWrap(True)
        self.form_error.setStyleSheet(ERROR_STYLE)
        self.form_error.hide()
        outer.addWidget(self.form_error)
        from tracker.ui.panes.changed_banner import ChangedBanner

        self.changed_banner = ChangedBanner(self)  # another user's save on a team server
        self.changed_banner.reloadRequested.connect(lambda: self.load(self.pk))
        outer.addWidget(self.changed_banner)

        body = QWidget()
        body_lay = QVBoxLayout(body)
        body_lay.setContentsMargins(0, 0, 4, 0)
        form = QFormLayout()
        body_lay.addLayout(form)
        body_lay.addStretch(1)  # rows keep their height; spare room goes below the last one
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for fld in self.kind.fields:
            editor = self._make_editor(fld)
            editor.setObjectName(fld.name)
            self.editors[fld.name] = editor
            err = QLabel(body)
            err.setObjectName(f"{fld.name}_error")
            err.setStyleSheet(ERROR_STYLE)
            err.setWordWrap(True)
            err.hide()
            self.error_labels[fld.name] = err
            cell = QWidget(body)
            cl = QVBoxLayout(cell)
            cl.setContentsMargins(0, 0, 0, 0)
            cl.setSpacing(1)
            cl.addWidget(editor)
            cl.addWidget(err)
            label = QCoreApplication.translate("Field", fld.label)
            lbl = QLabel(label + (" *" if fld.required else ""), body)
            lbl.setText(two_lines(lbl.text(), lbl.fontMetrics()))
            lbl.setBuddy(editor)
            if fld.help:
                lbl.setToolTip(fld.help)
            form.addRow(lbl, cell)
        if self.kind.name == "projects" and "code" in self.editors:
            self.editors["code"].textEdited.connect(self._code_hint)  # type: ignore[attr-defined]
        scroll = QScrollArea(self)
        scroll.setObjectName("formScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New"), self)
        self.new_button.setObjectName("newButton")
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.revert_button.setObjectName("revertButton")
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setObjectName("deleteButton")
        self.new_button.clicked.connect(self.new_record)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.delete_button.clicked.connect(self.delete)
        for b in (self.new_button, self.save_button, self.revert_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        from tracker.ui.panes.record_extras import extras_for

        if self.kind.name == "projects":
            from tracker.ui.panes.history_pane import HistoryPane

            self.history = HistoryPane(self.ctx, self)
        self.extras = extras_for(self.ctx, self.kind.name, self.history, self)
        if self.extras is not None:
            split = QSplitter(Qt.Orientation.Vertical, self)
            split.setObjectName("formSplitter")
            split.setChildrenCollapsible(False)
            split.addWidget(scroll)
            split.addWidget(self.extras)
            split.setStretchFactor(0, 3)
            split.setStretchFactor(1, 2)
            self.splitter = split
            outer.addWidget(split, 1)
        else:
            self.splitter = None
            outer.addWidget(scroll, 1)
        outer.addLayout(buttons)

    def _make_editor(self, f: Field) -> QWidget:
        if f.type == MONEY:
            w: QWidget = MoneyEdit(self)
            w.textEdited.connect(self._on_edited)
        elif f.type == DATE:
            w = DateEdit(self)
            w.dateChanged.connect(self._on_edited)
        elif f.type == LONGTEXT:
            w = QPlainTextEdit(self)
            w.setTabChangesFocus(True)
            w.setFixedHeight(w.fontMetrics().lineSpacing() * 4 + 12)
            w.textChanged.connect(self._on_edited)
        elif f.type == INT and f.name == "progress_pct":
            w = QSpinBox(self)
            w.setRange(int(f.minimum or 0), int(f.maximum or 100))
            w.setSuffix(" %")
            w.setAlignment(Qt.AlignmentFlag.AlignRight)
            w.valueChanged.connect(self._on_edited)
        elif f.type in (ENUM, REF, COUNTRY, SECTOR, REGION, CURRENCY):
            w = ChoiceCombo(self, editable=f.type == CURRENCY)
            w.valueChanged.connect(self._on_edited)
            if f.type == CURRENCY:
                w.valueChanged.connect(self._currency_changed)
        else:
            w = QLineEdit(self)
            if f.type in (INT, REAL):
                w.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if f.max_length:
                w.setMaxLength(
                    f.max_length + 1
                )  # one over, so the rule is said rather than typing stopping
            w.textEdited.connect(self._on_edited)
        if f.help:
            w.setToolTip(f.help)
        w.setSizePolicy(QSizePolicy.Policy.Expanding, w.sizePolicy().verticalPolicy())
        return w

    def _fill_choices(self) -> None:
        loading, self._loading = self._loading, True
        for f in self.kind.fields:
            w = self.editors[f.name]
            if isinstance(w, ChoiceCombo):
                empty = None if f.required else "—"
                w.set_choices(self.lookups.choices(f), empty=empty)
        self._loading = loading

    # ---------------------------------------------------------------- values
    def _get(self, f: Field) -> Any:
        w = self.editors[f.name]
        if isinstance(w, DateEdit):
            return w.value()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText().strip() or None
        if isinstance(w, QSpinBox):
            return w.value()
        if isinstance(w, ChoiceCombo):
            return w.value()
        text = w.text().strip()  # type: ignore[attr-defined]
        return text or None

    def _set(self, f: Field, value: Any) -> None:
        w = self.editors[f.name]
        if isinstance(w, MoneyEdit):
            w.setText(money_text(value))
        elif isinstance(w, DateEdit):
            w.set_value(value)
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText(value or "")
        elif isinstance(w, QSpinBox):
            w.setValue(int(value or 0))
        elif isinstance(w, ChoiceCombo):
            w.set_value(value)
        elif f.type in (INT, REAL):
            w.setText(format_number(value, f))  # type: ignore[attr-defined]
        else:
            w.setText("" if value is None else str(value))  # type: ignore[attr-defined]
            w.setCursorPosition(0)  # type: ignore[attr-defined]  # show the start of long text

    def values(self) -> dict[str, Any]:
        """What the editors hold now, as raw values the service validates."""
        return {f.name: self._get(f) for f in self.kind.fields}

    def changed_values(self) -> dict[str, Any]:
        now = self.values()
        return {k: v for k, v in now.items() if v != self._initial.get(k)}

    def is_dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)
        self._update_buttons()

    def _on_edited(self, *_: Any) -> None:
        if self._loading:
            return
        self._set_dirty(self.is_new or bool(self.changed_values()))

    def _code_hint(self, text: str) -> None:
        """A project code the IATI export must map (a / in it) is said while it is typed."""
        from tracker.services.iati import code_warning

        note = code_warning(text.strip())
        label = self.error_labels["code"]
        if note:
            label.setText(CODE_HINT_MARK + tr_message(note))
            label.show()
        elif label.text().startswith(CODE_HINT_MARK):
            label.clear()
            label.hide()

    def _currency_changed(self) -> None:
        cur = self.editors["currency"].value() if "currency" in self.editors else None  # type: ignore[attr-defined]
        for f in self.kind.fields:
            if f.type == MONEY:
                self.editors[f.name].set_currency(cur or "")  # type: ignore[attr-defined]

    # --------------------------------------------------------------- loading
    def load(self, pk: Any) -> None:
        """Show the record ``pk`` (None: no record), dropping any unsaved edits."""
        row = self.ctx.store.get(self.kind.name, pk) if pk is not None else None
        self.pk, self.row, self.is_new = (pk if row else None), row, False
        self._show(row or {})

    def new_record(self) -> None:
        """Blank form for a new record (with the defaults a new record gets)."""
        if not self.maybe_leave():
            return
        self.pk, self.row, self.is_new = None, None, True
        defaults = dict(DEFAULTS.get(self.kind.name, {}))
        self._show(defaults)
        first = self.editors[self.kind.fields[0].name]
        first.setFocus()

    def _show(self, values: dict[str, Any]) -> None:
        self.changed_banner.hide()
        self._loading = True
        broken: dict[str, str] = {}
        try:
            for f in self.kind.fields:
                value = values.get(f.name)
                why = stored_value_problem(f, value) if value is not None else None
                if why is None:
                    self._set(f, value)
                    continue
                # Another program wrote it ('abc' as an amount): shown as stored where the
                # editor takes text, said beside the field, never computed with.
                shown = str(value)[:60]
                broken[f.name] = self.tr(
                    "Invalid stored value {value}: {why}. Enter a correct one.").format(
                    value=shown, why=tr_message(why))  # fmt: skip
                w = self.editors[f.name]
                if isinstance(w, (QSpinBox, ChoiceCombo, DateEdit, QPlainTextEdit)):
                    self._set(f, None)
                else:
                    w.setText(shown)  # type: ignore[attr-defined]
            if not values and not self.is_new:
                # No record: lists show nothing rather than a first choice that looks like data.
                for w in self.editors.values():
                    if isinstance(w, ChoiceCombo):
                        w.setCurrentIndex(-1)
                        if w.isEditable():
                            w.setEditText("")
            self._currency_changed()
        finally:
            self._loading = False
        self._initial = self.values() if not self.is_new else {}
        self.clear_errors()
        for name, text in broken.items():
            if name in self.error_labels:
                self.error_labels[name].setText("⚠ " + text)
                self.error_labels[name].show()
        self._set_dirty(False)
        if self.is_new:
            self.title.setText(self.tr("New {what}").format(what=self._singular()))
        elif self.row:
            self.title.setText(f"{self._singular()}: {self.describe(self.row)}")
        else:
            self.title.setText(self.tr("No record selected"))
        if self.history is not None:
            self.history.set_project(self.pk)
        if self.extras is not None:
            self.extras.set_record(self.pk)
        self._update_buttons()

    def _singular(self) -> str:
        return QCoreApplication.translate("Kind", self.kind.singular)

    def describe(self, row: dict[str, Any]) -> str:
        if self.kind.name == "projects":
            return f"{row.get('code')} — {row.get('name')}"
        if self.kind.name == "fx_rates":
            return f"{row.get('currency')} {row.get('date')}"
        key = self.kind.key if self.kind.key != "id" else self.kind.fields[0].name
        return str(row.get("name") or row.get(key) or row.get(self.pk_name))

    def _update_buttons(self) -> None:
        ro = self.ctx.read_only
        has = self.row is not None or self.is_new
        for w in self.editors.values():
            w.setEnabled(has and not ro)
        self.new_button.setEnabled(not ro)
        self.save_button.setEnabled(not ro and (self._dirty or self.is_new))
        self.revert_button.setEnabled(not ro and (self._dirty or self.is_new))
        self.delete_button.setEnabled(not ro and self.row is not None)
        if ro:
            reason = self.ctx.store.read_only_reason or self.tr("opened read-only")
            self.read_only_label.setText(self.tr("Editing is off: {reason}.").format(reason=reason))
        self.read_only_label.setVisible(ro)
        self.stateChanged.emit()

    # ---------------------------------------------------------------- errors
    def clear_errors(self) -> None:
        for lbl in self.error_labels.values():
            lbl.clear()
            lbl.hide()
        self.form_error.clear()
        self.form_error.hide()

    def show_errors(self, errors: ValidationErrors) -> None:
        self.clear_errors()
        general = []
        for name, message in errors.by_field().items():
            fname = self._field_name(name)
            if fname in self.error_labels:
                self.error_labels[fname].setText(tr_message(message))
                self.error_labels[fname].show()
            else:
                general.append(tr_error(ValidationError(name, message)))
        if general:
            self.form_error.setText("\n".join(general))
            self.form_error.show()
        first = next((n for n in errors.by_field() if self._field_name(n) in self.editors), None)
        if first:
            self.editors[self._field_name(first)].setFocus()

    def say_hidden(self) -> None:
        """The table's search or filter hides the record kept here for its unsaved edits."""
        self.form_error.setText(self.tr("This record is not in the table any more (search or "
                                        "filter); save or revert your edits."))  # fmt: skip
        self.form_error.show()

    def _field_name(self, name: str) -> str:
        try:
            return self.kind.field(name).name
        except KeyError:
            return name

    # --------------------------------------------------------------- actions
    def save(self) -> bool:
        """Validate and write through an undoable command; on errors nothing is written."""
        if self.ctx.read_only or not (self._dirty or self.is_new):
            return not self._dirty
        user = self.ctx.user
        try:
            if self.is_new:
                vals = {k: v for k, v in self.values().items() if v is not None}
                cmd = CreateCommand(self.kind.name, vals, user,
                                    text=self.tr("New {what}").format(what=self._singular().lower()))  # fmt: skip
                self.ctx.run(cmd)
                pk = cmd.pk
            else:
                changed = self.changed_values()
                what = ", ".join(
                    QCoreApplication.translate("Field", self.kind.field(n).label).lower()
                    for n in changed
                )
                # Every field goes to the service, so the whole record is checked as the person
                # sees it (units, not stored minor units); only what differs is written and audited.
                cmd2 = EditCommand(
                    self.kind.name,
                    self.pk,
                    self.values(),
                    self.row.get("version") if self.row else None,
                    user,
                    text=self.tr("Edit {what} of {record}").format(
                        what=what, record=self.describe(self.row or {})
                    ),
                )
                self.ctx.run(cmd2)
                pk = cmd2.pk
        except ValidationErrors as exc:
            self.show_errors(exc)
            return False
        except StaleWrite as exc:
            self._stale(str(exc))
            return False
        except NotFound as exc:
            warn(self, self.tr("Record gone"), str(exc))
            return False
        except StoreError as exc:
            warn(self, self.tr("Not saved"), str(exc))
            return False
        self.load(pk)
        self.saved.emit(pk)
        return True

    def _stale(self, message: str) -> None:
        text = self.tr("This record was changed by someone else since you opened it; "
                       "nothing was overwritten.\n\n{detail}\n\nReload it now (your edits are dropped)?"
                       ).format(detail=message)  # fmt: skip
        self.form_error.setText(self.tr("Not saved: changed by someone else."))
        self.form_error.show()
        if ask(self, self.tr("Changed by someone else"), text):
            self.load(self.pk)

    def revert(self) -> None:
        """Drop unsaved edits (a new record is abandoned)."""
        if self.is_new:
            self.is_new = False
            self.load(None)
        else:
            self.load(self.pk)

    def delete(self) -> bool:
        if self.ctx.read_only or self.row is None:
            return False
        text = self.tr("Delete {what} “{record}”? (Edit ▸ Undo brings it back.)").format(
            what=self._singular().lower(), record=self.describe(self.row)
        )
        if not ask(self, self.tr("Delete record"), text):
            return False
        cmd = DeleteCommand(self.kind.name, self.pk, self.row.get("version"), self.ctx.user,
                            text=self.tr("Delete {record}").format(record=self.describe(self.row)))  # fmt: skip
        try:
            self.ctx.run(cmd)
        except ValidationErrors as exc:
            self.show_errors(exc)
            return False
        except StaleWrite as exc:
            self._stale(str(exc))
            return False
        except StoreError as exc:
            warn(self, self.tr("Not deleted"), str(exc))
            return False
        self.load(None)
        return True

    def maybe_leave(self) -> bool:
        """Before the form's record is replaced: save, discard or stay. True: go ahead."""
        if not self._dirty or self.ctx.read_only:
            return True
        what = self.describe(self.row) if self.row else self.tr("the new record")
        answer = ask_unsaved(
            self, self.tr("{what} has unsaved changes. Save them?").format(what=what)
        )
        if answer == SAVE:
            return self.save()
        if answer == DISCARD:
            self.is_new = False
            self.load(self.pk)
            return True
        return False

    # --------------------------------------------------------------- changes
    def _on_changed(self, change: Change) -> None:
        if self.lookups.concerns(change.table) and change.table != self.kind.name:
            self._fill_choices()
            return
        if not change.concerns(self.kind.name) or self.is_new:
            return
        if self.pk is None:
            return
        mine = change.table != self.kind.name or self.pk in change.ids
        if not mine:
            return
        fresh = self.ctx.store.get(self.kind.name, self.pk)
        if change.remote and self.row is not None:
            self._changed_underneath(change, fresh)
        elif fresh is None:
            self.load(None)
        elif not self._dirty:
            self.load(self.pk)

    def _changed_underneath(self, change: Change, fresh: dict[str, Any] | None) -> None:
        """Another user saved or deleted this record: say who and when; unsaved edits stay
        until the person chooses Reload (the save meets the version check meanwhile)."""
        if fresh is not None and fresh.get("version") == (self.row or {}).get("version"):
            if not self._dirty:  # news of a neighbour (another project's update)
                self.load(self.pk)
            return
        named = change.table == self.kind.name and self.pk in change.ids
        by, at = (change.by, change.at) if named else ("", "")
        if not at and fresh is not None:
            at = str(fresh.get("updated_at") or "")
        if not self._dirty:
            self.load(self.pk if fresh is not None else None)
            if fresh is None:
                return
        self.changed_banner.say(by=by, at=at, deleted=fresh is None, edits=self._dirty)
