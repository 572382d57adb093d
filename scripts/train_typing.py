"""Train the event typer's second opinion: a hashed n-gram linear model (softmax regression).

    python scripts/train_typing.py [--per-class 1000] [--epochs 12] [--out eventledger/data/events/typing_model.npz]

The training text is generated here, from a paraphrase grammar written for eventledger: frames
per ACLED sub-event type (and for "none": disasters, accidents, crime, diplomacy, statements,
demands, denials, accusations, threats, background) filled with invented actors, places, numbers,
times and attributions. Nothing is copied or learned from CASE 2021, PLOVER or any news source;
the model never sees the data it is measured on. Deterministic (fixed seed); numpy only.

The grammar: frames per sub-type written from the ACLED codebook's definitions, in the shapes
news takes (active and passive clauses, nominalisations, headlines, datelines, attributions, long
snippets with background), slots for actors, places, tolls and causes; each snippet may tell its
event twice, carry a dateline, a neutral sentence or an attribution. The model's features include
the lexicon's cues (see `eventtype/model.py`): retrain after changing `lexicon.toml`.

The rules stay first (`eventledger/extraction/eventtype/rules.py`); the model is consulted when
no cue decides, or when the rules' decision is contested (see `eventtype/__init__.py`)."""

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


# ----------------------------------------------------------------------------- a richer grammar
# More frames per sub-type, written from the ACLED codebook's definition of each one, in the
# shapes news takes: active and passive clauses, nominalisations ("the capture of X by Y"),
# headlines, datelines, attributions, long snippets with background; and "none" distractors of
# each kind (health, disasters, accidents, crime, courts, elections, diplomacy, attributions,
# statements and threats).

SLOTS.update({
    "ADJ": ["Syrian", "Afghan", "Nigerian", "Somali", "Iraqi", "Malian", "Yemeni", "Ukrainian", "Russian", "Israeli",
            "Turkish", "Pakistani", "Indian", "Congolese", "Ethiopian", "Libyan", "Sudanese", "Burkinabe", "Myanmar",
            "Colombian", "Philippine", "Egyptian", "Kenyan", "Cameroonian", "Mozambican", "Nigerien", "Chadian"],
    "COUNTRY": ["Syria", "Afghanistan", "Nigeria", "Somalia", "Iraq", "Mali", "Yemen", "Ukraine", "Libya", "Sudan",
                "Burkina Faso", "Myanmar", "Colombia", "the Philippines", "Congo", "Ethiopia", "Cameroon", "Mozambique",
                "Pakistan", "India", "Niger", "Chad", "South Sudan", "Kenya", "Egypt", "Lebanon", "Gaza"],
    "GOVX": ["{ADJ} troops", "the {ADJ} army", "{ADJ} security forces", "{ADJ} government forces", "{ADJ} soldiers",
             "the {ADJ} military", "{ADJ} special forces", "{ADJ} police", "{GOV}", "{GOV}", "{GOV}",
             "the Syrian Arab Army", "Afghan National Army soldiers", "the Nigerian Army", "Somali National Army troops",
             "Iraqi Counter-Terrorism Service units", "the national guard", "paramilitary police", "marines",
             "peacekeepers", "Ukrainian forces", "Russian troops", "Israeli soldiers", "Indian troops"],
    "NSAX": ["{NSA}", "{NSA}", "{NSA}", "Taliban militants", "Houthi rebels", "ISIS fighters", "the Islamic State group",
             "al-Shabaab militants", "Boko Haram insurgents", "jihadists linked to al-Qaeda", "Kurdish fighters",
             "PKK militants", "FARC dissidents", "ELN guerrillas", "Maoist rebels", "M23 rebels", "ADF rebels",
             "separatists", "pro-Russian separatists", "Anglophone separatists", "bandits", "armed herders",
             "Fulani militants", "anti-balaka militiamen", "the Arakan Army", "the Kachin Independence Army",
             "Hezbollah fighters", "Hamas militants", "Tigrayan forces", "RSF paramilitaries", "a local militia",
             "{GROUPNAME} fighters", "opposition forces", "the Free Syrian Army", "Turkish-backed rebels"],
    "POL": ["police", "riot police", "security forces", "the police", "anti-riot police", "officers", "gendarmes",
            "soldiers", "troops", "police officers", "the authorities", "paramilitary police"],
    "PROT": ["protesters", "demonstrators", "activists", "opposition supporters", "students", "workers", "farmers",
             "residents", "teachers", "nurses", "women", "youths", "supporters of the opposition leader", "marchers",
             "anti-government protesters", "pro-democracy activists", "hundreds of people", "thousands of people",
             "tens of thousands of people", "doctors", "traders", "taxi drivers", "university students", "miners"],
    "CAUSE": ["to demand the release of detained activists", "against rising fuel prices", "over the disputed election",
              "against the military coup", "to protest police brutality", "calling for the resignation of the president",
              "against a new land law", "over unpaid salaries", "to demand better services", "against corruption",
              "in support of the jailed opposition leader", "against the lockdown", "against a proposed tax increase",
              "to mark the anniversary of the uprising", "demanding justice for a slain activist", "over power cuts",
              "against the construction of a dam", "against the government's handling of the economy",
              "to denounce violence against women", "demanding early elections", "against a visit by the president"],
    "VICTIMS": ["{NUM} people", "{NUM} civilians", "{CIV}", "{NUM} villagers", "a woman and her two children",
                "{NUM} members of one family", "a local councillor", "{NUM} worshippers", "{NUM} farmers"],
    "TOLL": [", killing {NUM} people", ", killing {NUM} and wounding {NUM} others", ", leaving {NUM} dead",
             ", wounding {NUM}", ", injuring {NUM} people", "", "", ", killing at least {NUM} people",
             ". {NUM} people were killed and {NUM} wounded", ". There were no immediate reports of casualties"],
    "MILTOLL": [", killing {NUM} soldiers", ", leaving {NUM} soldiers dead", ", killing {NUM} militants",
                ", wounding {NUM} troops", "", ". {NUM} attackers were killed in the exchange of fire"],
    "DATELINE": ["{NCAP} (Reuters) - ", "{NCAP} (AP) — ", "{NCAP}, {COUNTRY} (AFP) - ", "{NCAP}: ", "{NCAP} — ",
                 "{NCAP}, {MONTH} {DAY} (Xinhua) -- "],
    "NCAP": ["KABUL", "MOGADISHU", "BAGHDAD", "LAGOS", "BAMAKO", "SANAA", "KYIV", "TRIPOLI", "KHARTOUM", "DAMASCUS",
             "BEIRUT", "ABUJA", "NAIROBI", "ISLAMABAD", "YANGON", "MAIDUGURI", "GOMA", "KINSHASA", "ADDIS ABABA"],
    "MONTH": ["Jan.", "March", "May", "July", "Aug.", "Oct.", "Dec.", "February", "June", "September"],
    "DAY": ["3", "9", "14", "21", "27", "30"],
    "YEAR": ["2012", "2014", "2016", "2017", "2018", "2019", "2020", "2021"],
    "DATE": ["on {MONTH} {DAY}", "on {MONTH} {DAY}, {YEAR}", "{TIME}", "{TIME}", "last week", "in {MONTH}"],
    "REP": ["state media reported", "the Syrian Observatory for Human Rights said", "a military spokesman said",
            "officials said", "a local official said", "witnesses told AFP", "the interior ministry said",
            "police said", "residents said", "a UN report said", "local media reported", "a security source said",
            "the army said in a statement", "a monitoring group said", "a human rights group said",
            "state television reported", "the army said in a statement read on state television"],
    "BASE": ["an army base", "a military camp", "a police station", "a checkpoint", "an army post", "a military outpost",
             "a barracks", "a police post", "a military convoy", "an army patrol", "a border post"],
    "SOFT": ["a market", "a mosque", "a church", "a school", "a bus station", "a crowded street", "a wedding party",
             "a funeral", "a hospital", "a hotel", "a restaurant", "a busy intersection", "a refugee camp", "a village"],
})

