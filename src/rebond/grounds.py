"""Protected grounds: finding one given as a reason in a reply, and the rights body to point to.

The grounds, their cues, laws and rights bodies live in ``prompts/protected_grounds.yaml``.
A cue counts only when the reply gives it as a reason about the candidate:

- not in a negated clause ("your accent was not a factor", « votre âge n'a joué aucun rôle »),
  nor in one that a following clause or sentence sets aside ("Your age? Not an issue.");
- not in a sentence that states a policy or a benefit (an equal-opportunity line, "we offer parental leave");
- not as the job's domain ("experience with older adults", « expérience en santé mentale », "our hereditary cancer
  lab") nor the people it serves (« notre mission auprès des personnes en situation d'itinérance », "our public is
  made up of people on welfare"), nor a colleague's leave ("one of our nurses is going on maternity leave");
- not in a clause about the recruiter's next step (« je te reviens si j'ai d'autres mandats dans ton coin »);
- not as seniority: a bare "too young" in a sentence that measures experience ("too young for this
  position: two years of experience is not enough", « encore trop jeune dans le métier ») is about experience;
- not a group's age ("children aged 8 to 14", « des enfants de 8 à 14 ans »), and not a ground whose verdict comes
  after an aside about it (« votre âge, que vous aviez vous-même évoqué, n'a joué aucun rôle »);
- not union activity in a reply from a union that hires (« Salutations syndicales », "Local 2217"): it is the job;
- not a family or a place named only as the purpose of a limit the candidate stated herself (« vous nous avez indiqué
  ne pas pouvoir travailler après 16 h, pour aller chercher vos enfants »): the limit is the condition (issue 16p).

A partner named by a word that says their sex is sexual orientation when of the addressee's sex (« Bonjour Monsieur …
votre mari »), and otherwise a weak cue that yields to any other ground the reply gives (issue 16p).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from rebond.analysis_rules import Lexicon, clauses
from rebond.models import Ground, Language, Region
from rebond.resources import load_data
from rebond.text import Terms, compile_terms, sentences

GROUNDS_FILE = "protected_grounds.yaml"


@cache
def data() -> dict[str, Any]:
    """The whole grounds file."""
    return load_data(GROUNDS_FILE)


@dataclass(frozen=True)
class _Compiled:
    cues: tuple[tuple[Ground, Terms], ...]
    negation: Terms
    not_a_reason: Terms
    domain_frame: re.Pattern[str]
    domain_after: re.Pattern[str]
    candidate_owner: re.Pattern[str]
    seniority_word: re.Pattern[str]
    seniority_frame: Terms
    union_employer: Terms
    age_of_others: re.Pattern[str]
    aside: re.Pattern[str]
    own_limit: re.Pattern[str]
    own_limit_grounds: frozenset[Ground]
    partner_word: tuple[tuple[str, re.Pattern[str]], ...]
    addressee: tuple[tuple[str, re.Pattern[str]], ...]
    greeting: re.Pattern[str]  # a salutation with a first name ("Hey Marc,"): its group 1 is the name


@cache
def _compiled(base: str) -> _Compiled:
    raw = data()
    return _Compiled(
        cues=tuple(
            (Ground(name), compile_terms(tuple(spec["cues"][base]))) for name, spec in raw["grounds"].items()
        ),
        negation=compile_terms(tuple(raw["negation"][base])),
        not_a_reason=compile_terms(tuple(raw["not_a_reason"][base])),
        domain_frame=re.compile(r"(?:^|\W)(?:" + "|".join(raw["domain_frame"][base]) + r")\s*$"),
        domain_after=re.compile(raw["domain_after"]["unit"][base]),
        candidate_owner=re.compile(raw["domain_after"]["owner"][base]),
        seniority_word=re.compile("|".join(raw["age_as_seniority"]["word"][base])),
        seniority_frame=compile_terms(tuple(raw["age_as_seniority"]["frame"][base])),
        union_employer=compile_terms(tuple(raw["union_employer"][base])),
        age_of_others=re.compile(raw["age_of_others"][base]),
        aside=re.compile(raw["relative_aside"][base]),
        own_limit=re.compile(
            r"\b" + raw["own_limit"]["said"][base]
            + r"(?:(?!\b(?:but|however|mais|cependant|pourtant)\b)[^.;!?]){0,120}?"
            + raw["own_limit"]["limit"][base]
            + r"(?:(?!\b(?:but|however|mais|cependant|pourtant)\b)[^.;!?]){0,100}?\W"
            + raw["own_limit"]["reason"][base] + r"$"
        ),
        own_limit_grounds=frozenset(Ground(g) for g in raw["own_limit"]["grounds"]),
        partner_word=tuple((sex, re.compile(spec[base])) for sex, spec in raw["partner"]["word"].items()),
        addressee=tuple((sex, re.compile(spec[base])) for sex, spec in raw["partner"]["addressee"].items()),
        greeting=re.compile(raw["partner"]["greeting"][base]),
    )


@cache
def _first_names() -> dict[str, str]:
    """Common first names and the sex of most of their bearers (``prompts/first_names.yaml``, folded)."""
    names = load_data("first_names.yaml")
    return {name: sex for sex, key in (("female", "feminine"), ("male", "masculine")) for name in names[key]}


def _addressee(folded: str, compiled: _Compiled) -> str | None:
    """The addressee's sex, told by the salutation's title (« Bonjour Monsieur »), else by a first name that most
    often says it ("Hey Marc,", issue 16q); None when unknown or when two cues disagree."""
    addressed = {sex for sex, pattern in compiled.addressee if pattern.search(folded)}
    if not addressed:
        greeting = compiled.greeting.search(folded)
        sex = _first_names().get(greeting.group(1)) if greeting else None
        addressed = {sex} if sex else set()
    return next(iter(addressed)) if len(addressed) == 1 else None


@dataclass(frozen=True)
class GroundHit:
    """A protected ground given as a reason: which, where the cue is, and its clause and sentence."""

    ground: Ground
    start: int
    end: int
    clause: tuple[int, int]
    sentence: tuple[int, int]


# A cue matched on one capitalised word inside a sentence is a name ("Groupe Alliance Recrutement").
_ONE_CAPITALISED_WORD = re.compile(r"[A-ZÀ-Ý][\w'-]*")
# An emoji followed by a capitalised word ends a sentence in a chat or a text message (« Encore félicitations pour
# la grossesse 🥰 On a bien réfléchi… »): a wish before it says nothing about the reason after it (issue 16o).
_EMOJI_END = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF][\uFE0F\U0001F3FB-\U0001F3FF]*\s+(?=[A-ZÀ-Ý])")


_QUOTE_MARK = re.compile(r"[«»\"“”]")
# A clause that opens on its verb: its subject is earlier in the sentence.
_VERB_FIRST = re.compile(r"\s*(?:(?:absolutely|certainly|obviously|of course|truly|really)\s)?(?:played|plays|had|has|have|was|were|is|are|did|does|do|never|"
                         r"n'|ne\s|n.a\s|n.est\s|n.ont\s|n.avait\s|n.etait\s)")
# A turn inside a sentence: what comes after it is said for itself.
_TURN = re.compile(r"\b(?:but|however|though|mais|cependant|toutefois|par contre|en revanche|sauf que)\b")


def _ground_sentences(text: str) -> list[tuple[int, int]]:
    """The text's sentences, each also ended by an emoji before a capitalised word."""
    spans = []
    for start, end in sentences(text):
        for match in _EMOJI_END.finditer(text, start, end):
            spans.append((start, match.start() + 1))
            start = match.end()
        spans.append((start, end))
    return spans


