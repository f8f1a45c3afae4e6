"""What a request's context says, read once for the engine and the reader checks.

How the news came (what may be thanked for), the reason the recruiter stated (read with
the reply analyser), the interview's formats and moments named in the notes, and the areas
the notes hint at. Cues live in ``prompts/context_cues.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from rebond.models import AnalysisRequest, Category, DraftRequest, Kind, NewsChannel
from rebond.resources import load_data
from rebond.text import find_terms, fold, has_term


@dataclass(frozen=True)
class StatedReason:
    """The reason a rejection gives, in pieces a sentence can use."""

    category: Category | None  # None for an internal hire
    internal: bool = False
    term: str = ""  # "PMP", "SAP", "anglais": what the reason names
    term_kind: str = ""  # certification | licence | membership | language | tool
    topic: str = ""  # "payroll" in "more experience in payroll"
    evidence: str = ""  # the recruiter's words that give it
    also: tuple[Category, ...] = ()  # other areas the rejection names
    hire: str = ""  # the person hired, in the candidate's words: "a candidate with more experience in payroll"

    @property
    def gap(self) -> str:
        """Which kind of gap the reason names, for the sentence that acknowledges it and the question past it."""
        if self.internal:
            return "internal"
        if self.term_kind in ("certification", "licence", "membership", "credential_phrase"):
            return "credential"
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
        if self.term_kind:
            return self.gap if self.gap != "hire" else "experience"
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
    invited_back: str = ""  # "reapply" or "contact": what the recruiter invited, if anything


def looks_automatic(text: str) -> tuple[bool, str]:
    """Whether a rejection message reads like an automatic reply, and the phrase that shows it."""
    if not text.strip():
        return False, ""
    for name in ("phrases.en.yaml", "phrases.fr.yaml"):
        hits = find_terms(text, tuple(load_data(name)["automatic_markers"]))
        if hits:
            return True, text[hits[0].start() : hits[0].end()]
    return False, ""


def read_situation(request: DraftRequest) -> Situation:
    """The request's context, read (cached: the engine and the checks read the same request)."""
    ctx = request.context
    return _read(ctx.rejection_message, str(ctx.news_channel), ctx.notes, request.language.base,
                 ctx.interview_date is not None)


@lru_cache(maxsize=512)
def _read(rejection: str, news_channel: str, notes: str, lang: str, dated: bool) -> Situation:
    automatic = looks_automatic(rejection)[0]
    # An automated notice carries no reason meant for this candidate.
    reason = None if automatic else stated_reason(rejection, lang)
    if news_channel == NewsChannel.PHONE:
        news = "phone"
    elif automatic:
        news = "automatic"
    elif news_channel == NewsChannel.WRITTEN:
        news = "written"
    else:
        news = "none"
    moments = tuple(name for name, terms in _cues()["moments"].items() if notes and has_term(notes, tuple(terms))
                    and not _praised(rejection, tuple(terms)))
    hints = load_data("phrases.en.yaml" if lang == "en" else "phrases.fr.yaml")["note_hints"]
    hinted = tuple(area for area, terms in hints.items() if notes and has_term(notes, tuple(terms)))
    return Situation(
        news=news,
        reason=reason,
        moments=tuple(m for m in moments if m != "video"),
        video="video" in moments,
        hinted_areas=hinted,
        # Rebond is for after an interview, but a draft thanks for one only when something shows it.
        interviewed=dated or bool(notes.strip()) or has_term(rejection, tuple(_cues()["interview_evidence"])),
        invited_back=_invitation(rejection) if not automatic else "",
    )


def _praised(rejection: str, moment_terms: tuple[str, ...]) -> bool:
    """Whether the rejection praises this moment ("the panel loved your presentation"): then it is not asked about."""
    praise = tuple(_cues()["praise"])
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", rejection):
        if has_term(sentence, moment_terms) and has_term(sentence, praise):
            return True
    return False


def _invitation(rejection: str) -> str:
    """What a personal rejection invites: a new application ("reapply"), staying in touch ("contact"), or ""."""
    for kind in ("reapply", "contact"):
        if has_term(rejection, tuple(_cues()["invited_back"][kind])):
            return kind
    return ""


@cache
def _cues() -> dict:
    return load_data("context_cues.yaml")


