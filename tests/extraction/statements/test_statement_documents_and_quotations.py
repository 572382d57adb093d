"""Statement patterns met in news, on sentences written for the test: a speaker's
own act named inside the quotation, a second act after a parenthetical "he said", documents
issued in someone's name, a surname that is also a capital, "the agency" for the group last heard
from, and cue words for refusals, wants, pursuit threats and material support."""

from __future__ import annotations

import pytest

from stories import statement_kinds as _kinds
from stories import statements_of as _statements


@pytest.mark.parametrize("sentence, kind", [
    # Refusing to sign or accept rejects; a refusal only until someone acts is a condition, not that.
    ("The interior ministry said it would not accept a deal that left the militia armed.", "reject"),
    ("“We will not sign until the prisoners are freed,” the rebel negotiator said.", "claim"),
    ("“We will not tolerate any more raids. We will not accept any more of this,” the chief said.", "claim"),
    # What the speakers want of others is a demand; a wish of their own is not.
    ("“We want the men who burned our village to be arrested,” the elder said.", "demand"),
    ("“We want to go back to our farms,” the elder said.", "claim"),
    # Armed enemies promised pursuit, and whoever is "treated as a target", are threatened.
    ("“The bandits fled into the hills and will be hunted down,” the governor said.", "threaten"),
    ("“Any vehicle on the bridge after dark will be treated as a target,” the colonel said.", "threaten"),
    # Support provided (help given, even in quotation marks) is not backing said.
    ("The air force said its jets had provided “support to ground units” near the dam.", "claim"),
])
def test_cue_kinds(sentence, kind):
    [found] = _statements(sentence)
    assert found and found[0].kind == kind, _kinds(found)


def test_the_speakers_own_act_inside_the_quotation():
    [found] = _statements("“This report relies on rumours. We reject it entirely,” the army spokesman told reporters.")
    assert [m.kind for m in found] == ["reject"], _kinds(found)


def test_a_speech_act_after_a_parenthetical_attribution_is_the_speakers():
    [_, found] = _statements(
        "Colonel Adamu Bello addressed reporters in Maiduguri.",
        "Troops fired warning shots to clear the road, he said, and denied that anyone had been hurt.")
    kinds = {m.kind: m for m in found}
    assert set(kinds) == {"claim", "deny"}, _kinds(found)
    assert kinds["deny"].speaker == kinds["claim"].speaker != "Troops", _kinds(found)
    assert kinds["deny"].text == "anyone had been hurt"


@pytest.mark.parametrize("sentence", [
    "A message posted online in the name of the Northern Liberation Front claimed the ambush.",
    "A video released on behalf of the Northern Liberation Front claimed the ambush.",
])
def test_a_document_issued_in_someones_name_speaks_for_them(sentence):
    [found] = _statements(sentence)
    assert found and found[0].speaker == "Northern Liberation Front", _kinds(found)


def test_a_surname_of_a_person_named_before_is_not_a_capital():
    [_, found] = _statements(
        "Police commander Juan Lima said two officers were hurt in the blast.",
        "Lima blamed the attack on a local gang.")
    assert found and found[0].kind == "accuse" and found[0].speaker == "Lima", _kinds(found)


def test_the_agency_is_the_group_last_heard_from():
    [_, found] = _statements(
        "The World Food Programme said 3,000 families needed food aid.",
        "The agency said its stocks would run out in May.")
    assert found and found[0].speaker == "World Food Programme", _kinds(found)
