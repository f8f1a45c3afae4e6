"""Quality checks on a feedback request: named, explainable, shared by every engine, the app and the evals.

Each check returns pass/fail, a score and a human reason in the draft's
language. Lexicons and messages live in ``prompts/checks.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Protocol

from rebond.check_base import CRITICAL_CHECKS, _lex, _result, _sentence_texts, _Subject  # noqa: F401 (CRITICAL_CHECKS: public)
from rebond.models import Channel, CheckReport, CheckResult, Draft, DraftRequest, Language
from rebond.reader_checks import READER_CHECKS
from rebond.notes_questions import _MONTHS_EN, formal_question
from rebond.situation import read_situation
from rebond.resources import load_data
from rebond.spoken import written_english
from rebond.text import (
    Terms,
    compile_terms,
    detect_language,
    find_terms,
    fold,
    has_term,
    word_count,
    word_start_matches,
)


# Words-per-body targets by channel: base + slope * length slider; a draft
# passes when it lands within [LOW, HIGH] times the target.
LENGTH_TARGETS = {Channel.EMAIL: (75, 0.55), Channel.LINKEDIN: (45, 0.2), Channel.PHONE: (105, 0.2)}
# A script read aloud has less room below its target than a message.
LENGTH_BAND = {Channel.EMAIL: (0.5, 1.6), Channel.LINKEDIN: (0.5, 1.6), Channel.PHONE: (0.55, 1.6)}
# LinkedIn's character ceiling also bounds the word count from below, so the
# lower bound never asks for more words than fit under the limit.
LINKEDIN_MIN_WORDS_CAP = 30
FORMALITY_BANDS = {"relaxed": (0, 33), "neutral": (34, 66), "formal": (67, 100)}
# Score ranges that fit each band; they overlap on purpose (a neutral message
# is acceptable at either edge of the neutral band).
FORMALITY_ACCEPT = {"relaxed": (0, 65), "neutral": (20, 85), "formal": (40, 100)}
VOICEMAIL_MAX_WORDS = 60


_SENTENCE_MARKS = ".!?;:\n"


def _negated(folded: str, start: int, lang: str, max_words: int) -> bool:
    """Whether one of the few words before ``start`` (same sentence) negates what follows."""
    head = folded[max(folded.rfind(mark, 0, start) for mark in _SENTENCE_MARKS) + 1 : start]
    # "but", "mais" end the negation's reach: "I'm not asking why, but how" keeps "how".
    head = re.split(r"\b(?:but|mais|rather|plutot)\b", head)[-1]
    if compile_terms(_lex("negation_exceptions", lang)).search(head[-40:]):
        return False
    window = re.findall(r"[\w']+", head)[-max_words:]
    cues = set(_lex("negation", lang))
    return any(word in cues or word.endswith("n't") or word.startswith("n'") for word in window)


def _affirmed(text: str, key: str, lang: str, max_words: int = 2) -> list[re.Match[str]]:
    folded = fold(text)
    return [m for m in find_terms(text, _lex(key, lang)) if not _negated(folded, m.start(), lang, max_words)]


def _opening(body: str) -> str:
    """The first words of the body, past a script label such as 'Opening:'."""
    first = body.strip()[:160]
    return re.sub(r"^[^\n:]{0,25}:\s*", "", first, count=1) if re.match(r"^[^\n:]{0,25}:", first) else first


# ---- the checks -----------------------------------------------------------------

def check_greeting(s: _Subject) -> CheckResult:
    opening = fold(_opening(s.body))[:80]
    return _result("greeting", s.lang, compile_terms(_lex("greeting", s.lang)).search(opening) is not None)


def check_thanks(s: _Subject) -> CheckResult:
    return _result("thanks", s.lang, bool(_affirmed(s.body, "thanks", s.lang)))


def check_regret(s: _Subject) -> CheckResult:
    from rebond.situation import read_situation  # no decision has come: nothing to regret yet

    return _result("regret", s.lang, read_situation(s.request).undecided or bool(_affirmed(s.body, "regret", s.lang)))


def _first_ask(s: _Subject) -> tuple[list[str], int]:
    """The body's sentences and the index of the first that asks for feedback (their count if none).

    Read once per draft: the feedback and the improvement checks both need it.
    """
    if "first_ask" not in s.memo:
        texts = _sentence_texts(s.body)
        # The questions the notes list for the recruiter ask what the candidate wants to know, in their words
        # (« Est-ce que c'est le setup qui m'a coûté le poste ? »): asked, they are the request.
        situation = read_situation(s.request)
        own = [fold(asked) for question in situation.own_questions
               for asked in {question, formal_question(question)}]  # (a formal letter asks with the inversion)
        if situation.wants_listed and situation.wants_to_ask:
            own.append(fold(situation.wants_to_ask))  # (the questions asked in the notes' clause, as noted)
        s.memo["first_ask"] = texts, next((i for i, text in enumerate(texts)
                                           if _asks_for_feedback(text, s.lang) or any(q in fold(text) for q in own)), len(texts))
    return s.memo["first_ask"]


def _asks_for_feedback(sentence: str, lang: str) -> bool:
    asks = has_term(sentence, _lex("request_markers", lang)) or "?" in sentence
    names_feedback = has_term(sentence, _lex("feedback_terms", lang))
    # "Could you tell me what I could improve?" asks for feedback without the word;
    # "a few lines would mean a lot" asks only because it names the feedback.
    return (asks and (names_feedback or has_term(sentence, _lex("improvement", lang)))) or (
        names_feedback and has_term(sentence, _lex("soft_request_markers", lang))
    )


def check_feedback_request(s: _Subject) -> CheckResult:
    texts, first_ask = _first_ask(s)
    # A follow-up on a decision not yet given asks where things stand; feedback on a no not yet given is asked only
    # when the notes name something to ask about or the message is long (round 32's readers: "resigned").
    return _result("feedback_request", s.lang, first_ask < len(texts) or _checks_in_only(s))


def _checks_in_only(s: _Subject) -> bool:
    """A follow-up that asks where things stand and, rightly, nothing of a decision not yet given."""
    situation = read_situation(s.request)
    # (A pause in the hiring: the draft asks what it means for the application, in the notes' words or its own.)
    return situation.undecided and (situation.on_hold or bool(_STATUS_ASKED.search(fold(s.body + " " + s.voicemail))))


# Where things stand, asked: « où en est le processus », "where things stand", "when you'll be deciding".
_STATUS_ASKED = re.compile(r"\b(?:ou en (?:est|sont|etes)|ou (?:ca|cela) en est|where (?:things|the process|it) stands?|"
                           r"decision (?:a ete|has been|sera)|when you'll be deciding|moment ou la decision|any news|des nouvelles|"
                           # (the hiring put on hold: what the pause means for the application)
                           r"when recruitment resumes|a la reprise du processus|means for my application|veut dire pour ma candidature)")


def pleads(text: str, lang: str) -> bool:
    """Whether ``text`` begs or asks to reverse the decision (the words the two checks against it look for)."""
    return bool(find_terms(text, _lex("begging", lang)) or _affirmed(text, "reconsideration", lang, 5))


def frames_improvement(text: str, lang: str) -> bool:
    """Whether ``text`` says the answer would help the candidate improve (the words this check looks for)."""
    return bool(_affirmed(text, "improvement", lang))


def check_improvement_framing(s: _Subject) -> CheckResult:
    why = _affirmed(s.body, "why_rejected", s.lang, max_words=4)
    if why:
        return _result("improvement_framing", s.lang, False, s.body[why[0].start() : why[0].end()], outcome="fail_why")
    # The improvement has to frame the ask: in the request or after it, not in small talk before it.
    texts, first_ask = _first_ask(s)
    if first_ask == len(texts):
        # no ask at all: nothing it could frame (a follow-up that only checks in has nothing to frame either)
        return _result("improvement_framing", s.lang, _checks_in_only(s))
    # (The lead-in right before the ask frames it too: "I have one question for you about what I could do better.";
    # a call script's "Questions:" label between them is no sentence.)
    start = first_ask - 1
    if start > 0 and texts[start].strip().endswith(":") and len(texts[start].split()) <= 3:
        start -= 1
    framed = any(_affirmed(text, "improvement", s.lang) for text in texts[max(start, 0):])
    # (A follow-up that asks only where things stand and when the decision comes asks for no feedback to frame.)
    return _result("improvement_framing", s.lang, framed or _checks_in_only(s) and not _affirmed(s.body, "improvement", s.lang))


def check_future_openness(s: _Subject) -> CheckResult:
    return _result("future_openness", s.lang, bool(_affirmed(s.text, "future", s.lang)))


def check_sign_off(s: _Subject) -> CheckResult:
    name = s.request.context.candidate_name
    tail_lines = [line for line in s.body.strip().splitlines() if line.strip()][-4:]
    tail = "\n".join(tail_lines)
    has_name = fold(name) in fold("\n".join(tail_lines[-3:]))
    has_closing = has_term(tail, _lex("closing", s.lang))
    return _result("sign_off", s.lang, has_name and has_closing, name)


def _mentions(name: str, value: str, s: _Subject) -> CheckResult:
    return _result(name, s.lang, fold(value) in fold(s.text), value)


def check_mentions_role(s: _Subject) -> CheckResult:
    from rebond.french import clean_role, role_compact, role_for, role_forms, role_spoken_acronym

    # A job ad's labels (« H/F », « (CDD) ») are not part of the role a sentence names; in French the title
    # may agree with the writer (« coordonnatrice », « chargé ou chargée »): either form counts.
    role = s.request.context.role
    forms = {clean_role(role), *((*role_forms(role), role_for(role, ""), role_compact(role)) if s.lang == "fr" else ())}
    if s.lang == "fr" and (spoken := role_spoken_acronym(role)):
        forms.add(f"poste {spoken}")  # a call names the post by its acronym: « le poste d'AED »
    return _result("mentions_role", s.lang, any(fold(form) in fold(s.text) for form in forms), role)


def check_mentions_company(s: _Subject) -> CheckResult:
    # (The name said on a call counts without its legal ending; a letterhead's descriptor is never said.)
    from rebond.french import spoken_name, without_descriptor

    company = without_descriptor(s.request.context.company)
    if s.lang == "fr":
        # « au CHU », « du ministère »: the name counts without the article it contracts with.
        from rebond.french import Organisation

        name = Organisation.parse(company).name
        return _result("mentions_company", s.lang, fold(spoken_name(name)) in fold(s.text), company)
    return _mentions("mentions_company", spoken_name(company), s)


_LANGUAGE_NAMES = {"en": {"en": "English", "fr": "anglais"}, "fr": {"en": "French", "fr": "français"}}


def check_language_match(s: _Subject) -> CheckResult:
    # Names and company are not evidence of a language; remove them before detecting.
    text = s.body
    ctx = s.request.context
    for value in (ctx.candidate_name, ctx.recruiter_name, ctx.company, ctx.role):
        if value:
            text = text.replace(value, " ")
    detected, confidence = _language_by_words(text) or detect_language(text)
    passed = detected == s.lang
    shown = _LANGUAGE_NAMES.get(detected, {}).get(s.lang, detected or "?")
    return _result("language_match", s.lang, passed, shown, score=confidence if passed else 1 - confidence)


def _language_by_words(text: str) -> tuple[str, float] | None:
    """French or English with a confidence when the text's function words leave no doubt, else None."""
    rule = load_data("checks.yaml")["language_words_decisive"]
    folded = fold(text)
    counts = {lang: compile_terms(tuple(terms)).count(folded) for lang, terms in load_data("checks.yaml")["language_words"].items()}
    (first, most), (_, other) = sorted(counts.items(), key=lambda item: -item[1])
    if most >= rule["min"] and most >= rule["ratio"] * other:
        return first, most / (most + other)
    return None


