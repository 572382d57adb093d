"""The record of one figure found in a sentence."""

from __future__ import annotations

from dataclasses import dataclass

from ..mentions import FigureCount
from .groups import TOTAL


@dataclass(slots=True)
class FigureHit(FigureCount):
    """One figure in a sentence: the shared figure fields, with offsets relative to the sentence
    text and the tokens it hangs on (the analysis places the event from the trigger)."""

    start: int
    end: int
    trigger_i: int | None = None  # the token of the verb or noun that says what was counted
    noun_i: int | None = None
    group: str = TOTAL  # who it counts (`groups`)
    part: bool = False  # a part of the toll before it ("including one soldier"), counted within it
