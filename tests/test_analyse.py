"""The offline reply analyser: categories per language, negation, kinds, evidence, warnings and texts.

Guards against regressions where boilerplate or praise creates categories, where
insults turn into advice, where evidence stops being a verbatim quote, or where
the analysis is written in the wrong language. Every example here is hand-written
for these tests (none comes from evals/datasets/replies.jsonl).
"""

from __future__ import annotations

import re

import pytest

from rebond.analyse import analyse_reply
from rebond.analysis_rules import LEXICON_FILE
from rebond.guidance import category_info, kind_info, principle, rights_body_pointer
from rebond.models import AnalysisRequest, Category, Kind, Language, ReplyAnalysis
from rebond.resources import load_data
from rebond.text import compile_terms, fold

CV = Category.CV_COVER_LETTER
EXP = Category.EXPERIENCE
REG = Category.LANGUAGE_REGISTER
FIT = Category.CULTURE_FIT
INT = Category.INTERVIEW_PERFORMANCE
SKL = Category.SKILLS


def analyse(reply: str, **fields: object) -> ReplyAnalysis:
    return analyse_reply(AnalysisRequest(reply=reply, **fields))


def found(analysis: ReplyAnalysis) -> set[Category]:
    return {finding.category for finding in analysis.categories}


CONSTRUCTIVE_EXAMPLES = [
    # English
    ("Your CV was strong, but your answers in the interview lacked concrete examples.", {INT}),
    ("We were looking for someone with more hands-on experience in B2B sales.", {EXP}),
    ("Your cover letter was too generic and never mentioned our company.", {CV}),
    ("During the client role-play, your tone was a bit too casual for our corporate accounts.", {REG}),
    ("We felt you would not fit in with our team culture, which relies on constant collaboration.", {FIT}),
    ("The role requires advanced SQL, and you told us you have only used it in a course.", {SKL}),
    ("You lack experience in regulated industries, and your knowledge of GMP is still limited.", {EXP, SKL}),
    ("We read your resume. It listed duties but no measurable results.", {CV}),
    ("You seemed nervous and had not researched the company before the interview.", {INT}),
    # French (Québec and France)
    ("Vos réponses en entrevue manquaient d'exemples concrets.", {INT}),
    ("Nous avons retenu un profil plus expérimenté en gestion d'équipe.", {EXP}),
    ("Votre lettre de présentation comportait plusieurs fautes d'orthographe.", {CV}),
    ("Vous avez tutoyé le jury et votre registre était trop familier pour un poste de conseiller.", {REG}),
    ("Notre culture est très horizontale, et vous nous avez dit préférer un cadre hiérarchique.", {FIT}),
    ("Le poste exige une bonne maîtrise de SolidWorks, que vous n'avez pas encore.", {SKL}),
    ("Vos compétences en Excel sont un peu justes et votre CV ne précisait aucun résultat.", {SKL, CV}),
    ("Concernant votre expérience, elle nous a semblé un peu légère pour un poste de gestionnaire.", {EXP}),
    ("Lors de l'entretien, vous avez eu du mal à expliquer votre démarche sur l'étude de cas.", {INT}),
]


@pytest.mark.parametrize(("reply", "expected"), CONSTRUCTIVE_EXAMPLES)
def test_finds_the_areas_a_concrete_reply_points_to(reply: str, expected: set[Category]) -> None:
    analysis = analyse(reply)
    assert found(analysis) == expected
    assert analysis.kind is Kind.CONSTRUCTIVE


@pytest.mark.parametrize(("reply", "_expected"), CONSTRUCTIVE_EXAMPLES)
def test_evidence_is_a_verbatim_quote_of_the_reply(reply: str, _expected: set[Category]) -> None:
    analysis = analyse(reply)
    for finding in analysis.categories:
        assert finding.evidence in reply
        assert finding.evidence == finding.evidence.strip()
    revalidated = ReplyAnalysis.model_validate(analysis.model_dump(), context={"reply": reply})
    assert revalidated.dropped_evidence == 0


def test_evidence_keeps_the_original_accents_and_apostrophes() -> None:
    reply = "Votre expérience n’était pas suffisante pour un poste de cheffe d’équipe."
    [finding] = analyse(reply).categories
    assert finding.evidence in reply
    assert "expérience" in finding.evidence and "’" in finding.evidence


