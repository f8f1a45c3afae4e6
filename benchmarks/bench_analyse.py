"""Latency of the offline reply analyser: p50/p95 of analyse_reply over ~500 varied replies.

Run: .venv/bin/python benchmarks/bench_analyse.py [calls]. One warm-up pass over the
replies loads the language detector and compiles both lexicons; the target is p95 <= 10 ms
(wall clock). The CPU column (thread time) shows the cost without other processes' noise.
"""

from __future__ import annotations

import statistics
import sys
import time

from rebond.analyse import analyse_reply
from rebond.models import AnalysisRequest

TARGET_P95_MS = 10.0

# Hand-written replies of every kind, length and language (none from the eval set).
REPLIES = {
    "en constructive": [
        "Your CV was strong, but your answers in the interview lacked concrete examples.",
        "We were looking for someone with more hands-on experience in B2B sales, and your tone was a bit "
        "casual for our clients. Preparing a few STAR stories would help a lot next time.",
        "Hi Jordan,\n\nThanks for following up. The role requires daily work in Power BI and SQL, and "
        "you mentioned you have mostly used Excel so far. Your cover letter also talked mostly about retail "
        "rather than logistics. On the positive side, the panel liked your energy and your questions.\n\n"
        "Best regards,\nKim Nguyen\nTalent Acquisition | Northwind Freight",
    ],
    "en generic": [
        "Thank you for your interest. We received many applications and have decided to move forward with "
        "candidates whose experience more closely matches our needs. We wish you every success.",
        "This is an automated message, please do not reply. Your application has been reviewed.",
    ],
    "en malicious": [
        "Honestly, your interview was a waste of our time. Pathetic.",
        "Oh, you'd like feedback? How adorable. Please don't reapply.",
    ],
    "fr constructive": [
        "Vos réponses en entrevue manquaient d'exemples concrets et votre lettre était générique.",
        "Bonjour Léa, ce n'est pas votre expérience qui est en cause : vous avez employé beaucoup de jargon "
        "technique, ce qui est délicat pour un poste en relation client, et vous n'aviez aucune question à "
        "nous poser en fin d'entretien. Bien à vous, Hugo",
        "Bonjour Vincent,\n\nMerci pour ta patience. Trois éléments ont pesé : tu n'as pas encore "
        "travaillé en usine, tu nous as dit ne jamais avoir programmé d'automates, et ton CV ne "
        "précisait aucun résultat. Notre équipe fonctionne aussi beaucoup en autonomie, alors que tu "
        "préfères un encadrement serré.\n\n"
        "Continue, tu as du potentiel.\nLucie",
    ],
    "fr generic": [
        "Nous avons reçu un grand nombre de candidatures et ne sommes pas en mesure de fournir de "
        "rétroaction individuelle. Nous conservons votre CV et vous souhaitons bonne chance.",
        "Bonjour, après une analyse attentive de votre dossier, nous ne donnerons pas suite. Cordialement.",
    ],
    "fr malicious": [
        "Franchement, votre entretien était ridicule, une vraie perte de temps.",
        "On a bien ri au bureau en lisant ta lettre. Oublie-nous.",
    ],
    "protected ground": [
        "À votre âge, nous préférons un profil plus jeune pour notre équipe.",
        "We decided not to move forward because you told us you are pregnant.",
    ],
    "other language": [
        "Gracias por su candidatura. Lamentablemente hemos elegido a otra persona.",
    ],
}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(calls: int = 500) -> int:
    requests = [
        (group, AnalysisRequest(reply=reply, candidate_name="Alex", recruiter_name="Mme Roy"))
        for group, replies in REPLIES.items()
        for reply in replies
    ]
    for _, request in requests:  # warm-up: detector model, English and French lexicons
        analyse_reply(request)
    timings: dict[str, list[float]] = {group: [] for group in REPLIES}
    cpu: dict[str, list[float]] = {group: [] for group in REPLIES}
    for index in range(calls):
        group, request = requests[index % len(requests)]
        start, start_cpu = time.perf_counter(), time.thread_time()
        analyse_reply(request)
        timings[group].append((time.perf_counter() - start) * 1000)
        cpu[group].append((time.thread_time() - start_cpu) * 1000)

    every = [ms for values in timings.values() for ms in values]
    every_cpu = [ms for values in cpu.values() for ms in values]
    print(f"analyse_reply latency over {len(every)} calls (ms)")
    print(f"{'replies':18} {'calls':>6} {'p50':>7} {'p95':>7} {'max':>7} {'cpu p95':>8}")
    for group, values, cpu_values in [
        *((group, timings[group], cpu[group]) for group in REPLIES),
        ("all", every, every_cpu),
    ]:
        print(
            f"{group:18} {len(values):>6} {statistics.median(values):>7.2f} "
            f"{percentile(values, 0.95):>7.2f} {max(values):>7.2f} {percentile(cpu_values, 0.95):>8.2f}"
        )
    p95 = percentile(every, 0.95)
    verdict = "ok" if p95 <= TARGET_P95_MS else "TOO SLOW"
    print(f"p95 {p95:.2f} ms, target <= {TARGET_P95_MS:.0f} ms: {verdict}")
    return 0 if p95 <= TARGET_P95_MS else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 500))
