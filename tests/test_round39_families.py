"""What round 39's readers found (sentences written for the tests, none from a review set): a moment the notes deny
(« pas d'exercice ni de cas pratique ») asked about, a hiring "on hold, not a no" answered as a rejection, US dates to
Australia, a requirement cut by an aside (« le poste exige d'être titulaire. »), "the FINRA Series licence" for two
numbered licences, the notes' questions pasted raw (« si je change mes dispos est-ce qu'on peut… », « C'est-tu … qui
m'a fait sauter », "vs", "If I, can get…", "in Jan"), an agency's recruiter told "you chose", a stock "help me prepare
for my next interviews" after questions about schedules, applying again promised twice, « ma connaissance » cut from
its complement, a group exercise called an interview."""

import pytest

from rebond.compose import british, compose
from rebond.notes_questions import formal_question, own_questions
from rebond.situation import _praised_np, read_situation, required_as_said
from rebond.text import written_out
from tests.families import family_request

request = family_request


def test_a_moment_the_notes_deny_with_ni_or_or_is_not_asked_about():
    notes = "Entretien avec la directrice, 1 h. Bonne ambiance, mais pas d'exercice ni d'étude de cas."
    for channel in ("email", "linkedin", "phone"):
        text = compose(request("fr-FR", channel, notes=notes, length=70)).full_text()
        assert "étude de cas" not in text, text
    english = compose(request("en", notes="Chat with the owner, no test or case study. Relaxed.", length=70)).full_text()
    assert "case study" not in english, english


@pytest.mark.parametrize("rejection", [
    "Shane called Friday. He said the role's on hold, not a no: the client froze all new FIFO starts until the new year.",
    "Dana rang: they've frozen all new hires at the site until March, but I'm top of the list.",
])
def test_a_hiring_on_hold_in_new_words_is_no_rejection(rejection):
    req = request("en", "phone", rejection=rejection, news="phone", recruiter="Shane", length=60)
    assert read_situation(req).on_hold
    text = compose(req).full_text()
    assert "sorry not to get" not in text and "not to be selected" not in text, text


@pytest.mark.parametrize(("company", "notes", "phone"), [
    ("the Queensland Department of Education", "", ""),
    ("Harbour Cafe", "Gemma rang me Thursday arvo.", ""),
    ("Ironbark Mining", "", "+61 412 555 019"),
])
def test_day_before_month_outside_north_america(company, notes, phone):
    req = request("en", company=company, notes=notes, rejection="Thanks for coming in. We went with someone else.")
    req.context.candidate_phone = phone
    assert british(req)
    assert "20 October" in compose(req).full_text()


def test_a_north_american_letter_keeps_month_first():
    req = request("en", company="Purolator", rejection="Thanks for coming in. We went with someone else.")
    assert not british(req)


def test_a_requirement_cut_by_an_aside_of_time_is_read_whole():
    rejection = ("Le poste nécessite d'être titulaire, dès la prise de fonction, de l'habilitation électrique B2V-BR.")
    assert required_as_said(rejection, "fr") == "d'être titulaire de l'habilitation électrique B2V-BR"
    body = compose(request("fr-FR", rejection=rejection, length=60)).body
    assert "exige d'être titulaire." not in body and "B2V-BR" in body, body


@pytest.mark.parametrize(("rejection", "named"), [
    ("We moved forward with candidates who already hold the FINRA Series 7 and 63 licenses.", "Series 7 and 63 licenses"),
    ("We selected a candidate who holds the Registered Respiratory Therapist (RRT) credential.",
     "Registered Respiratory Therapist (RRT) credential"),
])
def test_a_credential_is_named_whole(rejection, named):
    assert named in compose(request("en", rejection=rejection, length=60)).body


@pytest.mark.parametrize(("notes", "lang", "asked"), [
    ("à demander : si je change mes dispos est-ce qu'on peut me recontacter?", "fr",
     "Si je change mes disponibilités, pourriez-vous me recontacter ?"),
    ("À demander : c'est-tu le test pratique qui m'a fait sauter?", "fr", "Est-ce le test pratique qui a joué contre moi ?"),
    ("À demander : qu'est-ce qui manquait vs la candidate interne?", "fr",
     "Qu'est-ce qui manquait par rapport à la candidate interne ?"),
    ("Questions : si je passe l'AMF ce mois-ci, est-ce qu'on peut reprendre contact ?", "fr",
     "Si je passe l'AMF ce mois-ci, pourrions-nous reprendre contact ?"),
    ("À demander à Julien : y a-tu des postes de jour?", "fr", "Y a-t-il des postes de jour ?"),
    ("ask: if I can get early release to 45 days will they reconsider?", "en",
     "If I can get early release to 45 days, would you consider me again?"),
    ("Ask: do I need to redo the medical if it's after Jan?", "en", "Do I need to redo the medical if it's after January?"),
])
def test_the_notes_questions_are_written_as_a_message_asks_them(notes, lang, asked):
    assert asked in own_questions(notes, lang)


def test_a_formal_letter_asks_after_a_si_clause_in_its_own_words():
    assert formal_question("Si je déménage plus près, est-ce que je peux postuler de nouveau ?") == (
        "Si je déménage plus près, puis-je postuler de nouveau ?")


@pytest.mark.parametrize(("typed", "written"), [
    ("mes dispos", "mes disponibilités"), ("ma dispo", "ma disponibilité"), ("je suis dispo", "je suis disponible"),
    ("une visite de 5 min", "une visite de 5 minutes"), ("recandidater", "postuler de nouveau"),
])
def test_note_speak_is_written_out(typed, written):
    assert written_out(typed, "fr") == written


RELAYED = ("Bonjour Morgan, j'ai eu le retour de mon client : ils ne donnent pas suite. Le client a préféré un profil issu "
           "de la grande distribution. Je reste à ton écoute. Julien")


def test_an_agency_recruiter_is_not_told_he_chose():
    body = compose(request("fr-FR", "linkedin", rejection=RELAYED, recruiter="Julien", formality=35, length=60)).body
    assert "client a " in body and "que vous avez retenu" not in body and "que tu as retenu" not in body, body
    # one form of address throughout
    assert not ("ton client" in body and "vous" in body), body


def test_questions_about_schedules_are_not_for_the_next_interviews():
    rejection = ("Madame, le poste comporte une disponibilité obligatoire une fin de semaine sur deux, ce qui ne correspond "
                 "pas aux disponibilités indiquées dans votre formulaire.")
    notes = "à demander : si je change mes dispos est-ce qu'on peut me recontacter? Y a-tu des postes de jour seulement?"
    body = compose(request("fr", rejection=rejection, notes=notes, formality=85, length=60, gender="feminine")).body
    assert "prochaines entrevues" not in body, body


def test_applying_again_is_promised_once():
    rejection = ("Monsieur, le poste comporte une astreinte et il faut habiter à moins de 30 minutes de la base.")
    notes = "À demander : si je déménage plus près, est-ce que je peux recandidater ?"
    body = compose(request("fr-FR", rejection=rejection, notes=notes, formality=70, length=70)).body
    assert "si je déménage plus près" in body.lower(), body  # the notes' question is asked
    assert sum(body.count(words) for words in ("de nouveau", "repostul", "recandidat")) == 1, body


def test_praise_keeps_its_complement():
    rejection = "Nous avons été sensibles à votre connaissance de l'histoire de Québec."
    assert _praised_np(rejection, "fr") == "ma connaissance de l'histoire de Québec"


@pytest.mark.parametrize(("language", "notes", "named"), [
    ("en", "Group exercise (design a footbridge), then a presentation.", "the group exercise"),
    ("en", "Assessment day: group activity, then a role play.", "the group activity"),
    ("fr", "Exercice de groupe le matin, puis entrevue individuelle.", "l'exercice de groupe"),
])
def test_a_group_task_is_no_group_interview(language, notes, named):
    text = compose(request(language, notes=notes, length=80, directness=80)).full_text()
    assert named in text and "interview de groupe" not in text and "group interview" not in text, text


# ---- round 40 (same mechanisms, measured on round 40's requests; sentences written for the tests) ----

@pytest.mark.parametrize(("notes", "lang", "asked"), [
    ("Je voudrais savoir : j'étais où dans le classement? Ma démo était-elle trop longue?", "fr",
     ("Quelle était ma position dans le classement ?", "Ma démo était-elle trop longue ?")),
    ("à demander : Ma simulation, ça a passé comment?", "fr", ("Comment avez-vous trouvé ma simulation ?",)),
    ("à demander : mon examen, c'était quoi le point faible?", "fr", ("Quel était le point faible de mon examen ?",)),
    ("Ce que je veux savoir : le test s'est bien passé de leur point de vue ? délai avant de repostuler ?", "fr",
     ("Le test s'est-il bien passé de votre point de vue ?", "Quel est le délai avant de repostuler ?")),
    ("Questions pour elle : est-ce qu'ils prennent des stagiaires l'été ?", "fr",
     ("Est-ce que vous prenez des stagiaires l'été ?",)),
    ("Want to ask Mr Hughes: what would a 4 have looked like?", "en", ("What would a 4 have looked like?",)),
    ("Ask: how long is the ticket good for / do they ever pay for the D1.1 test? any openings on nights?", "en",
     ("How long is the ticket good for?", "Do you ever pay for the D1.1 test?", "Are there any openings on nights?")),
    ("Qs: how did portfolio land? is there a casual list / pool I can join?", "en",
     ("How did my portfolio land?", "Is there a casual list or pool I can join?")),
    ("Ask: any chance where you DO train on the job?", "en", ("Is there any chance where you do train on the job?",)),
])
def test_round40s_notes_questions_are_asked_as_a_message_asks_them(notes, lang, asked):
    assert own_questions(notes, lang) == asked


@pytest.mark.parametrize(("language", "rejection"), [
    ("fr", "Tu as clairement l'expérience pour la job, mais on a choisi quelqu'un qui demeure plus proche du terminal. "
           "On a eu des mauvaises expériences avec des gens qui faisaient une heure de route."),
    ("fr-FR", "M. Perrin m'a appelé : ils ont pris quelqu'un du coin, le chantier est à Angers et moi je suis à 80 km."),
])
def test_round40s_distance_said_in_new_words_is_the_reason(language, rejection):
    reason = read_situation(request(language, rejection=rejection)).reason
    assert reason is not None and reason.term_kind == "location", reason


def test_round40s_a_hire_more_senior_next_to_praise_is_the_reason():
    rejection = ("Sandrine m'a appelé vendredi. En gros ils ont retenu quelqu'un d'autre, « un profil plus senior », elle a "
                 "dit que mon étude de cas était solide mais elle devait filer en réunion.")
    reason = read_situation(request("fr-FR", rejection=rejection, news="phone")).reason
    assert reason is not None and reason.category.value == "experience", reason


def test_round40s_a_clause_that_faults_praises_nothing():
    rejection = ("The project requires strong hands-on experience with Databricks in production, and the panel felt your "
                 "exposure was mostly limited to POCs.")
    situation = read_situation(request("en", rejection=rejection))
    assert not situation.praise and not situation.praised_np, situation


# ---- round 41 ----

def test_round41s_a_trial_day_is_not_enjoyed_as_an_interview():
    rejection = "Merci de vous être déplacée pour la journée d'essai. Nous avons retenu une autre personne."
    body = compose(request("fr", "phone", rejection=rejection, notes="Journée d'essai, préparé une chirurgie.",
                           warmth=90, length=60, gender="feminine")).body
    assert "entrevue" not in body.split("Questions")[0].split("\n\n", 1)[-1], body


def test_round41s_a_roman_numeral_is_no_tool():  # (a guard: passes before and after)
    rejection = ("Nous devons lancer dès juin deux essais de phase III en cardiologie et avons besoin d'une personne "
                 "opérationnelle : nous avons retenu une candidate déjà formée à l'eCRF Medidata et aux bonnes pratiques.")
    assert "III" not in compose(request("fr-FR", rejection=rejection, length=60)).body


