"""Rebond: ask for feedback after a rejection, and use what comes back."""
