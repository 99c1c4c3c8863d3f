#!/usr/bin/env python3
"""Writes a long analyst-style report (160 US Letter pages, 5 of them scans with no text layer) and
the reference for it: where twelve facts are, and a question about each worded as a user would ask.

Command (Python 3 standard library + poppler-utils' pdftoppm; takes a few seconds):
    python3 tests/long_report/generate_long_report.py --out DIR
writes DIR/long-report.pdf and DIR/long-report.expected.json. The tests run it into a temporary
folder; the PDF is not committed. The output is the same byte for byte on every run (fixed seed, no
dates), so the same file hashes the same in the page index.

How: the PDF is written by hand. Text pages use the standard Helvetica fonts (WinAnsiEncoding), so
Poppler gives them a real text layer. The prose is made from sentence templates about ports, rail,
barges, trucks, air cargo, warehouses, labour, energy, customs, risk and finance, filled from a seeded
random generator: most pages share the questions' vocabulary (cranes, gates, dwell, EBITDA, margin,
wage, shore power, vacancy ...), so a page is found by the combination of words, not by one rare word.
A fact's (place, quantity) is never restated on another page. Scanned pages are laid out the same
way, rendered by `pdftoppm -gray` at 150 dpi, given paper tone, specks and a scanner-edge shadow,
and placed as one grey image per page, slightly rotated, with no text at all.
"""
import argparse
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zlib

SEED = 20250611
TITLE = "Northern Range Ports and Freight Review 2025"
PDF_NAME = "long-report.pdf"
JSON_NAME = "long-report.expected.json"
PAGE_W, PAGE_H = 612, 792
MARGIN_X = 72
BODY_W = PAGE_W - 2 * MARGIN_X
BODY_TOP = 708
BODY_BOTTOM = 78
SCAN_DPI = 150

# --- places and names (fictional figures; real place names) -------------------------------------

PORTS = ["Rotterdam", "Antwerp", "Hamburg", "Bremerhaven", "Le Havre", "Felixstowe", "Gdansk", "Valencia",
         "Algeciras", "Piraeus", "Genoa", "Trieste"]
OTHER_PORTS = ["Zeebrugge", "Gothenburg", "Koper", "Marseille", "Constanta", "Sines", "Wilhelmshaven"]
TERMINALS = {
    "Rotterdam": ["Maasvlakte II", "the Euromax terminal", "the Delta terminal"],
    "Antwerp": ["the Deurganck dock", "the Europa terminal", "the Noordzee terminal"],
    "Hamburg": ["Altenwerder", "Burchardkai", "Tollerort"],
    "Bremerhaven": ["the North Terminal", "the Eurogate quay", "the Stromkaje"],
    "Le Havre": ["Port 2000", "the Atlantique terminal", "the Ocean quay"],
    "Felixstowe": ["Trinity terminal", "Berths 8 and 9", "the North Rail terminal"],
    "Gdansk": ["the Baltic Hub", "the Westerplatte quay", "the East terminal"],
    "Valencia": ["the Principe Felipe terminal", "the North terminal", "the Levante quay"],
    "Algeciras": ["Isla Verde", "the Juan Carlos I terminal", "the outer quay"],
    "Piraeus": ["Pier II", "Pier III", "Pier I"],
    "Genoa": ["Pra", "the Sech terminal", "the Bettolo terminal"],
    "Trieste": ["Molo VII", "the Noghere terminal", "the Scalo Legnami"],
}
for _p in OTHER_PORTS:
    TERMINALS[_p] = ["the container terminal", "the main quay", "the deep-sea terminal"]
HUBS = ["Duisburg", "Venlo", "Leipzig", "Basel", "Mannheim", "Poznan", "Melzo", "Zaragoza", "Linz", "Budapest",
        "Tilburg", "Lodz", "Lyon", "Vienna"]
AIRPORTS = ["Liege", "Leipzig/Halle", "Frankfurt", "Schiphol", "Paris CDG", "Luxembourg", "Cologne Bonn", "Brussels"]
RIVERS = {"Rhine": ["Duisburg", "Mannheim", "Basel"], "Danube": ["Linz", "Vienna", "Budapest"],
          "Elbe": ["Magdeburg", "Dresden"], "Seine": ["Paris", "Rouen"], "Moselle": ["Metz", "Trier"],
          "Main": ["Frankfurt", "Aschaffenburg"]}
CORRIDORS = ["the Rhine-Alpine corridor", "the North Sea-Baltic corridor", "the Scandinavian-Mediterranean corridor",
             "the Orient/East-Med corridor", "the Atlantic corridor", "the Rhine-Danube corridor"]
COUNTRIES = ["the Netherlands", "Belgium", "Germany", "France", "Spain", "Italy", "Poland", "Greece"]
ROUTES = ["the Red Sea", "the Black Sea", "the Strait of Hormuz", "the Gulf of Guinea", "the Suez Canal",
          "the Baltic approaches"]
SEGMENTS = ["Container Terminals", "Rail Freight", "Rhine Barge", "Danube Barge", "Road Logistics",
            "Air Cargo Handling", "Contract Logistics", "Port Services"]
CARRIERS = ["Nordline", "Atlas Maritime", "Blue Meridian", "Hanse Container Lines", "Iberia Feeder", "Aegean Box",
            "Polaris Shipping", "Rhein Cargo"]
POOLS = {"port": PORTS + OTHER_PORTS, "hub": HUBS, "airport": AIRPORTS, "river": list(RIVERS), "corridor": CORRIDORS,
         "country": COUNTRIES, "route": ROUTES, "segment": SEGMENTS, "carrier": CARRIERS}

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
QUARTERS = ["first quarter", "second quarter", "third quarter", "fourth quarter"]

# --- the facts: one sentence on one page each; the question asks for it in other words -----------
# topic/focus say which page holds it; `forbid` is the (place, quantity) no other sentence may state.

