"""The reader's checks: what a native reader rejects in a draft that the structural checks let through.

Articles before the organisation, a date on the wrong noun, repetition, thanks for what never
happened, a stated reason ignored or asked again, notes ignored, words of the other variety,
calques, written phrases in a phone script, a voicemail with no way back, a greeting and closing
that disagree, French agreement. Each runs on every engine's drafts; lexicons live in
``prompts/reader_checks.yaml`` and the labelled drafts that judge them in ``evals/``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cache

from rebond.check_base import _result, _sentence_texts, _Subject
from rebond.french import Organisation, clean_role, elide, role_compact, role_for, role_forms, role_in_sentence
from rebond.models import CheckResult, Channel, GrammaticalGender, Language
from rebond.resources import load_data
from rebond.news_and_reason import news_settles_reason
from rebond.notes_questions import asks_status, formal_enough, formal_question, past_the_decision
from rebond.situation import is_team_name, moment_terms, read_situation
from rebond.spoken import ordinals_written
from rebond.text import compile_terms, count_word, find_terms, fold, has_term, word_positions, written_out


@cache
def _data() -> dict:
    return load_data("reader_checks.yaml")


def _lex(key: str, lang: str | None = None) -> tuple[str, ...]:
    value = _data()[key]
    return tuple(value[lang] if lang is not None else value)


def _first(text: str, terms: tuple[str, ...] | list[str]) -> str:
    hits = find_terms(text, tuple(terms))
    return text[hits[0].start() : hits[0].end()] if hits else ""


def _org_words(s: _Subject) -> str:
    """The organisation's name without its article, folded: what counts as naming it."""
    company = s.request.context.company
    name = Organisation.parse(company).name if s.lang == "fr" else re.sub(r"^(?i:the)\s+", "", company)
    return fold(name)


def _count(haystack: str, needle: str) -> int:
    return count_word(fold(haystack), needle)


def _count_name(s: _Subject, text: str) -> int:
    """Times the organisation is named, matching its capitals (« la Poste » is not « le poste »)."""
    company = s.request.context.company
    name = Organisation.parse(company).name if s.lang == "fr" else re.sub(r"^(?i:the)\s+", "", company)
    return count_word(text, name)


# ---- organisation and dates ------------------------------------------------------

def check_org_article(s: _Subject) -> CheckResult:
    if s.lang != "fr":
        return _result("org_article", s.lang, True)
    org = Organisation.parse(s.request.context.company)
    text = s.text
    folded = fold(text)
    name = fold(org.name)
    # Literal phrases, not a regex per organisation (see ``text.count_word``).
    bad: list[str] = []
    if org.article:
        # « chez » before a name that takes an article, or a contraction not made.
        bad += [f"chez {article}{name}" for article in ("la ", "le ", "les ", "l'", "")]
        bad += [f"{prep} {article} {name}" for prep in ("de", "a") for article in ("le", "les")]
        bad += [f"{prep} {name}" for prep in ("a", "de", "pour", "envers", "avec", "sur")]
    else:
        if org.name[:1] and re.match(r"(?i)[aeiouàâéèêîôûœ]", org.name) and not org.name.startswith(("L'", "L’")):
            bad.append(f"de {name}")  # « d'Ubisoft »
        if org.at_a:
            bad.append(f"chez {name}")  # « à Sorbonne Université », « à Revenu Québec »
    # Any organisation: « chez la Banque », « de le CHU » before a capitalised name.
    found = min(((start, phrase) for phrase in bad for start in word_positions(folded, phrase)), default=None)
    if found:
        return _result("org_article", s.lang, False, text[found[0] : found[0] + len(found[1])])
    if match := re.search(r"\bchez (?:la|le|les) [A-ZÀ-Ý]|\bchez l['’](?=[A-ZÀ-Ý])(?!Or[ée]al)|\b(?:de|à) (?:le|les) [A-ZÀ-Ý]", text):
        if not org.typed.startswith(text[match.start() + 5 : match.end()].strip()):
            return _result("org_article", s.lang, False, text[match.start() : match.end() + 12].split("\n")[0])
    if org.article:
        # An article that opens a sentence takes a capital: « La Banque Nationale m'intéresse ».
        # A bare name opening a sentence lacks its article (« Ville de Gatineau m'intéresse »).
        joiner = "" if org.article == "l'" else " "
        for phrase in (org.article + joiner + org.name, org.name):
            for start in word_positions(text, phrase):
                before = text[:start].rstrip(" \t")
                opens = not before or before.endswith("\n") or (before[-1:] in ".!?" and start > len(before))
                if opens and (start > 0 or not s.body.startswith(phrase)):
                    return _result("org_article", s.lang, False, phrase)
    return _result("org_article", s.lang, True)


