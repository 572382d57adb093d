"""Users extend the shipped vocabularies from their own folder ($EVENTLEDGER_DATA), without editing
the installed package. Run in a fresh process: the tables are read once per process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = """
import json
from eventledger.knowledge.actors import normalize
from eventledger.knowledge.gazetteer import geocode
loc = geocode("Pinga", ("CD",))
actor = normalize("the Wazalendo militias")
print(json.dumps({"place": loc and [loc.name, loc.country_code, loc.precision],
                  "actor": [actor.name, actor.inter_code] if actor else None}))
"""


def _probe(extra_dir=None) -> dict:
    env = dict(os.environ)
    env.pop("EVENTLEDGER_DATA", None)
    if extra_dir is not None:
        env["EVENTLEDGER_DATA"] = str(extra_dir)
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_user_rows_add_places_and_actors(tmp_path):
    (tmp_path / "gazetteer").mkdir()
    (tmp_path / "gazetteer" / "regions.csv").write_text(
        "# a town the GeoNames table of 1,000+ people lacks\n"
        "name,aliases,country_code,lat,lon,feature\n"
        "Pinga,,CD,-0.99,28.69,city\n", "utf-8")
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "actors.csv").write_text(
        "name,aliases,actor_type,inter_code,country\n"
        "Wazalendo,Wazalendo militias;the Wazalendo,Identity militia,4,Democratic Republic of Congo\n", "utf-8")
    before, after = _probe(), _probe(tmp_path)
    assert before["place"] is None
    assert after["place"] == ["Pinga", "CD", 1]
    assert after["actor"] == ["Wazalendo", 4]
    assert before["actor"] != after["actor"]
