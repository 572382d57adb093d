"""Articles without a publication date: relative dates stay unresolved (never resolved against the
clock), an explicit past year or period still makes a report background; and where a publication
date comes from is recorded (given, the page's metadata, a "Published" line, a dated dateline)."""

from __future__ import annotations

import re

import pytest

from eventledger import extract
from eventledger.language.dates import find_date, month_only, past_period, reference_year


@pytest.mark.parametrize("sentence", [
    "Gunmen attacked the village on May 1, residents said.",
    "Fighting intensified in March.",
    "Rebels shelled the town last year.",
    "The army said it shelled the town this year.",
    "Clashes broke out last month near the border.",
    "Two soldiers were killed yesterday in an ambush.",
])
def test_a_relative_date_without_a_publication_date_stays_unresolved(sentence):
    assert find_date(sentence, None) is None


def test_a_date_with_its_year_resolves_without_a_publication_date():
    found = find_date("Gunmen attacked the village on May 1, 2024, residents said.", None)
    assert found is not None and (found.date, found.precision) == ("2024-05-01", "day")
    found = find_date("About 6,500 people died in six weeks of fighting in 2020.", None)
    assert found is not None and (found.date, found.precision) == ("2020-01-01", "year")


def test_the_year_an_undated_article_is_told_in():
    assert reference_year("The war ended in 2020. Talks between 2020 and 2022 failed. Troops leave by the end of 2030.") == 2022
    assert reference_year("Gunmen killed five people on Tuesday.") is None
    assert past_period("Rebels overran the town two years ago.") and past_period("Last year the army retook it.")
    assert not past_period("Rebels overran the town last week.")
    assert month_only("In April, the RSF overran the nearby camp.") and not month_only("On April 3, the RSF overran it.")


@pytest.fixture(scope="module")
def undated_seed(seed_text):
    return extract(seed_text)  # no publication date


def test_a_past_war_toll_is_background_without_a_publication_date(undated_seed):
    """The sample article, undated: 'About 6,500 people died in six weeks of fighting in 2020' is
    the 2020 war, never a current event, and nothing is dated by the machine's clock."""
    for event in undated_seed.events:
        for figure in event.figures:
            if figure.count == 6500:
                assert figure.background and event.background
    current = [e for e in undated_seed.events if not e.background]
    assert current and all(e.date is None for e in current)  # undated, not today nor 2020
    assert {e.sub_event_type for e in current} >= {"Armed clash", "Peaceful protest"}
    years = set(re.findall(r"\b(?:19|20)\d\d\b", undated_seed.article.text))
    assert all(e.date[:4] in years for e in undated_seed.events if e.date)


def test_an_undated_folder_puts_no_past_war_among_the_news(tmp_path, seed_text):
    """`eventledger ingest` on a folder of plain text without dates: the 2020 toll is hidden with
    the background, and the sample's events are listed undated rather than as the oldest."""
    import subprocess
    import sys

    from eventledger import Ledger

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "article.txt").write_bytes(seed_text)
    db = str(tmp_path / "l.duckdb")
    run = [sys.executable, "-m", "eventledger"]
    assert subprocess.run([*run, "ingest", str(folder), "--db", db, "--quiet"], capture_output=True).returncode == 0
    listed = subprocess.run([*run, "events", "--db", db], capture_output=True, text=True).stdout
    rows = [line for line in listed.splitlines() if not line.startswith(" ") and "  " in line]
    assert rows and all("  undated  " in line for line in rows) and "6500" not in listed
    with Ledger(db, read_only=True) as ledger:
        events = ledger.events(output="records")
        assert events and all(e["date"] is None and not e["date_inferred"] for e in events)
        assert all((e["fatalities_best"] or 0) < 6500 for e in events)
        background = ledger.events(include_background=True, output="records")
        assert any(e["date"] == "2020-01-01" and e["background"] for e in background)


def test_where_the_publication_date_came_from():
    body = "Rioters set fire to buses and looted shops in the capital on Thursday, witnesses said."
    given = extract("Riot\n\n" + body, published="2023-06-02")
    assert (given.article.published, given.article.published_source) == ("2023-06-02", "given")
    line = extract("Riot\n\nPublished 2 June 2023\n\n" + body)
    assert (line.article.published, line.article.published_source) == ("2023-06-02", "published_line")
    wire = extract("Riot\n\nLAGOS, June 2, 2023 (Reuters) - " + body)
    assert (wire.article.published, wire.article.published_source) == ("2023-06-02", "dateline")
    page = extract('<html><head><meta property="article:published_time" content="2023-06-02T10:00:00Z">'
                   f"<title>Riot</title></head><body><article><h1>Riot</h1><p>{body}</p><p>{body}</p></article></body></html>")
    assert (page.article.published, page.article.published_source) == ("2023-06-02", "html_metadata")
    assert all(e.date == "2023-06-01" for e in page.events)
    none = extract("Riot\n\n" + body)
    assert (none.article.published, none.article.published_source) == (None, None)
    assert all(e.date is None for e in none.events)