@cache
def _date_pattern() -> re.Pattern[str]:
    months = _data()["months_pattern"]
    return re.compile(rf"\b(?:(?:1er|\d{{1,2}})(?:st|nd|rd|th)? {months}|{months} \d{{1,2}}(?:st|nd|rd|th)?)\b")


def check_date_attached(s: _Subject) -> CheckResult:
    nouns = re.compile("|".join(_lex("interview_nouns")))
    jobs = re.compile("|".join(_lex("job_nouns")))
    situation = read_situation(s.request)
    for part in (s.subject, s.body, s.voicemail):
        # (A date in what the notes say to mention, « disponible dès le 4 janvier », or in the answer they say was
        # promised, "by Nov 20", is the candidate's or the recruiter's, not the meeting's.)
        for theirs in (situation.to_mention, situation.promised):
            part = part.replace(theirs, "") if theirs else part
        folded = fold(part)
        for match in _date_pattern().finditer(folded):
            sentence_start = max(folded.rfind(mark, 0, match.start()) for mark in ".!?\n:") + 1
            before = folded[sentence_start : match.start()]
            words = re.findall(r"[\w-]+", before)[-10:]
            # The interview noun sits among the words before the date ("notre entrevue du", "meeting
            # with me on", "the interview at X on"), and no noun of the job comes after it
            # ("the Analyst role at X on" dates the role).
            last_interview = max((i for i, word in enumerate(words) if nouns.fullmatch(word)), default=-1)
            last_job = max((i for i, word in enumerate(words) if jobs.fullmatch(word)), default=-1)
            if last_interview < 0 or last_job > last_interview:
                start = max(sentence_start, match.start() - 40)
                return _result("date_attached", s.lang, False, part[start : match.end()].strip())
    return _result("date_attached", s.lang, True)


# ---- repetition and thanks ---------------------------------------------------------

def _closing_lines(body: str) -> int:
    """How many lines at the end are a sign-off (closing formula and name), not the message."""
    lines = [line for line in body.strip().splitlines() if line.strip()]
    tail = lines[-2:]
    return sum(1 for line in tail if len(line.split()) <= 6)


def _thanking_sentences(text: str) -> list[int]:
    """Indexes of the sentences that thank."""
    terms = compile_terms(_lex("thanks_words"))
    return [i for i, sentence in enumerate(_sentence_texts(text)) if terms.search(fold(sentence))]


def _without_own_questions(s: _Subject, text: str) -> str:
    """``text`` less the questions the notes listed for the recruiter: a role or a name said in the candidate's own
    question ("What would make me a stronger candidate for lab manager roles elsewhere?") is theirs, not a repeat."""
    for question in read_situation(s.request).own_questions:
        text = text.replace(question, "")
    return text


# A credential named after the trade is not the role again: "the Registered Respiratory Therapist (RRT) credential"
# (round 39).
_NOT_THE_ROLE_AFTER = r"(?! \(\w+\))(?! (?:credential|licen[cs]e|certificat\w*|designation|registration))"


def _role_mentions(body: str, role: str) -> int:
    """How many times ``body`` names the (folded) role. (« une place d'assistant-chef de culture » names another job:
    a hyphenated compound is not the role again.)"""
    if not role:
        return 0
    return len(re.findall(rf"(?<![\w-])(?<!registered ){re.escape(role)}(?![\w-]){_NOT_THE_ROLE_AFTER}", fold(body)))


