"""Analyse page: paste the recruiter's reply; see what kind it is, what it points to, a plan and a thank-you."""

from __future__ import annotations

import logging

import streamlit as st

from rebond.grounds import ground_label
from rebond.guidance import category_info, kind_info, principle
from rebond.models import AnalysisRequest, Confidence, Kind, ReplyAnalysis
from views import common
from views.common import md, t

KIND_STYLE = {
    Kind.CONSTRUCTIVE: ("green", ":material/lightbulb:"),
    Kind.GENERIC: ("gray", ":material/mail:"),
    Kind.MALICIOUS: ("red", ":material/report:"),
}
REPLY_LANGUAGES = ["auto", "fr", "fr-FR", "en"]
REGIONS = ["auto", "qc", "ca", "fr", "us", "uk"]
log = logging.getLogger("rebond.app")


def init_state(journal) -> None:
    """Starting values once per session; after a reload, show the last analysis of the application in progress."""
    if st.session_state.get(common.ANALYSE_READY):
        return
    st.session_state[common.ANALYSE_READY] = True
    st.session_state.setdefault(common.REPLY_TEXT, "")
    st.session_state.setdefault(common.REPLY_LANGUAGE, "auto")
    st.session_state.setdefault(common.REPLY_REGION, "auto")
    try:
        latest = journal.analyses()[:1]
    except Exception:  # a damaged journal must not keep the page from opening
        log.exception("could not read the journal to restore the last analysis")
        return
    current = st.session_state.get(common.APPLICATION_ID)
    if latest and not st.session_state[common.REPLY_TEXT] and current in (None, latest[0].application_id):
        saved = latest[0]
        st.session_state[common.REPLY_TEXT] = saved.reply
        st.session_state[common.REPLY_APPLICATION] = saved.application_id
        st.session_state[common.ANALYSIS] = (saved.reply, saved.analysis, saved.id)
        st.session_state[common.ANALYSIS_RESTORED] = saved.created_at[:10]


def new_reply() -> None:
    """Clear the reply and its analysis, to paste the next one."""
    st.session_state[common.REPLY_TEXT] = ""
    for key in (common.ANALYSIS, common.ANALYSIS_RESTORED):
        st.session_state.pop(key, None)


def application_picker(journal) -> int | None:
    """Optionally tie the reply to an application from the journal (defaults to the one being drafted)."""
    apps = {}
    with common.friendly_errors():  # an unreadable journal says so, and the reply can still be read
        apps = {app.id: app for app in journal.applications()}
    if common.REPLY_APPLICATION not in st.session_state:
        st.session_state[common.REPLY_APPLICATION] = st.session_state.get(common.APPLICATION_ID)
    if st.session_state[common.REPLY_APPLICATION] not in apps:
        st.session_state[common.REPLY_APPLICATION] = None
    return st.selectbox(
        t("analyse.application"),
        [None, *apps],
        format_func=lambda app_id: t("analyse.no_application")
        if app_id is None
        else f"{apps[app_id].company} · {apps[app_id].role}",
        key=common.REPLY_APPLICATION,
        placeholder=t("analyse.no_application"),  # None is "no application", and Streamlit shows it as empty
        persist_state="session",
    )


def names_for(journal, app_id: int | None) -> tuple[str, str]:
    """Candidate and recruiter names for the thank-you: from the application, else from the draft form."""
    app = journal.application(app_id) if app_id is not None else None
    if app is not None:
        return app.candidate_name, app.recruiter_name
    state = st.session_state
    return str(state.get(common.CANDIDATE) or ""), str(state.get(common.RECRUITER) or "")


def analyse(settings, journal, app_id: int | None) -> None:
    from rebond.budget import read_reply

    candidate, recruiter = names_for(journal, app_id)
    request = AnalysisRequest(
        reply=st.session_state.get(common.REPLY_TEXT) or "",
        language=st.session_state.get(common.REPLY_LANGUAGE),
        region=st.session_state.get(common.REPLY_REGION),
        candidate_name=candidate[:100],
        recruiter_name=recruiter[:100],
    )
    previous = st.session_state.get(common.ANALYSIS)
    with st.spinner(t("analyse.reading")):
        analysis = read_reply(request, settings, common.llm_budget(settings))
    # Clicking again on the same text re-reads it but keeps one journal entry.
    if previous and previous[0] == request.reply and previous[2] is not None and previous[1] == analysis:
        analysis_id = previous[2]
    else:
        analysis_id = None
        with common.friendly_errors("error.not_saved"):
            analysis_id = journal.save_analysis(request.reply, analysis, app_id)
    st.session_state[common.ANALYSIS] = (request.reply, analysis, analysis_id)
    st.session_state.pop(common.ANALYSIS_RESTORED, None)


