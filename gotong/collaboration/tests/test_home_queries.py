"""A city officer's home page reads the collaboration health warnings of the whole city: its queries do not grow
with the forums or the slum targets (one query for the forums' last meetings, one prefetch for the targets'
assessments)."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from gotong.collaboration.models import Indicator
from gotong.collaboration.services import targets
from gotong.collaboration.tests.test_health_public import Town, _villages
from gotong.slums.models import SlumLocation


def _add(town: Town, villages, start: int) -> None:
    for index, area in enumerate(villages, start=start):
        town.village(area, index)
        location = SlumLocation.objects.filter(village=area).order_by("pk").first()
        targets.save_target(
            title="Nol kumuh", area=area, location=location, indicator=Indicator.SLUM_HA, unit="ha",
            baseline_value=location.area_ha, baseline_year=2016, target_value=Decimal(0), target_year=2030,
            acting_user=town.user,
        )  # fmt: skip


def test_home_page_queries_do_not_grow_with_the_forums_and_targets(client, areas, city_officer):
    town = Town(city_officer)
    _add(town, _villages(2), 0)
    client.force_login(city_officer)
    client.get("/")  # warm: sessions, translations
    with CaptureQueriesContext(connection) as two:
        response = client.get("/")
    _add(town, _villages(4, skip=2), 2)
    with CaptureQueriesContext(connection) as six:
        again = client.get("/")
    assert response.status_code == again.status_code == 200
    assert len(six) == len(two)
    # Every village's forum last met in 2024: each is a quiet-forum warning, so the warnings were all read.
    assert again.context["sections"][0].context["health_count"] >= 6
