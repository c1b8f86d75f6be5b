"""Scores and confidence intervals checked by hand, change between rounds, suppression for partners."""

import datetime
import math

import pytest
from django.core.exceptions import ValidationError

from gotong.socialcapital.reports import round_scores
from gotong.socialcapital.scoring import OVERALL, change_between, summarise, t_quantile
from gotong.socialcapital.tests.conftest import BUGIS, answer, household, make_round

RT1, RT2 = f"{BUGIS}.001.001", f"{BUGIS}.001.002"


@pytest.mark.parametrize(("df", "expected"), [(1, 12.7062), (2, 4.3027), (9, 2.2622), (30, 2.0423), (1000, 1.9623)])
def test_t_quantile_matches_tables(df, expected):
    assert t_quantile(0.975, df) == pytest.approx(expected, abs=1e-4)


def test_summary_by_hand():
    s = summarise([50.0, 75.0, 100.0])
    assert (s.n, s.mean, s.sd) == (3, 75.0, 25.0)
    half = 4.302653 * 25 / math.sqrt(3)  # t(0.975, 2) × s / √n
    assert s.low == pytest.approx(75 - half, abs=1e-3) and s.high == pytest.approx(75 + half, abs=1e-3)
    single = summarise([40.0])
    assert single.mean == 40.0 and not single.has_interval
    assert summarise([]).mean is None


def test_change_is_welch_difference():
    before, after = summarise([50.0, 75.0, 100.0]), summarise([75.0, 100.0, 100.0])
    change = change_between(before, after)
    assert change.difference == pytest.approx(16.6667, abs=1e-3)
    v1, v2 = 625 / 3, (after.sd**2) / 3
    df = (v1 + v2) ** 2 / (v1**2 / 2 + v2**2 / 2)
    assert df == pytest.approx(3.2, abs=0.01)
    half = t_quantile(0.975, df) * math.sqrt(v1 + v2)
    assert change.low == pytest.approx(change.difference - half) and change.high == pytest.approx(
        change.difference + half
    )
    assert change.low < 0 < change.high  # three households each: not a significant rise
    assert change_between(summarise([10.0]), summarise([30.0])).low is None


def test_area_scores_from_households(bugis_round, facilitator):
    answer(bugis_round, household(1, 1), facilitator, (5, 3), 2)  # trust 75, gotong royong 100
    answer(bugis_round, household(1, 1), facilitator, (1, 1), 0)  # trust 0, gotong royong 0
    answer(bugis_round, household(1, 2), facilitator, (4, 4), 1)  # trust 75, gotong royong 50
    scores = round_scores(facilitator, bugis_round)
    assert set(scores) == {BUGIS, f"{BUGIS}.001", RT1, RT2}
    rt1 = scores[RT1]
    assert rt1["kepercayaan"].n == 2 and rt1["kepercayaan"].mean == 37.5
    assert rt1["gotong_royong"].mean == 50.0
    assert rt1[OVERALL].mean == pytest.approx((87.5 + 0) / 2)
    half = 12.7062 * math.sqrt(2 * 37.5**2) / math.sqrt(2)
    assert rt1["kepercayaan"].high == pytest.approx(37.5 + half, rel=1e-4)
    village = scores[BUGIS]
    assert village["kepercayaan"].n == 3 and village["kepercayaan"].mean == 50.0
    assert village["gotong_royong"].mean == 50.0
    assert not scores[RT2]["kepercayaan"].has_interval  # one respondent: no interval
    assert scores[RT2]["norma"].n == 0  # a dimension the instrument does not ask about


def test_change_between_rounds_on_pages(bugis_round, instrument, areas, admin_user, facilitator, client):
    later = make_round(instrument, areas[BUGIS], admin_user, "Putaran 2026", datetime.date(2026, 3, 1),
                       datetime.date(2026, 4, 30))  # fmt: skip
    for trust in ((3, 3), (2, 2)):
        answer(bugis_round, household(), facilitator, trust, 0)
    for trust in ((5, 5), (4, 4)):
        answer(later, household(), facilitator, trust, 2)
    client.force_login(facilitator)
    page = client.get("/modal-sosial/skor/", {"putaran": later.pk})
    assert page.context["compare"] == bugis_round
    village = page.context["rows"][0]
    trust = next(c for c in village["cells"] if c["key"] == "kepercayaan")
    assert trust["before"].mean == 37.5 and trust["summary"].mean == 87.5
    assert trust["change"].difference == 50.0
    assert "Δ +50" in page.content.decode()
    assert client.get("/modal-sosial/").context["latest"] == later
    from io import BytesIO

    from openpyxl import load_workbook

    export = client.get("/modal-sosial/skor/unduh.xlsx", {"putaran": later.pk})
    sheet = load_workbook(BytesIO(export.content)).active
    trust_row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == BUGIS and r[2] == "Kepercayaan")
    assert trust_row[3:5] == (2, 87.5) and trust_row[7:10] == (2, 37.5, 50.0)


def test_partner_sees_only_groups_of_five(bugis_round, facilitator, partner):
    for _i in range(5):
        answer(bugis_round, household(1, 1), facilitator, (4, 4), 1)
    answer(bugis_round, household(1, 2), facilitator, (2, 2), 0)
    scores = round_scores(partner, bugis_round)
    assert set(scores) == {BUGIS, f"{BUGIS}.001", RT1}
    assert scores[BUGIS][OVERALL].n == 6
    # The facilitator sees every group, small ones included.
    assert RT2 in round_scores(facilitator, bugis_round)


def test_response_rules(bugis_round, facilitator, other_facilitator):
    home = household()
    first = answer(bugis_round, home, facilitator, (4, 4), 1)
    with pytest.raises(ValidationError, match="sudah diwawancarai"):
        answer(bugis_round, home, facilitator, (4, 4), 1)
    with pytest.raises(ValidationError, match="masa putaran"):
        answer(bugis_round, household(), facilitator, (4, 4), 1, on=datetime.date(2025, 5, 1))
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        answer(bugis_round, household(), other_facilitator, (4, 4), 1)
    assert first.answers.count() == 3
