"""Issue 16q: heldout18's error families, each fixed by a general mechanism (evals/README.md, 16q).

Every reply here is written for these tests (none comes from any labelled set): paraphrases of the families, in new
trades and words. Each non-guard test failed on the code before issue 16q (6dee37a); guard tests keep the cues narrow
and pass both before and after.
"""

from __future__ import annotations

import pytest

from rebond.models import Category, Ground, Kind
from tests.families import areas, rules

CV = Category.CV_COVER_LETTER
EXP = Category.EXPERIENCE
REG = Category.LANGUAGE_REGISTER
INT = Category.INTERVIEW_PERFORMANCE
SKL = Category.SKILLS


# ---- a practical condition as the only reason: constructive, no area ----


@pytest.mark.parametrize(
    "reply",
    [
        # a pay ask set against a grid the employer will not leave
        "Hi Sam, straight up: you asked for $31/hr and the warehouse lead job is $24.50 on our wage grid, and we "
        "can't move off it.",
        "Bonjour Léa, vous demandiez 3 100 € net et le poste de vendeuse est à 2 400 € net. On ne peut pas aller "
        "au-delà.",
        # a start date said without « ne »
        "Salut! Tu nous as dit que tu pouvais pas commencer avant le 15 octobre, pis la saison débute le 1er.",
        # a rotation the candidate cannot do, with the only area named praised in the verdict
        "Vous nous avez dit ne pas pouvoir partir trois semaines de suite, et le chantier est en rotation 21/7. "
        "C'est la seule raison : votre expérience en soudure était excellente.",
        # a permanent job not left for a contract
        "Tu m'as dit que tu lâcherais pas ton emploi permanent pour un contrat de six mois. C'est juste ça.",
        "You told us you wouldn't leave your permanent job for a nine-month contract. That's the only reason.",
    ],
)
def test_heldout18s_practical_conditions_are_constructive_with_no_area(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE and not analysis.categories and analysis.ground is None, (
        reply, analysis.kind, areas(analysis), analysis.ground)


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # guards: a real area beside pay talk stays; a verdict that judges an area still names it
        ("Your salary expectations were fine. The reason is that you lack experience with forklifts.", {EXP}),
        ("Vous nous avez dit ne pas pouvoir commencer avant le 3 mars. C'est la seule raison : votre anglais était "
         "trop faible.", {REG}),
    ],
)
def test_heldout18s_practical_condition_guards(reply: str, expected: set[Category]) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE and areas(analysis) == expected, (reply, areas(analysis))


# ---- quiet bad faith and contempt: malicious ----


@pytest.mark.parametrize(
    "reply",
    [
        "Lors du test, vous avez renversé deux flacons. Je pense que vous devriez envisager un métier où les erreurs "
        "ont moins d'enjeux.",
        "Perhaps look for something where the details count less.",
        "You call that a weld? The bead is all over the place.",
        "Ma nièce de 10 ans a une écriture plus propre que ça.",
        "Vu ton entretien, je vais pas perdre plus de temps avec toi. Ne m'écris plus.",
        "Un poste de plongeur serait plus dans tes cordes.",
        "Your cover letter has given the whole office a good laugh.",
        "I'm not going to waste more time on this. Your test was a mess.",
    ],
)
def test_heldout18s_quiet_bad_faith_is_malicious(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.MALICIOUS and analysis.ground is None, (reply, analysis.kind)


@pytest.mark.parametrize(
    "reply",
    [
        # guards: an invitation to write later, a polite "not to waste your time", a wish to hear back
        "N'hésitez pas à nous recontacter plus tard, le poste pourrait rouvrir en janvier.",
        "I won't waste any more of your time: the role has been filled internally.",
        "Don't hesitate to contact us again next spring.",
    ],
)
def test_heldout18s_bad_faith_guards(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.kind is not Kind.MALICIOUS, (reply, analysis.kind)


# ---- a malicious reply keeps the area it names ----


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # the test or trial as performed, told in the mocking reply
        ("lol. my 15 y/o nephew steams milk better than what u did at the trial. u burnt it twice.", {INT}),
        ("Lors de votre leçon-test, vous avez oublié de vérifier les consignes de sécurité. Je me demande si "
         "l'enseignement est vraiment fait pour vous.", {INT}),
        ("Merci pour ta journée d'essai! On a adoré le moment où t'as échappé la caisse de verres 👏", {INT}),
        # the skill a taunt names
        ("T'appelles ça souder? Apprends à souder avant de venir cogner chez nous.", {SKL}),
    ],
)
def test_heldout18s_malicious_replies_keep_the_area_they_name(reply: str, expected: set[Category]) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.MALICIOUS and areas(analysis) == expected, (reply, analysis.kind, areas(analysis))


@pytest.mark.parametrize(
    ("reply", "ground", "expected"),
    [
        # a ground added as a further reason keeps the area stated before it
        ("Votre expérience en gestion d'équipe est insuffisante pour un poste de chef de rayon. Par ailleurs, avec vos "
         "trois enfants en bas âge, le poste ne nous semble pas idéal.", Ground.CIVIL_STATUS, {EXP}),
        ("Your experience with payroll is a bit thin. Also, with two small kids at home, we worry about the overtime.",
         Ground.CIVIL_STATUS, {EXP}),
    ],
)
def test_heldout18s_a_ground_added_keeps_the_area_before_it(
    reply: str, ground: Ground, expected: set[Category]
) -> None:
    analysis = rules(reply)
    assert analysis.ground is ground and areas(analysis) == expected, (reply, analysis.ground, areas(analysis))


