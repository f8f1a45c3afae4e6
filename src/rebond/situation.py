"""What a request's context says, read once for the engine and the reader checks.

How the news came (what may be thanked for), the reason the recruiter stated (read with
the reply analyser), the interview's formats and moments named in the notes, and the areas
the notes hint at. Cues live in ``prompts/context_cues.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from rebond.models import AnalysisRequest, Category, Confidence, DraftRequest, Kind, NewsChannel
from rebond.notes_questions import agenda_start, bare_questions, indirect_questions, indirect_questions_en, own_questions, promised_answer, to_mention, turn_to_recruiter
from rebond.resources import load_data
from rebond.text import find_terms, fold, has_term, shorthand_written_out, written_out

# A text's sentences: after a full stop, a question or an exclamation mark, and at each line break.
# (An emoji ends a sentence too: « Merci d'être venue jeudi 🙂 Finalement on a pris… » is two.)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?\U0001F300-\U0001FAFF\u2600-\u27BF])\s+|\n+")


def _sentences(text: str) -> list[str]:
    return _SENTENCE_BREAK.split(text)


@dataclass(frozen=True)
class StatedReason:
    """The reason a rejection gives, in pieces a sentence can use."""

    category: Category | None  # None for an internal hire
    internal: bool = False
    term: str = ""  # "PMP", "SAP", "anglais": what the reason names
    # certification | licence | membership | credential_phrase | requirement | language | tool | salary | availability
    # | location | explained (a reason given in words no reading could turn into the candidate's) | capacity (a full
    # team, a single place: room decided, not the candidate)
    term_kind: str = ""
    topic: str = ""  # "payroll" in "more experience in payroll"
    evidence: str = ""  # the recruiter's words that give it
    also: tuple[Category, ...] = ()  # other areas the rejection names
    hire: str = ""  # the person hired, in the candidate's words: "a candidate with more experience in payroll"
    wanted: bool = False  # the rejection says whom it was looking for ("we wanted…"), not whom it chose
    # A practical reason given besides, in another sentence (« Et puis ils peuvent pas aller au-delà du SMIC »):
    # (kind, the draft's words for it), said once after the main reason.
    practical_also: tuple[str, str] | None = None

    @property
    def gap(self) -> str:
        """Which kind of gap the reason names, for the sentence that acknowledges it and the question past it."""
        if self.internal:
            return "internal"
        if self.term_kind in ("salary", "availability", "location", "explained", "capacity", "test"):
            return self.term_kind
        if self.term_kind in ("certification", "licence", "membership", "credential_phrase"):
            # « un candidat qui vient de l'automobile, avec une certification Green Belt »: the hire held it, and
            # came with more; « le poste exige la certification » would misstate what the recruiter said.
            hired_with_more = self.hire and not self.wanted and len(self.hire.split()) > len(self.term.split()) + 5 \
                and len(self.hire.split()) <= 18 and re.search(r"(?i)\b(vient|venait|vienne|comes?|came|issu\w*|from)\b", self.hire)
            return "hire" if hired_with_more else "credential"
        if self.term_kind == "requirement":
            return "requirement"
        if self.term_kind == "tool" and self.hire and self.category is Category.EXPERIENCE and len(self.hire.split()) <= 14:
            # "a candidate who already has three years of ICU experience" says it better than "ICU was key";
            # a note with no room for it still names the tool (``area_gap``).
            return "hire"
        if self.term_kind in ("tool", "language"):
            return self.term_kind
        if self.hire:
            return "hire"
        return self.area_gap

    @property
    def area_gap(self) -> str:
        """The gap by its area alone, without the description of the hire (for a note with no room for it)."""
        if self.internal:
            return "internal"
        if self.term_kind in ("tool", "language", "salary", "availability", "location", "explained", "capacity", "test"):
            return self.term_kind
        if self.term_kind:
            return "experience" if self.gap == "hire" else self.gap
        if self.topic and self.category is Category.EXPERIENCE:
            return "experience_topic"
        return self.category.value if self.category else "internal"


@dataclass(frozen=True)
class Situation:
    """The context, read: everything the engine may build on and the checks hold it to."""

    news: str  # written | phone | automatic | none: what the draft may thank for
    reason: StatedReason | None
    moments: tuple[str, ...]  # formats and moments of the interview, e.g. ("panel", "case_study")
    video: bool
    hinted_areas: tuple[str, ...] = field(default=())
    interviewed: bool = True  # something shows an interview took place: a date, notes, the rejection's words
    invited_back: str = ""  # "call", "forward", "recommend", "offer", "opening", "reapply", "keep", "contact", "will_contact", or ""
    # When or on what condition, in the candidate's words: "in six months", « l'an prochain », "once I've retested".
    invite_when: str = ""
    invite_for: str = ""  # what the profile is kept for: « pour les postes Python », "for future openings"
    offer: str = ""  # what the recruiter offers, when it can be named: « les remplacements en CDD sur décembre et janvier »
    invite_list: str = ""  # the pool or list a kept profile is in, in the candidate's words: « votre vivier », "the eligible list"
    # What the recruiter invites the candidate to do, in the candidate's words: « venir donner un coup de main comme
    # bénévole pendant les chevrotages », "be considered for a temporary position". Said yes to, by name.
    offer_action: str = ""
    # A question the notes say was asked, in the candidate's words: « mes réponses aux questions sur le budget »,
    # "my answer to the question about disagreeing with a manager"; or what was asked, for "when I was asked how…".
    asked: str = ""
    asked_when: str = ""
    # What the notes say the candidate wants to ask, turned to the recruiter (« s'il y aurait une place d'assistant ou
    # si vous pouvez me garder en tête », "whether you'd help pay for the course"): asked as is, once.
    wants_to_ask: str = ""
    # The questions the notes list for the recruiter (« À demander : est-ce que le poste est encore ouvert? »), said
    # to them: asked first, in place of the draft's own questions.
    own_questions: tuple[str, ...] = ()
    # The own questions are ``wants_to_ask`` said directly (« … si c'est négociable et si mon estimation … »): the clause
    # is kept only for a letter that leaves spoken questions out.
    wants_listed: bool = False
    # What the notes say to tell the recruiter, in the candidate's first person (« je suis disponible pour les nuits
    # dès janvier », "I can start Jan 4"): said once, before the closing.
    to_mention: str = ""
    # When the notes say an answer was promised (« avant la mi-décembre », "by Nov 20"): a follow-up recalls it.
    promised: str = ""
    # What the notes say went wrong, in the candidate's own first person: « J'ai manqué de temps à la fin de ma
    # présentation », "I ran out of time on the mechanical part". The draft asks how to handle it better.
    worry: str = ""
    praised: tuple[str, ...] = ()  # moments the rejection praises: thanked for, not asked about
    went_well: tuple[str, ...] = ()  # moments the notes say went well: the warm line names one
    undecided: bool = False  # no message, and the notes say nothing has come: a follow-up, not a reply to a rejection
    on_hold: bool = False  # the message puts the hiring on hold, with no decision on the candidate (a follow-up too)
    qualified: bool = False  # passed, on a list of qualified people or a panel, no post yet (on hold for this candidate)
    # What else the rejection praises, in the candidate's words: "my mock discovery call", « ma présentation sur
    # Instagram ». Thanked for when no moment was.
    praised_np: str = ""
    # Areas the rejection praises or says were not the issue ("your interview was very good", « votre profil nous
    # a plu »): a question about them would ask what was already answered.
    praised_areas: tuple[str, ...] = ()
    # The rejection speaks well of the candidate in a way no moment or phrase above caught ("Ton profil a quand même
    # beaucoup plu au gestionnaire", "you were our top external candidate"): what it praises ("experience",
    # "interview", "cv") or "general". Answered once, so the praise is not left unanswered.
    praise: str = ""
    no_feedback: bool = False  # the notice says it gives no individual feedback: the draft says it knows
    consent: bool = False  # the recruiter asks the candidate's consent to keep or forward the file
    will_come_back: bool = False  # the recruiter says they will get back to the candidate (when a post opens)
    tutoie: bool = False  # the recruiter wrote to the candidate with « tu »
    vouvoie: bool = False  # the recruiter wrote to the candidate with « vous »
    relayed: bool = False  # an agency recruiter passing on a client's answer (« le retour de mon client », "the client felt")
    # The letter is signed by an office (« La Direction », "Recruitment Team"), not by the person the draft goes to:
    # that person is thanked for the interview, never for "your reply" or for the letter's kind words.
    from_office: bool = False
    advice: str = ""  # what the recruiter advised doing, in the candidate's words (« faire l'ACLS », "take the ACLS course")
    casual_hello: bool = False  # the rejection opens « Salut », « Allo », "Hey": a relaxed draft answers in kind
    civility_hello: bool = False  # the rejection greets the candidate « Bonjour Monsieur Caron », "Dear Ms. Lee": answered in kind
    reference: str = ""  # the posting's reference in the rejection ("Req #WH-22917", « réf. 2026-0412 »): a handle on the file
    close_call: bool = False  # the rejection says it was close
    rest_was_fine: bool = False  # "everything else was a good fit": no "anything else?" question


def looks_automatic(text: str) -> tuple[bool, str]:
    """Whether a rejection message reads like an automatic reply, and the phrase that shows it."""
    if not text.strip():
        return False, ""
    for name in ("phrases.en.yaml", "phrases.fr.yaml"):
        for hit in find_terms(text, tuple(load_data(name)["automatic_markers"])):
            # « plutôt que tu reçoives juste le courriel automatique », "before the automated email goes out": a
            # person writing ahead of the notice, not the notice.
            if _AHEAD_OF_NOTICE.search(fold(text[max(0, hit.start() - 60):hit.start()])):
                continue
            return True, text[hit.start() : hit.end()]
    return False, ""


_AHEAD_OF_NOTICE = re.compile(r"\b(?:plutot que|au lieu que|avant que|avant le|avant la|rather than|instead of|before (?:the|you get|you receive))\b")


_WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
             "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_MET_ON = re.compile(r"(?i)\b(?:entrevue|entretien|rencontr\w*|interview\w*|met|meeting|visite|essai|venue|passage|passée?(?:\(e\))?|came in|coming in)\b[^.!?\n]{0,40}?"
                     r"\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")


# The call with the news, on a weekday: « m'a appelée mardi », « m'a rappelé jeudi fin de journée », "called me Monday".
_CALLED_ON = re.compile(r"(?i)\b(?:m'a|m'ont|a|ont) (?:appel\w*|rappel\w*|téléphoné|texté)(?: \w+)? (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b"
                        r"|\b(?:called|rang|phoned|texted)(?: me)?(?: back)?(?: on| this| last)? (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")


def date_contradicted(request: DraftRequest) -> bool:
    """Whether the rejection or the notes put the interview on another weekday than the date given (« merci d'être
    venue mardi » with a Wednesday date): the date is then likely the news's, and a draft does not repeat it."""
    date = request.context.interview_date
    if date is None:
        return False
    text = f"{request.context.rejection_message}\n{request.context.notes}"
    # (Round 38: « M. Gagnon m'a appelée mardi matin » with a Tuesday date: the date is the call's, not the interview's.)
    if date.weekday() in {_WEEKDAYS[(m.group(1) or m.group(2)).lower()] for m in _CALLED_ON.finditer(text)}:
        return True
    days = {_WEEKDAYS[m.group(1).lower()] for m in _MET_ON.finditer(text)}
    if days and date.weekday() not in days:
        return True
    # (Round 43: the call came « ce matin », "yesterday", or the meeting was « la semaine dernière », "three weeks ago":
    # the date given is the news's or the day of writing; and a process of several interviews or rounds has no one
    # date. Readers marked 13 of 48 drafts for « notre entretien du 15 janvier » in such cases.)
    return bool(_RELATIVE_DAY.search(fold(request.context.rejection_message)) or _SEVERAL_ROUNDS.search(fold(text)))


_RELATIVE_DAY = re.compile(r"\b(?:ce matin|cet apres-midi|hier(?: soir| matin)?|aujourd'hui|la semaine (?:derniere|passee)|il y a (?:\d+|deux|trois|quatre) (?:jours|semaines)"
                           r"|this (?:morning|afternoon)|yesterday|today|earlier today|last week|(?:\d+|two|three|four) weeks ago)\b")
_SEVERAL_ROUNDS = re.compile(r"\b(?:(?:1er|premier|1st|first) (?:entretien|entrevue|interview|round)\b.{0,300}\b(?:2e|2eme|deuxieme|second|2nd) (?:entretien|entrevue|interview|round)"
                             r"|(?:\d+|deux|trois|quatre|two|three|four) (?:rounds|etapes|steps|stages|interviews|entretiens|entrevues|tours)\b|\bloop\b"
                             r"|assessment (?:day|centre|center)|journee de (?:recrutement|selection)|recrutement collectif)", re.S)


def read_situation(request: DraftRequest) -> Situation:
    """The request's context, read (cached: the engine and the checks read the same request)."""
    ctx = request.context
    # (The shorthand of a call the candidate typed up is read written out: « Ils ont pris qqn qui a déjà sa licence »,
    # round 37; only the words a reading needs, so that every other cue reads the message as typed.)
    rejection, notes, news = shorthand_written_out(ctx.rejection_message), ctx.notes, str(ctx.news_channel)
    if not rejection.strip() and news != NewsChannel.WRITTEN and (
            (call := _CALL_REPORT.search(notes)) or (news == NewsChannel.PHONE and (call := _CALL_REPORT_SAID_WITHOUT_ME.search(notes)))):
        # « Elle m'a rappelée mardi : ils prennent quelqu'un qui… », "Chef Maria called Mon: they went with…":
        # the notes report the call that brought the news; what was said there is read as the rejection.
        # (Written out as the pasted message is: « ma dispo bloquait », « qqn du coin », round 52.)
        rejection, notes, news = shorthand_written_out(notes[call.start():]), notes[:call.start()], NewsChannel.PHONE.value
        # What the notes then say of the interview itself stays notes (« L'entrevue c'était par Teams … un petit
        # exercice Excel, j'ai été un peu lente »): its moments are asked about, and it states no reason.
        told, described = [], []
        for sentence in _sentences(rejection):
            describes = (_DESCRIBES_INTERVIEW.search(sentence) and not _REPORTED_SPEECH.search(sentence)
                         and not has_term(sentence, tuple(_cues()["hire_choice"])))  # « Le jury a préféré… » is the news
            (described if describes else told).append(sentence)
        if described and told:
            rejection, notes = "\n".join(told), " ".join([notes.strip(), *described]).strip()  # (a line of the notes stays one)
        # What the candidate adds of their own (« (moi je peux pas avant 7 h à cause de la garde des enfants) »,
        # « Je reviens de 18 mois d'arrêt maladie, j'ai l'impression que ça a joué ») is not what the recruiter said:
        # a reason, or a protected ground, is read only in the recruiter's words.
        rejection = _OWN_ASIDE.sub("", " ".join(sentence for sentence in _sentences(rejection) if not _OWN_SENTENCE.match(sentence.strip())))
        # What the candidate means to ask or say on the next call (« À demander : était-ce mes attentes
        # salariales ? », "Ask: …") is theirs too, not what the recruiter said: the report ends there.
        rejection = rejection[:agenda_start(rejection, request.language.base)]
        # The candidate's own questions jotted after it (« clearance only reason? reapply once sponsored? ») are not
        # what was said on the call (round 51: "As you suggested, I'll apply again").
        rejection = " ".join(sentence for sentence in _sentences(rejection) if "?" not in sentence)
    situation = _read(rejection, news, notes, request.language.base, ctx.interview_date is not None)
    if (rejection.strip() and has_term(rejection, tuple(_cues()["on_hold"]))
            and not has_term(rejection, tuple(_cues()["told_no"])) and not _SOMEONE_ELSE.search(fold(rejection))):
        # "We have had to pause recruitment", « le projet est mis sur la glace »: no one was chosen and nothing was
        # refused, so the draft asks what the pause means for the application (round 37: "I was sorry to learn I was
        # not selected" was untrue).
        situation = replace(situation, undecided=True, on_hold=True)
    elif rejection.strip() and has_term(rejection, tuple(_cues()["qualified"])) and not has_term(rejection, tuple(_cues()["told_no"])):
        # « Votre nom a été inscrit dans la banque de personnes qualifiées … aucune offre pour le moment », "placed on
        # the panel at position 4": the candidate passed; the draft asks how the list works, not what was missing.
        situation = replace(situation, undecided=True, on_hold=True, qualified=True)
    if (rejection.strip() and _AGENCY.search(rejection) and ctx.recruiter_name.strip() and not _names_in(rejection, ctx.recruiter_name)
            and not _AGENCY.search(ctx.recruiter_name)):  # (« Sophie (Robert Half) » is the agency's own recruiter)
        # « j'ai eu un retour d'Hydro … — Julie, Randstad », "Message vocal de l'agence (Robert Half)", sent to the
        # client's manager: the manager did not write or call, chose for themselves, and offered nothing (round 51:
        # « Merci de m'avoir transmis le retour de votre client » to M. Lavoie of Hydro-Québec).
        situation = replace(situation, news="none", relayed=False, invited_back="", offer_action="", **_NO_PRAISE)
    if situation.news == "written" and not situation.relayed and signed_by_office(rejection, ctx.recruiter_name):
        # (Rounds 36–37: a form letter signed « La Direction » or "Network Rail Resourcing", and the draft thanked
        # the doctor or manager it goes to for "your reply" and "your kind words about my application".)
        # (Nor does its « vous » set how the candidate speaks to that person: round 50's « vous » at formality 20.)
        situation = replace(situation, news="none", from_office=True, vouvoie=False, **_NO_PRAISE)
    # (Read in all the notes: a call report's « Je veux lui demander si … » is the candidate's, after the call.)
    wants = _wants_to_ask(ctx.notes, request.language.base)
    own = own_questions(ctx.notes, request.language.base)
    if own and wants and any(_shares_words(wants, question) for question in own):
        wants = ""  # the same question, listed and said in passing: asked once, as listed
    listed = False
    if not own and wants and (direct := indirect_questions_en(wants) if request.language.base == "en" else indirect_questions(wants)):
        # « Je voudrais savoir si c'est les psychotechniques qui ont coincé et au bout de combien de temps je peux
        # repostuler »: asked as the questions they are, not pasted in reported speech (round 44's readers). The
        # clause stays for a formal letter, which leaves a spoken question out and then says it in passing.
        own, listed = direct, True
    from rebond.checks import pleads

    if pleads(wants, request.language.base):
        wants = ""  # « si le poste pourrait être reconsidéré »: never asked, even in passing
    if own:
        # « Le poste pourrait-il être reconsidéré ? »: the notes' words, but a plea a draft never makes (round 51);
        # the other questions stay.
        own = tuple(q for q in own if not pleads(q, request.language.base))
    if not own and not wants:
        # « quelles parties du test étaient faibles? ressources recommandées? », "how did the demo lesson come across?
        # was it the classroom management?": a line of questions with no label is the candidate's list (round 52).
        own = tuple(q for q in bare_questions(ctx.notes, request.language.base) if not pleads(q, request.language.base))
    mention = to_mention(ctx.notes, request.language.base)
    if re.search(r"(?i)\b(?:int[ée]ress\w*|interested|keen)\b", mention):
        mention = ""  # "still interested": every draft says it
    promised = promised_answer(ctx.notes, request.language.base) if situation.undecided else ""
    if wants or own or mention or promised:
        return replace(situation, wants_to_ask=wants, own_questions=own, wants_listed=listed, to_mention=mention, promised=promised)
    return situation


# Someone else was chosen, or the post was filled: a rejection, even when another project is put on hold.
_SOMEONE_ELSE = re.compile(r"\b(?:autres? (?:candidat\w*|personne|profil)|another (?:candidate|applicant|person)|other candidates?|"
                           r"(?:poste|post|position|role) (?:a ete |has been |was )?(?:pourvu|comble|filled)|successful (?:candidate|applicant))")
# An office, not a person, in a signature: « La Direction », « Service RH », "Recruitment Team", "Resourcing".
_OFFICE = re.compile(r"\b(?:direction|service|ressources humaines|rh|recrutement|equipe|acquisition de talents|dotation"
                     r"|team|department|resourcing|recruitment|human resources|hr|talent acquisition|people operations|careers|hiring)\b")
# (The titles a name may start with are `_TITLE_WORDS`, below.)


# Praise read in a message the person addressed did not write: not theirs to be thanked for.
_NO_PRAISE = {"praise": "", "praised": (), "praised_np": "", "praised_areas": ()}


# A staffing agency passing the news on: its name or the word.
# (Not « test de placement »: only a firm's name or what it is.)
_AGENCY = re.compile(r"(?i)\b(?:agence de (?:placement|recrutement|travail temporaire|intérim)|l'agence|the agency|recruitment agency|"
                     r"staffing agency|firme de placement|cabinet de recrutement|chasseur de têtes|headhunter|"
                     r"randstad|robert half|hays|michael page|page personnel|adecco|manpower|kelly services|spherion)\b")


def _person_names(person: str) -> set[str]:
    """A person's names, folded, past « Mme », « Dr », "Ms"."""
    return {word for word in re.findall(r"[a-z][a-z'-]+", fold(person)) if word not in _TITLE_WORDS and len(word) > 1}


def _names_in(text: str, person: str) -> bool:
    """Whether ``text`` names ``person`` (one of their names)."""
    return any(re.search(rf"\b{re.escape(name)}\b", fold(text)) for name in _person_names(person))


def signed_by_office(rejection: str, recruiter: str) -> bool:
    """Whether the message is signed by an office and not by the named recruiter: its signature (the short lines at the
    end that close no sentence) names an office and none of the recruiter's names."""
    names = _person_names(recruiter)
    if not names:
        return False  # a message to the team: the team may be thanked for its reply
    block = []
    # (Below the signature, the mailer's footer and its rule: « — », « Ce courriel a été envoyé depuis une adresse … »)
    lines = [line.strip() for line in _NO_REPLY_FOOTER.sub("", rejection).strip().splitlines() if line.strip(" -—–_")]
    for line in reversed(lines):
        if len(line) > 100 or re.search(r"(?:[a-zà-ÿ]{3}\.|[!?])\s*$", line):
            break  # a sentence of the letter (not « Ph. D. », whose full stop ends an abbreviation)
        block.append(fold(line))
    signature = " ".join(block)
    return bool(_OFFICE.search(signature)) and not any(re.search(rf"\b{re.escape(name)}\b", signature) for name in names)


def _shares_words(one: str, other: str) -> bool:
    """Whether two questions share three content words (« vivier pour les remplacements »)."""
    words = [set(re.findall(r"[a-z]{4,}", fold(text))) for text in (one, other)]
    return len(words[0] & words[1]) >= 3