def formality_score(text: str, language: Language | str, *, tu_counts: bool = True) -> int:
    """0 (very relaxed) to 100 (very formal), from weighted register markers; without ``tu_counts``, « tu » weighs
    nothing (a draft that answers a recruiter's « tu » in kind)."""
    folded = fold(text)
    total = 0.0
    for terms, weight, cap in _formality_markers("en" if str(language) == "en" else "fr", tu_counts):
        hits = weight * terms.count(folded)
        total += min(hits, cap) if weight > 0 else max(hits, -cap)
    emoji = len(_EMOJI.findall(text))
    total -= 3 * emoji + 2 * text.count("!!")
    return max(0, min(100, round(50 + 5 * total)))


_EMOJI = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]")


@cache
def _formality_markers(lang: str, tu_counts: bool) -> tuple[tuple[Terms, float, float], ...]:
    """Each register marker of checks.yaml: its scanner, its signed weight (formal > 0) and the cap on its total."""
    markers = load_data("checks.yaml")["formality_markers"][lang]
    keys = ((1, "formal"), (-1, "informal")) + (((-1, "informal_tu"),) if tu_counts else ())
    return tuple(
        (compile_terms((term,)), sign * weight, cap[0] if cap else float("inf"))
        for sign, key in keys
        for term, weight, *cap in markers.get(key, ())
    )


