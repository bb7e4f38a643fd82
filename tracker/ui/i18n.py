"""Languages: which translation is installed, the locale numbers and dates
follow, and the names of reference data and codes in that language.

Install the translator (``install``) before the first widget is built: ``tr()``
is looked up when a widget sets its texts, so a window built earlier stays in
the old language. The domain layer has no Qt, so its labels are English there
and translated in the window in three contexts: "Kind" (kinds of record),
"Field" (field labels) and "codelists" (status and kind codes);
``tracker/ui/domain_strings.py`` lists them for pyside6-lupdate.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from tracker.ui.resources import resource_dir

LANGUAGES: dict[str, str] = {"en": "English", "ru": "Русский", "zh": "简体中文"}
"""Language code → its own name (shown untranslated, so anyone can find theirs)."""

_LOCALES = {
    "en": (QLocale.Language.English, QLocale.Country.UnitedStates),
    "ru": (QLocale.Language.Russian, QLocale.Country.Russia),
    "zh": (QLocale.Language.Chinese, QLocale.Country.China),
}
_QT_CATALOGUE = {"en": None, "ru": "qtbase_ru", "zh": "qtbase_zh_CN"}

_installed: list[QTranslator] = []
_current = "en"


def translations_dir() -> Path:
    """Folder of tracker_<lang>.ts and the compiled tracker_<lang>.qm."""
    return resource_dir() / "translations"


def system_language() -> str:
    """The system's language if we have it, else English."""
    name = QLocale.system().name()  # e.g. "ru_BY", "zh_CN", "C"
    code = name.split("_")[0].lower()
    return code if code in LANGUAGES else "en"


def resolve(language: str | None) -> str:
    """A stored choice ("" = the system's) → a language we ship."""
    return language if language in LANGUAGES else system_language()


def locale_for(language: str) -> QLocale:
    lang, country = _LOCALES.get(language, _LOCALES["en"])
    return QLocale(lang, country)


def current_language() -> str:
    return _current


