"""Ordering a list by area code the way its pattern index keeps it: the same rows, in code order, both ways."""

import pytest

from gotong.core.listing import CodeIndexOrder
from gotong.registry.models import Household
from gotong.registry.tests.factories import HouseholdFactory, rt_in

pytestmark = pytest.mark.django_db


def test_code_index_order_sorts_by_area_code_both_ways(areas):
    codes = ["21.72.03.1005", "21.72.01.1001", "21.72.03.1005"]
    for rt, code in enumerate(codes, start=1):
        HouseholdFactory(area=rt_in(code, 1, rt))
    ordered = Household.objects.order_by(CodeIndexOrder("area_code"), "pk")
    listed = list(ordered.values_list("area_code", flat=True))
    assert listed == sorted(listed) and len(listed) == 3
    assert list(ordered.reverse().values_list("area_code", flat=True)) == listed[::-1]
