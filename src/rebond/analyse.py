"""The offline reply analyser: what a recruiter's answer says, and what to do with it.

Rule-based, deterministic and local; every phrase it matches or writes lives in
``prompts/lexicons/analysis.yaml`` or ``prompts/guidance.yaml``.
"""

from __future__ import annotations

from itertools import chain, zip_longest

from rebond import second_opinion as opinions
from rebond.analysis_rules import (
    Area,
    Cues,
    Lexicon,
    clauses,
    condescension,
    find_areas,
    implied_areas,
    irony,
    lexicon,
    logistics_reason,
    settings,
    test_notes,
    trial_as_performed,
)
from rebond.grounds import GroundHit, default_region, denied_ground_sentences, find_grounds, ground_label, negated_clauses, warning
from rebond.guidance import category_info, kind_info, principle
from rebond.models import (
    AnalysisRequest,
    Category,
    CategoryFinding,
    Confidence,
    Kind,
    Language,
    ReplyAnalysis,
)
from rebond.second_opinion import Model, Opinion, Policy, decide
from rebond.text import compile_terms, detect_language, fold, sentences

# Characters trimmed from the ends of an evidence quote (it stays a verbatim slice).
_QUOTE_TRIM = " \t\n,;:-–—("


def analyse_reply(request: AnalysisRequest, *, second_opinion: bool = True) -> ReplyAnalysis:
    """Read a recruiter's reply: its kind, the areas it points to, a plan and a thank-you.

    The rules read the reply; then, unless ``second_opinion`` is False (or the reply is in another language),
    the statistical second opinion (``rebond.second_opinion``) adds an area they missed when it is confident
    of it (a generic reading then becomes constructive) and lowers the confidence where it disagrees. What it
    adds is always low confidence; ground ids and discrimination warnings come from the rules alone.
    """
    text = request.reply
    folded = fold(text)
    language, other_code = _reply_language(request, folded)
    lex = lexicon(language.base)
    texts = lex.texts

    grounds = find_grounds(text, folded, lex, language.base)
    # A protected ground is never an area to improve: what its sentence says is set aside.
    cues: list[Cues] = []
    areas = [area for area in find_areas(text, folded, lex, cues) if not _dressed_ground(area, grounds)]
    # A sentence that says a ground did not count names no area on the way to that denial (its aside is where the
    # ground came up).
    denied = denied_ground_sentences(text, folded, lex, language.base)
    areas = [area for area in areas if not any(s <= area.start and area.end <= e + 1 for s, e in denied)]
    if grounds:
        # Beside a protected ground, another area counts only when stated as a further reason ("also", « en plus »).
        # So is one the ground is added to (« … Par ailleurs, vous nous avez parlé de vos jumeaux »).
        areas = [
            a
            for a in areas
            if not a.insult and (lex.additive.search(folded, *a.sentence) or _added_to(a, grounds, folded, lex))
        ]
    protected = bool(grounds)
    if not protected and all(a.category is not Category.INTERVIEW_PERFORMANCE for a in areas):
        # a debrief's note on a test that tells what the candidate did there (« - mise en situation : vous avez
        # proposé … sans analyser sa situation ») is the test as performed, even with no deficit word
        taken = {a.sentence for a in areas}
        note = next((span for span in test_notes(text, folded, lex) if span not in taken), None)
        if note is not None:
            found = Area(Category.INTERVIEW_PERFORMANCE, *note, note, inferred=True)
            areas = sorted([*areas, found], key=lambda a: a.start)
    insulting = _insulting(text, folded, lex, language.base)
    # A practical condition given as the reason (pay above the band, a start date, weekends) is concrete: the
    # reply is constructive though it names no area. Read once: the rules' reading and the final one both ask it,
    # and the final reading is generic only when the rules' was.
    practical = logistics_reason(text, folded, lex) if not (insulting or protected) else None
    if not protected and not areas and not insulting and practical is None:
        # A reply that names no area but describes the person chosen or needed, gives a score under the bar, or tells
        # what the candidate did at a trial (« t'as mélangé les commandes de 3 tables ») names them that way (16w).
        # (Only a trial where something went wrong, « t'as mélangé »: not one thanked for, "you did it with good humour",
        # « tu as fait une très belle impression »; nor beside a practical condition, which is the reason.)
        trial = trial_as_performed(text, folded, lex)
        if trial is not None and (lex.praise.search(folded, *trial) or not lex.deficit.search(folded, *trial)):
            trial = None
        areas = ([Area(Category.INTERVIEW_PERFORMANCE, *trial, trial, inferred=True)] if trial is not None
                 else implied_areas(text, folded))
    if insulting and not protected and not areas:
        # A malicious reply that names no area but tells what the candidate did at a test or trial ("u tamped like
        # u were mad at it" after "at the trial") keeps the test as performed: the brief keeps the areas it names.
        trial = trial_as_performed(text, folded, lex)
        if trial is not None:
            areas = [Area(Category.INTERVIEW_PERFORMANCE, *trial, trial, inferred=True)]
        else:
            # a taunt to learn the trade's skill first (« apprends à dessiner avant de venir cogner à ma porte ») names it
            taunt = lex.learn_first.search(folded)
            if taunt is not None:
                span = next((s, e) for s, e in sentences(text) if s <= taunt.start() < e)
                areas = [Area(Category.SKILLS, *span, span, inferred=True)]
    opinion = None
    if practical is not None:
        # The sentence that gives the condition names no area: its dates, schedule or project are the condition's.
        areas = [a for a in areas if a.sentence != practical]
        practical = None if areas else practical
    if second_opinion and not other_code:
        rules_kind = Kind.MALICIOUS if insulting or protected else Kind.CONSTRUCTIVE if areas else Kind.GENERIC
        if rules_kind is Kind.GENERIC and practical is not None:
            rules_kind = Kind.CONSTRUCTIVE  # a practical condition: a reason with no area
        rules_low = _kind_confidence(rules_kind, areas, cues[0], protected, None, folded, lex) is Confidence.LOW
        # Areas the rules themselves are unsure of: borrowed from a neighbour, or in a reading whose kind is unsure.
        doubtful = {str(a.category) for a in areas if a.inferred or rules_low or cues[0].unplaced > 0}
        opinion, added = second_reading(
            text, folded, lex, rules_kind, areas, grounds, opinions.model(), low_kind=rules_low, doubtful=doubtful
        )
        kept = [a for a in areas if str(a.category) not in opinion.removed]
        if kept:  # the model drops a doubtful area beside another, never the reading's last reason
            areas = kept
        areas = sorted([*areas, *added], key=lambda a: a.start)
    findings = [_finding(area, text, folded, language, lex) for area in areas]
    # Advice and reasons come only from areas the reply judges, never from mockery.
    actionable = [f for f, area in zip(findings, areas, strict=True) if not area.insult]
    # A protected ground given as a reason is malicious however polite: it says more about the employer.
    if insulting or protected or (opinion is not None and opinion.malicious):
        kind = Kind.MALICIOUS
    else:
        kind = Kind.CONSTRUCTIVE if findings else Kind.GENERIC
    logistics = practical if kind is Kind.GENERIC else None
    if logistics is not None:
        kind = Kind.CONSTRUCTIVE
    # How to answer: a reply that gives a protected ground gets no "thank you for the lead".
    reading = "protected" if protected else str(kind)
    kind_confidence = _kind_confidence(kind, areas, cues[0], protected, other_code, folded, lex)
    if opinion is not None and opinion.doubt_kind:
        kind_confidence = Confidence.LOW
    for finding, area in zip(findings, areas, strict=True):
        # An area borrowed from a neighbour, shown only by mockery, or named in a malicious reply (a
        # pretext beside a protected ground, a point inside mockery) is a guess.
        if area.inferred or area.insult or kind is Kind.MALICIOUS:
            finding.confidence = Confidence.LOW
    # The whole reading: low when its kind or an area is, or when a constructive reply holds an
    # evaluative statement that judged nothing the reader knows (an area may be missing).
    unplaced = kind is Kind.CONSTRUCTIVE and cues[0].unplaced > 0
    low = kind_confidence is Confidence.LOW or unplaced or any(f.confidence is Confidence.LOW for f in findings)
    low = low or (opinion is not None and opinion.doubt)
    confidence = Confidence.LOW if low else Confidence.HIGH

    notices = []
    if other_code:
        notices.append(texts["notice_other_language"].format(code=other_code))
    if _looks_automatic(folded, kind, lex):
        notices.append(texts["notice_automatic"])
    if insulting:
        notices.append(texts["notice_insults_set_aside"])

    reasons = {f.category: _reason(f.category, language, lex) for f in actionable}
    circumstances = [reason for pattern, reason in lex.circumstances if pattern.search(folded)]
    if logistics is not None:
        circumstances.append(texts["logistics_reason"])
    ground = grounds[0].ground if grounds else None
    if ground is not None:
        circumstances.insert(0, texts["protected_reason"].format(ground=ground_label(ground, language)))
    region = request.region or default_region(language)

    analysis = {
        "id": request.id,
        "language": language,
        "kind": kind,
        "confidence": confidence,
        "kind_confidence": kind_confidence,
        "kind_reason": _kind_reason(kind, actionable if kind is Kind.MALICIOUS else findings, ground, language, lex),
        "categories": findings,
        "controllable": [reasons[f.category] for f in actionable if f.controllable],
        "not_controllable": [reasons[f.category] for f in actionable if not f.controllable] + circumstances,
        "action_plan": _action_plan(kind, actionable, protected, language, lex),
        "reframe": principle(settings()["reframe"][reading], language),
        "thank_you_reply": _thank_you(reading, request, lex),
        "ground": ground,
        "discrimination_warning": warning(ground, region, language) if ground is not None else None,
        "notices": notices,
        "engine": "offline",
    }
    return ReplyAnalysis.model_validate(analysis, context={"reply": text})