# The candidate's own words inside a call report: a sentence that starts « Je », « J' », « Moi », "I" (not « Je lui ai
# demandé… il m'a dit », which reports the call), and an aside « (moi je …) », «, moi je … ».
# (A note label before it is the notes' too: « déménagement : j'habite à 10 min de la crèche », round 55.)
_OWN_SENTENCE = re.compile(r"(?i)^(?:[\w'-]+(?: [\w'-]+)?\s?:\s*)?(?:moi,?\s+)?(?:je|j'|i|i'm|i've|à \d+ ans,? je|at \d+,? i)\b(?!.*\b(?:m'a|m'ont|told|said|explained|a dit|ont dit|m'a dit|j'ai appris|on m'a|heard|learned|learnt)\b)")
_OWN_ASIDE = re.compile(r"(?i)\s*\((?:moi|me|perso)\b[^)]*\)|\s*\([^()]*\b(?:reckon|i think|i guess|je pense|je crois|j'ai l'impression)\b[^()]*\)|,\s*(?:moi je|moi j'|perso je|whereas i|while i|i only|i just)\b[^.;!?]*"
                        # how the caller sounded to the candidate (« il avait l'air mal à l'aise », "she seemed rushed")
                        r"|,\s*(?:il|elle|he|she)\s+(?:avait l'air|semblait|had|seemed|looked|sounded)\b[^.;!?]*"
                        # how it went for the candidate (« , je pense que ça a bien été », ", I felt strong on the case"): theirs,
                        # not praise from the caller (round 51: "I was pleased to hear that my case study was well received")
                        r"|,\s*(?:I|je|j')\s*(?:felt|feel|think|thought|reckon|pense|crois|trouve|trouvais|me suis senti\w*)\b[^.;!?]*")


# An agency recruiter relaying the client's answer: « J'ai eu le retour du client », "the client felt…".
_RELAYED = re.compile(r"\b(?:(?:retour|reponse|decision|feedback) (?:du|de mon|de notre|de votre) client|(?:le|mon|notre) client "
                      r"(?:a |m'a |nous a |final )?(?:decide|retenu|choisi|prefere|souhait|voul|cherch|tient|exige|trouve|estime|juge)\w*"
                      r"|(?:the|my|our) client (?:has |had )?(?:decided|went|chose|felt|wants|wanted|needs|needed|prefers|preferred|is looking|was looking|came back|said|thought)"
                      r"|client's (?:feedback|decision)|(?:just |i've |i have |i )?(?:heard back|got word|had word) from|(?:j'ai|on a|nous avons) (?:eu|recu) (?:le |un |leur )?(?:retour|reponse|nouvelles?) (?:de|du|d'|des))\b")


# What the recruiter advised doing: « Elle m'a suggéré de faire l'ACLS », « Je vous invite à vous renseigner sur la
# VAE », « je te conseille le DU de … », "I'd suggest taking the ACLS course". Answered « je vais … », never asked again.
_ADVICE = {
    "fr": re.compile(r"(?i)\b(?:(?:m'a|m'ont|je vous|je te|nous vous|on vous|on te|il m'a|elle m'a)\s+(?:fortement\s+|vivement\s+)?"
                     r"(?:suggéré|conseillé|recommandé|invite|invité|encourage|encouragé|conseille|recommande|suggère)\w*)\s+"
                     r"(?:(?:de\s+|d'|à\s+)((?:faire|suivre|passer|obtenir|compléter|terminer|refaire|retravailler|ajouter|monter|prendre|vous|te)\b[^.;!?]{3,70})"
                     r"|((?:le|la|les|l')\s?[^.;!?]{3,60}))"),
    "en": re.compile(r"(?i)\b(?:(?:I'd|I would|we'd|we would)\s+(?:strongly\s+)?(?:suggest|recommend)\s+(?:that you\s+|you\s+)?"
                     r"|(?:suggested|recommended|advised me to|told me to)\s+(?:that I\s+|I\s+)?)"
                     r"((?:take|taking|complete|completing|get|getting|do|doing|build|building|rework|reworking|add|adding|finish|finishing)\b[^.;!?]{3,70})"),
}
_GERUND = {"taking": "take", "completing": "complete", "getting": "get", "doing": "do", "building": "build",
           "reworking": "rework", "adding": "add", "finishing": "finish"}


# Advice given as what would help: « la formation RDA offerte par la CBPQ serait un atout », "the part-time ECA
# certificate at George Brown would be a great first step". The thing named is one to look into.
_ADVICE_AS_ASSET = {
    "fr": re.compile(r"(?i)(?:^|[.:;!?\n,]\s*)((?:le|la|les|l')\s?[^.:;!?\n,]{3,80}?)\s+(?:serait|seraient|sera|pourrait être|pourraient être)\s+"
                     r"(?:(?:sans doute|certainement|vraiment|probablement)\s+)?(?:un|une|le|la)\s+(?:(?:bel|beau|vrai|gros|grand|excellent|bon|bonne|premier)\s+)?"
                     r"(?:atout|plus|avantage|premier pas|première étape|bonne idée|bon point de départ|point de départ|tremplin)\b"),
    "en": re.compile(r"(?i)(?:^|[.:;!?\n,]\s*)((?:the|a|an)\s[^.:;!?\n,]{3,80}?)\s+(?:would|could|might|will)\s+(?:really\s+|definitely\s+)?(?:be|make)\s+"
                     r"(?:a|an|the)\s+(?:(?:great|good|excellent|real|big|strong|solid|useful|natural|first)\s+){0,2}"
                     r"(?:asset|plus|first step|step|start|starting point|place to start|stepping stone|idea|addition)\b"),
}


def _advice(rejection: str, lang: str) -> str:
    """What the recruiter advised doing, as the candidate says they will do it, or ""."""
    match = _ADVICE[lang].search(rejection)
    if not match:
        if (asset := _ADVICE_AS_ASSET[lang].search(rejection)) and re.search(
                r"(?i)\b(formation|cours|certificat\w*|programme|atelier|stage|diplôme|attestation|course|certificate|certification|program|workshop|training|diploma|class)\b",
                asset.group(1)) and not re.search(
                r"(?i)\b(?:votre|vos|ton|ta|tes|your|you|candidat\w*|profil|person|personne|someone|quelqu'un)\b", asset.group(1)):
            thing = _without_dangling_end(asset.group(1).strip())
            thing = thing[:1].lower() + thing[1:] if re.match(r"(?:The|A|An|Le|La|Les|L')\b", thing) else thing
            said = f"look into {thing}" if lang == "en" else f"me renseigner sur {thing}"
            return said if 3 <= len(said.split()) <= 16 else ""
        return ""
    said = next(g for g in match.groups() if g)
    # The condition and the reason after it are the recruiter's: « faire l'ACLS si je veux aller aux soins critiques ».
    said = re.split(r"(?i)\s+(?:si|if|since|because|car|parce que|pour que|so that|et (?:à|de) nous|and (?:then )?(?:re)?apply|avant de|before"
                    r"|and (?:said|she|he|they|told|added|to come|come)|et (?:m'a|a dit|qu'))\b|,", said)[0]
    said = _without_dangling_end(said.strip())
    if re.search(r"(?i)\b(?:re)?(?:contacter|rappeler|postuler|candidater|apply|reapply|contact|call|reach out)\b", said):
        return ""  # « vous invite à nous recontacter », "to apply again": an invitation, answered as one
    if lang == "en":
        first, _, rest = said.partition(" ")
        said = f"{_GERUND.get(first.lower(), first)} {rest}".strip()
        said = re.sub(r"(?i)\byour\b", "my", said)
    else:
        said = re.sub(r"(?i)^(?:vous|te)\s+", "me ", said)
        said = re.sub(r"(?i)^(?:vous|te)\s*'", "m'", said)
        for pattern, replacement in _POINT_OF_VIEW[lang]:
            said = re.sub(pattern, replacement, said)
        if re.search(r"(?i)\b(?:votre|vos|ton|ta|tes)\b", said):
            return ""  # « retravailler votre portfolio »: « mon » or « ma » depends on a noun's gender not known here
        if re.match(r"(?i)(?:le|la|les|l')\b", said):
            said = f"me renseigner sur {said}"  # « le DU de rééducation neurologique »: a course to look into
    return said if 2 <= len(said.split()) <= 12 else ""


# A recruiter who wrote « tu » is answered in « tu » up to a middling formality (a studio, a startup, a kitchen).
_TU_UP_TO = 50
# At the most relaxed setting, a recruiter greeted by first name who did not write « vous » is answered in « tu »:
# readers found « vous » stiff to « Gabrielle » at a café, to a site foreman, to a kitchen's chef at formality 0.
_TU_AT_EASE_UP_TO = 10
# A recruiter who greeted the candidate « Salut Gabriel » and wrote no « vous » is on « tu » terms, even without a
# « tu » in a one-line message (round 37: « Salut Gabriel, le poste est comblé » answered « Je vous appelle » at 20).
_TU_AFTER_SALUT_UP_TO = 30
# First words of a recruiter's name that are a title, not a first name (« Me Aubry », « Chef Marco »).
_TITLE_WORDS = frozenset({"m", "mme", "mlle", "monsieur", "madame", "mr", "ms", "mrs", "miss", "dr", "dre", "docteur", "docteure",
                          "prof", "professeur", "professeure", "me", "maitre", "maître", "chef", "capitaine", "commandant",
                          "sergent", "pasteur", "abbé", "père", "soeur", "sœur", "pr", "pre", "mx", "professor", "sir",
                          "dame", "abbe", "pere"})


# Words that make a "recruiter name" a team or a service, not a person. Folded.
_TEAM = re.compile(r"\b(team|teams|equipe|service|services|ressources humaines|human resources|hr|rh|recruiting|recruitment|recrutement|talent|talents"
                   r"|department|departement|direction|committee|comite|jury|panel|hiring|acquisition|careers|carrieres|people ops|bureau|office)\b")


def is_team_name(recruiter: str) -> bool:
    """Whether the "recruiter" is a team or a service ("The Recruiting Team", « Service des ressources humaines »), not
    a person with a title ("Laura Chen, HR Manager", « Marie Bureau »)."""
    head = recruiter.split(",")[0].split("(")[0].strip()
    words = re.findall(r"[\w'’-]+", head)
    if not words or not _TEAM.search(fold(head)):
        return False
    first = re.sub(r"^(?:l['’])", "", words[0])
    return not (len(words) > 1 and first_name_gender(first))


def first_name_gender(first: str) -> str:
    """ "f" or "m" for a common first name whose bearers are nearly all women or men; "" otherwise."""
    names = load_data("first_names.yaml")
    folded = fold(first)
    if folded not in names["feminine"] and folded not in names["masculine"] and "-" in folded:
        folded = folded.split("-")[0]  # « Claire-Marie », « Jean-François »: the first part says
    return "f" if folded in names["feminine"] else "m" if folded in names["masculine"] else ""


def answers_in_tu(request: DraftRequest, situation: Situation) -> bool:
    """Whether a French draft says « tu » to the recruiter (the engine writes it, the checks accept it)."""
    if request.language.base == "en":
        return False
    formality = request.tone.formality
    parts = request.context.recruiter_name.split()
    if not parts or is_team_name(request.context.recruiter_name):
        return False  # « L'équipe Talents » wrote « ta candidature »: a team, or whoever picks up, is not « tu »
    if situation.tutoie:
        return formality <= _TU_UP_TO
    first_name_terms = parts[0].lower().rstrip(".") not in _TITLE_WORDS
    # (In Québec only: the checker set's France-French label holds « tu » at 25 too familiar after « Salut Lucas ».)
    at_ease = _TU_AFTER_SALUT_UP_TO if situation.casual_hello and request.language.value == "fr" else _TU_AT_EASE_UP_TO
    return formality <= at_ease and first_name_terms and not situation.vouvoie


# A sentence of the notes that describes the interview (its format, its exercises) rather than the call.
_DESCRIBES_INTERVIEW = re.compile(r"(?i)^\s*(?:l'entrevue|l'entretien|entrevue|entretien|the interview|interview|(?:le |la |un |une )?(?:test|exercice|étude de cas|mise en situation|présentation|panel|jury)|first interview|second interview|(?:la |le )?(?:première|deuxième|2e|1re) (?:entrevue|entretien)|round \d|"
                                  # (round 44: "Assessment day at Mayne ~3 wks ago: …", « Journée de sélection à Châtillon : … »)
                                  r"assessment (?:day|centre|center)|(?:la )?journée (?:de sélection|d'évaluation|de recrutement|d'essai)|"
                                  r"(?:the )?(?:group exercise|tech(?:nical)? screen|panel interview|site visit|loop)|(?:le )?processus)\b")
# Reported speech: what the recruiter said on the call, which is the rejection's.
_REPORTED_SPEECH = re.compile(r"(?i)\b(?:(?:il|elle|on|ils|elles) (?:a|m'a|ont|m'ont) (?:dit|expliqué|précisé|mentionné)|(?:he|she|they) (?:said|told|mentioned)|selon (?:lui|elle))\b")


# Where notes start reporting the call with the news (not a phone interview: « entrevue téléphonique »).
_CALL_REPORT = re.compile(
    # (« Le chef, M. Royer, m'a appelé lundi » : the name set off by commas)
    # (A name starts with a capital, even under (?i): « … qui m'a texté » is no one's name, round 50.)
    # (round 52: « Le patron m'a appelé : trop loin (50 km) », a role said with its article)
    r"(?i)(?:\b(?:il|elle|on|ils|elles|(?-i:[A-ZÉ])[\w-]+(?: \([^)]*\))?|(?:le|la|mon|ma) (?:patron|patronne|boss|chef|gérante?|responsable|recrut\w+|RH|DRH|direct\w+|conseill\w+|superviseur\w*|contremaître)),? m'a (?:rappel\w*|appel\w*|téléphon\w*|texté)"
    # « Coup de fil de Marc (le fils du patron) samedi midi »
    # (round 49: « Appel de la conseillère RH mardi (1er déc.) : … », a role of up to three words)
    r"|\b(?:appel|coup de fil|téléphone) (?:de |d'|du )[A-ZÉ][\w.-]*(?: [A-ZÉ][\w-]+){0,2}(?: \([^)]*\))?,? (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|ce matin|ce midi|cet après-midi|ce soir|tantôt|le lendemain)"
    r"|\b(?:he|she|they|[A-Z][\w-]+(?: [A-Z][\w-]+)?)(?: \([^)]*\))? (?:called|phoned|rang) (?:me )?(?:back )?(?:on |this |yesterday|today|last |the next )?(?:mon|tue|wed|thu|fri|sat|sun|morning|afternoon|evening|week|day)?\w*"
    r"|\b(?:got|had) a (?:call|phone call) from\b)")


# « Roxanne a appelé hier », « Elle a rappelé mardi »: the recruiter called, said without « m' » (only when the news came
# by phone: « La recruteuse a appelé lundi pour fixer l'entrevue » is not the call with the news).
_CALL_REPORT_SAID_WITHOUT_ME = re.compile(
    r"\b(?:[Ii]l|[Ee]lle|[A-ZÉ][\w-]+(?: \([^)]*\))?) a (?:rappelé|appelé|téléphoné) (?:hier|ce matin|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|le lendemain|cet? \w+|en fin|vers)\b")


# The mailer's footer (« Ce courriel a été envoyé depuis une adresse qui n'accepte pas les réponses. », "Please do not
# reply to this email"): no reason (round 50: « n'accepte pas les réponses » was read as a remark on the answers).
_NO_REPLY_FOOTER = re.compile(r"(?im)^[^\n]*(?:n'accepte pas (?:les )?réponses|ne (?:pas|peut pas) (?:y )?répondre|ne reçoit pas (?:les )?réponses|"
                              r"do not reply|don't reply|not monitored|cannot (?:receive|accept) (?:replies|responses)|no-?reply)[^\n]*$")


@lru_cache(maxsize=512)
def _read(rejection: str, news_channel: str, notes: str, lang: str, dated: bool) -> Situation:
    automatic = looks_automatic(rejection)[0]
    says_tu = lang != "en" and _says_tu(rejection)
    # An automated notice carries no reason meant for this candidate.
    reason = None if automatic else stated_reason(_NO_REPLY_FOOTER.sub("", rejection), lang)
    # (What the person hired does, « qui fait déjà de la suppléance », is no offer: round 45.)
    if reason is not None and reason.evidence and has_term(
            re.sub(r"(?i)\s+\b(?:qui|who)\b.*", "", reason.hire) if reason.hire
            else _without_what_the_hire_did(_sentence_containing(rejection, reason.evidence) or reason.evidence),
            tuple(_cues()["invited_back"]["offer"])):
        # (The person chosen, described before « mais elle m'a dit que je pourrais avoir une place… », stays the reason.)
        reason = None  # « Nous recherchons un(e) employé(e) polyvalent(e)… si cela vous intéresse »: an offer, not a reason
    if reason is not None and reason.gap != "internal" and reason.evidence:
        # Two reasons, the second practical: readers marked the pay or the hours left unsaid as "not listened to".
        # (The evidence may be the recruiter's words turned: "to be registered" → "being registered"; the sentence
        # that holds most of its words is the main one.)
        said = set(re.findall(r"\w{4,}", fold(reason.evidence)))
        # (A practical reason's evidence is the draft's words: its sentences are those with its cues.)
        own = tuple(_cues()["logistics"][reason.gap]) if reason.gap in ("salary", "availability", "location") else ()
        rest = " ".join(sentence for sentence in _sentences(rejection)
                        if len(said & set(re.findall(r"\w{4,}", fold(sentence)))) < 0.6 * len(said)
                        and not (own and has_term(sentence, own)))
        if rest.strip() and (practical := _logistics(rest, lang)) and practical[0] != reason.gap:
            reason = replace(reason, practical_also=practical)  # (the hours, then the pay: two practical reasons)
    if news_channel == NewsChannel.PHONE:
        news = "phone"
    elif automatic:
        news = "automatic"
    elif news_channel == NewsChannel.WRITTEN:
        news = "written"
    else:
        news = "none"
    moments = tuple(name for name, terms in _cues()["moments"].items() if notes and _named_not_denied(notes, tuple(terms))
                    and not _praised(rejection, tuple(terms)))
    if "case_study" in moments and "presentation" in moments and re.search(
            r"case stud(?:y|ies) presentation|present\w* (?:it|the case|my case)|pr[ée]sent\w* (?:de |d')?(?:mon |l'|son |une )?[ée]tude de cas|restitution",
            fold(notes)):
        moments = tuple(m for m in moments if m != "presentation")  # one moment: the case study, presented
    if reason is not None and reason.term_kind == "language":
        moments = tuple(m for m in moments if m not in ("bilingual", "language_test"))  # the language is the reason: one question on it
    # The moments the notes say went well come last: a reader asks first about what did not.
    well = _went_well(notes)
    moments = tuple(m for m in moments if m not in well) + tuple(m for m in moments if m in well)
    hints = load_data("phrases.en.yaml" if lang == "en" else "phrases.fr.yaml")["note_hints"]
    hinted = tuple(area for area, terms in hints.items() if notes and has_term(notes, tuple(terms)))
    # (What the person hired did, « qui fait déjà de la suppléance », is no invitation: read once, round 45.)
    inviting = _without_what_the_hire_did(rejection)
    return Situation(
        # (« Réponse négative trois semaines après »: the wait ended in a no; that is a rejection, not a follow-up.)
        # (An answer the notes say was promised, with nothing pasted, is a wait too: « Elle devait me répondre « en
        # fin de semaine », on est mardi ».)
        undecided=not rejection.strip() and news_channel != NewsChannel.PHONE and bool(notes)
                  and (has_term(notes, tuple(_cues()["no_news"])) or bool(promised_answer(notes, lang)))
                  and not has_term(notes, tuple(_cues()["told_no"])),
        went_well=tuple(m for m in moments if m in well and m != "video"),
        news=news,
        reason=reason,
        moments=tuple(m for m in moments if m != "video"),
        # (Only when the interview was the one on video: with a second round, "our video interview" may be the wrong one.)
        # (« le premier en visio …, le deuxième sur place »: the dated interview is not the video one)
        video="video" in moments and "second_interview" not in moments
              and not re.search(r"(?i)\b(sur place|en personne|en présentiel|in person|in-person|on-?site|deux entretiens|deux entrevues|two interviews)\b", notes),
        hinted_areas=hinted,
        # Rebond is for after an interview, but a draft thanks for one only when something shows it.
        # (An automated notice about "your application", with no notes and no word of an interview, comes before
        # any interview, whatever date the form was given.)
        interviewed=((dated and not (automatic and not notes.strip() and not has_term(rejection, tuple(_cues()["interview_evidence"]))))
                     or bool(notes.strip()) or has_term(rejection, tuple(_cues()["interview_evidence"])))
        # (Only a test, and no word of an interview anywhere: « l'épreuve écrite », "your translation test".)
        and not (has_term(rejection, tuple(_cues()["test_only"])) and not has_term(rejection + " " + notes, tuple(_cues()["interview_evidence"])))
        and not has_term(notes, tuple(_cues()["no_interview"])),
        invited_back=(invited := _invitation_kind_read(inviting, lang, automatic)),
        **(_invitation_details(inviting, lang, invited) if invited else {}),
        offer_action="" if automatic else invited_action(rejection, lang),
        **_asked_and_worry(notes, lang, reason, rejection),
        praised=() if automatic else (praised := _praised_moments(rejection)),
        praised_np="" if automatic or praised else _praised_np(rejection, lang),
        praised_areas=() if automatic else _praised_areas(rejection),
        praise="" if automatic else _praise(rejection),
        reference=_reference(rejection),
        no_feedback=has_term(rejection, tuple(_cues()["no_feedback"])),
        consent=not automatic and has_term(rejection, tuple(_cues()["consent"])),
        will_come_back=not automatic and (has_term(rejection, tuple(_cues()["invited_back"]["will_contact"])) or bool(_COMING_BACK.search(rejection))),
        advice="" if automatic else _advice(rejection, lang),
        relayed=not automatic and bool(_RELAYED.search(fold(rejection))),
        tutoie=says_tu,
        vouvoie=lang != "en" and not says_tu and bool(_VOUS.search(fold(rejection))),
        civility_hello=bool(re.match(r"(?i)\s*(?:bonjour|dear|hello|chère|cher)?\s*(?:m\.|mme|monsieur|madame|mr\.?|ms\.?|mrs\.?)\s+[A-ZÀ-Ý]", rejection)),
        casual_hello=bool(re.match(r"(?i)\s*(salut|allo|allô|coucou|hey|hiya)\b", rejection)
                          or (lang != "en" and re.match(r"(?i)\s*hello\b", rejection))),
        close_call=not automatic and has_term(rejection, tuple(_cues()["close_call"])),
        rest_was_fine=not automatic and has_term(rejection, tuple(_cues()["rest_was_fine"])),
    )


