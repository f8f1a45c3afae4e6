"""Draft page: the interview's context and four tone sliders in; a checked feedback request out, updated live."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging

import streamlit as st
from pydantic import ValidationError

from rebond import exports
from rebond.guidance import principle, source_note
from rebond.models import VARIANT_MAX, Channel, Draft, DraftRequest, InterviewContext, Tone
from views import common
from views.common import md, t

log = logging.getLogger("rebond.app")

TEXT_FIELDS = {
    common.CANDIDATE: "candidate_name",
    common.RECRUITER: "recruiter_name",
    common.COMPANY: "company",
    common.ROLE: "role",
    common.REJECTION: "rejection_message",
    common.NOTES: "notes",
    common.PHONE: "candidate_phone",
}
# Choices stored as the contract's values ("" = not given).
CHOICE_FIELDS = {common.NEWS: "news_channel", common.GENDER: "candidate_gender"}
# The first choice of each stands for "not said" (the contract's empty value).
NEWS_CHOICES = ["auto", "written", "phone", "unknown"]
GENDER_CHOICES = ["unspecified", "feminine", "masculine"]
_UNSAID = {"auto", "unspecified"}
REQUIRED = {common.CANDIDATE: "field.candidate", common.COMPANY: "field.company", common.ROLE: "field.role"}
LANGUAGES = ["fr", "fr-FR", "en"]
CHANNELS = [str(channel) for channel in Channel]


def init_form(journal) -> None:
    """Give every form key its starting value once per session; after a reload, resume the last saved request."""
    if st.session_state.get(common.FORM_READY):
        return
    st.session_state[common.FORM_READY] = True
    for key in (*TEXT_FIELDS, common.RECRUITER_EMAIL):
        st.session_state.setdefault(key, "")
    st.session_state.setdefault(common.INTERVIEW_DATE, None)
    st.session_state.setdefault(common.NEWS, NEWS_CHOICES[0])
    st.session_state.setdefault(common.GENDER, GENDER_CHOICES[0])
    st.session_state.setdefault(common.DRAFT_LANGUAGE, "en" if common.ui_lang() == "en" else "fr")
    st.session_state.setdefault(common.CHANNEL, str(Channel.EMAIL))
    st.session_state.setdefault(common.VARIANT, 0)
    try:
        preferred = journal.preferences().tone or Tone()  # the tone this person chose in Settings
        for name, key in common.TONE_KEYS.items():
            st.session_state.setdefault(key, getattr(preferred, name))
        last = journal.latest_request()
    except Exception:  # a damaged journal must not keep the page from opening
        log.exception("could not read the journal to restore the form")
        for key in common.TONE_KEYS.values():
            st.session_state.setdefault(key, 50)
        return
    if last is not None and not st.session_state[common.COMPANY]:
        fill_form(last)
        st.session_state[common.RESTORED_FROM] = f"{last.context.company} · {last.context.role}"
        # A returning visit with a complete form: the details are there, closed (remembered_expander).
        st.session_state.setdefault(f"{common.DETAILS}_open", False)


def fill_form(request: DraftRequest) -> None:
    """Put a saved request back into the form."""
    context = request.context
    for key, name in TEXT_FIELDS.items():
        st.session_state[key] = getattr(context, name)
    st.session_state[common.NEWS] = str(context.news_channel or NEWS_CHOICES[0])
    st.session_state[common.GENDER] = str(context.candidate_gender or GENDER_CHOICES[0])
    st.session_state[common.INTERVIEW_DATE] = context.interview_date
    st.session_state[common.DRAFT_LANGUAGE] = str(request.language)
    st.session_state[common.CHANNEL] = str(request.channel)
    for name, key in common.TONE_KEYS.items():
        st.session_state[key] = getattr(request.tone, name)
    st.session_state[common.VARIANT] = request.variant


def new_application() -> None:
    """Clear the interview's facts (tone and channel stay) for the next application."""
    for key in (*TEXT_FIELDS, common.RECRUITER_EMAIL):
        st.session_state[key] = ""
    st.session_state[common.NEWS] = NEWS_CHOICES[0]
    st.session_state[common.INTERVIEW_DATE] = None
    st.session_state[common.VARIANT] = 0
    for key in (common.RESTORED_FROM, common.AI_DRAFT, common.APPLICATION_ID, common.LAST_SAVED):
        st.session_state.pop(key, None)


