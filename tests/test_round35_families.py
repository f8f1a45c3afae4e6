"""What round 35's readers found (each family tested with sentences written for the tests, none from a review set):
the notes' questions in verbless note-speak dropped, an inversion's « -t-il » taken for the recruiter, a question said
in passing lost in a LinkedIn note, openings reported in a call left unanswered, the recruiter's « il » kept in a
reason said to him, « retour positif » and « bons mots » in draft after draft, « sorti·e » broken, UK letters read as
North-American."""

from functools import partial

import re

import pytest

from rebond.compose import british, compose
from rebond.notes_questions import news_since, own_questions, to_mention, turn_to_recruiter, vous_form
from rebond.situation import read_situation
from rebond.text import written_out
from tests.families import family_request


request = partial(family_request, recruiter="Mme Paradis", company="la Fromagerie du Rang", role="Affineur",
                  candidate="Samuel Gagnon", date="2026-11-03")


@pytest.mark.parametrize(("notes", "expected"), [
    # An inversion with a noun subject asks about the noun: its « -t-il » is not the recruiter.
    ("À demander : mon mémoire a-t-il compté ?", "Mon mémoire a-t-il compté ?"),
    # « Q : » and « Q à poser : » open a list as « Questions : » does.
    ("Q : est-ce qu'ils forment sur le logiciel Maestro ?", "Est-ce que vous formez sur le logiciel Maestro ?"),
    ("Q à poser : d'autres contrats prévus en janvier ?", "Y a-t-il d'autres contrats prévus en janvier ?"),
    # Verbless note-speak made a question a letter can send.
    ("Demander : conseils pour progresser en soudure TIG ?", "Auriez-vous des conseils pour progresser en soudure TIG ?"),
    ("Demander : quel délai visé pour la prochaine embauche ?", "Quel délai visez-vous pour la prochaine embauche ?"),
    ("À demander : ça vaut la peine de réappliquer dans 1 an ?", "Me conseilleriez-vous de postuler de nouveau dans un an ?"),
    # The recruiters in the plural, inverted: « vous ».
    ("Questions : quelles lectures me recommandent-ils ?", "Quelles lectures me recommandez-vous ?"),
])
def test_the_notes_questions_in_note_speak_are_said_whole(notes, expected):
    assert own_questions(notes, "fr")[0] == expected


def test_impersonal_inversions_and_verbless_counts_are_left_as_they_must_be():
    assert turn_to_recruiter("y a-t-il un mentorat", "fr") == "y a-t-il un mentorat"
    assert turn_to_recruiter("faut-il le permis de cariste", "fr") == "faut-il le permis de cariste"
    # « Combien d'heures par semaine sur la liste ? » has no verb: better the draft's own question than that.
    assert own_questions("Demander : combien d'heures/sem. en moyenne sur la liste de rappel ?", "fr") == ()


@pytest.mark.parametrize(("verb", "form"), [
    ("embauchera", "embaucherez"), ("utilisait", "utilisiez"), ("prendraient", "prendriez"), ("auront", "aurez"),
    ("utilisent", "utilisez"), ("cherche", "cherchez"), ("conseillent", "conseillez"),
    # Stems that change, and singulars in « -ent »: no rule is sure, so nothing is said.
    ("revient", None), ("appelle", None), ("achète", None), ("doivent", None),
])
def test_the_vous_form_follows_the_endings_every_verb_shares(verb, form):
    assert vous_form(verb) == form


def test_a_negation_and_an_object_pronoun_stay_before_the_turned_verb():
    assert turn_to_recruiter("qu'il ne me rappellerait pas", "fr") == "que vous ne me rappelleriez pas"
    assert turn_to_recruiter("un outil de repérage qu'ils utilisent", "fr") == "un outil de repérage que vous utilisez"


