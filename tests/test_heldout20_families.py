"""Issue 16s: heldout20's error families, each fixed by a general mechanism (evals/README.md, 16s).

Every reply here is written for these tests (none comes from any labelled set): paraphrases of the families, in new
trades and words. Each non-guard test failed on the code before issue 16s (822d786); guard tests keep the cues narrow
and pass both before and after.
"""

from __future__ import annotations

import pytest

from rebond.models import Category, Ground, Kind
from tests.families import areas, rules

SKL = Category.SKILLS
CV = Category.CV_COVER_LETTER


# ---- a ground said not to count, past an aside or in the feminine ----


@pytest.mark.parametrize(
    "reply",
    [
        # the denial's subject is the ground, an aside between them
        "Dear Mr. Osei, your wheelchair, which you raised with us at the start of the interview, played no role "
        "whatsoever in our decision. We chose another candidate from a large field.",
        # « entrée » agrees with « grossesse »
        "Madame, votre grossesse n'est évidemment pas entrée en ligne de compte ; nous avons retenu un autre profil.",
    ],
)
def test_heldout20s_a_ground_denied_past_an_aside_is_no_flag_and_no_area(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.ground is None
    assert analysis.kind is Kind.GENERIC
    assert areas(analysis) == set()


def test_heldout20s_what_follows_the_denial_is_still_read() -> None:
    reply = "Ton accent n'a rien à voir là-dedans, c'est ton vocabulaire technique en anglais qui manquait."
    analysis = rules(reply)
    assert analysis.ground is None
    assert analysis.kind is Kind.CONSTRUCTIVE


# ---- grounds named in new words ----


@pytest.mark.parametrize(
    ("reply", "ground"),
    [
        ("salut Inès, ton entrevue était super mais le patron a vu que tu milites au parti socialiste pis il veut "
         "pas de politique au magasin. désolée", Ground.POLITICAL_CONVICTIONS),
        ("Look Rob, the shop liked your weld test, but the owner found out you were chief steward at your last plant "
         "and he doesn't want anyone stirring things up.", Ground.UNION),
        ("Allô Ginette! T'es vraiment fine, mais l'équipe c'est toutes des jeunes dans la vingtaine pis on avait peur "
         "que tu sois la mère de la gang.", Ground.AGE),
        ("Ton permis pis ta formation sont parfaits, mais le boss veut pas de livreurs qui restent à Saint-Michel, "
         "il dit que les clients aiment pas ça.", Ground.RESIDENCE),
    ],
)
def test_heldout20s_grounds_in_new_words_are_flagged(reply: str, ground: Ground) -> None:
    analysis = rules(reply)
    assert analysis.ground is ground
    assert analysis.kind is Kind.MALICIOUS


@pytest.mark.parametrize(
    "reply",
    [
        # a breed cut is grooming, not race
        "Bonjour Léa, tu n'as jamais fait de coupe de race aux ciseaux, et c'est la base du métier. Bonne chance!",
        # the party is the employer's event, not the candidate's politics
        "Merci Paul, on a retenu quelqu'un qui a déjà organisé des partys de bureau pour 200 personnes.",
    ],
)
def test_heldout20s_ground_guards(reply: str) -> None:
    assert rules(reply).ground is None


# ---- a practical condition named as the reason in new words ----


@pytest.mark.parametrize(
    "reply",
    [
        "Allô Marc, la raison est simple : le poste c'est les fins de semaine, pis tu nous as dit que tes fins de "
        "semaine sont pas disponibles. Si ça change, rappelle-moi.",
        "Bonjour Lina, la récolte commence le 1er septembre et on a besoin de toi dès le début. Tu nous as dit "
        "n'être dispo qu'à partir du 20. C'est uniquement ça.",
        "salut Max c juste une affaire de dates: on embauche pour le 1er juillet pis tu m'as dit que t'es en voyage "
        "du 25 juin au 6 juillet.",
        "Hello Ms. Tran, the reason is simply scheduling: the clinic runs Saturday mornings, and you told us you can "
        "only work weekdays 9 to 5.",
    ],
)
def test_heldout20s_practical_conditions_are_constructive_with_no_area(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE
    assert areas(analysis) == set()


# ---- laughing at what the candidate sent; "not your thing" ----


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Bonjour, merci pour votre CV en Comic Sans rose avec des étoiles : toute l'équipe a beaucoup ri, ça nous "
         "a fait notre semaine. Nous avons retenu un dossier plus sobre.", {CV}),
    ],
)
def test_heldout20s_laughing_at_the_application_is_malicious(reply: str, expected: set[Category]) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.MALICIOUS
    assert expected <= areas(analysis)


def test_heldout20s_not_your_thing_and_something_less_is_condescension() -> None:
    reply = ("Hi Sam. You needed the full hour and four hints for our demo puzzle. Escape rooms are probably not "
             "your thing. Maybe look for something a bit less puzzly.")
    assert rules(reply).kind is Kind.MALICIOUS


def test_heldout20s_laughter_guard() -> None:
    # the candidate's humour, praised: no mockery
    reply = "Hi Ana, you made us laugh in the interview and we liked you, but we hired someone with five years in SaaS."
    assert rules(reply).kind is Kind.CONSTRUCTIVE


# ---- a credential the candidate must get first, or only has another one of ----


@pytest.mark.parametrize(
    "reply",
    [
        "hey priya sorry cant move fwd til you have your CPR level C card, we're not allowed to put uncertified ppl "
        "on the floor. once u pass it call me",
        "Pour le poste de chaudronnier on a besoin de la qualif' TIG inox, pis vous nous avez dit que vous aviez que "
        "la qualif' acier.",
    ],
)
def test_heldout20s_a_credential_to_get_first_is_skills(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE
    assert SKL in areas(analysis)


def test_heldout20s_credential_guard() -> None:
    assert areas(rules("Thanks Tom. We'll call you before you get the chance to apply again.")) == set()
