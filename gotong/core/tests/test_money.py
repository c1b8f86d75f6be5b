"""Rupiah written and typed the Indonesian way, the same in every module."""

import pytest
from django.core.exceptions import ValidationError

from gotong.core.forms import RupiahField
from gotong.core.money import format_rupiah, parse_rupiah


def test_format_follows_puebi():
    assert format_rupiah(19_762_620_000) == "Rp19.762.620.000"
    assert format_rupiah(-15_000) == "−Rp15.000"
    assert format_rupiah(None) == "—"


@pytest.mark.parametrize("typed", ["150000", "150.000", "Rp 150.000", "rp150.000", " Rp. 150000 "])
def test_parse_accepts_what_people_type(typed):
    assert parse_rupiah(typed) == 150_000


@pytest.mark.parametrize(
    ("typed", "message"),
    [("150.000,50", "tanpa sen"), ("1.50.000", "rupiah bulat"), ("seratus", "rupiah bulat"), ("-5", "rupiah bulat")],
)
def test_parse_explains_what_is_wrong(typed, message):
    with pytest.raises(ValidationError) as error:
        parse_rupiah(typed)
    assert message in error.value.messages[0]


def test_field_bounds_and_empty_values():
    field = RupiahField(required=False)
    assert field.clean("") is None
    assert field.clean("Rp 2.500.000") == 2_500_000
    with pytest.raises(ValidationError):
        field.clean("0")
    assert RupiahField(min_value=0).clean("0") == 0
