"""The personal journal at one path: the local owner's ``Store``, for personal mode, scripts and tests.

Kept so code written before hosted mode reads as before; the app itself goes through ``rebond.storage``.
"""

from __future__ import annotations

from pathlib import Path

from rebond.storage import (
    FOLLOW_UP_AFTER_DAYS,
    SCHEMA_VERSION,
    Application,
    Database,
    JournalUnusable,
    NotFound,
    Owner,
    SavedAnalysis,
    SavedDraft,
    Store,
)

__all__ = [
    "FOLLOW_UP_AFTER_DAYS", "SCHEMA_VERSION", "Application", "Journal", "JournalUnusable", "NotFound",
    "SavedAnalysis", "SavedDraft",
]  # fmt: skip


class Journal(Store):
    """The local owner's journal in the SQLite file at ``path``."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(Database(path), Owner.local())