# Where a topic taken from the notes stops: punctuation, or the next clause.
_TOPIC_END = re.compile(r"\s*(?:[.,;:!?()\n]|\s[-–—]\s|\boù\b|\b(?:auxquel\w*|auquel|lesquel\w*|laquelle|lequel|desquel\w*|duquel|que|qui|mais|et j|j'|je|m'|me|car|parce|alors|puis|ensuite|a ete|a été|etait|était|s'est"
                        r"|which|that|but|and i|i|so|then|because|since|when|quand|lorsque|threw|tripped|was|went|got|had)\b)", re.IGNORECASE)
_ASKED = {
    "fr": [
        # « la question des fonctions de fenêtrage », « questions sur le budget », « une question piège sur … »
        ("np", re.compile(r"(?i)\b(questions?)((?:\s+(?:techniques?|pièges?|pieges?|précises?|difficiles?))?\s+(?:sur\b|des\b|du\b|de\b|d'))\s*(\S.*)")),
        # « Question HASTUS : j'ai été honnête »: a name right after the word, then a colon or an arrow.
        ("np_name", re.compile(r"\b([Qq]uestions?)\s+((?:[A-Z][\w+#/-]{1,20})(?:\s+[A-Z][\w+#/-]{1,20})?)\s*(?::|→|->)")),
        # « il m'a demandé comment je gérerais … », « m'a demandé pourquoi … »
        ("when", re.compile(r"(?i)\bm'(?:a|ont) demandé\s+((?:comment|pourquoi|si|s'|combien|quand)\b.*)")),
    ],
    "en": [
        ("np", re.compile(r"(?i)\b(questions?)(\s+(?:on|about))\s+(\S.*)")),
        ("np_before", re.compile(r"(?i)\b(?:the|a|an)\s+((?:[\w/+-]+\s+){1,3}?)(questions?)\b")),
        ("about", re.compile(r"(?i)\b(?:asked|asking|kept asking|questions)\s+(?:me\s+)?(?:a lot\s+|lots\s+)?about\s+(\S.*)")),
        ("when", re.compile(r"(?i)\basked\s+(?:me\s+)?((?:how|why|whether|if|what)\b.*)")),
    ],
}
_NOT_BEFORE_QUESTION = frozenset({"lot", "lots", "few", "couple", "bunch", "many", "several", "some", "good", "great", "tough", "hard",
                                  "follow-up", "first", "last", "same", "other", "more", "usual", "standard", "of"})


def _asked(notes: str, lang: str, reason: StatedReason | None) -> dict[str, str]:
    """The question the notes say was asked (the moment a reader expects the draft to ask about), or nothing.

    Kept in the notes' own words, cut at the next clause; « leur » becomes « votre » (the draft speaks to them).
    Left out when it is the stated reason again (the question would ask what was already answered).
    """
    if not notes.strip():
        return {}
    for kind, pattern in _ASKED["en" if lang == "en" else "fr"]:
        match = pattern.search(notes)
        if not match:
            continue
        before = fold(notes[max(0, match.start() - 30):match.start()])
        if re.search(r"(pas eu|pas de|pas une?|aucune?|n'ont pas|ne m'ont pas|no|never|didn't|did not|weren't|wasn't)\W+(\w+\W+){0,3}$", before):
            continue  # « Pas eu de questions sur le budget »: nothing was asked
        if re.search(r"\b(i|j'ai|je)\s*$", before) or re.search(r"\b(i asked|i had|j'ai pose|j'ai demande|i posed)\W*(a |des |une |some |my own )?$", before):
            continue  # "I asked about the UV system": the candidate's question, not one put to them
        segment = re.split(r"[.;!?\n]", notes[match.start():], maxsplit=1)[0]
        if re.search(r"(?i)(?::|→|->|-)\s*(oui|non|yes|no|ok)\s*$", segment.strip()):
            continue  # « Question sur mes dispos le samedi : oui. »: a fact given, no answer to improve
        if _segment_went_well(segment):
            continue  # « questions sur le travail de nuit ok »: the part that went well is not the one to ask about
        if kind == "np_name":
            topic = match.group(2)
            found = {"asked": f"mes réponses aux questions sur {topic}" if match.group(1).lower().endswith("s")
                     else f"ma réponse à la question sur {topic}"}
            if reason is not None and _overlaps(topic, " ".join((reason.term, reason.topic, reason.hire))):
                return {}
            return found
        if kind == "np_before":
            words = match.group(1).split()
            if any(fold(word) in _NOT_BEFORE_QUESTION for word in words):
                continue
            topic, plural = " ".join(words), match.group(2).lower().endswith("s")
            found = {"asked": f"my answers to the {topic} questions" if plural else f"my answer to the {topic} question"}
        else:
            # A note's arrows and pluses end it; a slash too, but not inside a word ("A/B test").
            tail = re.split(r"\s*(?:→|->|=>|\+|&|\*|(?<!\w)/|/(?!\w)|\s/\s)\s*", match.group(match.lastindex))[0]
            topic = _TOPIC_END.split(tail, maxsplit=1)[0].strip() if kind != "when" else re.split(r"\s*[.;:!?()\n]|,\s", tail, maxsplit=1)[0].strip()
            if re.search(r"(?i)\b(how|why|what|when|where|whether|if|comment|pourquoi|si|quand|où)$", topic):
                # "questions on how I ran the risk register": the clause is the topic, in the candidate's own words.
                topic = re.split(r"\s*[.;:!?()\n]|,\s|\s(?:→|->)\s*", tail, maxsplit=1)[0].strip()
            if not 1 <= len(topic.split()) <= (12 if kind == "when" else 10):
                continue
            topic = re.sub(r"(?i)\bpis\b", "et", topic)  # spoken Québec « pis » is written « et »
            topic = re.sub(r"(?i)\bleurs\b", "vos", re.sub(r"(?i)\bleur\b", "votre", topic)) if lang != "en" else \
                re.sub(r"(?i)\btheir\b", "your", topic)
            if kind == "when" and re.match(r"(?i)(si j'|si je|s'il|whether i|if i|if my|si mon|si ma|si mes)\b", topic) \
                    and not re.search(r"(?i)\b(comment|pourquoi|how|why)\b", topic):
                continue  # « quand on m'a demandé si j'étais agréée »: a plain fact, no answer to improve
            if kind == "when":
                found = {"asked_when": topic}
            elif kind == "about":
                found = {"asked": f"my answers about {topic}"}
            else:
                plural = match.group(1).lower().endswith("s")
                link = match.group(2).strip()
                if lang == "en":
                    found = {"asked": f"my answers to the questions about {topic}" if plural else f"my answer to the question about {topic}"}
                else:
                    found = {"asked": f"mes réponses aux questions {link} {topic}" if plural else f"ma réponse à la question {link} {topic}"}
                    found["asked"] = found["asked"].replace("d' ", "d'")
        if reason is not None and _overlaps(" ".join(found.values()), " ".join((reason.term, reason.topic, reason.hire))):
            return {}  # "we needed AWS": asking how the AWS answers went would ask what was already answered
        return found
    return {}


# A worry in the notes: the first person, then what went wrong, up to the end of the clause.
_WORRY_START = {
    "fr": re.compile(r"(?i)\b(j'ai|j'étais|j'etais|je)\b"),
    "en": re.compile(r"(?i)(?:^|(?<=[\s,;(]))(I|I'm|I've|I was)\b"),
}
_CLAUSE_END = re.compile(r"\s*(?:[.;:!?()\n]|,\s*(?!\d)|\s[-–—]\s|\b(?:mais|but|alors que|while|then|puis|ensuite|so|donc)\b)", re.IGNORECASE)
_HEDGES = re.compile(r"(?i)[\s,]*(?:peut-être|peut-etre|je pense|je crois|maybe|i think|probably|sans doute)\s*$")
# Spoken French a message does not write: « j'ai pas » → « je n'ai pas ».
_WRITTEN_NEGATION = [(r"(?i)\bj'ai pas\b", "je n'ai pas"), (r"(?i)\bj'étais pas\b", "je n'étais pas"),
                     (r"(?i)\bje suis pas\b", "je ne suis pas"), (r"(?i)\bj'avais pas\b", "je n'avais pas"),
                     (r"(?i)\bje savais pas\b", "je ne savais pas")]


def _names_reason(worry: str, reason: StatedReason | None) -> bool:
    """Whether the notes' worry is the stated reason again (« j'ai cherché mes mots en anglais » after "your
    English"): the question past the reason already covers it."""
    if not worry or reason is None:
        return False
    # « J'ai cherché mes mots », "I struggled to find the words" after a language reason speak of the same thing.
    about_words = reason.term_kind == "language" and re.search(
        r"\b(mots|vocabulaire|accent|prononciation|words|vocabulary|pronunciation|fluen\w*|cherche\w* (mes|my))\b", fold(worry))
    return reason.term_kind in ("language", "tool") and (fold(reason.term) in fold(worry) or bool(about_words))


# « Je veux lui demander s'il y aurait une place… », "I want to ask if there's any other work…": the candidate's own
# question, in indirect speech, after a verb of asking.
_WANTS_TO_ASK = {
    "fr": re.compile(r"(?i)(?:\b(?:je veux|je voudrais|j'aimerais|je vais|je compte|je voulais)\s+(?:lui |leur |vous |la |le |les )?(?:[^.!?\n]{0,40}?\s(?:pour |et ))?"
                     # (a note's infinitive: « Demander si un B1 suffit »; round 50: « Veux savoir ce qui a fait pencher », « … pour
                     # le remercier + demander si … », « Appeler pour demander s'il y a … », « … et demander s'il aurait … »)
                     r"|(?:^|[.!?\n:;→—–+&]\s*|-\s+|\b(?:et|pour|puis)\s+)(?:(?:je\s+)?(?:veux|voudrais|aimerais)\s+)?(?:lui |leur )?)"
                     r"(?:demander|savoir|vérifier|confirmer)(?:\s+(?:direct(?:ement)?|aussi|poliment|gentiment|franchement))?\s+"
                     r"(?:(?:un retour|du feedback|un feedback|des conseils|mon résultat|des exemples concrets)\s*(?:\+|&|,|et)\s*)?"
                     r"((?:si|s'|ce qu\w*|comment|où|quand|pourquoi|combien|à qui|jusqu'à quand|quel\w*|quoi|un retour sur)\b[^.!?\n]{5,200})"),
    # (round 50: "Want to ask politely if …", "… & ask whether …", "— ask about …", "Ask Deepak to keep me in mind …",
    # "+ ask to be considered for …")
    "en": re.compile(r"(?i)(?:\b(?:I want to|I'd like to|I wanna|I need to|I'm going to|I plan to|(?<![\w'])want to)\s+(?:[^.!?\n]{0,40}?\s(?:and |to |& |\+ ))?"
                     r"|(?:^|[.!?\n:;→—–+&]\s*|-\s+|\b(?:and|then)\s+))(?:also\s+)?"
                     r"(?:ask|know|find out|check|confirm)(?:\s+(?:politely|directly|honestly|also|again|gently|specifically|him|her|them|"
                     r"(?:mr|ms|mrs|dr)\.?\s+[A-Z][\w'-]+|(?-i:[A-Z][\w'-]+)))*\s+((?:if|whether|about|how|what|when|where|why|who|which|to)\b[^.!?\n]{5,200})"),
}
# "Ask Deepak to keep me in mind …", "ask to be considered for …": a request, asked as a question of whether.
_ASKED_TO = [(re.compile(r"(?i)^to be\b"), "if I could be"), (re.compile(r"(?i)^to (?=[a-z])"), "if you could ")]


def _wants_to_ask(notes: str, lang: str) -> str:
    """The question the notes say the candidate wants to ask, said to the recruiter, or "" when it cannot be turned."""
    notes = re.sub(r"\(([^()]*?)\s*\?\)", r"(\1)", notes)  # "(extracting in the honey house?)": an aside, not the end
    # « (temps de réaction ? attention partagée ?) »: guesses in brackets, the notes', cut whole rather than at a « ? »
    notes = re.sub(r"\s*\([^()]*\?[^()]*\)", "", notes)
    match = _WANTS_TO_ASK["en" if lang == "en" else "fr"].search(notes)
    if not match:
        return ""
    clause = re.split(r"\s+:\s|\s+[—–]\s|;", match.group(1))[0]  # « … la prochaine saison : je commence des cours »: an aside
    # « pourquoi et si je peux refaire un essai plus tard (je passe le permis …) »: the bare « pourquoi » is the
    # feedback the draft asks anyway, and the aside is the candidate's (round 50)
    clause = re.sub(r"(?i)^(?:pourquoi|why),?\s+(?:et|and)\s+(?=si\b|s'|if\b|whether\b)", "", clause)
    clause = re.sub(r"(?i)\s*\(\s*(?:je |j'|moi\b|I |I'm |I've )[^()]*\)", "", clause)
    clause = re.sub(r"(?i),?\s+(?:et|and|&|\+)\s+(?:pourquoi|why)$", "", clause)
    clause = re.sub(r"(?i)^(si|s'il y a) c'est (les|des|mes|vos|ses|ces|leurs) ", lambda m: f"{m.group(1)} ce sont {m.group(2)} ", clause)
    # « …, je serais dispo tout de suite », "…, I can start Monday": the candidate's statement after the questions
    clause = re.split(r",\s+(?=(?:je|j'|I|I'm|I'd|I'll)\b)", clause)[0]
    # « si c'est le SQL qui a fait la différence, ou autre chose »: the draft asks "anything else" itself
    clause = re.sub(r"(?i),?\s+ou\s+autre chose$", "", clause)
    # « quoi améliorer », « quoi travailler »: said as a letter says it
    clause = re.sub(r"(?i)^quoi travailler\b", "sur quoi travailler", clause)
    clause = re.sub(r"(?i)^quoi (améliorer|faire|revoir|changer|retravailler)\b", r"ce que je pourrais \1", clause)
    clause = re.sub(r"(?i)\s+si j'ai une (?:autre|deuxième|seconde|nouvelle) chance\b", " pour la prochaine fois", clause)
    # « demander un retour sur la note »: whether the recruiter would have some
    clause = re.sub(r"(?i)^un retour sur\b", "si vous auriez un retour à me faire sur", clause)
    if lang == "en":
        for pattern, said in _ASKED_TO:
            clause = pattern.sub(said, clause, count=1)
        if re.match(r"(?i)to\b", clause):
            return ""
    # (« … quand le projet repart + si je peux rester en contact »: a « + » that joins two questions is « et »)
    clause = re.sub(r"(?<=\w) [+&] (?=s'|si |que |qu'|comment |quand |ce qu|whether |if |how |when |what |which )", " pis ", clause)
    clause = re.sub(r"(?<=\w) [+&] (?=\w)", " and " if lang == "en" else " et ", clause)  # (not « M&E »: a name)
    clause = _SYMBOLS.sub(" ", re.sub(r"\b([A-Z])&([A-Z])\b", "\\1QQAMPQQ\\2", clause)).strip(" ,;:").replace("QQAMPQQ", "&")
    clause = re.sub(r"\s{2,}", " ", clause)
    # "if they can reconsider + any other openings in Pune": the plea goes, the other question stays (round 51)
    from rebond.checks import pleads

    parts = re.split(r"(?i),?\s+(?:and|et)\s+(?=(?:if|whether|any|what|how|when|si|s'|ce qu|quel|comment)\b)", clause)
    if len(parts) > 1 and any(pleads(part, lang) for part in parts):
        clause = " and " if lang == "en" else " et "
        clause = clause.join(part for part in parts if not pleads(part, lang))
    if lang == "en":
        clause = re.sub(r"(?i)^any (?=\w+ (?:openings|roles|positions|vacancies|jobs|shifts|posts)\b|(?:openings|roles|positions|vacancies|jobs|shifts|posts)\b)",
                        "whether there are any ", clause)
    # « …, et confirmer que je reste intéressée », "… + mention my tickets came through": what follows is no question
    clause = re.split(r"(?i),?\s+(?:et|and|pis)\s+(?:confirmer|mentionner|préciser|dire|rappeler|mention|say|tell)\b", clause)[0]
    if lang == "en" and re.search(r"(?i)\b(?:ask|mention)\b", clause):
        return ""  # "if it's still open, ask about the timeline, …": notes to self
    clause = re.sub(r"(?<=[\w,]) pis (?=s'|si |que |qu'|comment |quand |ce qu)", " et ", clause)
    clause = re.sub(r"(?<=[\w,]) pis (?=whether |if |how |when |what |which )", " and ", clause)  # « … le territoire pis s'il y a … »
    clause = turn_to_recruiter(clause, lang)
    if clause is None:
        return ""
    if re.search(r"(?i)\bsi y\b|\bc'est que\b|\bpis\b|\b(?:gonna|wanna|kinda)\b|\banything else\b|\bautre chose\b|\bthat was it\b|\bc'était ça\b", clause):
        return ""  # note-speak (« si y avait … ou si c'est que le CACES »), or "anything else?", which the draft asks anyway
    if re.match(r"(?i)(?:si|s') ?(?:ça|ca|cela)\b", clause):
        return ""  # « si ça peut rouvrir le dossier »: what « ça » is, the notes say elsewhere (round 51)
    if re.search(r"(?i)\b(?:si c'est|if it's|if that's|if it was) (?:ça|cela|it|that|the \w+ thing)\b", clause):
        return ""  # « si c'est ça », "if it's the nitrous thing": what « ça » is, the notes say elsewhere
    if lang == "en" and re.match(r"(?i)(?:if|whether)\b", clause) and not indirect_questions_en(clause) and not re.search(
            r"(?i)\b(?:is|are|was|were|be|been|do|does|did|can|could|would|will|should|may|might|must|have|has|had)\b|'(?:s|re|d|ll|ve)\b|\w+ed\b", clause):
        return ""  # "if any feedback at all poss despite the email": no verb, a note's fragment (round 45)
    words = clause.split()
    # (« qqch », « bcp »: written out as the draft writes them, so that the clause is found in it)
    return shorthand_written_out(clause) if 3 <= len(words) <= 40 else ""


def _worry(notes: str, lang: str) -> str:
    """The first clause of the notes in which the candidate says something went wrong, or "", its note-speak written
    out ("on the last q", round 45)."""
    return written_out(_worry_as_noted(notes, lang), lang)


def _worry_as_noted(notes: str, lang: str) -> str:
    """The first clause of the notes in which the candidate says something went wrong, or ""."""
    if not notes.strip():
        return ""
    bad = tuple(_cues()["worry"])
    for sentence in re.split(r"(?<=[.!?;])\s+|\n+", notes):
        for start in _WORRY_START["en" if lang == "en" else "fr"].finditer(sentence):
            clause = re.split(r"\s*(?:→|->|=>)\s*", _CLAUSE_END.split(sentence[start.start():], maxsplit=1)[0], maxsplit=1)[0].strip()
            clause = _HEDGES.sub("", _SYMBOLS.sub(" ", clause)).strip()
            clause = re.sub(r"\s{2,}", " ", clause)
            words = clause.split()
            if not 2 <= len(words) <= 16 or not has_term(clause, bad):
                continue
            # « quand ils m'ont posé une question » is said to one of them: « quand on m'a posé une question ».
            clause = re.sub(r"(?i)\b(?:ils|elles) m'ont\b", "on m'a", clause)
            if lang != "en" and re.search(r"(?i)\bils\b", clause):
                # « un outil de dépistage qu'ils utilisent », written to one of them: « que vous utilisez »
                clause = turn_to_recruiter(clause, lang) or "ils"
            if re.search(r"(?i)\b(it|them|they|ça|ca|cela|celle-ci|celui-ci|leur|ils)\b|\b(?:il|elle) m[e']|[→+=*]", clause):
                continue  # "I've only used it a bit": the pronoun's noun is elsewhere
            if re.search(r"(?i)^(?:j'ai dit|je lui ai dit|je leur ai dit|i said|i told)\b", clause):
                continue  # « j'ai dit manque de temps »: what the candidate answered, not a moment to ask about
            if re.search(r"(?i)\b(forgot to ask|oublié de (demander|poser)|didn't ask|pas demandé)\b", clause):
                continue  # "I forgot to ask about next steps": nothing the recruiter judged
            for pattern, written in _WRITTEN_NEGATION:
                clause = re.sub(pattern, written, clause)
            clause = clause.replace("/", " ou " if lang != "en" else " or ")
            return clause[:1].upper() + clause[1:]
    # « j'ai suivi la procédure mais oublié de demander les antécédents »: what went wrong, after « mais ».
    if lang != "en" and (m := re.search(r"(?i)\bj'ai\b[^.;!?\n]{0,60}?\bmais (oublié|raté|manqué|bâclé|échappé|mal \w+)\b([^.;!?\n→]{3,70})", notes)):
        clause = _CLAUSE_END.split(f"{m.group(1)}{m.group(2)}", maxsplit=1)[0].strip()
        if 2 <= len(clause.split()) <= 14:
            return "J'ai " + _SYMBOLS.sub(" ", clause).strip()
    # « Le SQL ça allait, bloquée sur une window function »: a French fragment without its subject, said as
    # « J'ai bloqué sur une window function » (the participle with « avoir » does not agree).
    if lang != "en" and (m := re.search(r"(?i)(?:^|[.;→,:]\s*)(bloqu|séch|sech)[ée]e?s?\s+((?:sur|à|au|aux|pendant|lors)\b[^.;!?\n→]{3,60})", notes)):
        clause = _HEDGES.sub("", _CLAUSE_END.split(_SYMBOLS.sub(" ", m.group(2)), maxsplit=1)[0]).strip(" ,")
        if 2 <= len(clause.split()) <= 12:
            return f"J'ai {m.group(1).lower().replace('sech', 'séch')}é {clause}"
    # "Ran out of time before I got to usability testing", "→ froze on slowly changing dimensions": an English
    # fragment without its subject.
    if lang == "en" and (m := re.search(r"(?i)(?:^|[.;→,]\s*)((?:ran|froze|blanked|stumbled|forgot|struggled|talked|rambled|rushed)\b[^.;!?\n]{3,90})", notes)):
        clause = _HEDGES.sub("", _CLAUSE_END.split(_SYMBOLS.sub(" ", m.group(1)), maxsplit=1)[0]).strip()
        clause = re.sub(r"(?i)[\s,]+(ugh|lol|oops|meh)$", "", clause)
        if 2 <= len(clause.split()) <= 15:
            return "I " + clause[:1].lower() + clause[1:]
    # "did ok on the customer side, fuzzy on depreciation / ACV vs RCV": the weak spot, said in the first person.
    if lang == "en" and (m := re.search(r"(?i)\b(fuzzy|shaky|weak|rusty|unsure|vague)\s+on\s+([^.;→\n]{3,50})", notes)):
        topic = _HEDGES.sub("", _SYMBOLS.sub(" ", m.group(2)).replace("/", " and ")).strip(" ,")
        topic = re.sub(r"\s+", " ", topic)
        if 1 <= len(topic.split()) <= 8:
            return f"I was {m.group(1).lower()} on {topic}"
    # "Presentation ✅, in-basket rushed": what felt rushed.
    if lang == "en" and (m := re.search(r"(?i)(?:^|[,.;/✅]\s*)([a-z][\w-]*(?: [a-z][\w-]*){0,2}) (?:was |felt |went )?rushed\b", notes)):
        if m.group(1).lower() not in ("i", "it", "that", "this", "everything", "the interview", "hr part"):
            return f"I rushed the {m.group(1).lower()}"
    # "my oral French was shaky": the candidate's own words about a weak spot.
    if lang == "en" and (m := re.search(r"(?i)\b(my [a-z][\w' -]{2,30}?) (was|were|felt) (shaky|weak|rusty|rough|off|too \w+)\b", notes)):
        return f"{m.group(1)[:1].upper()}{m.group(1)[1:]} {m.group(2)} {m.group(3)}"
    return ""


