"""A cadre's home: her posyandu's day, the children still to weigh, SKDN and a "Timbang" button that opens the
weighing form; never another posyandu's children, nor another city's."""

import datetime

import pytest
from django.utils import timezone

from gotong.organizations.choices import OrganizationKind
from gotong.organizations.models import Organization
from gotong.posyandu import services
from gotong.posyandu.tests.conftest import (  # noqa: F401 (fixtures)
    cadre,
    child,
    family,
    other_cadre,
    other_posyandu,
    posyandu,
)
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def palembang_child(areas, admin_user):
    """A toddler of a posyandu in Palembang: nothing a Tanjungpinang cadre may see."""
    far = Organization.objects.create(name="Posyandu Mawar Ilir", kind=OrganizationKind.POSYANDU,
                                      area=areas["16.71.11.1005"])  # fmt: skip
    person = PersonFactory(household=HouseholdFactory(area=rt_in("16.71.11.1005", 1, 1)), name="Putri Palembang",
                           relationship="anak", birth_date=datetime.date(2025, 6, 1))  # fmt: skip
    return services.register_child(posyandu=far, person=person, registered_on=datetime.date(2025, 7, 1),
                                   acting_user=admin_user)  # fmt: skip


def test_cadre_home_leads_to_the_weighing_form(client, cadre, child, other_cadre, palembang_child):  # noqa: F811
    session = services.open_session(posyandu=child.posyandu, held_on=timezone.localdate(), acting_user=cadre)
    client.force_login(cadre)
    html = client.get("/").content.decode()
    assert "Posyandu Kenanga" in html and "Rizky Hasan" in html
    assert f"/posyandu/hari-buka/{session.pk}/timbang/{child.public_id}/" in html
    assert 'data-home="cadre"' in html and "data-skdn" in html
    # Another posyandu of her village, and another city, stay out; so do the area figures (deciles).
    assert "Posyandu Dahlia" not in html and "Putri Palembang" not in html and "Mawar Ilir" not in html
    assert "desil" not in html.lower()


def test_without_this_months_session_the_button_opens_one(client, cadre, child):  # noqa: F811
    client.force_login(cadre)
    html = client.get("/").content.decode()
    assert "/posyandu/hari-buka/baru/" in html and "Jadwalkan hari buka" in html