def check_no_repetition(s: _Subject) -> CheckResult:
    channel = s.request.channel
    body = _without_own_questions(s, s.body)
    problems: list[str] = []
    limit = 2 if channel is Channel.EMAIL else 1
    org = _org_words(s)
    if (n := _count_name(s, body)) > limit:
        problems.append(f"{s.request.context.company} ×{n}")
    role = fold(clean_role(s.request.context.role))
    if (n := _role_mentions(body, role)) > 1:
        problems.append(f"{s.request.context.role} ×{n}")
    for part in (body, s.voicemail):
        seen: list[set[str]] = []
        for sentence in _sentence_texts(part):
            words = set(re.findall(r"\w+", fold(sentence)))
            # The same sentence, or nearly ("a few lines would help" / "a few lines would help me").
            if len(words) >= 4 and any(len(words & other) >= 0.8 * max(len(words), len(other)) for other in seen):
                problems.append(f"« {sentence.strip()[:60]} » ×2" if s.lang == "fr" else f'"{sentence.strip()[:60]}" ×2')
            seen.append(words)
    # Two questions cut from one mould: the same last four words ("…ce que vous cherchiez ?" twice) or the same first five.
    asked = [re.findall(r"[\w']+", fold(q)) for q in _questions(body + "\n" + s.voicemail)]
    for i, words in enumerate(asked):
        for other in asked[:i]:
            if len(words) >= 5 and len(other) >= 5 and (words[-4:] == other[-4:] or words[:5] == other[:5]):
                problems.append(" ".join(words[-4:]) + " ×2")
                break
    # The same move twice in other words ("Even a few lines would help." … "Even a few lines would be useful.").
    fillers = compile_terms(_lex("fillers", s.lang))
    said = [m.group(0) for sentence in _sentence_texts(body) if (m := fillers.search(fold(sentence)))]
    if repeated := [phrase for phrase, n in Counter(said).items() if n > 1]:
        problems.append(f"« {repeated[0]} » ×2" if s.lang == "fr" else f'"{repeated[0]}" ×2')
    # Thanks: no more than two in all, a thanking sign-off counted as one; never two sentences in a row.
    lines = body.strip().splitlines()
    closing = _closing_lines(body) if channel is Channel.EMAIL else 0
    message = "\n".join(lines[: len(lines) - closing])
    thanking = _thanking_sentences(message)
    signed_thanks = bool(closing) and bool(compile_terms(_lex("thanks_words")).search(fold("\n".join(lines[-closing:]))))
    consecutive = any(b - a == 1 for a, b in zip(thanking, thanking[1:], strict=False))
    total = len(thanking) + signed_thanks
    if total > 2 or consecutive:
        problems.append(("merci" if s.lang == "fr" else "thanks") + f" ×{total}")
    stop = set(_lex("repetition_stopwords")) | {org, role}
    for paragraph in re.split(r"\n\s*\n", body):
        words = [w for w in re.findall(r"[\w'-]{5,}", fold(paragraph)) if w not in stop and not w.startswith(("qu'", "l'", "d'", "j'", "m'", "n'", "s'", "c'"))]
        common = Counter(words).most_common(1)
        if common and common[0][1] >= 4:
            problems.append(f"{common[0][0]} ×{common[0][1]}")
    return _result("no_repetition", s.lang, not problems, "; ".join(problems))


def check_thanks_for_given(s: _Subject) -> CheckResult:
    news = read_situation(s.request).news
    lang = s.lang
    allowed = {
        "thanks_written": news in ("written", "phone"),
        "thanks_informed": news in ("written", "phone"),
        "thanks_call": news == "phone",
    }
    for key, ok in allowed.items():
        if not ok and (hit := _first(s.text, _lex(key, lang) + _lex(key, "en" if lang == "fr" else "fr"))):
            return _result("thanks_for_given", lang, False, hit)
    # Thanks for feedback not given yet, in a message (a call script thanks after hearing it).
    written = "\n".join(part for part in (s.subject, s.body if s.request.channel is not Channel.PHONE else "") if part)
    advance = compile_terms(_lex("in_advance"))
    for sentence in _sentence_texts(written):
        if (hit := _first(sentence, _lex("thanks_feedback", lang))) and not advance.search(fold(sentence)):
            return _result("thanks_for_given", lang, False, hit)
    return _result("thanks_for_given", lang, True)


