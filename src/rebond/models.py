"""Contracts: every input and output of Rebond as a pydantic model.

Rules live in validators so that the CLI, the app and the LLM pipeline all get
the same clear errors for the same bad input.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    computed_field,
    field_validator,
    model_validator,
)

# Documented size limits (characters, after whitespace is stripped). They are
# generous for a real message and small enough that nothing pathological reaches
# an engine or a prompt. README "Limits" lists the same numbers.
FIELD_LIMITS: dict[str, int] = {
    "candidate_name": 100,
    "recruiter_name": 100,
    "company": 120,
    "role": 150,
    "interview_date": 10,
    "rejection_message": 5_000,
    "notes": 2_000,
    "candidate_phone": 40,
}
# Free-text fields keep their line breaks; every other field is one line.
_MULTI_LINE_FIELDS = frozenset({"rejection_message", "notes"})
REPLY_MAX_CHARS = 10_000
VARIANT_MAX = 999

# Control characters other than tab and newline are never meaningful in what a
# person types; they are removed rather than rejected so nothing is lost.
# Lone surrogates (U+D800–U+DFFF) are not text at all: they cannot be encoded.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\u2028\u2029\ufeff\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"[\r\n\t]+")


def clean_text(value: str, *, single_line: bool) -> str:
    """Strip, drop control characters and, for one-line fields, fold line breaks."""
    value = value.replace("\r\n", "\n")
    if single_line:
        value = _LINE_BREAKS.sub(" ", value)
        value = re.sub(r" {2,}", " ", value)
    return _CONTROL.sub("", value).strip()


class Language(StrEnum):
    """Language of a draft or of a reply."""

    FR = "fr"  # French, Québec usage (entrevue, courriel): the default French
    FR_FR = "fr-FR"  # French, France usage (entretien, e-mail)
    EN = "en"

    @property
    def base(self) -> str:
        """The two-letter language, for detection and lexicons."""
        return "en" if self is Language.EN else "fr"


class Channel(StrEnum):
    """Where the feedback request will be sent."""

    EMAIL = "email"
    LINKEDIN = "linkedin"
    PHONE = "phone"


class GrammaticalGender(StrEnum):
    """How French agreement refers to the candidate; unknown means epicene wording only."""

    FEMININE = "feminine"
    MASCULINE = "masculine"
    UNSPECIFIED = ""


class NewsChannel(StrEnum):
    """How the candidate learnt they were not selected: it decides what the draft may thank for."""

    WRITTEN = "written"  # an e-mail, a letter or a portal message (the one pasted, when there is one)
    PHONE = "phone"  # the recruiter called
    UNKNOWN = "unknown"  # not said: the draft thanks only for the interview


class InterviewContext(BaseModel):
    """What the candidate tells us about the interview. Only facts from here may appear in a draft."""

    model_config = ConfigDict(use_attribute_docstrings=True, extra="forbid")

    candidate_name: str = Field(description="The candidate's name, used to sign the message.")
    recruiter_name: str = Field(
        default="",
        description='The recruiter\'s name, optionally with a title ("Mme Lefebvre"); empty for a neutral greeting.',
    )
    company: str = Field(description="The company that interviewed the candidate.")
    role: str = Field(description="The job title the candidate interviewed for.")
    interview_date: dt.date | None = Field(
        default=None, description="Date of the interview (ISO YYYY-MM-DD), or empty when unknown."
    )
    rejection_message: str = Field(
        default="", description="The rejection message the candidate received, if any."
    )
    notes: str = Field(default="", description="The candidate's own notes on how the interview went.")
    news_channel: NewsChannel | None = Field(
        default=None,
        description="How the rejection reached the candidate; empty means 'written' when a message is pasted, "
        "else 'unknown'.",
    )
    candidate_gender: GrammaticalGender = Field(
        default=GrammaticalGender.UNSPECIFIED,
        description="French only: 'feminine' or 'masculine' for agreement; empty for epicene wording.",
    )
    candidate_phone: str = Field(
        default="",
        description="The candidate's phone number as they say it (\"514 555-0182, poste 23\"), given in a voicemail "
        "so the recruiter can call back.",
    )

    @field_validator(*FIELD_LIMITS.keys() - {"interview_date"}, mode="before")
    @classmethod
    def _clean(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None:
            return ""
        if isinstance(value, str):
            single_line = info.field_name not in _MULTI_LINE_FIELDS
            return _limited(clean_text(value, single_line=single_line), info.field_name)
        return value

    @field_validator("candidate_name", "company", "role")
    @classmethod
    def _required(cls, value: str, info: ValidationInfo) -> str:
        if not value:
            raise ValueError(f"{info.field_name} is required and cannot be empty")
        return value

    @field_validator("news_channel", "candidate_gender", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None if info.field_name == "news_channel" else GrammaticalGender.UNSPECIFIED
        return value

    @model_validator(mode="after")
    def _news_default(self) -> InterviewContext:
        if self.news_channel is None:
            self.news_channel = NewsChannel.WRITTEN if self.rejection_message else NewsChannel.UNKNOWN
        return self

    @field_validator("interview_date", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, str):
            text = value.strip()
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                raise ValueError(
                    f"interview_date must be an ISO date like 2026-11-20 (got {text[:20]!r})"
                ) from None
        return value


def _limited(value: str, field: str | None) -> str:
    limit = FIELD_LIMITS.get(field or "", 0)
    if limit and len(value) > limit:
        raise ValueError(f"{field} is too long: {len(value)} characters, the limit is {limit}")
    return value


class Tone(BaseModel):
    """The four tone sliders, each from 0 to 100."""

    model_config = ConfigDict(use_attribute_docstrings=True, extra="forbid")

    formality: int = Field(default=50, ge=0, le=100, description="0 = relaxed, 100 = very formal.")
    warmth: int = Field(default=50, ge=0, le=100, description="0 = matter-of-fact, 100 = very warm.")
    directness: int = Field(
        default=50, ge=0, le=100, description="0 = one open question, 100 = two or three precise questions."
    )
    length: int = Field(default=50, ge=0, le=100, description="0 = as short as possible, 100 = detailed.")


class DraftRequest(BaseModel):
    """One request for a feedback message: who, where, in which language and tone."""

    model_config = ConfigDict(use_attribute_docstrings=True, extra="forbid")

    id: str | None = Field(default=None, max_length=200, description="Caller's identifier, echoed back.")
    language: Language = Field(default=Language.FR, description="Language of the draft.")
    channel: Channel = Field(default=Channel.EMAIL, description="Email, LinkedIn message or phone script.")
    context: InterviewContext = Field(description="Facts about the interview.")
    tone: Tone = Field(default_factory=Tone, description="Tone sliders.")
    variant: int = Field(
        default=0, ge=0, le=VARIANT_MAX, description="0 for the default wording; other values pick alternatives."
    )


class CheckResult(BaseModel):
    """The outcome of one named quality check on a draft."""

    model_config = ConfigDict(use_attribute_docstrings=True)

    name: str = Field(description="Stable identifier of the check, e.g. 'feedback_request'.")
    label: str = Field(description="Short human name of the check, in the draft's language.")
    passed: bool = Field(description="Whether the draft passes this check.")
    score: float = Field(ge=0.0, le=1.0, description="How well it passes, 0 to 1.")
    reason: str = Field(description="Why it passed or failed, in the draft's language.")
    critical: bool = Field(
        default=False, description="A critical failure means the draft must not be shown as is."
    )


class CheckReport(BaseModel):
    """All the checks run on one draft."""

    model_config = ConfigDict(use_attribute_docstrings=True)

    checks: list[CheckResult] = Field(default_factory=list, description="Each check, in a stable order.")

    @computed_field(description="True when every check passed.")  # type: ignore[prop-decorator]
    @property
    def passed(self) -> bool:
        return all(check.passed for check in self.checks)

    def failed(self) -> list[CheckResult]:
        """The checks that did not pass."""
        return [check for check in self.checks if not check.passed]

    def critical_failures(self) -> list[CheckResult]:
        """The failed checks that make a draft unusable."""
        return [check for check in self.checks if check.critical and not check.passed]

    def get(self, name: str) -> CheckResult | None:
        """The check with this name, if it ran."""
        return next((check for check in self.checks if check.name == name), None)


class Usage(BaseModel):
    """Tokens used by an LLM call and what they cost, when known."""

    model_config = ConfigDict(use_attribute_docstrings=True)

    model: str = Field(description="Model that answered.")
    input_tokens: int = Field(default=0, ge=0, description="Prompt tokens.")
    output_tokens: int = Field(default=0, ge=0, description="Completion tokens.")
    cost_usd: float | None = Field(default=None, description="Estimated cost in USD; None for unknown models.")


class Draft(BaseModel):
    """A feedback request ready to copy, with its quality checks."""

    model_config = ConfigDict(use_attribute_docstrings=True)

    id: str | None = Field(default=None, description="The request's id, echoed back.")
    subject: str | None = Field(default=None, description="Email subject line; None for other channels.")
    body: str = Field(description="The message (for phone: the call script).")
    voicemail: str | None = Field(
        default=None, description="Phone only: a voicemail of about 20 seconds."
    )
    channel: Channel = Field(description="Channel the draft is written for.")
    language: Language = Field(description="Language of the draft.")
    engine: str = Field(description="What wrote it: 'offline', or 'llm:<model>'.")
    guidance_ids: list[str] = Field(default_factory=list, description="Ids of the guidance principles applied.")
    checks: CheckReport = Field(default_factory=CheckReport, description="Quality checks on this draft.")
    notices: list[str] = Field(
        default_factory=list, description="Anything the user should know, e.g. why a fallback happened."
    )
    usage: Usage | None = Field(default=None, description="LLM usage and cost, when an LLM was called.")

    def full_text(self) -> str:
        """Subject, body and voicemail as one text, as the checks read it."""
        parts = [self.subject or "", self.body, self.voicemail or ""]
        return "\n\n".join(part for part in parts if part)


class Kind(StrEnum):
    """What sort of reply the recruiter sent."""

    CONSTRUCTIVE = "constructive"  # gives at least one concrete reason or lead
    GENERIC = "generic"  # polite but empty, often automatic
    MALICIOUS = "malicious"  # demeaning or mean


class Category(StrEnum):
    """Areas a recruiter's feedback can point to."""

    CV_COVER_LETTER = "cv_cover_letter"
    EXPERIENCE = "experience"
    LANGUAGE_REGISTER = "language_register"
    CULTURE_FIT = "culture_fit"
    INTERVIEW_PERFORMANCE = "interview_performance"
    SKILLS = "skills"


