"""The cleaning stage on the sample page and on pages built here."""

from __future__ import annotations

import pytest

from eventledger.clean import clean
from eventledger.ingest.decode import to_raw_document


def _clean_text(text: str):
    return clean(to_raw_document(text))


def test_sample_cleaning_matches_expectations(seed_text, seed_expected):
    result = clean(to_raw_document(seed_text))
    article, expected = result.article, seed_expected["cleaning"]
    assert article.title == expected["title"]
    assert article.standfirst == expected["standfirst"]
    assert article.original_source == expected["original_source"]
    removed = {r.text for r in result.removed}
    for line in expected["must_remove_as_boilerplate"]:
        assert line in removed
    for line in expected["must_remove_as_unrelated_teaser"]:
        assert any(r.startswith(line) and reason == "teaser" for r, reason in ((x.text, x.reason) for x in result.removed))
    kinds = {p.text: p.kind for p in article.paragraphs}
    for caption in expected["captions_not_body"]:
        assert kinds.get(caption) == "caption"
    for heading in expected["headings"]:
        assert kinds.get(heading) == "heading"
    turkish = [p for p in article.paragraphs if p.text.startswith("Meanwhile, Turkey, a close ally of Baku")]
    assert len(turkish) == 1
    assert any(r.reason == "duplicate" and r.text.startswith("Meanwhile, Turkey") for r in result.removed)


def test_offsets_point_into_cleaned_text(seed_text):
    article = clean(to_raw_document(seed_text)).article
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.end] == paragraph.text
    assert article.text[article.title_evidence.start : article.title_evidence.end] == article.title


def test_plain_page_debris_and_byline():
    page = "\n\n".join([
        "Skip to content",
        "Police fire tear gas at protesters in Lagos",
        "By Jane Okafor",
        "March 3, 2024",
        "Police in Lagos fired tear gas on Saturday at hundreds of people who had gathered to protest "
        "against rising food prices, witnesses told reporters, and at least 20 people were arrested.",
        "Protesters carried placards and sang songs as they marched toward the governor's office, "
        "where the police had blocked the road with trucks since the early morning.",
        "Share on Facebook",
        "Leave a comment",
        "Related stories",
        "Fuel prices rise again in Abuja",
    ])
    result = _clean_text(page)
    article = result.article
    assert article.title == "Police fire tear gas at protesters in Lagos"
    assert [p.kind for p in article.paragraphs] == ["body", "body"]
    reasons = {r.text: r.reason for r in result.removed}
    assert reasons["Skip to content"] == "widget"
    assert reasons["By Jane Okafor"] == "byline"
    assert reasons["Share on Facebook"] == "widget"
    assert reasons["Leave a comment"] == "comment_form"
    assert reasons["Fuel prices rise again in Abuja"] == "teaser"
    assert article.published == "2024-03-03"  # taken from the date line when not given


def test_html_page_keeps_structure_and_records_what_it_dropped():
    body = " ".join(["The army said its troops had repelled an attack on a base near the town."] * 3)
    html = f"""<!doctype html><html><head><title>Attack repelled | Daily</title>
    <meta property="og:site_name" content="The Daily"><meta property="article:published_time" content="2024-05-06T08:00:00Z"></head>
    <body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li></ul></nav>
    <article><h1>Army repels attack on base</h1><p>{body}</p><h2>Casualties</h2>
    <p>Two soldiers were wounded in the fighting, which lasted several hours, a spokesman said on Monday.</p>
    <figure><img src="x.jpg"><figcaption>Soldiers at the base. Photo: Daily staff</figcaption></figure>
    <p>Residents said they heard explosions throughout the night and that many families fled.</p></article>
    <aside class="related"><h3>Related</h3><a href="/a">Floods hit the coast again</a></aside>
    <form class="comment-form"><label>Leave a comment</label><textarea></textarea><button>Post comment</button></form>
    <footer><p>Copyright 2024 The Daily. All rights reserved.</p></footer></body></html>"""
    result = clean(to_raw_document(html))
    article = result.article
    assert article.title == "Army repels attack on base"
    assert article.published == "2024-05-06"
    kinds = [p.kind for p in article.paragraphs]
    assert "heading" in kinds and "caption" in kinds and kinds.count("body") == 3
    reasons = {r.text: r.reason for r in result.removed}
    assert reasons.get("World news") == "navigation"
    assert reasons.get("Floods hit the coast again") == "teaser"
    assert reasons.get("Leave a comment") == "comment_form"
    assert "Copyright 2024 The Daily. All rights reserved." in reasons