FACTS = [
    dict(id="rotterdam-cranes", topic="port_quay", focus={"port": "Rotterdam"}, forbid=[("Rotterdam", "crane_fleet")],
         text="Six new units entered service at Maasvlakte II during the year, which brought the Rotterdam crane fleet "
              "to 46 ship-to-shore cranes.",
         phrase="Rotterdam crane fleet to 46 ship-to-shore cranes",
         question="How many quay cranes did Rotterdam have in service by the end of 2025?"),
    dict(id="antwerp-gate", topic="port_gate", focus={"port": "Antwerp"},
         forbid=[("Antwerp", "truck_turnaround"), ("Antwerp", "appointment")],
         text="Since the truck appointment system went live in March, the average turnaround of a truck at the Antwerp "
              "gates has fallen from 71 to 52 minutes.",
         phrase="turnaround of a truck at the Antwerp gates has fallen from 71 to 52 minutes",
         question="How long does a truck now spend at Antwerp's gates since slot booking began?"),
    dict(id="hamburg-reefer", topic="port_yard", focus={"port": "Hamburg"}, scanned=True,
         forbid=[("Hamburg", "reefer_dwell")],
         text="Reefer containers stayed an average of 2.9 days in the Altenwerder yard in the fourth quarter, against "
              "3.6 days a year earlier.",
         phrase="2.9 days in the Altenwerder yard",
         question="How many days did refrigerated containers sit at Altenwerder in Q4?"),
    dict(id="gdansk-record", topic="port_volume", focus={"port": "Gdansk"},
         forbid=[("Gdansk", "volume_total"), ("Gdansk", "record")],
         text="Gdansk handled 2.31 million TEU in 2025, a record for any port on the Baltic.",
         phrase="Gdansk handled 2.31 million TEU in 2025",
         question="What was the container throughput at Gdansk last year, and was it a Baltic record?"),
    dict(id="danube-ebitda", topic="finance", focus={"segment": "Danube Barge"},
         forbid=[("Danube Barge", "ebitda_margin")],
         text="The Danube Barge segment returned to profit with an EBITDA margin of 18.3 percent, its first positive "
              "year since 2019.",
         phrase="EBITDA margin of 18.3 percent",
         question="What EBITDA margin did the barge operations on the Danube earn in 2025?"),
    dict(id="le-havre-wages", topic="labour", focus={"port": "Le Havre"}, forbid=[("Le Havre", "wage_deal")],
         text="Dockworkers at Le Havre accepted a 4.5 percent wage increase under a three-year agreement signed on 14 June.",
         phrase="4.5 percent wage increase under a three-year agreement",
         question="What wage deal did the Le Havre dockworkers sign, and for how many years?"),
    dict(id="valencia-shore-power", topic="energy", focus={"port": "Valencia"}, forbid=[("Valencia", "shore_power_co2")],
         text="Shore power at the Valencia cruise terminal avoided 11,400 tonnes of CO2 emissions in its first full year "
              "of operation.",
         phrase="avoided 11,400 tonnes of CO2",
         question="How much CO2 did plugging cruise ships into shore power save at Valencia?"),
    dict(id="piraeus-pier-iv", topic="port_quay", focus={"port": "Piraeus"}, scanned=True,
         forbid=[("Piraeus", "pier_delay")],
         text="Construction of Pier IV was postponed to 2027 after an archaeological survey found Roman remains under "
              "the planned quay.",
         phrase="Pier IV was postponed to 2027",
         question="Why was the Pier IV expansion at Piraeus delayed?"),
    dict(id="netherlands-customs", topic="customs", focus={"country": "the Netherlands"},
         forbid=[("the Netherlands", "single_window_share")],
         text="In the Netherlands the single-window platform cleared 93 percent of import declarations within 15 "
              "minutes in the second half of the year.",
         phrase="cleared 93 percent of import declarations within 15 minutes",
         question="In the Netherlands, what share of import declarations did customs clear within a quarter of an hour?"),
    dict(id="liege-widebody", topic="air", focus={"airport": "Liege"}, scanned=True,
         forbid=[("Liege", "widebody_stands")],
         text="Liege Airport opened nine new widebody stands on its cargo apron, raising annual capacity to 1.6 million "
              "tonnes.",
         phrase="nine new widebody stands",
         question="How many parking positions for widebody freighters were added at Liege airport?"),
    dict(id="red-sea-war-risk", topic="risk", focus={"route": "the Red Sea"}, forbid=[("the Red Sea", "war_risk_premium")],
         text="War-risk premiums for a Red Sea transit peaked at 0.7 percent of hull value in February.",
         phrase="peaked at 0.7 percent of hull value",
         question="How expensive did war-risk insurance for a Red Sea passage get?"),
    dict(id="duisburg-vacancy", topic="warehouse", focus={"hub": "Duisburg"}, scanned=True,
         forbid=[("Duisburg", "warehouse_vacancy")],
         text="Vacancy in Duisburg's logistics warehouses fell to 1.8 percent, the lowest of any German inland hub.",
         phrase="fell to 1.8 percent, the lowest of any German inland hub",
         question="What was the warehouse vacancy rate in Duisburg?"),
]
FORBIDDEN = {pair for f in FACTS for pair in f["forbid"]}
# One more scanned page, with no fact: the Hamburg labour page.
EXTRA_SCANS = [("labour", {"port": "Hamburg"})]

# --- sentence templates: (quantity stated or None, text) -----------------------------------------
# {port} {hub} ... take the page's place when it has one of that kind; {port2} ... another one.