class Confidence(StrEnum):
    """How sure a reading is."""

    HIGH = "high"  # clear cues that agree
    LOW = "low"  # cues conflict, or little of the reply matches anything known: a guess


class Ground(StrEnum):
    """Protected grounds a reply may give as a reason (prompts/protected_grounds.yaml lists their cues and laws)."""

    AGE = "age"
    SEX = "sex"  # incl. gender identity or expression
    PREGNANCY = "pregnancy"  # incl. maternity, plans to have children
    SEXUAL_ORIENTATION = "sexual_orientation"
    CIVIL_STATUS = "civil_status"  # marital or family situation, children, caregiving
    RELIGION = "religion"
    POLITICAL_CONVICTIONS = "political_convictions"
    ORIGIN = "origin"  # race, colour, ethnic or national origin, nationality, surname
    LANGUAGE = "language"  # mother tongue, accent (not a real job requirement)
    DISABILITY = "disability"  # handicap, state of health, illness
    SOCIAL_CONDITION = "social_condition"  # income, social assistance, economic vulnerability
    APPEARANCE = "appearance"  # physical appearance, weight, looks
    RESIDENCE = "residence"  # place of residence, neighbourhood
    UNION = "union"  # trade-union activity
    GENETIC = "genetic"  # genetic traits


