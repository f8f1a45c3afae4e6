"""Issue 16p: heldout17's error families, each fixed by a general mechanism (evals/README.md, 16p).

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


# ---- wrong flags: a ground word that gives no ground ----


@pytest.mark.parametrize(
    "reply",
    [
        # family named only as the purpose of a limit the candidate stated herself
        "Vous m'avez précisé ne pas pouvoir commencer avant 9 h, pour déposer vos enfants à la garderie. Or le quart "
        "débute à 7 h, c'est la seule raison.",
        "You told us you can't work past 3 pm to pick up your kids from school, and the role is the late shift. That's "
        "the only reason.",
        # « audition » as a performance, not hearing
        "Merci pour ton audition, tu as fait forte impression; le choix s'est joué sur des détails.",
        # the person hired, and her own leave
        "Nous avons retenu Karine, qui était déjà cheffe d'équipe avant son congé de maternité et qui connaît nos "
        "machines depuis six ans.",
        "We hired Dana, who ran the night desk before her maternity leave and knows the dispatch system inside out.",
        # an accent ruled out, and then other people's accents in the same sentence
        "Ton accent, c'est pas ça le problème, la moitié de l'équipe a un accent. Ton anglais écrit était trop faible "
        "pour les rapports.",
        # an organisation's name: a genetics unit, a sailing school
        "Votre candidature au poste de technicienne au Laboratoire de recherche génétique du CHU n'a pas été retenue.",
        "Thank you for applying to our laboratory of plant genetics; the technician post has been filled.",
        "Merci de votre intérêt pour l'école de voile de Port-Bleu; le poste de moniteur a été pourvu.",
    ],
)
def test_heldout17s_ground_words_that_give_no_ground(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.ground is None and analysis.discrimination_warning is None, (reply, analysis.ground)


@pytest.mark.parametrize(
    ("reply", "ground"),
    [
        # guards: the employer draws the limit from the family, or turns on it after the candidate's words
        ("Avec vos enfants, on pense que les soirs seraient trop durs, même si vous nous avez dit être disponible.",
         Ground.CIVIL_STATUS),
        ("You told us you can't work Sundays, but with two small kids at home we think the role is too much for you.",
         Ground.CIVIL_STATUS),
        # hearing in a health frame, the candidate's own leave, an accent that is the reason, a test's result
        ("Avec votre audition qui baisse, le poste au standard serait difficile.", Ground.DISABILITY),
        ("Avant votre congé de maternité, il n'y aurait pas le temps de vous former.", Ground.PREGNANCY),
        ("Before your maternity leave starts there wouldn't be time to train you.", Ground.PREGNANCY),
        ("Ton accent était trop prononcé pour nos clients.", Ground.LANGUAGE),
        ("Your genetic test results worry the partners.", Ground.GENETIC),
        ("Le client ne veut pas d'une femme voilée à l'accueil.", Ground.RELIGION),
    ],
)
def test_heldout17s_no_ground_mechanisms_keep_real_grounds(reply: str, ground: Ground) -> None:
    analysis = rules(reply)
    assert analysis.ground is ground and analysis.kind is Kind.MALICIOUS, (reply, analysis.ground, analysis.kind)


@pytest.mark.parametrize(
    "reply",
    [
        # the limit the candidate stated, against the shift's hours; pay above a scale the employer cannot leave
        "Vous m'avez indiqué ne pas pouvoir rester après 17 h, et le poste est en équipe de soir.",
        "La convention nous place à 22 $ de l'heure pour ce poste, tu demandais 27 $, et on peut pas déroger à "
        "l'échelle.",
        # a response time counted in minutes is a condition, not a shortfall; a move the candidate will not make
        "Comme convenu en entrevue, la garde comporte l'obligation d'être à l'entrepôt en 20 minutes ou moins quand l'alarme sonne. Vous nous "
        "avez dit ne pas vouloir déménager de Gatineau.",
        "As we discussed in the interview, on-call staff must reach the plant in 30 minutes or less. You told us you "
        "are not willing to relocate from Kingston.",
    ],
)
def test_heldout17s_practical_conditions_are_constructive_with_no_area(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE and not analysis.categories and analysis.ground is None, (
        reply, analysis.kind, analysis.categories, analysis.ground)


# ---- missed flags and wrong grounds ----


@pytest.mark.parametrize(
    ("reply", "ground"),
    [
        # a list at an election, its name in quotes
        ("Nous avons su que vous étiez candidate sur une liste « Pour une ville verte » aux dernières municipales, et "
         "nos clients sont des mairies.", Ground.POLITICAL_CONVICTIONS),
        ("We learned you ran on the \"Greener Town\" slate last spring, and our clients are the councils.",
         Ground.POLITICAL_CONVICTIONS),
        # a condition with its type
        ("When you told us about your type 2 diabetes, the manager worried about the night shifts.",
         Ground.DISABILITY),
        # plans for another child beside a partner: pregnancy, not the partner
        ("Merci d'être venue. Tu nous as dit qu'avec ton chum vous vouliez avoir un autre bébé l'an prochain, et on "
         "peut pas se permettre un congé en pleine saison.", Ground.PREGNANCY),
        ("Dear Ms Carter, you mentioned that you and your husband are planning to have another baby next year, and we "
         "need someone for the full eighteen months.", Ground.PREGNANCY),
        # a partner of the addressee's own sex
        ("Bonjour Monsieur Roy, lors de la visite vous avez parlé de votre mari, et nos clients sont assez "
         "conservateurs.", Ground.SEXUAL_ORIENTATION),
        ("Dear Mr Patel, at lunch you mentioned your husband, and the owner worries the regulars would talk.",
         Ground.SEXUAL_ORIENTATION),
        # guards: a partner of the other sex stays a family situation
        ("Bonjour Madame Roy, avec votre mari qui voyage beaucoup et deux enfants, on craint que les horaires ne "
         "conviennent pas.", Ground.CIVIL_STATUS),
        ("Dear Mrs Patel, with your husband away on rotation and two kids, the owner felt the hours would not work.",
         Ground.CIVIL_STATUS),
    ],
)
def test_heldout17s_grounds_are_flagged_and_named(reply: str, ground: Ground) -> None:
    analysis = rules(reply)
    assert analysis.ground is ground and analysis.kind is Kind.MALICIOUS, (reply, analysis.ground, analysis.kind)


# ---- quiet bad faith and sarcasm read as constructive or generic ----


@pytest.mark.parametrize(
    "reply",
    [
        # a field doubted by whether it is the right one; a job that needs less of the trade's core
        "Your drywall seams showed everywhere. I'd think hard about whether this is really the right trade for you.",
        "The dosage calculations were off twice. Maybe try something that requires a little less precision.",
        # pupils or juniors who do better, "who would teach whom"
        "Even our first-year pupils hold a plank better than you did on Saturday.",
        "Même nos stagiaires de 16 ans soudent mieux que toi, franchement.",
        "Tu as oublié l'échauffement du groupe. On se demandait qui allait apprendre à qui.",
        # the kind the firm never hires, a ban on writing again, more time answering than spent preparing
        "People who chase recruiters for feedback after one call are exactly the sort we never hire.",
        "The role is filled. Please don't email this inbox again.",
        "Je vais pas perdre plus de temps à vous répondre que vous n'en avez passé à lire l'offre.",
        # applause or an upside-down smile in a rejection
        "Merci pour la maquette envoyée en JPEG de 40 Mo 👏 Nous ne donnerons pas suite.",
        "Loved the eleven-minute voicemail 🙃 We'll pass.",
    ],
)
def test_heldout17s_quiet_contempt_and_sarcasm_are_malicious(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.MALICIOUS and analysis.ground is None, (reply, analysis.kind)


@pytest.mark.parametrize(
    "reply",
    [
        # guards: a role with less travel offered, kind words about pupils, a polite request not to reply
        "We have another opening, maybe something that requires less travel; tell me if you're interested.",
        "Nos élèves de 16 ans t'ont trouvée très patiente, et le poste est allé à une enseignante plus expérimentée.",
        "This mailbox is not monitored; please do not reply to this message.",
    ],
)
def test_heldout17s_contempt_cues_do_not_catch_kind_words(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.kind is not Kind.MALICIOUS, (reply, analysis.kind)


# ---- areas: a trial as performed, a task the candidate cannot do, a register too familiar ----


@pytest.mark.parametrize(
    ("reply", "areas"),
    [
        # lateness with the place named before the time
        ("Je te fais un retour sur ton essai de mardi : tu es arrivée à l'atelier à 8 h 20 au lieu de 7 h 30.", {INT}),
        # not knowing how to do one of the trade's tasks
        ("Un électricien qui sait pas lire un schéma unifilaire, ça passe pas chez nous.", {SKL}),
        ("Vous ne savez toujours pas monter une émulsion à la main, et c'est la base du poste.", {SKL}),
        # swearing, a more professional tone asked for
        ("Merci pour ta visite. Tu as sacré deux fois pendant l'appel avec la cliente.", {REG}),
        ("Merci pour ta visite. Au téléphone avec les notaires, ça nous prend un ton plus posé que le tien.", {REG}),
    ],
)
def test_heldout17s_areas_are_read(reply: str, areas: set[Category]) -> None:
    analysis = rules(reply)
    assert {f.category for f in analysis.categories} == areas and analysis.kind is Kind.CONSTRUCTIVE, (
        reply, analysis.kind, analysis.categories)


@pytest.mark.parametrize(
    "reply",
    [
        # guards: not knowing what to answer is the interview, not a skill
        "Tu savais pas quoi répondre quand on t'a demandé pourquoi tu voulais le poste.",
        "Vous ne saviez pas répondre aux questions sur nos produits.",
    ],
)
def test_heldout17s_not_knowing_what_to_answer_is_no_skill(reply: str) -> None:
    assert SKL not in {f.category for f in rules(reply).categories}, reply


@pytest.mark.parametrize(
    "reply",
    [
        # a visit not prepared, and losing the thread of what was performed: the interview or audition as performed
        "T'avais même pas regardé notre site ni nos formules avant de venir.",
        "Tu as perdu la partition au deuxième mouvement, pis le chef a dû t'arrêter.",
    ],
)
def test_heldout17s_preparation_and_a_lost_thread_are_the_interview(reply: str) -> None:
    assert INT in {f.category for f in rules(reply).categories}, (reply, rules(reply).categories)


def test_a_diagnosis_the_candidate_made_on_the_job_is_no_health_ground():
    # Round 35's drafts: « Ton diagnostic sur les thrips … était vraiment solide » read as the candidate's health.
    from rebond.analyse import analyse_reply
    from rebond.models import AnalysisRequest

    praised = analyse_reply(AnalysisRequest(reply="Ton diagnostic sur la panne du convoyeur était excellent, mais on a pris "
                                                  "quelqu'un avec plus d'expérience en hydraulique."))
    assert praised.ground is None and praised.kind.value == "constructive"
    # The candidate's own diagnosis of an illness, given as the reason, still is.
    ground = analyse_reply(AnalysisRequest(reply="Avec votre diagnostic de sclérose en plaques, le poste serait trop exigeant pour vous."))
    assert ground.ground is not None and ground.ground.value == "disability"
