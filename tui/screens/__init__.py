"""The reader's screens and dialogs."""

from __future__ import annotations

from .dialogs import ConfirmScreen, ExportScreen, ExportTarget, SourcesScreen
from .help import HelpScreen, KeyRow, key_rows
from .reader import ReaderScreen

__all__ = [
    "ConfirmScreen",
    "ExportScreen",
    "ExportTarget",
    "HelpScreen",
    "KeyRow",
    "ReaderScreen",
    "SourcesScreen",
    "key_rows",
]
