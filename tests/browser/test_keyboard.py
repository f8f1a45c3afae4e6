"""Keyboard only, in a real browser: fill the context, move a slider, copy, download, analyse, export, save
the preferences, delete an application with its confirmation. Every focus stop must be visible.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser_support import ARTIFACTS, REPLY, chromium, new_page, open_page, settled, shot
from tests.streamlit_app import CHROMIUM, running_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium"),
]

# The focused element's name (as a screen reader would say it) and whether its focus ring shows.
FOCUS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return {name: '', visible: true, where: 'body'};
    const copy = el.cloneNode(true);  // its text without icons drawn from a ligature font, nor hidden parts
    copy.querySelectorAll('[data-testid="stIconMaterial"], [aria-hidden="true"]').forEach(n => n.remove());
    const label = el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].innerText)
        || copy.textContent || el.getAttribute('title') || '';
    const style = getComputedStyle(el);
    const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
    return {name: label.trim().replace(/\\s+/g, ' '), visible: ring, where: el.tagName + '.' + (el.dataset.testid || '')};
}"""


class Keyboard:
    """Tab and Shift+Tab to a control by its name; record any stop whose focus does not show."""

    def __init__(self, page) -> None:
        self.page = page
        self.unseen: list[str] = []

    def to(self, name: str | re.Pattern, back: bool = False, limit: int = 80) -> None:
        seen = []
        for _ in range(limit):
            self.page.keyboard.press("Shift+Tab" if back else "Tab")
            self.page.wait_for_timeout(60)
            focus = self.page.evaluate(FOCUS)
            if focus["where"] == "DIV.stCode":
                self.page.wait_for_timeout(400)  # its copy button fades in when the block takes focus
            if not focus["visible"]:
                self.unseen.append(f"{focus['where']} «{focus['name'][:40]}»")
            seen.append(focus["name"][:30])
            if (name.search(focus["name"]) if isinstance(name, re.Pattern) else focus["name"] == name):
                return
        raise AssertionError(f"{name!r} not reached by keyboard; stops: {seen}")

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)
        settled(self.page)


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_app(tmp_path_factory.mktemp("keyboard")) as url:
        yield url


def test_every_action_by_keyboard_alone_with_focus_always_visible(app_url: str) -> None:
    with chromium() as browser:
        page = new_page(browser, "desktop", "fr")
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
        keys = Keyboard(page)
        open_page(page, app_url, "draft", "fr")
        page.locator("body").focus()

        # Fill the context: each field reached by Tab, typed, left by Tab (which commits it).
        for field, text in (("Votre nom", "Camille Tremblay"), ("Organisation", "Desjardins"),
                            ("Poste", "Analyste de données")):  # fmt: skip
            keys.to(field)
            page.keyboard.type(text)
            keys.press("Enter")
        draft = page.locator("[data-testid='stCode']").filter(has_text="Camille Tremblay").first
        draft.wait_for()
        before = draft.inner_text()

        # Move a slider: focus its thumb, End.
        keys.to(re.compile("^Longueur"))
        keys.press("End")
        page.wait_for_function(
            "before => !Array.from(document.querySelectorAll(\"[data-testid='stCode']\")).some(e => e.innerText === before)",
            arg=before,
        )
        settled(page)
        assert page.get_by_role("slider", name=re.compile("^Longueur")).input_value() == "100"

        # Copy the message body with its copy button (the block takes focus, then its button).
        keys.to(re.compile("^Bonjour"))
        keys.to("Copier dans le presse-papiers")
        keys.press("Enter")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert "Camille Tremblay" in copied

        # Download the draft.
        keys.to("Télécharger .txt")
        with page.expect_download() as download:
            page.keyboard.press("Enter")
        assert "Desjardins" in Path(download.value.path()).read_text(encoding="utf-8")

        # Open the checks (built only once opened): Enter on the expander's title, whose focus stays there.
        keys.to(re.compile("^Vérifications de qualité"))
        keys.press("Enter")
        page.get_by_text("✓ réussi").first.wait_for()
        assert page.evaluate(FOCUS)["name"].startswith("Vérifications de qualité")
        shot(page, ARTIFACTS / "keyboard" / "1-draft.png")

        # Analyse a reply: the page link (back up to the sidebar), the reply box, the button.
        keys.to("Analyser une réponse", back=True)
        keys.press("Enter")
        page.get_by_role("heading", name="Analyser la réponse du recruteur").wait_for()
        keys.to("Réponse du recruteur")
        page.keyboard.insert_text(REPLY)
        keys.to("Analyser la réponse")
        keys.press("Enter")
        page.get_by_role("heading", name="Ce que la réponse pointe").wait_for()
        settled(page)
        shot(page, ARTIFACTS / "keyboard" / "2-analyse.png")

        # Save the preferences.
        keys.to("Réglages", back=True)
        keys.press("Enter")
        page.get_by_role("heading", name="Réglages").wait_for()
        keys.to("Enregistrer")
        # A toast shows for a few seconds only: look for it at once, not after the rerun has settled (under
        # load the rerun can outlast it).
        page.keyboard.press("Enter")
        page.get_by_text("Préférences enregistrées.").wait_for()
        settled(page)

        # The journal: export it, open the entry, delete it with its confirmation.
        keys.to("Journal", back=True)
        keys.press("Enter")
        page.get_by_role("heading", name="Journal").wait_for()
        settled(page)
        keys.to("Exporter en CSV")
        with page.expect_download() as download:
            page.keyboard.press("Enter")
        assert "Desjardins" in Path(download.value.path()).read_text(encoding="utf-8")
        keys.to(re.compile("^Desjardins · Analyste de données"))
        keys.press("Enter")
        keys.to("Supprimer")
        keys.press("Enter")
        keys.to("Oui, supprimer")
        page.keyboard.press("Enter")
        page.get_by_text("Candidature supprimée.").wait_for()
        settled(page)
        assert not page.get_by_text("Desjardins · Analyste de données").count()
        shot(page, ARTIFACTS / "keyboard" / "3-journal-after-delete.png")
        page.context.close()
    assert not keys.unseen, f"focus not visible at: {sorted(set(keys.unseen))}"