@pytest.mark.parametrize(
    "reply",
    [
        # guards: mockery with nothing performed named keeps no area; a pretext in the ground's own sentence stays out
        "lol no. not gonna work. don't call again",
        "Avec vos trois enfants, votre expérience ne nous semble pas suffisante pour ce poste.",
    ],
)
def test_heldout18s_malicious_area_guards(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.MALICIOUS and not analysis.categories, (reply, areas(analysis))


# ---- grounds ----


@pytest.mark.parametrize(
    ("reply", "ground"),
    [
        # a partner of the addressee's sex, the addressee told by a first name
        ("Hi Paul, the crew liked you, but when you brought your husband to the party some of the owners got "
         "uncomfortable.", Ground.SEXUAL_ORIENTATION),
        ("Bonjour Julie, quand vous avez parlé de votre épouse au dîner, le directeur a hésité.",
         Ground.SEXUAL_ORIENTATION),
        # origin coded as a clientele's heritage and the candidate's "own community"
        ("Our members are mostly old Westmount families; they'd feel more at ease with someone who shares their "
         "heritage. You'd do better serving your own community.", Ground.ORIGIN),
        ("Nos clients préfèrent un conseiller qui partage leurs origines; vous serez mieux dans votre propre "
         "communauté.", Ground.ORIGIN),
        # residence: a neighbourhood's people
        ("C'est pas une question de distance. Le boss a eu des problèmes avec des gens de ce secteur-là.",
         Ground.RESIDENCE),
    ],
)
def test_heldout18s_grounds_are_flagged_and_named(reply: str, ground: Ground) -> None:
    analysis = rules(reply)
    assert analysis.ground is ground and analysis.kind is Kind.MALICIOUS, (reply, analysis.ground, analysis.kind)


@pytest.mark.parametrize(
    ("reply", "ground"),
    [
        # guards: a partner of the other sex, or an addressee whose first name says nothing, stays civil status
        ("Hi Laura, with your husband travelling for work and two small kids, we felt the hours wouldn't suit.",
         Ground.CIVIL_STATUS),
        ("Hi Alex, with your husband travelling for work and two small kids, we felt the hours wouldn't suit.",
         Ground.CIVIL_STATUS),
        # the candidate's own leave is still a ground
        ("Before your maternity leave starts there wouldn't be time to train you.", Ground.PREGNANCY),
    ],
)
def test_heldout18s_ground_guards(reply: str, ground: Ground) -> None:
    analysis = rules(reply)
    assert analysis.ground is ground, (reply, analysis.ground)


@pytest.mark.parametrize(
    "reply",
    [
        # the writer's own leave in an out-of-office answer
        "Automatic reply: I'm on maternity leave until May 3 and not reading email. For hiring questions please write "
        "to hr@example.org.",
        "Réponse automatique : je suis en congé parental jusqu'au 3 mai. Pour le recrutement, écrivez à "
        "rh@example.org.",
    ],
)
def test_heldout18s_the_writers_own_leave_is_no_ground(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.ground is None and analysis.discrimination_warning is None, (reply, analysis.ground)


# ---- areas missed ----


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # years an outside rule requires
        ("Our insurer requires three years of commercial driving experience and you have fourteen months.", {EXP}),
        ("L'assurance demande deux ans d'expérience vérifiable en conduite de nuit, t'en as six mois.", {EXP}),
        # a credential not yet transferred or recognised; a named tool not known
        ("Your RPN isn't transferred to BC yet and we need that on day one.", {SKL}),
        ("Ton RVT n'est toujours pas transféré au Québec, pis on en a besoin dès le premier jour.", {SKL}),
        ("You don't know Cypress, which is our whole stack.", {SKL}),
        # the live round, the points lost, a debrief note on a role play
        ("During the pairing session you couldn't say why the build kept failing.", {INT}),
        ("Les questions sur l'étude de cas sont celles où vous avez perdu le plus de points.", {INT}),
        ("Retours du jury :\n- mise en situation client : vous avez proposé un prêt auto à un client venu pour un "
         "placement ;", {INT}),
        # a message opened with a familiar greeting
        ("Ton courriel commençait par « yo la gang », pour un poste au service à la clientèle.", {REG}),
        ("Your email opened with \"sup guys\", and this is a client-facing role.", {REG}),
    ],
)
def test_heldout18s_areas_are_found(reply: str, expected: set[Category]) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE and areas(analysis) == expected, (reply, analysis.kind, areas(analysis))


@pytest.mark.parametrize(
    ("reply", "absent"),
    [
        # guards: a letter's opening is the letter's, not a register
        ("Your cover letter opened with \"Dear Beta Corp team\", and we are Acme.", REG),
        ("Votre lettre de motivation commençait par « Madame, Monsieur »; c'était parfait.", REG),
    ],
)
def test_heldout18s_area_guards(reply: str, absent: Category) -> None:
    analysis = rules(reply)
    assert absent not in areas(analysis), (reply, areas(analysis))


def test_heldout18s_a_feedback_request_is_no_wish() -> None:
    reply = "À la suite de votre demande de rétroaction concernant le processus de qualification, le poste a été pourvu."
    analysis = rules(reply)
    assert analysis.kind is Kind.GENERIC and not analysis.categories, (analysis.kind, areas(analysis))
