"""What round 31's readers found most (19 of 48 comments): an offer left unnamed or not taken up, a no-feedback
policy asked past as if unread, and "what was I missing?" asked of a recruiter who said the team was simply full."""

import pytest

from rebond.checks import run_checks
from rebond.compose import compose
from rebond.models import DraftRequest, InterviewContext, Tone
from rebond.situation import invited_action, read_situation


def request(language="fr", channel="email", rejection="", notes="", news="written", recruiter="Mme Gendron", **tone):
    return DraftRequest(
        language=language, channel=channel,
        context=InterviewContext(candidate_name="Jérôme Lévesque", recruiter_name=recruiter, company="la Chèvrerie du Rang 9",
                                 role="Trayeur", interview_date="2026-11-12", rejection_message=rejection, notes=notes,
                                 news_channel=news, candidate_gender="masculine"),
        tone=Tone(**tone),
    )


@pytest.mark.parametrize(("language", "rejection", "expected"), [
    # The recruiter's « vous » is the candidate's « me »; the clause after the comma is the recruiter's own.
    ("fr", "Si vous voulez venir donner un coup de main comme bénévole pendant les chevrotages cet hiver pour vous "
           "faire la main, on serait contents.",
     "venir donner un coup de main comme bénévole pendant les chevrotages cet hiver pour me faire la main"),
    # "our" is the recruiter's: "your" in the answer.
    ("en", "You're welcome to come shadow a Saturday shift with our team if you'd like.",
     "come shadow a Saturday shift with your team"),
    ("en", "If you'd like to be considered for a temporary position, just let me know.",
     "be considered for a temporary position"),
    # What other wordings answer (a new application, a call) is not restated.
    ("en", "Feel free to apply again next year.", ""),
    ("fr", "N'hésitez pas à nous réécrire en mars.", ""),
    # No infinitive: nothing to restate.
    ("fr", "Si tu veux qu'on en jase, appelle-moi à la station.", ""),
    # The candidate's aim, with the offer in the clause after it: not the thing offered.
    ("en", "If you would like to build experience in hospice care, we would be glad to welcome you to our volunteer "
           "program or to our upcoming education sessions.", ""),
    # "that" names nothing the answer can say; « votre » is « mon » or « ma »: not guessed.
    ("en", "If you'd like to be considered for that, just let me know.", ""),
    ("fr", "N'hésitez pas à venir présenter votre portfolio un samedi.", ""),
])
def test_what_the_recruiter_invites_is_read_in_the_candidates_words(language, rejection, expected):
    assert invited_action(rejection, language) == expected


def test_an_invitation_to_do_something_is_taken_up_by_name():
    rejection = ("Bonjour Jérôme,\n\nNous avons décidé d'offrir le poste à une autre personne. Honnêtement ça s'est joué "
                 "sur l'expérience des chevrotages.\n\nSi vous voulez venir donner un coup de main comme bénévole pendant "
                 "les chevrotages cet hiver pour vous faire la main, on serait contents.\n\nLucie Gendron")
    for channel in ("email", "linkedin", "phone"):
        draft = compose(request(channel=channel, rejection=rejection, length=70))
        text = draft.body
        assert "coup de main comme bénévole pendant les chevrotages" in text, (channel, text)
        assert "pour me faire la main" in text
        failed = [c.name for c in run_checks(draft, request(channel=channel, rejection=rejection, length=70)).failed()]
        assert "recruiter_answered" not in failed and "future_openness" not in failed, (channel, failed)


def test_an_offer_that_names_a_post_that_may_open_is_that_post():
    rejection = ("Nous avons fait le choix d'un candidat ayant déjà plusieurs années d'expérience en cave d'affinage.\n\n"
                 "Sachez qu'un poste de fromager en fabrication pourrait s'ouvrir au printemps ; si cela vous intéresse, "
                 "je vous invite à me le faire savoir.\n\nNadine Cuenot")
    req = request(language="fr-FR", rejection=rejection, recruiter="Mme Cuenot")
    assert read_situation(req).invited_back == "opening"
    assert "poste de fromager en fabrication" in compose(req).body
    assert "Votre proposition" not in compose(req).body


