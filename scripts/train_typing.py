"""Train the event typer's second opinion: a hashed n-gram linear model (softmax regression).

    python scripts/train_typing.py [--per-class 500] [--epochs 12] [--out eventledger/data/events/typing_model.npz]

The training text is generated here, from a paraphrase grammar written for eventledger: frames
per ACLED sub-event type (and for "none": disasters, accidents, crime, diplomacy, statements,
demands, denials, accusations, threats, background) filled with invented actors, places, numbers,
times and attributions. Nothing is copied or learned from CASE 2021, PLOVER or any news source;
the model never sees the data it is measured on. Deterministic (fixed seed); numpy only.

The rules stay first (`eventledger/extraction/eventtype/rules.py`); the model is consulted only
when no cue decides (see `eventtype/model.py`)."""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eventledger.extraction.eventtype.model import BUCKETS, features  # noqa: E402

# ----------------------------------------------------------------------------- slots

SLOTS: dict[str, list[str]] = {
    "GOV": ["the army", "government forces", "troops", "soldiers", "the military", "security forces", "the national army",
            "regime forces", "pro-government forces", "federal troops", "the armed forces", "government soldiers",
            "army units", "special forces", "the defence forces", "loyalist troops", "state forces", "commandos"],
    "NSA": ["rebels", "militants", "insurgents", "the jihadists", "Islamist fighters", "separatist fighters", "the militia",
            "armed groups", "Taliban fighters", "al-Shabaab fighters", "Boko Haram fighters", "gunmen", "the rebel group",
            "tribal fighters", "opposition fighters", "the insurgent group", "Islamic State fighters", "ethnic militias",
            "Maoist guerrillas", "the armed movement"],
    "CIV": ["civilians", "villagers", "farmers", "a family", "worshippers", "passengers", "traders", "women and children",
            "residents", "students", "herders", "displaced people", "a local chief", "a teacher", "aid workers",
            "a journalist", "shoppers", "fishermen", "a health worker", "pilgrims"],
    "PLACE": ["the town of {N}", "{N}", "the village of {N}", "a district of {N} province", "the city", "the provincial capital",
              "the border town of {N}", "{N} district", "a village near {N}", "the outskirts of {N}", "the {N} region",
              "the north of the country", "the eastern province", "{N} county", "the capital", "a suburb of {N}"],
    "N": ["Karvo", "Tessali", "Mabundi", "Orvane", "Zelito", "Harmuk", "Dolosa", "Ketrin", "Bavaro", "Sulmi", "Ardeni",
          "Pirogo", "Lunvar", "Quessa", "Yebrin", "Tamadou", "Gorvik", "Nyanzi", "Elbara", "Fostan", "Rizkan", "Omburo"],
    "NUM": ["two", "three", "four", "five", "seven", "ten", "12", "at least 15", "dozens of", "several", "more than 20",
            "at least eight", "six", "nine", "scores of", "31", "about 40"],
    "TIME": ["on Monday", "on Tuesday", "early on Sunday", "overnight", "late on Friday", "on Wednesday morning",
             "at dawn", "this week", "on Saturday evening", "yesterday", "", "", "", "on Thursday"],
    "SRC": [", officials said", ", the ministry said", ", a local official told reporters", ", residents said", "", "", "",
            ", according to a monitoring group", ", the army said in a statement", ", police said", ", witnesses said",
            ", a spokesman said", ", local media reported", ", security sources said"],
    "WPN": ["weapons", "rifles", "ammunition", "explosives", "an arms cache", "grenades", "rocket launchers",
            "bomb-making materials", "detonators", "mortar rounds", "a stash of weapons"],
    "GROUPNAME": ["the Popular Front", "the Liberation Army", "the Patriotic Movement", "the Brigade of {N}",
                  "the {N} Defence Group", "the National Resistance", "the Revolutionary Council"],
}

# ----------------------------------------------------------------------------- frames

