"""What every page shares: session-state keys, the interface language, settings, the journal and friendly errors."""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st
from pydantic import ValidationError

from rebond import llm, ui_text
from rebond.journal import Journal, JournalUnusable
from rebond.models import first_error
from rebond.settings import Settings

log = logging.getLogger("rebond.app")

# Session-state keys, named once. Widget keys double as state keys; widgets use
# persist_state="session" so a value typed on one page survives a visit to another.
UI_LANG = "lang"  # also the URL query parameter (?lang=en)

CANDIDATE = "draft_candidate_name"
RECRUITER = "draft_recruiter_name"
RECRUITER_EMAIL = "draft_recruiter_email"
COMPANY = "draft_company"
ROLE = "draft_role"
INTERVIEW_DATE = "draft_interview_date"
REJECTION = "draft_rejection_message"
NOTES = "draft_notes"
NEWS = "draft_news_channel"
GENDER = "draft_candidate_gender"
PHONE = "draft_candidate_phone"
DRAFT_LANGUAGE = "draft_language"
CHANNEL = "draft_channel"
FORMALITY = "tone_formality"
WARMTH = "tone_warmth"
DIRECTNESS = "tone_directness"
LENGTH = "tone_length"
VARIANT = "draft_variant"
FORM_READY = "draft_form_ready"
RESTORED_FROM = "draft_restored_from"
AI_DRAFT = "draft_ai_result"
LAST_SAVED = "draft_last_saved"
APPLICATION_ID = "draft_application_id"

REPLY_TEXT = "analyse_reply_text"
REPLY_LANGUAGE = "analyse_reply_language"
REPLY_REGION = "analyse_reply_region"
REPLY_APPLICATION = "analyse_application"
ANALYSIS = "analyse_result"
ANALYSE_READY = "analyse_ready"
ANALYSIS_RESTORED = "analyse_restored_from"

CONFIRM_DELETE = "journal_confirm_delete"

# Characters that would turn someone's words into markup (bold, links, LaTeX, colours).
_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>#|$~])")

TONE_KEYS = {"formality": FORMALITY, "warmth": WARMTH, "directness": DIRECTNESS, "length": LENGTH}


def ui_lang() -> str:
    """The interface language: the switch's value, else the URL's ?lang=, else French."""
    value = st.session_state.get(UI_LANG)
    if value is None:
        value = st.query_params.get(UI_LANG)
    return ui_text.ui_language(value)


def md(text: object) -> str:
    """Text from a person or a model, escaped so Markdown shows it exactly as written."""
    return _MARKDOWN.sub(r"\\\1", str(text))


def preview_markdown(pieces: Iterable[str], with_subject: bool = True) -> Iterator[str]:
    """A model's answer as it streams, for ``st.write_stream``: escaped, its subject line labelled in the interface language."""
    from rebond.llm_output import preview_parts

    for part, text in preview_parts(pieces, with_subject):
        yield f"**{t('draft.subject')}** · {md(text)}\n\n" if part == "subject" else md(text)


def t(key: str, /, **values: object) -> str:
    """An interface string in the current interface language."""
    return ui_text.t(key, ui_lang(), **values)


def language_switch() -> None:
    """The FR/EN switch in the sidebar; mirrored in the URL (?lang=en) so a reload keeps the language."""
    if UI_LANG not in st.session_state:
        st.session_state[UI_LANG] = ui_lang()
    lang = st.sidebar.segmented_control(
        t("sidebar.interface_language"),
        list(ui_text.UI_LANGUAGES),
        format_func=lambda code: {"fr": "Français", "en": "English"}[code],
        key=UI_LANG,
        required=True,
        persist_state="session",
    )
    # Page switches drop the query string, so it is written back on every run;
    # French, the default, keeps the URL clean.
    wanted = None if lang == ui_text.DEFAULT_UI_LANGUAGE else lang
    if st.query_params.get(UI_LANG) != wanted:
        if wanted is None:
            del st.query_params[UI_LANG]
        else:
            st.query_params[UI_LANG] = wanted


def settings() -> Settings:
    """Settings from the environment and ``.env``, with the app's secrets (if any) winning."""
    try:
        secrets = dict(st.secrets)
    except Exception:  # no secrets.toml is the normal case
        secrets = {}
    return Settings.load(secrets)


@st.cache_resource(show_spinner=False)
def _journal_at(path: str) -> Journal:
    # Shared across sessions on purpose: a Journal holds only its path and opens
    # a short connection per call, so it is safe to share between threads.
    return Journal(path)


def journal(current: Settings | None = None) -> Journal:
    """The journal at the configured path."""
    return _journal_at(str(Path((current or settings()).db_path)))


def sidebar(current: Settings) -> None:
    """Language switch and a one-line reminder of the engine in use, on every page."""
    language_switch()
    if current.engine_in_use == "llm":
        llm.warm_up(current)  # the first model call then does not wait for LangChain to load
        st.sidebar.caption(t("sidebar.engine_llm", model=current.model))
    else:
        st.sidebar.caption(t("sidebar.engine_offline"))


@contextmanager
def friendly_errors(what: str = "error.unexpected") -> Iterator[None]:
    """Show a plain-language message instead of a traceback; the details go to the log."""
    try:
        yield
    except ValidationError as exc:
        st.error(t("error.invalid", detail=md(first_error(exc))), icon="✏️")
    except (sqlite3.Error, JournalUnusable) as exc:  # the latter names the file and what is wrong with it
        log.exception("journal error")
        st.error(t("error.journal", detail=md(exc)), icon="🗄️")
    except Exception:
        log.exception("unexpected error")
        st.error(t(what), icon="⚠️")
