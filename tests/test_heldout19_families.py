"""Issue 16r: heldout19's error families, each fixed by a general mechanism (evals/README.md, 16r).

Every reply here is written for these tests (none comes from any labelled set): paraphrases of the families, in new
trades and words. Each non-guard test failed on the code before issue 16r (15a24e5); guard tests keep the cues narrow
and pass both before and after.
"""

from __future__ import annotations

import pytest

from rebond.models import Category, Ground, Kind
from tests.families import areas, rules

INT = Category.INTERVIEW_PERFORMANCE
SKL = Category.SKILLS
EXP = Category.EXPERIENCE


# ---- a protected ground given as the reason, coded or named in new words ----


@pytest.mark.parametrize(
    ("reply", "ground"),
    [
        # a due date said "with you due in …"
        ("Hi Nadia, lovely to meet you. With you due in June, right when our busy season starts, we felt it made more "
         "sense to bring in someone who'd be here all summer.", Ground.PREGNANCY),
        # off work with a named condition
        ("Hi Sam, your forklift record is great, but after you mentioned being off for four months with depression, "
         "the manager felt the night shift would be too much.", Ground.DISABILITY),
        ("Bonjour Luc, tu nous as parlé de ton année difficile, en arrêt pendant trois mois pour un burn-out, et le "
         "gérant préfère quelqu'un de plus solide pour la haute saison.", Ground.DISABILITY),
        # carrying a gene variant or mutation
        ("Dear Ms Park, you mentioned that you carry a gene mutation linked to early heart disease, and the board "
         "decided against the offer given our insurance costs.", Ground.GENETIC),
        ("Monsieur, lors de la visite médicale vous avez indiqué être porteur d'un variant associé à une maladie "
         "cardiaque, et la direction a préféré ne pas donner suite.", Ground.GENETIC),
        # origin coded as resembling the clients
        ("Hi Kwame, the owner thinks our regulars would feel more at home with a bartender who looks like them, if "
         "you get my drift.", Ground.ORIGIN),
        ("Salut Moussa, le patron trouve que les clients du magasin seraient plus à l'aise avec un vendeur qui leur "
         "ressemble, tu comprends.", Ground.ORIGIN),
        # age coded as a team's average, a generation, growing up with apps
        ("Bonjour Gérard, l'équipe a 24 ans de moyenne et on cherche quelqu'un qui a grandi avec les réseaux "
         "sociaux.", Ground.AGE),
        ("Hi Dave, honestly the crew felt you were from a different generation, and we want someone who grew up "
         "with smartphones.", Ground.AGE),
        # a bare first name as the salutation tells the addressee: a woman's "your wife" is her orientation
        ("Megan,\n\nSome board members were uneasy when you mentioned your wife at the barbecue, so we went another "
         "way.", Ground.SEXUAL_ORIENTATION),
    ],
)
def test_heldout19s_grounds_are_flagged_and_named(reply: str, ground: Ground) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.MALICIOUS and analysis.ground is ground, (reply, analysis.kind, analysis.ground)