class Region(StrEnum):
    """Where the candidate lives, for the rights body a discrimination warning points to."""

    QC = "qc"  # Québec: CDPDJ
    CA = "ca"  # Canada, federal or another province: Canadian Human Rights Commission
    FR = "fr"  # France: Défenseur des droits
    US = "us"  # United States: EEOC
    UK = "uk"  # United Kingdom: EHRC


class CategoryFinding(BaseModel):
    """One area the reply points to, with the words that show it."""

    model_config = ConfigDict(use_attribute_docstrings=True)

    category: Category = Field(description="The area.")
    evidence: str = Field(min_length=1, description="A verbatim substring of the reply that shows this area.")
    advice: str = Field(description="What to do about it, concretely.")
    controllable: bool = Field(
        default=True, description="Whether the candidate can act on it (a CV can change; a fit call may not)."
    )
    confidence: Confidence = Field(
        default=Confidence.HIGH,
        description="high when the reply clearly judges this area; low when the area is inferred "
        "(borrowed from a neighbouring sentence, a guessed topic) and may be wrong.",
    )


class ReplyAnalysis(BaseModel):
    """What a recruiter's reply says, and what to do with it.

    Validate with ``context={"reply": text}`` to drop any evidence that is not a
    verbatim quote of the reply; ``dropped_evidence`` counts them.
    """

    model_config = ConfigDict(use_attribute_docstrings=True)

    id: str | None = Field(default=None, description="The input's id, echoed back.")
    language: Language = Field(description="Language of the reply, and of this analysis.")
    kind: Kind = Field(
        description="constructive, generic or malicious. A reply that gives a protected ground as a reason is "
        "malicious, however polite; so is quiet bad faith (condescension, sarcasm, humiliating comparisons)."
    )
    kind_confidence: Confidence = Field(
        default=Confidence.HIGH,
        description="high when the cues for the kind are clear and agree; low when they conflict or when little "
        "of the reply matches anything known, so the kind is a guess.",
    )
    confidence: Confidence = Field(
        default=Confidence.HIGH,
        description="How sure the whole reading is: low when the kind or any area is low, or when part of the "
        "reply judges something the reading could not place. The app then says the reading is uncertain.",
    )
    kind_reason: str = Field(default="", description="One line explaining the kind.")
    categories: list[CategoryFinding] = Field(default_factory=list, description="Areas the reply points to.")
    controllable: list[str] = Field(default_factory=list, description="Reasons the candidate can act on.")
    not_controllable: list[str] = Field(
        default_factory=list, description="Reasons outside the candidate's control."
    )
    action_plan: list[str] = Field(default_factory=list, description="Concrete next steps.")
    reframe: str = Field(default="", description="One encouraging line, with no false promise.")
    thank_you_reply: str = Field(default="", description="A short thank-you to send the recruiter.")
    ground: Ground | None = Field(
        default=None,
        description="The protected ground the reply gives as a reason (age, origin, pregnancy...), or null. "
        "A ground that is negated (\"your accent was not a factor\") or a language level the job really "
        "requires is not a ground.",
    )
    discrimination_warning: str | None = Field(
        default=None,
        description="Set when the reply gives a protected ground as a reason (age, origin, sex, pregnancy, "
        "disability, religion...), with a neutral pointer to the rights body of the candidate's region.",
    )
    notices: list[str] = Field(default_factory=list, description="Anything the user should know.")
    dropped_evidence: int = Field(
        default=0, ge=0, description="Evidence quotes removed because they were not verbatim in the reply."
    )
    engine: str = Field(default="offline", description="What produced it: 'offline' or 'llm:<model>'.")
    usage: Usage | None = Field(default=None, description="LLM usage and cost, when an LLM was called.")

    @model_validator(mode="after")
    def _evidence_is_verbatim(self, info: ValidationInfo) -> ReplyAnalysis:
        reply = (info.context or {}).get("reply") if info.context else None
        if reply is None:
            return self
        kept = [finding for finding in self.categories if finding.evidence in reply]
        dropped = len(self.categories) - len(kept)
        if dropped:
            self.categories = kept
            self.dropped_evidence += dropped
        return self


