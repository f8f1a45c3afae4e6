"""The hosted benchmark's websocket client, offline: the BackMsg it sends and what it reads from the server's deltas."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_hosted", ROOT / "benchmarks" / "bench_hosted.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def slider(value: float | None = None) -> Element:
    element = Element()
    element.slider.id, element.slider.label = "$$ID-1-tone_length", "Longueur · Très court ↔ Détaillé"
    element.slider.default[:] = [50.0]
    if value is not None:
        element.slider.value[:], element.slider.set_value = [value], True
    return element


def test_widget_values_are_the_servers_when_it_sets_one_else_the_default(bench):
    assert list(bench.widget_state(slider()).double_array_value.data) == [50.0]
    assert list(bench.widget_state(slider(80)).double_array_value.data) == [80.0]
    text = Element()
    text.text_input.id, text.text_input.default = "$$ID-2-draft_company", ""
    assert bench.widget_state(text).string_value == ""
    text.text_input.value, text.text_input.set_value = "Desjardins", True
    assert bench.widget_state(text).string_value == "Desjardins"
    choice = Element()
    choice.selectbox.id, choice.selectbox.default = "$$ID-3-news", 1
    choice.selectbox.options[:] = ["Pas précisé", "Par écrit"]
    assert bench.widget_state(choice).string_value == "Par écrit"
    group = Element()
    group.button_group.id = "$$ID-4-channel"
    group.button_group.options.add(content="Courriel")
    group.button_group.options.add(content="LinkedIn", content_icon=":material/chat:")
    group.button_group.default[:] = [1]
    assert list(bench.widget_state(group).string_array_value.data) == [":material/chat: LinkedIn"]
    button = Element()
    button.button.id = "$$ID-5-go"
    assert bench.widget_state(button) is None  # a trigger: sent only when clicked


def test_rerun_message_is_a_backmsg_the_server_can_read(bench):
    raw = bench.rerun_message([bench.widget_state(slider(100))], page_script_hash="abc", fragment_id="frag",
                              cached=["h1"], url="http://127.0.0.1:1")  # fmt: skip
    msg = BackMsg.FromString(raw)
    assert msg.WhichOneof("type") == "rerun_script"
    rerun = msg.rerun_script
    assert (rerun.page_script_hash, rerun.fragment_id, list(rerun.cached_message_hashes)) == ("abc", "frag", ["h1"])
    assert [w.id for w in rerun.widget_states.widgets] == ["$$ID-1-tone_length"]
    assert rerun.context_info.locale == "fr-CA"


def test_the_session_reads_the_draft_and_the_slider_from_deltas(bench):
    session = bench.StreamlitSession("http://127.0.0.1:1", {})
    block = ForwardMsg()
    block.metadata.delta_path[:] = [0, 3, 1]
    block.delta.add_block.vertical.SetInParent()
    block.delta.add_block.id = "$$ID-9-draft_body_email"
    code = ForwardMsg()
    code.metadata.delta_path[:] = [0, 3, 1, 1]
    code.delta.new_element.code.code_text = "Bonjour,"
    widget = ForwardMsg()
    widget.metadata.delta_path[:] = [0, 3, 0, 4]
    widget.delta.new_element.CopyFrom(slider(0))
    widget.delta.fragment_id = "tone"
    for msg in (block, code, widget):
        session._apply(msg)
    assert session.draft_body == "Bonjour,"
    assert ("draft", "") in session.seen
    wid = session.labels[bench.SLIDER]
    assert session.fragment_of[wid] == "tone"
    assert list(session.values[wid].double_array_value.data) == [0.0]
    done = ForwardMsg()
    done.script_finished = ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
    session._apply(done)
    assert session.finished == "FINISHED_FRAGMENT_RUN_SUCCESSFULLY"
