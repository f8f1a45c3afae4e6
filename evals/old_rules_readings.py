"""How an older version of the rules read a reply file: the readings in ``datasets/reader_experiment_rules.json``.

The second-opinion experiment (``evals/reader_experiment.py``) needs readings by rules that had not yet been
tuned on the replies they read. They come from older commits, run on an extracted tree:

    git archive f2b1e40 src prompts | tar -x -C /tmp/f2b1e40      # before issue 16d's tuning (tr7)
    PYTHONPATH=/tmp/f2b1e40/src python evals/old_rules_readings.py evals/datasets/replies.jsonl replies.jsonl tr7-
    git archive f443a05 src prompts | tar -x -C /tmp/f443a05      # before issue 16c's (heldout3-5)
    PYTHONPATH=/tmp/f443a05/src python evals/old_rules_readings.py evals/datasets/heldout3/replies.jsonl heldout3

Each prints ``{"<set>/<id>": {"kind", "categories", "flag", "confidence"}}``; the file holds their union.
It imports only what every version of the analyser has.
"""

from __future__ import annotations

import json
import sys

from rebond.analyse import analyse_reply
from rebond.models import AnalysisRequest


def main(path: str, set_name: str, prefix: str = "") -> None:
    out = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            row = json.loads(line)
            if not row["id"].startswith(prefix):
                continue
            a = analyse_reply(AnalysisRequest(id=row["id"], language=row["language"], reply=row["reply"]))
            out[f"{set_name}/{row['id']}"] = {
                "kind": str(a.kind),
                "categories": sorted(str(f.category) for f in a.categories),
                "flag": a.discrimination_warning is not None,
                "confidence": str(a.confidence),
            }
    json.dump(out, sys.stdout, indent=0, sort_keys=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
