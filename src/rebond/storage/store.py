"""One owner's journal: every read, write, delete, export and count is filtered on the owner the store is bound to.

A ``Store`` is built for each script run from the signed-in person (or the local owner in personal
mode); it is cheap, holds no rows, and cannot be asked for another owner's rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
from collections import Counter
from typing import Any

from rebond.models import Draft, DraftRequest, InterviewContext, ReplyAnalysis, Tone
from rebond.storage import schema
from rebond.storage.database import Database
from rebond.storage.owner import Owner
from rebond.storage.records import Application, Preferences, SavedAnalysis, SavedDraft

# A request drafted (or marked sent) this many days ago with no reply recorded
# deserves a polite follow-up; one week is the usual advice.
FOLLOW_UP_AFTER_DAYS = 7
EXPORT_FORMAT = "rebond-export"

# Appended to every WHERE: the one owner filter, written once.
_MINE = "owner_issuer = :owner_issuer AND owner_subject = :owner_subject"


class NotFound(LookupError):
    """No row of this owner has that id."""


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


class Store:
    """The journal as one owner sees it."""

    def __init__(self, database: Database, owner: Owner) -> None:
        if not isinstance(owner, Owner):
            raise TypeError("a Store needs an Owner")
        self._db = database
        self._owner = owner

    @property
    def owner(self) -> Owner:
        return self._owner

    @property
    def path(self):
        return self._db.path

    def _who(self, **values: Any) -> dict[str, Any]:
        return {"owner_issuer": self._owner.issuer, "owner_subject": self._owner.subject, **values}

    def schema_version(self) -> int:
        """The schema version stored in the file."""
        return self._db.schema_version()

    # -- writing -----------------------------------------------------------

    def _upsert_application(self, conn: sqlite3.Connection, context: InterviewContext) -> int:
        now = _now()
        values = self._who(
            candidate_name=context.candidate_name,
            recruiter_name=context.recruiter_name,
            company=context.company,
            role=context.role,
            interview_date=context.interview_date.isoformat() if context.interview_date else None,
            context_json=context.model_dump_json(),
            now=now,
        )
        row = conn.execute(
            f"SELECT id FROM applications WHERE {_MINE} AND candidate_name = :candidate_name "
            "AND company = :company AND role = :role",
            values,
        ).fetchone()
        if row:
            conn.execute(
                "UPDATE applications SET recruiter_name = :recruiter_name, interview_date = :interview_date, "
                f"context_json = :context_json, updated_at = :now WHERE id = :id AND {_MINE}",
                {**values, "id": row["id"]},
            )
            return int(row["id"])
        cur = conn.execute(
            "INSERT INTO applications (owner_issuer, owner_subject, created_at, updated_at, candidate_name, "
            "recruiter_name, company, role, interview_date, context_json) VALUES (:owner_issuer, :owner_subject, "
            ":now, :now, :candidate_name, :recruiter_name, :company, :role, :interview_date, :context_json)",
            values,
        )
        return int(cur.lastrowid or 0)

    def save_draft(self, request: DraftRequest, draft: Draft) -> tuple[int, int]:
        """Keep a draft; returns (application id, draft id).

        One row per application, language, channel, variant and engine: moving a
        slider refines that row instead of adding one per keystroke, while
        "another version" or another channel is kept as its own draft.
        """
        now = _now()
        # Read-then-write: take the write lock first, or two sessions saving the same
        # new application both insert it and the second fails on the unique index.
        with self._db.connect(immediate=True) as conn:
            app_id = self._upsert_application(conn, request.context)
            key = self._who(
                application_id=app_id, language=str(request.language), channel=str(request.channel),
                variant=request.variant, engine=draft.engine,
            )  # fmt: skip
            row = conn.execute(
                f"SELECT id FROM drafts WHERE {_MINE} AND application_id = :application_id AND language = :language "
                "AND channel = :channel AND variant = :variant AND engine = :engine",
                key,
            ).fetchone()
            payload = {"request_json": request.model_dump_json(), "draft_json": draft.model_dump_json(), "now": now}
            if row:
                conn.execute(
                    "UPDATE drafts SET request_json = :request_json, draft_json = :draft_json, updated_at = :now "
                    f"WHERE id = :id AND {_MINE}",
                    {**key, **payload, "id": row["id"]},
                )
                return app_id, int(row["id"])
            cur = conn.execute(
                "INSERT INTO drafts (owner_issuer, owner_subject, application_id, created_at, updated_at, language, "
                "channel, variant, engine, request_json, draft_json) VALUES (:owner_issuer, :owner_subject, "
                ":application_id, :now, :now, :language, :channel, :variant, :engine, :request_json, :draft_json)",
                {**key, **payload},
            )
            return app_id, int(cur.lastrowid or 0)

    def save_analysis(self, reply: str, analysis: ReplyAnalysis, application_id: int | None = None) -> int:
        """Keep an analysis; linking it to an application records that a reply came in. NotFound for another's id."""
        now = _now()
        categories = [str(finding.category) for finding in analysis.categories]
        with self._db.connect(immediate=True) as conn:
            if application_id is not None and not self._owns(conn, "applications", application_id):
                raise NotFound(f"no application {application_id}")
            cur = conn.execute(
                "INSERT INTO analyses (owner_issuer, owner_subject, application_id, created_at, kind, categories, "
                "reply, analysis_json) VALUES (:owner_issuer, :owner_subject, :application_id, :now, :kind, "
                ":categories, :reply, :analysis_json)",
                self._who(
                    application_id=application_id, now=now, kind=str(analysis.kind),
                    categories=json.dumps(categories), reply=reply, analysis_json=analysis.model_dump_json(),
                ),
            )  # fmt: skip
            if application_id is not None:
                conn.execute(
                    "UPDATE applications SET reply_received = 1, reply_received_at = COALESCE(reply_received_at, "
                    f":day), updated_at = :now WHERE id = :id AND {_MINE}",
                    self._who(day=now[:10], now=now, id=application_id),
                )
            return int(cur.lastrowid or 0)

    def _owns(self, conn: sqlite3.Connection, table: str, row_id: int) -> bool:
        return conn.execute(f"SELECT 1 FROM {table} WHERE id = :id AND {_MINE}", self._who(id=row_id)).fetchone() is not None

    def mark_sent(self, application_id: int, when: dt.date | None = None) -> bool:
        """Record the day the feedback request was sent; False when this owner has no such application."""
        day = (when or dt.date.today()).isoformat()
        with self._db.connect() as conn:
            return conn.execute(
                f"UPDATE applications SET sent_at = :day, updated_at = :now WHERE id = :id AND {_MINE}",
                self._who(day=day, now=_now(), id=application_id),
            ).rowcount > 0

    def set_reply_received(self, application_id: int, received: bool, when: dt.date | None = None) -> bool:
        """Set or clear the reply-received flag (and its date); False when this owner has no such application."""
        day = (when or dt.date.today()).isoformat() if received else None
        with self._db.connect() as conn:
            return conn.execute(
                "UPDATE applications SET reply_received = :received, reply_received_at = :day, updated_at = :now "
                f"WHERE id = :id AND {_MINE}",
                self._who(received=int(received), day=day, now=_now(), id=application_id),
            ).rowcount > 0

    def delete_application(self, application_id: int) -> bool:
        """Delete an application with its drafts and analyses; False when this owner has no such application."""
        with self._db.connect() as conn:
            return conn.execute(f"DELETE FROM applications WHERE id = :id AND {_MINE}", self._who(id=application_id)).rowcount > 0

    def delete_analysis(self, analysis_id: int) -> bool:
        """Delete one analysis; False when this owner has no such analysis."""
        with self._db.connect() as conn:
            return conn.execute(f"DELETE FROM analyses WHERE id = :id AND {_MINE}", self._who(id=analysis_id)).rowcount > 0

    def save_preferences(self, preferences: Preferences) -> None:
        """Keep this person's interface language and default tone."""
        with self._db.connect() as conn:
            conn.execute(
                "INSERT INTO preferences (owner_issuer, owner_subject, updated_at, ui_language, tone_json) "
                "VALUES (:owner_issuer, :owner_subject, :now, :ui_language, :tone_json) "
                "ON CONFLICT (owner_issuer, owner_subject) DO UPDATE SET updated_at = :now, "
                "ui_language = :ui_language, tone_json = :tone_json",
                self._who(
                    now=_now(), ui_language=preferences.ui_language,
                    tone_json=preferences.tone.model_dump_json() if preferences.tone else None,
                ),
            )  # fmt: skip

    def erase_all(self) -> dict[str, int]:
        """Delete every row this owner has, in every table; the number removed per table."""
        with self._db.connect(immediate=True) as conn:
            removed = {}
            for table in reversed(schema.OWNED_TABLES):
                removed[table] = conn.execute(f"DELETE FROM {table} WHERE {_MINE}", self._who()).rowcount
            return removed

    # -- reading -----------------------------------------------------------

    def applications(self) -> list[Application]:
        """Every application, most recently updated first."""
        with self._db.connect() as conn:
            rows = conn.execute(
                "SELECT a.*, (SELECT MIN(created_at) FROM drafts d WHERE d.application_id = a.id) AS first_draft_at, "
                "(SELECT COUNT(*) FROM drafts d WHERE d.application_id = a.id) AS draft_count, "
                "(SELECT COUNT(*) FROM analyses n WHERE n.application_id = a.id) AS analysis_count "
                "FROM applications a WHERE a.owner_issuer = :owner_issuer AND a.owner_subject = :owner_subject "
                "ORDER BY a.updated_at DESC, a.id DESC",
                self._who(),
            ).fetchall()
        return [_application(row) for row in rows]

    def application(self, application_id: int) -> Application | None:
        """One application, or None."""
        return next((app for app in self.applications() if app.id == application_id), None)

    def drafts(self, application_id: int | None = None) -> list[SavedDraft]:
        """Drafts of one application (or all), newest first."""
        query = f"SELECT * FROM drafts WHERE {_MINE}"
        if application_id is not None:
            query += " AND application_id = :application_id"
        with self._db.connect() as conn:
            rows = conn.execute(
                query + " ORDER BY updated_at DESC, id DESC", self._who(application_id=application_id)
            ).fetchall()
        return [
            SavedDraft(
                id=row["id"],
                application_id=row["application_id"],
                created_at=row["created_at"],
                updated_at=row["updated_at"],
                request=DraftRequest.model_validate_json(row["request_json"]),
                draft=Draft.model_validate_json(row["draft_json"]),
            )
            for row in rows
        ]

    def latest_request(self) -> DraftRequest | None:
        """The request behind the most recently saved draft, to restore the form after a reload."""
        drafts = self.drafts()
        return drafts[0].request if drafts else None

    def analyses(self, application_id: int | None = None) -> list[SavedAnalysis]:
        """Analyses of one application (or all), newest first."""
        query = f"SELECT * FROM analyses WHERE {_MINE}"
        if application_id is not None:
            query += " AND application_id = :application_id"
        with self._db.connect() as conn:
            rows = conn.execute(
                query + " ORDER BY created_at DESC, id DESC", self._who(application_id=application_id)
            ).fetchall()
        return [
            SavedAnalysis(
                id=row["id"],
                application_id=row["application_id"],
                created_at=row["created_at"],
                reply=row["reply"],
                analysis=ReplyAnalysis.model_validate_json(row["analysis_json"]),
                categories=json.loads(row["categories"]),
            )
            for row in rows
        ]

    def preferences(self) -> Preferences:
        """This person's preferences (empty when never set)."""
        with self._db.connect() as conn:
            row = conn.execute(f"SELECT * FROM preferences WHERE {_MINE}", self._who()).fetchone()
        if row is None:
            return Preferences()
        tone = Tone.model_validate_json(row["tone_json"]) if row["tone_json"] else None
        return Preferences(ui_language=row["ui_language"], tone=tone)

    def follow_ups(self, today: dt.date | None = None, after_days: int = FOLLOW_UP_AFTER_DAYS) -> list[Application]:
        """Applications asked about at least ``after_days`` ago with no reply recorded, oldest first."""
        today = today or dt.date.today()
        due = [
            app
            for app in self.applications()
            if not app.reply_received and app.asked_on is not None and (today - app.asked_on).days >= after_days
        ]
        return sorted(due, key=lambda app: app.asked_on or today)

    def category_counts(self) -> Counter[str]:
        """How often each feedback area came up across all analyses."""
        counts: Counter[str] = Counter()
        for saved in self.analyses():
            counts.update(saved.categories)
        return counts

    def kinds_by_month(self) -> list[dict[str, object]]:
        """Rows of month (YYYY-MM), kind and count, for a chart of kinds over time."""
        with self._db.connect() as conn:
            rows = conn.execute(
                "SELECT substr(created_at, 1, 7) AS month, kind, COUNT(*) AS count FROM analyses "
                f"WHERE {_MINE} GROUP BY month, kind ORDER BY month, kind",
                self._who(),
            ).fetchall()
        return [dict(row) for row in rows]

    def counts(self) -> dict[str, int]:
        """How many rows this owner has in each table."""
        with self._db.connect() as conn:
            return {
                table: int(conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {_MINE}", self._who()).fetchone()[0])
                for table in schema.OWNED_TABLES
            }

    def export_all(self) -> dict[str, Any]:
        """Everything this owner has, every column but the owner's own, with the schema version (Law 25, GDPR)."""
        tables: dict[str, list[dict[str, Any]]] = {}
        with self._db.connect() as conn:
            for table in schema.OWNED_TABLES:
                rows = conn.execute(f"SELECT * FROM {table} WHERE {_MINE} ORDER BY rowid", self._who()).fetchall()
                tables[table] = [_exported(dict(row)) for row in rows]
        return {
            "format": EXPORT_FORMAT,
            "schema_version": schema.SCHEMA_VERSION,
            "exported_at": _now(),
            "owner": {"issuer": self._owner.issuer, "subject": self._owner.subject},
            "counts": {table: len(rows) for table, rows in tables.items()},
            **tables,
        }

    def export_json(self) -> str:
        """``export_all`` as indented UTF-8 JSON text, for "Download my data"."""
        return json.dumps(self.export_all(), ensure_ascii=False, indent=2)

    def export_csv(self) -> str:
        """Every application with its latest draft and analysis, as CSV text (UTF-8, one row each)."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            [
                "id", "company", "role", "candidate_name", "recruiter_name", "interview_date", "created_at",
                "sent_at", "reply_received", "reply_received_at", "drafts", "analyses", "latest_kind",
                "latest_categories", "latest_subject", "latest_draft",
            ]
        )  # fmt: skip
        for app in sorted(self.applications(), key=lambda a: a.id):
            drafts = self.drafts(app.id)
            analyses = self.analyses(app.id)
            latest_draft = drafts[0].draft if drafts else None
            latest_analysis = analyses[0] if analyses else None
            writer.writerow(_spreadsheet_safe(
                [
                    app.id, app.company, app.role, app.candidate_name, app.recruiter_name,
                    app.interview_date or "", app.created_at, app.sent_at or "", int(app.reply_received),
                    app.reply_received_at or "", len(drafts), len(analyses),
                    str(latest_analysis.analysis.kind) if latest_analysis else "",
                    " ".join(latest_analysis.categories) if latest_analysis else "",
                    (latest_draft.subject or "") if latest_draft else "",
                    latest_draft.body if latest_draft else "",
                ]
            ))  # fmt: skip
        return out.getvalue()


def _exported(row: dict[str, Any]) -> dict[str, Any]:
    """One row for the export: stored JSON columns as JSON, not as strings; the owner is said once, at the top."""
    row.pop("owner_issuer", None)
    row.pop("owner_subject", None)
    for column in [name for name in row if name.endswith("_json") or name == "categories"]:
        value = row.pop(column)
        row[column.removesuffix("_json")] = json.loads(value) if value else None
    return row


def _spreadsheet_safe(cells: list[object]) -> list[object]:
    """Text that a spreadsheet would run as a formula (=, +, -, @) is kept as text with a leading quote."""
    return [f"'{cell}" if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell
            for cell in cells]


def _application(row: sqlite3.Row) -> Application:
    return Application(
        id=row["id"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        candidate_name=row["candidate_name"],
        recruiter_name=row["recruiter_name"],
        company=row["company"],
        role=row["role"],
        interview_date=row["interview_date"],
        context=InterviewContext.model_validate_json(row["context_json"]),
        sent_at=row["sent_at"],
        reply_received=bool(row["reply_received"]),
        reply_received_at=row["reply_received_at"],
        first_draft_at=row["first_draft_at"],
        draft_count=row["draft_count"],
        analysis_count=row["analysis_count"],
    )
