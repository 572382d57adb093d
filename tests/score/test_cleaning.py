"""The cleaning scorer: bag-of-words figures per page, the collections it reads (HTML pages
beside their gold text, the scraped pages of eval/cleaning), and its report."""

from __future__ import annotations

import argparse
import json

import pytest

from eventledger.score.cleaning import (
    DEFAULT_SCRAPED, add_arguments, overlap_score, read_html_collection, read_scraped, run, split_of,
)

STORY = ("Gunmen attacked a village market near Koumbri on Sunday morning and killed at least fourteen "
         "people, a local official told reporters by telephone, adding that many shops and a grain store "
         "had been burned and that the toll could still rise as families searched for the missing.")
MORE = ("The army said in a statement that troops were sent to the area and were searching the bush "
        "around the village for the attackers, who fled towards the border, and that the wounded had "
        "been taken by road to the hospital in the regional capital for treatment on Sunday evening.")


def test_overlap_counts_words_with_their_multiplicity():
    assert overlap_score("the army the army", "the army") == (0.5, 1.0, pytest.approx(2 / 3))
    assert overlap_score("The Army!", "the army") == (1.0, 1.0, 1.0)


def test_an_empty_output_scores_zero_unless_the_gold_is_empty_too():
    assert overlap_score("", "the army said") == (0.0, 0.0, 0.0)
    assert overlap_score("", "") == (1.0, 1.0, 1.0)
    assert overlap_score("Home | World", "") == (0.0, 0.0, 0.0)


def test_the_split_is_a_fixed_half():
    halves = {split_of(f"page-{n}") for n in range(20)}
    assert halves == {"dev", "heldout"}
    assert split_of("page-1") == split_of("page-1")


def _collection(tmp_path):
    folder = tmp_path / "tiny"
    folder.mkdir()
    page = (f"<html><head><title>Market attack</title></head><body><nav><a href='/'>Home</a> "
            f"<a href='/w'>World</a></nav><article><h1>Market attack</h1><p>{STORY}</p><p>{MORE}</p>"
            f"</article><footer>Copyright 2024 Example News</footer></body></html>")
    (folder / "one.html").write_text(page, "utf-8")
    (folder / "one.txt").write_text(f"{STORY}\n{MORE}\n", "utf-8")
    (folder / "orphan.html").write_text(page, "utf-8")  # no gold beside it: not read
    return folder


def test_an_html_collection_is_its_pages_with_gold_beside_them(tmp_path):
    pages = list(read_html_collection(_collection(tmp_path)))
    assert [p.id for p in pages] == ["one"]
    assert pages[0].gold.startswith("Gunmen attacked")


def test_the_report_puts_eventledger_beside_trafilatura(tmp_path, capsys):
    folder = _collection(tmp_path)
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    assert run(parser.parse_args(["--collection", "tiny", "--path", str(folder.parent), "--no-title", "--json"])) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["pages"] == 1
    assert set(figures["systems"]) == {"eventledger", "trafilatura"}
    assert figures["systems"]["eventledger"]["recall"] == 1.0
    assert figures["systems"]["eventledger"]["precision"] > 0.95


def test_the_scraped_gold_names_real_lines_of_the_news_corpus():
    pages = list(read_scraped(DEFAULT_SCRAPED))
    assert len(pages) >= 90
    assert {p.split for p in pages} == {"dev", "heldout"}
    for page in pages:
        lines = set(page.content.splitlines())
        assert page.gold and all(line in lines for line in page.gold.splitlines()), page.id