def second_reading(
    text: str,
    folded: str,
    lex: Lexicon,
    kind: Kind,
    areas: list[Area],
    grounds: list[GroundHit],
    model: Model,
    policy: Policy | None = None,
    *,
    low_kind: bool = False,
    doubtful: set[str] | frozenset[str] = frozenset(),
) -> tuple[Opinion, list[Area]]:
    """The second opinion on the rules' reading (its kind and areas), and the areas it adds.

    An added area is the sentence the model reads as that area, marked inferred (low confidence); beside a
    protected ground it follows the rules' own limits (not the ground's clause, only as a further reason).
    """
    probs = model.probabilities(folded, lex)
    found = {str(a.category) for a in areas}
    policy = policy or Policy()
    opinion = decide(
        probs,
        model.thresholds,
        str(kind),
        found,
        lambda c: model.evidence(c, text, folded, lex, policy.gate),
        policy,
        low_kind=low_kind,
        doubtful=doubtful,
        loose=lambda c: model.evidence(c, text, folded, lex, policy.loose_gate),
    )
    added = []
    for category, (start, end) in opinion.added:
        area = Area(Category(category), start, end, (start, end), inferred=True)
        if _dressed_ground(area, grounds) or (grounds and not lex.additive.search(folded, start, end)):
            continue
        added.append(area)
    return opinion, added


