"""Written wording made speakable, for call scripts and voicemails.

Readers of the phone scripts found them "read aloud from a letter": French questions by inversion (« Pourriez-vous
me dire… », « Mon expérience correspondait-elle… ») and English with no contractions ("I would like to learn from
it"). On the phone, French asks with « est-ce que » and English contracts. These rewrites are grammatical, not
lexical, so they apply to every sentence a phrase bank can produce, present or future.
"""

from __future__ import annotations

import re

from collections.abc import Callable

from rebond.french import _match_case
from rebond.notes_questions import formal_question

# ---- French: inverted questions → « est-ce que » --------------------------------------

_PERSONAL = {"je", "tu", "vous", "on", "nous"}
_INVERSION = re.compile(r"(?<![\w-])([A-ZÀ-Ýa-zà-ÿ][a-zà-ÿ]+)-(?:t-)?(je|tu|vous|on|nous|il|elle|ils|elles)\b(?!-)")
_Y_A_T_IL = re.compile(r"\b([Yy]) a-t-il\b")
_WH = re.compile(r"(?i)^(?:quel|quelle|quels|quelles|comment|pourquoi|que|qu'|où|combien|lequel|laquelle|à quel|sur quel|"
                 r"dans quel|de quel|en quoi|à quoi|sur quoi)")
# A subject noun phrase starting with one of these is lower-cased after « Est-ce que »; a name keeps its capital.
_DETERMINERS = re.compile(r"^(?:Mon|Ma|Mes|Ton|Ta|Tes|Votre|Vos|Un|Une|Le|La|Les|L'|Ce|Cet|Cette|Ces|Certaines|Certains|"
                          r"Quelque|Plusieurs|Aucun|Aucune)\b")
_VOWEL = re.compile(r"(?i)^[aeiouyàâéèêëîïôûùh]")


def _que(following: str) -> str:
    """« que » elided before a vowel: « est-ce qu'une compétence », « est-ce que mon CV »."""
    return "qu'" if _VOWEL.match(following) else "que "


def _subject_verb(pronoun: str, verb: str) -> str:
    """« je pourrais », « j'aurais », « vous avez »."""
    if pronoun == "je" and verb.lower() == "puis":
        return "je peux"  # « Puis-je » is written; said, « est-ce que je peux » (never « je puis »)
    if pronoun == "je" and _VOWEL.match(verb):
        return f"j'{verb}"
    return f"{pronoun} {verb}"


_IS_IT = re.compile(r"^(Est|Était)-ce (?!que\b|qu')")