def test_round41s_a_title_the_hire_holds_is_not_read_from_the_clause_after_it():
    rejection = ("Le comité a retenu une personne qui détient déjà le titre CRSP (Canadian Registered Safety Professional), "
                 "un critère essentiel, vu la certification ISO 45001 prévue en 2027.")
    body = compose(request("fr", rejection=rejection, length=60)).body
    assert "titre CRSP" in body and "certification ISO" not in body and "Canadian Registered" not in body, body


def test_round41s_an_address_that_takes_no_replies_is_an_automatic_notice():
    rejection = ("Bonjour, nous avons décidé de poursuivre avec d'autres candidats. Nous vous invitons à créer une alerte "
                 "emploi.\n(Ce courriel a été envoyé à partir d'une adresse qui ne peut recevoir de réponses.)")
    situation = read_situation(request("fr", rejection=rejection))
    assert situation.news == "automatic" and not situation.offer_action


def test_round41s_two_precise_questions_need_no_line_on_why():
    notes = ("À demander : qu'est-ce que j'aurais pu améliorer dans mon test? "
             "qu'est-ce que j'aurais pu améliorer dans ma présentation?")
    rejection = "Nous avons retenu une candidature qui a cinq ans d'expérience en usine."
    body = compose(request("fr", rejection=rejection, notes=notes, length=60, directness=80)).body
    assert "améliorer dans ma présentation" in body and "m'aideraient" not in body and "m'aiderait" not in body, body


@pytest.mark.parametrize(("notes", "lang", "asked"), [
    ("À demander : le stage est-il un critère? Conseils pour la leçon modèle. Y a-t-il des charges à l'hiver?", "fr",
     ("Le stage est-il un critère ?", "Y a-t-il des charges à l'hiver ?")),
    ("Questions : Autre chose à améliorer dans l'étude de cas?", "fr", ("Y a-t-il autre chose à améliorer dans l'étude de cas ?",)),
    ("Questions : Un poste de répartitrice serait possible ?", "fr", ("Un poste de répartitrice serait-il possible ?",)),
    ("Questions : Y aura-t-il des postes au printemps ?", "fr", ("Y aura-t-il des postes au printemps ?",)),
    ("À savoir : combien d'expérience SolidWorks ils attendent ?", "fr", ("Combien d'expérience SolidWorks attendez-vous ?",)),
    ("Questions : l'attestation c'est suffisant ou il faut l'examen ?", "fr",
     ("Est-ce que l'attestation suffit, ou faut-il l'examen ?",)),
    ("Would like to ask: any specific feedback on the demo?", "en", ("Do you have any feedback on the demo?",)),
    ("Ask: apart from availability, anything about the group exercise?", "en",
     ("Apart from availability, was there anything about the group exercise?",)),
])
def test_round41s_notes_questions_are_found_and_asked(notes, lang, asked):
    assert own_questions(notes, lang) == asked


def test_round42s_every_gendered_wording_reads_in_both_genders():
    # (round 42: « Je serai heureuxse de garder le contact » in a woman's call script)
    import re

    from rebond.compose import _GENDERED
    from rebond.resources import load_data

    from tests.families import bank_strings as strings

    broken = []
    for text in strings(load_data("phrases.fr.yaml")):
        for feminine in (False, True):
            said = _GENDERED.sub(lambda m: m.group(2) if feminine else m.group(1), text)
            if re.search(r"\b\w*(?:xse|xe|eure?se|fe)\b", said) and "{g:" in text:
                broken.append(said)
    assert not broken, broken[:5]


@pytest.mark.parametrize(("notes", "lang", "asked"), [
    ("À demander : ça vaut-tu la peine de postuler sur des remplacements?", "fr",
     ("Me conseilleriez-vous de postuler sur des remplacements ?",)),
    ("À demander : ils offrent de la formation SAS aux nouveaux?", "fr", ("Est-ce que vous offrez de la formation SAS aux nouveaux ?",)),
    ("À demander : c'est quoi le niveau attendu exactement?", "fr", ("Quel est le niveau attendu exactement ?",)),
    ("Questions : ce qui les a fait hésiter ?", "fr", ("Qu'est-ce qui vous a fait hésiter ?",)),
    ("Questions : l'AMF, c'est possible de la passer avant l'embauche ?", "fr",
     ("Est-ce possible de passer l'AMF avant l'embauche ?",)),
    ("Ask: if I get early release to 30 days can they reconsider? any similar openings w/ later start?", "en",
     ("If I get early release to 30 days, would you consider me again?", "Are there any similar openings with later start?")),
])
def test_round42s_notes_questions_are_asked_as_a_message_asks_them(notes, lang, asked):
    assert own_questions(notes, lang) == asked


def test_round42s_a_call_asks_me_conseilleriez_vous_in_spoken_words():
    from rebond.spoken import spoken_french

    assert spoken_french("- Me conseilleriez-vous de postuler ?") == "- Est-ce que vous me conseilleriez de postuler ?"


def test_round42s_no_news_since_is_a_wait_and_a_credential_stops_at_its_verb():
    notes = "Entretien à Clermont avec M. Dubois, plus de nouvelles depuis."
    assert read_situation(request("fr-FR", rejection="", news="unknown", notes=notes)).undecided
    told = ("Elle m'a dit qu'ils ne pouvaient pas me retenir parce que mon permis de l'OTSTCFQ n'est pas encore émis et "
            "qu'ils ont besoin de quelqu'un qui peut signer les évaluations.")
    body = compose(request("fr", "phone", rejection=told, news="phone", length=60)).body
    assert "n'est pas encore émis et qu'ils" not in body, body


# ---- round 43 ----

@pytest.mark.parametrize(("language", "rejection", "notes", "news"), [
    ("fr-FR", "Merci d'être venue nous rencontrer la semaine dernière. Nous avons retenu une autre candidature.", "", "written"),
    ("en", "Kristen phoned this morning: they went with someone else.", "", "phone"),
    ("fr-FR", "Nous avons retenu une autre candidature.",
     "1er entretien en visio avec la RH. 2e entretien à Lille avec le manager, étude de cas.", "written"),
    ("en", "We went with another candidate.", "The loop was 4 rounds over 2 weeks: tech screen, system design.", "written"),
])
def test_round43s_a_date_that_is_not_the_interview_is_not_said(language, rejection, notes, news):
    body = compose(request(language, rejection=rejection, notes=notes, news=news, length=60)).body
    assert "20 octobre" not in body and "October 20" not in body and "20 October" not in body, body


def test_round43s_a_single_interview_keeps_its_date():
    body = compose(request("fr-FR", rejection="Nous avons retenu une autre candidature.", notes="Entretien avec la DRH.", length=60)).body
    assert "20 octobre" in body, body


# ---- round 43, second part (this stop) ----

@pytest.mark.parametrize(("question", "formal"), [
    ("Est-ce que c'est l'étude de cas qui a pesé ?", "Est-ce l'étude de cas qui a pesé ?"),
    ("Est-ce qu'un TOEIC ou un certificat pourrait compter ?", "Un TOEIC ou un certificat pourrait-il compter ?"),
    ("Est-ce que ma réponse sur l'AMM a pesé ?", "Ma réponse sur l'AMM a-t-elle pesé ?"),
    ("Est-ce que la SNCF peut la financer si je repostule ?", "La SNCF peut-elle la financer si je repostule ?"),
    ("Est-ce qu'il existe des postes plus orientés EMA ?", "Existe-t-il des postes plus orientés EMA ?"),
    ("Est-ce que c'est possible d'être mis sur la liste de rappel ?", "Serait-il possible d'être mis sur la liste de rappel ?"),
    # a determiner that hides the gender, with a noun whose gender is known; pronoun subjects (round 48)
    ("Est-ce que mon expérience a pesé ?", "Mon expérience a-t-elle pesé ?"),
    ("Est-ce que votre dossier mettait en valeur mon parcours ?", "Votre dossier mettait-il en valeur mon parcours ?"),
    ("Qu'est-ce que vous me conseilleriez pour améliorer mon anglais ?", "Que me conseilleriez-vous pour améliorer mon anglais ?"),
    ("Est-ce que vous me recommanderiez un cours ?", "Me recommanderiez-vous un cours ?"),
    ("Qu'est-ce que j'aurais pu mieux faire ?", "Qu'aurais-je pu mieux faire ?"),
    ("Comment est-ce que je pourrais en acquérir ?", "Comment pourrais-je en acquérir ?"),
    ("Quel niveau est-ce que vous visez ?", "Quel niveau visez-vous ?"),
    # guards: a relative clause, a determiner that hides an unknown noun's gender (« mon idée »), a clause as subject,
    # a first person that cannot invert (« travaillé-je »), stay as written
    ("Est-ce que la personne qui a été prise avait plus d'expérience ?", "Est-ce que la personne qui a été prise avait plus d'expérience ?"),
    ("Est-ce que mon idée a pesé ?", "Est-ce que mon idée a pesé ?"),
    ("Est-ce que le fait que je sois loin a pesé ?", "Est-ce que le fait que je sois loin a pesé ?"),
    ("Est-ce que je travaille assez vite ?", "Est-ce que je travaille assez vite ?"),
])
def test_round43s_a_formal_letter_inverts_the_notes_questions(question, formal):
    assert formal_question(question) == formal


@pytest.mark.parametrize(("notes", "lang", "asked"), [
    ("Questions : quel niveau d'anglais il faudrait exactement ?", "fr", ("Quel niveau d'anglais faudrait-il exactement ?",)),
    ("À demander : comment j'ai fait dans la mise en situation ?", "fr",
     ("Comment avez-vous trouvé ma prestation dans la mise en situation ?",)),
    ("want to know: was it the sys design? am I leveling senior or should I look at P4 roles?", "en",
     # (round 51: what « it » is asked of, said: "HR can't tell what 'it' refers to")
     ("Was it the system design that made the difference?", "Am I leveling senior or should I look at P4 roles?")),
    ("Ask: does Kaiser ever sponsor Epic cert for internal hires?", "en", ("Does Kaiser ever sponsor Epic certification for internal hires?",)),
])
def test_round43s_notes_questions_are_written_out(notes, lang, asked):
    assert own_questions(notes, lang) == asked


def test_round43s_what_went_wrong_is_said_after_the_question_on_what_decided_it():
    notes = ("2e entretien à Lille : étude de cas. J'ai manqué de temps pour la partie recommandations.\n"
             "Questions à poser : est-ce que c'est l'étude de cas qui a pesé ? est-ce qu'ils recrutent sur d'autres régions ?")
    body = compose(request("fr-FR", rejection="Nous avons retenu une autre candidature.", notes=notes,
                           formality=95, directness=70, length=65)).body
    assert "- Est-ce l'étude de cas qui a pesé ? Je sais que j'ai manqué de temps pour la partie recommandations." in body, body
    english = ("2. system design - design a rate limiter. ran out of time on the multi-region bit\nwant to know: was it the sys design?")
    body = compose(request("en", rejection="We decided not to move forward.", notes=english, recruiter="Bec",
                           company="Atlassian", role="Site Reliability Engineer",
                           formality=0, directness=90, length=65)).body
    assert "Was it the system design that made the difference? I know I ran out of time on the multi-region bit." in body, body


def test_round43s_a_vague_or_doubtful_worry_is_not_said_as_known():
    vague = "J'ai figé un peu.\nQuestions : est-ce que c'est le test qui a pesé ?"
    body = compose(request("fr", rejection="Nous avons retenu une autre candidature.", notes=vague, length=90, directness=80)).body
    assert "Je sais que" not in body, body
    doubtful = ("Je suis peut-être allé trop vite vers le plan d'intervention au lieu d'écouter.\n"
                "Questions : est-ce que c'est la mise en situation qui a pesé ?")
    body = compose(request("fr", rejection="Nous avons retenu une autre candidature.", notes=doubtful, length=90, directness=80)).body
    assert "J'ai l'impression que je suis allé trop vite" in body and "peut-être" not in body, body