T = {}
T["port_volume"] = [
    ("volume_total", "{port} handled {M} million TEU over the year, {p} percent more than in 2024."),
    (None, "Transshipment made up {P} percent of the boxes moved through {port}, close to the share recorded in {y}."),
    (None, "Volumes at {port} rose by {p} percent in the {q}, with the Asia to Europe services contributing most of the growth."),
    (None, "Empty containers accounted for {p} percent of throughput at {port}, a sign that export cargo remains scarce."),
    (None, "{carrier} moved part of its weekly Far East loop from {port2} to {port} in {mo}, adding roughly {k} TEU a month."),
    (None, "The market share of {port} within the Northern Range edged up to {p} percent, while {port2} lost ground for a second year."),
    (None, "Gateway cargo, as opposed to transshipment, grew faster at {port} than at any other port in this review except {port2}."),
    (None, "Calls by vessels above 20,000 TEU at {port} rose to {i} in the year, up from {i2} in {y}."),
    (None, "Average call size at {terminal} reached {k} container moves, which stretched berth windows during the peak weeks."),
    (None, "Throughput at {port} fell by {p} percent in {mo} when two alliance services were suspended for blank sailings."),
    (None, "Compared with {port2}, {port} depends more on intra-European feeder traffic, which softened the effect of the Red Sea diversions."),
    (None, "Full import containers at {port} grew by {p} percent, and full exports by {p3} percent, in the {q}."),
    ("record", "{port2} reported its busiest month on record in {mo}, handling {k} TEU."),
    (None, "Feeder connections from {port} to the Baltic and Scandinavia were reorganised after {carrier} ended its own feeder network."),
]
T["port_quay"] = [
    ("crane_fleet", "{port} now has {i} ship-to-shore cranes in service across its deep-sea terminals."),
    (None, "Crane productivity at {terminal} averaged {i} moves per hour in the {q}, against {i2} a year earlier."),
    (None, "Two berths at {terminal} were closed for {i} weeks in {mo} while the quay wall was strengthened."),
    (None, "Berth utilisation at {port} stayed above {P} percent for most of the year, leaving little room for delayed vessels."),
    (None, "The new quay at {terminal} can take vessels with a draught of up to 16.5 metres at any tide."),
    ("crane_order", "{port} ordered {i} remote-controlled quay cranes for delivery in {y2}, the largest order in its history."),
    (None, "Waiting time at anchor off {port} averaged {d} days in {mo}, when several vessels arrived off schedule at once."),
    (None, "Dredging of the approach channel to {port} was completed in the {q}, so fully laden ships no longer wait for high tide."),
    (None, "{port2} lengthened its main container quay by {i}0 metres, a project that {port} is still studying."),
    ("pier_delay", "Work on the quay extension at {port} is running {i} months behind schedule because of late steel deliveries."),
    (None, "Lashing crews at {terminal} moved to a new shift pattern, which raised berth productivity by {p} percent."),
    (None, "Ship-to-shore cranes at {port2} were out of service for {i} hours in {mo} after a storm, a risk that {port} has insured against."),
    (None, "Each of the cranes delivered to {terminal} in {y} can reach across 24 rows of containers."),
    (None, "Gross crane rates at {port} remain below the Northern Range average, mainly because of long hatch cover handling."),
]
T["port_yard"] = [
    ("reefer_dwell", "Reefer containers at {terminal} stayed an average of {d} days in the yard in the {q}."),
    (None, "Average import dwell time at {port} rose to {d} days in {mo}, well above the {d2} days that terminal tariffs assume."),
    (None, "Yard utilisation at {terminal} peaked at {P} percent in the {q}, the level at which productivity starts to fall."),
    (None, "The number of reefer plugs at {port} grew to {k}, enough for the seasonal fruit peak from South America."),
    (None, "{port} introduced storage charges from the fifth day for import boxes, which shortened average dwell by {d3} days."),
    (None, "Stacking cranes at {terminal} were automated in {y}, and the yard now runs with {i} fewer staff per shift."),
    (None, "Empty depots around {port} were close to full in {mo}, and shipping lines moved empties to {port2}."),
    (None, "Export containers now arrive at {port} on average {d} days before the vessel, against {d2} days in {y}."),
    (None, "Dangerous goods containers at {terminal} are kept in a separate block with a maximum dwell of {i} days."),
    (None, "The yard at {port} holds {k} ground slots, of which {p} percent are reserved for transshipment."),
    (None, "Yard congestion at {port2} spilled over to {port} in {mo}, when carriers diverted vessels at short notice."),
    (None, "Container dwell time is measured at {port} from discharge to gate-out, a definition {port2} adopted this year."),
    (None, "Reefer monitoring at {port} is now remote, so technicians visit a plug only when an alarm is raised."),
]
T["port_gate"] = [
    ("truck_turnaround", "Average truck turnaround at the {port} gates was {m} minutes in the {q}."),
    (None, "Rail's share of hinterland transport at {port} reached {p2} percent, with most trains running to {hub}."),
    (None, "Barges carried {p2} percent of the containers leaving {port} for inland terminals, a share that falls in dry summers."),
    (None, "The gate at {terminal} processed {k} truck visits in a single day in {mo}, a new high."),
    ("truck_turnaround", "Hauliers at {port} complain that turnaround times at the gates rose to more than {m} minutes on peak days."),
    (None, "Optical character recognition portals at {terminal} read container numbers and seals without the driver leaving the cab."),
    (None, "{port} runs {i} block trains a week to {hub}, and plans {i2} more once the second track is electrified."),
    (None, "Empty truck trips at {port} fell by {p} percent after a shared platform for container pickups was launched."),
    (None, "Gate opening hours at {port} were extended to 22 hours a day, which spread truck arrivals more evenly."),
    ("appointment", "{port2} made truck appointments mandatory in {mo}, with slots of one hour."),
    (None, "Congestion on the motorway ring around {port} added an average of {m} minutes to each truck trip in the {q}."),
    (None, "The barge terminal at {terminal} now handles inland vessels in fixed windows, which cut waiting by {p} percent."),
]
T["port_finance"] = [
    (None, "Revenue of the {port} port authority rose by {p} percent to EUR {i}{i2} million, driven by higher port dues."),
    (None, "{port} approved a capital plan of EUR {M} billion for the years to 2030, most of it for quay and rail works."),
    (None, "The operating margin at {terminal} narrowed to {p2} percent as labour and energy costs rose faster than tariffs."),
    (None, "Port dues at {port} increased by {p} percent from January, in line with the indexation clause in the concession."),
    (None, "EBITDA of the terminals at {port} grew by {p} percent, helped by storage income during the congested months."),
    (None, "The concession for {terminal} was extended to 2055 in exchange for a commitment to electrify the yard."),
    (None, "Net debt of the {port} port company stood at {d} times EBITDA at the end of the year."),
    (None, "{port} expects the rail terminal expansion to pay back within {i} years, based on volumes growing by {p} percent a year."),
    (None, "Compared with {port2}, {port} earns a larger share of its revenue from land leases than from port dues."),
    (None, "Investment at {port} in the {q} was EUR {i}{i2} million, below the budget because two tenders were delayed."),
    (None, "Tariffs at {terminal} for handling a full container rose by {p} percent, the first increase since {y}."),
]
T["rail"] = [
    (None, "Intermodal trains between {port} and {hub} ran with a punctuality of {P} percent in the {q}."),
    (None, "{corridor} carried {k} trains a month on average, {p} percent more than a year earlier."),
    (None, "Track works on {corridor} closed the line for {i} days in {mo}, and operators diverted trains through {hub2}."),
    (None, "{hub} added two 740-metre tracks at its main rail terminal, so full-length trains no longer have to be split."),
    (None, "Rail freight prices on the route from {port} to {hub} rose by {p} percent, mostly because of higher traction energy costs."),
    (None, "Transit time by rail from {port} to {hub} was {d} days door to door, against {d2} days by road and barge combined."),
    (None, "A shortage of locomotive drivers in {mo} cancelled {i} trains a week on services to {hub}."),
    (None, "Wagon utilisation on shuttles to {hub} averaged {P} percent, and operators added a sixth weekly round trip."),
    (None, "The rail terminal at {hub} handled {k} intermodal units in the year."),
    (None, "Rail's modal share in container transport to {hub} reached {p2} percent, the highest among the inland hubs in this review."),
    (None, "Track access charges on {corridor} were cut by {p} percent to help rail compete with road haulage."),
    (None, "Operators reported {i} hours of average delay per train on {corridor} during the summer construction season."),
]
T["barge"] = [
    (None, "Low water on the {river} in {mo} limited barges to {P} percent of their capacity for {i} days."),
    (None, "Barge freight rates on the {river} rose by {p} percent when water levels dropped in the {q}."),
    (None, "Container barges between {port} and {hub} made {k} trips in the year, carrying an average of {i}0 TEU each."),
    (None, "The {river} fleet includes {i} container barges, {i2} of which now run on hydrotreated vegetable oil."),
    (None, "Waiting times for barges at the {port} deep-sea terminals averaged {d} hours, down from {d2} hours in {y}."),
    (None, "Lock maintenance on the {river} closed the route near {hub} for {i} days, and cargo moved to rail."),
    (None, "Inland shipping on the {river} carried {M} million tonnes of dry bulk and containers combined."),
    (None, "Barge operators on the {river} introduced low-water surcharges of up to EUR {i} per container."),
    (None, "A new barge terminal at {hub} opened in {mo} with two cranes and room for {k} TEU."),
    (None, "Barge volumes on the {river} recovered in the {q} after the dry summer."),
    (None, "The {river} barge business depends on a few large shippers of grain, steel and chemicals."),
]
T["road"] = [
    (None, "Spot rates for road haulage from {port} to {hub} rose by {p} percent in the {q}, as diesel prices climbed."),
    (None, "A shortage of truck drivers kept {p} percent of the trucks at some hauliers in {hub} idle in {mo}."),
    (None, "Truck tolls on the motorways around {hub} increased by {p} percent in January, with a carbon charge added."),
    (None, "The average road trip from {port} to {hub} took {d} hours, including waiting time at the terminal."),
    (None, "Hauliers in {hub} ordered {i}0 battery-electric trucks for container drayage to {port}."),
    (None, "Night deliveries to distribution centres around {hub} grew, helped by quieter electric trucks."),
    (None, "Road still carries {P} percent of the containers moved between {port} and {hub2}."),
    (None, "Truck waiting times at the border crossing near {hub} fell to {m} minutes after new lanes opened."),
    (None, "Cabotage rules tightened in {mo}, and foreign trucks may now make only {i3} domestic deliveries per trip."),
    (None, "Diesel made up {p2} percent of the cost of a typical truck trip from {port} in the {q}."),
]
T["air"] = [
    ("widebody_stands", "{airport} added {i3} widebody stands on its cargo apron in {mo}."),
    (None, "Cargo volume at {airport} rose by {p} percent to {k} tonnes, with e-commerce parcels contributing most of the growth."),
    (None, "Freighter movements at {airport} averaged {i} a night, the limit set by the night-flight regime."),
    (None, "Belly cargo on passenger flights at {airport2} recovered to {P} percent of its level before the pandemic."),
    (None, "Handling times for export shipments at {airport} fell to {d} hours after the new cargo centre opened."),
    (None, "Air freight rates from Asia to {airport} fell by {p} percent in the {q}, as sea freight became more reliable."),
    (None, "The cargo apron at {airport} was resurfaced in {mo}, and freighters were parked at remote stands for {i3} weeks."),
    (None, "{airport} and {airport2} compete for the same integrators, and both offer discounts on landing fees for freighters."),
    (None, "Trucking of air cargo between {airport} and {airport2} increased, as forwarders consolidated loads at fewer hubs."),
    (None, "Cool-chain pharmaceuticals made up {p2} percent of the tonnes handled at {airport}."),
    (None, "The widebody freighter fleet serving {airport2} grew by {i3} aircraft, mostly converted passenger jets."),
]
T["warehouse"] = [
    ("warehouse_vacancy", "Vacancy in logistics warehouses around {hub} stood at {p} percent at the end of the year."),
    (None, "Prime warehouse rents in {hub} rose by {p} percent to EUR {d} per square metre a month."),
    (None, "Developers completed {k} square metres of warehouse space around {hub} in the year."),
    (None, "Most new warehouses near {hub} are built speculatively, without a tenant signed before construction."),
    (None, "Take-up of logistics space in {hub} fell by {p} percent, as retailers postponed decisions on new distribution centres."),
    ("warehouse_vacancy", "Vacancy rose to {p} percent in {hub2}, where a large e-commerce tenant left two buildings."),
    (None, "Land for new warehouses around {hub} is scarce, and several municipalities have stopped granting permits."),
    (None, "Automation projects in warehouses in {hub} increased, with {i} sites installing shuttle systems in the year."),
    (None, "Yields on prime logistics property in {hub} stabilised at {d} percent in the {q}."),
    (None, "Energy costs for cold storage in {hub} rose by {p} percent, and operators added solar panels to warehouse roofs."),
    (None, "Contract logistics providers in {hub} report that labour, not space, is now the main constraint on growth."),
]
T["labour"] = [
    ("wage_deal", "Dockworkers at {port} agreed a {p} percent wage increase for the coming year."),
    (None, "A {i}-hour strike at {port} in {mo} left {i2} vessels waiting at anchor."),
    (None, "Unions at {port} are negotiating on automation, shift lengths and the training of new crane drivers."),
    (None, "The average age of dockworkers at {port} is {age} years, and about a fifth will retire within a decade."),
    (None, "Absenteeism at the {port} terminals rose to {p} percent in the winter months."),
    (None, "Training places for crane and straddle carrier drivers at {port} were doubled to {i}."),
    (None, "Work stoppages at {port2} in the {q} diverted some cargo to {port}."),
    (None, "Labour costs account for {p2} percent of terminal operating costs at {port}."),
    (None, "Lashing and unlashing at {port} is still done by hand, and accident rates on deck remain the unions' main concern."),
    (None, "{port} signed a social agreement that guarantees jobs for registered dockworkers until 2030 in return for automation."),
    (None, "Overtime at the {port} terminals fell by {p} percent after new staff completed their training."),
    ("wage_deal", "Wage talks at {port2} broke down in {mo}, and the unions called rolling strikes on weekends."),
]
T["energy"] = [
    ("shore_power_co2", "Shore power at {port} avoided {k} tonnes of CO2 emissions in the year."),
    (None, "{port} connected its first container berth to shore power in {mo}, with {i3} more planned by 2028."),
    (None, "Electricity use at the {port} terminals rose by {p} percent as straddle carriers were replaced with battery units."),
    (None, "{port} signed a contract for offshore wind power that covers {P} percent of its own consumption."),
    (None, "Cruise ships calling at {port} must plug in to shore power from 2030 under the EU rules on alternative fuels."),
    (None, "Scope 1 and 2 emissions of the {port} port authority fell by {p} percent against the 2019 baseline."),
    (None, "Hydrogen pilots at {port} remain small: {i3} trucks and one harbour tug run on fuel cells."),
    (None, "The EU emissions trading system added an average of EUR {i} per container to the cost of calls at {port} in the {q}."),
    (None, "Grid connection limits delay the electrification of the yard at {port}, where the network operator cannot supply more power before {y2}."),
    (None, "Methanol bunkering began at {port} in {mo}, with {i3} deliveries to container ships in the first month."),
    (None, "Energy costs at the {port} terminals were {p} percent lower than in 2024, when prices peaked."),
]
T["customs"] = [
    ("single_window_share", "The single-window platform in {country} cleared {P} percent of import declarations within {i} minutes."),
    (None, "Customs in {country} moved to the new import system in {mo}, and declarations must now be filed as structured data."),
    (None, "Physical inspections of containers at {port} fell to {p} percent of import declarations."),
    (None, "The average clearance time for export declarations in {country} was {d} hours in the {q}."),
    (None, "{country} raised the number of customs officers at its main ports by {i}0 to handle the new safety filings."),
    (None, "The EU customs reform will replace the national systems in {country} with a central data hub from 2028."),
    (None, "Errors in import declarations in {country} remain the main cause of held containers, according to forwarders."),
    (None, "Pre-arrival filing is now used for {P} percent of the containers discharged at {port}."),
    (None, "The carbon border adjustment mechanism added new reporting duties for importers of steel and aluminium in {country}."),
    (None, "A pilot in {country} lets authorised economic operators clear goods at inland terminals rather than at the port."),
    (None, "Customs brokers in {country2} charge more per declaration than those in {country}, mainly because of the paper checks that remain."),
]
T["risk"] = [
    ("war_risk_premium", "War-risk premiums for transits of {route} reached {dec} percent of hull value in {mo}."),
    (None, "Most container services still avoid {route} and sail around the Cape of Good Hope, adding {i} days to each round voyage."),
    (None, "Insurers reviewed their cover for {route} weekly, and some declined to quote for vessels with links to certain flags."),
    (None, "Diversions away from {route} absorbed about {p} percent of the global container fleet's capacity."),
    (None, "{carrier} resumed a single service through {route} in {mo} but suspended it again after {i3} weeks."),
    (None, "Cargo insurance rates for goods moving through {route} rose by {p} percent, while rates on other lanes were stable."),
    (None, "Piracy incidents reported near {route2} rose to {i} in the year."),
    (None, "Crew bonuses for transits of {route} are set in the collective agreement for seafarers and double base pay for the passage."),
    (None, "Bunker consumption on the longer routing rose by {p} percent, and carriers passed the cost on as an emergency surcharge."),
    (None, "Hull and machinery premiums for container ships rose by {p} percent at the renewals in January."),
    (None, "Cyber attacks on port community systems are now the risk named most often by terminal operators, ahead of strikes."),
]
T["finance"] = [
    ("ebitda_margin", "The {segment} segment reported an EBITDA margin of {p2} percent for the year."),
    (None, "Revenue of the {segment} segment grew by {p} percent to EUR {i}{i2} million."),
    (None, "Group revenue reached EUR {M} billion, {p} percent above the previous year, with every segment but {segment2} growing."),
    (None, "Operating costs in {segment} rose faster than revenue in the {q}, mainly because of wages and energy."),
    (None, "Capital expenditure in {segment} was EUR {i}{i2} million, most of it on equipment replacement."),
    (None, "The contribution of {segment} to group EBITDA rose to {p2} percent."),
    (None, "Free cash flow turned positive in the {q} as working capital fell."),
    (None, "Net debt fell to EUR {M} billion, or {d} times EBITDA, well within the bank covenants."),
    (None, "Impairments of EUR {i} million were booked on older equipment in {segment2}."),
    (None, "The board proposes a dividend of EUR {d} per share, {p} percent more than last year."),
    (None, "Revenue per container in {segment} rose by {p} percent, helped by storage income and surcharges."),
    (None, "Fourth-quarter revenue of {segment} was EUR {i}{i2} million, and its operating margin in the quarter was {p2} percent."),
    (None, "The outlook for {segment} assumes stable volumes and a further rise in labour costs of about {p} percent."),
]
T["market"] = [
    (None, "Spot rates on the Asia to North Europe lane averaged {k} dollars per forty-foot container in the {q}."),
    (None, "Contract rates for {y2} were agreed {p} percent above this year's level, reflecting tight capacity."),
    (None, "{carrier} took delivery of {i} new container ships in the year, all able to run on methanol."),
    (None, "The orderbook for container ships reached {p2} percent of the fleet in service, the highest level since 2008."),
    (None, "Schedule reliability on the transatlantic lane improved to {P} percent in {mo}."),
    (None, "The new alliance between {carrier} and {carrier2} started in February and changed port rotations across the Northern Range."),
    (None, "Blank sailings on the Asia to Europe lane fell to {i} in the {q}."),
    (None, "Freight demand from European importers recovered in the {q}, helped by lower inventories at retailers."),
    (None, "Carrier profits fell by {p} percent from the previous year but remained well above the levels of 2019."),
    (None, "Diversions away from the Red Sea kept voyage times from Asia about {i3} days longer than in 2023."),
    (None, "{carrier} moved its Mediterranean hub from {port} to {port2}, taking about {k} TEU a month with it."),
    (None, "Bunker prices averaged {k} dollars a tonne in the {q}."),
    (None, "Exports of machinery and chemicals through {port} weakened in the {q}."),
]
T["outlook"] = [
    (None, "We expect container volumes across the Northern Range to grow by {p} percent in 2026."),
    (None, "Rail capacity remains the main constraint on hinterland growth, especially on {corridor}."),
    (None, "{port} will bring new quay capacity into service in {y2}, which should ease berth congestion."),
    (None, "Labour negotiations in several ports in the first half of 2026 are the main risk to this outlook."),
    (None, "Warehouse rents are likely to rise further in {hub}, where land is scarce."),
    (None, "A return of container services to the Red Sea would release capacity and push freight rates down."),
    (None, "Energy prices and emissions costs will keep pressure on margins in {segment}."),
    (None, "Air cargo should grow faster than sea freight again, led by e-commerce flows into {airport}."),
]
T["general"] = [
    (None, "These figures are based on data from the port authorities and terminal operators, checked against our own survey."),
    (None, "The comparison with the previous year is affected by the strikes of the spring of 2024."),
    (None, "Figures for the fourth quarter are preliminary and may be revised in the next edition."),
    (None, "Seasonal effects were weaker than usual, and monthly volumes varied less than in previous years."),
    (None, "Customers we interviewed in the {q} were more optimistic than a year ago."),
    (None, "Data for the charts in this section are listed in Appendix C."),
    (None, "We discuss the financial consequences in Chapter 11."),
    (None, "As in previous editions, container volumes are given in twenty-foot equivalent units."),
    (None, "Interviews with shippers and forwarders confirm the trend."),
    (None, "The figures exclude empty repositioning by rail unless stated otherwise."),
]
RELATED = {
    "port_volume": ["market", "port_quay", "port_finance"], "port_quay": ["port_volume", "port_yard", "labour"],
    "port_yard": ["port_quay", "port_gate"], "port_gate": ["road", "rail", "barge", "port_yard"],
    "port_finance": ["finance", "port_volume"], "rail": ["road", "barge", "port_gate"], "barge": ["rail", "port_gate"],
    "road": ["rail", "port_gate", "warehouse"], "air": ["market", "warehouse"], "warehouse": ["road", "air"],
    "labour": ["port_quay", "port_yard"], "energy": ["port_quay", "finance"], "customs": ["port_gate", "market"],
    "risk": ["market"], "finance": ["port_finance", "energy"], "market": ["port_volume", "risk"],
    "outlook": ["market", "finance", "rail", "warehouse"],
}
SUBTOPIC_TITLES = {"port_volume": "volumes and market share", "port_quay": "quay, berths and cranes",
                   "port_yard": "yard and storage", "port_gate": "gates and hinterland links",
                   "port_finance": "finances and investment"}