# Emojis and note symbols stay in the notes: « J'ai cherché mes mots 😬 » is quoted without them.
# (Not the middle dot of an inclusive form the candidate wrote of themself: « sorti·e » is not « sorti e ».)
_SYMBOLS = re.compile(r"(?!(?<=\w)·(?=\w))[^\w\s'’,;:.!?()/«»\"$€£%-]+")  # (a sum keeps its sign: "$165k", round 51)


def _asked_and_worry(notes: str, lang: str, reason: StatedReason | None, rejection: str = "") -> dict[str, str]:
    """The question the notes say was asked and what went wrong; one sentence when what went wrong was the answer
    to that question (« question sur les douanes → j'ai perdu mes moyens »): « J'ai perdu mes moyens à la question
    sur les douanes », asked about once."""
    found = _asked(notes, lang, reason)
    if reason is not None and found.get("asked") and _overlaps(found["asked"], rejection):
        # « Question sur mon permis » when the rejection's reason is the permit (named in another sentence than
        # the one the analyser quoted): asking how that answer went would ask what was already answered.
        found = {}
    worry = _worry(notes, lang)
    if _names_reason(worry, reason):
        worry = ""
    asked = found.get("asked", "")
    if asked and worry and len(worry.split()) <= 5 and not re.search(r"(?i)\b(sur|on|about|à la|au|with|avec)\b", worry):
        # Only when the worry follows the question in the same stretch of the notes.
        parts = re.split(r"[/\n.;]", notes)
        segment = next((part for part in parts if re.search(r"(?i)\bquestions?\b", part)
                        and fold(worry.split(" ", 1)[-1])[:12] in fold(part)), "")
        # « …pour les questions sur la gestion des parties prenantes. J'ai figé un peu. »: the next sentence.
        segment = segment or next((part for part, after in zip(parts, parts[1:]) if re.search(r"(?i)\bquestions?\b", part)
                                   and fold(asked.split()[-1]) in fold(part) and fold(worry)[-12:] in fold(after)), "")
        if segment:
            question = re.sub(r"^(?:ma réponse à |mes réponses aux |my answer to |my answers to )", "", asked)
            if lang == "en":
                worry = f"{worry} on {question}"
            else:
                question = re.sub(r"^questions\b", "les questions", re.sub(r"^la question\b", "la question", question))
                worry = f"{worry} {'aux' if question.startswith('les ') else 'à'} {question.removeprefix('les ')}"
            found = {}
    if worry and len(worry.split()) <= 3 and not re.search(r"(?i)\b(sur|on|about|à|au|aux|with|avec|in|dans|during|pendant|lors)\b", worry):
        worry = ""  # « J'ai bafouillé : comment…? » names nothing the recruiter could place
    return {**found, "worry": worry}


def _named_not_denied(notes: str, terms: tuple[str, ...]) -> bool:
    """Whether the notes name a moment other than to say it did not happen (« Pas de test écrit », "no case study")."""
    folded = fold(notes)
    for match in find_terms(notes, terms):
        before = folded[max(0, match.start() - 12):match.start()]
        # (« pas d'exercice ni de cas pratique », "no test or case study": the second one is denied too.)
        if not re.search(r"(pas de|pas d'|pas eu de|aucune?|sans|no|without|never had an?|\bni (de |d'|un |une )?|\bnor (an? )?)\s*$", before) \
                and not re.search(r"\b(no|without) [\w-]+(?: [\w-]+)? or (an? )?$", before):
            return True
    return False


def _segment_went_well(segment: str) -> bool:
    """Whether a stretch of the notes says it went well (« → ok », « ça allait bien », "nailed it") and nothing bad."""
    cues = _cues()
    said_well = has_term(segment, tuple(cues["went_well"])) or re.search(r"(?i)(?:→|->|:|,)\s*(ok|okay|correct|fine|good|solid)\b|\b(ok|okay)\s*$", segment)
    return bool(said_well) and not has_term(segment, tuple(cues["went_badly"]))


def _went_well(notes: str) -> set[str]:
    """The moments the notes say went well ("the demo lesson went great", « il a dit que mon code était propre »)."""
    cues = _cues()
    well: set[str] = set()
    previous: set[str] = set()
    for clause in re.split(r"[.;!?\n]|,\s*(?:then|puis|ensuite)\b|\s(?:but|mais|though|alors que)\s", notes):
        named = {name for name, terms in cues["moments"].items() if has_term(clause, tuple(terms))}
        if has_term(clause, tuple(cues["went_well"])) and not has_term(clause, tuple(cues["went_badly"])):
            # "…a 20-min written exercise. That part went well I think.": the part is the one just named.
            # (Also "Je me suis sentie vraiment à l'aise" right after the role play it speaks of.)
            if not named:
                named = previous
            well |= named
        previous = named
    return well


def _overlaps(asked: str, reason: str) -> bool:
    """Whether the question the notes name is about the stated reason: a name or a long word they share."""
    names = {fold(w) for w in re.findall(r"\b(?:[A-Z][\w+#-]*[A-Z0-9][\w+#-]*|[A-Z][a-z]+[A-Z]\w*)\b", asked)}  # AWS, HubSpot, k8s-like
    # A capitalised name past the first word (« la question sur Koha »): a product, a place, a system.
    names |= {fold(w) for w in re.findall(r"(?<=\s)[A-Z][a-z]{2,}\b", asked.strip())}
    words = {fold(w) for w in re.findall(r"\w{6,}", asked)} - {"reponses", "question", "questions", "answers", "answer", "reponse"}
    folded = fold(reason)
    return any(re.search(rf"\b{re.escape(w)}\b", folded) for w in names | words)


_REFERENCE = re.compile(r"(?i)\b(?:r[ée]f(?:[ée]rence)?\.?|req(?:uisition)?\.?|job\s*(?:id|no\.?|number|#)|posting\s*(?:id|#)|n[°o]\.?\s*de\s*poste|offre|poste)\s*(?:n[°o]\.?|#|:)?\s*#?\s*((?:[A-Z]{1,6}-)*[A-Z]{0,5}-?\d[\w-]{2,}(?:/[\w-]+)*)")  # (round 39: "2026/LOTH/AMU/0331")


# « Vous » to the candidate: a possessive, or « vous » with a verb said to one person.
_VOUS = re.compile(r"\b(votre|vos)\b|\bvous (avez|etes|remercions|souhaitons|informons)\b")


def _says_tu(rejection: str) -> bool:
    """Whether a rejection speaks to the candidate with « tu » (« merci pour ton temps », « je te souhaite »)."""
    folded = fold(rejection)
    tu = len(re.findall(r"\b(tu|ton|ta|tes|toi|te|t')\b|\bt'(?=[aeiouh])", folded))
    vous = len(_VOUS.findall(folded))
    return (tu >= 1 and vous == 0) or (tu >= 2 and tu > vous)


def _reference(rejection: str) -> str:
    """The posting's reference as the rejection gives it (with a digit in it), or ""."""
    match = _REFERENCE.search(rejection)
    return match.group(1).strip("-") if match else ""


def _praising_sentences(rejection: str) -> list[str]:
    """The sentences of a rejection that praise something."""
    praise = tuple(_cues()["praise"])
    return [sentence for sentence in _sentences(rejection) if has_term(sentence, praise)]


# The candidate's own account of a call pasted as the rejection: « Elle m'a dit que… », "She said I was…".
_REPORTED = re.compile(r"\b(m'a (dit|appele\w*|rappele\w*|telephone|annonce|explique)|(called|told|phoned|emailed) me|(she|he|they) (said|told|mentioned)|(il|elle) (a dit|m'a))\b")
# A turn that starts a clause: "but", « mais » anywhere; « par contre », « toutefois »… only after a comma or a
# full stop (« ta documentation étaient par contre excellents » keeps its praise in one clause).
_CONTRAST = re.compile(r"(?i)(?:,?\s+\b(?:but|mais)\b|,\s*(?:however|cependant|toutefois|par contre|pourtant)\b)")
# Clauses joined by « et », "and", a comma: a wish in one does not hide praise in the other
# (« Ta candidature était très intéressante et nous te souhaitons bonne chance »).
# (Also a comma before a new subject: « ils ont retenu « un profil plus senior », elle a dit que mon étude de cas était
# solide » praises the case study, not the profile, round 40.)
_CLAUSES = re.compile(r"(?i)\s+(?:et|and)\s+(?=(?:nous|on|je|we|i|they|ils|elles?)\b)|;\s*|,\s+(?=(?:il|elle|ils|elles|on|nous|he|she|they|we)\s)")


def _praise(rejection: str) -> str:
    """What a rejection praises in the candidate (an area of ``_PRAISED_AREA_WORDS`` or "general"), or ""."""
    cues = _cues()
    praise = tuple(cues["praise"])
    reported = bool(_REPORTED.search(fold(rejection)))
    for sentence in _praising_sentences(rejection):
        # The clause that praises, not the one after "but" that gives the reason ("positive on your Ruby, but
        # they wanted Kubernetes experience" praises no experience).
        sentence = next((c for c in _CONTRAST.split(sentence) if has_term(c, praise)), sentence)
        sentence = next((c for c in _CLAUSES.split(sentence) if has_term(c, praise)), sentence)
        folded = fold(sentence)
        if not _only_praises(sentence):
            continue  # "requires strong hands-on experience …, and the panel felt your exposure was mostly limited" (round 40)
        # (A note of what was said on the phone reports it in the first person: "she said I was their top…",
        # « elle m'a dit que le manager avait bien aimé mon entretien technique ».)
        mine = r"|mon|ma|mes|my|i|j'|m'" if reported else ""
        if not re.search(rf"\b(votre|vos|ton|ta|tes|vous|tu|t'|your|you|i was|j'etais{mine})\b", folded):
            continue  # praise of no one in particular
        if has_term(sentence, tuple(cues["praise_not_of_candidate"])) and not has_term(sentence, tuple(cues["praise_candidate_was"])):
            continue
        if has_term(sentence, tuple(cues["hire_choice"])) and not re.search(rf"\b(votre|vos|ton|ta|tes|your{'|mon|ma|mes|my|i' if reported else ''})\b", folded):
            continue  # « nous avons retenu un candidat ayant une solide expérience »: praise of the hire
        return next((area for area, words in _PRAISE_THANKED_FOR.items() if re.search(words, folded)), "general")
    return ""


def _praised_moments(rejection: str) -> tuple[str, ...]:
    """The interview moments a rejection praises (« votre étude de cas a été appréciée »), at most one."""
    for sentence in _praising_sentences(rejection):
        for name, terms in _cues()["moments"].items():
            if name not in ("panel", "video", "second_interview", "bilingual") and has_term(sentence, tuple(terms)):
                return (name,)
    return ()


def _praised(rejection: str, moment_terms: tuple[str, ...]) -> bool:
    """Whether the rejection praises this moment ("the panel loved your presentation"): then it is not asked about."""
    return any(has_term(sentence, moment_terms) for sentence in _praising_sentences(rejection))


def _invitation_kind_read(rejection: str, lang: str, automatic: bool) -> str:
    """What the rejection invites, refined: an offer that names no thing but a post that may open is that opening
    (« un poste de fromager en fabrication pourrait s'ouvrir au printemps ; si cela vous intéresse… »); an invitation
    to do something no cue names is an offer (« Si vous voulez venir donner un coup de main… »)."""
    if automatic:
        return ""  # a template invites nothing
    kind = _invitation(rejection)
    if kind == "offer" and not _invitation_details(rejection, lang, "offer").get("offer") \
            and _invitation_details(rejection, lang, "opening").get("offer"):
        return "opening"
    if not kind and invited_action(rejection, lang):
        return "offer"
    return kind


def _without_what_the_hire_did(rejection: str) -> str:
    """The rejection without the relative clauses that describe the person hired (« ils ont pris une enseignante qui
    fait déjà de la suppléance à l'école »): what that person did is no offer to the candidate (round 45)."""
    choice = tuple(_cues()["hire_choice"])
    return " ".join(re.sub(r"(?i)\s+\b(?:qui|who)\b[^.;!?\n,()]*", "", sentence) if has_term(sentence, choice) else sentence
                    for sentence in _sentences(rejection))


def _invitation(rejection: str) -> str:
    """What a personal rejection invites: a call, a new application ("reapply"), keeping the profile in mind
    ("keep"), staying in touch ("contact"), or ""."""
    # An offer to talk it over comes first: it is the feedback the candidate is asking for.
    if has_term(rejection, tuple(_cues()["invited_back"]["keep"])) and any(pattern.search(rejection) for pattern in _LIST.values()):
        return "keep"  # « votre nom demeure sur notre liste d'admissibilité … pour un remplacement »: the list is the offer
    cues = _cues()["invited_back"]
    if any(has_term(sentence, tuple(cues["keep"])) and has_term(sentence, tuple(cues["opening"]))
           and any(pattern.search(sentence) for pattern in _KEPT_FOR.values()) for sentence in _sentences(rejection)):
        return "keep"  # « Je garde ton profil sous le coude pour les postes Python qui vont ouvrir début 2027 »: kept for them
    # (A named post that may open comes before a kept CV in another sentence: « je garde votre CV : un poste de cheffe d'équipe de nuit
    # pourrait se libérer » is answered by that post.)
    for kind in ("call", "forward", "recommend", "offer", "opening", "reapply", "keep", "contact", "will_contact"):
        if kind == "offer":
            # « pas de formation payée cette fois », "no paid training this time": an offer denied (round 54's « votre
            # proposition m'intéresse » to a recruiter who had proposed nothing)
            if any(not re.search(r"\b(?:pas|plus|aucune?|sans|no|not|without|any)\s+(?:de\s+|d')?$", fold(rejection[max(0, m.start() - 14):m.start()]))
                   for m in find_terms(rejection, tuple(_cues()["invited_back"][kind]))):
                return kind
            continue
        if has_term(rejection, tuple(_cues()["invited_back"][kind])):
            return kind
    return ""


# When a new application is invited: a time, or a condition the candidate can meet.
_WHEN = {
    "fr": re.compile(r"(?i)\b(l'an prochain|l'année prochaine|dans (?:six|trois|quatre|huit|douze|quelques|\d+) mois|au printemps|à l'automne|a l'automne|cet (?:hiver|été|automne)"
                     r"|(?:en|début|fin|d'ici) (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|20\d\d)(?: 20\d\d)?"
                     r"|d'ici (?:le printemps|l'été|l'automne|l'hiver|la fin de l'année|l'an prochain)"
                     r"|(?:quand|lorsque|dès que|une fois que) (?:tu auras|vous aurez|j'aurai|tu seras|vous serez|je serai|je vais) [^.,;:!?]{3,50}"
                     r"|une fois (?:ton|ta|votre|mon|ma) [^.,;:!?]{3,40}(?:obtenue?s?|en poche|réussie?s?|terminée?s?)"
                     r"|(?:une fois|après) (?:le|la|l'|les|ton|ta|votre|mon|ma|tes|vos|mes) [^.,;:!?]{3,40})"
                     r"|si (?:jamais )?(?:tu|vous) (?:complètes|complétez|obtiens|obtenez|termines|terminez|passes|passez|réussis|réussissez|as|avez) ((?:ton|ta|tes|votre|vos|la|le|les) [^.,;:!?]{3,40}|l'[^.,;:!?]{3,40})"),
    "en": re.compile(r"(?i)\b((?:in|after) (?:six|three|four|nine|twelve|a few|\d+) months|next (?:year|spring|summer|fall|autumn|winter|cycle|quarter|hiring round)"
                     r"|in the (?:spring|summer|fall|autumn|new year)|(?:in|by|early|late) (?:january|february|march|april|may|june|july|august|september|october|november|december|20\d\d)"
                     r"|(?:once|when|after) (?:your|you(?:'ve| have|'re| are)?|I(?:'m| am|'ve| have)?) [^.,;:!?—–]{3,50}"
                     r"|if you (?:complete|get|obtain|earn|finish|pass|have completed|have obtained|have earned|have passed|have finished) [^.,;:!?—–]{3,40})"),
}
# The recruiter's "you" turned to the candidate's "I" inside a time or condition: "once you've retested" → "once I've retested".
_TO_FIRST_PERSON = {
    "fr": [(r"\btu auras\b", "j'aurai"), (r"\bvous aurez\b", "j'aurai"), (r"\btu seras\b", "je serai"), (r"\bvous serez\b", "je serai"),
           (r"\b(?:ton|votre)\b", "mon"), (r"\bta\b", "ma"), (r"\b(?:tes|vos)\b", "mes")],
    "en": [(r"(?i)\byou've\b", "I've"), (r"(?i)\byou're\b", "I'm"), (r"(?i)\byou have\b", "I have"), (r"(?i)\byou are\b", "I am"),
           (r"(?i)\byour\b", "my"), (r"(?i)\byou\b", "I")],
}
_KEPT_FOR = {
    "fr": re.compile(r"(?i)\b(?:garde|gardons|conserve|conservons|garderai|garderons|conserverons|mets|mettons|mettrai)\b[^.;!?]{0,40}?\b(pour (?:les|de|des|d'|nos|d'autres|un|une|le|la) [^.,;!?:]{3,60})"),
    "en": re.compile(r"(?i)\b(?:keep|keeping)\b[^.;!?]{0,40}?\b(for (?:future|other|upcoming|the|any|similar|our) [^.,;!?:]{3,60})"),
}


# What is offered, when the rejection names it: « des remplacements en CDD sur décembre et janvier », "our supply list",
# "an Inbound Supervisor opening".
_OFFERED = {
    "fr": re.compile(r"(?i)\b((?:un|une)\s+(?:autre\s+)?poste\s+(?:de|d')\s?[^.,;!?:]{3,40}?)(?=\s+(?:est|sera)\s+(?:actuellement\s+|aussi\s+|également\s+)?(?:ouvert|disponible|à pourvoir))|(?<=propos\w\s)((?:un|une)\s+(?:poste|contrat|mission|remplacement)\b[^.,;!?:]{0,40})|\b(?:ouvre|ouvrons|ouvrira|ouvrirons|affiche|affichons|aura|aurons)\s(un\s+poste\s+(?:de|d')\s?[^.,;!?:]{3,50})|(?<!inscrite sur )(?<!inscrit sur )\b((?:des|les|la|une|un)\s+(?:remplacements?|contrats?|missions?|suppléances?|liste de (?:priorité|rappel|remplacement|suppléance|réserve)|postes? de jour)\b[^.,;!?:]{0,50})"),
    "en": re.compile(r"(?i)\b((?:our|the|an?|another)\s+(?:[\w-]+\s+){0,3}?(?:supply|substitute|casual|on-call|relief|float)\s+(?:list|pool|roster)"
                     r"|(?:an?|another|the)\s+(?:(?-i:[A-Z])[\w-]*\s+){1,3}(?:opening|role|position|vacancy)"
                     r"|(?<=\bas )an?\s+[a-z][\w -]{2,30}?(?=\s+(?:this|next)\s+(?:season|year|summer|winter|fall|spring)\b)"
                     r"|(?<=\bshort )an?\s+[a-z][\w -]{2,30}?\s+for\s+[\w -]{2,30}?(?=\s+if\b|[.,;]|$)"
                     r"|(?<=you forward for )(?:our|the|a|an)\s+[^.,;:!?]{3,50}|(?<=recommend you for )(?:our|the|a|an)\s+[^.,;:!?]{3,50}"
                     # "I'll flag you for relief work in Term 1 if you're keen" (round 53)
                     r"|(?<=you for )(?:relief|casual|supply|temp|fill-in|cover)\s+(?:work|shifts?|teaching|days)\b[^.,;:!?]{0,30}?(?=\s+if\b|[.,;!?]|$)"
                     r"|(?<=welcome you to )(?:our|the|a|an)\s+[^.,;!?]{3,40}?(?=\s+or\b|[.,;!?]|$)"
                     r"|(?<=offered me )[^.,;!?]{3,60}?(?=\s+(?:if|when|for the summer|,)\b|[.,;!?]|$)"
                     r"|(?<=need )(?:some )?(?:(?:relief|casual|weekend|on-call|part-time|seasonal|extra|holiday)\b[^.,;!?—–]{3,40}?)(?=\s+[-–—]|[.,;!?]|$)"
                     r"|(?:a|an)\s+(?:relief|casual|supply|part-time|temporary|contract|seasonal|weekend|junior)\b[\w\s-]{0,30}?\b(?:tech|technician|position|role|shifts?|spot|contract|job|opening)s?\b)"),
}


# The pool or list a kept profile is in: « notre vivier », "the eligible list", "the pool".
_LIST = {
    "fr": re.compile(r"(?i)\b((?:notre|nos|votre|la|sa|leur)\s+(?:vivier(?: de candidat\w*)?|banque de (?:talents|candidat\w*)|réserve de candidat\w*|liste (?:de priorité|d'admissibilité|de rappel|de réserve|complémentaire)))"),
    "en": re.compile(r"(?i)\b((?:the|our)\s+(?:eligible list|eligibility list|talent pool|candidate pool|pool|talent community))\b"),
}