# ---- the context used -----------------------------------------------------------

@cache
def _reason_words() -> dict[str, dict[str, tuple[str, ...]]]:
    return load_data("reader_checks_reasons.yaml")


def check_stated_reason_used(s: _Subject) -> CheckResult:
    reason = read_situation(s.request).reason
    if reason is None:
        return _result("stated_reason_used", s.lang, True)
    words = _reason_words()
    key = "internal" if reason.internal else reason.category.value if reason.category else reason.term_kind or "internal"
    text = s.body + "\n" + s.voicemail
    if s.request.channel is Channel.PHONE and s.lang == "fr":
        text += "\n" + ordinals_written(text)  # « un deuxième assistant » said for the message's « un 2e assistant »
    # Asked again: a question about the very area the recruiter already answered.
    if not reason.internal and reason.category is not None:
        beyond = compile_terms(tuple(words["beyond"][s.lang]))
        for sentence in _questions(text):
            if beyond.search(fold(sentence)):
                continue
            if hit := _first(sentence, words["asked_again"][s.lang].get(reason.category.value, ())):
                return _result("stated_reason_used", s.lang, False, hit, outcome="fail_asked")
            if hit := _first(sentence, words["asked_again"][s.lang]["generic"]):
                return _result("stated_reason_used", s.lang, False, hit, outcome="fail_asked")
    terms = list(words["acknowledged"][s.lang].get(key, ()))
    if reason.term:
        terms.append(re.escape(fold(reason.term)))
        terms.append(re.escape(fold(written_out(reason.term, s.lang))))  # "(80 hr)" is written "(80 hours)"
        if s.lang == "fr":
            terms.append(re.escape(fold(elide(reason.term))))  # « la habilitation … » is said « l'habilitation … »
        # « le DEC en techniques d'éducation à l'enfance » is named by « le DEC » too.
        terms += [rf"\b{re.escape(fold(acronym))}\b" for acronym in re.findall(r"\b[A-Z][A-Z0-9]{1,6}\b", reason.term)]
    if reason.topic:
        terms.append(re.escape(fold(reason.topic)))
    if reason.hire:
        terms.append(re.escape(fold(reason.hire)))
        terms.append(re.escape(fold(written_out(reason.hire, s.lang))))  # « … pis qui connaît » written « et qui »
        if s.lang == "fr":
            terms.append(re.escape(fold(elide(reason.hire))))
    if terms and has_term(text, tuple(terms)):
        return _result("stated_reason_used", s.lang, True)
    situation = read_situation(s.request)
    if news_settles_reason(reason, situation.to_mention) and fold(situation.to_mention) in fold(text):
        # "Good news: I can now do nights" in a note with no room for the reason's sentence answers the reason itself.
        return _result("stated_reason_used", s.lang, True)
    shown = reason.term or reason.topic or (reason.category.value if reason.category else "internal")
    return _result("stated_reason_used", s.lang, False, shown)


def _questions(text: str) -> list[str]:
    return [sentence for sentence in _sentence_texts(text) if sentence.rstrip().endswith("?")]