@pytest.mark.parametrize(
    "reply",
    [
        # a ground raised only to be denied, and no other reason
        "hey Bill, it had zero to do with your age, we just had a ton of applicants and picked someone else.",
        "Salut Julie, ta grossesse a pas été un facteur, on a juste eu plein de bonnes candidatures pis on a choisi "
        "quelqu'un d'autre.",
    ],
)
def test_heldout19s_a_ground_denied_is_no_ground(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.ground is None and analysis.kind is not Kind.MALICIOUS, (reply, analysis.kind, analysis.ground)


@pytest.mark.parametrize(
    ("reply", "ground"),
    [
        # guards: a ground said to count still counts; a machine's generation is no age; a man's "your wife" stays
        # no orientation
        ("Hi Bill, honestly it had everything to do with your age: we want someone younger.", Ground.AGE),
        ("Bonjour Julie, ta grossesse a été un facteur, je suis désolée.", Ground.PREGNANCY),
        ("Hi Tom, you know an older generation of controllers well, but we need someone on the new line.", None),
        ("Bonjour Luc, tu connais bien une autre génération de machines, mais on cherche quelqu'un sur les "
         "nouvelles.", None),
        ("Hi Tom, you have never heard of us before the fair, which is fine; we picked someone with more years in "
         "sales.", None),
    ],
)
def test_heldout19s_ground_guards(reply: str, ground: Ground | None) -> None:
    analysis = rules(reply)
    assert analysis.ground is ground, (reply, analysis.ground)


# ---- a practical condition as the only reason: constructive, no area ----


@pytest.mark.parametrize(
    "reply",
    [
        "Bonjour Marc, votre essai était très propre. Malheureusement, vos attentes (31 k€) dépassent nettement ce "
        "que nous pouvons proposer pour un poste d'aide-cuisinier, plafonné à 25 k€.",
        "Bonjour Zoé, nous cherchions des guides disponibles dès le 1er juin, or vous nous avez dit ne pouvoir "
        "commencer qu'à la fin juin. Votre entrevue était très positive.",
    ],
)
def test_heldout19s_practical_conditions_are_constructive_with_no_area(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE and not analysis.categories and analysis.ground is None, (
        reply, analysis.kind, areas(analysis), analysis.ground)


# ---- sarcastic thanks: malicious ----


@pytest.mark.parametrize(
    "reply",
    [
        "Thanks for showing up forty minutes late to your interview, it gave us plenty of time to finish lunch.",
        "Merci d'être arrivée une demi-heure en retard à ton entrevue, on a eu le temps de tout ranger.",
        "We really enjoyed how your application, for a role checking invoices, managed to spell our name three "
        "different ways.",
        "Hi Paul, we're sure you'll be much more punctual elsewhere. Good luck.",
    ],
)
def test_heldout19s_sarcastic_thanks_are_malicious(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.MALICIOUS and analysis.ground is None, (reply, analysis.kind)


@pytest.mark.parametrize(
    "reply",
    [
        # guards: real thanks for a warning, advice to be on time
        "Thanks for letting us know you'd be late, no problem at all. We went with someone with more experience.",
        "Merci de nous avoir prévenus de ton retard. On a choisi une personne avec plus d'expérience en vente.",
    ],
)
def test_heldout19s_sarcasm_guards(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.kind is not Kind.MALICIOUS, (reply, analysis.kind)


# ---- a malicious reply keeps the area it names ----


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Hi Dan. You did the road assessment twice and both times you ran a red light. You may want to consider "
         "something else for a living.", {INT}),
        ("Hi Lee, congrats on mixing up our name with a competitor's during the interview. Bold move 🙄", {INT}),
        ("Écoutez mon petit, vous ne savez ni monter une roue ni régler un dérailleur. Revenez quand vous saurez.",
         {SKL}),
    ],
)
def test_heldout19s_malicious_replies_keep_the_area_they_name(reply: str, expected: set[Category]) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.MALICIOUS and areas(analysis) == expected, (reply, analysis.kind, areas(analysis))


# ---- areas missed ----


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Bonjour Paul, vous ne savez ni faire un inventaire tournant ni préparer une commande fournisseur.", {SKL}),
        ("Honestly, you'd never heard of lockout procedures, and that's day-one stuff on our floor.", {SKL}),
        ("Bonjour, vous n'aviez jamais entendu parler de la méthode FIFO, qui est la base du poste.", {SKL}),
        ("Hi Lee, the team liked you, but your OIQ registration hasn't come through yet and we can't employ you as "
         "an engineer without it.", {SKL}),
        ("Hey, get your forklift ticket and call me in the spring.", {SKL}),
        ("Salut Max, passe ton CAP cuisine et rappelle-moi, la porte reste ouverte.", {SKL}),
        ("Salut Max, tu es arrivé à 7h40 pour un quart prévu à 7h, chez nous c'est éliminatoire.", {INT}),
        ("Hi Jo, you showed up at 10am for a 9am interview.", {INT}),
    ],
)
def test_heldout19s_areas_are_found(reply: str, expected: set[Category]) -> None:
    analysis = rules(reply)
    assert areas(analysis) == expected, (reply, areas(analysis))


@pytest.mark.parametrize(
    "reply",
    [
        # guards: never having heard of the firm, a ticket to an event, being on time named as fine
        "Hi Tom, you had never heard of us before the fair, which is fine; we picked someone with more years in "
        "sales.",
        "Bonjour, vous n'aviez jamais entendu parler de notre entreprise, c'est normal; nous avons retenu une "
        "personne avec plus d'expérience.",
    ],
)
def test_heldout19s_area_guards(reply: str) -> None:
    analysis = rules(reply)
    assert SKL not in areas(analysis), (reply, areas(analysis))