def find_grounds(text: str, folded: str, lex: Lexicon, base: str) -> list[GroundHit]:
    """Every protected ground the reply gives as a reason, in order of appearance."""
    compiled = _compiled(base)
    spans = _ground_sentences(text)
    # A union that hires asks about union work: it is the job, not a ground.
    skipped = {Ground.UNION} if compiled.union_employer.search(folded) else set()
    hits: list[GroundHit] = []
    for index, (start, end) in enumerate(spans):
        if compiled.not_a_reason.search(folded, start, end):
            continue
        parts = clauses(folded, start, end, lex)
        negated = [_negated(folded, c.start, c.end, lex, compiled) for c in parts]
        set_aside = _set_aside(folded, parts, negated, compiled)
        for number, clause in enumerate(parts):
            if negated[number] or lex.process.search(folded, clause.start, clause.end):
                continue  # set aside, or the recruiter's next step ("other mandates in your area"): no reason
            found = []
            for ground, terms in compiled.cues:
                if ground in set_aside or ground in skipped:
                    continue
                # a comma between two words of one phrase ("more of an athletic, circus look") ends no clause: a cue
                # may run into a next clause of at most three words
                reach = clause.end
                if (
                    folded[clause.end : clause.end + 1] == ","
                    and number + 1 < len(parts)
                    and len(folded[parts[number + 1].start : parts[number + 1].end].split()) <= 3
                ):
                    reach = parts[number + 1].end
                # a quotation inside a phrase ends no clause either: « une liste « citoyenne » lors des élections »
                # reads as one phrase, up to two short clauses on (issue 16p); a cue that ends at its clause's end
                # (« quelqu'un « d'ici » ») is still read in the clause alone
                quoted = reach
                ahead = number + 1
                while (
                    ahead < len(parts)
                    and ahead <= number + 2
                    and _QUOTE_MARK.search(folded, quoted, parts[ahead].start)
                    and len(folded[parts[ahead].start : parts[ahead].end].split()) <= 6
                ):
                    quoted = max(quoted, parts[ahead].end)
                    ahead += 1
                matches = list(terms.finditer(folded, clause.start, reach))
                if quoted > reach:
                    seen = {m.start() for m in matches}
                    matches += [m for m in terms.finditer(folded, clause.start, quoted) if m.start() not in seen]
                for match in matches:
                    if match.start() >= clause.end:
                        continue
                    window = folded[max(clause.start, match.start() - 80) : match.start()]
                    if compiled.domain_frame.search(window):
                        continue  # the job's domain, not the candidate
                    if compiled.domain_after.match(folded, match.end(), clause.end) and not compiled.candidate_owner.search(
                        window
                    ):
                        continue  # the organisation's own unit or field: "our hereditary cancer lab"
                    if (
                        match.start() > start
                        and _ONE_CAPITALISED_WORD.fullmatch(text, match.start(), match.end())
                        and not compiled.candidate_owner.search(window)
                    ):
                        # one capitalised word inside a sentence is a name ("Groupe Alliance Recrutement"), unless it is the
                        # candidate's ("your BRCA1 result"; "variants of BRCA1" in a lab's work stays a name)
                        continue
                    if (
                        ground is Ground.AGE
                        and compiled.seniority_word.fullmatch(folded, match.start(), match.end())
                        and compiled.seniority_frame.search(folded, start, end)
                    ):
                        continue  # "too young" beside years of experience: seniority, not age
                    if ground is Ground.AGE and compiled.age_of_others.search(window):
                        continue  # "children aged 8 to 14": a group's age, not the candidate's
                    if ground in compiled.own_limit_grounds and compiled.own_limit.search(folded, start, match.start()):
                        continue  # « vous nous avez indiqué ne pas pouvoir … pour aller chercher vos enfants »
                    found.append(GroundHit(ground, match.start(), match.end(), (clause.start, clause.end), (start, end)))
            if not found:
                continue
            following = [(c.start, c.end) for c in parts[number + 1 : number + 2]]
            # an aside about the cue sits between it and its verdict (« votre âge, que vous aviez vous-même évoqué,
            # n'a joué aucun rôle », "your age, which you raised yourself, played no part"): the verdict is next
            if following and compiled.aside.match(folded, following[0][0], following[0][1]):
                following += [(c.start, c.end) for c in parts[number + 2 : number + 3]]
            if index + 1 < len(spans) and not following:
                following = [(c.start, c.end) for c in clauses(folded, *spans[index + 1], lex)[:1]]
            if any(_sets_aside(folded, s, e, lex, compiled) for s, e in following):
                # set aside for the rest of the sentence too (« Ton accent, c'est pas ça le problème, plein de nos
                # guides ont un accent. »), as a ground negated in its own clause is (issue 16p)
                set_aside.update(hit.ground for hit in found)
                continue
            hits.extend(sorted(found, key=lambda h: h.start))
    if any(hit.ground is Ground.GENETIC for hit in hits):
        # A gene variant in a candidate found fit names a genetic characteristic; the health words around it (a
        # syndrome, symptoms, a physician) describe that variant, not a disability (heldout22).
        hits = [hit for hit in hits if hit.ground is not Ground.DISABILITY]
    return _weigh_partners(folded, hits, compiled)


