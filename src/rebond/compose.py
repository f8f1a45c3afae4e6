"""The offline engine: writes a feedback request from the phrase banks, deterministically.

A draft follows one thread, each move said once: thanks (for what really happened), regret,
the reason the recruiter stated in the candidate's words, the ask with questions that go beyond
it, an open door. The context is read once (``rebond.situation``); French grammar (articles,
agreement) comes from ``rebond.french``. Same request, same text; ``variant`` picks other wordings.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from rebond.checks import frames_improvement, linkedin_char_limit, run_checks
from rebond.french import (
    Organisation,
    capitalise,
    clean_role,
    elide,
    of_phrase,
    role_for,
    role_spoken_acronym,
    spoken_name,
    starts_with_vowel_sound,
    tutoyer,
    without_descriptor,
)
from rebond.models import (
    Category,
    Channel,
    Draft,
    DraftRequest,
    GrammaticalGender,
    Language,
)
from rebond.news_and_reason import mention_answers_reason, news_answers_reason, news_settles_reason, news_shares_words
from rebond.notes_questions import formal_enough, formal_question, own_questions_to_the_organisation
from rebond.resources import load_data
from rebond.situation import (
    Situation,
    StatedReason,
    answers_in_tu,
    date_contradicted,
    first_name_gender,
    is_team_name,
    looks_automatic,
    moment_terms,
    read_situation,
)
from rebond.spoken import formal_french, ordinals_said, spoken_english, spoken_french
from rebond.text import APPLY_AGAIN, formal_english, fold, has_term, written_out

# Guidance principles every draft applies, plus those applied conditionally.
_ALWAYS_APPLIED = ["asking_is_normal", "natural_and_courteous", "regret_not_selected", "ask_what_to_improve",
                   "show_it_helps_you_grow", "no_pressure", "door_stays_open"]
# The civility a French closing formula repeats, by the title the greeting used.
_CIVILITY = {"Madame": "Madame", "Monsieur": "Monsieur", "Docteure": "Docteure", "Docteur": "Docteur",
             "Professeure": "Professeure", "Professeur": "Professeur", "Maître": "Maître"}
_GENDERED = re.compile(r"\{g:([^|{}]*)\|([^{}]*)\}")
# Directness: one open wish, one direct question, then a list of precise questions.
_OPEN_BELOW, _LIST_FROM = 35, 70
# Warmth: "thank you" plain below 35, warmer from 70 (and a warm line when length allows).
_COOL_BELOW, _WARM_FROM = 35, 70
_VERY_DIRECT_FROM = 85  # a call's questions go straight to what held the candidate back
# Length: a short message below 35; why it helps from 50; one more line from 70.
_SHORT_BELOW, _PURPOSE_FROM, _EXTRA_FROM = 35, 50, 70
# Below this length, one question: readers found a length-5 message "as long as the length-30 one".
_BARE_BELOW = 20
# English small words that stay lower case in a job title ("Head of Data").
# Gaps named by their area only: no question can say them in other words.
_AREAS = ("language_register", "cv_cover_letter", "culture_fit", "interview_performance", "skills")
_SMALL_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "with",
                          "de", "des", "du", "la", "le", "les", "en", "et", "à"})


def _panel_word(notes: str) -> str:
    """How the candidate's own notes name the panel, as a French noun phrase; "" when they do not."""
    folded = fold(notes)
    for word, phrase in (("jury", "le jury"), ("comite", "le comité"), ("panel", "le panel")):
        if re.search(rf"\b{word}\b", folded):
            return phrase
    return ""


def register(formality: int) -> str:
    """The phrase-bank register for a formality slider value."""
    return "relaxed" if formality <= 33 else "neutral" if formality <= 66 else "formal"


def _bank(language: Language) -> dict[str, Any]:
    return load_data("phrases.en.yaml" if language is Language.EN else "phrases.fr.yaml")


def title_case(role: str) -> str:
    """An English job title as it reads before "position": "senior data analyst" → "Senior Data Analyst"."""
    words = role.split(" ")
    return " ".join(w if (i and w.lower() in _SMALL_WORDS) or any(c.isupper() for c in w) else capitalise(w)
                    for i, w in enumerate(words))


@dataclass
class _Names:
    """Ways to address the recruiter: first name, polite form (title + surname) and the French civility."""

    first: str = ""
    polite: str = ""
    civility: str = ""

    @classmethod
    def parse(cls, recruiter: str, language: Language) -> _Names:
        if is_team_name(recruiter):
            # "The Recruiting Team", « Service des ressources humaines », "Search Committee, Department of English":
            # a team or a service, greeted as such (« Bonjour, », "Dear Hiring Team,"), never as "Hi The".
            return cls()
        # « Véronique Dallaire, CRHA », "Laura Chen, PhD": a designation after a comma is not part of the name;
        # nor is a function in brackets (« Mme Aubert (cadre de santé) »).
        recruiter = _DESIGNATION.sub("", re.sub(r"\s*\([^()]*\)", "", recruiter).split(",")[0])
        parts = recruiter.split()
        if not parts:
            return cls()
        if re.match(r"(?i)(?:la|le|les|l'|the|a|an|un|une|notre|our|my|ma|mon)$", parts[0]) or recruiter[:2].lower() == "l'":
            # « la responsable du magasin », "the hiring manager": a role described, not a name (round 47: « Bonjour
            # la, c'est Noa »). Greeted as the role's civility in French (« Bonjour Madame »), else plainly.
            civility = {"la": "Madame", "le": "Monsieur"}.get(parts[0].lower(), "") if language is not Language.EN else ""
            return cls(first=civility, polite=civility, civility=_CIVILITY.get(civility, "")) if civility else cls()
        key = parts[0].lower().rstrip(".")
        bank = _bank(language)
        if key in _ROLE_TITLES and len(parts) > 1:
            # "Chef Marco" is "Hi Marco"; "Captain Morrow" stays "Captain Morrow" (never "Hi Chef", "Hi Captain").
            whole = " ".join(parts)
            return cls(first=parts[1], polite=whole) if first_name_gender(parts[1]) else cls(first=whole, polite=whole)
        title = bank["titles"].get(key)
        rest = parts[1:] if title else parts
        if not rest:  # a title alone ("Madame") is not a name
            return cls()
        if title and key in bank["ungendered_titles"] and len(rest) > 1 and fold(rest[0]) not in _PARTICLES:
            # (« Dr Le Bihan »: a particle starts the surname, no first name is given: « Docteur Le Bihan ».)
            # « Dr Martin Lévesque » is greeted « Docteur Lévesque », « Dr Amira Haddad » « Docteure Haddad »;
            # when the first name does not say, « Docteur » could be wrong and the full name never is.
            gender = first_name_gender(rest[0])
            if not gender:
                return cls(first=rest[0], polite=" ".join(rest))
            title = bank["feminine_titles"].get(title, title) if gender == "f" else title
        if title in ("Docteur", "Docteure") and language is Language.FR_FR:
            # In France a doctor of research or medicine is « Madame Fabre » in a letter about a job, when we can tell.
            gender = "f" if title == "Docteure" else first_name_gender(rest[0]) if len(rest) > 1 else ""
            title = bank["civilities"][gender] if gender else title
        if title:
            surname = rest[-1]
            particle = next((i for i, word in enumerate(rest) if fold(word) in _PARTICLES), None)
            if particle is not None and particle < len(rest) - 1:
                surname = " ".join(rest[particle:])  # « Mme Da Silva », "Dr. Van der Berg": the whole surname
            polite = f"{title} {surname}"
            return cls(first=polite, polite=polite, civility=_CIVILITY.get(title, ""))
        if len(rest) > 1 and (gender := first_name_gender(rest[0])):
            # A full name: « Bonjour Élodie » when relaxed, « Bonjour Madame Vasseur » when formal, as a native
            # writer greets; the full name only when the first name does not say (Camille, Dominique…).
            civility = bank["civilities"][gender]
            return cls(first=rest[0], polite=f"{civility} {rest[-1]}", civility=_CIVILITY.get(civility, ""))
        return cls(first=rest[0], polite=" ".join(rest))


