"""Deterministic synthetic households: the same seed gives the same families, numbers and houses every run.

Nothing here touches the database, so it can be tested and compared on its own. Family-card numbers follow the
Dukcapil layout (district code, issue date DDMMYY, 4-digit serial) and NIKs are built by `compose_nik` with a
serial unique per district, birth date and sex, so neither ever collides.
"""

import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from faker import Faker

from gotong.core.demo import traits
from gotong.core.demo.names import Family, NameMaker
from gotong.core.demo.places import CEMPAKO, SEED, VILLAGES, Village, household_quotas, village_units
from gotong.registry.choices import Relationship
from gotong.registry.nik import compose_nik

# Ages are counted from a fixed day so the data do not drift with the calendar (but never into the future).
REFERENCE_DATE = date(2026, 1, 1)


@dataclass
class PersonSpec:
    nik: str
    name: str
    sex: str
    birth_date: date
    relationship: str
    education: str
    occupation: str
    disability: str

    def age_on(self, day: date) -> int:
        return day.year - self.birth_date.year - ((day.month, day.day) < (self.birth_date.month, self.birth_date.day))


@dataclass
class HouseholdSpec:
    village: Village
    rw: int
    rt: int
    family_card_number: str
    address: str
    welfare_decile: int | None
    pkh_recipient: bool
    bpnt_recipient: bool
    consent_given_on: date | None
    members: list[PersonSpec] = field(default_factory=list)
    dwelling: dict | None = None

    @property
    def head(self) -> PersonSpec:
        return next(m for m in self.members if m.relationship == Relationship.HEAD)


class NumberBook:
    """Hands out NIK and KK serials, skipping numbers already taken (e.g. by real records)."""

    def __init__(self, taken_niks=(), taken_kks=()):
        self._taken = {"nik": set(taken_niks), "kk": set(taken_kks)}
        self._serial = defaultdict(int)

    def _next(self, kind: str, prefix: str, make) -> str:
        while True:
            self._serial[(kind, prefix)] += 1
            serial = self._serial[(kind, prefix)]
            if serial > 9999:
                raise ValueError(f"no {kind} serial left for {prefix}")
            number = make(serial)
            if number not in self._taken[kind]:
                self._taken[kind].add(number)
                return number

    def nik(self, district_code: str, birth_date: date, sex: str) -> str:
        prefix = f"{district_code}/{birth_date.isoformat()}/{sex}"
        return self._next("nik", prefix, lambda serial: compose_nik(district_code, birth_date, sex, serial))

    def family_card(self, district_code: str, issued: date) -> str:
        prefix = district_code.replace(".", "") + issued.strftime("%d%m%y")
        return self._next("kk", prefix, lambda serial: f"{prefix}{serial:04d}")