def stated_reason(rejection: str, lang: str) -> StatedReason | None:
    """The reason a rejection states, or None (no message, a template, praise alone, a protected ground)."""
    if not rejection.strip():
        return None
    # Imported here: the analyser's lexicons load on first use, not when drafting starts.
    from rebond.analyse import analyse_reply

    analysis = analyse_reply(AnalysisRequest(reply=rejection, language=None))
    internal = has_term(rejection, tuple(_cues()["internal_hire"]))
    findings = list(analysis.categories)
    if analysis.kind is Kind.MALICIOUS or analysis.discrimination_warning:
        # A protected ground or an insult is not a reason to answer to: no gap to close.
        findings = []
    if not internal and (requirement := _requirement(rejection)):
        # « le poste exige d'être membre de l'Ordre », "someone who holds a TEA licence": a credential the
        # candidate can set out to get. It is the reason when the analyser saw none, or when it names it.
        term, kind = _term(requirement, Category.SKILLS, lang)
        if not findings or (term and kind in ("certification", "licence", "membership", "credential_phrase")):
            return StatedReason(category=Category.SKILLS, term=term, term_kind=kind, evidence=requirement,
                                hire=hired_as_said_by_candidate(requirement, lang))
    if not findings and not internal and (hire := _sentence_with(rejection, "hire_description")):
        # "We went with someone whose experience with dbt more closely matches": the hire's description
        # names the gap, even where the analyser saw no area.
        topic = _topic(hire)
        term, kind = ("", "") if topic else _term(hire, Category.EXPERIENCE, lang)
        return StatedReason(category=Category.EXPERIENCE, term=term, term_kind=kind, topic=topic, evidence=hire,
                            hire=hired_as_said_by_candidate(rejection, lang))
    if not findings:
        return StatedReason(category=None, internal=True, evidence="") if internal else None
    first = findings[0]
    # Experience reads best by its field ("more experience in payroll"); a skill by its name.
    topic = _topic(first.evidence) if first.category is Category.EXPERIENCE else ""
    term, kind = ("", "") if topic else _term(first.evidence, first.category, lang)
    if not (term or topic):
        topic = _topic(first.evidence)
    return StatedReason(
        category=first.category,
        internal=False,
        term=term,
        term_kind=kind,
        topic=topic,
        evidence=first.evidence,
        also=tuple(f.category for f in findings[1:]),
        hire=hired_as_said_by_candidate(first.evidence, lang) or hired_as_said_by_candidate(rejection, lang),
    )


def _requirement(rejection: str) -> str:
    """The sentence of a rejection that states a requirement (a licence, a membership, a certification), or ""."""
    return _sentence_with(rejection, "requirements")


def _sentence_with(text: str, cue: str) -> str:
    """The first sentence of ``text`` that one of the cues named ``cue`` matches, or ""."""
    terms = tuple(_cues()[cue])
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        if has_term(sentence, terms):
            return sentence.strip()
    return ""


# "nous avons retenu une candidature qui détenait …", "we went with a candidate whose experience …".
_HIRE = {
    "fr": re.compile(r"\b((?:un|une|d'autres?|des|l'autre|quelqu'un)\s*(?:(?:autre|seul)e?\s+)?(?:candidat(?:e|ure)?s?|personnes?|profils?|ressources?)?"
                     r"\s*(?:qui|dont|possédant|possedant|détenant|detenant|ayant|avec|disposant|justifiant|titulaire|issue?s?|venant|provenant|plus|mieux|davantage|déjà|deja)\b[^.;!?:]{8,150})"),
    "en": re.compile(r"\b((?:a|an|another|other|someone)\s*(?:(?:internal|external|other)\s+)?(?:candidates?|applicants?|persons?|people|profiles?)?"
                     r"\s*(?:who|whose|with|that|having|holding|already)\b[^.;!?:]{8,150})", re.IGNORECASE),
}
# Where the description of the hire stops: a comment on it, or the next clause.
_HIRE_END = re.compile(r",\s*(?:ce qui|ce que|outils?|qui est|soit|et nous|mais|which|and we|but|as|since|so)\b|\s+(?:ce qui|which|and we|mais|but)\b", re.IGNORECASE)
# The recruiter's point of view turned to the candidate's: "our needs" → "your needs", "than you" → "than me".
_POINT_OF_VIEW = {
    "fr": [(r"\bnotre\b", "votre"), (r"\bnos\b", "vos"), (r"\bque vous\b", "que moi"), (r"\bnous\b", "vous")],
    "en": [(r"\bour\b", "your"), (r"\bthan you\b", "than me"), (r"\bwe\b", "you"), (r"\bus\b", "you")],
}


def hired_as_said_by_candidate(rejection: str, lang: str) -> str:
    """The description of the person hired, turned into the candidate's words; "" when there is none.

    « Nous avons retenu une candidature qui détenait une expérience plus poussée avec SAP BW, outils au cœur de
    notre environnement » gives « une candidature qui détenait une expérience plus poussée avec SAP BW ».
    A description that speaks of the candidate ("your profile") is left out: it cannot be turned cleanly.
    """
    match = _HIRE[lang].search(rejection)
    if not match:
        return ""
    hire = _HIRE_END.split(match.group(1))[0].strip(" ,")
    folded = fold(hire)
    if re.search(r"\b(votre|vos|vous|your|you)\b", folded) and not re.search(r"\bque vous\b|\bthan you\b", folded):
        return ""
    for pattern, replacement in _POINT_OF_VIEW[lang]:
        hire = re.sub(pattern, replacement, hire, flags=re.IGNORECASE)
    words = hire.split()
    return hire if 3 <= len(words) <= 28 else ""


_CREDENTIAL = re.compile(r"(?i)\b(?:(?:le|la|l'|un|une|the|a|an)\s*)?(?:dipl[oô]me|certificat|permis|licence|license|degree|diploma|certificate"
                         r"|titre|course|cours|programme|program|designation|d[ée]signation|concours|habilitation)\b[^,.;()!?]{0,70}")