FRAMES_MORE: dict[str, list[str]] = {
    "Armed clash": [
        "{NSAX} attacked {BASE} in {PLACE} {DATE}, triggering a gunfight with {GOVX}{MILTOLL}{SRC}.",
        "Clashes between {GOVX} and {NSAX} in {PLACE} left {NUM} dead, {REP}.",
        "{GOVX} battled {NSAX} for hours near {PLACE}{MILTOLL}.",
        "Fighting erupted between {GOVX} and {NSAX} on the outskirts of {PLACE} {DATE}.",
        "{NUM} soldiers were killed when {NSAX} ambushed their patrol near {PLACE}, {REP}.",
        "{GOVX} killed {NUM} militants in a gun battle in {PLACE}, {REP}.",
        "Troops engaged {NSAX} in {PLACE} after the insurgents attacked {BASE}.",
        "Soldiers and insurgents exchange fire in {PLACE}",
        "Army kills {NUM} insurgents in clashes near {PLACE}",
        "{NSAX} launched an assault on {BASE} near {PLACE}; troops repelled the attack after a firefight.",
        "At least {NUM} fighters were killed in clashes between rival armed groups in {PLACE}, {REP}.",
        "{NSAX} fought {NSAX} for control of the road to {PLACE}{SRC}.",
        "Gunmen attacked {BASE} in {PLACE}, killing {NUM} police officers before they were repelled.",
        "Heavy clashes continued for a third day as {NSAX} tried to advance on {PLACE}.",
        "{GOVX} said they had killed {NUM} fighters of {NSAX} in an operation in {PLACE}.",
        "The attack on {BASE} in {PLACE} by {NSAX} left {NUM} soldiers dead and {NUM} wounded.",
        "Security forces and {NSAX} exchanged heavy gunfire in {PLACE} {DATE}. {NUM} militants died.",
        "An army unit came under attack by {NSAX} near {PLACE} and returned fire, killing {NUM} of the assailants.",
        "{NSAX} raided a police checkpoint in {PLACE}, sparking a shootout in which {NUM} officers died.",
        "Border guards clashed with {ADJ} troops along the disputed frontier near {PLACE}.",
        "Fighting between {GOVX} and {NSAX} has killed {NUM} combatants in {PLACE} since {DATE}, {REP}.",
        "Intense fighting raged in {PLACE} as {NSAX} attacked government positions.",
        "Insurgents attacked a military convoy in {PLACE}{MILTOLL}, {REP}.",
    ],
    "Government regains territory": [
        "{GOVX} recaptured {PLACE} from {NSAX} {DATE}, {REP}.",
        "Army retakes {PLACE} from {NSAX}",
        "The recapture of {PLACE} by {GOVX} came after weeks of fighting with {NSAX}.",
        "{GOVX} have regained control of {PLACE}, which had been held by {NSAX}, {REP}.",
        "{GOVX} liberated {NUM} villages around {PLACE} from {NSAX}{SRC}.",
        "{PLACE} is back under government control after {GOVX} expelled {NSAX}.",
        "{NSAX} were driven out of {PLACE} by {GOVX} {DATE}.",
        "{GOVX} seized back {PLACE}, a stronghold of {NSAX}, after a week-long offensive.",
        "{GOVX} took control of {PLACE} after {NSAX} fled under heavy fire, {REP}.",
        "Government forces reclaimed the strategic town of {PLACE} from {NSAX}.",
        "{GOVX} announced the liberation of {PLACE} from {NSAX}.",
        "{GOVX} regained the town of {PLACE} and were clearing it of mines left by {NSAX}.",
        "{GOVX} have recaptured several areas in {PLACE} from {NSAX}, {REP}. Fighting continues in the south.",
        "{GOVX} captured the {NSAX} stronghold of {N} in {PLACE} {DATE}.",
        "{GOVX} retook the border crossing at {PLACE} from {NSAX}{SRC}.",
    ],
    "Non-state actor overtakes territory": [
        "{NSAX} captured {PLACE} {DATE}, {REP}.",
        "{NSAX} seize {PLACE}",
        "Rebels take control of {PLACE}",
        "The capture of {PLACE} by {NSAX} marks a major setback for the government.",
        "{NSAX} took control of {PLACE} after {GOVX} fled their positions.",
        "{PLACE} has fallen to {NSAX}, {REP}.",
        "{NSAX} overran {BASE} and took control of {PLACE}.",
        "{NSAX} seized {NUM} districts in {PLACE} in a lightning offensive.",
        "{NSAX} said they had captured {PLACE} from {GOVX} after heavy fighting.",
        "{NSAX} stormed {PLACE} and took over government buildings{SRC}.",
        "{NSAX} have taken control of most of {PLACE}, {REP}.",
        "{NSAX} recaptured {PLACE} from {GOVX} {DATE}.",
        "{NSAX} advanced on {PLACE} and captured several villages from {NSAX}.",
        "After {GOVX} withdrew under fire, {NSAX} occupied {PLACE}.",
        "{NSAX} seized a strategic hill overlooking {PLACE} from government troops{SRC}.",
    ],
    "Non-violent transfer of territory": [
        "{GOVX} handed over control of {PLACE} to {GOVX}{SRC}.",
        "{NSAX} withdrew from {PLACE} under a deal and {GOVX} took over without fighting.",
        "{GOVX} pulled out of {PLACE}, and {NSAX} moved in unopposed {DATE}.",
        "The withdrawal of {NSAX} from {PLACE} allowed {GOVX} to enter the town peacefully.",
        "{NSAX} took over {PLACE} after {GOVX} abandoned their positions without a fight.",
        "Under the agreement, {NSAX} left {PLACE} and handed it to {GOVX}.",
        "{GOVX} transferred {BASE} in {PLACE} to the local authorities{SRC}.",
        "{ADJ} troops completed their withdrawal from {PLACE}, handing their bases to {GOVX}.",
        "{NSAX} entered {PLACE} after {GOVX} withdrew, meeting no resistance.",
        "Peacekeepers handed over their camp in {PLACE} to {GOVX} {DATE}.",
        "{NSAX} evacuated {PLACE} in buses under a deal, and {GOVX} deployed in the town.",
        "Control of {PLACE} passed to {GOVX} after {NSAX} left under a ceasefire deal.",
        "{GOVX} vacated the area around {PLACE}, which was then taken over by {NSAX} without clashes.",
    ],
    "Attack": [
        "{NSAX} killed {VICTIMS} in {PLACE} {DATE}, {REP}.",
        "Gunmen kill {NUM} villagers in {PLACE}",
        "{NUM} civilians were killed when {NSAX} attacked {PLACE}{SRC}.",
        "Gunmen stormed {SOFT} in {PLACE} and opened fire on worshippers{TOLL}.",
        "{NSAX} attacked {PLACE}, killing {VICTIMS} and burning houses.",
        "Unknown gunmen shot dead a local politician outside his home in {PLACE}.",
        "{GOVX} were accused of killing {NUM} unarmed civilians in {PLACE}, {REP}.",
        "Armed assailants attacked {SOFT} in {PLACE}{TOLL}.",
        "The bodies of {NUM} villagers killed by {NSAX} were found in {PLACE}.",
        "{NUM} people were killed in an attack by {NSAX} on {PLACE} {DATE}.",
        "Assailants on motorbikes raided {PLACE}, shooting residents and setting homes ablaze{TOLL}.",
        "A journalist was shot dead by unidentified gunmen in {PLACE}{SRC}.",
        "{GOVX} opened fire on a vehicle carrying civilians at a checkpoint near {PLACE}{TOLL}.",
        "{NSAX} massacred {NUM} villagers in {PLACE}, {REP}.",
        "{NUM} aid workers were killed when gunmen attacked their convoy in {PLACE}.",
        "Militants stabbed and shot {VICTIMS} in {PLACE}{SRC}.",
        "{NSAX} executed {NUM} men they accused of collaborating with the army.",
        "Suspected militants killed {NUM} farmers working in their fields near {PLACE}.",
        "Gunmen attacked a bus carrying passengers on the road to {PLACE}{TOLL}.",
        "A village chief was killed by suspected {NSAX} in {PLACE}.",
    ],
    "Abduction/forced disappearance": [
        "{NSAX} abducted {VICTIMS} from {PLACE} {DATE}, {REP}.",
        "Gunmen kidnap {NUM} passengers in {PLACE}",
        "{NUM} aid workers were kidnapped by {NSAX} near {PLACE}{SRC}.",
        "The abduction of {NUM} schoolgirls by {NSAX} in {PLACE} sparked outrage.",
        "Armed men stopped a bus near {PLACE} and kidnapped {NUM} passengers.",
        "A journalist was abducted from his home in {PLACE} by men in plain clothes and has not been seen since.",
        "{NSAX} seized {NUM} foreign workers at a construction site in {PLACE}.",
        "Relatives said {NUM} men were taken away by soldiers in {PLACE} and their whereabouts remain unknown.",
        "Kidnappers snatched a priest from his parish in {PLACE}{SRC}.",
        "{NSAX} are holding {NUM} hostages seized in a raid on {PLACE}.",
        "Gunmen abducted {NUM} students from their dormitory in {PLACE} {DATE}.",
        "An activist went missing after being detained by unidentified agents in {PLACE}, a rights group said.",
    ],
    "Sexual violence": [
        "{NSAX} raped {NUM} women in {PLACE}, {REP}.",
        "{NUM} women and girls were sexually assaulted by soldiers in {PLACE}{SRC}.",
        "A UN report accused {GOVX} of the mass rape of women in {PLACE}.",
        "Militiamen gang-raped a teenage girl in {PLACE}{SRC}.",
        "Survivors said fighters of {NSAX} raped women during the attack on {PLACE}.",
        "Women in {PLACE} were subjected to sexual violence by armed men, {REP}.",
        "A soldier was accused of raping a girl at a checkpoint in {PLACE}.",
        "Troops raped and sexually abused {NUM} women in {PLACE}, a rights group said.",
    ],
    "Air/drone strike": [
        "{ADJ} warplanes struck {PLACE} {DATE}{TOLL}, {REP}.",
        "Air strikes hit {PLACE}{TOLL}",
        "Airstrikes kill {NUM} in {PLACE}",
        "A {ADJ} drone strike killed {NUM} suspected militants in {PLACE}{SRC}.",
        "Coalition jets bombed {NSAX} positions in {PLACE}{SRC}.",
        "An air raid on {SOFT} in {PLACE} killed {NUM} people, {REP}.",
        "{NUM} people died in air strikes on {PLACE}, {REP}.",
        "{ADJ} aircraft carried out a series of strikes on targets in {PLACE}.",
        "A US drone struck a vehicle near {PLACE}, killing a senior commander of {NSAX}.",
        "Helicopters fired on {NSAX} fighters near {PLACE}{SRC}.",
        "The Israeli air force struck {NUM} targets in {PLACE} overnight.",
        "Warplanes pounded {NSAX} hideouts in {PLACE} {DATE}.",
        "Air strikes by {ADJ} jets on {PLACE} left {NUM} civilians dead, {REP}.",
        "The military said its aircraft had destroyed {NSAX} camps in {PLACE}.",
        "Bombing raids on {PLACE} destroyed a hospital{SRC}.",
        "{NSAX} said a drone attack on {PLACE} killed {NUM} of their fighters.",
    ],
    "Shelling/artillery/missile attack": [
        "{GOVX} shelled {PLACE} {DATE}{TOLL}, {REP}.",
        "Shelling kills {NUM} in {PLACE}",
        "Rockets fired by {NSAX} hit {PLACE}{TOLL}.",
        "{NSAX} fired mortar rounds at {BASE} in {PLACE}{SRC}.",
        "A missile attack on {PLACE} killed {NUM} people, {REP}.",
        "Artillery fire from {GOVX} hit residential areas of {PLACE}{TOLL}.",
        "{NUM} rockets landed near the airport in {PLACE} {DATE}.",
        "A ballistic missile struck {PLACE}{TOLL}, {REP}.",
        "{ADJ} forces pounded {PLACE} with artillery and rockets{SRC}.",
        "Mortar shells fell on {SOFT} in {PLACE}{TOLL}.",
        "The shelling of {PLACE} by {GOVX} continued overnight{SRC}.",
        "Rocket fire from {PLACE} hit a town across the border{SRC}.",
        "{NSAX} launched rockets at {GOVX} positions near {PLACE}.",
        "A shell hit a house in {PLACE}, killing {NUM} members of one family.",
        "Heavy artillery bombardment of {PLACE} forced residents to flee{SRC}.",
    ],
    "Remote explosive/landmine/IED": [
        "A roadside bomb exploded near {PLACE} {DATE}{TOLL}, {REP}.",
        "Bomb blast kills {NUM} in {PLACE}",
        "An IED struck a military vehicle in {PLACE}{MILTOLL}.",
        "A car bomb went off outside {SOFT} in {PLACE}{TOLL}.",
        "{NUM} people were killed when a bomb hidden in a motorcycle exploded in {PLACE}.",
        "A landmine explosion killed {NUM} {CIV} near {PLACE}{SRC}.",
        "An explosive device planted by {NSAX} detonated as a patrol passed in {PLACE}.",
        "A bomb exploded in {SOFT} in {PLACE}{TOLL}.",
        "Twin explosions rocked {PLACE} {DATE}{TOLL}, {REP}.",
        "A vehicle carrying soldiers hit a mine near {PLACE}{MILTOLL}.",
        "A remotely detonated bomb targeted a police convoy in {PLACE}{SRC}.",
        "A magnetic bomb attached to a car exploded in {PLACE}, killing a government official.",
        "The blast, caused by an improvised explosive device, damaged several shops in {PLACE}.",
        "A booby-trapped car exploded near {BASE} in {PLACE}{TOLL}.",
    ],
    "Suicide bomb": [
        "A suicide bomber struck {SOFT} in {PLACE} {DATE}{TOLL}, {REP}.",
        "Suicide attack kills {NUM} in {PLACE}",
        "A suicide car bomber rammed {BASE} in {PLACE}{MILTOLL}.",
        "{NUM} people were killed when a suicide bomber detonated his vest at {SOFT} in {PLACE}.",
        "A female suicide bomber blew herself up in {PLACE}{TOLL}.",
        "{NSAX} claimed a suicide bombing in {PLACE} that killed {NUM} people.",
        "A bomber wearing an explosives vest attacked {SOFT} in {PLACE}{SRC}.",
        "Two suicide bombers attacked {BASE} in {PLACE}{TOLL}.",
        "An attacker detonated an explosives-laden truck at the gate of {BASE} in {PLACE}.",
        "A teenage suicide bomber killed {NUM} worshippers at a mosque in {PLACE}.",
    ],
    "Grenade": [
        "A grenade attack on {SOFT} in {PLACE} wounded {NUM} people, {REP}.",
        "Grenade blast injures {NUM} in {PLACE}",
        "Unidentified men threw a grenade at {BASE} in {PLACE}{TOLL}.",
        "A hand grenade was hurled into {SOFT} in {PLACE} {DATE}{TOLL}.",
        "{NSAX} lobbed grenades at a security patrol in {PLACE}{SRC}.",
        "A grenade exploded in a crowded market in {PLACE}{TOLL}.",
        "Attackers on a motorcycle tossed a grenade into a police vehicle in {PLACE}.",
        "{NUM} soldiers were wounded when militants hurled a grenade at their post in {PLACE}.",
        "A grenade thrown at the house of a politician in {PLACE} injured {NUM} people.",
    ],
    "Chemical weapon": [
        "A chemical attack on {PLACE} killed {NUM} people, {REP}.",
        "{GOVX} were accused of dropping chlorine bombs on {PLACE}.",
        "Dozens of people suffered breathing problems after a suspected gas attack on {PLACE}.",
        "Investigators concluded that sarin was used in the attack on {PLACE}.",
        "Victims of the suspected chemical weapons attack in {PLACE} showed symptoms of exposure to a nerve agent.",
        "Helicopters dropped barrel bombs filled with chlorine on {PLACE}, {REP}.",
        "Toxic gas attack hits {PLACE}",
        "Mustard gas was used against {NSAX} in {PLACE}, the watchdog said.",
        "Medics said {NUM} patients were treated for suffocation after shells with poisonous gas hit {PLACE}.",
    ],
    "Peaceful protest": [
        "{PROT} took to the streets of {PLACE} {DATE} {CAUSE}.",
        "{PROT} protest in {PLACE} {CAUSE}",
        "Thousands march in {PLACE} {CAUSE}",
        "{PROT} rallied outside parliament in {PLACE} {CAUSE}{SRC}.",
        "{PROT} staged a peaceful demonstration in {PLACE} {CAUSE}.",
        "{PROT} held a sit-in in front of the governor's office in {PLACE} {CAUSE}.",
        "Hundreds of {PROT} gathered in the main square of {PLACE}, chanting slogans {CAUSE}.",
        "{PROT} went on strike in {PLACE} {CAUSE}.",
        "{PROT} blocked roads in {PLACE} {CAUSE}, {REP}.",
        "A protest march {CAUSE} passed off peacefully in {PLACE}.",
        "{PROT} held a candlelight vigil in {PLACE} {CAUSE}.",
        "{PROT} demonstrated for a third day in {PLACE} {CAUSE}. The protest ended without incident.",
        "Demonstrations {CAUSE} were held in several cities including {PLACE} {DATE}.",
        "{PROT} marched to the presidential palace in {PLACE} {CAUSE}, carrying banners and placards.",
        "{PROT} staged a hunger strike in {PLACE} {CAUSE}.",
        "Protests {CAUSE} spread to {PLACE}, where {PROT} gathered outside the town hall.",
    ],
    "Protest with intervention": [
        "{POL} dispersed {PROT} in {PLACE} with tear gas {DATE}{SRC}.",
        "Police break up protest in {PLACE}",
        "{POL} fired tear gas and water cannon to disperse {PROT} who had gathered in {PLACE} {CAUSE}.",
        "{POL} arrested {NUM} {PROT} during a demonstration in {PLACE} {CAUSE}.",
        "A protest {CAUSE} in {PLACE} was broken up by {POL}, who detained {NUM} people.",
        "{POL} used batons and rubber bullets to scatter {PROT} in {PLACE}.",
        "{POL} prevented {PROT} from marching to the square in {PLACE} and detained the organisers.",
        "Dozens of {PROT} were detained as {POL} broke up a rally in {PLACE} {CAUSE}.",
        "{POL} fired tear gas at {PROT} in {PLACE} {CAUSE}, {REP}.",
        "{PROT} were dispersed with tear gas after gathering in {PLACE} {CAUSE}.",
        "{POL} blocked a march {CAUSE} in {PLACE} and arrested several participants.",
    ],
    "Excessive force against protesters": [
        "{POL} opened fire on {PROT} in {PLACE}, killing {NUM}, {REP}.",
        "Police kill {NUM} protesters in {PLACE}",
        "{NUM} {PROT} were shot dead when {POL} fired live rounds to disperse a protest {CAUSE} in {PLACE}.",
        "A protester was killed after {POL} fired live ammunition at a demonstration in {PLACE}.",
        "{POL} beat {PROT} with clubs and fired into the crowd in {PLACE}, leaving {NUM} dead.",
        "The crackdown on {PROT} in {PLACE} left {NUM} dead and dozens wounded{SRC}.",
        "{NUM} demonstrators died when security forces fired on a peaceful march in {PLACE}.",
        "Soldiers shot and killed {NUM} unarmed protesters in {PLACE} {DATE}.",
        "A student was shot dead by police during a protest {CAUSE} in {PLACE}{SRC}.",
        "{POL} used live fire against {PROT} {CAUSE} in {PLACE}, wounding {NUM}.",
    ],
    "Violent demonstration": [
        "{PROT} clashed with {POL} in {PLACE} {CAUSE}{SRC}.",
        "Protesters clash with police in {PLACE}",
        "Angry {PROT} set fire to government buildings in {PLACE} {CAUSE}.",
        "{PROT} hurled stones at {POL} and burned tyres in {PLACE}.",
        "Rioters attacked a police station and torched vehicles in {PLACE} {DATE}.",
        "Protests {CAUSE} turned violent in {PLACE}, with demonstrators smashing shop windows.",
        "{PROT} stormed the governor's office in {PLACE} and vandalised it {CAUSE}.",
        "{NUM} police officers were injured when {PROT} threw rocks at them in {PLACE}.",
        "Violent protests broke out in {PLACE} {CAUSE}, {REP}.",
        "{PROT} blocked roads with burning barricades and pelted {POL} with stones in {PLACE}.",
        "Riots erupted in {PLACE} after {PROT} attacked the offices of the ruling party.",
        "{PROT} {CAUSE} threw petrol bombs at {POL} in {PLACE}; {POL} responded with tear gas.",
        "Demonstrators set a police car on fire in {PLACE} during a protest {CAUSE}.",
    ],
    "Mob violence": [
        "A mob beat to death a man accused of theft in {PLACE}{SRC}.",
        "An angry mob lynched a suspected kidnapper in {PLACE} {DATE}.",
        "Mob burns suspected thief to death in {PLACE}",
        "Clashes between supporters of rival parties in {PLACE} left {NUM} people injured.",
        "A crowd attacked a man suspected of blasphemy in {PLACE} and set his house on fire.",
        "Members of two communities fought with machetes and clubs in {PLACE}{TOLL}.",
        "Vigilantes attacked and killed {NUM} suspected cattle rustlers in {PLACE}.",
        "Residents of {PLACE} attacked migrants and burned their shops, {REP}.",
        "A mob set upon a police officer in {PLACE} after a road accident.",
        "Rival student groups clashed with sticks and stones at the university in {PLACE}.",
        "Supporters of the two candidates fought in the streets of {PLACE}{SRC}.",
    ],
    "Arrests": [
        "{POL} arrested {NUM} people in {PLACE} {DATE} on suspicion of links to {NSAX}, {REP}.",
        "Police arrest {NUM} suspects in {PLACE}",
        "An opposition politician was arrested at his home in {PLACE}{SRC}.",
        "{POL} detained {NUM} journalists in {PLACE} over their reporting.",
        "The arrest of the opposition leader in {PLACE} {DATE} drew international criticism.",
        "{NUM} suspected members of {NSAX} were taken into custody in {PLACE}.",
        "Security services detained a prominent activist in {PLACE}, {REP}.",
        "{POL} raided the offices of an opposition party in {PLACE} and arrested {NUM} of its members.",
        "Intelligence officers arrested a suspected recruiter for {NSAX} in {PLACE}.",
        "{POL} have detained {NUM} men in connection with the attack on {PLACE}.",
        "A former army officer accused of plotting a coup was arrested in {PLACE}{SRC}.",
        "{NUM} people were detained in a crackdown on dissent in {PLACE}{SRC}.",
    ],
    "Disrupted weapons use": [
        "{GOVX} seized a large cache of {WPN} in {PLACE} {DATE}, {REP}.",
        "Army seizes weapons in {PLACE}",
        "{POL} defused a bomb planted near {SOFT} in {PLACE}.",
        "Air defence systems shot down {NUM} drones launched by {NSAX} towards {PLACE}.",
        "{GOVX} intercepted a ballistic missile fired at {PLACE}{SRC}.",
        "Bomb disposal experts detonated an explosive device found near {PLACE}.",
        "{GOVX} found {WPN} buried near {PLACE} during a search operation.",
        "A suicide bomber was shot dead before he could detonate his vest in {PLACE}.",
        "{POL} foiled a plan by {NSAX} to attack {SOFT} in {PLACE}.",
        "{GOVX} recovered {WPN} from a hideout of {NSAX} in {PLACE}.",
        "Soldiers dismantled an IED factory in {PLACE}{SRC}.",
        "An improvised explosive device was discovered and defused on the road to {PLACE}.",
        "{POL} intercepted a truck loaded with {WPN} at a checkpoint near {PLACE}.",
        "{GOVX} destroyed a weapons depot belonging to {NSAX} in {PLACE}.",
    ],
    "Agreement": [
        "{GOVX} and {NSAX} agreed to a ceasefire in {PLACE} {DATE}, {REP}.",
        "Government and rebels sign peace deal",
        "The warring parties signed a truce in {N} after talks mediated by the UN.",
        "{NSAX} and {GOVX} exchanged {NUM} prisoners under a deal brokered by {COUNTRY}.",
        "{NUM} fighters of {NSAX} surrendered to {GOVX} in {PLACE} and handed over their weapons.",
        "The two sides agreed to a humanitarian pause to allow aid into {PLACE}.",
        "{NSAX} released {NUM} soldiers under an agreement with the government.",
        "Rival militias in {PLACE} agreed to end hostilities after mediation by elders.",
        "A ceasefire between {GOVX} and {NSAX} came into force in {PLACE}{SRC}.",
        "The government and {NSAX} signed a peace agreement ending years of conflict.",
        "Leaders of the two clans signed a reconciliation agreement in {PLACE}.",
        "{NSAX} agreed to withdraw from {PLACE} under a deal negotiated with {GOVX}.",
    ],
    "Change to group/activity": [
        "{GOVX} deployed reinforcements to {PLACE} {DATE}, {REP}.",
        "Army deploys troops to {PLACE}",
        "{NSAX} announced a unilateral ceasefire during the holidays.",
        "Hundreds of fighters from {NSAX} joined {GROUPNAME}{SRC}.",
        "{NSAX} announced the creation of a new armed wing in {PLACE}.",
        "A commander of {NSAX} and {NUM} of his fighters defected to {GOVX}.",
        "{ADJ} troops began pulling out of {PLACE}{SRC}.",
        "{GOVX} imposed a curfew in {PLACE} after the unrest{SRC}.",
        "The authorities declared a state of emergency in {PLACE} and deployed the army.",
        "{NSAX} appointed a new leader after their chief was killed.",
        "{NSAX} and {GROUPNAME} merged to form a new coalition.",
        "{GOVX} sent tanks and armoured vehicles to {PLACE}.",
        "{NSAX} began recruiting child soldiers in {PLACE}, {REP}.",
        "Militia leaders in {PLACE} announced they would lay down arms and join the army.",
        "{GOVX} set up checkpoints across {PLACE} ahead of the vote.",
    ],
    "Headquarters or base established": [
        "{NSAX} set up a base in {PLACE} {DATE}, {REP}.",
        "{GOVX} established a new military outpost in {PLACE}{SRC}.",
        "{NSAX} have established their headquarters in {PLACE}.",
        "{ADJ} forces built a new base near {PLACE}.",
        "The militia opened a new office and training camp in {PLACE}.",
        "{NSAX} set up checkpoints and a command post in {PLACE}{SRC}.",
        "{GOVX} opened a forward operating base in {PLACE}.",
        "{NSAX} moved their headquarters to {PLACE} after losing their old base.",
    ],
    "Looting/property destruction": [
        "{NSAX} looted shops and burned homes in {PLACE} {DATE}, {REP}.",
        "Gunmen torch houses in {PLACE}",
        "{NSAX} destroyed a bridge in {PLACE}{SRC}.",
        "{NSAX} set fire to {NUM} houses in {PLACE}.",
        "Soldiers looted the market in {PLACE} after the clashes.",
        "{NSAX} burned down a police station and a school in {PLACE}.",
        "Armed men plundered a warehouse of food aid in {PLACE}{SRC}.",
        "{NSAX} demolished a shrine in {PLACE}.",
        "Unidentified men vandalised and set fire to the offices of an election commission in {PLACE}.",
        "{NSAX} blew up a telecommunications tower in {PLACE}{SRC}.",
        "Militiamen pillaged homes and stole livestock in {PLACE}.",
        "{GOVX} bulldozed homes in {PLACE}, {REP}.",
    ],
    "Other": [
        "A mass grave with the remains of {NUM} people was discovered in {PLACE}{SRC}.",
        "The bodies of {NUM} people were found in a mass grave near {PLACE}.",
        "{NSAX} released a video showing the killing of a hostage.",
        "Authorities exhumed a mass grave in {PLACE}, {REP}.",
        "Forensic teams uncovered a mass grave in {PLACE} {DATE}.",
    ],
    "none": [
        # health, COVID
        "The number of new COVID-19 cases in {PLACE} rose to {NUM} {DATE}, the health ministry said.",
        "Coronavirus infections continued to rise in {COUNTRY}, with {NUM} new cases reported.",
        "Hospitals in {PLACE} are struggling to cope with a surge of Covid-19 patients.",
        "The government extended the lockdown in {PLACE} by two weeks to curb the spread of the virus.",
        "Health workers began a vaccination campaign in {PLACE}{SRC}.",
        "An outbreak of measles has killed {NUM} children in {PLACE}{SRC}.",
        "The death toll from the pandemic in {COUNTRY} passed {NUM}.",
        "Ebola cases were confirmed in {PLACE}, prompting health officials to step up screening.",
        # natural disasters
        "An earthquake of magnitude 5.8 shook {PLACE} {DATE}, damaging buildings{SRC}.",
        "Floods triggered by monsoon rains killed {NUM} people in {PLACE}.",
        "A cyclone made landfall near {PLACE}, forcing thousands to evacuate.",
        "Drought has left millions facing hunger in {COUNTRY}, {REP}.",
        "Wildfires destroyed hundreds of homes near {PLACE}.",
        "A landslide buried a village in {PLACE} after heavy rain{SRC}.",
        "Flash floods swept away houses and bridges in {PLACE} {DATE}.",
        "A volcano erupted near {PLACE}, spewing ash over nearby villages.",
        "Storms and heavy winds killed {NUM} people in {PLACE}, {REP}.",
        "Locust swarms destroyed crops across {PLACE}.",
        # man-made disasters, accidents
        "A fire broke out at a factory in {PLACE}, killing {NUM} workers{SRC}.",
        "A building collapsed in {PLACE}, trapping dozens of people under the rubble.",
        "An explosion at a chemical plant in {PLACE} killed {NUM} workers, {REP}.",
        "A fuel tanker overturned and exploded near {PLACE}{TOLL}.",
        "A ferry capsized on the river near {PLACE}, {REP}.",
        "{NUM} people died in a stampede at a stadium in {PLACE}.",
        "A passenger train derailed near {PLACE}{TOLL}.",
        "A gas leak at a mine in {PLACE} killed {NUM} miners.",
        "A boat carrying migrants sank off the coast of {COUNTRY}, {REP}.",
        "A truck collided with a bus on the highway near {PLACE}{TOLL}.",
        "A blast at a fireworks factory in {PLACE} killed {NUM} people{SRC}.",
        "A fire in a crowded market in {PLACE} destroyed hundreds of stalls.",
        "An oil pipeline exploded in {PLACE} as villagers scooped fuel{TOLL}.",
        "A plane crashed shortly after take-off from {PLACE}, killing all on board.",
        # crime
        "Police said a gang of armed robbers attacked a bank in {PLACE} and stole cash.",
        "Police seized {NUM} kilograms of heroin in {PLACE} and arrested two smugglers.",
        "A drug cartel leader was extradited to the United States{SRC}.",
        "Gang members shot dead a rival gang leader in {PLACE}{SRC}.",
        "Police arrested a man suspected of murdering his wife in {PLACE}.",
        "Customs officers intercepted a shipment of counterfeit goods at the port of {PLACE}.",
        "A businessman was charged with fraud and money laundering in {PLACE}.",
        "Human traffickers were arrested at the border with {COUNTRY}{SRC}.",
        "Cattle thieves stole {NUM} cows from a farm in {PLACE}.",
        "Police dismantled a drug trafficking network operating in {PLACE}.",
        "A gang kidnapped a businessman in {PLACE} and demanded a ransom from his family.",
        "Police are investigating the murder of a shopkeeper in {PLACE}.",
        "Pirates hijacked a fishing boat off the coast of {COUNTRY}{SRC}.",
        "A criminal gang smuggled weapons and drugs across the border, prosecutors said.",
        # courts, elections, politics
        "A court in {PLACE} sentenced {NUM} men to death for the attack on {PLACE}.",
        "The trial of the former president resumed in {PLACE} {DATE}.",
        "Judges acquitted a former army officer of war crimes charges.",
        "The supreme court upheld the election result{SRC}.",
        "Voters in {COUNTRY} went to the polls {DATE} to elect a new parliament.",
        "The electoral commission declared the incumbent the winner of the presidential vote.",
        "The opposition leader announced he would run for president.",
        "Parliament approved a new constitution{SRC}.",
        "The prime minister resigned after losing a confidence vote.",
        "The president pardoned {NUM} prisoners to mark independence day.",
        "Campaigning for the election began in {PLACE} {DATE}.",
        # diplomacy
        "The {ADJ} foreign minister met his counterpart in {N} to discuss the conflict.",
        "The president travelled to {COUNTRY} for talks on security cooperation.",
        "{COUNTRY} recalled its ambassador in protest at the remarks.",
        "The UN Security Council held an emergency meeting on the crisis in {COUNTRY}.",
        "The two leaders pledged to deepen ties during a summit in {N}.",
        "{COUNTRY} and its neighbour agreed to reopen their embassies.",
        "The envoy held talks with both sides in an effort to revive the peace process.",
        "Washington imposed sanctions on {NUM} officials over human rights abuses.",
        "The {ADJ} government summoned the ambassador over the border incident.",
        "Ministers from {NUM} countries met to discuss humanitarian aid to {COUNTRY}.",
        "The EU announced {NUM} million euros in aid for refugees in {COUNTRY}.",
        "The two countries signed agreements on trade, energy and education.",
        # attributions, statements, threats, denials
        "{NSAX} claimed responsibility for the attack on {PLACE} in a statement.",
        "The government blamed {NSAX} for the bombing in {PLACE}.",
        "Officials said {NSAX} were behind the killings in {PLACE}.",
        "{NSAX} denied involvement in the attack, {REP}.",
        "The army accused {NSAX} of using civilians as human shields.",
        "The UN condemned the attack on {PLACE} and called for an investigation.",
        "{NSAX} threatened to launch new attacks unless the government released their comrades.",
        "The president vowed to defeat {NSAX} and bring the attackers to justice.",
        "Rights groups called on the government to protect civilians in {PLACE}.",
        "The minister warned that {NSAX} could attack {PLACE} in the coming days.",
        "Officials said it was not clear who was behind the explosion.",
        "{NSAX} said in a statement that they would continue their struggle.",
        "The ministry rejected accusations that its troops had killed civilians.",
        "An investigation into the attack is under way, {REP}.",
        "The attack bore the hallmarks of {NSAX}, analysts said.",
        "No group has claimed responsibility for the blast.",
        # background, economy, humanitarian
        "The conflict in {COUNTRY} has killed more than {NUM} thousand people since 2011.",
        "More than {NUM} thousand people have fled the fighting in {PLACE} over the past year, the UN said.",
        "Food prices in {PLACE} have soared since the start of the conflict.",
        "Aid groups delivered food and medicine to {PLACE}{SRC}.",
        "The central bank raised interest rates to curb inflation.",
        "Refugees returning to {PLACE} found their homes in ruins.",
        "The UN said {NUM} million people in {COUNTRY} need humanitarian assistance.",
        "The army held a ceremony in {PLACE} to honour soldiers killed in the war.",
        "The defence ministry signed a contract to buy new fighter jets.",
        "The military conducted a parade in the capital to mark independence day.",
        "Troops took part in joint military exercises with {ADJ} forces near {PLACE}.",
        "The country tested a new missile, state media reported.",
    ],
}