def test_round43s_no_worry_owned_after_a_reason_that_was_no_fault():
    notes = "J'ai bafouillé à la question sur les pompes sous-cut.\nQuestions : y a-t-il d'autres postes à l'externe ?"
    body = compose(request("fr", rejection="Le poste a été pourvu à l'interne.", notes=notes, length=90, directness=80)).body
    assert "bafouillé" not in body, body


# ---- round 44 ----

@pytest.mark.parametrize(("notes", "asked"), [
    ("À demander : si c'est négociable dans qq mois (je pourrais déménager en 2027) et si mon estimation était dans la "
     "bonne fourchette.", ("Est-ce négociable dans quelques mois ?", "Est-ce que mon estimation était dans la bonne fourchette ?")),
    ("Je veux lui demander : quels logiciels ils utilisent en litige que je devrais apprendre + est-ce qu'elle me "
     "recommanderait pour d'autres postes au cabinet.",
     ("Quels logiciels utilisez-vous en litige que je devrais apprendre ?", "Est-ce que vous me recommanderiez pour d'autres postes au cabinet ?")),
    ("À lui demander : passer l'AMF avant de repostuler ? Commencer par un poste de conseiller particuliers, c'est une "
     "bonne voie ?", ("Me conseilleriez-vous de passer l'AMF avant de repostuler ?",
                      "Me conseilleriez-vous de commencer par un poste de conseiller particuliers ?")),
    ("À demander : combien de temps pour finir la VAE d'après lui ?", ("Combien de temps faut-il pour finir la VAE, selon vous ?",)),
])
def test_round44s_the_notes_questions_in_reported_speech_or_infinitives_are_asked(notes, asked):
    assert own_questions(notes, "fr") == asked


def test_round44s_what_the_notes_want_to_know_is_listed_as_questions():
    notes = ("Je voudrais savoir si c'est les psychotechniques qui ont coincé et au bout de combien de temps je peux "
             "repostuler.")
    s = read_situation(request("fr-FR", rejection="Nous avons retenu une autre candidature.", notes=notes))
    assert s.own_questions == ("Est-ce que ce sont les psychotechniques qui ont coincé ?", "Au bout de combien de temps puis-je repostuler ?")
    body = compose(request("fr-FR", rejection="Nous avons retenu une autre candidature.", notes=notes, formality=50,
                           directness=70)).body
    assert "- Au bout de combien de temps puis-je repostuler ?" in body and "si c'est les" not in body, body
    # guard: a condition on the answer stays said in passing
    kept = "Je veux savoir où en est le recrutement et, si c'est non, ce que je devrais travailler."
    s = read_situation(request("fr", rejection="Nous avons retenu une autre candidature.", notes=kept))
    assert not s.own_questions and s.wants_to_ask, kept
    # (Round 52: the candidate's own second clause is theirs and goes; the question before it is asked, written.)
    notes = "Je veux savoir si c'est parce que j'ai pas de formation, j'avais dit que c'était pas nécessaire."
    s = read_situation(request("fr", rejection="Nous avons retenu une autre candidature.", notes=notes))
    assert s.own_questions == ("Est-ce parce que je n'ai pas de formation ?",), s.own_questions


def test_round44s_a_call_says_puis_je_as_est_ce_que_je_peux():
    from rebond.spoken import spoken_french

    assert spoken_french("- Puis-je voir ma copie ?") == "- Est-ce que je peux voir ma copie ?"


def test_round44s_a_title_shipped_is_said_through_the_hire_not_as_a_tool():
    rejection = ("L'équipe a décidé d'aller avec un profil qui a déjà livré un titre AAA sur console, c'est vraiment ça "
                 "qui a fait la différence.")
    body = compose(request("fr", "linkedin", rejection=rejection, length=20, directness=70, formality=10)).body
    assert "d'AAA" not in body and "de AAA" not in body, body


def test_round44s_the_candidates_own_guess_in_a_call_report_is_no_stated_reason():
    notes = ("Shaz rang this arvo. Said I didn't get through, they went with people who scored higher on the group exercise.\n"
             "Assessment day at Mayne 3 wks ago: group exercise (6 of us - reckon I talked over people a bit), then a 1:1.")
    body = compose(request("en", "phone", rejection="", news="phone", notes=notes, recruiter="Shaz", length=60)).body
    assert "comment about my interview answers" not in body and "your comment" not in body, body


def test_round44s_what_the_post_demande_is_the_reason_not_the_interview():
    rejection = ("Bonjour Kévin, suite à votre entretien de jeudi, nous ne pouvons pas donner suite : le poste demande une "
                 "FCO à jour et la carte conducteur, et vous nous avez indiqué que votre FCO a expiré en 2024.")
    body = compose(request("fr-FR", "phone", rejection=rejection, recruiter="Laurent", length=15, formality=0)).body
    assert "une FCO à jour et la carte conducteur" in body and "remarque sur mes réponses" not in body, body
    # guard: the requirement stops where the recruiter turns to the candidate
    told = "Le poste demande le DEJEPS voile (obligatoire pour encadrer les moniteurs) et tu as le BPJEPS."
    assert required_as_said(told, "fr") == "le DEJEPS voile (obligatoire pour encadrer les moniteurs)"


def test_round44s_experience_of_a_five_word_practice_is_named_whole():
    rejection = ("The panel felt that the successful candidate had more experience of running an independent MSK caseload, "
                 "including injection therapy.")
    body = compose(request("en", rejection=rejection, length=60, company="NHS Lothian", role="Band 6 Physiotherapist")).body
    assert "running an independent MSK caseload" in body and "experience with MSK" not in body, body


# ---- round 45 ----

def test_round45s_what_the_person_hired_does_is_no_offer():
    notes = ("M. Lapointe m'a appelée vendredi : ils ont pris une enseignante qui fait déjà de la suppléance à l'école et qui "
             "connaît les élèves.")
    s = read_situation(request("fr", "phone", rejection="", news="phone", notes=notes))
    assert s.invited_back != "offer" and s.reason is not None, s
    # guard: an offer in its own clause is still read (« je peux vous inscrire sur notre liste de suppléants »)
    rejection = ("Nous avons retenu une candidate titulaire du CAPES, ce qui nous permet d'envisager un contrat sur une plus "
                 "longue durée. Si vous le souhaitez, je peux vous inscrire sur notre liste de suppléants pour les "
                 "remplacements de courte durée.")
    s = read_situation(request("fr-FR", rejection=rejection))
    assert "courte durée" in s.offer, s


@pytest.mark.parametrize(("language", "notes", "said"), [
    ("fr", "Sylvie m'a appelé ce matin : ils veulent quelqu'un avec de l'expérience en aéro.", "votre appel de ce matin"),
    ("en", "Brad rang yesterday - they went with someone with site experience.", "calling me yesterday"),
])
def test_round45s_a_call_is_thanked_for_when_it_came(language, notes, said):
    body = compose(request(language, "phone", rejection="", news="phone", notes=notes, length=60, formality=30)).body
    assert said in body and "l'autre jour" not in body and "the other day" not in body, body


@pytest.mark.parametrize(("typed", "written"), [
    ("if any feedback at all poss, esp on the group exercise", "if any feedback at all possible, especially on the group exercise"),
    ("ran out of time on the last q", "ran out of time on the last question"),
    ("a lad who'd PLC experience", "a lad who had PLC experience"),
])
def test_round45s_english_note_speak_is_written_out(typed, written):
    assert written_out(typed, "en") == written


def test_round45s_a_verbless_if_clause_is_not_asked_and_a_country_is_no_tool():
    from rebond.situation import _wants_to_ask

    # guard (already left out before: "poss" is no verb)
    assert _wants_to_ask("I would also like to ask if any feedback at all poss despite the email.", "en") == ""
    notes = "Luc m'a appelée hier, ils prennent qqn avec plus d'expérience en transport longue distance (USA)."
    body = compose(request("fr", "linkedin", rejection="", news="phone", notes=notes, length=10, formality=35,
                           gender="feminine")).body
    assert "USA" not in body, body


def test_round45s_a_medical_residency_is_no_place_of_residence():
    rejection = ("We have decided to move forward with a candidate who has completed a PGY-2 residency in emergency medicine "
                 "and holds BCCCP certification.")
    body = compose(request("en", rejection=rejection, length=60)).body
    assert "distance" not in body, body


def test_round45s_a_call_says_the_first_point_of_a_long_description_of_the_hire():
    rejection = ("Nous avons retenu une hygiéniste qui fait déjà des remplacements chez nous depuis l'automne et qui connaît "
                 "nos patients.")
    body = compose(request("fr", "phone", rejection=rejection, length=50, directness=70)).body
    assert "une hygiéniste qui fait déjà des remplacements chez vous depuis l'automne." in body and "ces deux points" not in body, body
    # guard: what carries the fact after a comma stays ("including …")
    told = ("We went with a candidate whose qualifications more closely match the needs of the court, including verified "
            "Spanish/English bilingual certification.")
    body = compose(request("en", "phone", rejection=told, length=50, directness=70)).body
    assert "bilingual certification" in body, body


# ---- round 46 ----

@pytest.mark.parametrize(("notes", "lang", "asked"), [
    ("Questions : est-ce qu'un cours d'anglais intensif ça changerait quelque chose pour la suite ?", "fr",
     ("Est-ce qu'un cours d'anglais intensif changerait quelque chose pour la suite ?",)),
    ("Questions : si c'est uniquement le réseau local, ou aussi la partie billetterie ?", "fr",
     ("Est-ce uniquement le réseau local, ou aussi la partie billetterie ?",)),
    ("Questions : c'est juste la tournée ou y'a autre chose ?", "fr", ("C'est juste la tournée ou il y a autre chose ?",)),
    ("Ask: is it mainly the imaging experience or smth else also?", "en", ("Is it mainly the imaging experience or something else also?",)),
])
def test_round46s_notes_questions_in_spoken_syntax_are_written(notes, lang, asked):
    assert own_questions(notes, lang) == asked


def test_round46s_a_credential_held_is_no_tool_to_master():
    rejection = ("Nous avons besoin d'un conducteur déjà titulaire de l'ADR citerne, opérationnel tout de suite. Nous n'avons "
                 "pas la possibilité de financer la formation.")
    body = compose(request("fr-FR", rejection=rejection, length=35, directness=95)).body
    assert "l'ADR citerne" in body and "maîtrise d'ADR" not in body and "former à ADR" not in body, body
    # guard: a tenured civil servant (« agent titulaire du grade ») is no credential the post « exige »
    rejection = "Le poste a été pourvu par un agent titulaire du grade, par voie de mutation."
    body = compose(request("fr-FR", rejection=rejection, length=60)).body
    assert "exige le grade" not in body, body


def test_round46s_what_went_wrong_is_asked_about_not_confessed_alone():
    notes = ("Mise en situation : patient intubé. J'ai oublié de vérifier la position du tube en premier.\n"
             "Questions : est-ce qu'il y aura d'autres postes aux soins intensifs ?")
    body = compose(request("fr", rejection="Nous avons retenu une candidate avec plus d'expérience en soins critiques.",
                           notes=notes, length=70, directness=80, formality=80)).body
    assert "Je sais que j'ai oublié" not in body, body
    assert "- J'ai oublié de vérifier la position du tube en premier :" in body, body


# ---- round 47 ----

def test_round47s_a_role_described_as_the_recruiter_is_no_first_name():
    body = compose(request("fr-FR", "phone", recruiter="la responsable du magasin", length=40)).body
    assert "Bonjour la," not in body and "Bonjour Madame" in body, body
    body = compose(request("en", "email", recruiter="the hiring manager", length=40)).body
    assert "Hi the" not in body and "Dear the" not in body and "Hello the" not in body, body


def test_round47s_advice_asked_in_notes_is_asked_as_advice():
    assert own_questions("À demander :\n- Des conseils pour l'animation avec les tout-petits ?", "fr") == (
        "Auriez-vous des conseils pour l'animation avec les tout-petits ?",)