def _reply_language(request: AnalysisRequest, folded: str) -> tuple[Language, str | None]:
    """The reply's language, and the detected code when it is neither French nor English."""
    if request.language is not None:
        return request.language, None
    code, _ = detect_language(request.reply)
    # Common words outvote the detector, which misreads short replies ("résumé", a French name).
    code = _hinted_language(folded) or code
    if code == "fr":
        cues = settings()
        france = compile_terms(tuple(cues["france_usage"])).count(folded)
        quebec = compile_terms(tuple(cues["quebec_usage"])).count(folded)
        return (Language.FR_FR if france > quebec else Language.FR), None
    if code == "en":
        return Language.EN, None
    return Language.EN, code or "?"


def _hinted_language(folded: str) -> str | None:
    """French or English by common words, for short or mixed replies the detector misreads."""
    hints = settings()["language_hints"]
    counts = {lang: compile_terms(tuple(hints[lang])).count(folded) for lang in ("fr", "en")}
    for lang, other in (("fr", "en"), ("en", "fr")):
        if counts[lang] >= hints["hint_min"] and counts[lang] >= 2 * counts[other]:
            return lang
    return None


def _finding(area: Area, text: str, folded: str, language: Language, lex: Lexicon) -> CategoryFinding:
    """One category with its verbatim quote, guidance advice and controllability."""
    start, end = _trimmed(text, area.start, area.end)
    if len(text[start:end].split()) < settings()["min_quote_words"]:
        start, end = _trimmed(text, *area.sentence)
    info = category_info(area.category, language)
    controllable = info["controllable"]
    if str(area.category) in settings()["refine_controllable"]:
        if lex.shown_not_had.search(folded, start, end):
            controllable = True
        elif lex.takes_time.search(folded, start, end):
            controllable = False
    return CategoryFinding(
        category=area.category, evidence=text[start:end], advice=info["advice"], controllable=controllable
    )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of a quote without the punctuation and spaces at its ends."""
    while start < end and text[start] in _QUOTE_TRIM:
        start += 1
    while end > start and text[end - 1] in _QUOTE_TRIM:
        end -= 1
    return start, end


def _reason(category: Category, language: Language, lex: Lexicon) -> str:
    """A short reason: the category label and the first clause of its advice."""
    info = category_info(category, language)
    advice = info["advice"]
    for mark in ("; ", ". ", " ("):
        advice = advice.split(mark)[0]
    advice = advice.strip().rstrip(".")
    return lex.texts["reason"].format(label=info["label"], advice=advice[:1].lower() + advice[1:])


def _labels(findings: list[CategoryFinding], language: Language) -> str:
    return ", ".join(category_info(f.category, language)["label"] for f in findings)


def _insulting(text: str, folded: str, lex: Lexicon, base: str) -> bool:
    """Whether the reply demeans the candidate: a malicious or bad-faith cue outside a clause that sets it
    aside ("Your weight was never part of the discussion")."""
    # A demeaning word the reply reports as the candidate's own ("you told us you find meetings « a waste of
    # time »") is their view, not the recruiter's judgement of them.
    found = [m.start() for m in lex.malicious.finditer(folded) if not _their_words(text, folded, lex, m.start())]
    found += [m.start() for m in lex.bad_faith.finditer(folded)]
    # Quiet bad faith by its shape: a lesser role said to suit the candidate, praise aimed at a flaw.
    found += [start for start, _ in (*condescension(text, folded, lex), *irony(text, folded, lex))]
    if not found:
        return False
    negated = negated_clauses(text, folded, lex, base)
    return any(not any(s <= m < e for s, e in negated) for m in found)


def _their_words(text: str, folded: str, lex: Lexicon, at: int) -> bool:
    """Whether the cue at ``at`` sits in a clause that reports the candidate's own words, after the report; a
    quotation is its own clause, so a quoted cue is read with the clause that introduces the quotation."""
    for start, end in sentences(text):
        if start <= at < end:
            # a cue inside brackets quoting the candidate's own words ("your emails were quite casual ('hey there!',
            # 'no stress lol')"): the report is where the brackets open, earlier in the sentence (heldout22)
            opened = folded.rfind("(", start, at)
            if opened > folded.rfind(")", start, at) and lex.their_words.search(folded, start, opened):
                return True
            parts = clauses(folded, start, end, lex)
            for number, clause in enumerate(parts):
                if clause.start <= at < clause.end:
                    quoted = number > 0 and folded[max(start, clause.start - 2) : clause.start].strip() in _QUOTES
                    begin = parts[number - 1].start if quoted else clause.start
                    return bool(lex.their_words.search(folded, begin, at))
    return False


_QUOTES = {"«", '"', "“", "'"}


def _kind_confidence(
    kind: Kind, areas: list[Area], cues: Cues, protected: bool, other_code: str | None, folded: str, lex: Lexicon
) -> Confidence:
    """Low when the cues for the kind conflict or are thin, or when little of the reply is known.

    - generic, yet the reply judges something or names an area, with no template line to explain it:
      a reason may have been missed;
    - generic, and nothing of a reply of some length matches anything known;
    - malicious on a single demeaning cue and no protected ground: sarcasm and mockery are easy to misread;
    - constructive, but every area was inferred (borrowed from a neighbouring clause or guessed);
    - a language other than French or English.
    """
    if other_code:
        return Confidence.LOW
    template = lex.boilerplate.search(folded) or lex.automatic.search(folded)
    if kind is Kind.GENERIC:
        if (cues.judgements or cues.topics) and not template:
            return Confidence.LOW
        known = cues.judgements or cues.topics or template or any(p.search(folded) for p, _ in lex.circumstances)
        if not known and len(folded.split()) >= settings()["unknown_reply_words"]:
            return Confidence.LOW
    if kind is Kind.MALICIOUS and not protected and lex.malicious.count(folded) + lex.bad_faith.count(folded) == 1:
        return Confidence.LOW
    if kind is Kind.CONSTRUCTIVE and all(area.inferred for area in areas):
        return Confidence.LOW
    return Confidence.HIGH


def _added_to(area: Area, grounds: list[GroundHit], folded: str, lex: Lexicon) -> bool:
    """Whether the ground comes as a further reason after the area: a later sentence giving the ground opens with an
    additive word (« Votre expérience reste un peu courte … Par ailleurs, vous nous avez parlé de vos jumeaux »,
    "Also, ..."), so the area before it was a reason of its own (issue 16q)."""
    for hit in grounds:
        start, end = hit.sentence
        if area.sentence[1] > start:
            continue
        opening = lex.additive.search(folded, start, min(end, start + 24))
        if opening is not None and not folded[start : opening.start()].strip(" \t\n-*•,"):
            return True
    return False


def _dressed_ground(area: Area, grounds: list[GroundHit]) -> bool:
    """Whether an area only restates a protected ground: found in the ground's clause, or a fit or
    experience reason in its sentence ("the team is young and we worried you wouldn't fit in")."""
    for hit in grounds:
        if area.start < hit.clause[1] and hit.clause[0] < area.end:
            return True
        if area.sentence == hit.sentence and str(area.category) in settings()["ground_dresses"]:
            return True
    return False


def _kind_reason(
    kind: Kind, findings: list[CategoryFinding], ground: object, language: Language, lex: Lexicon
) -> str:
    """The kind's explanation from guidance, with what was found."""
    line = kind_info(kind, language)["explanation"]
    labels = _labels(findings, language)
    if ground is not None:
        reason = lex.texts["protected_kind"].format(ground=ground_label(str(ground), language))
        if findings:
            reason += " " + lex.texts["malicious_areas"].format(labels=labels)
        return reason
    if kind is Kind.CONSTRUCTIVE and findings:  # a practical condition names no area: no "0 areas found: ."
        template = lex.texts["areas_one"] if len(findings) == 1 else lex.texts["areas_many"]
        return f"{line} {template.format(count=len(findings), labels=labels)}"
    if kind is Kind.MALICIOUS and findings:
        return f"{line} {lex.texts['malicious_areas'].format(labels=labels)}"
    return line


