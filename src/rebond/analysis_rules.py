"""Finding what a recruiter's reply points to, with the lexicons of ``prompts/lexicons/analysis.yaml``.

A category is found in a clause that holds one of its strong cues, or a deficit
(an evaluative statement about the candidate) that judges one of its topic
words. How the lexicons combine is described at the top of the data file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from rebond.models import Category
from rebond.resources import load_data
from rebond.text import Terms, compile_terms, sentences

LEXICON_FILE = "lexicons/analysis.yaml"

# Punctuation that ends a clause (structure, not vocabulary).
_CLAUSE_MARK = re.compile(r"[,;:«»\"]|\s[-–—]\s")
# A spoken hesitation alone between two commas (voicemail transcripts): no clause of its own.
_FILLER = re.compile(r"\s*(?:u+h+|u+m+|uhm|e+r+m?|eu+h+|he+u+|hu+m+|hm+)\s*")
# What may sit between a qualifying topic and its head ("hands-on Kubernetes").
_MODIFIER_GAP = re.compile(r"[ \t]+")
# A note's heading: a short label before a colon ("- SQL: below bar", "CV : peu lisible").
_NOTE_LABEL = re.compile(r"[\W\d]*+(?:\w[\w'&/+.()-]*+[ \t]*+){1,5}")


@cache
def settings() -> dict[str, Any]:
    """Language-independent settings of the analyser (limits, reframes, language cues)."""
    return load_data(LEXICON_FILE)["settings"]


@dataclass(frozen=True)
class Lexicon:
    """The compiled lexicons of one language (en or fr)."""

    contrast: Terms
    opposition: Terms  # the contrast words that turn to another point ("but"), not those that compare ("whereas")
    new_subject: Terms
    link: re.Pattern[str]
    coordinator: re.Pattern[str]
    pronoun: re.Pattern[str]
    refers_back: Terms
    self_subject: re.Pattern[str]
    possessive: re.Pattern[str]
    third_party: re.Pattern[str]
    setting: re.Pattern[str]
    language_name: Terms  # a language's name: beside it, the interview is only where its level showed
    medium: re.Pattern[str]
    assessment: Terms
    cancel: Terms
    not_deficit: Terms
    praise: Terms
    reason: Terms
    deficit: Terms
    about_you: Terms
    requirement: Terms
    comparison: Terms
    topics: dict[Category, Terms]
    strong: dict[Category, Terms]
    missing: Terms
    shown_not_had: Terms
    takes_time: Terms
    experience_domain: Terms  # a field named as an experience's domain ("experience in payroll"): no skill there
    malicious: Terms
    bad_faith: Terms
    their_words: Terms  # the candidate's own words reported ("you told us you find meetings 'a waste of time'")
    additive: Terms
    automatic: Terms
    boilerplate: Terms
    process: Terms  # a clause about the recruiter's next step (other openings, the file kept): no reason
    lesser_role: Terms  # a lesser role pointed to ...
    suits_you: Terms  # ... as what would suit the candidate: condescension
    ironic_praise: Terms  # praise or thanks ...
    flaw: Terms  # ... aimed at a flaw in the same clause: sarcasm
    logistics: Terms  # a practical condition of the job (pay, start date, availability)
    mismatch: Terms  # ... said not to match: a concrete reason with no area
    condition_verdict: Terms  # ... or decided in the next sentence ("We can't wait that long.")
    trial_named: Terms  # a test or trial named as where the candidate acted ("at the trial", « leçon-test »)
    trial_act: Terms  # ... and the candidate as the subject of what was done there ("u tamped", « vous avez perdu »)
    learn_first: Terms  # a taunt to learn the trade's skill before applying (« apprends à dessiner avant de … »)
    circumstances: tuple[tuple[Terms, str], ...]
    texts: dict[str, Any]


def _terms(terms: list[str]) -> Terms:
    return compile_terms(tuple(terms))


def _opening(terms: list[str]) -> re.Pattern[str]:
    """Matches when a clause starts with one of the terms."""
    return re.compile(r"^[\W\d]*(?:" + "|".join(terms) + r")(?:(?<=')|(?![\w]))")


def _before(terms: list[str]) -> re.Pattern[str]:
    """Matches when a text ends with one of the terms (the word right before a topic)."""
    return re.compile(r"(?:^|\W)(?:" + "|".join(terms) + r")\s*$")


def _after(terms: list[str]) -> re.Pattern[str]:
    """Matches when a text starts with one of the terms (the word right after a topic)."""
    return re.compile(r"\s*(?:" + "|".join(terms) + r")(?![\w])")


def _link(coordinators: list[str], fillers: list[str]) -> re.Pattern[str]:
    """Matches the words between two topics joined by a coordinator ("experience and skills")."""
    filler = r"(?:" + "|".join(fillers) + r")(?:(?<=')|(?![\w]))"
    joint = r"(?:(?:" + "|".join(coordinators) + r")(?![\w])|[,/&])"
    return re.compile(rf"^\s*(?:{filler}\s*)*{joint}\s*(?:(?:{filler}|{joint})\s*)*$")


@cache
def lexicon(base: str) -> Lexicon:
    """The lexicon for 'en' or 'fr', compiled once."""
    raw = load_data(LEXICON_FILE)[base]
    cats = raw["categories"]
    return Lexicon(
        contrast=_terms(raw["contrast"]),
        opposition=_terms(raw["opposition"]),
        new_subject=_terms(raw["new_subject"]),
        link=_link(raw["link"]["coordinators"], raw["link"]["fillers"]),
        coordinator=re.compile(r"(?<![\w'])(?:" + "|".join(raw["link"]["coordinators"]) + r")(?![\w'])"),
        pronoun=_opening(raw["pronoun"]),
        refers_back=_terms(raw["refers_back"]),
        self_subject=_opening(raw["self_subject"]),
        possessive=_before(raw["possessive"]),
        third_party=_before(raw["third_party"]),
        setting=_before(raw["setting"]),
        language_name=_terms(raw["language_name"]),
        medium=_after(raw["medium"]),
        assessment=_terms(raw["assessment"]),
        cancel=_terms(raw["cancel"]),
        not_deficit=_terms(raw["not_deficit"]),
        praise=_terms(raw["praise"]),
        reason=_terms(raw["deficit"]["reason"]),
        deficit=_terms([term for group in raw["deficit"].values() for term in group]),
        about_you=_terms(raw["deficit"]["about_you"]),
        requirement=_terms(raw["deficit"]["requirement"]),
        comparison=_terms(raw["deficit"]["comparison"]),
        topics={Category(name): _terms(spec["topic"]) for name, spec in cats.items()},
        strong={Category(name): _terms(spec["strong"]) for name, spec in cats.items()},
        missing=_terms(raw["missing_requirement"]),
        shown_not_had=_terms(raw["shown_not_had"]),
        takes_time=_terms(raw["takes_time"]),
        experience_domain=_terms(raw["experience_domain"]),
        malicious=_terms(raw["malicious"]),
        bad_faith=_terms(raw["bad_faith"]),
        their_words=_terms(raw["their_words"]),
        additive=_terms(raw["additive"]),
        automatic=_terms(raw["automatic"]),
        boilerplate=_terms(raw["boilerplate"]),
        process=_terms(raw["process"]),
        lesser_role=_terms(raw["lesser_role"]),
        suits_you=_terms(raw["suits_you"]),
        ironic_praise=_terms(raw["ironic_praise"]),
        flaw=_terms(raw["flaw"]),
        logistics=_terms(raw["logistics"]),
        mismatch=_terms(raw["mismatch"]),
        condition_verdict=_terms(raw["condition_verdict"]),
        trial_named=_terms(raw["trial_named"]),
        trial_act=_terms(raw["trial_act"]),
        learn_first=_terms(raw["learn_first"]),
        circumstances=tuple((_terms(c["cues"]), c["reason"]) for c in raw["circumstances"]),
        texts=raw["texts"],
    )


@dataclass(frozen=True)
class Area:
    """A category found in the reply: the offsets of the words that show it, and of their sentence."""

    category: Category
    start: int
    end: int
    sentence: tuple[int, int]
    insult: bool = False  # shown only by demeaning words: no advice is built on it
    inferred: bool = False  # the judgement borrowed its topic from elsewhere, or guessed it: a weaker reading


@dataclass
class _Clause:
    start: int
    end: int
    neutral: bool = False  # cancelled ("not the issue") or boilerplate: judges nothing


@dataclass(frozen=True)
class _Topic:
    category: Category
    start: int
    end: int


# Clauses of the previous sentence that hold topics, for "It lacked..." sentences.
_Judged = list[tuple[_Clause, list[_Topic]]]


def clauses(folded: str, start: int, end: int, lex: Lexicon) -> list[_Clause]:
    """Split one sentence into clauses at punctuation, contrast words and new subjects."""
    cuts = [m.span() for m in _CLAUSE_MARK.finditer(folded, start, end)]
    cuts += [m.span() for m in lex.contrast.finditer(folded, start, end)]
    cuts += [m.span() for m in lex.new_subject.finditer(folded, start, end)]
    found, position = [], start
    for cut_start, cut_end in sorted(cuts):
        if cut_start < position:
            continue
        if folded[position:cut_start].strip():
            found.append(_Clause(position, cut_start))
        position = cut_end
    if folded[position:end].strip():
        found.append(_Clause(position, end))
    # a spoken hesitation between commas ("you skipped the, uh, the pressure test", « c'est, euh, la carte ») cuts
    # nothing: the clauses on either side are one
    merged: list[_Clause] = []
    index = 0
    while index < len(found):
        clause = found[index]
        if merged and index + 1 < len(found) and _FILLER.fullmatch(folded, clause.start, clause.end):
            merged[-1] = _Clause(merged[-1].start, found[index + 1].end)
            index += 2
            continue
        merged.append(clause)
        index += 1
    return merged


def _outermost(topics: list[_Topic], folded: str) -> list[_Topic]:
    """Drop topics inside a longer one ("motivation" inside "motivation letter"), and a one-word
    topic that only qualifies the next one ("hands-on Kubernetes", "Salesforce exposure")."""
    kept: list[_Topic] = []
    for topic in sorted(topics, key=lambda t: (t.start, -(t.end - t.start))):
        if kept and topic.start < kept[-1].end:
            continue
        if kept and kept[-1].category != topic.category and _qualifies(kept[-1], topic, folded):
            kept.pop()
        kept.append(topic)
    return kept


def _qualifies(first: _Topic, then: _Topic, folded: str) -> bool:
    """Whether a one-word topic stands right before another one, qualifying it ("hands-on Kubernetes")."""
    word = folded[first.start : first.end]
    return " " not in word and _MODIFIER_GAP.fullmatch(folded, first.end, then.start) is not None


def _gap(topic: _Topic, start: int, end: int) -> int:
    if topic.end <= start:
        return start - topic.end
    return max(0, topic.start - end)


class _Reader:
    """Walks the sentences of one reply and collects the areas it points to."""

    def __init__(self, folded: str, lex: Lexicon) -> None:
        self.folded, self.lex = folded, lex
        self.topics = _outermost(
            [_Topic(cat, m.start(), m.end()) for cat, pat in lex.topics.items() for m in pat.finditer(folded)],
            folded,
        )
        neutral = [m.span() for m in lex.not_deficit.finditer(folded)]
        self.judgements = [
            (m, False)
            for m in lex.deficit.finditer(folded)
            if not any(s <= m.start() < e for s, e in neutral)
        ] + [(m, True) for m in lex.malicious.finditer(folded)]
        self.praise = [m.start() for m in lex.praise.finditer(folded)]
        self.areas: list[Area] = []
        self.sentence = (0, 0)
        self.judged: set[int] = set()  # starts of the clauses whose topics were judged in this sentence
        self.read_judgements: set[int] = set()  # judgements looked at, and those that judged a topic
        self.placed: set[int] = set()

    def read(self, text: str) -> list[Area]:
        previous: _Judged = []
        for start, end in sentences(text):
            self.sentence = (start, end)
            previous = self._sentence(start, end, previous)
        return self.areas

    def _sentence(self, start: int, end: int, previous: _Judged) -> _Judged:
        folded, lex = self.folded, self.lex
        parts = clauses(folded, start, end, lex)
        self.judged = set()
        for index, clause in enumerate(parts):
            cancel = lex.cancel.search(folded, clause.start, clause.end)
            clause.neutral = bool(
                cancel
                or lex.boilerplate.search(folded, clause.start, clause.end)
                or lex.process.search(folded, clause.start, clause.end)  # the next step, not a reason
            )
            if cancel and self._points_back(clause):
                self._cancel_before(parts, index)
        topics = [
            [] if c.neutral else [t for t in self.topics if c.start <= t.start < c.end] for c in parts
        ]
        found_before = len(self.areas)
        lesser = bool(lex.lesser_role.search(folded, start, end) and lex.suits_you.search(folded, start, end))
        labelled = self._note_label(parts, topics)
        for index, clause in enumerate(parts):
            if clause.neutral:
                continue
            strong = False
            for category, pattern in lex.strong.items():
                if pattern.search(folded, clause.start, clause.end):
                    self.areas.append(Area(category, clause.start, clause.end, self.sentence))
                    strong = True
            if strong:  # about its strong cue: a later deficit does not judge its other topics
                self.judged.add(clause.start)
            # A clause that redirects the candidate's career judges the person, not a topic; so does a sentence
            # that points them to a lesser role ("jobs moins techniques qui t'iraient mieux").
            verdict = lex.bad_faith.search(folded, clause.start, clause.end) is not None or lesser
            for match, insult in self.judgements:
                if verdict:
                    break
                if clause.start <= match.start() < clause.end:
                    # A clause with a strong cue is about that cue: its deficits judge no other topic.
                    if strong:
                        continue
                    if labelled and index > 0 and not lex.contrast.search(folded, parts[0].end, match.start()):
                        # A note's verdict ("- SQL: below bar") judges its heading, not words of its own.
                        if parts[0].start not in self.judged:
                            self._judge(match, insult, topics[0], parts[0].start, clause.end)
                        continue
                    if not insult:
                        self.read_judgements.add(match.start())
                    self._attach(match, insult, index, parts, topics, previous)
        if len(self.areas) == found_before:
            self._fallback(parts)
        return [(c, t) for c, t in zip(parts, topics, strict=True) if t]

    def _note_label(self, parts: list[_Clause], topics: list[list[_Topic]]) -> bool:
        """Whether the sentence is a note: a short heading that names a topic, a colon, then a verdict."""
        if len(parts) < 2 or not topics[0] or parts[0].neutral:
            return False
        head = parts[0]
        colon = self.folded.find(":", head.end, parts[1].start)
        return colon >= 0 and _NOTE_LABEL.fullmatch(self.folded, head.start, head.end) is not None

    def _points_back(self, clause: _Clause) -> bool:
        """Whether a clause is about what came before it ("..., but that was not the issue")."""
        head = self.folded[clause.start : clause.end]
        return bool(self.lex.pronoun.search(head) or self.lex.refers_back.search(head))

    def _cancel_before(self, parts: list[_Clause], index: int) -> None:
        """Switch off the nearest clause before this one that names a topic: the cancel is about it."""
        for earlier in reversed(parts[max(0, index - settings()["reach_back_clauses"]) : index]):
            if any(earlier.start <= t.start < earlier.end for t in self.topics):
                earlier.neutral = True
                return

    def _fallback(self, parts: list[_Clause]) -> None:
        """Something named as missing that no topic covers ("il vous manque le CACES")."""
        for clause in parts:
            if not clause.neutral and self.lex.missing.search(self.folded, clause.start, clause.end):
                category = Category(settings()["fallback_category"])
                self.areas.append(Area(category, clause.start, clause.end, self.sentence, inferred=True))
                return

    def _attach(
        self,
        match: re.Match[str],
        insult: bool,
        index: int,
        parts: list[_Clause],
        topics: list[list[_Topic]],
        previous: _Judged,
    ) -> None:
        """Give a judgement to the topic(s) it is about: its clause's, else a neighbour's."""
        if insult:  # mockery is about the candidate's things, not other people's
            topics = [[t for t in group if not self._belongs(t, self.lex.third_party)] for group in topics]
        clause = parts[index]
        if topics[index] and not all(self._is_setting(t) for t in topics[index]):
            if not insult and self._praised(clause) and self.lex.reason.match(self.folded, match.start()):
                return  # a reason beside praise only says what the candidates had: nothing is judged
            self._judge(match, insult, topics[index], clause.start, clause.end)
            return
        if topics[index]:
            # A clause that names only the setting of the remark ("..., que vous n'avez pas su démontrer
            # lors de l'entretien") is about what its neighbour names, if that is more than a setting.
            for other in [*self._reach_back(parts, index), index + 1]:
                if other >= len(parts) or not topics[other] or all(self._is_setting(t) for t in topics[other]):
                    continue
                if not insult and self._praised(parts[other]):
                    continue
                start, end = min(clause.start, parts[other].start), max(clause.end, parts[other].end)
                # Not across a contrast: "your CV is great, but in the interview you..." judges the interview.
                between = (min(clause.end, parts[other].end), max(clause.start, parts[other].start))
                if self.lex.contrast.search(self.folded, *between):
                    break
                if parts[other].start not in self.judged:
                    self._judge(match, insult, topics[other], start, end, inferred=True)
                return
            self._judge(match, insult, topics[index], clause.start, clause.end, inferred=True)
            return
        head = self.folded[clause.start : clause.end]
        # "We..." speaks about the company, unless it mocks, advises or struggles with the candidate's work.
        about_you = self.lex.about_you.match(self.folded, match.start()) is not None
        if self.lex.self_subject.search(head) and not (insult or about_you):
            # "We need a more mature profile, someone who has run a site": what the company asks for is
            # named in the clause right after it.
            needs = self.lex.requirement.match(self.folded, match.start()) is not None
            nxt = topics[index + 1] if index + 1 < len(parts) else []
            if needs and nxt and not all(map(self._is_setting, nxt)) and not self._praised(parts[index + 1]):
                if parts[index + 1].start not in self.judged:
                    self._judge(match, insult, topics[index + 1], clause.start, parts[index + 1].end, inferred=True)
            return
        for other in self._reach_back(parts, index):
            if topics[other] and not insult and self._praised(parts[other]):
                return  # what the reply praises is not what a later verdict judges
            if topics[other]:
                # "..., which is what we need": a clause already judged is not judged again on another topic.
                if parts[other].start not in self.judged:
                    self._judge(match, insult, topics[other], parts[other].start, clause.end, inferred=True)
                return
        # A verdict does not lend itself across a contrast to what follows ("your plates were bland, but the
        # technique is there"): the other side of "but" says something else.
        ahead = index + 1 < len(parts) and not self.lex.opposition.search(self.folded, clause.end, parts[index + 1].start)
        if ahead and topics[index + 1] and (insult or not self._praised(parts[index + 1])):
            self._judge(match, insult, topics[index + 1], clause.start, parts[index + 1].end, inferred=True)
            if self.folded.startswith(":", clause.end):
                # A heading before a colon ("Areas to develop: SQL, public speaking") judges each item listed.
                for item in range(index + 2, len(parts)):
                    if topics[item] and parts[item].start not in self.judged:
                        self._judge(match, insult, topics[item], parts[item].start, parts[item].end, inferred=True)
            return
        opening = self.folded[parts[0].start : parts[0].end]
        continues = self.lex.pronoun.search(head) or self.lex.pronoun.search(opening)
        # Mockery that points back ("we pinned it up", "on l'a affichée") is about the previous sentence.
        continues = continues or (insult and self.lex.refers_back.search(head))
        # Mockery in a sentence that names nothing ("We had a good laugh.") is about what was just named.
        continues = continues or (insult and not any(topics))
        if previous and continues and not any(topics[:index]):
            # The last clause that names more than a test ("..., d'après le test technique" is where it showed).
            real = [(c, t) for c, t in previous if not all(map(self._is_test, t))]
            before, earlier = (real or previous)[-1]
            if not insult and self._praised(before):
                return
            self._judge(match, insult, earlier, before.start, clause.end, inferred=True)

    def _praised(self, clause: _Clause) -> bool:
        """Whether a clause praises what it names ("your background is impressive") and judges nothing itself."""
        if not any(clause.start <= p < clause.end for p in self.praise):
            return False
        return not any(clause.start <= m.start() < clause.end and not self.lex.reason.match(self.folded, m.start())
                       for m, _ in self.judgements)

    def _reach_back(self, parts: list[_Clause], index: int) -> list[int]:
        """Clauses a judgement may look back to; fragments such as quoted words ("« genre »") do not count."""
        reach, found = settings()["reach_back_clauses"], []
        for other in range(index - 1, -1, -1):
            if reach == 0:
                break
            found.append(other)
            if len(self.folded[parts[other].start : parts[other].end].split()) > 2:
                reach -= 1
        return found

    def _is_setting(self, topic: _Topic) -> bool:
        """Whether a topic is the setting of a remark ("during the interview"), the medium that reports it,
        or a test that showed it ("the test showed gaps in SQL")."""
        medium = self.lex.medium.match(self.folded, topic.end) is not None
        return medium or self._is_test(topic) or self._belongs(topic, self.lex.setting)

    def _is_test(self, topic: _Topic) -> bool:
        """Whether a topic names a test, exercise or task (`assessment`): where something was shown."""
        found = self.lex.assessment.search(self.folded, topic.start, topic.end)
        return found is not None and found.start() == topic.start

    def _belongs(self, topic: _Topic, owner: re.Pattern[str]) -> bool:
        """Whether the word right before the topic is one of the owner words ("your", "leur")."""
        return owner.search(self.folded, max(0, topic.start - 14), topic.start) is not None

    def _judge(
        self, match: re.Match[str], insult: bool, topics: list[_Topic], start: int, end: int, inferred: bool = False
    ) -> None:
        """The topic judged (the candidate's own, else the nearest), plus the topics joined to it."""

        # Beside a language's name, the interview is where its level showed ("during the French part of the
        # interview you had trouble following", « répondre aux questions en anglais »): the language is judged.
        languages = {t for t in topics if self.lex.language_name.search(self.folded, t.start, t.end)}

        def rank(topic: _Topic) -> tuple[bool, bool, int, int]:
            # The setting of a remark ("during the interview") is judged only when nothing else is named.
            # So is the medium that reports it ("your CV shows two years of..."): what it shows comes first.
            if languages:
                setting = topic.category is Category.INTERVIEW_PERFORMANCE
            else:
                setting = self._is_setting(topic)
            owned = self._belongs(topic, self.lex.possessive)
            return (setting, not owned, _gap(topic, match.start(), match.end()), topic.start)

        chosen = [min(topics, key=rank)]
        # A comparison with the person hired lists what made the difference ("certified and eight years in..."),
        # and a requirement what was needed after it (« nous demandons le PSC1 et une première expérience »):
        # each thing it coordinates is a reason.
        compared = not insult and self.lex.comparison.match(self.folded, match.start()) is not None
        required = not insult and self.lex.requirement.match(self.folded, match.start()) is not None
        for topic in sorted(topics, key=lambda t: t.start):
            if topic in chosen:
                continue
            left, right = sorted((topic, chosen[-1]), key=lambda t: t.start)
            listed = compared or (required and topic.start > match.start())
            if listed and not rank(topic)[0] and self.lex.coordinator.search(self.folded, left.end, right.start):
                chosen.append(topic)
                continue
            if self.lex.link.match(self.folded[left.end : right.start]):
                chosen.append(topic)
        self.judged.add(start)
        self.placed.add(match.start())
        for topic in chosen:
            self.areas.append(Area(topic.category, start, end, self.sentence, insult, inferred))


@dataclass(frozen=True)
class Cues:
    """How much of the reply the lexicons know: evaluative statements and topic words found."""

    judgements: int  # evaluative statements about the candidate (not mockery)
    topics: int  # topic words of any area
    unplaced: int  # evaluative statements read in a live clause that judged no topic


def find_areas(text: str, folded: str, lex: Lexicon, cues: list[Cues] | None = None) -> list[Area]:
    """One area per category, in order of appearance; real evidence wins over mockery, direct over inferred.

    ``cues``, when given, receives what the reader found, for the confidence of the reading.
    """
    reader = _Reader(folded, lex)
    best: dict[Category, Area] = {}
    for area in sorted(_tool_gaps(text, folded, lex, reader.read(text)), key=lambda a: (a.insult, a.inferred, a.start)):
        best.setdefault(area.category, area)
    if cues is not None:
        judgements = sum(not insult for _, insult in reader.judgements)
        cues.append(Cues(judgements, len(reader.topics), len(reader.read_judgements - reader.placed)))
    return sorted(best.values(), key=lambda a: a.start)


# A tool or system named: an acronym ("ELD", "TMS", « CN »), a brand in CamelCase or a capitalised word inside a
# sentence ("Dentrix", "Samsara").
_NAMED_TOOL = re.compile(r"(?<![\w-])(?:[A-Z]{2,}[\w-]*|[A-Z][a-z]+[A-Z]\w*|(?<=\s)[A-Z][a-z]{3,}\w*)")
# What points back to the tool named before: "you've never used it", « ni l'un ni l'autre ».
_BACK = re.compile(r"(?i)\s*(?:it|them|either|both|one|ni l.un ni l.autre|aucun des deux|les deux|ça|ca)\b")


def _tool_gaps(text: str, folded: str, lex: Lexicon, areas: list[Area]) -> list[Area]:
    """A named tool the candidate said they never used is a skill to learn (heldout22: "you told us you've never worked
    with an ELD or a TMS", « tu m'as dit que t'avais jamais touché une CN », "you said youve never used it" after
    "run Dentrix"): the sentence's area is ``skills``, not the experience its verb suggests, the interview where it
    was said, or a word inside the tool's description ("Dentrix (scheduling + insurance claims)")."""
    found = list(areas)
    spans = sentences(text)
    for match in lex.missing.finditer(folded):
        start, end = next(((s, e) for s, e in spans if s <= match.start() < e), (match.start(), match.end()))
        after = text[match.end(): min(end, match.end() + 60)]
        if re.match(r"(?i)\s*(?:encore\s+)?(?:d'|de l'|any |much |enough |the )?(?:exp[ée]rience|years)", after) or re.match(
                r"(?i)(?:d'|any )?exp[ée]rience", text[match.start(): match.end()].split()[-1]):
            continue  # « vous n'avez pas encore d'expérience en laboratoire accrédité COFRAC »: experience, named
        # (What points back may name a tool of the sentence before: « La personne retenue connaît déjà le logiciel … En
        # entrevue, vous nous avez mentionné n'avoir jamais utilisé ni l'un ni l'autre ».)
        before = max((s for s, e in spans if e <= start), default=start)
        named = _NAMED_TOOL.search(after) or (_BACK.match(after) and (_NAMED_TOOL.search(text, start + 1, match.start())
                                                                    or _NAMED_TOOL.search(text, before + 1, start)))
        if not named:
            continue
        # The sentence's experience or culture fit was its verb or a word of the tool's description; an interview area
        # is dropped only where it is the setting in which it was said (« En entrevue, vous nous avez mentionné … »).
        kept = [a for a in found if not (a.sentence == (start, end) and not a.insult and (
            a.category in (Category.EXPERIENCE, Category.CULTURE_FIT)
            or a.category is Category.INTERVIEW_PERFORMANCE and a.start <= match.start() < a.end))]
        if not any(a.category is Category.SKILLS and a.sentence == (start, end) for a in kept):
            kept.append(Area(Category.SKILLS, start, end, (start, end)))
        found = kept
    return found


# The person chosen, or the one needed, described (16w): "The candidate selected has five years of experience in a
# Level III NICU", "We've offered the role to someone who holds the CPM designation and has run …", "We need someone
# who's led multi-day trips", « La personne retenue cumule cinq ans … ».
_HIRE_SUBJECT = re.compile(
    r"\b(?:the (?:candidate|person|applicant|individual|nurse|one) (?:we )?(?:selected|chosen|hired|appointed)|the (?:selected|successful|chosen) "
    r"(?:candidate|applicant|person)|(?:offered|gave|given) (?:the |this )?(?:[\w-]+ ){0,3}(?:role|position|job|post) to (?:someone|somebody|a candidate|an applicant|a person|another (?:candidate|applicant))"
    r"|(?:need|needed|want|wanted|looking for|went with|chose|selected|hired) (?:someone|somebody|a candidate|a person|an applicant) (?:who|with|that)"
    r"|la personne retenue|le candidat retenu|la candidate retenue|(?:retenu|choisi|privilegie|engage|embauche)e? (?:une personne|un candidat|une candidate|quelqu.un)"
    r"|(?:besoin|cherch\w*) (?:de |d.)?(?:quelqu.un|une personne|un candidat) qui)\b")
_HIRE_EXPERIENCE = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|ten|deux|trois|quatre|cinq|six|huit|dix)\+? (?:years?|ans|annees)\b|experience|"
                              r"\b(?:has|have|had|who.s|who has) (?:already )?(?:led|run|managed|supervised|worked|done|taught|built|shipped|coordinated)\b|"
                              r"\b(?:a deja|avait deja|cumule|cumulait) (?:\w+\s)?(?:mene|dirige|gere|travaille|fait|enseigne|effectue|realise|occupe|assure|\d)")
