"""The user's preferences, typed and checked, over one INI file (QSettings).

Why a wrapper: QSettings hands back strings (or a str where a one-item list was
stored), so every reader would repeat the conversions and the defaults. Here
each preference has one getter with its default and one setter that refuses a
bad value with a message naming the preference and the rule.

Where the file lives: ``settings.ini`` in the user config folder (platformdirs,
read at call time so tests that point ``XDG_CONFIG_HOME`` at a temporary folder
never touch the real one). Window layout (QMainWindow state) may share the same
file through :meth:`Settings.qsettings`.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from pathlib import Path

from PySide6.QtCore import QSettings

from tracker.paths import APP_DIR_NAME

LANGUAGES = ("en", "ru", "zh")
"""Languages the program is translated into; "" in the settings means the system's."""
DEFAULT_CURRENCY = "USD"
DEFAULT_KEEP_BACKUPS = 10
MAX_KEEP_BACKUPS = 1000
MAX_RECENT = 8
_CURRENCY = re.compile(r"^[A-Z]{3}$")


class SettingsError(ValueError):
    """A preference value that breaks its rule; the message names both."""


def settings_path() -> Path:
    """The INI file every Settings() without a path reads and writes."""
    if os.environ.get("TRACKER_SETTINGS"):
        return Path(os.environ["TRACKER_SETTINGS"])
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_DIR_NAME, appauthor=False)) / "settings.ini"


def private_file(path: Path) -> None:
    """The file readable by its owner only, in a folder only the owner may open (0600/0700,
    like the database): it names the person, their files and folders. Nothing is made."""
    for p, mode in ((path.parent, 0o700), (path, 0o600)):
        with contextlib.suppress(OSError):
            if p.exists() and p.stat().st_mode & 0o777 != mode:
                os.chmod(p, mode)


def check_language(value: str) -> str:
    if value not in ("", *LANGUAGES):
        raise SettingsError(
            f"Language: '{value}' is not one of {', '.join(LANGUAGES)} (or empty for the system's)"
        )
    return value


def check_currency(value: str) -> str:
    value = (value or "").strip().upper()
    if not _CURRENCY.match(value):
        raise SettingsError(
            f"Reporting currency: '{value}' is not a three-letter ISO 4217 code (e.g. USD)"
        )
    return value


def check_user_name(value: str) -> str:
    value = (value or "").strip()
    if len(value) > 100:
        raise SettingsError(f"User name: {len(value)} characters is longer than 100")
    if any(ord(ch) < 32 for ch in value):
        raise SettingsError("User name: control characters (tabs, new lines) are not allowed")
    return value


def check_folder(what: str, value: str | os.PathLike[str] | None) -> str:
    """ "" (the default) or a full path that is not a file."""
    text = str(value).strip() if value else ""
    if text and not Path(text).is_absolute():
        raise SettingsError(f"{what}: '{text}' is not a full path (start it at a drive or /)")
    if text and Path(text).exists() and not Path(text).is_dir():
        raise SettingsError(f"{what}: '{text}' is a file, not a folder")
    return text


