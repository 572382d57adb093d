"""A short news text given as an article is an article: one sentence, a brief, a feed summary, a
wire alert. The sentences are real: they open the VOA reports in tests/fixtures/articles
(public domain). The extract command, the Python API, a corpus run and the HTTP API agree."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from eventledger import InputError, extract

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
# The lead of the VOA Kunar report (examples/voa_sample.txt), alone.
SENTENCE = ("Afghan officials say a coalition air strike has killed 11 civilians, including 10 children, in the "
            "eastern part of the country during a joint Afghan-NATO operation against Taliban militants.")


def _brief() -> str:
    """The first three sentences of the VOA Dadaab report, as one paragraph."""
    text = (ARTICLES / "dadaab-kidnap-rescue-2012.txt").read_text("utf-8")
    start = text.index("Four international aid workers")
    end = text.index("Major Adam Bahdoon")
    return text[start:end].strip()


def _killed(result) -> list[int]:
    """The death tolls (not the parts that break them down: "11 civilians, including 10 children")."""
    return [f.count for e in result.events for f in e.figures if f.kind == "killed" and not f.part]


def test_one_news_sentence_is_an_article():
    result = extract(SENTENCE, published="2013-04-07")
    assert [p.text for p in result.article.paragraphs] == [SENTENCE] and result.article.title is None
    assert [(e.event_type, e.sub_event_type) for e in result.events] == [("Explosions/Remote violence", "Air/drone strike")]
    assert _killed(result) == [11]
    assert result.events[0].figures[0].claimant == "Afghan officials"


def test_a_three_sentence_brief_is_an_article():
    result = extract(_brief(), published="2012-07-02")
    assert result.article.paragraphs[0].kind == "body"
    assert any(e.event_type == "Battles" or e.sub_event_type == "Abduction/forced disappearance" for e in result.events)
    assert result.article.text == _brief()


def test_a_headline_with_an_unpunctuated_lead_keeps_its_title():
    result = extract("Air strike in Kunar\n\nCoalition air strike kills 11 civilians in eastern Afghanistan",
                     published="2013-04-07")
    assert result.article.title == "Air strike in Kunar"
    assert [p.text for p in result.article.paragraphs] == ["Coalition air strike kills 11 civilians in eastern Afghanistan"]
    assert _killed(result) == [11]


def test_an_html_snippet_and_a_feed_summary_are_articles():
    snippet = extract(f"<p>{SENTENCE}</p>", published="2013-04-07")
    assert _killed(snippet) == [11]
    # a feed entry's summary as plain text after its headline (how read_feed wraps it)
    entry = extract(f"<html><head><title>Air strike</title></head><body><article><h1>Air strike</h1>{SENTENCE}"
                    "</article></body></html>", published="2013-04-07")
    assert entry.article.title == "Air strike" and _killed(entry) == [11]


def test_page_like_text_and_empty_pages_are_still_refused():
    headlines = "\n".join(f"Headline number {n} of the day" for n in range(8))  # a page of links, no article
    with pytest.raises(InputError) as info:
        extract(headlines)
    assert info.value.code == "no_text"
    with pytest.raises(InputError):
        extract(b"<html><head><title>x</title></head></html>")


def test_the_extract_command_reads_one_sentence(tmp_path):
    path = tmp_path / "alert.txt"
    path.write_text(SENTENCE + "\n", "utf-8")
    proc = subprocess.run([sys.executable, "-m", "eventledger", "extract", str(path), "--published", "2013-04-07"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "Air/drone strike" in proc.stdout and "killed 11 civilians" in proc.stdout


def test_a_corpus_of_briefs_and_summary_only_feed_entries_is_ingested(tmp_path):
    from eventledger import Ledger

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "alert.txt").write_text(SENTENCE, "utf-8")
    (corpus / "feed.xml").write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example feed</title>
<item><title>Kidnapped aid workers rescued</title><link>https://feed.example.org/1</link>
<pubDate>Mon, 02 Jul 2012 12:00:00 GMT</pubDate><description>{_brief()}</description></item>
</channel></rss>""", "utf-8")
    with Ledger(str(tmp_path / "l.duckdb")) as ledger:
        stats = ledger.ingest([corpus], published="2013-04-07")
        assert (stats.ok, stats.errors) == (2, 0)
        assert ledger.count_events(sub_event_type="Air/drone strike") == 1
        (entry,) = [a for a in ledger.articles(output="records") if a["url"] == "https://feed.example.org/1"]
        assert entry["events"] >= 1 and entry["published"] == "2012-07-02" and entry["published_source"] == "feed"
