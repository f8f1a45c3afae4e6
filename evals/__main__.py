"""Entry point of ``python -m evals``; the clock starts before the imports, so the printed time is the whole run."""

import time

started = time.perf_counter()

from evals.runner import main  # noqa: E402  (imported after the clock starts, on purpose)

raise SystemExit(main(started=started))
