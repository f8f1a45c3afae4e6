"""Hosted mode at scale: concurrent people on two replicas, and the journal's queries on PostgreSQL.

Browser part. Starts a throw-away PostgreSQL (rebond.testing.postgres, migrated as the owner role), the local
OpenID Connect test provider and two Streamlit replicas in hosted mode on it as the app role (demo.hosted, as the
browser tests start them; all on 127.0.0.1, stopped after). Simulated people sign in through the provider in one
Debian Chromium (person i on replica i mod 2), draft, then in each round move the length slider ``--moves`` times,
analyse a reply, open the journal and go back to the draft page (as the sidebar's links do), pausing ``--think-ms``
between actions, at 1, 5 and 10 people at once (``--people``). Two load generators (``--client``):

- ``ws`` (default): each person signs in once with Chromium, whose context is then closed, and acts over
  Streamlit's own websocket (/_stcore/stream) as its frontend does: BackMsg rerun_script with the page's widget
  states and the changed widget's fragment, ForwardMsgs read with streamlit.proto. It times what a person waits for
  on the server's side (send -> the delta with the new draft text, the analysis heading, the journal entry, the
  draft; and -> the run's script_finished), without a browser's rendering on the same 2 cores.
- ``browser``: each person a browser context in Chromium for the whole run, timed until the page shows the result
  (``--navigation reload`` loads each address instead of the sidebar's links). On a 2-core machine Chromium takes
  more CPU than the replicas: the load generator competes with the servers.

Reports p50/p95 of slider -> updated draft, journal page load, analysis and draft page load, with the CPU the
replicas, PostgreSQL, Chromium and this driver used (from /proc) and how busy the machine was.
Goal (issue 13): at 10 people, p95 slider -> draft <= 3 x the single person's p95 in the same run.
Results: stdout and benchmarks/results/hosted_ws.json or hosted_browser.json.

Queries part. Loads ``--owners`` people with ``--apps`` applications each (one draft per application, an analysis
on every other one; server-side, generate_series), then, as the app role under row-level security, times what the
journal page asks for one person (applications with counts, drafts, analyses, kinds by month, counts) for random
people: p50/p95 per query and for the whole page, with this process's CPU time, and the plan of the applications
query (it must use the owner index). Results: stdout and test-artifacts/bench_hosted.json.

    .venv/bin/python benchmarks/bench_hosted.py                          # both parts
    .venv/bin/python benchmarks/bench_hosted.py --part browser --people 1,5,10 --rounds 3
    .venv/bin/python benchmarks/bench_hosted.py --part browser --client browser   # every person a Chromium page
    .venv/bin/python benchmarks/bench_hosted.py --part queries --owners 1000   # quicker
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))  # demo.hosted: the sign-in provider and the replicas, as the tests start them

from rebond.compose import compose  # noqa: E402
from rebond.models import DraftRequest  # noqa: E402
from rebond.storage import Database, Owner, Store  # noqa: E402
from rebond.storage.database import upgrade  # noqa: E402
from rebond.testing.postgres import PostgresServer  # noqa: E402

ISSUER = "https://idp.example.org"


def _request() -> DraftRequest:
    return DraftRequest.model_validate({
        "language": "fr", "channel": "email",
        "context": {"candidate_name": "Camille Roy", "recruiter_name": "Mme Lefebvre", "company": "Desjardins",
                    "role": "Analyste de données", "interview_date": "2026-11-12",
                    "rejection_message": "Nous avons retenu une autre candidature.", "notes": ""},
    })  # fmt: skip


def load(owner_url: str, owners: int, apps: int) -> float:
    """Fill the database as the owner role, server-side; seconds taken."""
    request = _request()
    draft = compose(request)
    started = time.perf_counter()
    engine = create_engine(owner_url, poolclass=NullPool)
    values = {
        "owners": owners, "apps": apps, "issuer": ISSUER, "context": request.context.model_dump_json(),
        "request": request.model_dump_json(), "draft": draft.model_dump_json(),
        "analysis": json.dumps({"language": "fr", "kind": "constructive", "categories": []}),
    }  # fmt: skip
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO applications (owner_issuer, owner_subject, created_at, updated_at, candidate_name, company, "
            "role, context_json) SELECT :issuer, 'person-' || o, '2026-10-01T09:00:00', "
            "to_char(timestamp '2026-10-01' + (a || ' hours')::interval, 'YYYY-MM-DD\"T\"HH24:MI:SS'), "
            "'Camille Roy', 'Entreprise ' || a, 'Analyste', :context "
            "FROM generate_series(1, :owners) o, generate_series(1, :apps) a"
        ), values)  # fmt: skip
        conn.execute(text(
            "INSERT INTO drafts (owner_issuer, owner_subject, application_id, created_at, updated_at, language, "
            "channel, variant, engine, request_json, draft_json) SELECT owner_issuer, owner_subject, id, created_at, "
            "updated_at, 'fr', 'email', 0, 'offline', :request, :draft FROM applications"
        ), values)  # fmt: skip
        conn.execute(text(
            "INSERT INTO analyses (owner_issuer, owner_subject, application_id, created_at, kind, categories, reply, "
            "analysis_json) SELECT owner_issuer, owner_subject, id, updated_at, 'constructive', '[\"skills\"]', "
            "'Merci pour votre intérêt.', :analysis FROM applications WHERE split_part(company, ' ', 2)::int % 2 = 0"
        ), values)  # fmt: skip
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
    engine.dispose()
    return time.perf_counter() - started


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(app_url: str, owners: int, samples: int) -> dict[str, object]:
    database = Database(app_url)
    queries = {
        "applications (with counts)": lambda s: s.applications(),
        "drafts": lambda s: s.drafts(),
        "analyses": lambda s: s.analyses(),
        "kinds by month": lambda s: s.kinds_by_month(),
        "counts": lambda s: s.counts(),
    }
    timings: dict[str, list[float]] = {name: [] for name in [*queries, "journal page (all of the above)"]}
    rng = random.Random(13)
    Store(database, Owner(ISSUER, "person-1")).applications()  # warm the pool
    cpu_before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    for _ in range(samples):
        store = Store(database, Owner(ISSUER, f"person-{rng.randint(1, owners)}"))
        page = time.perf_counter()
        for name, query in queries.items():
            t0 = time.perf_counter()
            rows = query(store)
            timings[name].append((time.perf_counter() - t0) * 1000)
            assert rows, name
        timings["journal page (all of the above)"].append((time.perf_counter() - page) * 1000)
    wall = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    # The plan, as the app role, under the policies, for one person.
    from rebond.storage.store import _APPLICATIONS

    with database.connect(Owner(ISSUER, "person-42")) as conn:
        plan = [row[0] for row in conn.execute(
            text("EXPLAIN " + _APPLICATIONS), {"owner_issuer": ISSUER, "owner_subject": "person-42"}
        )]  # fmt: skip
    database.dispose()
    return {
        "ms": {name: {"p50": round(statistics.median(v), 2), "p95": round(percentile(v, 0.95), 2)}
               for name, v in timings.items()},  # fmt: skip
        "client_cpu_percent_of_one_core": round(100 * cpu / wall, 1),
        "plan": plan,
        "uses_owner_index": any("applications_owner" in line or "applications_identity" in line for line in plan),
    }


# -- the browser half: two replicas, the sign-in provider, simulated people in Chromium ------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
GOAL_RATIO = 3.0  # at the most people, p95 slider -> draft at most 3 x the single person's p95, same run
ROLE = "Analyste de données"
SLIDER = "Longueur · Très court ↔ Détaillé"
BODY = ".st-key-draft_body_email [data-testid='stCode']"
# True once the draft's body no longer shows the text it had before the slider moved.
CHANGED = f"before => {{ const el = document.querySelector({json.dumps(BODY)}); return !!el && el.innerText !== before; }}"
REPLY = (
    "Bonjour,\n\nMerci pour votre message. Votre entrevue était agréable, mais il vous manquait de l'expérience en "
    "gestion de projet et nous cherchions une maîtrise plus avancée de SQL. Je vous encourage à postuler de nouveau."
    "\n\nCordialement,\nMarie Lefebvre"
)
_TICKS = os.sysconf("SC_CLK_TCK")


def person(n: int) -> dict[str, str]:
    return {"sub": f"person-{n:02d}", "name": f"Personne {n:02d}", "email": f"person-{n:02d}@example.test"}


def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds) of a process, from /proc; None when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / _TICKS


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


class CpuMeter:
    """CPU seconds of the processes the benchmark started, by part: the Streamlit replicas, PostgreSQL, Chromium,
    the sign-in provider and this driver; and how busy the whole machine was (other work shares its 2 cores)."""

    def __init__(self, postmaster: int) -> None:
        self.postmaster = postmaster

    def snapshot(self) -> tuple[float, dict[int, tuple[str, float]], tuple[int, int]]:
        stats = {int(p.name): s for p in Path("/proc").iterdir() if p.name.isdigit() and (s := _stat(int(p.name)))}
        children: dict[int, list[int]] = {}
        for pid, (parent, _) in stats.items():
            children.setdefault(parent, []).append(pid)

        def tree(root: int) -> list[int]:
            out, todo = [], [root]
            while todo:
                pid = todo.pop()
                out.append(pid)
                todo += children.get(pid, [])
            return out

        parts: dict[int, tuple[str, float]] = {}
        for pid in tree(os.getpid()):
            line = _cmdline(pid)
            part = ("streamlit" if "streamlit" in line else "provider" if "oidc_provider_mock" in line
                    else "chromium" if "chrom" in line else "driver")  # fmt: skip
            parts[pid] = (part, stats[pid][1])
        for pid in tree(self.postmaster):
            parts[pid] = ("postgresql", stats[pid][1])
        cpu = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
        busy = sum(int(v) for v in cpu[:3]) + sum(int(v) for v in cpu[5:8])
        return time.perf_counter(), parts, (busy, busy + int(cpu[3]) + int(cpu[4]))

    @staticmethod
    def between(before, after) -> dict[str, float]:
        """Per part, percent of one core over the interval (200 % = both cores); 'machine' = all of its work."""
        wall = after[0] - before[0]
        used: dict[str, float] = {}
        for pid, (part, seconds) in after[1].items():
            start = before[1].get(pid, (part, 0.0))[1]
            used[part] = used.get(part, 0.0) + max(0.0, seconds - start)
        out = {part: round(100 * seconds / wall, 1) for part, seconds in sorted(used.items())}
        (b0, t0), (b1, t1) = before[2], after[2]
        out["machine (all processes, 200 = both cores)"] = round(200 * (b1 - b0) / max(1, t1 - t0), 1)
        return out


async def _settled(page) -> None:
    await page.wait_for_timeout(200)
    await page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=120_000)


async def _sign_in_and_draft(browser, url: str, n: int):
    """A new browser for person ``n``: signed in through the provider, with a draft on the page."""
    who = person(n)
    context = await browser.new_context(locale="fr-CA", viewport={"width": 1300, "height": 1000})
    context.set_default_timeout(120_000)
    page = await context.new_page()
    await page.goto(url)
    await page.get_by_role("button", name="Se connecter").click()
    await page.get_by_role("button", name=who["sub"], exact=True).click()  # the provider's account picker
    await page.get_by_text(f"Connecté·e : {who['name']}").wait_for()
    await _settled(page)
    company = page.get_by_role("textbox", name="Organisation", exact=True)
    if not await company.input_value():  # a returning person's form is restored from the journal
        for label, value in (("Votre nom", who["name"]), ("Organisation", f"Entreprise {n:02d}"), ("Poste", ROLE)):
            field = page.get_by_role("textbox", name=label, exact=True)
            await field.fill(value)
            await field.press("Tab")
            await _settled(page)
    await page.locator(BODY).wait_for()
    await _settled(page)
    return context, page


async def _slider_to_draft(page) -> float:
    """Move the length slider to its other end; ms until the draft's body shows the new text."""
    slider = page.get_by_role("slider", name=SLIDER)
    before = await page.locator(BODY).inner_text()
    value = int(await slider.input_value() or 0)
    await slider.focus()
    started = time.perf_counter()
    await slider.press("End" if value < 100 else "Home")
    await page.wait_for_function(CHANGED, arg=before, polling=10)
    elapsed = (time.perf_counter() - started) * 1000
    await _settled(page)  # the rerun ends (its draft saved) before the next move
    return elapsed