def _weigh_partners(folded: str, hits: list[GroundHit], compiled: _Compiled) -> list[GroundHit]:
    """A partner named by a word that says their sex: of the addressee's sex, sexual orientation (« Bonjour
    Monsieur … vous avez évoqué votre mari »); otherwise a weak cue that yields to any other ground the reply gives
    (« avec ton compagnon vous aviez le projet d'avoir un deuxième enfant »: pregnancy), issue 16p."""
    addressee = _addressee(folded, compiled)
    strong: list[GroundHit] = []
    weak: list[GroundHit] = []
    for hit in hits:
        if hit.ground in (Ground.CIVIL_STATUS, Ground.SEXUAL_ORIENTATION):
            cue = folded[hit.start : hit.end]
            partner = next((sex for sex, pattern in compiled.partner_word if pattern.search(cue)), None)
            if partner is not None and partner == addressee:
                strong.append(replace(hit, ground=Ground.SEXUAL_ORIENTATION))
                continue
            if partner is not None:
                # of the other sex: a family situation, not an orientation; unknown: as the cue says
                weak.append(replace(hit, ground=Ground.CIVIL_STATUS) if addressee is not None else hit)
                continue
        strong.append(hit)
    return strong or weak


def negated_clauses(text: str, folded: str, lex: Lexicon, base: str) -> list[tuple[int, int]]:
    """The clauses that say something was no factor ("your weight was never part of the discussion")."""
    compiled = _compiled(base)
    return [
        (c.start, c.end)
        for start, end in sentences(text)
        for c in clauses(folded, start, end, lex)
        if _negated(folded, c.start, c.end, lex, compiled)
    ]


