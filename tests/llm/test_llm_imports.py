"""Guards start-up cost: importing Rebond or drafting offline must never load LangChain's OpenAI client."""

from __future__ import annotations

import json
import os
import subprocess
import sys

_PROBE = """
import json, sys
import rebond, rebond.settings, rebond.drafting, rebond.reading, rebond.llm, rebond.privacy, rebond.usage
from rebond.drafting import write_draft, stream_draft
from rebond.models import DraftRequest, InterviewContext
request = DraftRequest(context=InterviewContext(candidate_name="Camille Roy", company="Ubisoft", role="Analyste"))
draft = write_draft(request)
streamed = "".join(stream_draft(request))
print(json.dumps({
    "engine": draft.engine,
    "streamed": bool(streamed),
    "loaded": sorted(m for m in ("langchain_openai", "openai", "langchain_core") if m in sys.modules),
}))
"""


def test_offline_drafting_never_imports_langchain_openai() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "REBOND_"))}
    env["REBOND_ENGINE"] = "offline"
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["engine"] == "offline" and result["streamed"]
    assert result["loaded"] == [], f"offline mode imported {result['loaded']}"
