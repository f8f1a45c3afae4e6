"""A follow-up when no decision has come: where does the process stand, and feedback only if the answer was no.

A candidate who has heard nothing (no message, and notes that say so: « aucune nouvelle », "haven't heard back") gets
a draft that regrets nothing and thanks for nothing that did not happen. Wordings live under ``follow_up`` in the
phrase banks.
"""

from __future__ import annotations

import re

from typing import TYPE_CHECKING, Any

from rebond.models import Channel
from rebond.notes_questions import asks_status, past_the_decision
from rebond.text import APPLY_AGAIN

if TYPE_CHECKING:
    from rebond.compose import _Writer


# From this length a follow-up also asks, for the case of a no, what to improve.
_CONDITIONAL_FROM = 60


def _moment(w: _Writer) -> str:
    """What the feedback is asked on: the question the notes say was asked, else their first moment that did not
    go well (« mes réponses aux questions sur le statut », « mon test écrit »)."""
    if w.situation.asked:
        return w.situation.asked
    moments = [m for m in w.situation.moments if m in w.bank["moments"] and m not in w.situation.went_well]
    moments = moments or [m for m in w.situation.moments if m in w.bank["moments"]]
    return w.fill(w.bank["moments"][moments[0]]) if moments else ""


def follow_up(w: _Writer) -> tuple[str | None, str, str | None]:
    """(subject, body, voicemail) for a follow-up on a decision not yet given, by channel."""
    from rebond.compose import _closing, _greeting, _own, _phone_greeting  # the same greeting and sign-off as any draft

    bank = w.bank["follow_up"]
    if w.situation.on_hold:
        return _on_hold(w, bank["on_hold"])
    moment = _moment(w)
    feedback = w.slots.get("feedback", "your feedback")
    slots = {"on_moment": w.fill(bank["on_moment"], moment=moment) if moment else "",
             "on_moment_q": w.fill(bank["on_moment_q"], moment=moment) if moment else "",
             "feedback_lower": feedback}
    # « vos commentaires … m'aideraient », « votre retour … m'aiderait »: the verb agrees with the vocabulary's noun.
    decided = bank["if_decided"] if feedback.startswith(("vos ", "your")) or w.english else bank["if_decided_one"]
    if_decided = w.fill(decided, **slots)
    if_decided = if_decided[:1].upper() + if_decided[1:]
    reg = w.reg
    # The answer promised, recalled (readers: "it leaves out that an answer was promised before the holidays").
    promised = [w.fill(bank["promised"], promised=w.situation.promised)] if w.situation.promised else []
    # The notes' own questions past where things stand (that one the follow-up asks itself), for the case of a no.
    own = [past_the_decision(q) for q in _own(w) if not asks_status(q)]
    # "If I'm not selected, what could I improve?" in a plain follow-up read as resigned to three readers of round 32:
    # it is asked when the notes name a moment to ask about, or in a longer message, not in every short check-in.
    conditional = bool(moment) or w.request.tone.length >= _CONDITIONAL_FROM
    if w.request.channel is Channel.PHONE:
        opening = w.pick("phone_opening", greeting=_phone_greeting(w))
        questions = [w.fill(q, **slots) for q in bank["phone_questions"]][:None if conditional else 1]
        if own:
            questions = [questions[0], *own]  # what the candidate wants to know, in place of the generic one
        labels = w.bank["phone_labels"]
        ask = w.fill(bank["phone_ask_own" if own else "phone_ask"])  # (their questions say what, not why: it says why)
        if promised:
            ask = f"{promised[0]} {ask}"
        if w.situation.to_mention:
            ask += " " + w.pick("mention", mention=w.situation.to_mention)
        body = "\n\n".join([f"{labels['opening']} {opening}", f"{labels['ask']} {ask}",
                            labels["questions"] + "\n" + "\n".join(f"- {q}" for q in questions),
                            f"{labels['closing']} {w.fill(bank['phone_closing'])}"])
        phone = w.request.context.candidate_phone
        callback = w.choose(w.bank, "callback_number" if phone else "callback_no_number")
        return None, body, w.fill(bank["voicemail"], greeting=_phone_greeting(w), callback=callback)
    # (Not in a LinkedIn note: its few words go to the status and the ask.)
    lines = [w.fill(bank["intro"]), *([] if w.request.channel is Channel.LINKEDIN else promised), w.fill(bank["status"][reg])]
    if w.request.channel is Channel.LINKEDIN:
        from rebond.checks import linkedin_char_limit

        limit = linkedin_char_limit(w.request.tone.length)
        short = [w.fill(bank["intro_short"]), w.fill(bank["status_short"])]
        bare = w.fill(decided, **{**slots, "on_moment": ""})
        bare = bare[:1].upper() + bare[1:]
        # Fewer words until the note fits: the shorter opening, then the moment, then the thanks.
        for parts in ([*lines, if_decided, *own, w.fill(bank["still"][reg]), w.fill(bank["thanks"][reg])],
                      [*lines, if_decided, *own[:1], w.fill(bank["still"][reg]), w.fill(bank["thanks"][reg])],
                      [*lines, if_decided, w.fill(bank["still"][reg]), w.fill(bank["thanks"][reg])],
                      [*short, if_decided, w.fill(bank["still"][reg]), w.fill(bank["thanks"][reg])],
                      [*short, if_decided, w.fill(bank["still"][reg])],
                      [*short, bare, w.fill(bank["still"][reg])],
                      # (a long title and date: the conditional ask in its fewest words)
                      [*short, w.fill(bank["if_decided_short"], **slots), w.fill(bank["still"][reg])],
                      [*short, w.fill(bank["if_decided_short"], **slots)]):
            body = "\n\n".join([_greeting(w), " ".join(parts), w.request.context.candidate_name])
            if len(body) <= limit:
                break
        return None, body, None
    greeting = _greeting(w)
    if not conditional and not own:
        if_decided = ""
    if w.situation.to_mention:
        if_decided = (if_decided + " " + w.pick("mention", mention=w.situation.to_mention)).strip()  # (before the questions)
    if len(own) == 1:
        if_decided += " " + own[0]
    elif own:
        if_decided += "\n\n" + w.fill(bank["own_questions"]) + "\n\n" + "\n".join(f"- {q}" for q in own)
    paragraphs = [greeting, " ".join(lines), *([if_decided] if if_decided else []), " ".join([w.fill(bank["still"][reg]), w.fill(bank["thanks"][reg])]),
                  f"{_closing(w, greeting)}\n{w.request.context.candidate_name}"]
    return w.fill(bank["subject"]), "\n\n".join(paragraphs), None


