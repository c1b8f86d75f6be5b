"""The child forms' mother picker: a mother who lives on another family card (a child registered in the
grandparents' KK) is chosen by name; without a choice the mother is taken from the child's own KK."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from gotong.posyandu.models import Child
from gotong.registry.models import Person
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def grandparents(areas):
    """A KK where the baby is registered, while the mother lives on her husband's KK in the same village."""
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 1, 3), address="Jl. Bugis Gg. Mawar 2")
    PersonFactory(household=household, name="Ahmad Yani", birth_date=datetime.date(1960, 1, 1))
    mother_elsewhere = PersonFactory(
        household=HouseholdFactory(area=rt_in("21.72.03.1005", 2, 1)),
        name="Rahmawati Yani",
        sex="P",
        relationship="pasangan",
        birth_date=datetime.date(1998, 7, 7),
    )
    return {"household": household, "mother": mother_elsewhere}


def _new_child(posyandu, household, **extra):
    today = timezone.localdate()
    return {
        "posyandu": posyandu.pk,
        "household": household.public_id,
        "name": "Bayi Rahma",
        "nik_pending": "on",
        "sex": "P",
        "birth_date": (today - datetime.timedelta(days=20)).isoformat(),
        "registered_on": today.isoformat(),
        **extra,
    }


def test_mother_from_another_kk_is_found_by_name_and_kept(client, posyandu, cadre, grandparents):
    client.force_login(cadre)
    form = client.get(reverse("posyandu:child-create-new")).context["form"]
    search_url = form["mother"].field.widget.search_url
    assert "Rahmawati Yani" in client.get(f"{search_url}&q=rahma").content.decode()
    assert "Ahmad Yani" not in client.get(f"{search_url}&q=ahmad").content.decode()  # women only

    mother = grandparents["mother"]
    response = client.post(
        reverse("posyandu:child-create-new"),
        _new_child(posyandu, grandparents["household"], mother=mother.public_id),
        follow=True,
    )
    child = Child.objects.get(person__name="Bayi Rahma")
    assert child.mother == mother
    assert "Rahmawati Yani" in response.content.decode()  # the child's page names her


def test_a_man_or_nobody_in_reach_is_not_a_mother(client, posyandu, cadre, grandparents):
    grandfather = Person.objects.get(name="Ahmad Yani")
    outsider = PersonFactory(
        household=HouseholdFactory(area=rt_in("21.72.03.1001", 1, 1)), name="Ibu Kampung Lain", sex="P"
    )
    client.force_login(cadre)
    for wrong in (grandfather, outsider):
        response = client.post(
            reverse("posyandu:child-create-new"),
            _new_child(posyandu, grandparents["household"], mother=wrong.public_id),
        )
        assert response.status_code == 200 and response.context["form"].errors.get("mother")
    assert not Person.objects.filter(name="Bayi Rahma").exists()


def test_without_a_choice_the_mother_comes_from_the_childs_kk(client, posyandu, cadre, family):
    client.force_login(cadre)
    client.post(reverse("posyandu:child-create-new"), _new_child(posyandu, family["household"]))
    assert Child.objects.get(person__name="Bayi Rahma").mother == family["mother"]
