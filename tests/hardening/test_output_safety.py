"""Output safety: nothing typed or pasted renders as HTML, a script, a link or an image in the app, and no name or subject can split an .eml header.

Every payload carries the marker "rbx"; wherever the app renders text as
Markdown (bodies and labels), a payload must arrive escaped. Guards against a
page that interpolates user text into Markdown without ``md()`` (the journal's
expander label did: a company named ``![x](http://…)`` loaded a remote image).
"""

from __future__ import annotations

import datetime as dt
import email
import re
from email import policy
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hardening_support import FORM_FIELDS, REPORT, app, click, html_elements, markdown_strings, ok, widget
from rebond import exports
from rebond.compose import compose
from rebond.journal import Journal
from rebond.models import FIELD_LIMITS, Channel, Draft, DraftRequest, InterviewContext, Language

PAYLOADS = [
    "<script>window.rbx=1</script>",
    '<img src=x onerror="window.rbx=1">',
    '<svg onload="window.rbx=1">',
    '<iframe src="javascript:window.rbx=1"></iframe>',
    '<a href="javascript:window.rbx=1">rbx</a>',
    '<details open ontoggle="window.rbx=1">rbx',
    "<style>*{display:none}</style>rbx",
    '"><script>window.rbx=1</script>',
    "'><img src=x onerror=window.rbx=1>",
    "[rbx-link](javascript:window.rbx=1)",
    "![rbx-img](http://127.0.0.1:9/rbx.png)",
    "<javascript:window.rbx=1>",
    ":red[rbx-colour] :material/delete:",
    "$rbx^2$ $$\\rbx$$",
    "**rbx-bold** `rbx-code`",
    "# rbx-heading",
    "&lt;script&gt;rbx&lt;/script&gt;",
    "<!-- rbx -->",
    '<math><mi xlink:href="javascript:window.rbx=1">rbx</mi></math>',
    "[rbx-ref]: http://127.0.0.1:9/rbx",
    "<rbx-custom onclick=window.rbx=1>",
    "rbx <b>gras</b> <u>souligné</u>",
]

# Markup that would be live if it reached Markdown unescaped: a tag, a link or
# image, a colour or LaTeX span, emphasis or code around the marker.
LIVE = re.compile(r"(?<!\\)(?:<[A-Za-z!/?]|\[rbx|\]\(|\$|\*\*rbx|`rbx|:red\[)")
# The checklist's own status mark opens each line; only what follows it can carry a payload.
# "✓ réussi" / "✗ échoué" opening each line of the checks list: the page's own marks, not the user's text.
OWN_STATUS = re.compile(r"(?m)^(?:- )?:(?:red|green)\[\*\*[✓✗] [^*\]]+\*\*\] · ")


def _spread(limit: int, start: int) -> str:
    """As many payloads as fit in a field, starting at a different one for each field."""
    out = ""
    for payload in PAYLOADS[start:] + PAYLOADS[:start]:
        if len(out) + len(payload) + 1 > limit:
            break
        out += payload + " "
    return out.strip()


def _form() -> dict[str, str]:
    values = {}
    for index, (key, field) in enumerate(FORM_FIELDS.items()):
        values[key] = _spread(FIELD_LIMITS[field], index * 3)
    # Required fields start with a letter, so the draft page has a draft to show.
    for key in ("draft_candidate_name", "draft_company", "draft_role"):
        values[key] = ("Camille " if key == "draft_candidate_name" else "X ") + values[key][: FIELD_LIMITS[FORM_FIELDS[key]] - 8]
    return values


REPLY = (
    "Bonjour,\n\nMerci pour votre message. Il vous manquait de l'expérience en gestion de projet "
    + " ".join(PAYLOADS)
    + " et nous cherchions une maîtrise plus avancée de SQL "
    + " ".join(PAYLOADS[::-1])
    + ".\n\nCordialement"
)


def _assert_inert(at, where: str) -> set[str]:
    """No element renders raw HTML, and every Markdown text holding a payload has it escaped; returns the kinds checked."""
    assert html_elements(at) == [], where
    checked = set()
    for kind, text in markdown_strings(at):
        if "rbx" in text:
            checked.add(kind)
            live = LIVE.search(OWN_STATUS.sub("", text))
            assert live is None, f"{where}: {kind} renders {OWN_STATUS.sub('', text)[max(0, live.start() - 40) : live.end() + 40]!r}"
    return checked


def _open_draft_expanders(at) -> None:
    """The interview's details, the checks and the guidance are built only once opened: open them, as clicks would."""
    for key in ("draft_details", "draft_checks", "draft_why"):
        at.session_state[key] = True
    at.run()


