"""Deterministic demo data for the four seed cities: places, households, organisations and one login per role.

`load_demo` is idempotent: when the demo data are already there (see `demo_loaded`) it writes nothing.
"""

from dataclasses import dataclass, field

from auditlog.context import set_actor
from django.db import transaction

from gotong.accounts.models import User
from gotong.areas.loading import load_areas
from gotong.core.demo.members import add_memberships, pick_user_persons
from gotong.core.demo.organizations import ensure_organizations
from gotong.core.demo.people import generate_households
from gotong.core.demo.places import CEMPAKO_RT, CITY_CODES, VILLAGES, ensure_places, missing_villages
from gotong.core.demo.store import store_households, taken_numbers
from gotong.core.demo.users import DEMO_PASSWORD, ensure_admin, ensure_users, login_rows
from gotong.organizations.models import Membership, Organization
from gotong.registry.models import Household

__all__ = [
    "DEFAULT_HOUSEHOLDS",
    "DEMO_PASSWORD",
    "MIN_HOUSEHOLDS",
    "DemoResult",
    "demo_loaded",
    "load_demo",
    "login_rows",
]

DEFAULT_HOUSEHOLDS = 3000
MIN_HOUSEHOLDS = len(VILLAGES)


@dataclass
class DemoResult:
    loaded: bool  # False when the demo data were already there and nothing was written
    households: int = 0
    persons: int = 0
    dwellings: int = 0
    organizations: int = 0
    memberships: int = 0
    users: int = 0
    logins: list[tuple[str, str, str, str]] = field(default_factory=list)


def demo_loaded() -> bool:
    """The demo's first family card (the generator always makes it first) or Kampung Sayur Cempako at its RT.

    Either is enough, so deleting one demo record later never makes a rerun load a second copy.
    """
    first = next(generate_households(MIN_HOUSEHOLDS))
    return (
        Household.objects.filter(family_card_number=first.family_card_number).exists()
        or Organization.objects.filter(name="Kampung Sayur Cempako", area_code=CEMPAKO_RT).exists()
    )


def load_demo(households: int = DEFAULT_HOUSEHOLDS, *, modules: bool = True) -> DemoResult:
    """Places, households, organisations and logins; then, unless `modules` is False, every module's demo."""
    if households < MIN_HOUSEHOLDS:
        raise ValueError(f"at least {MIN_HOUSEHOLDS} households, one per demo village")
    if demo_loaded():
        if modules:
            load_module_demos(ensure_admin())
        return DemoResult(loaded=False, logins=login_rows())
    before = _counts()
    with transaction.atomic():
        if missing_villages():  # so `gotong demo` also works before `gotong areas load`
            load_areas(list(CITY_CODES))
        admin = ensure_admin()
        with set_actor(admin):
            units = ensure_places()
            taken_niks, taken_kks = taken_numbers()
            specs = list(generate_households(households, taken_niks=taken_niks, taken_kks=taken_kks))
            person_ids = store_households(specs, units)
            organizations = ensure_organizations()
            residents = pick_user_persons(specs)
            ensure_users(admin, organizations, residents, person_ids)
            in_user_seats = {r.person.nik for r in residents.values() if r}
            add_memberships(organizations, specs, person_ids, in_user_seats)
        if modules:
            load_module_demos(admin)
    after = _counts()
    return DemoResult(
        loaded=True,
        households=len(specs),
        persons=sum(len(s.members) for s in specs),
        dwellings=sum(1 for s in specs if s.dwelling),
        **{key: after[key] - before[key] for key in after},
        logins=login_rows(),
    )


def load_module_demos(admin) -> None:
    """Each module's own demo records, on top of the places and people above; every loader is idempotent."""
    from gotong.activities.demo import load_activities_demo
    from gotong.casework.demo import load_casework_demo
    from gotong.collaboration.demo import load_collaboration_demo
    from gotong.collaboration.demo_partners import load_partners_demo
    from gotong.participation.demo import load_aspirations_demo
    from gotong.participation.demo_planning import load_planning_demo
    from gotong.posyandu.demo import load_posyandu_demo
    from gotong.programs.demo import load_programs_demo
    from gotong.slums.demo import load_slum_demo
    from gotong.socialcapital.demo import load_socialcapital_demo
    from gotong.treasury.demo import load_treasury_demo
    from gotong.wastebank.demo import load_wastebank_demo

    with transaction.atomic(), set_actor(admin):
        load_slum_demo(acting_user=admin)
        load_collaboration_demo(acting_user=admin)
        load_posyandu_demo(acting_user=admin)
        load_casework_demo(admin)
        load_wastebank_demo(acting_user=admin)
        load_treasury_demo(acting_user=admin)
        load_activities_demo(admin)
        load_programs_demo(admin)
        load_socialcapital_demo(acting_user=admin)
        # After the treasury and programs: partnerships read the cash-book aid and the registry's residents.
        load_partners_demo(acting_user=admin)
        load_aspirations_demo(admin)
        load_planning_demo(acting_user=admin)


def _counts() -> dict[str, int]:
    return {
        "organizations": Organization.objects.count(),
        "memberships": Membership.objects.count(),
        "users": User.objects.count(),
    }
