"""eventledger: news about armed conflict, political violence and crises into evidence-backed
event data. Every extracted value carries the character offsets of the text it came from.

The public names are loaded on first use, so importing one stage does not load them all."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_PUBLIC = {
    "extract": "eventledger.pipeline",
    "process": "eventledger.pipeline",
    "EventledgerError": "eventledger.errors",
    "InputError": "eventledger.errors",
    "Actor": "eventledger.records",
    "Article": "eventledger.records",
    "Event": "eventledger.records",
    "Evidence": "eventledger.records",
    "Extraction": "eventledger.records",
    "Figure": "eventledger.records",
    "Location": "eventledger.records",
    "Statement": "eventledger.records",
    "Ledger": "eventledger.ledger",
}
__all__ = sorted(_PUBLIC)

if TYPE_CHECKING:
    from .errors import EventledgerError, InputError
    from .ledger import Ledger
    from .pipeline import extract, process
    from .records import Actor, Article, Event, Evidence, Extraction, Figure, Location, Statement


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'eventledger' has no attribute {name!r}")