for _label, _frames in FRAMES_MORE.items():
    FRAMES[_label] = FRAMES[_label] + _frames

# more frames: long news sentences with attributions, appositions and aftermaths
FRAMES_MORE2: dict[str, list[str]] = {
    "Armed clash": [
        "At least {NUM} people, including {NUM} soldiers, were killed {DATE} when {NSAX} attacked {BASE} in {PLACE}, {REP}, adding that troops killed {NUM} of the attackers.",
        "{NSAX} and {GOVX} have been locked in fierce battles around {PLACE} since {DATE}, with heavy losses on both sides.",
        "The {ADJ} military said {NUM} soldiers died in a firefight with {NSAX} in {PLACE}, where troops had been deployed to secure the road.",
        "Fresh fighting between the army and {NSAX} forced thousands of residents of {PLACE} to flee {DATE}.",
        "Militants armed with machine guns attacked soldiers guarding {BASE} in {PLACE}; {NUM} militants and {NUM} soldiers died in the fighting.",
        "{GOVX} and allied militias clashed with {NSAX} in the countryside of {PLACE}, {REP}.",
        "Armed men attacked a gendarmerie post in {PLACE}, sparking clashes that left {NUM} gendarmes dead.",
    ],
    "Government regains territory": [
        "After a three-week siege, {GOVX} regained full control of {PLACE}, the last stronghold of {NSAX} in the region, {REP}.",
        "{GOVX} backed by air power drove {NSAX} from {PLACE} {DATE}, and residents began returning.",
        "State television showed soldiers raising the flag over {PLACE} after {GOVX} retook it from {NSAX}.",
        "The army said it had liberated {PLACE} and killed dozens of {NSAX} fighters who had held it for two years.",
        "{GOVX} captured the last positions held by {NSAX} in {PLACE}, ending months of fighting.",
    ],
    "Non-state actor overtakes territory": [
        "{NSAX}, who launched a new offensive last month, captured {PLACE} {DATE} and now control the main road, {REP}.",
        "{NSAX} fighters paraded through {PLACE} after seizing the town from {GOVX}.",
        "The fall of {PLACE} to {NSAX} leaves the provincial capital exposed, {REP}.",
        "{NSAX} raised their flag over the government compound in {PLACE} after overrunning the town.",
        "{NSAX} have taken over several villages in {PLACE} abandoned by {GOVX}, residents said.",
    ],
    "Non-violent transfer of territory": [
        "Under the terms of the deal, {NSAX} handed control of {PLACE} to {GOVX} {DATE}, and no clashes were reported.",
        "{ADJ} troops handed over {BASE} in {PLACE} to the national army as part of their withdrawal from the country.",
        "{GOVX} moved into {PLACE} after {NSAX} withdrew under an agreement brokered by {COUNTRY}.",
        "The last fighters of {NSAX} left {PLACE} on buses, allowing {GOVX} to take over the town peacefully.",
    ],
    "Attack": [
        "Gunmen riding motorcycles attacked {PLACE} {DATE}, killing {NUM} villagers and burning homes, {REP}.",
        "{NUM} civilians, including women and children, were killed by suspected {NSAX} in an overnight raid on {PLACE}.",
        "The body of a local journalist who was shot dead by unknown assailants was found in {PLACE}, {REP}.",
        "Suspected {NSAX} shot dead {NUM} people travelling on the road to {PLACE} after stopping their vehicle.",
        "A rights group accused {GOVX} of killing {NUM} civilians during a search operation in {PLACE}.",
        "Herders attacked farming communities in {PLACE}, killing {NUM} people{SRC}.",
    ],
    "Abduction/forced disappearance": [
        "Gunmen stormed a school in {PLACE} {DATE} and abducted {NUM} pupils, {REP}, in the latest mass kidnapping in the region.",
        "The {NUM} aid workers seized by {NSAX} near {PLACE} are still being held, their employer said.",
        "Family members said security agents took the activist from his home in {PLACE} and have refused to say where he is held.",
        "{NSAX} kidnapped the village chief of {PLACE} and are demanding a ransom for his release.",
    ],
    "Sexual violence": [
        "Doctors in {PLACE} said they had treated {NUM} women who were raped by armed men during the attack.",
        "A rights group documented cases of rape and sexual slavery by {NSAX} in {PLACE}.",
        "Women fleeing {PLACE} said soldiers had raped them at checkpoints, {REP}.",
    ],
    "Air/drone strike": [
        "At least {NUM} civilians were killed {DATE} when warplanes believed to belong to the {ADJ} air force bombed {SOFT} in {PLACE}, {REP}.",
        "The {ADJ} military said its jets had killed {NUM} militants in strikes on hideouts in {PLACE}.",
        "A drone fired a missile at a car in {PLACE}, killing {NUM} men believed to be members of {NSAX}.",
        "Residents of {PLACE} said helicopters had bombed the town for a second day.",
        "Coalition air raids targeted weapons depots of {NSAX} in {PLACE}, {REP}.",
    ],
    "Shelling/artillery/missile attack": [
        "{NUM} civilians were killed {DATE} when rockets fired from areas held by {NSAX} slammed into {PLACE}, {REP}.",
        "{GOVX} bombarded the outskirts of {PLACE} with heavy artillery, {REP}.",
        "A barrage of rockets hit {BASE} near {PLACE}, causing damage but no casualties.",
        "The shelling damaged a hospital and several homes in {PLACE}, {REP}.",
        "A missile fired by {NSAX} struck an oil facility in {PLACE}{SRC}.",
    ],
    "Remote explosive/landmine/IED": [
        "At least {NUM} people were killed {DATE} when a bomb hidden in a parked car exploded near {SOFT} in {PLACE}, {REP}.",
        "A roadside bomb hit a minibus carrying wedding guests near {PLACE}{TOLL}.",
        "{NUM} soldiers were killed when their vehicle struck an explosive device planted by {NSAX} near {PLACE}.",
        "A powerful explosion tore through a crowded market in {PLACE}, {REP}; no group has claimed the blast.",
        "Two children were killed by a landmine left by {NSAX} on a farm near {PLACE}.",
    ],
    "Suicide bomb": [
        "A suicide bomber disguised as a soldier blew himself up inside {BASE} in {PLACE} {DATE}{MILTOLL}, {REP}.",
        "At least {NUM} people were killed when a suicide bomber drove an explosives-laden car into {SOFT} in {PLACE}.",
        "Two female suicide bombers detonated their explosives at {SOFT} in {PLACE}{TOLL}.",
    ],
    "Grenade": [
        "Unknown attackers threw a hand grenade into {SOFT} in {PLACE} {DATE}{TOLL}, {REP}.",
        "A grenade was lobbed at a police patrol in {PLACE}, wounding {NUM} officers, {REP}.",
        "{NUM} people were injured when a grenade exploded at a bus stop in {PLACE}.",
    ],
    "Chemical weapon": [
        "Activists said a gas attack on {PLACE} {DATE} killed {NUM} people, many of them children, who suffocated in their homes.",
        "The watchdog confirmed that chlorine was used as a weapon in {PLACE}.",
        "Hospitals in {PLACE} received dozens of people with symptoms of chemical exposure after shelling by {GOVX}.",
    ],
    "Peaceful protest": [
        "Thousands of {PROT} gathered in the capital {DATE} {CAUSE}, in the largest demonstration in years.",
        "{PROT} waving flags and chanting slogans marched through {PLACE} {CAUSE}, {REP}.",
        "Members of the opposition party staged a protest outside the electoral commission in {PLACE} {CAUSE}.",
        "Hundreds of {PROT} rallied in {PLACE} {DATE} {CAUSE}; organisers said the march was peaceful.",
        "{PROT} boycotted classes and demonstrated on campus in {PLACE} {CAUSE}.",
        "{PROT} picketed the headquarters of the company in {PLACE} {CAUSE}.",
    ],
    "Protest with intervention": [
        "Police in {PLACE} fired tear gas and arrested {NUM} people {DATE} as {PROT} tried to march on parliament {CAUSE}.",
        "{POL} cleared a protest camp in {PLACE} and detained dozens of {PROT}.",
        "Riot police prevented {PROT} from gathering in the square in {PLACE}, {REP}.",
        "{PROT} were forcibly removed from the road in {PLACE} after blocking traffic {CAUSE}.",
    ],
    "Excessive force against protesters": [
        "Security forces killed {NUM} people {DATE} when they opened fire on {PROT} in {PLACE} {CAUSE}, {REP}.",
        "Doctors said {NUM} protesters were killed by live bullets as police tried to break up a sit-in in {PLACE}.",
        "{POL} fired live rounds at a crowd of {PROT} in {PLACE}, killing {NUM}.",
    ],
    "Violent demonstration": [
        "{PROT} {CAUSE} clashed with {POL} in {PLACE} {DATE}, throwing stones and setting fire to cars, {REP}.",
        "Rioting broke out in {PLACE} as {PROT} attacked police stations and government offices {CAUSE}.",
        "{PROT} armed with sticks and stones fought running battles with {POL} in {PLACE}.",
        "Angry {PROT} ransacked the offices of the ruling party in {PLACE} {CAUSE}.",
    ],
    "Mob violence": [
        "An angry mob attacked a police station in {PLACE} and freed a suspect, {REP}.",
        "A man accused of witchcraft was beaten to death by villagers in {PLACE}.",
        "Clashes between two ethnic communities over grazing land in {PLACE} left {NUM} dead.",
        "A crowd set fire to the house of a man accused of killing a child in {PLACE}.",
    ],
    "Arrests": [
        "{POL} arrested {NUM} people {DATE} in connection with the killing of a politician in {PLACE}, {REP}.",
        "A leading opposition figure was detained at the airport in {PLACE} on his return from abroad.",
        "{NUM} students who organised the protest were arrested in dawn raids in {PLACE}.",
        "Authorities in {PLACE} detained a journalist who had reported on the fighting.",
    ],
    "Disrupted weapons use": [
        "{POL} in {PLACE} found a car packed with explosives and defused the device before it could go off, {REP}.",
        "{GOVX} intercepted and destroyed {NUM} rockets fired by {NSAX} towards {PLACE}.",
        "A cache of {WPN} belonging to {NSAX} was discovered by troops in {PLACE}.",
        "Security forces arrested a would-be suicide bomber and seized his explosive vest in {PLACE}.",
    ],
    "Agreement": [
        "{GOVX} and {NSAX} signed a ceasefire {DATE} after talks in {N}, ending weeks of fighting in {PLACE}.",
        "Under the deal, {NSAX} will release {NUM} prisoners in exchange for fighters held by the government.",
        "Rebel commanders and army officers agreed on a truce in {PLACE} to allow the evacuation of the wounded.",
        "{NUM} members of {NSAX} laid down their arms and surrendered in {PLACE}, {REP}.",
    ],
    "Change to group/activity": [
        "{GOVX} launched a new military operation against {NSAX} in {PLACE} and deployed special forces, {REP}.",
        "{NSAX} split into two factions after a dispute over leadership.",
        "The {ADJ} government deployed troops to {PLACE} to secure the elections.",
        "{NSAX} declared a ceasefire for the holiday period{SRC}.",
        "The army moved extra units into {PLACE} as tensions rose along the border.",
    ],
    "Headquarters or base established": [
        "{NSAX} have set up a new base in {PLACE}, from which they launch attacks on the surrounding area, {REP}.",
        "{ADJ} troops established a military base near {PLACE} {DATE}.",
    ],
    "Looting/property destruction": [
        "{NSAX} looted food and livestock from villagers in {PLACE} and set houses on fire, {REP}.",
        "Soldiers went on a looting spree in {PLACE} after capturing the town.",
        "Unknown men destroyed a school and a health centre in {PLACE}{SRC}.",
    ],
    "Other": [
        "Investigators found the bodies of {NUM} people buried in a mass grave near {PLACE}, {REP}.",
    ],
    "none": [
        "The health ministry reported {NUM} new coronavirus infections and {NUM} deaths {DATE}, bringing the total to {NUM} thousand.",
        "Schools and markets in {PLACE} were closed as part of measures to contain the Covid-19 pandemic.",
        "Officials said the heavy rains had destroyed {NUM} homes and washed away roads in {PLACE}.",
        "Rescue workers pulled survivors from the rubble after the quake in {PLACE}, {REP}.",
        "Firefighters battled a blaze that destroyed a warehouse in {PLACE} {DATE}.",
        "A tanker truck exploded on a highway near {PLACE}, killing {NUM} people who had gathered to collect fuel.",
        "{NUM} people were killed when a minibus collided with a truck near {PLACE}{SRC}.",
        "An explosion at a gas station in {PLACE} killed {NUM} people, officials said, blaming a leak.",
        "Police arrested {NUM} suspected drug dealers and seized weapons and cash in a raid in {PLACE}.",
        "A notorious gang leader wanted for robbery and murder was shot dead by police in {PLACE}.",
        "Customs officers seized {NUM} tonnes of smuggled fuel at the border with {COUNTRY}.",
        "The former minister was sentenced to {NUM} years in prison for corruption.",
        "Prosecutors charged {NUM} men over the attack on {PLACE}, which killed {NUM} people last year.",
        "The court ordered the release on bail of {NUM} activists detained after the protests.",
        "The ruling party won a majority of seats in the parliamentary election, the commission said.",
        "Opposition leaders said they would boycott the vote.",
        "The {ADJ} president held talks with his {ADJ} counterpart on the crisis in {COUNTRY}.",
        "{COUNTRY} and {COUNTRY} agreed to resume diplomatic relations after years of tension.",
        "The foreign ministry summoned the ambassador of {COUNTRY} to protest against the border incident.",
        "{NSAX} said they were behind the attack on {PLACE} that killed {NUM} soldiers last week.",
        "{GOVX} blamed {NSAX} for a series of bombings in {PLACE}, but the group denied any role.",
        "The UN envoy said both sides had committed to talks aimed at ending the conflict.",
        "The army said it would not tolerate any attack on its positions and warned {NSAX}.",
        "{NSAX} warned they would attack {PLACE} unless {GOVX} withdrew.",
        "Thousands of people have fled {PLACE} fearing an offensive by {GOVX}, the UN refugee agency said.",
        "Humanitarian groups said the blockade of {PLACE} had caused severe shortages of food and fuel.",
        "The anniversary of the attack on {PLACE} was marked with prayers and a minute of silence.",
        "The minister visited the wounded in hospital and promised compensation to the families of the victims.",
        "The government announced an inquiry into the killing of {NUM} protesters last month.",
        "Leaders at the summit discussed climate change, trade and security.",
        "The army chief said the fight against {NSAX} would be won within months.",
        "The militia's leader told reporters his fighters were ready to defend {PLACE}.",
        "A report by the UN found that {NUM} civilians were killed in the conflict in {COUNTRY} last year.",
        "{COUNTRY} has deployed troops in {PLACE} since 2013 as part of a UN mission.",
        # words of conflict news in other news: markets, extraditions, manhunts, takeovers
        "The fall of the currency to a record low against the dollar hit importers in {COUNTRY}.",
        "The handover of the suspect to the {ADJ} authorities took place at the border {DATE}.",
        "The capture of the fugitive by police ended a two-year manhunt, {REP}.",
        "The company took control of the port of {N} after buying a majority stake.",
        "Shares fell sharply as investors reacted to the attack on the currency by speculators.",
        "The team captured the title after a two-goal victory over {N}.",
        "The opposition seized on the minister's remarks to demand his resignation.",
        "Control of the ministry passed to a caretaker government after the resignation of the cabinet.",
        "Inspectors were dispatched to the nuclear facility near {PLACE} to monitor the agreement.",
    ],
}
for _label, _frames in FRAMES_MORE2.items():
    FRAMES[_label] = FRAMES[_label] + _frames

