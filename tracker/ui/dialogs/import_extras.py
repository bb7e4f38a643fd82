"""The import dialog's help with other people's spreadsheets: a template to fill in
(XLSX or CSV, headers in the window's language) and, when a file's headers do not
match, a step that maps each column to a field or skips it. The mapping is kept in
the database for the next file with the same headers, and the file is checked again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.fields import kind_of
from tracker.domain.validation import ValidationErrors
from tracker.services import templates
from tracker.store import StoreError
from tracker.ui.i18n import current_language, field_label, kind_label
from tracker.ui.operations import warn


def save_name(parent: QWidget, caption: str, name: str, filters: str) -> str:
    """Seam for tests: the file a template is written to."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, name, filters)
    return path


class TemplateButton(QToolButton):
    """ "Template…": an empty file of the chosen kind to fill in, as XLSX or CSV."""

    def __init__(self, dialog: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importTemplate")
        self.dialog = dialog
        self.setText(self.tr("Template…"))
        self.setToolTip(self.tr("Write an empty file to fill in: headers in the window's language, "
                                "one example row, the codelists on a second sheet"))  # fmt: skip
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        menu.addAction(self.tr("Excel workbook (XLSX)…"), lambda: self.write("xlsx"))
        menu.addAction(self.tr("CSV file…"), lambda: self.write("csv"))
        self.setMenu(menu)
        self.written: str | None = None

    def write(self, fmt: str, path: str | None = None) -> str | None:
        kind = self.dialog.kind
        if kind not in templates.TEMPLATE_KINDS:
            return None
        if path is None:
            name = f"{kind}-template.{fmt}"
            filters = (
                self.tr("Excel workbook (*.xlsx)") if fmt == "xlsx" else self.tr("CSV (*.csv)")
            )
            path = save_name(self, self.tr("Save the template"), name, filters)
            if not path:
                return None
        try:
            templates.write_template(
                self.dialog.ctx.store, kind=kind, out=path, lang=current_language()
            )
        except (ValidationErrors, OSError) as exc:
            warn(self, self.tr("Template not written"), str(exc))
            return None
        self.written = path
        return path


class MappingPanel(QGroupBox):
    """Shown when a file has columns the import does not know: a field (or "skip") for
    each; *Use this mapping* keeps it and checks the file again."""

    def __init__(self, dialog: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importMapping")
        self.setTitle(self.tr("Columns this kind of record does not have: map each to a field"))
        self.dialog = dialog
        self.columns: list[str] = []
        self.all_columns: list[str] = []
        self.combos: dict[str, QComboBox] = {}
        lay = QVBoxLayout(self)
        self.form = QFormLayout()
        lay.addLayout(self.form)
        row = QHBoxLayout()
        self.note = QLabel(
            self.tr("The mapping is remembered for the next file with the same headers."), self
        )
        self.note.setWordWrap(True)
        row.addWidget(self.note, 1)
        self.apply_button = QPushButton(self.tr("Use this mapping"), self)
        self.apply_button.setObjectName("importMappingApply")
        self.apply_button.clicked.connect(self.apply)
        row.addWidget(self.apply_button)
        lay.addLayout(row)
        self.hide()

    def show_plan(self, plan: Any) -> None:
        kind = plan.kind
        cols = list(plan.source.columns)
        unknown = templates.unmatched(kind, cols)
        remembered = (
            templates.remembered_mapping(self.dialog.ctx.store, kind=kind, columns=cols) or {}
        )
        unknown = [c for c in unknown if c not in remembered]
        if not unknown:
            self.hide()
            return
        self.all_columns, self.columns = cols, unknown
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos = {}
        k = kind_of(kind)
        for col in unknown:
            combo = QComboBox(self)
            combo.setObjectName(f"mapping_{col}")
            combo.addItem(self.tr("(skip this column)"), "")
            for f in k.fields:
                combo.addItem(f"{field_label(k.name, f.name)} ({f.column})", f.name)
            self.combos[col] = combo
            self.form.addRow(QLabel(col, self), combo)
        self.apply_button.setEnabled(not self.dialog.ctx.read_only)
        self.show()

    def mapping(self) -> dict[str, str]:
        return {col: combo.currentData() or "" for col, combo in self.combos.items()}

    def apply(self) -> bool:
        kind = self.dialog.kind
        chosen = self.mapping()
        # The columns the import knows by name keep their field; the chosen ones are added.
        full = {c: "" for c in self.all_columns if c not in chosen} | chosen
        known = templates.header_aliases(kind_of(kind).name)
        for c in self.all_columns:
            if c not in chosen:
                full[c] = known.get(templates._norm(c), "") or _by_name(kind, c)
        try:
            templates.remember_mapping(self.dialog.ctx.store, kind=kind, columns=self.all_columns,
                                       mapping=full)  # fmt: skip
        except (ValidationErrors, StoreError) as exc:
            warn(self, self.tr("Mapping not kept"), str(exc))
            return False
        self.hide()
        self.dialog.refresh()
        return True


def _by_name(kind: str, column: str) -> str:
    k = kind_of(kind)
    n = templates._norm(column)
    for f in k.fields:
        if n in (templates._norm(f.column), templates._norm(f.name)):
            return f.name
    return ""


def add_extras(dialog: Any, layout: QVBoxLayout, top: QHBoxLayout) -> None:
    """Put the template button on the dialog's top row and the mapping step under it."""
    dialog.template_button = TemplateButton(dialog, dialog)
    top.addWidget(dialog.template_button)
    dialog.mapping_panel = MappingPanel(dialog, dialog)
    layout.addWidget(dialog.mapping_panel)


def plans_label() -> str:
    return kind_label("disbursement_plans") or QCoreApplication.translate(
        "Kind", "Disbursement plans"
    )
