"""SKDN on a small fixture checked by hand.

Posyandu Kenanga, March 2026. Children (all under five unless said):
  A weighed Feb 9.0 → Mar 9.3 (+300 g ≥ 200): N, card
  B weighed Jan 9.0, Feb 9.0 (flat: T), Mar 9.0 (T again): T and 2T, no card in March
  C weighed Jan only, then Mar: O
  D first weighing in Mar, very light: B and BGM
  E not weighed in March (weighed Feb, with card)
  F born 2020: over 59 months in March → not in S
So S = 5 (A–E), K = A, C, D, E (latest card yes; B's March card no) = 4, D = 4, N = 1, T = 1, 2T = 1, O = 1,
B = 1, BGM = 1, K/S = 80.0 %, D/S = 80.0 %, N/D = 25.0 %.
"""

import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from gotong.posyandu import skdn
from gotong.posyandu.tests.conftest import MARCH

pytestmark = pytest.mark.django_db


def test_skdn_numbers(kenanga):
    row = skdn.for_posyandu(kenanga, MARCH)
    got = {name: getattr(row, name) for name in skdn.FIELDS}
    assert got == {"s": 5, "k": 4, "d": 4, "n": 1, "t": 1, "t2": 1, "o": 1, "b": 1, "bgm": 1, "scored": 0, "stunted": 0}
    assert row.d == row.n + row.t + row.o + row.b
    assert (str(row.k_s), str(row.d_s), str(row.n_d)) == ("80.0", "80.0", "25.0")
    assert not row.d_s_below_target


def test_village_rows_add_up_posyandu(kenanga, other_posyandu):
    from gotong.organizations.models import Organization

    per_posyandu, per_village, total = skdn.report(Organization.objects.filter(kind="posyandu"), MARCH)
    assert [r.label for r in per_posyandu] == ["Posyandu Dahlia", "Posyandu Kenanga"]
    assert len(per_village) == 1 and per_village[0].label == "Kampung Bugis"
    assert per_village[0].s == total.s == 5 and per_village[0].posyandus == ["Posyandu Dahlia", "Posyandu Kenanga"]
    assert per_posyandu[0].d_s is None  # no children: no ratio, not a division by zero


def test_skdn_exports(client, kenanga, cadre):
    client.force_login(cadre)
    page = client.get("/posyandu/skdn/?bulan=2026-03")
    assert page.status_code == 200
    assert page.context["total"].d == 4
    pdf = client.get("/posyandu/skdn.pdf?bulan=2026-03")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Laporan SKDN Maret 2026" in text and "Kenanga" in text and "80,0%" in text
    xlsx = client.get("/posyandu/skdn.xlsx?bulan=2026-03")
    sheet = load_workbook(io.BytesIO(xlsx.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("Posyandu", "Kode wilayah", "S", "K", "D")
    assert rows[1][:5] == ("Posyandu Kenanga", "21.72.03.1005", 5, 4, 4)
    assert rows[1][-3:] == (80.0, 80.0, 25.0)


def test_many_posyandu_cost_the_same_queries_as_one(kenanga, other_posyandu, django_assert_num_queries):
    """A city's thousands of posyandu are counted in grouped queries, never one round per posyandu: one read of
    their monthly tallies, and grouped queries for those that have none (Dahlia has no children): children,
    weighings, the area's unfollowed under-fives (none here: Kenanga, registered first, counts those of the village
    both serve) and, when there are some, their posyandu."""
    with django_assert_num_queries(4):
        rows = skdn.for_posyandus([kenanga, other_posyandu], MARCH)
    assert rows[kenanga.pk].d == 4 and rows[other_posyandu.pk].s == 0
    assert rows[kenanga.pk] == skdn.for_posyandu(kenanga, MARCH)
    with django_assert_num_queries(1):
        assert skdn.for_posyandus([kenanga], MARCH)[kenanga.pk] == rows[kenanga.pk]
