"""Event typing for the extraction stage (ACLED event type and sub-event type of a sentence).

The implementation lives in `eventledger.extraction.eventtype`; this module is its public face."""

from __future__ import annotations

from .eventtype import EventKind, Trigger, classify, classify_many, explain

__all__ = ["EventKind", "Trigger", "classify", "classify_many", "explain"]