@pytest.mark.parametrize(("language", "rejection", "said"), [
    ("fr", "Bonjour Rosalie,\nMerci pour ta candidature et ta visite à l'atelier. Nous avons retenu une autre candidature. "
           "Compte tenu du volume de candidatures reçues, nous ne pouvons malheureusement pas offrir de rétroaction "
           "individuelle.\nBonne continuation,\nFrance Drouin", "Je sais que vous ne"),
    ("fr-FR", "Bonjour,\n\nAprès examen de l'ensemble des candidatures, nous avons le regret de vous informer que votre "
              "profil n'a pas été retenu.\n\nCompte tenu du nombre important de candidatures reçues (plus de 140), nous ne "
              "sommes malheureusement pas en mesure de faire des retours individualisés.\n\nAurélie Masson",
     "Je sais que vous ne"),
    ("en", "Dear Georgia\nThank you for coming for interview. I'm sorry to say that on this occasion you have not been "
           "successful. Due to the number of applicants we are unable to give individual feedback.\nKind regards\nSue",
     "individual feedback"),
])
def test_a_linkedin_note_says_it_knows_the_policy_before_asking(language, rejection, said):
    req = request(language=language, channel="linkedin", rejection=rejection, recruiter="Mme Drouin", length=60)
    assert read_situation(req).no_feedback
    assert said in compose(req).body


def test_an_email_with_one_open_ask_says_the_policy_once():
    rejection = ("Nous ne sommes malheureusement pas en mesure de faire des retours individualisés. Nous vous souhaitons une "
                 "bonne continuation.\n\nAurélie Masson")
    body = compose(request(language="fr-FR", rejection=rejection, directness=0, length=60, recruiter="Aurélie Masson")).body
    assert "retour individuel, mais je me permets de vous poser la question" in body
    assert "si vous aviez tout de même un moment" not in body  # "if you have a moment" is the ask's, said once


@pytest.mark.parametrize(("language", "news", "rejection", "notes", "acknowledged"), [
    ("fr-FR", "phone", "(appel de Jean-Marc, chef des pistes, le 28/11) pas retenu pour le début de saison, l'équipe est "
                       "bouclée. mais je suis 1er sur la liste d'attente en cas de désistement.", "",
     "toutes les places étaient déjà prises"),
    ("fr", "phone", "", "Visite de l'atelier. Il m'a appelée hier : ils prennent juste un apprenti cette année pis c'est "
                        "pas moi. Il a dit que je suis « la prochaine sur la liste » si la subvention passe en janvier.",
     "toutes les places étaient déjà prises"),
    ("en", "written", "Thanks for coming in. We only have one spot this season and we rehired last year's crew.", "",
     "all the places were already taken"),
])
def test_a_full_team_is_understood_and_nothing_is_asked_as_missing(language, news, rejection, notes, acknowledged):
    for channel in ("email", "linkedin", "phone"):
        req = request(language=language, channel=channel, rejection=rejection, notes=notes, news=news, length=70)
        situation = read_situation(req)
        assert situation.reason is not None and situation.reason.gap == "capacity"
        body = compose(req).body
        assert acknowledged in body, (channel, body)
        assert "manqué" not in body and "missing" not in body
        assert "stated_reason_used" not in [c.name for c in run_checks(compose(req), req).failed()]
    if "liste" in rejection + notes:
        assert situation.invited_back == "keep"  # « je suis 1er sur la liste d'attente »: the list, thanked


@pytest.mark.parametrize(("language", "notes", "mention"), [
    # A label with « À », and the candidate's own news told with a possessive; the comma splice after « que » mended.
    ("fr", "Entrevue devant un comité.\nÀ mentionner : ma fille commence la garderie en janvier, je peux maintenant "
           "faire les fins de semaine !",
     "ma fille commence la garderie en janvier ; je peux maintenant faire les fins de semaine"),
    # The aside in brackets is the notes', not the message's.
    ("fr-FR", "Dire que mon BPJEPS est validé depuis vendredi (dernier jury).", "mon BPJEPS est validé depuis vendredi"),
    # A doubt's question mark is not carried over.
    ("fr", "Mentionner que j'ai eu ma carte ASP Construction entre-temps ? Pas sûr si c'est pertinent.",
     "j'ai eu ma carte ASP Construction entre-temps"),
])
def test_what_the_notes_say_to_mention_is_found_in_new_words(language, notes, mention):
    req = request(language=language, notes=notes)
    assert read_situation(req).to_mention == mention


