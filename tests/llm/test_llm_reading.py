"""Guards reply analysis at the LangChain seam: structured output, verbatim evidence, one retry, JSON mode, offline fallback."""

from __future__ import annotations

import copy

import pytest
from llm_fakes import REPLY_EN, REPLY_FR, ScriptedChatModel, analysis_request, good_analysis, json_answer, settings, tool_answer

from rebond.models import Category, Confidence, Ground, Kind, Language, Region
from rebond.reading import ModelAnswer, read_reply


def test_structured_answer_becomes_a_validated_analysis() -> None:
    model = ScriptedChatModel().enqueue(tool_answer(good_analysis()))
    analysis = read_reply(analysis_request(), settings(), model=model)
    assert analysis.engine == "llm:fake-chat"
    assert analysis.id == "rep-1" and analysis.language is Language.FR
    assert analysis.kind is Kind.CONSTRUCTIVE
    assert [f.category for f in analysis.categories] == [Category.EXPERIENCE, Category.SKILLS]
    assert all(f.evidence in REPLY_FR for f in analysis.categories)
    assert analysis.dropped_evidence == 0 and analysis.notices == []
    assert analysis.usage is not None and analysis.usage.input_tokens == 700
    # The model was offered exactly one tool, shaped like the contract, and told to use it.
    tools = model.call_kwargs[0]["tools"]
    assert [t["function"]["name"] for t in tools] == ["ReplyAnalysis"]
    assert "engine" not in tools[0]["function"]["parameters"]["properties"]


def test_the_schema_is_the_contract_minus_what_rebond_sets() -> None:
    fields = set(ModelAnswer.model_fields)
    assert "categories" in fields and not fields & {"id", "engine", "usage", "notices", "dropped_evidence", "language"}


def test_non_verbatim_evidence_is_dropped_counted_and_told() -> None:
    answer = good_analysis()
    answer["categories"][1]["evidence"] = "vous manquez de rigueur"  # not in the reply
    analysis = read_reply(analysis_request(), settings(), model=ScriptedChatModel().enqueue(tool_answer(answer)))
    assert len(analysis.categories) == 1 and analysis.dropped_evidence == 1
    assert analysis.notices == ["1 citation(s) du modèle ne figuraient pas dans la réponse et ont été retirées."]


def test_an_invalid_category_gets_one_retry_that_says_why() -> None:
    bad = good_analysis()
    bad["categories"][0]["category"] = "salary"
    model = ScriptedChatModel().enqueue(tool_answer(bad), tool_answer(good_analysis()))
    analysis = read_reply(analysis_request(), settings(), model=model)
    assert analysis.engine == "llm:fake-chat" and len(model.history) == 2
    retry = model.history[1][-1]
    assert retry.type == "human" and "categories.0.category" in retry.content
    assert analysis.usage is not None and analysis.usage.input_tokens == 1400


def test_constructive_without_any_verbatim_quote_is_not_accepted() -> None:
    bad = good_analysis()
    for finding in bad["categories"]:
        finding["evidence"] = "paraphrase"
    model = ScriptedChatModel().enqueue(tool_answer(bad), tool_answer(good_analysis()))
    analysis = read_reply(analysis_request(), settings(), model=model)
    assert len(model.history) == 2 and "verbatim" in model.history[1][-1].content
    assert analysis.engine == "llm:fake-chat"


def test_two_invalid_answers_fall_back_offline_with_a_notice() -> None:
    bad = good_analysis()
    bad["kind"] = "hostile"
    model = ScriptedChatModel().enqueue(tool_answer(bad), AIMessageText("not json at all"))
    analysis = read_reply(analysis_request(REPLY_EN), settings(), model=model)
    assert analysis.engine == "offline"
    assert analysis.notices[0] == (
        "The offline analyser read this reply because the model's analysis did not match the expected format, twice."
    )
    assert analysis.usage is not None  # the tokens were spent all the same


def AIMessageText(text: str):  # noqa: N802 - reads like the message it builds
    from langchain_core.messages import AIMessage

    return AIMessage(content=text)


def test_endpoints_without_tools_get_json_mode() -> None:
    model = ScriptedChatModel(supports_tools=False).enqueue(json_answer(good_analysis()))
    analysis = read_reply(analysis_request(), settings(), model=model)
    assert analysis.engine == "llm:fake-chat" and len(analysis.categories) == 2
    assert model.call_kwargs[0]["response_format"] == {"type": "json_object"}
    assert "JSON schema" in model.prompts[0] and '"categories"' in model.prompts[0]


def test_a_text_answer_instead_of_a_tool_call_is_still_read() -> None:
    model = ScriptedChatModel().enqueue(json_answer(good_analysis()))
    assert read_reply(analysis_request(), settings(), model=model).engine == "llm:fake-chat"


def test_the_rights_pointer_is_ours_not_the_models() -> None:
    answer = good_analysis()
    answer["discrimination_warning"] = "Sue them! Call https://evil.example now."
    analysis = read_reply(analysis_request(), settings(), model=ScriptedChatModel().enqueue(tool_answer(answer)))
    assert analysis.discrimination_warning is not None
    assert "CDPDJ" in analysis.discrimination_warning and "evil" not in analysis.discrimination_warning


