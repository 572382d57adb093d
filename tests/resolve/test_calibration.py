"""An event's confidence is its chance of being right, learned from the news corpus's train labels:
a well-told event (several sentences, a toll, a town and a day) is surer than a passing mention."""

from __future__ import annotations

from eventledger.pipeline import extract
from eventledger.resolve import calibration

WELL_TOLD = ("Gunmen stormed the village of Kwall in Plateau state on Sunday, killing 14 people, police said.\n\n"
             "The attackers also burned 20 houses in Kwall, residents said.")
IN_PASSING = ("The governor met traders in the capital on Monday to discuss prices. He said the state was also "
              "worried about clashes in the north, and officials discussed the budget for the new year.")


def test_a_well_told_event_is_surer_than_one_named_in_passing():
    (told,) = [e for e in extract(WELL_TOLD, published="2024-03-11").events if not e.background]
    passing = [e for e in extract(IN_PASSING, published="2024-03-11").events if not e.background]
    assert 0.0 <= told.confidence <= 1.0
    assert all(told.confidence > e.confidence for e in passing)


def test_the_calibration_ships_as_numbers_over_named_features():
    fitted = calibration.model()
    assert fitted is not None
    for part, names in (("events", calibration.FEATURES), ("figures", calibration.FIGURE_FEATURES),
                        ("places", calibration.PLACE_FEATURES), ("statements", calibration.STATEMENT_FEATURES)):
        assert fitted[part]["features"] == list(names)
        assert len(fitted[part]["weights"]) == len(fitted[part]["mean"]) == len(fitted[part]["std"]) == len(names)


def test_every_figure_of_an_event_says_how_sure_it_is():
    (told,) = [e for e in extract(WELL_TOLD, published="2024-03-11").events if not e.background]
    assert told.figures and all(0.0 < f.confidence < 1.0 for f in told.figures)


def test_without_the_calibration_the_typer_score_stays(monkeypatch):
    monkeypatch.setattr(calibration, "ENABLED", False)
    (raw,) = [e for e in extract(WELL_TOLD, published="2024-03-11").events if not e.background]
    monkeypatch.setattr(calibration, "ENABLED", True)
    (calibrated,) = [e for e in extract(WELL_TOLD, published="2024-03-11").events if not e.background]
    assert raw.confidence != calibrated.confidence


# Written for the test: one report at the town its sentence names, one told only of a country.
AT_A_TOWN = "Gunmen killed 14 people in Jos on Sunday, police said."
IN_A_COUNTRY = "Gunmen killed 14 people in an attack in Nigeria on Sunday, police said."


def test_a_town_the_event_s_own_sentence_names_is_a_surer_place_than_a_country():
    (town,) = [e for e in extract(AT_A_TOWN, published="2024-03-11").events if not e.background]
    (country,) = [e for e in extract(IN_A_COUNTRY, published="2024-03-11").events if not e.background]
    assert town.location.name == "Jos" and country.location.feature == "country"
    assert 0.0 < country.location.confidence < town.location.confidence < 1.0


def test_events_that_share_a_place_each_have_their_own_place_confidence():
    # (without the calibration the second event shares the first one's Location object)
    text = ("Gunmen killed 14 people in Jos on Sunday, police said. Separately, soldiers arrested 20 protesters "
            "who had blocked a road the same day.")
    events = [e for e in extract(text, published="2024-03-11").events if e.location is not None]
    assert len(events) == 2 and all(e.location.confidence is not None for e in events)
    assert len({id(e.location) for e in events}) == len(events)  # a copy each: its confidence is its own


def test_every_statement_says_how_sure_it_is_and_a_named_speaker_is_surer_than_none():
    text = ("Gunmen killed 14 people in Jos on Sunday, police said. The governor condemned the attack and "
            "demanded that the killers be found.")
    statements = extract(text, published="2024-03-11").statements
    assert statements and all(0.0 < s.confidence < 1.0 for s in statements)
    fitted = calibration.model()["statements"]
    assert fitted["weights"][calibration.STATEMENT_FEATURES.index("speaker")] > 0