async def _open(page, url: str, path: str, title: str, navigation: str) -> None:
    """Go to a page as a person does, with the sidebar's link (the app stays loaded), or by loading its address."""
    if navigation == "sidebar":
        await page.locator("[data-testid='stSidebarNav'] a").filter(has_text=title).first.click()
    else:
        await page.goto(f"{url}/{path}")


async def _analyse(page, url: str, navigation: str) -> float:
    await _open(page, url, "analyse", "Analyser une réponse", navigation)
    field = page.get_by_role("textbox", name="Réponse du recruteur", exact=True)
    await field.fill(REPLY)
    await field.press("Tab")
    await _settled(page)
    started = time.perf_counter()
    await page.get_by_role("button", name="Analyser la réponse").click()
    await page.get_by_role("heading", name="Ce que la réponse pointe").wait_for()
    elapsed = (time.perf_counter() - started) * 1000
    await _settled(page)
    return elapsed


async def _journal(page, url: str, n: int, navigation: str) -> float:
    started = time.perf_counter()
    await _open(page, url, "journal", "Journal", navigation)
    await page.get_by_role("heading", name="Journal", exact=True).first.wait_for()
    await page.locator("[data-testid='stExpander']").filter(has_text=f"Entreprise {n:02d} · {ROLE}").first.wait_for()
    elapsed = (time.perf_counter() - started) * 1000
    await _settled(page)
    return elapsed


