// What Streamlit does not let a page say for assistive technology, set on the page by one small script
// (common.accessibility). DATA is filled in by Python: the interface language, accessible names for keyed
// containers, Streamlit's own English labels with their version in the interface language, and
// views/style.css, put in the document's head (st.html drops a style element that is not alone).
(function () {
  const data = __DATA__;
  const doc = window.document;
  const state = window.__rebondA11y || (window.__rebondA11y = { names: {} });
  state.lang = data.lang;
  state.names = Object.assign(state.names, data.names);
  state.words = data.words; // [[English, local, "exact" | "prefix"], ...]

  function local(text) {
    if (!text) return null;
    for (const [english, mine, how] of state.words) {
      if (how === "exact" && text === english) return mine;
      if (how === "prefix" && text.startsWith(english)) return mine + text.slice(english.length);
    }
    return null;
  }

  let sheet = doc.getElementById("rebond-style");
  if (!sheet) {
    sheet = doc.createElement("style");
    sheet.id = "rebond-style";
    doc.head.appendChild(sheet);
  }
  if (sheet.textContent !== data.style) sheet.textContent = data.style;

  function apply() {
    // 3.1.1: the page's language is the interface's, so a screen reader speaks French in French.
    if (doc.documentElement.lang !== state.lang) doc.documentElement.lang = state.lang;
    for (const [key, label] of Object.entries(state.names)) {
      for (const el of doc.querySelectorAll(".st-key-" + CSS.escape(key))) {
        if (el.getAttribute("aria-label") !== label) {
          el.setAttribute("role", "group");
          el.setAttribute("aria-label", label);
        }
      }
    }
    for (const el of doc.querySelectorAll("[aria-label], [title], input[placeholder], [aria-valuetext]")) {
      for (const attr of ["aria-label", "title", "placeholder", "aria-valuetext"]) {
        const mine = local(el.getAttribute(attr));
        if (mine !== null && mine !== el.getAttribute(attr)) el.setAttribute(attr, mine);
      }
      // Material icons are named by their code ("offline_bolt icon"): decoration, not words.
      const name = el.getAttribute("aria-label");
      if (name && /^[a-z0-9_]+ icon$/.test(name)) {
        el.removeAttribute("aria-label");
        el.setAttribute("aria-hidden", "true");
      }
    }
    for (const el of doc.querySelectorAll("a, [role='dialog'] *, [data-baseweb='popover'] *")) {
      if (el.children.length) continue; // text only: the skip link, the calendar's keyboard hint
      const mine = local(el.textContent);
      if (mine !== null && mine !== el.textContent) el.textContent = mine;
    }
    let live = doc.getElementById("rebond-live");
    if (!live) {
      // Polite: finished AI text is announced once, after what the person is hearing.
      live = doc.createElement("div");
      live.id = "rebond-live";
      live.className = "rebond-sr-only";
      live.setAttribute("role", "status");
      live.setAttribute("aria-live", "polite");
      doc.body.appendChild(live);
    }
  }

  if (!state.observer) {
    state.observer = new MutationObserver(function () {
      if (state.pending) return;
      state.pending = true;
      window.requestAnimationFrame(function () {
        state.pending = false;
        apply();
      });
    });
    state.observer.observe(doc.body, { childList: true, subtree: true });
  }
  apply();
})();