def test_advice_comes_from_guidance() -> None:
    analysis = analyse("Your answers in the interview lacked concrete examples.")
    [finding] = analysis.categories
    assert finding.advice == category_info(INT, Language.EN)["advice"]


@pytest.mark.parametrize(
    "reply",
    [
        "Your CV was not the issue and your experience is very relevant; we hired someone available sooner.",
        "Ce n'est pas votre expérience qui est en cause : le poste a finalement été annulé.",
        "The decision had nothing to do with your skills or your interview.",
        "Votre CV était excellent et votre entrevue très réussie.",
        "We had no concerns about your experience; the role went to an internal candidate.",
        "Vos compétences n'ont jamais été mises en doute, et votre lettre était impeccable.",
        "Your technical skills were impressive and your answers were clear and concrete.",
    ],
)
def test_negated_or_praised_areas_are_not_flagged(reply: str) -> None:
    analysis = analyse(reply)
    assert analysis.categories == []
    assert analysis.kind is Kind.GENERIC


def test_negation_only_covers_its_own_clause() -> None:
    analysis = analyse("Your CV was not the issue; your answers in the interview were too vague.")
    assert found(analysis) == {INT}


@pytest.mark.parametrize(
    "reply",
    [
        "We received many applications from experienced candidates and decided to move forward with a "
        "profile more aligned with our needs. We wish you every success.",
        "We have reviewed your CV carefully. Unfortunately we will not be moving forward. Thank you.",
        "Following your interview, we regret to inform you that you were not selected for the next stage.",
        "It was a difficult decision, as we met many strong candidates with solid experience.",
        "Nous avons reçu un grand nombre de candidatures et nous ne sommes pas en mesure de fournir de "
        "rétroaction individuelle. Nous vous souhaitons bonne chance dans vos recherches.",
        "Après une étude attentive de votre CV, nous ne pouvons pas donner suite à votre candidature.",
        "Le choix a été difficile : nous avons reçu plusieurs candidatures de personnes d'expérience.",
        "If you have any questions or concerns about the interview process, please contact us.",
    ],
)
def test_boilerplate_is_generic_even_when_it_mentions_cv_or_experience(reply: str) -> None:
    analysis = analyse(reply)
    assert analysis.categories == []
    assert analysis.kind is Kind.GENERIC


def test_generic_plan_is_the_follow_up_and_one_general_step() -> None:
    analysis = analyse("Thank you for your interest. We have decided to pursue other candidates.")
    assert analysis.action_plan[0] == kind_info(Kind.GENERIC, Language.EN)["next_step"]
    assert len(analysis.action_plan) == 2
    assert analysis.kind_reason == kind_info(Kind.GENERIC, Language.EN)["explanation"]


def test_automatic_reply_gets_a_notice() -> None:
    analysis = analyse("This is an automated message, please do not reply. Your application was not kept.")
    assert analysis.kind is Kind.GENERIC
    assert any("automatic" in notice for notice in analysis.notices)
    french = analyse("Ce message est envoyé automatiquement. Merci de ne pas répondre.")
    assert any("automatique" in notice for notice in french.notices)


def _all_guidance_actions(language: Language) -> set[str]:
    return {step for category in Category for step in category_info(category, language)["actions"]}


@pytest.mark.parametrize(
    "reply",
    [
        "Honestly, what a joke. Don't bother applying here again.",
        "Franchement, c'était ridicule, une vraie perte de temps.",
        "Your interview was a waste of our time. Pathetic.",
    ],
)
def test_malicious_reply_gets_no_plan_built_on_insults(reply: str) -> None:
    analysis = analyse(reply)
    assert analysis.kind is Kind.MALICIOUS
    language = analysis.language
    assert not set(analysis.action_plan) & _all_guidance_actions(language)
    assert analysis.controllable == [] and analysis.not_controllable == []
    assert analysis.reframe == principle("malicious_says_more_about_them", language)
    insults = re.compile(r"joke|bother|ridicul|perte de temps|waste|pathetic", re.IGNORECASE)
    for text in [*analysis.action_plan, analysis.thank_you_reply, analysis.kind_reason]:
        assert not insults.search(text)