def test_payloads_in_every_field_and_the_reply_never_render_as_markup(app_env: Path) -> None:
    values = _form()
    at = app().run()
    for key, value in values.items():
        widget(at, key).input(value)
    at.text_input(key="draft_recruiter_email").input('"><img src=x onerror=window.rbx=1>@rbx.test')
    at.run()
    _open_draft_expanders(at)
    checked = _assert_inert(ok(at), "draft page")
    assert at.code and not at.error, "the payloads are valid input: a draft is shown, as plain text"

    at.switch_page("views/analyse.py").run()
    at.text_area(key="analyse_reply_text").input(REPLY)
    click(at, "Analyser la réponse")
    checked |= _assert_inert(ok(at), "analyse page")

    journal = Journal(app_env)
    [application] = journal.applications()
    # Sent nine days ago, no reply recorded: the follow-up reminder names the company and role too.
    journal.mark_sent(application.id, dt.date.today() - dt.timedelta(days=9))
    journal.set_reply_received(application.id, False)
    at.switch_page("views/journal.py").run()
    click(at, "Supprimer")  # shows the confirmation, which names the company and role
    checked |= _assert_inert(ok(at), "journal page")
    assert any("rbx" in m.value and "sans réponse" in m.value for m in at.markdown), "the reminder was checked"

    again = ok(app().run())  # a new session: the form is restored and says from what
    checked |= _assert_inert(again, "restored draft page")
    _open_draft_expanders(again)
    checked |= _assert_inert(ok(again), "restored draft page, opened")
    # Payloads reached check reasons, evidence quotes, a reminder, an expander label, a warning and a caption.
    assert {"Markdown", "Expander", "Warning", "Caption"} <= checked, checked
    REPORT["output safety"] = (f"{len(PAYLOADS)} injection payloads in every form field and in the reply; "
                               f"escaped in {', '.join(sorted(checked))} elements")  # fmt: skip


# ---- exports ------------------------------------------------------------------------

_ALLOWED_HEADERS = {"subject", "to", "from", "date", "x-unsent", "mime-version", "content-type",
                    "content-transfer-encoding"}  # fmt: skip
breaks = st.sampled_from(["\n", "\r", "\r\n", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\n\t", "\r\n "])
header_text = st.lists(
    st.one_of(st.text(max_size=20), breaks, st.sampled_from(["Bcc: rbx@evil.test", "To: rbx@evil.test", ":", "=?utf-8?"])),
    max_size=8,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(subject=header_text, to=header_text, sender=header_text, body=st.text(max_size=200))
def test_no_subject_or_address_can_add_an_eml_header(subject: str, to: str, sender: str, body: str) -> None:
    draft = Draft(subject=subject, body=body or "Bonjour", channel=Channel.EMAIL, language=Language.FR, engine="fuzz")
    raw = exports.draft_eml(draft, to=to, sender=sender)
    message = email.message_from_bytes(raw, policy=policy.default)
    names = [name.lower() for name in message.keys()]
    assert set(names) <= _ALLOWED_HEADERS and len(names) == len(set(names)), names
    assert "\n" not in str(message["Subject"]) and "\r" not in str(message["Subject"])
    assert message["To"] is None or exports.valid_address(to) == str(message["To"])
    if subject:  # the subject takes exactly the first line of the .txt
        first, second = exports.draft_txt(draft).split("\n")[:2]
        assert first.startswith("Objet:") and second == ""
    query = parse_qs(urlsplit(exports.mailto_link(draft, to=to) or "").query, keep_blank_values=True)
    assert set(query) <= {"subject", "body"}


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(st.one_of(st.text(max_size=15), breaks, st.just("Bcc: rbx@evil.test")), min_size=4, max_size=4),
    language=st.sampled_from(list(Language)),
)
def test_names_typed_with_line_breaks_stay_on_one_header_line(names: list[str], language: Language) -> None:
    candidate, recruiter, company, role = ("".join(("N", name)) for name in names)
    context = InterviewContext(candidate_name=candidate[:100], recruiter_name=recruiter[:100], company=company[:120],
                               role=role[:150])  # fmt: skip
    draft = compose(DraftRequest(language=language, channel=Channel.EMAIL, context=context))
    message = email.message_from_bytes(exports.draft_eml(draft, to="rbx@example.com"), policy=policy.default)
    assert {name.lower() for name in message.keys()} <= _ALLOWED_HEADERS
    assert message.get_all("To") == ["rbx@example.com"] and "\n" not in str(message["Subject"])
