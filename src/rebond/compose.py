"""The offline engine: composes a feedback request from the phrase banks, deterministically.

Same request, same text; ``variant`` picks alternative wordings. Every sentence
comes from ``prompts/phrases.*.yaml`` with only the candidate's own facts filled in.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from rebond.checks import length_target, linkedin_char_limit, run_checks
from rebond.models import Channel, Draft, DraftRequest, InterviewContext, Language
from rebond.resources import load_data
from rebond.text import find_terms, fold, has_term, word_count

# Guidance principles every draft applies, plus those applied conditionally.
_ALWAYS_APPLIED = ["asking_is_normal", "natural_and_courteous", "regret_not_selected", "ask_what_to_improve",
                   "show_it_helps_you_grow", "no_pressure", "door_stays_open"]

# Titles a recruiter's name may start with: (French form, English form).
_TITLES = {
    "mme": ("Madame", "Ms"), "madame": ("Madame", "Ms"), "mlle": ("Madame", "Ms"),
    "m": ("Monsieur", "Mr"), "monsieur": ("Monsieur", "Mr"),
    "ms": ("Madame", "Ms"), "mrs": ("Madame", "Mrs"), "miss": ("Madame", "Ms"), "mr": ("Monsieur", "Mr"),
    "dr": ("Docteur", "Dr"), "dre": ("Docteure", "Dr"), "prof": ("Professeur", "Prof."),
}


def register(formality: int) -> str:
    """The phrase-bank register for a formality slider value."""
    return "relaxed" if formality <= 33 else "neutral" if formality <= 66 else "formal"


def _bank(language: Language) -> dict[str, Any]:
    return load_data("phrases.en.yaml" if language is Language.EN else "phrases.fr.yaml")


@dataclass
class _Names:
    """Ways to address the recruiter: first name, polite form (title + surname) and the French civility."""

    first: str = ""
    polite: str = ""
    civility: str = "Madame, Monsieur"

    @classmethod
    def parse(cls, recruiter: str, language: Language) -> _Names:
        parts = recruiter.split()
        if not parts:
            return cls()
        title = _TITLES.get(parts[0].lower().rstrip("."))
        rest = parts[1:] if title else parts
        if not rest:  # a title alone ("Madame") is not a name
            return cls()
        if title:
            shown = title[0] if language is not Language.EN else title[1]
            polite = f"{shown} {rest[-1]}"
            civility = title[0] if title[0] in ("Madame", "Monsieur") else "Madame, Monsieur"
            return cls(first=polite, polite=polite, civility=civility)
        return cls(first=rest[0], polite=" ".join(rest))


@dataclass
class _Writer:
    """Picks and fills sentences for one request."""

    request: DraftRequest
    bank: dict[str, Any] = field(init=False)
    slots: dict[str, str] = field(init=False)
    reg: str = field(init=False)

    def __post_init__(self) -> None:
        req = self.request
        self.bank = _bank(req.language)
        self.reg = register(req.tone.formality)
        ctx = req.context
        names = _Names.parse(ctx.recruiter_name, req.language)
        self.names = names
        vocab = self.bank.get("vocab", {}).get(str(req.language), {})
        self.slots = {
            **vocab,
            "role": ctx.role,
            "company": ctx.company,
            "candidate": ctx.candidate_name,
            "first": names.first,
            "polite": names.polite,
            "first_or_blank": names.first,
            "polite_or_blank": names.polite,
            "civility": names.civility,
            "date_clause": self._date_clause(ctx),
        }

    def _date_clause(self, ctx: InterviewContext) -> str:
        if not ctx.interview_date:
            return ""
        date = ctx.interview_date
        if self.request.language is Language.EN:
            shown = date.strftime("%B ") + f"{date.day}, {date.year}"
        else:
            day = "1er" if date.day == 1 else str(date.day)
            shown = f"{day} {self.bank['months'][date.month - 1]} {date.year}"
        return self.bank["date_clause"].format(date=shown)

    def fill(self, template: str, **extra: str) -> str:
        text = template.format(**{**self.slots, **extra})
        if self.request.language is not Language.EN:
            text = _elide(text, self.slots["role"], self.slots["company"])
        # An empty slot leaves "Hello , this": tidy it without touching real text.
        return re.sub(r" +([,.])", r"\1", text).replace("  ", " ")

    def pick(self, key: str, **extra: str) -> str:
        options = self.bank[key][self.reg]
        return self.fill(options[_option_index(key, self.request.variant, len(options))], **extra)

    def pool(self, key: str) -> list[str]:
        return [self.fill(text) for text in self.bank[key][self.reg]]

    def greeting(self, prefix: str = "") -> str:
        key = f"{prefix}greeting_named" if self.names.first else f"{prefix}greeting_plain"
        return self.pick(key)

    def areas(self) -> list[str]:
        """Question areas, those hinted by the candidate's notes first."""
        notes = self.request.context.notes
        hinted = [area for area, terms in self.bank["note_hints"].items() if notes and has_term(notes, terms)]
        ordered = hinted + [a for a in self.bank["default_areas"] if a not in hinted]
        return ordered

    def question_count(self) -> int:
        directness = self.request.tone.directness
        return 0 if directness < 70 else 2 if directness < 85 else 3

    def questions(self, count: int) -> list[str]:
        return [self.fill(self.bank["questions"][area][self.reg]) for area in self.areas()[:count]]

    def compact_areas(self, count: int) -> str:
        words = [self.fill(self.bank["area_words"][area]) for area in self.areas()[:count]]
        if len(words) == 1:
            return words[0]
        return self.bank["area_separator"].join(words[:-1]) + self.bank["area_last_separator"] + words[-1]

    def warm_count(self) -> int:
        warmth = self.request.tone.warmth
        return 0 if warmth < 30 else 1 if warmth < 60 else 2 if warmth < 85 else 3