# --- numbers ---------------------------------------------------------------------------------------


def number(rng, field):
    if field in ("p", "p3"):
        return "%.1f" % rng.uniform(0.6, 14.8)
    if field == "p2":
        return "%.1f" % rng.uniform(15, 62)
    if field == "P":
        return str(rng.randint(61, 97))
    if field in ("i", "i2"):
        return str(rng.randint(4, 38))
    if field == "i3":
        return str(rng.randint(2, 12))
    if field == "k":
        return "{:,}".format(rng.randint(1200, 98000))
    if field == "M":
        return "%.2f" % rng.uniform(0.45, 14.6)
    if field in ("d", "d2"):
        return "%.1f" % rng.uniform(1.2, 7.9)
    if field == "d3":
        return "%.1f" % rng.uniform(0.3, 1.4)
    if field == "m":
        return str(rng.randint(24, 140))
    if field == "dec":
        return "%.2f" % rng.uniform(0.05, 0.55)
    if field == "y":
        return str(rng.randint(2018, 2023))
    if field == "y2":
        return str(rng.randint(2026, 2029))
    if field == "q":
        return rng.choice(QUARTERS)
    if field == "mo":
        return rng.choice(MONTHS)
    if field == "age":
        return str(rng.randint(39, 51))
    raise KeyError(field)


