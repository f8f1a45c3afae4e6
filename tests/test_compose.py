"""The offline engine: deterministic, shaped by every slider, faithful to the input, passing its own checks."""

import itertools
import json
from pathlib import Path

import pytest

from rebond.checks import formality_score
from rebond.compose import compose, looks_automatic
from rebond.models import Channel, DraftRequest, InterviewContext, Language, Tone
from rebond.text import word_count

DATASETS = Path(__file__).resolve().parents[1] / "evals" / "datasets"


def request(language="fr", channel="email", recruiter="Mme Lefebvre", date="2026-11-12", notes="",
            rejection="", variant=0, **tone):
    return DraftRequest(
        language=language,
        channel=channel,
        variant=variant,
        context=InterviewContext(candidate_name="Léa Tremblay", recruiter_name=recruiter, company="Desjardins",
                                 role="Analyste de données", interview_date=date, notes=notes,
                                 rejection_message=rejection),
        tone=Tone(**tone),
    )


def test_same_input_same_text_and_variant_changes_wording():
    first, again = compose(request()), compose(request())
    assert first.body == again.body and first.subject == again.subject
    other = compose(request(variant=1))
    assert other.body != first.body
    assert other.checks.passed


@pytest.mark.parametrize("language", ["fr", "fr-FR", "en"])
@pytest.mark.parametrize("channel", ["email", "linkedin", "phone"])
def test_length_slider_is_monotone(language, channel):
    counts = [word_count(compose(request(language, channel, length=value)).body) for value in (0, 50, 100)]
    assert counts[0] < counts[1] < counts[2]


def test_email_length_spans_about_50_to_220_words():
    short = word_count(compose(request("en", length=0, warmth=0, directness=0)).body)
    long = word_count(compose(request("en", length=100, warmth=100, directness=100)).body)
    assert 30 <= short <= 75 and 180 <= long <= 260


@pytest.mark.parametrize("language", ["fr", "fr-FR", "en"])
@pytest.mark.parametrize("channel", ["email", "linkedin", "phone"])
def test_formality_score_never_drops_when_formality_rises(language, channel):
    for warmth, length in itertools.product((0, 50, 100), (0, 50, 100)):
        scores = []
        for formality in (0, 25, 50, 75, 100):
            draft = compose(request(language, channel, formality=formality, warmth=warmth, length=length))
            scores.append(formality_score(draft.full_text(), language))
        assert scores == sorted(scores), (warmth, length, scores)


def test_formality_changes_greeting_closing_and_contractions():
    relaxed, formal = compose(request("en", formality=0)), compose(request("en", formality=100))
    assert relaxed.body.startswith("Hi Ms Lefebvre") and formal.body.startswith("Dear Ms Lefebvre")
    assert "I'm" in relaxed.body and "I'm" not in formal.body
    fr_formal = compose(request("fr", formality=100))
    assert fr_formal.body.startswith("Bonjour Madame Lefebvre") and "salutations distinguées" in fr_formal.body
    assert compose(request("fr", recruiter="Louis", formality=50)).body.startswith("Bonjour Louis,")


def test_never_uses_tu():
    for formality in (0, 10, 50, 100):
        body = compose(request("fr", formality=formality)).body.lower()
        assert " tu " not in body and " ton " not in body and " toi " not in body


def test_warmth_adds_warm_sentences():
    cold = compose(request("en", warmth=0, length=100)).body
    warm = compose(request("en", warmth=100, length=100)).body
    assert "enjoyed our conversation" not in cold and "appreciated our conversation" not in cold
    assert "enjoyed our conversation" in warm or "appreciated our conversation" in warm


def test_directness_moves_from_open_question_to_precise_questions_led_by_notes():
    open_ask = compose(request("en", directness=0)).body
    precise = compose(request("en", directness=100, notes="I stumbled on the SQL question")).body
    assert open_ask.count("?") == 1
    questions = [line for line in precise.splitlines() if line.startswith("- ")]
    assert len(questions) == 3
    assert "answers" in questions[0]  # the notes point at the interview answers first


def test_uses_date_when_given_and_invents_nothing():
    with_date = compose(request("fr", date="2026-11-12")).body
    assert "12 novembre 2026" in with_date
    without = compose(request("fr", date="", recruiter=""))
    assert "2026" not in without.body and "Madame, Monsieur" in without.body or "Bonjour," in without.body
    assert without.checks.get("no_invented_facts").passed


def test_quebec_and_france_vocabulary():
    assert "entrevue" in compose(request("fr")).body and "entretien" not in compose(request("fr")).body
    france = compose(request("fr-FR", length=100))
    assert "entretien" in france.body and "entrevue" not in france.body


def test_email_has_subject_and_signature_linkedin_fits_its_limit():
    email = compose(request("en"))
    assert email.subject and "Analyste de données" in email.subject
    assert email.body.rstrip().endswith("Léa Tremblay")
    for length, limit in ((0, 300), (50, 300), (100, 600)):
        linkedin = compose(request("fr", "linkedin", length=length, warmth=100, directness=100))
        assert linkedin.subject is None and len(linkedin.body) <= limit


def test_phone_is_a_script_with_questions_and_a_short_voicemail():
    draft = compose(request("en", "phone"))
    for label in ("Opening:", "Ask:", "Questions:", "Closing:"):
        assert label in draft.body
    questions = [line for line in draft.body.splitlines() if line.startswith("- ")]
    assert 2 <= len(questions) <= 3
    assert draft.voicemail and word_count(draft.voicemail) <= 60


def test_automatic_rejection_is_acknowledged():
    auto = "Ceci est un message automatique, merci de ne pas répondre."
    assert looks_automatic(auto)[0] and not looks_automatic("Merci pour votre temps, Louis")[0]
    draft = compose(request("fr", rejection=auto))
    assert "automatique" in draft.body and "quelques minutes" in draft.body
    assert "worth_a_few_minutes" in draft.guidance_ids


def test_grid_of_sliders_passes_every_check():
    failures = []
    for language, channel in itertools.product(["fr", "fr-FR", "en"], ["email", "linkedin", "phone"]):
        for f, w, d, l in itertools.product((0, 50, 100), (0, 100), (0, 60, 100), (0, 30, 60, 100)):
            draft = compose(request(language, channel, formality=f, warmth=w, directness=d, length=l))
            failures += [(language, channel, f, w, d, l, c.name) for c in draft.checks.failed()]
    assert not failures


def test_dataset_requests_all_pass_their_checks():
    lines = (DATASETS / "requests.jsonl").read_text(encoding="utf-8").splitlines()
    requests = [DraftRequest.model_validate(json.loads(line)) for line in lines if line.strip()]
    assert len(requests) >= 30
    failed = {r.id: [c.name for c in compose(r).checks.failed()] for r in requests}
    assert {k: v for k, v in failed.items() if v} == {}