@pytest.mark.parametrize(("language", "notes"), [
    ("fr", "Entrevue à la fromagerie fin août. Jamais eu de retour, l'affichage est plus là."),
    ("en", "Final round w/ district manager 2 wks ago, heard nothing. Application portal now says 'position filled'."),
])
def test_round47s_no_word_and_a_listing_gone_is_a_follow_up_not_a_rejection(language, notes):
    req = request(language, rejection="", news="unknown", notes=notes, length=40)
    assert read_situation(req).undecided
    body = compose(req).body
    assert "J'aurais aimé obtenir" not in body and "didn't get" not in body and "not to be selected" not in body, body


# ---- round 48 (this stop): the register asks French questions as the slider says ----

import re  # noqa: E402

from rebond.models import DraftRequest  # noqa: E402
from rebond.spoken import formal_french, spoken_french  # noqa: E402


def test_a_relaxed_message_uninverts_and_keeps_the_object_pronoun_before_the_verb():
    """« Que me conseilleriez-vous » said « Qu'est-ce que vous me conseilleriez », never « Que me est-ce que vous… »;
    « Est-ce le test qui a bloqué ? » said « Est-ce que c'est le test… » (readers at formality 0: "bookish")."""
    assert spoken_french("Que me conseilleriez-vous pour progresser ?") == "Qu'est-ce que vous me conseilleriez pour progresser ?"
    assert spoken_french("Comment m'y prendrais-je ?") == "Comment est-ce que je m'y prendrais ?"
    assert spoken_french("Est-ce le test ou l'entrevue qui a bloqué ?") == "Est-ce que c'est le test ou l'entrevue qui a bloqué ?"


def test_a_formal_message_inverts_every_question_it_safely_can():
    text = ("Bonjour. Est-ce que vous auriez quelques minutes à m'accorder ?\n- Sinon, est-ce que vous prenez des saisonniers ?\n"
            "- Sinon, est-ce que Desjardins a des postes ?\n- Et est-ce qu'il y a autre chose ?")
    assert formal_french(text) == ("Bonjour. Auriez-vous quelques minutes à m'accorder ?\n- Sinon, prenez-vous des saisonniers ?\n"
                                   "- Sinon, est-ce que Desjardins a des postes ?\n- Et y a-t-il autre chose ?")


@pytest.mark.parametrize("channel", ["email", "linkedin", "phone"])
def test_the_formality_slider_sets_how_french_asks(channel):
    """Round 47's readers: « Est-ce que vous auriez », « Qu'est-ce que vous me conseilleriez » at formality 90 "too
    loose"; « Y a-t-il », « Comment pourrais-je » at formality 10 "stiff" against a casual message."""
    def drafted(formality):
        return compose(DraftRequest.model_validate({
            "language": "fr", "channel": channel, "tone": {"formality": formality, "warmth": 50, "directness": 80, "length": 60},
            "context": {"candidate_name": "Léa Roy", "recruiter_name": "Marc Côté", "company": "Desjardins",
                        "role": "conseillère", "interview_date": "2026-11-03",
                        "rejection_message": "Nous avons retenu une personne qui maîtrise mieux l'anglais.",
                        "notes": "Questions : est-ce que vous me conseilleriez un cours d'anglais ? Est-ce qu'il y a des postes en français ?"}}))
    formal, relaxed = drafted(90).full_text(), drafted(10).full_text()
    assert not re.search(r"(?:Est-ce que vous|Qu'est-ce que vous|Est-ce qu'il y a)\b", formal), formal
    assert re.search(r"(?:Me conseilleriez-vous|Y a-t-il|Que me conseilleriez-vous)", formal), formal
    assert not re.search(r"\b\w+-(?:t-)?(?:vous|tu|je|il|elle)\b[^?]*\?", relaxed), relaxed


def _with_length(language, channel, length, **context):
    base = {"candidate_name": "Léa Roy", "recruiter_name": "Marc Côté", "company": "Desjardins", "role": "conseillère",
            "interview_date": "2026-11-03"}
    return compose(DraftRequest.model_validate({
        "language": language, "channel": channel, "tone": {"formality": 50, "warmth": 50, "directness": 80, "length": length},
        "context": base | context}))


def test_a_very_short_email_asks_the_notes_questions_in_its_sentences_without_a_list():
    """Round 46–47's readers at length 0–10: "three lines, not four paragraphs"; the notes' two questions stay."""
    notes = "Questions : est-ce que vous offrez la formation AMF à l'interne ? Est-ce que je peux repostuler en mars ?"
    short = _with_length("fr", "email", 0, notes=notes, rejection_message="Nous avons retenu une personne déjà certifiée AMF.")
    longer = _with_length("fr", "email", 50, notes=notes, rejection_message="Nous avons retenu une personne déjà certifiée AMF.")
    assert "\n- " not in short.body and "\n- " in longer.body
    assert "formation AMF" in short.body and "repostuler" in short.body
    assert len(short.body.split()) <= len(longer.body.split()) - 10
    assert not short.checks.failed(), [c.name for c in short.checks.failed()]


def test_a_very_short_call_asks_past_the_reason_once():
    """Round 47's reader at length 5: "Apart from that, is there anything else I should work on?" then "Were there any
    questions I could've answered better?" ask the same thing twice."""
    draft = _with_length("en", "phone", 5, recruiter_name="Aroha", company="Kiwi Link Coaches", role="coach driver",
                         rejection_message="We went with someone who already holds a P endorsement.")
    assert "Questions:" not in draft.body and draft.body.count("?") == 2  # is now a good time? + the one question
    assert "P endorsement" in draft.body
    assert not draft.checks.failed(), [c.name for c in draft.checks.failed()]


@pytest.mark.parametrize(("notes", "lang", "asked"), [
    ("À demander : la banque de candidatures = est-ce que je serais rappelée automatiquement?", "fr",
     "Concernant la banque de candidatures, est-ce que je serais rappelée automatiquement ?"),
    ("Ask: the talent pool -> would I be contacted automatically?", "en", "About the talent pool, would I be contacted automatically?"),
])
def test_round48s_a_notes_topic_then_its_question_is_asked_about_that_topic(notes, lang, asked):
    """« la banque de candidatures = est-ce que … ? » was dropped (round 48's writer): the topic leads the question."""
    assert asked in own_questions(notes, lang)


@pytest.mark.parametrize(("rejection", "lang", "broken"), [
    ("Nous sommes au regret de vous informer que nous ne pouvons y donner une suite favorable. En effet, conformément aux "
     "exigences de notre label qualité, les enseignants intervenant auprès de nos publics adultes doivent être titulaires au "
     "minimum du DAEFLE ou d'un master FLE, diplôme dont vous ne disposez pas à ce jour.", "fr-FR", "dont."),
    ("After careful consideration, we've decided to move forward with other candidates whose experience more closely aligns "
     "with our needs at this time.", "en", "whose."),
    ("Merci d'avoir pris part au processus pour le poste d'analyste en cybersécurité (SOC), réquisition R-2026-58211. "
     "Nous avons apprécié nos échanges.\n\nAprès mûre réflexion, l'équipe a choisi d'aller de l'avant avec une personne qui "
     "possède déjà une expérience pratique de Splunk Enterprise Security dans un SOC fonctionnant 24/7.", "fr", "SOC ?"),
])
def test_round48s_a_reason_cut_on_a_relative_word_or_read_from_the_title_is_never_said(rejection, lang, broken):
    """Round 48's readers scored 1: « le poste exige le diplôme dont. », "more experience in other candidates whose.",
    « Quelle serait la meilleure façon de me former à SOC ? » (the SOC is the role's team, in brackets after its title)."""
    for channel in ("email", "linkedin", "phone"):
        draft = compose(DraftRequest.model_validate({
            "language": lang, "channel": channel, "tone": {"formality": 60, "warmth": 50, "directness": 80, "length": 50},
            "context": {"candidate_name": "Claude Martin", "recruiter_name": "", "company": "Nuvia", "role": "analyste",
                        "interview_date": "2026-10-13", "rejection_message": rejection}}))
        assert broken not in draft.full_text(), draft.full_text()


def test_round48s_news_in_the_notes_is_told_before_the_question_that_speaks_of_it():
    """« Je suis inscrit au DU d'IRM à Montpellier, de janvier à juin 2027. » then « Est-ce que le DU suffirait… ? »: the
    reader could not tell what « le DU » was when the news came last, or not at all."""
    draft = compose(DraftRequest.model_validate({
        "language": "fr-FR", "channel": "email", "tone": {"formality": 85, "warmth": 55, "directness": 60, "length": 75},
        "context": {"candidate_name": "Julien Roche", "recruiter_name": "Dr Lambert", "company": "la Clinique Saint-Roch",
                    "role": "manipulateur en électroradiologie médicale", "interview_date": "2026-11-02",
                    "rejection_message": "Nous avons retenu un candidat disposant déjà d'une expérience confirmée en IRM.",
                    "notes": "Je suis inscrit au DU d'IRM à Montpellier, de janvier à juin 2027.\n"
                             "Question : est-ce que le DU suffirait pour la prochaine fois ?"}}))
    body = draft.body
    assert "inscrit au DU d'IRM à Montpellier, de janvier à juin 2027" in body
    assert body.index("inscrit au DU") < body.index("Le DU suffirait-il"), body


@pytest.mark.parametrize(("notes", "lang", "told"), [
    ("Formation SS4 amiante prévue en janvier (financée par mon employeur actuel).", "fr", "ma formation SS4 amiante est prévue en janvier"),
    ("PMP obtenu en août.", "fr", "j'ai obtenu le PMP en août"),
    ("À mentionner : CISSP en préparation, examen le 15 janvier.", "fr", "je prépare le CISSP, avec un examen le 15 janvier"),
    ("Préavis : 3 mois (cadre), mais mon employeur accepte 6 semaines.", "fr",
     "mon préavis est de trois mois, mais mon employeur accepte de le ramener à six semaines"),
    ("ACLS course booked 12-13 Dec at the hospital's own training centre.", "en", "my ACLS course is booked for 12-13 December"),
    ("Already booked a retest for Feb + doing French classes at lunch.", "en", "I've already booked a retest for February"),
    ("Notice is 4 wks, could do 2.", "en", "my notice period is 4 weeks, but I could make it 2 weeks"),
])
def test_round48s_news_written_as_a_notes_fragment_is_told_in_a_sentence(notes, lang, told):
    """Round 48: most of the candidate's news came as note fragments, and 31 of 48 drafts were marked notes_ignored
    (« Formation SS4 amiante prévue en janvier », "Notice is 4 wks, could do 2" never said)."""
    from rebond.notes_questions import to_mention
    assert to_mention(notes, lang) == told


def test_round48s_a_wish_to_ask_is_no_news():
    """Guard: widening the news (« session », « inscrit ») must not turn « je veux demander si … » into news told."""
    from rebond.notes_questions import to_mention
    assert to_mention("Je veux demander si je peux postuler de nouveau en janvier quand ma session finit.", "fr") == ""


@pytest.mark.parametrize(("company", "rejection", "said"), [
    ("Mzansi Freight Solutions (Pty) Ltd", "The position requires a qualified CA(SA) registered with SAICA.", "Mzansi Freight Solutions"),
    ("Sri Venkateswara Multispeciality Hospital", "We regret to inform you that you have not been selected.", "Sri Venkateswara Multispeciality Hospital"),
    ("Kirkwood Valley Citrus (Pty) Ltd", "No correspondence will be entered into.", "Kirkwood Valley Citrus"),
])
def test_round48s_south_african_and_indian_letters_follow_their_english(company, rejection, said):
    """Round 48's reader: "Sincerely" and "October 30" in Johannesburg, "Dr." in Chennai, "(Pty)" read out on a call."""
    def drafted(channel):
        return compose(DraftRequest.model_validate({
            "language": "en", "channel": channel, "tone": {"formality": 80, "warmth": 50, "directness": 50, "length": 50},
            "context": {"candidate_name": "Thandiwe Dlamini", "recruiter_name": "", "company": company, "role": "accountant",
                        "interview_date": "2026-10-30", "rejection_message": rejection}}))
    email, phone = drafted("email"), drafted("phone")
    assert "\nSincerely," not in email.body and "October 30" not in email.full_text() + phone.full_text()
    assert f"at {said}." in phone.body or f"at {said} " in phone.body or f"{said}." in phone.body, phone.body
    assert "(Pty)" not in phone.body and "Pvt" not in phone.body