async def _back_to_draft(page, url: str, navigation: str) -> float:
    started = time.perf_counter()
    await _open(page, url, "", "Demander une rétroaction", navigation)
    await page.get_by_role("heading", name="Demander une rétroaction", exact=True).first.wait_for()
    await page.locator(BODY).wait_for()
    elapsed = (time.perf_counter() - started) * 1000
    await _settled(page)
    return elapsed


# -- the websocket client: a person as Streamlit's own frontend talks to the server ------------------------------------
#
# `--client ws` signs each person in once with Chromium (the sign-in provider's pages need a browser), keeps the
# session's cookies, closes the browser context, then drives the app over Streamlit's websocket
# (ws://host/_stcore/stream) as its frontend does: the subprotocol header carries "streamlit" and the XSRF cookie;
# each action is a BackMsg rerun_script with the page's widget states (built from the elements the server sent, as
# the frontend's widgets report them), the fragment of the widget that changed, and the hashes of the messages it
# holds; the server's ForwardMsgs (deltas, script_finished) are read with the installed streamlit.proto. It measures
# what a person waits for on the server's side, without a browser's rendering on the same cores.

SETTLE_MS = 200  # the browser mode's pause once a page is idle (_settled); kept so both modes act at the same pace
XSRF_COOKIE = "_streamlit_xsrf"
DRAFT_BODY_KEY = "draft_body_email"  # the keyed container of the e-mail draft's body (views/draft.py, show_draft)
ANALYSIS_HEADING = "Ce que la réponse pointe"  # t("analyse.areas"): the analysis is on the page
ANALYSE_TITLE = "Analyser la réponse du recruteur"  # t("analyse.title")
REPLY_LABEL = "Réponse du recruteur"
ANALYSE_BUTTON = "Analyser la réponse"
_WIDGETS = ("text_input", "text_area", "slider", "selectbox", "button_group", "date_input", "checkbox")
_TRIGGERS = ("button",)


