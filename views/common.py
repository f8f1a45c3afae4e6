"""What every page shares: session-state keys, the interface language, settings, who is using the app, their journal
and friendly errors."""

from __future__ import annotations

import datetime as dt
import functools
import gc
import json
import logging
import re
import sqlite3
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st
from pydantic import ValidationError

from rebond import hosting, llm, ui_text
from rebond.hosting import Access, Journaled, SessionOnly
from rebond.models import first_error
from rebond.settings import Settings
from rebond.storage import Database, JournalUnusable, Owner, Store

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
# Expanders whose content is built only while they are open (remembered_expander).
DETAILS = "draft_details"
CHECKS = "draft_checks"
WHY = "draft_why"

REPLY_TEXT = "analyse_reply_text"
REPLY_LANGUAGE = "analyse_reply_language"
REPLY_REGION = "analyse_reply_region"
REPLY_APPLICATION = "analyse_application"
ANALYSIS = "analyse_result"
ANALYSE_READY = "analyse_ready"
ANALYSIS_RESTORED = "analyse_restored_from"

CONFIRM_DELETE = "journal_confirm_delete"

SESSION_OWNER = "session_owner"  # whose data this session's state was filled from
SESSION_JOURNAL = "session_journal"  # personal mode reached from another machine: this session's own rows
ERASE_CONFIRM = "data_erase_confirm"
PREFERENCES_LOADED = "preferences_loaded"
A11Y_NAMES = "a11y_names"  # accessible names of keyed containers, gathered during a run

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
    """Settings from the environment and ``.env``, with the app's secrets (if any) winning; the operator's, never a person's."""
    return Settings.load(_secrets())


def _secrets() -> dict:
    try:
        return dict(st.secrets)
    except Exception:  # no secrets.toml is the normal case
        return {}


def mode() -> hosting.Mode:
    """personal, or hosted when the secrets have an ``[auth]`` section."""
    return hosting.mode_from_secrets(_secrets())


def access() -> Access:
    """What this script run may reach; decided afresh on every run from the mode, the client and ``st.user``."""
    current = mode()
    identity = st.user.to_dict() if current == "hosted" else None
    address, headers = client()
    decision = hosting.decide_access(current, address, identity, headers)
    owner = _owner_key(decision)
    # A session filled for one person is never shown to another (a sign-out, or another account).
    if st.session_state.get(SESSION_OWNER, owner) != owner:
        log.info("identity changed in a session: its state is cleared")
        st.session_state.clear()
    st.session_state[SESSION_OWNER] = owner
    return decision


def client() -> tuple[str | None, dict[str, str]]:
    """The browser's address (None from this machine) and the request's headers, as Streamlit reports them."""
    address = st.context.ip_address
    try:
        headers = {str(k): str(v) for k, v in st.context.headers.items()}
    except Exception:  # no request headers outside a real server (AppTest)
        headers = {}
    return (address if isinstance(address, str) else None), headers


def _owner_key(decision: Access) -> str:
    if isinstance(decision, Journaled):
        return f"{decision.owner.issuer}\n{decision.owner.subject}"
    return type(decision).__name__


@st.cache_resource(show_spinner=False)
def _database_at(path: str, owner_url: str | None = None) -> Database:
    # Shared across sessions on purpose: a Database holds where the journal is and a pool of
    # connections; it holds no one's rows. Rows are reached only through a Store.
    return Database(path, owner_url=owner_url)


def _journal_location(current: Settings) -> tuple[str, str | None]:
    """The SQLite file, or REBOND_DATABASE_URL (with the owner role's URL for migrations at start)."""
    if current.database_url is not None:
        owner = current.database_owner_url
        return current.database_url.get_secret_value(), owner.get_secret_value() if owner else None
    return str(Path(current.db_path)), None


def database(current: Settings | None = None) -> Database:
    """The journal's database, shared by every session of this process."""
    return _database_at(*_journal_location(current or settings()))


def llm_budget(current: Settings | None = None):
    """This person's LLM budget (``rebond.budget``), or None when the operator set no limit or nothing is journaled."""
    from rebond import budget

    current = current or settings()
    decision = access()
    if not isinstance(decision, Journaled):
        return None
    return budget.for_person(database(current), decision.owner, current)


def store(current: Settings | None = None) -> Store:
    """This person's journal: their own rows in the file, or this session's rows only (personal mode, remote client)."""
    decision = access()
    if isinstance(decision, Journaled):
        current = current or settings()
        return Store(database(current), decision.owner)
    if isinstance(decision, SessionOnly):
        if SESSION_JOURNAL not in st.session_state:
            st.session_state[SESSION_JOURNAL] = Database.in_memory()
        return Store(st.session_state[SESSION_JOURNAL], Owner.local())
    raise PermissionError("sign in first")  # pages are not reachable before sign-in


