"""Registering a pregnancy, antenatal visits, risk flags, the birth and who may see what."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from gotong.posyandu.models import Child, Outcome, Pregnancy
from gotong.posyandu.models.pregnancy import AncVisit
from gotong.posyandu.pregnancy import risks, services

pytestmark = pytest.mark.django_db


def weeks_ago(weeks: int, days: int = 0) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(weeks=weeks, days=days)


@pytest.fixture
def pregnancy(posyandu, family, cadre):
    return services.register_pregnancy(
        posyandu=posyandu, person=family["mother"], lmp=weeks_ago(20), gravida=3, para=2, acting_user=cadre
    )


def codes(pregnancy):
    visits = list(pregnancy.visits.all())
    return {flag.code for flag in risks.flags(pregnancy, visits, timezone.localdate())}


def test_register_and_visit_derive_trimester(pregnancy, cadre):
    visit = services.record_anc_visit(
        pregnancy=pregnancy,
        visited_on=weeks_ago(10),
        place="posyandu",
        weight_kg="56,5",
        muac_cm="24,0",
        hb_g_dl="11,5",
        systolic="110",
        diastolic="70",
        iron_tablets=30,
        acting_user=cadre,
    )
    assert (visit.gestational_days, visit.trimester) == (70, 1)
    assert visit.weight_kg == Decimal("56.5") and visit.area_code == pregnancy.posyandu.area_code
    # Same day again corrects rather than adding a contact.
    services.record_anc_visit(
        pregnancy=pregnancy, visited_on=weeks_ago(10), place="puskesmas", hb_g_dl="12", acting_user=cadre
    )
    assert AncVisit.objects.get().place == "puskesmas"


def test_flags_from_published_thresholds(pregnancy, cadre):
    # 20 weeks, no first-trimester contact: one contact missed (Permenkes 21/2021).
    assert codes(pregnancy) == {"contacts_missed"}
    services.record_anc_visit(
        pregnancy=pregnancy,
        visited_on=weeks_ago(1),
        place="bidan",
        muac_cm="23,4",  # < 23,5 cm: KEK risk
        hb_g_dl="10,9",  # < 11 g/dL: anaemia
        systolic=140,  # ≥ 140: hypertension
        diastolic=85,
        acting_user=cadre,
    )
    assert codes(pregnancy) == {"contacts_missed", "kek", "anaemia", "hypertension"}
    # Exactly at the thresholds is not a risk; the newest measurement counts.
    services.record_anc_visit(
        pregnancy=pregnancy,
        visited_on=weeks_ago(0),
        place="bidan",
        muac_cm="23,5",
        hb_g_dl="11",
        systolic=139,
        diastolic=89,
        acting_user=cadre,
    )
    assert codes(pregnancy) == {"contacts_missed"}


def test_age_and_four_too_flags(posyandu, family, cadre):
    mother = family["mother"]
    mother.birth_date = weeks_ago(19 * 52 + 30)  # 18–19 years old
    mother.save()
    pregnancy = services.register_pregnancy(
        posyandu=posyandu,
        person=mother,
        lmp=weeks_ago(4),
        gravida=6,
        para=4,
        last_birth_on=weeks_ago(60),
        acting_user=cadre,
    )
    assert codes(pregnancy) == {"too_young", "too_many", "too_close"}


def test_bad_input_is_refused_with_reasons(posyandu, family, cadre, pregnancy):
    with pytest.raises(ValidationError) as error:
        services.register_pregnancy(
            posyandu=posyandu,
            person=family["father"],
            lmp=timezone.localdate() + datetime.timedelta(days=1),
            acting_user=cadre,
        )
    assert set(error.value.message_dict) == {"lmp", "person"}
    with pytest.raises(ValidationError) as error:
        services.record_anc_visit(
            pregnancy=pregnancy,
            visited_on=timezone.localdate() + datetime.timedelta(days=1),
            place="pasar",
            muac_cm="2,5",
            systolic=70,
            diastolic=90,
            acting_user=cadre,
        )
    assert set(error.value.message_dict) == {"visited_on", "place", "muac_cm", "systolic"}
    # A second ongoing pregnancy of the same woman.
    with pytest.raises(ValidationError, match="sudah tercatat hamil"):
        services.register_pregnancy(posyandu=posyandu, person=family["mother"], lmp=weeks_ago(3), acting_user=cadre)
    assert AncVisit.objects.count() == 0


def test_other_posyandu_cadre_may_not_record(pregnancy, other_cadre):
    with pytest.raises(PermissionDenied):
        services.record_anc_visit(
            pregnancy=pregnancy, visited_on=weeks_ago(1), place="posyandu", acting_user=other_cadre
        )


def test_birth_registers_the_baby_in_the_household(pregnancy, cadre, family):
    child, _warnings = services.record_birth(
        pregnancy=pregnancy,
        name="Bayi Siti",
        sex="P",
        birth_date=weeks_ago(0),
        birth_weight_kg="3,1",
        acting_user=cadre,
    )
    pregnancy.refresh_from_db()
    assert pregnancy.outcome == Outcome.LIVE_BIRTH and pregnancy.child == child
    assert child.mother == family["mother"] and child.person.household == family["household"]
    assert child.person.nik_pending and child.posyandu == pregnancy.posyandu
    with pytest.raises(ValidationError, match="sudah ditutup"):
        services.record_anc_visit(pregnancy=pregnancy, visited_on=weeks_ago(0), place="posyandu", acting_user=cadre)


def test_other_outcome_closes(pregnancy, cadre):
    with pytest.raises(ValidationError):
        services.close_pregnancy(pregnancy=pregnancy, outcome="live_birth", ended_on=weeks_ago(0), acting_user=cadre)
    services.close_pregnancy(pregnancy=pregnancy, outcome="miscarriage", ended_on=weeks_ago(0), acting_user=cadre)
    assert Pregnancy.objects.get().outcome == "miscarriage" and Child.objects.count() == 0


def test_scope_per_role(pregnancy, cadre, other_cadre, resident, partner):
    assert list(Pregnancy.objects.visible_to(cadre)) == [pregnancy]
    assert list(Pregnancy.objects.visible_to(resident)) == [pregnancy]  # her own household
    assert not Pregnancy.objects.visible_to(other_cadre).exists()
    assert not Pregnancy.objects.visible_to(partner).exists()