def _option_text(option) -> str:
    """A segmented control's option as the frontend reports it (its icon, then its text)."""
    return f"{option.content_icon} {option.content}".strip() if option.content_icon else option.content


def widget_state(element):
    """The WidgetState Streamlit's frontend reports for a widget element it was just sent: the server's value when the
    element sets one (``set_value``), else the widget's default, as the frontend's widgets commit on mount. None for
    elements that are not value widgets (buttons are triggers, sent only when clicked)."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    kind = element.WhichOneof("type")
    if kind not in _WIDGETS:
        return None
    proto = getattr(element, kind)
    state = WidgetState(id=proto.id)
    if kind in ("text_input", "text_area"):
        if proto.set_value and proto.HasField("value"):
            state.string_value = proto.value
        elif proto.HasField("default"):
            state.string_value = proto.default
        else:
            return None
    elif kind == "slider":
        if proto.options:  # a select_slider; the app has none
            return None
        state.double_array_value.data[:] = list(proto.value if proto.set_value else proto.default)
    elif kind == "selectbox":
        if proto.set_value and proto.HasField("raw_value"):
            state.string_value = proto.raw_value
        elif proto.HasField("default") and 0 <= proto.default < len(proto.options):
            state.string_value = proto.options[proto.default]
        else:
            return None
    elif kind == "button_group":
        values = list(proto.raw_values) if proto.set_value else [
            _option_text(proto.options[i]) for i in proto.default if 0 <= i < len(proto.options)]  # fmt: skip
        state.string_array_value.data[:] = values
    elif kind == "date_input":
        state.string_array_value.data[:] = list(proto.value if proto.set_value else proto.default)
    elif kind == "checkbox":
        state.bool_value = proto.value if proto.set_value else proto.default
    return state


def rerun_message(widgets, *, page_script_hash: str = "", page_name: str = "", fragment_id: str = "",
                  query_string: str = "", cached: tuple[str, ...] | list[str] = (), url: str = "") -> bytes:  # fmt: skip
    """A serialized BackMsg asking for a rerun, as the frontend's sendRerunBackMsg builds it."""
    from streamlit.proto.BackMsg_pb2 import BackMsg

    msg = BackMsg()
    rerun = msg.rerun_script
    rerun.query_string = query_string
    rerun.widget_states.widgets.extend(widgets)
    rerun.page_script_hash = page_script_hash
    rerun.page_name = page_name
    rerun.fragment_id = fragment_id
    rerun.cached_message_hashes.extend(cached)
    info = rerun.context_info
    info.timezone, info.timezone_offset, info.locale = "America/Toronto", 300, "fr-CA"
    info.url, info.is_embedded, info.color_scheme = url, False, "light"
    return msg.SerializeToString()


