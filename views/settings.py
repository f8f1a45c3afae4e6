"""Settings page: the mode, a person's own preferences and data (download, erase), and in personal mode the engine, its key (never shown) and a connection test."""

from __future__ import annotations

import logging
import time

import streamlit as st

from rebond import ui_text
from rebond.models import Tone
from rebond.storage import Preferences
from views import common
from views.common import md, t

log = logging.getLogger("rebond.app")


# Reasons of rebond.llm.failure that the settings page says in its own, more direct words.
_PLAIN = {
    "auth": lambda settings: t("settings.test_auth"),
    "not_found": lambda settings: t("settings.test_model", model=settings.model),
    "rate_limit": lambda settings: t("settings.test_rate"),
    "timeout": lambda settings: t("settings.test_timeout", seconds=f"{settings.timeout:g}"),
    "connection": lambda settings: t("settings.test_unreachable", endpoint=settings.shown_endpoint),
}


def test_connection(settings) -> tuple[bool, str]:
    """Ask the model for one word; a plain-language outcome, never the provider's raw error text.

    Every failure is named by ``rebond.llm.failure``, as a draft's fallback notice
    is, and the call gives up one second past the timeout however many retries
    the client makes.
    """
    from rebond.llm import build_chat_model, failure, within_deadline

    try:
        start = time.perf_counter()
        within_deadline(lambda: build_chat_model(settings).invoke("Reply with the single word: OK"), settings)
        return True, t("settings.test_ok", model=settings.model, seconds=f"{time.perf_counter() - start:.1f}")
    except Exception as exc:  # the message may quote the request or the key: only the type is shown or logged
        from rebond import prompting

        log.warning("connection test failed: %s (status %s)", type(exc).__name__, getattr(exc, "status_code", "none"))
        key, values = failure(exc, settings)
        if key in _PLAIN:
            return False, _PLAIN[key](settings)
        if key == "unexpected":
            return False, t("settings.test_failed", error=type(exc).__name__)
        return False, t("settings.test_failed_because", reason=prompting.reason(key, common.ui_lang(), **values))


def row(label: str, value: str) -> None:
    left, right = st.columns([1, 2])
    left.markdown(f"**{label}**")
    right.markdown(value)


ERASED = "data_erased"
PREFERRED_LANG = "preferences_ui_language"
PREFERRED_TONE = {name: f"preferences_tone_{name}" for name in common.TONE_KEYS}


def save_preferences(journal) -> None:
    """Keep the choices, and use them now: the interface switches language at once."""
    state = st.session_state
    lang = state[PREFERRED_LANG]
    journal.save_preferences(
        Preferences(ui_language=lang, tone=Tone(**{name: int(state[key]) for name, key in PREFERRED_TONE.items()}))
    )
    state[common.UI_LANG] = lang
    if not state.get(common.FORM_READY) or not state.get(common.COMPANY):
        for name, key in common.TONE_KEYS.items():  # a form not started yet starts from the new tone
            state[key] = int(state[PREFERRED_TONE[name]])
    st.toast(t("preferences.saved"), icon=":material/check:")


def preferences_section(journal) -> None:
    """What a person may change: the interface language and the tone a new draft starts from."""
    saved = journal.preferences()
    tone = saved.tone or Tone()
    with st.container(border=True):
        st.markdown(f"**{t('preferences.title')}**")
        with st.form("preferences", border=False):
            st.selectbox(
                t("sidebar.interface_language"), list(ui_text.UI_LANGUAGES),
                index=list(ui_text.UI_LANGUAGES).index(saved.ui_language or common.ui_lang()),
                format_func=lambda code: {"fr": "Français", "en": "English"}[code], key=PREFERRED_LANG,
            )  # fmt: skip
            st.caption(t("preferences.tone"))
            for name, key in PREFERRED_TONE.items():
                st.slider(t(f"tone.{name}"), 0, 100, getattr(tone, name), step=5, key=key)
            st.form_submit_button(t("preferences.save"), on_click=save_preferences, args=(journal,))


