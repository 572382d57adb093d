"""Second opinions on a page's main text: readability-lxml's blocks, jusText's good paragraphs,
and which of readability's blocks join trafilatura's."""

from __future__ import annotations

from eventledger.clean.opinions import Block, justext_texts, merge_blocks, readability_blocks

STORY = [  # jusText calls a paragraph good from 200 characters on
    "Gunmen attacked a village market near Koumbri on Sunday morning and killed at least fourteen "
    "people, a local official told reporters by telephone, adding that many shops and a grain store "
    "had been burned and that the toll could still rise as families searched for the missing.",
    "Residents said the attackers arrived on motorcycles shortly after dawn and fired on traders "
    "and customers before setting fire to stalls, and that most of those who were killed had been "
    "selling vegetables and livestock at the weekly market, which draws people from many villages.",
    "The army said in a statement that troops were sent to the area and were searching the bush "
    "around the village for the attackers, who fled towards the border, and that the wounded had "
    "been taken by road to the hospital in the regional capital for treatment on Sunday evening.",
]


def _page(paragraphs: list[str], furniture: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>Market attack</title></head><body>{furniture}"
            f"<div id='story'><h2>What happened</h2>{body}</div></body></html>")


def test_readability_blocks_are_the_story_paragraphs_with_their_heading():
    blocks = readability_blocks(_page(STORY, "<ul><li><a href='/a'>Home</a></li><li><a href='/b'>World</a></li></ul>"))
    texts = [b.text for b in blocks]
    assert texts[-3:] == STORY
    assert Block("What happened", heading=True) in blocks
    assert "Home" not in texts


def test_readability_and_justext_give_nothing_for_bytes_they_cannot_read():
    assert readability_blocks("") == []
    assert justext_texts("") == []


def test_justext_keeps_the_story_and_drops_a_link_list():
    good = justext_texts(_page(STORY, "<p><a href='/a'>Home</a> | <a href='/b'>World</a> | <a href='/c'>Sport</a></p>"))
    assert STORY[0] in good
    assert not any("Sport" in text for text in good)


def test_a_block_trafilatura_missed_joins_when_jusText_agrees_after_the_block_before_it():
    kept = [STORY[0], STORY[2]]
    second = [Block(STORY[0]), Block(STORY[1]), Block(STORY[2])]
    added = merge_blocks(kept, second, lambda: [STORY[1]])
    assert added == [(1, Block(STORY[1]))]  # goes before kept[1]


def test_a_block_jusText_does_not_vouch_for_stays_out():
    added = merge_blocks([STORY[0]], [Block(STORY[0]), Block("Subscribe to our daily newsletter for more")],
                         lambda: [STORY[0]])
    assert added == []


def test_jusText_runs_only_when_readability_found_something_new():
    calls = []

    def third():
        calls.append(1)
        return []

    assert merge_blocks(STORY, [Block(t) for t in STORY], third) == []
    assert calls == []
    # a block that is part of a kept block (a paragraph trafilatura joined) is not new either
    assert merge_blocks([" ".join(STORY)], [Block(STORY[1])], third) == []
    assert calls == []


def test_with_nothing_from_trafilatura_only_blocks_jusText_vouches_for_are_taken():
    second = [Block("Home"), Block("World"), Block(STORY[0])]
    assert merge_blocks([], second, lambda: [STORY[0]]) == [(0, Block(STORY[0]))]