def another_version() -> None:
    st.session_state[common.VARIANT] = (st.session_state.get(common.VARIANT, 0) + 1) % (VARIANT_MAX + 1)


def form_request() -> tuple[DraftRequest | None, list[str]]:
    """The request the form describes, or the labels of the required fields still empty."""
    state = st.session_state
    missing = [t(label) for key, label in REQUIRED.items() if not str(state.get(key) or "").strip()]
    if missing:
        return None, missing
    context = InterviewContext(
        **{name: state.get(key) or "" for key, name in TEXT_FIELDS.items()},
        **{name: "" if state.get(key) in _UNSAID else state.get(key) or "" for key, name in CHOICE_FIELDS.items()},
        interview_date=state.get(common.INTERVIEW_DATE),
    )
    request = DraftRequest(
        language=state[common.DRAFT_LANGUAGE],
        channel=state[common.CHANNEL],
        context=context,
        tone=Tone(**{name: int(state[key]) for name, key in common.TONE_KEYS.items()}),
        variant=int(state.get(common.VARIANT, 0)),
    )
    return request, []


def fingerprint(request: DraftRequest) -> str:
    return hashlib.sha256(request.model_dump_json().encode()).hexdigest()[:16]


# -- the form ----------------------------------------------------------------


def context_form() -> None:
    # No max_chars on fields with a documented limit: the browser would silently ignore
    # an over-long paste; the model's validation names the field and the limit instead.
    with st.container(border=True):
        head, action = st.columns([3, 1], vertical_alignment="center")
        head.markdown(f"**{t('draft.context_title')}**")
        action.button(t("draft.new_application"), on_click=new_application, icon=":material/add:", width="stretch")
        if restored := st.session_state.get(common.RESTORED_FROM):
            st.caption(t("draft.restored", what=md(restored)))
        # The three fields a draft needs stay in sight; the rest of the interview is in an expander that a returning
        # visit with a complete form finds closed, and whose fields are then not built (the page loads lighter).
        a, b, c = st.columns(3)
        a.text_input(
            t("field.candidate"), key=common.CANDIDATE,
            placeholder=t("field.candidate_hint"), persist_state="session",
        )  # fmt: skip
        b.text_input(
            t("field.company"), key=common.COMPANY,
            placeholder=t("field.company_hint"), help=t("field.company_help"), persist_state="session",
        )  # fmt: skip
        c.text_input(
            t("field.role"), key=common.ROLE,
            placeholder=t("field.role_hint"), persist_state="session",
        )  # fmt: skip
        details = common.remembered_expander(
            t("draft.details_title"), common.DETAILS, open_by_default=True, force_open=details_needed(),
            icon=":material/assignment:",
        )  # fmt: skip
        if details.open:
            with details:
                interview_details()


def details_needed() -> bool:
    """The details must be in sight while a required field is empty (a form being filled) or while a field holds what
    the contract refuses: the error under the draft names a field the person must be able to reach."""
    try:
        _, missing = form_request()
    except ValidationError:
        return True
    return bool(missing)


