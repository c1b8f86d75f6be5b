"""Pages per persona: who records, who sees what, idempotent submits, 404 outside scope."""

import re
import uuid

import pytest

from gotong.socialcapital.models import Response
from gotong.socialcapital.tests.conftest import BUGIS, answer, household


def _post_answers(client, survey_round, home, submission_id, **extra):
    data = {"submission_id": str(submission_id), "answered_on": "2025-03-10", **extra}
    for question in survey_round.instrument.questions.all():
        data[f"q_{question.pk}"] = "4" if question.kind == "likert" else str(question.choices.first().pk)
    return client.post(f"/modal-sosial/putaran/{survey_round.pk}/rumah-tangga/{home.public_id}/", data)


def test_facilitator_records_once_even_when_submitting_twice(client, facilitator, bugis_round):
    home = household(6, 2)
    client.force_login(facilitator)
    page = client.get(f"/modal-sosial/putaran/{bugis_round.pk}/rumah-tangga/{home.public_id}/")
    assert page.status_code == 200 and 'type="radio"' in page.content.decode()
    submission = uuid.uuid4()
    first = _post_answers(client, bugis_round, home, submission)
    assert first.status_code == 302
    again = _post_answers(client, bugis_round, home, submission)  # the phone resends the same page
    assert again.status_code == 302
    assert Response.objects.filter(household=home).count() == 1
    other = _post_answers(client, bugis_round, home, uuid.uuid4())
    assert other.status_code == 200 and "sudah diwawancarai" in other.content.decode()
    assert Response.objects.filter(household=home).count() == 1


def test_missing_answer_is_explained_and_kept(client, facilitator, bugis_round):
    home = household()
    client.force_login(facilitator)
    first_q = bugis_round.instrument.questions.first()
    data = {"submission_id": str(uuid.uuid4()), "answered_on": "2025-03-10", f"q_{first_q.pk}": "5"}
    page = client.post(f"/modal-sosial/putaran/{bugis_round.pk}/rumah-tangga/{home.public_id}/", data)
    body = page.content.decode()
    assert page.status_code == 200 and "Pilih salah satu jawaban." in body
    # The answer already given stays chosen.
    assert re.search(rf'<input type="radio" name="q_{first_q.pk}" value="5"[^>]*checked', body)
    assert not Response.objects.exists()


def test_scope_per_persona(client, bugis_round, facilitator, city_officer, other_facilitator, partner, admin_user):
    answer(bugis_round, household(), facilitator, (4, 4), 1)
    for user in (facilitator, city_officer, admin_user):
        client.force_login(user)
        assert client.get(f"/modal-sosial/putaran/{bugis_round.pk}/").status_code == 200
        assert client.get("/modal-sosial/").context["rows"][0]["n"] == 1
    client.force_login(other_facilitator)
    assert client.get(f"/modal-sosial/putaran/{bugis_round.pk}/").status_code == 404
    assert client.get("/modal-sosial/").context["rounds"] == []
    assert client.get("/modal-sosial/skor/", {"putaran": bugis_round.pk}).context["chosen"] is None
    client.force_login(partner)
    # Partners see the round but no named households, and no group smaller than five.
    assert client.get(f"/modal-sosial/putaran/{bugis_round.pk}/").status_code == 302
    page = client.get("/modal-sosial/skor/", {"putaran": bugis_round.pk})
    assert page.status_code == 200 and page.context["rows"] == []
    home = household()
    assert client.get(f"/modal-sosial/putaran/{bugis_round.pk}/rumah-tangga/{home.public_id}/").status_code == 404


def test_org_staff_see_their_area_but_do_not_record(client, bugis_round, facilitator, areas, admin_user):
    from gotong.accounts.models import User
    from gotong.organizations.choices import OrganizationKind
    from gotong.organizations.models import Membership
    from gotong.organizations.services import create_organization
    from gotong.registry.tests.factories import rt_in

    answer(bugis_round, household(6, 2), facilitator, (4, 4), 1)
    answer(bugis_round, household(1, 1), facilitator, (2, 2), 1)
    org = create_organization(
        name="KSM RT 2", kind=OrganizationKind.KSM, area=rt_in(BUGIS, 6, 2), acting_user=admin_user
    )
    staff = User.objects.create_user(username="ksm", password="x-123456789", role="org_staff")
    Membership.objects.create(organization=org, user=staff, role="ketua")
    client.force_login(staff)
    page = client.get("/modal-sosial/skor/", {"putaran": bugis_round.pk})
    assert [row["code"] for row in page.context["rows"]] == [f"{BUGIS}.006.002"]
    assert client.get(f"/modal-sosial/putaran/{bugis_round.pk}/").status_code == 302  # to the scores