# The next opening, named: « le prochain poste au bloc ortho », "the next charge nurse opening".
_NEXT_OPENING = {
    "fr": re.compile(r"(?i)\b((?:le|la) prochain\w* (?:poste|ouverture|affichage|offre)(?: (?:au|à|en|de|du|d')\s?[^.,;!?:]{2,30})?)"
                     r"|\b((?:un|une)\s+(?:autre\s+)?(?:poste|contrat|remplacement|mandat|CDD)\s+(?:de|d'|pour)\s?[^.,;!?:]{3,40}?)(?=\s+(?:pourrait|devrait|va|allait|risque|sera|seront)\b)"
                     # « il y aurait peut-être un contrat pour les festivals cet été », « ils auraient peut-être un poste de
                     # chef d'équipe à l'emballage à l'automne » (a call reported): what, up to when
                     r"|\b(?:il y aurait|(?:ils|elles|on|nous) (?:auraient|aurait|aurons|aura)) (?:peut-être |sans doute |probablement )?((?:un|une)\s+(?:autre\s+)?(?:poste|contrat|remplacement|mandat|CDD)\s+(?:de|d'|pour)\s?[^.,;!?:]{3,40}?)(?=\s+(?:cet|cette|ce|au printemps|à l'(?:automne|été|hiver)|en (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|20\d\d)|dès|d'ici|bientôt|l'an)\b|\s*[.,;!?]|$)"
                     # « on ouvre un poste de chargée de projet événementiel en janvier », « des postes de TTS … seront
                     # affichés en septembre »: what opens, up to when.
                     r"|(?:ouvr\w*|rouvr\w*|afficher\w*)\s+((?:un|une|des)\s+(?:autres?\s+)?postes?\s+(?:de|d')\s?[^.,;!?:]{3,60}?)(?=\s+(?:en (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)|cet|cette|ce|au printemps|à l'automne|dès|d'ici|l'an|bientôt|prochainement)\b|\s*[.,;!?])"
                     r"|\b((?:des|deux|trois|d'autres)\s+postes?\s+(?:de|d')\s?[^.,;!?:]{3,60}?)(?=\s+(?:seront|vont|pourraient|devraient)\b)"),
    "en": re.compile(r"(?i)\b(the next (?:[\w-]+ ){0,3}?(?:opening|role|position|posting))\b"
                     r"|\b((?:a|an)\s+(?:[\w-]+\s+){1,4}?(?:posting|role|position|opening))(?=\s+(?:going up|opening up|coming up|that|which|next)\b)"
                     r"|(?:look at|apply (?:for|to)|check out|consider) ((?:the|our) [\w -]{3,40}? (?:posting|opening|role|position))\b"
                     r"|\bif (an? [\w -]{3,40}? (?:role|position|opening|spot))(?= (?:opens|comes|becomes)\b)"),
}


# Where the recruiter offers to send the CV: « à la plateforme d'imagerie d'Orsay », "to our Tigard clinic".
_FORWARD_TO = {
    "fr": re.compile(r"(?i)\b(?:cv|profil|dossier|candidature|nom)\s+((?:à|au|aux)\s+[^.,;!?]{3,60})"),
    "en": re.compile(r"(?i)\b(?:resume|résumé|cv|profile|application|name)\s+(?:along |on )?(to\s+[^.,;!?]{3,60})"),
}


# What the recruiter invites the candidate to do, as an infinitive: « Si vous voulez venir donner un coup de main
# comme bénévole pendant les chevrotages », "you're welcome to come shadow a Saturday shift". Answered by saying yes
# to it in the candidate's words, never « Votre proposition m'intéresse » that names nothing.
_ACTION_TRIGGER = {
    "fr": re.compile(r"(?i)\b(?:si (?:jamais )?(?:vous (?:voulez|souhaitez|aimeriez|désirez)|tu (?:veux|souhaites|aimerais)"
                     r"|ça (?:te|vous) (?:dit|tente|intéresse)|cela (?:vous|te) (?:dit|tente|intéresse)|le cœur (?:vous|t')en dit)(?:,)?"
                     r"|n'hésitez pas à|n'hésite pas à|je vous invite à|je t'invite à|nous vous invitons à|je vous encourage à|je t'encourage à|nous vous encourageons à"
                     r"|(?:vous|tu) (?:êtes|es|seriez|serais|serez|seras) (?:toujours |le |la |les )?(?:bienvenue?s?|les bienvenus) (?:pour|à))\s+(?:de\s+|d')?"),
    "en": re.compile(r"(?i)\b(?:if you(?:'d| would) (?:like|love|want|be (?:interested|keen|up for it|happy)) to|if you want to"
                     r"|if you're (?:keen|interested|up for it|happy) to|feel free to"
                     r"|you(?:'re| are|'d be| would be| will be|'ll be) (?:more than |very |always |most |also )?welcome to"
                     r"|we(?:'d| would) (?:love|be (?:happy|glad|delighted)) (?:for you |to have you )to"
                     r"|i(?:'d| would) (?:love|like) (?:for )?you to)\s+"),
}
# Invitations another wording answers already: a new application, a call, keeping in touch, a note to send.
_ACTION_ANSWERED = {
    "fr": re.compile(r"(?i)^(?:re)?postuler|^(?:re)?candidater|^y postuler|^revenir vers|^(?:vous |nous |te )?(?:re|ré)?(?:é|e)crire|^(?:vous |nous |te )?recontacter|^appeler|^me renseigner|^maintenir|^mettre à jour|^poser|^soumettre|^surveiller|^suivre (?:nos|notre|la|les)|^(?:me|nous|m') ?(?:re)?(?:contacter|appeler|écrire|ecrire|joindre|relancer|faire signe|le faire savoir|rappeler)"
                     r"|^(?:rester|garder) (?:en )?contact|^(?:en )?(?:discuter|parler|jaser)|^consulter|^jeter un|^continuer|^poursuivre|^maintenir"),
    "en": re.compile(r"(?i)^(?:re-?)?apply|^submit|^reach out|^contact|^call|^ring|^e-?mail|^get (?:back )?in touch|^keep in touch|^stay in touch"
                     r"|^let (?:me|us) know|^connect|^follow|^check|^keep an eye|^discuss|^talk|^chat|^ask|^send|^drop (?:me|us) a|^sign up|^look|^stay connected|^hear|^request|^update|^monitor|^watch|^continue|^keep"),
}
# Where the invited action ends: the recruiter's own clause, a condition, an aside.
_ACTION_END = re.compile(r"(?i)\s*(?:[.,;:!?()\n]|\s[-–—]\s|\s(?:si|if|once|when|quand|dès que|lorsque|as soon as)\s)")
_ACTION_VIEW = {
    # The recruiter's « vous » is the candidate's « me »; the organisation's « nous » is « vous » in the answer.
    "fr": {"vous": "me", "te": "me", "t'": "m'", "ta": "ma", "ton": "mon", "tes": "mes", "vos": "mes", "nous": "vous", "notre": "votre", "nos": "vos"},
    "en": {"you": "me", "your": "my", "yourself": "myself", "us": "you", "our": "your", "we": "you"},
}
# Words whose turning depends on what the answer cannot know (« votre » is « mon » or « ma »; the recruiter's « me »
# is « vous » or « te »): an action holding one is not restated.
_ACTION_UNSURE = {"fr": re.compile(r"(?i)\b(?:votre|me|m'|moi|je|j'|mon|ma|mes|on)\b|\bm'"), "en": re.compile(r"(?i)\b(?:me|my|i|i'd|i'll|i'm)\b")}


def invited_action(rejection: str, lang: str) -> str:
    """The thing the rejection invites the candidate to do, in the candidate's words, as an infinitive, or ""."""
    lang = "en" if lang == "en" else "fr"
    for sentence in _sentences(rejection):
        match = _ACTION_TRIGGER[lang].search(sentence)
        if match is None:
            continue
        rest = sentence[match.end():]
        action = _ACTION_END.split(rest, maxsplit=1)[0].strip()
        words = action.split()
        if not 2 <= len(words) <= 20 or _ACTION_ANSWERED[lang].search(action) or _ACTION_UNSURE[lang].search(action):
            continue
        if re.search(r"(?i)\b(?:that|this|it|them|one|ça|cela|celui-ci|celle-ci)$", action):
            continue  # "be considered for that": what "that" is, the answer cannot say
        if re.match(r"(?i)(?:si|if)\b", match.group(0)) and len(rest[len(action):].split()) > 8:
            # "If you would like to build experience in hospice care, we would be glad to welcome you to our volunteer
            # program…": the condition is the candidate's aim; the offer is the clause after it.
            continue
        if lang == "fr" and not re.match(r"(?i)(?:(?:me|vous|te|nous|y|en|les|le|la|l')\s+|[mtl]')?\w+(?:er|ir|re|oir)\b", action):
            continue  # « si vous voulez qu'on en jase »: no infinitive, nothing to restate
        turned = re.sub(r"(?i)\b(?:t'|[\w']+)", lambda m: _turn_word(m.group(0), _ACTION_VIEW[lang]), action)
        if lang == "fr":
            turned = re.sub(r"(?i)\b(m)e (?=[aeiouhéèêàâîôû])", r"\1'", turned)  # « vous inscrire » → « m'inscrire »
        return _without_dangling_end(turned)
    return ""


def _turn_word(word: str, view: dict[str, str]) -> str:
    turned = view.get(word.lower())
    if turned is None:
        return word
    return turned[:1].upper() + turned[1:] if word[:1].isupper() else turned


# « Je me permettrai de revenir vers toi à ce moment-là », "I'll get back to you then": the recruiter comes back.
_COMING_BACK = re.compile(r"(?i)\b(?:revenir vers (?:toi|vous)|vous recontacte\w*|te recontacte\w*|get back to you|be in touch)\b"
                          r"[^.?!]{0,40}\b(?:à ce moment-là|then|at that point|when it opens)\b")


def _invitation_details(rejection: str, lang: str, kind: str) -> dict[str, str]:
    """When a new application is invited, and what a kept profile is kept for, in the candidate's words."""
    lang = "en" if lang == "en" else "fr"
    details: dict[str, str] = {}
    if kind in ("reapply", "keep", "contact", "opening"):
        for sentence in _sentences(rejection):
            if has_term(sentence, tuple(_cues()["invited_back"][kind])):
                if match := _WHEN[lang].search(sentence):
                    when = (match.group(1) or "").strip()
                    # The condition ends where the recruiter's own clause starts: "if you get it renewed we'd love to
                    # see you apply again" is "once I get it renewed", never "…renewed we'd love to see I apply ag".
                    when = re.split(r"(?i)\s+(?:we|we'd|we'll|we would|i'd|i'll|please|feel free|just|and|but|so|nous|n'hésit\w*|et|mais)\b", when)[0]
                    if lang == "fr" and match.lastindex and match.lastindex >= 2 and match.group(2):
                        when = f"une fois {match.group(2).strip()} en poche"  # « si tu complètes ta certification »
                    when = re.sub(r"(?i)^if you ", "once you ", when)  # "if you complete your certification"
                    when = re.sub(r"(?i)\s+by then$", "", when)
                    when = re.sub(r"(?i)\bquand je vais l'avoir\b", "quand je l'aurai", when)  # spoken future, written
                    for pattern, replacement in _TO_FIRST_PERSON[lang]:
                        when = re.sub(pattern, replacement, when)
                    when = when[:1].lower() + when[1:] if when[:2] != "I " else when  # "…get back in touch once my…"
                    details["invite_when"] = _without_dangling_end(when)
                    break
    if kind == "forward" and (match := _FORWARD_TO[lang].search(rejection)):
        # where the CV goes: « à la plateforme d'Orsay », "to the doc crew shooting in Newfoundland"
        target = re.split(r"\s[-–—]\s", match.group(1).strip())[0]  # "…at another agency - she's hiring": the target ends
        # A relative clause about the target is the recruiter's, not the candidate's ("…in Saskatoon who's hiring
        # inside reps"); and a match cut at its length never ends mid-word.
        cut = re.split(r"(?i)\s+(?:who|which|that|who's|qui|dont)\b", target)[0]
        if cut == target and len(match.group(1)) >= 60 and " " in target:
            cut = target.rsplit(" ", 1)[0]
        target = cut
        target = re.sub(r"(?i)^to an? ", "to the ", target)
        for pattern, replacement in _POINT_OF_VIEW[lang] + _RECRUITER_OWN[lang]:
            target = re.sub(pattern, replacement, target)  # « à mes collègues » are the recruiter's: « à vos collègues »
        details["offer"] = _without_dangling_end(target)
    if kind == "reapply" and lang == "en" and (match := re.search(r"(?i)\bapply ((?:to|for) (?:the|our|your) [^.,;:!?]{3,80})", rejection)):
        # "to our New Grad Analyst program when it opens in September": the target, without the when (said apart)
        # and never cut mid-word.
        target = re.split(r"(?i)\s+(?:when|once|if|as soon as|after|before|next|this|in (?:january|february|march|april|may|june|july"
                          r"|august|september|october|november|december|the (?:fall|spring|summer|winter|new year)))\b", match.group(1))[0]
        # "our Lifeguard (non-supervisory) postings": an aside in brackets goes, the noun after it stays
        target = re.sub(r"\s*\([^()]*\)(?=\s+\w)", "", target)
        target = re.split(r"\s*\(|\s+[—–-]\s+", target)[0]  # "posting (closes November 30) — several…": the posting
        if target == match.group(1) and len(target) >= 80:
            target = target.rsplit(" ", 1)[0]
        target = _without_dangling_end(target.strip())
        for pattern, replacement in _POINT_OF_VIEW["en"]:
            target = re.sub(pattern, replacement, target)
        details["invite_for"] = target  # "I could apply to the English-only team", "our seasonal front-of-house roles"
    elif kind == "reapply" and lang == "en" and (match := re.search(
            r"(?i)\b((?:our|the) [\w -]{3,40}?(?:positions|roles|openings|postings|jobs))\b[^.]{0,40}?\bapply (?:for|to) (?:those|them|these)\b", rejection)):
        # "qualifies you for our general floor positions, and we encourage you to apply for those" (round 39): the
        # invitation is for those posts, not this one again
        details["invite_for"] = "to " + re.sub(r"(?i)^our\b", "your", match.group(1))
    if kind == "offer" and (match := _OFFERED[lang].search(rejection)):
        offered = next(g for g in match.groups() if g).split("(")[0]
        offered = re.sub(r"(\w)[·•](?:e|ne|sse|rice|euse|es|fe)\b", r"\1", offered)  # « hôte·sse » reads « hôte »
        offered = re.sub(r"\s*/\s*", " ou ", offered) if lang != "en" else re.sub(r"\s*/\s*", " or ", offered)
        offered = _without_dangling_end(re.sub(r"[^\w'’ -]+", " ", offered).strip())
        offered = re.sub(r"(?i)\s+en attendant$", "", offered)
        # « une mission à Saint-Priest si je le repasse »: the condition is the recruiter's, said apart
        offered = re.split(r"(?i)\s+(?:si|if|once|une fois|quand|when|dès que|as soon as)\s", offered)[0]
        for pattern, replacement in _POINT_OF_VIEW[lang]:
            offered = re.sub(pattern, replacement, offered)
        if 2 <= len(offered.split()) <= 12:
            details["offer"] = offered
    if kind == "opening" and (match := _NEXT_OPENING[lang].search(rejection)):
        named = next(g for g in match.groups() if g).strip()
        named = named[:1].lower() + named[1:] if re.match(r"(?:Un|Une|Le|La|Les|The|A|An|Our)\b", named) else named
        for pattern, replacement in _POINT_OF_VIEW[lang][:1]:
            named = re.sub(pattern, replacement, named)  # "our SOC Tier 1 Analyst opening" is the recruiter's: "your"
        details["offer"] = _without_dangling_end(re.sub(r"(?i)^(?:an?)\s", "the ", named))  # « le prochain poste au bloc ortho »
    if kind == "keep" and (match := _LIST[lang].search(rejection)):
        listed = match.group(1).strip()
        for pattern, replacement in _POINT_OF_VIEW[lang]:
            listed = re.sub(pattern, replacement, listed)
        # « elle aimerait me garder dans leur vivier » (a call reported): theirs is « votre vivier » to them
        listed = re.sub(r"(?i)\bleurs\b", "vos", re.sub(r"(?i)\bleur\b", "votre", listed)) if lang == "fr" else re.sub(r"(?i)\btheir\b", "your", listed)
        details["invite_list"] = listed
    if kind == "keep" and lang == "fr" and (other := re.search(r"(?i)\b(pour (?:d'autres|de prochaines|les prochaines) (?:missions|postes|opportunités|offres))", rejection)):
        details["invite_for"] = other.group(1)  # « Je reste à l'écoute pour d'autres missions »
    if kind == "keep" and (match := _KEPT_FOR[lang].search(rejection)):
        kept = _without_dangling_end(re.sub(r"[^\w'’ -]+", " ", match.group(1).split("(")[0]).strip())
        for pattern, replacement in _POINT_OF_VIEW[lang]:
            kept = re.sub(pattern, replacement, kept)
        if len(kept.split()) <= 12 and not re.search(r"(?i)\b(période|periode|period|mois|months?|ans?|years?|semaines|weeks)\b", kept):
            details["invite_for"] = kept
            if fold(details.get("invite_when", "")) in fold(kept):
                details.pop("invite_when", None)  # « pour les postes Python qui vont ouvrir début 2027 » says when
    return details


# Praise in the recruiter's words, with what it praises: "we were impressed by your mock discovery call",
# « ta présentation sur Instagram nous a vraiment accrochés », "your case presentation stood out".
_PRAISE_NP = {
    "fr": [re.compile(r"(?i)\b(?:aimé|apprécié|adoré|retenu|(?:bluffé|impressionné|séduit|marqué)e?s?\s+par)\s+((?:ton|ta|tes|votre|vos)\s+[^.,;!?:]{3,70}?)(?=\s*(?:[.,;!?:]|\bet\b|\bmais\b|\bvraiment\b|\bpar contre\b|$))"),
           re.compile(r"(?i)\b((?:ton|ta|tes|votre|vos|mon|ma|mes)\s+[^.,;!?:]{3,60}?)\s+(?:nous\s+|m'|les\s+|l'\s*)?(?:a|ont|avait|avaient|était|étaient)\s+(?:vraiment\s+|beaucoup\s+|particulièrement\s+|très\s+|été\s+)*(?:plu|accroch\w*|séduit\w*|impressionn\w*|marqu\w*|excellente?s?|remarquables?|très bonne?s?|convaincante?s?|appréciée?s?|solides?|fait (?:forte|grande|bonne|très bonne) impression|(?:très |vraiment |super )?bien (?:structuré|préparé|pensé|construit|mené|ficelé|articulé|amené)e?s?)")],
    "en": [re.compile(r"(?i)\b(?:(?:enjoyed|loved) (?:learning|hearing) (?:more )?about|loved|liked|enjoyed|appreciated|impressed (?:by|with)|struck by|positive (?:on|about))\s+((?:your|my)\s+[^.,;!?:—–]{3,70}?)(?=\s*(?:[.,;!?:—–]|\band\b|\bbut\b|\bwhich\b|$))"),
           re.compile(r"(?i)\b((?:your|my)\s+[^.,;!?:—–]{3,60}?)\s+(?:was|were|really)\s+(?:really\s+|very\s+|truly\s+)?(?:excellent|great|impressive|outstanding|strong|one of the (?:best|strongest)|stood out|a highlight)"),
           re.compile(r"(?i)\b((?:your|my)\s+[^.,;!?:—–]{3,60}?)\s+stood out"),
           re.compile(r"(?i)\b((?:your|my)\s+[^.,;!?:—–]{3,60}?)\s+(?:is|was) (?:a (?:real |big |definite )?(?:plus|asset|strength)|(?:really |very )?valuable)"),
           re.compile(r"(?i)\b((?:your|my)\s+[^.,;!?:—–]{3,60}?)\s+(?:was|were) (?:some|one) of the (?:strongest|best)")],
}
# « votre » says nothing of the noun's gender: « ma » before the usual feminine endings (connaissance, présentation).
_VOTRE_FEMININE = re.compile(r"(?i)\bvotre\s+(?=[^\W\daeiouhàâéèêëîïôöûü]\w*(?:ion|ance|ence|ité|ure|ie|ise|ude|ette|ée|ade|ique|èse|yse|onse|ode|ine|elle)\b)")
# « votre » before a consonant whose gender the endings do not tell (« votre façon »): the phrase is not used.
_VOTRE_MASCULINE = re.compile(r"(?i)\bvotre\s+(?=[^\W\daeiouhàâéèêëîïôöûü]\w*(?:ment|age|isme|eau|oir|et|at|ier|ail|ard|ing|ol|ain|in)\b)")  # (not -eur: « rigueur », « valeur »)
_TO_MINE = {"fr": [(_VOTRE_FEMININE, "ma "), (_VOTRE_MASCULINE, "mon "), (r"(?i)\bvotre\s+(?=[aeiouhàâéèêëîïôöûü])", "mon "), (r"(?i)\bton\b", "mon"), (r"(?i)\bta\b", "ma"), (r"(?i)\b(?:tes|vos)\b", "mes")],
            "en": [(r"(?i)\byour\b", "my")]}


def _praised_np(rejection: str, lang: str) -> str:
    """What the rejection praises, as the candidate would name it (« ma présentation sur Instagram »), or ""."""
    lang = "en" if lang == "en" else "fr"
    praise = tuple(_cues()["praise"])
    for sentence in _praising_sentences(rejection):
        # The praise's own pattern first; else the first possessive noun phrase of the clause that praises
        # (« le comité a apprécié votre connaissance des programmes d'entretien et votre rigueur »): readers
        # wanted the praised thing named, not « vos bons mots » alone.
        clause = next((c for c in _CONTRAST.split(sentence) if has_term(c, praise)), sentence)
        if not _only_praises(clause):
            continue  # a clause that faults what it names praises nothing (round 40: "your exposure was mostly limited")
        found = [m.group(1) for pattern in _PRAISE_NP[lang] if (m := pattern.search(sentence))]
        found += [m.group(1) for m in [_POSSESSIVE_NP[lang].search(clause)] if m]
        for praised in found:
            praised = _without_dangling_end(re.sub(r"(?i)\s+(?:though|too|as well|also|aussi|quand même|as an? (?:highlight|standout|strength)|comme (?:un )?point fort)$", "", praised.strip()))
            praised = re.sub(r"(?i)\s+pis\s+", " et ", praised)  # « ton sens du rythme pis ta documentation »
            # « impressionnés par vos réponses et par votre connaissance… »: one « par » governs both; an emoji is the
            # recruiter's, not the candidate's words
            praised = re.sub(r"(?i)\s+(et|and)\s+(?:par|by)\s+", r" \1 ", praised)
            praised = re.sub(r"\s*[\U0001F300-\U0001FAFF\u2600-\u27BF]+", "", praised).strip()
            if re.search(r"(?i)\b(search|recherches?|endeavou?rs|démarches|future|avenir|suite|nom|name)\b", praised) or re.match(
                    r"(?i)(?:my|mon|ma|mes) (?:number|phone(?: number)?|numéro(?: de téléphone)?|coordonnées|contact details|details|e-?mail|courriel)\b", praised):
                continue  # a wish for the candidate's search, or a name or number kept on a list: no praise
            for mine, replacement in _TO_MINE[lang]:
                praised = re.sub(mine, replacement, praised)
            if re.search(r"(?i)\bvotre\b", praised):
                continue  # a noun whose gender we cannot tell: « ma » or « mon » would be a guess
            # (The head noun decides: « ma connaissance des programmes d'entretien » is not the interview.)
            head = praised.split()[1] if len(praised.split()) > 1 else ""
            if praised.count(")") > praised.count("("):
                praised = praised.replace(")", "").strip()  # "my uncle's operation in Manitoba)": the aside's end
            if 2 <= len(praised.split()) <= 10 and not re.fullmatch(r"(?i)(intérêt|interest|temps|time|candidature|application|patience|profil|profile|dossier|cv|résumé|entrevue|entretien|interview|recherches?|search|démarches|parcours|background|expérience|experience)", head):
                return praised
    return ""


