"""What the accessibility, localisation and keyboard browser tests share: a Chromium, axe-core, the app's states."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.streamlit_app import CHROMIUM, CHROMIUM_ARGS, ROOT

ARTIFACTS = ROOT / "test-artifacts"
# Installed by `make test` / `.ci/run` (npm install --prefix .tools axe-core); never committed.
AXE = ROOT / ".tools" / "node_modules" / "axe-core" / "axe.min.js"
AXE_MISSING = "axe-core is not installed at .tools/node_modules/axe-core (`make axe` installs it with npm)"
# WCAG 2.1 A and AA: the level public career services must meet (SGQRI 008, RGAA).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}

VIEWPORTS = {"desktop": {"width": 1400, "height": 1000}, "phone": {"width": 390, "height": 844}}
LANGS = ("fr", "en")
PAGES = {"draft": "", "analyse": "analyse", "journal": "journal", "settings": "settings"}

CANDIDATE = "Camille Tremblay"
COMPANY = "Desjardins"
ROLE = "Analyste de données"
REPLY = (
    "Bonjour Camille,\n\nMerci pour votre message. Votre entrevue était agréable, mais il vous manquait de "
    "l'expérience en gestion de projet et nous cherchions une maîtrise plus avancée de SQL. "
    "Je vous encourage à postuler de nouveau.\n\nCordialement,\nMarie Lefebvre"
)


@contextmanager
def chromium() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def new_page(browser, viewport: str = "desktop", lang: str = "fr", **options):
    context = browser.new_context(
        viewport=VIEWPORTS[viewport], locale="fr-CA" if lang == "fr" else "en-CA", accept_downloads=True,
        has_touch=viewport == "phone", **options,
    )  # fmt: skip
    page = context.new_page()
    page.set_default_timeout(20_000)
    return page


def url_of(base: str, name: str, lang: str) -> str:
    query = "?lang=en" if lang == "en" else ""
    return f"{base}/{PAGES[name]}{query}"


def settled(page) -> None:
    """Wait until Streamlit has finished the current rerun."""
    page.wait_for_timeout(200)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=20_000)
    page.wait_for_timeout(100)


def open_page(page, base: str, name: str, lang: str) -> None:
    page.goto(url_of(base, name, lang))
    page.locator("[data-testid='stMain'] h1").first.wait_for()
    settled(page)
    page.wait_for_function("document.getElementById('rebond-style') && document.getElementById('rebond-live')")
    if name == "journal" and page.locator("[data-testid='stVegaLiteChart']").count():
        page.locator("[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg").first.wait_for()


def open_expanders(page) -> None:
    """Open every closed expander of the page's main area, one click each: the draft page builds the interview's
    details, the checks and the guidance only once they are open."""
    closed = page.locator("[data-testid='stMain'] [data-testid='stExpander'] details:not([open]) > summary")
    for _ in range(10):
        if not closed.count():
            return
        closed.first.click()
        settled(page)
    raise AssertionError("an expander does not stay open")


def commit(field, text: str) -> None:
    """Streamlit commits a text box on Enter (inputs) or when focus leaves (areas)."""
    field.fill(text)
    field.press("Tab")


def shot(page, path: Path) -> None:
    """The whole page: Streamlit scrolls inside its main area, so grow the viewport to fit it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    height = page.evaluate("document.querySelector(\"[data-testid='stMain']\").scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], min(int(height) + 40, 6000))})
    page.wait_for_timeout(1000)  # Chromium paints a tall page in tiles: an early shot shows empty boxes
    page.screenshot(path=str(path))
    page.set_viewport_size(size)


def axe(page) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now, each with its impact and the elements hit."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async tags => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200),
                                          summary: n.failureSummary}))}));
        }""",
        AXE_TAGS,
    )
    return result


def blocking(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in BLOCKING]


def describe(violations: list[dict]) -> str:
    return "; ".join(
        f"{v['id']} ({v['impact']}, {len(v['nodes'])}): " + " | ".join(n["target"] for n in v["nodes"][:4])
        for v in violations
    )


def save_report(name: str, report: dict) -> Path:
    path = ARTIFACTS / "axe" / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def overflow(page) -> list[str]:
    """Elements wider than the window: they make a phone scroll sideways (none is allowed at 390 px)."""
    return page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const wide = [];
            if (document.documentElement.scrollWidth > width) wide.push(`page ${document.documentElement.scrollWidth}px`);
            const main = document.querySelector("[data-testid='stMain']");
            if (main && main.scrollWidth > main.clientWidth + 1) wide.push(`main area ${main.scrollWidth}px`);
            for (const el of document.querySelectorAll("[data-testid='stMain'] [data-testid]")) {
                const box = el.getBoundingClientRect();
                if (box.width && box.right > width + 1 && getComputedStyle(el).position !== 'fixed')
                    wide.push(`${el.dataset.testid} ends at ${Math.round(box.right)}px`);
            }
            return wide.slice(0, 10);
        }"""
    )
