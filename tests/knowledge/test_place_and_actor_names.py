"""Offline geocoding and actor names: variants folded, nothing misplaced."""

from __future__ import annotations

import pytest

from eventledger.knowledge.actors import fold_variants, normalize, same_name
from eventledger.knowledge.gazetteer import country_of, geocode


@pytest.mark.parametrize("name, context, expected", [
    ("Susha", ("AZ",), ("Shusha", "AZ", 1)),            # a transliteration GeoNames lists as an alternate
    ("Jevlah", ("AZ",), ("Yevlakh", "AZ", 1)),          # a South Slavic spelling from the aliases file
    ("Kunar province", ("AF",), ("Kunar", "AF", 3)),     # a province: region precision
    ("Yerevan", (), ("Yerevan", "AM", 1)),
    ("the town of Dadaab", ("KE", "SO"), ("Dadaab", "KE", 1)),
])
def test_geocode(name, context, expected):
    location = geocode(name, context)
    assert location is not None
    assert (location.name, location.country_code, location.precision) == expected
    assert location.lat is not None and location.lon is not None


def test_obscure_homonym_stays_unplaced():
    # A village-sized name far from the story's countries is not guessed.
    assert geocode("Aziziyah") is None
    assert geocode("Qwertyville") is None


def test_country_words():
    assert country_of("Azerbaijani") == "AZ"
    assert country_of("Azerbaijanis") == "AZ"
    assert country_of("Baku") is None  # a capital is not a country name


@pytest.mark.parametrize("a, b", [("Pashinyan", "Pašinjan"), ("Hikmet Hadjiyev", "Hikmet Hajiyev"),
                                  ("Nikol Pashinyan", "Pashinyan"), ("Zelenskyy", "Zelensky")])
def test_same_person(a, b):
    assert same_name(a, b)


@pytest.mark.parametrize("a, b", [("Ministry of Defense of Azerbaijan", "Ministry of Defense in Yerevan"),
                                  ("Aliyev", "Ali"), ("Ahmed Musa", "Ahmed Mohamed")])
def test_different_names_stay_apart(a, b):
    assert not same_name(a, b)


def test_fold_variants_picks_one_spelling():
    folded = fold_variants(["Pašinjan", "Pashinyan", "Nikol Pashinyan", "Armenian Foreign Ministry"])
    assert folded["Pašinjan"] == folded["Pashinyan"] == folded["Nikol Pashinyan"]
    assert folded["Armenian Foreign Ministry"] == "Armenian Foreign Ministry"


@pytest.mark.parametrize("phrase, name, inter", [
    ("the Azerbaijani army", "Military Forces of Azerbaijan", 1),
    ("Baku forces", "Military Forces of Azerbaijan", 1),
    ("Taliban militants", "Taliban", 2),
    ("al-Shabab", "Al-Shabaab", 2),
    ("Kenyan police", "Police Forces of Kenya", 1),
    ("protesters", "Protesters", 6),
])
def test_normalize_actor(phrase, name, inter):
    info = normalize(phrase)
    assert (info.name, info.inter_code) == (name, inter)