class StreamlitSession:
    """One person's app session over the websocket: what the frontend keeps (widget values, cached messages, the
    pages) and what the last run showed (headings, expander labels, the draft's body), with the time each arrived."""

    def __init__(self, url: str, cookies: dict[str, str]) -> None:
        self.url, self.cookies = url, cookies
        self.values: dict[str, object] = {}  # widget id -> WidgetState, as the frontend's widget manager holds them
        self.widget_page: dict[str, str] = {}  # widget id -> the script hash that drew it
        self.fragment_of: dict[str, str] = {}  # widget id -> its fragment ("" outside one)
        self.labels: dict[str, str] = {}  # label -> widget id (sliders, text areas, buttons)
        self.cache: dict[str, object] = {}  # hash -> ForwardMsg the server may send as a reference
        self.pages: dict[str, str] = {}  # url path ("" for the default page) -> page script hash
        self.page_hash = self.main_hash = ""
        self.blocks: dict[tuple[int, ...], str] = {}  # delta path -> a keyed container's id
        self.draft_body: str | None = None
        self.seen: set[tuple[str, str]] = set()  # this run: ("heading", text), ("expander", label), ("draft", "")
        self.run_widgets: set[str] = set()
        self.problems: list[str] = []
        self.finished: str | None = None
        self.fragment_run = False
        self._waiters: list[tuple[object, object]] = []
        self.ws = None
        self._reader = None

    async def open(self, path: str = "") -> None:
        """Connect as the frontend does (cookies, Origin, the XSRF token in the subprotocol) and load ``path``."""
        import asyncio

        from websockets.asyncio.client import connect

        protocols = ["streamlit", self.cookies[XSRF_COOKIE]] if XSRF_COOKIE in self.cookies else ["streamlit"]
        cookie = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        self.ws = await connect(
            self.url.replace("http://", "ws://", 1) + "/_stcore/stream", subprotocols=protocols, origin=self.url,
            additional_headers={"Cookie": cookie} if cookie else None, max_size=None, open_timeout=60,
        )  # fmt: skip
        self._reader = asyncio.create_task(self._read())
        await self.run(rerun_message([], page_name=path, url=f"{self.url}/{path}"), lambda: True)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self._reader is not None:
            await self._reader

    async def _read(self) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
        from websockets.exceptions import ConnectionClosed

        ended: BaseException | None = None
        try:
            async for raw in self.ws:
                now = time.perf_counter()
                msg = ForwardMsg.FromString(raw)
                if msg.WhichOneof("type") == "ref_hash":
                    cached = self.cache[msg.ref_hash]
                    cached.metadata.CopyFrom(msg.metadata)
                    msg = cached
                elif msg.metadata.cacheable:
                    self.cache[msg.hash] = msg
                self._apply(msg)
                for future, ready in list(self._waiters):
                    if not future.done() and ready():
                        future.set_result(now)
        except ConnectionClosed:
            pass
        except Exception as exc:  # a message this client cannot read: fail the action that waits, with the cause
            ended = exc
        finally:
            for future, _ in self._waiters:
                if not future.done():
                    future.set_exception(RuntimeError(f"{self.url}: the websocket closed ({ended!r})"))

    def _apply(self, msg) -> None:
        kind = msg.WhichOneof("type")
        if kind == "new_session":  # every full run begins with one
            self.main_hash, self.page_hash = msg.new_session.main_script_hash, msg.new_session.page_script_hash
        elif kind == "navigation":
            self.page_hash = msg.navigation.page_script_hash or self.page_hash
            for page in msg.navigation.app_pages:
                self.pages[page.url_pathname] = page.page_script_hash
                if page.is_default:
                    self.pages[""] = page.page_script_hash
        elif kind == "script_finished":
            self.finished = _finished_status(msg.script_finished)
        elif kind == "delta":
            self._delta(tuple(msg.metadata.delta_path), msg.delta, msg.metadata.active_script_hash)

    def _delta(self, path: tuple[int, ...], delta, script_hash: str) -> None:
        if delta.WhichOneof("type") == "add_block":
            block = delta.add_block
            self.blocks[path] = block.id if block.HasField("id") else ""
            if block.WhichOneof("type") == "expandable":
                self.seen.add(("expander", block.expandable.label))
            return
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "heading":
            self.seen.add(("heading", element.heading.body))
        elif kind == "code" and self.blocks.get(path[:-1], "").endswith(DRAFT_BODY_KEY):
            self.draft_body = element.code.code_text
            self.seen.add(("draft", ""))
        elif kind == "exception":
            self.problems.append(f"exception: {element.exception.type}: {element.exception.message}")
        elif kind == "alert" and element.alert.format == 1:  # ERROR: a friendly_errors message
            self.problems.append(f"error: {element.alert.body}")
        elif kind in _WIDGETS or kind in _TRIGGERS:
            proto = getattr(element, kind)
            self.labels[proto.label] = proto.id
            self.fragment_of[proto.id] = delta.fragment_id
            self.widget_page[proto.id] = script_hash
            self.run_widgets.add(proto.id)
            state = widget_state(element)
            # The frontend keeps a value it holds unless the server sets one.
            if state is not None and (proto.id not in self.values or getattr(proto, "set_value", False)):
                self.values[proto.id] = state

    def _when(self, ready):
        import asyncio

        future = asyncio.get_running_loop().create_future()
        self._waiters.append((future, ready))
        return future

    async def run(self, message: bytes, ready, timeout: float = 120) -> tuple[float, float]:
        """Send a rerun; ms until ``ready()`` holds after a message of this run, and until the run finished."""
        import asyncio

        self.seen.clear()
        self.run_widgets.clear()
        self.finished = None
        self.fragment_run = False
        shown, done = self._when(ready), self._when(lambda: self.finished is not None)
        started = time.perf_counter()
        await self.ws.send(message)
        try:
            shown_at = await asyncio.wait_for(shown, timeout)
            done_at = await asyncio.wait_for(done, timeout)
        finally:
            self._waiters = [(f, r) for f, r in self._waiters if f not in (shown, done)]
        if self.problems:
            raise RuntimeError(f"{self.url}: the page shows {self.problems}")
        if self.finished != "FINISHED_FRAGMENT_RUN_SUCCESSFULLY":
            # A full run: the frontend forgets the widgets the page no longer has.
            self.values = {wid: s for wid, s in self.values.items() if wid in self.run_widgets}
        return (shown_at - started) * 1000, (done_at - started) * 1000

    def _message(self, changed=(), fragment_id: str = "", page_hash: str | None = None) -> bytes:
        widgets = {**self.values, **{state.id: state for state in changed}}
        return rerun_message(list(widgets.values()), page_script_hash=page_hash or self.page_hash,
                             fragment_id=fragment_id, cached=list(self.cache), url=self.url)  # fmt: skip

    async def slider_to_draft(self, label: str = SLIDER) -> tuple[float, float]:
        """Move the slider to its other end; ms until the draft's new body arrived, and until the rerun finished."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        wid = self.labels[label]
        value = self.values[wid].double_array_value.data[0]
        moved = WidgetState(id=wid)
        moved.double_array_value.data[:] = [100.0 if value < 100 else 0.0]
        before = self.draft_body
        self.values[wid] = moved
        return await self.run(self._message(fragment_id=self.fragment_of.get(wid, "")),
                              lambda: self.draft_body is not None and self.draft_body != before)  # fmt: skip

    async def set_text(self, label: str, text: str) -> None:
        """Type into a text field and leave it (one rerun, when the text changed)."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        wid = self.labels[label]
        if self.values.get(wid) is not None and self.values[wid].string_value == text:
            return
        self.values[wid] = WidgetState(id=wid, string_value=text)
        await self.run(self._message(fragment_id=self.fragment_of.get(wid, "")), lambda: True)

    async def click(self, label: str, ready) -> tuple[float, float]:
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        wid = self.labels[label]
        return await self.run(self._message([WidgetState(id=wid, trigger_value=True)],
                                            self.fragment_of.get(wid, "")), ready)  # fmt: skip

    async def open_page(self, path: str, ready) -> tuple[float, float]:
        """Go to another page as the sidebar's link does: the page's hash, only the main script's widget values."""
        self.values = {wid: s for wid, s in self.values.items() if self.widget_page.get(wid) == self.main_hash}
        return await self.run(self._message(page_hash=self.pages[path]), ready)


