"""Run the extraction stage: the cleaned article's sentences in, event mentions and statements out.

Cheap tests decide which sentences need the full parse: only sentences that the event typer
flags, that carry a figure-like number, or that may hold a statement are parsed."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date as date_of

from ..knowledge.speech import saying_verbs
from ..language import Sentence, parse_many, sentences, token_at
from ..language.dates import find_date, month_only, past_period, reference_year, year_of
from ..records import Article, Evidence, Statement
from .actors import find_actors
from .discourse.attribution import estimate_claimant, figure_claimant, find_claimant
from .discourse.hedges import is_hedged
from .discourse.modality import disputes, hypothetical
from .discourse.reference import may_tell_event_happened, opens_on_told_event, told_event_happened, told_event_word
from .discourse.reporting import (
    agreement_made,
    doers_subject,
    follows_on,
    known_cause,
    names_armed_people,
    names_doers,
    reports_no_event,
    tells_a_state,
    told_as_history,
)
from .figures import find_figures, lexicon, restating_verb
from .figures.kinds import kind_of
from .mentions import ActorFound, EventMention, FigureFound, PlaceFound, SentenceFindings
from .places import find_event_place, is_government_metonym, place_spans, reference_point
from .places.clauses import where_clause_report
from .places.lists import split_by_place
from .places.settings import setting_names
from .statements import PREFILTER as STATEMENT_HINT
from .statements import SpeakerContext, find_statements, quote_spans
from .statements.quotes import attribute_quotations
from .statements.speakers import name_described_sources
from .typing import classify_many

_FIGURE_HINT = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores?|hundreds?|"
    r"thousands?|several)\b|\b(?:kill|wound|injur|dead|died|death|arrest|detain|evacuat|displac|abduct|kidnap|"
    r"shot|murder|execut|behead)\w*",
    re.I,
)
_PRONOUN_WORDS = {"he", "she", "they", "it", "we", "i", "you"}


def analyse(article: Article, *, metonym=None) -> SentenceFindings:
    """Find event mentions and statements sentence by sentence in the article's body."""
    found = SentenceFindings()
    body = sentences(article, kinds=("body",))
    if not body:
        return found
    # Without a publication date, the latest year the article dates something to stands in for
    # it: an earlier year is still the past ("6,500 died in 2020", in a story that names 2022).
    published_year = int(article.published[:4]) if article.published else reference_year(article.text)
    typed = classify_many([s.text for s in body])
    need_parse = [
        s for s, t in zip(body, typed)
        if t.sub_event_type != "none" or _FIGURE_HINT.search(s.text) or STATEMENT_HINT.search(s.text)
        or opens_on_told_event(s.text) or may_tell_event_happened(s.text)
    ]
    parse_many(need_parse)
    parsed = {id(s) for s in need_parse}
    context = SpeakerContext()
    previous_background = False  # the time of the sentence before: "Russia then sent ..." follows it
    for number, (sent, kind) in enumerate(zip(body, typed)):
        before = body[number - 1] if number else None  # whose time an undated report may go on in
        past = year_of(sent.text)
        earlier_year = bool(past and published_year and past < published_year)
        if id(sent) not in parsed:
            previous_background = earlier_year
            continue
        if not earlier_year:
            found.settings.extend(setting_names(sent, sent.doc))  # (not "the army retook Khartoum in 2025")
        disputed, speaker = [], None
        for mention in find_statements(sent.doc, context, metonym):
            record = _statement_record(sent, mention)
            found.statements.append(record)
            if disputes(mention.kind):
                disputed.append(mention.span)
            if speaker is None and record.speaker and record.speaker.lower() not in _PRONOUN_WORDS:
                speaker = (record.speaker, record.speaker_evidence)
        event = _event_mention(sent, kind, article.published, published_year, disputed, speaker, previous_background,
                               told_before=any(e.sub_event_type != "none" and not e.background for e in found.events))
        if event is not None:
            if event.date is None and before is not None and before.paragraph == sent.paragraph:
                told = find_date(before.text, article.published)
                event.narrative_date = (told.date, told.precision) if told is not None else None
            previous_background = event.background
            parts = split_by_place(sent.doc, sent.start, event)  # "killed four in X and three in Y"
            listed = {(q.place.start, q.place.end) for q, _ in parts}
            for part, hit in parts:
                part.place_fallbacks = [p for p in _containers(sent, sent.doc, hit) if (p.start, p.end) not in listed]
                found.events.append(part)
            if not parts:
                found.events.append(event)
                second = where_clause_report(sent.doc, sent.start, event)
                if second is not None:
                    found.events.append(second)  # "... in X before moving on to Y, where they killed eight"
        else:
            previous_background = earlier_year
    name_described_sources(article.text, need_parse, found)  # "a local militia said" ... "X, a local militia"
    attribute_quotations(article, found, body)
    return found


