"""Writing the synthetic households in bulk.

bulk_create skips Model.save(), so the denormalised area codes are set here, and the audit log does not record
each demo row (the demo load is one event, not 15,000 changes).
"""

from django.db.models import Q

from gotong.areas.models import Area
from gotong.core.demo.people import HouseholdSpec
from gotong.core.demo.places import VILLAGES
from gotong.registry.models import Dwelling, Household, Person

BATCH_SIZE = 500


def taken_numbers() -> tuple[set[str], set[str]]:
    """NIKs and KK numbers already used in the demo districts, so demo numbers never collide with them."""
    prefixes = {v.district_code.replace(".", "") for v in VILLAGES}
    niks = Q(pk__in=[])
    kks = Q(pk__in=[])
    for prefix in prefixes:
        niks |= Q(nik__startswith=prefix)
        kks |= Q(family_card_number__startswith=prefix)
    return (
        set(Person.objects.filter(niks).values_list("nik", flat=True)),
        set(Household.objects.filter(kks).values_list("family_card_number", flat=True)),
    )


def store_households(specs: list[HouseholdSpec], units: dict[tuple[str, int, int], Area]) -> dict[str, int]:
    """Insert households, persons and dwellings; returns NIK → person id."""
    households = []
    for spec in specs:
        area = units[(spec.village.code, spec.rw, spec.rt)]
        households.append(
            Household(
                family_card_number=spec.family_card_number,
                address=spec.address,
                area=area,
                area_code=area.code,
                welfare_decile=spec.welfare_decile,
                pkh_recipient=spec.pkh_recipient,
                bpnt_recipient=spec.bpnt_recipient,
                consent_given_on=spec.consent_given_on,
            )
        )
    Household.objects.bulk_create(households, batch_size=BATCH_SIZE)
    codes = {h.area_code for h in households}
    if households and households[0].pk is None:  # databases that return no ids from a bulk insert
        ids = dict(Household.objects.filter(area_code__in=codes).values_list("family_card_number", "pk"))
        for household in households:
            household.pk = household.id = ids[household.family_card_number]

    persons, dwellings = [], []
    for spec, household in zip(specs, households, strict=True):
        for member in spec.members:
            persons.append(
                Person(
                    household_id=household.pk,
                    area_code=household.area_code,
                    province_code=household.province_code,  # set by bulk_create: no look-up per person
                    nik=member.nik,
                    name=member.name,
                    sex=member.sex,
                    birth_date=member.birth_date,
                    relationship=member.relationship,
                    education=member.education,
                    occupation=member.occupation,
                    disability=member.disability,
                )
            )
        if spec.dwelling:
            dwellings.append(
                Dwelling(household_id=household.pk, province_code=household.province_code, **spec.dwelling)
            )
    Person.objects.bulk_create(persons, batch_size=BATCH_SIZE)
    Dwelling.objects.bulk_create(dwellings, batch_size=BATCH_SIZE)
    from gotong.dashboards.aggregates import refresh_areas  # bulk_create skips save(): keep the tallies exact

    refresh_areas(codes)
    from gotong.posyandu.tallies import refresh_homes

    refresh_homes(codes)
    if persons and persons[0].pk is None:
        return dict(Person.objects.filter(area_code__in=codes).values_list("nik", "pk"))
    return {p.nik: p.pk for p in persons}
