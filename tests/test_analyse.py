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
from rebond.grounds import default_region, warning
from rebond.guidance import category_info, kind_info, principle
from rebond.models import AnalysisRequest, Category, Confidence, Ground, Kind, Language, Region, ReplyAnalysis
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


def rules(reply: str) -> ReplyAnalysis:
    """The rules' own reading, without the statistical second opinion. For the tests of a reading mechanism on
    a reply the second opinion adds to: what it adds there is pinned in test_second_opinion.py."""
    return analyse_reply(AnalysisRequest(reply=reply), second_opinion=False)


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
        "Your CV was not the issue and your experience is very relevant; the role went to someone else.",
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
    ("reply", "language", "ground", "body"),
    [
        ("Bonjour, à votre âge, nous préférons un profil plus jeune pour notre équipe.", Language.FR, Ground.AGE, "CDPDJ"),
        (
            "Après l'entretien, nous craignons qu'étant enceinte vous ne puissiez tenir le poste.",
            Language.FR_FR, Ground.PREGNANCY, "Défenseur des droits",
        ),
        ("We need someone younger to fit in with our team.", Language.EN, Ground.AGE, "Canadian Human Rights Commission"),
        ("Your accent would be an issue with our clients.", Language.EN, Ground.LANGUAGE, "Canadian Human Rights"),
    ],
)  # fmt: skip
def test_protected_ground_is_malicious_and_points_to_the_rights_body_of_the_region(
    reply: str, language: Language, ground: Ground, body: str
) -> None:
    analysis = analyse(reply)
    assert analysis.language is language
    assert analysis.kind is Kind.MALICIOUS
    assert analysis.ground is ground
    assert analysis.discrimination_warning == warning(ground, default_region(language), language)
    assert body in analysis.discrimination_warning


@pytest.mark.parametrize(
    ("region", "body"),
    [("qc", "CDPDJ"), ("ca", "Canadian Human Rights Commission"), ("fr", "Défenseur des droits"), ("us", "EEOC"), ("uk", "EHRC")],
)  # fmt: skip
def test_the_region_setting_chooses_the_rights_body(region: str, body: str) -> None:
    analysis = analyse_reply(AnalysisRequest(reply="You are too old for this team.", region=region))
    assert analysis.discrimination_warning is not None and body in analysis.discrimination_warning


def test_the_region_defaults_from_the_reply_language() -> None:
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
        # negation scope: the ground is named only to be set aside
        "Your accent was not a factor at all. We hired someone with more payroll experience.",
        "Your accent? Not an issue. The other finalist simply had more payroll experience.",
        "Votre âge n'a joué aucun rôle dans notre décision : il vous manquait la certification CPA.",
        "Ton accent, ça n'a rien à voir. C'est ton manque d'expérience en paie qui a joué.",
        # the job's domain, not the candidate
        "The role needs more experience with older adults in long-term care than you have.",
        "Il vous manquait de l'expérience en santé mentale, qui est au cœur de notre mission.",
        # a benefit the employer offers
        "We offer parental leave and flexible hours, but the role needs someone fluent in SAP.",
    ],
)
def test_no_warning_for_equal_opportunity_statements_or_negated_grounds(reply: str) -> None:
    assert analyse(reply).discrimination_warning is None


def test_a_polite_protected_ground_is_malicious_and_never_an_area() -> None:
    analysis = analyse("On cherche quelqu'un pour toute la saison et tu nous as dit être enceinte.")
    assert analysis.kind is Kind.MALICIOUS
    assert analysis.ground is Ground.PREGNANCY
    assert analysis.categories == []
    assert analysis.discrimination_warning is not None
    assert analysis.reframe == principle("malicious_says_more_about_them", analysis.language)
    assert "travailler" not in analysis.thank_you_reply


def test_a_ground_dressed_as_fit_is_not_a_fit_area() -> None:
    analysis = analyse(
        "Hi Margaret, you were very impressive, but the crew here is quite young and we worried you might "
        "not fit in with their energy."
    )
    assert analysis.kind is Kind.MALICIOUS
    assert analysis.ground is Ground.AGE
    assert analysis.categories == []


def test_a_real_language_requirement_is_register_not_a_ground() -> None:
    analysis = analyse(
        "The role handles calls from our Spanish-speaking clients all day, and your Spanish is "
        "conversational rather than fluent."
    )
    assert analysis.kind is Kind.CONSTRUCTIVE
    assert [f.category for f in analysis.categories] == [Category.LANGUAGE_REGISTER]
    assert analysis.ground is None and analysis.discrimination_warning is None


@pytest.mark.parametrize(
    "reply",
    [
        "Clients wouldn't understand a word with that accent of yours.",
        "Avec ton accent, nos clients vont raccrocher avant que tu finisses ta phrase.",
    ],
)
def test_mocking_an_accent_is_discrimination(reply: str) -> None:
    analysis = analyse(reply)
    assert analysis.kind is Kind.MALICIOUS
    assert analysis.ground is Ground.LANGUAGE
    assert not any(f.category is Category.LANGUAGE_REGISTER for f in analysis.categories)


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


# Indirect criticism: a wish, a comparison with the person hired, advice for next
# time, or how much something matters for the role. Each names the area without
# saying "you lacked".
INDIRECT_CRITICISM = [
    ("We'd have liked to hear more concrete examples during the interview.", {INT}),
    ("We would have liked your cover letter to say why you want to work with us.", {CV}),
    ("Dear Jamie, we'd have preferred someone who has already worked on the client side of an agency.", {EXP}),
    ("The other finalist had already run a team of ten.", {EXP}),
    ("The other finalist was simply more fluent in German.", {REG}),
    ("The person we hired had a stronger grasp of financial modelling.", {SKL}),
    ("We chose someone who had already launched a product in the healthcare space.", {EXP}),
    ("Next time, think about bringing a short portfolio of your designs.", {CV}),
    ("Next time, try to keep your answers shorter and more structured.", {INT}),
    ("In future interviews, I'd suggest preparing two or three stories about conflicts you resolved.", {INT}),
    ("One thing to work on is your presentation: the slides were dense and hard to read.", {INT}),
    ("Your resume could use some tightening; it runs to four pages.", {CV}),
    ("We place a lot of weight on teamwork here, and you told us you prefer to work alone.", {FIT}),
    ("Client communication is crucial in this role, and your tone in the role-play felt cold.", {REG}),
    ("For the data analyst post, knowing statistics beyond the basics is essential and your test score "
     "suggested otherwise.", {SKL}),
    ("Hi Leo, honest answer: the panel felt you'd be frustrated by how slowly decisions get made here, since "
     "everything goes through several layers of approval. That mismatch weighed in the decision.", {FIT}),
    ("Hi Jo, the team works in a very fast-moving, loosely structured way, and you told us you do your best "
     "work with detailed briefs and fixed deadlines.", {FIT}),
    ("Nous aurions aimé que votre lettre explique pourquoi notre cabinet vous attire.", {CV}),
    ("J'aurais aimé entendre davantage d'exemples concrets pendant l'entrevue.", {INT}),
    ("L'autre finaliste maîtrisait déjà SAP, ce qui a fait la différence.", {SKL}),
    ("La personne que nous avons retenue avait déjà géré une équipe de vente.", {EXP}),
    ("On aurait préféré quelqu'un ayant déjà encadré des apprentis.", {EXP}),
    ("La prochaine fois, pensez à mieux vous renseigner sur nos produits avant l'entretien.", {INT}),
    ("Pour vos prochaines entrevues, je vous conseille de structurer vos réponses avec la méthode STAR.", {INT}),
    ("Votre CV mériterait d'être raccourci : quatre pages, c'est beaucoup.", {CV}),
    ("Nous accordons beaucoup d'importance au travail d'équipe, et vous avez dit préférer travailler seul.", {FIT}),
    ("Le contact client est primordial pour ce poste, et votre ton au téléphone était un peu sec.", {REG}),
    ("Bonjour Inès, nous attendions davantage d'aisance sur les tableaux croisés dynamiques, qui sont au cœur "
     "du poste.", {SKL}),
    ("Bonjour Marc, le comité a noté que vous recherchiez un environnement très structuré, avec des procédures "
     "écrites pour tout, alors que notre PME fonctionne beaucoup à l'improvisation.", {FIT}),
    ("Bonjour Fanny, votre CV fait trois pages et on peine à y trouver vos réalisations principales.", {CV}),
]


@pytest.mark.parametrize(("reply", "expected"), INDIRECT_CRITICISM)
def test_indirect_criticism_names_its_area(reply: str, expected: set[Category]) -> None:
    analysis = rules(reply)
    assert found(analysis) == expected
    assert analysis.kind is Kind.CONSTRUCTIVE
    for finding in analysis.categories:
        assert finding.evidence in reply


# How people describe a delivery, a task or a gap without the usual words.
PHRASINGS = [
    ("During the case study you jumped to a solution before asking any clarifying questions.", {INT}),
    ("Be careful not to read from your notes during interviews; it made your answers feel rehearsed.", {INT}),
    ("You arrived twenty minutes late and didn't let us know.", {INT}),
    ("hey, the main thing was the coding test, u ran outta time on the last part and left it blank.", {INT}),
    ("Hi Pat, in the panel interview you talked for a long time about your previous employer but rarely came "
     "back to what we'd asked.", {INT}),
    ("Your technical answers were right, but they were so full of acronyms that half the panel struggled to "
     "follow.", {REG}),
    ("Our team is very hands-off and we worried you'd want more guidance than we can give.", {FIT}),
    ("We're a small, scrappy team where everyone wears many hats, and you said you prefer clearly defined "
     "responsibilities.", {FIT}),
    ("Honestly the gap was Kubernetes: our platform runs on it and you have only touched it briefly.", {SKL}),
    ("The deciding factor was our billing software: the whole team uses it daily and you've never used it.", {SKL}),
    ("Hello Tom. A quick pointer: recruiters here skim résumés in seconds, and yours buries your best "
     "results on page three.", {CV}),
    ("A small thing: your follow-up email opened with 'Yo' and signed off with emojis. Our clients expect "
     "a more formal register.", {REG}),
    ("The role asks for five years leading projects and you have about two.", {EXP}),
    ("Vous avez surtout travaillé en petite structure, alors que le poste se situe dans un grand groupe.", {EXP}),
    ("Il y a deux ans, vous n'aviez encore jamais managé, et le poste implique d'encadrer six personnes.", {EXP}),
    ("Pour ce poste, il fallait la qualification de soudeur TIG, que vous n'avez pas encore.", {SKL}),
    ("Votre parcours est solide, mais votre niveau d'allemand reste insuffisant pour échanger avec le siège.", {REG}),
    ("Vous n'avez jamais utilisé Salesforce, qui est notre outil principal.", {SKL}),
    ("Vos explications étaient truffées d'anglicismes et de jargon, ce qui nuisait à la clarté.", {REG}),
    ("Le comité a trouvé votre discours très enflammé, presque comme un pitch de vente.", {REG}),
    ("Bonjour Yanis, à l'oral, vous parliez très vite et à voix basse, et plusieurs membres du jury ont eu du "
     "mal à vous suivre.", {REG}),
    ("Vous ne connaissiez pas nos gammes de produits, ce qui donnait l'impression d'une préparation légère.", {INT}),
    ("En entrevue, vous avez répondu à côté de plusieurs questions et nous avons dû vous recentrer souvent.", {INT}),
    ("Notre équipe est très soudée et travaille en collectif, et vous nous avez dit préférer avancer seule.", {FIT}),
    ("Nous fonctionnons en télétravail complet et vous nous avez dit avoir besoin de collègues autour de vous.",
     {FIT}),
    ("Lors de l'entretien, vos réponses sur la conduite du changement sont restées assez théoriques.", {INT}),
    ("Le poste de répartiteur exige de répondre à des appels en anglais, et votre anglais reste à "
     "l'intermédiaire.", {REG}),
]


