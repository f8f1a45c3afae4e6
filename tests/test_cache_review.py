"""Every cache in the app, reviewed: what each holds, and why nothing in it is one person's data served to another.

Guards against a new ``st.cache_data`` / ``st.cache_resource`` / ``functools`` cache that nobody reviewed: it
fails here until it is added below with its reason (hosted mode shares one process among many people).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE_DECORATORS = {"cache", "lru_cache", "cache_data", "cache_resource"}

REVIEWED = {
    # Shared on purpose, holding no one's rows.
    "views/common.py:_database_at": "a Database: where the journal is and a pooled engine; rows only through a Store",
    "views/common.py:_announce": "True, once per process: logs the mode, starts retention",
    "views/common.py:_a11y_static": "Streamlit's labels in one interface language and the style sheet, per language: no one's data",
    "views/common.py:_a11y_script": "the a11y.js file's text: no one's data",
    "views/common.py:_freeze": "the names of the engines whose objects were frozen, once per process: no one's data",
    "src/rebond/llm.py:_chat_model": "chat clients built from the operator's settings, not from anyone's text",
    "src/rebond/llm.py:_call_pool": "a thread pool",
    # Pure functions of a text: an entry is only ever returned to a caller who passes that same text.
    "src/rebond/text.py:fold": "the folded form of a text, keyed by the text itself",
    "src/rebond/situation.py:_read": "a request's context read (reason, moments), keyed by that same context's text",
    "src/rebond/french.py:role_forms": "a job title's two forms, keyed by the title typed",
    "src/rebond/french.py:role_in_sentence": "a job title as a sentence writes it, keyed by the title typed",
    "src/rebond/french.py:clean_role": "a job title without the posting's labels, keyed by the title typed",
    # Shipped data files, the same for everyone.
    "src/rebond/guidance.py:guidance": "prompts/guidance.yaml",
    "src/rebond/resources.py:load_text": "files under prompts/",
    "src/rebond/resources.py:load_data": "files under prompts/",
    "src/rebond/ui_text.py:_flat": "prompts/ui.yaml",
    "src/rebond/analysis_rules.py:settings": "prompts/lexicons",
    "src/rebond/analysis_rules.py:lexicon": "prompts/lexicons",
    "src/rebond/text.py:_latin1_table": "a translation table",
    "src/rebond/text.py:compile_terms": "patterns compiled from shipped lexicon terms",
    "src/rebond/prompting.py:chat_prompt": "prompt templates from prompts/",
    "src/rebond/prompting.py:follow_up": "prompt templates from prompts/",
    "src/rebond/prompting.py:_instruction_lines": "prompt templates from prompts/",
    "src/rebond/checks.py:_lex": "prompts/checks.yaml",
    "src/rebond/checks.py:_formality_markers": "prompts/checks.yaml",
    "src/rebond/checks.py:_known_vocabulary": "shipped phrase banks",
    "src/rebond/checks.py:_placeholder_scanners": "patterns",
    "src/rebond/checks.py:_months": "month names",
    "src/rebond/check_base.py:_lex": "prompts/checks.yaml",
    "src/rebond/french.py:_heads": "prompts/french.yaml",
    "src/rebond/french.py:_keep_capitals": "prompts/french.yaml",
    "src/rebond/situation.py:_cues": "prompts/context_cues.yaml",
    "src/rebond/reader_checks.py:_data": "prompts/reader_checks.yaml",
    "src/rebond/reader_checks.py:_reason_words": "prompts/reader_checks_reasons.yaml",
    "src/rebond/reader_checks.py:_date_pattern": "a pattern built from shipped month names",
    "src/rebond/reader_checks.py:_wrong_forms": "a pattern built from shipped word lists, keyed by a gender value",
    "src/rebond/reader_checks.py:_object_forms": "a pattern built from shipped word lists, keyed by a gender value",
    "src/rebond/grounds.py:data": "prompts/protected_grounds.yaml",
    "src/rebond/second_opinion.py:model": "prompts/second_opinion.json: weights trained on the shipped datasets",
    "src/rebond/grounds.py:_compiled": "patterns compiled from prompts/protected_grounds.yaml",
    "src/rebond/grounds.py:_first_names": "common first names and their usual sex, from prompts/first_names.yaml",
    "src/rebond/prompting.py:grounds_for_prompt": "prompt text built from prompts/protected_grounds.yaml",
    "src/rebond/prompting.py:examples_for_prompt": "few-shot examples from prompts/analyse_examples.yaml",
}


def _decorator_name(node: ast.expr) -> str:
    target = node.func if isinstance(node, ast.Call) else node
    return target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")


def cached_functions() -> set[str]:
    found = set()
    for path in [ROOT / "app.py", *(ROOT / "views").glob("*.py"), *(ROOT / "src" / "rebond").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and any(
                _decorator_name(d) in CACHE_DECORATORS for d in node.decorator_list
            ):
                found.add(f"{path.relative_to(ROOT)}:{node.name}")
    return found


def test_every_cache_is_reviewed() -> None:
    found = cached_functions()
    unreviewed = found - set(REVIEWED)
    assert not unreviewed, f"review these caches (what they hold, whose data) and add them to REVIEWED: {unreviewed}"
    assert found >= {"views/common.py:_database_at", "src/rebond/text.py:fold"}, "the scan finds nothing"


def test_no_cache_in_the_pages_or_the_storage_holds_rows() -> None:
    storage = {name for name in cached_functions() if name.startswith("src/rebond/storage/")}
    assert not storage, f"the storage layer must not cache rows: {storage}"
