"""Icons, the application icon and translations shipped inside the package
(tracker/resources), so a pip wheel and the PyInstaller bundle both carry them
and they are found the same way: next to this package, never via the cwd."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

from PySide6.QtGui import QIcon

ACTION_ICONS = (
    "new", "save", "revert", "delete", "undo", "redo", "add-update", "print", "export",
    "import", "search", "dashboard", "projects", "residents", "ventures", "reference",
    "settings", "help", "open", "attention", "audit",
)  # fmt: skip
"""Names of the SVG icons in tracker/resources/icons (``<name>.svg``)."""
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def resource_dir() -> Path:
    """tracker/resources, inside a source tree, an installed wheel or a bundle."""
    return Path(str(files("tracker") / "resources"))


def icon_path(name: str) -> Path:
    return resource_dir() / "icons" / f"{name}.svg"


@cache
def icon(name: str) -> QIcon:
    """An action icon by name (see ACTION_ICONS); an unknown name is a KeyError."""
    path = icon_path(name)
    if name not in ACTION_ICONS or not path.is_file():
        raise KeyError(f"no icon named '{name}' in {path.parent}")
    return QIcon(str(path))


@cache
def app_icon() -> QIcon:
    """The program's icon, from the PNG sizes (crisp in task bars) and the SVG."""
    folder = resource_dir() / "icons"
    ic = QIcon()
    for size in APP_ICON_SIZES:
        png = folder / f"app-{size}.png"
        if png.is_file():
            ic.addFile(str(png))
    ic.addFile(str(folder / "app.svg"))
    return ic
