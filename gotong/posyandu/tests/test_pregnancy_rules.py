"""Dating and contacts by the published rules: Naegele's examples and Permenkes 21/2021's 1-2-3 contacts."""

import datetime

import pytest

from gotong.posyandu.pregnancy import rules

D = datetime.date


@pytest.mark.parametrize(
    ("lmp", "due"),
    [
        # Worked examples of Naegele's rule (HPHT + 7 days − 3 months + 1 year).
        (D(2026, 1, 1), D(2026, 10, 8)),
        (D(2026, 3, 15), D(2026, 12, 22)),
        (D(2011, 8, 3), D(2012, 5, 10)),
        # + 7 days crosses the month first: 31 May → 7 June → 7 March.
        (D(2026, 5, 31), D(2027, 3, 7)),
    ],
)
def test_due_date_by_naegele(lmp, due):
    assert rules.due_date(lmp) == due


def test_gestational_age_and_trimester_bounds():
    lmp = D(2026, 1, 1)
    assert rules.gestational_age(lmp, D(2026, 4, 1)) == (12, 6)
    # Permenkes 21/2021: the first trimester runs to 12 weeks, the second above 12 to 24, the third above 24.
    assert rules.trimester(lmp, lmp + datetime.timedelta(weeks=12)) == 1
    assert rules.trimester(lmp, lmp + datetime.timedelta(weeks=12, days=1)) == 2
    assert rules.trimester(lmp, lmp + datetime.timedelta(weeks=24)) == 2
    assert rules.trimester(lmp, lmp + datetime.timedelta(weeks=24, days=1)) == 3


def test_six_contacts_one_two_three():
    assert rules.REQUIRED_CONTACTS == {1: 1, 2: 2, 3: 3}
    assert rules.MINIMUM_CONTACTS == 6


def test_contacts_done_missing_open_coming():
    lmp = D(2026, 1, 1)
    on = lmp + datetime.timedelta(weeks=20)  # second trimester
    visits = [lmp + datetime.timedelta(weeks=14)]  # no first-trimester contact, one of two in the second
    rows = rules.contacts(lmp, visits, on)
    assert [(r.number, r.required, r.done, r.state) for r in rows] == [
        (1, 1, 0, "missing"),
        (2, 2, 1, "open"),
        (3, 3, 0, "coming"),
    ]
    assert rules.missed_contacts(rows) == 1
    # The second trimester's missing contact is due by its end (24 weeks).
    assert rules.next_contact_due(lmp, visits, on) == lmp + datetime.timedelta(weeks=24)


def test_contacts_complete_and_next_due_in_third_trimester():
    lmp = D(2026, 1, 1)
    weeks = [8, 16, 22, 28, 32, 36]
    visits = [lmp + datetime.timedelta(weeks=w) for w in weeks]
    on = lmp + datetime.timedelta(weeks=37)
    rows = rules.contacts(lmp, visits, on)
    assert all(r.state == "done" for r in rows)
    assert rules.next_contact_due(lmp, visits, on) is None
    # With two third-trimester contacts still to make at 30 weeks: the next one half-way to the due date.
    on = lmp + datetime.timedelta(weeks=30)
    due = rules.next_contact_due(lmp, visits[:4], on)
    assert due == on + datetime.timedelta(days=(rules.due_date(lmp) - on).days // 2)


def test_visits_after_the_day_asked_do_not_count():
    lmp = D(2026, 1, 1)
    rows = rules.contacts(lmp, [lmp + datetime.timedelta(weeks=10)], lmp + datetime.timedelta(weeks=9))
    assert rows[0].done == 0 and rows[0].state == "open"
