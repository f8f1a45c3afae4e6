"""Blind review of drafts: render a review folder's requests for a native reader, then tally the scores.

    python -m evals.blind_review render DIR   # DIR/requests.jsonl -> DIR/drafts.md, DIR/drafts.jsonl
    python -m evals.blind_review tally DIR    # DIR/scores.jsonl -> summary printed and DIR/summary.json

The protocol, the rubric and the defect families: evals/blind_review/README.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from rebond.drafting import write_draft
from rebond.models import DraftRequest

DEFECTS = ("repetition", "notes_ignored", "thanks_not_given", "robotic", "calque", "phone_written",
           "voicemail_no_way_back", "reason_ignored", "reason_asked_again", "article", "date_attached",
           "wrong_variety", "sliders_no_effect", "greeting_closing", "agreement", "other")
GOALS = {"mean_score": 4.3, "share_4_or_5": 0.85, "share_language_error": 0.10}


class Score(BaseModel):
    """One reader's verdict on one draft."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="The request's id.")
    score: int = Field(ge=1, le=5, description="Would I send this as is? 1-5 (README rubric).")
    language_error: bool = Field(description="Any error of French or English (grammar, agreement, wrong word).")
    thanks_not_given: bool = Field(description="Thanks for something that did not happen.")
    reason_used: bool | None = Field(default=None, description="The stated reason used; null when none was stated.")
    notes_used: bool | None = Field(default=None, description="The notes used; null when there were none.")
    defects: list[str] = Field(default_factory=list, description="Defect families seen (README list).")
    comment: str = Field(default="", description="What the reader saw.")


def render(folder: Path) -> None:
    """Each request's facts, then its draft as the recipient would see it."""
    lines = [f"# Drafts for blind review: {folder.name}", ""]
    records = []
    for raw in (folder / "requests.jsonl").read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        request = DraftRequest.model_validate_json(raw)
        draft = write_draft(request)
        ctx = request.context
        records.append({"id": request.id, "request": json.loads(raw), "draft": draft.model_dump(mode="json")})
        lines += [
            f"## {request.id} · {request.language} · {request.channel} · tone {request.tone.model_dump()}"
            f" · variant {request.variant}",
            "",
            f"- recruiter: {ctx.recruiter_name or '—'} · organisation: {ctx.company} · role: {ctx.role}"
            f" · interview date (as entered): {ctx.interview_date or '—'}",
            f"- news: {ctx.news_channel} · writer's gender: {ctx.candidate_gender or 'not given'}"
            f" · phone: {ctx.candidate_phone or '—'}",
            f"- rejection: {ctx.rejection_message or '—'}".replace("\n", " "),
            f"- notes: {ctx.notes or '—'}".replace("\n", " "),
            "",
        ]
        if draft.subject:
            lines += [f"**{draft.subject}**", ""]
        lines += ["```text", draft.body, "```", ""]
        if draft.voicemail:
            lines += ["Voicemail:", "", "```text", draft.voicemail, "```", ""]
    (folder / "drafts.md").write_text("\n".join(lines), encoding="utf-8")
    (folder / "drafts.jsonl").write_text(
        "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8")
    print(f"{len(records)} drafts -> {folder / 'drafts.md'}")


def tally(folder: Path) -> dict[str, Any]:
    """The review's numbers, against the issue's goals."""
    requests = {json.loads(raw)["id"]: json.loads(raw)
                for raw in (folder / "requests.jsonl").read_text(encoding="utf-8").splitlines() if raw.strip()}
    scores = [Score.model_validate_json(raw)
              for raw in (folder / "scores.jsonl").read_text(encoding="utf-8").splitlines() if raw.strip()]
    unknown = sorted({d for s in scores for d in s.defects} - set(DEFECTS))
    if unknown:
        raise SystemExit(f"scores.jsonl: unknown defect families {unknown}")
    missing = sorted(set(requests) - {s.id for s in scores})
    by: dict[str, list[int]] = defaultdict(list)
    for s in scores:
        request = requests[s.id]
        by[f"language.{request['language']}"].append(s.score)
        by[f"channel.{request['channel']}"].append(s.score)
    reasons = [s.reason_used for s in scores if s.reason_used is not None]
    notes = [s.notes_used for s in scores if s.notes_used is not None]
    n = len(scores)
    summary = {
        "drafts": n,
        "not_scored": missing,
        "mean_score": round(statistics.fmean(s.score for s in scores), 2),
        "share_4_or_5": round(sum(s.score >= 4 for s in scores) / n, 3),
        "share_5": round(sum(s.score == 5 for s in scores) / n, 3),
        "share_language_error": round(sum(s.language_error for s in scores) / n, 3),
        "thanks_not_given": sum(s.thanks_not_given for s in scores),
        "reasons_used": f"{sum(reasons)}/{len(reasons)}",
        "notes_used": f"{sum(notes)}/{len(notes)}",
        "mean_by": {key: round(statistics.fmean(values), 2) for key, values in sorted(by.items())},
        "defects": dict(Counter(d for s in scores for d in s.defects).most_common()),
        "worst": [{"id": s.id, "score": s.score, "comment": s.comment}
                  for s in sorted(scores, key=lambda s: (s.score, s.id))[:3]],
    }
    summary["goals_met"] = (summary["mean_score"] >= GOALS["mean_score"]
                            and summary["share_4_or_5"] >= GOALS["share_4_or_5"]
                            and summary["share_language_error"] <= GOALS["share_language_error"]
                            and summary["thanks_not_given"] == 0
                            and all(reasons) and all(notes))
    (folder / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.blind_review", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["render", "tally"])
    parser.add_argument("folder", type=Path, help="a review folder holding requests.jsonl")
    args = parser.parse_args(argv)
    if not (args.folder / "requests.jsonl").is_file():
        print(f"{args.folder}: no requests.jsonl", file=sys.stderr)
        return 2
    if args.action == "render":
        render(args.folder)
    else:
        tally(args.folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