FRAMES: dict[str, list[str]] = {
    "Armed clash": [
        "{GOV} clashed with {NSA} near {PLACE} {TIME}{SRC}.",
        "Heavy fighting broke out between {GOV} and {NSA} in {PLACE}{SRC}.",
        "{NSA} attacked an army post in {PLACE}, sparking a gun battle that lasted hours{SRC}.",
        "{NUM} soldiers and {NUM} militants were killed in fighting in {PLACE} {TIME}.",
        "{GOV} exchanged fire with {NSA} on the road to {PLACE}{SRC}.",
        "{NSA} ambushed a military convoy near {PLACE}, killing {NUM} soldiers{SRC}.",
        "{GOV} killed {NUM} {NSA} during an operation in {PLACE} {TIME}{SRC}.",
        "Fierce battles raged for a second day around {PLACE} as {GOV} tried to repel {NSA}.",
        "{NSA} stormed a police station in {PLACE} and fought with officers for several hours.",
        "{NUM} fighters died when rival armed groups fought over {PLACE}{SRC}.",
        "A firefight between {GOV} and {NSA} left {NUM} dead in {PLACE}.",
        "{GOV} repulsed an assault by {NSA} on their positions near {PLACE} {TIME}.",
        "{NSA} and {GOV} engaged in intense combat outside {PLACE}.",
        "The two sides traded gunfire across the front line near {PLACE}{SRC}.",
        "{NUM} police officers died when {NSA} raided their checkpoint in {PLACE}.",
        "Troops came under fire from {NSA} while patrolling {PLACE} and returned fire{SRC}.",
    ],
    "Government regains territory": [
        "{GOV} recaptured {PLACE} from {NSA} {TIME}{SRC}.",
        "{GOV} retook {PLACE} after days of fighting with {NSA}.",
        "{GOV} regained control of {PLACE}, which {NSA} had held since last year{SRC}.",
        "{GOV} liberated {PLACE} from {NSA}{SRC}.",
        "{PLACE} was recaptured by {GOV} {TIME}{SRC}.",
        "{GOV} drove {NSA} out of {PLACE} and raised the national flag.",
        "Positions held by {NSA} near {PLACE} were taken by {GOV} {TIME}.",
        "{GOV} said they had cleared {PLACE} of {NSA} and restored state authority.",
        "{GOV} pushed {NSA} back from {PLACE} and now control the main road.",
        "{GOV} took back {NUM} villages around {PLACE} from {NSA}{SRC}.",
        "The government announced that {PLACE} was back under state control after {NSA} were expelled.",
        "{GOV} entered {PLACE} after {NSA} fled, restoring government control{SRC}.",
        "Government troops seized back the strategic hill overlooking {PLACE}.",
        "{GOV} have regained ground lost to {NSA} around {PLACE}.",
    ],
    "Non-state actor overtakes territory": [
        "{NSA} captured {PLACE} {TIME}{SRC}.",
        "{NSA} seized control of {PLACE} after {GOV} retreated under fire.",
        "{PLACE} fell to {NSA} after a two-day assault{SRC}.",
        "{NSA} overran {PLACE} and hoisted their flag over the district office.",
        "{NSA} took over {PLACE} following heavy clashes with {GOV}{SRC}.",
        "{NSA} now control {PLACE}, having pushed {GOV} out{SRC}.",
        "{NSA} have taken {NUM} villages near {PLACE} in a new offensive.",
        "{PLACE} was captured by {NSA} {TIME}, according to residents.",
        "{NSA} advanced into {PLACE} and seized the police headquarters.",
        "{NSA} claimed to have captured the military base at {PLACE}.",
        "{NSA} wrested control of {PLACE} from {GOV}{SRC}.",
        "After fierce fighting, {NSA} occupied {PLACE}{SRC}.",
    ],
    "Non-violent transfer of territory": [
        "{GOV} withdrew from {PLACE} and handed it over to {NSA} without a fight.",
        "{NSA} pulled out of {PLACE} under an agreement, and {GOV} moved in{SRC}.",
        "Control of {PLACE} was transferred to {GOV} after {NSA} left peacefully.",
        "{NSA} handed over {PLACE} to {GOV} as part of the peace deal.",
        "{GOV} left their positions in {PLACE}, which {NSA} then took over unopposed.",
        "{NSA} entered {PLACE} without resistance after {GOV} abandoned it.",
        "The handover of {PLACE} to local authorities took place {TIME}{SRC}.",
        "{NSA} evacuated {PLACE} under a deal brokered by elders, allowing {GOV} to deploy there.",
        "Peacekeepers handed the base near {PLACE} to {GOV}{SRC}.",
        "{GOV} vacated {PLACE}, leaving it to {NSA} without any clashes.",
        "{NSA} ceded control of {PLACE} to {GOV} under the ceasefire terms.",
    ],
    "Attack": [
        "{NSA} killed {NUM} {CIV} in {PLACE} {TIME}{SRC}.",
        "Gunmen opened fire on {CIV} in {PLACE}, killing {NUM}{SRC}.",
        "{NSA} attacked a village near {PLACE}, killing {NUM} people and burning homes.",
        "Unidentified gunmen shot dead {CIV} in {PLACE} {TIME}.",
        "{NUM} {CIV} were massacred by {NSA} in {PLACE}{SRC}.",
        "{GOV} executed {NUM} {CIV} suspected of supporting {NSA}, a rights group said.",
        "Armed men raided {PLACE} at night and killed {NUM} residents.",
        "Assailants hacked {NUM} {CIV} to death in {PLACE}{SRC}.",
        "{NSA} beheaded {CIV} they accused of spying, in {PLACE}.",
        "{CIV} were killed when gunmen attacked a bus near {PLACE}{SRC}.",
        "Gunmen assassinated a local official outside his home in {PLACE}.",
        "{NSA} attacked worshippers at a church in {PLACE}, killing {NUM}.",
        "Soldiers beat and tortured {CIV} in {PLACE}, a rights group reported.",
    ],
    "Abduction/forced disappearance": [
        "{NSA} kidnapped {NUM} {CIV} in {PLACE} {TIME}{SRC}.",
        "Gunmen abducted {CIV} from their homes in {PLACE}.",
        "{NUM} {CIV} were taken hostage by {NSA} near {PLACE}{SRC}.",
        "Armed men seized {CIV} on the road to {PLACE} and demanded a ransom.",
        "An activist has disappeared after being taken away by men in uniform in {PLACE}.",
        "{NSA} are holding {NUM} {CIV} captive after a raid on {PLACE}.",
        "Bandits abducted {NUM} students from a school in {PLACE}{SRC}.",
        "Relatives say {CIV} were forcibly disappeared by security agents in {PLACE}.",
    ],
    "Sexual violence": [
        "{NSA} raped {NUM} women during a raid on {PLACE}{SRC}.",
        "Soldiers were accused of sexually assaulting {CIV} in {PLACE}.",
        "{NUM} women were raped by armed men in {PLACE} {TIME}{SRC}.",
        "A girl was gang-raped by militiamen near {PLACE}, a rights group said.",
        "Survivors described sexual violence by {NSA} in {PLACE}.",
    ],
    "Air/drone strike": [
        "Warplanes bombed {PLACE} {TIME}, killing {NUM} people{SRC}.",
        "An air strike hit a market in {PLACE}{SRC}.",
        "A drone strike killed {NUM} {NSA} in {PLACE} {TIME}.",
        "Fighter jets pounded positions of {NSA} near {PLACE}{SRC}.",
        "Helicopter gunships fired on {PLACE}, wounding {NUM} civilians.",
        "Coalition aircraft carried out airstrikes on {PLACE}{SRC}.",
        "An armed drone targeted a vehicle carrying {NSA} leaders outside {PLACE}.",
        "Air raids on {PLACE} destroyed several buildings {TIME}{SRC}.",
        "Military planes dropped barrel bombs on {PLACE}{SRC}.",
        "The air force struck a training camp of {NSA} in {PLACE}.",
    ],
    "Shelling/artillery/missile attack": [
        "Artillery shells hit {PLACE} {TIME}, killing {NUM} people{SRC}.",
        "{NSA} fired rockets at {PLACE}{SRC}.",
        "{GOV} shelled {PLACE} overnight, wounding {NUM} civilians.",
        "Mortar rounds landed in a residential area of {PLACE}{SRC}.",
        "A missile struck an apartment block in {PLACE} {TIME}.",
        "Shrapnel from a shell wounded {CIV} in {PLACE}.",
        "Heavy shelling of {PLACE} continued for a third day{SRC}.",
        "A rocket slammed into a school in {PLACE}, killing {NUM}.",
        "{GOV} pounded {PLACE} with tank fire and howitzers{SRC}.",
        "Katyusha rockets were launched at a military base near {PLACE}.",
        "{NUM} people died when mortar shells fell on a market in {PLACE}.",
    ],
    "Remote explosive/landmine/IED": [
        "A roadside bomb killed {NUM} soldiers in {PLACE} {TIME}{SRC}.",
        "A car bomb exploded near a checkpoint in {PLACE}, killing {NUM}{SRC}.",
        "{NUM} {CIV} died when their vehicle hit a landmine near {PLACE}.",
        "An improvised explosive device went off near a market in {PLACE}{SRC}.",
        "A bomb planted under a car exploded in {PLACE} {TIME}.",
        "{NUM} people had been killed by mine explosions in {PLACE} this year{SRC}.",
        "A blast ripped through a bus station in {PLACE}, killing {NUM}{SRC}.",
        "An explosive device detonated as a police patrol passed in {PLACE}.",
        "A motorcycle bomb went off outside a government office in {PLACE}.",
        "A boy stepped on a mine while herding goats near {PLACE}.",
    ],
    "Suicide bomb": [
        "A suicide bomber blew himself up at a mosque in {PLACE}, killing {NUM}{SRC}.",
        "A suicide car bomb struck an army base in {PLACE} {TIME}.",
        "A woman detonated an explosive vest at a market in {PLACE}{SRC}.",
        "{NUM} people were killed in a suicide attack on a police station in {PLACE}.",
        "Two suicide bombers attacked a crowded checkpoint in {PLACE}{SRC}.",
        "An attacker wearing a suicide belt blew himself up near {PLACE}.",
    ],
    "Grenade": [
        "A grenade was thrown into a bar in {PLACE}, wounding {NUM} people{SRC}.",
        "Attackers hurled a hand grenade at a police post in {PLACE} {TIME}.",
        "{NUM} people were hurt in a grenade attack on a market in {PLACE}.",
        "A man lobbed a grenade at a rally in {PLACE}{SRC}.",
        "Militants threw grenades at an army vehicle near {PLACE}.",
    ],
    "Chemical weapon": [
        "Residents of {PLACE} said chlorine gas was dropped on their homes{SRC}.",
        "A chemical attack on {PLACE} killed {NUM} people, activists said.",
        "Doctors treated {NUM} patients for exposure to toxic gas after an attack on {PLACE}.",
        "{GOV} were accused of using sarin in {PLACE}.",
        "Shells filled with a poisonous gas hit {PLACE} {TIME}.",
    ],
    "Peaceful protest": [
        "Thousands of people marched through {PLACE} {TIME} to demand jobs{SRC}.",
        "Hundreds of teachers protested outside the ministry in {PLACE} over unpaid wages.",
        "Demonstrators gathered peacefully in {PLACE} to denounce the election result.",
        "A rally against the government took place in {PLACE} {TIME}{SRC}.",
        "Students staged a sit-in at the university in {PLACE}.",
        "Workers went on strike in {PLACE} to press for higher pay.",
        "Women held a vigil in {PLACE} for the victims of the violence.",
        "Farmers blocked a highway near {PLACE} with tractors in protest at new taxes.",
        "Opposition supporters demonstrated in {PLACE} after the operation, calling for the minister to resign.",
        "Protesters chanted slogans and waved banners in front of parliament in {PLACE}.",
        "Residents of {PLACE} took to the streets to protest power cuts{SRC}.",
        "Dozens of relatives demonstrated outside the prison in {PLACE} demanding the release of detainees.",
    ],
    "Protest with intervention": [
        "Police used tear gas to disperse protesters in {PLACE} {TIME}{SRC}.",
        "Police arrested {NUM} demonstrators during a march in {PLACE}.",
        "Riot police broke up a rally in {PLACE} with water cannon{SRC}.",
        "Security forces detained dozens of protesters in {PLACE}.",
        "Officers fired rubber bullets to scatter a crowd of protesters in {PLACE}.",
        "A protest in {PLACE} was broken up by police who beat demonstrators with batons.",
        "Police blocked marchers from reaching the square in {PLACE} and detained organisers.",
    ],
    "Excessive force against protesters": [
        "Security forces opened fire on protesters in {PLACE}, killing {NUM}{SRC}.",
        "{NUM} demonstrators were shot dead by police in {PLACE} {TIME}.",
        "Troops fired live ammunition into a crowd of protesters in {PLACE}{SRC}.",
        "Police killed {NUM} people as they dispersed a demonstration in {PLACE}.",
        "Soldiers shot and wounded {NUM} peaceful protesters in {PLACE}.",
        "A protester died after being beaten by police at a rally in {PLACE}.",
    ],
    "Violent demonstration": [
        "Protesters threw stones at police and set tyres on fire in {PLACE}{SRC}.",
        "Rioters torched cars and looted shops in {PLACE} {TIME}.",
        "Demonstrators clashed with riot police in {PLACE}, injuring {NUM} officers.",
        "Angry protesters stormed the town hall in {PLACE} and smashed windows.",
        "Protests turned violent in {PLACE} as crowds attacked a police station.",
        "Youths hurled petrol bombs at security forces during a protest in {PLACE}.",
        "Protesters burned the ruling party's office in {PLACE}{SRC}.",
        "Demonstrators pelted police with rocks and bottles in {PLACE}.",
    ],
    "Mob violence": [
        "A mob lynched a man accused of theft in {PLACE}{SRC}.",
        "Villagers beat to death two suspected witches in {PLACE}.",
        "Rival groups of supporters fought with sticks and machetes in {PLACE}.",
        "An angry crowd set upon a driver after an accident in {PLACE}, killing him.",
        "Communal violence between two clans erupted in {PLACE}, leaving {NUM} dead.",
        "Vigilantes attacked migrants in {PLACE} {TIME}{SRC}.",
    ],
    "Arrests": [
        "Police arrested {NUM} suspected members of {NSA} in {PLACE}{SRC}.",
        "Security forces detained an opposition leader in {PLACE} {TIME}.",
        "{NUM} journalists were arrested in {PLACE} on charges of spreading false news.",
        "Authorities rounded up dozens of activists in {PLACE}{SRC}.",
        "Men accused of making bombs have been arrested in {PLACE}.",
        "A former minister was taken into custody in {PLACE} over alleged coup plotting.",
        "Intelligence agents detained {NUM} people suspected of links to {NSA}.",
        "A prominent critic of the government was placed under house arrest in {PLACE}.",
    ],
    "Disrupted weapons use": [
        "Soldiers found {WPN} hidden in a house in {PLACE}{SRC}.",
        "Police seized {WPN} during a raid in {PLACE} {TIME}.",
        "Bomb experts defused an explosive device planted near a school in {PLACE}.",
        "Air defences intercepted {NUM} missiles fired at {PLACE}{SRC}.",
        "Troops discovered a cache of {WPN} in a cave near {PLACE}.",
        "Security forces foiled a plot to bomb a church in {PLACE}.",
        "A drone launched towards {PLACE} was shot down{SRC}.",
        "Engineers cleared landmines planted by {NSA} around {PLACE}.",
    ],
    "Agreement": [
        "{GOV} and {NSA} agreed a ceasefire in {PLACE}{SRC}.",
        "The warring sides signed a peace agreement in {N} {TIME}.",
        "The two sides exchanged prisoners under a deal brokered by mediators.",
        "{NUM} {NSA} surrendered to the authorities in {PLACE} and handed in their weapons.",
        "{NSA} and the government reached a deal to end the fighting in {PLACE}.",
        "A truce between rival militias took effect in {PLACE}{SRC}.",
        "The armed group accepted an amnesty and laid down its arms.",
        "Negotiators for both sides struck an agreement on the release of hostages.",
        "Tribal elders brokered a truce between the clans in {PLACE}.",
        "{NSA} and {GOV} signed a deal on the withdrawal of heavy weapons from {PLACE}.",
    ],
    "Change to group/activity": [
        "{GOV} deployed {NUM} battalions to {PLACE}{SRC}.",
        "{NSA} announced they had merged with {GROUPNAME} to form a new alliance.",
        "A senior commander of {NSA} defected to the government with {NUM} of his men.",
        "Reinforcements were sent to {PLACE} {TIME}{SRC}.",
        "Foreign troops began withdrawing from their bases around {PLACE}.",
        "{GROUPNAME} named a new leader after the death of its founder.",
        "{NSA} said they would suspend attacks during the holy month.",
        "Hundreds of young men were recruited by {NSA} in {PLACE}.",
        "{GOV} moved tanks and artillery towards {PLACE}{SRC}.",
        "The militia announced it had disbanded and would join the political process.",
    ],
    "Headquarters or base established": [
        "{GOV} set up a new base in {PLACE}{SRC}.",
        "{NSA} established a headquarters in {PLACE} {TIME}.",
        "Foreign troops built an outpost near {PLACE}.",
        "{NSA} opened a training camp in the hills near {PLACE}{SRC}.",
        "A new military post was established on the road to {PLACE}.",
    ],
    "Looting/property destruction": [
        "Armed men looted shops and burned houses in {PLACE}{SRC}.",
        "{NSA} torched {NUM} homes in {PLACE} {TIME}.",
        "Soldiers ransacked houses in {PLACE} after the fighting.",
        "{NSA} destroyed a telecommunications mast in {PLACE}{SRC}.",
        "Unknown attackers set fire to a polling station in {PLACE}.",
        "{NSA} burned down a school and a clinic in {PLACE}.",
    ],
    "Other": [
        "A mass grave containing {NUM} bodies was found near {PLACE}{SRC}.",
        "Investigators exhumed {NUM} bodies from a grave outside {PLACE}.",
        "Thousands of residents fled {PLACE} as fighting approached.",
        "Displaced families began returning to {PLACE} {TIME}.",
    ],
    "none": [
        # disasters and accidents
        "A magnitude 6 earthquake struck {PLACE}, killing {NUM} people{SRC}.",
        "Floods swept through {PLACE} after days of heavy rain{SRC}.",
        "A bus plunged off a bridge near {PLACE}, killing {NUM} passengers.",
        "A gas cylinder exploded in a restaurant in {PLACE}, injuring {NUM}.",
        "A fire in a fireworks warehouse in {PLACE} caused a huge explosion{SRC}.",
        "{NUM} miners died when a tunnel collapsed in {PLACE}.",
        "A child was killed when an old shell he found in a field exploded near {PLACE}.",
        "Landslides buried {NUM} homes in {PLACE} {TIME}.",
        "A cholera outbreak has killed {NUM} people in {PLACE}{SRC}.",
        "A cargo plane crashed on landing at {PLACE} airport.",
        # crime
        "Robbers held up a bank in {PLACE} and escaped with cash{SRC}.",
        "Police seized 300 kilograms of cocaine at the port of {PLACE}.",
        "A man shot his neighbour dead in a land dispute in {PLACE}.",
        "Smugglers were caught with stolen cars near {PLACE}.",
        "A gang stole cattle from farmers in {PLACE}{SRC}.",
        # diplomacy and politics
        "The foreign ministers met in {N} to discuss trade and energy.",
        "The president visited {PLACE} to open a new hospital.",
        "The government expelled two diplomats over spying allegations.",
        "Parliament passed a new budget {TIME}{SRC}.",
        "Voters went to the polls in {PLACE} in a calm election.",
        "The two countries held talks on border trade {TIME}.",
        "The European Union imposed new sanctions on the government.",
        # statements, demands, denials, accusations, threats
        "The minister accused {NSA} of trying to carry out ethnic cleansing in {PLACE}.",
        "The army denied that its forces had shelled {PLACE}.",
        "{NSA} threatened to attack the capital if their demands were not met.",
        "The UN called for an immediate ceasefire in {PLACE}.",
        "The opposition demanded the withdrawal of troops from {PLACE}.",
        "Rebel leaders rejected claims that they had recruited children.",
        "The governor condemned the violence and urged calm{SRC}.",
        "{NSA} claimed responsibility for the bombing in a statement.",
        "Officials blamed {NSA} for the attack on {PLACE}.",
        "Human rights groups warned of a possible offensive on {PLACE}.",
        "The president vowed to crush {NSA} and restore order.",
        "The ministry said security would be tightened ahead of the holiday.",
        "Analysts say the conflict could spread to {PLACE}.",
        "Aid agencies said thousands of people in {PLACE} need food assistance.",
        "The spokesman said the government was committed to dialogue.",
        "Witnesses described scenes of panic, but officials gave no details.",
        "The court adjourned the trial of the former governor until next month.",
        "The army said it remained ready to defend the country against any aggression.",
        "{GOV} have controlled {PLACE} since 2016, when {NSA} left.",
        "The region has suffered years of insecurity and poverty.",
        "The conflict has killed thousands of people since it began.",
        "Residents said they feared new attacks after the army left.",
        # verbal, political and background sentences that name soldiers, weapons or places
        "The country offered to send troops to help its neighbour restore order.",
        "The mediator travelled between the two capitals to ease tensions.",
        "The government extradited a suspected militant to {N} on Sunday.",
        "The UN sent a team of investigators to {PLACE} to look into the killings.",
        "Authorities eased emergency measures in {PLACE} {TIME}{SRC}.",
        "The airline suspended flights to {N} after the crisis.",
        "The rebels rejected the proposed changes to the peace plan.",
        "The minister said {GOV} would remain in {PLACE} as long as necessary.",
        "{GOV} have been stationed in {PLACE} for years under a defence pact.",
        "The army chief visited troops on the front line and praised their courage.",
        "Parliament debated a bill to raise military spending.",
        "The president appointed a new defence minister in a cabinet reshuffle.",
        "Observers said the situation in {PLACE} remained tense but calm.",
        "The report said {NUM} people were killed in the conflict last year.",
        "The trial of {NUM} men accused of the attack on {PLACE} opened {TIME}.",
        "The two governments agreed to strengthen economic cooperation.",
        "The leaders signed a trade agreement on energy and transport.",
        "The ministry said it had no information about the incident.",
        "Residents fear renewed violence as tensions rise in {PLACE}.",
        "The prime minister promised to investigate the deaths.",
        "Officials said the death toll could rise.",
        "Thousands of refugees remain in camps near {PLACE}, the agency said.",
        "A military helicopter crashed during a training flight near {PLACE}.",
        "The navy held exercises off the coast near {PLACE}.",
        "The country test-fired a new ballistic missile into the sea.",
        "An explosion at an ammunition depot near {PLACE} was caused by a fire.",
        "The defence minister said the army had enough weapons to defend the border.",
        "The group's leader gave a speech marking the anniversary of the movement.",
        "The ceasefire has largely held since it was agreed last month.",
        "Journalists were not allowed to enter {PLACE}.",
        "Schools in {PLACE} reopened after the holidays.",
        "The court sentenced a former commander to life in prison for war crimes.",
        "{NSA} have long been active in the forests around {PLACE}.",
        "The town was the scene of heavy fighting two years ago.",
        "Police said an investigation had been opened.",
        "The government has repeatedly accused its neighbour of arming the rebels.",
        "The opposition said the vote had been rigged and refused to accept the result.",
        "The price of fuel has doubled in {PLACE} since the start of the war.",
        "Doctors at the hospital said they lacked medicine and equipment.",
        "The army spokesman said operations against {NSA} would continue.",
        "The operation in {PLACE} involved the police, the army and intelligence officers.",
        "{N}, a close ally of the government, described the operation as necessary.",
        "The joint operation was led by the police with support from the military.",
        "The spokesman announced new security measures in {PLACE}.",
        "The freed workers appeared tired but in good health, the commander said.",
        "The posts carried symbols used by the main opposition party.",
        "The commander of {GOV} in {PLACE} is a veteran of several campaigns.",
        "{GOV} and {NSA} both say they want peace.",
        "The army has a large presence in {PLACE}.",
        "Security in {PLACE} has improved in recent months, officials said.",
        "The minister thanked the soldiers for their service.",
        "Most of the victims were women and children, the hospital director said.",
        "The rebels' political wing issued a statement on the anniversary.",
        "Military vehicles were seen on the streets of {PLACE} during the parade.",
    ],
}