def install(language: str | None, app: QCoreApplication | None = None) -> str:
    """Install the program's and Qt's own translations for a language; returns
    the language used. Replaces whatever an earlier call installed, and makes
    QLocale() (numbers, dates) follow the language."""
    global _current
    app = app or QCoreApplication.instance()
    lang = resolve(language)
    if app is not None:
        for t in _installed:
            app.removeTranslator(t)
    _installed.clear()
    catalogues: list[tuple[str, str]] = []
    qt_name = _QT_CATALOGUE.get(lang)
    if qt_name:
        catalogues.append((qt_name, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    catalogues.append((f"tracker_{lang}", str(translations_dir())))
    for name, folder in catalogues:
        t = QTranslator(app)
        if t.load(name, folder) and app is not None:
            app.installTranslator(t)
            _installed.append(t)
    QLocale.setDefault(locale_for(lang))
    _current = lang
    return lang


def has_translation(language: str) -> bool:
    """True when the compiled catalogue of a language ships with the program."""
    return language == "en" or (translations_dir() / f"tracker_{language}.qm").is_file()


# --- reference data and codes ---------------------------------------------------------


def label_for(ref_row: Mapping[str, Any] | None, lang: str | None = None) -> str:
    """The name of a reference row (country, sector, region…) in a language:
    name_<lang>, else name_en, else name, else its code."""
    if not ref_row:
        return ""
    lang = lang or _current
    from tracker.domain.codelists import builtin_name

    shipped = builtin_name(ref_row, lang)
    if shipped is not None:
        return shipped
    for key in (f"name_{lang}", "name_en", "name", "short_name", "code"):
        value = ref_row.get(key)
        if value not in (None, ""):
            return str(value)
    return ""


def tr_domain(context: str, text: str) -> str:
    """Translate an English label from tracker.domain ("Kind", "Field" or "codelists")."""
    return QCoreApplication.translate(context, text) if text else text


def code_label(code: str | None) -> str:
    """A status, kind or zone-kind code in words, in the current language."""
    from tracker.domain.codelists import STATUS_LABELS

    if not code:
        return ""
    return tr_domain("codelists", STATUS_LABELS.get(code, code))


def field_label(kind: str, field: str) -> str:
    """The label of a field of a kind (e.g. projects.amount), translated."""
    from tracker.domain.fields import kind_of

    return tr_domain("Field", kind_of(kind).field(field).label)


def kind_label(kind: str, *, singular: bool = False) -> str:
    from tracker.domain.fields import kind_of

    k = kind_of(kind)
    return tr_domain("Kind", k.singular if singular else k.label)


# --- numbers and dates -------------------------------------------------------------------


def format_number(value: Decimal | float | int | None, decimals: int = 0) -> str:
    """A number with the locale's separators ("1 234,5" in Russian)."""
    if value is None:
        return ""
    return QLocale().toString(float(value), "f", decimals)


def format_money(value: Decimal | float | int | None, currency: str = "", decimals: int = 2) -> str:
    """An amount with the locale's separators, followed by its ISO currency code."""
    if value is None:
        return ""
    text = format_number(value, decimals)
    return f"{text} {currency}" if currency else text


def date_format() -> str:
    """The date format of the language: ISO yyyy-MM-dd in English (the American
    M/d/yyyy misleads readers elsewhere), else the locale's short format with a
    four-digit year: 27.11.2026 in Russian, 2026/11/27 in Chinese."""
    if _current == "en":
        return "yyyy-MM-dd"
    fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return fmt


def format_date(value: str | dt.date | None) -> str:
    """An ISO date (or date) as the language writes it: 27.11.2026, 2026/11/27, 2026-11-27."""
    return date_formatter()(value)


def date_formatter(locale: QLocale | None = None) -> Callable[[str | dt.date | None], str]:
    """:func:`format_date` with the format and locale looked up once (a table formats
    thousands of dates in one language; a language change builds a new window)."""
    fmt, loc = date_format(), locale or QLocale()
    iso = fmt == "yyyy-MM-dd"

    def text(value: str | dt.date | None) -> str:
        if not value:
            return ""
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value[:10])
            except ValueError:
                return value
        if iso:
            return value.isoformat()[:10]
        return loc.toString(QDate(value.year, value.month, value.day), fmt)

    return text


# --- charts ----------------------------------------------------------------------------------


def chart_title(name: str) -> str:
    """Menu name of a chart in the user's language."""
    t = QCoreApplication.translate
    titles = {
        "status": t("ChartPane", "Portfolio by status"),
        "sector": t("ChartPane", "Financing by sector"),
        "bank": t("ChartPane", "Financing by bank"),
        "disbursement": t("ChartPane", "Disbursed vs committed per project"),
        "timeline": t("ChartPane", "Project timeline"),
        "cumulative": t("ChartPane", "Cumulative disbursement"),
        "residents_country": t("ChartPane", "Residents by country"),
        "residents_status": t("ChartPane", "Residents by status"),
        "ventures": t("ChartPane", "Ventures by kind and sector"),
        "plan": t("ChartPane", "Disbursement: plan against actual"),
    }
    return titles.get(name, name)


def chart_texts() -> Any:
    """tracker.charts.data.ChartTexts in the current language, with its separators."""
    from tracker.charts.data import PROJECT_STATUSES, RESIDENT_STATUSES, ChartTexts

    loc = QLocale()
    return ChartTexts(
        no_data=QCoreApplication.translate("ChartTexts", "No data for this selection"),
        more=QCoreApplication.translate("ChartTexts", "+ {n} more not shown"),
        committed=QCoreApplication.translate("ChartTexts", "Committed"),
        disbursed=QCoreApplication.translate("ChartTexts", "Disbursed"),
        amount=QCoreApplication.translate("ChartTexts", "Amount"),
        disbursed_share=QCoreApplication.translate("ChartTexts", "Disbursed (% of committed)"),
        cumulative_disbursed=QCoreApplication.translate("ChartTexts", "Cumulative disbursement"),
        total_committed=QCoreApplication.translate("ChartTexts", "Committed: {amount}"),
        number_of_projects=QCoreApplication.translate("ChartTexts", "Number of projects"),
        number_of_residents=QCoreApplication.translate("ChartTexts", "Number of residents"),
        number_of_ventures=QCoreApplication.translate("ChartTexts", "Number of ventures"),
        declared_investment=QCoreApplication.translate("ChartTexts", "Declared investment"),
        joint_venture=QCoreApplication.translate("ChartTexts", "Joint venture"),
        foreign_owned=QCoreApplication.translate("ChartTexts", "Foreign-owned"),
        planned=QCoreApplication.translate("ChartTexts", "Planned"),
        today=QCoreApplication.translate("ChartTexts", "Today"),
        amount_axis=QCoreApplication.translate("ChartTexts", "{what}, {unit} {currency}"),
        amount_axis_units=QCoreApplication.translate("ChartTexts", "{what}, {currency}"),
        thousand=QCoreApplication.translate("ChartTexts", "thousand"),
        million=QCoreApplication.translate("ChartTexts", "million"),
        billion=QCoreApplication.translate("ChartTexts", "billion"),
        decimal_sep=loc.decimalPoint(),
        thousands_sep=loc.groupSeparator(),
        status_names={c: code_label(c) for c in (*PROJECT_STATUSES, *RESIDENT_STATUSES)},
    )
