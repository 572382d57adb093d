"""Typed records that flow between the pipeline's stages and make up its output.

Every extracted value carries `Evidence`: character offsets into the cleaned article text
(`Article.text`) whose slice equals `Evidence.text`. `to_dict()` gives the JSON contract.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Evidence:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Evidence":
        return cls(start, end, text[start:end])


@dataclass(slots=True)
class RawDocument:
    """What ingest hands to clean: the original bytes or text, untouched, plus metadata."""

    content: str
    content_type: str = "text"  # "html" | "text"
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date as given by the corpus, if any
    doc_id: str | None = None  # content hash, set by ingest
    # where `published` came from: given (by the caller), jsonl, json, csv, feed, sidecar,
    # ingest_default (`ingest --published`: for documents without a date of their own), warc_date
    published_source: str | None = None


@dataclass(slots=True)
class Paragraph:
    text: str
    kind: str  # body | heading | caption
    start: int = 0  # offsets into Article.text
    end: int = 0


@dataclass(slots=True)
class Removed:
    text: str
    reason: str  # boilerplate | widget | teaser | subscribe | comment_form | duplicate | ...


@dataclass(slots=True)
class Article:
    """The cleaned article. `text` is title, standfirst and paragraphs joined by blank lines."""

    text: str
    title: str | None = None
    standfirst: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    original_source: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str = "en"
    title_evidence: Evidence | None = None
    standfirst_evidence: Evidence | None = None
    # where `published` came from: what the document was given with (given, jsonl, json, csv,
    # feed, sidecar, ingest_default) or what eventledger inferred (`INFERRED_SOURCES`)
    published_source: str | None = None


# Publication dates eventledger read from the document itself, or a crawl date: not given with it.
INFERRED_SOURCES = frozenset({"html_metadata", "published_line", "dateline", "warc_date"})


@dataclass(slots=True)
class CleanResult:
    article: Article
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Actor:
    name: str  # normalised name
    role: str  # actor1 | actor2 | associate | claimant | speaker | target | ...
    mention: str | None = None  # as written
    actor_type: str | None = None  # ACLED-style: state_forces, rebels, protesters, civilians, ...
    inter_code: int | None = None  # ACLED interaction code 1-8
    country: str | None = None  # ISO alpha-2
    evidence: Evidence | None = None


@dataclass(slots=True)
class Location:
    name: str  # canonical gazetteer name
    mention: str | None = None  # as written
    country: str | None = None  # country name
    country_code: str | None = None  # ISO alpha-2
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: int | None = None  # ACLED-style: 1 town, 2 district/near town, 3 region/province
    feature: str | None = None  # city | region | country | landmark
    geonameid: int | None = None
    evidence: Evidence | None = None
    confidence: float | None = None  # the chance an annotator codes this place for the event (calibrated)


@dataclass(slots=True)
class Figure:
    kind: str  # killed | injured | evacuated | displaced | arrested | missing | crowd | ...
    count: int | None  # best estimate
    low: int | None = None
    high: int | None = None
    civilians: int | None = None
    children: int | None = None
    claimant: str | None = None  # who asserts it; None = unattributed
    claimant_evidence: Evidence | None = None
    hedged: bool = False  # "reportedly", "said to"
    background: bool = False
    evidence: Evidence | None = None  # the number phrase
    sentence: Evidence | None = None
    # who it counts: civilians | security_forces | militants | attackers | protesters | total
    # (people of no stated side). Figures of different groups of one event are parts of its
    # toll that add up; figures of one group from different claimants are rival claims.
    group: str = "total"
    # a part of a toll the report states beside it ("23 killed, including 13 staff and 10
    # patients": the 13 and the 10), counted within that total, never added to it
    part: bool = False
    confidence: float | None = None  # the chance an annotator codes this count for the event (calibrated)


@dataclass(slots=True)
class Event:
    id: str
    event_type: str
    sub_event_type: str
    confidence: float = 0.0
    date: str | None = None
    date_precision: str | None = None  # day | week | month | year
    date_evidence: Evidence | None = None
    location: Location | None = None
    actors: list[Actor] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    claimants: list[str] = field(default_factory=list)
    background: bool = False
    trigger: Evidence | None = None
    evidence: list[Evidence] = field(default_factory=list)  # the sentences that report it


@dataclass(slots=True)
class Statement:
    speaker: str | None
    kind: str  # demand | accuse | deny | reject | appeal | support | threaten | claim | ...
    text: str  # the content of what was said
    target: str | None = None
    speaker_evidence: Evidence | None = None
    target_evidence: Evidence | None = None
    evidence: Evidence | None = None  # slice equal to `text`
    sentence: Evidence | None = None
    confidence: float | None = None  # the chance an annotator codes this statement, of this kind (calibrated)


@dataclass(slots=True)
class Extraction:
    article: Article
    removed: list[Removed] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    doc_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class DocResult:
    """One document's outcome in a corpus run, whatever the engine: its extraction, or why it failed.

    Engines (local, Ray) produce these; the ledger stores them. Nothing is lost: a failed document
    keeps its original content and the reason it failed."""

    doc_id: str
    raw: RawDocument | None
    extraction: Extraction | None = None
    error_code: str | None = None
    error_message: str | None = None
    source: str | None = None  # where it came from: file path, "file.jsonl:12", WARC record id

    @property
    def ok(self) -> bool:
        return self.extraction is not None