_HIRE_SKILL = re.compile(r"\b(?:holds?|held|holding|certified|certification|designation|licen[cs]ed?|accredit\w*|detient|titulaire|certifiee?)\b|"
                         r"\b(?:with|using|on|sous|avec) (?-i:[A-Z][A-Za-z0-9]+(?: [A-Z][A-Za-z0-9]+)?)\b")  # (not "in"/« en »: a place)
# A score under the bar, or a time over it (16w): « votre résultat … 58 %, alors que la note de passage … 65 % », "Your
# recorded time was 9 minutes 41 seconds" against "under eight minutes".
_SCORE_UNDER = re.compile(r"\b(?:note de passage|seuil de reussite|seuil minimal|pass(?:ing)? (?:mark|score|grade)|cut-?off (?:score|mark)|minimum (?:score|mark)|"
                          r"your (?:recorded |final )?(?:time|score|result|mark) (?:was|of)|votre (?:resultat|note|temps|score) (?:a|au|de|est|etait))\b")


def implied_areas(text: str, folded: str) -> list[Area]:
    """Areas a reply names only by describing the person chosen or needed, or by a score under the bar: read when the
    rules found no other area (heldout23: "The candidate selected has five years of experience in a Level III NICU")."""
    found: list[Area] = []
    for start, end in sentences(text):
        if subject := _HIRE_SUBJECT.search(folded, start, end):
            after = subject.end()
            if _HIRE_EXPERIENCE.search(folded, after, end):
                found.append(Area(Category.EXPERIENCE, start, end, (start, end), inferred=True))
            if _HIRE_SKILL.search(folded, after, end) or _HIRE_SKILL.search(text[after:end]):
                found.append(Area(Category.SKILLS, start, end, (start, end), inferred=True))
        elif _SCORE_UNDER.search(folded, start, end) and re.search(r"\d", folded[start:end]):
            found.append(Area(Category.INTERVIEW_PERFORMANCE, start, end, (start, end), inferred=True))
    best: dict[Category, Area] = {}
    for area in found:
        best.setdefault(area.category, area)
    return sorted(best.values(), key=lambda a: a.start)


