"""Factories for registry records; they go through the same save paths as the services."""

import datetime
import itertools

import factory

from gotong.areas.models import Area
from gotong.areas.services import ensure_neighbourhood_unit
from gotong.registry.models import Household, Person
from gotong.registry.nik import compose_nik

_serials = itertools.count(1)


def rt_in(village_code: str, rw: int = 1, rt: int = 1) -> Area:
    return ensure_neighbourhood_unit(Area.objects.get(code=village_code), rw, rt)


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    family_card_number = factory.Sequence(lambda n: f"2172030101{n:06d}")
    address = factory.Sequence(lambda n: f"Jl. Bugis Gg. Mawar No. {n}")
    area = factory.LazyFunction(lambda: rt_in("21.72.03.1005"))
    welfare_decile = 2


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    household = factory.SubFactory(HouseholdFactory)
    name = factory.Sequence(lambda n: f"Warga {n}")
    sex = "L"
    birth_date = datetime.date(1985, 6, 15)
    relationship = "kepala"
    nik = factory.LazyAttribute(
        lambda p: compose_nik(p.household.area_code, p.birth_date, p.sex, next(_serials) % 9999 + 1)
    )
