"""What the family tests share: the request the round-by-round draft tests build (one shape, each file with its own
defaults), and the rules' own reading of a reply that the held-out reply tests check."""

from rebond.analyse import analyse_reply
from rebond.models import AnalysisRequest, Category, DraftRequest, InterviewContext, ReplyAnalysis, Tone


def family_request(language="fr", channel="email", rejection="", notes="", news="written", recruiter="Mme Caron",
                   company="la Ville de Matane", role="Opérateur", gender="masculine", candidate="Luc Bérubé",
                   date="2026-10-20", **tone):
    return DraftRequest(
        language=language, channel=channel,
        context=InterviewContext(candidate_name=candidate, recruiter_name=recruiter, company=company, role=role,
                                 interview_date=date, rejection_message=rejection, notes=notes,
                                 news_channel=news, candidate_gender=gender),
        tone=Tone(**tone),
    )


def rules(reply: str) -> ReplyAnalysis:
    """The rules' own reading, without the statistical second opinion."""
    return analyse_reply(AnalysisRequest(reply=reply), second_opinion=False)


def areas(analysis: ReplyAnalysis) -> set[Category]:
    return {finding.category for finding in analysis.categories}


def bank_strings(node):
    """Every string of a phrase bank's entry, however deep (the family tests read all wordings)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from bank_strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from bank_strings(value)
