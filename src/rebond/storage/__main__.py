"""Operator's commands for the journal's database: ``python -m rebond.storage upgrade --owner-url URL``.

Run as the owner role (it owns the tables); ``--app-role`` names the role the app connects as (granted rows
through the row-level security policies, never the tables themselves).
"""

from __future__ import annotations

import argparse
import os
import sys

from rebond.storage.database import Database, upgrade
from rebond.storage.migrate import DEFAULT_APP_ROLE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rebond.storage")
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("upgrade", help="migrate the database to this Rebond's schema")
    up.add_argument("--owner-url", default=os.environ.get("REBOND_DATABASE_OWNER_URL"),
                    help="the database as its owner role (default: REBOND_DATABASE_OWNER_URL); or an SQLite path")
    up.add_argument("--app-role", default=DEFAULT_APP_ROLE, help=f"the app's role (default: {DEFAULT_APP_ROLE})")
    args = parser.parse_args(argv)
    if not args.owner_url:
        parser.error("--owner-url (or REBOND_DATABASE_OWNER_URL) is required")
    if "://" in args.owner_url and not args.owner_url.startswith("sqlite"):
        print("migrated" if upgrade(args.owner_url, args.app_role) else "already current")
    else:  # an SQLite journal upgrades itself on first use
        print(f"schema {Database(args.owner_url).schema_version()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
