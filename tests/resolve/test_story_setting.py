"""The town a story is set in places the reports that do not name their place again, and only when
nothing says otherwise (stories written for these tests; the towns are real, the events invented)."""

from __future__ import annotations

from stories import run_story

from eventledger.knowledge.gazetteer import geocode


def _events(body: str, published: str = "2025-03-10"):
    return run_story(body, published)


def _placed(events, word: str):
    (event,) = [e for e in events if any(word in ev.text for ev in e.evidence)]
    return event.location


def test_an_unplaced_report_takes_the_town_the_story_is_told_of():
    events, result = _events(
        "Gunmen attacked a police station in Kidal in northern Mali on Sunday, killing four officers, the regional governor said.\n\n"
        "Residents of Kidal said the attackers arrived on motorbikes at dawn and left before noon.\n\n"
        "On Monday, soldiers arrested 12 suspects, the army said.")
    location = _placed(events, "arrested")
    assert location is not None and location.name == "Kidal" and location.country_code == "ML"
    assert location.precision == 2  # the arrest's own report does not name the town
    assert result.article.text[location.evidence.start:location.evidence.end] == location.evidence.text


def test_a_story_of_two_towns_has_no_setting():
    events, _ = _events(
        "Gunmen attacked a police station in Kidal in northern Mali on Sunday, killing four officers.\n\n"
        "A bomb exploded at a market in Gao on Sunday, wounding two traders, officials in Gao said.\n\n"
        "Residents of Kidal said the attackers came at dawn.\n\n"
        "On Monday, soldiers arrested 12 suspects, the army said.")
    location = _placed(events, "arrested")
    assert location is not None and (location.feature, location.name, location.precision) == ("country", "Mali", 3)


def test_a_town_named_once_is_no_setting():
    events, _ = _events(
        "Gunmen attacked a police station in Kidal in northern Mali on Sunday, killing four officers.\n\n"
        "On Monday, soldiers arrested 12 suspects, the army said.")
    location = _placed(events, "arrested")
    assert location is not None and (location.feature, location.name) == ("country", "Mali")  # not Kidal


def test_a_report_at_a_village_the_gazetteer_lacks_is_not_moved_to_the_setting():
    events, _ = _events(
        "Two rockets hit a house in Metula in northern Israel on Monday, the Israeli military said.\n\n"
        "Residents of Metula spent the night in shelters, and schools in Metula stayed closed on Tuesday, "
        "Israeli officials said.\n\n"
        "The Lebanese army said it had arrested two men near the village of Qlayaa on Tuesday.", published="2025-04-01")
    assert _placed(events, "arrested") is None  # Qlayaa, not Metula


def test_a_report_placed_in_another_country_keeps_its_own_place():
    events, _ = _events(
        "An Israeli drone strike on a car in south Lebanon killed two people on Tuesday, the health ministry said.\n\n"
        "Late on Monday, two rockets were fired toward Metula, the Israeli military said. Residents of Metula "
        "spent the night in shelters, and schools in Metula stayed closed on Tuesday.", published="2025-04-01")
    location = _placed(events, "drone strike")
    assert location is not None and location.country_code == "LB"


def test_a_compass_word_before_a_country_is_part_of_that_country():
    assert geocode("south Lebanon", ("LB",)).country_code == "LB"
    assert geocode("South Lebanon", ("LB", "IL")).feature == "country"  # not South Lebanon, Ohio
    assert geocode("eastern Democratic Republic of Congo", ("CD",)).country_code == "CD"
    assert geocode("South Sudan", ()).country_code == "SS"  # a country's own name is kept whole