@dataclass
class _Writer:
    """Picks and fills sentences for one request."""

    request: DraftRequest
    situation: Situation
    bank: dict[str, Any] = field(init=False)
    reg: str = field(init=False)
    slots: dict[str, str] = field(init=False)
    seeded: bool = True  # each move starts from the role's wording (else from its first one)
    tight: bool = False  # a LinkedIn note at its limit: the shortest wording of each move
    shortest: bool = False  # past every stage and still over the limit: no variant's near-shortest wording either

    def __post_init__(self) -> None:
        req = self.request
        ctx = req.context
        s = self.situation
        self.bank = _bank(req.language)
        self.reg = register(req.tone.formality)
        self.english = req.language is Language.EN
        self.british = british(req)  # (read once: every date and the titles follow it)
        self.names = _Names.parse(ctx.recruiter_name, req.language)
        # (A civility only: « Docteure Vidal » stays a doctor whatever the signature.)
        titled = bool(self.names.first) and self.names.first == self.names.polite and self.names.polite.split()[0] in _CIVILITY_WORDS
        # (In French, « Monsieur Caradec » signed « Yann Caradec » is still « Monsieur Caradec »; unless he wrote with
        # « tu » and the draft answers in kind: « Salut Steve », never « Salut Monsieur Gagnon ».)
        answers_tu = not self.english and s.tutoie and answers_in_tu(req, s)
        if (self.english and self.reg != "formal" or answers_tu) and titled and (signed := _signed_first_name(ctx.rejection_message, self.names.polite)):
            # "Ms. Harrington" signed "Claire Harrington": a message that is not formal answers "Hi Claire".
            self.names = _Names(first=signed, polite=self.names.polite, civility=self.names.civility)
        self.gender = ctx.candidate_gender
        self._order = 0
        # Which of a move's wordings a draft starts from: read from the role applied for. Every draft on variant 0
        # taking the first wording made the same lines come back from one request to the next: readers who saw 16
        # drafts marked them stock (round 49: 36 of 48 "robotic"). Not from the sliders or the texts being typed (a
        # slider move or a keystroke must not reword the whole draft), nor from the names (a name changes only itself).
        self.seed = hashlib.sha256(fold(ctx.role).strip().encode()).digest()[0] if self.seeded else None
        vocab = dict(self.bank["vocab"][str(req.language)])
        warmth = req.tone.warmth
        heat = "cool" if warmth < _COOL_BELOW else "warm" if warmth >= _WARM_FROM else "plain"
        thank = self.bank["thank"][heat][self.reg]
        interview_np = vocab["video_interview"] if s.video else vocab["our_interview"]
        trial = "trial" in s.moments  # a trial shift is thanked as one, not as "our interview"
        if self.english:
            met = self._dated(vocab["trial_met"] if trial else "meeting with me") if s.interviewed else vocab["application_considered"]
            met_short = ("the trial shift" if trial else "the interview") if s.interviewed else vocab["application_considered"]
            my_met = self._dated(vocab["trial_np"] if trial else "my interview") if s.interviewed else "my application"
        else:
            met = self._dated(vocab["trial_met"] if trial else interview_np) if s.interviewed else vocab["application_considered"]
            met_short = (vocab["trial_met"] if trial else vocab["our_interview"]) if s.interviewed else vocab["application_considered"]
            my_met = self._dated(vocab["trial_np"] if trial else vocab["my_interview"]) if s.interviewed else "ma candidature"
        if trial:
            # « J'ai beaucoup apprécié notre entrevue » after a trial day thanks for an interview that never took place
            # (round 41): the trial, said as the notes name it
            vocab["our_interview"] = vocab["trial_np"]
        self.slots = {
            **vocab,
            # Warmth is felt in the regret: « J'aurais vraiment aimé… » only from plain warmth up.
            "really": "" if warmth < _COOL_BELOW else self.bank["really"],
            "met_noun": "interview" if s.interviewed else "application",
            "candidate": ctx.candidate_name,
            "first": self.names.first,
            "polite": self.names.polite,
            "civility": self.names.civility,
            "thank": thank,
            "met": met,
            "met_short": met_short,
            "of_met": of_phrase(met) if not self.english else met,
            "of_met_short": of_phrase(met_short) if not self.english else met_short,
            "my_met": my_met,
            # « (cell) » is not read aloud; an area code in brackets, "(416) 555-0117", is.
            "phone": re.sub(r"(?i)^(?:cell(?:ulaire)?|mobile|portable|tél\.?|tel\.?|phone)\s*:?\s*", "",
                            re.sub(r"\s*\((?![\d\s+.-]+\))[^)]*\)", "", ctx.candidate_phone).strip()),
            "Similar_post": capitalise(vocab["similar_post"]),
            # « la mise en situation », or « les mises en situation » when the notes say there were several.
            "role_play_np": vocab.get("role_play_np") or ("les mises en situation" if "mises en situation" in fold(ctx.notes)
                                                          else "la mise en situation"),
        }
        if not s.interviewed and "next_applications" in self.bank:
            self.slots["next_interviews"] = self.bank["next_applications"]  # no interview to prepare the next one of
        if "subject_request" in vocab:
            self.slots["subject_request_lower"] = vocab["subject_request"][:1].lower() + vocab["subject_request"][1:]
        if self.english:
            self.slots |= {"its_me": "this is", "its_me_relaxed": "it's"}
        if not self.names.first and req.channel is Channel.PHONE and "unnamed_its_me" in self.bank:
            # Whoever answers does not know the caller: « Bonjour, je m'appelle … », "Hello, my name is …".
            self.slots |= {"its_me": self.bank["unnamed_its_me"], "its_me_relaxed": self.bank["unnamed_its_me"]}
        if self.english:
            role = title_case(clean_role(ctx.role))
            # On a call the name is said without its legal ending ("Greyhaven Brewing", not "… Co.").
            typed = _with_the(_as_a_name(ctx.company))
            company = spoken_name(typed) if req.channel is Channel.PHONE else typed
            self.slots |= {
                "role": role, "company": company, "Company": capitalise(company),
                "company_again": typed, "Company_again": capitalise(typed), "at_org_again": f"at {company}",
                "a_role": ("an " if role[:1].lower() in "aeiou" else "a ") + role,
            }
        else:
            typed = _as_a_name(ctx.company)
            org = Organisation.parse(spoken_name(typed) if req.channel is Channel.PHONE else typed)
            self.slots |= {
                "of_second_interview": of_phrase(vocab["second_interview"]),
                # The title agrees with the writer; with no gender given, it is the posting's title.
                # (Said aloud, « gérant(e) adjoint(e) » cannot be read: a call says the posting's title without marks.)
                "role": (role := role_for(ctx.role, str(ctx.candidate_gender) or ("masculine" if req.channel is Channel.PHONE else ""))),
                # (« Poste en ferronnerie d'art » typed as the title: « le poste en ferronnerie d'art », not « le
                # poste de poste en… », round 38)
                "of_role": role.split(" ", 1)[1] if fold(role).startswith("poste ") else of_phrase(role), "org": org.typed,
                "Org": org.subject, "org_at": org.at, "org_again": org.typed, "Org_again": org.subject, "at_org_again": org.at,
            }
        if not self.english and req.channel is Channel.PHONE and (spoken := role_spoken_acronym(ctx.role)):
            # Said aloud, the posting's acronym is easier than its full title: « le poste d'AED ».
            self.slots["of_role"] = spoken
        if s.reason is not None:
            self.slots |= self._reason_slots(s.reason)
        # The recruiter's invitation and praise, in the candidate's words.
        # « pour les remplacements… », « pour le poste de coach à Villeurbanne »: the one offered.
        offer = re.sub(r"^(?i:des|une|un)\b", lambda m: {"des": "les", "une": "la", "un": "le"}[m.group(0).lower()], s.offer) if not self.english else s.offer
        listed = fold(s.invite_list)
        in_list = f"{'on' if 'list' in listed else 'in'} {s.invite_list}" if self.english else (
            f"{'sur' if 'liste' in listed else 'dans'} {s.invite_list}")
        when = s.invite_when
        if when and _CONDITION_MET.search(when) and _news_settles_reason(self):
            # "apply again once you've got the ticket", and the notes say it came through (round 53: "…once I've got
            # the ticket" from someone who has it): the condition is met.
            when = "now that I have it" if self.english else "maintenant que je l'ai"
        self.slots |= {"to": s.offer if s.invited_back == "forward" else "", "for_target": s.invite_for,
                       "when": when, "when_sp": f" {when}" if when else "",
                       "kept_for": f" {s.invite_for}" if s.invite_for else "", "praised": s.praised_np, "advice": s.advice,
                       "offer": offer, "Offer": offer[:1].upper() + offer[1:], "in_list": in_list,
                       "offer_action": s.offer_action}
        if not self.english and (panel := _panel_word(ctx.notes)):
            self.slots["panel"] = panel  # the word the notes used: « le jury », « le comité », « le panel »
        if (group := _GROUP_TASK.search(fold(ctx.notes))):
            # "a group exercise", "a group activity" is no interview (round 39's readers): named as the notes name it
            kind = (group.group(1) or ("activity" if "activite" in group.group(0) else "exercise"))[:4]
            self.slots["group_interview"] = _GROUP_TASK_NAMES["en" if self.english else "fr"][kind]

    def named_once(self) -> None:
        """The organisation is named: from now on it is « votre clinique », "the district" or "your team"."""
        again = _organisation_again(self.request.context.company, self.request.language, self.bank)
        key = "company_again" if self.english else "org_again"
        self.slots[key] = again
        self.slots[key[0].upper() + key[1:]] = capitalise(again)
        self.slots["at_org_again"] = "with you" if self.english else "chez vous"  # « …s'ouvre chez vous »

    def _reason_slots(self, reason: StatedReason) -> dict[str, str]:
        term = reason.term
        of = "d'" if starts_with_vowel_sound(term) else "de "
        kind = reason.term_kind
        term_np = self.bank["term_forms"][kind].format(name=term) if kind in self.bank["term_forms"] else term
        if kind == "credential_phrase":  # « le diplôme d'État d'assistante de service social »: said as written
            term_np = term
        if kind == "certification" and self.english:
            # The recruiter's noun: "the CPA designation", "the ROC-M certificate"; "your NLS cert" is a certification.
            evidence = fold(reason.evidence)
            noun = "designation" if "designation" in evidence else "certificate" if "certificate" in evidence else "certification"
            term_np = f"the {term} {noun}"
        if kind == "membership" and self.english and re.search(r"(?i)\bregist(ration|ered)\b", reason.evidence):
            term_np = f"registration with the {term}"  # "active NMLS registration", "registration with the CNO"
        elif kind == "membership" and not self.english and fold(term) == "tableau":
            term_np = "l'inscription au Tableau de l'Ordre"  # « inscrites au Tableau de l'Ordre », not « l'adhésion (Tableau) »
        elif kind == "membership" and fold(term).startswith(("ordre", "order")):
            # The order named in full: « l'adhésion à l'Ordre des … », "membership in the Order of …".
            term_np = f"membership in the {term}" if self.english else f"l'adhésion à l'{term}"
        language = term if kind == "language" else ""
        return {"term": term, "term_np": term_np, "of_term_np": of_phrase(term_np), "of_term": f"{of}{term}", "language": language,
                "of_language": f"{of}{language}", "topic": reason.topic,
                "hire": _said_short(reason.hire) if self.request.channel is Channel.PHONE else reason.hire}

    def _dated(self, interview_np: str) -> str:
        """The interview with its date when there is one: « notre entrevue du 12 novembre », "my interview on November 12"."""
        if self.request.context.interview_date is None or date_contradicted(self.request):
            return interview_np  # (a date the rejection's weekday contradicts is the news's, not the interview's)
        return self.bank["dated"].format(interview_np=interview_np, date=self._date())

    def _date(self) -> str:
        date = self.request.context.interview_date
        assert date is not None
        month = self.bank["months"][date.month - 1]
        if self.english:
            return f"{date.day} {month}" if self.british else f"{month} {date.day}"
        return f"{'1er' if date.day == 1 else date.day} {month}"

    def fill(self, template: str, **extra: str) -> str:
        feminine = self.gender is GrammaticalGender.FEMININE
        text = _GENDERED.sub(lambda m: m.group(2) if feminine else m.group(1), template)
        text = text.format(**{**self.slots, **extra})
        text = re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)  # "Brewing Co." ending a sentence keeps one full stop
        return re.sub(r" +([,.])", r"\1", text).replace("  ", " ").strip()

    def options(self, value: Any) -> list[str]:
        """A bank entry's wordings for this register, without those that need a gender we were not given."""
        if isinstance(value, dict):
            value = value[self.reg] if self.reg in value else value
        items = value if isinstance(value, list) else [value]
        if self.gender is GrammaticalGender.UNSPECIFIED:
            items = [item for item in items if "{g:" not in item] or items
        return items

    def choose(self, entries: dict[str, Any], key: str, **extra: str) -> str:
        """One wording of ``entries[key]`` (a bank entry picked out by the caller), as ``pick`` chooses it."""
        options = self.options(entries[key])
        self._order += 1
        return self.fill(options[_option_index(key, self.request.variant, len(options), self._order, self.seed)], **extra)

    def first(self, *path: str, **extra: str) -> str:
        """The entry's first wording, whatever the variant: for a situation only that wording fits."""
        options = self.options(self._entry(path))
        self._order += 1
        return self.fill(options[0], **extra)

    def _entry(self, path: tuple[str, ...]) -> Any:
        entry: Any = self.bank
        for key in path:
            entry = entry[key]
        return entry

    def pick(self, *path: str, **extra: str) -> str:
        """One wording of the entry at ``path``: variant 0 the one the role starts from, variant 1 the next, then mixes
        (``_option_index``)."""
        options = self.options(self._entry(path))
        self._order += 1
        if self.tight:
            # The shortest wording; a variant may take another within a few characters of it, so variants still
            # differ in a note at its limit.
            filled = sorted((self.fill(option, **extra) for option in options), key=len)
            # (Still over the limit: every move after the first takes its shortest wording; the first keeps the
            # variant's, so variants differ.)
            near = [text for text in filled if len(text) <= len(filled[0]) + 8] if not (self.shortest and self._order > 1) else filled[:1]
            return near[self.request.variant % len(near)]
        index = _option_index("/".join(path), self.request.variant, len(options), self._order, self.seed)
        return self.fill(options[index], **extra)


# A group task named in the notes, in place of a group interview: « exercice de groupe », "group activity".
_GROUP_TASK = re.compile(r"\bgroup (exercise|activity|task|discussion|case)\b|\b(?:exercice|activite|mise en situation) (?:de groupe|en equipe)|\b(?:travail|exercice|cas) (?:de groupe|en equipe)")
_GROUP_TASK_NAMES = {"en": {"exer": "the group exercise", "acti": "the group activity", "task": "the group task", "disc": "the group discussion", "case": "the group case"},
                     "fr": {"exer": "l'exercice de groupe", "acti": "l'activité de groupe", "task": "l'exercice de groupe", "disc": "la discussion de groupe", "case": "l'exercice de groupe"}}


def _said_short(hire: str) -> str:
    """The person hired as a call says it: its first point, when the recruiter's description runs long (round 45's
    readers: « une hygiéniste qui fait déjà des remplacements chez vous depuis l'automne et qui connaît vos patients »
    read back word for word to the person who wrote it sounds scripted)."""
    if len(hire.split()) <= 12:
        return hire
    # (Not before what carries the fact: ", including verified Spanish/English bilingual certification", « notamment … ».)
    first = re.split(r",\s+(?!(?:including|specifically|notably|particularly|especially|such as|like|notamment|en particulier|"
                     r"particulièrement|surtout|dont|comme|avec)\b)|\s+(?:et|and|mais|but)\s+(?:qui|who|which|dont)\b|\s+(?:ce qui|which)\b",
                     hire, maxsplit=1)[0]
    return first if 4 <= len(first.split()) < len(hire.split()) else hire


def _organisation_again(company: str, language: Language, bank: dict[str, Any]) -> str:
    """The organisation said a second time, as a native writer would: by its head noun (« votre clinique »,
    "the district") when its name has one, else « votre équipe » / "your team"."""
    words = [fold(word) for word in re.split(r"[\s-]+", company.strip()) if word]
    heads = bank["again_heads"]
    if language is Language.EN:
        found = [word for word in words if word in heads]
        return f"the {found[-1]}" if found else bank["again_default"]
    if words and words[0] in ("la", "le", "les", "l'") and len(words) > 1:
        words = words[1:]
    first = words[0].removeprefix("l'") if words else ""
    return f"votre {heads[first]}" if first in heads else bank["again_default"]


def _option_index(key: str, variant: int, count: int, order: int, seed: int | None = None) -> int:
    """Which wording a variant uses: 0 the person's (see ``_Writer.seed``), 1 the next one of every entry, then stable
    mixes of both."""
    if count == 1:
        return 0
    start = 0 if seed is None else hashlib.sha256(f"{key}|{seed}".encode()).digest()[0] % count
    if variant <= 1:
        return (start + variant) % count
    digest = hashlib.sha256(f"{key}|{variant}".encode()).digest()
    # Every other move shifts from the person's wording, so any variant above 1 differs from variant 0 in several
    # sentences.
    shift = (digest[0] + (order % 2)) % count if order % 2 else (digest[0] | 1) % count
    return (start + shift) % count


# ---- the reason and the questions ----------------------------------------------------

def _reason(w: _Writer) -> StatedReason | None:
    return w.situation.reason


def _reason_sentence(w: _Writer, *, short: bool = False, area_only: bool = False) -> str:
    """The stated reason in the candidate's words."""
    reason = _reason(w)
    if reason is None:
        return ""
    hire = "hire_wanted" if reason.wanted else "hire"  # « vous recherchiez » or « vous avez retenu », as the rejection said
    if w.situation.relayed:
        hire += "_relayed"  # « votre client a retenu … »: an agency's recruiter did not choose
    # (A credential the person chosen holds, « un candidat qui détient déjà le titre CFA, un atout important », is not
    # one the post requires: said as the choice it was, round 51's « le poste exige le titre CFA ».)
    held = reason.gap == "credential" and bool(reason.hire) and not reason.wanted and len(reason.hire.split()) <= 16
    if short and not area_only and reason.hire and (reason.gap == "hire" or held) and len(reason.hire.split()) <= 12:
        return w.pick("reason_short", hire)  # « vous avez privilégié quelqu'un qui… » says more than "experience"
    if short:
        return _plural_agreed(w, w.pick("reason_short", hire if reason.area_gap == "hire" else "credential_held" if held and reason.area_gap == "credential"
                      else reason.area_gap), reason.term)
    said = w.pick("reason", hire if reason.gap == "hire" or held else reason.gap)
    said = _plural_agreed(w, said, reason.term)
    if reason.practical_also:
        # The second, practical reason, once: « J'ai aussi noté que l'écart salarial a pesé. »
        kind, words = reason.practical_also
        said += " " + w.pick("reason_also", kind, term=words)
    return said


def _plural_agreed(w: _Writer, said: str, term: str) -> str:
    """« les tests de logique ont pesé », not « a pesé »: the verb after a plural term agrees with it (round 53)."""
    if w.english or not re.match(r"(?i)les\s", term) or term not in said:
        return said
    return re.sub(rf"({re.escape(term)})\s+a\s+(pesé|fait|joué|manqué|compté|été)\b", r"\1 ont \2", said)


# A person hired described by two things: « … et qui connaît le secteur », "… and knows the commercial lots".
_TWO_POINTS = re.compile(r"(?i)\b(?:et|pis|and)\s+(?:qui|who|knows|connaît|connait|maîtrise|has (?:already|worked|run|done))\b")