class HouseholdMaker:
    def __init__(self, book: NumberBook, today: date):
        self.rng = random.Random(SEED)
        fake = Faker("id_ID")
        fake.seed_instance(SEED)
        self.names = NameMaker(self.rng, fake)
        self.book = book
        self.today = today
        self._names_in_household: set[str] = set()

    def _birth(self, age: int) -> date:
        return self.today - timedelta(days=int(age * 365.25) + self.rng.randint(0, 364))

    def _person(self, village: Village, family: Family, sex: str, age: int, role: str, welfare) -> PersonSpec:
        rng, birth = self.rng, self._birth(age)
        name = self.names.name(family, sex, birth.year)
        for _retry in range(5):  # siblings do not share a name
            if name not in self._names_in_household:
                break
            name = self.names.name(family, sex, birth.year)
        self._names_in_household.add(name)
        return PersonSpec(
            nik=self.book.nik(village.district_code, birth, sex),
            name=name,
            sex=sex,
            birth_date=birth,
            relationship=role,
            education=traits.education(rng, age, welfare),
            occupation=traits.occupation(rng, age, sex, role, village, welfare),
            disability=traits.disability(rng, age),
        )

    def household(self, village: Village, rw: int, rt: int) -> HouseholdSpec:
        rng, city = self.rng, village.city
        self._names_in_household = set()
        welfare = traits.decile(rng)
        family = self.names.family(city)
        head_sex = "P" if rng.random() < 0.14 else "L"  # widows and divorced women head one KK in seven
        head_age = int(rng.triangular(22, 75, 38))
        members = [self._person(village, family, head_sex, head_age, Relationship.HEAD, welfare)]
        mother_age = head_age if head_sex == "P" else head_age - 3
        if head_sex == "L" and rng.random() < 0.9:
            mother_age = max(19, head_age - rng.randint(-2, 8))
            wife = self.names.spouse_family(city, family)
            members.append(self._person(village, wife, "P", mother_age, Relationship.SPOUSE, welfare))
        children = rng.choices(range(5), (8, 20, 32, 24, 16) if mother_age < 45 else (25, 30, 25, 13, 7))[0]
        oldest = min(mother_age - 18, 30)
        ages = sorted(rng.sample(range(oldest + 1), min(children, oldest + 1)), reverse=True) if oldest >= 0 else []
        for age in ages:
            members.append(self._person(village, family, rng.choice("LP"), age, Relationship.CHILD, welfare))
        if head_age < 55 and rng.random() < 0.1:  # an elderly parent moved in
            own = rng.random() < 0.5
            parent_sex = "P" if rng.random() < 0.7 else "L"
            parent_family = family if own and parent_sex == "L" else self.names.family(city)
            role = Relationship.PARENT if own else Relationship.PARENT_IN_LAW
            age = min(95, head_age + rng.randint(20, 32))
            members.append(self._person(village, parent_family, parent_sex, age, role, welfare))
        return self._finish(village, rw, rt, welfare, members)

    def _finish(self, village, rw, rt, welfare, members) -> HouseholdSpec:
        rng, today = self.rng, self.today
        youngest = max(m.birth_date for m in members)
        start = max(youngest, date(2012, 1, 1))
        issued = start + timedelta(days=rng.randint(0, max(0, (today - start).days - 1)))
        vulnerable = any(m.age_on(today) < 6 or m.age_on(today) >= 60 or m.disability != "tidak" for m in members)
        school = any(6 <= m.age_on(today) <= 18 for m in members)
        poor = welfare is not None and welfare <= 4
        pkh = poor and (vulnerable or school) and rng.random() < 0.55  # PKH needs a health/education component
        bpnt = poor and rng.random() < (0.85 if pkh else 0.5)
        street = rng.choice(village.streets)
        if (village.code, rw, rt) == CEMPAKO:
            street = "Jl. Cempako Dalam, Gg. Berdikari"  # Kampung Sayur Cempako, as the seed names it
        address = f"{street} No. {rng.randint(1, 120)}, RT {rt:03d}/RW {rw:03d}, {village.name}"
        consent = today - timedelta(days=rng.randint(20, 700)) if rng.random() < 0.85 else None
        house = traits.dwelling(rng, village, welfare, len(members)) if rng.random() < 0.9 else None
        return HouseholdSpec(
            village=village,
            rw=rw,
            rt=rt,
            family_card_number=self.book.family_card(village.district_code, issued),
            address=address,
            welfare_decile=welfare,
            pkh_recipient=pkh,
            bpnt_recipient=bpnt,
            consent_given_on=consent,
            members=members,
            dwelling=house,
        )


def generate_households(
    total: int, *, taken_niks=(), taken_kks=(), today: date | None = None
) -> Iterator[HouseholdSpec]:
    """`total` households over the demo villages; the first RTs of each village get one each before the rest."""
    maker = HouseholdMaker(NumberBook(taken_niks, taken_kks), min(today or date.today(), REFERENCE_DATE))
    for village, quota in zip(VILLAGES, household_quotas(total), strict=True):
        units = village_units(village)
        for i in range(quota):
            rw, rt = units[i] if i < len(units) else maker.rng.choice(units)
            yield maker.household(village, rw, rt)
