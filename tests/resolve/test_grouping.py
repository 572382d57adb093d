"""One event per sub-type, place and day (ACLED's unit, guide §2), not more: the reports an article
tells of one demonstration, of one act of violence, or at one place of a list join; a report of
another day, another act or another place does not. Short texts written for these tests, unit
checks on hand-made mentions, and train articles of the news corpus."""

from __future__ import annotations

import pytest

from eventledger.extraction.mentions import EventMention, PlaceFound
from eventledger.records import Evidence, Location
from eventledger.resolve.grouping import group_mentions, lead_mention
from tests.stories import run_story
from tests.stories import train_article as _train_article


def _mention(text, sub, etype, paragraph=0, date=None, precision=None, start=0, trigger=None, place=None):
    word = trigger or text.split()[0]
    at = text.index(word)
    mention = EventMention(
        sentence=Evidence(start, start + len(text), text), paragraph=paragraph, event_type=etype,
        sub_event_type=sub, confidence=0.8, trigger=Evidence(start + at, start + at + len(word), word),
        date=date, date_precision=precision)
    if place is not None:
        i = text.index(place)
        mention.place = PlaceFound(place, start + i, start + i + len(place))
    return mention


# ---- demonstrations: one per place and day, at its most escalated form ---------------------------

def test_a_demonstration_told_in_several_sentences_is_one_event_at_its_most_escalated_form():
    events, _ = run_story("Thousands of opposition supporters rallied in Dhaka on Saturday. Police fired tear gas "
                          "and water cannon to disperse the crowd. Some protesters threw stones at the police.",
                          "2024-03-10")
    assert [(e.sub_event_type, e.location.name, e.date) for e in events] == [
        ("Violent demonstration", "Dhaka", "2024-03-09")]


def test_a_demonstration_on_another_day_in_the_same_town_is_another_event():
    events, _ = run_story("Thousands of nurses marched in Lyon, police fired tear gas. The rally on Saturday was "
                          "organised by the unions. On Wednesday night, hundreds of students rallied outside the "
                          "town hall in Lyon.", "2024-03-10")
    assert [(e.location.name, e.date) for e in events] == [("Lyon", "2024-03-09"), ("Lyon", "2024-03-06")]
    assert events[0].sub_event_type == "Protest with intervention"  # the rally, pointed back to, is the same one


def test_people_killed_at_a_peaceful_protest_make_it_excessive_force():
    events, _ = run_story("Hundreds of people protested peacefully in Basra on Saturday against power cuts. Two "
                          "protesters were killed, medics said.", "2024-03-10")
    assert [e.sub_event_type for e in events] == ["Excessive force against protesters"]


def test_a_demonstration_report_with_the_day_of_the_sentence_before_is_of_that_day():
    town = Location(name="Oruro", country_code="BO", precision=1, feature="city")
    tear_gas = _mention("Police fired tear gas at marchers in Oruro.", "Protest with intervention", "Protests", 0,
                        place="Oruro")
    march = _mention("Most of the marchers were peaceful.", "Peaceful protest", "Protests", 1, start=60,
                     trigger="marchers")
    march.narrative_date = ("2024-03-09", "day")  # "... during Saturday's march. Most of the marchers ..."
    assert len(group_mentions([tear_gas, march], {0: town}, "2024-03-11")) == 2
    march.narrative_date = ("2024-03-11", "day")  # the day of the publication: the undated report's day
    assert len(group_mentions([tear_gas, march], {0: town}, "2024-03-11")) == 1


def test_a_demonstration_is_coded_at_its_most_escalated_report():
    peaceful = _mention("Students marched in the capital.", "Peaceful protest", "Protests")
    riot = _mention("Protesters threw stones at police.", "Violent demonstration", "Riots", start=40)
    dispersed = _mention("Police dispersed the crowd.", "Protest with intervention", "Protests", start=80)
    assert lead_mention([peaceful, dispersed]) is dispersed
    assert lead_mention([peaceful, riot, dispersed]) is riot


# ---- violence told again in words that do not say its kind -------------------------------------

@pytest.mark.parametrize("body, sub_type", [
    ("A suicide bomber killed at least four people at a tea shop in Beledweyne on Sunday. A witness said there "
     "was a huge blast.", "Suicide bomb"),
    ("A coalition air strike hit a bus at a market in Saada on Thursday, killing 40 people. The Red Cross said "
     "the attack targeted a bus carrying children.", "Air/drone strike"),
])
def test_a_word_that_only_says_violence_happened_retells_the_violence_just_reported(body, sub_type):
    events, _ = run_story(body, "2024-03-10")
    assert [e.sub_event_type for e in events] == [sub_type]


