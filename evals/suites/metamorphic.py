"""Metamorphic suite: relations between drafts for related requests, over a sample of the requests dataset.

No draft is labelled: each relation compares the engine with itself (longer slider,
longer draft; other names, same text apart from them; ...).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import Any

from evals.suites import CaseTimeout, Failure, RunOptions, SuiteResult, attempt, rate
from evals.suites.requests import DATASET, Case, write
from rebond.checks import formality_score
from rebond.models import Draft, DraftRequest
from rebond.resources import load_data
from rebond.text import fold, word_count

__all__ = ["DATASET", "Case", "run"]

# The default dataset is sampled: 3 requests of each language × channel pair,
# spread over the group (first, middle, last), which keeps every combination and
# the offline suites under their 10 s budget. --dataset runs every line.
SAMPLE_PER_GROUP = 3
LENGTHS = (0, 50, 100)
FORMALITIES = (0, 25, 50, 75, 100)
VARIANTS = (0, 1, 2)

Relation = Callable[[DraftRequest, "Engine"], str | None]


class Engine:
    """Writes drafts for the relations, once per distinct request (a request that crashed or hung is not retried)."""

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self._drafts: dict[str, Draft | Exception] = {}

    def draft(self, request: DraftRequest, **changes: Any) -> Draft:
        changed = changed_request(request, **changes)
        key = changed.model_dump_json()
        if key not in self._drafts:
            try:
                self._drafts[key] = write(changed, self.options)
            except Exception as exc:
                self._drafts[key] = exc
        found = self._drafts[key]
        if isinstance(found, Exception):
            raise found
        return found


def changed_request(request: DraftRequest, **changes: Any) -> DraftRequest:
    """The request with top-level fields, tone sliders (``length=``, ``formality=``) or context fields replaced."""
    values = request.model_dump(mode="json")
    for key, value in changes.items():
        if key in values["tone"]:
            values["tone"][key] = value
        elif key in values["context"]:
            values["context"][key] = value
        else:
            values[key] = value
    return DraftRequest.model_validate(values)  # validated, so enums and dates stay typed


def passing(draft: Draft) -> frozenset[str]:
    """Names of the checks the draft passes."""
    return frozenset(check.name for check in draft.checks.checks if check.passed)


# ---- relations ------------------------------------------------------------------


def length_raises_word_count(request: DraftRequest, engine: Engine) -> str | None:
    """Body words at length 0, 50, 100 never fall, and 100 writes more than 0."""
    counts = [word_count(engine.draft(request, length=value).body) for value in LENGTHS]
    if counts[0] <= counts[1] <= counts[2] and counts[0] < counts[2]:
        return None
    return f"body words {counts} at length {list(LENGTHS)}: should rise (0 < 100, never fall)"


def formality_never_lowers_score(request: DraftRequest, engine: Engine) -> str | None:
    """The formality score never falls as the slider rises in steps of 25."""
    scores = [formality_score(engine.draft(request, formality=v).full_text(), request.language) for v in FORMALITIES]
    if all(low <= high for low, high in zip(scores, scores[1:], strict=False)):
        return None
    return f"formality scores {scores} at formality {list(FORMALITIES)}: a step lowers the score"


def swapping_names_changes_only_them(request: DraftRequest, engine: Engine) -> str | None:
    """Other names of the same shape give the same draft with only those names replaced."""
    swaps = name_swaps(request)
    ctx = request.context
    swapped = {
        field: _substitute(getattr(ctx, field), swaps)
        for field in ("candidate_name", "recruiter_name", "company", "rejection_message", "notes")
    }
    original = engine.draft(request).full_text()
    other = engine.draft(request, **swapped).full_text()
    if _substitute(original, swaps) == other:
        return None
    expected_lines, got_lines = _substitute(original, swaps).splitlines(), other.splitlines()
    diff = [line for line in difflib.unified_diff(expected_lines, got_lines, lineterm="", n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    return f"other names {swaps} changed more than the names: {' | '.join(diff[:4])}"


def language_keeps_passing_checks(request: DraftRequest, engine: Engine) -> str | None:
    """en, fr and fr-FR drafts pass the same checks."""
    drafts = {language: engine.draft(request, language=language) for language in ("en", "fr", "fr-FR")}
    sets = {language: passing(draft) for language, draft in drafts.items()}
    if len(set(sets.values())) == 1:
        return None
    every = frozenset.union(*sets.values())
    differing = []
    for language, draft in drafts.items():
        for check in draft.checks.checks:
            if check.name in every and not check.passed:
                differing.append(f"{language} fails {check.name} ({check.reason})")
    return "passing checks differ by language: " + "; ".join(differing)


def variant_changes_wording_not_checks(request: DraftRequest, engine: Engine) -> str | None:
    """Variant 1 reads differently from variant 0; no variant changes which checks pass."""
    drafts = [engine.draft(request, variant=value) for value in VARIANTS]
    problems = []
    if drafts[1].full_text() == drafts[0].full_text():
        problems.append("variant 1 has the same wording as variant 0")
    base = passing(drafts[0])
    for value, draft in zip(VARIANTS, drafts, strict=True):
        if passing(draft) != base:
            changed = sorted(base ^ passing(draft))
            problems.append(f"variant {value} changes check results {changed}")
    return "; ".join(problems) or None


RELATIONS: dict[str, Relation] = {
    "length_raises_word_count": length_raises_word_count,
    "formality_never_lowers_score": formality_never_lowers_score,
    "swapping_names_changes_only_them": swapping_names_changes_only_them,
    "language_keeps_passing_checks": language_keeps_passing_checks,
    "variant_changes_wording_not_checks": variant_changes_wording_not_checks,
}


# ---- name swaps -------------------------------------------------------------------

# Letters rotate within their class, so a swapped name keeps its length, its
# words and its first letter's class: French elision ("d'Armor") and every
# word or character budget see the same shape. h and y stay (elision treats them as vowels).
_VOWELS, _CONSONANTS = "aeiou", "bcdfgjklmnpqrstvwxz"
_ROTATE = str.maketrans(
    _VOWELS + _CONSONANTS + (_VOWELS + _CONSONANTS).upper(),
    _VOWELS[2:] + _VOWELS[:2] + _CONSONANTS[3:] + _CONSONANTS[:3]
    + (_VOWELS[2:] + _VOWELS[:2] + _CONSONANTS[3:] + _CONSONANTS[:3]).upper(),
)


def name_swaps(request: DraftRequest) -> dict[str, str]:
    """Each capitalised word of the names and company (titles aside) -> another word of the same shape."""
    ctx = request.context
    titles = set(load_data("llm.yaml")["name_titles"])
    # A word shared with the role ("Data" Corp, "Data" Analyst) is not only a name: it stays.
    role_words = set(re.findall(r"[^\W\d_]+", ctx.role))
    # The noun heading an institution's name ("Ville", "Banque", "Hôtel") and an article ("Le") are grammar,
    # not a name: French drafts say « à la Ville de … » because of them.
    grammar = set(load_data("french.yaml")["institution_heads"]) | set(load_data("french.yaml")["names_with_article"])
    grammar |= {"le", "la", "les", "l"}
    # The noun a second mention uses (« votre clinique », "the district") is grammar too.
    grammar |= set(load_data("phrases.fr.yaml")["again_heads"]) | set(load_data("phrases.en.yaml")["again_heads"])
    swaps = {}
    for value in (ctx.candidate_name, ctx.recruiter_name, ctx.company):
        for word in re.findall(r"[^\W\d_]+", value):
            if fold(word) in grammar:
                continue
            if len(word) > 1 and word[0].isupper() and word.lower() not in titles and word not in role_words:
                swaps[word] = _same_gender_name(word) or word.translate(_ROTATE)
    return swaps


def _same_gender_name(word: str) -> str:
    """A first name that says the bearer's gender is swapped for another that says the same (a formal greeting
    says « Madame Vasseur » from « Élodie »): the draft may change only by the name."""
    names = load_data("first_names.yaml")
    folded = fold(word)
    for gender in ("feminine", "masculine"):
        pool = [n for n in names[gender] if "-" not in n and n != folded]
        if folded in names[gender]:
            vowel = folded[:1] in "aeiouy"
            same = [n for n in pool if (n[:1] in "aeiouy") == vowel and len(n) == len(folded)] or \
                   [n for n in pool if (n[:1] in "aeiouy") == vowel]
            return same[sum(map(ord, folded)) % len(same)].capitalize()
    return ""


def _substitute(text: str, swaps: dict[str, str]) -> str:
    if not swaps or not text:
        return text
    words = "|".join(map(re.escape, sorted(swaps, key=len, reverse=True)))
    pattern = re.compile(rf"(?<![^\W\d_])({words})(?![^\W\d_])")  # whole words only
    return pattern.sub(lambda m: swaps[m.group(1)], text)


# ---- the run ----------------------------------------------------------------------


def sample(cases: list[Case], options: RunOptions) -> list[Case]:
    """Every case of a dataset given with --dataset; else a few spread over each language × channel pair."""
    if options.dataset_given:
        return cases
    groups: dict[tuple[str, str], list[Case]] = {}
    for case in cases:
        groups.setdefault((str(case.language), str(case.channel)), []).append(case)
    keep = set()
    for group in groups.values():
        last, k = len(group) - 1, SAMPLE_PER_GROUP
        picks = range(len(group)) if len(group) <= k else {round(i * last / (k - 1)) for i in range(k)}
        keep |= {group[i].id for i in picks}
    return [case for case in cases if case.id in keep]  # file order


def run(cases: list[Case], options: RunOptions) -> SuiteResult:
    """Every relation on every sampled request; a relation that fails is listed as ``request-id/relation``."""
    failures: list[Failure] = []
    chosen = sample(cases, options)
    engine = Engine(options)
    held = {name: 0 for name in RELATIONS}
    wordings: list[int] = []
    for case in chosen:
        request = DraftRequest.model_validate(case.model_dump())
        hung = ""  # a request the engine loops on is not retried by every relation (2 s each)
        for name, relation in RELATIONS.items():
            label = f"{case.id}/{name}"
            if hung:
                failures.append(Failure(id=label, reason=f"not run: the engine hung on this request in {hung}"))
                continue
            problem = attempt(label, lambda: relation(request, engine) or "", failures, options)
            if problem is None:
                hung = name if CaseTimeout.__name__ in failures[-1].reason else ""
            elif problem:
                failures.append(Failure(id=label, reason=problem))
            else:
                held[name] += 1
        try:  # drafts already written by the variant relation, read from the cache
            wordings.append(len({engine.draft(request, variant=v).full_text() for v in VARIANTS}))
        except Exception:  # already reported by the relation
            pass
    runs = len(chosen) * len(RELATIONS)
    metrics = {
        "pass_rate": rate(sum(held.values()), runs),
        "per_relation": {name: {"pass_rate": rate(count, len(chosen)), "requests": len(chosen)}
                         for name, count in held.items()},
        # How many different texts variants 0-2 give, on average: the phrase banks' real choice.
        "distinct_wordings_per_3_variants": round(sum(wordings) / len(wordings), 2) if wordings else 0.0,
    }
    name = "offline" if options.engine == "offline" else f"llm:{options.settings.model if options.settings else '?'}"
    return SuiteResult(suite="metamorphic", engine=name, cases=runs, metrics=metrics, failures=failures)
