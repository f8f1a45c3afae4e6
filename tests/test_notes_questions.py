"""What the notes say the candidate wants to ask or to say, asked and said: round 28's readers found "notes used" in
3 drafts of 21 — the questions a candidate lists (« À demander : … ? », "Want to ask: …?") replaced by generic ones."""

import pytest

from rebond.checks import run_checks
from rebond.compose import compose
from rebond.models import DraftRequest, InterviewContext, Tone
from rebond.notes_questions import own_questions, to_mention
from rebond.situation import read_situation


def request(language="fr", channel="email", notes="", rejection="", recruiter="Mme Lefebvre", news="written",
            company="Desjardins", role="Analyste de données", **tone):
    return DraftRequest(
        language=language, channel=channel,
        context=InterviewContext(candidate_name="Léa Tremblay", recruiter_name=recruiter, company=company, role=role,
                                 interview_date="2026-11-12", notes=notes, rejection_message=rejection,
                                 news_channel=news),
        tone=Tone(**tone),
    )


@pytest.mark.parametrize(("language", "notes", "expected"), [
    # A label, then direct questions; « ils » is the organisation, said « vous »; a doubt in brackets is left out.
    ("fr", "Visite de l'entrepôt, test de chariot. Questions : est-ce qu'ils engagent des saisonniers en mars? "
           "est-ce que mon test était trop lent (je pense que oui)?",
     ("Est-ce que vous engagez des saisonniers en mars ?", "Est-ce que mon test était trop lent ?")),
    # "they" is said "you"; an if-clause gets its comma; a slash reads "or".
    ("en", "Panel went ok. Want to ask: if I finish the HACCP course by April would they take me for a line/prep "
           "shift? Also is the night shift still open?",
     ("If I finish the HACCP course by April, would you take me for a line or prep shift?",
      "Is the night shift still open?")),
    # Note-speak and fragments are left out rather than sent broken.
    ("fr", "À demander : c'est quoi qui a pas marché? le budget? est-ce qu'il existe une liste de rappel?",
     ("Est-ce qu'il existe une liste de rappel ?",)),
    # A question with no label is the candidate musing, not a question for the recruiter.
    ("en", "I rambled on the budget question, was it too long? They seemed rushed.", ()),
])
def test_the_questions_the_notes_list_are_found_and_said_to_the_recruiter(language, notes, expected):
    assert own_questions(notes, language) == expected


def test_an_email_asks_the_candidates_own_questions_instead_of_generic_ones():
    notes = ("Entrevue en panel. À demander : est-ce qu'ils prennent des stagiaires l'été? "
             "Est-ce que mon portfolio était trop long?")
    draft = compose(request(notes=notes, directness=20))  # (asked even below the list's directness)
    assert "- Est-ce que vous prenez des stagiaires l'été ?\n- Est-ce que mon portfolio était trop long ?" in draft.body
    assert "mieux formuler" not in draft.body and "mon expérience" not in draft.body
    for name in ("feedback_request", "improvement_framing", "notes_used"):
        assert draft.checks.get(name).passed, (name, draft.body)


def test_a_draft_in_tu_keeps_vous_for_the_organisation_in_the_candidates_question():
    notes = "Question : est-ce qu'ils prennent des stagiaires les fins de semaine?"
    rejection = "Salut Léa, merci d'être passée au studio. On a pris quelqu'un d'autre, désolé! Max"
    draft = compose(request(notes=notes, rejection=rejection, recruiter="Max", formality=0, directness=80))
    assert draft.body.startswith("Salut Max"), draft.body
    assert "Est-ce que vous prenez des stagiaires les fins de semaine ?" in draft.body
    assert "ta réponse" in draft.body


@pytest.mark.parametrize("channel", ["linkedin", "phone"])
def test_a_note_and_a_call_ask_the_candidates_own_question(channel):
    notes = "Want to ask: would a weekend course in Revit be enough?"
    draft = compose(request("en", channel, notes=notes, rejection="Thanks Lea, we went with someone else."))
    assert "Would a weekend course in Revit be enough?" in draft.body, draft.body


def test_a_follow_up_asks_the_candidates_questions_past_where_things_stand():
    notes = ("Second interview Nov 3, she said we'd hear back in a week. It's been almost 4. "
             "Ask: is the role still open? if not me, was my portfolio the problem?")
    situation = read_situation(request("en", notes=notes, news="unknown"))
    assert situation.undecided
    draft = compose(request("en", notes=notes, news="unknown"))
    assert "Was my portfolio the problem?" in draft.body and "still open?" not in draft.body  # (the follow-up asks it)
    assert draft.checks.get("notes_used").passed


@pytest.mark.parametrize(("language", "notes", "said"), [
    ("fr", "Test écrit correct. Mentionner que je suis dispo pour les quarts de soir dès février.",
     "je suis disponible pour les quarts de soir dès février"),
    ("en", "Case study went fine. Mention I can start on January 11.", "I can start on January 11"),
])
def test_what_the_notes_say_to_mention_is_said_once(language, notes, said):
    assert to_mention(notes, language) == said
    draft = compose(request(language, notes=notes, rejection="Merci, nous avons retenu une autre personne."))
    assert draft.body.count(said) == 1, draft.body
    assert draft.checks.get("date_attached").passed  # (the candidate's date, not the interview's)


def test_what_the_candidate_means_to_ask_on_the_next_call_is_no_reason():
    notes = ("Il m'a appelé mardi : « on est allé avec un autre profil », il avait l'air pressé. "
             "À demander : était-ce mes attentes salariales?")
    situation = read_situation(request(notes=notes, news="phone"))
    assert situation.reason is None  # (neither the salary asked about nor how he sounded)
    assert situation.own_questions == ("Était-ce mes attentes salariales ?",)


