"""The XForms' own rules hold on the server: no future date, only listed choices, no attachment dropped silently.

Collect enforces `. <= today()` and its choice lists on the phone; a stale form, another client or a hand-made POST
does not, so each is sent here as a real multipart instance and must be refused with an Indonesian reason, with
nothing recorded.
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gotong.casework.models import Adherence, Visit
from gotong.odk import catalog
from gotong.odk.tests.conftest import OPENROSA, instance_id, key_url
from gotong.odk.tests.test_submission import DEPOSIT, WEIGHING, _message
from gotong.odk.tests.test_visit import VISIT
from gotong.posyandu import services as posyandu_services
from gotong.posyandu.models import Measure, Weighing
from gotong.wastebank.models import Deposit

TODAY = timezone.localdate


def _weighing(child, *, day=None, replace=()) -> str:
    xml = WEIGHING.format(
        version=catalog.build("gotong_penimbangan").version,
        child=child.public_id,
        day=(day or TODAY()).isoformat(),
        weight="9.75",
        instance=instance_id(),
    )
    for old, new in replace:
        assert old in xml
        xml = xml.replace(old, new)
    return xml


@pytest.fixture
def sessions(posyandu, cadre):
    """Hari buka this month and, when tomorrow is in the next month, that month too: only the date is wrong."""
    today, tomorrow = TODAY(), TODAY() + datetime.timedelta(days=1)
    made = [posyandu_services.open_session(posyandu=posyandu, held_on=today, acting_user=cadre)]
    if tomorrow.month != today.month:
        made.append(posyandu_services.open_session(posyandu=posyandu, held_on=tomorrow, acting_user=cadre))
    return made


def test_a_weighing_dated_tomorrow_is_refused_with_the_reason(collect, cadre, child, sessions):
    response = collect(cadre, _weighing(child, day=TODAY() + datetime.timedelta(days=1)))
    assert response.status_code == 400
    assert _message(response) == "Tanggal ukur tidak boleh di masa depan."
    assert not Weighing.objects.exists()
    assert collect(cadre, _weighing(child)).status_code == 201  # today is fine


@pytest.mark.parametrize(
    ("old", "new", "label"),
    [
        ("<oedema>no</oedema>", "<oedema>maybe</oedema>", "Edema"),
        ("<growth_card>yes</growth_card>", "<growth_card>unknown</growth_card>", "KMS"),
        ("<measure>lying</measure>", "<measure>sitting</measure>", "Cara ukur"),
    ],
)
def test_a_choice_outside_the_forms_list_is_refused_not_bent(collect, cadre, child, sessions, old, new, label):
    response = collect(cadre, _weighing(child, replace=[(old, new)]))
    assert response.status_code == 400
    message = _message(response)
    value = new.split(">")[1].split("<")[0]
    assert label in message and f'"{value}"' in message and "tidak ada dalam daftar" in message
    assert not Weighing.objects.exists()


def test_listed_yes_and_no_are_recorded_as_answered(collect, cadre, child, sessions):
    xml = _weighing(child, replace=[("<oedema>no</oedema>", "<oedema>yes</oedema>"),
                                    ("<growth_card>yes</growth_card>", "<growth_card>no</growth_card>")])  # fmt: skip
    assert collect(cadre, xml).status_code == 201
    weighing = Weighing.objects.get(child=child)
    assert (weighing.oedema, weighing.growth_card) == (True, False)


def test_a_visit_with_an_unknown_adherence_or_a_future_date_is_refused(collect, facilitator, tb_case):
    def visit(day, adherence) -> str:
        xml = VISIT.format(version=catalog.build("gotong_kunjungan").version, case=tb_case.public_id,
                           day=day.isoformat(), instance=instance_id())  # fmt: skip
        return xml.replace("<adherence>partly</adherence>", f"<adherence>{adherence}</adherence>")

    unknown = collect(facilitator, visit(TODAY(), "kadang"))
    assert unknown.status_code == 400 and '"kadang"' in _message(unknown)
    future = collect(facilitator, visit(TODAY() + datetime.timedelta(days=1), "yes"))
    assert future.status_code == 400
    assert _message(future) == "Tanggal kunjungan tidak boleh di masa depan."
    assert not Visit.objects.exists()


def test_a_deposit_dated_tomorrow_is_refused(collect, staff, member, categories):
    xml = DEPOSIT.format(
        version=catalog.build("gotong_setoran_sampah").version, member=member.public_id, bank=member.bank_id,
        day=(TODAY() + datetime.timedelta(days=1)).isoformat(), pet=categories["pet"].pk,
        kardus=categories["kardus"].pk, instance=instance_id(),
    )  # fmt: skip
    response = collect(staff, xml)
    assert response.status_code == 400 and "masa depan" in _message(response)
    assert not Deposit.objects.exists()


def test_a_photo_attached_in_collect_is_refused_with_a_message_never_dropped(client, cadre, child, sessions):
    xml = SimpleUploadedFile("submission.xml", _weighing(child).encode(), content_type="text/xml")
    photo = SimpleUploadedFile("kms-rizky.jpg", b"\xff\xd8\xff\xe0 not really a jpeg", content_type="image/jpeg")
    response = client.post(
        key_url(cadre, "submission"), {"xml_submission_file": xml, "kms-rizky.jpg": photo}, **OPENROSA
    )
    assert response.status_code == 400
    message = _message(response)
    assert "tidak menerima foto" in message and "kms-rizky.jpg" in message and "tidak disimpan" in message
    assert not Weighing.objects.exists()


def test_the_forms_fixed_lists_are_the_models_choices():
    """One list per choice: the XLSForm offers exactly what the services accept (drift would refuse good entries)."""
    from gotong.posyandu.immunisation.schedule import SCHEDULE
    from gotong.posyandu.models import ImmunisationPlace, VisitPlace

    lists = {(form_id, s.path): s.values for form_id in catalog.FORMS for s in catalog.build(form_id).selects}
    assert lists == {
        ("gotong_penimbangan", "measure"): set(Measure.values),
        ("gotong_penimbangan", "oedema"): {"yes", "no"},
        ("gotong_penimbangan", "growth_card"): {"yes", "no"},
        ("gotong_imunisasi", "doses"): {f"{dose.vaccine}:{dose.number}" for dose in SCHEDULE},
        ("gotong_imunisasi", "place"): set(ImmunisationPlace.values),
        ("gotong_periksa_hamil", "place"): set(VisitPlace.values),
        ("gotong_kunjungan", "adherence"): set(Adherence.values),
    }