@pytest.mark.parametrize("notes", [
    "M. Lévesque a dit à la fin de la 2e entrevue qu'il me reviendrait avant les Fêtes. On est le 6 janvier, rien.",
    "Le président (Gilles) m'a dit « on se rappelle la semaine prochaine ». 3 semaines, rien.",
])
def test_silence_written_as_a_date_or_a_count_then_nothing_is_a_follow_up(notes):
    req = request(language="fr", notes=notes, news="unknown")
    assert read_situation(req).undecided
    body = compose(req).body
    assert "regrette" not in body and "aurais aimé" not in body and "manqué" not in body  # (no rejection assumed)


def test_a_promise_of_next_week_is_recalled_as_the_following_week():
    req = request(language="fr-FR", notes="Gilles m'a dit « on se rappelle la semaine prochaine ». 3 semaines, rien.",
                  news="unknown")
    assert read_situation(req).promised == "pour la semaine suivante"


@pytest.mark.parametrize("notes", [
    "Appel de Sophie (RH) ce midi : pas retenue, elle m'a dit qu'ils ont pris une candidate interne.",
    "Essai en cuisine samedi. Le chef, M. Royer, m'a appelé lundi : il prend une candidate interne.",
])
def test_a_call_report_in_new_words_is_the_news(notes):
    req = request(language="fr-FR", notes=notes, news="phone")
    situation = read_situation(req)
    assert situation.reason is not None and situation.reason.gap == "internal"


@pytest.mark.parametrize(("language", "notes", "mention"), [
    # The candidate's news since the interview, told without a label: a course, an exam, a degree, with when.
    ("fr", "Entrevue avec Laurent. Je fais la formation loi ALUR ce mois-ci.", "je fais la formation loi ALUR ce mois-ci"),
    ("en", "Panel of 3. I finish my RTPI-accredited MSc in Feb.", "I finish my RTPI-accredited MSc in February"),
    ("en", "My Tue/Thu uni lectures end in January!! so I could do the club from then.",
     "my Tuesday and Thursday uni lectures end in January"),
    # A labelled mention after « + », its month written out.
    ("en", "Nothing since. Want to follow up + mention I can start Jan 4.", "I can start January 4"),
    # What follows a comma is another note.
    ("fr", "J'ai mon DEP en assistance technique en pharmacie depuis juin, stage chez Uniprix à Matane.",
     "j'ai mon DEP en assistance technique en pharmacie depuis juin"),
    # Not news: bad news, a feeling, what the interview was, what was said then.
    ("fr", "Mon cours de premiers soins est expiré depuis janvier et c'est obligatoire avant le 1er juin.", ""),
    ("en", "I think my exam answers were weak since I rushed.", ""),
    ("fr", "J'avais dit pas de samedi à cause de la garde de mon fils depuis janvier.", ""),
])
def test_the_candidates_news_since_the_interview_is_said(language, notes, mention):
    assert read_situation(request(language=language, notes=notes)).to_mention == mention


def _follow_up(language, channel, length):
    notes = ("Entrevue le 12 novembre. Elle devait me répondre « d'ici vendredi ». Toujours rien." if language != "en"
             else "Interview Nov 12. She said I'd hear back by Friday. Still nothing.")
    return request(language=language, channel=channel, notes=notes, news="unknown", length=length)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_short_follow_up_checks_in_without_a_resigned_if_im_not_selected(language):
    for channel in ("email", "phone"):
        req = _follow_up(language, channel, length=30)
        draft = compose(req)
        assert read_situation(req).undecided
        assert "retenue" not in draft.body and "not selected" not in draft.body and "wasn't selected" not in draft.body
        failed = [c.name for c in run_checks(draft, req).failed()]
        assert "feedback_request" not in failed and "improvement_framing" not in failed, failed
    # A longer one still asks, for the case of a no, what to improve.
    long = compose(_follow_up(language, "email", length=80)).body
    assert ("retenue" in long) if language != "en" else ("selected" in long)


def test_a_called_follow_up_does_not_ask_twice_where_things_stand():
    body = compose(_follow_up("fr", "phone", length=30)).body
    assert "Est-ce qu'une décision a été prise" not in body  # « où en est le processus » already asks it
    assert "moment où la décision sera prise" in body


def test_a_follow_up_that_asks_nothing_fails_the_checks():
    req = _follow_up("fr", "email", length=30)
    draft = compose(req).model_copy(update={"body": "Bonjour Madame Gendron,\n\nLe poste m'intéresse toujours.\n\nJérôme"})
    failed = [c.name for c in run_checks(draft, req).failed()]
    assert "feedback_request" in failed  # checking in means asking where things stand