def formality_band(formality: int) -> str:
    """The slider band a formality value falls in."""
    return next(band for band, (low, high) in FORMALITY_BANDS.items() if low <= formality <= high)


def check_formality_match(s: _Subject) -> CheckResult:
    formality = s.request.tone.formality
    band = formality_band(formality)
    # (A call's contractions are how anyone speaks, not a register: its formality is weighed as written.)
    from rebond.situation import answers_in_tu, read_situation  # « tu » is right in a relaxed answer to a recruiter who wrote « tu »

    answers_tu = answers_in_tu(s.request, read_situation(s.request))
    spoken = s.request.channel is Channel.PHONE and s.lang == "en"
    score = formality_score(written_english(s.text) if spoken else s.text, s.lang, tu_counts=not answers_tu)
    low, high = FORMALITY_ACCEPT[band]
    problems = []
    if s.lang == "fr" and formality > 15 and not answers_tu and has_term(s.body, _lex("tutoiement", "fr")):
        problems.append("tutoiement" if s.lang == "fr" else "tu")
    if formality >= 50 and (slang := find_terms(s.text, _lex("slang", s.lang))):
        problems.append(s.text[slang[0].start() : slang[0].end()])
    if formality <= 20 and (stiff := find_terms(s.text, _lex("stiff", s.lang))):
        problems.append(s.text[stiff[0].start() : stiff[0].end()])
    if not low <= score <= high:
        problems.append(f"score {score}/100")
    detail = ", ".join(problems) if problems else f"{score}/100"
    closeness = 1.0 if not problems else max(0.0, 1 - min(abs(score - low), abs(score - high)) / 50)
    return _result("formality_match", s.lang, not problems, detail, score=closeness)


