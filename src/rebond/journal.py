"""The job seeker's journal: applications, their drafts and the analyses of replies, in one SQLite file.

Stdlib ``sqlite3`` only. The file is created on first use, in WAL mode, with a
schema version table so a later release can migrate it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rebond.models import Draft, DraftRequest, InterviewContext, ReplyAnalysis

SCHEMA_VERSION = 1
# A request drafted (or marked sent) this many days ago with no reply recorded
# deserves a polite follow-up; one week is the usual advice.
FOLLOW_UP_AFTER_DAYS = 7

_SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS applications (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    candidate_name TEXT NOT NULL,
    recruiter_name TEXT NOT NULL DEFAULT '',
    company TEXT NOT NULL,
    role TEXT NOT NULL,
    interview_date TEXT,
    context_json TEXT NOT NULL,
    sent_at TEXT,
    reply_received INTEGER NOT NULL DEFAULT 0,
    reply_received_at TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS applications_identity
    ON applications (candidate_name, company, role);
CREATE TABLE IF NOT EXISTS drafts (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    language TEXT NOT NULL,
    channel TEXT NOT NULL,
    variant INTEGER NOT NULL,
    engine TEXT NOT NULL,
    request_json TEXT NOT NULL,
    draft_json TEXT NOT NULL,
    UNIQUE (application_id, language, channel, variant, engine)
);
CREATE TABLE IF NOT EXISTS analyses (
    id INTEGER PRIMARY KEY,
    application_id INTEGER REFERENCES applications(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    categories TEXT NOT NULL,
    reply TEXT NOT NULL,
    analysis_json TEXT NOT NULL
);
"""


# Several sessions (threads) may open the journal first at the same moment; one creates it.
_CREATE_LOCK = threading.Lock()


class JournalUnusable(RuntimeError):
    """The file at the journal's path cannot be used as is (damaged, not a journal, or newer); it is left untouched."""


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


@dataclass
class Application:
    """One job the candidate was turned down for, as the journal remembers it."""

    id: int
    created_at: str
    updated_at: str
    candidate_name: str
    recruiter_name: str
    company: str
    role: str
    interview_date: str | None
    context: InterviewContext
    sent_at: str | None
    reply_received: bool
    reply_received_at: str | None
    first_draft_at: str | None = None
    draft_count: int = 0
    analysis_count: int = 0

    @property
    def asked_on(self) -> dt.date | None:
        """When the request went out: the date marked sent, else the first draft's date."""
        when = self.sent_at or self.first_draft_at
        return dt.date.fromisoformat(when[:10]) if when else None


@dataclass
class SavedDraft:
    """A draft kept in the journal, with the request that produced it."""

    id: int
    application_id: int
    created_at: str
    updated_at: str
    request: DraftRequest
    draft: Draft


@dataclass
class SavedAnalysis:
    """An analysis kept in the journal, with the reply it read."""

    id: int
    application_id: int | None
    created_at: str
    reply: str
    analysis: ReplyAnalysis
    categories: list[str] = field(default_factory=list)


