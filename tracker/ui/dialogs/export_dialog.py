"""File › Export snapshot…: a dated copy of what the table shows, or of
everything, as XLSX, CSV, JSON, PDF, SQLite or IATI XML.

The export runs in the background (tracker.ui.operations) with a progress bar;
Cancel (or closing the dialog) before the file is put in place writes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.fields import KINDS
from tracker.domain.filters import Filter
from tracker.domain.validation import ValidationErrors
from tracker.services import iati
from tracker.services.export import KIND_TABLES, export_snapshot, refuse_database_files
from tracker.services.progress import Progress
from tracker.store import Store
from tracker.ui import i18n
from tracker.ui.context import AppContext
from tracker.ui.i18n import kind_label
from tracker.ui.messages import tr_error, tr_message
from tracker.ui.operations import CollectionOp, ProgressPanel, failure_text
from tracker.ui.settings import Settings

#: format key -> (file suffix or '' for a folder)
FORMATS = (
    ("xlsx", ".xlsx"),
    ("csv", ".zip"),
    ("csv-folder", ""),
    ("json", ".json"),
    ("pdf", ".pdf"),
    ("sqlite", ".sqlite3"),
    ("iati", ".xml"),
)


def choose_save_path(parent: QWidget | None, caption: str, suggested: str, filters: str) -> str:
    """Seam for tests: where to write ('' when cancelled)."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return path


def ask_overwrite(parent: QWidget | None, path: str) -> bool:
    """Seam for tests: replace a file that is there already? (No by default.)"""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("ExportDialog", "Replace the file?"),
        QCoreApplication.translate(
            "ExportDialog", "{path} exists already. Replace it with this snapshot?"
        ).format(path=path),  # fmt: skip
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def unique_path(folder: Path, stem: str, suffix: str) -> Path:
    """``stem-2``, ``stem-3``, … where the plain name is taken: a second export of the
    day never lands on the first one."""
    path, n = folder / f"{stem}{suffix}", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}{suffix}"
    return path


def open_url(url: QUrl) -> bool:
    """Seam for tests: show a file or folder in the desktop's own program."""
    return QDesktopServices.openUrl(url)


def format_name(fmt: str, path: Path | None = None) -> str:
    """The format as people say it: "Excel workbook", "CSV files", "SQLite snapshot", …"""
    names = {
        "xlsx": QCoreApplication.translate("ExportDialog", "Excel workbook"),
        "csv": QCoreApplication.translate("ExportDialog", "CSV files"),
        "json": QCoreApplication.translate("ExportDialog", "JSON file"),
        "pdf": QCoreApplication.translate("ExportDialog", "PDF report"),
        "sqlite": QCoreApplication.translate("ExportDialog", "SQLite snapshot"),
        "iati": QCoreApplication.translate("ExportDialog", "IATI XML"),
    }
    return names.get(fmt, fmt.upper())


def choose_folder(parent: QWidget | None, caption: str, start: str) -> str:
    """Seam for tests: a folder for CSV files ('' when cancelled)."""
    return QFileDialog.getExistingDirectory(parent, caption, start)


def _pdf_renderer() -> Any:
    """The printing engineer's report renderer, when it is installed."""
    try:
        from tracker.ui.report import write_report_pdf
    except ImportError:
        return None
    return write_report_pdf


class ExportDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, kind: str, flt: Filter):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.ctx = ctx
        self.kind = kind
        self.flt = flt
        self.result: Any = None
        self.setWindowTitle(self.tr("Export snapshot"))
        self.setMinimumWidth(620)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("exportFormat")
        names = {
            "xlsx": self.tr("Excel workbook (.xlsx)"),
            "csv": self.tr("CSV files in a .zip"),
            "csv-folder": self.tr("CSV files in a folder"),
            "json": self.tr("JSON document (.json)"),
            "pdf": self.tr("PDF report (.pdf)"),
            "sqlite": self.tr("SQLite copy of the database"),
            "iati": self.tr("IATI 2.03 activity XML (projects)"),
        }
        for key, _suffix in FORMATS:
            self.format_combo.addItem(names[key], key)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        form.addRow(self.tr("Format:"), self.format_combo)

        scope = QWidget(self)
        sl = QVBoxLayout(scope)
        sl.setContentsMargins(0, 0, 0, 0)
        label = kind_label(kind) if kind in KINDS else kind
        if flt.is_empty() or kind not in KINDS:
            shown = self.tr("all records") if flt.is_empty() else flt.describe()
        else:
            from tracker.ui.report import describe_filter  # names, not codes and ids

            shown = describe_filter(ctx.store, kind, flt, with_kind=False)
        self.filter_text = shown  # the workbook's Summary says it in the same words
        self.current_radio = QRadioButton(
            self.tr("What the table shows: {kind} — {filter}").format(kind=label, filter=shown),
            scope,
        )
        self.current_radio.setObjectName("scopeCurrent")
        self.all_radio = QRadioButton(self.tr("Everything (all kinds and reference data)"), scope)
        self.all_radio.setObjectName("scopeAll")
        self.scope_group = QButtonGroup(self)
        self.scope_group.addButton(self.current_radio)
        self.scope_group.addButton(self.all_radio)
        self.all_radio.setChecked(True)
        if kind in KIND_TABLES:
            self.current_radio.setChecked(not flt.is_empty())
        else:
            self.current_radio.setEnabled(False)
        self.scope_group.buttonToggled.connect(lambda *_: self._suggest_path())
        sl.addWidget(self.current_radio)
        sl.addWidget(self.all_radio)
        self.scope_note = QLabel(scope)
        self.scope_note.setObjectName("scopeNote")
        self.scope_note.setWordWrap(True)
        self.scope_note.setStyleSheet("color: palette(mid);")
        sl.addWidget(self.scope_note)
        form.addRow(self.tr("What:"), scope)

        out = QWidget(self)
        ol = QHBoxLayout(out)
        ol.setContentsMargins(0, 0, 0, 0)
        self.path_edit = QLineEdit(out)
        self.path_edit.setObjectName("exportPath")
        ol.addWidget(self.path_edit, 1)
        self.browse = QPushButton(self.tr("Browse…"), out)
        self.browse.setObjectName("browse")
        self.browse.clicked.connect(self.choose_path)
        ol.addWidget(self.browse)
        form.addRow(self.tr("Save to:"), out)

        # IATI: the organisation that reports the file (kept in the database for the next export).
        org = iati.reporting_org(ctx.store)
        self.org_box = QWidget(self)
        self.org_box.setObjectName("iatiOrg")
        og = QFormLayout(self.org_box)
        og.setContentsMargins(0, 0, 0, 0)
        self.org_ref = QLineEdit("" if org.placeholder else org.ref, self.org_box)
        self.org_ref.setObjectName("iatiOrgRef")
        self.org_ref.setPlaceholderText(self.tr("e.g. XM-DAC-41114"))
        self.org_name = QLineEdit("" if org.placeholder else org.name, self.org_box)
        self.org_name.setObjectName("iatiOrgName")
        self.org_type = QComboBox(self.org_box)
        self.org_type.setObjectName("iatiOrgType")
        for code, english in iati.ORGANISATION_TYPES.items():  # IATI's codelist, translated
            self.org_type.addItem(
                f"{code} {QCoreApplication.translate('codelists', english)}", code
            )
        self.org_type.setCurrentIndex(max(self.org_type.findData(org.org_type), 0))
        og.addRow(self.tr("Identifier:"), self.org_ref)
        og.addRow(self.tr("Name:"), self.org_name)
        og.addRow(self.tr("Type:"), self.org_type)
        self.org_note = QLabel(
            self.tr("Leave both empty to write the placeholder {ref}; IATI's registry will not "
                    "accept it.").format(ref=iati.DEFAULT_ORG_REF),
            self.org_box,
        )  # fmt: skip
        self.org_note.setWordWrap(True)
        self.org_note.setStyleSheet("color: palette(mid);")
        og.addRow(self.org_note)
        form.addRow(self.tr("Reporting organisation:"), self.org_box)
        self._form = form
        lay.addLayout(form)

        self.result_label = QLabel(self)
        self.result_label.setObjectName("exportResult")
        self.result_label.setWordWrap(True)
        self.result_label.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        lay.addWidget(self.result_label)
        self.details_label = QLabel(self)
        self.details_label.setObjectName("exportDetails")
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label.setStyleSheet("color: palette(mid);")
        self.details_label.hide()
        lay.addWidget(self.details_label)
        opens = QHBoxLayout()
        self.open_file_button = QPushButton(self.tr("Open file"), self)
        self.open_file_button.setObjectName("openExportedFile")
        self.open_file_button.clicked.connect(self.open_file)
        self.open_folder_button = QPushButton(self.tr("Open folder"), self)
        self.open_folder_button.setObjectName("openExportFolder")
        self.open_folder_button.clicked.connect(self.open_folder)
        opens.addWidget(self.open_file_button)
        opens.addWidget(self.open_folder_button)
        opens.addStretch(1)
        lay.addLayout(opens)
        self._show_opens(None)
        buttons = QHBoxLayout()
        self.progress = ProgressPanel(self)
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(1)
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.do_export)
        buttons.addWidget(self.export_button)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        lay.addLayout(buttons)
        self.op: Any = None
        self._format_changed()

    # ------------------------------------------------------------- settings
    @property
    def fmt(self) -> str:
        return self.format_combo.currentData()

    def set_format(self, key: str) -> None:
        self.format_combo.setCurrentIndex(self.format_combo.findData(key))

    def scope(self) -> tuple[str, Filter]:
        """(--kind, filter) the export will use."""
        if self.fmt == "sqlite":
            return "all", Filter()
        if self.fmt == "iati":
            # IATI holds projects only; another table's filter does not apply to them.
            return "projects", (self.flt if self.current_radio.isChecked() and self.kind == "projects"
                                else Filter())  # fmt: skip
        if self.current_radio.isChecked() and self.current_radio.isEnabled():
            return self.kind, self.flt
        return "all", Filter()

    def _format_changed(self) -> None:
        notes = {
            "sqlite": self.tr("A SQLite copy always holds the whole database."),
            "iati": self.tr("IATI XML holds projects only."),
            "pdf": self.tr("The report shows the projects the filter selects."),
        }
        self.scope_note.setText(notes.get(self.fmt, ""))
        self.scope_note.setVisible(self.fmt in notes)
        self._form.setRowVisible(self.org_box, self.fmt == "iati")
        self.adjustSize()
        enabled = self.fmt != "sqlite"
        self.current_radio.setEnabled(enabled and self.kind in KIND_TABLES)
        self.all_radio.setEnabled(enabled)
        self._suggest_path()

    def _suggest_path(self) -> None:
        suffix = dict(FORMATS)[self.fmt]
        folder = (
            Path(self.path_edit.text()).parent
            if self.path_edit.text()
            else Settings().export_dir or self.ctx.folder  # chosen in Settings
        )
        kind, _ = self.scope()
        stem = f"{self.ctx.stem}-{kind if kind != 'all' else 'snapshot'}-{self.ctx.as_of}"
        self.path_edit.setText(str(unique_path(folder, stem, suffix)))

    def choose_path(self) -> None:
        current = self.path_edit.text()
        if self.fmt == "csv-folder":
            path = choose_folder(
                self, self.tr("Folder for the CSV files"), str(Path(current).parent)
            )
        else:
            suffix = dict(FORMATS)[self.fmt]
            filters = self.tr("{name} (*{suffix})").format(
                name=self.format_combo.currentText(), suffix=suffix
            )
            path = choose_save_path(self, self.tr("Export snapshot"), current, filters)
            if path and suffix and not path.lower().endswith(suffix):
                path += suffix
        if path:
            self.path_edit.setText(path)

    # --------------------------------------------------------------- export
    def do_export(self) -> Any:
        """Start the export in the background (returns the operation, or None when the
        form is not filled in); the result line says what was written, or why not."""
        text = self.path_edit.text().strip()
        if not text:
            self._show_error(self.tr("Choose where to save the snapshot."))
            return None
        if self.busy():
            return None
        fmt = "csv" if self.fmt == "csv-folder" else self.fmt
        try:  # the database itself is refused outright, never offered for replacing
            refuse_database_files(self.ctx.store, Path(text), fmt)
        except ValidationErrors as exc:
            self._failed(exc)
            return None
        if Path(text).is_file() and not ask_overwrite(self, text):
            return None
        renderer = _pdf_renderer() if fmt == "pdf" else None
        if fmt == "pdf" and renderer is None:
            self._show_error(
                self.tr("PDF export is not available: the report module is not installed.")
            )
            return None
        kind, flt = self.scope()
        org = self._reporting_org() if fmt == "iati" else None
        ctx = self.ctx
        currency, as_of, user = ctx.currency, ctx.as_of, ctx.user
        lang = i18n.current_language() or "en"
        filter_text = self.filter_text if not flt.is_empty() else None

        def work(store: Store, progress: Progress) -> Any:
            if org is not None:
                iati.set_reporting_org(store, ref=org[0], name=org[1], org_type=org[2])
            return export_snapshot(store, fmt=fmt, out=Path(text), kind=kind, flt=flt,
                                   currency=currency, as_of=as_of, user=user,
                                   pdf_renderer=renderer, progress=progress, lang=lang,
                                   filter_text=filter_text)  # fmt: skip

        self.result = None
        self.result_label.setText("")
        self._show_opens(None)
        op = CollectionOp(self, ctx, work, title=self.tr("Export"))
        op.success(self._exported).failure(self._failed).on_cancelled(self._cancelled)
        self.op = op.with_progress(self.progress, cancellable=True).run_in_background()
        self.export_button.setEnabled(False)
        return self.op

    def busy(self) -> bool:
        """Whether an export of this dialog is still running."""
        return self.op is not None and not self.op.delivered

    def _exported(self, result: Any) -> None:
        self.result = result
        self.export_button.setEnabled(True)
        self.result_label.setStyleSheet("")
        self.result_label.setText(self.describe(result))
        self._show_opens(result)
        self._suggest_path()  # the next export of the day gets a name of its own

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        if isinstance(exc, ValidationErrors):
            labels = {
                "iati_org_ref": self.tr("Reporting organisation identifier"),
                "iati_org_name": self.tr("Reporting organisation name"),
                "iati_org_type": self.tr("Reporting organisation type"),
            }
            self._show_error("\n".join(tr_error(e, labels.get(e.field)) for e in exc.errors))
            return
        self._show_error(failure_text(exc))

    def _cancelled(self) -> None:
        self.export_button.setEnabled(True)
        self._show_error(self.tr("cancelled; no file was written."))

    def reject(self) -> None:
        """Close; an export still running is cancelled first (refused once its file is
        being put in place: the dialog then stays until it is done)."""
        if self.busy() and not self.op.cancel():
            return
        super().reject()

    def _show_opens(self, result: Any) -> None:
        """Open file / Open folder and the details line, for a file just written."""
        self.open_folder_button.setVisible(result is not None)
        self.open_file_button.setVisible(result is not None and not Path(result.path).is_dir())
        self.details_label.setVisible(result is not None)
        if result is not None:
            self.details_label.setText(self.tr("sha256 {sha256}").format(sha256=result.sha256))

    def open_file(self) -> bool:
        if self.result is None:
            return False
        return open_url(QUrl.fromLocalFile(str(Path(self.result.path).resolve())))

    def open_folder(self) -> bool:
        if self.result is None:
            return False
        path = Path(self.result.path).resolve()
        return open_url(QUrl.fromLocalFile(str(path if path.is_dir() else path.parent)))

    def describe(self, result: Any) -> str:
        """The service's account of the export, in the user's language (the sha256 is on
        the details line under it)."""
        loc = QLocale()
        parts = ", ".join(
            f"{kind_label(t) if t in KINDS else t}: {loc.toString(n)}"
            for t, n in result.rows.items()
        )
        line = self.tr("{format} written to {path}: {rows} rows ({parts}) in {seconds} s").format(
            format=format_name(result.fmt), path=result.path, rows=loc.toString(result.total_rows),
            parts=parts or self.tr("none"), seconds=loc.toString(result.seconds, "f", 1),
        )  # fmt: skip
        if result.snapshot_id is not None:
            line += self.tr("; recorded as snapshot #{id}").format(id=result.snapshot_id)
        else:
            line += self.tr("; not recorded in snapshots")
        if result.notes:
            line += " (" + "; ".join(tr_message(n) for n in result.notes) + ")"
        return line

    def _reporting_org(self) -> tuple[str, str, str] | None:
        """The organisation typed in, to be saved with the export (checked there: a bad
        one exports nothing); None when it is unchanged or left as the placeholder."""
        ref, name = self.org_ref.text().strip(), self.org_name.text().strip()
        code = self.org_type.currentData()
        org = iati.reporting_org(self.ctx.store)
        if not ref and not name and org.placeholder:
            return None  # the placeholder, as the note says
        if org.placeholder or (ref, " ".join(name.split()), code) != (
            org.ref,
            org.name,
            org.org_type,
        ):
            return ref, name, code
        return None

    def _show_error(self, text: str) -> None:
        self._show_opens(None)
        self.result_label.setStyleSheet("color: #C00000;")
        self.result_label.setText(self.tr("Nothing was exported: {reason}").format(reason=text))