@pytest.mark.parametrize(("reply", "expected"), PHRASINGS)
def test_varied_phrasings_of_each_area(reply: str, expected: set[Category]) -> None:
    analysis = rules(reply)
    assert found(analysis) == expected
    assert analysis.kind is Kind.CONSTRUCTIVE


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # a cleft sentence negates its own clause only
        ("It wasn't your experience that held you back; your answers about budgeting stayed very general.", {INT}),
        ("Ce n'est pas votre expérience qui a posé problème ; vos réponses sur le budget sont restées générales.",
         {INT}),
        ("Your experience is not in question, but your spoken English would need to be stronger for client calls.",
         {REG}),
        ("Your technical skills were never the question; what held you back was how you handled the role-play.",
         {INT}),
        ("Vos compétences techniques ne sont pas en cause; c'est plutôt la communication avec les clients qui "
         "nous a fait hésiter.", {REG}),
        # "that", "which" or "ce que" carry the negation or the praise back to the clause before
        ("Your CV had one typo, but that was not the issue; your answers stayed vague.", {INT}),
        ("We noted that you prefer a hybrid schedule, which we offer, so that was not a factor either.", set()),
        ("Clear communication is key to this role, and you showed it throughout.", set()),
        ("Nous avons noté que vous souhaitiez un poste en télétravail, ce que nous offrons.", set()),
        ("La communication est au cœur du poste et vous l'avez parfaitement démontré.", set()),
    ],
)
def test_negation_and_praise_reach_only_what_they_are_about(reply: str, expected: set[Category]) -> None:
    assert found(analyse(reply)) == expected


@pytest.mark.parametrize(
    "reply",
    [
        "Good luck in your next interviews, and thank you again for your time.",
        "We'd encourage you to apply again for future openings that match your experience.",
        "We will consider keeping your CV on file for six months.",
        "You were one of our finalists and we genuinely enjoyed meeting you.",
        "Far from being a problem, your experience abroad was a real asset; the role was filled internally.",
        "We could really use someone with your energy in a future campaign, so please stay in touch.",
        "The warehouse can get very hot in summer, so please keep that in mind if you apply again.",
        "Hello Chris, I'd recommend you keep an eye on our careers page. Your experience would be welcome then.",
        "Hi Ada, your voice came through clearly on every call. In the end it came down to availability.",
        "Our team really enjoys a good laugh, and we're sorry we can't offer you the position this time.",
        "Nous vous encourageons à postuler de nouveau et vous souhaitons bonne chance pour vos prochaines entrevues.",
        "Vous faisiez partie des finalistes et votre parcours nous a beaucoup plu.",
        "Malheureusement, nous n'avons pas de temps à consacrer à des retours individualisés.",
        "Bonjour, je vous recommande de consulter régulièrement notre site carrières. Votre profil nous intéresse.",
        "Bonjour Sami, sans aucun doute votre expérience vous servira ailleurs ; nous avons retenu un candidat interne.",
        "Ce n'est pas votre entrevue qui a fait la différence : le poste a été comblé à l'interne.",
        "Hello, we have been a remote-first company for a long time, and we loved meeting you. The post is closed.",
        "Hi Raj, we were expecting a lot of interest in this role and received 300 applications. Your interview was solid.",
        "Bonjour, nous avons remarqué que vous habitez loin, mais ce n'était pas un problème. Le poste est pourvu.",
    ],
)
def test_courtesy_and_praise_stay_generic(reply: str) -> None:
    analysis = analyse(reply)
    assert analysis.categories == []
    assert analysis.kind is Kind.GENERIC


# Contempt, condescension and sarcasm, with the area mocked when there is one.
CONTEMPT = [
    ("Did you even read the job description? Honestly, a waste of everyone's time.", set()),
    ("Sweetheart, nobody here has time to hold your hand through rejection.", set()),
    ("Stop writing to us. Nobody here owes you an explanation, so take the hint.", set()),
    ("Respectfully, stop wasting recruiters' time with follow-ups like this.", set()),
    ("I'm not here to coach failed applicants.", set()),
    ("Don't take this personally, but you're just not very bright.", set()),
    ("Bravo for sending the same generic message to every company in town. Truly inspiring.", set()),
    ("Good luck, you'll need it.", set()),
    ("Your CV looked like it was written by a teenager. Grow up.", {CV}),
    ("Your cover letter misspelled our name twice. We pinned it on the fridge for a laugh, lol.", {CV}),
    ("Congratulations, your résumé is the most creative work of fiction I've read this year.", {CV}),
    ("Thanks for the entertainment, your so-called leadership experience gave the whole office a good laugh.",
     {EXP}),
    ("You came across as arrogant and frankly exhausting, and nobody on the team wanted to work next to that.",
     set()),
    ("Your personality is the problem: nobody on the team could stand another day of your lectures.", {FIT}),
    ("Ce n'est pas une garderie ici, débrouillez-vous.", set()),
    ("Si vous avez besoin qu'on vous explique pourquoi, ça en dit long. Bonne chance, vous allez en avoir besoin.",
     set()),
    ("Vous avez vraiment cru qu'on allait embaucher quelqu'un comme vous ?", set()),
    ("Quelle audace de nous demander un retour après une prestation pareille. Sans commentaire.", set()),
    ("Ne le prenez pas mal, mais vous n'êtes pas très futé.", set()),
    ("Merci pour le fou rire, votre lettre de motivation a fait le tour du bureau.", {CV}),
    ("Franchement, votre CV ressemble à un devoir de collégien.", {CV}),
    ("Votre lettre était truffée de fautes. On l'a affichée en salle de pause.", {CV}),
    ("Chapeau pour l'entretien : vingt minutes à parler de vous sans répondre à une seule question. Quel talent.",
     {INT}),
    ("Votre façon de parler était tellement pénible à écouter que le jury a décroché.", {REG}),
    ("Vu votre niveau sur Excel, visez un poste où il ne faut pas savoir faire une addition. Bon courage quand même.",
     {SKL}),
]


@pytest.mark.parametrize(("reply", "expected"), CONTEMPT)
def test_contempt_and_sarcasm_are_malicious(reply: str, expected: set[Category]) -> None:
    analysis = analyse(reply)
    assert analysis.kind is Kind.MALICIOUS
    assert found(analysis) == expected


def test_advice_from_the_company_still_points_to_the_candidate() -> None:
    """'I'd suggest' has the company as subject but judges the candidate's interviews."""
    analysis = analyse("In your next interviews, I'd suggest slowing down and giving one example per answer.")
    assert found(analysis) == {INT}
    company = analyse("We were impressed by your interview, but we have decided to suspend the hiring.")
    assert found(company) == set()


@pytest.mark.parametrize(
    ("reply", "language"),
    [
        ("Hello Tom. Your résumé was too long, and the layout buried your best results.", Language.EN),
        ("Bonjour, pour le poste de préposé à l'entretien ménager, il vous manquait de l'expérience en milieu "
         "hospitalier.", Language.FR),
        ("Bonjour, le poste en CDI demandait un Bac+5 en finance.", Language.FR_FR),
        ("Bonjour, nous avons retenu une personne plus expérimentée. Le salaire proposé était de 42 k€.",
         Language.FR_FR),
        ("Bonjour, suite à votre entretien, nous avons retenu un profil plus expérimenté.", Language.FR_FR),
        ("Bonjour, votre lettre manquait de précision.", Language.FR),
    ],
)
def test_language_and_french_region_are_read_from_the_words(reply: str, language: Language) -> None:
    assert analyse(reply).language is language


# General rules: the setting of a remark, a clause already judged, an impersonal "il",
# quoted words, negated verbs and "have to" (hand-written, not from the eval sets).
@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # "during the interview" is where it was said, not what is judged
        ("During the interview you told us you prefer to work fully remote, and our team is on site every day.",
         {FIT}),
        ("Lors de l'entretien, vous nous avez dit vouloir télétravailler, alors que notre équipe est sur site tous "
         "les jours.", {FIT}),
        # "..., which is what we need" does not judge a second topic of a clause already judged
        ("We hired someone who had already deployed SAP in three plants, which is what this project needs.", {EXP}),
        # an impersonal "il faut" does not continue the praise of the sentence before
        ("Bonjour, on a bien aimé ta personnalité! Par contre, il faut être à l'aise avec Acomba, et tu ne l'as "
         "jamais utilisé.", {SKL}),
        # quoted words do not use up how far a judgement may look back
        ("Tu disais des mots comme « tsé » et « genre », ce qui détonnait devant des clients d'affaires.", {REG}),
        # a negated verb inside a word ("haven't") and "database" outside boilerplate
        ("Hi Sam, you haven't managed a team yet, and this role leads eight people.", {EXP}),
        ("In the system design round you went straight into the database schema without discussing scale.", {INT}),
        # "better suited to a larger organisation" is a concrete reason, not boilerplate
        ("Thanks for coming in. We felt you would be better suited to a larger organisation with established "
         "processes.", {FIT}),
        ("Nous avons choisi un profil plus junior pour ce poste.", {EXP}),
    ],
)
def test_general_reading_rules(reply: str, expected: set[Category]) -> None:
    analysis = rules(reply)
    assert found(analysis) == expected
    assert analysis.kind is Kind.CONSTRUCTIVE