def length_target(channel: Channel, length: int) -> int:
    """Words the body should have for this channel and length slider."""
    base, slope = LENGTH_TARGETS[channel]
    return round(base + slope * length)


def length_range(channel: Channel, length: int) -> tuple[int, int]:
    """Inclusive range of body words that passes the length check."""
    target = length_target(channel, length)
    low, high = round(LENGTH_BAND[channel][0] * target), round(LENGTH_BAND[channel][1] * target)
    if channel is Channel.LINKEDIN and linkedin_char_limit(length) <= 300:
        low = min(low, LINKEDIN_MIN_WORDS_CAP)
    return low, high


def linkedin_char_limit(length: int) -> int:
    """Characters a LinkedIn message may have: a short note at low length, a longer message above."""
    return 300 if length <= 50 else 600


def check_length_band(s: _Subject) -> CheckResult:
    words = word_count(s.body)
    low, high = length_range(s.request.channel, s.request.tone.length)
    passed = low <= words <= high
    unit = "mots" if s.lang == "fr" else "words"
    detail = f"{words} {unit} ({low}–{high})"
    if s.voicemail and word_count(s.voicemail) > VOICEMAIL_MAX_WORDS:
        passed = False
        detail += f"; voicemail {word_count(s.voicemail)} > {VOICEMAIL_MAX_WORDS}"
    target = length_target(s.request.channel, s.request.tone.length)
    return _result("length_band", s.lang, passed, detail, score=max(0.0, 1 - abs(words - target) / max(target, 1)))


def check_linkedin_limit(s: _Subject) -> CheckResult:
    limit = linkedin_char_limit(s.request.tone.length)
    chars = len(s.body)
    unit = "caractères" if s.lang == "fr" else "characters"
    return _result("linkedin_limit", s.lang, chars <= limit, f"{chars}/{limit} {unit}")


