"""Tokens used by the model calls behind one result, and their estimated cost from ``prompts/prices.yaml``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rebond.models import Usage
from rebond.resources import load_data


def price_per_token(model: str) -> tuple[float, float] | None:
    """USD per input and per output token, or None for a model the price table does not list."""
    table = load_data("prices.yaml")
    name = model.lower().rsplit("/", 1)[-1]  # "openai/gpt-4.1-mini" is priced as gpt-4.1-mini
    # A dated snapshot ("gpt-4.1-mini-2025-04-14") takes the price of the longest listed name it extends.
    matches = [key for key in table["models"] if name == key or name.startswith(f"{key}-")]
    if not matches:
        return None
    prices = table["models"][max(matches, key=len)]
    per = float(table["per_tokens"])
    return float(prices["input"]) / per, float(prices["output"]) / per


def usage_of(messages: Iterable[Any], model: str) -> Usage:
    """Summed token counts of the model's answers (``usage_metadata``), with a cost when the model is priced."""
    input_tokens = output_tokens = 0
    for message in messages:
        metadata = getattr(message, "usage_metadata", None) or {}
        input_tokens += int(metadata.get("input_tokens") or 0)
        output_tokens += int(metadata.get("output_tokens") or 0)
    prices = price_per_token(model)
    cost = None if prices is None else round(input_tokens * prices[0] + output_tokens * prices[1], 8)
    return Usage(model=model, input_tokens=input_tokens, output_tokens=output_tokens, cost_usd=cost)
