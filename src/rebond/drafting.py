"""Write a feedback request: offline, or by a model whose draft is checked, repaired once, else replaced offline.

``write_draft`` is for the CLI; ``stream_draft`` is for the app (``st.write_stream``).
Neither imports LangChain unless a model is actually called.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from rebond.guidance import principle_ids
from rebond.models import Draft, DraftRequest, Language
from rebond.settings import Settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from rebond.privacy import Mask

log = logging.getLogger(__name__)
_QUOTED = re.compile(r"[«\"“]\s*(.+?)\s*[»\"”]")


def write_draft(request: DraftRequest, settings: Settings | None = None, model: BaseChatModel | None = None) -> Draft:
    """A checked draft: offline when the engine is offline, else from the model (or a model passed in, e.g. a fake)."""
    return DraftStream(request, settings, model, streaming=False).result


def stream_draft(
    request: DraftRequest, settings: Settings | None = None, model: BaseChatModel | None = None
) -> DraftStream:
    """Like ``write_draft``, but iterating the result yields the text as the model writes it."""
    return DraftStream(request, settings, model, streaming=True)


def offline_draft(request: DraftRequest) -> Draft:
    """The offline engine's draft, checks filled."""
    from rebond.compose import compose  # imported here: the drafting module must load without it

    return compose(request)


def preview(draft: Draft) -> str:
    """A draft as one text, for a stream that had nothing to stream (offline, fallback)."""
    return draft.full_text()


class DraftStream:
    """Chunks of text for ``st.write_stream``; ``result`` is the checked ``Draft`` once they are read.

    The streamed text is a preview of the model's first answer. When that answer
    fails a critical check, ``result`` holds the repaired or offline draft instead
    and ``replaced`` is True: show ``result``, not the preview.
    """

    def __init__(
        self,
        request: DraftRequest,
        settings: Settings | None = None,
        model: BaseChatModel | None = None,
        *,
        streaming: bool = True,
    ) -> None:
        self.request = request
        self.settings = settings or Settings()
        self._model = model
        self._streaming = streaming
        self._result: Draft | None = None
        self.replaced = False

    def __iter__(self) -> Iterator[str]:
        if self._result is None:
            yield from self._run()

    @property
    def result(self) -> Draft:
        """The final draft; reading it first runs whatever was not iterated yet."""
        if self._result is None:
            for _ in self:
                pass
        assert self._result is not None
        return self._result

    # ---- the pipeline -----------------------------------------------------------

    def _run(self) -> Iterator[str]:
        shown = False
        for piece in self._produce():
            shown = True
            yield piece
        if not shown:
            # Nothing was streamed (offline engine, or a failure before the first
            # token): the preview is the result itself.
            self.replaced = False
            if self._streaming:
                yield preview(self.result)

    def _produce(self) -> Iterator[str]:
        """Yields the model's text as it streams; sets ``_result`` (and ``replaced`` when it differs)."""
        request, settings = self.request, self.settings
        if self._model is None and settings.engine_in_use == "offline":
            self._result = offline_draft(request)
            return
        from rebond import prompting
        from rebond.llm import (
            build_chat_model,
            invoke_text,
            model_name,
            stream_text,
            stream_within_deadline,
            within_deadline,
        )
        from rebond.privacy import mask_for

        try:
            model = self._model or build_chat_model(settings)
        except Exception as exc:  # no key and no endpoint: say so, draft offline
            self._finish_offline(_call_reason(exc, settings, request))
            return
        name = model_name(model, settings)
        ctx = request.context
        mask = mask_for(
            ctx.candidate_name, ctx.recruiter_name, ctx.company,
            elide=request.language.base == "fr", hiding=settings.privacy_on,
        )
        messages = prompting.draft_messages(request, mask)
        answers: list[Any] = []
        # The answer is checked as soon as its text is complete, while its usage and end are still coming.
        early: dict[str, tuple[Draft, list[tuple[str, str]]]] = {}

        def check_early(raw: str) -> None:
            try:
                early[raw] = self._assemble(raw, mask, name)
            except Exception:  # checked again below, where a failure is handled as always
                log.exception("early check failed")

        self.replaced = True  # until the first answer proves good
        try:
            if self._streaming:
                # An endpoint that only sends keep-alives would otherwise hold the call (and a pool thread) forever.
                answer = stream_text(model, messages, answers, stall_s=settings.timeout, when_complete=check_early)
                yield from mask.reveal_stream(stream_within_deadline(answer, settings))
            else:
                answers.append(within_deadline(lambda: invoke_text(model, messages), settings))
        except Exception as exc:
            log.info("draft call failed: %s", type(exc).__name__)
            self._finish_offline(_call_reason(exc, settings, request), answers, name)
            return
        raw = _text(answers[-1])
        draft, problems = early.pop(raw, None) or self._assemble(raw, mask, name)
        if not problems:
            self.replaced = False
            self._result = self._finished(draft, answers, name)
            return
        # One repair: the same conversation, the model's answer, and what failed.
        log.info("draft failed checks, repairing: %s", [key for _, key in problems])
        first_reasons = _main_reasons(problems)
        repair = prompting.repair_messages(messages, raw, list(_failure_lines(draft, problems)), request, mask)
        try:
            answers.append(within_deadline(lambda: invoke_text(model, repair), settings))
        except Exception as exc:
            log.info("repair call failed: %s", type(exc).__name__)
            self._finish_offline(_call_reason(exc, settings, request), answers, name)
            return
        repaired, still = self._assemble(_text(answers[-1]), mask, name)
        if still:
            self._finish_offline(prompting.notice("and_again", request.language, reason=first_reasons), answers, name)
            return
        repaired.notices.append(prompting.notice("draft_repaired", request.language, reason=first_reasons))
        self._result = self._finished(repaired, answers, name)

    def _assemble(self, raw: str, mask: Mask, name: str) -> tuple[Draft, list[tuple[str, str]]]:
        """The model's answer as a checked Draft, and its critical problems as (reason for the user, key)."""
        from rebond import prompting
        from rebond.checks import READER_CHECK_NAMES, run_checks
        from rebond.llm_output import clean, copied_passage, split_draft
        from rebond.situation import without_quoted_facts

        request = self.request
        revealed = mask.reveal(raw)
        if request.language is not Language.EN:
            # Masked names hide their article from the model: « de [COMPANY] » → « d'Atelier Verne ».
            from rebond.french import fix_organisation_grammar

            revealed = fix_organisation_grammar(revealed, request.context.company)
        subject, body, voicemail = split_draft(revealed, request.channel)
        draft = Draft(
            id=request.id,
            subject=(clean(subject) or None) if subject else None,
            body=clean(body),
            voicemail=(clean(voicemail) or None) if voicemail else None,
            channel=request.channel,
            language=request.language,
            engine=f"llm:{name}",
            guidance_ids=principle_ids("draft"),
        )
        lang = request.language
        if not draft.body.strip():
            return draft, [(prompting.reason("empty", lang), "empty")]
        draft.checks = run_checks(draft, request)
        # Critical failures, and what a native reader would reject (the reader's checks), go to the repair.
        problems = [(_check_reason(check, draft), check.name) for check in draft.checks.failed()
                    if check.critical or check.name in READER_CHECK_NAMES]
        if prompting.repeats_instructions(raw):
            problems.append((prompting.reason("instructions_leak", lang), "instructions_leak"))
        ctx = request.context
        # The facts Rebond itself reads out of them (the stated reason, what the notes say went wrong) may be
        # said in their own words; a run copied from any other sentence is a sign of obeyed instructions.
        sources = [without_quoted_facts(text, request) for text in (ctx.rejection_message, ctx.notes)]
        if copied := copied_passage(draft.full_text(), *sources):
            problems.append((prompting.reason("copied_input", lang, detail=copied), "copied_input"))
        return draft, problems

    def _finished(self, draft: Draft, answers: list[Any], name: str) -> Draft:
        from rebond.usage import usage_of

        draft.usage = usage_of(answers, name)
        return draft

    def _finish_offline(self, reason: str, answers: list[Any] | None = None, name: str = "") -> None:
        from rebond import prompting

        draft = offline_draft(self.request)
        draft.notices.insert(0, prompting.notice("draft_fallback", self.request.language, reason=reason))
        if answers:
            from rebond.usage import usage_of

            draft.usage = usage_of(answers, name)
        self._result = draft