def _phrase_check(name: str, key: str, max_words: int = 0,
                  also: Callable[[str], list[tuple[int, int]]] | None = None,
                  given: bool = False) -> Callable[[_Subject], CheckResult]:
    """A check that fails on a lexicon term (or what ``also`` finds); ``given``: words the user typed are theirs."""

    def check(s: _Subject) -> CheckResult:
        hits = (
            _affirmed(s.text, key, s.lang, max_words)
            if max_words
            else find_terms(s.text, _lex(key, s.lang))
        )
        if also is not None:
            # Acronyms the user gave (« CIUSSS », « CRHA ») are names, not shouting.
            text = _without_given_words(s) if given else s.text
            hits = hits or also(text)
        if hits:
            start, end = hits[0].span() if isinstance(hits[0], re.Match) else hits[0]
            return _result(name, s.lang, False, s.text[start:end])
        return _result(name, s.lang, True)

    check.__name__ = f"check_{name}"
    return check


_WORD = re.compile(r"\w+")


def _without_given_words(s: _Subject) -> str:
    """The draft with every word the user typed blanked (same length, so offsets hold)."""
    ctx = s.request.context
    given = {w for w in re.findall(r"\w+", " ".join([ctx.company, ctx.role, ctx.rejection_message, ctx.notes,
                                                     ctx.candidate_name, ctx.recruiter_name])) if w.isupper()}
    # One static pattern over the words, not one pattern per given word (see ``text.count_word``).
    return _WORD.sub(lambda m: " " * len(m.group()) if m.group() in given else m.group(), s.text)


# Capitals ending a word; the start of the word is checked on the character before
# (a leading \\b would cost the regex its fast scan).
_CAPS = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý]{3,}\b")  # four or more; the first spelled out, for the same fast scan
_BANGS = re.compile(r"!!!+")


def _shouting(text: str) -> list[tuple[int, int]]:
    """Three or more words in capitals, or '!!!': shouting in writing."""
    caps = [m.span() for m in word_start_matches(_CAPS, text)]
    bangs = [m.span() for m in _BANGS.finditer(text)]
    return bangs or (caps if len(caps) >= 3 else [])


def check_no_placeholder(s: _Subject) -> CheckResult:
    ctx = s.request.context
    given = " ".join([ctx.candidate_name, ctx.recruiter_name, ctx.company, ctx.role, ctx.notes, ctx.rejection_message])
    for scanner in _placeholder_scanners():
        for match in scanner.finditer(s.text):
            if match.group(0) not in given:
                return _result("no_placeholder", s.lang, False, match.group(0))
    return _result("no_placeholder", s.lang, True)


@cache
def _known_vocabulary() -> frozenset[str]:
    """Every word the guidance and phrase banks use: words a draft may capitalise without inventing anything."""
    data = load_data("checks.yaml")
    words: set[str] = {w for group in data["common_capitalised"] for w in group}
    for name in ("guidance.yaml", "phrases.en.yaml", "phrases.fr.yaml", "checks.yaml"):
        try:
            raw = str(load_data(name))
        except FileNotFoundError:
            continue
        words.update(re.findall(r"[a-z]+", fold(raw)))
    return frozenset(words)


# A run of capitalised words. Whether a run starts a word is checked on the character
# before it, not by a leading lookbehind, which would cost the regex its fast scan.
_CAPITALISED = re.compile(r"([A-ZÀ-Ý][\w'’-]*(?:[ -][A-ZÀ-Ý][\w'’-]*)*)")
# What a sentence may follow: punctuation, an opening quote or bracket, a bullet, a line break.
_OPENER_AND_SPACES = re.compile(r'[.!?:;«“"(\n•*–-]\s*')
_WORD_PIECES = re.compile(r"\w+")
# "Ms. Patel": the full stop after a title does not start a sentence.
_TITLE_ABBREVIATION = re.compile(r"\b(?:Ms|Mr|Mrs|Dr|Dre|Mme|M|Prof|St)\.\s*$")
_ISO_DATE = re.compile(r"\b(19|20)\d\d-\d\d-\d\d\b|\b\d{1,2}/\d{1,2}(/\d{2,4})?\b")
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_DIGITS = re.compile(r"\d+")
_WORD_AND_SPACE = re.compile(r"\w+ \Z")


