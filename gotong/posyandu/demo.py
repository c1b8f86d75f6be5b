"""Demo data: Posyandu Melati (Belawan Bahari, 12.71.08.1004) and Posyandu Mawar (Tanjung Mulia Hilir,
12.71.06.1002) with about twenty under-fives each, twelve monthly sessions up to this month and deterministic
weighings along WHO-shaped trajectories: most children near the median, a few stunted, a few wasted, one
below the red line, a few whose weight stalls (T, then 2T) and a few who miss a month (O).

Children are the registry's 0–59-month-olds in those villages; when there are too few, children are added to
demo households through `gotong.registry.services`. Everything goes through this module's services, so
z-scores and N/T are computed exactly as for real entries. `load_posyandu_demo(acting_user)` is idempotent.
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from gotong.core.area_codes import district_code
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.models import Organization
from gotong.posyandu import growth, services
from gotong.posyandu.dates import add_months, five_years_before, month_start
from gotong.posyandu.demo_immunisation import load_immunisation_demo
from gotong.posyandu.demo_pregnancy import load_pregnancy_demo
from gotong.posyandu.demo_services import load_day_demo
from gotong.posyandu.models import Child, Session, Weighing
from gotong.registry.models import Household, Person
from gotong.registry.nik import compose_nik
from gotong.registry.services import save_person

POSYANDUS = (("Posyandu Melati", "12.71.08.1004"), ("Posyandu Mawar", "12.71.06.1002"))
CHILDREN_PER_POSYANDU = 20
SESSIONS = 12
SESSION_DAY = 10
SEED = 2020  # the year of Permenkes 2/2020

GIRL_NAMES = ("Aisyah", "Nabila", "Putri", "Zahra", "Salsabila", "Keisha", "Nur", "Syifa", "Rahma", "Alya")
BOY_NAMES = ("Rizky", "Fadli", "Arkan", "Dimas", "Raffi", "Bima", "Farel", "Hafiz", "Ilham", "Yusuf")


def _posyandu(name: str, village_code: str) -> Organization | None:
    return Organization.objects.filter(
        Q(area_code=village_code) | Q(area_code__startswith=f"{village_code}."),
        name=name,
        kind=OrganizationKind.POSYANDU,
    ).first()


def _under_fives(village_code: str, today: datetime.date):
    return Person.objects.filter(
        Q(area_code=village_code) | Q(area_code__startswith=f"{village_code}."),
        birth_date__gt=five_years_before(today) + datetime.timedelta(days=60),
        birth_date__lte=today,
    ).order_by("birth_date", "nik")


def _add_children(village_code: str, missing: int, today: datetime.date, rng: random.Random, acting_user) -> None:
    """Newborns and toddlers for households with a woman of child-bearing age, via the registry service."""
    households = list(
        Household.objects.filter(Q(area_code=village_code) | Q(area_code__startswith=f"{village_code}."))
        .filter(
            members__sex="P",
            members__relationship__in=("kepala", "pasangan"),
            members__birth_date__gt=today - datetime.timedelta(days=int(42 * 365.25)),
            members__birth_date__lt=today - datetime.timedelta(days=int(18 * 365.25)),
        )
        .distinct()
        .order_by("family_card_number")
    )
    for index in range(missing):
        if not households:
            return
        household = households[index % len(households)]
        sex = "P" if index % 2 else "L"
        birth = today - datetime.timedelta(days=45 + (index * 97) % 1700)
        first = (GIRL_NAMES if sex == "P" else BOY_NAMES)[index % 10]
        head = household.head
        surname = head.name.split()[-1] if head else ""
        person = Person(
            household=household, name=f"{first} {surname}".strip(), sex=sex, birth_date=birth, relationship="anak"
        )
        district = district_code(village_code)
        for serial in range(9000 + index, 9999):
            nik = compose_nik(district, birth, sex, serial)
            if not Person.objects.filter(nik=nik).exists():
                person.nik = nik
                break
        save_person(person, acting_user=acting_user)


def _profile(index: int) -> dict:
    """A child's path: WAZ and HAZ it grows along, and what goes wrong, fixed by its place in the list."""
    rng = random.Random(SEED + index)
    profile = {
        "waz": rng.uniform(-1.3, 0.8),
        "haz": rng.uniform(-1.5, 0.9),
        "stall": False,
        "skip": None,
        "card": index % 9 != 4,
        "wasted": False,
    }
    kind = index % 10
    if kind == 3:  # stunted
        profile["haz"] = rng.uniform(-3.4, -2.3)
        profile["waz"] = rng.uniform(-2.6, -1.8)
    elif kind == 6:  # wasted in the last months
        profile["wasted"] = True
    elif kind == 8:  # weight stalls for the last three months: T then 2T
        profile["stall"] = True
    elif kind == 9:  # misses one month
        profile["skip"] = 1 + index % 5
    if index == 13:  # below the red line
        profile["waz"], profile["haz"] = -3.3, -2.8
    return profile