def check_notes_used(s: _Subject) -> CheckResult:
    notes = s.request.context.notes
    if not notes:
        return _result("notes_used", s.lang, True)
    situation = read_situation(s.request)
    text = s.text
    if s.request.channel is Channel.PHONE and s.lang == "fr":
        text += "\n" + ordinals_written(text)  # « la deuxième entrevue » said for the notes' « la 2e entrevue »
    # The questions the notes list for the recruiter are what the candidate wants asked: one of them, asked, is the
    # most telling use of the notes; none asked is the miss readers named first ("her two questions are missing").
    # (A follow-up on a decision not yet given asks where things stand itself: a question about that is covered.)
    # (A formal letter leaves out the ones written in spoken words, « C'est le fond ou la forme qui a coincé ? ».)
    formal = s.request.tone.formality > 66
    wanted = [q for q in situation.own_questions
              if not (situation.undecided and asks_status(q)) and not (formal and not formal_enough(formal_question(q)))]
    # (In a formal letter, asked with the inversion: « Y aurait-il … ? » for « Est-ce qu'il y aurait … ? ».)
    own = any(fold(past_the_decision(asked).rstrip(" ?")) in fold(text)
              for question in wanted for asked in {question, formal_question(question)})
    # (Questions the notes report in one clause may be asked in it, as noted: "I wanted to ask what I could've done
    # better and if part-time weekend dispatch is open.")
    own = own or bool(situation.wants_listed and situation.wants_to_ask and fold(situation.wants_to_ask) in fold(text))
    if wanted and not own:
        return _result("notes_used", s.lang, False, "questions")
    # The moments the notes name, less those the rejection praised; a video call counts only when alone.
    named = list(situation.moments) or (["video"] if situation.video else [])
    if not named or own or situation.own_questions and not wanted:
        return _result("notes_used", s.lang, True)
    used = [name for name in named if has_term(text, moment_terms()[name])]
    # The question the notes say was asked counts as a moment used, when the draft asks about it.
    asked = situation.asked or situation.asked_when
    spoken = s.request.channel is Channel.PHONE
    if asked and (fold(asked) in fold(text) or fold(written_out(asked, s.lang, spoken=spoken)) in fold(text)):
        used.append("asked")
    if situation.worry and (fold(situation.worry) in fold(text) or fold(written_out(situation.worry, s.lang, spoken=spoken)) in fold(text)):
        used.append("worry")  # what the notes say went wrong, asked about
    # A reader expects the notes' main moments back: two of them (one in a short LinkedIn note).
    # The question the notes name, or what they say went wrong, is the most telling: with it, one moment is enough.
    telling = {"asked", "worry"} & set(used)
    # A follow-up on a decision not yet given asks about one moment.
    needed = 1 if s.request.channel is Channel.LINKEDIN or telling or situation.undecided else min(2, len(named))
    missing = [name for name in named if name not in used]
    return _result("notes_used", s.lang, len(used) >= needed, ", ".join(missing))


# ---- language --------------------------------------------------------------------

_OFFER_FILLER = frozenset({"future", "other", "autres", "prochains", "prochaines", "postes", "roles", "positions", "openings", "opportunites", "offres", "poste"})


def check_recruiter_answered(s: _Subject) -> CheckResult:
    """The recruiter's praise and offer, answered: readers found a warm "your case study impressed us" or "happy to
    talk it through on a call" left without a word the most telling miss after the reason."""
    situation = read_situation(s.request)
    text = s.body + "\n" + s.voicemail
    if (situation.praise or situation.praised or situation.praised_np) and not has_term(text, _lex("answers_praise", s.lang)):
        return _result("recruiter_answered", s.lang, False, "compliments" if s.lang == "fr" else "praise")
    kind = situation.invited_back
    if kind and not has_term(text, tuple(_data()["answers_offer"][kind][s.lang])):
        return _result("recruiter_answered", s.lang, False, "l'offre" if s.lang == "fr" else "offer")
    # What the offer is for, when the recruiter named it ("our seasonal front-of-house roles"): a generic "apply
    # again" does not take it up.
    named = [w for w in re.findall(r"\w{5,}", fold(situation.invite_for or situation.offer)) if w not in _OFFER_FILLER]
    # (A word of the draft starting with one of them counts: "season" in "seasonal". One scan of the draft's words,
    # not a regex per named word: see ``text.count_word``.)
    words = re.findall(r"\w+", fold(text)) if named else []
    if kind in ("reapply", "opening") and named and not any(word.startswith(n) for word in words for n in named):
        return _result("recruiter_answered", s.lang, False, "l'offre" if s.lang == "fr" else "offer")
    return _result("recruiter_answered", s.lang, True)


def check_variety_words(s: _Subject) -> CheckResult:
    language = s.request.language
    if language is Language.EN:
        return _result("variety_words", s.lang, True)
    terms = tuple(_data()["variety"][str(language)])
    # (The person's or the recruiter's own words, quoted back — « une réponse en fin de semaine » — are theirs.)
    given = fold(f"{s.request.context.notes}\n{s.request.context.rejection_message}")
    hit = next((m.group(0) for m in find_terms(s.text, terms) if fold(m.group(0)) not in given), "")
    return _result("variety_words", s.lang, not hit, hit)


