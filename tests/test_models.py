"""Contracts reject bad input with a message naming the field, and clean what people type."""

import pytest
from pydantic import ValidationError

from rebond.models import (
    FIELD_LIMITS,
    REPLY_MAX_CHARS,
    AnalysisRequest,
    DraftRequest,
    InterviewContext,
    ReplyAnalysis,
    Tone,
    first_error,
)


def context(**overrides):
    values = {"candidate_name": "Léa Tremblay", "company": "Desjardins", "role": "Analyste"}
    return InterviewContext(**{**values, **overrides})


def test_strips_whitespace_and_folds_line_breaks_in_names():
    ctx = context(candidate_name="  Léa\nTremblay \t", company=" Desjardins ")
    assert ctx.candidate_name == "Léa Tremblay"
    assert ctx.company == "Desjardins"


def test_keeps_line_breaks_in_notes_but_drops_control_characters():
    ctx = context(notes="line one\nline\x00 two\x07")
    assert ctx.notes == "line one\nline two"


@pytest.mark.parametrize("field", ["candidate_name", "company", "role"])
def test_required_fields_reject_blank(field):
    with pytest.raises(ValidationError) as err:
        context(**{field: "   "})
    assert first_error(err.value) == f"{field}: {field} is required and cannot be empty"


@pytest.mark.parametrize("field", sorted(set(FIELD_LIMITS) - {"interview_date"}))
def test_each_field_has_a_documented_limit(field):
    limit = FIELD_LIMITS[field]
    context(**{field: "a" * limit})  # at the limit: fine
    with pytest.raises(ValidationError) as err:
        context(**{field: "a" * (limit + 1)})
    message = first_error(err.value)
    assert message.startswith(f"{field}: ") and str(limit) in message


def test_interview_date_accepts_iso_or_empty_and_explains_bad_dates():
    assert context(interview_date="2026-11-12").interview_date.isoformat() == "2026-11-12"
    assert context(interview_date="").interview_date is None
    with pytest.raises(ValidationError) as err:
        context(interview_date="12/11/2026")
    assert "interview_date" in first_error(err.value) and "ISO" in first_error(err.value)


def test_tone_defaults_and_bounds():
    assert Tone() == Tone(formality=50, warmth=50, directness=50, length=50)
    with pytest.raises(ValidationError) as err:
        Tone(length=101)
    assert first_error(err.value).startswith("length:")


def test_draft_request_rejects_unknown_language_and_extra_keys():
    base = {"context": {"candidate_name": "A", "company": "B", "role": "C"}}
    assert DraftRequest.model_validate({**base, "language": "fr-FR"}).language.base == "fr"
    with pytest.raises(ValidationError):
        DraftRequest.model_validate({**base, "language": "de"})
    with pytest.raises(ValidationError):
        DraftRequest.model_validate({**base, "colour": "red"})


def test_reply_limits_and_auto_language():
    assert AnalysisRequest(reply="Merci", language="auto").language is None
    with pytest.raises(ValidationError, match="reply is empty"):
        AnalysisRequest(reply=" \n ")
    with pytest.raises(ValidationError, match=str(REPLY_MAX_CHARS)):
        AnalysisRequest(reply="x" * (REPLY_MAX_CHARS + 1))


def test_analysis_drops_evidence_that_is_not_a_verbatim_quote():
    data = {
        "language": "en",
        "kind": "constructive",
        "categories": [
            {"category": "experience", "evidence": "not enough experience", "advice": "a"},
            {"category": "skills", "evidence": "made-up quote", "advice": "b"},
        ],
    }
    analysis = ReplyAnalysis.model_validate(data, context={"reply": "You had not enough experience."})
    assert [f.category.value for f in analysis.categories] == ["experience"]
    assert analysis.dropped_evidence == 1
    with pytest.raises(ValidationError):
        ReplyAnalysis.model_validate({**data, "categories": [{"category": "luck", "evidence": "x", "advice": "y"}]})