class AnalysisRequest(BaseModel):
    """A recruiter's reply to analyse."""

    model_config = ConfigDict(use_attribute_docstrings=True, extra="ignore")

    id: str | None = Field(default=None, max_length=200, description="Caller's identifier, echoed back.")
    language: Language | None = Field(
        default=None, description="Language of the reply; None to detect it."
    )
    reply: str = Field(description="The recruiter's reply, pasted as received.")
    region: Region | None = Field(
        default=None,
        description="Where the candidate lives, for the rights body named in a discrimination warning; "
        "None to take it from the reply's language (fr: Québec, fr-FR: France, en: Canada).",
    )
    candidate_name: str = Field(
        default="", max_length=100, description="Signs the thank-you reply when given."
    )
    recruiter_name: str = Field(
        default="", max_length=100, description="Greets the recruiter in the thank-you reply when given."
    )

    @field_validator("language", "region", mode="before")
    @classmethod
    def _auto(cls, value: Any) -> Any:
        return None if value in ("auto", "", None) else value

    @field_validator("reply", mode="before")
    @classmethod
    def _reply(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        text = clean_text(value, single_line=False)
        if not text:
            raise ValueError("reply is empty: paste the recruiter's answer")
        if len(text) > REPLY_MAX_CHARS:
            raise ValueError(f"reply is too long: {len(text)} characters, the limit is {REPLY_MAX_CHARS}")
        return text


def first_error(exc: Exception) -> str:
    """One line naming the field and the problem, for the CLI and the app."""
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        err = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in err["loc"]) or "input"
        message = str(err["msg"]).removeprefix("Value error, ")
        return f"{where}: {message}"
    return str(exc)