# From this length an on-hold message says why it asks.
_WHY_FROM = 40


def _after_first_sentence(text: str, added: list[str]) -> str:
    """``added`` said right after the first sentence of ``text`` (the thanks), before the ask."""
    first, _, rest = text.partition(". ")
    return " ".join(p for p in (first + "." if rest else first, *added, rest) if p)


def _on_hold(w: _Writer, bank: dict[str, Any]) -> tuple[str | None, str, str | None]:
    """(subject, body, voicemail) when the message put the hiring on hold: thanks for the update, then what the pause
    means for the application (the notes' own questions in place of the stock one). Nothing is regretted: no one was
    chosen and nothing was refused."""
    from rebond.compose import _closing, _greeting, _invitation_short, _own, _phone_greeting, _wants_line

    own = [past_the_decision(q) for q in _own(w) if not asks_status(q)]
    wants = _wants_line(w)  # « Demander s'il y aura un nouvel affichage quand le projet repart »
    if w.situation.qualified:
        bank = {**bank, **bank["qualified"]}  # on a list of qualified people: its own thanks and question
    # The notes already ask whether to apply again (« do I have to reapply from scratch? »): the stock question goes.
    # On a list, the notes asking about the list itself (round 50: "What does being on the panel mean in practice?")
    # ask the stock question in their own words.
    stock = not any(APPLY_AGAIN.search(q) or w.situation.qualified and re.search(
        r"(?i)\b(?:list|panel|pool|liste|banque|bassin|r[ée]serve)\b", q) for q in own)
    reg = w.reg
    # (A letter signed by an office: the person addressed is not thanked for it.)
    by_phone = w.situation.news == "phone" and "thanks_call" in bank
    opening = w.fill(bank["thanks_office"]) if w.situation.from_office else w.fill(bank["thanks_call" if by_phone else "thanks"][reg])
    still, thanks = w.fill(w.bank["follow_up"]["still"][reg]), w.fill(w.bank["follow_up"]["thanks"][reg])
    # What the recruiter said kindly or offered (« vous étiez au premier rang », "he'd ring me when it opens back
    # up"), answered once after the thanks (round 39: both on-hold drafts left them unanswered).
    answered = []
    if w.situation.praise and not w.situation.from_office:
        answered.append(w.pick("praise_thanks_area", "general"))
    if w.situation.invited_back:
        # (the post itself will reopen: not "if another opportunity comes up")
        answered.append(_invitation_short(w) if w.situation.qualified else w.fill(bank["kept_in_mind"]))
    opening = " ".join([opening, *answered])
    if w.request.channel is Channel.PHONE:
        labels = w.bank["phone_labels"]
        questions = [*[w.fill(q) for q in bank["phone_questions"][:1] if stock], *own] if own else [w.fill(q) for q in bank["phone_questions"]]
        body = "\n\n".join([f"{labels['opening']} {w.pick('phone_opening', greeting=_phone_greeting(w))}",
                             f"{labels['ask']} {_after_first_sentence(w.fill(bank['phone_ask_call' if by_phone else 'phone_ask']), answered)} {wants}".strip(),
                             labels["questions"] + "\n" + "\n".join(f"- {q}" for q in questions),
                             f"{labels['closing']} {w.fill(w.bank['follow_up']['phone_closing'])}"])
        callback = w.choose(w.bank, "callback_number" if w.request.context.candidate_phone else "callback_no_number")
        return None, body, w.fill(bank["voicemail"], greeting=_phone_greeting(w), callback=callback)
    ask = " ".join(p for p in (w.fill(bank["ask"]) if stock else "", wants) if p)
    # Why the candidate asks, in a message long enough for it (round 37's reader: "it would help me plan").
    why = w.fill(bank["why"]) if w.request.tone.length >= _WHY_FROM else ""
    if w.request.channel is Channel.LINKEDIN:
        from rebond.checks import linkedin_char_limit

        limit = linkedin_char_limit(w.request.tone.length)
        for parts in ([opening, ask, *own, why, still], [opening, ask, *own, still], [opening, ask or own[0], still], [opening, ask or own[0]]):
            body = "\n\n".join([_greeting(w), " ".join(p for p in parts if p), w.request.context.candidate_name])
            if len(body) <= limit:
                break
        return None, body, None
    greeting = _greeting(w)
    if len(own) == 1:
        asks = " ".join(p for p in (ask, own[0]) if p)
    elif own:
        lead = w.fill(bank["own_lead" if stock else "own_only_lead"])
        asks = "\n\n".join(p for p in (ask, lead, "\n".join(f"- {q}" for q in own)) if p)
    else:
        asks = ask
    paragraphs = [greeting, opening, f"{asks} {why}".strip() if "\n" not in asks else f"{asks}\n\n{why}".strip(), f"{still} {thanks}",
                  f"{_closing(w, greeting)}\n{w.request.context.candidate_name}"]
    return w.fill(bank["subject"]), "\n\n".join(paragraphs), None