def test_round49s_a_diploma_cut_at_its_limit_drops_the_small_word_it_ended_on():
    from rebond.situation import stated_reason
    reason = stated_reason("Cependant, nous devons combler ce poste par une éducatrice qualifiée (DEC en techniques d'éducation "
                           "à l'enfance ou l'équivalent reconnu) afin de respecter le ratio exigé par le ministère de la Famille.", "fr")
    assert reason is not None and not re.search(r"\s(?:ou|l)$", reason.term), reason.term


def test_round49s_a_british_council_is_named_without_the_and_a_long_fragment_is_no_news():
    from rebond.compose import _with_the
    from rebond.notes_questions import to_mention
    assert _with_the("Kent County Council") == "Kent County Council" and _with_the("City of Calgary") == "the City of Calgary"
    # « mon cours du soir d'anglais pro à partir de janvier et TOEIC est prévu fin mars »: two notes, no sentence
    # (Round 51: told whole, as the notes under « Depuis : » are, or not at all; never the broken sentence above.)
    assert to_mention("Cours du soir d'anglais pro à partir de janvier et TOEIC prévu fin mars.", "fr") == (
        "je suivrai des cours du soir d'anglais pro à partir de janvier, et je passe le TOEIC fin mars")


def test_round49s_a_call_from_a_role_named_in_lower_case_brings_its_reason():
    """« Appel de la conseillère RH mardi (1er déc.) : … ils ont pris qqn avec de l'expérience sous terre » was not read
    as the call with the news: the draft asked how to make the praised test « plus solide » (scored 1)."""
    draft = compose(DraftRequest.model_validate({
        "language": "fr", "channel": "email", "tone": {"formality": 40, "warmth": 65, "directness": 85, "length": 40},
        "context": {"candidate_name": "Patrick Gagnon", "recruiter_name": "", "company": "Agnico Eagle",
                    "role": "mécanicien d'équipement lourd", "news_channel": "phone",
                    "notes": "Appel de la conseillère RH mardi (1er déc.) : c'est non pour LaRonde, ils ont pris qqn avec de "
                             "l'expérience sous terre (moi 6 ans à ciel ouvert à Fermont). Elle a dit que mon test pratique en "
                             "diagnostic hydraulique était un des meilleurs."}}))
    assert "sous terre" in draft.body or "expérience" in draft.body, draft.body
    assert "plus solide" not in draft.body, draft.body


@pytest.mark.parametrize(("rejection", "lang", "term"), [
    ("Le poste exige le permis de conduire classe C.", "fr", "le permis de conduire classe C"),
    ("Le poste exige d'être titulaire du permis B.", "fr", "B"),
    ("The role requires a Class A licence.", "en", "a Class A licence"),
])
def test_round49s_trim_keeps_a_capital_letter_that_is_part_of_the_name(rejection, lang, term):
    """Found in review: the trim of a cut (« … ou l ») must not take the letter of « classe C » or « permis B »
    (it did, on one dev draft: « le poste exige d'être titulaire du permis. »). "Class A" is a guard: it passed before."""
    from rebond.situation import stated_reason
    reason = stated_reason(rejection, lang)
    assert reason is not None and reason.term.endswith(term), reason


# ---- round 50 (this stop): the same lines from one request to the next ----

_ROLES = ["Opérateur", "Technicienne de laboratoire", "Commis comptable", "Agent de bord", "Éducatrice en CPE",
          "Analyste de données", "Mécanicien industriel", "Conseillère en ressources humaines"]


def _sentences(text: str) -> set[str]:
    import re
    return {s for s in re.split(r"(?<=[.?!:])\s+|\n+", text) if len(s.split()) >= 4}


@pytest.mark.parametrize("language", ["fr", "fr-FR", "en"])
@pytest.mark.parametrize("channel", ["email", "phone"])
def test_requests_for_other_roles_are_not_worded_alike(language, channel):
    """Round 49's readers, each reading 16 drafts, marked 36 of 48 robotic: every draft on variant 0 took each move's
    first wording, so the same lines came back from one request to the next. Each role now starts from its own
    wordings: across eight roles, no sentence but the role's own comes back in every draft."""
    rejection = ("Nous avons retenu une personne qui détient déjà la certification ASP Construction." if language != "en"
                 else "We went with a candidate who already holds the Red Seal.")
    drafts = [compose(request(language, channel, rejection=rejection, role=role, recruiter="Mme Caron" if language != "en" else "Ms. Caron",
                              notes="Panel de trois personnes, étude de cas." if language != "en" else "Panel of three, case study."))
              for role in _ROLES]
    seen = [_sentences(d.full_text()) for d in drafts]
    # (Not counted: the notes' own questions and the greeting, the same for the same notes and names; a call keeps
    # a few short turns a speaker says every time, « Vous avez deux minutes ? », "Have a good day.")
    shared = {s for s in set.intersection(*seen) if not s.startswith("- ") and "Bérubé" not in s}
    assert len(shared) <= (3 if channel == "phone" else 1), shared
    assert all(d.checks.passed for d in drafts), [[c.name for c in d.checks.failed()] for d in drafts]


def test_a_slider_move_within_its_band_or_a_new_name_rewords_nothing():
    """The wording follows the role, never the sliders or the names: moving warmth from 50 to 55 (one band) or typing
    another name changes no other sentence. (A guard: it passed before, when every draft took the first wordings.)"""
    for role in _ROLES[:4]:
        base = compose(request(role=role, warmth=50)).full_text()
        assert compose(request(role=role, warmth=55)).full_text() == base
        renamed = compose(request(role=role, warmth=50, candidate="Marc Bérubé")).full_text()
        assert renamed == base.replace("Luc Bérubé", "Marc Bérubé")


def test_someone_elses_praise_is_answered_in_the_wording_that_names_no_one():
    """« L'équipe a adoré ton accueil des clients » relayed by the recruiter: « Tes bons mots … » or « Je suis content
    que … t'ait plu » would thank her for words she did not say, whatever wording a role starts from. (A guard on
    variant 0, which took the first wording before; variant 1 thanked her for them.)"""
    rejection = "Bonjour Luc, l'équipe a adoré ton accueil des clients, mais on a choisi quelqu'un d'autre."
    for role in _ROLES:
        for variant in (0, 1):
            body = compose(request(rejection=rejection, recruiter="Julie", role=role, formality=20)).body
            assert "Ça me fait plaisir que mon accueil des clients ait plu" in body, body
            assert "bons mots" not in body and "t'ait plu" not in body and "vous ait plu" not in body


def test_a_role_whose_wordings_fail_a_check_gets_the_first_wordings():
    """A wording a few words shorter took a 30-length e-mail under its band (45 words for 46): the draft falls back on
    each move's first wording when that fails fewer checks."""
    import json
    from pathlib import Path

    from rebond.compose import _compose
    from rebond.models import DraftRequest
    path = Path(__file__).resolve().parents[1] / "evals/blind_review/2026-12-06-round11/requests.jsonl"
    raw = next(row for row in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if row["id"] == "br-k-47")
    raw.pop("id")
    req = DraftRequest.model_validate(raw)
    own = _compose(req, read_situation(req), seeded=True)
    assert not own.checks.get("length_band").passed  # what the fallback is for
    draft = compose(req)
    assert draft.checks.get("length_band").passed and draft.body == _compose(req, read_situation(req), seeded=False).body


def test_a_formal_question_after_a_colon_starts_in_lower_case():
    """« J'ai trouvé l'examen difficile : Comment aurais-je pu mieux m'y prendre ? » (found reading this stop's drafts):
    the inversion capitalised the interrogative after the colon."""
    from rebond.spoken import formal_french
    assert formal_french("- J'ai trouvé l'examen difficile : comment est-ce que j'aurais pu mieux m'y prendre ?") == \
        "- J'ai trouvé l'examen difficile : comment aurais-je pu mieux m'y prendre ?"
    assert formal_french("Sinon, Hydro-Québec est-ce que …") == "Sinon, Hydro-Québec est-ce que …"  # (guard: a name)


def test_the_praise_wording_in_vous_turns_to_tu():
    """« Je suis contente que mon étude de cas vous ait plu » has to turn to « t'ait plu » for a recruiter who wrote
    « tu », or the whole draft stays in « vous »."""
    from rebond.french import tutoyer
    assert tutoyer("Je suis contente que mes réponses vous aient plu !") == "Je suis contente que mes réponses t'aient plu !"


# ---- round 50's readers: the news set under a label, a test's score ----

@pytest.mark.parametrize(("lang", "notes", "told"), [
    ("fr", "Test Excel raté.\nDepuis : inscrite à Excel intermédiaire au centre de formation continue, début 3 nov.",
     "je me suis inscrite à Excel intermédiaire au centre de formation continue"),
    ("fr", "Depuis : formation CACES R489 cat. 5 réservée à l'AFPA, session du 16 au 18 décembre.",
     "j'ai réservé une formation CACES R489 catégorie 5 à l'AFPA, du 16 au 18 décembre"),
    ("fr", "Depuis : révisions pour la certif Microsoft MD-102, examen réservé le 15 décembre.",
     "je prépare la certification Microsoft MD-102, avec un examen le 15 décembre"),
    ("fr", "Depuis : cours d'anglais des affaires 2x/semaine (CPF), TOEIC prévu le 9 janvier.",
     "je suis des cours d'anglais des affaires deux fois par semaine, et je passe le TOEIC le 9 janvier"),
    ("fr", "Depuis : cours du soir d'anglais pro à partir de janvier + TOEIC prévu fin mars.",
     "je suivrai des cours du soir d'anglais pro à partir de janvier, et je passe le TOEIC fin mars"),
    ("en", "Since: CKA exam booked for Dec 6.", "my CKA exam is booked for December 6"),
    ("en", "Since then: enrolled in an online M&E short course (starts mid-Nov).", "I've enrolled in an online M&E short course"),
    ("en", "Since: started a Playwright course + building a sample project on GitHub.", "I've started a Playwright course"),
])
def test_news_set_under_a_label_is_told_as_the_candidates_own(lang, notes, told):
    """Round 50: 7 of 48 requests gave their news under « Depuis : » or "Since:", and no draft told it (readers: "the
    news since the interview is the whole point of writing")."""
    from rebond.notes_questions import to_mention
    assert to_mention(notes, lang) == told


def test_the_news_under_a_label_is_in_the_draft_and_passes_its_checks():
    notes = ("Entretien sur site, visite de l'entrepôt. J'ai le CACES 1 et 3, pas le 5.\n"
             "Depuis : formation CACES R489 cat. 5 réservée à l'AFPA, session du 16 au 18 décembre.")
    rejection = "Le poste nécessite un CACES R489 catégorie 5 valide dès la prise de poste."
    draft = compose(request("fr-FR", rejection=rejection, notes=notes, formality=90, length=40, recruiter="Mme Lefort"))
    assert "j'ai réservé une formation CACES R489 catégorie 5 à l'AFPA, du 16 au 18 décembre" in draft.body, draft.body
    english = compose(request("en", rejection="We went with someone with production Kubernetes experience.",
                              notes="Since: CKA exam booked for Dec 6.", recruiter="Kelsey", length=70))
    assert "my CKA exam is booked for December 6" in english.body, english.body
    # (The notes' "Dec 6" is the draft's "December 6": not a date the person did not enter.)
    assert english.checks.get("no_invented_facts").passed and english.checks.passed


def test_a_date_the_person_never_gave_is_still_caught_when_the_notes_abbreviate_another():
    """A guard for the change above: "Dec 6" in the notes does not cover "December 9"."""
    from rebond.checks import run_checks
    from rebond.models import Channel, Draft, Language
    req = request("en", notes="Since: CKA exam booked for Dec 6.", recruiter="Kelsey")
    draft = Draft(subject="Feedback", body="Hello Kelsey,\n\nMy exam is on December 9.\n\nBest,\nLuc Bérubé",
                  channel=Channel.EMAIL, language=Language.EN, engine="offline")
    assert not run_checks(draft, req).get("no_invented_facts").passed


