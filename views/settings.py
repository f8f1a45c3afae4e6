"""Settings page: which engine writes, where it is, whether a key is present (never the key), and a connection test."""

from __future__ import annotations

import logging
import time

import streamlit as st

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


settings = common.settings()
common.sidebar(settings)

st.title(t("settings.title"))
st.caption(t("settings.intro"))
with common.friendly_errors():
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
            "REBOND_ENGINE=auto\nREBOND_PRIVACY=auto\nREBOND_DB_PATH=~/.rebond/journal.sqlite3",
            language="bash",
        )
        st.caption(t("settings.how_note"))
