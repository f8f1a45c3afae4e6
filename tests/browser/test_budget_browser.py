"""The per-person LLM budget holds across two Streamlit servers, in Chromium.

Two hosted replicas on one PostgreSQL (as the app role), the local OpenID Connect test provider, and a scripted
OpenAI-compatible endpoint on loopback (``rebond.testing.ScriptedServer``); each person may use 800 tokens a day
and one call costs 876. Alice writes with the AI on the first replica; then, signed in on the second replica and
again on the first, she gets the built-in engine's draft with the notice saying why and when the budget resets,
and no call goes out. Bob, on the second replica, still gets the AI.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from demo.hosted import TEST_USERS, hosted_replicas, running_provider
from rebond.compose import compose
from rebond.models import DraftRequest, InterviewContext, Tone
from rebond.testing import USAGE, Answer, ScriptedServer, sse_events
from tests.storage.conftest import TRUNCATED
from tests.streamlit_app import CHROMIUM, CHROMIUM_ARGS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not installed (apt-get install -y chromium)"),
]

ALICE, BOB = TEST_USERS
ROLE = "Analyste de données"
COMPANY = {ALICE["sub"]: "Desjardins", BOB["sub"]: "Hydro-Québec"}
DAILY_TOKENS = 800
TOKENS_PER_CALL = USAGE["total_tokens"]  # 876: one call puts a person over the budget
AI_BADGE = re.compile(r"Rédigé par l'IA")
OVER_BUDGET = "Vous avez utilisé le budget IA du jour"


def _who(request) -> dict:
    """Whose draft the app asks the model for (names are sent as they are: the endpoint is local)."""
    return ALICE if ALICE["name"].encode() in request.body else BOB


def _model_text(user: dict) -> str:
    """What a good model answers for the form the browser fills (the offline engine's wording, checks pass)."""
    context = InterviewContext(candidate_name=user["name"], company=COMPANY[user["sub"]], role=ROLE)
    request = DraftRequest(language="fr", channel="email", tone=Tone(), context=context)
    draft = compose(request)
    return f"Subject: {draft.subject}\n\n{draft.body}"


@pytest.fixture(scope="module")
def llm() -> Iterator[ScriptedServer]:
    with ScriptedServer() as server:
        yield server


@pytest.fixture(scope="module")
def replicas(postgres, llm: ScriptedServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[str]]:
    engine = create_engine(postgres.owner_url, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {', '.join(TRUNCATED)} RESTART IDENTITY CASCADE"))
    engine.dispose()
    env = {
        "REBOND_DATABASE_URL": postgres.app_url, "REBOND_ENGINE": "llm", "OPENAI_BASE_URL": llm.base_url,
        "OPENAI_API_KEY": "sk-test-budget", "REBOND_PRIVACY": "off", "REBOND_MAX_RETRIES": "0",
        "REBOND_LLM_DAILY_TOKENS": str(DAILY_TOKENS),
    }  # fmt: skip
    work = tmp_path_factory.mktemp("budget-replicas")
    with running_provider(work) as issuer, hosted_replicas(work, issuer, 2, env) as urls:
        yield urls


def _settled(page) -> None:
    page.wait_for_timeout(300)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=60_000)


def _sign_in(browser, url: str, user: dict):
    page = browser.new_context(locale="fr-CA", viewport={"width": 1300, "height": 1000}).new_page()
    page.set_default_timeout(60_000)  # a busy 2-core machine: other browser tests may run alongside
    page.goto(url)
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_role("button", name=user["sub"], exact=True).click()  # the provider's account picker
    page.get_by_text(f"Connecté·e : {user['name']}").wait_for()
    page.get_by_role("heading", name="Demander une rétroaction").wait_for()
    _settled(page)
    return page


def _fill(page, user: dict) -> None:
    for label, value in {"Votre nom": user["name"], "Organisation": COMPANY[user["sub"]], "Poste": ROLE}.items():
        field = page.get_by_role("textbox", name=label, exact=True)
        field.fill(value)
        field.press("Tab")
    page.get_by_text("✓ Enregistré dans votre journal.").wait_for()
    _settled(page)


def _write_with_ai(page) -> None:
    page.get_by_role("button", name="Écrire avec l'IA").click()
    _settled(page)


def _drafted_by_ai(browser, url: str, person: dict, llm: ScriptedServer, *, calls: int):
    """``person`` signs in on ``url``, fills the form and has the AI write the draft: no budget notice, and the
    scripted endpoint has now had ``calls`` requests in all."""
    page = _sign_in(browser, url, person)
    _fill(page, person)
    _write_with_ai(page)
    page.get_by_text(AI_BADGE).wait_for()
    assert page.get_by_text(OVER_BUDGET).count() == 0
    assert len(llm.requests) == calls
    return page


def test_the_llm_budget_holds_across_two_streamlit_replicas(replicas: list[str], llm: ScriptedServer) -> None:
    from playwright.sync_api import sync_playwright

    first, second = replicas
    llm.script(lambda request: Answer.stream(sse_events(_model_text(_who(request)))))
    tomorrow = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)).isoformat()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            # Alice, on the first replica: the AI writes her draft, and spends more than her day's budget.
            alice = _drafted_by_ai(browser, first, ALICE, llm, calls=1)

            # Alice, signed in on the second replica (her form restored from the journal): the built-in engine,
            # with the notice saying why and when the budget resets.
            elsewhere = _sign_in(browser, second, ALICE)
            elsewhere.locator("[data-testid='stCode']").filter(has_text=COMPANY[ALICE["sub"]]).first.wait_for()
            _write_with_ai(elsewhere)
            notice = elsewhere.get_by_text(OVER_BUDGET)
            notice.wait_for()
            said = notice.inner_text()
            assert f"{TOKENS_PER_CALL} sur {DAILY_TOKENS} jetons" in said and tomorrow in said, said
            assert elsewhere.get_by_text("Rédigé hors ligne").count() >= 1
            assert elsewhere.get_by_text(AI_BADGE).count() == 0
            # ...and back on the first replica, too.
            _write_with_ai(alice)
            alice.get_by_text(OVER_BUDGET).wait_for()
            assert len(llm.requests) == 1, "an over-budget person's call never goes out"

            # Bob, on the second replica: unaffected, the AI writes his draft.
            _drafted_by_ai(browser, second, BOB, llm, calls=2)
            assert _who(llm.requests[1]) is BOB
        finally:
            browser.close()