@pytest.mark.parametrize(
    "reply",
    [
        "The panel has decided not to invite you to interview.",
        "You don't have to reply to this email; we wish you luck.",
        "Vous n'avez pas le profil recherché pour ce poste.",
        "We'll keep your details in our database for future roles.",
    ],
)
def test_refusals_and_formulas_name_no_area(reply: str) -> None:
    analysis = analyse(reply)
    assert analysis.categories == []
    assert analysis.kind is Kind.GENERIC


@pytest.mark.parametrize(
    "reply",
    [
        "Even my grandma could have sold it better.",
        "Maybe try a job where you don't have to talk.",
        "Un BTS pour un poste de directeur ? Il fallait oser. Merci de ne plus nous solliciter.",
        "Vu votre âge, on se demande bien ce que vous venez chercher ici. Laissez la place aux jeunes.",
    ],
)
def test_sarcastic_dismissals_are_malicious_without_advice(reply: str) -> None:
    analysis = analyse(reply)
    assert analysis.kind is Kind.MALICIOUS
    assert analysis.controllable == []


# Replies written in other styles: feedback framed as a question or a condition, ATS and policy
# formulas, one-word qualifiers, the document that reports a gap, coded grounds and remarks on looks.
STYLE_EXAMPLES = [
    # advice framed as a question or a condition
    ("Have you thought about getting your CISSP? Our clients ask for it.", {SKL}),
    ("Avez-vous envisagé de passer le TOEFL ?", {SKL}),
    ("If you apply again, I'd read up on our product range first.", {INT}),
    # not knowing the company is interview preparation
    ("You confused us with our main competitor on the call.", {INT}),
    ("Tu savais pas qu'on avait ouvert une usine au Mexique.", {INT}),
    # a one-word topic qualifies the next one: the last word is what is judged
    ("You lacked hands-on Docker in production.", {SKL}),
    ("Your Salesforce exposure is limited to reporting.", {EXP}),
    # the document reports, what it reports is judged
    ("Your resume shows only one year of team leadership.", {EXP}),
    # a clause with a strong cue borrows no other topic
    ("Your portfolio was lovely, but you came across as a bit laid-back for a board-level role.", {REG}),
    # "it's not a ... thing" sets its topic aside
    ("It's not a technical skills thing; your interview answers were too vague.", {INT}),
    # spoken French register and a knowledge that is only "taken note of"
    ("Tu tutoyais tout le monde pendant l'entrevue.", {REG}),
    ("Vous n'aviez pas pris connaissance de notre rapport annuel avant l'entretien.", {INT}),
]


@pytest.mark.parametrize(("reply", "expected"), STYLE_EXAMPLES)
def test_feedback_in_other_styles_names_its_area(reply: str, expected: set[Category]) -> None:
    analysis = rules(reply)
    assert found(analysis) == expected
    assert analysis.kind is Kind.CONSTRUCTIVE


@pytest.mark.parametrize(
    "reply",
    [
        "Our HR policy does not allow us to share feedback after interviews.",
        "Notre politique ne nous permet pas de communiquer de retours après les entretiens.",
    ],
)
def test_a_policy_of_no_feedback_is_generic(reply: str) -> None:
    analysis = analyse(reply)
    assert analysis.categories == []
    assert analysis.kind is Kind.GENERIC


@pytest.mark.parametrize(
    "reply",
    [
        "With a baby on the way, the travel would be too much for you.",
        "We need someone with a neutral accent for the phones.",
        "We're looking for digital natives for this team.",
        "Avec trois enfants en bas âge, les horaires seraient difficiles pour toi.",
    ],
)
def test_coded_protected_grounds_get_the_warning(reply: str) -> None:
    analysis = analyse(reply)
    assert analysis.discrimination_warning is not None
    assert analysis.kind is Kind.MALICIOUS


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("The finalist we chose holds a CPA designation and has eleven years in audit.", {SKL, EXP}),
        ("La personne retenue est certifiée PMP et coordonne des chantiers depuis six ans.", {SKL, EXP}),
    ],
)
def test_a_comparison_with_the_hire_counts_each_thing_it_lists(reply: str, expected: set[Category]) -> None:
    analysis = analyse(reply)
    assert found(analysis) == expected
    assert analysis.kind is Kind.CONSTRUCTIVE


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("If you'd had some exposure to hospital settings, we would have moved you forward.", {EXP}),
        ("Had you shown more background in retail, this would have been a different conversation.", {EXP}),
        ("Si vous aviez eu une expérience en milieu syndiqué, votre dossier aurait pesé davantage.", {EXP}),
    ],
)
def test_a_conditional_about_what_was_missing_is_a_reason(reply: str, expected: set[Category]) -> None:
    assert found(analyse(reply)) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Our crew is small and very hands-off, and we wondered whether that would suit you.", {FIT}),
        ("Nous nous sommes demandé si vous vous seriez intégré à une équipe aussi soudée.", {FIT}),
        ("On n'est pas certains que tu aurais aimé le télétravail à temps plein qu'on pratique.", {FIT}),
    ],
)
def test_a_doubt_voiced_by_the_company_still_judges_the_candidate(reply: str, expected: set[Category]) -> None:
    assert found(analyse(reply)) == expected


@pytest.mark.parametrize(
    "reply",
    [
        pytest.param("Maybe lose a few kilos before your next interview.", id="looks and groups"),
        pytest.param("Les gens comme toi ne restent jamais longtemps.", id="looks and groups"),
        pytest.param("Honestly, one of the worst interviews I've sat through.", id="looks and groups"),
        pytest.param("Vos tatouages ne collent pas avec notre clientèle.", id="looks and groups"),
        pytest.param("Email me again about this and I'll make sure every agency in town hears about you. Final warning.", id="threats and markers"),
        pytest.param("Si tu me relances encore, j'appelle ton ancien patron pour lui raconter ça.", id="threats and markers"),
        pytest.param("Enceinte et candidate à un poste de direction ? Vous plaisantez.", id="threats and markers"),
        pytest.param("No. Not with that attitude.", id="threats and markers"),
        pytest.param("Revenez quand vous saurez écrire une phrase correcte.", id="threats and markers"),
        pytest.param("Friendly advice: look for something that doesn't require thinking on your feet.", id="condescension as advice"),
        pytest.param("People your age usually can't keep up here. Have you considered retirement?", id="condescension as advice"),
        pytest.param("Cute portfolio. Did you make it in Paint?", id="condescension as advice"),
        pytest.param("Je vous conseille un poste plus adapté à vos capacités limitées.", id="condescension as advice"),
        pytest.param("Si je revois ton nom passer, ta candidature ira direct à la poubelle.", id="condescension as advice"),
    ],
)
def test_contempt_in_its_many_forms_is_malicious(reply: str) -> None:
    """Remarks on looks, contempt for a group, threats, condescension dressed as advice, mockery."""
    assert analyse(reply).kind is Kind.MALICIOUS


def test_the_interview_as_setting_does_not_hide_what_was_judged() -> None:
    reply = "In the interview you said you prefer detailed instructions, and our team is very hands-off."
    assert found(rules(reply)) == {FIT}


@pytest.mark.parametrize(
    "reply",
    [
        "No offence meant by the late answer: the role was cancelled after a reorganisation.",
        "We will contact your previous employer for a reference if the role reopens.",
        "We'll make sure all applicants hear back from us by Friday. Thanks for applying.",
        "Nous contacterons votre ancien employeur si le poste rouvre. Merci pour votre candidature.",
    ],
)
def test_ordinary_courtesy_and_process_words_are_not_threats(reply: str) -> None:
    assert analyse(reply).kind is Kind.GENERIC


def test_a_clause_naming_only_the_setting_judges_its_neighbour() -> None:
    reply = "Le poste exige une bonne connaissance de la norme ISO 9001, que vous n'avez pas su démontrer lors de l'entretien."
    assert found(rules(reply)) == {SKL}
    praised = "Ton CV est très clair, mais en entrevue tu as eu du mal à expliquer tes choix."
    assert found(analyse(praised)) == {INT}


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Interview notes:\n- Excel: below bar\n- attitude: great\n- presentation: solid", {SKL}),
        (
            "Debrief\n- CV: hard to read, no dates\n- motivation: clear\n- culture: some concerns about the schedule",
            {CV, FIT},
        ),
        # the verdict's own words ("articulate") are about the heading, not a category of their own
        ("- Case study: could not articulate the trade-offs\n- Communication: fine", {INT}),
        ("Compte rendu :\n- anglais : sous la barre\n- présentation : très bien", {REG}),
        ("- Power BI : à approfondir\n- esprit d'équipe : questionnable", {SKL, FIT}),
        ("Panel notes:\n- SQL: strong\n- Python: solid\n- communication: ok", set()),
        # a heading that names weaknesses judges every item it lists
        ("Strengths: energy, curiosity.\nAreas to develop: SQL, negotiation.", {SKL}),
        ("Points à améliorer : l'anglais, la connaissance du secteur.", {REG, EXP}),
    ],
)
def test_debrief_notes_judge_their_heading(reply: str, expected: set[Category]) -> None:
    """A pasted note "- SQL: below bar" judges its heading; praise in a note adds nothing."""
    assert found(rules(reply)) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (
            "My client felt your background is weighted towards agency-side work, "
            "and they want someone who has been in-house.",
            {EXP},
        ),
        (
            "Mon client cherchait quelqu'un qui a déjà géré une équipe de vente, "
            "ce qu'on ne voit pas dans ton parcours.",
            {EXP},
        ),
        ("Ils préféraient quelqu'un déjà autonome sur l'outil.", {SKL}),
        ("On sentait pas que le rythme d'une petite équipe te convenait vraiment.", {FIT}),
    ],
)
def test_what_an_agency_client_wanted_is_a_reason(reply: str, expected: set[Category]) -> None:
    assert found(analyse(reply)) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Your answers about Kubernetes stayed at the surface.", {SKL}),
        ("Vos réponses sur le droit fiscal étaient approximatives.", {SKL}),
        ("Your answers about budgeting stayed very general.", {INT}),
        ("Your answers leaned heavily on acronyms and buzzwords.", {REG}),
        (
            "A few answers were peppered with 'like' and 'whatever', and the client wants someone more polished.",
            {REG},
        ),
    ],
)
def test_answers_about_a_subject_judge_the_subject(reply: str, expected: set[Category]) -> None:
    assert found(rules(reply)) == expected


