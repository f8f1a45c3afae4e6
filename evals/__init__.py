"""Rebond's evals: datasets, one small evaluator per suite, thresholds; run with ``python -m evals SUITE``."""
