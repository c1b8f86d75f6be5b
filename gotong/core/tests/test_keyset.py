"""Cursor pages over orders with ties, mixed directions and NULLs: every row once, in order, there and back."""

import pytest
from django.db.models import F

from gotong.core import keyset
from gotong.core.listing import seek_page
from gotong.registry.models import Household
from gotong.registry.tests.factories import HouseholdFactory, rt_in

BUGIS = "21.72.03.1005"

ORDERS = {
    "poorest first, unknown decile last": (F("welfare_decile").asc(nulls_last=True), "-area_code"),
    "richest first, unknown decile first": (F("welfare_decile").desc(nulls_first=True), "address"),
    "nullable descending, engine's default": ("-welfare_decile",),
    "mixed with a descending primary key": ("area_code", "-welfare_decile", "-pk"),
}


@pytest.fixture
def households(areas):
    deciles = [1, 1, None, 2, None, 1, 3, 2]
    return [
        HouseholdFactory(area=rt_in(BUGIS, 1, 1 + n % 2), welfare_decile=decile, address=f"Jl. {n % 3}")
        for n, decile in enumerate(deciles)
    ]


def forward_and_back(queryset, size):
    pages = [seek_page(queryset, {}, size)]
    while pages[-1].next_cursor:
        pages.append(seek_page(queryset, {"setelah": pages[-1].next_cursor}, size))
    back = [pages[-1]]
    while back[-1].has_previous():
        cursor = back[-1].previous_cursor
        back.append(seek_page(queryset, {"sebelum": cursor} if cursor else {}, size))
    return [[h.pk for h in page] for page in pages], [[h.pk for h in page] for page in back[::-1]]


@pytest.mark.parametrize("order", ORDERS.values(), ids=ORDERS.keys())
@pytest.mark.parametrize("size", [1, 3])
def test_pages_visit_every_row_once_in_the_lists_order_and_lead_back(households, order, size):
    queryset = Household.objects.order_by(*order)
    unpaginated = [h.pk for h in queryset.order_by(*(key.order() for key in keyset.keys_of(queryset)))]
    forward, back = forward_and_back(queryset, size)
    assert [pk for page in forward for pk in page] == unpaginated
    assert sorted(unpaginated) == sorted(h.pk for h in households)
    assert back == forward
    assert [len(page) for page in forward[:-1]] == [size] * (len(forward) - 1)


def test_unknown_deciles_sort_last_ascending_on_every_engine(households):
    keys = keyset.keys_of(Household.objects.order_by("welfare_decile"))
    rows = list(Household.objects.order_by(*(key.order() for key in keys)))
    assert [h.welfare_decile for h in rows][-2:] == [None, None]


def test_a_changed_or_foreign_cursor_is_refused_and_the_page_starts_over(households):
    by_decile = Household.objects.order_by("welfare_decile")
    cursor = seek_page(by_decile, {}, 2).next_cursor
    keys = keyset.keys_of(by_decile)
    assert keyset.decode_cursor(keys, cursor)[1] == 2
    tampered = cursor[:5] + ("A" if cursor[5] != "A" else "B") + cursor[6:]
    for bad in (tampered, "x", cursor + "x"):
        with pytest.raises(keyset.BadCursor):
            keyset.decode_cursor(keys, bad)
        page = seek_page(by_decile, {"setelah": bad}, 2)
        assert page.number == 1 and [h.pk for h in page] == [h.pk for h in seek_page(by_decile, {}, 2)]
    # A cursor of one order means nothing in another: refused, not misread.
    with pytest.raises(keyset.BadCursor):
        keyset.decode_cursor(keyset.keys_of(Household.objects.order_by("address")), cursor)


def test_a_cursor_only_narrows_the_scoped_list(households):
    everyone = Household.objects.order_by("area_code", "family_card_number")
    cursor = seek_page(everyone, {}, 2).next_cursor
    first_rt = everyone.filter(area_code=households[0].area_code)
    page = seek_page(first_rt, {"setelah": cursor}, 10)
    assert {h.area_code for h in page} <= {households[0].area_code}


def test_an_order_by_a_relation_pages_by_offset_as_before(households):
    with pytest.raises(keyset.Unkeyable):
        keyset.keys_of(Household.objects.order_by("area"))


def test_a_list_whose_order_no_cursor_can_follow_pages_by_number_instead_of_failing(households, caplog):
    # Ordered by the area relation (Django orders by the Area model's own ordering): no cursor can seek it.
    by_area = Household.objects.order_by("area", "pk")
    expected = [h.pk for h in by_area]

    first, second = seek_page(by_area, {}, 5), seek_page(by_area, {"page": "2"}, 5)

    assert [h.pk for h in first] + [h.pk for h in second] == expected
    assert first.by_offset and first.next_cursor is None and first.has_next()
    assert "registry.Household pages by OFFSET" in caplog.text


def test_the_pager_links_pages_by_number_when_the_order_has_no_cursor(rf, households):
    from django.contrib.auth.models import AnonymousUser
    from django.template.loader import render_to_string

    page = seek_page(Household.objects.order_by("area", "pk"), {"page": "2"}, 3)
    request = rf.get("/registrasi/", {"page": "2"})
    request.user = AnonymousUser()
    html = render_to_string("core/_pager.html", {"page": page}, request=request)

    assert "?page=3" in html and "?page=1" in html and "setelah" not in html
