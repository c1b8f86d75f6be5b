"""An assessment entered from what facilitators count, as KOTAKU's baseline form collects it."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gotong.slums.counts import percentages_from_counts
from gotong.slums.services import record_assessment, stored_percent
from gotong.slums.tests.conftest import ALL_ZERO

# A published KOTAKU baseline record (RT01-RW05 Sumbermulyo, Kab. Jombang, on kawanku.pkpjatim.id): its wholes,
# its "volume" per criterion, and what the form printed: the percentages and a total of 38, "kumuh sedang".
SUMBERMULYO_BASES = {
    "verified_area_ha": "4.63", "building_count": 50, "household_count": 60,
    "road_length_m": "780", "drain_length_m": "385",
}  # fmt: skip
SUMBERMULYO_COUNTS = {
    "1a": 13, "1b": 0, "1c": 13, "2a": 100, "2b": 605, "3a": 54, "3b": 0, "4a": 0,
    "4b": 0, "4c": 310, "5a": 10, "5b": 16, "6a": 60, "6b": 60, "7a": 50, "7b": 50,
}  # fmt: skip
SUMBERMULYO_PERCENT = {
    "1a": "26.00", "2a": "12.82", "2b": "77.56", "3a": "90.00", "4c": "80.52", "5a": "16.67", "5b": "26.67",
    "6a": "100.00",
}  # fmt: skip


def test_percent_is_count_over_its_whole():
    counted = percentages_from_counts(counts=SUMBERMULYO_COUNTS, bases=SUMBERMULYO_BASES)
    # Kept unrounded for scoring; shown and stored with two decimals, as the baseline form prints them.
    for code, percent in SUMBERMULYO_PERCENT.items():
        assert stored_percent(counted.percentages[code]) == Decimal(percent), code


def test_zero_of_zero_is_nothing_affected_and_a_percent_still_counts_without_a_count():
    counted = percentages_from_counts(
        counts={"4b": 0}, bases={"drain_length_m": 0}, percentages=dict(ALL_ZERO, **{"7a": 80})
    )
    assert counted.percentages["4b"] == 0 and counted.percentages["7a"] == 80 and counted.amounts == {"4b": 0}


@pytest.mark.parametrize(
    ("counts", "bases", "key", "message"),
    [
        (
            {"2b": 900},
            {"road_length_m": 780},
            "2b",
            "Kriteria 2b (Kualitas permukaan jalan lingkungan buruk): 900 m lebih dari panjang jalan lingkungan "
            "ideal 780 m.",
        ),
        (
            {"4a": "5.5"},
            {"verified_area_ha": "4.63"},
            "4a",
            "Kriteria 4a (Ketidakmampuan mengalirkan limpasan air (genangan >30 cm, >2 jam, >2 kali/tahun)): "
            "5,5 ha lebih dari luas verifikasi 4,63 ha.",
        ),
        (
            {"3a": -1},
            {"household_count": 60},
            "3a",
            "Kriteria 3a (Ketidaktersediaan akses aman air minum): jumlah tidak boleh negatif.",
        ),
        (
            {"5a": "10.5"},
            {"household_count": 60},
            "5a",
            "Kriteria 5a (Sistem pengelolaan air limbah tidak sesuai standar teknis): jumlah KK harus bilangan bulat.",
        ),
        (
            {"1a": 13},
            {},
            "1a",
            "Kriteria 1a (Ketidakteraturan bangunan): isi dulu Jumlah bangunan (unit), penyebut kriteria ini.",
        ),
        ({}, {"household_count": "-3"}, "household_count", "Jumlah KK tidak boleh negatif."),
    ],
)
def test_counts_are_checked_and_the_error_names_the_criterion(counts, bases, key, message):
    with pytest.raises(ValidationError) as error:
        percentages_from_counts(counts=counts, bases=bases)
    assert error.value.message_dict[key] == [message]


def test_assessment_from_counts_stores_the_computed_percentages_and_score(bugis, city_officer):
    assessment = record_assessment(
        bugis,
        assessed_on=datetime.date(2024, 6, 30),
        counts=SUMBERMULYO_COUNTS,
        bases=SUMBERMULYO_BASES,
        affected_area_ha="4.63",
        acting_user=city_officer,
    )
    assert (assessment.total, assessment.slum_class) == (38, "medium")  # as the published form says
    assert (assessment.building_count, assessment.road_length_m) == (50, Decimal("780"))
    two_b = assessment.measurements.get(code="2b")
    assert (two_b.amount, two_b.whole, two_b.percent, two_b.score) == (605, 780, Decimal("77.56"), 5)


def test_a_not_slum_result_has_no_remaining_slum_area(bugis, city_officer):
    assessment = record_assessment(
        bugis, assessed_on=datetime.date(2024, 6, 30), percentages=ALL_ZERO, acting_user=city_officer
    )
    assert (assessment.slum_class, assessment.affected_area_ha) == ("none", 0)
    with pytest.raises(ValidationError) as error:
        record_assessment(
            bugis,
            assessed_on=datetime.date(2024, 7, 1),
            percentages=dict(ALL_ZERO, **{"7a": 100, "7b": 100, "6a": 100, "6b": 100}),
            affected_area_ha="0",
            acting_user=city_officer,
        )
    assert error.value.message_dict["affected_area_ha"] == [
        "Hasil penilaian Kumuh ringan (total 20): luas kumuh tersisa harus lebih dari 0 ha."
    ]


def _counts_form(**overrides):
    data = {"assessed_on": "2024-06-30", "affected_area_ha": "3,2", "potential": "Wisata pesisir"}
    data.update({key: str(value).replace(".", ",") for key, value in SUMBERMULYO_BASES.items()})
    data.update({f"c_{code}": str(value) for code, value in SUMBERMULYO_COUNTS.items()})
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_form_from_counts_with_one_percent_only_criterion(client, facilitator, bugis):
    client.force_login(facilitator)
    url = reverse("slums:assessment-create", args=[bugis.pk])
    page = client.get(url).content.decode()
    assert 'inputmode="decimal"' in page and "Jumlah bangunan (unit)" in page
    response = client.post(url, _counts_form(c_7b="", p_7b="37,5"))
    assert response.status_code == 302
    assessment = bugis.assessments.get()
    seven_b = assessment.measurements.get(code="7b")
    assert (seven_b.amount, seven_b.percent, seven_b.score) == (None, Decimal("37.5"), 1)
    assert assessment.affected_area_ha == Decimal("3.2") and assessment.verified_area_ha == Decimal("4.63")


@pytest.mark.django_db
def test_form_count_above_its_whole_is_refused_and_keeps_what_was_typed(client, facilitator, bugis):
    client.force_login(facilitator)
    response = client.post(reverse("slums:assessment-create", args=[bugis.pk]), _counts_form(c_2b="900"))
    assert response.status_code == 200 and not bugis.assessments.exists()
    assert response.context["form"].errors["c_2b"] == [
        "Kriteria 2b (Kualitas permukaan jalan lingkungan buruk): 900 m lebih dari panjang jalan lingkungan "
        "ideal 780 m."
    ]
    html = response.content.decode()
    assert 'value="900"' in html and 'value="4,63"' in html and 'value="3,2"' in html and "Wisata pesisir" in html


def test_count_help_names_its_whole_without_lowercasing_an_acronym():
    from gotong.slums.forms import AssessmentForm, count_field_name

    help_text = str(AssessmentForm().fields[count_field_name("3a")].help_text)
    assert help_text == "dari jumlah KK (KK)"