def interview_details() -> None:
    """The interview's details: who, when, how the news came, the rejection and the person's notes."""
    a, b, c = st.columns(3)
    a.text_input(
        t("field.recruiter"), key=common.RECRUITER,
        placeholder=t("field.recruiter_hint"), persist_state="session",
    )  # fmt: skip
    b.text_input(
        t("field.recruiter_email"), key=common.RECRUITER_EMAIL, max_chars=254,
        placeholder=t("field.recruiter_email_hint"), help=t("field.recruiter_email_help"),
        persist_state="session",
    )  # fmt: skip
    today = dt.date.today()
    c.date_input(
        t("field.interview_date"), key=common.INTERVIEW_DATE, min_value=today - dt.timedelta(days=3 * 365),
        max_value=today + dt.timedelta(days=30), format=t("field.date_format"), persist_state="session",
    )  # fmt: skip
    # Labels fixed now, in this run's language: a format function read later must give the same text.
    news_labels = {value: t(f"field.news_options.{value}") for value in NEWS_CHOICES}
    gender_labels = {value: t(f"field.gender_options.{value}") for value in GENDER_CHOICES}
    a.selectbox(
        t("field.news"), NEWS_CHOICES, key=common.NEWS, help=t("field.news_help"),
        format_func=news_labels.__getitem__, persist_state="session",
    )  # fmt: skip
    b.selectbox(
        t("field.gender"), GENDER_CHOICES, key=common.GENDER, help=t("field.gender_help"),
        format_func=gender_labels.__getitem__, persist_state="session",
    )  # fmt: skip
    c.text_input(
        t("field.phone_number"), key=common.PHONE,
        placeholder=t("field.phone_number_hint"), persist_state="session",
    )  # fmt: skip
    left, right = st.columns(2)
    left.text_area(
        t("field.rejection"), key=common.REJECTION, height=110,
        placeholder=t("field.rejection_hint"), persist_state="session",
    )  # fmt: skip
    right.text_area(
        t("field.notes"), key=common.NOTES, height=110,
        placeholder=t("field.notes_hint"), persist_state="session",
    )  # fmt: skip


def message_controls() -> None:
    """The message's language and channel, outside the tone-and-draft fragment: chosen once per application, they
    rerun the page; a slider move does not send them again."""
    with st.container(horizontal=True, gap="medium"):
        st.segmented_control(
            t("draft.language"), LANGUAGES, format_func=lambda lang: t(f"language.{lang}"),
            key=common.DRAFT_LANGUAGE, required=True, persist_state="session",
        )  # fmt: skip
        st.segmented_control(
            t("draft.channel"), CHANNELS, format_func=lambda channel: t(f"channel.{channel}"),
            key=common.CHANNEL, required=True, persist_state="session",
        )  # fmt: skip


def tone_controls() -> None:
    st.markdown(f"**{t('tone.title')}**")
    for name, key in common.TONE_KEYS.items():
        st.slider(
            f"{t(f'tone.{name}')} · {t(f'tone.{name}_low')} ↔ {t(f'tone.{name}_high')}",
            0, 100, step=5, key=key, help=t(f"tone.{name}_help"), persist_state="session",
        )  # fmt: skip


# -- the draft ---------------------------------------------------------------


def show_automatic_rejection(rejection_message: str) -> None:
    from rebond.compose import looks_automatic

    automatic, reason = looks_automatic(rejection_message)
    if automatic:
        st.info(
            f"**{t('draft.auto_title', phrase=md(reason))}**\n\n{md(principle('worth_a_few_minutes', common.ui_lang()))}",
            icon=":material/smart_toy:",
        )