def test_a_test_score_under_the_bar_is_the_reason_not_a_credential():
    """Round 50 (br-ax-01): « Votre résultat au test de connaissances Excel … se situe sous le seuil de réussite de 70 %
    exigé pour ce titre d'emploi » became « J'ai bien noté que le poste exige le titre d'emploi »."""
    from rebond.situation import stated_reason
    rejection = ("Nous sommes au regret de vous informer que votre candidature n'a pas été retenue. Votre résultat au test "
                 "de connaissances Excel (niveau intermédiaire) se situe sous le seuil de réussite de 70 % exigé pour ce "
                 "titre d'emploi.")
    reason = stated_reason(rejection, "fr")
    assert reason is not None and reason.term_kind == "test" and "Excel" in reason.term, reason
    body = compose(request("fr", rejection=rejection, formality=85)).body
    assert "titre d'emploi" not in body and "test de connaissances Excel" in body, body


# ---- round 51 (this stop): the candidate's own questions, asked in reported speech ----

@pytest.mark.parametrize(("clause", "asked"), [
    ("if language was a factor and whether I could be considered for Mumbai branches where Hindi/English is enough",
     ("Was language a factor?", "Could I be considered for Mumbai branches where Hindi or English is enough?")),
    ("what I could've done better + if part-time weekend dispatch is open", ("What could I have done better?", "Is part-time weekend dispatch open?")),
    ("if they'd take me on as a 4th-year apprentice in the meantime", ("Would you take me on as a 4th-year apprentice in the meantime?",)),
    ("whether they use agency/locum cover I could apply for", ("Do you use agency or locum cover I could apply for?",)),
    ("what the strongest candidate did differently in the role play", ("What did the strongest candidate do differently in the role play?",)),
    ("what kind of M&E exposure they'd look for", ("What kind of M&E exposure would you look for?",)),
    ("if there's training on S7 if I go for it again, & how I did on the fault finding",
     ("Is there training on S7 if I go for it again?", "How did I do on the fault finding?")),
    ("if I'm still in the running", ("Am I still in the running?",)),
    ("which specific areas to improve", ("Which specific areas should I improve?",)),
    ("what made you pick someone else for PC", ("What made you pick someone else for PC?",)),
    ("if it was the whiteboard or the level (senior vs staff?)", ("Was it the whiteboard or the level?",)),
    ("what does being on the panel mean in practice, how long does it last, and what should I work on for next time",
     ("What does being on the panel mean in practice?", "How long does it last?", "What should I work on for next time?")),
])
def test_english_reported_questions_are_asked_directly(clause, asked):
    """Round 50's readers: "Want to ask politely if language was a factor and whether I could be considered for Mumbai
    branches" left out, or said in passing after a generic list (14 of 16 English drafts with such notes)."""
    from rebond.notes_questions import indirect_questions_en
    assert indirect_questions_en(clause) == asked


@pytest.mark.parametrize("clause", [
    "if it's still open, ask about the timeline, and if it's not me, what I should work on",  # notes to self
    "if any feedback at all poss despite the email",  # no verb
    "what a 3/5 would have looked like",  # a score is no "3 or 5" (asked as noted, or not at all)
])
def test_english_reported_questions_that_cannot_be_said_directly_are_not_broken(clause):
    from rebond.notes_questions import indirect_questions_en
    asked = indirect_questions_en(clause)
    assert all("ask" not in q and "3 or 5" not in q and "poss " not in q for q in asked), asked


@pytest.mark.parametrize(("lang", "notes", "asked"), [
    ("en", "Want to ask politely if language was a factor and whether I could be considered for Mumbai branches where Hindi/English is enough.",
     ("Was language a factor?", "Could I be considered for Mumbai branches where Hindi or English is enough?")),
    ("en", "Ask if they run trainee intakes next year.", ("Do you run trainee intakes next year?",)),
    ("en", "Want to ring back to take up the feedback offer & ask whether they use agency/locum cover I could apply for.",
     ("Do you use agency or locum cover I could apply for?",)),
    ("en", "Want to thank her for calling and take up her offer — ask about the logframe + what kind of M&E exposure they'd look for.",
     ("Do you have any feedback on the logframe?", "What kind of M&E exposure would you look for?")),
    ("en", "Ask Deepak to keep me in mind for the next openings & whether notice period buyout is ever possible.",
     ("Could you keep me in mind for the next openings?", "Is notice period buyout ever possible?")),
    ("en", "Want to connect on LinkedIn + ask to be considered for the next store manager or deputy opening in the region.",
     ("Could I be considered for the next store manager or deputy opening in the region?",)),
    ("en", "Want to know: what does being on the panel mean in practice, how long does it last, and what should I work on for next time.",
     ("What does being on the panel mean in practice?", "How long does it last?", "What should I work on for next time?")),
    ("fr", "Demander direct si c'est les automates qui ont fait la différence, pis si une formation RSLogix changerait qqch.",
     ("Est-ce que ce sont les automates qui ont fait la différence ?", "Est-ce qu'une formation RSLogix changerait quelque chose ?")),
    ("fr", "Veux garder le contact pour l'été + lui demander quoi travailler côté vitesse.", ("Sur quoi devrais-je travailler côté vitesse ?",)),
    ("fr", "Veux savoir ce qui a fait pencher. Offrir de faire du bénévolat en attendant?", ("Qu'est-ce qui a fait pencher la balance ?",)),
    ("fr", "Veux garder le lien pour les remplacements + demander ce qui a pesé dans la décision.", ("Qu'est-ce qui a pesé dans la décision ?",)),
    ("fr", "Je préfère appeler le service RH : demander un retour + s'il y a d'autres postes d'accueil (écoles, CCAS).",
     ("Y a-t-il d'autres postes d'accueil (écoles, CCAS) ?",)),
    ("fr", "Appeler pour demander s'il y a un pool de remplacement (été, congés maternité).", ("Y a-t-il un pool de remplacement (été, congés maternité) ?",)),
    ("fr", "Veux rester en contact + demander un retour sur la note.", ("Auriez-vous un retour à me faire sur la note ?",)),
    ("fr", "Demander : quel score ils attendent + est-ce qu'un poste ADV/logistique export sans négo pourrait convenir?",
     ("Quel score attendez-vous ?", "Est-ce qu'un poste ADV ou logistique export sans négociation pourrait convenir ?")),
])
def test_the_notes_questions_are_found_in_every_shape_round_50_wrote_them(lang, notes, asked):
    """Round 50: 18 of the 34 requests whose notes say what to ask gave the draft no question of theirs."""
    req = request(lang, notes=notes)
    assert read_situation(req).own_questions == asked


def test_a_note_to_self_after_the_question_is_not_asked():
    """« …, et confirmer que je reste intéressée », "… + mention my tickets came through": the rest is no question."""
    req = request("fr", notes="Je veux savoir ce qui a fait pencher la balance, et confirmer que je reste intéressée pour la liste d'attente.")
    assert read_situation(req).own_questions == ("Qu'est-ce qui a fait pencher la balance ?",)
    english = request("en", notes="Want to ask if interviews have happened + mention my chainsaw tickets have now come through.")
    assert "mention" not in read_situation(english).wants_to_ask


def test_the_reported_questions_are_the_drafts_questions_in_every_channel():
    notes = "Want to call the terminal and ask what I could've done better + if part-time weekend dispatch is open."
    for channel in ("email", "linkedin", "phone"):
        draft = compose(request("en", channel, notes=notes, length=60, company="Great Lakes Freight", role="Night Dispatcher",
                                recruiter="Gary"))
        text = draft.full_text()
        # (A LinkedIn note asks both in one sentence of its own: "I wanted to ask what I could've done better and if …")
        assert "part-time weekend dispatch is open" in text if channel == "linkedin" else "Is part-time weekend dispatch open?" in text, text
        assert draft.checks.get("notes_used").passed, text


def test_on_a_list_the_notes_questions_about_it_replace_the_stock_one():
    rejection = ("Following your interview, I am pleased to let you know that you have been placed on the panel for the "
                 "Communications Officer post. Posts are offered from the panel as they arise.")
    notes = "Want to know: what does being on the panel mean in practice, how long does it last, and what should I work on for next time."
    body = compose(request("en", rejection=rejection, notes=notes, length=85)).body
    assert "What does being on the panel mean in practice?" in body and "how the list works" not in body, body


def test_a_range_of_months_is_not_half_written_out():
    assert written_out("revenir faire un essai dans 2-3 mois", "fr") == "revenir faire un essai dans 2-3 mois"


def test_a_noun_that_is_also_a_verb_after_the_determiner_does_not_crash_the_formal_turn():
    """Round 51 (br-ay-28): « Est-ce que le reste de l'entretien était bon ? » raised in a formal letter (« reste »
    read as the verb, « le » as the whole subject); the question is kept as written."""
    assert formal_question("Est-ce que le reste de l'entretien était bon ?") == "Est-ce que le reste de l'entretien était bon ?"
    notes = "Entretien en visio. Demander : est-ce que je peux postuler de nouveau après ? est-ce que le reste de l'entretien était bon ?"
    assert "le reste de l'entretien" in compose(request("fr-FR", notes=notes, formality=90)).body


# ---- round 51's readers: the news since the interview, in every shape the notes give it ----

@pytest.mark.parametrize(("lang", "notes", "told"), [
    ("fr", "Moins bon sur IFRS 9.\nDepuis : examen CFA niveau II réservé pour le 22 août.", "j'ai réservé l'examen CFA niveau II pour le 22 août"),
    ("fr", "Depuis l'entrevue je me suis inscrit au cours de conduite de classe 3 (début le 2 juin), examen pratique prévu le 15 juillet à la SAAQ.",
     "je me suis inscrit au cours de conduite de classe 3, et mon examen pratique est prévu le 15 juillet à la SAAQ"),
    ("fr", "J'ai commencé des cours d'anglais des affaires 2 soirs/sem. À demander : est-ce que c'est seulement l'écrit?",
     "j'ai commencé des cours d'anglais des affaires deux soirs par semaine"),
    ("fr", "test technique HackerRank. depuis j'ai passé la CKAD le 3 fév (réussie !!). Veux savoir si ça change qqch",
     "j'ai réussi la CKAD le 3 février"),
    ("fr", "TOEIC passé en janvier : 780. Je le repasse le 28 juin.", "je repasse le TOEIC le 28 juin"),
    ("fr", "Inscrit à l'école IBODE de Toulouse pour sept. Je voudrais lui demander si un poste serait possible",
     "je suis inscrit à l'école IBODE de Toulouse pour septembre"),
    ("en", "Since then I've booked the MSK injection therapy course for November.", "I've booked the MSK injection therapy course for November"),
    ("en", "Update: my company has agreed to release me in 45 days (notice buyout).", "my company has agreed to release me in 45 days"),
    ("en", "Sitting A213 in June, will have 3 exams after that if I pass.", "I'm sitting A213 in June"),
    ("en", "I'm a candidate member of PIBC, RPP exam booked for Oct 2026.", "my RPP exam is booked for October 2026"),
    ("en", "Enrolled in Spanish 1 at Laney College starting June.", "I've enrolled in Spanish 1 at Laney College, starting in June"),
])
def test_the_news_since_the_interview_is_told_in_every_shape_round_51_wrote_it(lang, notes, told):
    """Round 51: 27 of 48 drafts left the news out; 16 of the requests gave it in shapes no reading knew."""
    from rebond.notes_questions import to_mention
    assert to_mention(notes, lang) == told


@pytest.mark.parametrize(("lang", "notes"), [
    ("fr", "Je suis contractuel, pas titulaire, je me demande si c'est ça."),  # a fact, not news
    ("fr", "Jeu de rôle : j'ai réussi à le faire parler de son stage en boulangerie."),  # the interview, not news
    ("en", "Told them my ACLS lapsed. I think the panel went well."),
])
def test_what_is_not_news_is_not_told_as_news(lang, notes):
    from rebond.notes_questions import news_told
    assert news_told(notes, lang) == ""