@pytest.mark.parametrize(
    "reply",
    [
        "Nul, vraiment nul.",
        "Oublie ça, loser.",
        "Mon chat écrit mieux que ça.",
        "On recrute des adultes, pas des ados.",
        "Un mail de plus et votre nom finit sur liste noire.",
        "Retourne chercher dans ta communauté.",
        "Ce genre de tenue n'a rien à faire dans notre boutique.",
        "Cherchez un emploi où l'on n'a pas besoin de parler.",
        "Why would we bother training someone who'll leave on parental leave? Good luck finding someone who will.",
        "That interview was a waste of an hour.",
    ],
)
def test_contempt_in_french_and_in_threats_is_malicious(reply: str) -> None:
    assert analyse(reply).kind is Kind.MALICIOUS


@pytest.mark.parametrize(
    "reply",
    [
        "I'll be direct: the case exercise did not meet the standard we require, and the code did not compile.",
        "Je serai franc : l'exercice technique n'était pas au niveau attendu.",
        "Your portfolio review was one of the best we have seen and your CV was excellent.",
    ],
)
def test_firm_feedback_and_praise_are_not_malicious(reply: str) -> None:
    assert analyse(reply).kind is not Kind.MALICIOUS


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # praise in every form adds nothing
        ("Notes:\n- Resume: excellent\n- Experience: exactly what we need\n- Culture: great fit", set()),
        ("Ton profil est exactement ce qu'on cherchait, mais le poste a été annulé.", set()),
        ("You handled the tricky case study brilliantly.", set()),
        ("Your conversational style was warm and engaging.", set()),
        # one criticism among praise is found, whatever family of words it uses
        ("The gap was domain knowledge: you've never worked in insurance.", {EXP}),
        ("You're not ready for a lead role yet.", {EXP}),
        ("Tu n'es pas encore prête pour un poste de gestionnaire.", {EXP}),
        ("Your Spanish is conversational, but the role is fully in Spanish with clients.", {REG}),
        ("La cliente a trouvé que vous manquiez d'aisance à l'oral en anglais.", {REG}),
        (
            "Brilliant technical skills, truly. It was your attitude towards the support team that concerned us.",
            {FIT},
        ),
        # (working nights is a practical condition: no area, as the labelling brief says; heldout22)
        ("Per the client: strong candidate, but they need someone who can work nights.", set()),
        ("You seemed a bit flat and we weren't sure you really wanted this job.", {REG}),
        ("Your emails were a bit too chummy for a first contact with a bank.", {REG}),
        ("I'd work on tightening your answers - several ran past five minutes.", {INT}),
        ("Nous serons francs : votre prestation n'était pas au niveau attendu.", {INT}),
        ("The team's notes say you struggled with the whiteboard problem.", {INT}),
    ],
)
def test_praise_stays_silent_and_one_criticism_is_found(reply: str, expected: set[Category]) -> None:
    assert found(rules(reply)) == expected


def test_a_long_heading_before_a_colon_is_read_quickly() -> None:
    """A note heading is matched without backtracking: a long unbroken word before a colon stays fast."""
    reply = "SQL " + "a" * 400 + ": below bar"
    assert analyse(reply).kind is Kind.CONSTRUCTIVE


# How sure the reading is (issue 16): a confident badge only on clear, agreeing cues.
@pytest.mark.parametrize(
    "reply",
    [
        "Your SQL was weak and you were late to the interview.",
        "Votre CV comportait plusieurs fautes d'orthographe et votre lettre de motivation était générique.",
        "Thank you for your interest. We received a high number of applications and decided to move forward "
        "with other candidates whose profiles more closely match our needs.",
        "You are too old for this team.",
    ],
)
def test_clear_readings_are_confident(reply: str) -> None:
    analysis = analyse(reply)
    assert analysis.confidence is Confidence.HIGH
    assert analysis.kind_confidence is Confidence.HIGH


def test_a_generic_reading_of_a_reply_that_judges_something_unplaced_is_low() -> None:
    # Something is judged ("not convincing"), but nothing the reader knows is named: the reason may be missed.
    analysis = analyse("Honestly, what you told us about the warehouse move was not convincing enough.")
    assert analysis.kind is Kind.GENERIC
    assert analysis.kind_confidence is Confidence.LOW
    assert analysis.confidence is Confidence.LOW


def test_a_long_reply_that_matches_nothing_known_is_low() -> None:
    analysis = analyse("The weather in Lisbon was lovely when Carla and Joao visited the old tram museum last spring.")
    assert analysis.kind is Kind.GENERIC
    assert analysis.kind_confidence is Confidence.LOW


def test_a_single_sarcastic_cue_is_a_low_confidence_malicious_reading() -> None:
    analysis = analyse("Your portfolio was, let's say, bold. We went another way.")
    assert analysis.kind is Kind.MALICIOUS
    assert analysis.kind_confidence is Confidence.LOW


def test_an_area_borrowed_from_a_neighbouring_clause_is_low_and_so_is_the_reading() -> None:
    # "it was thin" judges the portfolio named in the clause before: found by borrowing, so a guess.
    analysis = analyse("We looked at the portfolio you sent, and frankly it was thin.")
    assert analysis.kind is Kind.CONSTRUCTIVE
    assert [(f.category, f.confidence) for f in analysis.categories] == [(Category.CV_COVER_LETTER, Confidence.LOW)]
    assert analysis.kind_confidence is Confidence.LOW  # every area inferred
    assert analysis.confidence is Confidence.LOW


def test_beside_a_protected_ground_only_a_further_reason_is_an_area_and_it_is_low_confidence() -> None:
    ground = "Our clients are traditional and your husband might make them uncomfortable."
    further = analyse(f"{ground} Your résumé also had typos.")
    assert further.kind is Kind.MALICIOUS and further.ground is Ground.CIVIL_STATUS
    assert [(f.category, f.confidence) for f in further.categories] == [(Category.CV_COVER_LETTER, Confidence.LOW)]
    assert further.confidence is Confidence.LOW
    # A passing mention is no reason when the reason given is the ground.
    assert analyse(f"We went through your résumé. {ground}").categories == []


@pytest.mark.parametrize(
    "reply",
    [
        "Thank you for your interest. Having reviewed your interview, we wonder whether you might be happier in "
        "another line of work altogether.",
        "Je pense que la programmation, c'est peut-être pas pour toi. Y'a plein d'autres métiers intéressants.",
        "Madame, après réflexion, nous pensons qu'un poste moins exigeant vous conviendrait mieux.",
    ],
)
def test_a_career_redirection_is_malicious_and_names_no_area(reply: str) -> None:
    analysis = analyse(reply)
    assert analysis.kind is Kind.MALICIOUS
    assert analysis.categories == []


def test_a_humiliating_comparison_is_malicious_and_keeps_the_point() -> None:
    analysis = analyse(
        "Il est assez rare de voir une candidate ignorer ce qu'est un EBITDA en comptabilité. Même notre stagiaire "
        "de première année le sait."
    )
    assert analysis.kind is Kind.MALICIOUS


def test_an_insult_word_that_is_set_aside_is_not_an_insult() -> None:
    analysis = analyse(
        "Your weight was never part of the discussion, I know you asked. The gap was the forklift certification, "
        "which the site requires from day one."
    )
    assert analysis.kind is Kind.CONSTRUCTIVE
    assert analysis.ground is None
    assert [f.category for f in analysis.categories] == [Category.SKILLS]


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("On reflection we're moving ahead with people who've worked directly in payments.", Category.EXPERIENCE),
        ("Nous avons retenu un candidat maîtrisant SAP FI/CO, compétence centrale pour ce poste.", Category.SKILLS),
        ("The successful candidate has eight years in payroll.", Category.EXPERIENCE),
    ],
)
def test_a_description_of_the_hire_is_a_reason(reply: str, expected: Category) -> None:
    analysis = analyse(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE
    assert expected in {f.category for f in analysis.categories}


# ---- Issue 16f: general mechanisms (each reply written fresh, none from a dataset) ----


@pytest.mark.parametrize(
    "reply",
    [
        # a lesser role said to suit the candidate, in words no lexicon lists
        "Thanks for applying. Perhaps a job with fewer moving parts, maybe data entry, would be a better fit for you.",
        "Merci pour ta candidature. Des postes moins exigeants, genre caissier, t'iraient sûrement mieux.",
        # praise aimed at a flaw
        "We really enjoyed the nine typos in your opening paragraph.",
        "Bravo pour votre présentation : on a rarement vu si peu de contenu en vingt minutes.",
    ],
)
def test_condescension_and_irony_are_malicious_by_their_shape(reply: str) -> None:
    assert analyse(reply).kind is Kind.MALICIOUS


@pytest.mark.parametrize(
    "reply",
    [
        # a lesser role without saying it would suit the candidate: a fact about the company
        "We also have simpler roles in the warehouse, and those are posted on our site.",
        # praise, then a real flaw after a turn: blunt but fair
        "We enjoyed meeting you, but your report had several errors in the totals.",
        "J'ai apprécié ta franchise, mais ta lettre avait plusieurs fautes.",
    ],
)
def test_a_lesser_role_or_praise_alone_is_not_bad_faith(reply: str) -> None:
    assert analyse(reply).kind is not Kind.MALICIOUS


@pytest.mark.parametrize(
    "reply",
    [
        "The team liked you a lot. The one problem is pay: what you asked for is well above the band we have.",
        "Ton profil nous plaît, mais tu es seulement disponible à partir de mai, et on a besoin de quelqu'un dès février.",
        "We hired someone available sooner; your notice period doesn't work with our launch.",
    ],
)
def test_a_practical_condition_given_as_the_reason_is_constructive_with_no_area(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE
    assert analysis.categories == []
    assert analysis.action_plan  # something to do: ask whether it can change


def test_a_practical_condition_only_mentioned_is_no_reason() -> None:
    analysis = rules("Thank you for your availability last week. We have decided to move forward with other candidates.")
    assert analysis.kind is Kind.GENERIC


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # the file kept for other roles names no CV weakness, nor does the writer's own typo apology
        ("Your SQL was too shaky for this role. I'll keep your resume in mind for other openings.", {SKL}),
        ("Tes réponses en entrevue restaient vagues. Je garde ton dossier pour d'autres mandats.", {INT}),
        ("Your portfolio lacked recent work. Sent from my phone, sorry for typos.", {CV}),
    ],
)
def test_the_recruiters_next_step_names_no_area(reply: str, expected: set[Category]) -> None:
    assert found(rules(reply)) == expected


def test_the_recruiters_next_step_gives_no_ground() -> None:
    analysis = rules("Ce sera pas toi cette fois. Je te reviens si j'ai d'autres mandats dans ton coin.")
    assert analysis.discrimination_warning is None
    assert analysis.kind is Kind.GENERIC