# the codebook's distinctions that words alone do not make: who took a place (an army that
# "captured" a town regains territory; rebels who "recaptured" it overtake it), violence by
# demonstrators that the police answered, agreements told at length
FRAMES_MORE3: dict[str, list[str]] = {
    "Government regains territory": [
        "{GOVX} captured {PLACE} from {NSAX} {DATE}, {REP}.",
        "{GOVX} have taken control of {PLACE}, a stronghold of {NSAX}, after a week of fighting.",
        "{GOVX} seized {NUM} villages held by {NSAX} around {PLACE}, {REP}.",
        "{GOVX} occupied {NUM} hill posts of {NSAX} near {PLACE} in an offensive over the last two days.",
        "{GOVX} took over {PLACE} after {NSAX} fled, {REP}.",
        "{GOVX} advanced into {PLACE}, a district held by {NSAX}, and took control of its centre.",
        "{GOVX} and allied militias captured {PLACE} and were combing the town for fighters of {NSAX}.",
        "Army captures {NSAX} stronghold of {PLACE}",
        "{GOVX} said they had seized the headquarters of {NSAX} in {PLACE}.",
    ],
    "Non-state actor overtakes territory": [
        "{NSAX} retook {PLACE} from {GOVX} {DATE}, {REP}.",
        "{NSAX} regained control of {PLACE}, which {GOVX} had captured last month.",
        "{NSAX} said they had recaptured {NUM} villages near {PLACE} from {GOVX}.",
        "{NSAX} seized {BASE} near {PLACE} and took control of the surrounding area, {REP}.",
        "{NSAX} took control of {PLACE} and the road linking it to the capital.",
    ],
    "Violent demonstration": [
        "{POL} fired tear gas after {PROT} threw stones and set fire to tyres in {PLACE} {CAUSE}, {REP}.",
        "{PROT} clashed with {POL}, who used tear gas and water cannon, after demonstrators attacked a police post in {PLACE}.",
        "Demonstrators hurled rocks and petrol bombs at {POL} in {PLACE}; {POL} responded with rubber bullets and arrested {NUM} people.",
        "{PROT} torched a police vehicle during a protest in {PLACE} {CAUSE}, and {POL} dispersed them with tear gas.",
        "A protest {CAUSE} in {PLACE} turned violent when demonstrators stormed a government building, {REP}.",
        "{NUM} officers were injured as {PROT} pelted them with stones in {PLACE}; police detained {NUM} people.",
    ],
    "Protest with intervention": [
        "{POL} dispersed a peaceful sit-in by {PROT} in {PLACE} {CAUSE} and arrested {NUM} of them.",
        "{POL} used water cannon against {PROT} who had gathered peacefully in {PLACE} {CAUSE}.",
    ],
    "Agreement": [
        "{GOVX} and {NSAX} agreed {DATE} to a ceasefire that took effect at midnight, {REP}, after talks mediated by {COUNTRY}.",
        "The two sides reached an agreement to end the fighting in {PLACE} and to exchange prisoners, {REP}.",
        "A peace deal signed {DATE} between the government and {NSAX} provides for the disarmament of fighters.",
        "{NSAX} and {GOVX} agreed to open humanitarian corridors in {PLACE} under a deal brokered by the UN.",
        "Clan elders in {PLACE} signed a peace accord ending months of fighting over land.",
        "The government released {NUM} prisoners as part of the peace agreement with {NSAX}.",
        "{NUM} fighters from {NSAX} surrendered to the army with their weapons in {PLACE}{SRC}.",
    ],
    "Change to group/activity": [
        "Hundreds of soldiers and armoured vehicles were dispatched to {PLACE} {DATE}, {REP}.",
        "{ADJ} forces are moving troops and equipment to the border near {PLACE}, {REP}.",
        "{NSAX} announced they had ended their alliance with {GROUPNAME}.",
        "Thousands of police officers were deployed in {PLACE} ahead of the planned protests.",
    ],
    "Arrests": [
        "{POL} in {PLACE} arrested {NUM} men suspected of planning attacks for {NSAX}, {REP}.",
        "The opposition leader was detained by security forces in {PLACE} {DATE}, his party said.",
        "{NUM} people were arrested in {PLACE} for posting criticism of the government online.",
    ],
    "Looting/property destruction": [
        "{NSAX} burned {NUM} houses and looted shops during a raid on {PLACE} {DATE}, {REP}.",
        "Armed men destroyed crops and set fire to granaries in {PLACE}{SRC}.",
    ],
}
for _label, _frames in FRAMES_MORE3.items():
    FRAMES[_label] = FRAMES[_label] + _frames