def _capitalised_words(text: str) -> Iterator[re.Match[str]]:
    """Runs of capitalised words that start a word (not "Donald" in "McDonald", not after an apostrophe)."""
    return word_start_matches(_CAPITALISED, text, joiners="'’-")


def _sentence_starts(text: str) -> set[int]:
    """Offsets where a sentence may start: the beginning, and after an opener and any spaces."""
    return {0} | {match.end() for match in _OPENER_AND_SPACES.finditer(text)}


class _Scanner(Protocol):
    def finditer(self, text: str) -> Iterator[re.Match[str]]: ...


@cache
def _placeholder_scanners() -> tuple[_Scanner, ...]:
    """One scanner per placeholder pattern of checks.yaml, in order.

    A whole-word pattern (``\\bTBD\\b``) is scanned as a lexicon term: same matches,
    but the regex engine keeps its fast scan for the first letters (a leading
    ``\\b`` costs it that).
    """
    scanners: list[_Scanner] = []
    for pattern in load_data("checks.yaml")["placeholders"]:
        inner = pattern[2:-2]
        whole_word = pattern.startswith("\\b") and pattern.endswith("\\b") and inner[:1].isalnum()
        scanners.append(compile_terms((inner,)) if whole_word else re.compile(pattern))
    return tuple(scanners)


@cache
def _months() -> tuple[frozenset[str], re.Pattern[str]]:
    """Month names in both languages, and a day-and-month pattern ("10 novembre", "November 10")."""
    data = load_data("checks.yaml")["months"]
    names = frozenset(data["en"] + data["fr"])
    alternatives = "|".join(sorted(names, key=lambda name: (-len(name), name)))
    return names, re.compile(rf"\b(\d{{1,2}})(?:er)? ({alternatives})\b|\b({alternatives}) (\d{{1,2}})\b")


def _blank_placeholders(part: str) -> str:
    """The text with placeholders replaced by spaces (same length, so offsets still hold)."""
    for scanner in _placeholder_scanners():
        for match in list(scanner.finditer(part)):
            part = part[: match.start()] + " " * (match.end() - match.start()) + part[match.end() :]
    return part


def _invented(s: _Subject) -> str | None:
    ctx = s.request.context
    given_text = fold(" ".join([ctx.candidate_name, ctx.recruiter_name, ctx.company, ctx.role, ctx.notes,
                                ctx.rejection_message, ctx.interview_date.isoformat() if ctx.interview_date else ""]))
    given_words = set(re.findall(r"\w+", given_text))
    known = _known_vocabulary()
    months, day_and_month = _months()
    for part in (s.subject, s.body, s.voicemail):
        # Placeholders are the placeholder check's business, not invented facts.
        part = _blank_placeholders(part)
        starts = _sentence_starts(part)
        for match in _capitalised_words(part):
            start = match.start()
            if start in starts and not _TITLE_ABBREVIATION.search(part, max(0, start - 20), start):
                # The first word of a sentence is capitalised anyway; judge the rest.
                words = match.group(1).split()[1:]
            else:
                words = match.group(1).split()
            for word in words:
                pieces = _WORD_PIECES.findall(fold(word).strip("'-"))
                if all(p in given_words or p in known or p in months for p in pieces):
                    continue
                return word
    # Dates: a day and month, an ISO date or a year must match the interview date. Each needs a digit.
    folded_text = fold(s.text)
    starts = _date_starts(folded_text)
    if not starts:
        return None
    date = ctx.interview_date
    # (A date the person typed, in the notes or the message, is theirs: "Mention I can start Jan 4", "a 3/5".)
    for match in _matches_from(_ISO_DATE, folded_text, starts):
        if match.group(0) in given_text:
            continue
        if not date or match.group(0) not in (date.isoformat(), f"{date.day}/{date.month}", f"{date.month}/{date.day}"):
            return s.text[match.start() : match.end()]
    for match in _matches_from(_YEAR, folded_text, starts):
        if match.group(0) not in given_text:
            return match.group(0)
    # (The notes' "Dec 6" is the draft's "December 6": a month the person abbreviated is still theirs.)
    spelt = _ABBREVIATED_MONTH.sub(lambda m: _FULL_MONTH[m.group(1)], given_text)
    for match in _matches_from(day_and_month, folded_text, starts):
        if match.group(0) in given_text or match.group(0) in spelt:
            continue
        day = int(match.group(1) or match.group(4))
        month = match.group(2) or match.group(3)
        if not date or day != date.day or month not in _month_names_for(date.month):
            return s.text[match.start() : match.end()]
    return None


