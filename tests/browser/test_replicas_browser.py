"""Two replicas, one PostgreSQL, in Chromium: two `streamlit run` servers on REBOND_DATABASE_URL (as the app role)
act as one service. What the person writes on one is in their journal on the other, both ways.
"""

from __future__ import annotations

import os
import time
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


# -- 2 replicas x 20 concurrent writers ------------------------------------------------------------------------------

WRITERS_PER_REPLICA = 20
# 40 Streamlit pages at once are more than a 2-core machine renders in a test's time: by default 5 browser contexts
# per replica carry the 20 writers (4 applications each); REBOND_TEST_BROWSERS=20 gives every writer its own.
BROWSERS_PER_REPLICA = int(os.environ.get("REBOND_TEST_BROWSERS", "5"))
WRITER_NAME, WRITER_ROLE, SHARED = "Camille Tremblay", "Analyste de données", "Entreprise Partagée"


async def _settled_async(page) -> None:
    await page.wait_for_timeout(300)
    await page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=90_000)


async def _commit_async(page, label: str, value: str) -> None:
    field = page.get_by_role("textbox", name=label, exact=True)
    await field.fill(value)
    await field.press("Tab")
    await _settled_async(page)


async def _writer(browser, url: str, companies: list[str], start) -> None:
    """A browser on one replica: its writers' applications in turn, a slider move, then the application all share."""
    context = await browser.new_context(locale="fr-CA", viewport={"width": 1300, "height": 1000})
    try:
        await _write_own_then_shared(context, url, companies, start)
    except BaseException:
        await start.abort()  # the others must not wait for this one at the barrier
        raise
    finally:
        await context.close()


async def _write_own_then_shared(context, url: str, companies: list[str], start) -> None:
    """Open the page, wait for every writer, then write."""
    page = await context.new_page()
    page.set_default_timeout(90_000)
    await page.goto(url)
    await page.get_by_role("heading", name="Demander une rétroaction").wait_for()
    await _settled_async(page)
    await start.wait()  # every writer's page is up: from here on they all write at once
    # The page may have restored another writer's application (one person in personal mode): start a new one, and
    # type only once the server has emptied the fields (else its reply could empty what was typed meanwhile).
    company = page.get_by_role("textbox", name="Organisation", exact=True)
    if await company.input_value():
        await page.get_by_role("button", name="Nouvelle candidature").click()
        await page.wait_for_function(
            "() => !document.querySelector(\"[data-testid='stCode']\") && "
            "Array.from(document.querySelectorAll('input[type=text]')).every(e => !e.value)"
        )  # fmt: skip
        await _settled_async(page)
    for index, own in enumerate(companies):
        if index == 0:
            for label, value in (("Votre nom", WRITER_NAME), ("Organisation", own), ("Poste", WRITER_ROLE)):
                await _commit_async(page, label, value)
        else:  # another company, same person and role: another application
            await _commit_async(page, "Organisation", own)
        await page.locator("[data-testid='stCode']").filter(has_text=own).first.wait_for()
        await page.get_by_text("✓ Enregistré dans votre journal.").wait_for()
    body = page.locator(".st-key-draft_body_email [data-testid='stCode']")
    before = await body.inner_text()
    slider = page.get_by_role("slider", name="Longueur · Très court ↔ Détaillé")
    await slider.focus()
    await slider.press("End")  # refines the last draft's row, never a second one
    await page.wait_for_function(
        "before => !Array.from(document.querySelectorAll(\"[data-testid='stCode']\")).some(e => e.innerText === before)",
        arg=before,
    )  # fmt: skip
    await _settled_async(page)
    await _commit_async(page, "Organisation", SHARED)  # the same application for every writer: one row
    await page.locator("[data-testid='stCode']").filter(has_text=SHARED).first.wait_for()
    await page.get_by_text("✓ Enregistré dans votre journal.").wait_for()
    await _settled_async(page)


def test_2_replicas_x_20_concurrent_writers_lose_nothing_and_double_nothing(replicas: tuple[str, str], postgres) -> None:
    """20 writers on each replica, all at once, to one PostgreSQL through the real Streamlit servers: each writer
    saves an application of its own; then every browser saves one application they all share and moves a slider
    (which refines a draft, never adds one). Exactly one row each: 41 applications and 41 drafts.

    ``BROWSERS_PER_REPLICA`` Chromium contexts (one browser process) carry the writers, each its own Streamlit
    session, each writing ``WRITERS_PER_REPLICA / BROWSERS_PER_REPLICA`` applications in turn."""
    import asyncio

    from playwright.async_api import async_playwright

    from rebond.storage import Database, Owner, Store

    engine = create_engine(postgres.owner_url, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {', '.join(TRUNCATED)} RESTART IDENTITY CASCADE"))
    engine.dispose()
    per_browser = WRITERS_PER_REPLICA // BROWSERS_PER_REPLICA
    names = iter(f"Entreprise {n:02d}" for n in range(2 * WRITERS_PER_REPLICA))
    browsers = [(url, [next(names) for _ in range(per_browser)]) for _ in range(BROWSERS_PER_REPLICA) for url in replicas]

    async def run() -> None:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                start = asyncio.Barrier(len(browsers))
                results = await asyncio.gather(
                    *(_writer(browser, url, companies, start) for url, companies in browsers), return_exceptions=True
                )  # fmt: skip
            finally:
                await browser.close()
        failed = [r for r in results if isinstance(r, BaseException)]
        assert not failed, f"{len(failed)} of {len(browsers)} browsers failed: {failed[:3]}"

    started = time.perf_counter()
    asyncio.run(run())
    database = Database(postgres.app_url)
    try:
        counts = Store(database, Owner.local()).counts()
        companies = sorted(app.company for app in Store(database, Owner.local()).applications())
    finally:
        database.dispose()
    writers = 2 * WRITERS_PER_REPLICA
    print(f"\n{writers} writers in {len(browsers)} browser contexts on 2 replicas, {time.perf_counter() - started:.0f} s: "
          f"{counts}")  # fmt: skip
    assert companies == sorted([*(f"Entreprise {n:02d}" for n in range(writers)), SHARED]), "none lost, none doubled"
    assert counts["applications"] == writers + 1 and counts["drafts"] == writers + 1, counts