@pytest.mark.parametrize(("language", "notes"), [
    ("fr-FR", "Entretien le 20/11. Elle a dit réponse avant la mi-décembre. Rien au 18/12."),
    ("en", "Interview with Marcus, he said decision by Nov 20. It's Dec 1, nothing."),
    ("en", "She said we'd hear back in a week or two. It's been almost 3."),
    ("fr", "Entrevue avec la directrice. Ça fait presque trois semaines, je voudrais savoir, si c'est non, quoi travailler."),
])
def test_a_wait_said_in_new_words_is_a_follow_up(language, notes):
    assert read_situation(request(language, notes=notes, news="unknown")).undecided


def test_the_role_named_in_the_candidates_own_question_is_no_repetition():
    notes = "Ask: what would make me a stronger candidate for data analyst roles elsewhere?"
    draft = compose(request("en", notes=notes, role="Data Analyst", rejection="We went with an internal candidate."))
    assert "data analyst roles elsewhere" in draft.body
    assert draft.checks.get("no_repetition").passed, draft.checks.get("no_repetition").reason


def test_a_draft_that_leaves_the_candidates_questions_out_fails_notes_used():
    notes = "À demander : est-ce qu'il existe une liste de rappel pour l'été?"
    req = request(notes=notes)
    draft = compose(req)
    generic = draft.model_copy(update={"body": draft.body.replace("Est-ce qu'il existe une liste de rappel pour l'été ?",
                                                                  "Que me conseilleriez-vous pour progresser ?")})
    assert draft.checks.get("notes_used").passed
    assert not run_checks(generic, req).get("notes_used").passed


def test_a_notes_fragment_is_not_sent_and_a_formal_letter_leaves_spoken_questions_out():
    notes = "Ask: anything else besides SVOP? could they use volunteers on hatch days?"
    assert own_questions(notes, "en") == ("Could you use volunteers on hatch days?",)
    spoken = "Demander : c'est le fond ou la forme qui a coincé ? est-ce que le poste sera réaffiché ?"
    formal = compose(request("fr-FR", "email", notes=spoken, formality=95, directness=80))
    relaxed = compose(request("fr-FR", "email", notes=spoken, formality=40, directness=80))
    assert "qui a coincé" not in formal.body and "Le poste sera-t-il réaffiché ?" in formal.body  # inverted (round 43)
    assert "C'est le fond ou la forme qui a coincé ?" in relaxed.body
    assert formal.checks.get("notes_used").passed


def test_what_the_notes_want_to_ask_without_a_subject_is_asked():
    notes = "Role play went so-so. Want to ask whether the history part is something I can study for next time."
    assert read_situation(request("en", notes=notes)).wants_to_ask == \
        "whether the history part is something I can study for next time"


def test_a_date_the_candidate_typed_is_not_an_invented_fact():
    notes = "Case study fine. Mention I can start 4/1 if needed."
    draft = compose(request("en", notes=notes, rejection="We went with another candidate."))
    assert "4/1" in draft.body and draft.checks.get("no_invented_facts").passed, draft.body


@pytest.mark.parametrize(("language", "notes"), [
    ("fr", "Test sur simulateur le 12 nov. Depuis rien, le portail dit juste « en évaluation »."),
    ("en", "Assessment day Oct 30, Sam said I'd hear within 2 weeks. it's been 5. not sure if I'm still in the pool"),
])
def test_more_waits_said_in_new_words_are_follow_ups(language, notes):
    assert read_situation(request(language, notes=notes, news="unknown")).undecided


@pytest.mark.parametrize(("language", "notes", "promised", "said"), [
    ("fr", "Entrevue le 3 nov. Elle a dit qu'on aurait des nouvelles « d'ici deux semaines ». Rien depuis, ça va faire 5 semaines.",
     "d'ici deux semaines", "Vous m'aviez annoncé une réponse d'ici deux semaines."),
    ("en", "Panel Nov 2. HR said 4-6 weeks. It's been 9 weeks, no email.", "within 4-6 weeks",
     "You had mentioned I'd hear back within 4-6 weeks."),
])
def test_a_follow_up_recalls_the_answer_promised(language, notes, promised, said):
    req = request(language, notes=notes, news="unknown")
    assert read_situation(req).undecided and read_situation(req).promised == promised
    assert said in compose(req).body


@pytest.mark.parametrize(("language", "notes"), [
    ("fr-FR", "Essai de 2 jours. Elle devait me répondre « en fin de semaine », on est mardi de la semaine d'après."),
    ("en", "Panel x5. They said decision by mid-Nov. It's Dec 1. Nothing. Just want a status update."),
    ("en", "Half day on the marsh. She said we'd be invited to interview 'within a fortnight'. That was over 3 weeks ago."),
])
def test_a_promise_not_kept_is_a_follow_up(language, notes):
    assert read_situation(request(language, notes=notes, news="unknown")).undecided


@pytest.mark.parametrize(("language", "notes"), [
    ("fr", "Cours d'essai samedi avec trois enfants. La proprio est partie avant la fin. Personne m'a rien dit depuis."),
    ("fr-FR", "Test olfactif avec le Dr Bensaïd. Il a dit « on revient vers vous pour l'entretien » et depuis plus rien."),
])
def test_silence_said_in_new_words_is_a_follow_up(language, notes):
    assert read_situation(request(language, notes=notes, news="unknown")).undecided
