"""“Add update…”: one project update (as-of date, status, progress,
disbursed, note) entered as an undoable command."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.fields import PROJECTS
from tracker.domain.validation import ValidationError, ValidationErrors
from tracker.services.undo import AddUpdateCommand
from tracker.services.updates import PROGRESS_JUMP, Oddity, oddities
from tracker.store import StaleWrite, StoreError
from tracker.ui.context import AppContext
from tracker.ui.i18n import format_date
from tracker.ui.messages import tr_error, tr_message
from tracker.ui.models.lookups import status_label
from tracker.ui.widgets import ChoiceCombo, DateEdit, MoneyEdit
from tracker.ui.widgets.editors import ERROR_STYLE, money_text


def confirm_odd(parent: QWidget | None, title: str, text: str) -> bool:
    """Seam: keep an unusual update? (tests monkeypatch this instead of clicking a box)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton,
                      parent)  # fmt: skip
    keep = box.addButton(QCoreApplication.translate("AddUpdateDialog", "Keep it"),
                         QMessageBox.ButtonRole.AcceptRole)  # fmt: skip
    back = box.addButton(QCoreApplication.translate("AddUpdateDialog", "Go back"),
                         QMessageBox.ButtonRole.RejectRole)  # fmt: skip
    box.setDefaultButton(back)
    box.exec()
    return box.clickedButton() is keep


def describe_oddity(o: Oddity, *, currency: str) -> str:
    """One unusual thing in an update, in the window's language."""
    t = QCoreApplication.translate
    if o.kind == "disbursed_down":
        return t("AddUpdateDialog", "Disbursed goes down from {before} to {after} {currency}, "
                 "though it is cumulative.").format(before=money_text(o.before),
                                                    after=money_text(o.after), currency=currency)  # fmt: skip
    if o.kind == "completed_below_100":
        return t("AddUpdateDialog", "The status is “{status}” but the progress is {progress} %, "
                 "below 100 %.").format(status=status_label("completed"), progress=o.after)  # fmt: skip
    if o.kind == "progress_jump":
        return t("AddUpdateDialog", "Progress jumps from {before} % to {after} %, more than "
                 "{n} points at once.").format(before=o.before, after=o.after, n=PROGRESS_JUMP)  # fmt: skip
    if o.kind == "same_date":
        return t("AddUpdateDialog", "There is an update on {date} already; this adds a second "
                 "one for the same day.").format(date=format_date(o.before))  # fmt: skip
    return o.kind


def odd_question(what: str, found: list[str]) -> str:
    return QCoreApplication.translate(
        "AddUpdateDialog", "{what} looks unusual:\n\n{found}\n\nKeep it as typed?"
    ).format(what=what, found="\n".join(f"• {line}" for line in found))


class AddUpdateDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, project: dict[str, Any]):
        super().__init__(parent)
        self.setObjectName("addUpdateDialog")
        self.ctx = ctx
        self.project = project
        self.command: AddUpdateCommand | None = None
        self.setWindowTitle(self.tr("Add update — {code}").format(code=project["code"]))
        lay = QVBoxLayout(self)
        head = QLabel(f"<b>{project['code']}</b> — {project['name']}", self)
        head.setWordWrap(True)
        lay.addWidget(head)
        form = QFormLayout()
        self.as_of = DateEdit(self)
        self.as_of.setObjectName("as_of")
        d = QDate.fromString(ctx.as_of, "yyyy-MM-dd")
        self.as_of.setDate(d if d.isValid() else QDate.currentDate())
        self.status = ChoiceCombo(self)
        self.status.setObjectName("status")
        self.status.set_choices([(c, status_label(c)) for c in PROJECTS.status_choices])
        self.status.set_value(project["status"])
        self.progress = QSpinBox(self)
        self.progress.setObjectName("progress_pct")
        self.progress.setRange(0, 100)
        self.progress.setSuffix(" %")
        self.progress.setValue(int(project["progress_pct"] or 0))
        self.disbursed = MoneyEdit(self)
        self.disbursed.setObjectName("disbursed")
        self.disbursed.set_currency(project["currency"])
        self.disbursed.setText(money_text(project["disbursed"]))
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("note")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 12)
        self.errors: dict[str, QLabel] = {}
        for name, label, w in (
            ("as_of", self.tr("As of"), self.as_of),
            ("status", self.tr("Status"), self.status),
            ("progress_pct", self.tr("Progress"), self.progress),
            ("disbursed", self.tr("Disbursed (cumulative)"), self.disbursed),
            ("note", self.tr("Note"), self.note),
        ):
            cell = QWidget(self)
            cl = QVBoxLayout(cell)
            cl.setContentsMargins(0, 0, 0, 0)
            cl.setSpacing(1)
            cl.addWidget(w)
            err = QLabel(cell)
            err.setObjectName(f"{name}_error")
            err.setStyleSheet(ERROR_STYLE)
            err.setWordWrap(True)
            err.hide()
            cl.addWidget(err)
            self.errors[name] = err
            form.addRow(label, cell)
        lay.addLayout(form)
        self.general_error = QLabel(self)
        self.general_error.setObjectName("formError")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        lay.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add update"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def values(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.value(),
            "status": self.status.value(),
            "progress_pct": self.progress.value(),
            "disbursed": self.disbursed.text().strip() or None,
            "note": self.note.toPlainText().strip() or None,
        }

    def submit(self) -> bool:
        """Enter the update; on a bad value show it beside its field and stay open."""
        for lbl in (*self.errors.values(), self.general_error):
            lbl.hide()
        odd = oddities(self.ctx.store, project_id=self.project["id"], values=self.values())
        if odd and not confirm_odd(
            self,
            self.tr("Unusual update"),
            odd_question(
                self.tr("The update of {code}").format(code=self.project["code"]),
                [describe_oddity(o, currency=self.project["currency"]) for o in odd],
            ),
        ):
            focus = {"disbursed": self.disbursed, "progress_pct": self.progress,
                     "as_of": self.as_of}.get(odd[0].field)  # fmt: skip
            if focus is not None:
                focus.setFocus()
            return False
        cmd = AddUpdateCommand(self.project["id"], self.values(), self.ctx.user,
                               expected_version=self.project["version"],
                               text=self.tr("Update of {code}").format(code=self.project["code"]))  # fmt: skip
        try:
            self.ctx.run(cmd)
        except ValidationErrors as exc:
            general = []
            for name, message in exc.by_field().items():
                if name in self.errors:
                    self.errors[name].setText(tr_message(message))
                    self.errors[name].show()
                else:
                    general.append(tr_error(ValidationError(name, message)))
            if general:
                self.general_error.setText("\n".join(general))
                self.general_error.show()
            return False
        except StaleWrite:
            self.general_error.setText(self.tr("The project was changed by someone else since this "
                                               "dialog opened; nothing was saved. Close and reopen it."))  # fmt: skip
            self.general_error.show()
            return False
        except StoreError as exc:
            self.general_error.setText(str(exc))
            self.general_error.show()
            return False
        self.command = cmd
        self.accept()
        return True