def _action_plan(
    kind: Kind, findings: list[CategoryFinding], protected: bool, language: Language, lex: Lexicon
) -> list[str]:
    """Steps from guidance for each finding (what you can act on first), one per area per round."""
    if kind is Kind.GENERIC:
        return [kind_info(Kind.GENERIC, language)["next_step"], lex.texts["generic_step"]]
    limit = settings()["max_action_steps"] - protected
    ordered = sorted(findings, key=lambda f: not f.controllable)
    rounds = zip_longest(*(category_info(f.category, language)["actions"] for f in ordered))
    steps: list[str] = []
    for step in chain.from_iterable(rounds):
        if step and step not in steps:
            steps.append(step)
    steps = steps[:limit]
    if kind is Kind.MALICIOUS and not steps:
        steps = [lex.texts["malicious_step"]]
    if kind is Kind.CONSTRUCTIVE and not steps:  # a practical condition, no area
        steps = [lex.texts["logistics_step"]]
    if protected:
        steps.append(lex.texts["protected_step"])
    return steps


def _looks_automatic(folded: str, kind: Kind, lex: Lexicon) -> bool:
    if lex.automatic.search(folded):
        return True
    boilerplate = lex.boilerplate.count(folded)
    return kind is Kind.GENERIC and boilerplate >= settings()["boilerplate_for_automatic"]


def _thank_you(reading: str, request: AnalysisRequest, lex: Lexicon) -> str:
    """A short, courteous reply to the recruiter; never echoes the reply's words."""
    texts = lex.texts
    recruiter = request.recruiter_name.strip()
    candidate = request.candidate_name.strip()
    greeting = texts["greeting_named"].format(name=recruiter) if recruiter else texts["greeting"]
    sign_off = texts["sign_off_named"].format(name=candidate) if candidate else texts["sign_off"]
    body = texts["thank_you"].get(reading, texts["thank_you"]["brief"])
    return f"{greeting}\n\n{body}\n\n{sign_off}"
