"""In a real browser: an over-long paste is kept and explained, and no payload becomes a live element or runs a script.

AppTest sees the Markdown the server sends; only a browser shows what it
becomes. Guards against: Streamlit's max_chars silently ignoring a pasted reply
longer than the limit (the box stayed empty, with no message), and any payload
turning into an image, a link, a frame or a handler in the DOM.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hardening_support import FORM_FIELDS, ROOT
from rebond.models import REPLY_MAX_CHARS
from test_output_safety import PAYLOADS, REPLY, _form

from tests.streamlit_app import CHROMIUM, CHROMIUM_ARGS, running_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium"),
]
LABELS = {
    "draft_candidate_name": "Votre nom", "draft_recruiter_name": "Recruteur ou recruteuse", "draft_company": "Organisation",
    "draft_role": "Poste", "draft_rejection_message": "Message de refus reçu", "draft_notes": "Vos notes sur l'entrevue",
}  # fmt: skip
# Anything a payload could have become; none of it belongs on Rebond's pages. (A bare
# http(s) URL in someone's text does become a link, as in any mail client: not listed.)
LIVE_SELECTOR = (
    "img[src*='rbx'], img[src='x'], iframe, a[href^='javascript:'], a[href^='data:'], svg[onload], details[ontoggle], "
    "rbx-custom, [onerror], [onclick], [onload], [ontoggle], math, mi"
)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """`streamlit run app.py` offline on a free loopback port, and one Chromium page."""
    from playwright.sync_api import sync_playwright

    tmp = tmp_path_factory.mktemp("browser-hardening")
    _saved_payloads(tmp / "journal.sqlite3")
    with running_app(tmp, cwd=tmp) as url:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            tab = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="fr-CA")
            tab.set_default_timeout(15_000)
            tab.base_url = url  # type: ignore[attr-defined]
            yield tab
            browser.close()


def _saved_payloads(path: Path) -> None:
    """A journal whose last draft has payloads in every field and whose last analysis read a payload reply.

    The app restores both on load, so one page visit shows every field without
    typing each one (typing costs a rerun per field).
    """
    from rebond.analyse import analyse_reply
    from rebond.compose import compose
    from rebond.journal import Journal
    from rebond.models import AnalysisRequest, DraftRequest, InterviewContext

    values = {field: _form()[key] for key, field in FORM_FIELDS.items()}
    request = DraftRequest(context=InterviewContext(**values))
    journal = Journal(path)
    app_id, _ = journal.save_draft(request, compose(request))
    journal.save_analysis(REPLY, analyse_reply(AnalysisRequest(reply=REPLY)), app_id)


def _settled(page) -> None:
    page.wait_for_timeout(150)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=15_000)


def _assert_inert(page, where: str) -> None:
    _settled(page)
    assert page.evaluate("window.rbx") is None, f"{where}: a payload ran"
    live = page.evaluate(
        """sel => Array.from(document.querySelectorAll(sel)).map(el => el.outerHTML.slice(0, 160)).concat(
               Array.from(document.querySelectorAll('style, script'))
                   .filter(el => /rbx|display:none}/.test(el.textContent)).map(el => el.outerHTML.slice(0, 160)))""",
        LIVE_SELECTOR,
    )
    assert live == [], f"{where}: {live}"


def test_payloads_stay_text_and_a_long_paste_is_kept(page) -> None:
    page.goto(page.base_url)
    page.get_by_role("heading", name="Demander une rétroaction").wait_for()
    page.locator("[data-testid='stCode']").filter(has_text="Camille").first.wait_for()
    _assert_inert(page, "draft page")
    main = page.locator("[data-testid='stMain']")
    assert "rbx" in main.inner_text(), "the payloads are shown, as text"
    page.locator("summary").filter(has_text="Détails de l'entrevue").click()  # closed on a returning visit
    page.get_by_role("textbox", name=LABELS["draft_notes"], exact=True).wait_for()
    _assert_inert(page, "draft page, details open")
    for key in ("draft_company", "draft_notes"):  # restored into the form as typed
        assert page.get_by_role("textbox", name=LABELS[key], exact=True).input_value() == _form()[key]

    page.get_by_role("link", name="Analyser une réponse").click()
    page.get_by_role("heading", name="Ce que la réponse pointe").wait_for()
    _assert_inert(page, "analyse page")
    assert "rbx" in main.inner_text()

    # A reply longer than the limit: kept in the box (not silently refused), and explained.
    box = page.get_by_role("textbox", name="Réponse du recruteur", exact=True)
    too_long = "Merci pour votre intérêt. " + "é" * REPLY_MAX_CHARS
    box.fill(too_long)
    box.press("Tab")
    _settled(page)
    assert len(box.input_value()) == len(too_long), "the paste was refused"
    page.get_by_role("button", name="Analyser la réponse").click()
    error = page.get_by_text(f"la limite est de {REPLY_MAX_CHARS}")
    error.wait_for()
    assert f"{len(too_long)} caractères" in error.inner_text()

    page.get_by_role("link", name="Journal").click()
    page.get_by_role("heading", name="Journal").wait_for()
    page.locator("[data-testid='stExpander']").first.click()
    _assert_inert(page, "journal page")
    assert len(PAYLOADS) >= 20
