"""Journal page: every application with its drafts and analyses, what the replies point to, and who to follow up."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

from rebond.guidance import category_info, kind_info
from rebond.storage import FOLLOW_UP_AFTER_DAYS, Application, Store as Journal
from rebond.models import Kind
from views import common
from views.common import md, t

# At least 3:1 against both themes' backgrounds (WCAG 1.4.11, graphical objects).
KIND_COLOURS = {Kind.CONSTRUCTIVE: "#079464", Kind.GENERIC: "#6b7280", Kind.MALICIOUS: "#d94a57"}
BAR_COLOUR = "#ea580c"
CHART_HEIGHT = 260
KIND_BADGE = {Kind.CONSTRUCTIVE: "green", Kind.GENERIC: "gray", Kind.MALICIOUS: "red"}


def overview(journal: Journal, apps: list[Application]) -> None:
    waiting = sum(not app.reply_received for app in apps)
    a, b, c, d = st.columns(4)
    a.metric(t("journal.applications"), len(apps), border=True)
    b.metric(t("journal.waiting"), waiting, border=True)
    c.metric(t("journal.replies"), len(apps) - waiting, border=True)
    d.metric(t("journal.analyses"), len(journal.analyses()), border=True)


def follow_ups(journal: Journal) -> None:
    today = dt.date.today()
    for app in journal.follow_ups(today):
        days = (today - app.asked_on).days if app.asked_on else FOLLOW_UP_AFTER_DAYS
        with st.container(border=True, horizontal=True, vertical_alignment="center"):
            st.markdown(
                f":orange[:material/schedule:] {t('journal.follow_up', company=md(app.company), role=md(app.role), days=days)}"
            )
            st.button(
                t("journal.reply_received"), key=f"journal_followup_reply_{app.id}",
                on_click=journal.set_reply_received, args=(app.id, True),
            )  # fmt: skip


def charts(journal: Journal) -> None:
    lang = common.ui_lang()
    counts = journal.category_counts()
    months = journal.kinds_by_month()
    if not counts and not months:
        st.info(t("journal.charts_empty"), icon=":material/bar_chart:")
        return
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{t('journal.chart_areas')}**")
        if counts:
            areas = pd.DataFrame(
                [{"area": category_info(cat, lang)["label"], "count": n} for cat, n in counts.most_common()]
            )
            chart = (
                alt.Chart(areas)
                # Vega's own ARIA text is English ("X-axis titled … for a linear scale"): the chart is
                # described once, in the interface language, and its parts stay silent.
                .mark_bar(cornerRadiusEnd=4, color=BAR_COLOUR, height=alt.RelativeBandSize(0.6), aria=False)
                .encode(
                    x=alt.X("count:Q", title=t("journal.count"), axis=alt.Axis(tickMinStep=1, format="d", aria=False)),
                    y=alt.Y("area:N", sort="-x", title=None, axis=alt.Axis(aria=False)),
                    tooltip=[alt.Tooltip("area:N", title=t("journal.area")), alt.Tooltip("count:Q", title=t("journal.count"))],
                )
                .properties(height=CHART_HEIGHT, description=t(
                    "journal.chart_areas_description",
                    items=", ".join(f"{row.area} : {row.count}" if lang == "fr" else f"{row.area}: {row.count}"
                                    for row in areas.itertuples()),
                ))
            )  # fmt: skip
            st.altair_chart(chart, width="stretch")
        else:
            st.caption(t("journal.no_areas"))
    with right:
        st.markdown(f"**{t('journal.chart_kinds')}**")
        labels = {kind: kind_info(kind, lang)["label"] for kind in Kind}
        kinds = pd.DataFrame([{**row, "kind": labels[Kind(row["kind"])]} for row in months])
        chart = (
            alt.Chart(kinds)
            .mark_bar(cornerRadiusTopLeft=4, cornerRadiusTopRight=4, width=alt.RelativeBandSize(0.5), aria=False)
            .encode(
                x=alt.X("month:O", title=t("journal.month"), axis=alt.Axis(labelAngle=0, aria=False)),
                y=alt.Y("count:Q", title=t("journal.count"), stack=True,
                        axis=alt.Axis(tickMinStep=1, format="d", aria=False)),  # fmt: skip
                color=alt.Color(
                    "kind:N",
                    title=None,
                    scale=alt.Scale(domain=list(labels.values()), range=list(KIND_COLOURS.values())),
                    legend=alt.Legend(orient="top", aria=False),
                ),
                tooltip=[alt.Tooltip("month:O", title=t("journal.month")), alt.Tooltip("kind:N", title=t("journal.kind")),
                         alt.Tooltip("count:Q", title=t("journal.count"))],  # fmt: skip
            )
            .properties(height=CHART_HEIGHT, description=t(
                "journal.chart_kinds_description",
                items=", ".join(f"{row['month']} · {labels[Kind(row['kind'])]} · {row['count']}" for row in months),
            ))
        )  # fmt: skip
        st.altair_chart(chart, width="stretch")


def ask_delete(app_id: int) -> None:
    st.session_state[common.CONFIRM_DELETE] = app_id


def cancel_delete() -> None:
    st.session_state.pop(common.CONFIRM_DELETE, None)


def application_entry(journal: Journal, app: Application) -> None:
    status = t("journal.status_replied") if app.reply_received else t("journal.status_waiting")
    icon = ":material/mark_email_read:" if app.reply_received else ":material/hourglass_top:"
    # A label is Markdown too: the user's words are escaped like everywhere else.
    with st.expander(f"{md(app.company)} · {md(app.role)} — {status}", icon=icon):
        facts = [t("journal.created", date=app.created_at[:10])]
        if app.interview_date:
            facts.append(t("journal.interview", date=app.interview_date))
        if app.sent_at:
            facts.append(t("journal.sent", date=app.sent_at))
        if app.reply_received_at:
            facts.append(t("journal.replied", date=app.reply_received_at))
        st.caption(" · ".join(facts))
        with st.container(horizontal=True):
            if not app.sent_at and not app.reply_received:
                st.button(
                    t("journal.mark_sent"), key=f"journal_sent_{app.id}", on_click=journal.mark_sent, args=(app.id,),
                    icon=":material/outgoing_mail:",
                )  # fmt: skip
            st.button(
                t("journal.reply_not_received") if app.reply_received else t("journal.reply_received"),
                key=f"journal_reply_{app.id}", on_click=journal.set_reply_received,
                args=(app.id, not app.reply_received), icon=":material/mark_email_read:",
            )  # fmt: skip
            st.button(
                t("journal.delete"), key=f"journal_delete_{app.id}", icon=":material/delete:",
                on_click=ask_delete, args=(app.id,),
            )  # fmt: skip
        if st.session_state.get(common.CONFIRM_DELETE) == app.id:
            st.warning(t("journal.confirm_delete", company=md(app.company), role=md(app.role)), icon="🗑️")
            with st.container(horizontal=True):
                if st.button(t("journal.confirm"), key=f"journal_confirm_{app.id}", type="primary"):
                    journal.delete_application(app.id)
                    st.session_state.pop(common.CONFIRM_DELETE, None)
                    st.toast(t("journal.deleted"), icon="🗑️")
                    st.rerun()
                st.button(
                    t("journal.cancel"), key=f"journal_cancel_{app.id}",
                    on_click=cancel_delete,
                )  # fmt: skip

        drafts = journal.drafts(app.id)
        analyses = journal.analyses(app.id)
        drafts_tab, analyses_tab = st.tabs(
            [t("journal.drafts_tab", n=len(drafts)), t("journal.analyses_tab", n=len(analyses))]
        )
        with drafts_tab:
            if not drafts:
                st.caption(t("journal.none"))
            for saved in drafts:
                draft = saved.draft
                version = t("draft.version", n=saved.request.variant + 1)
                st.caption(
                    f"{t(f'channel.{draft.channel}')} · {t(f'language.{draft.language}')} · {version} · "
                    f"{saved.updated_at.replace('T', ' ')[:16]}"
                )
                st.code(draft.full_text(), language=None, wrap_lines=True)
        with analyses_tab:
            if not analyses:
                st.caption(t("journal.none"))
            for saved in analyses:
                show_saved_analysis(saved)


def show_saved_analysis(saved) -> None:
    lang = common.ui_lang()
    analysis = saved.analysis
    areas = ", ".join(category_info(cat, lang)["label"] for cat in saved.categories) or t("journal.no_area")
    with st.container(border=True):
        with st.container(horizontal=True, vertical_alignment="center"):
            st.badge(kind_info(analysis.kind, lang)["label"], color=KIND_BADGE[analysis.kind])  # type: ignore[arg-type]
            st.caption(f"{saved.created_at.replace('T', ' ')[:16]} · {md(areas)}")
        if saved.reply:
            lines = [line for line in saved.reply.splitlines() if line.strip()]
            st.markdown("\n>\n".join(f"> {md(line)}" for line in lines[:6]) + ("\n>\n> …" if len(lines) > 6 else ""))


settings = common.settings()
common.sidebar(settings)
journal = common.store(settings)

head, export = st.columns([4, 1], vertical_alignment="bottom")
head.title(t("journal.title"))
with common.friendly_errors():
    apps = journal.applications()
    export.download_button(
        t("journal.export"), journal.export_csv(), file_name="rebond-journal.csv", mime="text/csv",
        icon=":material/download:", on_click="ignore", width="stretch", disabled=not apps,
    )  # fmt: skip
    if journal.path is not None and journal.path.name == ":memory:":
        st.caption(t("journal.intro_session"))
    elif common.mode() == "hosted":
        st.caption(t("journal.intro_hosted"))
    else:
        st.caption(t("journal.intro", path=md(journal.where)))
    overview(journal, apps)
    follow_ups(journal)
    charts(journal)
    st.subheader(t("journal.entries"))
    if not apps:
        st.info(t("journal.empty"), icon=":material/menu_book:")
    for app in apps:
        application_entry(journal, app)
    orphans = [saved for saved in journal.analyses() if saved.application_id is None]
    if orphans:
        st.subheader(t("journal.unlinked"))
        for saved in orphans:
            show_saved_analysis(saved)