# a neutral sentence sometimes added, as in the snippets and articles the typer sees
CONTEXT = [
    "The region has seen years of unrest.", "No group has commented.", "Details remain unclear.",
    "The area is difficult to reach for journalists.", "It was not immediately possible to verify the report.",
    "The country has been in crisis since the disputed election.", "Local officials confirmed the figures.",
    "The government has not commented.", "The conflict has displaced more than a million people.",
]


def fill(frame: str, rng: random.Random) -> str:
    out = frame
    for _ in range(4):
        if "{" not in out:
            break
        for slot, values in SLOTS.items():
            key = "{" + slot + "}"
            while key in out:
                out = out.replace(key, rng.choice(values), 1)
    out = out.replace(" ,", ",").replace("  ", " ").replace(" .", ".")
    return out[0].upper() + out[1:]


def generate(per_class: int, seed: int = 13) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    data = []
    for label, frames in FRAMES.items():
        n = per_class * (3 if label == "none" else 1)
        for i in range(n):
            text = fill(frames[i % len(frames)], rng)
            roll = rng.random()
            if roll < 0.2:
                text = text + " " + rng.choice(CONTEXT)
            elif roll < 0.3:
                text = rng.choice(CONTEXT) + " " + text
            data.append((label, text))
    rng.shuffle(data)
    return data


