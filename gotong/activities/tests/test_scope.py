"""Who sees and records events, norms and warnings, per persona."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gotong.accounts.models import User
from gotong.activities import services
from gotong.activities.models import Event, Norm, NormWarning


@pytest.fixture
def norm_and_warning(bugis_rt, bkm, residents, city_officer):
    norm = services.create_norm(
        text="Dilarang membuang sampah ke laut", agreed_on=datetime.date(2024, 1, 1), area=bugis_rt,
        organization=bkm, acting_user=city_officer,
    )  # fmt: skip
    warning = services.give_warning(
        norm, person=residents["adults"][0], given_on=datetime.date(2025, 1, 5), level="lisan",
        note="Buang sampah di pelantar", acting_user=city_officer,
    )  # fmt: skip
    return norm, warning


def test_scope_per_persona(event, norm_and_warning, city_officer, facilitator, other_facilitator, partner,
                           admin_user, bkm_staff, residents):  # fmt: skip
    resident = User.objects.create_user(username="warga", password="x", role="resident",
                                        person=residents["adults"][1])  # fmt: skip
    neighbour = User.objects.create_user(username="tetangga", password="x", role="resident",
                                         person=residents["elsewhere"])  # fmt: skip
    for user, sees_event, sees_warning in (
        (city_officer, True, True), (facilitator, True, True), (other_facilitator, False, False),
        (partner, False, False), (admin_user, True, True), (bkm_staff, True, True),
        (resident, True, False), (neighbour, False, False),
    ):  # fmt: skip
        assert Event.objects.visible_to(user).filter(pk=event.pk).exists() == sees_event, user
        assert NormWarning.objects.visible_to(user).exists() == sees_warning, user
        assert Norm.objects.visible_to(user).exists() == sees_event, user


def test_staff_of_another_org_in_scope_do_not_see_warnings(norm_and_warning, areas, city_officer):
    from gotong.organizations.models import Membership
    from gotong.organizations.services import create_organization

    posyandu = create_organization(name="Posyandu Bugis", kind="posyandu", area=areas["21.72.03.1005"],
                                   acting_user=city_officer)  # fmt: skip
    cadre = User.objects.create_user(username="kader", password="x", role="org_staff")
    Membership.objects.create(organization=posyandu, user=cadre, role="kader", started_on=datetime.date(2020, 1, 1))
    assert Norm.objects.visible_to(cadre).exists()
    assert not NormWarning.objects.visible_to(cadre).exists()


def test_recording_outside_scope_is_refused(bugis_rt, other_facilitator, event, residents, partner):
    with pytest.raises(ValidationError):
        services.create_event(title="X", kind="kerja_bakti", held_on=datetime.date(2025, 1, 1), default_hours=2,
                              area=bugis_rt, organization=None, acting_user=other_facilitator)  # fmt: skip
    with pytest.raises(ValidationError):
        services.record_attendance(event, hours_by_person={residents["adults"][0]: None}, acting_user=partner)


def test_facilitator_cannot_tick_a_person_outside_scope(event, city_officer, areas):
    from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

    stranger = PersonFactory(household=HouseholdFactory(area=rt_in("16.71.11.1005", 5, 17)), name="Orang Ilir")
    with pytest.raises(ValidationError, match="tidak ada dalam lingkup"):
        services.record_attendance(event, hours_by_person={stranger: None}, acting_user=city_officer)


def test_pages_per_persona(client, event, norm_and_warning, city_officer, facilitator, other_facilitator, partner,
                           bkm_staff, rate_2025, residents):  # fmt: skip
    detail = reverse("activities:event-detail", args=[event.public_id])
    attendance = reverse("activities:event-attendance", args=[event.public_id])
    # A staf of the organising BKM reads the event but does not record it (ketua, pengelola, sekretaris do);
    # partners read aggregates only: no gotong royong page at all.
    for user, home_status, detail_status, attendance_status in (
        (facilitator, 200, 200, 200), (bkm_staff, 200, 200, 403), (other_facilitator, 200, 404, 404),
        (partner, 403, 404, 404),
    ):  # fmt: skip
        client.force_login(user)
        assert client.get(reverse("activities:home")).status_code == home_status, user
        assert client.get(detail).status_code == detail_status, user
        assert client.get(attendance).status_code == attendance_status, user
    client.force_login(other_facilitator)
    assert "Buang sampah di pelantar" not in client.get(reverse("activities:norms")).content.decode()
    client.force_login(facilitator)
    html = client.get(reverse("activities:norms")).content.decode()
    assert "Buang sampah di pelantar" in html and "Teguran lisan" in html
    resident = User.objects.create_user(username="warga", password="x", role="resident",
                                        person=residents["adults"][1])  # fmt: skip
    client.force_login(resident)
    assert client.get(detail).status_code == 200
    assert client.get(attendance).status_code == 403
    assert "Buang sampah di pelantar" not in client.get(reverse("activities:norms")).content.decode()


def test_attendance_page_saves_ticks_and_shows_labour_value(client, event, residents, facilitator, rate_2025):
    andi, bayu, *_ = residents["adults"]
    client.force_login(facilitator)
    url = reverse("activities:event-attendance", args=[event.public_id])
    html = client.get(url).content.decode()
    assert "Andi" in html and "Fajar" not in html  # only the event's RT
    response = client.post(url, {"person": [andi.pk, bayu.pk], f"hours_{bayu.pk}": "3", "guests": "1",
                                 "guest_hours": "2"})  # fmt: skip
    assert response.status_code == 302
    html = client.get(reverse("activities:event-detail", args=[event.public_id])).content.decode()
    # 2 + 3 + 2 = 7 hours × Rp20.000
    assert "Rp140.000" in html
    bad = client.post(url, {"person": [andi.pk], f"hours_{andi.pk}": "dua"})
    assert "bukan angka" in bad.content.decode()
    assert event.attendance.count() == 2


def test_event_form_errors_in_indonesian(client, facilitator, bugis_rt):
    client.force_login(facilitator)
    response = client.post(reverse("activities:event-create"), {"title": "", "kind": "kerja_bakti",
                                                                 "held_on": "2025-01-01", "default_hours": "30",
                                                                 "area": bugis_rt.pk})  # fmt: skip
    assert response.status_code == 200
    assert "Event.objects" not in response.content.decode()
    assert Event.objects.count() == 0
    ok = client.post(reverse("activities:event-create"), {"title": "Kerja bakti", "kind": "kerja_bakti",
                                                           "held_on": "2025-01-05", "default_hours": "2",
                                                           "area": bugis_rt.pk})  # fmt: skip
    assert ok.status_code == 302 and Event.objects.get().area_code == bugis_rt.code


def test_only_a_city_officer_of_that_city_sets_its_umk(client, city_officer, facilitator):
    from gotong.activities.models import WageRate

    url = reverse("activities:wage-rates")
    data = {"city_code": "21.72", "year": "2026", "monthly_wage": "3800000", "labour_divisor": "173",
            "source": "SK Gubernur Kepri"}  # fmt: skip
    client.force_login(facilitator)
    assert "dapat mengubah UMK kotanya" in client.post(url, data).content.decode()
    assert not WageRate.objects.filter(city_code="21.72", year=2026).exists()
    client.force_login(city_officer)
    assert client.post(url, data).status_code == 302
    assert WageRate.objects.get(city_code="21.72", year=2026).monthly_wage == 3_800_000
    assert "Rp3.800.000" in client.get(url).content.decode()
