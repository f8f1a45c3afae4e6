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
    text = _without_links(text)
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
_LINE_ENDS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # where str.splitlines (and split_draft) cut


def preview_parts(pieces: Iterable[str], with_subject: bool = True) -> Iterator[tuple[str, str]]:
    """A streamed answer as ("subject", its text) once, when it opens with a subject line, then ("body", text)s.

    For showing the answer while it streams, as the checked draft will read:
    the "Subject:" label the output format asks for is not shown as if it were
    the message (a subject is dropped where the channel has none), and links
    are left out as ``clean`` leaves them out. Text is held back only until
    the first line is complete, then to the last space (a link may still be
    growing past it).
    """
    opening = ""  # held until the first line is complete
    deciding = True
    gap = False  # right after a subject line: the line breaks after it are not shown
    pending = ""  # body text from the last space on
    for piece in pieces:
        if deciding:
            opening += piece
            text = opening.lstrip()
            line = text.splitlines(keepends=True)[0] if text else ""
            complete = line.rstrip(_LINE_ENDS) != line
            if not complete and len(opening) < _SUBJECT_LINE_MAX:
                continue
            deciding = False
            subject = line.rstrip(_LINE_ENDS)
            if complete and len(subject) <= _SUBJECT_LINE_MAX and (match := _SUBJECT.match(subject)):
                if with_subject and (title := match.group(1).strip()):
                    yield "subject", title
                piece, gap = text[len(line) :], True
            else:
                piece = opening
        if gap:
            piece = piece.lstrip(_LINE_ENDS)
            gap = not piece
        pending += piece
        cut = max(pending.rfind(space) for space in " \t\n") + 1
        if shown := _without_links(pending[:cut]):
            yield "body", shown
        pending = pending[cut:]
    if shown := _without_links(opening if deciding else pending):  # an answer that ended mid-line
        yield "body", shown


def _without_links(text: str) -> str:
    """The text without its URLs (every URL holds a ":" or starts with "www.": most texts need no scan)."""
    return _URL.sub("", text) if ":" in text or "www." in text.lower() else text


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