def _finished_status(value: int) -> str:
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    return ForwardMsg.ScriptFinishedStatus.Name(value)


async def _ws_level(browser, urls: list[str], people: int, options: argparse.Namespace, meter: CpuMeter) -> dict:
    """As ``_one_level``, each person over the websocket after signing in once with Chromium (the context closed
    before the timed part): per action, ms until the awaited part of the page arrived and until the run finished."""
    import asyncio

    async def sign_in(n: int) -> StreamlitSession:
        url = urls[n % len(urls)]
        context, _ = await _sign_in_and_draft(browser, url, n)
        cookies = {cookie["name"]: cookie["value"] for cookie in await context.cookies(url)}
        await context.close()
        session = StreamlitSession(url, cookies)
        await session.open()
        if session.draft_body is None:  # signed out, or the form not restored from the journal
            raise RuntimeError(f"person {n}: no draft on {url} over the websocket; seen {sorted(session.seen)}")
        return session

    sessions = list(await asyncio.gather(*(sign_in(n) for n in range(people))))
    names = ("slider_to_draft", "journal_load", "analyse", "draft_page_load")
    timings: dict[str, list[float]] = {name: [] for name in names}
    finished: dict[str, list[float]] = {name: [] for name in names}

    def keep(name: str, shown_and_done: tuple[float, float]) -> None:
        timings[name].append(shown_and_done[0])
        finished[name].append(shown_and_done[1])

    async def act(n: int, session: StreamlitSession) -> None:
        await asyncio.sleep(0.150 * n)  # people do not all start in the same millisecond
        settle, pause = SETTLE_MS / 1000, (SETTLE_MS + options.think_ms) / 1000
        seen, entry = session.seen, f"Entreprise {n:02d} · {ROLE}"
        for _ in range(options.rounds):
            for _ in range(options.moves):
                keep("slider_to_draft", await session.slider_to_draft())
                await asyncio.sleep(pause)
            await session.open_page("analyse", lambda: ("heading", ANALYSE_TITLE) in seen)
            await session.set_text(REPLY_LABEL, REPLY)
            await asyncio.sleep(settle)
            keep("analyse", await session.click(ANALYSE_BUTTON, lambda: ("heading", ANALYSIS_HEADING) in seen))
            await asyncio.sleep(pause)
            keep("journal_load", await session.open_page("journal", lambda: ("heading", "Journal") in seen and any(
                kind == "expander" and text.startswith(entry) for kind, text in seen)))  # fmt: skip
            await asyncio.sleep(pause)
            keep("draft_page_load", await session.open_page("", lambda: ("draft", "") in seen))
            await asyncio.sleep(pause)

    before = meter.snapshot()
    await asyncio.gather(*(act(n, session) for n, session in enumerate(sessions)))
    after = meter.snapshot()
    await asyncio.gather(*(session.close() for session in sessions))

    def summary(samples: dict[str, list[float]]) -> dict:
        return {name: {"n": len(v), "p50": round(statistics.median(v)), "p95": round(percentile(v, 0.95))}
                for name, v in samples.items()}  # fmt: skip

    return {"people": people, "seconds": round(after[0] - before[0], 1), "ms": summary(timings),
            "ms_to_script_finished": summary(finished), "cpu_percent_of_one_core": CpuMeter.between(before, after),
            "samples_ms": {name: [[round(a, 1), round(b, 1)] for a, b in zip(timings[name], finished[name], strict=True)]
                           for name in names}}  # fmt: skip


