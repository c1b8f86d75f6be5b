"""Casework API: cases only for those the module lets see them; health details only for the case team."""

from gotong.api.testing import listed, token_client


def test_health_condition_only_for_the_case_team(tb_case, facilitator, helper_colleague, city_officer):
    url = f"/api/v1/kasus/{tb_case.public_id}/"
    assert token_client(facilitator).get(url).json()["health_condition"] == tb_case.health_condition
    # The supervisor named on the case is on the team; a colleague in the same village is not and sees no case.
    assert token_client(city_officer).get(url).json()["health_condition"] == tb_case.health_condition
    assert token_client(helper_colleague).get(url).status_code == 404
    assert listed(helper_colleague, "/api/v1/kasus/") == []


def test_city_officer_off_the_team_sees_the_case_without_health(tb_case, areas):
    from gotong.accounts.models import User
    from gotong.areas.models import Area, WorkAssignment

    officer = User.objects.create_user(username="dinsos", password="x", role="city_officer")
    WorkAssignment.objects.create(user=officer, area=Area.objects.get(code="21.72"))
    [row] = listed(officer, "/api/v1/kasus/")
    assert row["id"] == str(tb_case.public_id)
    assert row["health_condition"] is None


def test_partner_and_other_area_see_no_cases(tb_case, partner, other_facilitator):
    # Partners have no casework at all (`casework.view` is not theirs): refused, not an empty list.
    assert token_client(partner).get("/api/v1/kasus/").status_code == 403
    assert token_client(partner).get(f"/api/v1/kasus/{tb_case.public_id}/").status_code == 403
    assert listed(other_facilitator, "/api/v1/kasus/") == []
    assert listed(other_facilitator, "/api/v1/kasus-kunjungan/") == []


def test_visit_logs_show_health_to_the_team_with_one_team_check_per_case(
    tb_case, facilitator, django_assert_max_num_queries
):
    import datetime

    from gotong.casework import services

    for day in (6, 7, 8):
        services.log_visit(
            tb_case,
            visited_on=datetime.date(2026, 1, day),
            met_with="Raja Ali",
            condition="Batuk berkurang",
            adherence="yes",
            acting_user=facilitator,
        )
    client = token_client(facilitator)
    client.get("/api/v1/kasus-kunjungan/")  # the token's first use stamps last_used: not part of the count
    with django_assert_max_num_queries(8):
        rows = client.get("/api/v1/kasus-kunjungan/").json()["results"]
    assert [r["condition"] for r in rows] == ["Batuk berkurang"] * 3
