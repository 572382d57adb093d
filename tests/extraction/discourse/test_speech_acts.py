"""A statement said with a plain verb of saying takes its kind from what was said: punishment or
harm promised threatens, condemning words or naming who is to blame accuse. Sentences written for
these tests, after corpus cases (train split)."""

from __future__ import annotations

import pytest
from stories import statement_kinds as _kinds
from stories import statements_of as _statements


@pytest.mark.parametrize("sentence, kind", [
    ("“We will bring to account the perpetrators and their accomplices,” the deputy president said.", "threaten"),
    ("The chief minister said the perpetrators will definitely be brought to justice.", "threaten"),
    ("The gunmen said that non-Muslims would be targeted.", "threaten"),
    ("“We will take the war to the criminals' doorstep,” the interior minister said.", "threaten"),
    ("The minister said the government would continue to pursue suspects in crimes attributed to the group.", "threaten"),
    ("The defence minister said the attack was a cowardly act by desperate militants.", "accuse"),
    ("“The culprits were insurgents loyal to the rebel commander,” U.N. officials said.", "accuse"),
    ("“The president is responsible if anything happens to my husband,” she said.", "accuse"),
    ("“They are stealing our election,” the opposition leader said.", "accuse"),
    # what is said of people already held, or told as a plan of one's own, stays a claim
    ("Police said the three men arrested on Sunday would be prosecuted.", "claim"),
    ("The minister said the government would continue to pursue talks with the rebels.", "claim"),
])
def test_what_is_said_gives_the_kind(sentence, kind):
    [found] = _statements(sentence)
    assert found and found[0].kind == kind, _kinds(found)
