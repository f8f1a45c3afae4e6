"""Issue 16w: heldout23's flags and kinds, after its one blind measurement (evals/README.md, 16w): grounds in new
words, another person's age, and practical conditions said the way real recruiters say them. Replies written for
these tests, none from a labelled set."""

from __future__ import annotations

import pytest

from rebond.models import Ground, Kind
from tests.families import rules


@pytest.mark.parametrize(
    ("reply", "ground"),
    [
        ("Salut Kevin, ton cours d'essai était super. Mais on va être honnête : avec tes quelques kilos en trop, la "
         "direction trouve que l'image du club ne colle pas.", Ground.APPEARANCE),
        ("Dear Mr. Hale, you mentioned you have been on Ontario Works since last spring. Leadership felt a candidate in a "
         "more financially stable situation would suit the role better.", Ground.SOCIAL_CONDITION),
        ("Madame, vous nous avez annoncé un heureux événement pour mars ; notre saison de relevés va de février à mai, "
         "il ne nous semble donc pas raisonnable de vous confier la mission.", Ground.PREGNANCY),
        ("Hi Sam, you told us you have type 1 diabetes and manage it well. Still, with 12-hour night shifts, the manager "
         "felt it was too much of a risk.", Ground.DISABILITY),
        ("Hi Marco! Your alterations were lovely, but our clients prefer being measured by a woman, so we're keeping "
         "the fitting team all female.", Ground.SEX),
    ],
)
def test_heldout23s_grounds_in_new_words_are_flagged(reply: str, ground: Ground) -> None:
    analysis = rules(reply)
    assert analysis.ground is ground, analysis.ground
    assert analysis.kind is Kind.MALICIOUS


def test_another_persons_age_is_no_ground():
    """A guard for the age cue: "Our 16-year-old Saturday helper knows …" is about someone else (ho23-041)."""
    analysis = rules("Hi Jordan. Our 16-year-old Saturday helper knows how to pair a soundbar. You told us you didn't. "
                     "Maybe the stockroom is more your speed.")
    assert analysis.ground is None and analysis.kind is Kind.MALICIOUS


@pytest.mark.parametrize(
    "reply",
    [
        "Bonjour, merci pour l'entrevue. On n'arrive pas à s'entendre sur le salaire : vous demandiez 26 $/h et notre échelle s'arrête à 22 $.",
        "Bonjour Zoé, on a un vrai blocage sur la rémunération : vos prétentions sont à 45 k€ et la grille s'arrête à 38 k€.",
        "Le seul point bloquant : les spectacles finissent vers 1 h du matin et tu dépends du dernier bus de 23 h.",
        "Nous ne pouvons pas donner suite pour une seule raison : le poste comprend tous les samedis et vous nous avez indiqué ne pas être disponible le samedi.",
        "La formation débute le 2 février et ne peut pas être décalée ; vous ne pourriez pas quitter votre emploi avant le 20 mars.",
        "Hi Sam, crews start March 3 and you're not free until May 12, so we can't hold a spot that long.",
        "Salut Max, tu nous as dit que t'avais pas de char, pis le camion part à 6 h. On peut pas t'attendre.",
    ],
)
def test_a_practical_condition_said_plainly_is_a_reason(reply: str) -> None:
    """16w: a salary « blocage », a last train, a Sunday, a start date, no car: constructive, with no area (heldout23)."""
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE, analysis
    assert analysis.ground is None


@pytest.mark.parametrize(
    ("reply", "area"),
    [
        ("Dear Mr. Osei, you asked for feedback. The candidate selected has six years of experience in a Level II trauma "
         "centre, including flight nurse rotations.", "experience"),
        ("Hi Dana, we've offered the role to someone who holds the CPP designation and has run payroll for 300 staff on "
         "Workday. Hope that helps.", "skills"),
        ("Monsieur, votre résultat à l'examen écrit est de 54 %, alors que la note de passage est de 60 %. Votre candidature "
         "ne peut donc pas être retenue.", "interview_performance"),
        ("Salut Léa! Merci d'être venue faire le shift d'essai. T'as mélangé les commandes de deux tables pis une assiette a "
         "fini par terre pendant le rush.", "interview_performance"),
    ],
)
def test_an_area_named_only_by_the_hire_a_score_or_a_trial_is_read(reply: str, area: str) -> None:
    """16w: a reply whose only reason describes the person chosen, gives a score under the bar or tells what went
    wrong at a trial is constructive, with that area (heldout23's 023, 024, 030, 065)."""
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE
    assert area in {str(c.category) for c in analysis.categories}


def test_a_trial_only_thanked_for_names_no_area():
    """A guard: "you gave us three rounds … and you did it with good humour" is thanks, not a test performed."""
    analysis = rules("Hi Robin, thank you. You gave us three rounds and a take-home, and you did it with good humour. "
                     "We've decided to go with another candidate; it was close, and I won't invent a reason.")
    assert analysis.kind is Kind.GENERIC