def test_the_recruiter_in_a_reported_call_is_vous_in_the_reason_and_a_pronoun_that_may_be_the_hire_is_cut():
    # « il » after « une assistante » cannot be her: it is the caller, said « vous ».
    told = ("Le Dr Simard m'a rappelé lundi. Il m'a dit qu'il avait pris une assistante qui a déjà le titre d'assistante "
            "vétérinaire, parce qu'il ne peut pas former quelqu'un en alternance en ce moment.")
    hire = read_situation(request(rejection=told, news="phone")).reason.hire
    assert hire.endswith("parce que vous ne pouvez pas former quelqu'un en alternance en ce moment")
    # « il » after « un assistant » may be the assistant: the description ends before it.
    told = ("M. Roy m'a rappelé lundi. Il m'a dit qu'il avait pris un assistant qui a déjà le titre d'assistant "
            "vétérinaire, parce qu'il habite à côté de la clinique.")
    hire = read_situation(request(rejection=told, news="phone")).reason.hire
    assert hire == "un assistant qui a déjà le titre d'assistant vétérinaire"


def test_the_notes_worry_about_their_tool_is_said_to_them():
    notes = "Entrevue avec la directrice. J'ai pas su répondre sur le logiciel de paie qu'ils utilisent."
    body = compose(request(notes=notes, rejection="Nous avons retenu une autre candidature.", directness=80)).body
    assert "qu'ils utilisent" not in body
    assert "que vous utilisez" in body


def test_the_candidates_news_loses_the_notes_aside_label_and_dangling_words():
    notes = ("Visite de l'atelier.\nJe me suis inscrit à la formation en soudure (niveau 2) la semaine passée → à dire.")
    assert news_since(notes, "fr") == "je me suis inscrit à la formation en soudure la semaine passée"
    assert to_mention("À dire : j'ai commencé des cours d'espagnol (2 soirs/sem.) depuis.", "fr") == "j'ai commencé des cours d'espagnol"
    assert to_mention("À mentionner : je suis inscrit au DEP en mécanique, début en août.", "fr") == (
        "je suis inscrit au DEP en mécanique, qui commence en août")


def test_a_question_said_in_passing_is_the_linkedin_notes_question():
    # A note with room for one question asks the candidate's, not ours about the moment the notes say went wrong.
    notes = ("Jury de quatre : la DRH, le chef du service voirie, un élu, un technicien. Mise en situation sur un chantier "
             "de réfection de chaussée, questions sur la sécurité des chantiers et la gestion des sous-traitants, j'ai "
             "bafouillé sur la signalisation temporaire.\nDemander si je devrais passer le concours de technicien "
             "territorial et s'ils prennent parfois des contractuels.")
    rejection = ("Le poste a été pourvu par un agent titulaire du grade, par voie de mutation interne, conformément aux "
                 "règles statutaires. Le jury a souligné la qualité de vos réponses sur la gestion des sous-traitants.")
    body = compose(request("fr-FR", "linkedin", rejection=rejection, notes=notes, length=80, formality=90,
                           role="Technicien principal de la voirie et des réseaux divers",
                           company="la Communauté d'agglomération du Pays de Saint-Malo")).body
    assert "si je devrais passer le concours de technicien territorial et si vous prenez parfois des contractuels" in body


@pytest.mark.parametrize(("rejection", "offer"), [
    ("Caroline m'a appelé ce matin. Elle a dit qu'ils avaient choisi quelqu'un d'autre, mais qu'il y aurait peut-être "
     "un contrat pour la période des fêtes cet hiver.", "un contrat pour la période des fêtes"),
    ("Marc m'a appelé. Il m'a dit qu'un poste de commis d'entrepôt allait sûrement s'ouvrir au printemps.",
     "un poste de commis d'entrepôt"),
])
def test_an_opening_reported_in_a_call_is_read_and_named(rejection, offer):
    situation = read_situation(request(rejection=rejection, news="phone"))
    assert situation.invited_back == "opening" and situation.offer == offer