def test_an_explained_reason_is_followed_by_a_question_that_points_at_nothing_unnamed():
    rejection = ("Merci pour ta visite au dépanneur. On garde l'autre candidat parce qu'il fait déjà les livraisons "
                 "du samedi pour mon frère.")
    body = compose(request(language="fr", rejection=rejection, directness=60, length=50)).body
    assert "Au-delà de ce point" not in body and "tout de même quelque chose que je pourrais améliorer" in body


def test_an_encouragement_to_sign_up_is_taken_up_and_a_list_that_chose_the_hire_is_not_thanked():
    rejection = ("Je dois malheureusement vous informer que le poste a été attribué à une enseignante inscrite sur notre "
                 "liste de priorité d'emploi, comme le prévoit la convention collective. Je vous encourage à vous inscrire "
                 "à notre banque de suppléance, ce qui vous permettrait d'accumuler de l'expérience.")
    assert invited_action(rejection, "fr") == "m'inscrire à votre banque de suppléance"
    body = compose(request(rejection=rejection, length=60)).body
    assert "liste de priorité" not in body  # the hire's list, not the candidate's
    assert "m'inscrire à votre banque de suppléance" in body
    # Advice and a new application are answered by other wordings.
    assert invited_action("We encourage you to continue exploring opportunities at Amazon.", "en") == ""
    assert invited_action("Nous vous invitons à maintenir vos disponibilités à jour dans le portail.", "fr") == ""


def test_a_file_that_stays_active_in_the_bank_is_a_kept_profile():
    rejection = ("Le contrat a été octroyé à une enseignante inscrite sur la liste de priorité d'emploi. Votre dossier "
                 "demeure actif dans notre banque de suppléance.")
    assert read_situation(request(rejection=rejection)).invited_back == "keep"


@pytest.mark.parametrize(("language", "rejection", "gap", "said"), [
    # The organisation's time to train is not the candidate's availability: the hire is the reason.
    ("fr-FR", "Nous avons fait le choix d'un candidat déjà opérationnel sous Archicad : avec deux concours à rendre en "
              "janvier, nous n'avons pas la disponibilité pour former quelqu'un dans l'immédiat.", "hire", "Archicad"),
    # « à l'aise en anglais » needed is a language level, not experience.
    ("fr", "Vous avez de belles compétences cliniques, mais nous avons besoin d'une physiothérapeute parfaitement à l'aise "
           "en anglais : une bonne partie de nos patients sont anglophones.", "language", "anglais"),
    # A failed test is named as the test, never « vos remarques sur mes réponses en entrevue ».
    ("fr", "Votre résultat à l'épreuve d'aptitude physique (ascension chronométrée) n'a pas atteint le seuil requis pour "
           "ce poste.", "test", "l'épreuve d'aptitude physique"),
])
def test_round_32s_misread_reasons_are_read(language, rejection, gap, said):
    req = request(language=language, rejection=rejection)
    reason = read_situation(req).reason
    assert reason is not None and reason.gap == gap, reason
    body = compose(req).body
    assert said in body and "disponibilités" not in body and "mes réponses" not in body


def test_a_hire_comfortable_in_a_language_stays_the_hire():
    rejection = ("On a finalement décidé de partir sur un profil qui a déjà géré un déménagement de bureaux et qui est "
                 "vraiment à l'aise en anglais, vu que la moitié de l'équipe est à Berlin.")
    assert read_situation(request(language="fr-FR", rejection=rejection)).reason.gap == "hire"


@pytest.mark.parametrize(("language", "named", "again"), [("fr", "Chèvrerie du Rang 9", "chez vous"), ("en", "Rang 9", "with you")])
def test_the_open_door_does_not_name_the_organisation_twice(language, named, again):
    rejection = "Nous avons retenu une autre candidature." if language == "fr" else "We went with another candidate."
    body = compose(request(language=language, rejection=rejection, warmth=10, length=40)).body
    assert body.count(named) == 1 and again in body, body


@pytest.mark.parametrize("rejection", [
    "Conformément à la convention collective, le poste a été octroyé à une personne inscrite sur la liste de priorité "
    "d'emploi. Votre candidature demeure admissible à notre banque de remplacement.",
    "The position went to a colleague on our recall list, per the collective agreement.",
])
def test_a_post_given_by_priority_is_no_gap_to_ask_about(rejection):
    language = "en" if rejection.startswith("The") else "fr"
    req = request(language=language, rejection=rejection)
    assert read_situation(req).reason.gap == "internal"
    body = compose(req).body
    assert "manqué" not in body and "missing" not in body