# slips seen in whole articles, each a pattern with its distractors: a drone that carries the
# explosive is a drone strike; an agreement described or denied is no new agreement; a participle
# describing a place ("the secured area") is no capture; a crowd waiting for food is not a
# protest; armed men who storm a named village attack its people; state television is a source
FRAMES_MORE4: dict[str, list[str]] = {
    "Air/drone strike": [
        "{NSAX} launched an explosive-laden drone at {BASE} near {PLACE}, wounding {NUM} soldiers, {REP}.",
        "An explosives-laden drone struck a fuel depot in {PLACE} {DATE}, sparking a large fire, {REP}.",
        "{NSAX} struck a cargo ship with two missiles and an explosive-laden drone off {PLACE}, wounding {NUM} crew members.",
        "A drone packed with explosives hit {SOFT} in {PLACE}, killing {NUM} people{SRC}.",
        "A kamikaze drone slammed into an apartment block in {PLACE} {DATE}, {REP}.",
        "A drone dropped a grenade on {BASE} in {PLACE}, wounding {NUM} soldiers{SRC}.",
    ],
    "Attack": [
        "{GOVX} opened fire on a crowd waiting for flour near an aid distribution point in {PLACE}, killing {NUM} people, {REP}.",
        "{NUM} people were killed {DATE} when soldiers fired at a crowd gathered around an aid truck in {PLACE}, {REP}.",
        "Gunmen opened fire on a crowd of mourners at a funeral in {PLACE}, killing {NUM}{SRC}.",
        "Dozens of gunmen on motorbikes stormed {N}, a rural commune in {PLACE}, {DATE}, setting fire to shops and shooting residents who tried to flee, {REP}.",
        "{NSAX} stormed {N} village {DATE} and killed {NUM} villagers, {REP}.",
        "Armed men raided {N}, a farming village near {PLACE}, shooting residents and burning homes{SRC}.",
    ],
    "Armed clash": [
        "The army said in a statement read on state television that soldiers pursued the attackers and \"neutralised\" about {NUM} of them near {PLACE}.",
        "{GOVX} and allied militiamen chased the gunmen into the bush near {PLACE} and killed {NUM} of them, {REP}.",
    ],
    "Agreement": [
        "{GOVX} and {NSAX} signed a truce {DATE} that covers {PLACE}, {REP}.",
    ],
    "none": [
        "{NSAX} said the truce did not cover ships linked to {COUNTRY}.",
        "The ceasefire, which does not apply to {PLACE}, was agreed last year.",
        "The deal excludes {PLACE}, where fighting has continued, {REP}.",
        "The agreement does not cover the border areas, officials said.",
        "{GOVX} said it had killed a commander of {NSAX} in violation of the ceasefire that ended the war last year.",
        "{NSAX} said they remained committed to the ceasefire agreement and denied firing the rockets.",
        "Both sides accused each other of violating the truce, which has largely held since {MONTH}.",
        "The {YEAR} peace deal ended decades of war between the government and {NSAX}.",
        "Security officials in full riot gear blocked reporters inside the secured area around the convention center.",
        "Soldiers patrolled the secured zone around {PLACE} as delegates arrived.",
        "Residents of the occupied territories said they feared new restrictions.",
        "A crowd waited for flour at an aid distribution point in {PLACE} {DATE}.",
        "Crowds of people queued for bread outside a bakery in {PLACE}.",
        "{COUNTRY} joined the US-led coalition against the Islamic State group this month, a move {NSAX} denounced.",
        "{COUNTRY} joined the regional alliance at a summit {DATE}, {REP}.",
        "The president said on state television that the economy would recover.",
        "State television broadcast the minister's speech {DATE}.",
        "The announcement was read on state television {DATE}, {REP}.",
    ],
}
for _label, _frames in FRAMES_MORE4.items():
    FRAMES[_label] = FRAMES[_label] + _frames

