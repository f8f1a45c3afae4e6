"""Guards privacy mode: names and company never leave the machine, and come back intact in the result."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings as hsettings, strategies as st
from llm_fakes import REPLY_FR, analysis_request, draft_request, good_analysis, model_text, settings
from openai_shapes import completion, ok, streamed

from rebond.drafting import stream_draft, write_draft
from rebond.privacy import Mask, mask_for, unsafe_tail_start
from rebond.reading import read_reply
from rebond.testing import ScriptedServer
PRIVATE = ("Camille", "Roy", "Julie", "Tremblay", "Ubisoft")


def _leaks(body: bytes) -> list[str]:
    text = json.dumps(json.loads(body), ensure_ascii=False)
    return [word for word in PRIVATE if re.search(rf"\b{word}\b", text, re.I)]


def test_hide_and_reveal_round_trip_with_parts_and_spellings() -> None:
    mask = mask_for("Camille Roy", "Mme Julie Tremblay", "Ubisoft")
    text = "Bonjour Mme Julie Tremblay, merci Julie. Chez UBISOFT et Ubisoft. Camille Roy / camille"
    hidden = mask.hide(text)
    assert not any(re.search(rf"\b{w}\b", hidden, re.I) for w in PRIVATE)
    assert "Mme [RECRUITER_NAME_1]" not in hidden and "[RECRUITER_NAME]" in hidden  # the whole name wins
    assert mask.reveal(hidden) == text


def test_titles_and_ordinary_words_are_left_alone() -> None:
    mask = mask_for("Camille Roy", "Mme Tremblay", "Acme")
    hidden = mask.hide("Madame Tremblay works at the company; Acme is a company. Mme Tremblay")
    assert hidden == "Madame [RECRUITER_NAME_1] works at the company; [COMPANY] is a company. [RECRUITER_NAME]"
    assert mask.reveal("your company and [COMPANY]") == "your company and Acme"


def test_french_elision_is_restored_before_a_vowel() -> None:
    mask = mask_for("Camille Roy", "", "Ubisoft", elide=True)
    assert mask.reveal("le poste de [COMPANY], ce que [COMPANY] fait, de [CANDIDATE_NAME]") == (
        "le poste d'Ubisoft, ce qu'Ubisoft fait, de Camille Roy"
    )


def test_privacy_off_hides_nothing_but_fills_placeholders() -> None:
    mask = mask_for("Camille Roy", "", "Ubisoft", hiding=False)
    assert mask.hide("Camille Roy at Ubisoft") == "Camille Roy at Ubisoft"
    assert mask.reveal("[CANDIDATE_NAME]") == "Camille Roy"
    assert Mask.off().reveal("[COMPANY]") == "[COMPANY]"


@hsettings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=9), min_size=1, max_size=40))
def test_streamed_reveal_equals_whole_reveal(cuts: list[int]) -> None:
    mask = mask_for("Camille Roy", "Mme Julie Tremblay", "Ubisoft", elide=True)
    text = "Bonjour [RECRUITER_NAME],\nle poste de [COMPANY] chez COMPANY, de [CANDIDATE_NAME]. Que [COMPANY] [x] fin"
    chunks, start = [], 0
    for size in cuts * 10:
        if start >= len(text):
            break
        chunks.append(text[start : start + size])
        start += size
    chunks.append(text[start:])
    assert "".join(mask.reveal_stream(chunks)) == mask.reveal(text)


# The definition the streamed reveal holds back by: the longest end of the text matching it.
_FORWARD_TAIL = re.compile(r"(?:\b(?:[Dd]e|[Qq]ue)\s+)?(?:\[[^\]\n]{0,40}|\w+)?\Z")


@hsettings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["de", "De", "que", "Que", "x", "ab", "[", "]", " ", "  ", "\n", "é", "_", ",", "COMPANY", "[COMP"]),
                max_size=20))
def test_the_held_back_tail_is_what_the_forward_pattern_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert unsafe_tail_start(text) == _FORWARD_TAIL.search(text).start()  # type: ignore[union-attr]


def test_http_bodies_of_a_draft_with_repair_contain_no_name(openai_server: ScriptedServer) -> None:
    request = draft_request("fr")
    ctx = request.context
    mask = mask_for(ctx.candidate_name, ctx.recruiter_name, ctx.company, elide=True)
    english = model_text(draft_request("en"), mask)  # fails the language check: forces a repair call
    openai_server.script(streamed(english), ok(completion(model_text(request, mask))))
    stream = stream_draft(request, settings(privacy="on", openai_base_url=openai_server.base_url))
    preview = "".join(stream)
    assert len(openai_server.requests) == 2
    for sent in openai_server.requests:
        assert _leaks(sent.body) == []
    draft = stream.result
    assert draft.engine == "llm:gpt-4.1-mini", draft.notices
    assert "Camille Roy" in draft.body and "Ubisoft" in draft.full_text()
    assert "[" not in draft.full_text()
    assert "Camille Roy" in preview  # the streamed preview is restored too


def test_http_bodies_of_an_analysis_contain_no_name(openai_server: ScriptedServer) -> None:
    answer = good_analysis()
    answer["thank_you_reply"] = "Bonjour [RECRUITER_NAME],\n\nMerci.\n\n[CANDIDATE_NAME]"
    openai_server.script(ok(completion(tool_args=answer)))
    analysis = read_reply(analysis_request(REPLY_FR), settings(privacy="on", openai_base_url=openai_server.base_url))
    assert _leaks(openai_server.requests[0].body) == []
    assert analysis.thank_you_reply.endswith("Camille Roy")
    assert all(f.evidence in REPLY_FR for f in analysis.categories)


@pytest.mark.parametrize(("privacy", "sent"), [("off", True), ("on", False)])
def test_what_each_privacy_mode_sends(openai_server: ScriptedServer, privacy: str, sent: bool) -> None:
    request = draft_request("en")
    openai_server.script(ok(completion(model_text(request))))
    write_draft(request, settings(privacy=privacy, openai_base_url=openai_server.base_url))
    assert ("Camille" in _leaks(openai_server.requests[0].body)) is sent
