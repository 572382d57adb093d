"""Actors of an event: who did it (actor1), to whom (actor2), and their ACLED names and codes.

The sentences are written for these tests (not taken from any gold set)."""

from __future__ import annotations

import pytest

from eventledger.extraction.actors import find_actors
from eventledger.knowledge.actors import normalize, place_may_act
from eventledger.language import load_model


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def actors(nlp, text: str, trigger: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    index = next(t.i for t in doc if t.text == trigger)
    hits = find_actors(doc, index)
    for hit in hits:  # offsets are the sentence's
        assert text[hit.start:hit.end] == hit.text
    return {(hit.role, hit.text) for hit in hits}


@pytest.mark.parametrize("text, trigger, expected", [
    # a verb: subject and object
    ("Police fired tear gas at protesters in the capital on Monday.", "fired",
     {("actor1", "Police"), ("actor2", "protesters")}),
    ("A convoy was ambushed by Somali militants near the border.", "ambushed", {("actor1", "Somali militants")}),
    # a noun inside its verb's clause: the verb's subject and object are the actors
    ("Government troops killed four villagers in a raid near the river.", "raid",
     {("actor1", "Government troops"), ("actor2", "villagers")}),
    ("Rebel fighters wounded three policemen in a grenade attack on Tuesday.", "attack",
     {("actor1", "Rebel fighters"), ("actor2", "policemen")}),
    # "launched an attack on X", "attack by X on Y"
    ("Islamist insurgents launched an attack on an army base overnight.", "attack",
     {("actor1", "Islamist insurgents"), ("actor2", "army")}),
    ("The attack by gunmen on a bus station left nine dead.", "attack", {("actor1", "gunmen")}),
    # "clashes between X and Y"
    ("Clashes between police and rioters continued for a second night.", "Clashes",
     {("actor1", "police"), ("actor2", "rioters")}),
    # "fighting with X"
    ("The army captured the hill after heavy fighting with separatist fighters.", "captured",
     {("actor1", "army")}),
    # counts stay out of the name; civilians as victims
    ("Unidentified gunmen killed 11 civilians at a market.", "killed",
     {("actor1", "Unidentified gunmen"), ("actor2", "civilians")}),
    # the event noun is itself the people acted on
    ("Riot police dispersed hundreds of student demonstrators outside parliament.", "demonstrators",
     {("actor1", "Riot police"), ("actor2", "student demonstrators")}),
    # a passive event and the clause that says who did it
    ("Three policemen were killed when gunmen ambushed their patrol.", "killed",
     {("actor2", "policemen"), ("actor1", "gunmen")}),
    # the weapon as the passive's agent: the victims are still actor2
    ("Two soldiers were killed by a roadside bomb outside the town.", "bomb", {("actor2", "soldiers")}),
    # "at X": a target after "fired", a place after "detained"
    ("Youths threw stones at soldiers near the checkpoint.", "threw", {("actor1", "Youths"), ("actor2", "soldiers")}),
    # a known group's name the parser splits stays whole
    ("Fighters of Boko Haram raided a village in Borno.", "raided", {("actor1", "Fighters of Boko Haram")}),
    # an actor word inside a phrase that is not one
    ("Army bulldozers demolished refugee homes in the camp.", "demolished",
     {("actor1", "Army"), ("actor2", "refugee")}),
])
def test_find_actors(nlp, text, trigger, expected):
    assert expected <= actors(nlp, text, trigger)


def test_a_town_where_it_happened_is_not_an_actor(nlp):
    found = actors(nlp, "Militants shelled Kandahar city on Sunday, killing five people.", "shelled")
    assert ("actor1", "Militants") in found
    assert not any("Kandahar" in text for _, text in found)
    assert ("actor2", "people") in found


def test_detained_at_a_police_station_is_a_place(nlp):
    found = actors(nlp, "Dozens of activists were detained at local police stations overnight.", "detained")
    assert ("actor2", "activists") in found
    assert not any("police" in text for _, text in found)


def test_a_town_the_tagger_calls_an_organisation_is_not_an_actor(nlp):
    found = actors(nlp, "Residents fled after an air strike on Saraqeb.", "strike")
    assert not any("Saraqeb" in text for _, text in found)


def test_no_relative_clause_in_a_name(nlp):
    found = actors(nlp, "Soldiers who were guarding the bridge arrested two farmers.", "arrested")
    assert ("actor2", "farmers") in found
    assert all("guarding" not in text for _, text in found)


@pytest.mark.parametrize("phrase, name, inter", [
    ("Serb forces", "Military Forces of Serbia", 1),               # a demonym the gazetteer lacks
    ("the Russian government", "Government of Russia", 1),
    ("Ghanaian authorities", "Government of Ghana", 1),
    ("Burundian militiamen", "Militia (Burundi)", 3),
    ("unidentified gunmen", "Unidentified Armed Group", 3),
    ("Moro soldiers", "Moro soldiers", 1),                         # not the story's country's army
    ("Karen guerrillas", "Karen National Union", 2),               # a known actor's alias
    ("Hezbollah guerrillas", "Hezbollah", 3),                      # a known actor with a generic noun
    ("UN peacekeepers", "United Nations", 8),
    ("three ethnic Albanians", "Civilians (Albania)", 7),           # people named by nationality
])
def test_normalize_names_and_codes(phrase, name, inter):
    info = normalize(phrase, context_country="KE")
    assert (info.name, info.inter_code) == (name, inter)


def test_normalize_by_role_and_event():
    assert normalize("Palestinian", role="actor2", event_type="Violence against civilians").inter_code == 7
    assert normalize("Algerians", role="actor1", event_type="Protests").name == "Protesters (Algeria)"
    assert normalize("villagers", role="actor1", event_type="Riots").inter_code == 5
    assert normalize("Azerbaijani").name == "Government of Azerbaijan"  # unchanged without a role


def test_places_that_may_act():
    assert place_may_act("Iran") and place_may_act("the United States", as_doer=False)
    assert place_may_act("Baku") and not place_may_act("Baku", as_doer=False)
    assert not place_may_act("Kandahar")