def _set_aside(folded: str, parts: list[Any], negated: list[bool], compiled: _Compiled) -> set[Ground]:
    """The grounds a sentence says did not count."""
    # A ground set aside in one clause is set aside in the whole sentence ("Age was not a consideration at all, we
    # hire at every stage of life.").
    aside = {
        ground
        for clause, off in zip(parts, negated, strict=True)
        if off
        for ground, terms in compiled.cues
        if terms.search(folded, clause.start, clause.end)
    }
    # A denial with no subject of its own denies the one named before it in the sentence, past an aside ("your
    # hearing aid, which you mentioned at the end of your interview, played no role whatsoever"); not a denial with
    # its own subject ("…, and your references played no part"), nor one after a turn.
    for number, clause in enumerate(parts):
        if not negated[number] or number == 0 or _TURN.search(folded, parts[0].start, clause.start):
            continue
        if not _VERB_FIRST.match(folded, clause.start):
            continue
        if any(terms.search(folded, clause.start, clause.end) for _, terms in compiled.cues):
            continue
        aside |= {ground for ground, terms in compiled.cues if terms.search(folded, parts[0].start, parts[number - 1].end)}
    return aside


def denied_ground_sentences(text: str, folded: str, lex: Lexicon, base: str) -> list[tuple[int, int]]:
    """Where a sentence says a protected ground did not count ("your hearing aid … played no role"), up to the end of
    that denial: what it says on the way (« which you mentioned at the end of your interview ») is where the ground came
    up, no area; what follows the denial (« Ton accent n'a rien à voir, c'est la compréhension ») is said for itself."""
    compiled = _compiled(base)
    spans = []
    for start, end in _ground_sentences(text):
        parts = clauses(folded, start, end, lex)
        negated = [_negated(folded, c.start, c.end, lex, compiled) for c in parts]
        if _set_aside(folded, parts, negated, compiled):
            last = max(c.end for c, off in zip(parts, negated, strict=True) if off)
            spans.append((start, last))
    return spans


def _negated(folded: str, start: int, end: int, lex: Lexicon, compiled: _Compiled) -> bool:
    return bool(lex.cancel.search(folded, start, end) or compiled.negation.search(folded, start, end))


def _sets_aside(folded: str, start: int, end: int, lex: Lexicon, compiled: _Compiled) -> bool:
    """Whether a clause points back and says what came before was no factor ("Your age? Not an issue.")."""
    head = folded[start:end]
    points_back = lex.pronoun.search(head) or lex.refers_back.search(head) or len(head.split()) <= 6
    return bool(points_back and _negated(folded, start, end, lex, compiled))


def default_region(language: Language | str) -> Region:
    """The region a reply's language suggests: fr = Québec, fr-FR = France, en = Canada."""
    return Region(data()["default_region"][str(language)])


def ground_label(ground: Ground | str | None, language: Language | str) -> str:
    """The ground's name in the language's base; for an unnamed ground, a neutral "not named"."""
    lang = "en" if str(language) == "en" else "fr"
    if ground is None:
        return str(data()["unnamed_ground"][lang])
    return str(data()["grounds"][str(ground)]["label"][lang])


def warning(ground: Ground | str | None, region: Region | str, language: Language | str) -> str:
    """A neutral pointer to the rights body of the region, naming the ground, in the reply's language."""
    lang = "en" if str(language) == "en" else "fr"
    template = data()["regions"][str(region)]["warning"][lang]
    return str(template.format(ground=ground_label(ground, language)))


def region_name(region: Region | str, language: Language | str) -> str:
    lang = "en" if str(language) == "en" else "fr"
    return str(data()["regions"][str(region)]["name"][lang])
