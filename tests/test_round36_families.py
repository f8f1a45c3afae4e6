"""What rounds 35 and 36's readers found in the reasons and the names (sentences written for the tests, none from a
review set): the candidate's own certificate read as the one required, the person chosen named as a subject (« la
personne retenue programme … »), a test the candidate is thanked for read as the reason, the news that answers the
reason said four paragraphs after it, a hire and an opening reported in a call, names that carry their own article
(« chez Le Quai Nord »), calques heard in France."""

import pytest

from rebond.compose import compose
from rebond.french import Organisation
from rebond.situation import read_situation
from rebond.text import written_out
from tests.families import family_request


request = family_request


def test_the_candidates_own_certificate_is_not_the_one_required():
    rejection = ("Le permis de classe 3 que vous détenez ne suffit pas pour ce poste : le chauffeur doit détenir la "
                 "qualification en transport de matières dangereuses.")
    term = read_situation(request(rejection=rejection)).reason.term
    assert term == "la qualification en transport de matières dangereuses"


def test_the_person_chosen_as_a_subject_is_described_and_a_thanked_test_is_no_reason():
    rejection = ("Merci d'être venu, et d'avoir fait le test de soudure sans préparation. La personne retenue travaille "
                 "sur des robots Fanuc depuis cinq ans et, avec le lancement en mars, on n'a pas le temps de former.")
    reason = read_situation(request(rejection=rejection)).reason
    assert reason.hire == "quelqu'un qui travaille sur des robots Fanuc depuis cinq ans"
    body = compose(request(rejection=rejection)).body
    assert "quelqu'un qui travaille sur des robots Fanuc depuis cinq ans" in body and "test de soudure" not in body


def test_the_news_that_answers_the_reason_follows_it():
    rejection = "Nous avons retenu une candidature qui détient déjà le certificat ASP Construction."
    notes = "À mentionner : je suis inscrit au cours ASP Construction, début en janvier."
    body = compose(request(rejection=rejection, notes=notes, length=60)).body
    reason_at = body.index("ASP Construction")
    news_at = body.index("J'y travaille d'ailleurs déjà : je suis inscrit au cours ASP Construction, qui commence en janvier.")
    assert news_at > reason_at and body.count("inscrit au cours") == 1
    # News that answers something else stays at the end, as before.
    notes = "À mentionner : je suis disponible dès janvier."
    assert "J'y travaille d'ailleurs" not in compose(request(rejection=rejection, notes=notes, length=60)).body


def test_a_hire_from_inside_and_an_opening_reported_in_a_call_are_read():
    told = ("La responsable m'a appelé lundi. Ils ont finalement donné le poste à un employé qui travaillait déjà à "
            "l'entrepôt. Elle a dit qu'ils auraient peut-être un poste de cariste de nuit à l'automne.")
    situation = read_situation(request(rejection=told, news="phone"))
    assert situation.reason.internal
    assert situation.invited_back == "opening" and situation.offer == "un poste de cariste de nuit"
    body = compose(request("fr", "phone", rejection=told, news="phone", length=90)).body
    # After "the post went inside", no question about what the CV or the experience lacked.
    assert "CV" not in body and "mon expérience" not in body
    assert "Le poste de cariste de nuit m'intéresse" in body


@pytest.mark.parametrize(("typed", "at"), [
    ("Le Quai Nord, scène conventionnée", "au Quai Nord"),
    ("Relais de la Chartreuse", "au Relais de la Chartreuse"),
    ("Distillerie du Fjord", "à la Distillerie du Fjord"),
    ("Desjardins", "chez Desjardins"),  # a brand keeps « chez »
])
def test_a_name_that_carries_its_article_or_starts_with_a_place_takes_it(typed, at):
    assert Organisation.parse(typed).at == at


def test_calques_heard_in_france_are_gone_and_a_kept_list_is_said_to_them():
    body = compose(request("fr-FR", rejection="Votre profil nous a plu. Nous avons retenu une autre candidature.",
                           formality=80, length=70)).body
    assert "mots aimables" not in body and "emploi du temps le permet" not in body
    told = "Hélène m'a appelée hier : elle aimerait me garder dans leur vivier pour les remplacements cet été."
    situation = read_situation(request("fr-FR", rejection=told, news="phone"))
    assert situation.invite_list == "votre vivier"


def test_praise_relayed_from_someone_else_is_not_said_to_have_pleased_the_recruiter():
    rejection = "Ton profil a beaucoup plu au gestionnaire, mais on a retenu quelqu'un qui connaît SAP."
    body = compose(request(rejection=rejection, recruiter="Julie", formality=40)).body
    assert "mon profil ait plu" in body and "vous ait plu" not in body and "t'ait plu" not in body


def test_an_english_credential_with_a_number_and_and_is_named_whole():
    rejection = "We selected a candidate who holds a Class 4 Wastewater Treatment and Collection certificate."
    term = read_situation(request("en", rejection=rejection, recruiter="Ms. Lee")).reason.term
    assert term == "the Class 4 Wastewater Treatment and Collection certificate"


def test_note_speak_anglicisms_and_cut_words_are_written_out():
    assert written_out("si je pourrais réappliquer une fois la qualif. obtenue", "fr") == (
        "si je pourrais postuler de nouveau une fois la qualification obtenue")


def test_what_the_post_requires_is_read_after_exige_que_and_the_candidates_own_diploma_is_not():
    told = ("M. Morin m'a appelé. Il m'a dit que la fédération exige que l'entraîneur ait le DE JEPS ou une licence STAPS, "
            "et qu'avec ma licence + le BPJEPS ça ne passait pas.")
    reason = read_situation(request("fr-FR", rejection=told, news="phone")).reason
    assert reason.term == "le DE JEPS ou une licence STAPS"
    assert "ma licence" not in compose(request("fr-FR", rejection=told, news="phone")).body


def test_a_number_kept_on_file_is_no_praise():
    told = "Sam rang me Friday. Said I interviewed well and they'd keep my number in case someone pulls out before Feb."
    body = compose(request("en", rejection=told, news="phone", recruiter="Sam")).body
    assert "liked my number" not in body


def test_a_notes_question_that_opens_with_a_preposition_is_kept():
    assert own_questions_fr("Questions : à quel master ils pensent ?") == ("À quel master vous pensez ?",)


def own_questions_fr(notes):
    from rebond.notes_questions import own_questions

    return own_questions(notes, "fr")