# photo captions and headlines built around the event as a noun phrase ("after an air strike on
# ...", "the scene of a car bomb explosion"): news snippets are often captions
EVENT_NP: dict[str, list[str]] = {
    "Air/drone strike": ["an air strike", "airstrikes by {ADJ} warplanes", "a drone strike", "an air raid", "a {ADJ} air strike",
                         "airstrikes on {NSAX} positions", "a bombing raid by coalition jets"],
    "Shelling/artillery/missile attack": ["shelling by {GOVX}", "a rocket attack", "a mortar attack", "artillery fire",
                                          "a missile strike", "heavy shelling", "rocket fire from {NSAX}"],
    "Remote explosive/landmine/IED": ["a car bomb explosion", "a roadside bomb attack", "a bomb blast", "a landmine explosion",
                                      "an IED attack", "a bomb attack on a bus", "twin bomb blasts"],
    "Suicide bomb": ["a suicide bombing", "a suicide attack", "a suicide car bomb attack", "a suicide bomb blast"],
    "Grenade": ["a grenade attack", "a grenade explosion", "a hand grenade attack on a bar"],
    "Chemical weapon": ["a suspected chemical attack", "a chlorine gas attack", "a sarin attack", "a poison gas attack"],
    "Armed clash": ["clashes between {GOVX} and {NSAX}", "fighting between {GOVX} and {NSAX}", "a gun battle with {NSAX}",
                    "an attack by {NSAX} on {BASE}", "heavy fighting", "an ambush on an army convoy"],
    "Government regains territory": ["the recapture of {PLACE} by {GOVX}", "the army's recapture of the town from {NSAX}",
                                     "the liberation of {PLACE} from {NSAX}"],
    "Non-state actor overtakes territory": ["the capture of {PLACE} by {NSAX}", "the fall of {PLACE} to {NSAX}",
                                            "the seizure of the town by {NSAX}"],
    "Non-violent transfer of territory": ["the handover of {PLACE} to {GOVX}", "the peaceful withdrawal of {NSAX} from {PLACE}",
                                          "the transfer of the base to {GOVX}"],
    "Attack": ["an attack by gunmen on villagers", "the massacre of {NUM} villagers", "the killing of {NUM} civilians by {NSAX}",
               "an attack on a village by {NSAX}", "the murder of a local journalist by gunmen"],
    "Abduction/forced disappearance": ["the kidnapping of {NUM} students", "the abduction of {NUM} aid workers by {NSAX}",
                                       "a mass abduction from a school"],
    "Sexual violence": ["the rape of {NUM} women by soldiers", "sexual attacks on women by {NSAX}"],
    "Peaceful protest": ["a protest {CAUSE}", "a march {CAUSE}", "a rally {CAUSE}", "a sit-in {CAUSE}", "a peaceful demonstration {CAUSE}"],
    "Protest with intervention": ["a protest {CAUSE} broken up by police", "the dispersal of a rally by riot police with tear gas",
                                  "a demonstration at which police detained {NUM} people"],
    "Excessive force against protesters": ["the killing of {NUM} protesters by security forces", "a deadly crackdown on protesters",
                                           "the shooting of demonstrators by police"],
    "Violent demonstration": ["violent protests {CAUSE}", "riots {CAUSE}", "clashes between protesters and police",
                              "a protest in which demonstrators set cars on fire"],
    "Mob violence": ["a lynching by an angry mob", "mob violence", "clashes between rival communities", "an attack by vigilantes"],
    "Arrests": ["the arrest of the opposition leader", "a wave of arrests of activists", "the detention of {NUM} journalists"],
    "Disrupted weapons use": ["the seizure of a weapons cache", "the defusing of a bomb", "the interception of a missile",
                             "the discovery of an arms depot"],
    "Agreement": ["the signing of a ceasefire agreement", "a prisoner exchange between {GOVX} and {NSAX}",
                  "the surrender of {NUM} militants", "a peace deal between the government and {NSAX}"],
    "Change to group/activity": ["the deployment of troops to {PLACE}", "the withdrawal of {ADJ} troops", "the arrival of reinforcements"],
    "Headquarters or base established": ["the establishment of a new military base", "the opening of a new base by {NSAX}"],
    "Looting/property destruction": ["the looting of shops", "the burning of homes by {NSAX}", "the destruction of a school by {NSAX}"],
    "Other": ["the discovery of a mass grave", "the exhumation of a mass grave"],
    "none": ["a flood", "an earthquake", "the COVID-19 outbreak", "a fire at a factory", "talks between the two countries",
             "the election", "a road accident", "a cyclone", "a landslide", "a gas explosion at a mine", "a plane crash",
             "a meeting of foreign ministers", "a court hearing", "the funeral of a former president", "a heat wave"],
}
CAPTIONS = [
    "A man walks past a destroyed building after {EV} in {PLACE}, {COUNTRY}, {MONTH} {DAY}, {YEAR}.",
    "Smoke rises over {PLACE} following {EV} {DATE}.",
    "People gather at the scene of {EV} in {PLACE}, {COUNTRY}.",
    "Residents inspect the damage after {EV} in {PLACE}{SRC}.",
    "Photo taken on {MONTH} {DAY}, {YEAR} shows the aftermath of {EV} in {PLACE}.",
    "{NUM} killed in {EV} in {PLACE}",
    "{EV} in {PLACE} {DATE}{TOLL}, {REP}.",
    "Officials said {NUM} people were hurt in {EV} in {PLACE}.",
]
for _label, _nps in EVENT_NP.items():
    SLOTS["EV_" + _label.replace("/", "_").replace(" ", "_")] = _nps
    FRAMES[_label] = FRAMES[_label] + [c.replace("{EV}", "{EV_" + _label.replace("/", "_").replace(" ", "_") + "}") for c in CAPTIONS]

