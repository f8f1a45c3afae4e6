"""What a model writes, made safe: the draft's parts parsed out of plain text, markup and links removed."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from rebond.models import Channel
from rebond.text import WORD, fold, words

# A feedback request has no reason to copy this many words in a row from pasted
# text; a model that does is most likely following instructions hidden in it.
COPIED_RUN_WORDS = 8

_FENCE = re.compile(r"^\s*```[\w-]*\s*$", re.M)
_SUBJECT = re.compile(r"^\W{0,3}(?:subject|objet|sujet)\W{0,3}\s*:\s*\**\s*(.+?)\s*\**\s*$", re.I)
_VOICEMAIL = re.compile(
    r"^\W{0,3}(?:voicemail|voice ?mail message|message vocal|message sur (?:la )?(?:boîte|boite) vocale|"
    r"messagerie vocale|(?:boîte|boite) vocale)\W{0,3}\s*:\s*\**\s*",
    re.I | re.M,
)
_SCRIPT_LABEL = re.compile(r"^\W{0,3}(?:call script|script(?: d'appel| de l'appel)?|appel)\W{0,3}\s*:\s*$", re.I | re.M)
# Markup a pasted text could smuggle into a draft through the model.
_DANGEROUS_BLOCK = re.compile(r"<(script|style|iframe|object)\b.*?(?:</\1\s*>|$)", re.I | re.S)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)[^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_URL = re.compile(r"(?:https?|ftp|javascript|data|file):[^\s<>\"')\]]+|\bwww\.[^\s<>\"')\]]+", re.I)


def clean(text: str) -> str:
    """Plain text: no HTML, no Markdown images or links, no URL.

    Each pattern runs only when the text has the character it needs (most drafts
    have no markup at all): the same result, without eight scans of every draft.
    """
    if "<" in text:
        text = _DANGEROUS_BLOCK.sub("", text)
        text = _TAG.sub("", text)
    if "](" in text:
        text = _MD_IMAGE.sub("", text)
        text = _MD_LINK.sub(r"\1", text)
    if "**" in text or "__" in text:
        text = _EMPHASIS.sub(r"\2", text)
    # The offline engine writes no link either; a link in a draft or an analysis can
    # only have come from pasted text, so none is kept (the user may add their own).
    if ":" in text or "www." in text.lower():
        text = _URL.sub("", text)
    if " \n" in text or "\t\n" in text:
        text = re.sub(r"[ \t]+\n", "\n", text)
    if "\n\n\n" in text:
        text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def split_draft(text: str, channel: Channel) -> tuple[str | None, str, str | None]:
    """Subject, body and voicemail out of a model's plain-text answer, following the output format asked for."""
    text = _FENCE.sub("", text).strip()
    subject = voicemail = None
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and (match := _SUBJECT.match(lines[first])):
        # A LinkedIn message or a call has no subject; a stray one is dropped.
        subject = match.group(1).strip() if channel is Channel.EMAIL else None
        text = "\n".join(lines[first + 1 :]).strip()
    if channel is Channel.PHONE and (match := _VOICEMAIL.search(text)):
        voicemail = text[match.end() :].strip() or None
        text = text[: match.start()].strip()
    if channel is Channel.PHONE:
        text = _SCRIPT_LABEL.sub("", text).strip()
    return subject, text, voicemail


# A subject line longer than this is not one: the preview stops waiting for its end.
_SUBJECT_LINE_MAX = 300


def preview_parts(pieces: Iterable[str]) -> Iterator[tuple[str, str]]:
    """A streamed answer as ("subject", its text) once, when it opens with a subject line, then ("body", piece)s.

    For showing the answer while it streams: the "Subject:" label the output
    format asks the model for is not shown as if it were the message. Only the
    opening is held back, until its first line is complete.
    """
    held = ""
    deciding = True
    after_subject = False  # the blank line after a subject is not shown either
    for piece in pieces:
        if after_subject:
            piece = piece.lstrip("\n")
            after_subject = not piece
        if not deciding:
            if piece:
                yield "body", piece
            continue
        held += piece
        line, newline, rest = held.lstrip().partition("\n")
        if not newline and len(held) < _SUBJECT_LINE_MAX:
            continue
        deciding = False
        if newline and (match := _SUBJECT.match(line)):
            yield "subject", match.group(1).strip()
            held = rest.lstrip("\n")
            after_subject = not held
        if held:
            yield "body", held
    if deciding and held:
        yield "body", held


def copied_passage(text: str, *sources: str, run: int = COPIED_RUN_WORDS) -> str | None:
    """The first run of ``run`` words that ``text`` copies from any source, or None.

    Words are compared folded (case, accents, typographic apostrophes and dashes
    ignored); each text is folded once, and folding keeps offsets, so the passage
    returned is the draft's own words.
    """
    seen: set[tuple[str, ...]] = set()
    for source in sources:
        tokens = words(fold(source))
        seen.update(tuple(tokens[i : i + run]) for i in range(len(tokens) - run + 1))
    if not seen:
        return None
    folded = fold(text)
    tokens = words(folded)
    starts = {gram[0] for gram in seen}
    for i in range(len(tokens) - run + 1):
        if tokens[i] in starts and tuple(tokens[i : i + run]) in seen:
            spans = [match.span() for match in WORD.finditer(folded)][i : i + run]
            return " ".join(text[start:end] for start, end in spans)
    return None
