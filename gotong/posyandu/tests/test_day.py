"""The posyandu day: services' rules and refusals, the five tables' progress, PMT linked to faltering growth."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from gotong.posyandu import day, day_services
from gotong.posyandu.models import DayVisit, Deworming, Feeding, VitaminADose
from gotong.posyandu.tests.day_fixtures import FEB10

pytestmark = pytest.mark.django_db


def test_services_follow_the_age_rules_and_refuse_bad_input(february, cadre, other_cadre):
    kids = february["children"]
    # The capsule is the one the child's age calls for; the round keeps one dose.
    assert VitaminADose.objects.get(child=kids["G"]).capsule == "blue"
    assert VitaminADose.objects.get(child=kids["E"]).round == datetime.date(2026, 2, 1)  # March sweep → Feb round
    assert Deworming.objects.get(child=kids["J"]).dose_mg == 400
    assert Deworming.objects.get(child=kids["A"]).dose_mg == 200
    day_services.give_vitamin_a(child=kids["A"], given_on=datetime.date(2026, 2, 12), acting_user=cadre)
    assert VitaminADose.objects.filter(child=kids["A"]).count() == 1
    with pytest.raises(ValidationError) as error:
        day_services.give_vitamin_a(child=kids["A"], given_on=FEB10, capsule="blue", acting_user=cadre)
    assert "merah" in str(error.value).lower()
    with pytest.raises(ValidationError, match="6–59 bulan"):
        day_services.give_vitamin_a(child=kids["H"], given_on=FEB10, acting_user=cadre)
    with pytest.raises(ValidationError, match="12–59 bulan"):
        day_services.give_deworming(child=kids["G"], given_on=FEB10, acting_user=cadre)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="belum lewat"):
        day_services.give_feeding(child=kids["A"], given_on=tomorrow, kind="lokal", days=1, acting_user=cadre)
    with pytest.raises(ValidationError) as error:
        day_services.give_feeding(child=kids["A"], given_on=FEB10, kind="susu", days=0, acting_user=cadre)
    assert set(error.value.message_dict) == {"kind", "days"}
    with pytest.raises(ValidationError, match="bulan hari buka"):
        day_services.give_deworming(
            child=kids["E"], session=february["session"], given_on=datetime.date(2026, 3, 2), acting_user=cadre
        )
    with pytest.raises(PermissionDenied):
        day_services.give_feeding(child=kids["A"], given_on=FEB10, kind="lokal", days=7, acting_user=other_cadre)
    assert Feeding.objects.filter(child=kids["A"]).count() == 0  # nothing half-saved


def test_progress_by_table_and_day_services(february, cadre):
    session, kids = february["session"], february["children"]
    day_services.record_visit(session=session, child=kids["A"], acting_user=cadre)
    day_services.record_visit(session=session, child=kids["A"], acting_user=cadre)  # twice: one visit
    day_services.record_counselling(session=session, child=kids["J"], note="MP-ASI 3x sehari", acting_user=cadre)
    assert DayVisit.objects.filter(session=session).count() == 2
    rows = day.day_rows(session, list(kids.values()))
    progress = day.progress(rows)
    assert progress[1] == (5, 5)  # everyone weighed has come
    assert progress[2] == (5, 5)
    assert progress[4] == (1, 5)
    services_of = {r.child.person.name: {s.key: s for s in r.services} for r in rows}
    assert services_of["Anak E"]["deworming"].due and not services_of["Anak E"]["deworming"].done
    assert services_of["Anak A"]["pmt"].due and not services_of["Anak A"]["pmt"].done
    assert services_of["Anak J"]["pmt"].done
    assert "pmt" not in services_of["Anak G"] and "deworming" not in services_of["Anak G"]
    # Meja 5: of the four with a service due (H, 2 months, has none), G and J got every one.
    # Meja 5 also gives the immunisations the schedule has due: nobody in this round has had theirs recorded,
    # so every child waits there and none is finished.
    assert progress[5] == (0, 5)


def test_feeding_list_links_pmt_to_faltering(february):
    rows = day.feeding_list([february["session"].posyandu], datetime.date(2026, 2, 1))
    found = {r["child"].person.name: (r["reasons"], len(r["feedings"])) for r in rows}
    assert found == {"Anak A": (["T"], 0), "Anak J": (["BGM", "BB kurang"], 1)}


def test_day_pages_at_the_five_tables(client, february, cadre, other_cadre, resident):
    session, kids = february["session"], february["children"]
    client.force_login(cadre)
    page = client.get(f"/posyandu/hari-buka/{session.pk}/?meja=3").content.decode()
    assert "Anak J" in page and "BGM" in page and "Rujuk/PMT" in page
    url = f"/posyandu/hari-buka/{session.pk}/meja/{kids['E'].public_id}/"
    assert "Albendazol 400 mg" in client.get(url).content.decode()
    card = client.get(f"/posyandu/balita/{kids['J'].public_id}/").content.decode()
    assert "PMT pemulihan" in card and "Merah 200.000 IU" in card and "Albendazol 400 mg" in card
    response = client.post(url, {"action": "deworming", "o-given_on": "10/02/2026", "meja": "5"})
    assert response.status_code == 302 and response["Location"].endswith("?meja=5")
    assert Deworming.objects.filter(child=kids["E"]).exists()
    bad = client.post(url, {"action": "feeding", "f-kind": "lokal", "f-days": "500", "f-given_on": "10/02/2026"})
    assert bad.status_code == 200 and Feeding.objects.filter(child=kids["E"], kind="lokal").count() == 0
    assert "aria-invalid" in bad.content.decode()
    arrive = client.post(f"/posyandu/hari-buka/{session.pk}/meja/{kids['H'].public_id}/", {"action": "arrive"})
    assert arrive.status_code == 302 and DayVisit.objects.filter(child=kids["H"]).exists()
    client.force_login(other_cadre)
    assert client.get(url).status_code == 404
    client.force_login(other_cadre)
    assert "PMT pemulihan" not in client.get(f"/posyandu/balita/{kids['J'].public_id}/").content.decode()
    client.force_login(resident)
    assert client.get(url).status_code in (403, 404)