def _gap_question(w: _Writer, *, spoken: bool = False, after_reason: bool = False, listed: bool = False) -> str:
    """The question past the stated reason: how to close that gap (never the reason asked again).

    Right after the sentence that names the reason, it says « en » / "it" rather than naming it again.
    """
    reason = _reason(w)
    assert reason is not None
    if _advice_taken(w):
        # The recruiter already said what to do: taken up, and only what else could be better is asked.
        # (In a list of questions, the advice taken up is said before the list, not as an item of it.)
        other = w.fill(w.bank["else_question_spoken" if spoken else "else_question"])
        return other if listed else w.pick("advice_taken") + " " + other
    if _news_settles_reason(w):
        # The news right before it says the reason no longer holds: whether that changes anything, not how to close
        # a gap already closed; and what else could be better (a practical reason asks it after, "beyond that…").
        asked = w.pick("resolved_question")
        if listed or reason.gap in ("availability", "location"):
            return asked
        return f"{asked} {w.fill(w.bank['else_question_spoken' if spoken else 'else_question'])}"
    questions = w.bank["reason_question_spoken" if spoken else "reason_question"]
    gap = reason.area_gap if w.tight else reason.gap
    if gap == "availability" and _news_answers_reason(w):
        gap = "availability_answered"  # "If my availability changes…" after news that it has
    after = w.bank.get("reason_question_after_spoken" if spoken else "reason_question_after", {})
    if after_reason and gap in after:
        return w.fill(after[gap])
    if gap == "hire":
        # "We hired someone who has run our crews for two seasons", "…who already holds a Red Seal": what the other
        # person has is rarely something to "strengthen" today, and its answer is often obvious or already given
        # (readers of rounds 5–27 marked "close that gap" / « renforcer mon profil sur ce point » absurd there).
        # Two things said of them (« qui a déjà travaillé avec Geotab et qui connaît le secteur ») are two points.
        two = bool(_TWO_POINTS.search(w.slots["hire"])) and "requirement_two" in questions  # (as said: a call says its first point)
        return w.choose(questions, "requirement_two" if two else "requirement")
    if gap == "requirement" and reason.category is Category.EXPERIENCE:
        gap = "experience"  # « trois ans d'expérience minimum »: how to get it, not "anything else"
    if gap == "credential" and (after_reason or len(w.slots.get("term_np", "").split()) > 4 and not w.tight):
        # Right after the sentence that names it, or a long name: said once (« J'ai bien noté que le poste exige le
        # certificat FUM A1. En dehors de ce point… », not « En dehors du certificat FUM A1 » again).
        gap = "requirement"
    if gap in ("availability", "location") and w.situation.invited_back:
        gap = "internal"  # the recruiter already invited them back: "may I get back in touch?" would ask it again
    return w.choose(questions, gap if gap in questions else "area")


def _asks_anything_else(w: _Writer) -> bool:
    """Whether the question past the reason already asks about anything else (a credential, a requirement)."""
    reason = _reason(w)
    # (Advice taken up is followed by "anything else?" too.)
    return reason is not None and (reason.gap in ("credential", "requirement", "explained", "capacity", "hire") or _advice_taken(w))


def _advice_taken(w: _Writer) -> bool:
    """Whether the question past the reason takes up the recruiter's advice (not in a note at its limit)."""
    return bool(w.situation.advice) and not w.tight


def _advice_left(w: _Writer, said: list[str]) -> list[str]:
    """The recruiter's advice taken up in a sentence of its own when the questions did not take it up (no reason
    to go past, a soft ask): readers marked advice left unanswered as "her message wasn't read"."""
    if not _advice_taken(w) or any(w.situation.advice in line for line in said):
        return []
    return [w.pick("advice_taken")]


def _wants_line(w: _Writer) -> str:
    """What the notes say the candidate wants to ask, asked: « Je voulais aussi vous demander si … » ("" when none)."""
    wants = w.situation.wants_to_ask
    if w.situation.wants_listed and _own(w):
        return ""  # the same questions, listed (the clause said in passing is for a letter that leaves them out)
    if w.english:  # "ask about Gauteng programme": the notes drop the article a sentence needs (round 55)
        wants = re.sub(r"^about (?=[A-Z][\w-]+ (?:programme|program|role|position|team|office|site|project|opening|branch|campus|contract|intake)\b)",
                       "about the ", wants)
    return w.pick("wants_to_ask", wants=wants) if wants and not w.tight else ""


def _beyond_logistics_follows(w: _Writer) -> bool:
    """Whether "what else could be better?" follows the question past a practical reason: "may I get back in touch
    if my availability changes?" asks no feedback (unless the recruiter already invited the candidate back)."""
    reason = _reason(w)
    return reason is not None and reason.gap in ("availability", "location") and not w.situation.invited_back


# The question areas by the analyser's category: a call does not ask again about the area the reason named.
_AREA_OF = {Category.EXPERIENCE: "experience", Category.SKILLS: "skills", Category.CV_COVER_LETTER: "cv",
            Category.LANGUAGE_REGISTER: "register", Category.CULTURE_FIT: "fit", Category.INTERVIEW_PERFORMANCE: "interview"}


def _has_gap(w: _Writer) -> bool:
    """A stated reason the candidate can work on (an internal hire leaves no gap to close)."""
    return _reason(w) is not None and not _reason(w).internal and _reason(w).gap not in ("salary", "availability", "location", "capacity")


def _area_order(w: _Writer) -> list[str]:
    # An area the recruiter praised or said was not the issue is not asked about (« votre profil nous a plu »).
    praised = set(w.situation.praised_areas)
    hinted = [a for a in w.situation.hinted_areas if a not in praised]
    # After an interview, "did my CV show…?" is filler unless the notes point to the CV.
    rest = [a for a in w.bank["default_areas"] if a not in hinted and a not in praised and not (a == "cv" and w.situation.interviewed)]
    return hinted + rest


_INFORMAL = re.compile(r"(?i)\b(pis|dispo|ok|bof|genre|full|faque|fak|t'sais|pas mal|super|gros|trucs?|kinda|gonna|wanna|lol|tbh)\b")


def _worry_of(w: _Writer) -> str:
    """The notes' worry, when its words fit the draft's register (« pis », « dispo » stay out of a formal letter)."""
    worry = w.situation.worry
    return "" if worry and w.reg != "relaxed" and _INFORMAL.search(worry) else worry


def _worry_question(w: _Writer, *, spoken: bool = False) -> str:
    """What the notes say went wrong, in the candidate's words, and whether it weighed (or, when the recruiter
    already gave the reason, how to handle it better): « J'ai manqué de temps à la fin de ma présentation : … ? »"""
    worry = _worry_of(w)
    if not worry:
        return ""
    # (A bare message asks one question: how to do better, not only whether it weighed.)
    how = _reason(w) is not None or w.request.tone.length < _BARE_BELOW
    key = ("worry_how" if how else "worry_weighed") + ("_spoken" if spoken else "")
    return w.fill(w.bank[key], worry=worry)


def _asked_np(w: _Writer) -> str:
    """The question the notes say was asked, as a noun phrase: « mes réponses aux questions sur le budget »."""
    s = w.situation
    if s.worry and _shares_words(s.worry, s.asked or s.asked_when):
        return ""  # « J'ai bloqué sur la question des fonctions de fenêtrage » already says it
    if s.asked:
        return s.asked
    return w.fill(w.bank["asked_when_np"], when=s.asked_when) if s.asked_when else ""


def _moments_besides_asked(w: _Writer) -> list[str]:
    """The notes' moments, less one the question the notes name already covers (« questions techniques »)."""
    asked = _asked_np(w)
    terms = moment_terms()
    moments = [m for m in w.situation.moments if not (asked and has_term(asked, terms[m]))]
    # A moment the notes say went well is asked about only when nothing else is (« je pense que ça a bien été »).
    doubtful = [m for m in moments if m not in w.situation.went_well]
    if doubtful or asked or w.situation.worry:
        return doubtful
    # Every moment went well: the warm line names it (« J'ai beaucoup aimé la mise en situation »), the ask does not.
    return [] if _warm_line_wanted(w) and w.situation.interviewed else moments


def _shares_words(one: str, other: str) -> bool:
    """Whether two phrases share two words of five letters or more (they speak of the same thing)."""
    words = (set(re.findall(r"\w{5,}", fold(text))) - {"questions", "question", "answers", "reponses"} for text in (one, other))
    return len(set.intersection(*words)) >= 2


def _same_subject(w: _Writer, one: str, other: str) -> bool:
    """Whether two questions ask about the same thing: one mould, two long words, or the same question from the
    notes (« mes réponses aux questions sur la mobilité » asked twice read as a glitch)."""
    asked = fold(_asked_np(w))
    moments = [fold(w.fill(w.bank["moments"][m])) for m in w.situation.moments if m in w.bank["moments"]]
    return (_same_frame(one, other) or _shares_words(one, other)
            or bool(asked) and asked in fold(one) and asked in fold(other)
            or any(np in fold(one) and np in fold(other) for np in moments)
            # « comment je m'en suis sorti·e en collectif » and « …pendant l'entretien collectif ? »: one moment, in
            # the notes' word and in ours (round 35)
            or any(has_term(one, moment_terms()[m]) and has_term(other, moment_terms()[m]) for m in w.situation.moments))


def _asked_question(w: _Writer, *, spoken: bool = False) -> str:
    """How the answer to the question the notes name came across: the most telling question a call can ask."""
    s = w.situation
    if not _asked_np(w):
        return ""
    if s.asked:
        return w.fill(w.bank["asked_question_spoken" if spoken else "asked_question"], asked=s.asked)
    if s.asked_when:
        return w.fill(w.bank["asked_when_question_spoken" if spoken else "asked_when_question"], when=s.asked_when)
    return ""


_OPINION_TAIL = re.compile(r"(?:,\s*(?:selon (?:vous|toi)|à votre avis|à ton avis|in your view|in your opinion))(?=\s*\?$)")


def _one_opinion_tail(questions: list[str]) -> list[str]:
    """« selon vous » once in a list: readers noticed it closing two questions in a row."""
    out, said = [], False
    for question in questions:
        if _OPINION_TAIL.search(question):
            if said:
                question = _OPINION_TAIL.sub("", question)
            said = True
        out.append(question)
    return out


# A question of the notes that asks what decided it (« Est-ce l'étude de cas qui a pesé ? », "Was it the system
# design?"): what the notes say went wrong is said right after it, as the candidate's own read of it.
_CAUSE_QUESTION = re.compile(r"(?i)\b(?:a|ont|aurait|auraient|avait) (?:pesé|joué|coûté|fait la différence|fait pencher)\b"
                             r"|\bqui (?:a|m'a|aurait) (?:pesé|joué|coincé|coûté|manqué|fait la différence)\b"
                             r"|^(?:was|is) it (?:the|my|mostly|more|because|that)\b"
                             r"|\b(?:weigh(?:ed)?|cost me|tipped it|deciding factor|made the difference)\b")
_WORRY_ASIDE_FROM = 60  # a longer message says the notes' worry beside their questions even with no such question
# « je sais que je suis peut-être allé trop vite »: knowing and a doubt; the doubt is said as an impression.
_HEDGE = re.compile(r"(?i)\b(?:peut-être|sans doute|probablement|maybe|probably|perhaps)\s+")


def _worry_aside(w: _Writer) -> str:
    """What the notes say went wrong, as the candidate's own read (« Je sais que j'ai manqué de temps pour la partie
    recommandations. »); "" for a vague one (« J'ai figé un peu »), which says nothing the recruiter can answer."""
    worry = _worry_of(w)
    if len(worry.split()) < 6:
        return ""
    worry = re.sub(r"(?i)(?<=\s)(?:juste|just|only)\s+(?=\w+(?:é|ed)\b)", "", worry)  # « j'ai juste bloqué »: the worry itself
    if _HEDGE.search(worry):
        worry, key = _HEDGE.sub("", worry), "worry_aside_hedged"
    else:
        key = "worry_aside"
    if not (w.english and re.match(r"I\b", worry)):
        worry = worry[:1].lower() + worry[1:]
    return w.fill(w.bank[key], worry=worry)


def _with_worry(w: _Writer, questions: list[str], *, spoken: bool = False) -> list[str]:
    """The notes' questions, the first that asks what decided it followed by what the notes say went wrong; with no
    such question, a longer message asks about it in a question of its own (round 44–46's readers: "I know I forgot to
    mention the IRB reporting timeline." said alone "offers up a weakness with no point attached")."""
    if not (aside := _worry_aside(w)):
        return questions
    for i, question in enumerate(questions):
        if i < len(w.situation.own_questions) + 1 and _CAUSE_QUESTION.search(question):
            return [*questions[:i], f"{question} {aside}", *questions[i + 1:]]
    # (Not after a reason that was no fault of the interview: after « le poste a été pourvu à l'interne », asking
    # whether a stumble weighed owns a cause the recruiter did not give.)
    if w.request.tone.length >= _WORRY_ASIDE_FROM and len(questions) < 3 and not _practical_reason(w):
        return [*questions, _worry_question(w, spoken=spoken)]
    return questions


_RICH_FROM = 80  # a long message asks the notes' own questions and, beside them, about a moment they leave out


def _with_moment(w: _Writer, questions: list[str], *, spoken: bool = False) -> list[str]:
    """The notes' questions and, in a long message, one about a moment of the interview they do not name (round 44's
    readers at length 90–100: "the role play is unused", "too little of the notes is used")."""
    if w.request.tone.length < _RICH_FROM or len(questions) >= 3:
        return questions
    said = " ".join(questions)
    key = "moment_questions_spoken" if spoken else "moment_questions"
    for moment in w.situation.moments:
        if moment not in w.bank[key] or has_term(said, moment_terms()[moment]):
            continue
        question = w.fill(w.bank[key][moment])
        if not any(_same_subject(w, question, q) or _same_frame(question, q) for q in questions):
            return [*questions, question]
    return questions


def _own(w: _Writer) -> list[str]:
    """The questions the notes list for the recruiter that this draft can ask: all of them, but in a formal letter
    only those not written in spoken words (« C'est le fond ou la forme qui a coincé ? »)."""
    if w.reg != "formal":
        return list(w.situation.own_questions)
    return [asked for q in w.situation.own_questions if formal_enough(asked := formal_question(q))]


def _questions(w: _Writer, count: int, *, spoken: bool = False, gap_asked: bool = False) -> list[str]:
    """Precise questions: past the stated reason, the notes' moments, then anything else or by area.

    The questions the notes list for the recruiter are asked instead of the notes' moments and the areas: they are
    what the candidate wants to know (readers: "Je veux 2-3 questions précises, pas un message bateau").
    """
    if _own(w):
        asked = _own_questions_asked(w, spoken=spoken, gap_asked=gap_asked)
        # (A reason's question past it, asked in the list or before it, already asks what to improve.)
        if _notes_ask_feedback(w) or w.situation.undecided or _has_gap(w) or any(frames_improvement(q, w.request.language.base) for q in asked):
            return asked
        # Notes that ask only for a job ("Do you keep a supply list?"): the request for feedback is asked too (round 51).
        return [*asked, w.pick("ask_tight")]
    return _questions_of_ours(w, count, spoken=spoken, gap_asked=gap_asked)