def _ev(sent: Sentence, start: int, end: int) -> Evidence:
    return Evidence(sent.start + start, sent.start + end, sent.text[start:end])


def _statement_record(sent: Sentence, m) -> Statement:
    return Statement(
        speaker=m.speaker,
        kind=m.kind,
        text=m.text,
        target=m.target,
        speaker_evidence=_ev(sent, *m.speaker_span) if m.speaker_span and not m.speaker_from_context else None,
        target_evidence=_ev(sent, *m.target_span) if m.target_span else None,
        evidence=_ev(sent, *m.span),
        sentence=_ev(sent, 0, len(sent.text)),
    )


def _event_mention(sent: Sentence, kind, published: str | None, published_year: int | None,
                   disputed: list[tuple[int, int]] = (), speaker: tuple | None = None,
                   previous_background: bool = False, told_before: bool = True) -> EventMention | None:
    doc = sent.doc
    quotes = quote_spans(sent.text)
    # A toll inside a quotation is the speaker's claim ('"Twenty people were killed," the governor
    # said'), unless the quotation is hypothetical ("if they kill 100 people ...").
    figures = [f for f in find_figures(doc, publication_year=published_year)
               if not _in_quotes(f.start, quotes) or not hypothetical(_quote_around(sent.text, f.start, quotes))]
    if kind.against and names_armed_people(doc):
        # "Gunmen killed five people ..., weeks after floods swept the village": armed people in
        # the sentence may be the cause; the typer's vote stands
        kind = replace(kind, against=())
    if kind.against and kind.sub_event_type != "none" and figures and _only_the_casualty(doc, kind.trigger):
        # "100 people have been killed by rivers bursting their banks" (Sott): the event word is only
        # the casualty, and the cause the sentence names is no violence; the toll stays, with no
        # event of its own.
        kind = replace(kind, event_type="none", sub_event_type="none", trigger=None)
    if kind.sub_event_type == "none" and not figures:
        return _refinement(sent, doc, published)
    if kind.sub_event_type == "Agreement" and not figures and not agreement_made(sent.text):
        return None  # an agreement named (talks, a truce in force, a proposal), not made
    trigger = kind.trigger
    # "accused soldiers of raping at least 21 women": an accusation that counts the acts reports them
    counted_accusation = trigger is not None and _in_quotes(trigger.start, list(disputed)) \
        and _counted_victims(doc, token_at(doc, trigger.start))
    if trigger is not None and not figures and _in_quotes(trigger.start, list(disputed)) and not counted_accusation:
        # "Armenia accused Azerbaijan of trying to carry out ethnic cleansing": what one side
        # accuses, denies or rejects, with no toll of its own, is the statement, not an event.
        return None
    if trigger is not None and _in_quotes(trigger.start, quotes):
        if not figures:
            return None  # an event named inside someone's quotation, with no toll, is their claim
    trigger_i = token_at(doc, trigger.start) if trigger else None
    if trigger_i is not None and not figures and not counted_accusation and reports_no_event(doc, trigger_i):
        return None  # an aim, a condition, a disputed claim, a sound heard, a state described
    doers = trigger_i is not None and told_before and names_doers(doc[trigger_i])
    if trigger_i is None and figures and figures[0].trigger_i is not None:
        trigger_i = figures[0].trigger_i
    mention = EventMention(
        sentence=_ev(sent, 0, len(sent.text)),
        paragraph=sent.paragraph,
        event_type="none" if doers else kind.event_type,
        sub_event_type="none" if doers else kind.sub_event_type,
        confidence=0.0 if doers else kind.confidence,
        trigger=_ev(sent, trigger.start, trigger.end) if trigger and not doers else None,
        hedged=is_hedged(sent.text),
        nonviolent_cause=bool(kind.against),
    )
    if trigger_i is not None:
        place = find_event_place(doc, trigger_i)
        root = next((t.i for t in doc if t.dep_ == "ROOT"), trigger_i)
        # (a sentence whose main verb is one of saying: its places are the speaker's, not the event's)
        if place is None and root != trigger_i and doc[root].lemma_ not in saying_verbs():
            place = find_event_place(doc, root)  # the typer's trigger may sit off the main clause
            for verb in (c for c in doc[root].children if c.dep_ in ("advcl", "conj") and c.pos_ == "VERB"):
                if place is not None:
                    break
                place = find_event_place(doc, verb.i)  # "Protesters opposed to X threw stones ... in Y" (misparsed root)
        if place is not None and not is_government_metonym(doc, place.start_char, place.end_char):
            mention.place = PlaceFound(place.text, sent.start + place.start_char, sent.start + place.end_char,
                                       near=reference_point(doc[place.token_start:place.token_end]))
            mention.place_fallbacks = _containers(sent, doc, place)
        for actor in find_actors(doc, trigger_i):
            mention.actors.append(ActorFound(actor.text, actor.role, sent.start + actor.start, sent.start + actor.end))
    claimant = find_claimant(doc)
    if claimant is not None and not claimant.is_pronoun:
        mention.claimant = claimant.text
        mention.claimant_evidence = _ev(sent, claimant.start, claimant.end)
    elif claimant is not None and speaker is not None:
        # "He said 22 rebels were killed": the speaker the statement stage resolved "he" to.
        mention.claimant, mention.claimant_evidence = speaker
    if claimant is not None and claimant.hedged:
        mention.hedged = True
    for fig in figures:
        found = FigureFound.of(fig, _ev(sent, fig.start, fig.end))
        found.hedged = fig.hedged or mention.hedged
        if mention.claimant:
            found.claimant, found.claimant_evidence = mention.claimant, mention.claimant_evidence
        own = figure_claimant(doc, fig.trigger_i)  # "..., police said, while the organisers said 15,000"
        if own is None:
            # "..., while police put the number at 30,000": a rival count, its estimator's
            own = estimate_claimant(doc, restating_verb(doc, token_at(doc, fig.start)))
        if own is not None and not own.is_pronoun:
            found.claimant, found.claimant_evidence = own.text, _ev(sent, own.start, own.end)
        mention.figures.append(found)
    date = find_date(sent.text, published)
    if date is not None:
        if published and date.date > published[:10] and not figures:
            return None  # "troops are due to leave by the end of 2014": a plan, not a reported event
        mention.date, mention.date_precision = date.date, date.precision
        mention.date_evidence = _ev(sent, date.start, date.end)
    past_year = year_of(sent.text)
    if mention.date and published_year and int(mention.date[:4]) < published_year \
            and not (mention.date_precision == "day" and _days_before(mention.date, published) <= RECENT_DAYS):
        # "In August 2014, fighters overran Sinjar, killing 5,000"; but "on Tuesday" or "on December
        # 30" in a story of January 2 is last week's news, whose year only happens to be the last
        past_year = int(mention.date[:4])
    # Without a publication date nothing says how long ago a date was; but news tells the events
    # it reports by the day ("on Tuesday", "May 1"), so a report dated only to a year ("in 2020",
    # "in May 2024", "In April") is told from a distance, as is one set in an explicit past period
    # ("last year", "two years ago"). The story's first report is its news, whatever its date says.
    undated_past = not published and (
        mention.date_precision == "year" or (mention.date_precision == "month" and told_before)
        or (mention.date is None and (past_period(sent.text) or (told_before and month_only(sent.text)))))
    mention.background = bool(
        (past_year and published_year and past_year < published_year)
        or undated_past
        or (mention.figures and all(f.background for f in mention.figures))
        or (mention.date is None and not mention.figures and tells_a_state(doc, trigger_i))
        or (mention.date is None and previous_background and follows_on(doc))
        or ((mention.date is None or mention.date_precision not in ("day", "said")) and told_as_history(doc, trigger_i))
    )
    # the event already reported that the sentence refers back to, if any ("the operation killed 25")
    mention.anaphoric = told_event_word(sent.text, trigger.start if trigger is not None else None) or mention.anaphoric
    if trigger_i is not None and not doers:
        mention.anaphoric = mention.anaphoric or doers_subject(doc[trigger_i])
        mention.cause = known_cause(doc[trigger_i])
    return mention


