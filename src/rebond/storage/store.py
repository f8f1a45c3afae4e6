"""One owner's journal: every read, write, delete, export and count is filtered on the owner the store is bound to.

A ``Store`` is built for each script run from the signed-in person (or the local owner in personal
mode); it is cheap, holds no rows, and cannot be asked for another owner's rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import Counter
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Connection, text

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
# The journal page's one query: each application with its first draft's date and its counts.
_APPLICATIONS = (
    "SELECT a.*, "
    "(SELECT MIN(d.created_at) FROM drafts d WHERE d.owner_issuer = a.owner_issuer AND d.owner_subject = "
    "a.owner_subject AND d.application_id = a.id) AS first_draft_at, "
    "(SELECT COUNT(*) FROM drafts d WHERE d.owner_issuer = a.owner_issuer AND d.owner_subject = a.owner_subject "
    "AND d.application_id = a.id) AS draft_count, "
    "(SELECT COUNT(*) FROM analyses n WHERE n.owner_issuer = a.owner_issuer AND n.owner_subject = a.owner_subject "
    "AND n.application_id = a.id) AS analysis_count "
    "FROM applications a WHERE a.owner_issuer = :owner_issuer AND a.owner_subject = :owner_subject "
    "ORDER BY a.updated_at DESC, a.id DESC"
)
T = TypeVar("T")


# The order "newest draft" means everywhere: last updated, then last written.
_DRAFTS_NEWEST_FIRST = "updated_at DESC, id DESC"


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
        """The SQLite file (None on a database server)."""
        return self._db.path

    @property
    def where(self) -> str:
        """Where the journal is, for messages: the file, or the server's URL without its password."""
        return self._db.where

    def _who(self, **values: Any) -> dict[str, Any]:
        return {"owner_issuer": self._owner.issuer, "owner_subject": self._owner.subject, **values}

    def schema_version(self) -> int:
        """The schema version stored in the file."""
        return self._db.schema_version()

    def _run(self, body: Callable[[Connection], T], immediate: bool = False) -> T:
        """``body`` in one short transaction as this owner (retried on a serialization failure)."""
        return self._db.transaction(body, self._owner, immediate)

    def _rows(self, conn: Connection, sql: str, **values: Any) -> list[Any]:
        return list(conn.execute(text(sql), self._who(**values)).mappings())

    # -- writing -----------------------------------------------------------

    def _upsert_application(self, conn: Connection, context: InterviewContext) -> int:
        """The application's id: one row per owner, candidate, company and role, refreshed with the latest details."""
        values = self._who(
            candidate_name=context.candidate_name,
            recruiter_name=context.recruiter_name,
            company=context.company,
            role=context.role,
            interview_date=context.interview_date.isoformat() if context.interview_date else None,
            context_json=context.model_dump_json(),
            now=_now(),
        )
        return int(conn.execute(text(
            "INSERT INTO applications (owner_issuer, owner_subject, created_at, updated_at, candidate_name, "
            "recruiter_name, company, role, interview_date, context_json) VALUES (:owner_issuer, :owner_subject, "
            ":now, :now, :candidate_name, :recruiter_name, :company, :role, :interview_date, :context_json) "
            "ON CONFLICT (owner_issuer, owner_subject, candidate_name, company, role) DO UPDATE SET "
            "recruiter_name = excluded.recruiter_name, interview_date = excluded.interview_date, "
            "context_json = excluded.context_json, updated_at = excluded.updated_at RETURNING id"
        ), values).scalar_one())

    def save_draft(self, request: DraftRequest, draft: Draft) -> tuple[int, int]:
        """Keep a draft; returns (application id, draft id).

        One row per application, language, channel, variant and engine: moving a
        slider refines that row instead of adding one per keystroke, while
        "another version" or another channel is kept as its own draft.
        """

        def body(conn: Connection) -> tuple[int, int]:
            app_id = self._upsert_application(conn, request.context)
            draft_id = conn.execute(text(
                "INSERT INTO drafts (owner_issuer, owner_subject, application_id, created_at, updated_at, language, "
                "channel, variant, engine, request_json, draft_json) VALUES (:owner_issuer, :owner_subject, "
                ":application_id, :now, :now, :language, :channel, :variant, :engine, :request_json, :draft_json) "
                "ON CONFLICT (owner_issuer, owner_subject, application_id, language, channel, variant, engine) "
                "DO UPDATE SET request_json = excluded.request_json, draft_json = excluded.draft_json, "
                "updated_at = excluded.updated_at RETURNING id"
            ), self._who(
                application_id=app_id, language=str(request.language), channel=str(request.channel),
                variant=request.variant, engine=draft.engine, request_json=request.model_dump_json(),
                draft_json=draft.model_dump_json(), now=_now(),
            )).scalar_one()  # fmt: skip
            return app_id, int(draft_id)

        # Both upserts in one write transaction: two sessions saving the same new application make one row.
        return self._run(body, immediate=True)

    def save_analysis(self, reply: str, analysis: ReplyAnalysis, application_id: int | None = None) -> int:
        """Keep an analysis; linking it to an application records that a reply came in. NotFound for another's id."""
        categories = [str(finding.category) for finding in analysis.categories]

        def body(conn: Connection) -> int:
            now = _now()
            if application_id is not None and not self._owns(conn, "applications", application_id):
                raise NotFound(f"no application {application_id}")
            new_id = conn.execute(text(
                "INSERT INTO analyses (owner_issuer, owner_subject, application_id, created_at, kind, categories, "
                "reply, analysis_json) VALUES (:owner_issuer, :owner_subject, :application_id, :now, :kind, "
                ":categories, :reply, :analysis_json) RETURNING id"
            ), self._who(
                application_id=application_id, now=now, kind=str(analysis.kind),
                categories=json.dumps(categories), reply=reply, analysis_json=analysis.model_dump_json(),
            )).scalar_one()  # fmt: skip
            if application_id is not None:
                conn.execute(text(
                    "UPDATE applications SET reply_received = 1, reply_received_at = COALESCE(reply_received_at, "
                    f":day), updated_at = :now WHERE id = :id AND {_MINE}"
                ), self._who(day=now[:10], now=now, id=application_id))  # fmt: skip
            return int(new_id)

        return self._run(body, immediate=True)

    def _owns(self, conn: Connection, table: str, row_id: int) -> bool:
        return bool(self._rows(conn, f"SELECT 1 FROM {table} WHERE id = :id AND {_MINE}", id=row_id))

    def _change(self, sql: str, **values: Any) -> int:
        """Rows changed by one UPDATE or DELETE of this owner's rows."""
        return self._run(lambda conn: conn.execute(text(sql), self._who(**values)).rowcount)

    def mark_sent(self, application_id: int, when: dt.date | None = None) -> bool:
        """Record the day the feedback request was sent; False when this owner has no such application."""
        day = (when or dt.date.today()).isoformat()
        return self._change(
            f"UPDATE applications SET sent_at = :day, updated_at = :now WHERE id = :id AND {_MINE}",
            day=day, now=_now(), id=application_id,
        ) > 0  # fmt: skip

    def set_reply_received(self, application_id: int, received: bool, when: dt.date | None = None) -> bool:
        """Set or clear the reply-received flag (and its date); False when this owner has no such application."""
        day = (when or dt.date.today()).isoformat() if received else None
        return self._change(
            "UPDATE applications SET reply_received = :received, reply_received_at = :day, updated_at = :now "
            f"WHERE id = :id AND {_MINE}",
            received=int(received), day=day, now=_now(), id=application_id,
        ) > 0  # fmt: skip

    def delete_application(self, application_id: int) -> bool:
        """Delete an application with its drafts and analyses; False when this owner has no such application."""
        return self._change(f"DELETE FROM applications WHERE id = :id AND {_MINE}", id=application_id) > 0

    def delete_analysis(self, analysis_id: int) -> bool:
        """Delete one analysis; False when this owner has no such analysis."""
        return self._change(f"DELETE FROM analyses WHERE id = :id AND {_MINE}", id=analysis_id) > 0

    def save_preferences(self, preferences: Preferences) -> None:
        """Keep this person's interface language and default tone."""
        self._change(
            "INSERT INTO preferences (owner_issuer, owner_subject, updated_at, ui_language, tone_json) "
            "VALUES (:owner_issuer, :owner_subject, :now, :ui_language, :tone_json) "
            "ON CONFLICT (owner_issuer, owner_subject) DO UPDATE SET updated_at = excluded.updated_at, "
            "ui_language = excluded.ui_language, tone_json = excluded.tone_json",
            now=_now(), ui_language=preferences.ui_language,
            tone_json=preferences.tone.model_dump_json() if preferences.tone else None,
        )  # fmt: skip

    def erase_all(self) -> dict[str, int]:
        """Delete every row this owner has, in every table; the number removed per table (LLM use goes too)."""

        def body(conn: Connection) -> dict[str, int]:
            removed = {}
            for table in reversed(schema.OWNED_TABLES):
                removed[table] = conn.execute(text(f"DELETE FROM {table} WHERE {_MINE}"), self._who()).rowcount
            for table in schema.USAGE_TABLES:
                conn.execute(text(f"DELETE FROM {table} WHERE {_MINE}"), self._who())
            return removed

        return self._run(body, immediate=True)

    # -- reading -----------------------------------------------------------

    def applications(self) -> list[Application]:
        """Every application, most recently updated first."""
        rows = self._run(lambda conn: self._rows(conn, _APPLICATIONS))
        return [_application(row) for row in rows]

    def application(self, application_id: int) -> Application | None:
        """One application, or None."""
        return next((app for app in self.applications() if app.id == application_id), None)

    def _owned_rows(self, table: str, order: str, application_id: int | None, limit: int | None = None) -> list[Any]:
        """This owner's rows of ``table`` (of one application, or all), in ``order``; the first ``limit`` only."""
        query = f"SELECT * FROM {table} WHERE {_MINE}"
        if application_id is not None:
            query += " AND application_id = :application_id"
        query += f" ORDER BY {order}"
        if limit is not None:
            query += " LIMIT :limit"
        return self._run(lambda conn: self._rows(conn, query, application_id=application_id, limit=limit))

    def drafts(self, application_id: int | None = None) -> list[SavedDraft]:
        """Drafts of one application (or all), newest first."""
        rows = self._owned_rows("drafts", _DRAFTS_NEWEST_FIRST, application_id)
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
        # Read on every page load: one row, one request parsed, not every draft of the journal.
        rows = self._owned_rows("drafts", _DRAFTS_NEWEST_FIRST, None, limit=1)
        return DraftRequest.model_validate_json(rows[0]["request_json"]) if rows else None

    def analyses(self, application_id: int | None = None) -> list[SavedAnalysis]:
        """Analyses of one application (or all), newest first."""
        rows = self._owned_rows("analyses", "created_at DESC, id DESC", application_id)
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
        rows = self._run(lambda conn: self._rows(conn, f"SELECT * FROM preferences WHERE {_MINE}"))
        if not rows:
            return Preferences()
        row = rows[0]
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
        rows = self._run(lambda conn: self._rows(
            conn,
            "SELECT substr(created_at, 1, 7) AS month, kind, COUNT(*) AS count FROM analyses "
            f"WHERE {_MINE} GROUP BY substr(created_at, 1, 7), kind ORDER BY month, kind",
        ))  # fmt: skip
        return [dict(row) for row in rows]

    def counts(self) -> dict[str, int]:
        """How many rows this owner has in each table."""
        return self._run(lambda conn: {
            table: int(conn.execute(text(f"SELECT COUNT(*) FROM {table} WHERE {_MINE}"), self._who()).scalar_one())
            for table in schema.OWNED_TABLES
        })  # fmt: skip

    def export_all(self) -> dict[str, Any]:
        """Everything this owner has, every column but the owner's own, with the schema version (Law 25, GDPR)."""

        def body(conn: Connection) -> dict[str, list[dict[str, Any]]]:
            return {
                table: [
                    _exported(dict(row))
                    for row in self._rows(conn, f"SELECT * FROM {table} WHERE {_MINE} ORDER BY {schema.ORDER[table]}")
                ]
                for table in schema.OWNED_TABLES
            }

        tables = self._run(body)
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


def _application(row: Any) -> Application:
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