def data_section(journal) -> None:
    """Law 25 / GDPR: everything this person owns, as a file; and all of it erased, after a typed confirmation."""
    with st.container(border=True):
        st.markdown(f"**{t('data.title')}**")
        st.caption(t("data.intro"))
        if erased := st.session_state.pop(ERASED, None):
            st.success(t("data.erased", n=erased), icon=":material/delete_forever:")
        st.download_button(
            t("data.download"), journal.export_json(), file_name="rebond-my-data.json", mime="application/json",
            icon=":material/download:", on_click="ignore", key="data_download",
        )  # fmt: skip
        word = t("data.erase_word")
        typed = st.text_input(t("data.erase_prompt", word=word), key=common.ERASE_CONFIRM)
        if st.button(
            t("data.erase"), icon=":material/delete_forever:", disabled=typed.strip() != word, key="data_erase"
        ):
            removed = journal.erase_all()
            lang = st.session_state.get(common.UI_LANG)
            st.session_state.clear()  # nothing of the erased journal stays on screen either
            if lang:
                st.session_state[common.UI_LANG] = lang
            st.session_state[ERASED] = sum(removed.values())
            st.rerun()


def engine_section(settings) -> None:
    """Personal mode only: which engine writes and how to configure it (in hosted mode these are the operator's)."""
    main, help_column = st.columns([3, 2], gap="large")
    with main, st.container(border=True):
        llm = settings.engine_in_use == "llm"
        row(
            t("settings.engine"),
            t("settings.engine_llm") if llm else t("settings.engine_offline"),
        )
        row(t("settings.engine_setting"), f"`{settings.engine}`")
        row(t("settings.endpoint"), f"`{md(settings.shown_endpoint)}`")
        row(t("settings.model"), f"`{md(settings.model)}`")
        row(
            t("settings.key"),
            f":green[✓] {t('settings.key_present')}" if settings.openai_api_key else t("settings.key_absent"),
        )
        row(t("settings.privacy"), t("settings.privacy_on") if settings.privacy_on else t("settings.privacy_off"))
        row(t("settings.timeout"), t("settings.seconds", n=f"{settings.timeout:g}"))
        row(t("settings.database"), f"`{md(settings.db_path)}`")
        if st.button(t("settings.test"), icon=":material/network_check:", type="primary"):
            if not settings.llm_configured:
                st.info(t("settings.test_not_configured"), icon=":material/offline_bolt:")
            else:
                with st.spinner(t("settings.testing")):
                    ok, message = test_connection(settings)
                if ok:
                    st.success(message, icon=":material/check_circle:")
                else:
                    st.error(message, icon=":material/error:")
    with help_column:
        st.markdown(f"**{t('settings.how_title')}**")
        st.markdown(t("settings.how"))
        st.code(
            "OPENAI_API_KEY=…\nOPENAI_BASE_URL=http://localhost:11434/v1\nREBOND_MODEL=gpt-4.1-mini\n"
            "REBOND_ENGINE=auto\nREBOND_PRIVACY=auto\nREBOND_DB_PATH=~/.rebond/journal.sqlite3\n"
            "REBOND_RETENTION_DAYS=",
            language=None,  # plain: the highlighter's colours are below 4.5:1 on the code background
        )
        st.caption(t("settings.how_note"))


settings = common.settings()
common.sidebar(settings)
journal = common.store(settings)
hosted = common.mode() == "hosted"

st.title(t("settings.title"))
st.caption(t("settings.intro_hosted") if hosted else t("settings.intro"))
st.markdown(f"**{t('mode.title')}** · {t('mode.hosted') if hosted else t('mode.personal')}")
with common.friendly_errors():
    left, right = st.columns(2, gap="large")
    with left:
        preferences_section(journal)
    with right:
        data_section(journal)
    if not hosted:
        engine_section(settings)