# A possessive noun phrase, up to the verb or the next clause: « votre connaissance des programmes d'entretien ».
_POSSESSIVE_NP = {
    "fr": re.compile(r"(?i)\b((?:votre|ton|ta|tes|vos|mon|ma|mes)\s+[^.,;!?:«»\"]{2,60}?)(?=\s+(?:était|étaient|est|sont|a|ont|avait|avaient|reste|restent|demeure|nous|m'|l'(?:a|ont|avait|avaient|avons|ai)\b|lors|pendant|dans|durant|et\s+(?:la|le|les|nous|votre|vos|ton|ta|tes|on)|mais|qui|que)\b|\s*[.,;!?:«»\"]|$)"),
    "en": re.compile(r"(?i)\b((?:your|my)\s+[^.,;!?:\"]{2,60}?)(?=\s+(?:was|were|is|are|really|truly|stood|came|during|in\s+the|and\s+(?:the|we|your|i)|but|which|that)\b|\s*[.,;!?:\"]|$)"),
}


# The areas a praising sentence (or "not a reflection of your interview") speaks well of.
_PRAISED_AREA_WORDS = {"experience": r"\b(profil|parcours|experience|background|profile|expertise)\b",
                       "interview": r"\b(entrevue|entretien|interview|reponses|answers)\b",
                       "cv": r"\b(cv|resume|candidature ecrite|dossier)\b"}


# What a praise is thanked for (« dossier » can be a case file: « votre connaissance du dossier »).
_PRAISE_THANKED_FOR = {"experience": r"\b(profil|parcours|experience|background|profile|expertise)\b",
                       "interview": r"\b(entrevue|entretien|interview)\b",
                       "cv": r"\b(cv|resume|candidature|application)\b"}


def _praised_areas(rejection: str) -> tuple[str, ...]:
    """The question areas the rejection already answered well: « votre profil nous a plu », "not a reflection of your interview"."""
    sentences = [fold(s) for s in _praising_sentences(rejection)]
    sentences += [fold(s) for s in _sentences(rejection) if has_term(s, tuple(_cues()["not_the_issue"]))]
    return tuple(area for area, words in _PRAISED_AREA_WORDS.items() if any(re.search(words, s) for s in sentences))


@cache
def _cues() -> dict:
    return load_data("context_cues.yaml")


def _clause_containing(sentence: str, words: str) -> str:
    """The clause of ``sentence`` that holds ``words``: "requires all supervisors to hold a current SMSTS, and we need
    someone who can start on site without a gap" holds two reasons, one per clause (round 53)."""
    # (Only a second need said in its own clause: « … et le comité avait des doutes avec la distance » explains the first.)
    for clause in re.split(r"(?i),?\s+(?:and|et)\s+(?=(?:we|they|nous|ils|on)\s+(?:also\s+)?(?:need|needed|require|required|must|wanted|"
                           r"avons besoin|avions besoin|a besoin|avait besoin|exige|exigeons|voulions|voulait)\b)", sentence):
        if words in clause:
            return clause
    return sentence


def _internal_hire(rejection: str) -> bool:
    """Whether the post went to someone inside: not the candidate's own in-house experience (« moi j'ai surtout de
    l'expérience à l'interne », "my experience is mostly in-house")."""
    terms = tuple(_cues()["internal_hire"])
    for sentence in _sentences(rejection):
        for hit in find_terms(sentence, terms):
            before = fold(sentence[max(0, hit.start() - 50):hit.start()])
            if re.search(r"\b(debats?|discussions?|echanges?|reflexion|deliberations?|discuss\w*|debated?)\s*$", before):
                continue  # « après pas mal de débats en interne »: discussed inside, not hired inside
            if re.search(r"\b(formations?|former|formee?s?|train(?:ing|ed)?|coach\w*|developp\w*|develop\w*)\b[\w\s']{0,30}$", before):
                continue  # « offrir une formation complète à l'interne », "train internally": taught inside (round 53)
            if not re.search(r"\b(experience|j'ai|moi|mon|ma|mes|my|i have|i've|worked|travaille)\b", before):
                return True
    return False


def _offers_only(sentence: str) -> bool:
    """Whether a sentence makes an offer (a list, another role, a call) and explains nothing."""
    offers = any(has_term(sentence, tuple(_cues()["invited_back"][kind])) for kind in ("offer", "keep", "opening", "recommend", "forward", "call"))
    return offers and not has_term(sentence, tuple(_cues()["explains"]))


# A sentence that thanks the candidate (« Merci d'être venu … et d'avoir … », "Thanks for taking the test…").
_THANKING = re.compile(r"(?i)\s*(?:merci|thanks?\b|thank you|je (?:te|vous) remercie|nous (?:te|vous) remercions)")


def stated_reason(rejection: str, lang: str) -> StatedReason | None:
    """The reason the rejection states, or None; a named term or field that is a broken cut is left unnamed."""
    reason = _stated_reason(rejection, lang)
    if reason is None:
        return None
    # A name cut at its length limit on a small word (« le DEC en techniques d'éducation à l'enfance ou l. », round 49),
    # trimmed; a cut that ends on a relative word names nothing (round 48: « le poste exige le diplôme dont. », "experience
    # in other candidates whose."); nor does a name in brackets after the job's title, which is the title's (« le poste
    # d'analyste en cybersécurité (SOC) », read as « me former à SOC »).
    term, topic = reason.term, reason.topic
    if reason.term_kind in ("credential_phrase", "licence", "certification", "membership"):
        # « le permis B pour partir seul sur les chantiers avec le fourgon » (round 53): what it is for is the post's,
        # the credential is « le permis B »
        term = re.split(r"(?i)\s+(?:pour|afin de|afin d'|in order to|so (?:that|you|they)|to (?=[a-z]+\b))\s*", term)[0] if len(term.split()) > 4 else term
    # (A lone lower-case letter only: « classe C », "Class A" are names, not cuts.)
    term = re.sub(r"(?:\s+(?:(?i:ou|et|or|and|de|du|des|à|en|of|the|a)|[a-zà-ÿ]'?))+$", "", term) if len(term.split()) > 2 else term
    if _BROKEN_END.search(term) or term and re.search(rf"(?i)\b(?:poste|role|position)\s+(?:de |d'|du |of |as )[^.;,()]{{0,60}}\(\s*{re.escape(term)}\s*\)", reason.evidence):
        term = ""
    if _BROKEN_END.search(topic) or re.match(r"(?i)(?:other|another|d'autres|une autre|un autre) (?:candidat|applicant)", topic):
        topic = ""
    if (term, topic) == (reason.term, reason.topic):
        return reason
    if _unnamed_area(reason.category, term, topic, reason.hire):
        return StatedReason(category=None, term_kind="explained", evidence=reason.evidence)
    return replace(reason, term=term, term_kind=reason.term_kind if term else "", topic=topic)


def _unnamed_area(category: Category | None, term: str, topic: str, hire: str) -> bool:
    """Whether the reason is an area read in words no reading could name (a policy, a full team, a season's veterans,
    "how you came across"): the draft then says it understood, never « Merci de m'avoir dit ce qui a fait la
    différence. Sur ce point… », which points at nothing, nor a team fit the recruiter never wrote (readers of rounds
    5–30, twenty times). (Not an interview or a register point: "the system design round didn't show the depth we need"
    is said as it is.)"""
    return category in (Category.SKILLS, Category.CULTURE_FIT, Category.CV_COVER_LETTER) and not (term or topic or hire)


def _stated_reason(rejection: str, lang: str) -> StatedReason | None:
    """The reason a rejection states, or None (no message, a template, praise alone, a protected ground)."""
    if not rejection.strip():
        return None
    # Imported here: the analyser's lexicons load on first use, not when drafting starts.
    from rebond.analyse import analyse_reply

    # The rules alone: a draft names only a reason the rules found (the second opinion's areas are guesses,
    # measured on replies' analyses, not on the drafts written from them).
    analysis = analyse_reply(AnalysisRequest(reply=rejection, language=None), second_opinion=False)
    internal = _internal_hire(rejection)
    # A protected ground or an insult is not a reason to answer to: no gap to close.
    # (A demeaning reading on one cue and no ground is low confidence: "crunch week lol", "the kids took to you" are
    # warmth, not mockery; the reason such a reply states is still answered.)
    if analysis.discrimination_warning or analysis.ground or (
            analysis.kind is Kind.MALICIOUS and analysis.kind_confidence is not Confidence.LOW):
        return None  # (the person hired, described next to a ground, is no gap to close either)
    findings = [f for f in analysis.categories if not _only_praises(f.evidence)
                                     # « Il a dit que mon entretien était solide, surtout l'étude de cas (…) »: a
                                     # finding inside a sentence that only praises is no reason either
                                     and not _praise_sentence(_sentence_containing(rejection, f.evidence))
                                     and not has_term(f.evidence, tuple(_cues()["no_reason"]))
                                     # « mon français était très correct, c'était pas ça le problème »: set aside
                                     and not has_term(f.evidence, tuple(_cues()["not_the_issue"]))
                                     # "we'd like to offer you the chance … without a further interview", « ajouter
                                     # votre nom à notre liste de remplacement »: an offer's words are no reason
                                     and not _offers_only(_sentence_containing(rejection, f.evidence) or f.evidence)
                                     # « Merci … d'avoir embarqué dans le test de la console sans trop de préparation »:
                                     # what the candidate is thanked for is no reason either (round 35)
                                     and not _THANKING.match(_sentence_containing(rejection, f.evidence.strip(" .")) or "")]
    needed = "" if internal else required_as_said(rejection, lang)
    if needed and _offers_only(_sentence_containing(rejection, needed) or needed):
        needed = ""  # "Should you ever need a reference, I'd be glad to write one": an offer, not what the post needs
    # (A language level the post needs is the reason before a shift it names: "we need conversational French (around
    # B2) … for the night shift when you're alone at the desk" is about French, not availability.)
    logistics = None if internal or _language_level(rejection, lang) else _logistics(rejection, lang)
    if needed and logistics and has_term(_clause_containing(_sentence_containing(rejection, needed) or needed, needed).replace(needed, " "),
                                         tuple(_cues()["logistics"][logistics[0]])):
        # "we need the RA in place for training the week before; … the timing didn't work": the sentence says it
        # was a date, not a skill (a date inside the requirement, "registered … before the start date", is not).
        needed = ""
    if not internal and not needed and logistics and not _hire_said_before(rejection, lang, logistics):
        # « l'écart avec vos prétentions salariales », "we needed someone to start before the holidays": no skill
        # to build, so nothing to "strengthen"; the draft says so and asks what else it could improve.
        return StatedReason(category=None, term=logistics[1], term_kind=logistics[0], evidence=logistics[1])
    if needed and not _names_tool_or_language(findings, lang, needed):
        # « le poste exige le CACES R489 … en cours de validité », "we need you to be registered with the College":
        # what the post requires, said as the recruiter said it (a clipped name would garble it). A tool or a
        # language the analyser named keeps its own question ("how best to learn SAP?").
        category = Category.EXPERIENCE if re.search(r"\bexperience\b", fold(needed)) else Category.SKILLS
        return StatedReason(category=category, term=needed, term_kind="requirement",
                            evidence=_sentence_containing(rejection, needed) or needed)
    if not internal and (requirement := _requirement(rejection)) and not _offers_only(_sentence_containing(rejection, requirement) or requirement) \
            and not _test_score_below(_sentence_containing(rejection, requirement) or requirement):
        # « le poste exige d'être membre de l'Ordre », "someone who holds a TEA licence": a credential the
        # candidate can set out to get. It is the reason when the analyser saw none, or when it names it.
        term, kind = _term(requirement, Category.SKILLS, lang)
        if not findings or (term and kind in ("certification", "licence", "membership", "credential_phrase")):
            return StatedReason(category=Category.SKILLS, term=term, term_kind=kind, evidence=requirement,
                                hire=hired_as_said_by_candidate(requirement, lang), wanted=_wanted(requirement))
    if not internal and (language := _language_level(rejection, lang)) and not (findings and findings[0].category is Category.LANGUAGE_REGISTER):
        # « un anglais courant et une deuxième langue étrangère (espagnol) »: the language is the reason.
        return StatedReason(category=Category.LANGUAGE_REGISTER, term=language, term_kind="language", evidence=language)
    if not internal and (failed := _FAILED_TEST.search(rejection)):
        # "failed the road test portion", « j'ai échoué à l'épreuve de conduite »: the test, named, is the reason (round
        # 52: "Which of my answers was the weakest?" after the recruiter had said which part was failed).
        named = re.sub(r"(?i)^(?:my|your)\s", "the ", re.sub(r"(?i)^à\s+", "", failed.group("test")).replace("au ", "le ", 1))
        if lang != "en":
            named = re.sub(r"(?i)^(?:mon|ma|votre|ton|ta)\s+", lambda m: "la " if m.group(0).lower().startswith(("ma", "ta")) else "le ", named)
            if not re.match(r"(?i)(?:l'|le |la |les )", named):
                named = ("l'" if named[:1].lower() in "aeéèêiou" else "le ") + named
        elif not re.match(r"(?i)the\s", named):
            named = "the " + named
        return StatedReason(category=Category.SKILLS, term=named, term_kind="test", evidence=failed.group(0))
    if not findings and not internal and (full := _sentence_with(rejection, "capacity")):
        # « l'équipe est bouclée », « ils prennent juste un apprenti cette année »: room, not the candidate, decided.
        # (Readers: "nothing was missing, so « ce qui m'a manqué » misreads him.")
        return StatedReason(category=None, term_kind="capacity", evidence=full)
    if not findings and not internal and (hire := hired_as_said_by_candidate(rejection, lang, chosen_only=True)):
        # "They wanted someone who had already shipped a game", « on part sur un profil qui maîtrise HubSpot »:
        # the person chosen or wanted, described, is the reason even where the analyser saw no area.
        topic = _topic(hire)
        term, kind = ("", "") if topic else _term(hire, Category.EXPERIENCE, lang)
        if kind == "credential_phrase" and not re.match(rf"le ({_DIPLOMAS})\b", term):
            term, kind = "", ""  # « un agent lauréat du concours » says it better than « le concours »
        return StatedReason(category=Category.EXPERIENCE, term=term, term_kind=kind, topic=topic, evidence=hire, hire=hire,
                            wanted=_wanted(rejection, hire))
    if not findings and not internal and (language := _bilingual_hire(rejection, lang)):
        # "we went with a bilingual profile" for a mission in English: the language level is the reason.
        return StatedReason(category=Category.LANGUAGE_REGISTER, term=language, term_kind="language", evidence=language)
    if not findings and not internal and (topic := _reason_topic(rejection)):
        # « ça s'est joué sur l'expérience en gestion de bénévoles »: the field is the reason.
        return StatedReason(category=Category.EXPERIENCE, topic=topic, evidence=topic)
    if not findings and not internal and (hire := _sentence_with(rejection, "hire_description")):
        # "We went with someone whose experience with dbt more closely matches": the hire's description
        # names the gap, even where the analyser saw no area.
        topic = _topic(hire)
        term, kind = ("", "") if topic else _term(hire, Category.EXPERIENCE, lang)
        described = hired_as_said_by_candidate(rejection, lang)
        return StatedReason(category=Category.EXPERIENCE, term=term, term_kind=kind, topic=topic, evidence=hire,
                            hire=described, wanted=_wanted(rejection, described))
    if internal:
        return StatedReason(category=None, internal=True, evidence="")  # nothing to close: the post went inside
    if not findings:
        # « Ils ont pris l'autre parce qu'elle peut faire les ouvertures à 5 h », "since we need to meet ministry
        # ratios": the recruiter explained, in words no reading above could turn into the candidate's. The draft
        # says it understood and asks what else to work on, never "what was missing?" again.
        explained = _explaining_sentence(rejection)
        return StatedReason(category=None, term_kind="explained", evidence=explained) if explained else None
    first = findings[0]
    if _HIRED_SUBJECT[lang].search(first.evidence) and (hire := hired_as_said_by_candidate(rejection, lang, chosen_only=True)):
        # « la personne retenue programme sur grandMA3 »: the area is read in the description of the person chosen,
        # which says it best (its verb is no requirement: never « le poste exige le programme sur grandMA3 »)
        return StatedReason(category=first.category, evidence=first.evidence, hire=hire, wanted=_wanted(rejection, hire))
    if (first.category is Category.INTERVIEW_PERFORMANCE or first.category is Category.SKILLS and _SCORE_BELOW.search(first.evidence)) \
            and (test := _TEST_NAMED.search(first.evidence)) and not hired_as_said_by_candidate(rejection, lang, chosen_only=True):
        # « Votre résultat à l'épreuve d'aptitude physique n'a pas atteint le seuil »: the test, not « mes réponses en
        # entrevue » (round 32: "the interview went well; the timed climb was the reason").
        named = _without_dangling_end(re.split(r"\s*[(,;:]|\s+(?:et|and|ou|or|n'|ne|was|were|did|a|est|was)\s", test.group(0))[0])
        named = re.sub(r"(?i)^(?:your|my|votre|ton|mon) ", "the " if lang == "en" else "", named)
        named = re.sub(r"(?i)^aux ", "les ", re.sub(r"(?i)^au ", "le ", named))  # « insuffisants aux tests de logique »
        if lang != "en" and not re.match(r"(?i)(?:l'|le |la |les )", named):
            named = ("l'" if named[:1].lower() in "aeéèêiou" else "le ") + named
        return StatedReason(category=first.category, term=named, term_kind="test", evidence=first.evidence)
    # Experience reads best by its field ("more experience in payroll"); a skill by its name.
    topic = _topic(first.evidence) if first.category is Category.EXPERIENCE else ""
    term, kind = ("", "") if topic else _term(first.evidence, first.category, lang)
    if first.category is Category.LANGUAGE_REGISTER and not term and (language := _language_level(rejection, lang)):
        term, kind = language, "language"  # « langue seconde (anglais) » named in another clause than the verdict
    # (Elsewhere in the rejection, only a sentence that says someone was chosen or wanted: « on a un chantier … qui
    # démarre » describes the job, not the hire.)
    hire = hired_as_said_by_candidate(first.evidence, lang) or hired_as_said_by_candidate(rejection, lang, chosen_only=True)
    if hire and term and term not in hire and _HELD_TITLE["en" if lang == "en" else "fr"].search(hire):
        # « une personne qui détient déjà le titre CRSP (…), un critère …, vu la certification ISO 45001 »: said as the
        # hire who holds it (round 41), not as « le poste exige la certification ISO » from the clause after
        term, kind = "", ""
    if not (term or topic):
        topic = _topic(first.evidence)
    if _unnamed_area(first.category, term, topic, hire):
        return StatedReason(category=None, term_kind="explained", evidence=first.evidence)
    return StatedReason(
        category=first.category,
        internal=False,
        term=term,
        term_kind=kind,
        topic=topic,
        evidence=first.evidence,
        also=tuple(f.category for f in findings[1:]),
        hire=hire,
        wanted=_wanted(rejection, hire),
    )


# A test or an exercise the verdict names (« l'épreuve d'aptitude physique », "the written drafting test").
# A test's score under the bar: « sous le seuil de réussite », "below the pass mark" (round 50: « Votre résultat au
# test de connaissances Excel … se situe sous le seuil de réussite de 70 % exigé pour ce titre d'emploi » was read as
# a credential, « le poste exige le titre d'emploi »).
_SCORE_BELOW = re.compile(r"(?i)\b(?:seuil|note de passage|note minimale|résultat|score|pass mark|passing (?:mark|score)|cut-?off)\b")
def _test_score_below(sentence: str) -> bool:
    """« Votre résultat au test … se situe sous le seuil de réussite … exigé pour ce titre d'emploi »: a test's score,
    not a credential the post requires."""
    return bool(_SCORE_BELOW.search(sentence) and _TEST_NAMED.search(sentence))


# A test the candidate failed, named (a part of the process, not a credential): "failed the road test portion", « raté
# l'épreuve écrite », « pas réussi le test de dactylo ».
_FAILED_TEST = re.compile(
    r"(?i)\b(?:failed|didn't pass|did not pass|échoué|raté|loupé|coulé|pas réussi|pas passé)\s+(?:on\s+)?"
    r"(?P<test>(?:à\s+)?(?:the |my |your |au |le |la |l'|mon |ma |votre )?(?:[\w-]+ ){0,2}?(?:test|exam|assessment|épreuve|examen|évaluation)"
    r"(?: (?:de |d'|du |des )[\w'-]+| écrite?| pratique| orale?| théorique| physique)?)\b")
_TEST_NAMED = re.compile(r"(?i)\b(?:l'|le |la |les |aux |the |your |votre |vos |ton )?(?:épreuves?|epreuves?|tests?|examens?|exams?|exercices?|exercises?|"
                         r"assessment|mise en situation|essai pratique|practical)\b[^.,;:()!?]{0,40}")


# The person chosen described by what they already hold: "who already has", « qui a déjà », « qui détient déjà ».
_ALREADY_HAS = re.compile(r"(?i)\b(?:who|that|qui) (?:already (?:has|had|holds|held)|a déjà|avait déjà|détient déjà|possède déjà|possédait déjà)\b")


def _hire_said_before(rejection: str, lang: str, logistics: tuple[str, str]) -> bool:
    """Whether a sentence describing the person chosen comes before the one with the practical reason: « Ils prennent
    quelqu'un qui a déjà fait une saison en crèmerie. Et puis ils ne peuvent pas aller au-delà du SMIC. » gives the
    experience first, the pay besides."""
    terms = tuple(_cues()["logistics"][logistics[0]])
    if (first := find_terms(rejection, terms)) and re.search(r"(?:^|[.:;]\s*)(?:1\)|1\.|1 -|premièrement|firstly,|first,)\s", rejection[:first[0].start()]):
        return True  # « 3 points : 1) … 2) … 3) ton package » : the pay is one reason among several, not the first
    for sentence in _sentences(rejection):
        if found := find_terms(sentence, terms):
            # "we went w/ someone else, they already had their TABC manager cert so they could start right away": in
            # one sentence, what the person chosen had comes first and the date follows from it.
            before = sentence[:found[0].start()]
            # ("they went with a local guy who already has his Class 1A": « local » describes the person chosen, and
            # what they already have is the reason, round 37)
            after = sentence[found[0].end():]
            return has_term(before, tuple(_cues()["hire_choice"])) and bool(
                re.search(r"(?i)\b(already|déjà|deja)\b", before) or _ALREADY_HAS.search(after))
        if hired_as_said_by_candidate(sentence, lang, chosen_only=True):
            return True
    return False


