"""Hosted mode in a real browser, through the real OpenID Connect redirects of a local test provider.

Alice and Bob sign in from separate browser contexts. Bob must find none of Alice's canary strings on any
page (page HTML, hidden parts included, and every input's value) nor in any file he downloads; an anonymous
visitor sees only the sign-in page; after Alice signs out, her browser shows none of her data either.
Screenshots: test-artifacts/hosted-*.png.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser_support import open_expanders
from demo.hosted import TEST_USERS, free_port, running_provider, running_rebond, write_secrets
from tests.streamlit_app import CHROMIUM, CHROMIUM_ARGS, ROOT

ARTIFACTS = ROOT / "test-artifacts"
PAGES = {"/": "Demander une rétroaction", "/analyse": "Analyser la réponse du recruteur", "/journal": "Journal",
         "/settings": "Réglages"}  # fmt: skip
ALICE, BOB = TEST_USERS
# Every field Alice types, each with its own canary, so a leak says which field leaked.
ALICE_FORM = {
    "Votre nom": "Aurelie KQX1candidate",
    "Recruteur ou recruteuse": "Mme KQX2recruiter",
    "Organisation": "KQX3company Inc",
    "Poste": "KQX4role analyst",
    "Message de refus reçu": "Merci KQX5rejection pour votre candidature.",
    "Vos notes sur l'entrevue": "KQX6notes question sur SQL",
}
ALICE_REPLY = "Bonjour, il vous manquait de l'expérience en SQL KQX7reply. Bonne chance."
CANARIES = [*(re.search(r"KQX\d\w+", v).group(0) for v in ALICE_FORM.values()), "KQX7reply", "Alice Martin"]
BOB_FORM = {"Votre nom": "Bruno Roy", "Organisation": "Bobco Ltd", "Poste": "Developer"}
SEARCHED: list[str] = []  # "where" for each place searched, for the summary

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The test provider and Rebond in hosted mode, both on 127.0.0.1, stopped after the module."""
    work = tmp_path_factory.mktemp("hosted")
    port = free_port()
    with running_provider(work) as issuer:
        secrets_file = write_secrets(work / "secrets.toml", f"http://127.0.0.1:{port}", issuer)
        with running_rebond(work, secrets_file, port) as url:
            yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _context(browser):
    context = browser.new_context(viewport={"width": 1300, "height": 1000}, accept_downloads=True, locale="fr-CA")
    context.set_default_timeout(20_000)
    return context


def _settled(page) -> None:
    page.wait_for_timeout(300)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=20_000)


def _open(page, url: str, heading: str) -> None:
    page.goto(url)
    page.get_by_role("heading", name=heading, exact=True).first.wait_for()
    _settled(page)


def _sign_in(page, url: str, user: dict) -> None:
    _open(page, url, "Connexion")
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_role("button", name=user["sub"], exact=True).click()  # the provider's account picker
    page.get_by_role("heading", name=PAGES["/"]).wait_for()
    page.get_by_text(f"Connecté·e : {user['name']}").wait_for()
    _settled(page)


def _commit(field, text: str) -> None:
    field.fill(text)
    field.press("Tab")


def _fill(page, form: dict[str, str]) -> None:
    for label, value in form.items():
        _commit(page.get_by_role("textbox", name=label, exact=True), value)
    page.get_by_text("✓ Enregistré dans votre journal.").wait_for()
    _settled(page)


def _shown(page) -> str:
    """Everything the page holds: its HTML (collapsed and hidden parts too) and the value of every input."""
    values = page.evaluate("Array.from(document.querySelectorAll('input, textarea, select')).map(e => e.value)")
    return page.content() + "\n" + "\n".join(values)


def _downloads(page) -> dict[str, str]:
    """Every enabled download button on the page, clicked; file name -> text."""
    files = {}
    buttons = page.locator("[data-testid='stDownloadButton'] button")
    for index in range(buttons.count()):
        button = buttons.nth(index)
        if button.is_disabled():
            continue
        with page.expect_download() as info:
            button.click()
        files[info.value.suggested_filename] = Path(info.value.path()).read_text(encoding="utf-8", errors="replace")
    return files


def _assert_none_of_alices(page, where: str) -> None:
    text = _shown(page)
    found = [canary for canary in CANARIES if canary in text]
    SEARCHED.append(where)
    assert not found, f"{where}: Alice's {found}"


