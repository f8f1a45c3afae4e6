"""Where a person's journal lives: the only way in is a ``Store`` bound to its owner (``open_store``)."""

from __future__ import annotations

from rebond.storage.database import Database, JournalUnusable, upgrade
from rebond.storage.owner import LOCAL, NotSignedIn, Owner
from rebond.storage.records import Application, Preferences, SavedAnalysis, SavedDraft
from rebond.storage.schema import OWNED_TABLES, SCHEMA_VERSION
from rebond.storage.store import EXPORT_FORMAT, FOLLOW_UP_AFTER_DAYS, NotFound, Store

__all__ = [
    "EXPORT_FORMAT", "FOLLOW_UP_AFTER_DAYS", "LOCAL", "OWNED_TABLES", "SCHEMA_VERSION", "Application", "Database",
    "JournalUnusable", "NotFound", "NotSignedIn", "Owner", "Preferences", "SavedAnalysis", "SavedDraft", "Store",
    "open_store", "upgrade",
]  # fmt: skip


def open_store(database: Database, owner: Owner) -> Store:
    """The journal as ``owner`` sees it."""
    return Store(database, owner)