def fill(rng, template, focus):
    """The template with its places and numbers, and the places used (None when it would restate a fact)."""
    quantity, text = template
    values, places = {}, []

    def place(kind):
        if kind in values:
            return values[kind]
        base = kind.rstrip("2")
        if kind == "terminal":
            v = rng.choice(TERMINALS[place("port")])
        elif kind == base and base in focus:
            v = focus[base]
        else:  # another one than the page's and than those already in the sentence
            taken = {focus.get(base)} | {values[k] for k in values if k.rstrip("2") == base}
            v = rng.choice([c for c in POOLS[base] if c not in taken])
        values[kind] = v
        places.append(v)
        return v

    def repl(m):
        field = m.group(1)
        base = field.rstrip("2")
        if base in POOLS or field == "terminal":
            return place(field)
        if field not in values:
            values[field] = number(rng, field)
        return values[field]

    out = re.sub(r"\{(\w+)\}", repl, text)
    if quantity:
        for v in places:
            if (v, quantity) in FORBIDDEN:
                return None
    out = out[0].upper() + out[1:]
    return out


def sentences(rng, topic, focus, count, used):
    out = []
    tries = 0
    while len(out) < count and tries < 200:
        tries += 1
        r = rng.random()
        t = topic if r < 0.72 else (rng.choice(RELATED.get(topic, ["general"])) if r < 0.92 else "general")
        pool = T[t]
        template = rng.choice(pool)
        if template[1] in used:
            continue
        s = fill(rng, template, focus)
        if s is None:
            continue
        used.add(template[1])
        out.append(s)
    return out