def test_a_verdict_lends_nothing_across_but_to_what_follows() -> None:
    # "flat" judges nothing of its own: the praised technique on the other side of "but" is not a weakness
    assert SKL not in found(rules("Your sauces were flat, but the technique is there."))


@pytest.mark.parametrize(
    "reply",
    [
        "Our mission serves people experiencing homelessness, and you didn't seem drawn to it.",
        "Le poste consiste à accompagner des personnes en situation de handicap; ton expérience en relation d'aide est trop mince.",
        "You asked whether your age played a part. It absolutely did not: the other finalist had run a plant for ten years.",
    ],
)
def test_a_ground_about_the_people_served_or_denied_raises_no_flag(reply: str) -> None:
    assert rules(reply).discrimination_warning is None


@pytest.mark.parametrize(
    ("reply", "ground"),
    [
        ("You told us you have diabetes, and we worry about the long shifts without breaks.", Ground.DISABILITY),
        ("Vous nous avez dit que vous souffrez d'épilepsie; avec les machines, on préfère ne pas prendre le risque.", Ground.DISABILITY),
        ("On va prendre un homme pour ce poste, c'est plus simple avec l'équipe.", Ground.SEX),
        ("Your references said you led an organizing drive at your last plant, so we'll pass.", Ground.UNION),
    ],
)
def test_a_ground_the_candidate_has_is_flagged(reply: str, ground: Ground) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.MALICIOUS
    assert analysis.ground is ground


@pytest.mark.parametrize(
    ("reply", "category"),
    [
        ("We need someone with the hazmat endorsement and you only hold the basic licence.", SKL),
        ("Il nous faut quelqu'un avec sa carte de cariste, tu l'as pas encore.", SKL),
        # the company says what it needs; the level is named by the year, not by "experience"
        ("We need someone with their fourth-year hours; you're in second year.", EXP),
    ],
)
def test_a_credential_or_an_apprenticeship_level_is_read_by_its_kind(reply: str, category: Category) -> None:
    assert category in found(rules(reply))


# Issue 16h: heldout10's families, with sentences written for these tests.
@pytest.mark.parametrize(
    "reply",
    [
        "Ta grossesse n'a pas du tout été un facteur ; c'est ton manque d'expérience en comptabilité qui a pesé.",
        "Votre adresse à Laval n'a absolument pas été un critère. Il vous manquait la certification PMP.",
        "Your age was not at all a factor; the other finalist simply had more experience with Salesforce.",
        "Your religion played no part in this decision; we needed stronger Excel skills.",
        "Le poste est pourvu. Bonne fin de grossesse et au plaisir de te recroiser !",
        "Good luck with the baby! We went with someone who has already run a warehouse.",
    ],
)
def test_a_ground_denied_with_an_adverb_or_only_wished_well_raises_no_flag(reply: str) -> None:
    analysis = analyse(reply)
    assert analysis.ground is None and analysis.discrimination_warning is None
    assert analysis.kind is not Kind.MALICIOUS


@pytest.mark.parametrize(
    ("reply", "ground"),
    [
        ("The guys on the crew aren't comfortable working with a woman, so we'll pass.", Ground.SEX),
        ("L'équipe de plancher n'est pas prête à travailler avec une femme, désolé.", Ground.SEX),
        ("We're after younger faces for the front desk.", Ground.AGE),
        ("As you have been claiming benefits for three years, the partners felt it was too risky.",
         Ground.SOCIAL_CONDITION),
        ("Avec vos rondeurs, l'uniforme de la maison ne vous irait pas.", Ground.APPEARANCE),
        # a passive welcome is no equal-opportunity line
        ("Notre clientèle préfère être accueillie par des hôtesses d'origine européenne.", Ground.ORIGIN),
    ],
)
def test_an_implied_ground_is_flagged(reply: str, ground: Ground) -> None:
    analysis = analyse(reply)
    assert analysis.ground is ground and analysis.discrimination_warning
    assert analysis.kind is Kind.MALICIOUS and not analysis.categories


@pytest.mark.parametrize(
    "reply",
    [
        "You did fine on the quiz, but our summer intern finished the same exercise in twelve minutes.",
        "Honestly I'm not sure sales jobs are really for you.",
        "Le test était incomplet. Je vous laisse réfléchir là-dessus.",
    ],
)
def test_a_junior_set_against_the_candidate_a_doubted_field_or_a_taunt_is_malicious(reply: str) -> None:
    assert rules(reply).kind is Kind.MALICIOUS


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("On your trial shift you fell behind on the grill and panicked at the dinner rush.", {INT}),
        ("À l'essai, t'as pas tenu la cadence au comptoir.", {INT}),
        ("We hired a welder who has his Red Seal and ten years on pipelines.", {EXP, SKL}),
        ("Nous avons retenu une éducatrice qui travaille depuis six ans en CPE.", {EXP}),
    ],
)
def test_a_trial_as_performed_and_a_hire_named_by_their_trade_are_reasons(reply: str, expected: set[Category]) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE and found(analysis) == expected