def _shot(page, name: str) -> Path:
    """The whole page: Streamlit scrolls inside its main area, so the viewport grows to fit it."""
    path = ARTIFACTS / f"{name}.png"
    size = page.viewport_size
    height = page.evaluate("document.querySelector(\"[data-testid='stMain']\").scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], min(int(height) + 40, 4000))})
    page.wait_for_timeout(300)
    page.screenshot(path=str(path))
    page.set_viewport_size(size)
    return path


def test_two_people_anonymous_visitor_and_sign_out(hosted: str, browser) -> None:
    # -- Alice signs in through the provider and leaves data everywhere ------------------------------
    alice_context = _context(browser)
    alice = alice_context.new_page()
    _sign_in(alice, hosted, ALICE)
    _fill(alice, ALICE_FORM)
    _open(alice, f"{hosted}/analyse", PAGES["/analyse"])
    _commit(alice.get_by_role("textbox", name="Réponse du recruteur", exact=True), ALICE_REPLY)
    alice.get_by_role("button", name="Analyser la réponse").click()
    alice.get_by_role("heading", name="Ce que la réponse pointe").wait_for()
    _settled(alice)
    _open(alice, f"{hosted}/journal", "Journal")
    alice.get_by_text("KQX3company Inc · KQX4role analyst").first.click()
    _settled(alice)
    alice_journal = _shot(alice, "hosted-journal-alice")
    # The search works: every canary is found on Alice's own pages and in her own export.
    _open(alice, f"{hosted}/settings", PAGES["/settings"])
    alice.locator("[data-testid='stDownloadButton'] button").first.wait_for()  # under load it renders after the heading
    mine = _downloads(alice)
    assert "rebond-my-data.json" in mine
    everything = "\n".join(mine.values())
    missing = [canary for canary in CANARIES[:-1] if canary not in everything]
    assert not missing, f"Alice's export holds all she typed; missing: {missing}"
    assert json.loads(mine["rebond-my-data.json"])["owner"]["subject"] == ALICE["sub"]

    # -- Bob, in another browser context: nothing of Alice's, before and after he has data of his own ---
    bob_context = _context(browser)
    bob = bob_context.new_page()
    _sign_in(bob, hosted, BOB)
    for stage in ("new", "with data"):
        if stage == "with data":
            _open(bob, hosted, PAGES["/"])
            _fill(bob, BOB_FORM)
        for path, heading in PAGES.items():
            _open(bob, f"{hosted}{path}", heading)
            if stage == "with data" and path == "/":  # the restored draft, with its downloads
                bob.get_by_role("button", name="Télécharger .txt").wait_for()
            if path == "/":  # what is built only once opened: the interview's details, the checks, the guidance
                open_expanders(bob)
            _assert_none_of_alices(bob, f"Bob ({stage}) {path}")
            for name, text in _downloads(bob).items():
                found = [canary for canary in CANARIES if canary in text]
                SEARCHED.append(f"Bob ({stage}) {path} download {name}")
                assert not found, f"Bob's download {name}: Alice's {found}"
    _open(bob, f"{hosted}/journal", "Journal")
    bob.get_by_text("Bobco Ltd · Developer").first.click()
    _settled(bob)
    bob_journal = _shot(bob, "hosted-journal-bob")
    _side_by_side(alice_journal, bob_journal, ARTIFACTS / "hosted-journals-side-by-side.png")

    # -- An anonymous visitor: the sign-in page at every address ---------------------------------------
    anonymous_context = _context(browser)
    anonymous = anonymous_context.new_page()
    for path in PAGES:
        _open(anonymous, f"{hosted}{path}", "Connexion")
        assert anonymous.get_by_role("textbox").count() == 0
        assert anonymous.locator("[data-testid='stSidebarNav']").count() == 0
        assert anonymous.get_by_text("Page not found").count() == 0
        _assert_none_of_alices(anonymous, f"anonymous {path}")
    _open(anonymous, hosted, "Connexion")
    _shot(anonymous, "hosted-sign-in")
    _open(anonymous, f"{hosted}/?lang=en", "Sign in")
    anonymous.get_by_role("button", name="Sign in").wait_for()
    _shot(anonymous, "hosted-sign-in-en")

    # -- Alice signs out: her browser shows none of her data -----------------------------------------
    _open(alice, hosted, PAGES["/"])
    alice.get_by_role("button", name="Se déconnecter").click()
    alice.wait_for_load_state()
    end_session = alice.get_by_role("button", name="End session")  # the provider's own sign-out step
    end_session.or_(alice.get_by_role("heading", name="Connexion")).first.wait_for()
    if end_session.count():
        end_session.click()
        alice.wait_for_load_state()
    for path in PAGES:
        _open(alice, f"{hosted}{path}", "Connexion")
        _assert_none_of_alices(alice, f"Alice after sign-out {path}")
    _shot(alice, "hosted-alice-after-sign-out")

    summary = {"pages_and_files_searched": len(SEARCHED), "strings": len(CANARIES), "found": 0, "where": SEARCHED}
    (ARTIFACTS / "hosted-canary.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(f"\ncanary search: {len(SEARCHED)} pages and files x {len(CANARIES)} strings, found 0")
    for context in (alice_context, bob_context, anonymous_context):
        context.close()


def _side_by_side(left: Path, right: Path, out: Path) -> None:
    from PIL import Image

    a, b = Image.open(left), Image.open(right)
    canvas = Image.new("RGB", (a.width + b.width + 20, max(a.height, b.height)), "white")
    canvas.paste(a, (0, 0))
    canvas.paste(b, (a.width + 20, 0))
    canvas.save(out)