def _uninvert(question: str) -> str:
    """One question with its first inversion undone, or the question as it was when it cannot be done safely."""
    if match := _IS_IT.match(question):  # « Est-ce le test qui a bloqué ? » → « Est-ce que c'est le test qui a bloqué ? »
        it_is = "c'est" if match.group(1) == "Est" else "c'était"
        return f"Est-ce que {it_is} {question[match.end():]}"
    if match := _Y_A_T_IL.search(question):
        head = question[: match.start()]
        est_ce = "Est-ce" if not head.strip() else "est-ce"
        return f"{head}{est_ce} qu'il y a{question[match.end():]}"
    match = _INVERSION.search(question)
    if not match or match.group(1) in {"est", "peut", "dit", "vis"}:
        return question
    verb, pronoun = match.group(1), match.group(2)
    head, rest = question[: match.start()], question[match.end():]
    if head.endswith(("'", "’")) and head not in ("Qu'", "qu'"):
        return question  # « m'a-t-il » and the like: left as written
    verb = verb[0].lower() + verb[1:] if not head.strip() else verb
    if (clitic := re.match(r"(?i)^(que|comment|pourquoi|quand|où|sur quoi|en quoi)\s+((?:me|m'|nous|lui|leur|te|t')\s?(?:y|en)?|y|en)\s?$", head)) and pronoun in _PERSONAL:
        # « Que me conseilleriez-vous » → « Qu'est-ce que vous me conseilleriez » (not « Que me est-ce que vous… »)
        word, obj = clitic.group(1), clitic.group(2).lower()
        lead = f"{word[0]}u'est-ce que" if word.lower() == "que" else f"{word} est-ce que"
        obj_said = obj.strip() if obj.strip().endswith("'") else obj.strip() + " "
        return f"{lead} {pronoun} {obj_said}{verb}{rest}"
    if head.strip().lower() in ("me", "nous", "lui", "leur", "te") and pronoun in _PERSONAL:
        # « Me conseilleriez-vous de … » → « Est-ce que vous me conseilleriez de … » (not « Me est-ce que vous… »)
        return f"Est-ce que {pronoun} {head.strip().lower()} {verb[0].lower() + verb[1:]}{rest}"
    if pronoun in _PERSONAL:
        # « Comment pourrais-je… » → « Comment est-ce que je pourrais… »; « Que devrais-je » → « Qu'est-ce que je devrais ».
        said = _subject_verb(pronoun, verb)
        if head.rstrip() in ("Que", "que") or head in ("Qu'", "qu'"):
            lead = head[0] + "u'est-ce " + _que(said)
            return f"{lead}{said}{rest}"
        est_ce = "Est-ce " if not head.strip() else "est-ce "
        return f"{head}{est_ce}{_que(said)}{said}{rest}"
    # « Mon expérience correspondait-elle… » → « Est-ce que mon expérience correspondait… »: the subject is the
    # noun phrase before the verb (after a leading « En dehors de ça, »); a question word there is left alone.
    lead, _, subject = head.rpartition(", ")
    lead = f"{lead}, " if _ else ""
    subject = subject.rstrip()
    if not subject or _WH.match(subject) or " " not in subject and not _DETERMINERS.match(subject + " "):
        return question
    if _DETERMINERS.match(subject):
        subject = subject[0].lower() + subject[1:]
    est_ce = "Est-ce " if not lead else "est-ce "
    return f"{lead}{est_ce}{_que(subject)}{subject} {verb}{rest}"


def _each_question(text: str, turn: Callable[[str, bool], str]) -> str:
    """``text`` with each of its questions passed through ``turn`` (the question, and whether it follows a colon); the
    clause starts after a bullet's dash or a colon's space, which stay as they were."""
    out, last = [], 0
    for match in re.finditer(r"[^.?!\n]*\?", text):
        clause = match.group(0)
        lead = re.match(r"\s*(?:[-•]\s+)?", clause).group(0)
        colon = clause.rfind(": ")
        if colon >= 0:
            lead = clause[: colon + 2]
        out.append(text[last:match.start()] + lead + turn(clause[len(lead):], colon >= 0))
        last = match.end()
    out.append(text[last:])
    return "".join(out)


def spoken_french(text: str) -> str:
    """Every question of ``text`` asked with « est-ce que » instead of an inversion."""
    def said(question: str, after_colon: bool) -> str:
        asked = _uninvert(question)
        if after_colon and question[:1].islower():
            asked = asked[:1].lower() + asked[1:]  # « …m'intéresse : est-ce que vous pourriez… », not « : Est-ce »
        return asked
    return _each_question(text, said)


_ORDINALS_FR = {1: "premier", 2: "deuxième", 3: "troisième", 4: "quatrième", 5: "cinquième", 6: "sixième", 7: "septième",
                8: "huitième", 9: "neuvième", 10: "dixième"}


def ordinals_said(text: str) -> str:
    """« une 2e candidature », « le 1er entretien » said as words (round 53: "« 2e » is written, not spoken")."""
    def said(m: re.Match[str]) -> str:
        n = int(m.group(1))
        if n == 1:
            return "première" if m.group(2).lower() in ("re", "ère") else "premier"
        return _ORDINALS_FR.get(n, m.group(0))
    return re.sub(r"\b(\d{1,2})(er|re|ère|e|ème|eme)\b", said, text)


# ---- English: contractions -----------------------------------------------------------

