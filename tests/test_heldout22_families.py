"""Issue 16u: heldout22's families (a ground denied in answer to the candidate's own question, social condition in
new words, a gene variant beside health words, a field or a priority dismissed with sarcasm, a practical schedule read
as an area or as bad faith, the candidate's own casual messages quoted), each fixed by a general mechanism
(evals/README.md, 16u). Replies written for these tests, none from a labelled set; 11 of the 12 tests failed on 7cb6790."""

from __future__ import annotations

import pytest

from rebond.models import Ground, Kind
from tests.families import areas, rules


@pytest.mark.parametrize(
    ("reply", "ground"),
    [
        ("Madame, vous nous avez dit toucher le RSA et être en surendettement ; pour un poste de caisse, nous avons "
         "préféré une personne dont la situation financière est plus stable.", Ground.SOCIAL_CONDITION),
        ("Dear Ms Ortiz, the examining physician found you medically fit for duty and your cardiac assessment was normal. "
         "However, the screening shows you carry a gene variant associated with inherited long QT syndrome, although you "
         "have never had symptoms, so we cannot proceed.",
         Ground.GENETIC),
    ],
)
def test_heldout22s_grounds_in_new_words_are_flagged(reply: str, ground: Ground) -> None:
    analysis = rules(reply)
    assert analysis.ground is ground
    assert analysis.kind is Kind.MALICIOUS


@pytest.mark.parametrize(
    "reply",
    [
        "Bonjour Madame, vous me demandiez si votre accent avait compté : non, absolument pas. C'est la disponibilité : "
        "le poste demande tous les dimanches et vous nous avez dit ne pas pouvoir travailler le dimanche.",
        "Hi Tom, you asked whether your age played a part: no, not at all. It came down to the weekend shifts, which "
        "you said you can't do.",
    ],
)
def test_heldout22s_a_ground_denied_in_answer_to_the_candidate_is_no_ground(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.ground is None
    assert analysis.kind is Kind.CONSTRUCTIVE


@pytest.mark.parametrize(
    "reply",
    [
        "Respectfully, after that answer about DNS, maybe networking isn't the field for you.",
        "Bravo pour ta sauce, brûlée au fond. Peut-être que la cuisine, ce n'est pas tout à fait ta voie ?",
        "Merci d'avoir pris deux appels pendant l'entrevue. C'est toujours agréable de savoir qu'on passe en deuxième.",
        "Really reassuring attention to detail for someone who wants to work in payroll.",
    ],
)
def test_heldout22s_a_field_or_a_priority_dismissed_with_sarcasm_is_malicious(reply: str) -> None:
    assert rules(reply).kind is Kind.MALICIOUS


@pytest.mark.parametrize(
    "reply",
    [
        "Salut Karine, c'est vraiment une question d'horaire : le poste est de soir avec une fin de semaine sur deux, pis "
        "tu nous as dit en entrevue que les fins de semaine c'était pas possible pour toi.",
        "Hi Marcus, honestly it was really just the schedule. The position is nights, four nights a week, and you said "
        "you could only do days because of your classes.",
    ],
)
def test_heldout22s_a_schedule_the_candidate_cannot_work_is_a_practical_reason(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE
    assert not areas(analysis)


def test_heldout22s_the_candidates_own_casual_words_quoted_are_no_insult() -> None:
    reply = ("What held us back was tone: your emails to our office were quite casual ('hey there!', 'no stress lol'), "
             "and our clients expect something more formal.")
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE


def test_heldout22s_a_career_questioned_is_bad_faith_and_names_no_area() -> None:
    # a taunt about the field is bad faith, not a judgement of the candidate's skills (tr6-006's family)
    analysis = rules("Salut, sans vouloir être méchant, la programmation, c'est pas vraiment ta place.")
    assert analysis.kind is Kind.MALICIOUS
    assert not areas(analysis)


@pytest.mark.parametrize("reply", ["Nothing negative came out of your interview.", "Rien de négatif n'est ressorti de votre entrevue."])
def test_heldout22s_nothing_negative_about_the_interview_names_no_area(reply: str) -> None:
    # (ho22-022's closing words: "Nothing negative came out of your interview; it was the gap between those two points")
    assert not areas(rules(reply))


# ---- 16v: a named tool the candidate said they never used is a skill (heldout22's area errors) ----

@pytest.mark.parametrize(
    "reply",
    [
        # (written for these tests: a tool by acronym, a brand and « it », a tool of the sentence before, a taunt)
        "Quick note: you told us you've never worked with a WMS or an RF gun, and our floor runs on both from day one.",
        "hey! the thing is we need someone who can run Opera PMS (bookings + night audit) from the first shift and you said "
        "youve never used it. if you pick it up, apply again!!",
        "Salut Maxime, ton essai était correct mais tu m'as dit que t'avais jamais touché une CNC, pis on en fait la moitié du temps.",
        "La personne retenue maîtrise déjà Sage 50 et le portail de la CNESST. En entrevue, vous nous avez mentionné n'avoir "
        "jamais utilisé ni l'un ni l'autre.",
    ],
)
def test_a_named_tool_never_used_is_a_skill(reply: str) -> None:
    found = areas(rules(reply))
    assert "skills" in {str(c) for c in found}, found
    assert not {str(c) for c in found} & {"experience", "culture_fit"}, found


def test_experience_named_with_a_tool_stays_experience():
    """A guard: « vous n'avez pas encore d'expérience en laboratoire accrédité COFRAC » names experience itself."""
    found = {str(c) for c in areas(rules("Bonjour Laura, vous n'avez pas encore d'expérience en laboratoire accrédité COFRAC, "
                                          "ce qui est requis pour ce poste."))}
    assert found == {"experience"}, found


def test_a_land_registry_is_no_language_register():
    found = {str(c) for c in areas(rules("La personne retenue effectue elle-même les recherches au Registre foncier et connaît "
                                          "déjà notre logiciel de gestion."))}
    assert "language_register" not in found, found


@pytest.mark.parametrize(
    ("reply", "lang_area"),
    [
        ("• Communication: very clear, the directors liked how you explained your testing approach. No concerns there.\n"
         "• Excel: the pivot table exercise was not finished in time.", "language_register"),
        ("On a aimé ta façon de parler de tes projets, ton souci de la qualité pis ta connaissance des fournisseurs du coin. "
         "Le plus gros chantier que t'as mené, c'était trop petit pour ce qu'on démarre en mars.", "skills"),
    ],
)
def test_praise_and_care_are_no_shortfall(reply: str, lang_area: str) -> None:
    """16v: "No concerns there", "liked how you walked us through", « ton souci du détail » judged nothing (heldout22)."""
    assert lang_area not in {str(c) for c in areas(rules(reply))}


@pytest.mark.parametrize(
    "reply",
    [
        "Merci d'avoir texté pendant toute l'entrevue, c'est toujours agréable de savoir qu'on passe en deuxième 🙂",
        "Bravo pour ton gâteau d'essai : sec dessus, cru dedans. Audacieux. La pâtisserie, c'est peut-être pas pour toi 😉",
        "On t'a fait faire notre salle de démo. T'as pas trouvé la clé en 30 minutes, même avec des indices. Un job plus simple t'irait mieux.",
    ],
)
def test_a_trial_mocked_is_still_the_trial_as_performed(reply: str) -> None:
    """16v: sarcastic thanks for what was done at the interview, a trial's product or a demo room, mocked: malicious,
    and the test as performed is the area (heldout22's 045, 052, 054)."""
    analysis = rules(reply)
    assert analysis.kind is Kind.MALICIOUS
    assert "interview_performance" in {str(c) for c in areas(analysis)}