def _own_questions_asked(w: _Writer, *, spoken: bool, gap_asked: bool) -> list[str]:
    """The notes' own questions, with the question past the reason and the notes' worry where they belong."""
    if own := _own(w):
        # (An own question that already asks what else, "Anything else besides SVOP?", is the question past the reason.)
        asks_else = any(re.search(r"(?i)\b(?:anything else|autre chose|besides|apart from|à part|en dehors)\b", q) for q in own)
        # (An own "anything else?" replaces the stock "anything else?", not a question on the gap itself: "How best to
        # learn SAS?" stays before it, round 41.)
        if not _has_gap(w) or gap_asked or _advice_taken(w) or asks_else and _asks_anything_else(w):
            return _with_worry(w, _one_opinion_tail(_with_moment(w, own, spoken=spoken)), spoken=spoken)
        if asks_else:
            return _with_worry(w, _one_opinion_tail([_gap_question(w, spoken=spoken, listed=True)] + own), spoken=spoken)
        gap = _gap_question(w, spoken=spoken, listed=True)
        # "Apart from that, anything else?" closes the list; a question about the gap itself opens it.
        # (Whether news that settles the reason changes anything follows that news: first.)
        last = _asks_anything_else(w) and not _news_settles_reason(w)
        return _with_worry(w, _one_opinion_tail(own + [gap] if last else [gap] + own), spoken=spoken)
    return []


def _questions_of_ours(w: _Writer, count: int, *, spoken: bool, gap_asked: bool) -> list[str]:
    """Precise questions when the notes list none: past the stated reason, the notes' moments, then anything else."""
    asked = _asked_question(w, spoken=spoken)
    worry = _worry_question(w, spoken=spoken)
    moments = [q for q in (worry, asked) if q]
    for m in _moments_besides_asked(w)[: 1 if asked else 2]:
        question = w.fill(w.bank["moment_questions_spoken" if spoken else "moment_questions"][m])
        if any(_same_frame(question, before) for before in moments):
            question = w.fill(w.bank["moment_questions_alt"][m])  # two questions from one mould read as a form
        moments.append(question)
    if count == 1 and len(moments) == 2 and not _has_gap(w) and not asked:
        # Room for one question: it names both moments.
        named = w.bank["moment_and_in"].join(w.fill(w.bank["moments"][m]) for m in w.situation.moments[:2])
        moments = [w.fill(w.bank["moment_question_joined"], moment=named)]
    other = w.fill(w.bank["else_question_spoken" if spoken else "else_question"])
    if _has_gap(w):
        # Advice taken up (said before the list) leaves "anything else?" as the last question, after the notes'.
        advised = _advice_taken(w)
        gap = [] if gap_asked or advised else [_gap_question(w, spoken=spoken, listed=True)]
        # A credential's question already asks about anything else.
        tail = [] if (_asks_anything_else(w) and not (advised and not gap_asked)) or w.situation.rest_was_fine else [other]
        # (A reason's question and the notes' one stay together even in a bare message: readers missed the notes more
        # than they minded a second line.)
        asked = (gap + moments + tail)[: max(count, len(gap) + 1)]
        if not asked and spoken:
            # A call's list is never empty: after the question past the reason, how the interview went.
            areas = [a for a in _area_order(w) if a not in ("cv", _AREA_OF.get(_reason(w).category, ""))]
            asked = [w.fill(w.options(w.bank["questions_spoken"][a])[0]) for a in areas[:1]]
        return asked
    lead = [_gap_question(w, spoken=spoken, listed=True)] if _reason(w) is not None else []  # an internal hire, a logistic reason
    # (Not when the recruiter said they could not say why: "what tipped it?" asks exactly that.)
    if _reason(w) is None and w.situation.close_call and not w.situation.no_feedback:
        lead = [w.fill(w.bank["difference_question_spoken" if spoken else "difference_question"])]  # "it was close": what tipped it
    # A moment's own question replaces the one about answers; with no sign of an interview, there is none to ask.
    areas = [a for a in _area_order(w) if not ((moments or not w.situation.interviewed) and a == "interview")]
    if spoken and w.request.tone.directness >= _VERY_DIRECT_FROM:
        # Straight to what held me back, once: three such questions in a row sound like an interrogation.
        by_area = [w.fill(w.bank["questions_spoken_direct"][a]) if i == 0 else w.fill(w.options(w.bank["questions_spoken"][a])[0])
                   for i, a in enumerate(areas)]
    elif spoken:
        by_area = [w.fill(w.options(w.bank["questions_spoken"][a])[0]) for a in areas]
    else:
        by_area = [w.fill(w.options(w.bank["questions"][a])[0]) for a in areas]
    if _reason(w) is not None and _reason(w).gap in ("availability", "location"):
        # Dates or distance decided it: "was my experience a match?" would ask what was not the issue.
        by_area = [w.fill(w.bank["beyond_logistics_spoken" if spoken else "beyond_logistics"])]
    elif _reason(w) is not None and _reason(w).gap in ("salary", "internal", "capacity"):
        # Its own question already asks what else to strengthen; after "the post went inside" or "the team is
        # full", "what was my CV missing?" asks what the recruiter just said was not the issue (round 36).
        by_area = []
    return _one_opinion_tail((lead + moments + by_area)[:count])


def _same_frame(one: str, other: str) -> bool:
    """Whether two questions open with the same five words (« Qu'est-ce que j'aurais pu mieux faire… » twice)."""
    first, second = (re.findall(r"[\w']+", fold(text))[:5] for text in (one, other))
    return len(first) == 5 and first == second


def _names_a_moment(w: _Writer, text: str) -> bool:
    return any(has_term(text, moment_terms()[m]) for m in w.situation.moments)


def _moment_line(w: _Writer, *, besides: str = "") -> str:
    """The notes' moments (two at most) in one sentence: « Votre avis sur mon étude de cas et sur ma présentation… ».

    A moment the worry ``besides`` names is left to the question about it.
    """
    asked = _asked_np(w)
    if not w.situation.moments and not asked:
        return ""
    moments = [m for m in _moments_besides_asked(w) if not (besides and has_term(besides, moment_terms()[m]))]
    named = [w.fill(w.bank["moments"][m]) for m in moments[: 1 if asked else 2]] + ([asked] if asked else [])
    if not named:
        return ""
    return w.pick("moment_line", moment=w.bank["moment_and"].join(named))


def _ask(w: _Writer) -> tuple[list[str], list[str]]:
    """The ask, by directness: an open wish, direct questions, or a lead-in with precise questions."""
    directness = w.request.tone.directness
    if _own(w):
        # The candidate's own questions are asked at any directness (softly introduced below the list's).
        # A very short message asks them in its own sentences, without a lead-in and a list (readers at length 0–10:
        # "should be three lines, not four paragraphs").
        questions = _questions(w, 3)
        if len(questions) == 1 or w.request.tone.length < _BARE_BELOW:
            return questions, []
        lead = "ask_list_direct" if directness >= _VERY_DIRECT_FROM else "ask_list"
        return [w.pick(lead)], questions
    if directness >= _LIST_FROM:
        # A short message keeps to two questions.
        length = w.request.tone.length
        # (A practical reason keeps its second question: "may I call back?" alone asks no feedback.)
        bare = length < _BARE_BELOW and not _beyond_logistics_follows(w)
        questions = _questions(w, 1 if bare else 3 if directness >= 85 and length >= _SHORT_BELOW else 2)
        if len(questions) == 1:  # one question reads as a sentence, not a one-item list
            return [questions[0]], []
        return [w.pick("ask_list_direct" if directness >= _VERY_DIRECT_FROM else "ask_list")], questions
    worry = _worry_of(w)
    lines = [line] if (line := _moment_line(w, besides=worry)) else []
    if worry and lines and _names_a_moment(w, worry):
        lines.append(_worry_question(w))  # the moment it names is asked about there, the others before
    elif worry and lines and not w.situation.moments and not _shares_words(worry, _asked_np(w)):
        # The line names only the question the notes say was asked (« Power BI »), and what went wrong was elsewhere
        # (« bloquée sur une window function »): « car » would tie them falsely; what went wrong is asked about.
        lines = [_worry_question(w)]
    elif worry and lines:
        # « Votre avis sur mon test technique m'intéresserait particulièrement, car je n'ai pas fini la partie
        # tableaux croisés. »: what went wrong says why that moment matters, in one sentence.
        worry = worry if worry.startswith(("I ", "I'")) else worry[:1].lower() + worry[1:]
        lines = [w.fill(w.bank["moment_because"], line=lines[0].rstrip(".!"), worry=worry)]
    elif worry:
        lines = [_worry_question(w)]  # what the candidate felt went wrong, asked about in their own words
    if _has_gap(w):
        # The question past the reason comes right after it; the notes' moments, then anything else.
        if directness < _OPEN_BELOW:
            return [w.pick("ask_open_after_reason"), *lines], []
        tail = ([] if _asks_anything_else(w) or w.situation.rest_was_fine or worry or w.request.tone.length < _BARE_BELOW
                else [w.fill(w.bank["else_question"])])
        return [_gap_question(w, after_reason=True), *lines, *tail], []
    if _reason(w) is not None and directness >= _OPEN_BELOW:  # an internal hire: ask what could still be better
        beyond = [w.fill(w.bank["beyond_logistics"])] if _beyond_logistics_follows(w) else []
        return [_gap_question(w), *lines, *beyond], []
    if directness < _OPEN_BELOW and _moments_besides_asked(w):
        return [_open_ask_with_moment(w)], []
    return [*lines, w.pick("ask_open" if directness < _OPEN_BELOW else "ask_direct")], []


def _open_ask_with_moment(w: _Writer, *, count: int = 2) -> str:
    """The open ask naming the notes' moments: « …notamment dans mon étude de cas et dans ma présentation. »"""
    named = [w.fill(w.bank["moments"][m]) for m in _moments_besides_asked(w)[:count]]
    if w.tight:
        return w.pick("ask_open_moment_tight", moment=named[0])
    return w.pick("ask_open_moment", moment=w.bank["moment_and_in"].join(named))


# ---- greeting and closing ------------------------------------------------------------

# From this warmth the sign-off is warm too (below the most formal letter).
_VERY_WARM_FROM = 85
# From this formality a French e-mail is a letter: « Madame, » … « Veuillez agréer, Madame, … ».
_LETTER_FROM = 90

def _greeting(w: _Writer, prefix: str = "") -> str:
    titled = bool(w.names.polite) and w.names.first == w.names.polite and w.names.polite.split()[0] in _CIVILITY_WORDS
    if w.names.first and not titled and w.reg == "relaxed" and w.situation.casual_hello and f"{prefix}greeting_casual" in w.bank:
        return w.pick(f"{prefix}greeting_casual")  # « Salut Amélie! » is answered « Salut Karine, »
    names = w.names
    if w.request.language is Language.FR_FR and w.request.tone.formality >= _LETTER_FROM and not prefix and names.civility:
        # The most formal letter in France opens « Madame, » alone, as its formula closes (a Québec e-mail keeps
        # « Bonjour Madame Caron, »).
        return f"{names.civility},"
    if w.situation.civility_hello and names.polite and names.first != names.polite and w.reg != "formal":
        # « Bonjour Monsieur Caron » from the recruiter: « Bonjour Monsieur Fortier », not a first name.
        return f"{'Hello' if w.english else 'Bonjour'} {names.polite},"
    return w.pick(f"{prefix}greeting_named" if w.names.first else f"{prefix}greeting_plain")


# English public bodies and institutions take "the": "at the Peel District School Board", "the City of Calgary".
_TAKES_THE = re.compile(r"^(?:[A-Z]{2,}\s+of\s|(?:University|City|Town|County|Province|Government|Region|Municipality|District|Department|Ministry|Office|State|Commonwealth)\s+of\b"
                        r"|.*\b(?:Board|Secretariat|Commission|Agency|Authority|Council|Ministry|Department|Office|Institute|Museum|Centre|Center|Library|Foundation)$)")


def _with_the(company: str) -> str:
    """The English name as a sentence says it: "the" before a public body or institution typed without it."""
    name = company.strip()
    # (A British council is named without it: "at Kent County Council", round 49.)
    if not name or re.match(r"(?i)the\s", name) or not _TAKES_THE.match(name) or re.search(r"\b(?:County|District|Borough|City|Town|Parish) Council$", name):
        return company
    return f"the {name}"


def _as_a_name(company: str) -> str:
    """An organisation typed all in lower case, capitalised as a name (« sobeys centre de distribution terrebonne »
    → « Sobeys Centre de distribution Terrebonne »); anything typed with a capital stays as typed."""
    company = without_descriptor(company)  # « l'Étude Vasseur-Delorme, notaires »: the letterhead's word is not said
    if company != company.lower() or not company.strip():
        return company
    small = {"de", "du", "des", "la", "le", "les", "et", "à", "a", "au", "aux", "en", "of", "the", "and", "for", "in", "d", "l"}
    words = company.split()
    return " ".join(w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(words))


# Designations typed after a name without a comma ("Laura Chen PhD", « Marc Roy CRHA »).
_DESIGNATION = re.compile(r"(?i)\s+(?:ph\.?\s?d\.?|m\.d\.|md|crha|cria|cpa|chrp|chrl|shrm-cp|mba|rn|inf\.?|msc|m\.sc\.?|b\.sc\.?|ing\.?|eng\.?|p\.eng\.?)\s*$")
# Surname particles: « Da Silva », « de la Fontaine », "Van der Berg", "O'Neil" stays one word.
# (round 55: the Philippines' "dela Cruz", "delos Santos")
_PARTICLES = frozenset({"da", "de", "del", "dela", "delos", "della", "des", "di", "do", "dos", "du", "la", "le", "van", "von", "der", "den", "ten", "ter", "st", "st.", "saint", "sainte", "mac", "al", "el", "ben", "bin"})
_CIVILITY_WORDS = frozenset({"Monsieur", "Madame", "Mr.", "Ms.", "Mrs.", "Mr", "Ms", "Mrs", "Miss"})
# Greetings by a title, to whom a draft does not say « tu » (« Bonjour Madame Lefebvre », « Bonjour Docteure Roy »).
_TITLED_GREETINGS = _CIVILITY_WORDS | {"Docteur", "Docteure", "Maître"}
# Titles of a trade or rank used as address: not a first name.
_ROLE_TITLES = frozenset({"chef", "captain", "capt", "coach", "chief", "sergeant", "sgt", "pastor", "father", "sister", "rabbi", "imam",
                          "capitaine", "commandant", "sergent", "pasteur", "abbé", "soeur", "sœur", "père"})