# --- layout ----------------------------------------------------------------------------------------


# Helvetica advance widths (per 1000 em) for ASCII 32..126, from the standard AFM.
HELV = [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584]


def text_width(s, size, bold=False):
    w = sum(HELV[ord(c) - 32] if 32 <= ord(c) < 127 else 556 for c in s)
    return w * size / 1000.0 * (1.06 if bold else 1.0)


def wrap(text, size, width, bold=False):
    lines, line = [], ""
    for word in text.split():
        trial = word if not line else line + " " + word
        if text_width(trial, size, bold) <= width:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def pdf_string(s):
    assert all(32 <= ord(c) < 127 for c in s), s
    return "(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


class Page:
    def __init__(self, number, total, running_head):
        self.number = number
        self.ops = []
        self.y = BODY_TOP
        self.text(MARGIN_X, 752, TITLE + "  |  " + running_head, "F1", 8, 0.35)
        self.ops.append("0.6 G 0.5 w %d 746 m %d 746 l S" % (MARGIN_X, PAGE_W - MARGIN_X))
        self.text(MARGIN_X, 42, "Fictional data made by tests/long_report/generate_long_report.py", "F1", 7.5, 0.35)
        foot = "Page %d of %d" % (number, total)
        self.text(PAGE_W - MARGIN_X - text_width(foot, 8), 42, foot, "F1", 8, 0.2)

    def text(self, x, y, s, font="F1", size=10, grey=0.0):
        self.ops.append("BT /%s %.1f Tf %.2f g %.2f %.2f Td %s Tj ET" % (font, size, grey, x, y, pdf_string(s)))

    def room(self):
        return self.y - BODY_BOTTOM

    def heading(self, s, size=13):
        for line in wrap(s, size, BODY_W, True):
            self.y -= size + 4
            self.text(MARGIN_X, self.y, line, "F2", size)
        self.y -= 8

    def paragraph(self, s, size=10, leading=13.6):
        lines = wrap(s, size, BODY_W)
        if len(lines) * leading > self.room():
            return False
        for line in lines:
            self.y -= leading
            self.text(MARGIN_X, self.y, line, "F1", size)
        self.y -= 7
        return True

    def table(self, caption, header, rows, widths):
        need = (len(rows) + 3) * 14 + 16
        if need > self.room():
            return False
        self.y -= 14
        self.text(MARGIN_X, self.y, caption, "F2", 9.5)
        self.y -= 6
        self.ops.append("0 G 0.6 w %d %.2f m %d %.2f l S" % (MARGIN_X, self.y, PAGE_W - MARGIN_X, self.y))
        for r, row in enumerate([header] + rows):
            self.y -= 14
            x = MARGIN_X
            for c, cell in enumerate(row):
                if c == 0:
                    self.text(x, self.y, cell, "F2" if r == 0 else "F1", 9)
                else:  # numbers right-aligned in their column
                    self.text(x + widths[c] - text_width(cell, 9, r == 0) - 6, self.y, cell, "F2" if r == 0 else "F1", 9)
                x += widths[c]
            if r == 0:
                self.ops.append("0.5 G 0.4 w %d %.2f m %d %.2f l S" % (MARGIN_X, self.y - 4, PAGE_W - MARGIN_X, self.y - 4))
        self.ops.append("0 G 0.6 w %d %.2f m %d %.2f l S" % (MARGIN_X, self.y - 5, PAGE_W - MARGIN_X, self.y - 5))
        self.y -= 16
        return True

    def content(self):
        return ("\n".join(self.ops) + "\n").encode("latin-1")

# --- the report's plan -----------------------------------------------------------------------------