def show_draft(draft: Draft, request: DraftRequest, recruiter_email: str) -> None:
    st.markdown(draft_badges(draft, request))
    # Each block is a named group for screen readers (views/a11y.js; names given in name_draft_parts).
    if draft.subject:
        with st.container(key="draft_subject"):
            st.caption(t("draft.subject"))
            st.code(draft.subject, language=None, wrap_lines=True)
    with st.container(key=f"draft_body_{draft.channel}"):
        st.caption(t(f"draft.body_{draft.channel}"))
        st.code(draft.body, language=None, wrap_lines=True)
    if draft.voicemail:
        with st.container(key="draft_voicemail"):
            st.caption(t("draft.voicemail"))
            st.code(draft.voicemail, language=None, wrap_lines=True)
    st.caption(t("draft.copy_hint"))

    stem = exports.file_stem(request.context.company, request.context.role)
    # The files are written when a button is clicked (Streamlit's deferred download), not on every slider move: no
    # file stored on the server and fetched by the browser per rerun.
    with st.container(horizontal=True):
        st.button(t("draft.another_version"), on_click=another_version, icon=":material/autorenew:")
        st.download_button(
            t("draft.download_txt"), lambda: exports.draft_txt(draft), file_name=f"{stem}.txt", mime="text/plain",
            icon=":material/download:", on_click="ignore",
        )  # fmt: skip
        if draft.channel == Channel.EMAIL:
            st.download_button(
                t("draft.download_eml"), lambda: exports.draft_eml(draft, to=recruiter_email), file_name=f"{stem}.eml",
                mime="message/rfc822", icon=":material/mail:", on_click="ignore",
            )  # fmt: skip
            if link := exports.mailto_link(draft, to=recruiter_email):
                st.link_button(t("draft.open_mail"), link, icon=":material/send:")
        if app_id := st.session_state.get(common.APPLICATION_ID):
            if st.button(t("draft.mark_sent"), icon=":material/outgoing_mail:", key="draft_mark_sent"):
                common.store().mark_sent(app_id)
                st.toast(t("draft.marked_sent"), icon="📬")
    if recruiter_email and not exports.valid_address(recruiter_email):
        st.caption(t("draft.bad_email"))
    for notice in draft.notices:
        st.info(md(notice), icon=":material/info:")

    critical = draft.checks.critical_failures()
    if critical:
        st.warning(t("draft.critical"), icon=":material/report:")
    checks = draft.checks.checks
    failed = [check for check in checks if not check.passed]
    # A failed check is always in sight, above the expander; the passed ones are built only when it is opened.
    if failed:
        st.markdown("\n".join(f"- {check_line(check)}" for check in failed))
    passed = [check for check in checks if check.passed]
    if passed:
        count = t("draft.checks_count", passed=len(passed), total=len(checks))
        label = f"{t('draft.checks_title')} :{'blue' if failed else 'green'}-badge[{count}]"
        expander = common.remembered_expander(label, common.CHECKS, open_by_default=False, icon=":material/checklist:")
        if expander.open:
            with expander:
                # One list in one element; views/style.css lays it out in two columns on a wide screen.
                st.markdown("\n".join(f"- {check_line(check)}" for check in passed))


def draft_badges(draft: Draft, request: DraftRequest) -> str:
    """The engine, channel, language and version as badges, in one line of Markdown (one element, not four)."""
    if draft.engine.startswith("llm"):
        badges = [f":violet-badge[✨ {md(t('draft.engine_llm', model=draft.engine.removeprefix('llm:')))}]"]
    else:
        badges = [f":gray-badge[:material/offline_bolt: {md(t('draft.engine_offline'))}]"]
    badges.append(f":blue-badge[{md(t(f'channel.{draft.channel}'))}]")
    badges.append(f":blue-badge[{md(t(f'language.{draft.language}'))}]")
    if request.variant:
        badges.append(f":orange-badge[{md(t('draft.version', n=request.variant + 1))}]")
    return " ".join(badges)


def check_line(check) -> str:
    """One check, its outcome said in words as well as by its mark, so a screen reader reads "passed" or "failed"."""
    if check.passed:
        mark = f":green[**✓ {t('a11y.check_passed')}**]"
    else:
        mark = f":red[**✗ {t('a11y.check_failed')}**]"
    return f"{mark} · **{md(check.label)}** — {md(check.reason)}"


