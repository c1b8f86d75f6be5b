import json

import pytest
from django.core.management import CommandError, call_command

from gotong.slums.tests.conftest import ALL_ZERO


def _run(tmp_path, payload) -> dict:
    path = tmp_path / "kriteria.json"
    path.write_text(payload if isinstance(payload, str) else json.dumps(payload), encoding="utf-8")
    from io import StringIO

    out = StringIO()
    call_command("slums", "assess", str(path), stdout=out)
    return json.loads(out.getvalue())


def test_assess_prints_total_class_and_criteria(tmp_path):
    result = _run(tmp_path, {"criteria": dict(ALL_ZERO, **{"1a": 40, "2b": 80, "3a": 60.5})})
    assert result["total"] == 9 and result["class"] == "none"
    assert result["criteria"]["1a"] == {"percent": 40, "score": 1}
    assert result["criteria"]["2b"] == {"percent": 80, "score": 5}
    assert result["criteria"]["3a"] == {"percent": 60.5, "score": 3}
    assert list(result["criteria"]) == list(ALL_ZERO)


def test_assess_heavy(tmp_path):
    assert _run(tmp_path, {"criteria": dict.fromkeys(ALL_ZERO, 100)}) == {
        "total": 80,
        "class": "heavy",
        "criteria": {code: {"percent": 100, "score": 5} for code in ALL_ZERO},
    }


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"criteria": dict(ALL_ZERO, **{"1a": 120})}, "Kriteria 1a: 120% di luar rentang 0–100%."),
        ({"criteria": {"1a": 10}}, "Kriteria belum diisi: 1b, 1c"),
        ({"kriteria": {}}, 'Berkas harus berisi objek "criteria"'),
        ("{bukan json", "bukan JSON yang sah"),
    ],
)
def test_bad_input_exits_1_with_indonesian_message(tmp_path, payload, message):
    with pytest.raises(CommandError) as info:
        _run(tmp_path, payload)
    assert info.value.returncode == 1
    assert message in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Berkas tidak ditemukan"):
        call_command("slums", "assess", str(tmp_path / "tidak-ada.json"))