def show_analysis(analysis: ReplyAnalysis, analysis_id: int | None, settings=None) -> bool:
    """Show the reading; True when it is uncertain and an AI reading can be offered."""
    lang = common.ui_lang()
    kind = kind_info(analysis.kind, lang)
    color, icon = KIND_STYLE[analysis.kind]
    uncertain = analysis.confidence is Confidence.LOW or analysis.kind_confidence is Confidence.LOW
    offer = bool(uncertain and settings is not None and settings.llm_configured and analysis.engine == "offline")
    common.name_region("analysis_kind", t("a11y.kind", kind=kind["label"]))
    with st.container(border=True, key="analysis_kind"):
        if analysis.kind_confidence is Confidence.LOW:
            # Never a confident badge on a guess.
            st.badge(t("analyse.uncertain_badge", kind=kind["label"]), color="orange", icon=":material/help:")
        else:
            st.badge(kind["label"], color=color, icon=icon)  # type: ignore[arg-type]
        st.markdown(md(analysis.kind_reason or kind["explanation"]))
        if analysis.kind == Kind.GENERIC and kind.get("next_step"):
            st.caption(md(kind["next_step"]))
        if analysis.kind == Kind.MALICIOUS:
            st.caption(md(principle("malicious_says_more_about_them", lang)))
    if uncertain:
        st.warning(t("analyse.uncertain"), icon=":material/help:")
        if offer:
            st.caption(t("analyse.ai_offer"))
    if analysis.discrimination_warning:
        if analysis.ground is not None:
            st.markdown(f"**{md(t('analyse.ground', ground=ground_label(analysis.ground, lang)))}**")
        st.warning(md(analysis.discrimination_warning), icon="⚖️")

    st.subheader(t("analyse.areas"))
    if not analysis.categories:
        st.info(t("analyse.no_areas"), icon=":material/info:")
    columns = st.columns(2)
    for index, finding in enumerate(analysis.categories):
        info = category_info(finding.category, lang)
        common.name_region(f"analysis_area_{index}", t("a11y.area", area=info["label"]))
        with columns[index % 2].container(border=True, key=f"analysis_area_{index}"):
            st.markdown(f"**{md(info['label'])}**")
            if finding.controllable:
                st.badge(t("analyse.controllable"), color="green", icon=":material/build:")
            else:
                st.badge(t("analyse.not_controllable"), color="gray", icon=":material/block:")
            if finding.confidence is Confidence.LOW:
                st.badge(t("analyse.area_uncertain"), color="orange", icon=":material/help:")
            quote = "\n".join(f"> {md(line)}" for line in finding.evidence.splitlines() if line.strip())
            st.markdown(quote)
            st.markdown(md(finding.advice))

    if analysis.controllable or analysis.not_controllable:
        yes, no = st.columns(2)
        with yes:
            st.markdown(f"**{t('analyse.you_can_act')}**")
            st.markdown("\n".join(f"- {md(item)}" for item in analysis.controllable) or t("analyse.nothing"))
        with no:
            st.markdown(f"**{t('analyse.outside_control')}**")
            st.markdown("\n".join(f"- {md(item)}" for item in analysis.not_controllable) or t("analyse.nothing"))

    if analysis.action_plan:
        st.subheader(t("analyse.plan"))
        for index, step in enumerate(analysis.action_plan):
            st.checkbox(md(step), key=f"analyse_step_{analysis_id}_{index}", persist_state="session")
    if analysis.reframe:
        st.success(md(analysis.reframe), icon=":material/eco:")
    if analysis.thank_you_reply:
        st.subheader(t("analyse.thank_you"))
        st.caption(t("analyse.thank_you_hint"))
        common.name_region("analysis_thank_you", t("a11y.thank_you"))
        with st.container(key="analysis_thank_you"):
            st.code(analysis.thank_you_reply, language=None, wrap_lines=True)
    for notice in analysis.notices:
        st.info(md(notice), icon=":material/info:")
    if analysis.dropped_evidence:
        st.caption(t("analyse.dropped", n=analysis.dropped_evidence))
    return offer


settings = common.settings()
common.sidebar(settings)
journal = common.store(settings)
init_state(journal)

st.title(t("analyse.title"))
st.caption(t("analyse.intro"))
with common.friendly_errors():
    form, _ = st.columns([7, 3])
    with form:
        app_id = application_picker(journal)
        st.text_area(
            t("analyse.reply"), key=common.REPLY_TEXT, height=200,  # no max_chars: see views/draft.py
            placeholder=t("analyse.reply_hint"), persist_state="session",
        )  # fmt: skip
        st.session_state.setdefault(common.REPLY_LANGUAGE, "auto")
        with st.container(horizontal=True, vertical_alignment="bottom"):
            st.selectbox(
                t("analyse.language"), REPLY_LANGUAGES, format_func=lambda lang: t(f"language.{lang}"),
                key=common.REPLY_LANGUAGE, persist_state="session", width=260,
            )  # fmt: skip
            st.session_state.setdefault(common.REPLY_REGION, "auto")
            st.selectbox(
                t("analyse.region"), REGIONS, format_func=lambda region: t(f"region.{region}"),
                key=common.REPLY_REGION, persist_state="session", width=260, help=t("analyse.region_help"),
            )  # fmt: skip
            clicked = st.button(t("analyse.button"), type="primary", icon=":material/manage_search:")
            st.button(t("analyse.new_reply"), on_click=new_reply, icon=":material/add:")
        if restored := st.session_state.get(common.ANALYSIS_RESTORED):
            st.caption(t("analyse.restored", date=restored))
    if clicked:
        if not str(st.session_state.get(common.REPLY_TEXT) or "").strip():
            st.warning(t("analyse.empty"), icon=":material/edit:")
        else:
            analyse(settings, journal, app_id)

with common.friendly_errors():
    if result := st.session_state.get(common.ANALYSIS):
        reply, analysis, analysis_id = result
        if reply != (st.session_state.get(common.REPLY_TEXT) or "").strip():
            st.caption(t("analyse.stale"))
        offer = show_analysis(analysis, analysis_id, settings)
        if offer and st.button(t("analyse.ai_button"), icon=":material/auto_awesome:"):
            # A second reading by the configured model, whatever the engine setting.
            analyse(settings.model_copy(update={"engine": "llm"}), journal, st.session_state.get(common.REPLY_APPLICATION))
            st.rerun()
        if analysis_id is not None:
            st.caption(t("analyse.saved"))
