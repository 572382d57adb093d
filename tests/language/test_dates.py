"""Dates resolved against the publication date, with the precision the text supports."""

from __future__ import annotations

import pytest

from eventledger.language.dates import find_date

PUBLISHED = "2024-03-14"  # a Thursday


@pytest.mark.parametrize("sentence, date, precision", [
    ("Gunmen attacked the village on Tuesday, residents said.", "2024-03-12", "day"),
    ("The army said it shelled the town on Thursday.", "2024-03-14", "day"),
    ("Protesters returned to the streets today.", "2024-03-14", "day"),
    ("Two soldiers were killed yesterday in an ambush.", "2024-03-13", "day"),
    ("On March 3, rebels seized the airport.", "2024-03-03", "day"),
    ("The strike on 28 February killed four people.", "2024-02-28", "day"),
    ("Fighting intensified in January.", "2024-01-01", "month"),
    ("About 6,500 people died in six weeks of fighting in 2020.", "2020-01-01", "year"),
    ("Clashes broke out last week near the border.", "2024-03-07", "week"),
])
def test_dates_resolve_against_publication(sentence, date, precision):
    found = find_date(sentence, PUBLISHED)
    assert found is not None
    assert (found.date, found.precision) == (date, precision)
    assert sentence[found.start : found.end] == found.text


def test_no_date_in_sentence():
    assert find_date("The ministry said the situation was stable.", PUBLISHED) is None
    assert find_date("May God protect them, he said.", PUBLISHED) is None


def test_a_relative_day_without_a_publication_date_stays_unknown():
    # Resolving "on Thursday" against the day the tool runs would invent a date.
    assert find_date("Rioters looted shops on Thursday, witnesses said.", None) is None
    found = find_date("Rioters looted shops on 1 June 2023, witnesses said.", None)
    assert found is not None and found.date == "2023-06-01"


def test_a_published_line_in_scraped_text_dates_the_article():
    from eventledger.pipeline import extract

    text = ("Riot in the capital\n\nPublished 2 June 2023\n\n"
            "Rioters set fire to buses and looted shops in the capital on Thursday, witnesses said, "
            "and police fired tear gas to disperse them.")
    result = extract(text)
    assert result.article.published == "2023-06-02"
    assert any(e.date == "2023-06-01" for e in result.events)


@pytest.mark.parametrize("sentence, date, precision", [
    # When it was said comes last, marked "said": the event's own day wins elsewhere.
    ("A drone strike killed four people, a local militia said Monday.", "2024-03-11", "said"),
    ("Nine people were killed, the governor told reporters on Tuesday.", "2024-03-12", "said"),
    ("On Wednesday, the Borno Elders Forum, a civic group, said 20 people had died.", "2024-03-13", "said"),
    # A dateline's day is the report's, not the event's.
    ("GOMA, March 14 (Reuters) - Rebels shelled the camp on Tuesday, aid workers said.", "2024-03-12", "day"),
    ("Gunmen raided the village at the weekend, killing five.", "2024-03-09", "week"),
    # A calendar date opening the text, bare or labelled, is the page's date: the sentence's own day wins.
    ("March 14, 2024 - Dozens were killed in an air strike that hit a bus in the north on Tuesday.", "2024-03-12", "day"),
    ("date 2024-03-14 Security forces yesterday opened fire on protesters, killing ten.", "2024-03-13", "day"),
    ("date 2024-03-14 Security forces opened fire on protesters, killing ten.", "2024-03-14", "said"),
])
def test_the_day_something_was_said_is_not_the_event_day(sentence, date, precision):
    found = find_date(sentence, PUBLISHED)
    assert found is not None and (found.date, found.precision) == (date, precision)
    assert sentence[found.start : found.end] == found.text


def test_a_fronted_day_on_the_event_itself_stays_the_event_day():
    found = find_date("On Tuesday, gunmen killed five people in the market, police said.", PUBLISHED)
    assert found is not None and (found.date, found.precision) == ("2024-03-12", "day")


def test_a_sentence_opening_with_a_year_is_anchored_to_it():
    from eventledger.language.dates import year_of

    assert year_of("In 2019 the militia burned the market.") == 2019
    assert year_of("Since 2015, the group has attacked convoys.") == 2015
