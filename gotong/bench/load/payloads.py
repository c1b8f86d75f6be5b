"""The field submissions the load test sends, built from BENCH_FIELD (`gotong.bench.load.field`).

No Django here: locust imports this module in its own process. Every call gives a fresh key (field app) or a
fresh instanceID (ODK), so each request books a new deposit, as a new entry from a phone would.
"""

import random
import uuid
from datetime import date

# What ODK Collect writes for the deposit form (gotong/odk/xlsforms/setoran_sampah.md).
DEPOSIT_XML = (
    '<?xml version=\'1.0\' ?><data id="gotong_setoran_sampah" version="{version}" '
    'xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms"><member>{member}</member>'
    "<bank>{bank}</bank><member_name>bench</member_name><occurred_on>{day}</occurred_on>{lines}"
    "<meta><instanceID>uuid:{instance}</instanceID><instanceName>bench {day}</instanceName></meta></data>"
)


def _lines(field: dict, rng: random.Random) -> list[tuple[int, str]]:
    categories = rng.sample(field["categories"], k=min(2, len(field["categories"])))
    return [(category, f"{rng.randint(5, 500) / 100:.2f}") for category in categories]


def sync_deposit(field: dict, rng: random.Random, day: date) -> dict:
    """The body the field app POSTs to /api/v1/lapangan/kiriman/ for one queued deposit."""
    return {
        "kind": "deposit",
        "key": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "payload": {
            "member": rng.choice(field["members"]),
            "occurred_on": day.isoformat(),
            "lines": [{"category": category, "kg": kg} for category, kg in _lines(field, rng)],
        },
    }


def odk_deposit(field: dict, rng: random.Random, day: date) -> bytes:
    """The XForm instance ODK Collect uploads for one deposit."""
    lines = "".join(
        f"<line><category>{category}</category><weight_kg>{kg}</weight_kg></line>"
        for category, kg in _lines(field, rng)
    )
    return DEPOSIT_XML.format(version=field["odk_version"], member=rng.choice(field["members"]), bank=field["bank"],
                              day=day.isoformat(), lines=lines,
                              instance=uuid.UUID(int=rng.getrandbits(128), version=4)).encode()  # fmt: skip