@pytest.mark.parametrize(
    "reply",
    [
        "The job needs someone on the on-call rota, and you told us you can't do weekends.",
        "Le poste comporte une astreinte un week-end sur deux et vous nous avez dit ne pas pouvoir l'assurer.",
        "Ton salaire demandé dépasse notre échelle salariale, fixée par la convention collective.",
    ],
)
def test_the_sentence_of_a_practical_condition_names_no_area(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE and not analysis.categories


def test_a_teams_name_is_not_an_area() -> None:
    assert rules("Thanks for your note. Regards, Candidate Experience Team").kind is Kind.GENERIC


@pytest.mark.parametrize(
    "reply",
    [
        "Le poste va à un agent titulaire, mais il voudrait te garder en tête pour un remplacement de congé maternité en octobre.",
        "We'd like to keep you in mind for a maternity cover contract opening in May.",
    ],
)
def test_a_maternity_leave_replacement_offered_is_a_job_not_a_ground(reply: str) -> None:
    analysis = analyse(reply)
    assert analysis.ground is None and analysis.kind is not Kind.MALICIOUS


@pytest.mark.parametrize(
    "reply",
    [
        "Both of your 30-second spots ran long, at 38 and 41 seconds. Practise against a clock.",
        "J'ai eu le retour du client : il tient à quelqu'un qui a déjà le titre de CPA. Stéphanie, Groupe Alliance Recrutement",
        "Votre congé maternité récent n'a bien sûr pas été pris en compte. Ce qui a manqué, c'est la maîtrise de Cegid.",
    ],
)
def test_a_duration_a_company_name_or_a_denial_with_bien_sur_raises_no_flag(reply: str) -> None:
    assert analyse(reply).ground is None


@pytest.mark.parametrize(
    ("reply", "ground"),
    [
        ("Since you told us you tested positive for the BRCA gene, we can't commit to a long training track.", Ground.GENETIC),
        ("Pour le poste de cariste c'est non. Sur le quai c'est 30 gars, une femme ça va créer des histoires.", Ground.SEX),
        ("The client said you'd be off on mat leave right before busy season, so they passed.", Ground.PREGNANCY),
        ("Le boss veut plus engager de monde de Montréal-Nord, c'est rien de personnel.", Ground.RESIDENCE),
        ("Votre engagement public sur la liste d'opposition rendrait votre positionnement délicat auprès des élus.",
         Ground.POLITICAL_CONVICTIONS),
    ],
)
def test_grounds_in_round_heldout11s_forms_are_flagged(reply: str, ground: Ground) -> None:
    analysis = analyse(reply)
    assert analysis.ground is ground and analysis.kind is Kind.MALICIOUS


@pytest.mark.parametrize(
    "reply",
    [
        "I'll be straight with you: you asked for $112k and this role is banded at $88–95k, with no room to move.",
        "Le poste comporte une semaine de garde sur trois, à 45 minutes du client au maximum. Avec 1 h 30 de route, ça ne peut pas fonctionner.",
        "Avec votre préavis de trois mois, vous ne seriez disponible qu'en mars. C'est la seule raison de notre décision.",
    ],
)
def test_a_practical_condition_in_these_words_is_constructive_with_no_area(reply: str) -> None:
    analysis = analyse(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE and not analysis.categories and analysis.ground is None


# Issue 16j: heldout12's families, with sentences written for these tests.
@pytest.mark.parametrize(
    ("reply", "ground"),
    [
        # a gender transition given as the reason (a career transition is not one: see the next test)
        ("Avec votre transition qui commence, certains clients risquent d'être mal à l'aise. On préfère attendre.", Ground.SEX),
        ("Since your transition is still under way, a few of the regulars might feel awkward, so we'll hold off.", Ground.SEX),
        # someone who will not go on leave: the pregnancy announced is the reason
        ("Congrats on the pregnancy! We need someone who won't be going on leave during the busy season, so we'll pass.",
         Ground.PREGNANCY),
        ("Le projet dure un an et on cherche quelqu'un qui ne partira pas en congé en cours de route.", Ground.PREGNANCY),
        # a union certification drive the candidate led, in Québec's and Canada's words
        ("On a appris que tu avais mené la campagne d'accréditation chez ton employeur précédent. On va s'arrêter là.",
         Ground.UNION),
        ("Word got back that you ran the union certification drive at your old warehouse, so we won't be moving ahead.",
         Ground.UNION),
        # "at this stage of your career" with no measure of experience
        ("At this stage of your career, we think a quieter store would make you happier.", Ground.AGE),
    ],
)
def test_grounds_in_round_heldout12s_forms_are_flagged(reply: str, ground: Ground) -> None:
    analysis = analyse(reply)
    assert analysis.ground is ground and analysis.kind is Kind.MALICIOUS


@pytest.mark.parametrize(
    "reply",
    [
        # a career transition
        "Ta transition vers le marketing est récente : il te manque encore de l'expérience en gestion de campagnes.",
        "Your transition into data science is promising, but the role needs more SQL than you have yet.",
        # a union that hires: union work is the job, not a ground
        "Thanks for applying to be a staff organizer with Local 88. Your years as a shop steward count for a lot, but you "
        "haven't run a certification drive yet. In solidarity, Dana",
        "Merci pour ta candidature comme conseiller syndical à notre section locale 301. Ton engagement syndical est "
        "admirable, mais il te manque l'expérience de la négociation. Salutations syndicales, Josée",
        # the people a volunteer served
        "Ton bénévolat auprès des jeunes est admirable, mais le poste exige le permis de conduire.",
        "Your volunteering with older people is lovely, but the job needs a forklift licence.",
        # a ground the candidate asked about, answered no in the next sentence
        "Vous m'avez demandé si votre accent avait compté. La réponse est non : il vous manquait l'expérience en soutien technique.",
        "You asked whether your age was held against you. The answer is no; we needed someone with SAP experience.",
        # "this stage of your career" beside a measure of experience is seniority
        "At this stage of your career, you don't yet have the years of management experience the role needs.",
    ],
)
def test_a_career_transition_a_union_employer_people_served_or_a_ground_answered_no_raise_no_flag(reply: str) -> None:
    analysis = analyse(reply)
    assert analysis.ground is None and analysis.discrimination_warning is None
    assert analysis.kind is not Kind.MALICIOUS
    # « La réponse est non » answers the candidate's question: no interview answer is judged
    assert INT not in found(rules(reply))


@pytest.mark.parametrize(
    "reply",
    [
        # the condition in one sentence, the verdict in the next
        "We loved meeting you. The start date is set for June 2 and your notice period runs until mid-August. "
        "We can't wait that long.",
        "Le poste est à Rimouski, en présentiel cinq jours, et vous nous avez dit ne pas vouloir déménager. "
        "C'est la seule raison de notre choix.",
        "Le poste demande de travailler le samedi, et vous nous avez dit ne pas pouvoir. C'est uniquement pour cette "
        "raison que nous arrêtons là.",
        # the verdict in words of its own
        "The deal-breaker is pay: you asked for $31 an hour and our scale tops out at $26.",
        "The only opening is the Sunday morning shift, and you said you're available weekdays only.",
        "Les quarts de nuit sont obligatoires et t'es disponible juste de jour, ça adonne pas.",
        "We need someone in the seat by April 1, and your notice runs to the end of May. We can't hold the role that long.",
    ],
)
def test_a_practical_condition_with_its_verdict_said_apart_is_constructive_with_no_area(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE and not analysis.categories and analysis.ground is None


def test_a_verdict_that_names_an_area_is_not_a_practical_condition() -> None:
    analysis = rules("We can talk about salary later. The only issue was your SQL, which was too weak for the role.")
    assert found(analysis) == {SKL}


@pytest.mark.parametrize(
    "reply",
    [
        "Our apprentice solved your coding problem in five minutes; you needed half an hour.",
        "Even our summer student would have caught that error in the budget.",
        "Ask yourself whether sales is really your thing.",
        "Demande-toi si la comptabilité est vraiment ton domaine.",
    ],
)
def test_a_junior_set_against_the_candidate_or_a_field_to_question_in_other_words_is_malicious(reply: str) -> None:
    assert rules(reply).kind is Kind.MALICIOUS


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # the job offered to the hire, described
        ("The position was offered to a candidate who holds the CFA charter and has six years in equity research.",
         {SKL, EXP}),
        ("Le poste a été offert à une personne qui détient le titre d'ingénieur et qui cumule dix ans en génie civil.",
         {SKL, EXP}),
        # what a posting or a mission asks for, each thing listed; a credential run out
        ("The posting requires a current BLS card, and yours lapsed in March.", {SKL}),
        ("Votre carte ASP est échue depuis juin.", {SKL}),
        ("Pour cette mission, nous demandons le brevet de secourisme et une première expérience d'encadrement.",
         {SKL, EXP}),
        # a minimum in years, as an HR system states it
        ("Critère 2 non rempli\n> Critère 2 : expérience minimale de 3 ans en logistique\n> Votre profil : 1 an", {EXP}),
        ("Minimum 4 years in commercial lending; you have two.", {EXP}),
        # a named tool and work never done, in franglais
        ("Tu manques de pratique sur Snowflake et tu n'as pas encore bossé en cabinet.", {SKL, EXP}),
    ],
)
def test_a_requirement_a_hire_or_a_credential_in_these_forms_names_its_areas(
    reply: str, expected: set[Category]
) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE and found(analysis) == expected


@pytest.mark.parametrize(
    "reply",
    [
        # praise by rarity judges nothing
        "J'ai rarement rencontré une candidate aussi bien préparée. Nous avons toutefois retenu un autre profil.",
        "I've rarely interviewed anyone so well prepared. We went another way this time.",
        # the company's own tracking system is not the candidate's CV
        "I wanted to write myself rather than let our ATS send you a form letter. We chose another candidate.",
    ],
)
def test_praise_by_rarity_or_the_companys_own_system_names_no_area(reply: str) -> None:
    assert rules(reply).kind is Kind.GENERIC


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # what the candidate said they need, said not to match how the team works
        ("Tu nous as dit avoir besoin d'un appel d'équipe chaque matin. Ça matche pas avec notre façon de travailler.",
         {FIT}),
        ("You told us you need a manager in the room every day. That doesn't line up with how the team works.", {FIT}),
        # the debrief where the candidate defended their work is the interview
        ("Au debrief, tu as eu du mal à justifier tes choix d'architecture.", {INT}),
        ("In the debrief you struggled to justify your design choices.", {INT}),
    ],
)
def test_a_way_of_working_that_does_not_match_and_the_debrief_name_their_areas(
    reply: str, expected: set[Category]
) -> None:
    assert found(rules(reply)) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # a language's level shown in the interview: the language is judged, the interview is the setting
        ("Tu avais du mal à répondre aux questions de l'entrevue en espagnol.", {REG}),
        ("In the phone screen you struggled to answer the questions in German.", {REG}),
        # « hausser le ton » is behaviour in the role play, not register
        ("En mise en situation, vous avez haussé le ton et n'avez proposé aucune solution à l'élève.", {INT}),
        # management responsibility is experience, not the need for a hierarchy
        ("Il vous manque une responsabilité hiérarchique : le poste dirige huit personnes.", {EXP}),
        # a union certification drive is no credential
        ("The reason we passed is that this role is built around running certification drives, and you haven't led "
         "one yet. In solidarity, Lee", {EXP}),
    ],
)
def test_a_language_in_the_interview_a_raised_voice_a_hierarchy_and_a_drive_are_read_by_their_kind(
    reply: str, expected: set[Category]
) -> None:
    assert found(rules(reply)) == expected


@pytest.mark.parametrize(
    "reply",
    [
        "The portfolio link on your CV 404s.",
        "The link to your GitHub on the résumé is broken.",
        "Le lien vers ton portfolio sur ton CV est mort.",
    ],
)
def test_a_link_in_the_cv_that_leads_nowhere_is_a_cv_weakness(reply: str) -> None:
    assert found(rules(reply)) == {CV}


@pytest.mark.parametrize(
    "reply",
    [
        # The clientele, a language, the public served: described, not the candidate's origin or condition.
        "Nous avons retenu un profil bilingue, car la moitié de notre clientèle est étrangère en été.",
        "Le poste demande une deuxième langue étrangère (allemand), ce que votre profil n'a pas.",
        "Nous avons retenu une personne qui anime depuis dix ans des visites pour des publics en situation de handicap.",
        # Youths served, someone else's retirement or leave, a deadline, a sector one comes from, the wedding trade.
        "Nous avons apprécié votre regard sur l'accompagnement des jeunes, mais un autre profil a été retenu.",
        "Avec le départ à la retraite de notre comptable en mars, il nous fallait quelqu'un qui connaît déjà Sage.",
        "On prend une personne qui connaît déjà le logiciel, parce que notre adjointe part en congé de maternité le mois prochain.",
        "On n'a pas le temps de former quelqu'un d'ici la fin de l'année financière.",
        "Ils ont pris un candidat qui vient de l'aéronautique, avec une certification que je n'ai pas.",
        "Nous avons retenu une personne qui a déjà organisé des salons professionnels; votre expérience vient surtout du mariage.",
    ],
)
def test_what_describes_the_job_or_someone_else_is_not_a_protected_ground(reply: str) -> None:
    analysis = analyse_reply(AnalysisRequest(reply=reply), second_opinion=False)
    assert analysis.ground is None and analysis.kind is not Kind.MALICIOUS, (reply, analysis.ground, analysis.kind)


@pytest.mark.parametrize(
    ("reply", "ground"),
    [
        ("Ici, ce sont tous des jeunes. Vous seriez un peu dépaysée, non?", Ground.AGE),
        ("On préfère engager des jeunes pour ce poste, ils ont plus d'énergie.", Ground.AGE),
        ("Vu ton congé de maternité prévu l'an prochain, ça tomberait mal.", Ground.PREGNANCY),
        ("Avec votre mariage en juin, vous auriez dû prendre des congés en pleine saison.", Ground.CIVIL_STATUS),
    ],
)
def test_the_same_grounds_said_of_the_candidate_are_still_flagged(reply: str, ground: Ground) -> None:
    analysis = analyse_reply(AnalysisRequest(reply=reply), second_opinion=False)
    assert analysis.ground is ground and analysis.kind is Kind.MALICIOUS, (reply, analysis.ground)


@pytest.mark.parametrize(
    ("reply", "ground"),
    [
        # A frame is the job's domain only where it touches the ground's words or describes a population.
        ("Our customers prefer a younger face at the front desk.", Ground.AGE),
        ("Our guests prefer a woman at the front desk.", Ground.SEX),
        ("We decided to replace him with someone younger.", Ground.AGE),
        ("Your cover letter mentioned your pregnancy, and the timing does not work for us.", Ground.PREGNANCY),
        ("Notre clientèle préfère un homme pour ce poste.", Ground.SEX),
        ("Nous allons remplacer notre adjointe qui part par quelqu'un de plus jeune.", Ground.AGE),
        # « organisation syndicale » and "union local" say union; they do not make the employer a union.
        ("Vos activités syndicales passées dans une organisation syndicale nous inquiètent.", Ground.UNION),
        ("Your union activity as a steward in your union local concerns us.", Ground.UNION),
    ],
)
def test_a_frame_does_not_hide_a_ground_said_of_the_candidate(reply: str, ground: Ground) -> None:
    analysis = analyse_reply(AnalysisRequest(reply=reply), second_opinion=False)
    assert analysis.ground is ground, (reply, analysis.ground)

