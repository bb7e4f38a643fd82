"""Custom item roles shared by the table model and its delegates."""

from __future__ import annotations

from PySide6.QtCore import Qt

#: The stored code of a coded cell (status, kind), for badges.
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
#: The record's primary key, on every cell of its row.
ID_ROLE = Qt.ItemDataRole.UserRole + 2
