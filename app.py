"""Rebond's web app: page setup and navigation only; each page lives in views/."""

import streamlit as st

from rebond.hosting import SignInRequired
from views import common
from views.common import t

st.set_page_config(page_title="Rebond", page_icon="↩️", layout="wide")
common.start()  # the mode in the log, and retention, once per process

if isinstance(common.access(), SignInRequired):
    # Hosted mode, nobody signed in: every page's address shows the sign-in page and nothing else.
    st.navigation(
        [st.Page(common.sign_in_page, title=t("signin.title"), url_path=path, default=path == "sign-in")
         for path in ("sign-in", "analyse", "journal", "settings")],
        position="hidden",
    ).run()  # fmt: skip
else:
    st.navigation(
        [
            st.Page("views/draft.py", title=t("nav.draft"), icon=":material/edit_note:", default=True),
            st.Page("views/analyse.py", title=t("nav.analyse"), icon=":material/manage_search:"),
            st.Page("views/journal.py", title=t("nav.journal"), icon=":material/menu_book:"),
            st.Page("views/settings.py", title=t("nav.settings"), icon=":material/settings:"),
        ]
    ).run()
common.accessibility()  # style and script for assistive technology; after the page, which names its parts
common.settle_heap()  # once the page is sent: what the engines loaded is frozen out of the per-run garbage collection