_CONTRACTIONS = [
    ("I would", "I'd"), ("I will", "I'll"), ("I am", "I'm"), ("I have been", "I've been"), ("I have had", "I've had"),
    ("it is", "it's"), ("that is", "that's"), ("there is", "there's"), ("what is", "what's"),
    ("you are", "you're"), ("we are", "we're"), ("they are", "they're"), ("you would", "you'd"),
    ("do not", "don't"), ("does not", "doesn't"), ("did not", "didn't"), ("is not", "isn't"),
    ("was not", "wasn't"), ("would not", "wouldn't"), ("could not", "couldn't"), ("cannot", "can't"),
    ("have not", "haven't"), ("let us", "let's"),
]
# Either case of the first letter ("It is" at a sentence's start); a word must follow: "as it is." stays.
_CONTRACT = [(re.compile(rf"\b[{long[0].upper()}{long[0].lower()}]{re.escape(long[1:])}\b(?=\s+[\w'])"), short)
             for long, short in _CONTRACTIONS]


# The same, spelt out again (every phone draft's register check reads them: compiled once).
_EXPAND = [(re.compile(rf"\b[{short[0].upper()}{short[0].lower()}]{re.escape(short[1:])}\b"), long) for long, short in _CONTRACTIONS]


def spoken_english(text: str) -> str:
    """``text`` with the contractions a speaker uses ("I'd like", "I'll try you again", "it's")."""
    for pattern, short in _CONTRACT:
        text = pattern.sub(lambda m, short=short: _match_case(m.group(0), short), text)
    return text


def written_english(text: str) -> str:
    """``text`` with its contractions spelt out, to weigh a call's register as a letter's: on the phone a
    contraction says nothing about formality."""
    for pattern, long in _EXPAND:
        text = pattern.sub(lambda m, long=long: _match_case(m.group(0), long), text)
    return text


# ---- French: « est-ce que » → inversion, for the most formal register -----------------

# A question's lead that stays ahead of the inversion: « Et », « Sinon, », « Selon vous, », « En dehors de ce point, ».
_FORMAL_LEAD = re.compile(r"^(?:Et |(?:[^,?]{2,60}), )(?=(?:est-ce|qu'est-ce|comment|pourquoi|quel|quelle|où|quand)\b)", re.I)


# A question's first word that is no name: a determiner, a pronoun, an interrogative, an inverted verb.
_COMMON_START = re.compile(r"(?:(?:Le|La|Les|L'|Un|Une|Mon|Ma|Mes|Ce|Cet|Cette|Votre|Vos|Y|Que|Qu'|Me|M'|Nous|Lui|Leur|En|Est-ce|Était-ce|Comment|Pourquoi|Quel|Quelle|Quels|Quelles|Où|Quand|Combien)\b"
                           r"|[A-ZÀ-Ý][a-zà-ÿ]+-(?:t-)?(?:vous|je|il|elle|on|nous)\b)")


def formal_french(text: str) -> str:
    """Every question of ``text`` asked as a formal message asks it: « Auriez-vous », « Que me conseilleriez-vous »,
    « Mon expérience correspondait-elle » (readers at formality 80–100: « Est-ce que vous auriez quelques minutes » and
    « Qu'est-ce que vous me conseilleriez » are spoken, "too loose" for a director); a question whose subject's gender
    is unknown or whose person cannot invert stays as it was."""
    def written(asked: str, _after_colon: bool) -> str:
        prefix = _FORMAL_LEAD.match(asked)
        head = prefix.group(0) if prefix else ""
        rest = asked[len(head):]
        capitalised = rest[:1].upper() + rest[1:]
        turned = formal_question(capitalised)
        if turned == capitalised:
            return asked
        # (Lower case inside a sentence, but for a name: « Sinon, Hydro-Québec a-t-il … ».)
        lower = (rest[:1].islower() or head) and _COMMON_START.match(turned)
        return head + (turned[:1].lower() + turned[1:] if lower else turned)
    return _each_question(text, written)


_ORDINAL_WORDS_FR = {word: f"{n}e" for n, word in _ORDINALS_FR.items() if n > 1} | {"premier": "1er", "première": "1re"}


def ordinals_written(text: str) -> str:
    """The inverse of ``ordinals_said``: « une deuxième candidature » → « une 2e candidature » (a check compares a
    call's words with the notes' as written)."""
    return re.sub(r"\b(" + "|".join(_ORDINAL_WORDS_FR) + r")\b", lambda m: _ORDINAL_WORDS_FR[m.group(1)], text)
