"""The fast lexicon scanner finds exactly what the plain word-boundary regex finds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rebond.analysis_rules import LEXICON_FILE
from rebond.resources import load_data
from rebond.text import compile_terms, fold

DATASETS = Path(__file__).resolve().parents[1] / "evals" / "datasets"


def _reference(terms: tuple[str, ...]) -> re.Pattern[str]:
    """The definition the scanner must agree with: a lookbehind, the terms, a lookahead."""
    body = "|".join(f"(?:{term})" for term in terms)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])")


def _lexicons() -> list[tuple[str, tuple[str, ...]]]:
    """Every lexicon the checks and the analyser scan with, plus each formality marker alone."""
    found: list[tuple[str, tuple[str, ...]]] = []

    def walk(name: str, node: object) -> None:
        if isinstance(node, list) and node and all(isinstance(item, str) for item in node):
            found.append((name, tuple(node)))
        elif isinstance(node, dict):
            for key, value in node.items():
                walk(f"{name}.{key}", value)

    checks = load_data("checks.yaml")
    for key, value in checks.items():
        if key not in {"messages", "placeholders", "months", "formality_markers", "common_capitalised"}:
            walk(key, value)
    for lang, groups in checks["formality_markers"].items():
        for group, markers in groups.items():
            found += [(f"formality.{lang}.{group}.{marker[0]}", (marker[0],)) for marker in markers]
    for base in ("en", "fr"):
        walk(f"analysis.{base}", {k: v for k, v in load_data(LEXICON_FILE)[base].items() if k != "texts"})
    return found


LEXICONS = _lexicons()


def _texts() -> list[str]:
    texts = []
    for name in ("replies.jsonl", "checker_drafts.jsonl"):
        for line in (DATASETS / name).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            texts.append(record.get("reply") or record.get("body") or json.dumps(record, ensure_ascii=False))
    return [fold(text) for text in texts]


def test_the_lexicons_are_many_enough_to_mean_something():
    assert len(LEXICONS) > 150
    assert len(_texts()) > 150


@pytest.mark.parametrize("name,terms", LEXICONS, ids=[name for name, _ in LEXICONS])
def test_the_scanner_matches_the_reference_regex_on_every_dataset_text(name: str, terms: tuple[str, ...]):
    scanner, reference = compile_terms(terms), _reference(terms)
    for text in _texts():
        assert [m.span() for m in scanner.finditer(text)] == [m.span() for m in reference.finditer(text)], name
        assert scanner.count(text) == len(reference.findall(text))


# Letters, accents, apostrophes, hyphens, digits, underscores and the words of a few terms,
# so that matches inside words (which must be refused) are common.
_PIECES = st.one_of(
    st.sampled_from(["vous", "tu", "ca", "merci", "dear", "hi", "cool", "super", "i'm", "a+", "svp", "'", "-", "_", " ", "\n", ".", "é", "2"]),
    st.text(alphabet="abcdeéiklmnorstuvy_'- .,\n", max_size=6),
)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=25), cut=st.tuples(st.integers(0, 60), st.integers(0, 80)))
def test_the_scanner_agrees_on_arbitrary_text_and_windows(pieces: list[str], cut: tuple[int, int]):
    text = "".join(pieces)
    pos, endpos = min(cut), max(cut)
    for terms in (("vous",), ("tu", "ca", "a\\+"), ("i'm|hi", "merci!|merci beaucoup!"), ("dear", "super", "cool"),
                  # Grouped by first letter: leading groups spread, optional groups, classes, \\b.
                  ("(vo|to)us?", "(?:su|co)(per|ol)", "(ca)?i", "\\btu\\b|[a-e]\\w*'", "(de|d')ar?", "merci( beaucoup)?!")):
        scanner, reference = compile_terms(terms), _reference(terms)
        assert [m.span() for m in scanner.finditer(text)] == [m.span() for m in reference.finditer(text)]
        found = scanner.search(text, pos, endpos)
        expected = reference.search(text, pos, endpos)
        assert (found and found.span()) == (expected and expected.span())
        at, expected_at = scanner.match(text, pos), reference.match(text, pos)
        assert (at and at.span()) == (expected_at and expected_at.span())


def test_a_term_inside_a_word_is_refused_but_the_next_whole_word_is_found():
    scanner = compile_terms(("vous",))
    assert [m.span() for m in scanner.finditer("avous vous_ vous")] == [(12, 16)]
    # Context before pos still counts: "ous" at 2 is inside "vous", not a word of its own.
    assert compile_terms(("ous",)).search("vous ous", 2).span() == (5, 8)


def _fold_each(text: str) -> str:
    from rebond.text import _fold_char

    return "".join(_fold_char(char) for char in text)


def test_every_latin1_character_folds_as_it_does_alone():
    text = "".join(chr(code) for code in range(256))
    assert fold(text) == _fold_each(text)
    assert len(fold(text)) == len(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40) | st.text(alphabet="aÉé’‘–—‑`´«»“”…ÇœŒİẞ😀 ", max_size=40))
def test_fold_is_the_same_whichever_way_it_is_taken(text: str):
    # Latin-1 text takes the bytes path, other text the per-character table: same result, same length.
    fold.cache_clear()
    assert fold(text) == _fold_each(text)
    assert len(fold(text)) == len(text)


def _sentences_by_lookbehind(text: str) -> list[tuple[int, int]]:
    """The definition: a sentence ends where spaces follow . ! ? …, or at a run of line breaks."""
    spans, start = [], 0
    for match in re.finditer(r"(?<=[.!?…])\s+|\n+", text):
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab .!?…\n\t", max_size=30))
def test_sentences_end_where_the_definition_says(text: str):
    from rebond.text import sentences

    assert sentences(text) == _sentences_by_lookbehind(text)


def test_whole_word_counts_and_positions_by_plain_search():
    from rebond.text import count_word, word_positions

    text = "Desjardins, chez Desjardins et DesjardinsX; la Banque Nationale."
    assert count_word(text, "Desjardins") == 2
    assert list(word_positions(text, "Banque Nationale")) == [text.index("Banque")]
    assert count_word(text, "") == 0 and list(word_positions(text, "jardins")) == []