# "(a|the) X designation", "CPA In-Depth Tax Course": a credential named before its noun.
_CREDENTIAL_BEFORE = re.compile(r"\b(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[A-Z][\w&+/-]*\s+){1,4}(?:designation|course|certificate|certification|licen[cs]e|degree|diploma|Course|Certificate)\b")

_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9+#&]{1,7}\b")
# A tool's name: a capitalised word or an acronym, and up to two more ("Power BI", "SAP BW").
# A capitalised word that starts a hyphenated one ("In-Depth") or is a small word ("In", "Of") ends a name.
_NAME = re.compile(r"\b[A-Z][\w+#]*(?: (?!(?:In|Of|And|The|For|To|At|On|Du|De|Des|Et)\b)(?:[A-Z]{2,}|[A-Z][a-z]+)\b(?!-)){0,2}")


def _term(evidence: str, category: Category, lang: str) -> tuple[str, str]:
    """What the reason names: a language (its level), a certification or a tool; ("", "") when none."""
    cues = _cues()
    if category in (Category.LANGUAGE_REGISTER, Category.SKILLS):
        for word, shown in cues["languages"][lang].items():
            if re.search(rf"\b{word}\b", fold(evidence)):
                return shown, "language"
    if category not in (Category.SKILLS, Category.EXPERIENCE):
        return "", ""
    not_terms = {fold(word) for word in cues["not_terms"]}
    keep = {fold(word) for word in load_data("french.yaml")["role_words_keep_capital"]}
    # A diploma, a title or a course named in words is said as written: « le diplôme d'IBODE »,
    # « le titre de CRHA », "the CPA In-Depth Tax Course".
    if lang == "en" and (phrase := _CREDENTIAL_BEFORE.search(evidence)):
        named = re.sub(r"^(?:[Aa]n?|[Tt]he)\s+", "", phrase.group(0).strip())
        return "the " + named, "credential_phrase"
    if (phrase := _CREDENTIAL.search(evidence)) and not re.search(r"(?i)\bcertification\b", evidence):
        named = phrase.group(0).strip()
        # « un diplôme » → « le diplôme », "a licence" → "the licence": the one the post asks for.
        named = re.sub(r"^(?:[Uu]n|[Aa]n?)\s+", lambda m: "le " if lang != "en" else "the ", named)
        named = re.sub(r"^[Uu]ne\s+", "la ", named)
        if not re.match(r"(?i)(le|la|l'|les|the)\b", named):
            named = ("the " if lang == "en" else "le ") + named
        return named, "credential_phrase"
    # A named tool or an acronym ("Power BI", "SAP BW", "PMP"), with the names that follow it.
    candidates = [m.group(0) for m in _NAME.finditer(evidence)
                  if (fold(m.group(0).split()[0]) in keep or _ACRONYM.fullmatch(m.group(0).split()[0]))
                  and fold(m.group(0).split()[0]) not in not_terms]
    # A professional order named in full, with no acronym: « l'Ordre des diététistes-nutritionnistes du Québec ».
    order = (m.group(0) if (m := re.search(r"\b(?:Ordre|Order)\b[^,.;()]{3,80}", evidence)) else "").strip()
    if not candidates and not order:
        return "", ""
    if has_term(evidence, ("membres?", "membership", "ordre", "order")):
        return (candidates[0] if candidates else order), "membership"
    if has_term(evidence, ("licences?", "licenses?", "permis")) and candidates:
        return candidates[0], "licence"
    certified = has_term(evidence, tuple(cues["certification_words"]))
    return candidates[0], "certification" if certified else "tool"


# "more experience in payroll", « expérience en gestion de projet »: up to four words, stopped at a clause.
_TOPIC = re.compile(
    r"\b(?:experience|expertise|background)\s+(?:[\w-]+\s+){0,2}?(?:en |dans (?:le |la |l'|les )?|de la |du |des |in |with |of )"
    r"((?:[\w'’-]+ ?){1,4}?)(?=\s*(?:[,.;:!?)]|$|\b(?:et|and|ou|or|que|qui|which|who|than|pour|for|alors|mais|but|comme|as|au|a|to|at|chez|dans|within|aupres)\b))",
    re.IGNORECASE,
)


# "more B2B sales experience", "stronger client-facing experience": the field named before the noun.
_TOPIC_BEFORE = re.compile(r"\b(?:more|stronger|deeper|greater|additional|extensive|direct|hands-on|proven)\s+((?:[\w/&+-]+\s+){1,3}?)experience\b", re.IGNORECASE)
_NOT_TOPIC = frozenset({"relevant", "professional", "previous", "prior", "work", "the", "a", "an", "of", "your", "their",
                        "industry", "related", "practical", "real", "overall", "years", "year", "level"})


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


def moment_terms() -> dict[str, tuple[str, ...]]:
    """Each moment's cues: the checks use them to see whether a draft names the moment."""
    return {name: tuple(terms) for name, terms in _cues()["moments"].items()}


__all__ = ["Situation", "StatedReason", "looks_automatic", "moment_terms", "read_situation", "stated_reason"]