async def _one_level(browser, urls: list[str], people: int, options: argparse.Namespace, meter: CpuMeter) -> dict:
    """``people`` at once, spread over the replicas, each doing ``rounds`` rounds of: ``moves`` slider moves,
    analyse a reply, open the journal, back to the draft page; ``think_ms`` between actions."""
    import asyncio

    if options.client == "ws":
        return await _ws_level(browser, urls, people, options, meter)

    signed = await asyncio.gather(*(_sign_in_and_draft(browser, urls[n % len(urls)], n) for n in range(people)))
    timings: dict[str, list[float]] = {"slider_to_draft": [], "journal_load": [], "analyse": [], "draft_page_load": []}

    async def act(n: int, page) -> None:
        url = urls[n % len(urls)]
        await page.wait_for_timeout(150 * n)  # people do not all start in the same millisecond
        nav, think = options.navigation, options.think_ms
        for _ in range(options.rounds):
            for _ in range(options.moves):
                timings["slider_to_draft"].append(await _slider_to_draft(page))
                await page.wait_for_timeout(think)
            timings["analyse"].append(await _analyse(page, url, nav))
            await page.wait_for_timeout(think)
            timings["journal_load"].append(await _journal(page, url, n, nav))
            await page.wait_for_timeout(think)
            timings["draft_page_load"].append(await _back_to_draft(page, url, nav))
            await page.wait_for_timeout(think)

    before = meter.snapshot()
    await asyncio.gather(*(act(n, page) for n, (_, page) in enumerate(signed)))
    after = meter.snapshot()
    for context, _ in signed:
        await context.close()
    return {
        "people": people, "seconds": round(after[0] - before[0], 1),
        "ms": {name: {"n": len(v), "p50": round(statistics.median(v)), "p95": round(percentile(v, 0.95))}
               for name, v in timings.items()},
        "cpu_percent_of_one_core": CpuMeter.between(before, after),
    }  # fmt: skip


def browser_bench(levels: list[int], options: argparse.Namespace) -> dict[str, object]:
    """Two hosted replicas on one PostgreSQL with the sign-in provider, all on loopback, stopped after."""
    import asyncio
    import tempfile

    from playwright.async_api import async_playwright

    from demo.hosted import hosted_replicas, running_provider

    users = [person(n) for n in range(max(2, *levels))]  # the warm-up signs in two
    with PostgresServer() as pg, tempfile.TemporaryDirectory(prefix="rebond-bench-hosted-") as tmp:
        upgrade(pg.owner_url)
        postmaster = int((pg.data / "postmaster.pid").read_text().split()[0])
        env = {"REBOND_DATABASE_URL": pg.app_url}
        with running_provider(Path(tmp), users=users) as issuer, hosted_replicas(Path(tmp), issuer, 2, env) as urls:

            async def run() -> list[dict]:
                async with async_playwright() as playwright:
                    browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                    try:
                        warm = argparse.Namespace(**{**vars(options), "rounds": 1, "moves": 1})
                        await _one_level(browser, urls, 2, warm, CpuMeter(postmaster))  # both servers warmed up
                        return [await _one_level(browser, urls, people, options, CpuMeter(postmaster))
                                for people in levels]  # fmt: skip
                    finally:
                        await browser.close()

            results = asyncio.run(run())
    single = next(r for r in results if r["people"] == min(levels))["ms"]["slider_to_draft"]["p95"]
    most = max(results, key=lambda r: r["people"])
    ratio = most["ms"]["slider_to_draft"]["p95"] / max(single, 1)
    extra = {}
    if options.client == "ws":  # the same ratio with the time until each slider rerun's script_finished
        alone = next(r for r in results if r["people"] == min(levels))["ms_to_script_finished"]["slider_to_draft"]
        extra["ratio_to_script_finished"] = round(
            most["ms_to_script_finished"]["slider_to_draft"]["p95"] / max(alone["p95"], 1), 2)
    return {"client": options.client, "replicas": 2, "rounds": options.rounds, "slider_moves_per_round": options.moves,
            "think_ms": options.think_ms, "navigation": "sidebar" if options.client == "ws" else options.navigation,
            "levels": results,
            "goal": f"p95 slider -> draft at {most['people']} people <= {GOAL_RATIO} x at {min(levels)}",
            "ratio": round(ratio, 2), **extra, "result": "PASS" if ratio <= GOAL_RATIO else "MISS"}  # fmt: skip