def test_near_duplicate_paragraph_is_dropped_once():
    para = ("The governor said 12 people were killed when gunmen attacked the village of Kagoro on "
            "Sunday night, and that security forces had been deployed to the area.")
    variant = para.replace("had been deployed", "were deployed").replace("Sunday night", "Sunday evening")
    result = _clean_text("Gunmen kill 12 in village attack\n\n" + para + "\n\n" + "Other text follows here, long enough "
                         "to be a paragraph of its own in the story about the attack.\n\n" + variant)
    assert sum(p.text in (para, variant) for p in result.article.paragraphs) == 1
    assert [r.reason for r in result.removed] == ["duplicate"]


def test_wire_datelines_with_a_day_leave_the_text_and_name_the_agency():
    for opening in ("KYIV, March 14 (Reuters) - ", "NAIROBI, Kenya, July 8 (Reuters) - ", "KABUL, Afghanistan, Sept. 3, 2013 (AP) - "):
        article = _clean_text("Strike hits city\n\n" + opening + "A missile attack on the city killed nine people and "
                              "wounded 31 overnight, the regional governor said.").article
        assert article.text.count("A missile attack") == 1
        assert opening.split(",")[0] not in article.text.split("\n", 1)[-1]  # the filing place is gone from the body
        assert article.original_source and article.original_source.startswith(("Reuters", "AP", "Associated"))


LEAD = ("Gunmen killed at least nine people in an attack on a village in the north of the country on "
        "Sunday night, a local official said on Monday, adding that several houses were set on fire.")
SECOND = ("The official said the attackers arrived on motorcycles and fired on residents before "
          "the army reached the village, and that the wounded were taken to hospital.")


def test_a_scraped_text_that_starts_with_its_first_paragraph_has_no_title():
    article = _clean_text(f"{LEAD}\n\n{SECOND}").article
    assert article.title is None
    assert [p.text for p in article.paragraphs] == [LEAD, SECOND]


@pytest.mark.parametrize("lead", [
    "Bandits, on Thursday, killed 12 villagers and seven policemen in an attack on a farming community.",
    "The army has announced the death of 11 soldiers following an attack on a military detachment in the east.",
])
def test_a_first_line_that_ends_a_sentence_is_the_first_paragraph_not_a_headline(lead):
    article = _clean_text(f"{lead}\n\n{SECOND}").article
    assert article.title is None
    assert [p.text for p in article.paragraphs] == [lead, SECOND]


def test_a_headline_without_a_full_stop_stays_the_title():
    title = "Bandits kill 12 villagers and seven policemen in attack on farming community"
    article = _clean_text(f"{title}\n\n{LEAD}\n\n{SECOND}").article
    assert article.title == title
    assert [p.text for p in article.paragraphs] == [LEAD, SECOND]


def test_readers_comments_after_a_comment_marker_are_removed():
    page = "\n\n".join(["Nine killed in village attack", LEAD, SECOND, "No comments:", "Post a Comment",
                        "Anonymous said...", "Great post, thanks for sharing this with us."])
    result = _clean_text(page)
    assert [p.text for p in result.article.paragraphs] == [LEAD, SECOND]
    reasons = {r.text: r.reason for r in result.removed}
    assert reasons["Great post, thanks for sharing this with us."] == "comment_form"


def test_a_one_line_teaser_and_blog_furniture_are_removed():
    page = "\n\n".join(["Nine killed in village attack", "Spread the love", LEAD,
                        "ALSO READ: Five soldiers killed in an ambush near the border", SECOND,
                        "Powered by Blogger."])
    result = _clean_text(page)
    assert [p.text for p in result.article.paragraphs] == [LEAD, SECOND]
    reasons = {r.text: r.reason for r in result.removed}
    assert reasons["ALSO READ: Five soldiers killed in an ambush near the border"] == "teaser"
    assert reasons["Spread the love"] == reasons["Powered by Blogger."] == "widget"


def test_a_caption_printed_twice_is_not_joined_into_a_paragraph():
    caption = "President Robert Mugabe is seeking another five year term in office"
    page = "\n\n".join(["Voting ends peacefully", LEAD, SECOND, f"{caption}\n{caption}"])
    result = _clean_text(page)
    assert f"{caption} {caption}" not in [p.text for p in result.article.paragraphs]
    assert any(r.text == caption and r.reason == "duplicate" for r in result.removed)