# (The English ones are the notes' table, folded: one list of what "Dec" stands for.)
_FULL_MONTH = {**{short: month.lower() for short, month in _MONTHS_EN.items()},
               "janv": "janvier", "fev": "fevrier", "fevr": "fevrier", "avr": "avril", "juil": "juillet"}
_ABBREVIATED_MONTH = re.compile(r"\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|janv|fevr?|avr|juil)\b\.?")


def _date_starts(folded: str) -> list[int]:
    """Every offset where a date can start: each run of digits, and the word just before it ("novembre 10").

    Dates are rare and short; matching the date patterns only there, rather than
    searching the whole draft three times, finds the same dates.
    """
    starts: set[int] = set()
    for run in _DIGITS.finditer(folded):
        starts.add(run.start())
        if (word := _WORD_AND_SPACE.search(folded, max(0, run.start() - 12), run.start())) is not None:
            starts.add(word.start())
    return sorted(starts)


def _matches_from(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, when every match can only begin at one of ``starts``."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)) is not None:
            yield match
            end = max(match.end(), start + 1)


def _month_names_for(month: int) -> set[str]:
    months = load_data("checks.yaml")["months"]
    return {months["en"][month - 1], months["fr"][month - 1]}


def check_no_invented_facts(s: _Subject) -> CheckResult:
    invented = _invented(s)
    return _result("no_invented_facts", s.lang, invented is None, invented or "")


# Order is the order shown in the app's checklist.
_CHECKS: list[tuple[str, Callable[[_Subject], CheckResult], set[Channel] | None]] = [
    ("greeting", check_greeting, None),
    ("thanks", check_thanks, None),
    ("regret", check_regret, None),
    ("feedback_request", check_feedback_request, None),
    ("improvement_framing", check_improvement_framing, None),
    ("future_openness", check_future_openness, None),
    ("sign_off", check_sign_off, {Channel.EMAIL}),
    ("mentions_role", check_mentions_role, None),
    ("mentions_company", check_mentions_company, None),
    ("language_match", check_language_match, None),
    ("formality_match", check_formality_match, None),
    ("length_band", check_length_band, None),
    ("linkedin_limit", check_linkedin_limit, {Channel.LINKEDIN}),
    ("no_defensiveness", _phrase_check("no_defensiveness", "defensiveness"), None),
    ("no_aggression", _phrase_check("no_aggression", "aggression", also=_shouting, given=True), None),
    ("no_begging", _phrase_check("no_begging", "begging"), None),
    ("no_reconsideration", _phrase_check("no_reconsideration", "reconsideration", max_words=5), None),
    ("no_cliche", _phrase_check("no_cliche", "cliche"), None),
    ("no_placeholder", check_no_placeholder, None),
    ("no_invented_facts", check_no_invented_facts, None),
]

_CHECKS += READER_CHECKS
# What a native reader would reject: an LLM draft failing one is repaired, then replaced offline.
READER_CHECK_NAMES = frozenset(name for name, _, _ in READER_CHECKS)

CHECK_NAMES: tuple[str, ...] = tuple(name for name, _, _ in _CHECKS)


def checks_for(channel: Channel) -> list[str]:
    """Names of the checks that apply to a channel, in display order."""
    return [name for name, _, channels in _CHECKS if channels is None or channel in channels]


def run_checks(draft: Draft, request: DraftRequest) -> CheckReport:
    """Every check that applies to the draft's channel, in display order."""
    subject = _Subject(
        request=request,
        subject=draft.subject or "",
        body=draft.body,
        voicemail=draft.voicemail or "",
        lang=request.language.base,
    )
    return CheckReport(
        checks=[check(subject) for name, check, channels in _CHECKS if channels is None or request.channel in channels]
    )