def check_no_calque(s: _Subject) -> CheckResult:
    hit = _first(s.text, _lex("calques", s.lang))
    if not hit:
        fillers = compile_terms(_lex("fillers", s.lang))
        stacked = [sentence for sentence in _sentence_texts(s.body) if fillers.search(fold(sentence))]
        if len(stacked) >= 2:
            hit = " … ".join(sentence.strip()[:40] for sentence in stacked[:2])
    return _result("no_calque", s.lang, not hit, hit)


def check_agreement(s: _Subject) -> CheckResult:
    if s.lang != "fr":
        return _result("agreement", s.lang, True)
    text = s.text
    gender = s.request.context.candidate_gender
    if hit := _first(text, _lex("mutual_agreement")):
        # « nous nous sommes rencontrés » agrees with both people: right only when both are known.
        recruiter = [fold(word).rstrip(".") for word in s.request.context.recruiter_name.split()[:1]]
        names = _data()["first_names"]
        recruiter_male = bool(recruiter) and (recruiter[0] in ("m", "monsieur", "mr") or recruiter[0] in names["masculine"])
        recruiter_female = bool(recruiter) and (recruiter[0] in ("mme", "madame", "mlle", "ms", "mrs", "dre")
                                                or recruiter[0] in names["feminine"])
        if gender is GrammaticalGender.MASCULINE or recruiter_male:
            expected = "s"
        elif gender is GrammaticalGender.FEMININE and recruiter_female:
            expected = "es"
        else:
            expected = None
        ending = fold(hit)
        if expected is None or not ending.endswith(f"e{expected}") or (expected == "s" and ending.endswith("ees")):
            return _result("agreement", s.lang, False, hit)
    # The role as the user typed it (« adjoint(e) ») is theirs: only the draft's own words are judged.
    role = clean_role(s.request.context.role)
    own = text
    masculine, feminine = role_forms(s.request.context.role)
    both, compact = role_for(s.request.context.role, ""), role_compact(s.request.context.role)
    posted = role_in_sentence(s.request.context.role, keep_marks=True)
    for form in sorted({role, role_in_sentence(role), masculine, feminine, both, compact, posted}, key=len, reverse=True):
        own = own.replace(form, " " * len(form))
    for pattern in _lex("inclusive_marks"):
        if match := re.search(pattern, own):
            return _result("agreement", s.lang, False, match.group(0))
    wrong = _wrong_forms(gender)
    frames = "|".join(_lex("self_frames"))
    pattern = re.compile(rf"\b(?:{frames}){_data()['self_adverbs']} ({wrong})\b")
    folded = fold(text)
    if match := pattern.search(folded):
        return _result("agreement", s.lang, False, text[match.start() : match.end()])
    objects = _object_forms(gender)
    if objects and (match := re.search(rf"\bm'(?:avoir |a |avez |aviez |ont )?(?:\w+ )?({objects})\b", folded)):
        return _result("agreement", s.lang, False, text[match.start() : match.end()])
    return _result("agreement", s.lang, True)


@cache
def _wrong_forms(gender: GrammaticalGender) -> str:
    """The writer-agreeing forms that are wrong for this gender (both, when it is not given)."""
    pairs = [pair for pair in _data()["gendered_forms"] if pair[0] != pair[1]]
    if gender is GrammaticalGender.FEMININE:
        forms = {m for m, _ in pairs}
    elif gender is GrammaticalGender.MASCULINE:
        forms = {f for _, f in pairs}
    else:
        forms = {m for m, _ in pairs} | {f for _, f in pairs}
    return "|".join(sorted(forms, key=len, reverse=True))


@cache
def _object_forms(gender: GrammaticalGender) -> str:
    """Participles after « m' » that are wrong for this gender: « m'avoir informé » for a woman."""
    participles = _data()["object_participles"]
    if gender is GrammaticalGender.FEMININE:
        forms = set(participles)
    elif gender is GrammaticalGender.MASCULINE:
        forms = {f"{p}e" for p in participles}
    else:
        forms = set(participles) | {f"{p}e" for p in participles}
    return "|".join(sorted(forms, key=len, reverse=True))


# ---- phone -----------------------------------------------------------------------