def test_round_create_form(client, facilitator, other_facilitator, instrument, areas):
    client.force_login(facilitator)
    data = {"instrument": instrument.pk, "name": "Putaran Bugis", "area": areas[BUGIS].pk,
            "starts_on": "2026-02-01", "ends_on": "2026-01-01"}  # fmt: skip
    page = client.post("/modal-sosial/putaran/baru/", data)
    assert "Tanggal selesai tidak boleh sebelum tanggal mulai." in page.content.decode()
    data["ends_on"] = "2026-03-01"
    assert client.post("/modal-sosial/putaran/baru/", data).status_code == 302
    client.force_login(other_facilitator)
    page = client.post("/modal-sosial/putaran/baru/", {**data, "name": "Lain"})
    assert "area" in page.context["form"].errors  # Kampung Bugis is not a choice for Rina


def test_instrument_page(client, partner, instrument):
    client.force_login(partner)
    body = client.get(f"/modal-sosial/instrumen/{instrument.pk}/").content.decode()
    assert "Kepercayaan dan solidaritas" in body and "Setiap minggu" in body


@pytest.mark.parametrize("url", ["/modal-sosial/", "/modal-sosial/skor/", "/modal-sosial/jaringan/"])
def test_anonymous_is_sent_to_login(client, url):
    assert client.get(url).status_code == 302


def test_round_households_page_through_without_counting_them(client, facilitator, bugis_round):
    """A city-wide round lists a city's households: 25 a page, RT by RT, no COUNT over them, answered ones marked."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    homes = [household(6, 2) for _ in range(27)]
    answer(bugis_round, homes[-1], facilitator, (4, 4), 1)
    client.force_login(facilitator)
    url = f"/modal-sosial/putaran/{bugis_round.pk}/"
    with CaptureQueriesContext(connection) as captured:
        first = client.get(url)
    assert not any("COUNT(" in query["sql"] and "registry_household" in query["sql"] for query in captured)
    assert len(first.context["page"]) == 25 and first.context["page"].has_next()
    second = client.get(url, {"page": 2}).context
    assert len(second["page"]) == 2 and not second["page"].has_next()
    shown = [h.pk for h in first.context["page"]] + [h.pk for h in second["page"]]
    assert sorted(shown) == sorted(h.pk for h in homes)
    assert homes[-1].pk in first.context["answered"] | second["answered"]
    assert 'rel="next"' in first.content.decode()


def test_partner_and_resident_read_aggregates_only(client, bugis_round, facilitator, partner):
    """Issue 17: aggregate viewers open the module (no 403): rounds and scores of groups of five or more, never a
    household, and no network of named organisations (no tab, 403)."""
    from gotong.accounts.models import User

    homes = [household(6, 2) for _ in range(5)]
    for home in homes:
        answer(bugis_round, home, facilitator, (4, 4), 1)
    resident = User.objects.create_user(username="warga", password="rahasia-123", role="resident")
    for user in (partner, resident):
        client.force_login(user)
        page = client.get("/modal-sosial/")
        assert page.status_code == 200 and page.context["aggregates_only"]
        body = page.content.decode()
        assert "/modal-sosial/putaran/baru/" not in body and "/modal-sosial/jaringan/" not in body
        scores = client.get("/modal-sosial/skor/", {"putaran": bugis_round.pk})
        assert [row["n"] for row in scores.context["rows"]][:1] == [5]
        assert not any(home.address and home.address in scores.content.decode() for home in homes)
        assert client.get(f"/modal-sosial/putaran/{bugis_round.pk}/").status_code == 302  # to the scores
        assert client.get("/modal-sosial/jaringan/").status_code == 403
        assert client.get("/modal-sosial/putaran/baru/").status_code == 403


def test_plain_member_has_no_social_capital_pages(client, bugis_round, areas, admin_user):
    """Issue 17: a plain anggota of an organisation reads nothing of the area's survey any more."""
    from gotong.accounts.models import User
    from gotong.organizations.models import Membership, Organization

    org = Organization.objects.create(name="KSM", kind="ksm", area=areas[BUGIS])
    member = User.objects.create_user(username="anggota", password="rahasia-123", role="org_staff")
    Membership.objects.create(organization=org, user=member, role="anggota")
    client.force_login(member)
    assert client.get("/modal-sosial/").status_code == 403
    assert client.get(f"/modal-sosial/putaran/{bugis_round.pk}/").status_code == 404


def test_services_refuse_outside_the_record_reach(bugis_round, instrument, areas, other_facilitator, partner):
    from django.core.exceptions import PermissionDenied

    from gotong.socialcapital.tests.conftest import make_round

    with pytest.raises(PermissionDenied):
        answer(bugis_round, household(), other_facilitator, (4, 4), 1)
    with pytest.raises(PermissionDenied):
        make_round(instrument, areas[BUGIS], other_facilitator, name="Lain")
    with pytest.raises(PermissionDenied):
        make_round(instrument, areas[BUGIS], partner, name="Mitra")
    assert not Response.objects.exists()