def test_malicious_reply_can_still_carry_a_real_category() -> None:
    reply = "Your answers were vague and had no examples. Frankly, the whole thing was laughable."
    analysis = analyse(reply)
    assert analysis.kind is Kind.MALICIOUS
    assert found(analysis) == {INT}
    assert set(analysis.action_plan) == set(category_info(INT, Language.EN)["actions"])
    label = category_info(INT, Language.EN)["label"]
    assert any(reason.startswith(label) for reason in analysis.controllable)


def test_thank_you_to_a_malicious_reply_is_brief_and_courteous() -> None:
    analysis = analyse("Ton CV est une blague. Oublie-nous.", recruiter_name="M. Roy", candidate_name="Zoé")
    assert analysis.language.base == "fr"
    assert analysis.thank_you_reply.startswith("Bonjour M. Roy,")
    assert analysis.thank_you_reply.endswith("Zoé")
    assert "blague" not in analysis.thank_you_reply
    assert len(analysis.thank_you_reply.split()) < 25


@pytest.mark.parametrize(
    ("reply", "region"),
    [
        ("Bonjour, à votre âge, nous préférons un profil plus jeune pour notre équipe.", Language.FR),
        ("Après l'entretien, nous craignons qu'étant enceinte vous ne puissiez tenir le poste.", Language.FR_FR),
        ("We need someone younger to fit in with our team.", Language.EN),
        ("Your accent would be an issue with our clients.", Language.EN),
    ],
)
def test_protected_ground_points_to_the_right_rights_body(reply: str, region: Language) -> None:
    analysis = analyse(reply)
    assert analysis.language is region
    assert analysis.discrimination_warning == rights_body_pointer(region, region)


def test_discrimination_warning_names_the_body_per_region() -> None:
    assert "CDPDJ" in analyse("Vous êtes trop âgé pour cette équipe.", language="fr").discrimination_warning
    assert "Défenseur des droits" in analyse(
        "Vous êtes trop âgé pour cette équipe.", language="fr-FR"
    ).discrimination_warning


@pytest.mark.parametrize(
    "reply",
    [
        "We welcome applications from people of all ages, backgrounds and abilities. "
        "Unfortunately your application was not retained.",
        "Nous souscrivons à l'égalité en emploi et invitons les femmes et les personnes handicapées "
        "à postuler. Votre candidature n'a pas été retenue.",
        "Your age had no bearing on our decision; we chose a candidate who was available sooner.",
        "We were impressed by your experience abroad; the role went to an internal candidate.",
    ],
)
def test_no_warning_for_equal_opportunity_statements_or_negated_grounds(reply: str) -> None:
    assert analyse(reply).discrimination_warning is None


def test_protected_ground_alone_is_a_concrete_reason_not_a_lead() -> None:
    analysis = analyse("On cherche quelqu'un pour toute la saison et tu nous as dit être enceinte.")
    assert analysis.kind is Kind.CONSTRUCTIVE
    assert analysis.categories == []
    assert analysis.discrimination_warning is not None
    assert analysis.reframe == principle("not_personal", analysis.language)
    assert "travailler" not in analysis.thank_you_reply


def test_thank_you_is_in_the_reply_language_with_names() -> None:
    english = analyse(
        "Your answers lacked concrete examples.", recruiter_name="Ms Patel", candidate_name="Alex Martin"
    )
    assert english.thank_you_reply.startswith("Hello Ms Patel,")
    assert english.thank_you_reply.rstrip().endswith("Alex Martin")
    assert "Thank you" in english.thank_you_reply and "helps" in english.thank_you_reply
    french = analyse("Vos réponses manquaient d'exemples concrets.", recruiter_name="Mme Lefebvre")
    assert french.thank_you_reply.startswith("Bonjour Mme Lefebvre,")
    assert "Merci" in french.thank_you_reply and "aident" in french.thank_you_reply
    anonymous = analyse("Vos réponses manquaient d'exemples concrets.")
    assert anonymous.thank_you_reply.startswith("Bonjour,")


def test_analysis_texts_follow_the_reply_language() -> None:
    french = analyse("Votre CV comportait plusieurs coquilles et votre lettre était trop générique.")
    assert french.language is Language.FR
    assert french.kind_reason.startswith(kind_info(Kind.CONSTRUCTIVE, Language.FR)["explanation"])
    assert set(french.action_plan) <= set(category_info(CV, Language.FR)["actions"])
    assert french.controllable == [
        f"{category_info(CV, Language.FR)['label']} : adaptez votre CV et votre lettre à chaque offre, "
        "en plaçant les critères demandés en tête, avec une preuve pour chacun"
    ]