_NOT_FIRST_NAMES = frozenset({"Dr", "Dre", "Mme", "Mlle", "Mr", "Ms", "Mrs", "Miss", "Monsieur", "Madame", "Docteur", "Docteure", "Prof", "Me"})


def _signed_first_name(rejection: str, polite: str) -> str:
    """The first name the recruiter signed with, when the signature's surname is the one we were given, or ""."""
    surname = polite.split()[-1] if polite.split() else ""
    if not surname or not rejection.strip():
        return ""
    tail = rejection.strip()[-200:]
    match = re.search(rf"(?m)^[-–—\s]*([A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)\s+{re.escape(surname)}\b", tail)
    if match and match.group(1) not in _NOT_FIRST_NAMES:
        return match.group(1)
    # "… nothing against you.\nRick", "… if that's helpful. Anna": a first name alone signs the message's last line.
    last = rejection.strip().splitlines()[-1].strip(" -–—,")
    alone = re.search(r"(?:^|[.!?]\s+)([A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)$", last)
    name = alone.group(1) if alone else ""
    # ("-R. Delgado": the surname after an initial is no first name: « Hi Delgado » reads as rude.)
    return name if name and name not in _NOT_FIRST_NAMES and fold(name) not in _SIGN_OFF_WORDS and fold(name) != fold(surname) else ""


# Last words of a message that sign it off, not a name ("Thanks", « Merci »).
_SIGN_OFF_WORDS = frozenset({"thanks", "thank", "cheers", "best", "regards", "sincerely", "cordially", "warmly", "merci", "cordialement",
                             "salutations", "amicalement", "bonne", "ciao", "bye", "later", "soon", "luck", "appreciated"})


def _closing(w: _Writer, greeting: str) -> str:
    """The sign-off: by register and variety; a formal French one names the person as the greeting did."""
    bank, language = w.bank, w.request.language
    # The full French formula only in the most formal letter, which opens « Madame, » (readers: « Bonjour Madame
    # Marchand » then « Je vous prie d'agréer » is two registers; « Madame, Monsieur » then « Cordialement » too).
    letter = w.request.tone.formality >= _LETTER_FROM
    if w.request.tone.warmth >= _VERY_WARM_FROM and not letter:
        return w.pick("closing_warm" if w.english else "closing_warm_fr_FR" if language is Language.FR_FR else "closing_warm_fr")
    if language is Language.FR and w.reg == "formal" and not letter:
        return w.pick("closing_formal_fr")  # Québec e-mails close in few words
    if language is Language.FR_FR and (w.reg != "formal" or not letter):
        return w.pick("closing_fr_FR", "neutral" if w.reg == "formal" else w.reg)
    if w.reg != "formal":
        return w.pick("closing", w.reg)
    civility = "Madame, Monsieur" if greeting.startswith("Madame, Monsieur") else w.names.civility
    if civility:
        return w.fill(w.options(bank["closing"]["formal_civility"])[w.request.variant % 2], civility=civility)
    return w.fill(w.options(bank["closing"]["formal_plain"])[w.request.variant % 2])


# ---- the channels --------------------------------------------------------------------

def _names_organisation(w: _Writer, text: str) -> bool:
    """Whether ``text`` names the organisation (in French, without the article the preposition took in)."""
    company = w.request.context.company.strip()
    name = company if w.english else Organisation.parse(company).name
    return bool(name) and fold(name) in fold(text)


def _kind_words(w: _Writer) -> list[str]:
    """What the rejection said kindly, answered: praise for a moment or a thing, that it was close, or praise of
    the profile, the interview or the candidate."""
    s = w.situation
    # Praise someone else gave (« Ton profil a beaucoup plu au gestionnaire ») takes the first wording, the one that
    # names no one: « Tes bons mots sur mon profil » would thank the recruiter for the manager's words.
    pick = w.first if _someone_elses_praise(w.request.context.rejection_message) else w.pick
    if s.praised:
        moment = w.fill(w.bank["moments"][s.praised[0]])
        return [pick("praise_thanks", moment=moment, liked=_liked(moment))]
    if s.praised_np:
        return [pick("praise_thanks_np", liked=_liked(s.praised_np))]
    # Praise before "it was close": readers counted an answer to "it was close" as no answer to the praise.
    if s.praise:
        return [pick("praise_thanks_area", s.praise)]
    if s.close_call:
        return [w.pick("close_call")]
    return []


_THIRD_PARTY_LIKED = re.compile(
    r"(?i)\bplu (?:au|aux|à la|à l'|à notre|à nos|à mon|à ma)\b|\b(?:apprécié|aimé|adoré) (?:par|de) (?:le|la|l'|les|notre|nos)\b"
    r"|\b(?:l'équipe|le gestionnaire|la gestionnaire|le comité|le jury|le client|la cliente|le directeur|la directrice|"
    r"le patron|la patronne|le manager|le panel|tout le monde|les gestionnaires|les membres du \w+) (?:a|ont) (?:\w+ )?"
    r"(?:adoré|aimé|apprécié|beaucoup aimé|bien aimé)\b"
    r"|\b(?:the|our|my) (?:hiring )?(?:manager|panel|team|client|director|boss|committee)s? (?:really |all )?"
    r"(?:liked|loved|enjoyed|was impressed|were impressed|appreciated)\b")


def _someone_elses_praise(rejection: str) -> bool:
    return bool(_THIRD_PARTY_LIKED.search(rejection))


def _liked(praised: str) -> str:
    """« ait plu » or « aient plu »: the verb agrees with what was praised (« mes réponses », « ma façon d'être et mon
    calme »). (No « vous »: the praise is often the panel's or the manager's, relayed: « Ton profil a beaucoup plu
    au gestionnaire ».)"""
    plural = re.match(r"(?i)(?:mes|les|vos|nos|ces|des|tes)\b", praised) or re.search(r"\s(?:et|and)\s", praised)
    return "aient plu" if plural else "ait plu"


def _with_kind_words(w: _Writer, thanks: str) -> str:
    """A thanks that also thanks for the rejection's praise (« Merci pour ta réponse et tes bons mots. »), for a
    message with no room for the line that answers it: readers expect praise answered even in a short note."""
    s = w.situation
    if not (s.praise or s.praised_np or s.praised) or not thanks.endswith("."):
        return thanks
    tail = w.pick("thanks_kind_tail")
    return thanks[:-1] + ("" if tail.startswith(",") else " ") + tail + "."


def _invitation_kind(w: _Writer, *, details: bool = True) -> str:
    """Which wording takes up the invitation: the kind, refined by what the rejection named."""
    s = w.situation
    kind = s.invited_back
    if kind == "contact" and s.invite_when and details:
        return "contact_when"
    if kind == "offer":
        if s.offer_action and any(_shares_words(s.offer_action, q) for q in _own(w)):
            return "offer_unnamed_short"  # « Comment puis-je m'inscrire à la banque de suppléance ? » already names it
        if s.offer_action and (details or len(s.offer_action.split()) <= 6):
            # (At the limit too when short: "what you mentioned" names nothing.)
            return "offer_action"  # « J'aimerais beaucoup venir donner un coup de main… »: yes to it, by name
        if not s.offer or not details:
            return "offer_unnamed"
        if re.search(r"\b(list|pool|roster|liste)\b", fold(s.offer)):
            return "offer_list"
        if w.english and re.search(r"(?i)\b(put|recommend|refer|consider) you (forward )?for\b", w.request.context.rejection_message):
            return "offer_for"  # "I'd like to put you forward for our Retention team": considered for it
        # "a senior lift operator", "a yard tech for winter haul-outs": a person to be, not a thing to get.
        return "offer_as" if w.english and re.match(r"(?i)an?\s", s.offer) and not re.search(r"\b(opening|role|position|job|contract|spot)\b", s.offer) else "offer"
    said = w.request.context.rejection_message or w.request.context.notes  # the recruiter's words, pasted or noted
    if kind == "opening":
        if s.offer and details and re.search(r"(?i)(?<!dès qu'il est )(?<!dès qu'elle est )(?<!quand il sera )(?<!once it's )(?<!when it's )\b(closes|closing|now open|currently open|is open|is up|on (?:our|their|the) (?:site|website|careers page)|est ouvert|actuellement ouvert|en ligne|req(?:uisition)?\.?\s?#?\s?[\w-]*\d|job id)\b",
                                             said):  # (« je t'envoie le lien dès qu'il est en ligne »: not up yet)
            return "opening_posted"  # "the research assistant posting … that closes end of month": already up
        if s.offer and details and re.match(r"(?i)(?:des|deux|trois|d'autres|les)\s", s.offer) and "opening_named_plural" in w.bank["future_invited"]:
            return "opening_named_plural"  # (« les postes de TTS … m'intéressent »)
        named = "opening_named" if s.offer and details else "opening"
        if s.will_come_back:
            return f"{named}_will_contact"  # « Je me permettrai de revenir vers toi à ce moment-là si tu es d'accord. »
        return named
    if kind == "keep" and s.consent:
        return "keep_consent"  # « Si vous y consentez, nous conserverons votre dossier »: consent given, not thanks
    if kind == "keep" and s.invite_list and details:
        return "keep_list"
    if kind == "reapply" and s.invite_for and details and w.english:
        return "reapply_for"  # "As you suggested, I'll apply to the English-only team."
    if kind == "forward":
        if re.search(r"(?i)\b(is passing|passing|passed|has passed|i've passed|j'ai transmis|a transmis|lui ai (?:transmis|transféré|envoyé|fait suivre)|transmet|je transmets\b(?!.{0,40}\?))", said) \
                and not re.search(r"(?i)\b(if you|si (?:tu|vous|ça|cela)|avec (?:votre|ton) accord|would you|may i|can i|voulez|souhaitez)\b", said):
            # "she's passing my name to a doc crew": thanked, not granted
            return "forward_done" if s.offer else "forward_done_unnamed"
        return "forward" if s.offer and details else "forward_unnamed"
    return kind


def _invitation_short(w: _Writer, *, details: bool = True) -> str:
    """The recruiter's invitation taken up in one sentence (a LinkedIn note, the end of a call), or "";
    without ``details``, no time and no "for which posts" (a note at its limit)."""
    kind = _invitation_kind(w, details=details)
    if kind not in w.bank["future_short_invited"]:
        return ""
    if details:
        return w.pick("future_short_invited", kind)
    if f"{kind}_short" in w.bank["future_short_invited"]:
        return w.pick("future_short_invited", f"{kind}_short")  # a note at its limit: the yes, without the next step
    return w.pick("future_short_invited", kind, when_sp="", kept_for="")


def _automatic_ack(w: _Writer, *, first: bool = False) -> str:
    """The automated notice, said once; "reach out to you directly" needs a person to be addressed."""
    key = "automatic_first" if first else "automatic_ack"
    if not w.names.first and f"{key}_unnamed" in w.bank:
        return w.pick(f"{key}_unnamed")
    return w.pick(key)


def _warm_line_wanted(w: _Writer) -> bool:
    """Warmth from 70; and, at a long length (80+) and a warmth that is not cool, when the notes name a moment that
    went well: a long message has room for it, and it is the notes' own fact."""
    tone = w.request.tone
    return tone.warmth >= _WARM_FROM or (tone.length >= 80 and tone.warmth >= _COOL_BELOW and bool(w.situation.went_well))


def _warm_line(w: _Writer) -> str:
    """Warmth about the interview: a moment the notes say went well, enjoyed (« J'ai beaucoup aimé la mise en
    situation. »); else a stock line. After thanks for a call, "our conversation" would be the call with the news."""
    enjoyed = [m for m in w.situation.went_well if m not in w.situation.praised]
    if enjoyed and enjoyed[0] in w.bank["moment_enjoyed"]:
        return w.fill(w.bank["moment_enjoyed"][enjoyed[0]])
    return w.pick("phone_warm_line" if w.situation.news == "phone" and "phone_warm_line" in w.bank else "warm_line")

def _thanks_key(s: Situation) -> str:
    """How the news came, for the thanks: an agency's written relay of its client's answer is thanked as such."""
    return "relayed" if s.relayed and s.news == "written" else s.news


def _practical_reason(w: _Writer) -> bool:
    """Whether the reason is nothing the candidate could have done better (an internal hire, the salary, the dates,
    the distance): readers found « en tirer des leçons » and « pour progresser » illogical there."""
    reason = w.situation.reason
    return reason is not None and reason.gap in ("internal", "salary", "availability", "location", "capacity")


def _regret_key(w: _Writer, short: bool) -> str:
    """The regret, with "I'd like to learn from it" unless the message is short or a reason was given."""
    # (A stated reason already says what was missing: « … et j'aimerais comprendre ce qui m'a manqué » would ask again.)
    return "regret_short" if short or w.situation.reason is not None else "regret"


# The notes or the recruiter speak of applying again: « repostuler », "reapply", « postuler de nouveau ».


def _purpose_key(w: _Writer) -> str:
    """Why the answer helps, by what comes next: a gap the recruiter named to close, a new application, else the
    next interviews."""
    s = w.situation
    reason = _reason(w)
    if reason is not None and not reason.internal and not _practical_reason(w) and reason.gap != "explained":
        return "purpose_gap"
    if s.invited_back in ("reapply", "opening") or APPLY_AGAIN.search(" ".join((s.wants_to_ask, *s.own_questions, s.to_mention))):
        return "purpose_reapply"
    if reason is not None and _practical_reason(w) and _own(w):
        return "purpose_practical"  # the notes ask about the schedule or other posts: answers, not feedback
    return "purpose"


def _learning_said(w: _Writer, short: bool) -> bool:
    """Whether the email's regret already says why the candidate asks ("…, but I'd like to learn from it"). (In
    French its « comprendre ce qui m'a manqué » says what, not why: the ask must then say « améliorer » itself.)"""
    return _regret_key(w, short) == "regret"


# An invitation's condition on getting what was missing: "once I've got the ticket", « une fois la carte en poche ».
_CONDITION_MET = re.compile(r"(?i)\b(?:once|when|after|as soon as|une fois|quand|lorsque|dès que)\b.*\b(?:got|get|have|has|hold|obtained|"
                            r"complete[ds]?|passed|en poche|obtenu\w*|aurai|l'aurai|détien\w*|réussi\w*)\b")