RECENT_DAYS = 31  # a day this close before publication is news, in whatever year it fell


def _days_before(day: str, published: str | None) -> int:
    try:
        return (date_of.fromisoformat(published[:10]) - date_of.fromisoformat(day[:10])).days if published else 10**6
    except ValueError:
        return 10**6


def _only_the_casualty(doc, trigger) -> bool:
    """The typer's event word only says people died or were hurt ("were killed", "died")."""
    last = token_at(doc, trigger.end - 1) if trigger is not None else None
    return last is not None and kind_of(doc[last], lexicon()) in ("killed", "injured")


def _containers(sent: Sentence, doc, place) -> list[PlaceFound]:
    """Places named right after the event's place, which usually contain it ("the village of
    Kwall in Nigeria's central Plateau state"): where to fall back when the gazetteer does not
    know the village."""
    out = []
    for span in place_spans(doc):
        if _in_relative_clause(span, place.token_end):
            continue  # "in X province, which borders Y and Z": what X borders does not contain it
        if place.token_end <= span.start <= place.token_end + 8 and span.start_char - doc[0].idx > place.start_char:
            start, end = span.start_char - doc[0].idx, span.end_char - doc[0].idx
            if not is_government_metonym(doc, start, end):
                out.append(PlaceFound(span.text, sent.start + start, sent.start + end))
    # The innermost container first: a region before its country ("Plateau state" before "Nigeria").
    return sorted(out, key=lambda p: -p.start)


