"""The statistical second opinion: its model file, its reproducibility, and what it changes in an analysis.

Guards against a model file that no longer loads or no longer matches its training script, against the
model turning praise, a set-aside remark or a template line into a weakness, against it touching ground ids,
warnings or other languages, and against it loading at import time. The replies are hand-written for these
tests (none comes from evals/datasets).
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from evals import train_reader
from rebond import second_opinion
from rebond.analyse import analyse_reply
from rebond.analysis_rules import lexicon
from rebond.models import AnalysisRequest, Category, Confidence, Kind, ReplyAnalysis
from rebond.resources import prompts_dir
from rebond.second_opinion import CATEGORIES, LABELS, Policy, decide
from rebond.text import fold


def both(reply: str) -> tuple[ReplyAnalysis, ReplyAnalysis]:
    """The rules alone, then rules + second opinion."""
    request = AnalysisRequest(reply=reply)
    return analyse_reply(request, second_opinion=False), analyse_reply(request)


def areas(analysis: ReplyAnalysis) -> set[Category]:
    return {finding.category for finding in analysis.categories}


def probability(reply: str, label: str, base: str) -> float:
    """The model's probability as the analyser computes it: with the reply's lexicon (clause polarity features)."""
    return second_opinion.model().probabilities(fold(reply), lexicon(base))[label]


def test_the_model_file_loads_with_a_threshold_per_label() -> None:
    model = second_opinion.model()
    assert len(model.table) == second_opinion.BUCKETS * len(LABELS)
    assert set(model.thresholds) == {*LABELS, "constructive"}
    assert all(0.0 < t < 1.0 for t in model.thresholds.values())
    assert sum(1 for w in model.table if w) > 10_000, "nearly every weight is zero: a broken or empty model"
    # The shipped model learnt from every labelled reply set, the blind sets of the experiment included.
    assert model.meta["sets"] == list(train_reader.ALL_SETS)


def test_a_retrain_from_the_script_writes_the_same_file() -> None:
    shipped = (prompts_dir() / second_opinion.MODEL_FILE).read_text(encoding="utf-8")
    assert train_reader.build().to_json() == shipped


def test_the_model_is_read_on_first_use_not_at_import() -> None:
    code = (
        "import rebond.analyse, rebond.second_opinion as s; assert s.model.cache_info().currsize == 0; "
        "from rebond.models import AnalysisRequest; "
        "rebond.analyse.analyse_reply(AnalysisRequest(reply='We went with another candidate.', language='en')); "
        "assert s.model.cache_info().currsize == 1"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=60)


@pytest.mark.parametrize(
    ("reply", "category"),
    [
        # The level of a language the job needs is language_register (LABELLING.md); the rules read a skill.
        ("Votre maîtrise de l'anglais écrit n'est pas au niveau requis pour nos rapports.", Category.LANGUAGE_REGISTER),
        # "Your CV doesn't mention X": the rules read X only.
        ("Ton CV mentionne pas ton permis de cariste, on l'a su juste à l'entrevue.", Category.CV_COVER_LETTER),
        (
            (
                "The resume lists twenty tools without saying where you used any of them, so it was hard to "
                "judge your depth."
            ),
            Category.CV_COVER_LETTER,
        ),
    ],
)
def test_an_area_the_rules_miss_is_added_as_a_low_confidence_guess(reply: str, category: Category) -> None:
    rules, combined = both(reply)
    assert category not in areas(rules)
    assert areas(combined) == areas(rules) | {category}
    assert combined.kind is rules.kind is Kind.CONSTRUCTIVE
    finding = next(f for f in combined.categories if f.category is category)
    assert finding.evidence in reply and finding.evidence.strip()  # a verbatim sentence, never dropped
    assert finding.confidence is Confidence.LOW and combined.confidence is Confidence.LOW
    assert len(combined.action_plan) >= len(rules.action_plan)


# What the second opinion changes in the hand-written replies of test_analyse.py (about 460 of them, many built to
# trap a reader: praise, negation, templates), with a verdict under LABELLING.md. A new difference fails here:
# read it, then add it with its verdict, or fix the cause.
KNOWN_CHANGES = {
    # right: "the technical test as performed" is interview_performance
    "I'll be direct: the case exercise did not meet the standard we require, and the code did not compile.": {
        "interview_performance"
    },
    # right: answers are interview_performance in the brief (since the retrain with heldout11, the model no longer
    # adds it to "Your answers leaned heavily on acronyms and buzzwords.")
    "Vos réponses sur le droit fiscal étaient approximatives.": {"interview_performance"},
    # (the retrain with heldout15, 16n, no longer adds interview_performance to "Your answers about Kubernetes stayed
    # at the surface.": an arguable change gone, arguable either way: LABELLING.md lists answers under
    # interview_performance, and what they judge, Kubernetes, is the skill the rules read)
    # arguable: the hire's description names a tool (skills) as well as what they did (experience)
    "We hired someone who had already deployed SAP in three plants, which is what this project needs.": {"skills"},
    # arguable: a named tool whose use was narrow
    "Your Salesforce exposure is limited to reporting.": {"skills"},
    # arguable: "domain knowledge" is knowledge (skills) said as experience
    "The gap was domain knowledge: you've never worked in insurance.": {"skills"},
    # arguable: motivation for the company is culture_fit in the brief, asked of the letter
    "We would have liked your cover letter to say why you want to work with us.": {"culture_fit"},
    # wrong: the test as performed is the interview; the rules read it so
    "Je serai franc : l'exercice technique n'était pas au niveau attendu.": {"skills"},
    # wrong: the interview is only where the standard was not shown
    (
        "Le poste exige une bonne connaissance de la norme ISO 9001, que vous n'avez pas su démontrer lors de "
        "l'entretien."
    ): {"interview_performance"},
    # wrong: the interview is only where the preference was said
    "In the interview you said you prefer detailed instructions, and our team is very hands-off.": {
        "interview_performance"
    },
    # wrong: a company's size is experience here, not fit
    "Vous avez surtout travaillé en petite structure, alors que le poste se situe dans un grand groupe.": {
        "culture_fit"
    },
    # wrong: the résumé only reports the experience
    "Your resume shows only one year of team leadership.": {"cv_cover_letter"},
    # (gone in 16n, right by LABELLING.md, whose own example "the successful candidate has eight years in payroll" is
    # experience: a field named as an experience's domain is that experience, not a skill, so the second opinion no
    # longer adds skills to "The successful candidate has eight years in payroll.", "Your accent? Not an issue. The
    # other finalist simply had more payroll experience." nor « Ta grossesse n'a pas du tout été un facteur ; c'est ton
    # manque d'expérience en comptabilité qui a pesé. », three wrong changes: `experience_domain` in the lexicons)
    # (the retrain with heldout14, 16l, no longer adds skills to « Ton accent, ça n'a rien à voir. C'est ton manque
    # d'expérience en paie qui a joué. », nor to « … il te manque l'expérience de la négociation »: a wrong change and
    # an arguable one gone)
    # arguable: experience with a named tool (Salesforce) is read as the tool, a skill, too
    "Your age was not at all a factor; the other finalist simply had more experience with Salesforce.": {"skills"},
    # wrong: communication is marked fine
    "- Case study: could not articulate the trade-offs\n- Communication: fine": {"language_register"},
    # wrong: a practical condition (weekends) read as the way the team works (since the retrain with heldout11)
    "The job needs someone on the on-call rota, and you told us you can't do weekends.": {"culture_fit"},
    # wrong: praise notes read as a reason (generic -> constructive)
    "Notes:\n- Resume: excellent\n- Experience: exactly what we need\n- Culture: great fit": {"experience"},
    # wrong: the coding problem as performed is the interview, and the reply is contempt, not advice
    "Our apprentice solved your coding problem in five minutes; you needed half an hour.": {"skills"},
    # wrong: praise of the preparation read as a reason (since the retrain after 16s; the model's weights moved with
    # the rules' new readings of heldout sets 1-15, none of this reply's words was touched)
    "I've rarely interviewed anyone so well prepared. We went another way this time.": {"interview_performance"},
    # arguable: a language level shown in the interview is language_register in the brief; the interview is its setting
    # (the retrain with heldout15, 16n, no longer adds it to "In the phone screen you struggled to answer the questions
    # in German.": right by LABELLING.md, the language level the rules read is the area, the phone screen its setting)
    "Tu avais du mal à répondre aux questions de l'entrevue en espagnol.": {"interview_performance"},
    # (the retrain with heldout15, 16n, no longer adds skills to "You asked whether your age was held against you. The
    # answer is no; we needed someone with SAP experience.", added since 16k: an arguable change gone, arguable either
    # way, as with Salesforce above: LABELLING.md names SAP as a skill, and the rules read the experience)
    # wrong: a work permit's hours are a practical condition, not a skill (« permis » is a licence elsewhere), 16k
    "Votre permis de travail ne vous autorise à travailler que 20 heures par semaine; le poste en demande 37.": {
        "skills"
    },
    # wrong (16l, since "the main thing was" reads as a stated reason; the retrain with heldout14 keeps it): a coding
    # test as performed (interview_performance) read as a skill too. (The model of 16k also added interview_performance
    # to "In the ASL part of the interview…", before the retrain; the retrained model does not.)
    "hey, the main thing was the coding test, u ran outta time on the last part and left it blank.": {"skills"},
    # wrong (since the retrain with heldout14, 16l): radio spots that ran long are a test as performed, not the CV;
    # it also changes the kind, below
    "Both of your 30-second spots ran long, at 38 and 41 seconds. Practise against a clock.": {"cv_cover_letter"},
    # (the retrain with heldout15, 16n, no longer adds interview_performance to "I've rarely interviewed anyone so well
    # prepared. We went another way this time.", nor makes it constructive: a wrong change gone, right by LABELLING.md,
    # praise alone is generic; 16j's retrain had dropped it too, 16l's brought it back)
}
# Kinds the second opinion changes (rules' kind -> merged kind), with a verdict.
KNOWN_KIND_CHANGES = {
    # wrong: praise notes read as a reason (the one area added above)
    "Notes:\n- Resume: excellent\n- Experience: exactly what we need\n- Culture: great fit": ("generic", "constructive"),
    # wrong: the praise of the preparation read as a reason (the area added above)
    "I've rarely interviewed anyone so well prepared. We went another way this time.": ("generic", "constructive"),
    # arguable (16l): two spots that ran long are a concrete flaw, so constructive is right, but with the wrong area
    "Both of your 30-second spots ran long, at 38 and 41 seconds. Practise against a clock.": ("generic", "constructive"),
}


def _hand_written_replies() -> set[str]:
    tree = ast.parse(Path(__file__).with_name("test_analyse.py").read_text(encoding="utf-8"))
    found = set()
    for node in tree.body:
        parts = [node.value] if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.FunctionDef):
            parts = [*node.decorator_list, *node.body]
        for part in parts:
            for leaf in ast.walk(part):
                if isinstance(leaf, ast.Constant) and isinstance(leaf.value, str) and " " in leaf.value.strip():
                    found.add(leaf.value)
    return found


def test_what_the_second_opinion_changes_in_the_hand_written_replies_is_known() -> None:
    changed = {}
    kinds = {}
    replies = _hand_written_replies()
    assert len(replies) > 300
    for reply in replies:
        try:
            rules, combined = both(reply)
        except ValueError:  # a field the request refuses (empty, too long): not a reply
            continue
        if combined.kind is not rules.kind:
            kinds[reply] = (str(rules.kind), str(combined.kind))
        assert (combined.ground, combined.discrimination_warning) == (rules.ground, rules.discrimination_warning)
        assert areas(rules) <= areas(combined), reply
        if areas(combined) != areas(rules):
            changed[reply] = {str(c) for c in areas(combined) - areas(rules)}
    assert changed == KNOWN_CHANGES
    assert kinds == KNOWN_KIND_CHANGES


@pytest.mark.parametrize(
    ("reply", "category", "base", "confident"),
    [
        # praise that judges nothing: the model is confident of the CV, the veto stops it
        (
            "Votre lettre de motivation était remarquable, mais nous avons retenu un autre profil.",
            "cv_cover_letter",
            "fr",
            True,
        ),
        # a remark set aside, a template line: the model itself reads the clause as set aside (16g's clause
        # polarity features); without them it was confident of both
        ("Your experience was never the issue; we simply had an internal candidate.", "experience", "en", False),
        ("Nous conservons votre CV dans notre vivier et reviendrons vers vous.", "cv_cover_letter", "fr", False),
    ],
)
def test_praise_a_set_aside_remark_or_a_template_is_never_added_however_confident(
    reply: str, category: str, base: str, confident: bool
) -> None:
    threshold = second_opinion.model().thresholds[category]
    assert (probability(reply, category, base) >= threshold) is confident
    rules, combined = both(reply)
    assert areas(combined) == areas(rules) == set()
    assert combined.kind is Kind.GENERIC


@pytest.mark.parametrize("gate", ["judged", "sentence"])
@pytest.mark.parametrize(
    ("reply", "base", "shown"),
    [
        # the sentence's only cue clears what it names ("never in doubt", « jamais été mise en cause »): it judges
        # nothing, so the letter named beside it is no verdict (16n: the retrain with heldout15 read « Vos compétences
        # n'ont jamais été mises en doute, et votre lettre était impeccable » as the CV through this gate)
        ("Your references were never in doubt, and your cover letter was fine.", "en", False),
        ("Votre expérience n'a jamais été mise en cause, et votre lettre était claire.", "fr", False),
        # guards: the same negation in a clause that is not set aside judges
        ("Your references were never checked, and your cover letter was fine.", "en", True),
        ("Votre expérience n'a jamais été vérifiée, et votre lettre était claire.", "fr", True),
    ],
)
def test_a_cue_in_a_clause_set_aside_makes_no_sentence_a_verdict(reply: str, base: str, shown: bool, gate: str) -> None:
    span = second_opinion.model().evidence("cv_cover_letter", reply, fold(reply), lexicon(base), gate)
    assert (span is not None) is shown


@pytest.mark.parametrize(
    ("reply", "base", "shown"),
    [
        # a field named as the domain of an experience is that experience (LABELLING.md: "sector or domain
        # experience"), not a skill to add beside it (16n)
        ("What you lack is experience in payroll.", "en", False),
        ("The person we hired has six years in bookkeeping; you have two.", "en", False),
        ("C'est surtout ton manque d'expérience en comptabilité qui a joué.", "fr", False),
        # guards: a named tool is a skill, with an experience or beside a domain (LABELLING.md: SAP, Excel…)
        ("What you lack is experience with QuickBooks.", "en", True),
        ("Il te manque de l'expérience avec Sage.", "fr", True),
        ("You lack experience in payroll and you have never used QuickBooks.", "en", True),
    ],
)
def test_a_field_named_as_an_experiences_domain_is_no_skill_to_add(reply: str, base: str, shown: bool) -> None:
    model, folded, lex = second_opinion.model(), fold(reply), lexicon(base)
    assert (model.evidence("skills", reply, folded, lex) is not None) is shown
    assert model.evidence("experience", reply, folded, lex) is not None  # the experience itself is still shown


def test_the_rules_areas_ground_and_warning_are_kept() -> None:
    reply = "Honnêtement, à votre âge, on préfère quelqu'un de plus jeune pour suivre le rythme de l'équipe."
    rules, combined = both(reply)
    assert rules.discrimination_warning is not None
    assert (combined.kind, combined.ground, combined.discrimination_warning) == (
        rules.kind,
        rules.ground,
        rules.discrimination_warning,
    )
    assert areas(combined) == areas(rules)

    reply = "Your SQL was weak and your cover letter had two typos in the first line."
    rules, combined = both(reply)
    assert areas(rules) <= areas(combined) and rules.kind is combined.kind is Kind.CONSTRUCTIVE


def test_a_reply_in_another_language_is_read_by_the_rules_alone() -> None:
    reply = "Gracias por tu interés. Buscábamos a alguien con más experiencia en ventas y un inglés más fluido."
    rules, combined = both(reply)
    assert combined.model_dump() == rules.model_dump()


def _probs(**high: float) -> dict[str, float]:
    return {label: high.get(label, 0.0) for label in LABELS}


THRESHOLDS = dict.fromkeys(LABELS, 0.5)


def some(category: str) -> tuple[int, int]:
    return (0, 10)


def none(category: str) -> None:
    return None


def test_decide_adds_at_the_threshold_only_with_evidence() -> None:
    at = decide(_probs(skills=0.5), THRESHOLDS, "generic", set(), some)
    assert at.added == (("skills", (0, 10)),) and at.doubt
    assert decide(_probs(skills=0.49), THRESHOLDS, "generic", set(), some).added == ()
    assert decide(_probs(skills=0.9), THRESHOLDS, "generic", set(), none).added == ()
    # An area the rules found is never added again.
    assert decide(_probs(skills=0.9), THRESHOLDS, "constructive", {"skills"}, some).added == ()


def test_decide_doubts_near_a_threshold_and_never_raises_the_kind_by_default() -> None:
    near = decide(_probs(experience=0.3), THRESHOLDS, "constructive", {"skills"}, some)
    assert near.added == () and near.doubt and not near.doubt_kind
    leaning = decide(_probs(malicious=0.95), THRESHOLDS, "generic", set(), some)
    assert not leaning.malicious and leaning.doubt_kind and leaning.doubt
    assert decide(_probs(malicious=0.95), THRESHOLDS, "generic", set(), some, Policy(raise_malicious=True)).malicious
    calm = decide(_probs(skills=0.9), THRESHOLDS, "constructive", {"skills"}, some)
    assert calm == second_opinion.Opinion()
    assert set(CATEGORIES) < set(LABELS)