def _news_answers_reason(w: _Writer) -> bool:
    return news_answers_reason(w.situation.reason, w.situation.to_mention)


def _news_settles_reason(w: _Writer) -> bool:
    return news_settles_reason(w.situation.reason, w.situation.to_mention)


def _news_shares_words(w: _Writer) -> bool:
    return news_shares_words(w.situation.reason, w.situation.to_mention)


def _news_on_reason(w: _Writer, reason_said: str) -> bool:
    """Whether the notes' news answers the reason just said: it belongs right after it (round 35's readers)."""
    mention = w.situation.to_mention
    return bool(mention) and (mention_answers_reason(mention, reason_said) or _news_answers_reason(w) or _news_shares_words(w))


def _email(w: _Writer) -> tuple[str, str]:
    tone = w.request.tone
    s = w.situation
    short = tone.length < _SHORT_BELOW
    greeting = _greeting(w)
    # A short message thanks and regrets in fewer words; the facts stay.
    if s.news == "automatic" and not s.interviewed:
        # An automated notice and no interview: nothing was given to thank for; why the candidate writes comes first.
        intro = [_automatic_ack(w, first=True), w.pick(_regret_key(w, short))]
    else:
        kind = _kind_words(w)
        intro = [w.pick("short_thanks" if short else "thanks", _thanks_key(s)), *kind]
        # The thanks for a call already names the interview; kind words answered are warmth enough.
        if _warm_line_wanted(w) and not short and s.interviewed and not kind and s.news != "phone":
            intro.append(_warm_line(w))  # said with the thanks for the interview, where it belongs
        intro.append(w.pick(_regret_key(w, short)))
        if s.news == "automatic":
            intro.append(_automatic_ack(w))
    if s.no_feedback:
        # "I know you don't usually give individual feedback, but…" (readers: a policy left unsaid "wasn't read")
        intro.append(w.pick("no_feedback_ack_short" if short else "no_feedback_ack"))
    middle, questions = _ask(w)
    if s.no_feedback and not short and not questions:
        # One open ask already says "if you have a moment": the policy is said without saying it twice.
        intro[-1] = w.pick("no_feedback_ack_but")
    middle[:0] = _advice_left(w, middle + questions)
    if wants := _wants_line(w):
        # The candidate's own question from the notes, said before the list of questions (or after the ask).
        middle.insert(len(middle) - 1 if questions and middle else len(middle), wants)
    mention_on_reason = False
    if reason := _reason_sentence(w):
        middle.insert(0, reason)  # said right before the question that goes past it
        if _news_on_reason(w, reason):
            # « …le certificat OW-2. J'y travaille d'ailleurs déjà : je suis inscrite à la formation OW-2… » (round
            # 35's readers: the news that answers the reason belongs right after it, not four paragraphs later)
            middle.insert(1, w.pick("mention_on_reason_done" if _news_settles_reason(w) else "mention_on_reason", mention=s.to_mention))
            mention_on_reason = True
    # Why it helps: at a longer length, or to frame a list of questions as a request for feedback.
    # (A bare message cut to one precise question keeps the line that says why: the question alone may ask only
    # whether the CV showed the experience.)
    # (Not after a regret that already says it: "…, but I'd like to learn from it." then "It would help me prepare
    # for my next interviews" says why twice; round 36's readers heard the second as a stock line.)
    purpose = [w.pick(_purpose_key(w))] if (tone.length >= _PURPOSE_FROM or questions or _own(w) or (
        tone.length < _BARE_BELOW and tone.directness >= _LIST_FROM)) and not (
        # (the ask itself must say it: the check reads the framing from the ask on, as a reader does)
        _learning_said(w, short) and frames_improvement(" ".join([*middle, *questions]), "en" if w.english else "fr")
        # Two precise questions or more that already ask how to improve need no line on why (rounds 39 and 40's readers
        # marked « Votre retour m'aiderait à savoir par où commencer » under such a list as a stock line).
        or len(asked := questions or [m for m in middle if m.endswith("?")]) >= 2
        and frames_improvement(" ".join(asked), "en" if w.english else "fr")) else []
    ending = []
    if _names_organisation(w, " ".join(intro)):
        w.named_once()
    if tone.length >= _EXTRA_FROM:
        # The recruiter already offered a call: the extra line is not the offer of one.
        ending.append(w.fill(w.options(w.bank["extra"])[-1]) if s.invited_back == "call" else w.pick("extra"))
    if s.invited_back and (kind := _invitation_kind(w)) in w.bank["future_invited"]:
        ending.append(w.pick("future_invited", kind))
    elif s.invited_back:
        ending.append(_invitation_short(w))  # "As you suggested, I'll check back in the spring."
    else:
        # A cool message keeps the open door plain: « J'aimerais toujours beaucoup rejoindre… » is warmth.
        # (A question of the notes that asks about applying again already opens the door: said once.)
        asked_again = bool(APPLY_AGAIN.search(" ".join([*middle, *questions])))
        # (A very short message keeps the open door to a few words: « Je repostulerai volontiers. »)
        ending.append(w.pick("future_interest" if asked_again else "future_short" if tone.length < _BARE_BELOW
                             else "future_cool" if tone.warmth < _COOL_BELOW else "future"))
    if s.invited_back and not _names_organisation(w, " ".join(intro + ending)):
        ending.append(w.pick("future_org"))  # an email names the organisation once: "Nuvia is still high on my list."
    if s.news == "automatic" and not s.interviewed:
        ending.append(w.pick("thanks_in_advance"))  # the only thanks a cold message can give: for the reading to come
    if s.to_mention and not mention_on_reason and questions and mention_answers_reason(s.to_mention, " ".join(questions)):
        # A question speaks of it (« Le DU suffirait-il ? »): said before the questions, not after (round 48's reader:
        # "asks about « le DU » the draft never explains").
        middle.insert(1 if reason else 0, w.pick("mention_first", mention=s.to_mention))
    elif s.to_mention and not mention_on_reason:
        ending.insert(0, w.pick("mention", mention=s.to_mention))  # what the notes say to tell them, before the door
        if len(ending) > 1:  # « Je me permets également de préciser… Je suis également disponible… »: « également » once
            ending[1] = re.sub(r"\s(?:également|aussi|also)\b", "", ending[1], count=1)
    bullets = "\n".join(f"- {q}" for q in questions)
    if not questions:  # why it helps belongs with the ask it explains, not in a paragraph of its own
        middle, purpose = middle + purpose, []
    paragraphs = [greeting, " ".join(intro), " ".join(middle), bullets, " ".join(purpose), " ".join(ending),
                  f"{_closing(w, greeting)}\n{w.request.context.candidate_name}"]
    subject = w.pick("subject")
    if s.reference:  # the team finds the file by its reference
        subject += " " + w.fill(w.bank["subject_reference"], reference=s.reference)
    return subject, "\n\n".join(p for p in paragraphs if p)


def _linkedin(w: _Writer) -> str:
    tone = w.request.tone
    s = w.situation
    limit = linkedin_char_limit(tone.length)


    def render(parts: dict[str, bool]) -> str:
        w._order = 0  # each render picks the same wordings
        w.tight = parts["tight"]
        if s.news == "automatic" and not s.interviewed:
            # No thanks for a notice, even at the limit: why the note comes first (its shortest wording there).
            first_line = _automatic_ack(w, first=True)
        else:
            first_line = w.pick("tight_thanks" if w.tight else "short_thanks", _thanks_key(s))
        body = [first_line, w.pick("regret_short")]
        if parts["automatic"] and s.news == "automatic" and s.interviewed:
            body.append(_automatic_ack(w))
        if parts["no_feedback"] and s.no_feedback:
            # "We are unable to give individual feedback", then a note asking for it as if unread: the policy said.
            body.append(w.pick("no_feedback_ack_short"))
        asks = _linkedin_ask(w, parts)
        if parts["advice"] and (advice := _advice_left(w, asks)):
            asks[-1:-1] = advice  # before the question, after the reason
        if parts["wants"] and (wants := _wants_line(w)) and not any(s.wants_to_ask in a for a in asks):
            asks.append(wants)
        if parts["extra"]:
            # A long message (length 70+) has room for a second precise question.
            # (Not the question past the reason: it must follow the reason, and the ask already goes past it.)
            # (Nor a question of the notes already asked in their clause: « J'aimerais vous demander si …, et si … »)
            in_clause = s.wants_listed and any(s.wants_to_ask in a for a in asks)
            more = [q for q in _questions(w, 3, gap_asked=True) if q not in asks and not any(_same_subject(w, q, a) for a in asks)
                    and not (in_clause and q in _own(w))]
            asks += more[:1]
        body += asks
        if parts["purpose"]:
            body.append(w.pick(_purpose_key(w)))
        if parts["mention"] and s.to_mention and not _news_settles_reason(w):  # (else said on the reason)
            body.append(w.pick("mention", mention=s.to_mention))
        if parts["extra"]:
            body.append(w.pick("linkedin_extra"))  # why it helps, right after the ask: the open door closes
        if s.news == "automatic" and not s.interviewed:
            body.append(w.pick("thanks_in_advance"))
        kind = _kind_words(w) if parts["kind"] else []
        if not kind and parts["kind_tail"] and not (s.news == "automatic" and not s.interviewed):
            body[0] = _with_kind_words(w, body[0])  # no room for the line: the praise is thanked with the reply
        if parts["warm"] and not kind:
            body.insert(1, _warm_line(w))  # with the thanks; kind words answered are warmth enough
        if kind:
            body[1:1] = kind  # praise or "it was close", answered right after the thanks
        # The open door keeps the variant's wording (variants still differ at the limit) until the last stages.
        w.tight = parts["merged"]
        # « Au plaisir de vous recroiser » to someone never met rings false.
        if not parts["door"] and parts["mention"] and _news_settles_reason(w):
            pass  # (the settled news's question asks about future openings itself: the door would say it twice)
        elif s.invited_back == "call" and not parts["tight"]:
            body.append(w.pick("future_invited", "call"))  # the recruiter offered to talk: taken up
        elif invited := _invitation_short(w, details=parts["invited"]):  # (a call, in fewer words at the limit)
            body.append(invited)  # "As you suggested, I'll apply again in six months."
        else:
            body.append(w.pick("future_short" if s.interviewed else "future_short_new"))
        # A formal note signs off as a formal message does (readers: "no closing despite formality 90").
        signature = (f"{w.pick('linkedin_signoff')}\n{w.request.context.candidate_name}" if parts["signoff"]
                     else w.request.context.candidate_name)
        note = "\n\n".join([_greeting(w), " ".join(body), signature])
        w.tight = False
        return note

    # (The candidate's own questions say what they want to know, not why: the purpose line frames them.)
    parts = {"automatic": True, "invited": True, "kind": True,
             "purpose": _PURPOSE_FROM + 10 <= tone.length < _EXTRA_FROM or bool(_own(w)) and tone.length < _EXTRA_FROM,
             "warm": _warm_line_wanted(w) and tone.length > 50 and s.interviewed,
             "extra": tone.length >= _EXTRA_FROM, "tight": False, "area": False, "merged": False, "bare": False,
             "kind_tail": True, "signoff": w.reg == "formal", "advice": True, "wants": True, "mention": True,
             "no_feedback": s.no_feedback, "door": True}
    start = dict(parts)
    order = (_FIT_ORDER_SETTLED if _news_settles_reason(w)
             else _FIT_ORDER_PRACTICAL if _own(w) and not any(frames_improvement(q, w.request.language.base) for q in _own(w)) else _FIT_ORDER)
    body = _fit(render, parts, limit, order)
    if s.no_feedback and not parts["no_feedback"]:
        # The policy said only where it fits: a note that had to leave it out is written as if it never was, rather
        # than with its sign-off and wordings already cut to make room for it.
        parts = start | {"no_feedback": False}
        body = _fit(render, parts, limit, order)
    if len(body) > limit:
        w.shortest = True
        body = render(parts)
        if len(body) > limit:
            parts["kind_tail"] = False  # the last words to go: thanks for the praise, before the reason
            body = render(parts)
        if len(body) > limit:
            parts["no_own"] = True  # the candidate's own question is too long for the note: the shortest ask
            body = render(parts)
        if len(body) > limit:
            parts["no_reason"] = True  # a long title and greeting: the question alone, rather than over the limit
            body = render(parts)
            if len(body) <= limit and not parts["kind_tail"]:
                # Without the reason's sentence there may be room again for the thanks for the praise.
                kind = render(parts | {"kind_tail": True})
                body = kind if len(kind) <= limit else body
        w.shortest = False
    return body


# (The notes' news leaves late: readers of rounds 50–51 named it "the whole point of writing".)
_FIT_ORDER = ("signoff", "extra", "warm", "purpose", "kind", "automatic", "advice", "mention", "wants", "tight", "no_feedback", "invited", "area", "merged", "bare")
# The candidate's own questions that ask for a job, not feedback ("Would you hold the spot?"), asked after the note's
# feedback question: shorter wordings are tried before either leaves (round 51).
# News that settles the reason leaves last: the shortest note says it, and the question the notes ask (round 52).
_FIT_ORDER_SETTLED = ("signoff", "extra", "warm", "purpose", "kind", "automatic", "advice", "tight", "no_feedback", "invited", "area", "merged", "bare", "wants", "door", "mention")
_FIT_ORDER_PRACTICAL = ("signoff", "extra", "warm", "kind", "automatic", "advice", "purpose", "mention", "tight", "wants", "no_feedback", "invited", "area", "merged", "bare")


def _fit(render: Any, parts: dict[str, bool], limit: int, order: tuple[str, ...] = _FIT_ORDER) -> str:
    """The note with optional parts left out, in order, until it is under LinkedIn's limit (``parts`` is updated).

    Optional parts leave first; then the shortest wordings; then the reason is said by the question alone. (The
    invitation's time or posts go after the shortest wordings, before the reason or the notes' moment.)"""
    body = render(parts)
    for part in order:
        if len(body) <= limit:
            break
        parts[part] = part in ("tight", "area", "merged", "bare")
        body = render(parts)
    return body


# A note at its limit asks the candidate's own question in place of the shortest ask only when it is short: a long
# one leaves no room for the thanks for the praise and why the note is sent.
_OWN_BARE_MAX = 100


