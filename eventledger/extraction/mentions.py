"""Sentence-level findings of the extraction stage, before they are grouped into events.

Offsets here are already absolute (into `Article.text`)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from ..records import Evidence, Statement


@dataclass(slots=True)
class PlaceFound:
    text: str
    start: int
    end: int
    near: bool = False  # given only to locate the event ("50 miles southwest of Mocha"): ACLED's precision 2


@dataclass(slots=True)
class SettingName(PlaceFound):
    """A place name the story is told with, and how wide it is: 0 a town or smaller, 1 a region, 2 a country."""

    level: int = 0


@dataclass(slots=True)
class ActorFound:
    text: str
    role: str
    start: int
    end: int


@dataclass(slots=True)
class FigureCount:
    """What a figure says, wherever it was found: the sentence-level hit (`figures.FigureHit`)
    and the evidence handed to resolution (`FigureFound`) both extend it."""

    kind: str
    count: int | None
    low: int | None
    high: int | None
    civilians: int | None
    children: int | None
    hedged: bool
    background: bool


@dataclass(slots=True)
class FigureFound(FigureCount):
    evidence: Evidence
    claimant: str | None = None
    claimant_evidence: Evidence | None = None
    group: str = "total"  # who it counts (`figures/groups.py`): civilians, security_forces, ..., total
    part: bool = False  # a part of a toll told beside it ("including 13 staff")
    settled: bool = False  # its claimant is its own sentence's (None: the outlet's), never the event's

    @classmethod
    def of(cls, figure: FigureCount, evidence: Evidence) -> FigureFound:
        """The figure's shared fields, placed in the article by `evidence`."""
        found = cls(*(getattr(figure, f.name) for f in fields(FigureCount)), evidence)
        found.group = getattr(figure, "group", "total")
        found.part = getattr(figure, "part", False)
        return found


@dataclass(slots=True)
class EventMention:
    """One sentence's report of an event."""

    sentence: Evidence
    paragraph: int
    event_type: str
    sub_event_type: str
    confidence: float
    trigger: Evidence | None
    place: PlaceFound | None = None
    actors: list[ActorFound] = field(default_factory=list)
    figures: list[FigureFound] = field(default_factory=list)
    claimant: str | None = None
    claimant_evidence: Evidence | None = None
    hedged: bool = False
    date: str | None = None
    date_precision: str | None = None
    date_evidence: Evidence | None = None
    background: bool = False
    anaphoric: str | None = None  # "operation" in "the operation killed ...": refers back
    cause: str | None = None  # "the bombs" in "houses were destroyed by the bombs": a cause already told
    # the sentence names a cause of harm that is no political violence (a flood, a crash, a fire
    # in a factory): its toll tells of no attack unless an event word says so
    nonviolent_cause: bool = False
    extra_sentences: list[Evidence] = field(default_factory=list)  # sentences that joined it
    place_fallbacks: list[PlaceFound] = field(default_factory=list)  # places that contain `place`
    # An undated report's time as the sentence before it in its paragraph gives it ("The fighting in
    # July was the worst in a decade. At least 43 people were killed ..."): date and precision.
    narrative_date: tuple[str, str] | None = None
    # One of the reports a sentence told at several places ("killed four in X and three in Y"):
    # the sentence's start and this place's position among them (`places/lists.py`).
    place_list: tuple[int, int] | None = None
    # Typed after the event it tells at another place of the list (a sentence with no event word of
    # its own: "The attack took place in X and Y", "17 were killed in X and ten in Y").
    borrowed_type: bool = False


@dataclass(slots=True)
class SentenceFindings:
    events: list[EventMention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    settings: list[SettingName] = field(default_factory=list)  # where the story is set (`settings.py`)
