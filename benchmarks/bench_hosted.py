"""Hosted-scale journal queries on PostgreSQL: N owners x M applications, the journal page's queries as the app role.

Starts a throw-away PostgreSQL (rebond.testing.postgres, as for the tests), migrates it as the owner role, loads
``--owners`` people with ``--apps`` applications each (one draft per application, an analysis on every other one;
server-side, generate_series), then, as the app role under row-level security, times what the journal page asks
for one person (applications with counts, drafts, analyses, kinds by month, counts) for random people:
p50/p95 per query and for the whole page, with this process's CPU time, and the plan of the applications query
(it must use the owner index). Results: stdout and test-artifacts/bench_hosted.json.

    .venv/bin/python benchmarks/bench_hosted.py                 # 10,000 owners x 20 applications = 200,000
    .venv/bin/python benchmarks/bench_hosted.py --owners 1000   # quicker
"""

from __future__ import annotations

import argparse
import json
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--owners", type=int, default=10_000)
    parser.add_argument("--apps", type=int, default=20)
    parser.add_argument("--samples", type=int, default=300)
    args = parser.parse_args()
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
    return 0 if result["uses_owner_index"] else 1


if __name__ == "__main__":
    sys.exit(main())
