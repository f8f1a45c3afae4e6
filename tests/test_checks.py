"""Each quality check passes a good draft and fails the specific fault it names, in French and English."""

import json
from pathlib import Path

import pytest

from rebond.checks import CHECK_NAMES, CRITICAL_CHECKS, checks_for, formality_score, run_checks
from rebond.models import Channel, Draft, DraftRequest

DATASETS = Path(__file__).resolve().parents[1] / "evals" / "datasets"

GOOD_EN = """Hello Sarah,

Thank you for letting me know, and for the time you gave me during the interview.
I was sorry to learn that I was not selected for the Data Analyst position at Acme Corp, and I would like to learn from the experience.

Would you be willing to share some feedback on my application and interview? Your perspective would help me improve for my next interviews.

I remain interested in Acme Corp and would be glad to be considered for future opportunities.

Best regards,
Jordan Miller"""

GOOD_FR = """Bonjour Louis,

Merci pour votre message et pour le temps accordé lors de notre entrevue.
Je regrette que ma candidature pour le poste d'Analyste de données chez Desjardins n'ait pas été retenue.

Accepteriez-vous de me faire part de vos commentaires sur ma candidature ? Votre regard m'aiderait à m'améliorer pour mes prochaines entrevues.

Je garde un grand intérêt pour Desjardins et pour de futures occasions.

Cordialement,
Léa Tremblay"""


def req(language="en", channel="email", formality=50, length=40, **context):
    # The good drafts thank for a message: the news came in writing.
    ctx = {"candidate_name": "Jordan Miller", "recruiter_name": "Sarah", "company": "Acme Corp",
           "role": "Data Analyst", "news_channel": "written"} if language == "en" else {
        "candidate_name": "Léa Tremblay", "recruiter_name": "Louis", "company": "Desjardins",
        "role": "Analyste de données", "news_channel": "written"}
    return DraftRequest.model_validate({"language": language, "channel": channel, "context": {**ctx, **context},
                                        "tone": {"formality": formality, "length": length}})


def report(body, request, subject=None, voicemail=None):
    draft = Draft(subject=subject, body=body, voicemail=voicemail, channel=request.channel,
                  language=request.language, engine="test")
    return run_checks(draft, request)


def failed(body, request=None, **kwargs):
    request = request or req()
    return {check.name for check in report(body, request, **kwargs).failed()}


def test_good_drafts_pass_everything():
    assert failed(GOOD_EN) == set()
    assert failed(GOOD_FR, req("fr", length=20)) == set()


def test_report_lists_checks_for_the_channel_in_order():
    names = [c.name for c in report(GOOD_EN, req()).checks]
    assert names == checks_for(Channel.EMAIL) and "linkedin_limit" not in names
    assert "sign_off" not in checks_for(Channel.PHONE) and "linkedin_limit" in checks_for(Channel.LINKEDIN)
    assert set(CRITICAL_CHECKS) <= set(CHECK_NAMES)


@pytest.mark.parametrize(
    ("change", "check"),
    [
        (lambda t: t.replace("Hello Sarah,", "Sarah -"), "greeting"),
        (lambda t: t.replace("Thank you for letting me know, and for the time you gave me during the interview.", ""), "thanks"),
        (lambda t: t.replace("I was sorry to learn that I was not selected", "I don't regret applying and I was not selected"), "regret"),
        (lambda t: t.replace("Would you be willing to share some feedback on my application and interview? ", ""), "feedback_request"),
        (lambda t: t.replace("Would you be willing to share some feedback on my application and interview?",
                             "Could you tell me why I was rejected?"), "improvement_framing"),
        (lambda t: t.replace("I remain interested in Acme Corp and would be glad to be considered for future opportunities.", ""), "future_openness"),
        (lambda t: t.replace("Jordan Miller", "J."), "sign_off"),
        (lambda t: t.replace("Data Analyst position", "position"), "mentions_role"),
        (lambda t: t.replace("Acme Corp", "your company"), "mentions_company"),
        (lambda t: t + "\nP.S. I really need this job, please give me another chance.", "no_begging"),
        (lambda t: t + "\nFrankly, your process is a joke.", "no_aggression"),
        (lambda t: t + "\nI had all the qualifications you listed, so I don't understand how you decided.", "no_defensiveness"),
        (lambda t: t + "\nCould you reconsider my application?", "no_reconsideration"),
        (lambda t: t.replace("Hello Sarah,", "Hello Sarah,\n\nI hope this email finds you well."), "no_cliche"),
        (lambda t: t.replace("Acme Corp and", "[Company] and"), "no_placeholder"),
        (lambda t: t.replace("during the interview.", "during the interview with Mark at Globex on March 3."), "no_invented_facts"),
        (lambda t: t.replace("Hello Sarah,", "Hey Sarah!! lol"), "formality_match"),
        (lambda t: t + "\n" + "Some more words here to pad the message. " * 30, "length_band"),
    ],
)
def test_each_check_catches_its_fault(change, check):
    assert check in failed(change(GOOD_EN))