class Journal:
    """Read and write the journal at one path; every method opens a short connection."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        self._ready = False

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        if not self._ready:
            self._create()
        conn = sqlite3.connect(self.path, timeout=5)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        # With WAL, NORMAL never corrupts the file; it skips the fsync on each
        # commit, which is what made a slider move cost ~35 ms.
        conn.execute("PRAGMA synchronous = NORMAL")
        try:
            with conn:
                yield conn
        finally:
            conn.close()

    def _create(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _CREATE_LOCK:
            if self._ready:
                return
            conn = sqlite3.connect(self.path, timeout=5)
            try:
                # Read first, write only once the file is known to be ours: a damaged
                # file, another program's database or a newer journal is never touched.
                current = self._check_existing(conn)
                conn.execute("PRAGMA journal_mode = WAL")
                with conn:
                    conn.executescript(_SCHEMA)
                    if current is None:
                        conn.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
            except sqlite3.OperationalError:
                raise  # locked, read-only, no such directory: the file itself is fine
            except sqlite3.DatabaseError as exc:
                raise self._unusable(f"is damaged or is not a Rebond journal ({exc})") from None
            finally:
                conn.close()
            self._ready = True

    def _check_existing(self, conn: sqlite3.Connection) -> int | None:
        """The stored schema version (None for a new, empty file); raises when the file must be left alone."""
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return None
        if "schema_version" not in tables:
            raise self._unusable("is a database, but not a Rebond journal")
        current = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
        if current is not None and current > SCHEMA_VERSION:
            raise self._unusable(f"was written by a newer Rebond (schema {current}); update Rebond to open it")
        if (check := conn.execute("PRAGMA quick_check").fetchone()[0]) != "ok":
            raise self._unusable(f"is damaged ({check})")
        return current

    def _unusable(self, problem: str) -> JournalUnusable:
        return JournalUnusable(f"the journal at {self.path} {problem}; it was left untouched")

    def schema_version(self) -> int:
        """The schema version stored in the file."""
        with self._connect() as conn:
            return int(conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0])

    # -- writing -----------------------------------------------------------

    def _upsert_application(self, conn: sqlite3.Connection, context: InterviewContext) -> int:
        now = _now()
        values = {
            "candidate_name": context.candidate_name,
            "recruiter_name": context.recruiter_name,
            "company": context.company,
            "role": context.role,
            "interview_date": context.interview_date.isoformat() if context.interview_date else None,
            "context_json": context.model_dump_json(),
        }
        row = conn.execute(
            "SELECT id FROM applications WHERE candidate_name = ? AND company = ? AND role = ?",
            (context.candidate_name, context.company, context.role),
        ).fetchone()
        if row:
            conn.execute(
                "UPDATE applications SET recruiter_name = :recruiter_name, interview_date = :interview_date, "
                "context_json = :context_json, updated_at = :now WHERE id = :id",
                {**values, "now": now, "id": row["id"]},
            )
            return int(row["id"])
        cur = conn.execute(
            "INSERT INTO applications (created_at, updated_at, candidate_name, recruiter_name, company, role, "
            "interview_date, context_json) VALUES (:now, :now, :candidate_name, :recruiter_name, :company, "
            ":role, :interview_date, :context_json)",
            {**values, "now": now},
        )
        return int(cur.lastrowid or 0)

    def save_draft(self, request: DraftRequest, draft: Draft) -> tuple[int, int]:
        """Keep a draft; returns (application id, draft id).

        One row per application, language, channel, variant and engine: moving a
        slider refines that row instead of adding one per keystroke, while
        "another version" or another channel is kept as its own draft.
        """
        now = _now()
        with self._connect() as conn:
            # Read-then-write: take the write lock first, or two sessions saving the same
            # new application both insert it and the second fails on the unique index.
            conn.execute("BEGIN IMMEDIATE")
            app_id = self._upsert_application(conn, request.context)
            key = (app_id, str(request.language), str(request.channel), request.variant, draft.engine)
            row = conn.execute(
                "SELECT id FROM drafts WHERE application_id = ? AND language = ? AND channel = ? "
                "AND variant = ? AND engine = ?",
                key,
            ).fetchone()
            payload = (request.model_dump_json(), draft.model_dump_json())
            if row:
                conn.execute(
                    "UPDATE drafts SET request_json = ?, draft_json = ?, updated_at = ? WHERE id = ?",
                    (*payload, now, row["id"]),
                )
                return app_id, int(row["id"])
            cur = conn.execute(
                "INSERT INTO drafts (application_id, created_at, updated_at, language, channel, variant, engine, "
                "request_json, draft_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (app_id, now, now, *key[1:], *payload),
            )
            return app_id, int(cur.lastrowid or 0)

    def save_analysis(self, reply: str, analysis: ReplyAnalysis, application_id: int | None = None) -> int:
        """Keep an analysis; linking it to an application records that a reply came in."""
        now = _now()
        categories = [str(finding.category) for finding in analysis.categories]
        with self._connect() as conn:
            cur = conn.execute(
                "INSERT INTO analyses (application_id, created_at, kind, categories, reply, analysis_json) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    application_id,
                    now,
                    str(analysis.kind),
                    json.dumps(categories),
                    reply,
                    analysis.model_dump_json(),
                ),
            )
            if application_id is not None:
                conn.execute(
                    "UPDATE applications SET reply_received = 1, "
                    "reply_received_at = COALESCE(reply_received_at, ?), updated_at = ? WHERE id = ?",
                    (now[:10], now, application_id),
                )
            return int(cur.lastrowid or 0)

    def mark_sent(self, application_id: int, when: dt.date | None = None) -> None:
        """Record the day the feedback request was sent."""
        day = (when or dt.date.today()).isoformat()
        with self._connect() as conn:
            conn.execute(
                "UPDATE applications SET sent_at = ?, updated_at = ? WHERE id = ?", (day, _now(), application_id)
            )

    def set_reply_received(self, application_id: int, received: bool, when: dt.date | None = None) -> None:
        """Set or clear the reply-received flag (and its date)."""
        day = (when or dt.date.today()).isoformat() if received else None
        with self._connect() as conn:
            conn.execute(
                "UPDATE applications SET reply_received = ?, reply_received_at = ?, updated_at = ? WHERE id = ?",
                (int(received), day, _now(), application_id),
            )

    def delete_application(self, application_id: int) -> bool:
        """Delete an application with its drafts and analyses; False when it did not exist."""
        with self._connect() as conn:
            cur = conn.execute("DELETE FROM applications WHERE id = ?", (application_id,))
            return cur.rowcount > 0

    def delete_analysis(self, analysis_id: int) -> bool:
        """Delete one analysis; False when it did not exist."""
        with self._connect() as conn:
            return conn.execute("DELETE FROM analyses WHERE id = ?", (analysis_id,)).rowcount > 0

    # -- reading -----------------------------------------------------------

    def applications(self) -> list[Application]:
        """Every application, most recently updated first."""
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT a.*, (SELECT MIN(created_at) FROM drafts d WHERE d.application_id = a.id) AS first_draft_at, "
                "(SELECT COUNT(*) FROM drafts d WHERE d.application_id = a.id) AS draft_count, "
                "(SELECT COUNT(*) FROM analyses n WHERE n.application_id = a.id) AS analysis_count "
                "FROM applications a ORDER BY a.updated_at DESC, a.id DESC"
            ).fetchall()
        return [_application(row) for row in rows]

    def application(self, application_id: int) -> Application | None:
        """One application, or None."""
        return next((app for app in self.applications() if app.id == application_id), None)

    def drafts(self, application_id: int | None = None) -> list[SavedDraft]:
        """Drafts of one application (or all), newest first."""
        query = "SELECT * FROM drafts"
        args: tuple[int, ...] = ()
        if application_id is not None:
            query += " WHERE application_id = ?"
            args = (application_id,)
        with self._connect() as conn:
            rows = conn.execute(query + " ORDER BY updated_at DESC, id DESC", args).fetchall()
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
        query = "SELECT * FROM analyses"
        args: tuple[int, ...] = ()
        if application_id is not None:
            query += " WHERE application_id = ?"
            args = (application_id,)
        with self._connect() as conn:
            rows = conn.execute(query + " ORDER BY created_at DESC, id DESC", args).fetchall()
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
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT substr(created_at, 1, 7) AS month, kind, COUNT(*) AS count FROM analyses "
                "GROUP BY month, kind ORDER BY month, kind"
            ).fetchall()
        return [dict(row) for row in rows]

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

