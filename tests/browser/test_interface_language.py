"""Everything in the interface language, and what a screen reader hears, in a real browser.

Guards against Streamlit's own English ("Choose an option", "Copy to clipboard", "Help for …", "dd/mm/yyyy",
"Skip to main content") and the contract's English error texts showing in the French interface, French
left in the English one, checks read only as ✓/✗, and unnamed badges, cards and draft blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from browser_support import ARTIFACTS, chromium, commit, new_page, open_expanders, open_page, settled, shot
from tests.streamlit_app import CHROMIUM, running_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium"),
]

# Words of the other language that no string of this interface uses (so each hit is a leak, not a homograph:
# "content", "main", "long", "option", "record" are French words too, and stay out of the English list).
ENGLISH = {
    "the", "and", "your", "you", "choose", "select", "copy", "clipboard", "skip", "press", "enter", "apply",
    "characters", "limit", "is", "too", "open", "close", "help", "please", "error", "empty", "day", "month",
    "year", "today", "search", "clear", "with", "for", "this", "that", "from", "deploy", "rerun", "running",
    "loading", "sidebar", "collapse", "expand", "link", "heading", "dd", "yyyy",
}  # fmt: skip
FRENCH = {
    "le", "les", "des", "du", "une", "et", "votre", "vos", "pour", "avec", "réponse", "courriel", "entrevue",
    "aucun", "aucune", "dans", "sur", "est", "pas", "vous", "nous", "merci", "bonjour", "ou", "aux", "cette",
    "brouillon", "réglages", "choisissez", "copier", "aide", "jour", "mois", "année", "jj", "aaaa", "trop",
}  # fmt: skip
LEAKS = {"fr": ENGLISH, "en": FRENCH}
# Said in its own language on purpose: the language switch names each language as its speakers do.
OWN_NAMES = {"Français", "English"}

DATA = {
    "fr": {
        "form": {"Votre nom": "Camille Tremblay", "Organisation": "Desjardins", "Poste": "Analyste de données"},
        "reply": ("Bonjour Camille,\n\nMerci pour votre message. Il vous manquait de l'expérience en gestion de "
                  "projet et nous cherchions une maîtrise plus avancée de SQL.\n\nCordialement,\nMarie Lefebvre"),
        "nav_analyse": "Analyser une réponse", "reply_box": "Réponse du recruteur", "analyse": "Analyser la réponse",
        "areas": "Ce que la réponse pointe", "nav_journal": "Journal", "nav_settings": "Réglages",
    },
    "en": {
        "form": {"Your name": "Sam Taylor", "Organisation": "Shopify", "Role": "Data analyst"},
        "reply": ("Hi Sam,\n\nThanks for your message. You lacked experience in project management and we were "
                  "looking for stronger SQL skills.\n\nBest regards,\nPriya Patel"),
        "nav_analyse": "Read a reply", "reply_box": "Recruiter's reply", "analyse": "Analyse the reply",
        "areas": "What the reply points to", "nav_journal": "Journal", "nav_settings": "Settings",
    },
}  # fmt: skip

# Visible text and the words assistive technology reads (labels, placeholders, values), Material icon
# names (drawn as icons from a ligature font) left out.
PAGE_WORDS = """() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || !node.textContent.trim() || el.closest('script, style, [aria-hidden="true"]')) continue;
        if (el.closest('[data-placeholder="true"][data-type]')) continue;  // drawn by ::after, read below
        if (/Material/.test(getComputedStyle(el).fontFamily)) continue;
        const box = el.getBoundingClientRect();
        if (!box.width && !box.height && !el.closest('.rebond-sr-only')) continue;
        out.push(node.textContent);
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title], [aria-valuetext]')) {
        for (const attr of ['aria-label', 'placeholder', 'title', 'aria-valuetext'])
            if (el.getAttribute(attr)) out.push(el.getAttribute(attr));
    }
    for (const el of document.querySelectorAll('[data-placeholder="true"][data-type]'))
        out.push(getComputedStyle(el, '::after').content.replace(/^"|"$/g, '') || el.textContent);
    return out;
}"""


def _leaks(page, lang: str) -> dict[str, str]:
    """Words of the other language on the page, each with the text it was found in."""
    found: dict[str, str] = {}
    for text in page.evaluate(PAGE_WORDS):
        text = re.sub(r"«[^»]*»", " ", text)  # a quotation keeps its own language
        for word in re.findall(r"[^\W\d_]+", text):
            if word in OWN_NAMES:
                continue
            if word.lower() in LEAKS[lang]:
                found.setdefault(word.lower(), text.strip()[:120])
    return found


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as browser:
        yield browser


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_page_speaks_only_the_interface_language(browser, tmp_path_factory, lang: str) -> None:
    data = DATA[lang]
    with running_app(tmp_path_factory.mktemp(f"language-{lang}")) as url:
        page = new_page(browser, "desktop", lang)
        leaks: dict[str, dict[str, str]] = {}

        def scan(where: str) -> None:
            settled(page)
            if found := _leaks(page, lang):
                leaks[where] = found

        for name in ("draft", "analyse", "journal", "settings"):
            open_page(page, url, name, lang)
            scan(f"{name} (empty)")
        open_page(page, url, "draft", lang)
        page.get_by_role("combobox", name=re.compile("nouvelle|news", re.I)).click()  # the open list, too
        scan("draft (a list open)")
        page.keyboard.press("Escape")
        for label, value in data["form"].items():
            commit(page.get_by_role("textbox", name=label, exact=True), value)
        page.locator("[data-testid='stCode']").first.wait_for()
        page.locator("[data-testid='stDateInputCalendarButton']").click()  # the calendar's months and days
        scan("draft (calendar open)")
        page.keyboard.press("Escape")
        open_expanders(page)  # the checks and the guidance, built once opened
        scan("draft")
        shot(page, ARTIFACTS / "language" / f"{lang}-draft.png")
        page.get_by_role("link", name=data["nav_analyse"]).click()
        commit(page.get_by_role("textbox", name=data["reply_box"], exact=True), data["reply"])
        page.get_by_role("button", name=data["analyse"]).click()
        page.get_by_role("heading", name=data["areas"]).wait_for()
        scan("analyse")
        commit(page.get_by_role("textbox", name=data["reply_box"], exact=True), "x" * 10_001)
        page.get_by_role("button", name=data["analyse"]).click()
        page.locator("[data-testid='stAlertContentError']").first.wait_for()
        scan("analyse (error)")
        shot(page, ARTIFACTS / "language" / f"{lang}-analyse-error.png")
        page.get_by_role("link", name=data["nav_journal"], exact=True).click()
        page.locator("[data-testid='stExpander'] summary").first.click()
        scan("journal")
        page.get_by_role("link", name=data["nav_settings"]).click()
        page.locator("[data-testid='stMain'] h1").first.wait_for()
        scan("settings")
        page.context.close()
    assert not leaks, "\n".join(f"{where}: {found}" for where, found in leaks.items())


def test_a_screen_reader_hears_words_and_names(browser, tmp_path_factory) -> None:
    """Checks as « réussi »/« échoué », named draft blocks, kind badge and area cards, the page in French,
    and a polite live region for finished AI text."""
    with running_app(tmp_path_factory.mktemp("screen-reader")) as url:
        page = new_page(browser, "desktop", "fr")
        open_page(page, url, "draft", "fr")
        assert page.evaluate("document.documentElement.lang") == "fr"
        for label, value in DATA["fr"]["form"].items():
            commit(page.get_by_role("textbox", name=label, exact=True), value)
        page.locator("[data-testid='stCode']").first.wait_for()
        settled(page)
        assert page.get_by_role("group", name="Objet du message").get_by_text("analyste de données").count()
        assert page.get_by_role("group", name="Corps du courriel").locator("[data-testid='stCode']").count() == 1
        assert page.locator("[data-testid='stCode'] button[aria-label='Copier dans le presse-papiers']").count() >= 2
        open_expanders(page)  # the checks passed: a failed one is shown above them, always
        checks = page.locator("[data-testid='stVerticalBlock']").filter(has_text="Salutation").filter(
            has=page.locator("[data-testid='stExpanderDetails']")).last.inner_text()
        assert checks.count("réussi") + checks.count("échoué") >= 10, checks[:300]
        live = page.locator("#rebond-live")
        assert live.get_attribute("aria-live") == "polite" and live.get_attribute("role") == "status"

        page.get_by_role("link", name="Analyser une réponse").click()
        commit(page.get_by_role("textbox", name="Réponse du recruteur", exact=True), DATA["fr"]["reply"])
        page.get_by_role("button", name="Analyser la réponse").click()
        page.get_by_role("heading", name="Ce que la réponse pointe").wait_for()
        settled(page)
        assert page.get_by_role("group", name="Type de réponse : Constructive").count() == 1
        areas = page.get_by_role("group", name=re.compile("^Domaine : "))
        assert areas.count() >= 1
        assert page.get_by_role("group", name="Réponse de remerciement").count() == 1
        page.context.close()
