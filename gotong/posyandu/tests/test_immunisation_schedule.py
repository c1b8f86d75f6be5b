"""The national routine schedule, row by row from the official tables cited in `immunisation/schedule.py`."""

import datetime

import pytest

from gotong.posyandu.immunisation import schedule
from gotong.posyandu.immunisation.schedule import DOSES, Age, check_dose, state

BIRTH = datetime.date(2025, 1, 10)

# (vaccine, dose, age in months the Kemenkes table gives it): [P12] + [PCV] + [RV] + [IPV2].
OFFICIAL_TABLE = [
    ("hb0", 1, 0),
    ("bcg", 1, 1),
    ("polio", 1, 1),
    ("polio", 2, 2),
    ("polio", 3, 3),
    ("polio", 4, 4),
    ("dpt_hb_hib", 1, 2),
    ("dpt_hb_hib", 2, 3),
    ("dpt_hb_hib", 3, 4),
    ("dpt_hb_hib", 4, 18),
    ("pcv", 1, 2),
    ("pcv", 2, 3),
    ("pcv", 3, 12),
    ("rv", 1, 2),
    ("rv", 2, 3),
    ("rv", 3, 4),
    ("ipv", 1, 4),
    ("ipv", 2, 9),
    ("mr", 1, 9),
    ("mr", 2, 18),
]


def on_schedule(until: tuple[str, int]) -> dict:
    """Every dose before `until` in its series, given at its recommended age."""
    vaccine, number = until
    return {
        dose.key: dose.recommended.after(BIRTH)
        for dose in schedule.SCHEDULE
        if dose.vaccine == vaccine and dose.number < number
    }


def test_the_schedule_is_exactly_the_official_table():
    assert [(d.vaccine, d.number, d.recommended.months) for d in schedule.SCHEDULE] == OFFICIAL_TABLE
    assert all(d.recommended.days == 0 for d in schedule.SCHEDULE)


@pytest.mark.parametrize(("vaccine", "number", "months"), OFFICIAL_TABLE)
def test_each_dose_is_due_at_its_age_and_not_before(vaccine, number, months):
    dose = DOSES[(vaccine, number)]
    given = on_schedule(dose.key)
    day = Age(months).after(BIRTH)
    assert state(dose, BIRTH, given, day) == schedule.DUE
    assert check_dose(dose, BIRTH, given, day) is None
    if months:
        assert state(dose, BIRTH, given, day - datetime.timedelta(days=1)) in (schedule.NOT_YET, schedule.WAITING)
    # A month after its age it is late (HB0 is then past its 7-day limit).
    late = state(dose, BIRTH, given, Age(months + 1).after(BIRTH))
    assert late == (schedule.EXPIRED if dose.key == ("hb0", 1) else schedule.OVERDUE)


def test_hb0_only_in_the_first_seven_days():
    dose = DOSES[("hb0", 1)]
    assert check_dose(dose, BIRTH, {}, BIRTH + datetime.timedelta(days=7)) is None
    message = check_dose(dose, BIRTH, {}, BIRTH + datetime.timedelta(days=8))
    assert "batas umur" in message
    assert state(dose, BIRTH, {}, BIRTH + datetime.timedelta(days=8)) == schedule.EXPIRED


def test_dpt_hb_hib_1_not_before_six_weeks():
    dose = DOSES[("dpt_hb_hib", 1)]
    assert "terlalu dini" in check_dose(dose, BIRTH, {}, BIRTH + datetime.timedelta(days=41))
    assert check_dose(dose, BIRTH, {}, BIRTH + datetime.timedelta(days=42)) is None


def test_four_weeks_between_doses_of_a_series():
    dose = DOSES[("polio", 2)]
    first = datetime.date(2025, 3, 1)
    message = check_dose(dose, BIRTH, {("polio", 1): first}, datetime.date(2025, 3, 28))
    assert "terlalu dekat" in message and "29 Mar 2025" in message
    assert check_dose(dose, BIRTH, {("polio", 1): first}, datetime.date(2025, 3, 29)) is None