def _text(message: Any) -> str:
    """The text of a message or chunk, whatever shape its content has."""
    # ``.text`` joins the text blocks of any content shape (str or list of blocks).
    return str(getattr(message, "text", "") or "")


# Which failure to name first when several checks fail: the most telling ones.
_PRIORITY = (
    "instructions_leak", "copied_input", "empty", "language_match", "feedback_request", "no_invented_facts",
    "no_placeholder",
)


def _main_reasons(problems: list[tuple[str, str]], keep: int = 2) -> str:
    """The one or two most telling reasons, so a notice stays one readable sentence."""
    ranked = sorted(problems, key=lambda p: _PRIORITY.index(p[1]) if p[1] in _PRIORITY else len(_PRIORITY))
    return "; ".join(reason for reason, _ in ranked[:keep])


def _call_reason(exc: BaseException, settings: Settings, request: DraftRequest) -> str:
    from rebond import prompting
    from rebond.llm import failure

    key, values = failure(exc, settings)
    return prompting.reason(key, request.language, **values)


def _check_reason(check: Any, draft: Draft) -> str:
    """A failed critical check, told the way the user thinks of it ("the model answered in English")."""
    from rebond import prompting
    from rebond.resources import load_data

    lang = draft.language
    known = load_data("llm.yaml")["reasons"]
    if check.name == "language_match":
        from rebond.text import detect_language

        detected, _ = detect_language(draft.body)
        names = load_data("llm.yaml")["detected_language_names"]
        shown = names.get(detected, names["other"])["en" if lang.base == "en" else "fr"]
        return prompting.reason("language_match", lang, detail=shown)
    if check.name in known:
        # The check's reason quotes the culprit ("Google"); the notice repeats it.
        quoted = _QUOTED.search(check.reason)
        detail = quoted.group(1) if quoted else check.label
        return prompting.reason(check.name, lang, detail=detail)
    return prompting.reason("other_check", lang, detail=check.label)


def _failure_lines(draft: Draft, problems: list[tuple[str, str]]) -> Iterator[str]:
    """What the repair prompt lists: each failed check's label and reason, and any pipeline problem."""
    from rebond import prompting

    by_name = {check.name: check for check in draft.checks.checks}
    for reason, key in problems:
        check = by_name.get(key)
        yield prompting.failure_line(check) if check is not None else reason
