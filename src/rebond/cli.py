"""The ``rebond`` command: draft feedback requests and analyse replies from JSON or JSONL."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from pydantic import BaseModel, ValidationError

from rebond.models import AnalysisRequest, Draft, DraftRequest, ReplyAnalysis, first_error
from rebond.resources import load_data

EXIT_BAD_INPUT = 2


class BadInput(ValueError):
    """Input the user must fix; printed as one line, exit code 2."""


def _read(path: str) -> str:
    if path == "-":
        try:
            return sys.stdin.buffer.read().decode("utf-8") if hasattr(sys.stdin, "buffer") else sys.stdin.read()
        except UnicodeDecodeError:
            raise BadInput("input: standard input is not UTF-8 text") from None
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except OSError as exc:
        raise BadInput(f"input: cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise BadInput(f"input: {path} is not UTF-8 text") from None


def _json_lines(text: str) -> Iterator[tuple[int, Any]]:
    """Numbered JSON values: a single object, or one per non-empty line (JSONL)."""
    stripped = text.strip()
    if not stripped:
        raise BadInput("input: empty, expected a JSON object or JSON lines")
    try:
        yield 1, json.loads(stripped)
        return
    except json.JSONDecodeError:
        pass
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise BadInput(f"line {number}: not valid JSON ({exc.msg})") from None


def _validate(model: type[BaseModel], value: Any, number: int, many: bool) -> Any:
    if not isinstance(value, dict):
        raise BadInput(f"{'line ' + str(number) + ': ' if many else ''}expected a JSON object")
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        prefix = f"line {number}: " if many else ""
        raise BadInput(prefix + first_error(exc)) from None


def _draft_as_text(draft: Draft) -> str:
    """The draft as a person reads it, every label in the draft's language (« Objet : », « Message vocal : »)."""
    words = load_data("phrases.fr.yaml" if draft.language.base == "fr" else "phrases.en.yaml")["cli_labels"]
    parts = []
    if draft.id:
        parts.append(f"# {draft.id}")
    if draft.subject:
        parts.append(f"{words['subject']} {draft.subject}")
    parts.append(draft.body)
    if draft.voicemail:
        parts.append(f"{words['voicemail']}\n{draft.voicemail}")
    marks = "\n".join(f"{'✓' if c.passed else '✗'} {c.label}{words['colon']} {words['passed'] if c.passed else words['failed']}"
                      for c in draft.checks.checks)
    parts.append(f"{words['engine']} {draft.engine}\n{marks}")
    parts.extend(f"{words['note']} {notice}" for notice in draft.notices)
    return "\n\n".join(parts)


def _analysis_as_text(analysis: ReplyAnalysis) -> str:
    lines = [f"# {analysis.id}"] if analysis.id else []
    unsure = " (uncertain reading)" if analysis.confidence.value == "low" else ""
    lines.append(f"Kind: {analysis.kind.value}{unsure} — {analysis.kind_reason}")
    for finding in analysis.categories:
        mark = " (uncertain)" if finding.confidence.value == "low" else ""
        lines.append(f"- {finding.category.value}{mark}: “{finding.evidence}” → {finding.advice}")
    if analysis.discrimination_warning:
        lines.append(f"! {analysis.discrimination_warning}")
    if analysis.action_plan:
        lines.append("Plan:")
        lines.extend(f"  [ ] {step}" for step in analysis.action_plan)
    if analysis.reframe:
        lines.append(analysis.reframe)
    if analysis.thank_you_reply:
        lines.append(f"Thank-you reply:\n{analysis.thank_you_reply}")
    lines.extend(f"Note: {notice}" for notice in analysis.notices)
    return "\n".join(lines)


def _emit(results: list[BaseModel], as_json: bool, render: Callable[[Any], str], out: TextIO) -> None:
    for result in results:
        if as_json:
            out.write(result.model_dump_json() + "\n")
        else:
            out.write(render(result) + "\n\n")


def _draft_command(args: argparse.Namespace, out: TextIO) -> None:
    from rebond.drafting import write_draft

    items = list(_json_lines(_read(args.input)))
    many = len(items) > 1
    overrides = {key: value for key, value in (("candidate_gender", args.gender), ("candidate_phone", args.phone)) if value}
    if overrides:
        items = [(number, _with_context(value, overrides)) for number, value in items]
    requests = [_validate(DraftRequest, value, number, many) for number, value in items]
    _emit([write_draft(request) for request in requests], args.json, _draft_as_text, out)


def _with_context(value: Any, overrides: dict[str, str]) -> Any:
    """The request with the command line's context fields filled in, where the request leaves them empty."""
    if not isinstance(value, dict) or not isinstance(value.get("context"), dict):
        return value
    context = dict(value["context"])
    for key, given in overrides.items():
        if not context.get(key):
            context[key] = given
    return {**value, "context": context}


def _analyze_command(args: argparse.Namespace, out: TextIO) -> None:
    from rebond.reading import read_reply

    text = _read(args.input)
    try:
        items = list(_json_lines(text))
        structured = all(isinstance(value, dict) and "reply" in value for _, value in items)
    except BadInput:
        structured = False
    if not structured:
        # Plain text: the whole input is one reply.
        items = [(1, {"reply": text})]
    many = len(items) > 1
    requests = []
    for number, value in items:
        if args.language != "auto" or "language" not in value:
            value = {**value, "language": args.language}
        if args.region != "auto" or "region" not in value:
            value = {**value, "region": args.region}
        requests.append(_validate(AnalysisRequest, value, number, many))
    _emit([read_reply(request) for request in requests], args.json, _analysis_as_text, out)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, exposed for tests and documentation."""
    parser = argparse.ArgumentParser(prog="rebond", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    draft = sub.add_parser("draft", help="write a feedback request from a DraftRequest (JSON or JSONL)")
    draft.add_argument("--input", default="-", help="file to read, or - for standard input (default)")
    draft.add_argument("--json", action="store_true", help="print the Draft as JSON (one object per line)")
    draft.add_argument("--gender", choices=["feminine", "masculine"],
                       help="French agreement for the writer, when the request does not say (default: epicene wording)")
    draft.add_argument("--phone", help="your phone number, said in the voicemail, when the request does not give it")
    draft.set_defaults(handler=_draft_command)
    analyze = sub.add_parser("analyze", help="analyse a recruiter's reply (text, or JSONL of {id, language, reply})")
    analyze.add_argument("--input", default="-", help="file to read, or - for standard input (default)")
    analyze.add_argument("--language", default="auto", choices=["auto", "fr", "fr-FR", "en"],
                         help="language of the reply (default: detect)")
    analyze.add_argument("--region", default="auto", choices=["auto", "qc", "ca", "fr", "us", "uk"],
                         help="where the candidate lives, for the rights body a discrimination warning names "
                         "(default: from the reply's language)")
    analyze.add_argument("--json", action="store_true", help="print ReplyAnalysis as JSON (one object per line)")
    analyze.set_defaults(handler=_analyze_command)
    return parser


def main(argv: list[str] | None = None, out: TextIO | None = None) -> int:
    """Entry point of the ``rebond`` console script."""
    args = build_parser().parse_args(argv)
    out = out or sys.stdout
    try:
        args.handler(args, out)
    except BadInput as exc:
        print(f"rebond: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


if __name__ == "__main__":
    sys.exit(main())