def test_a_lead_in_vague_words_is_named_by_the_report_that_says_what_happened():
    events, _ = run_story("Market attacked by militants in Kashmir\n\nMilitants threw a grenade into a crowded "
                          "market in Srinagar on Saturday, killing two people.", "2024-03-10")
    assert [(e.sub_event_type, e.location.name) for e in events] == [("Grenade", "Srinagar")]


@pytest.mark.parametrize("body", [
    # the troops' fight with the attackers, another day: an armed clash of its own
    "Gunmen stormed a hotel in Bamako on Friday night, killing 20 people. Security forces fought the gunmen and "
    "retook the hotel on Saturday, killing four of them.",
    # told as another act, at another time
    "A bomb exploded near a UN convoy in Idlib on Tuesday. Shortly before that, soldiers attacked a funeral nearby, "
    "killing 20 people.",
])
def test_another_act_told_after_the_violence_is_another_event(body):
    events, _ = run_story(body, "2024-03-10")
    assert len(events) == 2


def test_a_clash_does_not_join_an_attack_named_in_words_of_its_kind():
    from eventledger.resolve.grouping import group_mentions as group

    attack = _mention("Gunmen stormed the hotel.", "Attack", "Violence against civilians", trigger="stormed")
    gunfire = _mention("Gunfire rang out as soldiers fought them.", "Armed clash", "Battles", 1, start=40,
                       trigger="Gunfire")
    assert len(group([attack, gunfire], {})) == 2
    killed = _mention("Five people were killed.", "Attack", "Violence against civilians", trigger="were killed")
    assert len(group([killed, gunfire], {})) == 1  # neither names its kind: one violence told twice


# ---- the places of a list ----------------------------------------------------------------------

def test_the_reports_of_one_sentence_at_several_places_never_join():
    first = _mention("Gunmen killed four in Ardo and three in Bekin.", "Attack", "Violence against civilians",
                     trigger="killed", place="Ardo")
    second = _mention("Gunmen killed four in Ardo and three in Bekin.", "Attack", "Violence against civilians",
                      trigger="killed", place="Bekin")
    first.place_list, second.place_list = (0, 0), (0, 1)
    region = Location(name="Zamfara", country_code="NG", precision=2, feature="region")
    # the gazetteer knows neither village and places both at their state: still two events
    assert len(group_mentions([first, second], {0: region, 1: region})) == 2
    assert len(group_mentions([first, second], {})) == 2


def test_a_report_at_an_unknown_place_of_a_list_does_not_join_an_event_placed_elsewhere():
    town = Location(name="Kirkuk", country_code="IQ", precision=1, feature="city")
    bombing = _mention("A car bomb exploded in Kirkuk.", "Remote explosive/landmine/IED", "Explosions/Remote violence",
                       trigger="bomb", place="Kirkuk")
    listed = _mention("Attacks in the towns of Ardo and Bekin left seven dead.", "Attack",
                      "Violence against civilians", 1, start=40, trigger="Attacks", place="Ardo")
    listed.place_list = (40, 0)
    assert len(group_mentions([bombing, listed], {0: town})) == 2


# ---- corpus articles of the train split --------------------------------------------------------



@pytest.mark.parametrize("name", [
    "ru-st-petersburg-march-of-dissent-2007-eternalremont",
    "zw-harare-election-protest-man-shot-2018-questtimes",
    "ke-nairobi-parliament-protesters-shot-2024-kenyatoday",
])
def test_corpus_demonstrations_told_in_several_reports_are_one_event(name):
    events = _train_article(name)
    demonstrations = [e for e in events if e.event_type in ("Protests", "Riots")]
    assert len(demonstrations) == 1
    assert not [e for e in events if e.event_type == "Battles"]  # gunfire at it is part of it


@pytest.mark.parametrize("name, sub_type", [
    ("so-beledweyne-tea-shop-suicide-2017-ofofoupdate", "Suicide bomb"),
    ("ye-saada-school-bus-strike-2018-ecocci", "Air/drone strike"),
    ("xx-may-31-2006-briefs-srinagar-grenade-wikinews", "Grenade"),
])
def test_corpus_violence_retold_in_vague_words_is_one_event_of_its_kind(name, sub_type):
    events = _train_article(name)
    violent = [e for e in events if e.event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")]
    assert [e.sub_event_type for e in violent] == [sub_type]