# A question of the notes that asks for feedback: what was missing, what made the difference, what to improve. Not
# "Would you hold the spot?" or "Is there other work this season?", which ask for a job.
_ASKS_FEEDBACK = re.compile(r"(?i)\b(?:was it|what tipped|what made|difference|factor|held me back|hold me back|better|improve\w*|work on|"
                            # (advice on what to do next: "Should I reapply in the spring?", « Devrais-je passer le concours ? »)
                            r"should I|would you (?:advise|recommend|suggest)|devrais-je|dois-je|me conseiller\w*|"
                            r"feedback|advice|advise|tips?|pointers|how did I|strongest|missing|differently|weak\w*|"
                            r"qu'est-ce qui|manqu\w*|pesé|coincé|bloqué|mieux|amélior\w*|travailler|retour|conseil\w*|"
                            r"comment avez-vous trouvé|point faible|démarqu\w*|est-ce (?:le|la|les|mon|ma|mes)\b[^?]* qui)")


def _notes_ask_feedback(w: _Writer) -> bool:
    """Whether one of the notes' own questions asks for feedback (or there are none)."""
    own = _own(w)
    return not own or any(_ASKS_FEEDBACK.search(q) or frames_improvement(q, w.request.language.base) for q in own)


def _linkedin_ask(w: _Writer, parts: dict[str, bool]) -> list[str]:
    """The reason and the ask of a LinkedIn note, shorter at each stage of ``parts`` the limit forces.

    (Notes whose questions all ask for a job, not feedback, are asked after the note's own feedback question in a
    longer note: one that asks only "would you take me on?" is no request for feedback, round 51.)"""
    if _notes_ask_feedback(w) or linkedin_char_limit(w.request.tone.length) < 600:
        # (A 300-character note has room for one question: the notes', which is what the note is for.)
        return _linkedin_feedback_ask(w, parts)
    asks = _linkedin_feedback_ask(w, parts, own=False)
    extra = _own(w)[0]
    return [*asks, extra] if parts["wants"] and extra not in asks else asks


def _linkedin_feedback_ask(w: _Writer, parts: dict[str, bool], own: bool = True) -> list[str]:
    """The reason and the ask of a LinkedIn note (``own``: the notes' own questions may be the ask)."""
    s, directness = w.situation, w.request.tone.directness
    reason = _reason(w)
    # News that settles the reason is what the note is for (round 52: "Sat my full licence test last week and passed!!"
    # left out of a note that asked "Any advice on how to improve?"): said right after the reason, and at the limit
    # said in its place, with the question the notes ask, or whether it changes anything.
    settled = [w.pick("mention_on_reason_done", mention=s.to_mention)] if parts["mention"] and _news_settles_reason(w) else []
    if parts["bare"] and settled:
        settled = [w.pick("settled_news", mention=s.to_mention)]  # (no reason before it for "on that front")
        if not parts["door"]:
            settled = [w.fill(w.bank["settled_news_tight"], mention=s.to_mention)]
        if own and _own(w) and len(_own(w)[0]) <= _OWN_BARE_MAX and not parts.get("no_own"):
            return [*settled, _own(w)[0]]
        if parts["wants"] and s.wants_to_ask and not s.wants_listed:
            return [*settled, w.pick("wants_to_ask_lead", wants=s.wants_to_ask)]
        return [*settled, w.pick("resolved_question_tight")]
    if parts["bare"]:  # nothing else fits under 300 characters: the shortest ask alone
        if own and _own(w) and len(_own(w)[0]) <= _OWN_BARE_MAX and not parts.get("no_own"):
            return [_own(w)[0]]  # the candidate's own question, when it fits, is that ask
        if reason is not None and (reason.gap in ("internal", "capacity") or (reason.gap == "explained" or reason.gap == "credential"
                                                                              and len(reason.term.split()) <= 3) and not parts.get("no_reason")):
            # (A full team, a reason explained: the same; an explained reason with no room for « Je comprends votre
            # choix » takes the shortest ask, which needs no reason before it.)
            # "Any advice on how to improve?" would not have heard that the post went inside. (Past every stage, a
            # long title and greeting leave no room for the sentence that says so: the question alone fits.)
            said = [] if parts.get("no_reason") else [_reason_sentence(w, short=True, area_only=True)]
            return [*said, w.pick("ask_tight_internal")]
        return [w.pick("ask_tight")]
    # At the very limit, a question that names the reason ("…more experience in payroll?") says it once.
    # (Not a reason whose question points back to it: "Apart from that…" needs the sentence before it.)
    merged = parts["merged"] and reason is not None and reason.area_gap not in (
        "internal", "experience", "requirement", "salary", "capacity", "explained", *_AREAS)  # "If my availability changes…" names its reason
    lines = [] if reason is None or merged else [_reason_sentence(w, short=parts["tight"], area_only=parts["area"])]
    own = _own(w) if own else []
    if settled:
        # The reason, the news that settles it, and what the notes ask (or whether it changes anything): at every
        # stage, never a stock question that has not heard the news.
        if own and len(own[0]) <= _OWN_BARE_MAX and not parts.get("no_own"):
            return [*lines, *settled, own[0]]
        if parts["wants"] and s.wants_to_ask and not s.wants_listed and not w.tight:
            return [*lines, *settled, w.pick("wants_to_ask_lead", wants=s.wants_to_ask)]
        # (After a practical reason, the question that also asks what else to work on: a note has no room for two.)
        practical = reason is not None and reason.gap in ("availability", "location")
        return [*lines, *settled, w.pick("resolved_question_tight") if practical else _gap_question(w, after_reason=True)]
    if own and len(own) > 1 and s.wants_listed and not merged and not w.tight:
        # The questions one clause of the notes reports: a note asks them all in that clause, not the first alone.
        return [*lines, w.pick("wants_to_ask_lead", wants=s.wants_to_ask)]
    if own and (not merged or len(own[0]) <= _OWN_BARE_MAX):
        # The first question the notes list for the recruiter: what the candidate wants to know. (At the very
        # limit it alone, when short: it is what the note is for, and it usually asks about the reason.)
        return [*([] if merged else lines), own[0]]
    if s.wants_to_ask and not merged and not w.tight and not (s.wants_listed and _own(w)):
        # « Demander si je devrais passer le concours… »: the question the notes say to ask, said in passing, is
        # still the one the candidate wants answered; a note asks it rather than a question of ours (round 35).
        return [*lines, w.pick("wants_to_ask_lead", wants=s.wants_to_ask)]
    if _worry_of(w) and directness >= _OPEN_BELOW and not merged:
        # What the notes say went wrong is the most telling question a short note can ask.
        return [*lines, _worry_question(w)]
    if (s.moments or _asked_np(w)) and directness >= _OPEN_BELOW and not merged:
        # The notes' moment as the question itself: the shortest way to use them; the question the notes say
        # was asked first, the most telling. (At the very limit the recruiter's reason comes first: a
        # 300-character note cannot hold both.)
        moment = (w.fill(w.bank["moment_questions"][s.moments[0]]) if s.moments
                  else w.fill(w.bank["asked_improve"], asked=_asked_np(w)))
        return [*lines, moment]
    if reason is not None and (directness >= _OPEN_BELOW or merged):
        asked = _gap_question(w, after_reason=not merged)
        if _beyond_logistics_follows(w):
            # At the limit, what else could be better takes the call back's place, after the reason said short.
            if parts["area"] or merged:
                return [_reason_sentence(w, short=True), w.fill(w.bank["beyond_logistics"])]
            return [*lines, asked, w.fill(w.bank["beyond_logistics"])]
        return [*lines, asked]
    if _has_gap(w):
        # A soft ask after the reason still names the notes' moment when there is one.
        return [*lines, _open_ask_with_moment(w, count=1) if _moments_besides_asked(w) else w.pick("ask_open_after_reason")]
    if _moments_besides_asked(w):
        return [*lines, _open_ask_with_moment(w, count=1)]
    return [*lines, w.pick("ask_open" if directness < _OPEN_BELOW else "ask_direct")]


def _phone(w: _Writer) -> tuple[str, str]:
    tone = w.request.tone
    s = w.situation
    labels = w.bank["phone_labels"]
    opening = [w.pick("phone_opening", greeting=_phone_greeting(w))]
    # The news came by phone: the caller thanks for that call, in the past, not "thank you for your call".
    thanks = _when_called(w, w.pick("call_thanks")) if s.news == "phone" else w.pick("short_thanks", _thanks_key(s))
    short = tone.length < _SHORT_BELOW  # a short call keeps to the thanks, the regret and the questions
    ask = [_with_kind_words(w, thanks)] if short else [thanks, *_kind_words(w)]
    if s.invited_back == "call":
        ask.append(w.pick("phone_call_taken_up"))  # the recruiter offered to talk it over: this call takes it up
    if s.news == "automatic":
        ask.append(w.pick("automatic_ack_phone"))  # why the call, before the regret
    if s.no_feedback:
        ask.append(w.pick("no_feedback_ack_but"))  # (the call already asked for a few minutes)
    if tone.warmth >= _WARM_FROM and s.interviewed and not short and "phone_warm_line" in w.bank and len(ask) == 1:
        # (When the thanks was for the interview itself, "I really enjoyed our interview" would name it twice.)
        ask.append(_warm_line(w) if s.went_well or s.news in ("none", "automatic") else w.pick("phone_warm_line"))
    if tone.warmth >= _WARM_FROM:
        # A warm call asks after the person, right after saying who is calling.
        # (After the caller's name, never at the first full stop: "Mr. Delgado" has one.)
        name = w.request.context.candidate_name.strip()
        first, sep, rest = opening[0].partition(f"{name}. ")
        opening[0] = f"{first}{name}. {w.pick('phone_pleasantry')} {rest}" if sep else opening[0]
    # No « comprendre ce qui m'a manqué » after a reason given, practical or not (readers: "her message wasn't read").
    # (Nor before a lead to the questions that says what they are for: « … comprendre ce qui m'a manqué. Est-ce que je
    # peux vous poser deux questions sur ce que je devrais améliorer ? » asks for the lesson twice, round 37.)
    # A short call keeps to two questions; a direct, longer one goes to three.
    bare = tone.length < _BARE_BELOW and not _beyond_logistics_follows(w)  # (a practical reason keeps "anything else?")
    count = 1 if bare else 3 if tone.directness >= _LIST_FROM and tone.length >= _SHORT_BELOW else 2
    gap_asked = _has_gap(w) and tone.directness >= _OPEN_BELOW
    questions = _questions(w, count, spoken=True, gap_asked=gap_asked)
    if bare and gap_asked and not _own(w):
        # A very short call asks the one question past the reason and no list after it (readers at length 5: "Apart
        # from that, is there anything else…?" then "Were there any questions I could've answered better?" ask twice).
        questions = []
    leads_to_questions = not gap_asked
    ask.append(w.pick("phone_regret_plain" if w.situation.reason is not None or leads_to_questions else "phone_regret"))
    practical = _practical_reason(w)  # (no « pour progresser » in the lead to the questions either)
    settled = _news_settles_reason(w)
    on_reason = False
    if reason := _reason_sentence(w):
        ask.append(reason)
        # The news that answers the reason, right after it (not four lines later, "also, …"), as in a letter.
        on_reason = settled or _news_on_reason(w, reason)
        if on_reason:
            ask.append(w.pick("mention_on_reason_done" if settled else "mention_on_reason", mention=s.to_mention))
    if gap_asked:
        ask.append(_gap_question(w, spoken=True, after_reason=True))  # the questions that follow go past it
    else:  # soft below 35: "if you have a moment"; direct above
        ask += _advice_left(w, questions)
        lead = ("phone_ask_open" if tone.directness < _OPEN_BELOW else "phone_ask_lead_plain" if practical
                else "phone_ask_lead_one" if len(questions) == 1 else "phone_ask_lead")
        ask.append(w.pick(lead, n=w.bank["question_count"][w.reg][min(len(questions), 3)]))
    if wants := _wants_line(w):
        # The candidate's own question from the notes: before the lead to the list, or after the question that goes
        # past the reason (which points back to it: "close that gap", « sur ce point »).
        ask.insert(len(ask) if gap_asked else len(ask) - 1, wants)
    if s.to_mention and not on_reason:
        ask.append(w.pick("mention", mention=s.to_mention))  # what the notes say to tell them
    if tone.length >= _EXTRA_FROM:
        ask.append(w.pick("phone_extra"))  # said, not asked: the opening already asked one question
    # (The call the recruiter offered is this one: "when are you free to talk?" would ask for it again.)
    invited = "" if s.invited_back == "call" else _invitation_short(w)
    if s.invited_back == "keep":
        closing = [w.pick("phone_closing_keep")]  # one thanks for the time and for keeping the profile in mind
    else:
        heat = "_warm" if tone.warmth >= _WARM_FROM else "_cool" if tone.warmth < _COOL_BELOW else ""
        closing = [w.pick("phone_closing_invited", invited=invited) if invited else w.pick(f"phone_closing{heat}")]
    body = "\n\n".join(part for part in [f"{labels['opening']} {' '.join(opening)}", f"{labels['ask']} {' '.join(ask)}",
                        labels["questions"] + "\n" + "\n".join(f"- {q}" for q in questions) if questions else "",
                        f"{labels['closing']} {' '.join(closing)}"] if part)
    phone = w.request.context.candidate_phone
    callback = w.choose(w.bank, "callback_number" if phone else "callback_no_number")
    # The message says why the call: an offer to answer or a talk the recruiter offered, not "some feedback" (readers:
    # "the voicemail asks for feedback when the call is about the job they offered").
    about = {"call": "voicemail_call", "offer": "voicemail_offer", "recommend": "voicemail_offer", "forward": "voicemail_offer"}.get(s.invited_back, "voicemail")
    return body, w.pick(about, callback=callback, greeting=_phone_greeting(w))


# When the call that brought the news came, as the notes tell it (« m'a appelé ce matin », "rang this arvo").
_CALLED_WHEN = re.compile(r"(?i)\b(?:appel\w*|rappel\w*|téléphon\w*|called|rang|phoned|rung)\b[^.\n]{0,30}?"
                          r"\b(ce matin|cet après-midi|tantôt|aujourd'hui|hier|this morning|this afternoon|this arvo|today|yesterday)\b")
_WHEN_SAID = {"ce matin": "de ce matin", "cet après-midi": "de cet après-midi", "tantôt": "de tantôt", "aujourd'hui": "de ce matin",
              "hier": "d'hier", "this morning": "this morning", "this afternoon": "this afternoon", "this arvo": "this afternoon",
              "today": "today", "yesterday": "yesterday"}