@pytest.mark.parametrize(
    ("body", "passes"),
    [
        ("I'm not asking why I was rejected, but how I could improve.", True),
        ("Je ne vous demande pas de revoir votre décision.", True),
        ("Could you reconsider?", False),
        ("Pourriez-vous revoir votre décision ?", False),
    ],
)
def test_negated_traps(body, passes):
    text = GOOD_EN.replace("Your perspective would help me improve", body + " Your perspective would help me improve")
    bad = failed(text)
    assert ("no_reconsideration" not in bad and "improvement_framing" not in bad) is passes


def test_french_faults():
    request = req("fr", formality=60)
    assert "formality_match" in failed(GOOD_FR.replace("Accepteriez-vous", "Peux-tu").replace("vos", "tes"), request)
    assert "no_begging" in failed(GOOD_FR + "\nJe vous en supplie, j'ai vraiment besoin de ce poste.", request)
    assert "improvement_framing" in failed(GOOD_FR.replace("Accepteriez-vous de me faire part de vos commentaires sur ma candidature ?",
                                                           "Pourquoi ma candidature a-t-elle été refusée ?"), request)
    assert "language_match" in failed(GOOD_EN, req("fr"))


def test_linkedin_limit_depends_on_length():
    body = "Hi Sarah, thanks. Sorry I was not picked for Data Analyst at Acme Corp. Any feedback to help me improve? Future openings welcome. " * 3
    assert "linkedin_limit" in failed(body, req(channel="linkedin", length=30))
    assert "linkedin_limit" not in failed(body, req(channel="linkedin", length=80))


def test_formality_score_orders_registers():
    relaxed = "Hey Sarah! Thanks, I'm bummed I didn't get it. Cheers"
    formal = "Dear Ms Patel, I would be grateful for your feedback. Kind regards"
    assert formality_score(relaxed, "en") < 35 < 65 < formality_score(formal, "en")


def test_reasons_are_in_the_draft_language():
    fr = report(GOOD_FR, req("fr")).get("thanks")
    en = report(GOOD_EN, req()).get("thanks")
    assert fr.reason == "Remercie le recruteur." and en.reason == "Thanks the recruiter."


def _per_check(lines):
    counts: dict[str, list[int]] = {}
    for case in lines:
        request = DraftRequest.model_validate(case["request"])
        got = report(case["draft"]["body"], request, case["draft"].get("subject"), case["draft"].get("voicemail"))
        for name, expected_pass in case["expected"].items():
            tp_fp_fn = counts.setdefault(name, [0, 0, 0])
            flagged = not got.get(name).passed
            tp_fp_fn[0] += flagged and not expected_pass
            tp_fp_fn[1] += flagged and expected_pass
            tp_fp_fn[2] += (not flagged) and not expected_pass
    return counts


def test_checks_agree_with_the_hand_labelled_drafts():
    lines = [json.loads(line) for line in (DATASETS / "checker_drafts.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) >= 60
    for name, (tp, fp, fn) in _per_check(lines).items():
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        assert precision >= 0.9 and recall >= 0.9, (name, precision, recall)


# ---- dates are looked for only where they can start -----------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from rebond.checks import _ISO_DATE, _YEAR, _date_starts, _matches_from, _months  # noqa: E402

_DATE_PIECES = st.sampled_from(
    ["10", "1", "2026", "1999", "2026-11-10", "12/10", "3/4/2025", "1er", "novembre", "november", "mars", "mai", "may",
     " ", "  ", "-", "/", ".", ",", "le", "x", "a1", "10novembre", "\n", "septembre ", "du 10 novembre 2026"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_DATE_PIECES, max_size=14))
def test_dates_found_from_their_possible_starts_are_the_dates_a_full_search_finds(pieces: list[str]):
    text = "".join(pieces)
    for pattern in (_ISO_DATE, _YEAR, _months()[1]):
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in _matches_from(pattern, text, _date_starts(text))] == expected, pattern.pattern


# ---- language: function words first, the detector when they leave doubt -----------------

def _language_check(body, request):
    return next(check for check in report(body, request).checks if check.name == "language_match")


def test_an_english_draft_with_a_french_date_and_phrase_is_still_english():
    # Regression: the detector read this as Italian; its function words are plainly English.
    body = GOOD_EN.replace("Thank you for letting me know", "Thank le 10 novembre you for letting me know").replace(
        "future opportunities", "future opportunities à l'avenir")
    check = _language_check(body, req("en"))
    assert check.passed and check.score > 0.9


def test_a_draft_in_another_language_still_fails_through_the_detector():
    spanish = ("Hola Sarah,\n\nGracias por su mensaje. Lamento no haber sido seleccionado para el puesto de analista "
               "de datos en Acme Corp. ¿Podría compartir algunos comentarios sobre mi entrevista? Me ayudaría a "
               "mejorar.\n\nSaludos cordiales,\nJordan Miller")
    check = _language_check(spanish, req("en"))
    assert not check.passed and "requested language" in check.reason


def test_a_half_french_half_english_draft_is_left_to_the_detector():
    from rebond.checks import _language_by_words

    mixed = GOOD_EN.split("Would you")[0] + GOOD_FR.split("Accepteriez")[1]
    assert _language_by_words(mixed) is None
    assert _language_by_words(GOOD_FR) == ("fr", 1.0)
