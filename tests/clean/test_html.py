"""HTML pages that used to come back as "no article" or lose paragraphs, written for the test."""

from __future__ import annotations

from lxml import html as lxml_html

from eventledger.clean import clean
from eventledger.clean.assemble import judge_units
from eventledger.clean.html import written_repeats
from eventledger.clean.units import Unit
from eventledger.ingest.decode import to_raw_document

PARAGRAPHS = [
    "Gunmen attacked a village market near Koumbri on Sunday morning and killed at least fourteen "
    "people, a local official told reporters by telephone, adding that many shops were burned.",
    "Residents said the attackers arrived on motorcycles shortly after dawn and fired on traders "
    "and customers before setting fire to stalls and a nearby grain store in the centre.",
    "The army said in a statement that troops were sent to the area and were searching the bush "
    "around the village for the attackers, who fled towards the border with Mali.",
    "No group has claimed the attack, the latest in a region where armed groups have killed "
    "hundreds of civilians and forced thousands of families from their homes this year.",
]


def _clean(markup: str):
    return clean(to_raw_document(markup, content_type="html"))


def _body(result) -> list[str]:
    return [p.text for p in result.article.paragraphs if p.kind == "body"]


def _story(head: str = "<title>Market attack kills 14</title>", before: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<html><head>{head}</head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Market attack kills 14</h1>{before}{paragraphs}</article></body></html>")


def test_a_page_that_declares_its_encoding_in_an_xml_declaration_is_read():
    result = _clean('<?xml version="1.0" encoding="utf-8"?>\n' + _story())
    assert _body(result) == PARAGRAPHS


def test_a_broken_xml_declaration_does_not_refuse_the_page():
    # an L3S-GN1 page's declaration runs on into a keyword list and never closes with "?>"
    result = _clean('<?xml version="1.0" encoding="shack, necessarily, parliament, thailand\'s">\n' + _story())
    assert _body(result) == PARAGRAPHS


def test_a_title_left_open_does_not_swallow_the_page():
    # `</titlevalue="true" -->` closes nothing: the parser reads the whole page as the title
    result = _clean(_story(head='<title id="t">Market attack kills 14</titlevalue="true" -->'))
    assert _body(result) == PARAGRAPHS


def test_a_related_news_line_above_the_story_does_not_take_the_story_with_it():
    before = "<p>Related News</p><p>Filed under: Africa</p>"
    result = _clean(_story(before=before))
    assert PARAGRAPHS[0] in _body(result)


def test_a_paragraph_ending_in_a_copyright_notice_is_kept_without_it():
    notice = "Copyright 2024 The Associated Press. All rights reserved."
    markup = _story().replace(PARAGRAPHS[3], f"{PARAGRAPHS[3]} {notice}")
    result = _clean(markup)
    assert PARAGRAPHS[3] in _body(result)
    assert any(r.reason == "footer" and r.text == notice for r in result.removed)


def test_a_short_copyright_line_is_still_footer():
    markup = _story().replace("</article>", "<p>Copyright 2024 The Associated Press. All rights reserved.</p></article>")
    result = _clean(markup)
    assert "Copyright 2024 The Associated Press. All rights reserved." not in _body(result)


def test_a_story_in_a_layout_table_keeps_every_row():
    rows = "".join(f"<tr><td>{p}</td></tr>" for p in PARAGRAPHS)
    markup = (f"<html><head><title>Market attack kills 14</title></head><body>"
              f"<table><tr><td><a href='/'>Home</a></td></tr>{rows}</table></body></html>")
    body = " ".join(_body(_clean(markup)))
    for paragraph in PARAGRAPHS:
        assert paragraph in body


def test_a_paragraph_the_page_repeats_stays():
    changed = PARAGRAPHS[0].replace("fourteen", "fifteen")
    markup = _story().replace("</article>", f"<p>{changed}</p><p>{PARAGRAPHS[1]}</p></article>")
    result = _clean(markup)
    assert changed in _body(result)
    assert _body(result).count(PARAGRAPHS[1]) == 2  # the page shows it twice; a repeated report makes one event
    assert not any(r.reason == "duplicate" for r in result.removed)


def test_a_paragraph_written_again_and_again_as_sibling_paragraphs_stays_each_time():
    # The page writes it twice in one place: its text, as the gold of CleanEval and Readability
    # pages that do so keeps it (`clean.html.written_repeats`).
    # (a page as bare as Readability's test pages: trafilatura itself keeps each copy)
    written = "".join(f"<p>{PARAGRAPHS[2]}</p>" for _ in range(4))
    markup = (f"<html><head><title>Troops sent</title></head><body><p>{PARAGRAPHS[0]}</p>{written}"
              "<svg viewBox='0 0 50 50'><g></g></svg></body></html>")
    result = _clean(markup)
    assert _body(result).count(PARAGRAPHS[2]) == 4
    assert not any(r.reason == "duplicate" for r in result.removed)


def test_only_sibling_paragraphs_are_a_written_repeat():
    one, other = PARAGRAPHS[0], PARAGRAPHS[1]
    siblings = lxml_html.fromstring(f"<div><p>{one}</p><p>{other}</p><p>{one}</p></div>")
    apart = lxml_html.fromstring(f"<div><div class='teaser'><p>{one}</p></div><p>{one}</p></div>")
    short = lxml_html.fromstring("<div><p>Share this story</p><p>Share this story</p></div>")
    assert len(written_repeats(siblings)) == 1
    assert written_repeats(apart) == set()
    assert written_repeats(short) == set()  # short lines repeat anyway (tags, buttons)


def test_a_line_printed_twice_in_a_row_is_kept_once_unless_the_page_writes_it_twice():
    copy = [Unit(PARAGRAPHS[0], "body"), Unit(PARAGRAPHS[0], "body")]
    written = [Unit(PARAGRAPHS[0], "body", written_repeat=True), Unit(PARAGRAPHS[0], "body", written_repeat=True)]
    assert [j.reason for j in judge_units(copy, markup=True)[0]].count("duplicate") == 1
    assert [j.reason for j in judge_units(written, markup=True)[0]].count("duplicate") == 0


# Written for the test: a short report in Chinese (no spaces between words).
CHINESE = [
    "周日上午，武装分子袭击了边境附近一个村庄的集市，造成至少十四人死亡，另有多人受伤。当地官员说，许多商店被烧毁。",
    "居民说，袭击者骑摩托车在黎明后不久到达，向商贩和顾客开枪，然后放火焚烧了摊位和附近的一个粮仓。",
    "军方在声明中说，已派部队前往该地区，正在村庄周围的丛林中搜寻袭击者。目前尚无组织宣称对此次袭击负责。（编译/记者）",
]


def test_a_chinese_page_keeps_its_closing_paragraph():
    # Counted by spaces, a whole Chinese paragraph is one or two "words": a closing paragraph that
    # does not end in a full stop then looked like one of the headline links after a story.
    paragraphs = "".join(f"<p>{p}</p>" for p in CHINESE)
    markup = (f"<html><head><title>集市遇袭 十四人死亡</title></head><body><nav><a href='/'>首页</a></nav>"
              f"<article><h1>集市遇袭 十四人死亡</h1>{paragraphs}</article></body></html>")
    assert _body(_clean(markup)) == CHINESE