def _option_index(key: str, variant: int, count: int) -> int:
    """Which wording a variant uses: 0 the default, 1 every alternative, then stable mixes of both."""
    if variant <= 1:
        return variant % count
    digest = hashlib.sha256(f"{key}|{variant}".encode()).digest()
    return digest[0] % count


def _elide(text: str, *names: str) -> str:
    """French elision before a name that starts with a vowel: "de Analyste" becomes "d'Analyste"."""
    for name in names:
        if name and fold(name[0]) in "aeiouyh":
            # A function as replacement: a name like "Ubisoft \\o/" must not be read as an escape.
            text = re.sub(rf"\b([dDlL])e {re.escape(name)}", lambda m: f"{m.group(1)}'{name}", text)
    return text


def looks_automatic(text: str) -> tuple[bool, str]:
    """Whether a rejection message reads like an automatic reply, and the phrase that shows it."""
    if not text.strip():
        return False, ""
    for name in ("phrases.en.yaml", "phrases.fr.yaml"):
        hits = find_terms(text, tuple(load_data(name)["automatic_markers"]))
        if hits:
            return True, text[hits[0].start() : hits[0].end()]
    return False, ""



def _email_or_linkedin(w: _Writer, channel: Channel, automatic: bool) -> tuple[str | None, str]:
    tone = w.request.tone
    target = length_target(channel, tone.length)
    short = tone.length < 40 or channel is Channel.LINKEDIN
    char_limit = linkedin_char_limit(tone.length) if channel is Channel.LINKEDIN else None
    warm = w.pool("warm")[: w.warm_count()]
    n_questions = w.question_count()
    if char_limit and char_limit <= 300:
        n_questions = min(n_questions, 2)  # a 300-character note has room for two areas at most

    @dataclass
    class Options:
        """What the message includes beyond the required sentences; trimmed when space is short."""

        opening_warm: list[str]
        closing_warm: list[str]
        extras: list[str]
        focus: bool = True
        named_greeting: bool = True
        questions: int = n_questions
        auto_ack: str = "auto_ack_short" if short else "auto_ack"

    def render(o: Options) -> str:
        intro = [w.pick("thanks_short" if short else "thanks"), *o.opening_warm,
                 w.pick("regret_short" if short else "regret")]
        if automatic and o.auto_ack:
            intro.append(w.pick(o.auto_ack))
        bullets: list[str] = []
        if o.questions and compact:
            ask = [w.pick("ask_compact", areas=w.compact_areas(o.questions))]
        elif o.questions:
            ask = [w.pick("ask_intro")]
            bullets = [f"- {q}" for q in w.questions(o.questions)]
        else:
            # A short message asks in one sentence that already says it helps you improve.
            ask = [w.pick("ask_short" if short else "ask_open")]
            # A very short LinkedIn note keeps to one question.
            roomy = channel is not Channel.LINKEDIN or tone.length >= 25
            if tone.directness >= 35 and o.focus and roomy:
                ask.append(w.pick("ask_focus"))
        after_ask = ([] if short and not bullets else [w.pick("improvement")]) + o.extras
        ending = [w.pick("future_short" if short else "future"), *o.closing_warm]
        greeting = w.greeting() if o.named_greeting else w.pick("greeting_plain")
        if channel is Channel.LINKEDIN:
            paragraphs = [greeting, " ".join(intro + ask + ([] if bullets else after_ask)),
                          "\n".join(bullets), " ".join(after_ask) if bullets else "",
                          " ".join(ending), w.fill(w.bank["linkedin_sign"])]
        else:
            closing = w.pick("closing")
            paragraphs = [greeting, " ".join(intro), " ".join(ask), "\n".join(bullets),
                          " ".join(after_ask), " ".join(ending), f"{closing}\n{w.slots['candidate']}"]
        return "\n\n".join(p for p in paragraphs if p)

    def fits(body: str) -> bool:
        return char_limit is None or len(body) <= char_limit

    # Required content first, at its most compact where space is tight.
    compact = bool(n_questions) and (tone.length < 30 or channel is Channel.LINKEDIN)
    opts = Options(opening_warm=warm[:1], closing_warm=warm[1:], extras=[])
    body = render(opts)
    # Warmth may overshoot a short target a little; length decides the rest.
    # Optional parts go in this order until the message fits.
    budget = max(target * 1.2, target + 8)
    while word_count(body) > budget or not fits(body):
        if opts.closing_warm:
            opts.closing_warm.pop()
        elif opts.opening_warm:
            opts.opening_warm.pop()
        elif opts.focus and tone.directness < 70:
            opts.focus = False
        elif opts.named_greeting and channel is Channel.LINKEDIN:
            opts.named_greeting = False
        elif opts.questions and channel is Channel.LINKEDIN:
            opts.questions = 0
            opts.focus = True
        elif opts.focus and channel is Channel.LINKEDIN:
            opts.focus = False
        elif automatic and opts.auto_ack == "auto_ack_short" and channel is Channel.LINKEDIN:
            opts.auto_ack = "auto_ack_tiny"
        elif automatic and opts.auto_ack == "auto_ack_tiny" and channel is Channel.LINKEDIN:
            opts.auto_ack = ""  # the 300-character limit wins over acknowledging the automatic reply
        else:
            break
        body = render(opts)
    extras = (w.pool("linkedin_extras") if channel is Channel.LINKEDIN else []) + w.pool("extras")
    for extra in extras:
        opts.extras.append(extra)
        candidate = render(opts)
        if word_count(candidate) > target or not fits(candidate):
            opts.extras.pop()
            break
        body = candidate
    subject = w.pick("subject") if channel is Channel.EMAIL else None
    return subject, body


