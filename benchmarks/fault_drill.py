"""Fault drill: the drafting and analysis pipelines against a local OpenAI-compatible server that fails on purpose.

The server (``rebond.testing``'s scripted endpoint: 127.0.0.1 only, in a thread,
one route per fault; the tests use the same one) injects one fault per row: a hang past the timeout, a 429 storm, 500, 401, a stream cut
mid-answer, invalid JSON, an answer in the wrong language; ``none`` is the
control. Each row runs drafting as the app does (``stream_draft``, streamed)
and analysis as the app does (``read_reply``), with the configured retries.
A row passes when it ends in a usable, checked result (no critical check
failed; evidence quoted verbatim; the user's language; a notice whenever the
model's answer was not used) within timeout + 2 s. Exit 1 if any row fails.

    .venv/bin/python benchmarks/fault_drill.py                 # REBOND_TIMEOUT=3, the default retries (2)
    .venv/bin/python benchmarks/fault_drill.py --retries 0     # one attempt per call
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # drill_request, also when loaded by the tests

from drill_request import REQUEST, good_answer  # noqa: E402

from rebond.drafting import stream_draft  # noqa: E402
from rebond.models import AnalysisRequest, Language  # noqa: E402
from rebond.reading import read_reply  # noqa: E402
from rebond.settings import Settings  # noqa: E402
from rebond.testing import Answer, Request, ScriptedServer, completion, error_body, sse_event, sse_events  # noqa: E402
from rebond.text import detect_language  # noqa: E402

MODEL = "gpt-4.1-mini"
SLACK_S = 2.0  # what the issue allows beyond the timeout
FAULTS = ("none", "timeout", "429 storm", "500", "401", "truncated stream", "invalid JSON", "error answer",
          "wrong language")
# What an overloaded endpoint sends with status 200: an error event mid-stream, or an error object for a JSON call.
ERROR_OBJECT = error_body("The server is overloaded, please retry", type="server_error")
REPLY = AnalysisRequest(
    id="drill",
    reply=(
        "Bonjour Camille,\n\nMerci pour votre message. Votre entrevue était agréable, mais nous cherchions une "
        "personne avec plus d'expérience en modélisation de données et une meilleure maîtrise de SQL avancé. "
        "Votre CV gagnerait aussi à mettre vos projets en avant.\n\nBonne continuation,\nJulie Tremblay"
    ),
    candidate_name="Camille Roy",
    recruiter_name="Julie Tremblay",
)
# What a good model answers (the offline engine's own wording passes every check),
# and the same draft in English for a French request.
DRAFT_FR = good_answer(REQUEST)
DRAFT_EN = good_answer(REQUEST.model_copy(update={"language": Language.EN}))
_CATEGORIES = [
    ("experience", "plus d'expérience en modélisation de données", False),
    ("skills", "une meilleure maîtrise de SQL avancé", True),
]
ANALYSIS_FR = {
    "kind": "constructive",
    "kind_reason": "La réponse nomme deux points précis à travailler.",
    "categories": [
        {"category": c, "evidence": e, "advice": "Travaillez ce point avec un projet concret.", "controllable": k}
        for c, e, k in _CATEGORIES
    ],
    "controllable": ["Maîtrise de SQL avancé"],
    "not_controllable": ["Années d'expérience en modélisation"],
    "action_plan": ["Suivre une formation de SQL avancé.", "Réaliser un projet de modélisation de données."],
    "reframe": "Deux pistes claires : c'est une réponse précieuse.",
    "thank_you_reply": "Bonjour Julie Tremblay,\n\nMerci pour ces précisions.\n\nCamille Roy",
    "discrimination_warning": None,
}
# Quotes stay verbatim (French); every sentence the model writes is in English.
ANALYSIS_EN = {
    **ANALYSIS_FR,
    "kind_reason": "The reply names two precise points to work on.",
    "categories": [
        {"category": c, "evidence": e, "advice": "Work on this point with a concrete project.", "controllable": k}
        for c, e, k in _CATEGORIES
    ],
    "controllable": ["Advanced SQL skills"],
    "not_controllable": ["Years of experience in data modelling"],
    "action_plan": ["Take an advanced SQL course.", "Build a data modelling project."],
    "reframe": "Two clear leads: this reply is valuable.",
    "thank_you_reply": "Hello Julie Tremblay,\n\nThank you for these details.\n\nCamille Roy",
}


# ---- the misbehaving server ------------------------------------------------------

_MESSAGES = {429: "Rate limit reached for requests", 500: "The server had an error",
             401: "Incorrect API key provided: sk-test-****-123."}


class Drill:
    """The misbehaving endpoint: one scripted loopback server, one route per fault, hangs released at stop."""

    def __init__(self, hang_s: float, retry_after: str = "1") -> None:
        self.hang_s = hang_s
        self.retry_after = retry_after
        self.server = ScriptedServer(self.answer)

    def __enter__(self) -> Drill:
        self.server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.stop()

    def url(self, fault: str) -> str:
        """The base URL of the endpoint that injects ``fault``."""
        return self.server.route_url(fault.replace(" ", "_"))

    def requests(self, fault: str) -> int:
        """How many requests the endpoint of ``fault`` received so far."""
        return len(self.server.on(fault.replace(" ", "_")))

    def answer(self, request: Request) -> Answer:
        fault = request.route.replace("_", " ")
        asked = request.json or {}
        streaming = bool(asked.get("stream"))
        analysis = bool(asked.get("tools")) or asked.get("response_format") is not None
        if fault == "timeout":
            return Answer.hang(self.hang_s)  # longer than the client waits; bounded, and released at stop
        if fault in ("429 storm", "500", "401"):
            status = {"429 storm": 429, "500": 500, "401": 401}[fault]
            headers = {"retry-after": self.retry_after, "x-ratelimit-remaining-requests": "0"} if status == 429 else {}
            return Answer.error(status, _MESSAGES[status], headers=headers)
        good = ANALYSIS_FR if analysis else None
        text = DRAFT_FR
        if fault == "wrong language":
            good, text = (ANALYSIS_EN if analysis else None), DRAFT_EN
        if streaming:
            events = sse_events(text, piece=8)
            if fault == "truncated stream":
                return Answer.stream(events[: len(events) // 3], cut=True)  # no last chunk: cut mid-answer
            if fault == "invalid JSON":
                events = [b"data: {\"choices\": [{\"delta\": {\"content\": \"Bonj\n\n", *events[1:]]
            if fault == "error answer":
                events = events[: len(events) // 3] + [sse_event(ERROR_OBJECT)]
            return Answer.stream(events)
        if fault == "error answer":
            return Answer.json(ERROR_OBJECT)
        body = json.dumps(completion(None, good) if analysis else completion(text), ensure_ascii=False).encode()
        if fault == "invalid JSON":
            return Answer(parts=(body[: len(body) // 2] + b"}}",))
        if fault == "truncated stream":
            # Announce the whole body, send half, hang up: the non-streamed form of a cut answer.
            return Answer(parts=(body[: len(body) // 2],), length=len(body), cut=True)
        return Answer(parts=(body,))


# ---- the rows --------------------------------------------------------------------


@dataclass
class Row:
    """One pipeline run against one fault."""

    fault: str
    pipeline: str
    outcome: str = "no result"
    notice: str = "—"
    seconds: float = float("nan")
    requests: int = 0
    problem: str = ""

    @property
    def passed(self) -> bool:
        return not self.problem


def _language_of(texts: list[str]) -> str:
    return detect_language(" ".join(t for t in texts if t))[0]


def check_draft(draft: Any) -> str:
    """Why a draft is not a usable, checked result; empty when it is."""
    if not draft.body.strip() or not draft.checks.checks:
        return "no checked body"
    if failed := draft.checks.critical_failures():
        return "critical check failed: " + ", ".join(c.name for c in failed)
    if not draft.engine.startswith("llm") and not draft.notices:
        return "fell back without a notice"
    return ""


def check_analysis(analysis: Any, request: AnalysisRequest) -> str:
    """Why an analysis is not a usable, checked result; empty when it is."""
    if any(f.evidence not in request.reply for f in analysis.categories):
        return "evidence not verbatim"
    if not analysis.engine.startswith("llm") and not analysis.notices:
        return "fell back without a notice"
    prose = [analysis.kind_reason, analysis.reframe, *analysis.action_plan, *(f.advice for f in analysis.categories)]
    if (found := _language_of(prose)) != analysis.language.base:
        return f"shown in '{found}', reply is '{analysis.language.base}'"
    return ""


def run_row(fault: str, pipeline: str, settings: Settings, drill: Drill, hard_cap_s: float) -> Row:
    """One pipeline against one fault, in a thread so a hang cannot stall the drill beyond ``hard_cap_s``."""
    row = Row(fault, pipeline)
    result: dict[str, Any] = {}

    def work() -> None:
        start = time.perf_counter()
        try:
            if pipeline == "drafting":
                stream = stream_draft(REQUEST, settings)
                for _ in stream:  # as st.write_stream reads it
                    pass
                result["value"] = stream.result
            else:
                result["value"] = read_reply(REPLY, settings)
        except Exception as exc:  # the pipelines promise never to raise; say so if one does
            result["error"] = f"raised {type(exc).__name__}"
        result["seconds"] = time.perf_counter() - start

    before = drill.requests(fault)
    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(hard_cap_s)
    row.requests = drill.requests(fault) - before
    if "seconds" not in result:
        row.problem = f"still running after {hard_cap_s:g} s"
        return row
    row.seconds = result["seconds"]
    if "error" in result:
        row.outcome, row.problem = result["error"], result["error"]
        return row
    value = result["value"]
    row.outcome = value.engine
    row.notice = value.notices[0] if value.notices else "—"
    row.problem = check_draft(value) if pipeline == "drafting" else check_analysis(value, REPLY)
    if not row.problem and row.seconds > settings.timeout + SLACK_S:
        row.problem = f"over {settings.timeout + SLACK_S:g} s"
    return row


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=float(os.environ.get("REBOND_TIMEOUT", 3)),
                        help="REBOND_TIMEOUT, seconds per model call (default 3)")
    parser.add_argument("--retries", type=int, default=None,
                        help="REBOND_MAX_RETRIES (default: the environment's, else Rebond's default)")
    parser.add_argument("--retry-after", default="1", help="the 429 storm's Retry-After header, seconds (default 1)")
    parser.add_argument("--fault", action="append", choices=FAULTS, help="run only this fault (repeatable)")
    args = parser.parse_args()

    retries = args.retries if args.retries is not None else Settings(_env_file=None).max_retries
    budget = args.timeout + SLACK_S
    hard_cap = max(20.0, 3 * budget * (retries + 1))
    rows: list[Row] = []
    with Drill(hang_s=args.timeout * (retries + 1) + 5, retry_after=args.retry_after) as drill:
        print(f"fault drill: REBOND_TIMEOUT={args.timeout:g} s, REBOND_MAX_RETRIES={retries}, "
              f"429 Retry-After {args.retry_after} s, budget per row {budget:g} s; server {drill.server.url} (loopback)")
        # Warm-up, not timed in the table: the first model call imports LangChain and the openai client.
        warm = Settings(_env_file=None, openai_api_key="sk-drill-not-a-key", engine="llm", model=MODEL,
                        openai_base_url=drill.url("none"), timeout=args.timeout, max_retries=0)
        start = time.perf_counter()
        run_row("none", "drafting", warm, drill, hard_cap)
        run_row("none", "analysis", warm, drill, hard_cap)
        print(f"warm-up (first calls: imports, clients): {time.perf_counter() - start:.1f} s")
        header = f"{'fault':<17} {'pipeline':<9} {'outcome (engine)':<19} {'time':>6} {'req':>4}  {'result':<6} notice shown"
        print(header)
        print("─" * len(header))
        for fault in args.fault or FAULTS:
            # Privacy on, as for any remote endpoint: the drill exercises the masking too.
            settings = Settings(
                _env_file=None, openai_api_key="sk-drill-not-a-key", engine="llm", model=MODEL, privacy="on",
                openai_base_url=drill.url(fault), timeout=args.timeout, max_retries=retries,
            )  # fmt: skip
            for pipeline in ("drafting", "analysis"):
                row = run_row(fault, pipeline, settings, drill, hard_cap)
                rows.append(row)
                verdict = "ok" if row.passed else "FAIL"
                print(f"{fault:<17} {pipeline:<9} {_cut(row.outcome, 19):<19} {row.seconds:>5.1f}s {row.requests:>4}  "
                      f"{verdict:<6} {_cut(row.notice, 110)}", flush=True)
                if row.problem:
                    print(f"{'':<17} {'':<9} ↳ {row.problem}")
    failed = [row for row in rows if not row.passed]
    print(f"{len(rows) - len(failed)}/{len(rows)} rows ended in a usable, checked result within {budget:g} s")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