# Issue 16k: heldout13's families, with sentences written for these tests.
@pytest.mark.parametrize(
    "reply",
    [
        # The people the organisation serves, described: a ground word inside the description is theirs.
        "Notre public est constitué à 70 % de bénéficiaires de l'aide sociale. Nous avons retenu une intervenante qui a "
        "six ans de terrain; il vous manque l'expérience en accompagnement.",
        "Our clientele is made up mostly of people on welfare and seniors. We hired a caseworker with five years in "
        "housing support; you lack that experience.",
        # Someone else's age, said in a sentence of its own.
        "On a pris Maxime, notre stagiaire. Il a 21 ans et il connaît déjà le logiciel de paie, pas toi.",
        # A colleague's leave, with three words before the verb, or in English.
        "L'une de nos infirmières part en congé de maternité en mai et nous aimerions vous offrir ce remplacement.",
        "One of our two dental assistants is going on maternity leave in June, and we would like to offer you the "
        "twelve-month contract.",
        # The organisation's own unit or field named by the ground word.
        "Thanks for applying to our genetic counselling clinic. The role needs fluency in R, which you told us you "
        "don't have yet.",
    ],
)
def test_people_served_someone_elses_age_a_colleagues_leave_or_the_labs_field_is_no_ground(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.ground is None and analysis.kind is not Kind.MALICIOUS, (reply, analysis.ground, analysis.kind)


@pytest.mark.parametrize(
    ("reply", "ground"),
    [
        # guards: the same grounds said of the candidate are still flagged where a cue was narrowed
        ("Vous êtes bénéficiaire de l'aide sociale depuis deux ans, ce qui inquiète la direction.", Ground.SOCIAL_CONDITION),
        ("Your accent is strong and our clientele is made up mostly of older locals; it would not work.", Ground.LANGUAGE),
        ("À 21 ans, on trouve que tu es trop jeune pour gérer l'équipe de nuit.", Ground.AGE),
        ("You are going on maternity leave in June, so the timing does not work for us.", Ground.PREGNANCY),
        ("Vous partirez en congé de maternité en mai, le moment est mal choisi pour nous.", Ground.PREGNANCY),
        ("Your genetic test results were a concern for the panel.", Ground.GENETIC),
        # new forms of a ground given as a reason
        ("Avec tes deux petits à la maison pis seule pour t'en occuper, les horaires de nuit seraient trop durs.",
         Ground.CIVIL_STATUS),
        ("Raising them on your own, the travel would be too much for you and the kids.", Ground.CIVIL_STATUS),
        ("With your due date in May, right in our busy season, we went with someone else.", Ground.PREGNANCY),
        ("Avec ta date d'accouchement prévue en juin, on a préféré quelqu'un d'autre.", Ground.PREGNANCY),
        ("Some of the owners don't want Haitian crews on their sites, not my call.", Ground.ORIGIN),
        ("Certains clients ne veulent pas d'équipes maghrébines chez eux, c'est pas moi qui décide.", Ground.ORIGIN),
        ("Vous avez figuré sur une liste citoyenne aux dernières élections, ce qui pose problème au conseil.",
         Ground.POLITICAL_CONVICTIONS),
        ("You ran on the Green slate in the city elections, and the board sees a conflict there.",
         Ground.POLITICAL_CONVICTIONS),
    ],
)
def test_grounds_in_round_heldout13s_forms_and_their_guards_are_flagged(reply: str, ground: Ground) -> None:
    analysis = rules(reply)
    assert analysis.ground is ground and analysis.kind is Kind.MALICIOUS, (reply, analysis.ground)


@pytest.mark.parametrize(
    "reply",
    [
        "Le poste doit être pourvu le 2 avril et votre préavis vous amène à juin au mieux. Merci encore.",
        "Votre permis de travail ne vous autorise à travailler que 20 heures par semaine; le poste en demande 37.",
        "L'astreinte impose d'être sur place en 20 minutes. Vous avez indiqué ne pas pouvoir garantir ce délai avec 50 minutes de route.",
        "Tu ne peux pas découcher plus d'une nuit par semaine. La tournée en demande trois. C'est uniquement ça qui a joué.",
        "Tes attentes salariales sont à 31 $/h, et c'est là que ça bloque. On n'a aucune marge de manœuvre.",
        "Bartenders have to be 19 to serve alcohol here, and you turn 19 in March. Come back then!",
    ],
)
def test_a_practical_condition_in_round_heldout13s_words_is_constructive_with_no_area(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE and not analysis.categories and analysis.ground is None, (
        reply, analysis.kind, analysis.categories)


@pytest.mark.parametrize(
    "reply",
    [
        # a taunt to draw one's own conclusions; a "gentler" job "for your abilities"
        "Notre apprenti a corrigé ton devis en dix minutes. Je te laisse tirer tes propres conclusions.",
        "Our junior fixed the same bug in ten minutes. I'll let you draw your own conclusions.",
        "Maybe something gentler, a host role perhaps, would be a better match for your abilities.",
        # praise aimed at a flaw, with an aside in brackets, a tally kept, a font
        "We really appreciated you checking your messages during the panel (nine times, we counted).",
        "On a beaucoup apprécié votre CV en Comic Sans violet, il a égayé toute notre semaine.",
    ],
)
def test_quiet_bad_faith_in_round_heldout13s_forms_is_malicious(reply: str) -> None:
    assert rules(reply).kind is Kind.MALICIOUS, reply


@pytest.mark.parametrize(
    "reply",
    [
        # the candidate laughing, the candidate's own words quoted: no demeaning reading
        "You laughed at our jokes and stayed to help clean up. We went with another candidate whose bookkeeping was stronger.",
        "Tu nous as dit trouver les réunions d'équipe « une perte de temps ». Chez nous, tout se décide en équipe, "
        "c'est au cœur du poste.",
    ],
)
def test_the_candidate_laughing_or_their_own_words_quoted_are_not_malicious(reply: str) -> None:
    assert rules(reply).kind is not Kind.MALICIOUS, reply


@pytest.mark.parametrize(
    "reply",
    [
        # guards: the recruiter laughing at the candidate, a demeaning word of the recruiter's own, are still malicious
        "We laughed at your portfolio for a good ten minutes.",
        "Tu nous as dit être motivé, mais ton entrevue était une perte de temps.",
    ],
)
def test_laughing_at_the_candidate_or_calling_the_interview_a_waste_is_still_malicious(reply: str) -> None:
    assert rules(reply).kind is Kind.MALICIOUS, reply


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("Nous avons préféré un profil ayant déjà tenu un bar à cocktails et titulaire du CQP barman.", {EXP, SKL}),
        ("Pour la suite, on cherche quelqu'un de plus fort en calligraphie, et ton portfolio en montre peu.", {SKL}),
        ("We need someone stronger at lettering, and your portfolio barely shows any.", {SKL}),
        ("The gap for us was variant calling, which you haven't done on real samples.", {SKL}),
    ],
)
def test_a_profile_that_has_already_done_a_credential_holder_or_a_skill_gap_name_their_areas(
    reply: str, expected: set[Category]
) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE and expected <= {c.category for c in analysis.categories}, (
        reply, analysis.categories)


# Issue 16l: heldout14's families, with sentences written for these tests.
@pytest.mark.parametrize(
    "reply",
    [
        # A group's age: the people the job works with, given with an age range.
        "Le camp accueille des jeunes de 12 à 16 ans, et vous n'avez jamais encadré de groupe.",
        "Our program takes kids aged 10 to 13, and you haven't coached a team before.",
        # A ground denied after an aside about it.
        "Votre âge, que vous avez mentionné vous-même au téléphone, n'a joué aucun rôle. Il vous manque le CACES 3.",
        "Your age, which you brought up yourself, played no part. You don't have the forklift ticket yet.",
        # Foreign things and organisations the job deals with.
        "Le poste demande de négocier avec des armateurs étrangers en anglais, et votre niveau d'anglais est trop faible.",
        "The role means dealing with foreign vessels on the radio, and your radio procedure was not up to standard.",
    ],
)
def test_a_groups_age_a_ground_denied_after_an_aside_or_foreign_ships_are_no_ground(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.ground is None and analysis.kind is not Kind.MALICIOUS, (reply, analysis.ground, analysis.kind)


@pytest.mark.parametrize(
    ("reply", "ground"),
    [
        # guards: the same grounds said of the candidate are still flagged where a cue was narrowed
        ("Nous cherchions un profil de 25 à 35 ans pour rejoindre l'équipe.", Ground.AGE),
        ("We were after someone aged 25 to 35 for the crew.", Ground.AGE),
        ("Votre âge, franchement, nous a fait hésiter pour un poste aussi physique.", Ground.AGE),
        ("Votre accent étranger pourrait dérouter nos clients.", Ground.LANGUAGE),
        ("Les clients n'aiment pas les vendeurs étrangers, désolé.", Ground.ORIGIN),
        ("Le port du voile n'est pas compatible avec notre image.", Ground.RELIGION),
        # hearing loss said of the candidate or of a worker
        ("Vous nous avez dit être vous-même appareillée; nos clients pourraient douter d'une conseillère malentendante.",
         Ground.DISABILITY),
        ("Since you're hard of hearing, we worried the phones would be too much for you.", Ground.DISABILITY),
        # appearance through a "look" qualified by two words
        ("For the host stand we want someone with more of a sleek, polished look, if you follow me.", Ground.APPEARANCE),
        ("Pour l'accueil, on voulait plutôt un physique de mannequin.", Ground.APPEARANCE),
        # a partner left alone with the children; someone without ties
        ("Your partner would be alone at home with the little ones for a month, so that was the issue.",
         Ground.CIVIL_STATUS),
        ("For the rigs we'd rather send someone with no family ties.", Ground.CIVIL_STATUS),
        ("Avec ta conjointe toute seule à la maison avec vos deux petits, on a préféré quelqu'un sans attaches.",
         Ground.CIVIL_STATUS),
        # a preference to deal with a man or a woman
        ("Our farmers prefer to deal with a man when it comes to livestock, I'm afraid.", Ground.SEX),
        ("Nos clients préfèrent traiter avec un homme pour les devis de chantier.", Ground.SEX),
        # Indigenous people named as co-workers; a quoted "from here"
        ("The crew isn't ready to share a bunkhouse with an Indigenous guy, their words not mine.", Ground.ORIGIN),
        ("L'équipe n'est pas prête à travailler avec un gars autochtone, c'est pas moi.", Ground.ORIGIN),
        ("Nos habitués préfèrent être servis par quelqu'un « d'ici », vous comprenez.", Ground.ORIGIN),
        ('Our regulars like to be served by someone "local", you get it.', Ground.ORIGIN),
        # a named hereditary disease in the family, a predictive test not taken
        ("Vous avez indiqué que votre père est atteint de la chorée de Huntington; nous préférons ne pas prendre ce risque.",
         Ground.GENETIC),
        ("Given that your mother has Huntington's disease, the board felt a thirty-year career was too risky.",
         Ground.GENETIC),
    ],
)
def test_grounds_in_heldout14s_forms_and_their_guards_are_flagged(reply: str, ground: Ground) -> None:
    analysis = rules(reply)
    assert analysis.ground is ground and analysis.kind is Kind.MALICIOUS, (reply, analysis.ground)


@pytest.mark.parametrize(
    "reply",
    [
        # the reason said to come down to a schedule that runs every day of a season
        "It came down to availability: the farm runs seven days a week at lambing, and you're tied to your Saturday job.",
        (
            "La raison est simple : la pourvoirie roule sept jours sur sept en septembre et tu travailles ailleurs les "
            "fins de semaine."
        ),
    ],
)
def test_a_season_seven_days_a_week_against_another_commitment_is_constructive_with_no_area(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE and not analysis.categories and analysis.ground is None, (
        reply, analysis.kind, analysis.categories)


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # a credential in short, by its rank, or taken up again by « l' »
        ("The deciding thing was certs: we need a rescue instructor and you're only an open-water diver.", {SKL}),
        ("We need the two specialty instructor ratings before you can teach on your own.", {SKL}),
        ("Il faut le niveau 3 du PNCE pour entraîner chez nous, et tu as seulement le niveau 1.", {SKL}),
        ("En gros, c'est le permis de cariste. Tu l'as pas encore, et pour le poste c'est obligatoire.", {SKL}),
        # a test, a run or an audition as performed
        ("Honestly it was the road test: you forgot your mirror checks twice.", {INT}),
        ("At the audition you dropped the hoop three times in one minute.", {INT}),
        ("In the practical you mixed up the two seed lots.", {INT}),
        ("Au test de conduite, t'as oublié de vérifier tes angles morts.", {INT}),
        ("À l'audition, tu as échappé ton bâton deux fois.", {INT}),
        ("Thanks for calling back. The main thing honestly was the interview.", {INT}),
        # seasons counted like years
        ("We hired someone with four seasons guiding on the river.", {EXP}),
        ("La personne retenue cumule trois saisons en cuisine de chantier.", {EXP}),
        # a letter addressed to another employer
        ("Ta lettre de motivation était adressée à un autre restaurant, ça a laissé une impression.", {CV}),
        ("Your cover letter was addressed to another clinic, which left an impression.", {CV}),
        # a sign language the job needs: its level, not the interview
        ("In the ASL part of the interview you could not follow a booking conversation.", {REG}),
        ("En entrevue, ton niveau en LSQ était trop faible pour nos patients.", {REG}),
    ],
)
def test_credentials_tests_as_performed_seasons_a_misaddressed_letter_and_sign_languages_name_their_areas(
    reply: str, expected: set[Category]
) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE and {c.category for c in analysis.categories} == expected, (
        reply, analysis.kind, analysis.categories)


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # guards: a practical side and hearing tests are no test performed; « nos patients sourds » are the public served
        ("Your practical experience in welding is too thin.", {EXP}),
        ("Nous faisons passer des tests d'audition toute la journée; il vous manque le diplôme d'audioprothésiste.", {SKL}),
        ("En entrevue, la partie en langue des signes était trop faible pour nos patients sourds.", {REG}),
    ],
)
def test_a_practical_side_hearing_tests_or_the_deaf_public_served_are_no_test_and_no_ground(
    reply: str, expected: set[Category]
) -> None:
    analysis = rules(reply)
    assert analysis.ground is None and {c.category for c in analysis.categories} == expected, (
        reply, analysis.ground, analysis.categories)