def check_keep_backups(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SettingsError(f"Backups to keep: '{value}' is not a whole number")
    if not 1 <= value <= MAX_KEEP_BACKUPS:
        raise SettingsError(f"Backups to keep: {value} is not between 1 and {MAX_KEEP_BACKUPS}")
    return value


class Settings:
    """Typed access to the preferences; every setter writes through at once."""

    def __init__(self, path: str | os.PathLike[str] | None = None):
        self.path = Path(path) if path is not None else settings_path()
        private_file(self.path)
        self._q = QSettings(str(self.path), QSettings.Format.IniFormat)

    def qsettings(self) -> QSettings:
        """The underlying QSettings, for window geometry/state."""
        return self._q

    def sync(self) -> None:
        self._q.sync()
        private_file(self.path)

    def _str(self, key: str, default: str = "") -> str:
        value = self._q.value(key, default)
        return default if value is None else str(value)

    def _set(self, key: str, value: object) -> None:
        self._q.setValue(key, value)
        self.sync()

    def update(
        self,
        *,
        language: str,
        currency: str,
        user_name: str,
        backup_dir: str | os.PathLike[str] | None,
        keep_backups: int,
        export_dir: str | os.PathLike[str] | None,
    ) -> None:
        """Check every value first and write them only if all pass (all or nothing)."""
        values = {
            "ui/language": check_language(language),
            "report/currency": check_currency(currency),
            "audit/user": check_user_name(user_name),
            "backup/folder": check_folder("Backup folder", backup_dir),
            "backup/keep": check_keep_backups(keep_backups),
            "export/folder": check_folder("Export folder", export_dir),
        }
        for key, value in values.items():
            self._q.setValue(key, value)
        self._q.sync()

    # --- language -------------------------------------------------------------------

    @property
    def language(self) -> str:
        """ "en", "ru", "zh", or "" for the system's language."""
        value = self._str("ui/language")
        return value if value in LANGUAGES else ""

    @language.setter
    def language(self, value: str) -> None:
        self._set("ui/language", check_language(value))

    # --- reporting currency --------------------------------------------------------

    @property
    def currency(self) -> str:
        value = self._str("report/currency", DEFAULT_CURRENCY).upper()
        return value if _CURRENCY.match(value) else DEFAULT_CURRENCY

    @currency.setter
    def currency(self, value: str) -> None:
        self._set("report/currency", check_currency(value))

    # --- user name for the audit log -----------------------------------------------

    @property
    def user_name(self) -> str:
        """The name written into the audit log; "" means the computer login."""
        return self._str("audit/user").strip()

    @user_name.setter
    def user_name(self, value: str) -> None:
        self._set("audit/user", check_user_name(value))

    # --- backups -----------------------------------------------------------------------

    @property
    def backup_dir(self) -> Path | None:
        """Folder for automatic backups; None means beside the database."""
        value = self._str("backup/folder").strip()
        return Path(value) if value else None

    @backup_dir.setter
    def backup_dir(self, value: str | os.PathLike[str] | None) -> None:
        self._set("backup/folder", check_folder("Backup folder", value))

    @property
    def keep_backups(self) -> int:
        try:
            n = int(self._str("backup/keep", str(DEFAULT_KEEP_BACKUPS)))
        except ValueError:
            return DEFAULT_KEEP_BACKUPS
        return n if 1 <= n <= MAX_KEEP_BACKUPS else DEFAULT_KEEP_BACKUPS

    @keep_backups.setter
    def keep_backups(self, value: int) -> None:
        self._set("backup/keep", check_keep_backups(value))

    # --- export folder ---------------------------------------------------------------

    @property
    def export_dir(self) -> Path | None:
        """Where export dialogs start; None means beside the database."""
        value = self._str("export/folder").strip()
        return Path(value) if value else None

    @export_dir.setter
    def export_dir(self, value: str | os.PathLike[str] | None) -> None:
        self._set("export/folder", check_folder("Export folder", value))

    # --- recent files --------------------------------------------------------------------

    @property
    def recent_files(self) -> list[Path]:
        """Most recent first, only files that still exist, at most MAX_RECENT."""
        return [p for p in self.recent_databases if isinstance(p, Path)]

    @property
    def recent_databases(self) -> list[Path | str]:
        """Files that still exist and team servers (connection URLs, never with a
        password), most recent first, at most MAX_RECENT."""
        try:
            items = json.loads(self._str("files/recent", "[]"))
        except json.JSONDecodeError:
            return []
        if not isinstance(items, list):
            return []
        out: list[Path | str] = []
        for item in items:
            if not isinstance(item, str) or not item:
                continue
            if _is_url(item):
                out.append(_redact(item))
            elif Path(item).is_file():
                out.append(Path(item))
        return out[:MAX_RECENT]

    def add_recent_file(self, path: str | os.PathLike[str]) -> list[Path | str]:
        """Put a just-opened database (a file, or a server's URL, kept without its
        password) first in the list (once) and return the list."""
        p = _recent_key(path)
        items = [p] + [q for q in self.recent_databases if _recent_key(q) != p]
        items = items[:MAX_RECENT]
        self._set("files/recent", json.dumps([str(q) for q in items]))
        return items

    def remove_recent_file(self, path: str | os.PathLike[str]) -> None:
        p = _recent_key(path)
        items = [q for q in self.recent_databases if _recent_key(q) != p]
        self._set("files/recent", json.dumps([str(q) for q in items]))

    def clear_recent_files(self) -> None:
        self._set("files/recent", "[]")

    @property
    def last_database(self) -> Path | str | None:
        """The database open when the program last closed, if it still exists: a file, or
        a team server's URL (kept without a password)."""
        value = self._str("files/last").strip()
        if _is_url(value):
            return _redact(value)
        return Path(value) if value and Path(value).is_file() else None

    @property
    def last_database_kept(self) -> bool:
        """Whether a last database is named, whether or not it still exists."""
        return bool(self._str("files/last").strip())

    @last_database.setter
    def last_database(self, value: str | os.PathLike[str] | None) -> None:
        self._set("files/last", str(_recent_key(value)) if value else "")


def _is_url(target: object) -> bool:
    return isinstance(target, str) and target.lower().startswith(("postgresql://", "postgres://"))


def _redact(url: str) -> str:
    from tracker.store.opening import safe_target

    return safe_target(url)


def _recent_key(target: str | os.PathLike[str]) -> Path | str:
    """How an entry of the recent list is compared: a file's full path, a URL without password."""
    if _is_url(target):
        return _redact(str(target))
    return Path(target).resolve()
