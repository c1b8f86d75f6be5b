"""Coverage: S counts every under-five of the posyandu's area (Kemenkes), the not-enrolled list and "Daftarkan",
and newborns registered without a NIK."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from gotong.posyandu import services, skdn, tallies
from gotong.posyandu.dates import month_start
from gotong.posyandu.models import Child
from gotong.posyandu.tests.conftest import open_month
from gotong.registry.forms import PersonForm
from gotong.registry.models import Person
from gotong.registry.nik import compose_nik
from gotong.registry.services import save_person
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def this_month_weighed(posyandu, cadre, child):
    """The boy (enrolled) weighed this month; his sister Nabila lives in the same house, in no posyandu."""
    today = timezone.localdate()
    session = open_month(posyandu, today.year, today.month, cadre, day=1)
    services.record_weighing(child=child, session=session, weight_kg="11.0", acting_user=cadre)
    return month_start(today)


def test_unenrolled_under_five_is_in_s_listed_and_enrolled_from_the_list(
    client, posyandu, cadre, family, this_month_weighed
):
    month = this_month_weighed
    row = skdn.for_posyandu(posyandu, month)
    # Only enrolled children counted, S would be 1 and D/S 100 %: Nabila is of the area, so 1 of 2 came.
    assert (row.s, row.d, row.d_s) == (2, 1, Decimal("50.0"))
    client.force_login(cadre)
    home = client.get(reverse("posyandu:home"))
    assert home.context["cards"][0].not_enrolled == 1 and "balita di wilayah belum terdaftar" in home.content.decode()
    page = client.get(reverse("posyandu:coverage")).content.decode()
    assert "Nabila Hasan" in page and "Rizky Hasan" not in page and "Daftarkan" in page

    response = client.post(
        reverse("posyandu:coverage"), {"posyandu": posyandu.pk, "person": family["girl"].public_id}, follow=True
    )
    assert "Nabila Hasan terdaftar di Posyandu Kenanga" in response.content.decode()
    assert Child.objects.get(person=family["girl"]).posyandu == posyandu
    assert "Nabila Hasan" not in client.get(reverse("posyandu:coverage")).content.decode()
    after = skdn.for_posyandu(posyandu, month)
    assert (after.s, after.d_s) == (2, Decimal("50.0"))  # the same children, now both followed
    assert tallies.differences() == []


def test_d_over_s_on_the_skdn_page_and_the_public_page(client, posyandu, cadre, family, this_month_weighed):
    from gotong.portal.services import posyandu_participation

    for number in range(3):  # three more toddlers of the village, in no posyandu: S 5, enough to publish
        PersonFactory(household=family["household"], name=f"Balita {number}", relationship="anak",
                      birth_date=datetime.date(2025, 6, 1 + number))  # fmt: skip
    client.force_login(cadre)
    total = client.get(reverse("posyandu:skdn")).context["total"]
    assert (total.s, total.d, total.d_s) == (5, 1, Decimal("20.0"))
    village = posyandu_participation(posyandu.area.parent.parent.parent)["villages"][0]
    assert village.enough and village.rate == Decimal(20)
    assert tallies.differences() == []


def test_cadre_never_sees_or_enrols_children_outside_her_posyandu_area(client, posyandu, cadre, family, admin_user):
    elsewhere = PersonFactory(
        household=HouseholdFactory(area=rt_in("21.72.03.1001", 1, 1)),
        name="Anak Kampung Lain",
        relationship="anak",
        birth_date=datetime.date(2025, 5, 5),
    )
    client.force_login(cadre)
    page = client.get(reverse("posyandu:coverage")).content.decode()
    assert "Nabila Hasan" in page and "Anak Kampung Lain" not in page
    response = client.post(reverse("posyandu:coverage"), {"posyandu": posyandu.pk, "person": elsewhere.public_id})
    assert response.status_code == 404
    assert not Child.objects.filter(person=elsewhere).exists()
    with pytest.raises(ValidationError, match="tidak tinggal di wilayah"):
        services.enrol_from_area(posyandu=posyandu, person=elsewhere, acting_user=admin_user)


def test_newborn_without_nik_is_registered_enrolled_and_completed_later(client, posyandu, cadre, family, admin_user):
    today = timezone.localdate()
    client.force_login(cadre)
    data = {
        "posyandu": posyandu.pk,
        "household": family["household"].public_id,
        "name": "Bayi Aminah",
        "nik": "",
        "sex": "P",
        "birth_date": (today - datetime.timedelta(days=10)).isoformat(),
        "registered_on": today.isoformat(),
    }
    refused = client.post(reverse("posyandu:child-create-new"), data)
    assert "NIK belum ada" in refused.content.decode() and not Person.objects.filter(name="Bayi Aminah").exists()
    client.post(reverse("posyandu:child-create-new"), {**data, "nik_pending": "on"})
    baby = Person.objects.get(name="Bayi Aminah")
    assert baby.nik is None and baby.nik_pending and baby.posyandu_child.posyandu == posyandu
    client.force_login(admin_user)
    household_page = client.get(reverse("registry:household-detail", args=[family["household"].public_id]))
    assert "NIK belum ada" in household_page.content.decode()

    def complete(nik):
        form = PersonForm({**_fields(baby), "nik": nik, "nik_pending": ""}, instance=Person.objects.get(pk=baby.pk))
        assert form.is_valid(), form.errors
        return save_person(form.save(commit=False), acting_user=admin_user)

    with pytest.raises(ValidationError, match="16 digit"):
        complete("2172")
    with pytest.raises(ValidationError, match="sudah terdaftar"):
        complete(family["mother"].nik)
    complete(compose_nik(family["household"].area_code, baby.birth_date, "P", 777))
    baby.refresh_from_db()
    assert baby.nik.endswith("0777") and not baby.nik_pending


def _fields(person):
    return {
        "name": person.name,
        "sex": person.sex,
        "birth_date": person.birth_date.isoformat(),
        "relationship": person.relationship,
        "disability": person.disability,
    }


def test_only_children_may_wait_for_a_nik(family, admin_user):
    adult = Person(household=family["household"], name="Tanpa NIK", sex="L", birth_date=datetime.date(1990, 1, 1),
                   relationship="famili", nik_pending=True)  # fmt: skip
    with pytest.raises(ValidationError, match="di bawah 18 tahun"):
        save_person(adult, acting_user=admin_user)
    both = Person(household=family["household"], name="Bayi", sex="L", birth_date=datetime.date(2026, 1, 1),
                  relationship="anak", nik_pending=True, nik=family["boy"].nik)  # fmt: skip
    with pytest.raises(ValidationError, match="NIK sudah diisi"):
        save_person(both, acting_user=admin_user)


def test_a_new_posyandu_in_an_rt_takes_its_under_fives_from_the_village_posyandu(posyandu, family, child, areas):
    from gotong.organizations.models import Organization

    month = month_start(timezone.localdate())
    assert skdn.for_posyandu(posyandu, month).s == 2
    rt = family["household"].area
    Organization.objects.create(name="Posyandu RT", kind="posyandu", area=rt)
    # Nabila's home is the RT's: the RT's posyandu counts her now; the village posyandu keeps its enrolled boy.
    assert skdn.for_posyandu(posyandu, month).s == 1
    assert tallies.differences() == []


def test_officer_narrows_the_aggregate_skdn_to_one_village(client, posyandu, family, child, areas, city_officer):
    from gotong.organizations.models import Organization

    elsewhere = Organization.objects.create(name="Posyandu Seberang", kind="posyandu", area=areas["21.72.03.1001"])
    PersonFactory(household=HouseholdFactory(area=rt_in("21.72.03.1001", 1, 1)), relationship="anak",
                  birth_date=datetime.date(2025, 4, 4))  # fmt: skip
    client.force_login(city_officer)
    page = client.get(reverse("posyandu:skdn"))
    assert page.context["total"].s == 3 and {r.label for r in page.context["per_posyandu"]} == {
        posyandu.name,
        elsewhere.name,
    }
    assert ("21.72.03.1001", elsewhere.area.name) in page.context["areas"]
    narrowed = client.get(reverse("posyandu:skdn"), {"wilayah": "21.72.03.1001"})
    assert narrowed.context["total"].s == 1 and [r.label for r in narrowed.context["per_posyandu"]] == [elsewhere.name]


def test_a_family_moving_out_takes_its_unenrolled_child_out_of_s(posyandu, family, child, admin_user):
    from gotong.registry.services import save_household

    month = month_start(timezone.localdate())
    assert skdn.for_posyandu(posyandu, month).s == 2
    household = family["household"]
    household.area = rt_in("21.72.03.1001", 4, 4)
    save_household(household, acting_user=admin_user)
    # The enrolled boy stays Kenanga's child until he is taken off its list; his sister no longer lives here.
    assert skdn.for_posyandu(posyandu, month).s == 1
    assert tallies.differences() == []
