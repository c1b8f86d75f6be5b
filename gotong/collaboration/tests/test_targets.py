"""Shared targets (current value from the latest slum assessment), action plans and weighted progress."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gotong.collaboration.models import Activity, ActivityUpdate
from gotong.collaboration.services import create_project
from gotong.collaboration.services import targets as services
from gotong.slums.services import record_assessment, register_location

ZERO = dict.fromkeys(
    ["1a", "1b", "1c", "2a", "2b", "3a", "3b", "4a", "4b", "4c", "5a", "5b", "6a", "6b", "7a", "7b"], 0
)
# Total 20, "kumuh ringan": hectares still slum need a slum class ("Bukan kumuh" means 0 ha remaining).
LIGHT = dict(ZERO, **{"6a": 100, "6b": 100, "7a": 100, "7b": 100})


@pytest.fixture
def bugis(areas, city_officer):
    location = register_location(name="Kampung Bugis", decree_number="337", decree_authority="Walikota",
                                 area_ha="18.92", village=areas["21.72.03.1005"], acting_user=city_officer)  # fmt: skip
    record_assessment(location, assessed_on=datetime.date(2014, 12, 31), percentages=LIGHT, affected_area_ha="18.92",
                      is_baseline=True, acting_user=city_officer)  # fmt: skip
    return location


@pytest.fixture
def target(bugis, areas, city_officer):
    return services.save_target(
        title="0 ha kumuh di Kampung Bugis pada 2027", area=areas["21.72.03.1005"], location=bugis,
        indicator="slum_ha", unit="", baseline_value=Decimal("18.92"), baseline_year=2014,
        target_value=Decimal(0), target_year=2027, acting_user=city_officer,
    )  # fmt: skip


def test_current_value_follows_latest_assessment(target, bugis, city_officer):
    assert target.unit == "ha"
    status = services.target_status(target, datetime.date(2018, 6, 1))
    assert status["value"] == Decimal("18.92") and status["status"] == "behind"
    record_assessment(bugis, assessed_on=datetime.date(2018, 12, 31), percentages=LIGHT, affected_area_ha="4.66",
                      acting_user=city_officer)  # fmt: skip
    status = services.target_status(target, datetime.date(2018, 12, 31))
    assert (str(status["value"]), status["as_of"].year) == ("4.66", 2018)
    assert str(status["percent"]) == "75.4" and str(status["expected"]) == "30.8" and status["status"] == "on_track"
    assert services.target_status(target, datetime.date(2026, 1, 1))["status"] == "behind"  # 92.3 % of the time
    record_assessment(bugis, assessed_on=datetime.date(2020, 12, 31), percentages=ZERO, affected_area_ha="0",
                      acting_user=city_officer)  # fmt: skip
    assert services.target_status(target)["status"] == "achieved"


def test_reported_value_for_other_indicators(areas, city_officer):
    water = services.save_target(
        title="100% air minum layak", area=areas["21.72.03.1005"], indicator="safe_water_pct", unit="%",
        baseline_value=Decimal(30), baseline_year=2018, target_value=Decimal(100), target_year=2028,
        acting_user=city_officer,
    )  # fmt: skip
    assert services.target_status(water)["status"] == "no_data"
    water = services.save_target(water, reported_value=Decimal(65), reported_on=datetime.date(2023, 6, 30),
                                 acting_user=city_officer)  # fmt: skip
    status = services.target_status(water, datetime.date(2023, 6, 30))
    assert str(status["percent"]) == "50.0" and str(status["expected"]) == "50.0" and status["status"] == "on_track"


def test_target_validation(areas, bugis, city_officer):
    base = dict(title="X", area=areas["21.72.03.1005"], unit="%", baseline_value=Decimal(10), baseline_year=2020,
                target_value=Decimal(120), target_year=2019, acting_user=city_officer)  # fmt: skip
    with pytest.raises(ValidationError) as exc:
        services.save_target(indicator="sanitation_pct", **base)
    errors = exc.value.message_dict
    assert errors["target_year"] == ["Tahun sasaran harus setelah tahun nilai awal."]
    assert errors["target_value"] == ["Persentase harus antara 0 dan 100."]
    with pytest.raises(ValidationError) as exc:
        services.save_target(indicator="slum_ha", **{**base, "target_year": 2027, "target_value": 0})
    assert exc.value.message_dict["location"] == ["Sasaran luas kumuh harus dikaitkan dengan lokasi kumuh."]


def test_weighted_progress_and_timeline(target, areas, orgs, city_officer):
    plan = services.save_action_plan(target=target, title="Rencana tindak", start_year=2018, end_year=2027,
                                     acting_user=city_officer)  # fmt: skip
    parent = services.add_activity(plan, what="Infrastruktur", weight=3, acting_user=city_officer)
    road = services.add_activity(plan, what="Jalan", parent=parent, weight=3, acting_user=city_officer)
    house = services.add_activity(plan, what="RTLH", parent=parent, weight=1, acting_user=city_officer)
    services.add_activity(plan, what="Drainase", weight=1, acting_user=city_officer)
    services.record_progress(
        road, on=datetime.date(2018, 7, 1), status="ongoing", progress=40, acting_user=city_officer
    )
    services.record_progress(road, on=datetime.date(2018, 12, 1), status="done", progress=100, acting_user=city_officer)
    services.record_progress(
        house, on=datetime.date(2018, 9, 1), status="ongoing", progress=60, acting_user=city_officer
    )
    rows, overall = services.plan_tree(plan)
    by_name = {row["activity"].what: row for row in rows}
    # Parent: (100×3 + 60×1) / 4 = 90; plan: (90×3 + 0×1) / 4 = 67.5.
    assert str(by_name["Infrastruktur"]["progress"]) == "90.0" and by_name["Infrastruktur"]["is_parent"]
    assert str(overall) == "67.5"
    assert [row["activity"].what for row in rows] == ["Infrastruktur", "Jalan", "RTLH", "Drainase"]
    assert list(road.updates.values_list("progress", flat=True)) == [40, 100]
    road.refresh_from_db()
    assert (road.status, road.progress) == ("done", 100)
    # An older entry recorded later does not overwrite the newer state.
    services.record_progress(
        road, on=datetime.date(2018, 8, 1), status="ongoing", progress=70, acting_user=city_officer
    )
    road.refresh_from_db()
    assert road.progress == 100
    services.record_progress(
        house, on=datetime.date(2018, 10, 1), status="dropped", progress=60, acting_user=city_officer
    )
    assert str(services.plan_tree(plan)[1]) == "75.0"  # dropped child left out: parent 100, plan (300+0)/4


def test_progress_errors(target, city_officer):
    plan = services.save_action_plan(target=target, title="R", start_year=2018, end_year=2027, acting_user=city_officer)
    parent = services.add_activity(plan, what="Induk", acting_user=city_officer)
    child = services.add_activity(plan, what="Anak", parent=parent, acting_user=city_officer)
    with pytest.raises(ValidationError) as exc:
        services.record_progress(parent, on=datetime.date(2020, 1, 1), status="ongoing", progress=10,
                                 acting_user=city_officer)  # fmt: skip
    assert exc.value.message_dict["progress"] == ["Kemajuan aktivitas induk dihitung dari sub-aktivitasnya."]
    with pytest.raises(ValidationError) as exc:
        services.record_progress(
            child, on=datetime.date(2020, 1, 1), status="done", progress=80, acting_user=city_officer
        )
    assert exc.value.message_dict["progress"] == ["Aktivitas selesai harus 100%."]
    with pytest.raises(ValidationError) as exc:
        services.add_activity(plan, what="X", budget_rupiah=1.5, acting_user=city_officer)
    assert "budget_rupiah" in exc.value.message_dict
    with pytest.raises(ValidationError):
        services.save_action_plan(target=target, title="R", start_year=2020, end_year=2019, acting_user=city_officer)
    assert ActivityUpdate.objects.count() == 0


def test_activity_links_projects_in_area_only(target, areas, city_officer):
    plan = services.save_action_plan(target=target, title="R", start_year=2018, end_year=2027, acting_user=city_officer)
    elsewhere = create_project(name="Jalan Senggarang", kind="jalan_beton", area=areas["21.72.03.1003"], volume=10,
                               unit="m", year=2018, budgets={}, acting_user=city_officer)  # fmt: skip
    with pytest.raises(ValidationError) as exc:
        services.add_activity(plan, what="Jalan", projects=[elsewhere], acting_user=city_officer)
    assert exc.value.message_dict["projects"] == ["Kegiatan fisik harus berada di wilayah sasaran."]


def test_target_and_plan_pages(client, facilitator, other_facilitator, partner, target, areas, bugis):
    client.force_login(facilitator)
    html = client.get(reverse("collaboration:target-list")).content.decode()
    assert "0 ha kumuh di Kampung Bugis pada 2027" in html and 'data-status="behind"' in html
    response = client.post(reverse("collaboration:plan-create", args=[target.pk]),
                           {"title": "Rencana tindak 2018–2027", "start_year": 2018, "end_year": 2027})  # fmt: skip
    plan = target.plans.get()
    assert response.url == reverse("collaboration:plan-detail", args=[plan.pk])
    url = reverse("collaboration:activity-add", args=[plan.pk])
    response = client.post(url, {"what": "Jalan beton", "budget_rupiah": "1.000.000,50", "weight": 1})
    assert response.context["form"].errors["budget_rupiah"] == ["Rupiah tanpa sen: hapus angka di belakang koma."]
    client.post(url, {"what": "Jalan beton", "budget_rupiah": "Rp 1.000.000", "weight": 2})  # typed the usual way
    activity = Activity.objects.get()
    progress = reverse("collaboration:activity-progress", args=[activity.pk])
    response = client.post(progress, {"on": "2020-01-01", "status": "done", "progress": "90"})
    assert response.context["form"].errors["progress"] == ["Aktivitas selesai harus 100%."]
    client.post(progress, {"on": "2020-01-01", "status": "ongoing", "progress": "45"})
    timeline = client.get(progress).content.decode()
    assert "Riwayat kemajuan" in timeline and "1 Jan 2020: Berjalan, 45%" in timeline
    html = client.get(reverse("collaboration:plan-detail", args=[plan.pk])).content.decode()
    assert "45,0%" in html and "Rp1.000.000" in html  # Indonesian decimal comma
    client.force_login(other_facilitator)
    assert client.get(reverse("collaboration:target-detail", args=[target.pk])).status_code == 404
    assert client.get(reverse("collaboration:plan-detail", args=[plan.pk])).status_code == 404
    assert client.post(progress, {"on": "2020-01-02", "status": "done", "progress": "100"}).status_code == 404
    client.force_login(partner)
    assert client.get(reverse("collaboration:target-create")).status_code == 403


def test_target_form_errors_in_indonesian(client, city_officer, areas, bugis):
    client.force_login(city_officer)
    data = {"title": "0 ha", "area": areas["21.72.03.1005"].pk, "indicator": "slum_ha", "baseline_value": "18.92",
            "baseline_year": "2014", "target_value": "0", "target_year": "2027"}  # fmt: skip
    response = client.post(reverse("collaboration:target-create"), data)
    assert response.context["form"].errors["location"] == ["Sasaran luas kumuh harus dikaitkan dengan lokasi kumuh."]
    response = client.post(reverse("collaboration:target-create"), {**data, "location": bugis.pk})
    assert response.status_code == 302


def test_target_list_and_slum_progress_read_assessments_once_not_per_target(client, city_officer, target, bugis, areas):
    """Both pages judge every slum target from its location's latest assessment: prefetched, so a city with
    many targets costs the same few queries as one with a single target."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(city_officer)
    pages = [reverse("collaboration:target-list"), reverse("slums:progress")]

    def queries() -> list[int]:
        counts = []
        for url in pages:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            counts.append(len(captured))
        return counts

    one = queries()
    for year in (2028, 2029, 2030):
        services.save_target(
            title=f"0 ha kumuh di Kampung Bugis pada {year}", area=areas["21.72.03.1005"], location=bugis,
            indicator="slum_ha", unit="", baseline_value=Decimal("18.92"), baseline_year=2014,
            target_value=Decimal(0), target_year=year, acting_user=city_officer,
        )  # fmt: skip
    assert queries() == one
