"""The distilled guidance is complete, sourced, bilingual and not copied from the article."""

from pathlib import Path

import pytest

from rebond.grounds import data as grounds_data
from rebond.grounds import warning
from rebond.guidance import category_info, guidance, principle, principle_ids
from rebond.models import Ground, Region
from rebond.text import compile_terms, fold
from rebond.models import Category

ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "article-feedback-apres-entrevue.fr.txt"


def test_every_principle_has_an_id_and_both_languages():
    ids = principle_ids()
    assert len(ids) == len(set(ids)) >= 10
    for pid in ids:
        assert principle(pid, "en") and principle(pid, "fr")


def test_source_note_names_the_article():
    source = guidance()["source"]
    assert "feedback après une entrevue" in source["title"]
    assert source["note"]["en"] and source["note"]["fr"]


@pytest.mark.parametrize("category", list(Category))
def test_every_reply_category_has_advice_and_actions(category):
    for language in ("en", "fr"):
        info = category_info(category, language)
        assert info["label"] and info["advice"] and len(info["actions"]) >= 2


def test_rights_bodies_per_region():
    assert "CDPDJ" in warning("age", "qc", "fr")
    assert "Défenseur des droits" in warning("age", "fr", "fr")
    assert "EEOC" in warning("age", "us", "en")
    assert "EHRC" in warning("age", "uk", "en")
    assert "CDPDJ" not in warning("age", "ca", "en")


def test_every_ground_has_cues_in_both_languages_and_a_law_in_every_region():
    raw = grounds_data()
    assert set(raw["grounds"]) == {ground.value for ground in Ground}
    assert set(raw["regions"]) == {region.value for region in Region}
    for name, spec in raw["grounds"].items():
        assert spec["label"]["en"] and spec["label"]["fr"], name
        assert set(spec["laws"]) == set(raw["regions"]), name
        for lang in ("en", "fr"):
            assert spec["cues"][lang], (name, lang)
            for term in spec["cues"][lang]:
                assert fold(term) == term, term
                compile_terms((term,))
    for region in Region:
        for ground in Ground:
            for lang in ("en", "fr"):
                assert "{" not in warning(ground, region, lang)


@pytest.mark.skipif(not ARTICLE.exists(), reason="the reference article is not beside this checkout")
def test_no_sentence_of_the_article_is_copied():
    article = ARTICLE.read_text(encoding="utf-8")
    from rebond.resources import load_text

    ours = " ".join(load_text(name) for name in ("guidance.yaml", "phrases.en.yaml", "phrases.fr.yaml"))
    # The title is quoted on purpose, in the source note.
    ours = " ".join(ours.split()).replace(guidance()["source"]["title"], "")
    # Any run of eight consecutive article words appearing in our text counts as copying.
    words = article.split()
    runs = {" ".join(words[i : i + 8]) for i in range(len(words) - 8)}
    assert not [run for run in runs if run in ours]