def _when_called(w: _Writer, thanks: str) -> str:
    """« Merci encore pour votre appel de ce matin », "Thanks again for calling me yesterday": not "the other day" when
    the notes say the call came this morning (round 45's readers)."""
    when = _CALLED_WHEN.search(w.request.context.notes)
    if not when:
        return thanks
    said = _WHEN_SAID[when.group(1).lower()]
    return thanks.replace("de l'autre jour", said).replace("the other day", said)


def _phone_greeting(w: _Writer) -> str:
    """Said aloud: a title and surname, a first name, or a full name when that is all we know."""
    return _greeting(w, "phone_")


# The most formal call in English keeps its full forms ("I would be grateful"); below, a speaker contracts.
_CONTRACT_BELOW = 90


# Intensifiers a message says once: readers marked every second « beaucoup », "really", "very much" as repetition.
# (« beaucoup de », « beaucoup plus » are quantities, not intensifiers.)
_INTENSIFIER = re.compile(r"(?i)\s(?:beaucoup(?!\s+(?:de|d'|plus|moins|trop|mieux))|vraiment|really|truly|very much|so much)\b")


def _written_out(text: str, request: DraftRequest) -> str:
    """``text`` with the notes' shorthand written out, the organisation's and the role's names kept as typed."""
    french = request.language is not Language.EN
    keep = [name for name in (request.context.company, request.context.role) if name and name in text]
    for i, name in enumerate(keep):
        text = text.replace(name, f"\x00{i}\x00")
    text = written_out(text, "fr" if french else "en", spoken=request.channel is Channel.PHONE)
    if not french and request.channel is not Channel.PHONE and register(request.tone.formality) == "formal":
        text = formal_english(text)  # the notes' "When's the next posting likely?" in a letter at formality 90
    for i, name in enumerate(keep):
        text = text.replace(f"\x00{i}\x00", name)
    return text


def _intensifiers_once(text: str) -> str:
    """``text`` with each intensifier said once, and its warmth kept. The one kept is the first that carries meaning;
    a thanks formula takes its other form (« Merci beaucoup » → « Un grand merci », "Thank you very much" → "Many
    thanks"); another repeat takes a synonym not yet used (« beaucoup » → « vraiment »), or goes."""
    found: dict[str, list[re.Match[str]]] = {}
    for match in _INTENSIFIER.finditer(text):
        found.setdefault(match.group(0).strip().lower(), []).append(match)
    edits: list[tuple[int, int, str]] = []
    used = set(found)
    for word, matches in found.items():
        if len(matches) < 2:
            continue
        windows = [max(0, m.start() - 12) for m in matches]
        formula = [_THANKS_BEFORE.search(text[window:m.start()]) for window, m in zip(windows, matches)]
        keep = next((i for i, thanks in enumerate(formula) if not thanks), 0)
        for i, match in enumerate(matches):
            if i == keep:
                continue
            if thanks := formula[i]:
                start = windows[i] + thanks.start()
                said = thanks.group(0)
                other = _THANKS_OTHER["fr" if said.lower() == "merci" else "en"]
                edits.append((start, match.end(), other if said[0].isupper() else other[0].lower() + other[1:]))
            elif (synonym := _SYNONYM.get(word)) and synonym not in used:
                used.add(synonym)
                edits.append((match.start(), match.end(), " " + synonym))
            else:
                edits.append((match.start(), match.end(), ""))
    for start, end, said in sorted(edits, reverse=True):
        text = text[:start] + said + text[end:]
    return text


# A thanks formula an intensifier is part of, and its other form.
_THANKS_BEFORE = re.compile(r"(?i)\b(?:merci|thank you|thanks)$")
_THANKS_OTHER = {"fr": "Un grand merci", "en": "Many thanks"}
_SYNONYM = {"beaucoup": "vraiment"}  # ("truly interested" reads worse than "interested")


# What shows a British recipient: the pound, a plc, the NHS, a borough or a district council, a
# postcode, "organisation" and "programme" spellings, "whilst". (Canadian English shares "centre", "licence" and
# "Ltd" but writes "Mr." and "October 28": those are not the signs.)
_BRITISH = re.compile(r"£|\b(?:plc|NHS|whilst|organisations?|programmes?|postcode|borough|District Council|County Council)\b"
                      r"|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b"
                      # (round 35: an NHS trust's "Band 5" post, a housing association, a Year 5 class, a SENCo, and the
                      # letters' own "attending interview" and "on this occasion")
                      r"|\b(?:Health|NHS|Foundation|Academy|Multi-Academy) Trust\b|\bBand [2-9]\b|\bHousing Association\b|\bYear \d{1,2} class\b"
                      r"|\b(?:SENCo|GCSEs?|A-levels?|sixth form|Ofsted|attending interview|on this occasion)\b|\b[A-Za-z]{3,}isations?\b"
                      # (round 37: the British Library, Network Rail, an assessment centre in Milton Keynes; not London,
                      # which Ontario has too)
                      r"|\bBritish (?:Library|Museum|Council|Airways|Red Cross)\b|\b(?:BBC|HMRC|Royal Mail|Network Rail|Civil Service)\b"
                      r"|\b(?:Manchester|Birmingham|Leeds|Glasgow|Edinburgh|Cardiff|Belfast|Bristol|Liverpool|Sheffield|Newcastle upon Tyne|Milton Keynes|Nottingham)\b"
                      # (round 39: day before month in Australia, New Zealand, Ireland, South Africa and India too, and in
                      # the candidate's own "rang me", "arvo", "Kia ora"; a UK or Australian mobile number)
                      r"|\b(?:Norwich|Brighton|Leicester|Southampton|Aberdeen|Dundee|Australian?|Queensland|New South Wales|Tasmania"
                      r"|Sydney|Melbourne|Brisbane|Adelaide|Canberra|Pilbara|New Zealand|Aotearoa|Auckland|Christchurch|Ireland|Irish|Dublin"
                      r"|Galway|South Africa|Johannesburg|Sandton|Cape Town|Durban|Pretoria|India|Mumbai|Bengaluru|Bangalore|Pune|Hyderabad"
                      r"|Chennai|Delhi|Gurugram|Noida)\b|\b(?:rang (?:me|us)|arvo|Kia ora|Ngā mihi|Nga mihi|maths)\b"
                      r"|\+(?:44|61|64|353|27|91|65)\b|\b07\d{3} ?\d{6}\b"
                      # (round 48: a South African "(Pty) Ltd" and CA(SA), an Indian "Pvt. Ltd." or "Multispeciality"
                      # hospital and "2 yrs ward", Melbourne's Chadstone, "no correspondence will be entered into")
                      r"|\((?:Pty|SA)\)|\bPty\.? Ltd\b|\bPvt\.? Ltd\b|\bPte\.? Ltd\b|\bSdn\.? Bhd\b|\bSAICA\b|\bMultispeciality\b"
                      r"|\b(?:Singapore|Chadstone|Perth|Hobart|Wellington|Hamilton, NZ|Kolkata|Ahmedabad|Kochi|Port Elizabeth|Gqeberha)\b"
                      r"|\bno correspondence will be entered into\b|₹|\blakhs?\b"
                      # (round 53: an Australian school's "relief work in Term 1", "EAL/D", a "Yr 5" class)
                      r"|\b(?:relief (?:work|teaching)|EAL/D|Term [1-4]|Yr \d{1,2}|Banksia|Kellyville|Parramatta|Geelong|Wollongong|Townsville)\b"
                      # (round 55: an Irish "Thanks a million", an Australian "Thanks heaps", "Cert III", an 04xx mobile)
                      r"|\b(?:[Tt]hanks a million|[Tt]hanks heaps|Cert (?:II|III|IV)|Siobh[aá]n)\b|\b04\d{2} \d{3} \d{3}\b")


def british(request: DraftRequest) -> bool:
    """Whether an English draft goes to a British recipient (its date and titles then follow British usage)."""
    ctx = request.context
    return request.language is Language.EN and bool(_BRITISH.search(" ".join((ctx.rejection_message, ctx.company, ctx.notes, ctx.role, ctx.candidate_phone))))


def compose(request: DraftRequest) -> Draft:
    """A checked offline draft for the request: in the wordings its role starts from (see ``_Writer.seed``), or in
    each move's first wording when those fail fewer checks (a wording a few words longer can take a message past its
    length band or a voicemail past its limit)."""
    situation = read_situation(request)
    draft = _compose(request, situation, seeded=True)
    if draft.checks.failed():
        first = _compose(request, situation, seeded=False)
        if _failures(first) < _failures(draft):
            return first
    return draft


def _failures(draft: Draft) -> tuple[int, int]:
    """How badly a draft fails its checks: critical failures first (a request that asks nothing), then any."""
    failed = draft.checks.failed()
    return sum(check.critical for check in failed), len(failed)


def _compose(request: DraftRequest, situation: Situation, *, seeded: bool) -> Draft:
    writer = _Writer(request, situation, seeded=seeded)
    subject = voicemail = None
    if situation.undecided:
        from rebond.follow_up import (
            follow_up,  # no decision yet: where things stand, not a reply to a rejection
        )

        subject, body, voicemail = follow_up(writer)
    elif request.channel is Channel.PHONE:
        body, voicemail = _phone(writer)
    elif request.channel is Channel.LINKEDIN:
        body = _linkedin(writer)
    else:
        subject, body = _email(writer)
    in_tu = False
    greeted_by_title = writer.names.first.split()[:1] and writer.names.first.split()[0] in _TITLED_GREETINGS
    if answers_in_tu(request, situation) and not greeted_by_title:
        # The recruiter wrote « tu » and the draft is relaxed, or the most relaxed draft to someone on first-name terms:
        # it answers in « tu », or stays in « vous » if it can't do so throughout.
        # (« Bonjour Madame Lefebvre » then « ta réponse » disagree: greeted by title, the draft stays in « vous ».)
        keep = own_questions_to_the_organisation(request.context.notes, request.language.base)
        if situation.wants_listed and re.search(r"(?i)\b(?:si ils|s'ils|si elles|si leur)\b", request.context.notes):
            # « Veux savoir si ils vont engager d'autres compagnons »: asked of the company, « vous » (round 53)
            keep += situation.own_questions
        converted = [tutoyer(part, keep) if part else part for part in (subject, body, voicemail)]
        if all(part is not None for part, original in zip(converted, (subject, body, voicemail)) if original):
            subject, body, voicemail = converted
            in_tu = True
    if request.language is not Language.EN and not in_tu and re.search(r"(?i)\b(vous|votre|vos)\b", body):
        # « Salut Dominique » then « votre réponse » disagree: a draft that stays in « vous » greets « Bonjour ».
        body = re.sub(r"^((?:\w+ ?: )?)Salut\b", r"\1Bonjour", body)  # (a call script's « Ouverture : Salut … »)
        voicemail = re.sub(r"^Salut\b", "Bonjour", voicemail) if voicemail else voicemail
    if writer.british:
        # A British recipient: "Mrs Hartley", "Dr Raman", with no full stop (readers of rounds 32–34).
        subject, body, voicemail = (re.sub(r"\b(Mr|Mrs|Ms|Dr)\.(?= [A-Z])", r"\1", part) if part else part
                                    for part in (subject, body, voicemail))
        # "Dear Mrs Hargreaves … Yours sincerely": a letter to a named person closes so in Britain (round 37).
        if re.match(r"Dear (?:Mr|Mrs|Ms|Miss|Dr|Professor) ", body):
            body = re.sub(r"\n\nSincerely,\n", "\n\nYours sincerely,\n", body)
        else:  # (round 48: a bare "Sincerely" reads American in Johannesburg or Dublin; "Kind regards" is the norm there)
            body = re.sub(r"\n\nSincerely,\n", "\n\nKind regards,\n", body)
    body = _written_out(_intensifiers_once(body), request)
    voicemail = _written_out(_intensifiers_once(voicemail), request) if voicemail else voicemail
    if request.language is not Language.EN:
        # An article or pronoun joined to the recruiter's words: « la habilitation », « me inscrire ».
        subject, body, voicemail = (elide(part) if part else part for part in (subject, body, voicemail))
    if request.language is not Language.EN:
        # French asks by the register: inversion in a formal message, call included (readers at formality 75–100:
        # « Est-ce que vous auriez quelques minutes » "too loose", « Auriez-vous quelques minutes à m'accorder ? »);
        # « est-ce que » in a relaxed one and in any other call (readers: « Est-ce le test … ? » "bookish" against a
        # casual « tu »; a call's inversions "read aloud from a letter").
        ask = (formal_french if register(request.tone.formality) == "formal"
               else spoken_french if request.channel is Channel.PHONE or register(request.tone.formality) == "relaxed" else None)
        limit = linkedin_char_limit(request.tone.length) if request.channel is Channel.LINKEDIN else None
        asked = ask(body) if ask else body
        if ask and not (limit and len(asked) > limit >= len(body)):
            # (Not a note that « est-ce que » would take past LinkedIn's limit: its inversion is still correct French.)
            body, voicemail = asked, ask(voicemail) if voicemail else voicemail
        if request.channel is Channel.PHONE:  # « une 2e candidature » is read, « une deuxième » is said (any register)
            body, voicemail = ordinals_said(body), ordinals_said(voicemail) if voicemail else voicemail
    elif request.channel is Channel.PHONE and request.tone.formality < _CONTRACT_BELOW:
        body, voicemail = spoken_english(body), spoken_english(voicemail) if voicemail else voicemail  # said aloud, contracted
    if request.tone.warmth < _COOL_BELOW:
        # A cool message does not exclaim: « Je repostulerai avec plaisir ! » becomes a plain statement.
        body = re.sub(r"\s?!(?=\s|$)", ".", body)
        voicemail = re.sub(r"\s?!(?=\s|$)", ".", voicemail) if voicemail else voicemail
    guidance_ids = list(_ALWAYS_APPLIED)
    if situation.news == "automatic":
        guidance_ids.insert(5, "worth_a_few_minutes")
    draft = Draft(
        id=request.id,
        subject=subject,
        body=body,
        voicemail=voicemail,
        channel=request.channel,
        language=request.language,
        engine="offline",
        guidance_ids=guidance_ids,
    )
    draft.checks = run_checks(draft, request)
    return draft


__all__ = ["compose", "looks_automatic", "register", "title_case"]
