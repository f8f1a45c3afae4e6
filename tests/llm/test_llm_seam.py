"""Guards the one place a chat model is built, its error reasons, the price table, and how model text is parsed and cleaned."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import settings as settings_
from hypothesis import strategies as st
from langchain_core.messages import AIMessage
from llm_fakes import API_KEY, settings

from rebond.llm import NotConfigured, build_chat_model, failure
from rebond.llm_output import clean, split_draft
from rebond.models import Channel
from rebond.settings import Settings
from rebond.usage import price_per_token, usage_of


def test_build_chat_model_uses_every_setting() -> None:
    model = build_chat_model(settings(model="gpt-4.1-nano", timeout=12, max_retries=3, openai_base_url="http://127.0.0.1:9/v1"))
    assert type(model).__name__ == "ChatOpenAI"
    assert model.model_name == "gpt-4.1-nano"
    assert model.request_timeout == 12 and model.max_retries == 3
    assert model.openai_api_base == "http://127.0.0.1:9/v1"
    assert model.openai_api_key.get_secret_value() == API_KEY
    assert model.stream_usage is True
    assert API_KEY not in repr(model)


def test_same_settings_reuse_one_client() -> None:
    assert build_chat_model(settings()) is build_chat_model(settings())
    assert build_chat_model(settings()) is not build_chat_model(settings(timeout=9))


def test_nothing_configured_is_a_clear_error() -> None:
    with pytest.raises(NotConfigured, match="OPENAI_API_KEY or OPENAI_BASE_URL"):
        build_chat_model(settings(openai_api_key=None))


def test_error_reasons_never_carry_the_message() -> None:
    key, values = failure(RuntimeError(API_KEY), settings())
    assert (key, values) == ("unexpected", {"kind": "RuntimeError"})
    assert failure(TimeoutError(), settings(timeout=4.5)) == ("timeout", {"timeout": "4.5"})


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ("gpt-4.1-mini", (0.4e-6, 1.6e-6)),
        ("gpt-4.1-mini-2025-04-14", (0.4e-6, 1.6e-6)),  # a dated snapshot
        ("openai/gpt-4o-mini", (0.15e-6, 0.6e-6)),
        ("gpt-4.1", (2e-6, 8e-6)),
        ("llama3.2", None),
        ("gpt-4.10", None),  # not a snapshot of gpt-4.1
    ],
)
def test_price_table(model: str, expected: tuple[float, float] | None) -> None:
    prices = price_per_token(model)
    assert prices == (pytest.approx(expected) if expected else None)


def test_usage_sums_calls_and_tolerates_missing_counts() -> None:
    answers = [
        AIMessage(content="a", usage_metadata={"input_tokens": 100, "output_tokens": 10, "total_tokens": 110}),
        AIMessage(content="b"),
    ]
    usage = usage_of(answers, "gpt-4.1-mini")
    assert (usage.input_tokens, usage.output_tokens) == (100, 10)
    assert usage.cost_usd == pytest.approx(100 * 0.4e-6 + 10 * 1.6e-6)
    assert usage_of(answers, "mistral-small").cost_usd is None


@pytest.mark.parametrize(
    ("text", "channel", "expected"),
    [
        ("Subject: Feedback\n\nHello,\nBody.", Channel.EMAIL, ("Feedback", "Hello,\nBody.", None)),
        ("**Objet :** Demande de rétroaction\n\nBonjour,\nTexte.", Channel.EMAIL, ("Demande de rétroaction", "Bonjour,\nTexte.", None)),
        ("```\nSubject: S\n\nBody\n```", Channel.EMAIL, ("S", "Body", None)),
        ("Hello, no subject here.", Channel.EMAIL, (None, "Hello, no subject here.", None)),
        ("Subject: stray\n\nHi there", Channel.LINKEDIN, (None, "Hi there", None)),
        ("Bonjour...\nMerci.\n\nMessage vocal : Bonjour, ici Camille.", Channel.PHONE, (None, "Bonjour...\nMerci.", "Bonjour, ici Camille.")),
        ("Call script:\nHi, it's Camille.\n\nVoicemail: Hi, Camille here.", Channel.PHONE, (None, "Hi, it's Camille.", "Hi, Camille here.")),
    ],
)
def test_split_draft(text: str, channel: Channel, expected: tuple) -> None:
    assert split_draft(text, channel) == expected


def test_clean_removes_markup_and_links_and_keeps_text() -> None:
    dirty = (
        "Bonjour <b>Julie</b>,<script>alert(1)</script>\n\n\n\nVoir [mon site](https://x.example) "
        "![p](http://t.example/p.png) et https://y.example/a **merci**"
    )
    assert clean(dirty) == "Bonjour Julie,\n\nVoir mon site  et  merci"
    assert clean("Je suis motivée, 3 < 5 et 6 > 2") == "Je suis motivée, 3 < 5 et 6 > 2"


def test_warm_up_builds_the_configured_model_once_in_the_background() -> None:
    """The app calls warm_up on every rerun: the first "write with AI" must find the model built."""
    from rebond import llm

    configured = Settings(_env_file=None, openai_base_url="http://127.0.0.1:9/v1", engine="llm", model="warm-model")
    future = llm.warm_up(configured)
    assert future is not None and future.result(timeout=60) is None
    assert llm.warm_up(configured) is future  # once per settings
    assert llm.build_chat_model(configured) is llm._chat_model(*llm._model_args(configured))
    assert llm._chat_model.cache_info().hits >= 1  # the build above was the warmed one


def test_warm_up_does_nothing_offline() -> None:
    from rebond import llm

    assert llm.warm_up(Settings(_env_file=None, engine="offline")) is None
    assert llm.warm_up(Settings(_env_file=None)) is None  # auto, nothing configured


_SUBJECTS = ["Subject: Rétroaction sur l'entrevue", "Objet : Demande de rétroaction", "**Sujet :** Feedback", ""]
_BODIES = ["Bonjour Madame Tremblay,\n\nMerci pour l'entrevue.\n\nCamille", "Hi Sam,\n\nThanks!", "Bonjour"]


@pytest.mark.parametrize("subject", _SUBJECTS)
@pytest.mark.parametrize("body", _BODIES)
@pytest.mark.parametrize("cut", [1, 3, 7, 1000])
def test_the_streamed_preview_separates_the_subject_line_wherever_the_pieces_are_cut(subject: str, body: str, cut: int) -> None:
    from rebond.llm_output import preview_parts

    answer = f"{subject}\n\n{body}" if subject else body
    parts = list(preview_parts(answer[i : i + cut] for i in range(0, len(answer), cut)))
    subjects = [text for part, text in parts if part == "subject"]
    shown_body = "".join(text for part, text in parts if part == "body")
    expected_subject, expected_body, _ = split_draft(answer, Channel.EMAIL)
    assert subjects == ([expected_subject] if subject else [])
    assert shown_body == (expected_body if subject else answer)
    assert all(text for _, text in parts)  # no empty piece for write_stream


def _merged(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    merged: list[tuple[str, str]] = []
    for part, text in parts:
        if merged and part == "body" and merged[-1][0] == "body":
            merged[-1] = ("body", merged[-1][1] + text)
        else:
            merged.append((part, text))
    return merged


_PREVIEW_PIECES = st.sampled_from(["Subject: ", "Objet : ", "Rétroaction", "\n", "\r", "\r\n", "\u2028", " ", "Bonjour",
                                   "https://evil.example/x", "www.evil.example", "merci.", "**", "<b>"])


@settings_(max_examples=300, deadline=None)
@given(pieces=st.lists(_PREVIEW_PIECES, max_size=14), cuts=st.lists(st.integers(0, 200), max_size=8),
       with_subject=st.booleans())
def test_the_preview_does_not_depend_on_where_the_stream_is_cut(pieces: list[str], cuts: list[int], with_subject: bool) -> None:
    from rebond.llm_output import preview_parts

    answer = "".join(pieces)
    points = sorted({0, len(answer), *(c % (len(answer) + 1) for c in cuts)})
    streamed = [answer[a:b] for a, b in zip(points, points[1:])]
    parts = list(preview_parts(streamed, with_subject))
    assert _merged(parts) == _merged(list(preview_parts([answer], with_subject)))
    body = "".join(text for part, text in parts if part == "body")
    assert re.search(r"https?://|(?<!\w)www\.", body) is None  # links are left out, as the checked draft leaves them out
    assert all(text for _, text in parts)
    assert with_subject or all(part == "body" for part, _ in parts)


def test_concurrent_sessions_warm_up_one_model_and_old_settings_are_forgotten() -> None:
    import concurrent.futures
    import threading

    from rebond import llm

    configured = Settings(_env_file=None, openai_base_url="http://127.0.0.1:9/v1", engine="llm", model="race-model")
    start = threading.Barrier(12)

    def session() -> object:
        start.wait()
        return llm.warm_up(configured)

    with concurrent.futures.ThreadPoolExecutor(12) as pool:
        futures = list(pool.map(lambda _: session(), range(12)))
    assert len({id(future) for future in futures}) == 1
    for n in range(llm._WARMED_KEPT + 2):  # a user trying one model after another
        llm.warm_up(configured.model_copy(update={"model": f"model-{n}"}))
    assert len(llm._warming) <= llm._WARMED_KEPT