def check_spoken_script(s: _Subject) -> CheckResult:
    problems = []
    if hit := _first(s.body, _lex("written_only", s.lang)):
        problems.append(f"« {hit} »" if s.lang == "fr" else f'"{hit}"')
    body = _without_own_questions(s, s.body)
    if (n := _count_name(s, body)) > 1:
        problems.append(f"{s.request.context.company} ×{n}")
    if (n := _role_mentions(body, fold(clean_role(s.request.context.role)))) > 1:
        problems.append(f"{s.request.context.role} ×{n}")
    return _result("spoken_script", s.lang, not problems, "; ".join(problems))


def check_voicemail_callback(s: _Subject) -> CheckResult:
    voicemail = s.voicemail
    phone = s.request.context.candidate_phone
    if phone:
        digits = re.sub(r"\D", "", phone)
        if digits not in re.sub(r"\D", "", voicemail):
            return _result("voicemail_callback", s.lang, False,
                           "ne donne pas votre numéro" if s.lang == "fr" else "does not give your number")
    elif re.search(r"(?i)\b(?:à ce numéro|au même numéro|at this number|at this same number)\b", voicemail):
        # "Call me back at this number" names no number: readers asked for one, or another way back.
        return _result("voicemail_callback", s.lang, False,
                       "renvoie à « ce numéro » sans le donner" if s.lang == "fr" else "points to \"this number\" without giving it")
    if not has_term(voicemail, _lex("callback", s.lang)):
        return _result("voicemail_callback", s.lang, False,
                       "ne demande pas de rappel et ne dit pas quand vous rappellerez" if s.lang == "fr"
                       else "neither asks for a call back nor says when you will call again")
    return _result("voicemail_callback", s.lang, True)


# ---- greeting and closing --------------------------------------------------------

_CIVILITY_OF = {"docteure": "madame", "professeure": "madame", "madame": "madame", "monsieur": "monsieur",
                "madame, monsieur": "madame, monsieur", "madame ou monsieur": "madame, monsieur", "maitre": "maitre"}


def check_greeting_closing_match(s: _Subject) -> CheckResult:
    if s.request.channel is Channel.PHONE:
        return _result("greeting_closing_match", s.lang, True)
    lines = [line.strip() for line in s.body.strip().splitlines() if line.strip()]
    greeting = fold(lines[0]) if lines else ""
    named = bool(s.request.context.recruiter_name.strip()) and not is_team_name(s.request.context.recruiter_name)
    if named and _first(greeting, _lex("impersonal_greetings", s.lang)):
        return _result("greeting_closing_match", s.lang, False, lines[0])
    if s.lang != "fr":
        return _result("greeting_closing_match", s.lang, True)
    tail = fold(" ".join(lines[-3:]))
    closing = re.search(_data()["closing_civility"], tail)
    if not closing:
        return _result("greeting_closing_match", s.lang, True)
    said = _CIVILITY_OF.get(closing.group(1), closing.group(1))
    greeted = re.search(r"\b(madame, monsieur|madame|monsieur|docteure|docteur|professeure|professeur|maitre)\b", greeting)
    greeted_as = _CIVILITY_OF.get(greeted.group(1), greeted.group(1)) if greeted else ""
    if said != greeted_as:
        return _result("greeting_closing_match", s.lang, False, f"{lines[0]} … {closing.group(1)}")
    return _result("greeting_closing_match", s.lang, True)


READER_CHECKS: list[tuple[str, Callable[[_Subject], CheckResult], set[Channel] | None]] = [
    ("org_article", check_org_article, None),
    ("date_attached", check_date_attached, None),
    ("no_repetition", check_no_repetition, None),
    ("thanks_for_given", check_thanks_for_given, None),
    ("stated_reason_used", check_stated_reason_used, None),
    ("notes_used", check_notes_used, None),
    ("recruiter_answered", check_recruiter_answered, None),
    ("variety_words", check_variety_words, None),
    ("no_calque", check_no_calque, None),
    ("spoken_script", check_spoken_script, {Channel.PHONE}),
    ("voicemail_callback", check_voicemail_callback, {Channel.PHONE}),
    ("greeting_closing_match", check_greeting_closing_match, None),
    ("agreement", check_agreement, None),
]