def test_news_that_answers_a_practical_reason_follows_it_and_its_question_changes():
    """Round 51 (br-ay-37): "If my availability changes, would it be all right to get back in touch?" after notes
    saying the employer had agreed to release him in 45 days ("it already has changed")."""
    rejection = "We are unable to proceed as the role requires joining within 30 days and your current notice period is 90 days."
    notes = "Tech round was strong. Update: my company has agreed to release me in 45 days (notice buyout)."
    body = compose(request("en", rejection=rejection, notes=notes, formality=95, directness=85, length=75,
                           company="Infosys", role="Technical Lead", recruiter="Ms. Kavita Iyer")).body
    assert "my company has agreed to release me in 45 days" in body and "If my availability changes" not in body, body
    assert body.index("notice period") < body.index("release me in 45 days") < body.index("?"), body


def test_news_an_agency_passed_on_is_not_thanked_to_the_clients_manager():
    """Round 51 (br-ay-06, br-ay-42): « Merci de m'avoir transmis le retour de votre client » to M. Lavoie of
    Hydro-Québec, "Thanks so much for passing this on" to Tom at Monzo: the agency's recruiter sent it."""
    rejection = ("Salut Laurence, j'ai eu un retour d'Hydro ce matin : ils ont choisi quelqu'un avec plus d'expérience sur "
                 "PSS/E. On s'en reparle pour d'autres mandats. — Julie, Randstad")
    body = compose(request("fr", rejection=rejection, recruiter="M. Lavoie", company="Hydro-Québec", role="Ingénieure junior",
                           gender="feminine", notes="Demander si c'est seulement PSS/E ou aussi mon anglais")).body
    assert "votre client" not in body and "transmis" not in body and "Merci pour votre" not in body, body
    assert "PSS/E" in body and "PSS ou E" not in body, body
    # (The agency's own recruiter, named in its message or by the agency's name, is still thanked for it.)
    agency = compose(request("fr", rejection=rejection, recruiter="Julie", company="Hydro-Québec", role="Ingénieure junior")).body
    assert "client" in agency, agency
    voicemail = "Message vocal de l'agence (Robert Half) : le cabinet a choisi quelqu'un de plus fort en anglais écrit."
    told = read_situation(request("fr", rejection=voicemail, news="phone", recruiter="Sophie (Robert Half)"))
    assert told.news == "phone", told
    # guard: a placement test is no agency
    placed = read_situation(request("fr", rejection="Votre résultat au test de placement en anglais est sous le seuil requis.",
                                    recruiter="M. Tremblay"))
    assert placed.news == "written", placed


def test_a_sum_in_the_notes_keeps_its_sign():
    notes = "want to know if it was the role play or the comp number I gave ($165k OTE) and whether I can reapply in Q3"
    text = compose(request("en", notes=notes, recruiter="Dana", company="Salesforce", role="Account Executive")).full_text()
    assert "$165k" in text and "( 165k" not in text, text


def test_a_credential_the_person_chosen_holds_is_not_said_to_be_required():
    """Round 51 (br-ay-01, br-ay-40): « le poste exige le titre CFA » for « un candidat qui détient déjà le titre CFA,
    un atout important »; "the RPP designation is required" for one that "became a deciding factor"."""
    rejection = ("Après les entrevues finales, nous avons retenu un candidat qui détient déjà le titre CFA, un atout important "
                 "pour l'équipe de modélisation.")
    body = compose(request("fr", rejection=rejection, formality=85)).body
    assert "exige" not in body and "retenu un candidat qui détient déjà le titre CFA" in body, body
    english = ("The panel has selected a candidate who holds the RPP designation, which became a deciding factor for this posting.")
    for channel, length in (("email", 60), ("linkedin", 40)):
        text = compose(request("en", channel, rejection=english, length=length, recruiter="Marc Dubois")).body
        # (A 300-character note with no room for the person chosen says what made the difference.)
        assert "required" not in text and ("a candidate who holds the RPP designation" in text
                                           or "the RPP designation made the difference" in text), text


# ---- round 52's readers: questions with no label, news in more shapes ----

@pytest.mark.parametrize(("lang", "notes", "asked"), [
    ("fr", "Test HackerRank 90 min, le 3e pas terminé.\nquelles parties du test étaient faibles? ressources recommandées? délai avant de repostuler?",
     ("Quelles parties du test étaient faibles ?", "Quel est le délai avant de repostuler ?")),
    ("en", "Demo lesson with a Year 9 class.\nhow did the demo lesson come across? was it the classroom management?",
     ("How did the demo lesson come across?", "Was it the classroom management that made the difference?")),
    ("fr", "Ask : c'est quoi la note de passage pour Excel, est-ce que mon nom reste sur la liste d'admissibilité pour d'autres postes?",
     ("Quelle est la note de passage pour Excel ?", "Est-ce que mon nom reste sur la liste d'admissibilité pour d'autres postes ?")),
    ("en", "Ask: how far off was I, would he let me come back and stage on garde manger instead",
     ("How far off was I?", "Would you let me come back and stage on garde manger instead?")),
    ("en", "want to know whether the fintech experience counts at all and whether there's an Associate RM opening",
     ("Does the fintech experience count at all?", "Is there an Associate RM opening?")),
    ("fr", "Veux savoir si c'est le SQL qui a fait la différence, ou autre chose.", ("Est-ce le SQL qui a fait la différence ?",)),
])
def test_the_notes_questions_in_round_52s_shapes_are_asked(lang, notes, asked):
    assert read_situation(request(lang, notes=notes)).own_questions == asked


def test_a_condition_and_its_question_stay_one_question():
    """A guard for the split above: "If I pass A214, can I apply…" is one question."""
    notes = "Ask: if I recertify NL in December, would you consider me again?"
    assert read_situation(request("en", notes=notes)).own_questions == ("If I recertify NL in December, would you consider me again?",)
    assert read_situation(request("fr", notes="Questions : Permis AMF, examen 2 le 12 déc.\nEst-ce que c'était ça le problème?")).own_questions == ()


@pytest.mark.parametrize(("lang", "notes", "told"), [
    ("fr", "Depuis : j'ai booké mon examen AMF pour le 14 avril.", "j'ai réservé mon examen AMF pour le 14 avril"),
    ("fr", "Recyclage CACES prévu le 20 novembre.", "mon recyclage CACES est prévu le 20 novembre"),
    ("fr", "J'ai déménagé depuis à Saint-Hyacinthe, à 15 min de la ferme.", "j'ai déménagé à Saint-Hyacinthe, à 15 minutes de la ferme"),
    ("fr", "Depuis : j'ai lâché ma job au resto, donc mes fins de semaine sont libres.", "mes fins de semaine sont libres"),
    ("en", "Writing my CSMLS exam May 10.", "I'm writing my CSMLS exam on May 10"),
    ("en", "Sat my full licence test last week and passed!!", "I sat my full licence test last week and passed"),
    ("en", "My father's surgery is done now, so I can do rotational shifts including nights.", "I can do rotational shifts including nights"),
])
def test_round_52s_news_is_told(lang, notes, told):
    from rebond.notes_questions import to_mention
    assert to_mention(notes, lang) == told


# ---- round 53's readers: news that settles the reason, news in note fragments, reasons read in more words ----

def test_news_that_settles_the_reason_is_said_on_it_and_asked_about():
    """Round 52 (br-az-40, br-az-14): the licence the reason named was passed, the farm is now 15 minutes away, yet the
    drafts asked "Any advice on how to improve?" and left the news out or said it four lines later."""
    rejection = ("Unfortunately we can't progress your application as the role requires a full NZ driver licence (Class 1) for "
                 "the tanker sampling runs, and you currently hold a restricted licence.")
    notes = "Site visit at the plant. Good chat.\nSat my full licence test last week and passed!!"
    for channel, length in (("linkedin", 45), ("email", 50)):
        body = compose(request("en", channel, rejection=rejection, notes=notes, recruiter="Kiri", company="Fonterra",
                               role="Milk Quality Technician", length=length)).body
        assert "I sat my full licence test last week and passed" in body, body
        assert ("Would that change anything" in body or "Would that help for future openings" in body) and "Any advice on how to improve" not in body, body
        assert len(body) <= 300 or channel != "linkedin", len(body)
    farm = ("L'employeur nous informe qu'il a retenu un candidat demeurant plus près de l'entreprise, la traite débutant à 4 h 30.")
    script = compose(request("fr", "phone", rejection=farm, notes="J'ai déménagé depuis à Saint-Hyacinthe, à 15 min de la ferme.",
                             recruiter="Lise Beaulieu", formality=10, directness=100, length=10)).body
    assert "la distance" in script and script.index("la distance") < script.index("j'ai déménagé à Saint-Hyacinthe"), script
    assert "changer quelque chose" in script, script


def test_news_still_under_way_is_not_said_to_have_settled_it():
    """A guard: enrolled in a course is working on it, not done (« J'y travaille d'ailleurs déjà »)."""
    rejection = "Le poste est désigné bilingue, et l'évaluation de votre anglais oral n'a pas atteint le niveau requis."
    body = compose(request("fr", rejection=rejection, notes="Depuis : inscription au cours d'anglais intensif du soir, session d'hiver.",
                           formality=90, length=70)).body
    assert "j'ai fait mon inscription au cours d'anglais intensif du soir" in body, body
    assert "Bonne nouvelle" not in body and "changer quelque chose" not in body, body
    assert "ma façon de m'exprimer" not in body and "anglais" in body.split("inscription")[0], body


def test_an_invitation_whose_condition_the_news_has_met_is_not_made_again():
    """Round 53 (br-ba-33): "apply again once I've got the ticket" from someone whose SMSTS certificate had come through."""
    rejection = ("The client on this contract requires all supervisors to hold a current SMSTS, and we need someone who can start "
                 "on site without a gap.\n\nWe'll keep your CV on file and I'd encourage you to apply again once you've got the ticket.")
    notes = "Since then: did the SMSTS 5-day course, passed 17 Sept, cert's come through."
    body = compose(request("en", rejection=rejection, notes=notes, recruiter="Jo Whitlock", length=40, directness=80)).body
    assert "once I've got the ticket" not in body and "now that I have it" in body, body
    assert "requires a current SMSTS" in body and "start date" not in body, body
    assert "I've done the SMSTS 5-day course and passed" in body, body


@pytest.mark.parametrize(("lang", "notes", "told"), [
    ("fr", "Depuis : fini mon cours Excel intermédiaire en formation continue au cégep, j'ai l'attestation.",
     "j'ai fini mon cours Excel intermédiaire en formation continue au cégep"),
    ("fr", "Depuis : certif AWS Developer Associate obtenue le 14.", "j'ai obtenu la certification AWS Developer Associate le 14"),
    ("fr", "Depuis : TOEIC passé le 3/10 → 905.", "j'ai passé le TOEIC le 3/10, avec un score de 905"),
    ("fr", "Nouveau : admise à l'école d'IBODE de Lyon pour la rentrée de janvier.", "je suis admise à l'école d'IBODE de Lyon pour la rentrée de janvier"),
    ("fr", "J'ai ma carte de compagnon depuis 2022. Depuis l'entrevue je me suis inscrit à la formation alarme incendie (40 h) au CFP.",
     "je me suis inscrit à la formation alarme incendie au CFP"),
    ("fr", "J'AI MA CARTE maintenant, formation faite le 23 août.", "j'ai ma carte maintenant"),
    ("en", "Since then: cleared ISTQB Advanced Test Automation Engineer last week.", "I cleared ISTQB Advanced Test Automation Engineer last week"),
    ("en", "Since then: did the SMSTS 5-day course, passed 17 Sept, cert's come through.", "I've done the SMSTS 5-day course and passed"),
])
def test_round_53s_news_is_told(lang, notes, told):
    from rebond.notes_questions import to_mention
    assert to_mention(notes, lang) == told


