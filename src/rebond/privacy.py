"""Privacy mode: names and company become placeholders before anything is sent, and come back in the result."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from rebond.resources import load_data

# Placeholders look like the tokens the prompts tell the model to copy verbatim.
# A model may change the case inside brackets; bare tokens must stay upper case,
# or the word "company" in a sentence would be taken for one.
_TOKEN = re.compile(
    r"\[\s*((?i:candidate_name|recruiter_name|company)(?:_\d+)?)\s*\]"
    r"|\b((?:CANDIDATE_NAME|RECRUITER_NAME|COMPANY)(?:_\d+)?)\b"
)
# French elides "de" and "que" before a vowel; the model wrote them before a
# placeholder and could not know what the name starts with.
_ELIDABLE = re.compile(r"\b([Dd]e|[Qq]ue) $")
_VOWEL = re.compile(r"[aeiouyàâäéèêëîïôöùûü]", re.I)
# While streaming, hold back the last word (it may be a placeholder or "de"),
# an unclosed bracket, and a "de " or "que " that may need eliding: the longest
# end of the text that matches
#     (?:\b(?:[Dd]e|[Qq]ue)\s+)?(?:\[[^\]\n]{0,40}|\w+)?\Z
# It is found by matching the reversed pattern at the start of the reversed end
# of the text: one attempt, where a forward search tries every position (this
# runs all along the stream).
_UNSAFE_TAIL_REVERSED = re.compile(r"(?:[^\]\n]{0,40}\[|\w+)?(?:\s+(?:e[Dd]|eu[Qq])(?!\w))?")
# The tail that matters is short ("que " and a bracket with 40 characters); past
# this window, holding a long word whole would not change what is revealed (a
# placeholder is never part of a longer word).
_TAIL_WINDOW = 64


def unsafe_tail_start(text: str) -> int:
    """Where the end of a streamed text that may still turn into (or elide before) a placeholder begins."""
    window = text[-_TAIL_WINDOW:][::-1]
    return len(text) - _UNSAFE_TAIL_REVERSED.match(window).end()  # type: ignore[union-attr]  # the pattern can match empty


# Text is released once this many characters wait (or at a line break), not at
# every token: about four tokens at a time still reads as live typing, and the
# per-release work is done a quarter as often.
_RELEASE_EVERY = 16


def _may_hold_token(text: str) -> bool:
    """Whether ``_TOKEN`` could match: every placeholder has a bracket, "_NAME" or "COMPANY"."""
    return "[" in text or "_NAME" in text or "COMPANY" in text


class Mask:
    """A reversible mapping between the real names of one request and placeholders.

    ``hide`` may learn new surface forms (e.g. "ACME" for "Acme"), so use one mask
    for every message of a request, then ``reveal`` the model's answers with it.
    """

    def __init__(self, names: dict[str, str], *, elide: bool = False, hiding: bool = True) -> None:
        self._elide = elide
        self._hiding = hiding
        self._originals: dict[str, str] = {}  # placeholder -> surface form it replaced
        self._patterns: list[tuple[re.Pattern[str], str]] = []
        titles = set(load_data("llm.yaml")["name_titles"])
        # The values as entered get the plain placeholders ([COMPANY]); other
        # spellings met while hiding ("ACME") get numbered ones.
        candidates: list[tuple[str, str]] = []
        for role, value in names.items():
            value = value.strip()
            if not value:
                continue
            candidates.append((value, role))
            self._placeholder(value, role)
            if role != "COMPANY":
                # A first or last name alone ("Julie", "Tremblay") is as identifying as the whole.
                parts = [p for p in re.split(r"\s+", value) if len(p) > 1 and p.lower().strip(".") not in titles]
                for part in parts:
                    if part != value:
                        candidates.append((part, role))
                        self._placeholder(part, role)
        # Longest first, so "Julie Tremblay" wins over "Julie".
        for value, role in sorted(candidates, key=lambda pair: -len(pair[0])):
            pattern = re.compile(rf"(?<!\w){re.escape(value)}(?!\w)", re.I)
            self._patterns.append((pattern, role))

    @classmethod
    def off(cls) -> Mask:
        """A mask that changes nothing (privacy mode off)."""
        return cls({})

    @property
    def hiding(self) -> bool:
        """Whether ``hide`` replaces anything (privacy mode on, and names to hide)."""
        return self._hiding and bool(self._patterns)

    def _placeholder(self, surface: str, role: str) -> str:
        for placeholder, original in self._originals.items():
            if original == surface:
                return placeholder
        taken = sum(1 for p in self._originals if p == role or p.startswith(f"{role}_"))
        placeholder = role if taken == 0 else f"{role}_{taken}"
        self._originals[placeholder] = surface
        return placeholder

    def hide(self, text: str) -> str:
        """The text with every known name replaced by its placeholder."""
        if not self._hiding or not self._patterns or not text:
            return text
        for pattern, role in self._patterns:
            text = pattern.sub(lambda m, role=role: f"[{self._placeholder(m.group(0), role)}]", text)
        return text

    def reveal(self, text: str) -> str:
        """The text with every placeholder back to the words it replaced."""
        if not self._originals or not text or not _may_hold_token(text):
            return text

        def restore(match: re.Match[str]) -> str:
            key = (match.group(1) or match.group(2)).upper()
            return self._originals.get(key, match.group(0))

        if not self._elide:
            return _TOKEN.sub(restore, text)
        out, last = [], 0
        for match in _TOKEN.finditer(text):
            original = restore(match)
            before = text[last : match.start()]
            if original != match.group(0) and _VOWEL.match(original) and (elided := _ELIDABLE.search(before)):
                before = before[: elided.start()] + elided.group(1)[:-1] + "'"
            out += [before, original]
            last = match.end()
        out.append(text[last:])
        return "".join(out)

    def reveal_stream(self, chunks: Iterable[str]) -> Iterator[str]:
        """``reveal`` for a stream: holds back only what may still turn into a placeholder."""
        if not self._originals:
            yield from chunks
            return
        pending = ""
        for chunk in chunks:
            pending += chunk
            if len(pending) < _RELEASE_EVERY and "\n" not in chunk:
                continue
            cut = unsafe_tail_start(pending)
            if cut:
                yield self.reveal(pending[:cut])
                pending = pending[cut:]
        if pending:
            yield self.reveal(pending)


def mask_for(
    candidate_name: str = "", recruiter_name: str = "", company: str = "", *, elide: bool = False, hiding: bool = True
) -> Mask:
    """A mask for one request's names and company.

    With ``hiding=False`` (privacy off) nothing is hidden, but a placeholder the
    model writes anyway (the prompts mention them) is still filled in.
    """
    names = {"CANDIDATE_NAME": candidate_name, "RECRUITER_NAME": recruiter_name, "COMPANY": company}
    return Mask(names, elide=elide, hiding=hiding)