def _measure(child: Child, profile: dict, age_days: int, months_left: int) -> tuple[Decimal, Decimal]:
    sex = child.sex_code
    length = growth.age_lms("lhfa", sex, age_days).value_at(profile["haz"])
    weight = growth.age_lms("wfa", sex, age_days).value_at(profile["waz"])
    if profile["wasted"] and months_left < 3:
        table = "wfl" if age_days < growth.HEIGHT_FROM_DAYS else "wfh"
        lms = growth.length_lms(table, sex, round(length, 1))
        if lms is not None:
            weight = lms.value_at(-2.6)
    return Decimal(f"{weight:.2f}"), Decimal(f"{length:.1f}")


@transaction.atomic
def load_posyandu_demo(acting_user) -> list[Child]:
    today = timezone.localdate()
    rng = random.Random(SEED)
    first_month = add_months(month_start(today), -(SESSIONS - 1))
    children: list[Child] = []
    for name, village_code in POSYANDUS:
        posyandu = _posyandu(name, village_code)
        if posyandu is None:  # the core demo (organisations) was not loaded
            continue
        sessions = []
        for step in range(SESSIONS):
            month = add_months(first_month, step)
            session = Session.objects.filter(posyandu=posyandu, month=month).first()
            if session is None:
                session = services.open_session(
                    posyandu=posyandu,
                    held_on=month.replace(day=SESSION_DAY),
                    place=posyandu.address,
                    acting_user=acting_user,
                )
            sessions.append(session)
        candidates = list(_under_fives(village_code, today))
        missing = CHILDREN_PER_POSYANDU - len(candidates)
        if missing > 0 and not Child.objects.filter(posyandu=posyandu).exists():
            _add_children(village_code, missing, today, rng, acting_user)
            candidates = list(_under_fives(village_code, today))
        for person in candidates[:CHILDREN_PER_POSYANDU]:
            child = Child.objects.filter(person=person).first()
            if child is None:
                registered = max(person.birth_date, first_month)
                child = services.register_child(
                    posyandu=posyandu, person=person, registered_on=registered, acting_user=acting_user
                )
            children.append(child)
        for index, child in enumerate(c for c in children if c.posyandu_id == posyandu.pk):
            _weigh(child, sessions, _profile(index + (0 if name.endswith("Melati") else 20)), today, acting_user)
        load_pregnancy_demo([posyandu], acting_user)
    load_day_demo(children, acting_user)  # vitamin A, deworming, PMT and the latest day's tables
    load_immunisation_demo(children, acting_user)
    return children


def _weigh(child: Child, sessions: list[Session], profile: dict, today: datetime.date, acting_user) -> None:
    done = set(Weighing.objects.filter(child=child).values_list("month", flat=True))
    for position, session in enumerate(sessions):
        months_left = len(sessions) - 1 - position
        if session.held_on > today or session.month in done or session.held_on < child.person.birth_date:
            continue
        if session.held_on < child.registered_on or months_left == profile["skip"]:
            continue
        age_days = (session.held_on - child.person.birth_date).days
        if age_days / growth.DAYS_PER_MONTH >= growth.MAX_AGE_MONTHS:
            continue
        weight, length = _measure(child, profile, age_days, months_left)
        before = sessions[-4].held_on
        if profile["stall"] and months_left < 3 and (before - child.person.birth_date).days >= 9 * 30:
            # From nine months on: the weight of three sessions ago, held (T, 2T, 2T). Younger babies are
            # spared, a three-month stall there would be an emergency, not a demo.
            weight, _length = _measure(child, profile, (before - child.person.birth_date).days, 3)
        age_ok_standing = age_days >= growth.HEIGHT_FROM_DAYS
        services.record_weighing(
            child=child,
            session=session,
            weight_kg=weight,
            length_cm=length,
            measure="standing" if age_ok_standing else "lying",
            growth_card=profile["card"],
            acting_user=acting_user,
        )
