"""Recording doses, the due list and IDL/UCI coverage from a hand-worked fixture, scope per role, pages and API."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gotong.api.testing import listed, token_client
from gotong.posyandu.immunisation import coverage, schedule, services
from gotong.posyandu.models import Child, Immunisation
from gotong.posyandu.tests.conftest import open_month
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

pytestmark = pytest.mark.django_db


def record(child, user, *doses, on):
    return services.record_doses(child=child, doses=list(doses), given_on=on, acting_user=user)


def give_idl(child, user, *, skip=(), late=None):
    """Every IDL dose at its recommended age (HB0 at birth); `late` = {(vaccine, n): date}."""
    birth = child.person.birth_date
    for dose in schedule.IDL_DOSES:
        if dose.key in skip:
            continue
        day = (late or {}).get(dose.key, dose.recommended.after(birth))
        Immunisation.objects.create(child=child, vaccine=dose.vaccine, dose=dose.number, given_on=day)


# --- services ------------------------------------------------------------------------------------------------


def test_cadre_records_several_doses_in_one_submit(child, cadre):
    """Rizky (born 10 Jan 2025) at 2 months: polio 1 was given at 1 month; polio 2, DPT-HB-Hib 1, PCV 1, RV 1."""
    record(child, cadre, ("hb0", 1), on=datetime.date(2025, 1, 11))
    record(child, cadre, ("bcg", 1), ("polio", 1), on=datetime.date(2025, 2, 10))
    saved = record(child, cadre, ("polio", 2), ("dpt_hb_hib", 1), ("pcv", 1), ("rv", 1), on=datetime.date(2025, 3, 10))
    assert len(saved) == 4
    assert saved[0].recorded_by == cadre and saved[0].area_code == child.area_code
    assert Immunisation.objects.filter(child=child).count() == 7


def test_a_wrong_dose_saves_nothing_of_the_submit(child, cadre):
    record(child, cadre, ("bcg", 1), ("polio", 1), on=datetime.date(2025, 2, 10))
    with pytest.raises(ValidationError) as error:
        # DPT-HB-Hib 1 fine, polio 3 out of order.
        record(child, cadre, ("dpt_hb_hib", 1), ("polio", 3), on=datetime.date(2025, 3, 10))
    assert error.value.message_dict["doses"] == ["Polio tetes (OPV) 2 belum tercatat: catat dulu dosis sebelumnya."]
    assert Immunisation.objects.filter(child=child).count() == 2


def test_too_early_duplicate_future_and_before_birth(child, cadre):
    with pytest.raises(ValidationError, match="terlalu dini: paling cepat 21 Feb 2025"):
        record(child, cadre, ("dpt_hb_hib", 1), on=datetime.date(2025, 2, 10))
    record(child, cadre, ("bcg", 1), on=datetime.date(2025, 2, 10))
    with pytest.raises(ValidationError, match="BCG sudah tercatat"):
        record(child, cadre, ("bcg", 1), on=datetime.date(2025, 2, 11))
    tomorrow = datetime.date.today() + datetime.timedelta(days=2)
    with pytest.raises(ValidationError, match="setelah hari ini"):
        record(child, cadre, ("polio", 1), on=tomorrow)
    with pytest.raises(ValidationError, match="sebelum tanggal lahir"):
        record(child, cadre, ("polio", 1), on=datetime.date(2025, 1, 1))
    with pytest.raises(ValidationError, match="tidak ada dalam jadwal"):
        record(child, cadre, ("polio", 7), on=datetime.date(2025, 3, 1))


def test_only_a_cadre_of_the_childs_posyandu_records(child, other_cadre, partner):
    for user in (other_cadre, partner):
        with pytest.raises(PermissionDenied):
            record(child, user, ("bcg", 1), on=datetime.date(2025, 2, 10))


def test_dose_at_a_posyandu_day_must_be_in_its_month(child, posyandu, cadre):
    session = open_month(posyandu, 2025, 3, cadre)
    with pytest.raises(ValidationError, match="bulan hari buka"):
        services.record_doses(
            child=child, doses=[("bcg", 1)], given_on=datetime.date(2025, 2, 10), session=session, acting_user=cadre
        )


# --- scope -----------------------------------------------------------------------------------------------------


def test_who_sees_a_childs_doses(child, cadre, other_cadre, resident, partner, city_officer):
    record(child, cadre, ("bcg", 1), on=datetime.date(2025, 2, 10))
    assert Immunisation.objects.visible_to(cadre).count() == 1
    assert Immunisation.objects.visible_to(resident).count() == 1  # his own son
    assert Immunisation.objects.visible_to(city_officer).count() == 1
    assert Immunisation.objects.visible_to(other_cadre).count() == 0
    assert Immunisation.objects.visible_to(partner).count() == 0


# --- IDL and coverage: hand-worked ----------------------------------------------------------------------------


@pytest.fixture
def cohort(posyandu, other_posyandu, admin_user):
    """March 2026 in Kampung Bugis. First birthdays in March: Kenanga's A, B, C and Dahlia's E; D's is in April.

    A  born 10 Mar 2025, every IDL dose on time                       → IDL (MR 1 on 10 Dec 2025)
    B  born 20 Mar 2025, no MR 1                                      → not IDL
    C  born  5 Mar 2025, MR 1 on 6 Mar 2026, the day after turning 1  → not IDL; one MR 1 given in March
    D  born  2 Apr 2025, everything                                   → not in March's target
    E  born 15 Mar 2025 at Dahlia, everything                         → IDL
    Kenanga 1/3 = 33,3 %; Dahlia 1/1 = 100 %; Kampung Bugis 2/4 = 50,0 %: not UCI (< 80 %).
    """
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 3, 1))
    births = {
        "A": (posyandu, datetime.date(2025, 3, 10)),
        "B": (posyandu, datetime.date(2025, 3, 20)),
        "C": (posyandu, datetime.date(2025, 3, 5)),
        "D": (posyandu, datetime.date(2025, 4, 2)),
        "E": (other_posyandu, datetime.date(2025, 3, 15)),
    }
    children = {}
    for key, (where, birth) in births.items():
        person = PersonFactory(household=household, name=f"Bayi {key}", relationship="anak", birth_date=birth)
        children[key] = Child.objects.create(posyandu=where, person=person, registered_on=birth)
    give_idl(children["A"], admin_user)
    give_idl(children["B"], admin_user, skip=[("mr", 1)])
    give_idl(children["C"], admin_user, late={("mr", 1): datetime.date(2026, 3, 6)})
    give_idl(children["D"], admin_user)
    give_idl(children["E"], admin_user)
    return children


def test_idl_coverage_per_posyandu_and_village(cohort, posyandu):
    from gotong.organizations.models import Organization

    start, end = datetime.date(2026, 3, 1), datetime.date(2026, 3, 31)
    per_posyandu, per_village = coverage.coverage(Organization.objects.filter(kind="posyandu"), start, end)
    rows = {row.name: row for row in per_posyandu}
    assert (rows["Posyandu Kenanga"].target, rows["Posyandu Kenanga"].idl) == (3, 1)
    assert str(rows["Posyandu Kenanga"].percent) == "33.3"
    assert (rows["Posyandu Dahlia"].target, rows["Posyandu Dahlia"].idl, rows["Posyandu Dahlia"].uci) == (1, 1, True)
    [village] = per_village
    assert (village.name, village.target, village.idl, str(village.percent), village.uci) == (
        "Kampung Bugis",
        4,
        2,
        "50.0",
        False,
    )
    assert rows["Posyandu Kenanga"].doses == {("mr", 1): 1}
    # The whole of 2026: D (April) joins Kenanga's target with IDL.
    per_posyandu, _ = coverage.coverage(
        Organization.objects.filter(pk=posyandu.pk), datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
    )
    assert (per_posyandu[0].target, per_posyandu[0].idl) == (4, 2)


def test_due_list_of_the_month(cohort, posyandu):
    rows = coverage.due_rows(posyandu, datetime.date(2026, 3, 1))
    names = {row.child.person.name: [(d.key, s) for d, s in row.doses] for row in rows}
    # B still lacks MR 1 (catch-up past the first birthday); A, C, D have PCV, RV, IPV 2, … per their ages.
    assert (("mr", 1), schedule.CATCH_UP) in names["Bayi B"]
    assert all(key != ("mr", 1) for key, _state in names["Bayi A"])


# --- pages -----------------------------------------------------------------------------------------------------


def test_cadre_records_at_a_posyandu_day_page(client, child, posyandu, cadre):
    session = open_month(posyandu, 2025, 3, cadre)
    record(child, cadre, ("bcg", 1), ("polio", 1), on=datetime.date(2025, 2, 10))
    url = f"/posyandu/hari-buka/{session.pk}/imunisasi/{child.public_id}/"
    client.force_login(cadre)
    page = client.get(url)
    assert page.status_code == 200 and "DPT-HB-Hib 1" in page.content.decode()
    bad = client.post(url, {"doses": ["polio:3"], "given_on": "2025-03-10", "place": "posyandu"})
    assert bad.status_code == 200 and "Polio tetes (OPV) 2 belum tercatat" in bad.content.decode()
    done = client.post(
        url, {"doses": ["polio:2", "dpt_hb_hib:1", "pcv:1", "rv:1"], "given_on": "2025-03-10", "place": "posyandu"}
    )
    assert done.status_code == 302
    assert set(Immunisation.objects.filter(session=session).values_list("vaccine", flat=True)) == {
        "polio",
        "dpt_hb_hib",
        "pcv",
        "rv",
    }
    card = client.get(f"/posyandu/balita/{child.public_id}/").content.decode()
    assert "Imunisasi" in card and "10 Mar 2025" in card


def test_due_and_coverage_pages_per_role(client, cohort, cadre, other_cadre, city_officer, partner):
    client.force_login(cadre)
    page = client.get("/posyandu/imunisasi/?bulan=2026-03")
    assert page.status_code == 200 and "Bayi B" in page.content.decode()
    client.force_login(other_cadre)  # Dahlia's cadre: her own posyandu, not Kenanga's children
    assert "Bayi B" not in client.get("/posyandu/imunisasi/?bulan=2026-03").content.decode()
    client.force_login(city_officer)
    page = client.get("/posyandu/imunisasi/cakupan/?bulan=2026-03")
    assert page.status_code == 200
    [(village, _counts)] = page.context["villages"]
    assert (village.target, village.idl) == (4, 2)
    client.force_login(partner)
    assert client.get("/posyandu/imunisasi/").status_code == 403


# --- API -------------------------------------------------------------------------------------------------------


def test_api_lists_in_scope_and_records_with_schedule_errors(child, cadre, other_cadre, partner, resident):
    api = token_client(cadre)
    answer = api.post(
        "/api/v1/posyandu/imunisasi/",
        {"child": str(child.public_id), "vaccine": "bcg", "dose": 1, "given_on": "2025-02-10"},
        format="json",
    )
    assert answer.status_code == 201, answer.content
    assert answer.json()["child"] == str(child.public_id) and answer.json()["recorded_by"] == "kader"
    early = api.post(
        "/api/v1/posyandu/imunisasi/",
        {"child": str(child.public_id), "vaccine": "dpt_hb_hib", "dose": 1, "given_on": "2025-02-10"},
        format="json",
    )
    assert early.status_code == 400
    assert "terlalu dini" in early.json()["error"]["fields"]["dose"][0]
    assert [row["vaccine"] for row in listed(cadre, "/api/v1/posyandu/imunisasi/")] == ["bcg"]
    assert [row["vaccine"] for row in listed(resident, "/api/v1/posyandu/imunisasi/")] == ["bcg"]
    assert listed(other_cadre, "/api/v1/posyandu/imunisasi/") == []
    # Another posyandu's cadre cannot name the child at all; a partner has no posyandu access.
    stranger = token_client(other_cadre).post(
        "/api/v1/posyandu/imunisasi/",
        {"child": str(child.public_id), "vaccine": "polio", "dose": 1, "given_on": "2025-02-10"},
        format="json",
    )
    assert stranger.status_code in (400, 403)
    assert token_client(partner).get("/api/v1/posyandu/imunisasi/").status_code == 403
    assert token_client(resident).post("/api/v1/posyandu/imunisasi/", {}, format="json").status_code == 403


def test_monthly_report_section_from_the_records(cohort):
    from gotong.organizations.models import Organization
    from gotong.posyandu.monthly.sections import build_sections

    [section] = [
        s
        for s in build_sections(Organization.objects.filter(kind="posyandu"), datetime.date(2026, 3, 1))
        if s.key == "immunisation"
    ]
    rows = {row[0]: row for row in section.rows}
    # March: C's MR 1 (6 Mar 2026), a boy or a girl per the factory. Since January also D's (2 Jan 2026); A's and
    # E's were in December 2025.
    mr1 = rows["Campak-Rubela (MR) 1"]
    assert mr1[1] + mr1[2] == mr1[3] == 1 and mr1[4] == 2
    assert rows["BCG"][3] == 0
    idl_month = next(row for label, row in rows.items() if label.startswith("IDL: bayi berulang tahun ke-1 bulan"))
    assert idl_month[3] == 2 and idl_month[4] == "4 (50 %)"