def _explaining_sentence(rejection: str) -> str:
    """The sentence where the recruiter explains the decision (a cause, a requirement, what the person chosen had),
    or ""; a template's cause (« en raison du grand nombre de candidatures ») explains nothing."""
    cues = _cues()
    if has_term(rejection, tuple(cues["no_reason"])):
        return ""  # "She didn't give a specific reason, just said to keep applying because…"
    for sentence in _sentences(rejection):
        if (has_term(sentence, tuple(cues["explains"])) and not has_term(sentence, tuple(cues["explains_nothing"]))
                and not has_term(sentence, tuple(cues["no_reason"])) and not _praise_sentence(sentence)):
            return sentence.strip()
    return ""


def _only_praises(evidence: str) -> bool:
    """Whether a finding's words praise and fault nothing (« l'équipe a beaucoup apprécié votre façon de travailler»)."""
    return has_term(evidence, tuple(_cues()["praise"])) and not re.search(
        r"(?i)\b(manqu\w*|lack\w*|pas (assez|suffisamment|encore|tout à fait)|not (enough|yet|quite)|moins|less|insuffisan\w*|weak\w*|faible\w*|needs?|besoin"
        # someone else chosen for more of something: « retenu … « un profil plus senior » » (round 40)
        r"|plus (senior|expérimenté\w*|qualifié\w*)|more (senior|experienced|qualified)|limited to)\b", evidence)


def _praise_sentence(sentence: str) -> bool:
    """Whether a sentence praises with no turn and no fault in it (the sentence a finding was quoted from)."""
    return bool(sentence) and _only_praises(sentence) and not re.search(
        r"(?i)\b(mais|but|cependant|however|toutefois|par contre|although|though|pourtant|yet|sauf|except)\b", sentence)


def _names_tool_or_language(findings: list, lang: str, needed: str) -> bool:
    """Whether the analyser's first area names a language, or a tool the post needs to be known (« une connaissance
    de SAP »): a reason with a question of its own. A card or a certificate named by acronym is a requirement."""
    if not findings:
        return False
    kind = _term(findings[0].evidence, findings[0].category, lang)[1]
    knowing = re.search(r"\b(connaissance|maitrise|knowledge|proficiency|experience|expertise|fluency|skills?)\b", fold(needed))
    return kind == "language" or (kind == "tool" and bool(knowing))


_THANKS = re.compile(r"\b(merci|remerci\w*|thank\w*)\b")


_CREDENTIAL_REQUIRED = re.compile(r"\b(?:requires?|required|exige\w*|requis\w*|obligatoire)\b[^.]{0,60}\b(?:certification|certificat|licen[cs]e|permis|registration|inscription|diplome|diploma|titre|designation)\b"
                                  r"|\b(?:certification|certificat|licen[cs]e|permis|registration|inscription|diplome|diploma|titre|designation)\b[^.]{0,40}\b(?:requis\w*|required|obligatoire|exige\w*)\b")
_DONE_BEFORE = re.compile(r"\b(?:qui a|qui avait|ayant|who has|who had|who's|with experience)\s+(?:deja\s+|already\s+)?(?:gere|fait|mene|pilote|organise|vecu|coordonne|handled|managed|led|run|done|organi[sz]ed|coordinated)\b[^.]{0,25}$")


# « nous n'avons pas la disponibilité pour former quelqu'un », "we don't have the availability to train": the
# organisation's time, not the candidate's availability (round 32: « la question de mes disponibilités » misread).
_ORGANISATION_HAS_NO_TIME = re.compile(r"\s*(?:pour|de|d'|to)\s*(?:former|accompagner|encadrer|train|onboard|mentor)\b")


def _logistics(rejection: str, lang: str) -> tuple[str, str] | None:
    """("salary" | "availability" | "location", the words a draft uses for it) when a rejection gives one of them
    as its reason: the finer words when the rejection says them (« mon préavis », "the distance")."""
    cues = _cues()["logistics"]
    words = cues["words"]["en" if lang == "en" else "fr"]
    # « Nous vous remercions pour votre disponibilité lors de l'entrevue » thanks; it gives no reason.
    # "I'd like to add you to our casual on-call list": an offer, not the reason.
    offers = tuple(_cues()["invited_back"]["offer"])
    # "requires current CSMLS certification … as of the start date": the date is the credential's deadline, and the
    # credential the reason.
    rejection = " ".join(sentence for sentence in _sentences(rejection)
                         if not _THANKS.search(fold(sentence)) and not has_term(sentence, offers)
                         and not _CREDENTIAL_REQUIRED.search(fold(sentence)))
    # The kind said first is the reason; the rest explains it (« quelqu'un qui reste à distance de marche, vu que les
    # quarts de nuit finissent à 7 h » is the distance, not the night shifts).
    # (A cue inside what the person hired had done is their experience: « un profil qui a déjà géré un déménagement ».)
    said = [(found[0].start(), order, kind) for order, kind in enumerate(("salary", "availability", "location"))
            if (found := [m for m in find_terms(rejection, tuple(cues[kind]))
                          if not _DONE_BEFORE.search(fold(rejection[max(0, m.start() - 40):m.start()]))
                          and not _ORGANISATION_HAS_NO_TIME.match(fold(rejection[m.end():m.end() + 40]))])]
    if not said:
        return None
    kind = min(said)[2]
    finer = {"availability": ("notice", "start", "school", "classes"), "location": ("transport", "office_days", "distance")}.get(kind, ())
    word = next((words[name] for name in finer if has_term(rejection, tuple(cues["specific"][name]))), words[kind])
    return kind, word


def _requirement(rejection: str) -> str:
    """The sentence of a rejection that states a requirement (a licence, a membership, a certification), or ""."""
    return _sentence_with(rejection, "requirements")


def _sentence_with(text: str, cue: str) -> str:
    """The first sentence of ``text`` that one of the cues named ``cue`` matches, or ""."""
    terms = tuple(_cues()[cue])
    for sentence in _sentences(text):
        if has_term(sentence, terms):
            return sentence.strip()
    return ""


# "nous avons retenu une candidature qui détenait …", « une technicienne qui faisait déjà des remplacements »,
# "we went with a candidate whose experience …": a determiner, up to three words, then what describes the person.
_HIRE = {
    "fr": re.compile(r"\b((?:un|une|quelqu'un|d'autres?|des|l'autre|celle|celui|du monde)\b(?:\s+(?!qui\b|dont\b)[\w'’-]+){0,3}?"
                     r"\s*\b(?:qui|dont|possédant|possedant|détenant|detenant|ayant|avec|disposant|justifiant|titulaire|issue?s?"
                     r"|venant|provenant|déjà|deja|lauréate?s?|laureate?s?|qualifiée?s?|certifiée?s?|habilitée?s?|diplômée?s?)\b[^.;!?:]{3,150}\b"
                     # « ils prenaient une IBODE diplômée », the sentence's end (round 53)
                     r"|(?:un|une)\s+(?-i:[A-Z]{2,}[\w-]*)\s+(?:diplômée?|qualifiée?|certifiée?|habilitée?)(?=\s*(?:[.;!?]|$)))"),
    "en": re.compile(r"\b((?:a|an|another|other|someone|somebody)\b(?:\s+(?!who\b|whose\b|with\b|that\b)[\w'’-]+){0,4}?"
                     r"\s+(?:who|whose|with|that|having|holding|already)\b[^.;!?:]{3,150}\b)", re.IGNORECASE),
}
_HIRED_SUBJECT = {
    "fr": re.compile(r"(?i)\b(?:la personne|le candidat|la candidate|l'autre personne|l'autre candidate?)\s+(?:retenue?|choisie?|sélectionnée?|embauchée?"
                     r"|qu'on a (?:prise?|choisie?|retenue?|engagée?)|que nous avons (?:choisie?|retenue?|engagée?))\s+"
                     r"(?=(?:a|avait|est|était|possède|possédait|détient|détenait|programme|travaille|travaillait|connaît|connaissait"
                     r"|maîtrise|maîtrisait|parle|habite|compte|cumule|vient|venait|sait|savait|dirige|gère|gérait|utilise|enseigne|fait|faisait)\b)"),
    "en": re.compile(r"(?i)\bthe (?:person|candidate|applicant|one) (?:we|they) (?:hired|chose|picked|selected|went with|offered it to)\s+"
                     r"(?=(?:has|had|is|was|knows|knew|holds|held|speaks|ran|runs|brings|brought|worked|works|lives)\b)"),
}
# Where the description of the hire stops: a comment on it, a cause, or the next clause.
_HIRE_END = re.compile(r"\s+(?:tout de suite|immédiatement|dès maintenant|right away|immediately|asap)\b|,\s*(?:ce qui|ce que|outils?|qui est|soit|et nous|mais|which|and we|but|as|since|so|on|nous|we|they|il|ils|elle|elles|je|i|c'|ce|donc|alors|moi|me|my|mine|pas|no|not|sans)\b"
                       r"|\s+(?:ce qui|which|and we|mais|but|given|because|since|due to|parce que|car|vu|etant donne|étant donné|puisque)\b"
                       r"|\s+(?:et|and),\s"  # « … depuis des années et, avec la saison qui commence, … »: another clause
                       r"|\s+[—–]\s+|\s+-\s+",  # "… stretch-fabric repairs — I only do lycra": the notes' own aside
                       re.IGNORECASE)
# The recruiter's point of view turned to the candidate's: "our needs" → "your needs", "than you" → "than me".
# Case matters for "us": "US tax exposure" is a country.
# The recruiter's own (« mes collègues », "my colleagues"), said back by the candidate.
_RECRUITER_OWN = {"fr": [(r"(?i)\bmes\b", "vos"), (r"(?i)\bmon\b", "votre"), (r"(?i)\bma\b", "votre")],
                  "en": [(r"(?i)\bmy\b", "your")]}
_POINT_OF_VIEW = {
    # (« nos échanges », "our conversations": the recruiter's and the candidate's, still « nos » in the answer, round 43.)
    "fr": [(r"(?i)\bnotre\b(?! (?:échange|entretien|entrevue|rencontre|discussion|conversation)\b)", "votre"),
           (r"(?i)\bnos\b(?! (?:échanges|entretiens|entrevues|rencontres|discussions|conversations)\b)", "vos"),
           (r"(?i)\bque vous\b", "que moi"), (r"(?i)\bnous\b", "vous"),
           # (the verb follows its subject: « que nous utilisons » → « que vous utilisez », never « que vous utilisons »)
           (r"(?i)\bvous sommes\b", "vous êtes"), (r"(?i)\bvous (fais|dis)ons\b", lambda m: "vous " + {"fais": "faites", "dis": "dites"}[m.group(1).lower()]),
           (r"(?i)\bvous (\w+)ons\b", r"vous \1ez")],
    "en": [(r"(?i)\bour\b(?! (?:conversations?|interviews?|discussions?|chats?|meetings?)\b)", "your"), (r"(?i)\bthan you\b", "than me"), (r"(?i)\bwe\b", "you"), (r"\bus\b", "you"),
           (r"(?<!\bguy who )(?<!\bman who )(?<!\bwoman who )(?<!already has )\b(?:his|her)\b(?= Red Seal| license| licence| certification| ticket| designation)", "their")],
    # ("a candidate who holds his Red Seal": their; "a guy who already has his Red Seal" stays his)
}


def _wanted(rejection: str, hire: str = "") -> bool:
    """Whether the rejection describes whom it was looking for rather than whom it chose (read in the sentence
    that describes the person, when there is one)."""
    first = " ".join(hire.split()[:3])
    if first:
        rejection = next((part for part in _sentences(rejection) if first in part), rejection)
    return has_term(rejection, ("(re)?cherch(ions|ons|ait|aient|iez|ez)", "voul(ais|ait|aient|ions|ons)", "veu(t|lent)", "wants?", "(avions|avons|a|avait|ont|avaient) besoin d", "il (nous|me|leur) (faut|fallait|faudrait)",
                                "looking for", "look for", "wanted", "needed", "need(s)? (someone|a candidate|an? )"))


# Words a cut phrase must not end on: « …aux exigences du poste, notamment en » reads as a sentence broken off.
_DANGLING = re.compile(r"(?i)(?:[\s,;:]+(?:notamment|en particulier|surtout|including|especially|particularly|en|de|du|des|d'|à|au|aux|a|an|the|of|in|on|with|for|to|and|or|et|ou|le|la|les|l'|un|une|sur|par|pour|avec|dans))+\s*$")


def _balanced(phrase: str) -> str:
    """A phrase cut inside a parenthesis ends before it: « des outils statistiques (R » → « des outils statistiques »."""
    if phrase.count("(") > phrase.count(")"):
        phrase = phrase[: phrase.rfind("(")]
    return phrase.strip()


_BROKEN_END = re.compile(r"(?i)\b(?:dont|que|qui|où|lequel|laquelle|lesquels|whose|which|who|whom|that)$")


def _without_dangling_end(phrase: str) -> str:
    return _DANGLING.sub("", phrase.strip(" ,;:")).strip(" ,;:")


def hired_as_said_by_candidate(rejection: str, lang: str, *, chosen_only: bool = False) -> str:
    """The description of the person hired, turned into the candidate's words; "" when there is none.

    « Nous avons retenu une candidature qui détenait une expérience plus poussée avec SAP BW, outils au cœur de
    notre environnement » gives « une candidature qui détenait une expérience plus poussée avec SAP BW ».
    A description that speaks of the candidate ("your profile") is left out: it cannot be turned cleanly.
    With ``chosen_only``, only in a sentence that says the person was chosen or wanted.
    """
    # Inclusive writing (« un·e autre candidat·e », « candidat(e) ») reads as the plain masculine form here.
    rejection = re.sub(r"[·.](?:e|es|ne|fe|ice|rice)\b|\((?:e|es|ne)\)", "", rejection)
    # « la rotation jour/nuit à 50 % »: the sign is kept through the cut (a word for it, put back after).
    rejection = re.sub(r"(\d)\s?%", r"\1 pctsignword", rejection)
    # « la personne retenue programme sur grandMA3 depuis des années », "the person we hired has run Opera Cloud":
    # the one chosen as a subject is « quelqu'un qui … », "someone who …" (round 35).
    # (The words that say it was chosen stay: « la personne retenue, quelqu'un qui … ».)
    rejection = _HIRED_SUBJECT[lang].sub(lambda m: m.group(0).rstrip() + (", quelqu'un qui " if lang != "en" else ", someone who "), rejection)
    # « le titre CRSP (Canadian Registered Safety Professional), un critère que la direction… » (round 41): the
    # spelled-out acronym is the recruiter's aside, and the comment after it is theirs too.
    rejection = re.sub(r"\s*\((?:[A-Z][\w'-]*\s+){2,}[A-Z][\w'-]*\)", "", rejection)
    rejection = re.sub(r"(?i),\s*(?:un|une|a|an)\s+(?:critère|critere|exigence|requirement|must)\b[^.;!?]*", "", rejection)
    for hire in _hires(rejection, lang, chosen_only):
        hire = re.sub(r"^du monde\b", "des candidats", hire)  # (« du monde avec la classe 2 » is spoken Québec)
        return hire.replace(" pctsignword", "\u00a0%" if lang != "en" else "%")
    return ""


def _hires(rejection: str, lang: str, chosen_only: bool):
    """The descriptions of the person hired, sentence by sentence (see ``hired_as_said_by_candidate``)."""
    for sentence in _sentences(rejection):
        if chosen_only and not has_term(sentence, tuple(_cues()["hire_choice"])):
            continue
        if has_term(sentence, tuple(_cues()["invited_back"]["forward"]) + tuple(_cues()["invited_back"]["recommend"])):
            continue  # « transmettre votre CV à des confrères bordelais qui recrutent »: an offer, not the person chosen
        match = _HIRE[lang].search(sentence)
        if not match:
            continue
        hire = _without_dangling_end(_balanced(_HIRE_END.split(match.group(1))[0]))
        folded = fold(hire)
        if re.search(r"\b(votre|vos|vous|your|you|te|ton|ta|tes|toi)\b", folded) and not re.search(r"\bque vous\b|\bthan you\b", folded):
            continue
        if re.match(r"(?i)(a|an|un|une)\s+(?:(?:hard|tough|difficult|close|difficile|serré)\s+)?(role|position|job|poste|opportunit\w*|occasion|ouverture|offre|choice|decision|call|choix|décision|decision|processus|process|débrief|debrief|entretien|échange|retour|feedback|meeting|rencontre|visite|étape|step|direction|orientation|discussion|conversation|appel|chance|possibilité|formation|évaluation|examen|test|rétroaction|suivi|délai|période|liste|banque|contrat|mission|email|courriel|message|lettre|note"
                    r"|chantier|projet|project|client|site|programme|program|dossier|budget|logiciel|outil|tool|system|système|équipe|team|service|magasin|store|shop|atelier|contract|deadline|launch|lancement"
                    r"|compétence|competence|expertise|qualification|connaissance|capacité|savoir|atout|skill|asset|knowledge|ability)\b", hire):
            continue  # "a role that fits", « un chantier qui démarre »: an opening or the job's context, not a person
        if chosen_only and _says_nothing(hire):
            continue  # « une candidature dont le profil correspond davantage à nos besoins »: a template, no reason
        for pattern, replacement in _POINT_OF_VIEW[lang]:
            hire = re.sub(pattern, replacement, hire)
        hire = re.sub(r"^(?:celle|celui) qui\b", "quelqu'un qui", hire)  # « ils ont pris celle qui avait déjà… »
        # « l'autre personne avait déjà travaillé… », "the other candidate had…": a clause, said as the person chosen
        # (« vous avez retenu l'autre personne, qui avait déjà travaillé… »).
        hire = re.sub(r"(?i)^((?:l'autre|the other) (?:personne|candidate?|candidat\w*|person|applicant))\s+(?=(?:avait|a|était|est|"
                      r"possédait|possède|connaissait|connaît|maîtrisait|had|has|was|is|knew|knows|held|holds)\b)",
                      lambda m: m.group(1) + (", who " if lang == "en" else ", qui "), hire)
        if lang != "en" and (cause := re.search(r"(?i),?\s+(?:parce qu'|puisqu'|car )(ils?|elles?)\b", hire)):
            # « une assistante qui a déjà le titre, parce qu'il ne peut pas former » (a call reported): a pronoun that
            # cannot be the person hired (« il » after « une assistante », « ils » after one person) is the recruiter,
            # said « vous »; one that may be the hire, or a verb no rule conjugates, ends the description there.
            feminine_hire = re.match(r"(?i)(?:une|la|l'autre candidate|celle)\b", hire)
            recruiter = cause.group(1).lower() == "ils" or (cause.group(1).lower() == "il" and feminine_hire)
            turned = turn_to_recruiter(hire[cause.start():], lang) if recruiter else None
            hire = hire[:cause.start()] + (turned if turned and "vous" in turned else "")
        words = hire.split()
        if re.search(r"(?i)\b(that|this|it|ça|cela|celle-ci|celui-ci)\b(?! (?:is|was|has|had|a|est|était)\b)", hire) and not re.search(r"(?i)\b(that|which|qui|que) (?:is|was|has|had|a|est|était)\b", hire):
            continue  # "someone who's done that before": "that" points to a sentence the draft does not repeat
        if 3 <= len(words) <= 28:
            yield hire


# Words every template's "someone whose profile better matches our needs" is made of.
_EMPTY_HIRE_WORDS = frozenset(fold(w) for w in """un une des d'autres autre autres l'autre quelqu'un candidat candidate candidats candidates candidature candidatures
    personne personnes profil profils qui dont dont le la les l' de du d' a à au aux et plus mieux davantage correspond correspondait correspondent
    corresponde corresponde correspondant repond répond repondait répondait besoins besoin actuels actuel actuelles exigences attentes criteres critères
    poste mandat nos notre vos votre leurs ce cette étroitement etroitement precisement précisément particulierement particulièrement adapte adapté
    a an another other someone somebody candidate candidates applicant applicants person people profile profiles who whose that which with
    the of to our your their more most better closely match matches matched matching fit fits fitted aligns aligned align suited suits
    needs need requirements current currently role position what we are is was were have has had for at in this these those
    pris prise ete été choisi choisie retenue chosen picked selected hired taken""".split())


def _says_nothing(hire: str) -> bool:
    """Whether a description of the person hired says nothing beyond "a better match for our needs"."""
    content = [w for w in re.findall(r"[\w']+", fold(hire)) if w not in _EMPTY_HIRE_WORDS and len(w) > 2]
    return len(content) < 2


# What the post requires, as the recruiter said it: « exige le CACES R489 … en cours de validité »,
# « sans la carte ASP Construction valide », "requires a Class 1 licence", "need you to be registered …".
_REQUIRED = {
    # (« le poste demande une FCO à jour et la carte conducteur », round 44: « demande » after the post only)
    "fr": [re.compile(r"(?i)\b(?:exige|exigeait|requiert|requérait|nécessite|necessite|nécessitait|(?<=poste )demande|(?<=poste )demandait)\s+"
                      r"((?:d'être|d'etre|d'avoir|de détenir|de posseder|de posséder|le|la|les|l'|un|une|des|au moins)\b[^.;!?]{3,140}?)"
                      r"(?=\s*(?:[.;!?]|,(?!\s*\d)|\s(?:or|ce qui|mais|alors|donc)\b|$))"),
           # « la ligue exige que le préparateur physique ait le DES JEPS ou un master STAPS » (round 36): what he must have
           re.compile(r"(?i)\b(?:exige|exigeait|exigent|impose|imposait)\s+que\s+[^.;!?]{0,70}?\s(?:ait|aient|possède|possèdent|détienne|détiennent)\s+"
                      r"((?:le|la|les|l'|un|une|des|au moins)\b[^.;,!?]{3,100}?)(?=\s*(?:[.;,!?]|\s(?:et|mais|or)\b|$))"),
           re.compile(r"(?i)\b(?:ne\s+(?:peut|peux|pouvons|pouvez|pourrons|pourrait)|pas possible)\b[^.;!?]{0,60}?\bsans\s+"
                      r"((?:le|la|les|l'|un|une|votre|ton|ta)\b[^.;,!?]{3,80}?)(?=\s*(?:[.;,!?]|\s(?:mais|et|or)\b|$))")],
    "en": [re.compile(r"(?i)\b(?:requires?|required|needs?|needed)\s+(?:(?:the successful candidate|someone|candidates|applicants|you|all (?:\w+ ){0,2}?\w+s|every \w+|each \w+)\s+to\s+)?"
                      r"((?:to\s+)?(?:be|have|hold)\s+[^.;!?]{3,140}?|(?:a|an|the|at least|valid)\b[^.;!?]{3,140}?)"
                      r"(?=\s*(?:[.;!?]|,|\s(?:and since|since|so|but|which)\b|$))"),
           re.compile(r"(?i)\b(?:can't|cannot|can not|unable to|not able to)\b[^.;!?]{0,60}?\bwithout\s+"
                      r"((?:a|an|the|your|valid)\b[^.;,!?]{3,80}?)(?=\s*(?:[.;,!?]|\s(?:but|and|so)\b|$))")],
}