def plan():
    """[(kind, chapter number, chapter title, section title, topic, focus)] for every page."""
    pages = [("title", 0, "", "", None, {}), ("contents", 0, "Contents", "", None, {})]
    chapters = []

    def chapter(title, sections):
        n = len(chapters) + 1
        chapters.append((n, title, len(pages) + 1))
        for i, (section, topic, focus) in enumerate(sections):
            pages.append(("chapter" if i == 0 else "body", n, title, "%d.%d %s" % (n, i + 1, section), topic, focus))

    chapter("Executive summary", [("Summary", t, {}) for t in ("market", "port_volume", "outlook")])
    chapter("Market overview", [(s, "market", {}) for s in (
        "Demand and trade flows", "Freight rates", "Carriers and alliances", "Fleet and orderbook",
        "Schedule reliability", "Red Sea diversions", "Transshipment hubs", "Quarterly volumes")])
    secs = []
    for port in PORTS:
        for sub in ("port_volume", "port_quay", "port_yard", "port_gate", "port_finance"):
            secs.append(("%s: %s" % (port, SUBTOPIC_TITLES[sub]), sub, {"port": port}))
    chapter("Port terminals", secs)
    secs = [("Rail to %s" % h, "rail", {"hub": h}) for h in ("Duisburg", "Venlo", "Leipzig", "Basel", "Mannheim",
                                                             "Poznan", "Melzo", "Zaragoza")]
    secs += [("Barge traffic on the %s" % r, "barge", {"river": r, "hub": RIVERS[r][0]}) for r in RIVERS]
    secs += [("Road haulage around %s" % h, "road", {"hub": h}) for h in ("Duisburg", "Lyon", "Lodz", "Tilburg",
                                                                        "Vienna", "Linz")]
    chapter("Hinterland: rail, barge and road", secs)
    chapter("Air cargo", [("%s" % a, "air", {"airport": a}) for a in AIRPORTS])
    chapter("Warehousing and inland hubs", [("Logistics property in %s" % h, "warehouse", {"hub": h}) for h in (
        "Venlo", "Tilburg", "Duisburg", "Leipzig", "Lodz", "Poznan", "Lyon", "Zaragoza", "Melzo", "Budapest")])
    chapter("Labour", [("Labour relations at %s" % p, "labour", {"port": p}) for p in (
        "Rotterdam", "Antwerp", "Hamburg", "Genoa", "Le Havre", "Piraeus", "Felixstowe", "Valencia")])
    chapter("Energy and emissions", [("Energy at %s" % p, "energy", {"port": p}) for p in (
        "Rotterdam", "Antwerp", "Hamburg", "Bremerhaven", "Le Havre", "Valencia", "Algeciras", "Genoa", "Gdansk",
        "Trieste")])
    chapter("Customs and regulation", [("Customs in %s" % c, "customs", {"country": c}) for c in (
        "Belgium", "Germany", "the Netherlands", "France", "Spain", "Italy", "Poland", "Greece")])
    chapter("Risk and insurance", [("Shipping risk: %s" % r, "risk", {"route": r}) for r in (
        "the Black Sea", "the Red Sea", "the Strait of Hormuz", "the Gulf of Guinea", "the Suez Canal",
        "the Baltic approaches")])
    chapter("Financial results", [("Group results", "finance", {})] + [("Segment: %s" % s, "finance", {"segment": s})
                                                                       for s in SEGMENTS] + [("Cash flow and debt", "finance", {})])
    chapter("Outlook", [(s, "outlook", {}) for s in ("Volumes in 2026", "Capacity", "Costs and margins", "Risks")])
    chapter("Appendices", [("A. Methodology", "appendix_method", {}), ("B. Glossary", "appendix_glossary", {}),
                           ("C. Port statistics", "appendix_table", {})])
    return pages, chapters


GLOSSARY = [
    ("TEU", "twenty-foot equivalent unit, the standard measure of container volume; a forty-foot box counts as two."),
    ("Reefer", "a refrigerated container with its own cooling unit, plugged into the terminal's power supply."),
    ("Ship-to-shore crane", "the large gantry crane on the quay that lifts containers on and off vessels."),
    ("Dwell time", "the time a container spends in the terminal yard between discharge and gate-out."),
    ("Transshipment", "a container moved from one vessel to another at a hub port, without leaving the terminal."),
    ("EBITDA", "earnings before interest, taxes, depreciation and amortisation."),
    ("Margin", "a profit measure divided by revenue, in percent."),
    ("Single window", "one electronic point where traders file all the declarations a shipment needs."),
    ("War-risk premium", "an additional insurance premium charged for voyages through areas listed as high risk."),
    ("Widebody", "an aircraft with two aisles; widebody freighters carry main-deck pallets of up to 3 metres."),
    ("Shore power", "electricity supplied to a vessel at berth so that it can switch off its auxiliary engines."),
    ("Blank sailing", "a scheduled departure that a carrier cancels."),
    ("Modal share", "the share of containers carried by one mode of transport: rail, barge or road."),
    ("Vacancy rate", "the share of existing warehouse space that is available to let."),
]
METHOD = [
    "This review covers the twelve largest container ports of the Northern Range and the Mediterranean, their "
    "inland connections by rail, barge and road, the main cargo airports, and the logistics property markets "
    "around the inland hubs. All company names and all figures in it are fictional.",
    "Port volumes are reported by the port authorities. Where a port publishes only monthly totals, we add them up "
    "and round the result. Terminal productivity, dwell times and truck turnaround are taken from the operators' "
    "own reporting and from our survey of shipping lines and hauliers in the fourth quarter.",
    "Financial figures for the segments follow the group's internal reporting and are unaudited. Margins are "
    "calculated on revenue after the elimination of internal sales between segments.",
    "Warehouse rents, vacancy and yields come from the property agents active in each market and are compared "
    "with our own count of new buildings completed in the year.",
    "Questions about the definitions used in this review can be answered with the glossary in Appendix B.",
]


def body_page(rng, page, topic, focus, section, fact):
    used = set()
    page.heading(section, 12.5)
    n_paras = rng.randint(4, 6)
    for i in range(n_paras):
        count = rng.randint(3, 6)
        sents = sentences(rng, topic, focus, count, used)
        if fact and i == 1:
            sents.insert(min(1, len(sents)), fact["text"])
        text = " ".join(sents)
        if not page.paragraph(text):
            if fact and i <= 1:
                raise RuntimeError("the fact does not fit on its page")
            break
        if i == 1 and topic == "port_volume" and "port" in focus and rng.random() < 0.9:
            port = focus["port"]
            rows = [["Vessel calls", str(rng.randint(800, 4200)), str(rng.randint(800, 4200))],
                    ["Average call size (moves)", "{:,}".format(rng.randint(900, 3400)), "{:,}".format(rng.randint(900, 3400))],
                    ["Berth utilisation (percent)", str(rng.randint(55, 92)), str(rng.randint(55, 92))],
                    ["Rail share of hinterland (percent)", "%.1f" % rng.uniform(5, 45), "%.1f" % rng.uniform(5, 45)]]
            page.table("Table: %s key figures" % port, ["", "2024", "2025"], rows, [300, 84, 84])
    # Fill the rest of the page with shorter paragraphs when there is room.
    while page.room() > 80:
        sents = sentences(rng, topic, focus, rng.randint(2, 3), used)
        if not sents or not page.paragraph(" ".join(sents)):
            break


