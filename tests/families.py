"""The request the round-by-round family tests build: one shape, each file with its own defaults."""

from rebond.models import DraftRequest, InterviewContext, Tone


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
