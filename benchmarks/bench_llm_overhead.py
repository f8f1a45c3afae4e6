"""Overhead of Rebond's LLM drafting pipeline over a bare ``openai`` SDK call, against one local OpenAI-shaped server.

The server (``rebond.testing``'s scripted endpoint, 127.0.0.1 only, in a thread;
the tests and the fault drill use the same one) answers ``/v1/chat/completions``
with recorded-shape bodies: JSON, or SSE when asked to stream. Both sides send the same kind of request and read the whole answer; the
median of the per-round differences is the overhead. Each Rebond round starts
with no folded text cached, as a new draft would. Target: at most 5 ms, wall
clock, over a bare ``openai`` call.

Rebond reads a stream's lines itself (``rebond.sse``) where the bare call lets
the openai client build a pydantic object per chunk, so on an unpaced stream it
is faster than the bare call. The last row is therefore measured against a bare
call that reads the same way: it is Rebond's own work (prompt rendering, privacy
mask, the deadline thread, parsing, the quality checks), whatever the reader.

    .venv/bin/python benchmarks/bench_llm_overhead.py [--rounds 200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from drill_request import REQUEST, good_answer  # noqa: E402

from rebond.drafting import stream_draft, write_draft  # noqa: E402
from rebond.settings import Settings  # noqa: E402
from rebond.testing import Answer, Request, ScriptedServer, sse_events  # noqa: E402
from rebond.text import fold  # noqa: E402

MODEL = "gpt-4.1-mini"
TARGET_MS = 5.0
# What the model "writes": a draft that passes every check, streamed about 4 characters (one token) a chunk.
ANSWER = good_answer(REQUEST)
# A real model sends a token every 10-30 ms; the paced endpoint sends one every PACE_S,
# so per-chunk work overlaps the wait as it does in real use.
PACE_S = 0.001
SSE_EVENTS = sse_events(ANSWER, piece=4)
# Streams are sent with a content-length, whole or an event at a time (paced).
COMPLETION = Answer.completion(ANSWER)
STREAM = Answer.stream(SSE_EVENTS, framing="length")
PACED = Answer.stream(SSE_EVENTS, pace_s=PACE_S, framing="length")


def _answer(request: Request) -> Answer:
    if not (request.json or {}).get("stream"):
        return COMPLETION
    return PACED if request.route == "paced" else STREAM


def _time(fn: Any) -> tuple[float, float]:
    """Wall-clock and process CPU milliseconds of one call.

    Process CPU counts every thread (the model call runs on a worker thread) but
    not the time other processes hold the CPU, so it stays meaningful on a busy
    machine; it includes the local server's work, which is the same on both sides.
    """
    start, start_cpu = time.perf_counter(), time.process_time()
    fn()
    return (time.perf_counter() - start) * 1000, (time.process_time() - start_cpu) * 1000


def _new_text() -> None:
    """Forget the folded texts: every round is then a new draft, as in real use, not a cached one."""
    fold.cache_clear()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200, help="timed calls per row (after warm-up)")
    args = parser.parse_args()

    import openai
    from langchain_core.messages import BaseMessage

    from rebond import prompting
    from rebond.privacy import Mask

    with ScriptedServer(_answer, record=False) as server:
        local = Settings(_env_file=None, openai_base_url=server.base_url, openai_api_key="sk-bench", engine="llm", max_retries=0)
        private = local.model_copy(update={"privacy": "on"})
        paced = local.model_copy(update={"openai_base_url": server.route_url("paced")})
        client = openai.OpenAI(base_url=server.base_url, api_key="sk-bench", max_retries=0)
        paced_client = openai.OpenAI(base_url=server.route_url("paced"), api_key="sk-bench", max_retries=0)
        # The bare call sends the very messages the pipeline would send.
        rendered: list[BaseMessage] = prompting.draft_messages(REQUEST, Mask.off())
        messages = [{"role": "system" if m.type == "system" else "user", "content": str(m.content)} for m in rendered]

        def bare_stream(sdk: openai.OpenAI = client) -> str:
            chunks = sdk.chat.completions.create(
                model=MODEL, messages=messages, stream=True, stream_options={"include_usage": True}
            )
            return "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)

        def bare_same_reader() -> str:
            with client.chat.completions.with_streaming_response.create(
                model=MODEL, messages=messages, stream=True, stream_options={"include_usage": True}
            ) as response:
                return "".join(chat_text(lines(response.iter_bytes()), {}))

        def bare_invoke() -> str:
            return client.chat.completions.create(model=MODEL, messages=messages).choices[0].message.content or ""

        def pipeline_stream(settings: Settings = local) -> None:
            stream = stream_draft(REQUEST, settings)
            "".join(stream)
            assert stream.result.engine == f"llm:{MODEL}", stream.result.notices

        def pipeline_invoke() -> None:
            assert write_draft(REQUEST, local).engine == f"llm:{MODEL}"

        from rebond.checks import run_checks
        from rebond.sse import chat_text, lines

        checked = write_draft(REQUEST, local)
        rows = [
            ("streamed (SSE)", bare_stream, pipeline_stream, 1),
            ("streamed, privacy on", bare_stream, lambda: pipeline_stream(private), 1),
            ("one JSON answer", bare_invoke, pipeline_invoke, 1),
            (f"streamed, {PACE_S * 1000:g} ms/chunk", lambda: bare_stream(paced_client), lambda: pipeline_stream(paced), 4),
            ("streamed, same reader", bare_same_reader, pipeline_stream, 1),
        ]
        for _, bare, ours, _ in rows:  # warm-up: imports, language model, connection pools
            for _ in range(10):
                bare()
                ours()
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"{args.rounds} rounds (paced row: every 4th); load average {load:.1f} on {os.cpu_count()} CPUs")
        # Round-robin: each round times every row, bare then Rebond, so the machine's
        # drift (CPU frequency, neighbours, GC) hits every row and both sides alike; the
        # overhead is the median of the per-round differences.
        samples: dict[str, list[tuple[float, float, float, float]]] = {label: [] for label, *_ in rows}
        checks_wall: list[float] = []
        checks_cpu: list[float] = []
        for index in range(args.rounds):
            for label, bare, ours, every in rows:
                if index % every:
                    continue
                bare_wall, bare_cpu = _time(bare)
                _new_text()
                ours_wall, ours_cpu = _time(ours)
                samples[label].append((bare_wall, ours_wall, bare_cpu, ours_cpu))
            # Where the overhead goes: the quality checks run on every draft, whatever the engine.
            _new_text()
            wall, cpu = _time(lambda: run_checks(checked, REQUEST))
            checks_wall.append(wall)
            checks_cpu.append(cpu)
        print(f"{'median, ms':<22} {'bare wall':>10} {'Rebond wall':>12} {'overhead':>9} │ "
              f"{'bare CPU':>9} {'Rebond CPU':>11} {'overhead':>9}")
        worst = worst_cpu = 0.0
        for label, rounds in samples.items():
            bw, ow, bc, oc = (statistics.median(column) for column in zip(*rounds))
            overhead = statistics.median(o - b for b, o, _, _ in rounds)
            overhead_cpu = statistics.median(o - b for _, _, b, o in rounds)
            worst, worst_cpu = max(worst, overhead), max(worst_cpu, overhead_cpu)
            print(f"{label:<22} {bw:>10.2f} {ow:>12.2f} {overhead:>9.2f} │ {bc:>9.2f} {oc:>11.2f} {overhead_cpu:>9.2f}")
        cw, cc = statistics.median(checks_wall), statistics.median(checks_cpu)
        print(f"{'of which run_checks':<22} {'':>10} {cw:>12.2f} {'':>9} │ {'':>9} {cc:>11.2f}")
        print(f"worst overhead: {worst:.2f} ms wall, {worst_cpu:.2f} ms CPU; "
              f"without the checks: {worst - cw:.2f} ms wall, {worst_cpu - cc:.2f} ms CPU")
        verdict = "OK" if worst <= TARGET_MS else "OVER"
        print(f"target: median overhead <= {TARGET_MS:g} ms (wall): {verdict}")
        return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