def name_draft_parts() -> None:
    """Accessible names of the draft's blocks, given once per full run (the fragment's reruns keep them)."""
    common.name_region("draft_subject", t("a11y.draft_subject"))
    for channel in CHANNELS:
        common.name_region(f"draft_body_{channel}", t(f"a11y.draft_body_{channel}"))
    common.name_region("draft_voicemail", t("a11y.draft_voicemail"))


def show_guidance(draft: Draft) -> None:
    """Why this works: the guidance principles the draft applies, in the interface language."""
    if not draft.guidance_ids:
        return
    expander = common.remembered_expander(t("draft.why_title"), common.WHY, open_by_default=False,
                                          icon=":material/lightbulb:")  # fmt: skip
    if expander.open:
        lang = common.ui_lang()
        with expander:
            st.markdown("\n".join(f"- {md(principle(pid, lang))}" for pid in draft.guidance_ids))
            st.caption(md(source_note(lang)))


def save(journal, request: DraftRequest, draft: Draft) -> None:
    """Keep the draft in the journal once per distinct text, so reruns do not write."""
    signature = hashlib.sha256(f"{fingerprint(request)}|{draft.engine}|{draft.full_text()}".encode()).hexdigest()
    if st.session_state.get(common.LAST_SAVED) == signature:
        return
    app_id, _ = journal.save_draft(request, draft)
    st.session_state[common.APPLICATION_ID] = app_id
    st.session_state[common.LAST_SAVED] = signature


def draft_column(settings, journal) -> Draft | None:
    """The draft for the form's request, shown with its checks; None when the form is incomplete or drafting failed."""
    with common.friendly_errors():
        request, missing = form_request()
        if request is None:
            st.info(t("draft.fill_required", fields=", ".join(missing)), icon=":material/edit:")
            return None
        if request.context.rejection_message:
            show_automatic_rejection(request.context.rejection_message)

        draft: Draft | None = None
        if settings.engine_in_use == "llm":
            ai_slot = st.empty()
            if st.button(t("draft.write_ai"), type="primary", icon="✨", key="draft_write_ai"):
                from rebond.budget import stream_draft

                stream = stream_draft(request, settings, common.llm_budget(settings))
                with ai_slot.container(border=True):
                    st.caption(t("draft.writing"))
                    # Escaped like every model text: a Markdown image in the preview would be fetched.
                    st.write_stream(common.preview_markdown(stream, with_subject=request.channel == Channel.EMAIL))
                ai_slot.empty()
                st.session_state[common.AI_DRAFT] = (fingerprint(request), stream.result)
                common.announce(t("a11y.draft_ready"))  # once, when complete; never token by token
            stored = st.session_state.get(common.AI_DRAFT)
            if stored and stored[0] == fingerprint(request):
                draft = stored[1]
            else:
                st.caption(t("draft.offline_preview"))
        if draft is None:
            from rebond.compose import compose

            draft = compose(request)
        saved = False
        with common.friendly_errors("error.not_saved"):
            save(journal, request, draft)
            saved = True
        show_draft(draft, request, str(st.session_state.get(common.RECRUITER_EMAIL) or "").strip())
        if saved:
            st.caption(t("draft.saved"))
        return draft
    return None


@st.fragment
def tone_and_draft(settings, journal) -> None:
    """Sliders and the draft they shape; a fragment, so moving a slider reruns only this part of the page."""
    controls, output = st.columns([5, 7], gap="large")
    # The draft column is written first: each element is one message to the browser, so the new draft reaches it
    # before the controls it already shows (and the guidance under them, which needs the draft) are sent again.
    with output:
        draft = draft_column(settings, journal)
    with controls:
        tone_controls()
        if draft is not None:
            with common.friendly_errors():
                show_guidance(draft)


settings = common.settings()
common.sidebar(settings)
journal = common.store(settings)
init_form(journal)
name_draft_parts()

st.title(t("draft.title"))
st.caption(t("draft.intro"))
context_form()
message_controls()
tone_and_draft(settings, journal)
