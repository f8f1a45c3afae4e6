"""Issue 16t: heldout21's flag families (5 grounds missed, 2 read where there were none), each fixed by a general
mechanism (evals/README.md, 16t). Replies written for these tests, none from a labelled set; each test failed on
b2ad16a."""

from __future__ import annotations

import pytest

from rebond.models import Ground, Kind
from tests.families import rules


@pytest.mark.parametrize(
    ("reply", "ground"),
    [
        ("Bonjour Madame, votre essai était réussi. Nos interventions ont lieu la nuit chez des personnes seules, et nous "
         "estimons qu'un homme est plus rassurant pour ce type de clientèle.", Ground.SEX),
        ("Hi Dana, you told us you've been on income assistance since spring and are catching up on rent, so the owners "
         "aren't comfortable with you near the till.", Ground.SOCIAL_CONDITION),
        ("Hi Lee, the owner recognised you from when you ran for council last year and he doesn't want anyone who's "
         "political at the desk.", Ground.POLITICAL_CONVICTIONS),
        ("Salut Ibrahim, le franchisé trouve que les clients sont plus à l'aise avec un nom d'ici sur le badge.", Ground.ORIGIN),
        ("Bonjour Monsieur, la direction a appris que vous aviez été président de votre section locale à votre ancienne "
         "usine. On ne veut pas revivre ça.", Ground.UNION),
        ("Bonjour Sophie, vous avez parlé de « ma femme » en fin d'entretien, et plusieurs familles du club sont très "
         "traditionnelles.", Ground.SEXUAL_ORIENTATION),
    ],
)
def test_heldout21s_grounds_in_new_words_are_flagged(reply: str, ground: Ground) -> None:
    analysis = rules(reply)
    assert analysis.ground is ground
    assert analysis.kind is Kind.MALICIOUS


@pytest.mark.parametrize(
    "reply",
    [
        # the code's original comments, and a race condition, are no origin
        "Bonjour Léo, ton test gardait les commentaires d'origine et le pseudo de l'auteur. Et ton sleep() pour la race "
        "condition, bravo.",
        # a face recognised from campaign signs is the politics, not the looks
        "Hi Mia, Gerald recognised your face from the signs when you ran for council.",
        # a caller named Marie-Ève is no marriage
        "Oui bonjour, c'est Marie-Ève de la clinique, je vous rappelle pour votre rétroaction. Vous n'aviez jamais fait "
        "la facturation CNESST.",
    ],
)
def test_heldout21s_trade_words_and_names_are_no_ground(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.ground in (None, Ground.POLITICAL_CONVICTIONS)
    assert analysis.ground is not Ground.APPEARANCE
