import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("posyandu", "zscore", *args, stdout=out)
    return json.loads(out.getvalue())


def test_zscore_json_matches_who_example():
    data = run("--sex", "F", "--age-days", "1000", "--weight", "15", "--height", "80")
    assert data == {
        "waz": 0.95,
        "haz": -3.5,
        "whz": 4.13,
        "baz": 4.66,
        "waz_class": "normal",
        "haz_class": "severely_stunted",
        "whz_class": "obese",
        "baz_class": "obese",
        "flags": [],
    }


def test_implausible_and_missing_values_come_with_reasons():
    data = run("--sex", "M", "--age-days", "1001", "--weight", "18", "--height", "120")
    assert data["haz"] is None and data["haz_reason"] == "implausible" and data["haz_class"] is None
    assert data["waz"] == 2.2 and data["waz_class"] == "risk_of_overweight"
    data = run("--sex", "M", "--age-days", "300", "--weight", "8.5")
    assert data["haz"] is None and data["haz_reason"] == "missing_measurement"


def test_measure_adjusts_by_0_7_cm():
    lying = run("--sex", "M", "--age-days", "900", "--weight", "12", "--height", "88.7", "--measure", "lying")
    standing = run("--sex", "M", "--age-days", "900", "--weight", "12", "--height", "88", "--measure", "standing")
    assert lying == standing


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--sex", "X", "--age-days", "10", "--weight", "4"], "--sex harus M"),
        (["--sex", "M", "--age-days", "sepuluh", "--weight", "4"], "bilangan bulat"),
        (["--sex", "M", "--age-days", "-3", "--weight", "4"], "lebih dari nol"),
        (["--sex", "M", "--age-days", "10", "--weight", "0"], "lebih dari nol"),
        (["--sex", "M", "--age-days", "10", "--weight", "4", "--height", "50", "--measure", "duduk"], "--measure"),
        (["--sex", "M", "--age-days", "10"], "Isi --weight"),
    ],
)
def test_bad_input_exits_1_with_indonesian_message(args, message):
    with pytest.raises(CommandError) as exc:
        call_command("posyandu", "zscore", *args)
    assert message in str(exc.value)
    assert exc.value.returncode == 1
