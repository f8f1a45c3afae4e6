"""The app in a real browser: fill the form, move a slider with the keyboard, download the .eml, analyse a reply, see the journal's chart.

Guards against what AppTest cannot see: widgets that do not commit, a slider the
keyboard cannot move, downloads that are empty, pages that render but show
nothing. Screenshots of each page go to test-artifacts/ for a human to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.streamlit_app import CHROMIUM, CHROMIUM_ARGS, ROOT, running_app

ARTIFACTS = ROOT / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Debian chromium is not installed at /usr/bin/chromium (apt-get install chromium)",
    ),
]

REPLY = (
    "Bonjour Camille,\n\nMerci pour votre message. Votre entrevue était agréable, mais il vous manquait de "
    "l'expérience en gestion de projet et nous cherchions une maîtrise plus avancée de SQL. "
    "Je vous encourage à postuler de nouveau.\n\nCordialement,\nMarie Lefebvre"
)


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`streamlit run app.py` on a free port, offline, with a temporary journal."""
    with running_app(tmp_path_factory.mktemp("browser")) as url:
        yield url


@pytest.fixture(scope="module")
def page(app_url: str):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True, locale="fr-CA")
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        context.close()
        browser.close()


def _draft_body(page) -> str:
    """The message body: the code block that holds the candidate's signature."""
    return page.locator("[data-testid='stCode']").filter(has_text="Camille Tremblay").first.inner_text()


def _commit(field, text: str) -> None:
    # Streamlit commits a text box on Enter (inputs) or when focus leaves (areas).
    field.fill(text)
    field.press("Tab")


def _settled(page) -> None:
    """Wait until Streamlit has finished the current rerun."""
    page.wait_for_timeout(150)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=15_000)


def _shot(page, name: str) -> None:
    """Screenshot of the whole page: Streamlit scrolls inside its main area, so grow the viewport to fit it."""
    size = page.viewport_size
    height = page.evaluate("document.querySelector(\"[data-testid='stMain']\").scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], min(int(height) + 40, 6000))})
    page.wait_for_timeout(300)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    page.set_viewport_size(size)


def test_draft_slider_download_analyse_journal(page, app_url: str) -> None:
    page.goto(app_url)
    page.get_by_role("heading", name="Demander une rétroaction").wait_for()
    _commit(page.get_by_role("textbox", name="Votre nom", exact=True), "Camille Tremblay")
    _commit(page.get_by_role("textbox", name="Recruteur ou recruteuse", exact=True), "Mme Lefebvre")
    _commit(page.get_by_role("textbox", name="Courriel du recruteur", exact=True), "marie.lefebvre@example.com")
    _commit(page.get_by_role("textbox", name="Organisation", exact=True), "Desjardins")
    _commit(page.get_by_role("textbox", name="Poste", exact=True), "Analyste de données")
    _commit(
        page.get_by_role("textbox", name="Message de refus reçu", exact=True),
        "Nous avons bien reçu votre candidature. Ceci est un message automatique, merci de ne pas y répondre.",
    )
    page.locator("[data-testid='stCode']").filter(has_text="Camille Tremblay").first.wait_for()
    _settled(page)
    assert "Desjardins" in _draft_body(page)
    page.get_by_text("Ce refus semble automatique").wait_for()
    # Checks and guidance closed, their count in the label; opened, their content is built and shown.
    checks = page.locator("[data-testid='stExpander']").filter(has_text="Vérifications de qualité")
    assert re.search(r"\d+/\d+ réussies", checks.locator("summary").inner_text())
    why = page.locator("[data-testid='stExpander']").filter(has_text="Pourquoi ce message fonctionne")
    for block in (checks, why):
        assert not block.locator("[data-testid='stExpanderDetails'] [data-testid='stMarkdown']").count()
        block.locator("summary").click()
        block.locator("[data-testid='stExpanderDetails'] [data-testid='stMarkdown']").first.wait_for()
        _settled(page)
    assert "réussi" in checks.inner_text()
    _shot(page, "1-draft")

    # Move the length slider with the keyboard only: focus its thumb, press End.
    before = _draft_body(page)
    slider = page.get_by_role("slider", name=re.compile("^Longueur"))
    slider.focus()
    slider.press("End")
    page.wait_for_function(
        "before => !Array.from(document.querySelectorAll(\"[data-testid='stCode']\"))"
        ".some(el => el.innerText === before)",
        arg=before,
    )
    _settled(page)
    assert _draft_body(page) != before
    assert slider.input_value() == "100"
    assert "réussi" in checks.inner_text(), "an opened expander stays open when a slider moves"
    _shot(page, "2-draft-after-slider")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Télécharger .eml").click()
    eml = Path(download_info.value.path()).read_bytes().decode("utf-8")
    assert download_info.value.suggested_filename.endswith(".eml")
    assert "To: marie.lefebvre@example.com" in eml
    assert "Subject:" in eml and "X-Unsent: 1" in eml
    mailto = page.get_by_role("link", name="Ouvrir dans ma messagerie").get_attribute("href") or ""
    assert mailto.startswith("mailto:marie.lefebvre@example.com?subject=")

    page.get_by_role("link", name="Analyser une réponse").click()
    page.get_by_role("heading", name="Analyser la réponse du recruteur").wait_for()
    _commit(page.get_by_role("textbox", name="Réponse du recruteur", exact=True), REPLY)
    page.get_by_role("button", name="Analyser la réponse").click()
    page.get_by_role("heading", name="Ce que la réponse pointe").wait_for()
    page.get_by_text("Expérience", exact=True).first.wait_for()
    page.get_by_role("heading", name="Réponse de remerciement").wait_for()
    _settled(page)
    _shot(page, "3-analyse")

    page.get_by_role("link", name="Journal").click()
    page.get_by_role("heading", name="Journal").wait_for()
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    chart.wait_for()
    chart.locator("canvas, svg").first.wait_for()
    page.get_by_text("Desjardins · Analyste de données").first.click()
    page.get_by_role("tab", name=re.compile(r"Brouillons \(\d+\)")).wait_for()
    _settled(page)
    _shot(page, "4-journal")
    page.get_by_role("tab", name=re.compile(r"Analyses \(1\)")).click()
    page.get_by_text("Constructive", exact=True).last.wait_for()
    _shot(page, "4b-journal-analyses")

    page.get_by_role("link", name="Réglages").click()
    page.get_by_role("heading", name="Réglages").wait_for()
    page.get_by_text("Hors ligne — aucun modèle n'est appelé").wait_for()
    _shot(page, "5-settings")

    # The interface switches to English, and a reload keeps what was typed (via the journal).
    page.get_by_role("link", name="Demander une rétroaction").click()
    # The switch must act on the draft page, not on the Settings page still finishing its run.
    page.get_by_role("heading", name="Demander une rétroaction").wait_for()
    _settled(page)
    page.get_by_text("English", exact=True).click()
    page.get_by_role("heading", name="Ask for feedback").wait_for()
    page.reload()
    page.get_by_role("heading", name="Ask for feedback").wait_for()
    page.get_by_role("link", name="Read a reply").wait_for()
    page.locator("[data-testid='stCode']").filter(has_text="Camille Tremblay").first.wait_for()
    _settled(page)
    _shot(page, "6-draft-english-after-reload")