def start() -> None:
    """On every run, acting once per process and journal: say the mode in the log and start retention."""
    current = settings()
    _announce(_journal_location(current), mode(), current.retention_days)


@st.cache_resource(show_spinner=False)
def _announce(location: tuple[str, str | None], current_mode: str, retention_days: int | None) -> bool:
    # The URL's password is never logged (Database.where hides it).
    log.warning("Rebond runs in %s mode; journal at %s; retention: %s", current_mode, _database_at(*location).where,
                f"{retention_days} days" if retention_days else "off")  # fmt: skip
    if retention_days:
        shared = _database_at(*location)

        def every_day() -> None:
            while True:
                try:
                    removed = shared.delete_older_than(retention_days)
                    log.warning("retention (%s days): removed %s", retention_days, removed)
                except Exception:
                    log.exception("retention failed")
                threading.Event().wait(dt.timedelta(days=1).total_seconds())

        threading.Thread(target=every_day, name="rebond-retention", daemon=True).start()
    return True


def sidebar(current: Settings) -> None:
    """Language switch, who is signed in, a one-line reminder of the engine in use, and the remote-client banner."""
    decision = access()
    if isinstance(decision, Journaled) and not st.session_state.get(PREFERENCES_LOADED):
        st.session_state[PREFERENCES_LOADED] = True
        with friendly_errors():
            preferred = store(current).preferences().ui_language
            if preferred and UI_LANG not in st.session_state and st.query_params.get(UI_LANG) is None:
                st.session_state[UI_LANG] = ui_text.ui_language(preferred)
    language_switch()
    hosted = mode() == "hosted"
    if current.engine_in_use == "llm":
        llm.warm_up(current)  # the first model call then does not wait for LangChain to load
        st.sidebar.caption(t("sidebar.engine_llm", model=current.model))
    else:
        st.sidebar.caption(t("sidebar.engine_offline_hosted" if hosted else "sidebar.engine_offline"))
    if hosted and isinstance(decision, Journaled):
        name = st.user.get("name") or st.user.get("email") or ""
        st.sidebar.caption(t("sidebar.signed_in", name=md(name)) if name else t("sidebar.signed_in_anonymous"))
        st.sidebar.button(t("sidebar.sign_out"), icon=":material/logout:", on_click=sign_out, key="sign_out")
    if isinstance(decision, SessionOnly):
        st.warning(t("mode.session_only", address=md(decision.client_address)), icon=":material/lock:")


def sign_out() -> None:
    """Forget everything this session holds, then end the sign-in (Streamlit starts a new session)."""
    st.session_state.clear()
    st.logout()


def sign_in_page() -> None:
    """The only page an anonymous visitor of a hosted server sees."""
    language_switch()
    st.title(t("signin.title"))
    st.markdown(t("signin.intro"))
    st.button(t("signin.button"), type="primary", icon=":material/login:", on_click=st.login, key="sign_in")
    st.caption(t("signin.privacy"))


# The contract's field names, as the form labels them.
_FIELD_LABELS = {
    "candidate_name": "field.candidate", "recruiter_name": "field.recruiter", "company": "field.company",
    "role": "field.role", "interview_date": "field.interview_date", "rejection_message": "field.rejection",
    "notes": "field.notes", "candidate_phone": "field.phone_number", "reply": "analyse.reply",
}  # fmt: skip
_TOO_LONG = re.compile(r"too long: (\d+) characters, the limit is (\d+)")


def invalid_message(exc: ValidationError) -> str:
    """What does not fit, in the interface language: the field by its label, and for a length, the count and the limit."""
    error = exc.errors(include_url=False)[0]
    names = [str(part) for part in error["loc"]]
    field = next((name for name in reversed(names) if name in _FIELD_LABELS), None)
    label = t(_FIELD_LABELS[field]) if field else ".".join(names)
    if too_long := _TOO_LONG.search(str(error["msg"])):
        return t("error.too_long", field=md(label), n=too_long[1], limit=too_long[2])
    if field:
        return t("error.invalid_field", field=md(label))
    return t("error.invalid", detail=md(first_error(exc)))