def _in_relative_clause(span, after: int) -> bool:
    """Whether the name hangs in a relative or participial clause that opens after token `after`."""
    token = span.root
    for _ in range(8):
        if token.dep_ in ("relcl", "acl") and token.i >= after:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _refinement(sent: Sentence, doc, published: str | None = None) -> EventMention | None:
    """'The operation in the Central Wakiso district involved the police ...': no new event, but
    where (or who) the event already reported happened. Kept as an untyped mention that the
    resolve stage folds into the event it refers back to."""
    lead = opens_on_told_event(sent.text)
    if lead is not None:
        noun_i = word_i = token_at(doc, lead.start(1))
    else:
        happened = told_event_happened(doc)  # "The attack was launched in the Semdinli district"
        if happened is None:
            return None
        word_i, noun_i = happened[0].i, happened[1].i
    if noun_i is None:
        return None
    place = find_event_place(doc, word_i)
    if place is None or is_government_metonym(doc, place.start_char, place.end_char):
        return None
    noun, base = doc[noun_i], doc[0].idx
    mention = EventMention(
        sentence=_ev(sent, 0, len(sent.text)), paragraph=sent.paragraph, event_type="none", sub_event_type="none",
        confidence=0.0, trigger=_ev(sent, noun.idx - base, noun.idx - base + len(noun.text)),
        place=PlaceFound(place.text, sent.start + place.start_char, sent.start + place.end_char),
        anaphoric=noun.lower_,
    )
    date = find_date(sent.text, published)
    if date is not None and date.precision == "day" and (not published or date.date <= published[:10]):
        # "The attack was launched ... on Monday": the day of the event told, which resolve gives it
        mention.date, mention.date_precision = date.date, date.precision
        mention.date_evidence = _ev(sent, date.start, date.end)
    return mention


def _counted_victims(doc, trigger_i: int | None) -> bool:
    """Whether the event word has counted people as its object ("raping at least 21 women")."""
    if trigger_i is None:
        return False
    return any(c.dep_ in ("dobj", "pobj") and any(n.dep_ == "nummod" for n in c.children)
               for c in doc[trigger_i].children)


def _quote_around(text: str, char: int, quotes: list[tuple[int, int]]) -> str:
    return next((text[a:b] for a, b in quotes if a <= char < b), "")


def _in_quotes(char: int, quotes: list[tuple[int, int]]) -> bool:
    return any(a <= char < b for a, b in quotes)