def _phone(w: _Writer, automatic: bool) -> tuple[str, str]:
    tone = w.request.tone
    labels = w.bank["phone_labels"]
    target = length_target(Channel.PHONE, tone.length)
    # Two questions by default; three when the candidate wants a direct, longer call.
    count = 3 if tone.directness >= 50 and tone.length >= 40 else 2
    warm = w.pool("warm")[: w.warm_count()]

    def render(extras: list[str], warm_used: list[str]) -> str:
        opening = w.pick("phone_opening", greeting=w.greeting("phone_"))
        ask = [w.pick("thanks_short"), w.pick("regret_short")]  # the opening already greeted
        if automatic:
            ask.append(w.pick("auto_ack"))
        ask += [w.pick("ask_short"), *extras] if tone.length < 40 else [w.pick("ask_open"), w.pick("improvement"), *extras]
        questions = "\n".join(f"- {q}" for q in w.questions(count))
        closing = " ".join([*warm_used, w.pick("phone_closing")])
        return "\n\n".join([f"{labels['opening']} {opening}", f"{labels['ask']} {' '.join(ask)}",
                            f"{labels['questions']}\n{questions}", f"{labels['closing']} {closing}"])

    warm_used = list(warm)
    body = render([], warm_used)
    while warm_used and word_count(body) > max(target * 1.2, target + 8):
        warm_used.pop()
        body = render([], warm_used)
    extras: list[str] = []
    for extra in w.pool("extras"):
        candidate = render(extras + [extra], warm_used)
        if word_count(candidate) > target:
            break
        extras.append(extra)
        body = candidate
    return body, w.pick("voicemail")


def compose(request: DraftRequest) -> Draft:
    """A checked offline draft for the request."""
    writer = _Writer(request)
    automatic, _ = looks_automatic(request.context.rejection_message)
    voicemail = None
    if request.channel is Channel.PHONE:
        subject = None
        body, voicemail = _phone(writer, automatic)
    else:
        subject, body = _email_or_linkedin(writer, request.channel, automatic)
    guidance_ids = list(_ALWAYS_APPLIED)
    if automatic:
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


__all__ = ["compose", "looks_automatic", "register"]