def test_what_was_held_for_years_is_no_news():
    from rebond.notes_questions import to_mention
    assert to_mention("J'ai ma carte de compagnon depuis 2022.", "fr") == ""
    assert to_mention("I've had my forklift licence since 2019.", "en") == ""


@pytest.mark.parametrize(("lang", "rejection", "kind", "term"), [
    # « formation complète à l'interne » is training inside, not an internal hire (br-ba-06)
    ("fr", "Nous avons choisi de poursuivre avec une personne qui possède une expérience pratique de SAP S/4HANA, puisque nous "
           "n'aurons pas la capacité d'offrir une formation complète à l'interne.", "", ""),
    ("fr", "L'employeur nous informe qu'il a retenu un candidat demeurant plus près de l'entreprise.", "location", "la distance"),
    ("en", "Jennifer phoned Tues: failed the road test portion. Everything else passed.", "test", "the road test"),
    ("fr", "M. Rousseau m'a appelé le 20 : pas retenu, « résultats insuffisants aux tests de logique », le reste était bien.", "test", "les tests de logique"),
    ("fr", "Le poste est désigné bilingue, et l'évaluation de votre anglais oral n'a pas atteint le niveau requis.", "language", "anglais"),
    ("fr", "On a besoin de quelqu'un qui a le permis B pour partir seul sur les chantiers avec le fourgon.", "credential_phrase", "le permis B"),
])
def test_round_53s_reasons_are_read(lang, rejection, kind, term):
    from rebond.situation import stated_reason
    reason = stated_reason(rejection, lang)
    assert reason is not None and not reason.internal, reason
    assert (reason.term_kind, reason.term) == (kind, term), reason


def test_a_reason_given_in_a_reported_call_is_read_in_the_notes_shorthand():
    """Round 52 (br-az-16, br-az-25): « ma dispo … bloquait », « Le patron m'a appelé : trop loin »."""
    for notes, gap in (("Mme Dubé m'a appelée la semaine d'après : mon anglais était correct, mais ma dispo (pas les fins de semaine) bloquait.", "availability"),
                       ("Le patron m'a appelé : trop loin (50 km), et pas de véhicule de service pour moi.", "location")):
        situation = read_situation(request("fr", news="phone", notes=notes))
        assert situation.reason is not None and situation.reason.gap == gap, (notes, situation.reason)
    hired = read_situation(request("fr-FR", news="phone", notes="Le Dr Lefort m'a appelée vendredi. Il m'a dit qu'ils prenaient une IBODE diplômée."))
    assert hired.reason is not None and hired.reason.hire == "une IBODE diplômée", hired.reason


@pytest.mark.parametrize(("lang", "notes", "asked"), [
    ("fr-FR", "Essai d'une journée.\nsi je déménage à Angers en mars ça change qq chose ?",
     ("Si je déménage à Angers en mars, est-ce que ça changerait quelque chose ?",)),
    ("en", "Road test failed.\nWaiting period before reapplying? Can I redo only the road test or is it the whole process again?",
     ("Is there a waiting period before I can apply again?", "Can I redo only the road test or is it the whole process again?")),
    ("fr-FR", "À demander : un poste en attendant ? un financement possible par la clinique ?",
     ("Y aurait-il un poste en attendant ?", "Y aurait-il un financement possible par la clinique ?")),
    ("en", "Want to ask if any other project without BFSI requirement + can I be considered directly for future roles",
     ("Is there any other project without BFSI requirement?", "Can I be considered directly for future roles?")),
])
def test_round_53s_questions_are_asked(lang, notes, asked):
    assert read_situation(request(lang, notes=notes)).own_questions == asked


@pytest.mark.parametrize(("question", "formal"), [
    ("C'est quel niveau exact qui est exigé ?", "Quel niveau exact est exigé ?"),
    ("C'était quoi le point faible dans le test ?", "Quel était le point faible dans le test ?"),
    ("C'est quoi la suite ?", "Quelle est la suite ?"),
    ("C'est l'étude de cas qui a pesé ?", "Est-ce l'étude de cas qui a pesé ?"),
])
def test_a_spoken_question_with_quel_or_quoi_is_written_formally(question, formal):
    assert formal_question(question) == formal


def test_a_call_says_ordinals_in_words():
    notes = "M. Rousseau m'a appelé le 20 : pas retenu.\nQuestion : délai pour repasser les tests ? ils acceptent une 2e candidature ?"
    script = compose(request("fr-FR", "phone", news="phone", notes=notes, recruiter="M. Rousseau", formality=70)).body
    assert "deuxième candidature" in script and "2e" not in script, script


def test_a_question_asked_of_the_company_keeps_vous_in_a_draft_in_tu():
    """Round 53 (br-ba-05): « Veux savoir si ils vont engager d'autres compagnons » kept the whole letter in « vous »."""
    notes = "Steve m'a appelé jeudi. Ils ont pris un gars qui a plus d'expérience.\nVeux savoir si ils vont engager d'autres compagnons au printemps."
    body = compose(request("fr", news="phone", notes=notes, recruiter="Steve", formality=10)).body
    assert "ton appel" in body and "Est-ce que vous allez engager d'autres compagnons au printemps ?" in body, body


def test_an_australian_offer_of_relief_work_is_taken_up_by_name_and_dated_day_first():
    rejection = ("Thanks so much for coming in on Tuesday. We've gone with another applicant for this role.\n\nI'd genuinely love to "
                 "keep in touch, and I'll flag you for relief work in Term 1 if you're keen.\n\nCheers,\nBec")
    req = request("en", rejection=rejection, recruiter="Bec", company="Banksia Ridge College", date="2026-11-10", formality=0, length=40)
    body = compose(req).body
    assert british(req) and "relief work in Term 1" in body and "10 November" in body, body


# ---- round 54's readers: an offer denied, the verb « permis de », abbreviations, the call's news on its reason ----

def test_an_offer_denied_is_no_offer():
    """Round 54 (br-bb-15): « pas de formation payée cette fois » gave « votre proposition m'intéresse beaucoup »."""
    notes = ("Ferland a appelé lundi matin. Raison: ils prennent seulement du monde avec la classe 2 déjà en poche pour la liste "
             "d'automne, pas de formation payée cette fois\nmoi j'ai passé l'examen théorique classe 2 le 29 sept, pratique bookée le 24 oct\n"
             "question: si j'ai ma classe 2 en nov, je rentre sur la liste d'hiver? faut-il refaire toute l'entrevue?")
    situation = read_situation(request("fr", "phone", news="phone", notes=notes, recruiter="M. Ferland"))
    assert situation.invited_back != "offer" and situation.reason is not None, situation
    assert situation.reason.hire == "des candidats avec la classe 2 déjà en poche pour la liste d'automne", situation.reason
    assert situation.own_questions[0] == "Si j'ai ma classe 2 en novembre, je rentre sur la liste d'hiver ?", situation.own_questions
    script = compose(request("fr", "phone", news="phone", notes=notes, recruiter="M. Ferland", length=65)).full_text()
    assert "proposition" not in script, script
    assert script.index("classe 2 déjà en poche") < script.index("j'ai passé l'examen théorique classe 2 le 29 septembre"), script


def test_what_a_test_did_not_permit_is_no_licence():
    """Round 54 (br-bb-27): « ce que le test pratique n'a pas permis de confirmer » was read as a « permis »."""
    from rebond.situation import stated_reason
    reason = stated_reason("Le poste nécessite une maîtrise avancée de Power BI (DAX, modélisation) dès la prise de fonction, "
                           "ce que le test pratique n'a pas permis de confirmer.", "fr")
    assert reason is not None and reason.term == "Power BI" and reason.term_kind not in ("licence", "certification"), reason
    assert stated_reason("Le poste exige le permis de conduire B.", "fr").term == "le permis de conduire B"


def test_a_category_abbreviation_does_not_end_the_reason():
    reason = read_situation(request("fr-FR", rejection="Le poste exige le CACES R489 cat. 3 et 5 à jour, que vous n'avez pas.")).reason
    assert reason is not None and "catégories 3 et 5" in reason.term, reason


def test_the_notes_anglicism_and_abbreviated_months_are_written_out():
    from rebond.notes_questions import to_mention
    assert to_mention("mon examen de qualification CCQ est booké pour le 22 avril!!", "fr") == \
        "mon examen de qualification CCQ est réservé pour le 22 avril"


def test_an_alliance_takes_its_article():
    from rebond.french import Organisation
    assert Organisation.parse("Alliance pour l'habitation communautaire de Lanaudière").at.startswith("à l'Alliance")
    assert Organisation.parse("Groupe Lépine & Fils").at == "chez Groupe Lépine & Fils"  # (as the checker set labels it)


# ---- round 55's readers: the notes' third person, the candidate's own line in a reported call, "appoint" ----

@pytest.mark.parametrize(("lang", "notes", "asked"), [
    ("fr-FR", "Q : est-ce que le DU suffirait pour eux ?", ("Est-ce que le DU suffirait pour vous ?",)),
    ("fr", "Q : est-ce que le CKAD changerait qqch pour eux?", ("Est-ce que le CKAD changerait quelque chose pour vous ?",)),
])
def test_the_notes_them_is_the_recruiters_you(lang, notes, asked):
    """Round 55 (br-bc-07, br-bc-19): « pour eux » pasted into a letter to the people it meant."""
    assert read_situation(request(lang, notes=notes)).own_questions == asked


def test_a_test_that_would_help_them_helps_you():
    notes = "depuis : cours d'anglais\ndemander si un test d'anglais officiel les aiderait?"
    assert "vous aiderait" in " ".join(read_situation(request("fr", notes=notes)).own_questions)


def test_the_candidates_own_labelled_line_in_a_reported_call_is_no_reason():
    """Round 55 (br-bc-28): « déménagement : j'habite à 10 min de la crèche » read as the recruiter's distance."""
    notes = ("Mme Ferrand (directrice) m'a appelée hier soir, pas retenue mais « c'était serré »\n"
             "question sur les PAI -> j'ai hésité\n"
             "déménagement : j'habite à 10 min de la crèche depuis le 1er oct (avant 45 min), donc l'ouverture à 7h c'est plus un souci")
    assert read_situation(request("fr-FR", "phone", news="phone", notes=notes, recruiter="Mme Ferrand")).reason is None


def test_a_candidate_appointed_is_the_person_chosen():
    rejection = ("After much deliberation we have decided to appoint a candidate who is fully fluent in isiZulu. The panel felt "
                 "that home-language fluency was essential for the coaching component.")
    reason = read_situation(request("en", rejection=rejection, recruiter="Dr Naidoo")).reason
    assert reason is not None and reason.hire == "a candidate who is fully fluent in isiZulu", reason
    body = compose(request("en", rejection=rejection, recruiter="Dr Naidoo", notes="ask about Gauteng programme – when?")).body
    assert "your comment about how I came across" not in body and "about the Gauteng programme" in body, body


def test_irish_and_australian_cues_date_day_first_and_dela_is_a_particle():
    """Round 55 (br-bc-36, br-bc-44, br-bc-40): "October 24" to an Irish hotel, "August 13" to an Australian centre,
    "Ms. Cruz" for Ms dela Cruz."""
    irish = request("en", rejection="Thanks a million for coming in for the trial shift. We've gone with someone else.",
                    recruiter="Siobhán", company="the Linnane Arms Hotel", date="2026-10-24")
    assert british(irish) and "24 October" in compose(irish).body
    aussie = request("en", "phone", rejection="Thanks heaps for coming in Thurs. We've offered the position to another educator.",
                     recruiter="Jodie", company="Little Wattles Early Learning", date="2026-08-13")
    assert british(aussie) and "13 August" in compose(aussie).body
    filipino = request("en", "linkedin", rejection="Thank you for your time. We will not be proceeding with your application.",
                       recruiter="Ms dela Cruz", company="Bayanihan Shared Services Inc.")
    assert "dela Cruz" in compose(filipino).body.split("\n")[0]