def test_an_opening_with_the_recruiters_promise_to_come_back_is_answered_yes_to_both():
    rejection = ("Bonjour Samuel, nous avons retenu une autre candidature. Un remplacement de congé parental devrait "
                 "s'ouvrir à l'automne à notre comptoir de Sainte-Marie. Je me permettrai de revenir vers vous à ce "
                 "moment-là si vous êtes d'accord.")
    body = compose(request(rejection=rejection)).body
    assert "le remplacement de congé parental" in body.lower()
    assert "j'attendrai de vos nouvelles à ce moment-là" in body and "je postulerai dès son ouverture" not in body


def test_praise_agrees_with_what_was_praised_and_keeps_no_emoji():
    rejection = "Bonjour Samuel, l'équipe a adoré ton accueil des clients 😊 mais on a choisi quelqu'un d'autre."
    body = compose(request(rejection=rejection, recruiter="Julie", formality=20, warmth=60)).body
    assert "Ça me fait plaisir que mon accueil des clients ait plu !" in body and "😊" not in body
    rejection = "Nous avons été impressionnés par vos réponses et par votre rigueur. Nous avons retenu une autre candidature."
    body = compose(request(rejection=rejection, formality=50)).body
    # (the plural agrees, in either wording: « Ça me fait plaisir que … aient plu », « Je suis content que … vous aient plu »)
    assert re.search(r"(?:Ça me fait plaisir que|Je suis content que) mes réponses (?:vous )?aient plu\.", body), body
    from rebond.situation import _praised_np

    # One « par » governs both things praised.
    assert _praised_np("Le jury a été impressionné par la clarté de vos schémas et par votre connaissance des normes.",
                       "fr") == "mes schémas et ma connaissance des normes"


def test_an_inclusive_form_the_candidate_wrote_of_themself_is_kept_whole():
    notes = "Entretien collectif le matin.\nDemander comment je m'en suis sorti·e en collectif."
    situation = read_situation(request("fr-FR", notes=notes, rejection="Nous avons retenu une autre personne.", gender=""))
    assert "sorti·e" in situation.wants_to_ask and "sorti e" not in situation.wants_to_ask


@pytest.mark.parametrize("rejection", [
    "Thank you for attending interview for the Band 5 Physiotherapist post. On this occasion you have not been successful.",
    "Thank you for meeting the panel at Riverside Housing Association.",
    "Thank you for teaching the sample lesson to our Year 4 class and meeting our SENCo.",
])
def test_british_letters_are_known_by_their_own_signs(rejection):
    assert british(request("en", rejection=rejection, recruiter="Dr Moss", company="Fenland Health Trust"))
    body = compose(request("en", rejection=rejection, recruiter="Dr Moss", company="Fenland Health Trust")).body
    assert "Dr Moss" in body and "Dr. Moss" not in body and "3 November" in body


def test_a_canadian_letter_keeps_north_american_usage():
    assert not british(request("en", rejection="Thanks for coming in. We went with another candidate.",
                               recruiter="Mr Bell", company="Halifax Regional Municipality"))


def test_note_speak_rates_and_abbreviations_are_written_out():
    assert written_out("How many hrs/week do volunteers do", "en") == "How many hours a week do volunteers do"
    assert written_out("Was SEND exp the deciding thing", "en") == "Was SEND experience the deciding thing"
    assert written_out("combien d'heures/sem. en moyenne", "fr") == "combien d'heures par semaine en moyenne"


def test_notes_that_say_when_the_decision_comes_are_a_follow_up_not_a_rejection():
    notes = "Panel of three, practical first, then my poster.\nDr. K said they'd decide by end of month."
    situation = read_situation(request("en", "linkedin", notes=notes, rejection=""))
    assert situation.undecided and situation.promised == "by the end of the month"
    notes = "Entrevue avec la directrice.\nElle a dit qu'ils décideraient d'ici la fin du mois."
    assert read_situation(request("fr", notes=notes, rejection="")).undecided


def test_a_slash_between_words_in_the_notes_reads_and():
    assert written_out("ask about hours / salary range", "en") == "ask about hours and salary range"