def condescension(text: str, folded: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Sentences that point the candidate to a lesser role as what would suit them ("a role with less technical
    depth might be a more comfortable fit for you", « des postes moins ambitieux … vous conviendraient »): the
    role and its fit to the person, in one sentence, whatever the words."""
    return [
        (start, end)
        for start, end in sentences(text)
        if lex.lesser_role.search(folded, start, end) and lex.suits_you.search(folded, start, end)
    ]


# An aside of at most eight words between two commas.
_COMMA_ASIDE = re.compile(r",(?:\s*[^,.;:!?\s]+){1,8}\s*,")


def irony(text: str, folded: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Clauses that praise or thank a flaw ("We particularly enjoyed your creative approach: none of us had ever
    seen one built with hard-coded numbers", « Nous avons beaucoup apprécié les quatorze fautes »): praise first,
    then the flaw, in one clause or across a colon, with no turn ("but") between."""
    found = []
    for start, end in sentences(text):
        for praise in lex.ironic_praise.finditer(folded, start, end):
            flaw = lex.flaw.search(folded, praise.end(), end)
            if flaw is None or lex.opposition.search(folded, praise.end(), flaw.start()):
                continue
            # the same clause, or the clause a colon opens right after it; an aside in brackets stays in its clause
            # ("appreciated that you took the time to answer your phone (eleven times, we counted)")
            between = re.sub(r"\([^)]*\)?", "", folded[praise.end() : flaw.start()])
            # so does an aside between two commas ("how your cover letter, for a job proofreading manuscripts,
            # managed to spell it three ways"), issue 16r
            between = _COMMA_ASIDE.sub(" ", between)
            if "," in between.replace(":", "") and ":" not in between:
                continue
            found.append((praise.start(), flaw.end()))
            break
    return found


def logistics_reason(text: str, folded: str, lex: Lexicon) -> tuple[int, int] | None:
    """The sentence that gives a practical condition of the job as the reason (pay above the band, a start date,
    weekends the candidate cannot work): a concrete reason that names no area. None when there is none.

    The mismatch is in the condition's sentence, or its verdict is the next sentence, one that names no area
    ("Your notice runs to May. We can't wait that long.", « … ne pas vouloir déménager. C'est la seule raison. »).
    """
    spans = sentences(text)
    for index, (start, end) in enumerate(spans):
        template = lex.boilerplate.search(folded, start, end) or lex.process.search(folded, start, end)
        if template:
            # a template line that a colon opens onto its reason (« Nous ne pourrons pas donner suite : vos
            # prétentions dépassent la grille ») gives the reason after the colon (issue 16o)
            colon = folded.find(":", template.end(), end)
            if colon < 0 or lex.boilerplate.search(folded, colon, end) or lex.process.search(folded, colon, end):
                continue
        reason = colon + 1 if template else start
        if not lex.logistics.search(folded, reason, end):
            continue
        for clause in clauses(folded, reason, end, lex):
            # a mismatch said not to be one ("your CV was not the issue") is none
            if lex.mismatch.search(folded, clause.start, clause.end) and not lex.cancel.search(
                folded, clause.start, clause.end
            ):
                return start, end
        if index + 1 < len(spans):
            after = spans[index + 1]
            # an area the verdict praises is none ("That's the only reason: your experience was excellent.", 16q)
            names_area = any(
                topic.search(folded, clause.start, clause.end)
                for clause in clauses(folded, *after, lex)
                if not lex.praise.search(folded, clause.start, clause.end)
                for topic in lex.topics.values()
            )
            if not names_area and lex.condition_verdict.search(folded, *after) and not lex.cancel.search(folded, *after):
                return start, end
    return None


def trial_as_performed(text: str, folded: str, lex: Lexicon) -> tuple[int, int] | None:
    """The first sentence that tells what the candidate did at a test or trial: the candidate acts in it ("u tamped
    like u were mad at it", « vous avez perdu le contrôle du groupe ») and it, or the sentence just before it, names
    the test (« Merci pour ta journée d'essai! On a apprécié le bout où t'as descendu le frigo … »). A malicious
    reply that mocks or dismisses the candidate after such a sentence still names the test as performed (16q)."""
    spans = sentences(text)

    def names_test(start: int, end: int) -> bool:
        return bool(lex.trial_named.search(folded, start, end) or lex.assessment.search(folded, start, end))

    for index, (start, end) in enumerate(spans):
        if lex.trial_act.search(folded, start, end) and (
            names_test(start, end) or (index > 0 and names_test(*spans[index - 1]))
        ):
            return start, end
    return None


def test_notes(text: str, folded: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Notes whose short heading names a test and whose verdict tells what the candidate did there, unpraised
    (« - mise en situation client : vous avez proposé un crédit conso … sans analyser sa situation »): the test as
    performed, though the verdict holds no deficit word (issue 16q)."""
    found = []
    for start, end in sentences(text):
        colon = folded.find(":", start, end)
        if colon < 0 or len(folded[start:colon].split()) > 6:
            continue
        if not (lex.assessment.search(folded, start, colon) or lex.trial_named.search(folded, start, colon)):
            continue
        if lex.trial_act.search(folded, colon, end) and not lex.praise.search(folded, colon, end):
            found.append((start, end))
    return found
