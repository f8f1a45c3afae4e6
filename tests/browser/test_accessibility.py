"""axe-core (WCAG 2.1 A/AA) on every page, in both interface languages, at desktop width and on a 390 px phone.

States: empty (a new journal), with a draft, an analysis and journal entries (a journal filled through the
page), and with an error shown; the light theme, and the dark one with content. Any serious or critical
violation fails, and so does anything wider than the phone's screen. Every violation of every page goes to
test-artifacts/axe/, next to a screenshot of the page it was found on.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from browser_support import (
    AXE, AXE_MISSING, CANDIDATE, COMPANY, LANGS, PAGES, REPLY, ROLE, VIEWPORTS, ARTIFACTS, axe, blocking, chromium,
    commit, describe, new_page, open_expanders, open_page, overflow, save_report, settled, shot,
)  # fmt: skip
from tests.streamlit_app import CHROMIUM, running_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium"),
    pytest.mark.skipif(not AXE.exists(), reason=AXE_MISSING),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def empty_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_app(tmp_path_factory.mktemp("axe-empty")) as url:
        yield url


@pytest.fixture(scope="module")
def full_app(tmp_path_factory: pytest.TempPathFactory, browser) -> Iterator[str]:
    """A journal with a draft and an analysis, written through the page as a person would."""
    with running_app(tmp_path_factory.mktemp("axe-full")) as url:
        page = new_page(browser)
        open_page(page, url, "draft", "fr")
        for label, value in {"Votre nom": CANDIDATE, "Recruteur ou recruteuse": "Mme Lefebvre",
                             "Organisation": COMPANY, "Poste": ROLE}.items():  # fmt: skip
            commit(page.get_by_role("textbox", name=label, exact=True), value)
        page.locator("[data-testid='stCode']").filter(has_text=CANDIDATE).first.wait_for()
        settled(page)
        page.get_by_role("link", name="Analyser une réponse").click()
        commit(page.get_by_role("textbox", name="Réponse du recruteur", exact=True), REPLY)
        page.get_by_role("button", name="Analyser la réponse").click()
        page.get_by_role("heading", name="Ce que la réponse pointe").wait_for()
        settled(page)
        page.context.close()
        yield url


def _check(browser, base: str, state: str, lang: str, viewport: str, steps, scheme: str = "light") -> None:
    """Open each page, bring it to the state, run axe; fail on serious or critical violations."""
    page = new_page(browser, viewport, lang, color_scheme=scheme)
    if scheme != "light":
        state = f"{state}-{scheme}"
    report: dict[str, list[dict]] = {}
    too_wide: dict[str, list[str]] = {}
    try:
        for name, prepare in steps:
            open_page(page, base, name, lang)
            prepare(page, lang)
            settled(page)
            report[name] = axe(page)
            if viewport == "phone" and (wide := overflow(page)):
                too_wide[name] = wide
            shot(page, ARTIFACTS / "axe" / f"{state}-{lang}-{viewport}-{name}.png")
    finally:
        page.context.close()
        save_report(f"{state}-{lang}-{viewport}", report)
    failures = {name: blocking(found) for name, found in report.items() if blocking(found)}
    assert not failures, "; ".join(f"{name}: {describe(found)}" for name, found in failures.items())
    assert not too_wide, f"wider than a {VIEWPORTS['phone']['width']} px phone: {too_wide}"


def _as_is(page, lang: str) -> None:
    return None


def _draft_opened(page, lang: str) -> None:
    """The draft with the interview's details, every check and the guidance shown: what is built only when opened."""
    page.locator("[data-testid='stCode']").filter(has_text=CANDIDATE).first.wait_for()
    open_expanders(page)
    page.get_by_text("✓ réussi" if lang == "fr" else "✓ passed").first.wait_for()


def _open_first_entry(page, lang: str) -> None:
    """Journal entries show their contents, the drafts and the analyses tab."""
    page.locator("[data-testid='stExpander'] summary").first.click()
    settled(page)
    page.get_by_role("tab").nth(1).click()


def _over_long_reply(page, lang: str) -> None:
    """A reply past the limit: the page names the field and the limit in an error box."""
    box = page.locator("[data-testid='stTextArea'] textarea").first
    commit(box, "Merci. " + "é" * 10_001)
    settled(page)
    page.locator("[data-testid='stMain'] button[kind='primary']").first.click()
    page.locator("[data-testid='stAlertContentError']").first.wait_for()


def _over_long_company(page, lang: str) -> None:
    """An organisation name past its limit: the draft column says which field and what limit."""
    page.locator("[data-testid='stCode']").filter(has_text=CANDIDATE).first.wait_for()  # the journal's form is back
    commit(page.get_by_role("textbox", name="Organisation", exact=True), "Desjardins " * 20)
    page.locator("[data-testid='stAlertContentError']").first.wait_for()


STEPS = {
    "empty": [(name, _as_is) for name in PAGES],
    "filled": [("draft", _draft_opened), ("analyse", _as_is), ("journal", _open_first_entry), ("settings", _as_is)],
    "error": [("draft", _over_long_company), ("analyse", _over_long_reply)],
}


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("lang", LANGS)
def test_empty_pages_have_no_serious_violation(browser, empty_app: str, lang: str, viewport: str) -> None:
    _check(browser, empty_app, "empty", lang, viewport, STEPS["empty"])


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("lang", LANGS)
def test_pages_with_a_draft_an_analysis_and_entries_have_no_serious_violation(
    browser, full_app: str, lang: str, viewport: str
) -> None:
    _check(browser, full_app, "filled", lang, viewport, STEPS["filled"])


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("lang", LANGS)
def test_pages_showing_an_error_have_no_serious_violation(browser, full_app: str, lang: str, viewport: str) -> None:
    _check(browser, full_app, "error", lang, viewport, STEPS["error"])


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("lang", LANGS)
def test_dark_theme_has_no_serious_violation(browser, full_app: str, lang: str, viewport: str) -> None:
    """The dark theme (the system's setting) with a draft, an analysis, entries and an error."""
    _check(browser, full_app, "filled", lang, viewport, STEPS["filled"] + STEPS["error"], scheme="dark")