def test_out_of_order_dose_is_refused():
    message = check_dose(
        DOSES[("polio", 3)], BIRTH, {("polio", 1): datetime.date(2025, 2, 10)}, datetime.date(2025, 5, 1)
    )
    assert message == "Polio tetes (OPV) 2 belum tercatat: catat dulu dosis sebelumnya."


def test_rotavirus_ends_at_6_months_29_days():
    """SE IM.02.02/C/3052/2023: the last RV dose no later than 6 months 29 days."""
    dose = DOSES[("rv", 1)]
    assert check_dose(dose, BIRTH, {}, datetime.date(2025, 8, 8)) is None  # 6 months (10 Jul) + 29 days
    assert "batas umur" in check_dose(dose, BIRTH, {}, datetime.date(2025, 8, 9))  # 6 months 30 days
    assert state(dose, BIRTH, {}, datetime.date(2025, 8, 9)) == schedule.EXPIRED
    # Once RV 1 can no longer be given, the whole series has ended.
    assert state(DOSES[("rv", 3)], BIRTH, {}, datetime.date(2025, 8, 9)) == schedule.EXPIRED


def test_ipv2_four_months_after_ipv1():
    dose = DOSES[("ipv", 2)]
    given = {("ipv", 1): datetime.date(2025, 7, 1)}
    assert "terlalu dekat" in check_dose(dose, BIRTH, given, datetime.date(2025, 10, 31))
    assert check_dose(dose, BIRTH, given, datetime.date(2025, 11, 1)) is None


def test_boosters_after_their_intervals():
    dpt4 = DOSES[("dpt_hb_hib", 4)]
    given = {("dpt_hb_hib", 3): datetime.date(2026, 2, 1)}
    # 18 months old but only 11 months after the third dose.
    assert "terlalu dekat" in check_dose(dpt4, BIRTH, given, datetime.date(2026, 7, 10))
    mr2 = DOSES[("mr", 2)]
    assert "terlalu dini" in check_dose(mr2, BIRTH, {("mr", 1): datetime.date(2025, 10, 10)}, datetime.date(2026, 7, 9))
    assert check_dose(mr2, BIRTH, {("mr", 1): datetime.date(2025, 10, 10)}, datetime.date(2026, 7, 10)) is None


def test_catch_up_after_the_first_birthday_until_59_months():
    bcg = DOSES[("bcg", 1)]
    polio1 = DOSES[("polio", 1)]
    assert state(polio1, BIRTH, {}, datetime.date(2025, 12, 1)) == schedule.OVERDUE
    assert state(polio1, BIRTH, {}, datetime.date(2026, 1, 10)) == schedule.CATCH_UP
    assert state(bcg, BIRTH, {}, datetime.date(2026, 1, 10)) == schedule.EXPIRED  # BCG for infants only
    assert state(polio1, BIRTH, {}, datetime.date(2030, 1, 10)) == schedule.EXPIRED


def test_idl_needs_every_basic_dose_before_the_first_birthday():
    given = {dose.key: dose.recommended.after(BIRTH) for dose in schedule.IDL_DOSES}
    assert schedule.idl_date(BIRTH, given) == datetime.date(2025, 10, 10)  # MR 1 at 9 months, the last
    given[("mr", 1)] = datetime.date(2026, 1, 10)  # on the first birthday: too late
    assert schedule.idl_date(BIRTH, given) is None
    given[("mr", 1)] = datetime.date(2026, 1, 9)
    assert schedule.idl_date(BIRTH, given) == datetime.date(2026, 1, 9)
    del given[("ipv", 1)]
    assert schedule.idl_date(BIRTH, given) is None


def test_child_summary():
    everything = {dose.key: dose.recommended.after(BIRTH) for dose in schedule.SCHEDULE}
    assert schedule.child_status(BIRTH, everything, datetime.date(2027, 1, 1)).summary == "complete"
    assert schedule.child_status(BIRTH, {}, BIRTH).summary == schedule.DUE  # HB0 today
    assert schedule.child_status(BIRTH, {}, datetime.date(2026, 2, 1)).summary == schedule.CATCH_UP