def _pair(ms: dict):
    return lambda name: f"{ms[name]['p50']}/{ms[name]['p95']}"


def print_browser(result: dict) -> None:
    who = ("each person over Streamlit's websocket (signed in once with Chromium)" if result["client"] == "ws"
           else "each person a Chromium page")  # fmt: skip
    print(f"\nTwo replicas, one PostgreSQL, {who}: {result['rounds']} rounds a person of "
          f"{result['slider_moves_per_round']} slider moves, an analysis, the journal, back to the draft "
          f"({result['navigation']} navigation), {result['think_ms']} ms between actions")  # fmt: skip
    print(f"{'people':>6} {'slider->draft p50/p95 ms':>25} {'journal p50/p95 ms':>19} {'analyse p50/p95':>16} "
          f"{'draft page p50/p95':>19}  CPU % of one core")  # fmt: skip
    for level in result["levels"]:
        pair = _pair(level["ms"])
        cpu = ", ".join(f"{k} {v}" for k, v in level["cpu_percent_of_one_core"].items())
        print(f"{level['people']:>6} {pair('slider_to_draft'):>25} {pair('journal_load'):>19} {pair('analyse'):>16} "
              f"{pair('draft_page_load'):>19}  {cpu}")  # fmt: skip
        if "ms_to_script_finished" in level:
            done = _pair(level["ms_to_script_finished"])
            print(f"{'':>6} {done('slider_to_draft'):>25} {done('journal_load'):>19} {done('analyse'):>16} "
                  f"{done('draft_page_load'):>19}  (until the run's script_finished)")  # fmt: skip
    finished = f" (to script_finished: {result['ratio_to_script_finished']})" if "ratio_to_script_finished" in result else ""
    print(f"goal: {result['goal']}: ratio {result['ratio']}{finished} -> {result['result']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("all", "browser", "queries"), default="all")
    parser.add_argument("--owners", type=int, default=10_000)
    parser.add_argument("--apps", type=int, default=20)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--people", default="1,5,10", help="concurrent people, one level after the other")
    parser.add_argument("--rounds", type=int, default=3, help="rounds a person does at each level")
    parser.add_argument("--moves", type=int, default=4, help="slider moves a round")
    parser.add_argument("--think-ms", type=int, default=1000, help="a person's pause between two actions")
    parser.add_argument("--navigation", choices=("sidebar", "reload"), default="sidebar",
                        help="go to a page with the sidebar's link (as people do) or by loading its address "
                             "(browser client; the websocket client always changes page in its session)")
    parser.add_argument("--client", choices=("ws", "browser"), default="ws",
                        help="ws: each person signs in once with Chromium, then acts over Streamlit's websocket "
                             "(server-side latency, a light load generator); browser: each person a Chromium page")
    args = parser.parse_args()
    ok = True
    if args.part in ("all", "browser"):
        if not Path(CHROMIUM).exists():
            print(f"browser part skipped: {CHROMIUM} is missing (apt-get install chromium)")
        else:
            levels = [int(n) for n in args.people.split(",")]
            browser = browser_bench(levels, args)
            print_browser(browser)
            out = ROOT / "benchmarks" / "results"
            out.mkdir(parents=True, exist_ok=True)
            (out / f"hosted_{args.client}.json").write_text(json.dumps(browser, indent=2) + "\n", encoding="utf-8")
            ok = browser["result"] == "PASS"
    if args.part in ("all", "queries"):
        ok = queries(args) and ok
    return 0 if ok else 1


def queries(args: argparse.Namespace) -> bool:
    with PostgresServer() as pg:
        upgrade(pg.owner_url)
        seconds = load(pg.owner_url, args.owners, args.apps)
        result = {"owners": args.owners, "applications": args.owners * args.apps, "load_s": round(seconds, 1),
                  "samples": args.samples, **measure(pg.app_url, args.owners, args.samples)}  # fmt: skip
    print(f"{result['applications']:,} applications ({args.owners:,} owners x {args.apps}), loaded in {seconds:.1f} s; "
          f"{args.samples} journal pages for random people, as the app role under row-level security")  # fmt: skip
    print(f"{'query':<34} {'p50 ms':>8} {'p95 ms':>8}")
    for name, ms in result["ms"].items():
        print(f"{name:<34} {ms['p50']:>8} {ms['p95']:>8}")
    print(f"client CPU: {result['client_cpu_percent_of_one_core']}% of one core")
    print("plan of the applications query:\n  " + "\n  ".join(result["plan"]))
    print("uses the owner index:", result["uses_owner_index"])
    out = ROOT / "test-artifacts" / "bench_hosted.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    return bool(result["uses_owner_index"])


if __name__ == "__main__":
    sys.exit(main())
