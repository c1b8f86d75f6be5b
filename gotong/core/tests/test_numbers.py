"""Numbers typed the Indonesian way are read the same in every form: "3,2" is 3.2, never 32."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from gotong.core.numbers import format_decimal, parse_decimal


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("3,2", "3.2"),
        ("12,5", "12.5"),
        ("2,35", "2.35"),
        ("3.2", "3.2"),  # an English keypad's point is still a decimal point when not followed by 3 digits
        ("1.250", "1250"),  # a dot before three digits separates thousands
        ("1.250.000", "1250000"),
        ("1.250,5", "1250.5"),
        (" 18,92 ", "18.92"),
        ("0,5", "0.5"),
        (",5", "0.5"),
        ("−2,5", "-2.5"),
        ("7", "7"),
    ],
)
def test_indonesian_decimals_parse(typed, expected):
    assert parse_decimal(typed) == Decimal(expected)


def test_where_three_decimals_are_plausible_a_dot_is_a_decimal_point():
    assert parse_decimal("104.449", thousands=False) == Decimal("104.449")
    assert parse_decimal("0.941") == Decimal("0.941")  # "0.941" can never be thousands
    with pytest.raises(ValidationError):
        parse_decimal("1.250,5", thousands=False)


@pytest.mark.parametrize("typed", ["abc", "3,2,1", "1.25.0", "3,2 ha", "1,250.5", ".", ""])
def test_anything_else_is_refused_with_an_example(typed):
    with pytest.raises(ValidationError) as error:
        parse_decimal(typed)
    assert error.value.messages == ["Tulis angka, mis. 3,2."]


def test_numbers_are_shown_back_with_the_comma_in_indonesian():
    assert format_decimal(Decimal("3.20"), language="id") == "3,20"
    assert format_decimal(Decimal("3.20"), language="en") == "3.20"
    assert format_decimal(None) == ""


def test_slum_location_hectares_typed_with_a_comma():
    from gotong.areas.models import Area
    from gotong.slums.forms import LocationForm

    form = LocationForm({"area_ha": "3,2"}, villages=Area.objects.none())
    form.is_valid()
    assert form.cleaned_data["area_ha"] == Decimal("3.2")
    html = str(form["area_ha"])
    assert 'type="text"' in html and 'inputmode="decimal"' in html and 'value="3,2"' in html


def test_a_bad_number_names_what_was_expected_and_keeps_the_other_values():
    from gotong.areas.models import Area
    from gotong.slums.forms import LocationForm

    typed = {"area_ha": "tiga", "name": "Kampung Bugis", "latitude": "0,9278", "longitude": "104.449"}
    form = LocationForm(typed, villages=Area.objects.none())
    assert not form.is_valid()
    assert form.errors["area_ha"] == ["Masukkan luas dalam hektar, mis. 18,92."]
    assert form.cleaned_data["latitude"] == Decimal("0.9278")
    assert form.cleaned_data["longitude"] == Decimal("104.449")  # six decimals: the GPS app's dot is a decimal point
    assert 'value="Kampung Bugis"' in str(form["name"]) and 'value="tiga"' in str(form["area_ha"])


@pytest.mark.django_db
def test_treasury_rate_typed_with_a_comma_and_shown_back_with_it():
    from gotong.treasury.forms import ProductForm

    form = ProductForm({"rate": "1,5"})
    form.is_valid()
    assert form.cleaned_data["rate"] == Decimal("1.5")
    with translation.override("id"):
        assert 'value="1,50"' in str(ProductForm(initial={"rate": Decimal("1.50")})["rate"])


def test_waste_bank_kilograms_with_a_comma():
    from gotong.wastebank.forms import KgField

    assert KgField().clean("2,5") == 2500  # grams
    assert KgField().clean("2.5") == 2500
    assert KgField().clean("1.250") == 1250  # weighed to the gram: the dot is a decimal point, 1,25 kg
    with pytest.raises(ValidationError, match="mis. 2,35"):
        KgField().clean("dua")


def test_posyandu_weight_with_a_comma():
    from gotong.field.services.common import decimal
    from gotong.posyandu.services import _decimal

    assert _decimal("12,5", "weight_kg", "0.01") == Decimal("12.50")
    assert decimal({"weight_kg": "12,5"}, "weight_kg") == Decimal("12.5")  # the field app's JSON
    with pytest.raises(ValidationError) as error:
        _decimal("12,5kg", "weight_kg", "0.01")
    assert error.value.message_dict == {"weight_kg": ["Isi dengan angka, mis. 9,5."]}


def test_rupiah_are_whole_and_dots_separate_thousands():
    from gotong.core.forms import RupiahField

    assert RupiahField().clean("1.250.000") == 1250000
    assert RupiahField().clean("Rp 1.250.000") == 1250000
    with pytest.raises(ValidationError, match="tanpa sen"):
        RupiahField().clean("1.250,50")
