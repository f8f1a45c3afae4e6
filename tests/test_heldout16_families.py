"""Issue 16o: heldout16's error families, each fixed by a general mechanism (evals/README.md, 16o).

Every reply here is written for these tests (none comes from any labelled set). Each test failed before its change;
guard tests keep the cues narrow where a cue was added.
"""

from __future__ import annotations

import pytest

from rebond.analyse import analyse_reply
from rebond.models import AnalysisRequest, Category, Ground, Kind
from tests.families import rules

CV = Category.CV_COVER_LETTER
EXP = Category.EXPERIENCE
REG = Category.LANGUAGE_REGISTER
FIT = Category.CULTURE_FIT
INT = Category.INTERVIEW_PERFORMANCE
SKL = Category.SKILLS


@pytest.mark.parametrize(
    ("reply", "ground"),
    [
        # a wish ended by an emoji is its own sentence: the reason after it is read
        ("Félicitations pour le bébé 😊 Par contre avec ton congé de maternité en plein été, on préfère quelqu'un "
         "d'autre pour la saison.", Ground.PREGNANCY),
        ("Congrats on the pregnancy 🎉 Honestly though, with your maternity leave starting in May we can't train you "
         "up in time.", Ground.PREGNANCY),
        # taking on a man or a woman "for now"
        ("The site lead thought it easier to take on a man this season, given the single bunkhouse.", Ground.SEX),
        ("Management would rather be bringing on a guy for the night shift, sorry.", Ground.SEX),
        # a condition named after the candidate's treatment, recovery or leave
        ("After your treatment for anxiety last spring, we worried the call volume would be too much.",
         Ground.DISABILITY),
        ("Given your recovery from a stroke, the partners felt the travel was unwise.", Ground.DISABILITY),
        # canvassing or campaigning for a party, keeping the business out of politics
        ("The board noticed you canvassed for the Liberals last fall, and they'd rather not be associated.",
         Ground.POLITICAL_CONVICTIONS),
        ("The owner likes to keep the bakery out of politics, and your posts are very public.",
         Ground.POLITICAL_CONVICTIONS),
        ("Le patron a su que tu as fait du porte-à-porte pour Québec solidaire, et il préfère pas.",
         Ground.POLITICAL_CONVICTIONS),
        ("La direction tient à garder l'agence loin de la politique, et vous militez pour un parti.",
         Ground.POLITICAL_CONVICTIONS),
    ],
)
def test_grounds_in_heldout16s_forms_are_flagged(reply: str, ground: Ground) -> None:
    analysis = rules(reply)
    assert analysis.ground is ground and analysis.kind is Kind.MALICIOUS, (reply, analysis.ground, analysis.kind)


@pytest.mark.parametrize(
    "reply",
    [
        # guards: a field of law is the firm's work, a wish stays a wish, treatment of the public is the job
        "Votre lettre ne parlait pas du droit des étrangers, qui est le cœur du cabinet; reprenez-la.",
        "Votre CV ne montrait aucun dossier en droit de l'immigration, notre spécialité.",
        "Félicitations pour la grossesse 🥰 Le poste a été pourvu avant ta candidature, tout simplement.",
        "Our clinic's treatment for depression is group-based, and you had no group facilitation experience.",
        "We take on a man or a woman every season; this time the other finalist had two more years on boats.",
    ],
)
def test_heldout16s_cues_said_of_the_job_or_in_a_wish_are_no_ground(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.ground is None and analysis.kind is not Kind.MALICIOUS, (reply, analysis.ground, analysis.kind)


@pytest.mark.parametrize(
    "reply",
    [
        # a template line opening with a colon onto the condition; pay over what the grid allows
        "Bonjour, nous ne pourrons pas donner suite : votre salaire demandé dépasse largement ce que permet notre "
        "budget pour ce poste.",
        # « dispo » for « disponible »
        "Salut Max, la job c'est les fins de semaine pis t'es dispo juste la semaine. Rappelle si ça change.",
        # a notice period that leads past the start date
        "Bonjour, le poste commence le 2 mai, et votre préavis de trois mois nous amène à la fin juillet.",
        # an on-site job against a place the candidate cannot leave before a date
        "Bonjour, le poste est sur site à Rimouski, et vous nous avez dit ne pas pouvoir quitter Québec avant l'été "
        "prochain.",
    ],
)
def test_heldout16s_practical_conditions_are_constructive_with_no_area(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE and not analysis.categories and analysis.ground is None, (
        reply, analysis.kind, analysis.categories)


@pytest.mark.parametrize(
    "reply",
    [
        # a child of the recruiter's family who would do better
        "You missed the torque spec twice. My eight-year-old niece could have done that with the manual open.",
        "T'as raté la découpe deux fois. Ma fille de dix ans ferait mieux avec des ciseaux à bout rond.",
        # a career pointed elsewhere by what the job is not
        "Your weld failed the bend test. Maybe think about a trade where a bad joint doesn't sink a boat.",
        # people like the candidate, seen by the dozen
        "You yawned through the whole interview. Guys like you, we see ten a week.",
        "T'as pas répondu à la moitié des questions. Des filles comme toi, on en voit vingt par semaine.",
        # a hobby rather than a trade
        "Tes bouquets manquaient de tenue. La fleuristerie, c'est peut-être un beau loisir pour toi plutôt qu'un métier.",
        "Your dovetails gapped. Honestly, woodwork looks more of a hobby for you than a trade.",
    ],
)
def test_heldout16s_quiet_contempt_is_malicious(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.MALICIOUS and analysis.ground is None, (reply, analysis.kind)


@pytest.mark.parametrize(
    "reply",
    [
        # guards: a junior's progress told kindly, a hobby become a trade named as a strength
        "Our apprentice did her first year with us, and she'd be glad to show you the shop if you reapply.",
        "Ta passion pour la céramique, un loisir devenu métier, nous a touchés; il manquait l'expérience en atelier.",
    ],
)
def test_heldout16s_contempt_cues_do_not_catch_kind_words(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.kind is not Kind.MALICIOUS, (reply, analysis.kind)


@pytest.mark.parametrize("reply", [
    # The person hired came back from leave; a ward is named: about someone else, no ground of the candidate's.
    "Bonjour, ils ont comblé le poste avec une éducatrice qualifiée qui revenait de congé de maternité, l'équipe est "
    "complète. Rappelle-moi si tu veux faire des remplacements sur appel.",
    "Le poste est allé à une infirmière de la maternité en mobilité interne. Je vous propose d'intégrer le pool de "
    "suppléance en attendant.",
    "The position went to a colleague returning from parental leave, per the collective agreement.",
    "She's a nurse on the maternity ward now, so we moved her internally.",
])
def test_a_ground_word_about_the_person_hired_or_a_ward_raises_no_flag(reply):
    analysis = analyse_reply(AnalysisRequest(reply=reply, language=None))
    assert analysis.ground is None and analysis.discrimination_warning is None


@pytest.mark.parametrize("reply", [
    "Vu votre grossesse, nous préférons une personne disponible tout de suite.",
    "With your maternity leave coming up, we went with someone else.",
    "Vous qui revenez de congé de maternité, ce ne serait pas le bon moment.",
])
def test_the_candidates_own_leave_or_pregnancy_still_raises_the_flag(reply):
    assert analyse_reply(AnalysisRequest(reply=reply, language=None)).ground is not None