def build_pages(rng):
    layout, chapters = plan()
    total = len(layout)
    facts_at = {}
    for f in FACTS:
        for n, (kind, ch, chapter_title, section, topic, focus) in enumerate(layout, start=1):
            if topic == f["topic"] and focus.get(next(iter(f["focus"]))) == next(iter(f["focus"].values())):
                facts_at[n] = f
                f["page"] = n
                break
        else:
            raise RuntimeError("no page for " + f["id"])
    scans = sorted([f["page"] for f in FACTS if f.get("scanned")]
                   + [n for n, p in enumerate(layout, start=1) for t, fo in EXTRA_SCANS if p[4] == t and p[5] == fo])
    pages = []
    for n, (kind, ch, chapter_title, section, topic, focus) in enumerate(layout, start=1):
        page = Page(n, total, "Chapter %d: %s" % (ch, chapter_title) if ch else (chapter_title or "Cover"))
        if kind == "title":
            page.y = 560
            page.heading(TITLE, 24)
            page.paragraph("Container ports, hinterland transport, air cargo, logistics property, labour, energy, "
                           "customs, risk and the financial results of the Northern Range Logistics Group.", 12, 16)
            page.y -= 30
            page.paragraph("Annual review, edition of February 2026. Prepared with the Leopard Desk long-report "
                           "generator; every company, person and figure in it is fictional.", 10)
        elif kind == "contents":
            page.heading("Contents", 16)
            for num, title, first in chapters:
                line = "%d  %s" % (num, title)
                page.y -= 18
                page.text(MARGIN_X, page.y, line, "F1", 11)
                pn = str(first)
                page.text(PAGE_W - MARGIN_X - text_width(pn, 11), page.y, pn, "F1", 11)
            page.y -= 20
            page.paragraph("Chapter 3 covers each port on five pages: volumes and market share; quay, berths and "
                           "cranes; yard and storage; gates and hinterland links; finances and investment.")
        elif topic == "appendix_glossary":
            page.heading("%d %s" % (ch, chapter_title), 16)
            page.heading(section, 12.5)
            for term, meaning in GLOSSARY:
                page.paragraph("%s: %s" % (term, meaning))
        elif topic == "appendix_method":
            page.heading(section, 12.5)
            for para in METHOD:
                page.paragraph(para)
        elif topic == "appendix_table":
            page.heading(section, 12.5)
            page.paragraph("Berth utilisation, average import dwell and the rail share of hinterland transport in "
                           "2025, by port, as reported to us in the fourth-quarter survey.")
            rows = [[p, str(rng.randint(58, 93)), "%.1f" % rng.uniform(2.1, 6.8), "%.1f" % rng.uniform(4, 46)] for p in PORTS]
            page.table("Table C.1: port statistics, 2025", ["Port", "Berth use (%)", "Dwell (days)", "Rail share (%)"],
                       rows, [180, 96, 96, 96])
        else:
            if kind == "chapter":
                page.heading("%d %s" % (ch, chapter_title), 16)
            body_page(rng, page, topic, focus, section, facts_at.get(n))
        pages.append(page)
    return pages, scans

# --- the PDF ---------------------------------------------------------------------------------------


def write_pdf(path, contents, images):
    """contents: one content stream (bytes) per page; images: {page index: (width, height, grey bytes)}."""
    objects = [None, None,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
               ("<< /Title %s /Producer (generate_long_report.py) >>" % pdf_string(TITLE)).encode("latin-1")]
    kids = []
    for i, content in enumerate(contents):
        resources = "/Font << /F1 3 0 R /F2 4 0 R >>"
        if i in images:
            w, h, data = images[i]
            z = zlib.compress(data, 6)
            objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                           b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (w, h, len(z)) + z + b"\nendstream")
            resources = "/XObject << /Im0 %d 0 R >>" % len(objects)
        z = zlib.compress(content, 6)
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(z) + z + b"\nendstream")
        content_id = len(objects)
        objects.append(("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << %s >> /Contents %d 0 R >>"
                        % (PAGE_W, PAGE_H, resources, content_id)).encode("latin-1"))
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = ("<< /Type /Pages /Count %d /Kids [%s] >>" % (len(kids), " ".join("%d 0 R" % k for k in kids))).encode("latin-1")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)


def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:  # magic, width, height, maxval, separated by whitespace
        while data[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    if fields[0] != b"P5" or fields[3] != b"255":
        raise RuntimeError("unexpected PGM from pdftoppm: %r" % fields)
    w, h = int(fields[1]), int(fields[2])
    return w, h, bytearray(data[pos + 1:pos + 1 + w * h])


def scan_look(rng, w, h, pixels):
    """Paper tone and toner instead of pure white and black, dust specks, a shadow at the scanner's edge."""
    table = bytes(int(20 + v * (229 / 255.0)) for v in range(256))
    pixels = bytearray(pixels.translate(table))
    for _ in range(1800):
        x, y = rng.randrange(1, w - 1), rng.randrange(1, h - 1)
        v = rng.randint(70, 170)
        pixels[y * w + x] = v
        if rng.random() < 0.3:
            pixels[y * w + x + 1] = v
    shade = bytes(int(110 + 139 * (i / 24.0)) for i in range(24))
    for y in range(h):
        row = y * w
        pixels[row:row + 24] = bytes(min(a, b) for a, b in zip(shade, pixels[row:row + 24]))
    return pixels


def scan_content(rng):
    angle = math.radians(rng.choice([-1, 1]) * rng.uniform(0.4, 1.1))
    c, s = math.cos(angle), math.sin(angle)
    cx, cy = PAGE_W / 2.0, PAGE_H / 2.0
    e = cx - (cx * c - cy * s)
    f = cy - (cx * s + cy * c)
    return ("q 0.90 g 0 0 %d %d re f Q\nq %.5f %.5f %.5f %.5f %.4f %.4f cm /Im0 Do Q\n"
            % (PAGE_W, PAGE_H, PAGE_W * c, PAGE_W * s, -PAGE_H * s, PAGE_H * c, e, f)).encode("latin-1")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="folder for long-report.pdf and long-report.expected.json")
    args = ap.parse_args()
    if not shutil.which("pdftoppm"):
        sys.exit("generate_long_report.py: pdftoppm (poppler-utils) is needed")
    started = time.time()
    rng = random.Random(SEED)
    pages, scans = build_pages(rng)
    os.makedirs(args.out, exist_ok=True)
    images = {}
    with tempfile.TemporaryDirectory() as tmp:
        # The scanned pages, printed: their text pages alone, rendered to grey pixels.
        printed = os.path.join(tmp, "printed.pdf")
        write_pdf(printed, [pages[n - 1].content() for n in scans], {})
        subprocess.run(["pdftoppm", "-r", str(SCAN_DPI), "-gray", printed, os.path.join(tmp, "scan")], check=True)
        rendered = sorted((f for f in os.listdir(tmp) if f.endswith(".pgm")), key=lambda f: int(re.findall(r"\d+", f)[-1]))
        if len(rendered) != len(scans):
            raise RuntimeError("pdftoppm rendered %d pages, expected %d" % (len(rendered), len(scans)))
        for n, name in zip(scans, rendered):
            w, h, pixels = read_pgm(os.path.join(tmp, name))
            images[n - 1] = (w, h, bytes(scan_look(rng, w, h, pixels)))
    contents = [scan_content(rng) if i in images else p.content() for i, p in enumerate(pages)]
    pdf = os.path.join(args.out, PDF_NAME)
    write_pdf(pdf, contents, images)
    expected = {
        "generator": "tests/long_report/generate_long_report.py",
        "seed": SEED,
        "file": PDF_NAME,
        "title": TITLE,
        "pages": len(pages),
        "pageSizePoints": [PAGE_W, PAGE_H],
        "scannedPages": scans,
        "facts": [{"id": f["id"], "page": f["page"], "scanned": bool(f.get("scanned")), "text": f["text"],
                   "phrase": f["phrase"], "question": f["question"]} for f in FACTS],
    }
    with open(os.path.join(args.out, JSON_NAME), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print("generate_long_report.py: %s, %d pages (scanned: %s), %d facts, %.1f s"
          % (pdf, len(pages), ", ".join(map(str, scans)), len(FACTS), time.time() - started))


if __name__ == "__main__":
    main()