def test_a_ground_makes_the_reading_malicious_with_the_regions_pointer() -> None:
    answer = good_analysis(REPLY_EN)
    answer["ground"] = "age"  # the model flags the ground but keeps the old convention's kind
    request = analysis_request(REPLY_EN)
    request.region = Region.US
    analysis = read_reply(request, settings(), model=ScriptedChatModel().enqueue(tool_answer(answer)))
    assert analysis.kind is Kind.MALICIOUS
    assert analysis.ground is Ground.AGE
    assert analysis.discrimination_warning is not None
    assert "EEOC" in analysis.discrimination_warning and "(age)" in analysis.discrimination_warning


def test_the_models_confidence_is_kept_and_a_low_area_makes_the_reading_low() -> None:
    answer = good_analysis()
    answer["kind_confidence"] = "high"
    answer["categories"][1]["confidence"] = "low"
    analysis = read_reply(analysis_request(), settings(), model=ScriptedChatModel().enqueue(tool_answer(answer)))
    assert analysis.kind_confidence is Confidence.HIGH
    assert [f.confidence for f in analysis.categories] == [Confidence.HIGH, Confidence.LOW]
    assert analysis.confidence is Confidence.LOW


def test_the_prompt_carries_every_ground_and_the_examples() -> None:
    model = ScriptedChatModel().enqueue(tool_answer(good_analysis()))
    read_reply(analysis_request(), settings(), model=model)
    system = model.prompts[0]
    for ground in Ground:
        assert f"- {ground.value}:" in system
    assert "kind_confidence" in system and "Never high on a guess" in system
    assert "eight years in payroll" in system  # a few-shot example: the hire's description is a reason


def test_the_few_shot_examples_quote_their_reply_verbatim_and_use_known_ids() -> None:
    from rebond.resources import load_data

    for example in load_data("analyse_examples.yaml"):
        answer = example["answer"]
        assert answer["kind"] in {k.value for k in Kind}
        assert answer["ground"] is None or answer["ground"] in {g.value for g in Ground}
        assert (answer["ground"] is not None) == (answer["discrimination_warning"] is not None)
        for finding in answer["categories"]:
            assert finding["evidence"] in example["reply"]
            assert finding["category"] in {c.value for c in Category}


def test_language_is_given_or_detected() -> None:
    answer = good_analysis(REPLY_EN)
    model = ScriptedChatModel().enqueue(tool_answer(answer))
    analysis = read_reply(analysis_request(REPLY_EN), settings(), model=model)
    assert analysis.language is Language.EN and "Write every text field in English" in model.prompts[0]
    model = ScriptedChatModel().enqueue(tool_answer(copy.deepcopy(answer)))
    analysis = read_reply(analysis_request(REPLY_EN, language="fr-FR"), settings(), model=model)
    assert analysis.language is Language.FR_FR


def test_a_call_error_falls_back_offline() -> None:
    model = ScriptedChatModel().enqueue(TimeoutError())
    analysis = read_reply(analysis_request(), settings(timeout=7), model=model)
    assert analysis.engine == "offline"
    assert "n'a pas répondu en 7 s" in analysis.notices[0]


def test_offline_engine_uses_the_offline_analyser() -> None:
    analysis = read_reply(analysis_request(), settings(engine="offline"))
    assert analysis.engine == "offline" and analysis.usage is None


@pytest.mark.parametrize("privacy", ["on", "off"])
def test_names_are_masked_in_the_prompt_only_when_privacy_is_on(privacy: str) -> None:
    answer = good_analysis()
    answer["thank_you_reply"] = "Bonjour [RECRUITER_NAME],\n\nMerci.\n\n[CANDIDATE_NAME]"
    model = ScriptedChatModel().enqueue(tool_answer(answer))
    analysis = read_reply(analysis_request(), settings(privacy=privacy), model=model)
    assert ("Julie Tremblay" in model.prompts[0]) is (privacy == "off")
    assert analysis.thank_you_reply == "Bonjour Julie Tremblay,\n\nMerci.\n\nCamille Roy"


def test_an_analysis_in_the_wrong_language_is_retried_then_replaced() -> None:
    """Regression: nothing checked the language of the model's advice."""
    english = good_analysis(REPLY_EN)
    english["categories"] = good_analysis()["categories"]  # verbatim French quotes, English advice
    model = ScriptedChatModel().enqueue(tool_answer(english), tool_answer(good_analysis()))
    analysis = read_reply(analysis_request(), settings(), model=model)
    assert len(model.history) == 2 and "written in French" in model.history[1][-1].content
    assert analysis.engine == "llm:fake-chat" and analysis.reframe == good_analysis()["reframe"]
    twice = ScriptedChatModel().enqueue(tool_answer(english), tool_answer(english))
    fallback = read_reply(analysis_request(), settings(), model=twice)
    assert fallback.engine == "offline" and fallback.notices
