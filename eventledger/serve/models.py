"""Pydantic shapes of the HTTP API: they document it in the OpenAPI schema.

They mirror `eventledger.records` (`Extraction.to_dict()`); `extra="allow"` lets fields the ledger
adds pass through without a schema change here."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Evidence(BaseModel):
    start: int = Field(description="offset into the cleaned article text (article.text)")
    end: int
    text: str = Field(description="article.text[start:end]")


class Location(_Open):
    name: str | None = None
    mention: str | None = None
    country: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: int | None = Field(None, description="ACLED geo-precision: 1 town, 2 near a town or district, 3 region")
    evidence: Evidence | None = None
    confidence: float | None = Field(None, description="the calibrated chance the place is the one an annotator codes "
                                                       "for the event")


class Actor(_Open):
    name: str
    role: str | None = None
    mention: str | None = None
    actor_type: str | None = None
    inter_code: int | None = None
    evidence: Evidence | None = None


class Figure(_Open):
    kind: str
    group: str = Field("total", description="who it counts: civilians, security_forces, militants, attackers, "
                                             "protesters, or total (people of no stated side)")
    part: bool = Field(False, description="a part of a toll the report states beside it ('including one soldier'), "
                                          "counted within that toll")
    confidence: float | None = Field(None, description="the calibrated chance the figure is right")
    count: int | None = None
    low: int | None = None
    high: int | None = None
    civilians: int | None = None
    children: int | None = None
    claimant: str | None = Field(None, description="who asserts the figure; null = unattributed")
    claimant_evidence: Evidence | None = None
    hedged: bool = False
    background: bool = False
    evidence: Evidence | None = None
    article_id: str | None = Field(None, description="the article whose text the evidence offsets point into")


class Claim(BaseModel):
    group: str = Field("total", description="the victim group the claim counts")
    claimant: str | None
    count: int | None
    low: int | None = None
    high: int | None = None
    hedged: bool = False
    part: bool = Field(False, description="a part of a toll its report states beside it: it adds to the group's "
                                          "other parts and never conflicts with them")
    confidence: float | None = Field(None, description="the calibrated chance the claim is right")
    article_id: str | None = Field(None, description="the article the claim was read in (evidence offsets point into it)")
    outlet: str | None = None
    evidence: Evidence | None = None


class FigureGroupClaims(BaseModel):
    group: str = Field(description="civilians, security_forces, militants, attackers, protesters or total")
    conflict: bool = Field(description="true when claimants give different numbers for this group")
    claims: list[Claim]


class FigureClaims(BaseModel):
    kind: str
    conflict: bool = Field(description="true when claimants give different numbers for the same victim group "
                                       "(different groups are parts of one toll, not rival claims)")
    claims: list[Claim]
    parts: list[FigureGroupClaims] = Field([], description="the claims by victim group, side by side")


class Report(_Open):
    article_id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    evidence: list[Evidence] = []


class EventSummary(_Open):
    id: str
    event_type: str
    sub_event_type: str | None = None
    confidence: float | None = None
    date: str | None = Field(None, description="YYYY-MM-DD; null: undated (no date in the text, no publication date)")
    date_precision: str | None = None
    date_inferred: bool | None = Field(None, description="the date rests on a publication date: the publication "
                                                         "date itself, or a relative day resolved against an "
                                                         "inferred one")
    published_source: str | None = Field(None, description="where the publication date the date rests on came "
                                                           "from (given, jsonl, csv, feed, sidecar, html_metadata, "
                                                           "published_line, dateline, warc_date...)")
    location: Location | None = None
    claimants: list[str] = []
    background: bool = False
    reports: int | list[Report] | None = None


class EventDetail(EventSummary):
    actors: list[Actor] = []
    figures: list[Figure] = []
    figure_claims: list[FigureClaims] = []
    evidence: list[Evidence] = []
    trigger: Evidence | None = None


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[EventSummary]


class ArticleSummary(_Open):
    id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_source: str | None = Field(None, description="where `published` came from; html_metadata, "
                                                           "published_line, dateline and warc_date are inferred")


class ArticlePage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ArticleSummary]


class ArticleDetail(_Open):
    id: str
    article: dict[str, Any] = Field(description="the cleaned article; `text` is what every evidence offset points into")
    removed: list[dict[str, Any]] = Field([], description="what cleaning dropped, each {text, reason}")
    events: list[dict[str, Any]] = []
    statements: list[dict[str, Any]] = []
    warnings: list[str] = []


class Statement(_Open):
    speaker: str | None = None
    kind: str
    text: str
    target: str | None = None
    confidence: float | None = Field(None, description="the calibrated chance an annotator codes the statement, "
                                                       "of its kind")
    article_id: str | None = None
    evidence: Evidence | None = None


class StatementPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Statement]


class ArticleIn(BaseModel):
    """A new article: exactly one of `text` (plain text) or `html` (a web page)."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = None
    html: str | None = None
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD")

    @field_validator("published")
    @classmethod
    def _real_day(cls, value: str | None) -> str | None:
        from ..ingest.dates import day_or_none

        if value is not None and day_or_none(value) is None:
            raise ValueError(f"{value!r} is not a real date")
        return value


class StoredOut(BaseModel):
    article_id: str
    event_ids: list[str]
    statements: int
    duplicate: bool = Field(False, description="the same text was already in the ledger")


class ErrorBody(BaseModel):
    code: str
    message: str


class ErrorOut(BaseModel):
    error: ErrorBody