def train(data: list[tuple[str, str]], labels: list[str], epochs: int, lr: float = 0.2, l2: float = 1e-4,
          dropout: float = 0.3, seed: int = 13) -> np.ndarray:
    index = {label: i for i, label in enumerate(labels)}
    feats = [np.asarray(features(text), dtype=np.int64) for _, text in data]
    ys = np.asarray([index[label] for label, _ in data])
    w = np.zeros((BUCKETS, len(labels)), dtype=np.float64)
    g2 = np.full((BUCKETS, len(labels)), 1e-8)  # Adagrad
    rng = np.random.default_rng(seed)
    order = np.arange(len(data))
    for epoch in range(epochs):
        rng.shuffle(order)
        loss = 0.0
        for i in order:
            f = feats[i]
            if dropout:  # drop some words' features: no single cue carries a sentence
                f = f[rng.random(len(f)) >= dropout] if len(f) > 3 else f
            z = w[f].sum(0)
            z -= z.max()
            p = np.exp(z)
            p /= p.sum()
            loss -= np.log(p[ys[i]] + 1e-12)
            p[ys[i]] -= 1.0
            grad = np.broadcast_to(p, (len(f), len(labels))) + l2 * w[f]
            np.add.at(g2, f, grad * grad)
            np.add.at(w, f, -lr * grad / np.sqrt(g2[f]))
        print(f"epoch {epoch + 1}: loss {loss / len(data):.4f}", file=sys.stderr)
    return w


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-class", type=int, default=400)
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--out", default=str(ROOT / "eventledger/data/events/typing_model.npz"))
    parser.add_argument("--dump", help="also write the generated sentences to this TSV")
    args = parser.parse_args()
    data = generate(args.per_class)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as handle:
            handle.write("label\ttext\n")
            for label, text in data:
                handle.write(f"{label}\t{text}\n")
    labels = sorted(FRAMES)
    w = train(data, labels, args.epochs)
    np.savez_compressed(args.out, weights=w.astype(np.float16), labels=np.asarray(labels))
    print(f"{len(data)} sentences, {len(labels)} labels -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
