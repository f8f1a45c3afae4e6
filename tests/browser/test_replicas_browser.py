"""Two replicas, one PostgreSQL, in Chromium: two `streamlit run` servers on REBOND_DATABASE_URL (as the app role)
act as one service. What the person writes on one is in their journal on the other, both ways.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from tests.storage.conftest import TRUNCATED
from tests.streamlit_app import CHROMIUM, CHROMIUM_ARGS, running_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not installed (apt-get install -y chromium)"),
]


@pytest.fixture(scope="module")
def replicas(postgres, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    engine = create_engine(postgres.owner_url, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {', '.join(TRUNCATED)} RESTART IDENTITY CASCADE"))
    engine.dispose()
    env = {"REBOND_DATABASE_URL": postgres.app_url}
    tmp = tmp_path_factory.mktemp("replicas")
    with running_app(tmp, extra_env=env) as first, running_app(tmp, extra_env=env) as second:
        yield first, second


def _commit(field, value: str) -> None:
    field.fill(value)
    field.press("Tab")


def _write(page, url: str, company: str) -> None:
    page.goto(url)
    page.get_by_role("heading", name="Demander une rétroaction").wait_for()
    _commit(page.get_by_role("textbox", name="Votre nom", exact=True), "Camille Tremblay")
    _commit(page.get_by_role("textbox", name="Organisation", exact=True), company)
    _commit(page.get_by_role("textbox", name="Poste", exact=True), "Analyste de données")
    page.locator("[data-testid='stCode']").filter(has_text=company).first.wait_for()
    page.wait_for_timeout(300)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=15_000)


def _journal(page, url: str, company: str) -> None:
    page.goto(f"{url}/journal")
    page.get_by_role("heading", name="Journal").wait_for()
    page.get_by_text(f"{company} · Analyste de données").first.wait_for()


def test_the_same_journal_on_both_replicas(replicas: tuple[str, str]) -> None:
    from playwright.sync_api import sync_playwright

    first, second = replicas
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            one = browser.new_context(locale="fr-CA").new_page()
            two = browser.new_context(locale="fr-CA").new_page()
            for page in (one, two):
                page.set_default_timeout(20_000)
            _write(one, first, "Replique Un")
            _journal(two, second, "Replique Un")
            _write(two, second, "Replique Deux")
            _journal(one, first, "Replique Deux")
            one.get_by_text("Replique Un · Analyste de données").first.wait_for()  # both rows, on either replica
        finally:
            browser.close()