def test_a_percentage_survives_in_the_hires_description():
    from rebond.situation import hired_as_said_by_candidate
    said = hired_as_said_by_candidate("Ils prennent quelqu'un qui accepte la rotation jour/nuit à 50 %. Moi j'avais dit non.",
                                      "fr", chosen_only=True)
    assert said.endswith("à 50\u00a0%")


@pytest.mark.parametrize(("notes", "wanted"), [
    # Guesses in brackets with question marks are the notes' own: cut whole, not at their first « ? ».
    ("Je voudrais appeler le service recrutement pour savoir quelle partie des tests j'ai ratée (temps de réaction ? "
     "attention partagée ?) et au bout de combien de temps je peux les repasser.",
     "quelle partie des tests j'ai ratée et au bout de combien de temps je peux les repasser"),
    ("J'aimerais lui demander s'il y a des façons de mieux connaître le territoire (formations? bénévolat l'été?) pis "
     "s'il y a des postes où ils prennent du monde de l'extérieur.",
     "s'il y a des façons de mieux connaître le territoire et s'il y a des postes où vous prenez du monde de l'extérieur"),
])
def test_a_wanted_question_with_bracketed_guesses_is_asked_whole(notes, wanted):
    assert read_situation(request(notes=notes)).wants_to_ask == wanted


@pytest.mark.parametrize("notes", [
    "Ms Okonkwo said they'd decide by the end of the month, it's now 9 Dec. Just a nudge.",
    "Interview with Gail on Dec 1, she said I'd hear about the medical next. Nothing for 2 weeks.",
])
def test_a_nudge_after_silence_is_a_follow_up(notes):
    req = request(language="en", notes=notes, news="unknown")
    assert read_situation(req).undecided
    assert "sorry" not in compose(req).body.lower()


def test_a_relaxed_follow_up_to_someone_on_first_name_terms_says_tu():
    req = request(language="fr", channel="linkedin", notes="Il m'avait dit « on te revient la semaine prochaine ». "
                  "Ça fait 2 semaines, rien.", news="unknown", recruiter="Alexandre", formality=0)
    body = compose(req).body
    assert read_situation(req).undecided
    assert "Sais-tu" in body or "sais-tu" in body or " tu " in body, body
    assert " vous " not in body and "Savez-vous" not in body


def test_a_formal_letter_asks_the_notes_question_with_the_inversion():
    notes = "Entretien avec la DRH. À demander : est-ce qu'il y aurait des contrats de remplacement ?"
    req = request(language="fr-FR", notes=notes, rejection="Nous avons retenu une autre candidature.", formality=100)
    draft = compose(req)
    assert "Y aurait-il des contrats de remplacement ?" in draft.body
    assert "notes_used" not in [c.name for c in run_checks(draft, req).failed()]


def test_an_invitation_with_an_aside_in_brackets_keeps_its_noun():
    rejection = ("Unfortunately your National Lifeguard certification expires in January. You're welcome to apply to our "
                 "Lifeguard (non-supervisory) postings, open until Nov 30.")
    situation = read_situation(request(language="en", rejection=rejection))
    assert situation.invite_for == "to your Lifeguard postings"


def test_ok_for_in_a_mention_is_written_out():
    notes = "Pas de nouvelles. Relancer poliment, rappeler que je peux commencer tout de suite et que je suis aussi ok pour un renfort."
    assert "disponible pour un renfort" in read_situation(request(language="fr-FR", notes=notes, news="unknown")).to_mention


@pytest.mark.parametrize(("rejection", "british"), [
    ("Dear Georgia, thank you for attending. The NHS Trust has appointed another candidate.", True),
    ("Dear Georgia, the County Council has decided to appoint another candidate.", True),
    ("Dear Georgia, Northgate Minerals Ltd. went with another candidate; your WHMIS is noted.", False),
    ("Hi Georgia, the programmer role went to someone else.", False),
])
def test_a_british_recipient_gets_british_dates_and_titles(rejection, british):
    req = request(language="en", rejection=rejection, recruiter="Mrs. Hartley", formality=90)
    body = compose(req).body
    assert ("12 November" in body and "Mrs Hartley" in body) if british else ("November 12" in body and "Mrs. Hartley" in body), body
