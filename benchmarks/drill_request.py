"""The interview both LLM benchmarks draft for, and the answer a good model gives to it.

Shared by ``bench_llm_overhead.py`` and ``fault_drill.py``, so both measure the
same request.
"""

from __future__ import annotations

from rebond.compose import compose
from rebond.models import DraftRequest, InterviewContext

REQUEST = DraftRequest(
    id="drill",
    language="fr",
    channel="email",
    context=InterviewContext(
        candidate_name="Camille Roy",
        recruiter_name="Mme Julie Tremblay",
        company="Ubisoft",
        role="Analyste de données",
        interview_date="2026-11-10",
        rejection_message="Bonjour Camille, merci pour votre temps. Nous avons retenu une autre candidature.",
        notes="Bonne entrevue technique ; la question sur l'optimisation SQL m'a déstabilisée.",
    ),
)


def good_answer(request: DraftRequest = REQUEST) -> str:
    """What a good model writes: the offline engine's own draft (it passes every check), in the output format asked for."""
    draft = compose(request)
    return f"Subject: {draft.subject}\n\n{draft.body}" if draft.subject else draft.body
