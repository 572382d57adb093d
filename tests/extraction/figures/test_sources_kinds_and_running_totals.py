"""Patterns of news writing: who a statement or a count belongs to (two subjects, a statement
issued by someone, "according to", a described source named later), what kind a count is (buried,
a lost limb, passers-by), and running or standing totals that are background, each on a short
story written for this test."""

from __future__ import annotations

from eventledger.pipeline import extract


def _run(body: str, published: str):
    result = extract("Report\n\n" + body, published=published)
    return [f for e in result.events for f in e.figures if not f.background], result


def _one(figures, kind: str, count: int):
    found = [f for f in figures if f.kind == kind and f.count == count]
    assert found, [(f.kind, f.count, f.claimant) for f in figures]
    return found[0]


# Claimants


def test_a_speech_verb_with_two_subjects_takes_the_one_before_it():
    figures, _ = _run("Gunmen on motorbikes killed 12 villagers in Kourou on Saturday, the interior ministry said on "
                      "Sunday, while local officials said the toll was higher.", "2025-03-10")
    assert _one(figures, "killed", 12).claimant == "interior ministry"


def test_the_statement_said_is_whoever_issued_it():
    figures, _ = _run("Militants attacked an army post near Gao on Monday, the army said in a statement. "
                      "The attackers killed nine soldiers, the statement said.", "2025-03-11")
    assert "army" in (_one(figures, "killed", 9).claimant or "")


def test_a_statement_from_someone_is_theirs():
    figures, _ = _run("A statement from the regional governor said 14 people were killed in the raid on Kidal on Monday.",
                      "2025-03-11")
    claimant = _one(figures, "killed", 14).claimant or ""
    assert "governor" in claimant and "statement" not in claimant


def test_it_said_after_an_according_to_source_is_that_source():
    figures, _ = _run("Shells hit the market in Kadugli on Sunday, killing nine people, medics said, as the United Nations "
                      "called for calm. The shells fell on stalls near the bus station, according to the Nuba Relief "
                      "Council. At least 15 people were wounded, it said.", "2025-06-02")
    assert _one(figures, "injured", 15).claimant == "Nuba Relief Council"


def test_a_source_told_by_description_takes_the_name_given_it_later():
    figures, _ = _run("Drones struck a market in Kadugli on Sunday, killing nine people, a local medical group said, as the "
                      "United Nations called for calm.\n\nThe drones hit stalls near the bus station, according to the "
                      "Nuba Doctors Alliance, a medical group that tracks attacks.", "2025-06-02")
    assert _one(figures, "killed", 9).claimant == "Nuba Doctors Alliance"


def test_a_described_militia_is_named_when_the_kinds_match():
    figures, _ = _run("An air strike on a school in Mindat killed seven people on Friday, a local resistance group said.\n\n"
                      "The jet struck at noon, according to the Mindat Defence Force, a local militia.", "2025-05-10")
    assert _one(figures, "killed", 7).claimant == "Mindat Defence Force"


def test_a_description_of_another_kind_is_not_renamed():
    figures, _ = _run("An air strike on a school in Mindat killed seven people on Friday, a local official said.\n\n"
                      "The jet struck at noon, according to the Mindat Defence Force, a local militia.", "2025-05-10")
    assert _one(figures, "killed", 7).claimant == "local official"


# What is counted


def test_people_buried_are_dead_but_not_those_buried_under_rubble():
    figures, _ = _run("A village chief told reporters that 31 people had been buried in Kourou on Tuesday after gunmen "
                      "attacked the market.", "2025-03-12")
    assert _one(figures, "killed", 31)
    figures, _ = _run("An air strike hit a block of flats in Hodeidah on Tuesday and 20 people were buried under the rubble, "
                      "rescuers said.", "2025-03-12")
    assert not [f for f in figures if f.kind == "killed" and f.count == 20]


def test_a_lost_limb_is_an_injury():
    figures, _ = _run("Police said a guard lost his right leg when a bomb exploded at a checkpoint in Quetta on Friday.",
                      "2025-03-15")
    figure = _one(figures, "injured", 1)
    assert figure.civilians is None or figure.civilians == 0
    assert "Police" in (figure.claimant or "")


def test_passers_by_and_herders_are_counted_civilians():
    figures, _ = _run("A car bomb exploded in Mogadishu on Sunday, killing four people, police said, adding that six "
                      "passers-by were wounded.", "2025-03-17")
    assert _one(figures, "injured", 6).civilians == 6
    figures, _ = _run("Gunmen killed five herders near Dori on Monday, the army said.", "2025-03-18")
    assert _one(figures, "killed", 5).civilians == 5


def test_a_count_is_not_given_the_kind_of_another_clause():
    figures, _ = _run("At least 12 people were killed and more than 5,000 were forced from their homes in Kenscoff on "
                      "Monday after a bomb wounded two police officers.", "2025-03-18")
    assert not [f for f in figures if f.count == 5000 and f.kind in ("killed", "injured")]


# Background totals


def test_it_has_killed_after_the_war_is_named_is_a_running_total():
    figures, _ = _run("The war began in April 2023. It has killed at least 20,000 people, according to the UN.",
                      "2025-06-02")
    assert not [f for f in figures if f.count == 20000]


def test_displaced_by_the_conflict_in_the_perfect_is_a_standing_total():
    figures, _ = _run("More than two million people have been displaced by the conflict across the country, the UN said.",
                      "2025-06-02")
    assert not [f for f in figures if f.count == 2000000]


def test_a_toll_since_the_truce_is_a_running_total():
    figures, _ = _run("Israel has kept up strikes on south Lebanon since the truce, killing more than 200 people, "
                      "according to a tally by the health ministry.", "2025-08-26")
    assert not [f for f in figures if f.count == 200]
    figures, _ = _run("The strike on Tyre on Monday, the deadliest since the truce, killed 12 people, the health ministry said.",
                      "2025-08-26")
    assert _one(figures, "killed", 12)


def test_a_toll_since_the_start_of_the_year_is_a_running_total():
    figures, _ = _run("Police said 25 officers had been killed in attacks in the province since the start of the year.",
                      "2025-10-09")
    assert not [f for f in figures if f.count == 25]


def test_a_month_two_months_back_is_old_news():
    figures, _ = _run("Troops captured 18 rebels in fighting near the border in July, the army said.", "2025-09-11")
    assert not [f for f in figures if f.count == 18]
