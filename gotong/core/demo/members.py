"""Who from the synthetic registry serves in which organisation, chosen deterministically."""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from gotong.core.demo.people import REFERENCE_DATE, HouseholdSpec, PersonSpec
from gotong.core.demo.places import CEMPAKO_RT, KAMPUNG_BUGIS, SEED
from gotong.organizations.choices import MemberRole as R
from gotong.organizations.models import Membership, Organization


@dataclass(frozen=True)
class Resident:
    person: PersonSpec
    household: HouseholdSpec
    area: str  # the RT code
    age: int


def _residents(specs: list[HouseholdSpec]) -> list[Resident]:
    residents = []
    for h in specs:
        area = f"{h.village.code}.{h.rw:03d}.{h.rt:03d}"
        residents.extend(Resident(p, h, area, p.age_on(REFERENCE_DATE)) for p in h.members)
    return residents


def _adults(residents, area: str, *, sex: str | None = None, ages=(18, 65)) -> list[Resident]:
    return [
        r
        for r in residents
        if (r.area == area or r.area.startswith(f"{area}."))
        and ages[0] <= r.age <= ages[1]
        and (sex is None or r.person.sex == sex)
    ]


def pick_user_persons(specs: list[HouseholdSpec]) -> dict[str, Resident | None]:
    """The registry persons behind the `warga`, `bendahara` and `kader` demo logins."""
    residents = _residents(specs)
    in_rt = [r for r in residents if r.area == CEMPAKO_RT]
    warga = next((r for r in in_rt if r.person.relationship == "kepala"), None)
    others = [r for r in _adults(residents, CEMPAKO_RT) if r != warga]
    treasurer = next((r for r in others if r.person.sex == "P"), others[0] if others else None)
    cadres = _adults(residents, "12.71.08.1004", sex="P", ages=(22, 55))
    return {"warga": warga, "bendahara": treasurer, "kader": cadres[0] if cadres else None}


KSM_BOARD = ((R.CHAIR, 1, None, (25, 65)), (R.TREASURER, 1, None, (25, 65)), (R.MEMBER, 4, None, (18, 65)))
# Organisation key → where its people live and which roles to fill: (role, how many, sex, age range).
BOARDS = {
    "posyandu_melati": ("12.71.08.1004", ((R.CHAIR, 1, "P", (30, 55)), (R.CADRE, 4, "P", (20, 55)))),
    "posyandu_mawar": ("12.71.06.1002", ((R.CHAIR, 1, "P", (30, 55)), (R.CADRE, 3, "P", (20, 55)))),
    "bank_sampah": (
        "12.71.08.1006",
        ((R.CHAIR, 1, None, (30, 60)), (R.TREASURER, 1, "P", (25, 60)), (R.MANAGER, 2, None, (20, 60)),
         (R.MEMBER, 10, None, (18, 70))),
    ),
    "pemuda": (
        "12.71.08",
        ((R.CHAIR, 1, "L", (19, 30)), (R.SECRETARY, 1, None, (18, 30)), (R.MEMBER, 8, None, (16, 30))),
    ),
    "cempako": (
        CEMPAKO_RT,
        ((R.CHAIR, 1, None, (30, 65)), (R.SECRETARY, 1, None, (20, 60)), (R.MEMBER, 12, None, (18, 75))),
    ),
    "bkm_bugis": (
        KAMPUNG_BUGIS,
        ((R.CHAIR, 1, "L", (35, 65)), (R.SECRETARY, 1, None, (25, 60)), (R.TREASURER, 1, None, (25, 60)),
         (R.MEMBER, 5, None, (25, 70))),
    ),
    "ksm_jalan": (f"{KAMPUNG_BUGIS}.001", KSM_BOARD),
    "ksm_sanitasi": (f"{KAMPUNG_BUGIS}.006", KSM_BOARD),
    "tuah_tb": ("14.71", ((R.CHAIR, 1, None, (25, 55)), (R.MEMBER, 4, None, (20, 55)))),
}  # fmt: skip


def add_memberships(
    organizations: dict[str, Organization], specs: list[HouseholdSpec], person_ids: dict[str, int], taken: set[str]
) -> None:
    """Fill the boards of the community organisations with registry persons."""
    rng = random.Random(f"{SEED}-members")
    residents = _residents(specs)
    for key, (area, seats) in BOARDS.items():
        used = set(taken)
        for role, count, sex, ages in seats:
            pool = [r for r in _adults(residents, area, sex=sex, ages=ages) if r.person.nik not in used]
            for resident in rng.sample(pool, min(count, len(pool))):
                used.add(resident.person.nik)
                started = date(2019, 1, 7) + timedelta(days=rng.randint(0, 5 * 365))
                Membership.objects.get_or_create(
                    organization=organizations[key],
                    person_id=person_ids[resident.person.nik],
                    role=role,
                    defaults={"started_on": started},
                )