@contextmanager
def friendly_errors(what: str = "error.unexpected") -> Iterator[None]:
    """Show a plain-language message instead of a traceback; the details go to the log."""
    try:
        yield
    except ValidationError as exc:
        st.error(invalid_message(exc), icon="✏️")
    except (sqlite3.Error, JournalUnusable) as exc:  # the latter names the file and what is wrong with it
        log.exception("journal error")
        if mode() == "hosted":  # the server's file is the operator's business, not something a person can fix
            st.error(t("error.journal_hosted"), icon="🗄️")
        else:
            st.error(t("error.journal", detail=md(exc)), icon="🗄️")
    except Exception:
        log.exception("unexpected error")
        st.error(t(what), icon="⚠️")


def remembered_expander(label: str, key: str, *, open_by_default: bool, force_open: bool = False, **options):
    """An expander that tells the run whether it is open (``.open``), so a closed one's content is not built, and that
    stays as the person left it for the whole session.

    Streamlit forgets an expander's state on a page switch, and starts it again from ``expanded`` whenever its label
    changes (a count in it): the state is kept under ``<key>_open`` and handed back to the widget on every run."""
    state = st.session_state
    remembered = f"{key}_open"
    if key in state:  # the widget's value: the person's last click, or what a callback set
        state[remembered] = bool(state[key])
    state.setdefault(remembered, open_by_default)
    if force_open:
        state[remembered] = True
    state[key] = state[remembered]
    return st.expander(label, key=key, on_change="rerun", **options)


# -- assistive technology --------------------------------------------------------------------------------

_A11Y_SCRIPT = Path(__file__).with_name("a11y.js")
# The only raw HTML the app writes: its own scripts, built from interface strings (never a person's text),
# with every "<" escaped; the output-safety tests recognise them by this mark.
A11Y_MARK = "/* rebond-a11y */"
_STYLE = Path(__file__).with_name("style.css")


def name_region(key: str, label: str) -> None:
    """Give the container made with ``st.container(key=key)`` an accessible name (role=group) on the page."""
    st.session_state.setdefault(A11Y_NAMES, {})[key] = label


def accessibility() -> None:
    """views/style.css (contrast, focus, phone), and views/a11y.js: the page's language, the names given by
    ``name_region``, and Streamlit's own English labels in the interface language."""
    lang = ui_lang()
    data = {"lang": lang, "names": st.session_state.pop(A11Y_NAMES, {}), **_a11y_static(lang)}
    script = _a11y_script().replace("__DATA__", json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))
    st.html(f"<script>{A11Y_MARK}{script}</script>", unsafe_allow_javascript=True)


@functools.cache
def _a11y_static(lang: str) -> dict[str, object]:
    """What the script gets that no run changes: Streamlit's labels in ``lang`` and the style sheet (read once)."""
    words = []
    for key in ui_text.keys():
        if key.startswith("streamlit."):
            english, mine = ui_text.t(key, "en"), ui_text.t(key, lang)
            if english != mine:
                words.append([english, mine, "prefix" if key.endswith("_prefix") else "exact"])
    return {"words": words, "style": _STYLE.read_text(encoding="utf-8")}


@functools.cache
def _a11y_script() -> str:
    return _A11Y_SCRIPT.read_text(encoding="utf-8")


# The engines whose data (phrase banks, lexicons, compiled patterns) stays loaded once a page has used them.
_LONG_LIVED = ("rebond.compose", "rebond.analyse")


def settle_heap() -> None:
    """At the end of a run, once per process for each engine newly loaded: collect garbage, then move every live object
    into the garbage collector's permanent generation (``gc.freeze``).

    Streamlit collects garbage in full after every script run, a slider's fragment rerun included
    (``runner.postScriptGC``). With the drafting engine loaded that walked about 100,000 objects, some 50 ms with the
    interpreter lock held on each slider move (Streamlit's own objects alone: about 10 ms). Those objects live as long
    as the process; frozen, they are no longer walked, and what a run leaves behind is still collected after it."""
    loaded = tuple(name for name in _LONG_LIVED if name in sys.modules)
    if loaded:
        _freeze(loaded)


@st.cache_resource(show_spinner=False)
def _freeze(loaded: tuple[str, ...]) -> tuple[str, ...]:
    gc.collect()
    gc.freeze()
    return loaded


def announce(text: str) -> None:
    """Say ``text`` once through the page's polite live region (after a streamed answer is complete)."""
    payload = json.dumps(text, ensure_ascii=False).replace("<", "\\u003c")
    st.html(
        f"<script>{A11Y_MARK}(function(){{const live=document.getElementById('rebond-live');if(!live)return;"
        f"live.textContent='';setTimeout(function(){{live.textContent={payload};}},150);}})();</script>",
        unsafe_allow_javascript=True,
    )
