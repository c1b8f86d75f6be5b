from decimal import Decimal

from gotong.registry.models import Dwelling
from gotong.registry.rtlh import is_rtlh, rtlh_failures


def _dwelling(**changes):
    fields = dict(
        floor_area_m2=Decimal("36"),
        occupants=4,
        roof="genteng",
        wall="tembok",
        floor="keramik",
        structure="baik",
        has_own_latrine=True,
        has_window_ventilation=True,
    )
    fields.update(changes)
    return Dwelling(**fields)


def test_sound_house_is_fit():
    assert not is_rtlh(_dwelling())


def test_crowded_house_fails_space_criterion():
    # 5 people in 30 m² is 6 m² each, under the 7.2 m² minimum
    assert any("per orang" in f for f in rtlh_failures(_dwelling(floor_area_m2=Decimal("30"), occupants=5)))


def test_earth_floor_bamboo_wall_and_no_latrine_each_named():
    failures = rtlh_failures(_dwelling(floor="tanah", wall="bambu", has_own_latrine=False))
    assert len(failures) == 3