# a sentence added before or after, as in the snippets and articles the typer sees: background,
# the source, what others said
CONTEXT += [
    "The region has been plagued by violence for years.", "It was the latest in a series of incidents in the area.",
    "The government did not immediately respond to a request for comment.", "Tensions have been rising for weeks.",
    "The area has been hit by repeated attacks since {YEAR}.", "The report could not be independently verified.",
    "{REP_CAP}.", "The country has been battling an insurgency for more than a decade.",
    "The incident took place {DATE}.", "The victims were taken to a local hospital.",
    "It is not the first time the area has been targeted.", "The UN has called for restraint.",
]
SLOTS["REP_CAP"] = ["State media reported the incident", "Officials confirmed the figures", "Witnesses gave a similar account",
                    "A spokesman for the group confirmed the report", "Local media published photos of the scene"]


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
    """`per_class` snippets per sub-type (three times as many "none"): a frame, sometimes a second
    frame of the same label (a snippet that tells the event twice, as news does), a dateline, a
    neutral sentence before or after, or an attribution ("X said that ...")."""
    rng = random.Random(seed)
    data = []
    for label, frames in FRAMES.items():
        n = per_class * (3 if label == "none" else 1)
        for i in range(n):
            text = fill(frames[i % len(frames)], rng)
            roll = rng.random()
            if roll < 0.15:
                text = text + " " + fill(rng.choice(frames), rng)
            elif roll < 0.25 and text.startswith(("The ", "A ", "An ")):
                said = fill(rng.choice(SLOTS["REP"]), rng)
                text = said[0].upper() + said[1:] + " that " + text[0].lower() + text[1:]
            roll = rng.random()
            if roll < 0.25:
                text = text + " " + fill(rng.choice(CONTEXT), rng)
            elif roll < 0.35:
                text = fill(rng.choice(CONTEXT), rng) + " " + text
            if rng.random() < 0.1:
                text = fill(rng.choice(SLOTS["DATELINE"]), rng) + text
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
    avg = np.zeros_like(w)
    n_avg = 0
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
        if epoch >= epochs // 2:  # the average of the second half's epochs: steadier than the last one
            avg += w
            n_avg += 1
    return avg / n_avg


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-class", type=int, default=1000)
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--out", default=str(ROOT / "eventledger/data/events/typing_model.npz"))
    parser.add_argument("--members", type=int, default=3,
                        help="models trained on sets generated with different seeds, their weights averaged")
    parser.add_argument("--dump", help="also write the (first) generated sentences to this TSV")
    args = parser.parse_args()
    labels = sorted(FRAMES)
    w = None
    for member in range(args.members):
        data = generate(args.per_class, seed=13 + member)
        if args.dump and member == 0:
            with open(args.dump, "w", encoding="utf-8") as handle:
                handle.write("label\ttext\n")
                for label, text in data:
                    handle.write(f"{label}\t{text}\n")
        part = train(data, labels, args.epochs, seed=13 + member)
        w = part if w is None else w + part
    w /= args.members  # a linear model: the average of the members' weights is their ensemble, at one model's cost
    np.savez_compressed(args.out, weights=w.astype(np.float16), labels=np.asarray(labels))
    print(f"{args.members} x {len(data)} sentences, {len(labels)} labels -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