def test_a_small_namesake_in_another_province_than_the_story_town_is_not_the_place():
    events, _ = _events(
        "Protesters opposed to a new mining law threw stones at police and set fire to tyres in the Peruvian city "
        "of Cusco on Monday, police said.\n\n"
        "Clashes broke out when a group of protesters tried to break through a police cordon on the Bolognesi "
        "bridge, witnesses said.\n\n"
        "Shop owners in Cusco said windows were smashed along the main avenue, and the mayor of Cusco called for calm.",
        published="2025-10-14")
    assert [e.location.name for e in events] == ["Cusco"]  # not Bolognesi, a town of Ancash


def test_a_misparsed_lead_still_finds_the_place_of_its_clauses():
    events, _ = _events("Protesters opposed to the dam threw stones at police and set fire to a toll booth in the "
                        "Peruvian city of Arequipa on Tuesday.", published="2025-10-15")
    assert events and events[0].location is not None and events[0].location.name == "Arequipa"


def test_a_street_of_the_story_town_does_not_keep_a_report_from_it():
    from eventledger.resolve.setting import setting_fits

    kisumu = geocode("Kisumu", ("KE",))
    assert setting_fits(kisumu, [("Oginga Odinga Street", 0)], ("KE",))  # a street of the town
    assert not setting_fits(kisumu, [("Kogelo Kadero", 0)], ("KE",))  # a village the gazetteer lacks
    assert not setting_fits(kisumu, [("Uganda", 2)], ("KE", "UG"))  # another country


def test_towns_named_only_in_past_years_are_not_the_story_s_place_names():
    from eventledger.clean import clean
    from eventledger.extraction.analyse import analyse
    from eventledger.ingest.decode import to_raw_document

    raw = to_raw_document(b"Report\n\nIn 2012, fighting in the town of Kidal killed 40 soldiers, the worst toll in the "
                          b"north that year.\n\nSoldiers arrested 12 suspects in Gao on Monday, the Malian army said.",
                          published="2025-03-10")
    names = [n.text for n in analyse(clean(raw).article).settings]
    assert "Gao" in names and "Kidal" not in names


def test_a_region_the_gazetteer_lacks_is_no_rival_to_the_story_town():
    from eventledger.extraction.mentions import SettingName
    from eventledger.resolve.setting import story_setting

    text = ("Fighting in the Catatumbo region killed seven soldiers. Catatumbo is lawless. The patrol was attacked in "
            "Tibu municipality. Catatumbo again. People fled rural areas of Tibu.")
    names = [SettingName("Catatumbo region", 12, 28, level=1), SettingName("Tibu municipality", 84, 101, level=0),
             SettingName("Catatumbo", 118, 127, level=0)]
    setting = story_setting(names, text, ("CO",))
    assert setting is not None and setting.name == "Tibú" and setting.precision == 2


def test_the_story_s_place_names_carry_their_level():
    from eventledger.clean import clean
    from eventledger.extraction.analyse import analyse
    from eventledger.ingest.decode import to_raw_document

    raw = to_raw_document(b"Report\n\nSeven soldiers were killed in fighting with rebels in the northeastern Catatumbo "
                          b"region of Colombia on Tuesday, the army said.", published="2025-08-27")
    levels = {n.text: n.level for n in analyse(clean(raw).article).settings}
    assert levels.get("Catatumbo region") == 1 and levels.get("Colombia") == 2
    assert all(isinstance(n.near, bool) for n in analyse(clean(raw).article).settings)


def test_a_capital_the_lead_does_not_name_as_a_place_is_no_setting():
    events, _ = _events(
        "Delegations of Sudan's army and the RSF ended talks in the Swiss town of Montreux on Tuesday without a deal.\n\n"
        "The army, which holds Khartoum, said the RSF must leave the cities it took. Fighting around Khartoum "
        "and in Darfur went on during the talks, and the RSF said it was shelled near Khartoum.\n\n"
        "On Monday about 250 Sudanese exiles rallied near the hotel, waving flags.", published="2026-03-17")
    rally = [e for e in events if any("rallied" in ev.text for ev in e.evidence)]
    assert rally and (rally[0].location is None or rally[0].location.name != "Khartoum")