# A short aside of time between commas, before the complement it interrupts.
_TIME_ASIDE = re.compile(r"(?i),\s*(?:dès|au moment de|lors de|à partir de|avant|at|from|on|by|upon|as of|before)\b[^,.;:!?]{1,40},\s*"
                         r"(?=(?:de|d'|du|des|of|to|a|an|the|la|le|les|l')\b|d')")


def required_as_said(rejection: str, lang: str) -> str:
    """What the post requires, in the recruiter's words turned to a phrase a sentence can hold; "" when none.

    French keeps the complement of « exige » as is (« d'être membre de l'Ordre … »); English gives a noun
    phrase or a gerund: "to be registered with the College" → "being registered with the College".
    """
    # « nécessite d'être titulaire, dès la prise de fonction, de l'habilitation B2V-BR »: the aside between commas
    # cuts the requirement from its complement (round 39: « le poste exige d'être titulaire. »).
    rejection = _TIME_ASIDE.sub(" ", rejection)
    for pattern in _REQUIRED[lang]:
        if not (match := pattern.search(rejection)):
            continue
        before = rejection[max(0, match.start() - 12):match.start()]
        if re.search(r"(?i)\b(might|may|could|will|would|pourrait|pourraient|va|vont)\s+$", before) or has_term(
                _sentence_containing(rejection, match.group(0)) or match.group(0),
                tuple(_cues()["invited_back"]["opening"]) + tuple(_cues()["invited_back"]["offer"])):
            continue  # "the Vegas show might need a seasonal dresser in the spring": an opening, not what the post required
        if re.search(r"(?i)\b(?:mentioned|brought up|offered|a mentionné|a parlé|a évoqué|a proposé|m'a proposé)\b",
                     _sentence_containing(rejection, match.group(0)) or ""):
            continue  # "He mentioned they need a part-time removal technician": a job offered, not what the post required
        # The recruiter's own clause after it is theirs, not the post's: « … dès l'embauche et nous ne sommes pas
        # en mesure de les financer », "… and we can't train on it".
        # (Nor the candidate's, nor another judge's: « … DEJEPS voile et tu as le BPJEPS », « … par semaine et le comité
        # avait des doutes », round 44.)
        phrase = re.split(r"(?i)\s+(?:et|mais|and|but)\s+(?:nous|on|we|I|je|tu|t'|vous|you|il|elle|ils|elles|he|she|they|"
                          r"le comité|l'équipe|le jury|la direction|the panel|the team)\b", match.group(1))[0]
        phrase = _without_dangling_end(_balanced(phrase))
        if lang == "en":
            phrase = re.sub(r"(?i)^(?:to\s+)?be\s+", "being ", phrase)
            phrase = re.sub(r"(?i)^(?:to\s+)?(?:have|hold)\s+", "", phrase)
        else:  # « sans votre carte ASP » → « la carte ASP »: the post's requirement, not the candidate's card
            phrase = re.sub(r"(?i)^(?:votre|ta)\s+", "la ", re.sub(r"(?i)^ton\s+", "le ", phrase))
        folded = fold(phrase)
        if re.search(r"\b(votre|vos|vous|your|you|te|ton|tes|toi)\b", folded):
            continue
        # "a colleague who can also teach in our screenwriting stream" is the recruiter's "our": the candidate's "your".
        for pattern, replacement in _POINT_OF_VIEW[lang][:2]:
            phrase = re.sub(pattern, replacement, phrase)
        if 2 <= len(phrase.split()) <= 25:
            return phrase
    return ""


def _sentence_containing(text: str, part: str) -> str:
    return next((s.strip() for s in _sentences(text) if part in s), "")


# « ça s'est joué sur l'expérience en gestion de bénévoles », "it came down to experience with …".
_DECIDED_ON = re.compile(r"(?i)\b(?:s'(?:est|était|etait) jou[ée]e?|se jouait|s'est fait[e]?|a fait la différence|came down to|was decided on|the deciding factor was)\s+(?:sur\s+)?([^.;!?]{3,90})")


def _language_level(rejection: str, lang: str) -> str:
    """The language a rejection says was needed at a level (« un anglais courant », "conversational French"), or ""."""
    folded = fold(rejection)
    own = {"en": "english", "fr": "francais"}["en" if lang == "en" else "fr"]
    for word, shown in _cues()["languages"]["en" if lang == "en" else "fr"].items():
        if word == own:
            continue
        if re.search(rf"\b{word}\s+(courant|fluide|professionnel|operationnel|de niveau|niveau|c1|b2)\b|\b(fluent|conversational|business|advanced|working)\s+{word}\b"
                     rf"|\b(maitrise|niveau|level|proficiency)\s+(de l'|d'|en |in |of )?{word}\b"

                     rf"|\b(langue seconde|second language|evaluation linguistique|language assessment)\s*\(?{word}\b"
                     # « l'évaluation de votre anglais oral n'a pas atteint le niveau requis » (round 53)
                     rf"|\b{word}\s+(oral|ecrit|parle)\b[^.]{{0,60}}\b(niveau|insuffisant|requis|exige)"
                     rf"|\b(spoken|written|oral)\s+{word}\b[^.]{{0,60}}\b(level|standard|required|below|not (?:quite )?(?:strong|good) enough)", folded):
            return shown
    for word, shown in _cues()["languages"]["en" if lang == "en" else "fr"].items():
        # « nous avons besoin d'une physiothérapeute parfaitement à l'aise en anglais », "comfortable in Spanish": the
        # level needed, when no sentence says whom they chose (« un profil qui est à l'aise en anglais » is the hire's).
        if word != own and re.search(rf"\b(a l'aise|comfortable|at ease)\s+(en|in|with)\s+{word}\b", folded) \
                and not re.search(r"\b(?:retenu|choisi|privilegie|opte|embauche|engage|parti\w* sur|partir sur|went with|going with|go with|chose|hired|selected|offered the)\b", folded):
            return shown
    return ""


def _bilingual_hire(rejection: str, lang: str) -> str:
    """The language a rejection says the chosen profile had to be bilingual in ("" when it does not say)."""
    folded = fold(rejection)
    if not re.search(r"\bbilingu\w*", folded):
        return ""
    for word, shown in _cues()["languages"][lang].items():
        if re.search(rf"\b(?:en|in) {word}\b", folded) and word not in ("francais", "french"):
            return shown
    return ""


def _reason_topic(rejection: str) -> str:
    """The field a rejection says the decision turned on, when it names one; "" otherwise."""
    if match := _DECIDED_ON.search(rejection):
        return _topic(match.group(1))
    return ""


# (« au cours des prochaines années », « en cours de … »: « cours » there means "during", no course.)
_CREDENTIAL = re.compile(r"(?i)\b(?:(?:le|la|l'|un|une|the|a|an)\s*)?(?:dipl[oô]me|certificat|permis(?!\s+d(?:e\s+|')(?!conduire\b|construire\b|chasse\b|travail\b|s[ée]jour\b|pêche\b)[a-zéèêàâîôû]+(?:er|ir|re)\b)|licence|license|degree|diploma|certificate|qualification(?= en| de| d')"
                         r"|titre(?! d'emploi)|course|(?<!au )(?<!en )cours(?! de l'année| des (?:prochain|derni)\w*| de (?:la|cette|l')\b)|programme|program|designation|d[ée]signation|concours|habilitation"
                         r"|baccalaur[ée]at|ma[iî]trise(?= en| de| d')|doctorat|master(?='s| en| de)|bachelor's)\b"
                         # up to the verb that says it is required (« … sont indispensables », "… is required")
                         r"(?:(?!\s(?:sont|est|sera|seront|était|étaient|reste|restent|demeure|is|are|was|were|remains?|isn't|wasn't)\b|\s(?:n'est|n'était|ne sont|n'a|n'ont)\b)[^,.;()!?]){0,70}\b")
# A title shipped is a game, not a credential or a tool (« a déjà livré un titre sur Unreal Engine 5 », "shipped a AAA
# title", rounds 43–44): the verb, then the title it shipped.
_SHIPPED = r"(?:livr|sort|lanc|publi|shipp|développ)\w*\s+"
_SHIPPED_TITLE = re.compile(rf"(?i)\b{_SHIPPED}(?:un|des|deux|trois|plusieurs|a|an|\d+)\s+(?:[\w-]+\s+)?(?:titres?|titles?|jeux|games?)\b")
_SHIPPED_BEFORE = re.compile(rf"(?i)\b{_SHIPPED}(?:(?:un|des|deux|trois|plusieurs|\d+)\s+)?$")  # « … livré un » before « titre »
# A credential the candidate holds, said as held (« que vous détenez », "you hold"): not the one the post requires.
# (Not « votre » or "your" alone: « sans votre carte ASP » names the card the candidate lacks, the one required; nor
# « mon » in a call the candidate reports: « mon cours de premiers soins est échu » is the one required.)
_OWNED = re.compile(r"(?i)\b(?:que|qu')\s*(?:vous|tu)\s+(?:détenez|détiens|avez|as|possédez|possèdes)\b|\b(?:that |which )?you (?:hold|have)\b")
# "(a|the) X designation", "CPA In-Depth Tax Course": a credential named before its noun.
# (A number and "and" inside it: "a Class 2 Water Distribution and Supply certificate", round 35.)
# (round 39: "the FINRA Series 7 and 63 licenses", "the Registered Respiratory Therapist (RRT) credential")
_CREDENTIAL_BEFORE = re.compile(r"\b(?:(?:[Tt]he|[Aa]n?)\s+)?[A-Z][\w&+/-]*\s+(?:(?:[A-Z][\w&+/-]*|\([A-Z][A-Z0-9&+/-]*\)|\d{1,3}[A-Za-z]?|and|&)\s+){0,5}"
                                r"(?<!and )(?<!& )(?:designations?|courses?|certificates?|certifications?|licen[cs]es?|degrees?|diplomas?|credentials?|Course|Certificate)\b")

_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9+#&]{1,7}\b")
# A tool's name: a capitalised word or an acronym, and up to two more ("Power BI", "SAP BW").
# A capitalised word that starts a hyphenated one ("In-Depth") or is a small word ("In", "Of") ends a name.
_NAME = re.compile(r"\b[A-Z][\w+#]*(?: (?!(?:In|Of|And|The|For|To|At|On|Du|De|Des|Et)\b)(?:[A-Z]{2,}|[A-Z][a-z]+)\b(?!-)){0,2}")


# Diplomas and certificates a French rejection names by their acronym (« son DEC », « le CACES R489 »): said « le … »,
# never « la maîtrise de … ».
_DIPLOMAS = "DEC|AEC|DEP|ASP|BTS|DUT|CAP|BEP|BUT|DEAES|DEAS|DEAP|DIU|DU|CACES|BPJEPS|DEJEPS|DESJEPS|BAFA|BAFD|BNSSA|BEESAN"


def _term(evidence: str, category: Category, lang: str) -> tuple[str, str]:
    """What the reason names: a language (its level), a certification or a tool; ("", "") when none."""
    term, kind = _term_named(evidence, category, lang)
    # « sans le permis D et la formation voyageurs ils ne peuvent pas m'embaucher »: the name stops at the clause
    # that follows it.
    return _CLAUSE_AFTER_TERM.split(term, maxsplit=1)[0].strip(" ,"), kind


_CLAUSE_AFTER_TERM = re.compile(r"(?i)\s+(?:ils|elles|on|nous|vous|tu|je|il|elle|they|we|you|he|she)\s+(?:ne\b|n'|can't|cannot|couldn't|won't|weren't|wasn't|wouldn't)")


# The holder's title by its acronym: « qui détient déjà le titre CRSP », "who already holds the CRSP designation".
_HELD_TITLE = {
    "fr": re.compile(r"(?i)\b(?:détient|detient|détenait|possède|possedant|possédant|détenant|titulaire)\s+(?:déjà\s+|deja\s+)?(?:du|de la|le|la|l')?\s*"
                     r"(titre|permis|licence|certificat|certification|diplôme|carte|qualification|habilitation)\s+((?-i:[A-Z][A-Z0-9+&/-]{1,9}))\b"),
    "en": re.compile(r"(?i)\b(?:holds?|holding|held|has)\s+(?:already\s+)?(?:the|a|an)\s+((?-i:[A-Z][A-Z0-9+&/-]{1,9}))\s+(designation|certificate|certification|licen[cs]e|ticket|title|credential)\b"),
}


def _term_named(evidence: str, category: Category, lang: str) -> tuple[str, str]:
    cues = _cues()
    if category in (Category.LANGUAGE_REGISTER, Category.SKILLS):
        # (« en allemand et en néerlandais, en plus de l'anglais »: the language the candidate has is not the gap.)
        named = [shown for word, shown in cues["languages"][lang].items() if re.search(rf"\b{word}\b", fold(evidence))
                 and not re.search(rf"\b(?:en plus (?:de l'|du |de )|outre l'|as well as |in addition to |on top of |besides ){word}\b", fold(evidence))]
        # "fully bilingual in English and Spanish" to someone writing in English: the gap is Spanish.
        own = {"en": "english", "fr": "francais"}[lang]
        other = [shown for shown in named if fold(shown) != own]
        if named:
            return (other or named)[0], "language"
    if category not in (Category.SKILLS, Category.EXPERIENCE):
        return "", ""
    not_terms = {fold(word) for word in cues["not_terms"]}
    keep = {fold(word) for word in load_data("french.yaml")["role_words_keep_capital"]}
    # A diploma, a title or a course named in words is said as written: « le diplôme d'IBODE »,
    # « le titre de CRHA », "the CPA In-Depth Tax Course".
    if lang == "en" and (phrase := _CREDENTIAL_BEFORE.search(evidence)):
        named = re.sub(r"^(?:[Aa]n?|[Tt]he)\s+", "", phrase.group(0).strip())
        return "the " + named, "credential_phrase"
    # (Not the candidate's own: « Le certificat de préposé à l'aqueduc que vous détenez n'est pas suffisant : l'opérateur
    # doit détenir la qualification en traitement d'eau de surface » names the one required second, round 36.)
    # (Nor a title shipped: « quelqu'un qui a déjà livré un titre sur Unreal Engine 5 » is a game, round 43.)
    phrase = next((m for m in _CREDENTIAL.finditer(evidence) if not _OWNED.search(m.group(0))
                   and not _SHIPPED_BEFORE.search(evidence[:m.start()])), None)
    if phrase and not re.search(r"(?i)\bcertification\b", evidence):
        named = phrase.group(0).strip()
        named = named[:1].lower() + named[1:] if re.match(r"(?:Le|La|Les|L'|Un|Une)\b", named) else named
        # « un diplôme » → « le diplôme », "a licence" → "the licence": the one the post asks for.
        named = re.sub(r"^(?:[Uu]n|[Aa]n?)\s+", lambda m: "le " if lang != "en" else "the ", named)
        named = re.sub(r"^[Uu]ne\s+", "la ", named)
        if not re.match(r"(?i)(le|la|l'|les|the)\b", named):
            feminine = re.match(r"(?i)(?:qualification|licence|habilitation|désignation|designation|maîtrise|attestation)\b", named)
            named = ("the " if lang == "en" else "la " if feminine else "le ") + named
        return named, "credential_phrase"
    # A diploma named by its acronym (« son DEC en éducation à l'enfance », « un BTS »): « le DEC… », never « la maîtrise de DEC ».
    if lang != "en" and (diploma := re.search(rf"\b({_DIPLOMAS})\b((?: en| de| d')[^,.;:!?()]{{3,40}}\b|(?: [A-Z][A-Z0-9]{{1,8}})+)?", evidence)):
        # (Cut at 40 characters, a name may end on a preposition: « le DEP en Assistance à la personne en ».)
        return _without_dangling_end("le " + (diploma.group(1) + (diploma.group(2) or "")).strip()), "credential_phrase"
    # A title shipped (« a déjà livré un titre AAA sur console ») names no tool and no certification: the person hired
    # says it, not « l'importance d'AAA » (round 44).
    if _SHIPPED_TITLE.search(evidence):
        return "", ""
    if "Ruby on Rails" in evidence:  # a name with a lower-case word inside it
        return "Ruby on Rails", "tool"
    # A named tool or an acronym ("Power BI", "SAP BW", "PMP"), with the names that follow it.
    candidates = [m.group(0) for m in _NAME.finditer(evidence)
                  if (fold(m.group(0).split()[0]) in keep or _ACRONYM.fullmatch(m.group(0).split()[0]))
                  # a roman numeral (« phase III », "Level II") is no tool (round 41: « la maîtrise d'III »)
                  and not re.fullmatch(r"[IVX]{1,4}", m.group(0).split()[0])
                  and fold(m.group(0).split()[0]) not in not_terms
                  # « une ASV déjà titulaire du titre », "a CPA": a person's title, not a tool to learn
                  and not re.search(r"(?i)\b(un|une|a|an)\s+$", evidence[max(0, m.start() - 5):m.start()])
                  # « le logiciel … du CH »: the place that owns the tool, not the tool
                  and not re.search(r"(?i)\b(du|au|aux|des)\s+$", evidence[max(0, m.start() - 5):m.start()])
                  # « parce que leur ATP principale part en congé »: their staff, not a tool (round 46)
                  # ("their G2 ticket" is the hire's: English keeps it)
                  and not re.search(r"(?i)\b(leur|leurs|notre|nos)\s+$", evidence[max(0, m.start() - 7):m.start()])]
    # A professional order named in full, with no acronym: « l'Ordre des diététistes-nutritionnistes du Québec ».
    order = (m.group(0) if (m := re.search(r"\b(?:Ordre|Order)\b[^,.;()]{3,80}", evidence)) else "").strip()
    if not candidates and not order:
        return "", ""
    if has_term(evidence, ("membres?", "membership", "ordre", "order", "registration", "registered", "in good standing", "inscription", "inscrite?")):
        return (candidates[0] if candidates else order), "membership"
    if has_term(evidence, ("licences?", "licenses?", "permis(?! d(?:e |')(?!conduire|construire|chasse|travail|sejour|peche)[a-z]+(?:er|ir|re)(?![a-z]))")) and candidates:
        return candidates[0], "licence"
    certified = has_term(evidence, tuple(cues["certification_words"]))
    # « un conducteur déjà titulaire de l'ADR citerne »: what one holds is a credential, said as the recruiter named it
    # (not « la maîtrise d'ADR », round 46).
    if lang != "en" and not certified and (held := re.search(
            rf"(?i)\btitulaires? (du |de la |de l'|des |d'une? )({re.escape(candidates[0])}[^,.;:!?()]{{0,30}}?)(?=\s*(?:[,.;:!?()]|$|\s(?:et|ou|mais|opérationnel\w*|dès|depuis|pour)\b))",
            evidence)):
        article = {"du": "le ", "de la": "la ", "de l'": "l'", "des": "les ", "d'un": "le ", "d'une": "la "}[held.group(1).lower().strip()]
        return _without_dangling_end(article + held.group(2).strip()), "credential_phrase"
    return candidates[0], "certification" if certified else "tool"


# "more experience in payroll", « expérience en gestion de projet »: up to four words, stopped at a clause.
_TOPIC = re.compile(
    r"\b(?:experience|expertise|background)\s+(?:[\w-]+\s+){0,2}?(?:en |dans (?:le |la |l'|les )?|de la |du |des |in |with |of )"
    r"((?:[\w'’-]+ ?){1,5}?)(?=\s*(?:[,.;:!?)]|$|\b(?:et|and|ou|or|que|qui|which|who|than|pour|for|alors|mais|but|comme|as|au|a|to|at|chez|dans|within|aupres)\b))",
    re.IGNORECASE,
)


# "more B2B sales experience", "stronger client-facing experience": the field named before the noun.
_TOPIC_BEFORE = re.compile(r"\b(?:more|stronger|deeper|greater|additional|extensive|direct|hands-on|proven|with|has|had|have|having)\s+((?:[\w/&+-]+\s+){1,3}?)experience\b", re.IGNORECASE)
_NOT_TOPIC = frozenset({"some", "any", "no", "more", "enough", "much", "extensive", "significant", "solid", "strong", "proven",
                        "hands-on", "direct", "deep", "deeper", "broad", "broader", "considerable", "substantial", "longer", "recent", "relevant", "professional", "previous", "prior", "work", "the", "a", "an", "of", "your", "their",
                        "industry", "related", "practical", "real", "overall", "years", "year", "level",
                        # "with candidates whose experience…": the people, not a field
                        "candidates", "candidate", "someone", "people", "applicants", "applicant", "profiles", "profile", "person", "whose", "who"})


def _topic(evidence: str) -> str:
    match = _TOPIC.search(fold(evidence))
    if not match:
        before = _TOPIC_BEFORE.search(evidence)
        words = before.group(1).split() if before else []
        if words and not all(fold(word) in _NOT_TOPIC for word in words) and fold(words[0]) not in _NOT_TOPIC:
            return " ".join(words)
        return ""
    start, end = match.span(1)
    topic = evidence[start:end].strip()
    return topic if 2 < len(topic) <= 40 else ""


def without_quoted_facts(text: str, request: DraftRequest) -> str:
    """``text`` without the sentences a draft may quote: those holding the stated reason or the notes' worry.

    A draft says these facts in the person's words (« J'ai manqué de temps à la fin de ma présentation »), so
    a run of words they share with the pasted text is the fact used, not a pasted instruction obeyed.
    """
    s = read_situation(request)
    reason = s.reason
    facts = [fold(f) for f in (s.worry, s.asked, s.asked_when, *(() if reason is None else (reason.hire, reason.term, reason.topic)))
             if len(f.split()) >= 4]
    if not facts or not text:
        return text
    windows = {" ".join(words[i:i + 4]) for fact in facts for words in [re.findall(r"[\w']+", fact)]
               for i in range(max(len(words) - 3, 1))}
    kept = [sentence for sentence in re.split(r"(?<=[.!?;])\s+|\n+", text)
            if not any(window in " ".join(re.findall(r"[\w']+", fold(sentence))) for window in windows)]
    return "\n".join(kept)


def moment_terms() -> dict[str, tuple[str, ...]]:
    """Each moment's cues: the checks use them to see whether a draft names the moment."""
    return {name: tuple(terms) for name, terms in _cues()["moments"].items()}


__all__ = ["Situation", "StatedReason", "looks_automatic", "moment_terms", "read_situation", "stated_reason",
           "without_quoted_facts"]