def test_france_usage_is_read_as_fr_fr() -> None:
    assert analyse("Lors de l'entretien, vos réponses manquaient de structure.").language is Language.FR_FR
    assert analyse("Lors de l'entrevue, vos réponses manquaient de structure.").language is Language.FR
    assert analyse("Your answers lacked structure.").language is Language.EN


def test_explicit_language_wins_over_detection() -> None:
    assert analyse("Vos réponses manquaient de structure.", language="fr-FR").language is Language.FR_FR


def test_other_language_is_read_with_english_rules_and_a_notice() -> None:
    analysis = analyse("Gracias por su candidatura. Lamentablemente hemos elegido a otra persona.")
    assert analysis.language is Language.EN
    assert any("English rules" in notice for notice in analysis.notices)


def test_kind_reason_counts_the_areas() -> None:
    analysis = analyse("Your CV had typos and you seemed nervous during the interview.")
    assert found(analysis) == {CV, INT}
    assert "2 areas found" in analysis.kind_reason


def test_action_plan_is_deduplicated_capped_and_starts_with_what_you_control() -> None:
    reply = (
        "Your CV had typos. Your answers were vague. Your tone was too casual. "
        "You lack experience in retail. Your SQL skills are weak. You would not fit in with our culture."
    )
    analysis = analyse(reply)
    assert len(analysis.categories) == 6
    plan = analysis.action_plan
    assert len(plan) == load_data(LEXICON_FILE)["settings"]["max_action_steps"]
    assert len(plan) == len(set(plan))
    controllable = [f.category for f in analysis.categories if f.controllable]
    first_controllable = {category_info(category, "en")["actions"][0] for category in controllable}
    assert set(plan[: len(first_controllable)]) == first_controllable


def test_controllability_depends_on_what_is_missing() -> None:
    years = analyse("We needed someone with more years of experience in logistics.")
    assert [(f.category, f.controllable) for f in years.categories] == [(EXP, False)]
    assert years.not_controllable and not years.controllable
    shown = analyse("Your skills in Excel were not clearly demonstrated in the exercise.")
    assert [(f.category, f.controllable) for f in shown.categories] == [(SKL, True)]


def test_circumstances_are_reasons_outside_your_control() -> None:
    analysis = analyse("The role went to an internal candidate. Thank you for your time.")
    assert analysis.kind is Kind.GENERIC
    assert any("internal" in reason for reason in analysis.not_controllable)


def test_analysis_is_deterministic() -> None:
    reply = "Vos compétences en SQL sont un peu justes, mais votre lettre était excellente."
    request = AnalysisRequest(id="r-1", reply=reply, candidate_name="Léa")
    first, second = analyse_reply(request), analyse_reply(request)
    assert first.model_dump() == second.model_dump()
    assert first.id == "r-1" and first.engine == "offline"


def _terms(node: object):
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in ("texts", "reason"):
                yield from _terms(value)
    elif isinstance(node, list):
        for item in node:
            yield from _terms(item)
    elif isinstance(node, str):
        yield node


@pytest.mark.parametrize("base", ["en", "fr"])
def test_lexicons_are_folded_regexes(base: str) -> None:
    lexicon = load_data(LEXICON_FILE)[base]
    terms = list(_terms({k: v for k, v in lexicon.items() if k != "texts"}))
    assert len(terms) > 300
    for term in terms:
        assert fold(term) == term, term
        compile_terms((term,))
    assert set(lexicon["categories"]) == {category.value for category in Category}


def test_a_signature_named_marie_is_not_a_protected_ground():
    """Regression: "Marie" folds to "marie" (married); a signature must not raise the warning."""
    reply = "Bonjour Camille,\n\nIl vous manquait de l'expérience en gestion de projet.\n\nCordialement,\nMarie Lefebvre"
    analysis = analyse_reply(AnalysisRequest(reply=reply))
    assert analysis.discrimination_warning is None
    married = analyse_reply(AnalysisRequest(reply="Comme vous êtes mariée, nous avons préféré un autre profil."))
    assert married.discrimination_warning and "CDPDJ" in married.discrimination_warning
