"""The offline gazetteer: first-level divisions beside towns, and names it must not place."""

from __future__ import annotations

from eventledger.knowledge.gazetteer import geocode


def _where(name, *context):
    loc = geocode(name, tuple(context))
    return None if loc is None else (loc.name, loc.country_code, loc.feature, loc.precision)


def test_a_town_keeps_its_name_and_the_division_word_names_the_province():
    assert _where("Kabul") == ("Kabul", "AF", "city", 1)
    assert _where("Kabul province") == ("Kabul", "AF", "region", 3)
    assert _where("Katsina State") == ("Katsina", "NG", "region", 3)
    assert _where("Paktia province") == ("Paktia", "AF", "region", 3)


def test_towns_carry_their_first_level_division():
    kirkuk = geocode("Kirkuk")
    assert kirkuk is not None and kirkuk.admin1 == "Kirkuk"  # GeoNames' "Muhafazat Kirkuk", tidied
    assert geocode("Maiduguri").admin1 == "Borno"


def test_divisions_without_a_town_of_their_name():
    assert _where("Jonglei") == ("Jonglei", "SS", "region", 3)
    assert _where("Sindh") == ("Sindh", "PK", "region", 3)


def test_everyday_words_are_divisions_only_with_their_kind():
    assert _where("Delta State", "NG") == ("Delta", "NG", "region", 3)
    assert _where("Rivers State") == ("Rivers", "NG", "region", 3)
    assert _where("the Centre") is None


def test_a_division_name_shared_by_two_countries_needs_the_story_country():
    assert _where("Punjab") is None
    assert _where("Punjab", "PK") == ("Punjab", "PK", "region", 3)
    assert _where("Punjab", "IN")[1] == "IN"


def test_the_capital_of_a_named_country_is_its_capital_city():
    assert _where("Omani capital") == ("Muscat", "OM", "city", 1)
    assert _where("the Sudanese capital") == ("Khartoum", "SD", "city", 1)
    assert _where("Afghanistan's capital") == ("Kabul", "AF", "city", 1)
    assert _where("capital") is None


def test_camp_municipality_and_township_words_fall_away_but_village_does_not():
    assert _where("Nuseirat refugee camp", "PS")[:2] == ("An Nuşayrāt", "PS")
    assert _where("Tibu municipality", "CO")[:2] == ("Tibú", "CO")
    # A village the news names is rarely the GeoNames town of the same name elsewhere in the country.
    assert _where("Kyaung Kone village", "MM") is None


def test_a_name_romanised_another_way_is_the_one_town_of_the_story_country_spelled_so():
    from eventledger.knowledge.gazetteer import spelling_key

    assert spelling_key("Kyaukphyu") == spelling_key("Kyaukpyu")
    location = geocode("Kyaukphyu", context_countries=("MM",))  # GeoNames writes "Kyaukpyu"
    assert location is not None and location.country_code == "MM" and location.admin1 == "Rakhine"
    assert geocode("Qandahar", context_countries=("AF",)).name.startswith("Kandah")
    assert geocode("Kyaukphyu") is None  # only inside the story's own countries
    assert geocode("Kyaukphyu", context_countries=("TH",)) is None


def test_a_nigerian_local_government_area_is_the_town_it_is_named_after():
    # "Kankara Local Government Area of Katsina State", "Maradun LGA" (saharareporters, dailypost ...)
    for written, town in (("Kankara Local Government Area", "Kankara"), ("Maradun LGA", "Maradun"),
                          ("Maru local government", "Maru")):
        place = geocode(written, context_countries=("NG",))
        assert place is not None and place.name == town and place.country_code == "NG", written