@pytest.mark.parametrize(
    "reply",
    [
        # praise aimed at a mishap
        "We loved the bit where the puppet's arm fell off mid-song and you kept going as if nothing had happened.",
        "Nous avons adoré le moment où le décor s'est effondré pendant votre numéro.",
        "On a adoré quand tu as continué ton numéro comme si de rien n'était, le nez de clown par terre.",
    ],
)
def test_praise_aimed_at_a_mishap_is_malicious(reply: str) -> None:
    assert rules(reply).kind is Kind.MALICIOUS, reply


@pytest.mark.parametrize(
    "reply",
    [
        # guards: praise for not carrying on as if nothing had happened is praise
        "The head nurse loved that you stopped the drill instead of carrying on as if nothing had happened.",
        "Le chef a beaucoup aimé que tu arrêtes l'exercice au lieu de continuer comme si de rien n'était.",
    ],
)
def test_praise_for_not_carrying_on_as_if_nothing_happened_is_not_malicious(reply: str) -> None:
    assert rules(reply).kind is not Kind.MALICIOUS, reply


def test_a_practical_condition_does_not_say_it_found_zero_areas() -> None:
    analysis = rules("Tes attentes salariales sont à 34 $/h, et notre échelle plafonne à 27 $. C'est la seule raison.")
    assert analysis.kind is Kind.CONSTRUCTIVE and not analysis.categories
    assert "0 " not in analysis.kind_reason and not analysis.kind_reason.rstrip().endswith(": ."), analysis.kind_reason


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        # a spoken hesitation between commas cuts no clause
        ("We needed, um, a first aid certificate.", {SKL}),
        ("Tu n'avais pas, euh, le permis de cariste.", {SKL}),
        # a safety check or inspection done in a test
        ("You skipped the pre-trip inspection.", {INT}),
        ("Tu as oublié ta ronde de sécurité.", {INT}),
    ],
)
def test_a_hesitation_between_commas_and_a_safety_check_as_performed_are_read(
    reply: str, expected: set[Category]
) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE and {c.category for c in analysis.categories} == expected, (
        reply, analysis.kind, analysis.categories)


@pytest.mark.parametrize(
    ("reply", "ground"),
    [
        # political views placed at an extreme of left or right
        ("Le conseil a lu vos tribunes, très marquées à l'extrême droite, et a préféré ne pas donner suite.",
         Ground.POLITICAL_CONVICTIONS),
        ("Your far-left posts worried the trustees, so we went another way.", Ground.POLITICAL_CONVICTIONS),
        # looks asked for through "looking the part" or a body-type image
        ('Head office insists on cashiers "looking the part", and honestly that was it.', Ground.APPEARANCE),
        ("Our instructors have to match the athletic image on our flyers, sorry.", Ground.APPEARANCE),
        # living in a shelter
        ("Since you're staying at a men's shelter for now, the owners felt it was too unsettled.",
         Ground.SOCIAL_CONDITION),
        ("Comme vous logez dans un foyer d'hébergement, la gérante a trouvé ça trop instable.", Ground.SOCIAL_CONDITION),
        # a baby due
        ("With the baby due in March, we thought the busy season would be unfair on you.", Ground.PREGNANCY),
        ("Avec le bébé attendu pour l'été, on a jugé le calendrier trop serré.", Ground.PREGNANCY),
        # a generation named by the parents
        ("The crew felt someone from their grandparents' generation wouldn't mesh with them.", Ground.AGE),
        ("L'équipe trouvait que quelqu'un de la génération de leurs parents ne collerait pas.", Ground.AGE),
        # a union named or joined
        ("Your old boss says you signed half the warehouse up with the Teamsters; we don't want that here.",
         Ground.UNION),
        ("On a su que vous aviez fait syndiquer l'équipe de nuit chez votre ancien employeur.", Ground.UNION),
        # an acronym of the candidate's own is no name
        ("Once you told us your BRCA2 status, the insurer raised the premiums question and we stopped there.",
         Ground.GENETIC),
        # a quoted "of ours" said of a person or a service
        ("Pour la réception, le château veut quelqu'un « du pays », je le crains.", Ground.ORIGIN),
        ("Nos habitués veulent un accueil plus « de chez nous », tu comprends.", Ground.ORIGIN),
        # a single parent named with « maman » / « papa »
        ("Comme tu es papa monoparental, on a pensé que les soirs seraient trop lourds.", Ground.CIVIL_STATUS),
        # a named condition of the candidate's, with a word before it or a type after it
        ("Because your juvenile arthritis can flare, the partners thought the shop floor would be too hard.",
         Ground.DISABILITY),
        ("Votre diabète de type 1 inquiète la direction pour les sorties en montagne.", Ground.DISABILITY),
    ],
)
def test_grounds_in_heldout15s_forms_are_flagged(reply: str, ground: Ground) -> None:
    analysis = rules(reply)
    assert analysis.ground is ground and analysis.kind is Kind.MALICIOUS, (reply, analysis.ground)


@pytest.mark.parametrize(
    "reply",
    [
        # guards: the same words about the job, the public or a lab's work are no ground
        "You're taking over the volunteer program at our animal shelter, so the role needs a vet tech licence.",
        "Le poste consiste à animer le refuge pour chiens; il fallait un diplôme en santé animale, que vous n'avez pas.",
        "Our clinic runs BRCA1 screening for families, and the role needs two years of sequencing experience.",
        "Le laboratoire travaille sur le diabète de type 2; il nous fallait quelqu'un qui maîtrise la cytométrie.",
        "Merci, Madame. Avec votre nom et votre numéro, nous vous rappellerons à la prochaine ouverture.",
    ],
)
def test_heldout15s_cues_said_of_the_job_or_the_public_are_no_ground(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.ground is None and analysis.kind is not Kind.MALICIOUS, (reply, analysis.ground, analysis.kind)


@pytest.mark.parametrize(
    "reply",
    [
        # a job the candidate cannot leave before a date; pay too far from the scale, « le blocage », « au maximum »
        "Thanks for following up. The kitchen has to open with you from June 3, and you can't leave the bakery until August.",
        "Merci Julie. Tes attentes salariales sont trop loin de notre grille pour ce poste, voilà tout.",
        "Bonjour Paul, le blocage, c'est le salaire demandé : 41 k€ quand le budget du poste est de 34 k€.",
        "Bonjour, la convention nous autorise un salaire de 2 100 € brut au maximum, et vous demandez 2 500 €.",
    ],
)
def test_heldout15s_practical_conditions_are_constructive_with_no_area(reply: str) -> None:
    analysis = rules(reply)
    assert analysis.kind is Kind.CONSTRUCTIVE and not analysis.categories and analysis.ground is None, (
        reply, analysis.kind, analysis.categories)


@pytest.mark.parametrize(
    "reply",
    [
        # a participle written as an infinitive (« jamais encadrer ») still says the experience is missing
        "Salut Marc, t'as jamais diriger une brigade, c'est pour ça qu'on a pris quelqu'un d'autre.",
        "Bonjour, vous n'avez encore jamais piloter de chantier, et le poste l'exige dès le premier jour.",
    ],
)
def test_a_missing_experience_with_the_participle_as_an_infinitive_is_read(reply: str) -> None:
    analysis = rules(reply)
    assert {c.category for c in analysis.categories} == {EXP} and analysis.kind is Kind.CONSTRUCTIVE, (
        reply, analysis.categories, analysis.kind)
