import datetime
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from gotong.posyandu import services
from gotong.posyandu.models import Child, Weighing
from gotong.posyandu.tests.conftest import open_month

pytestmark = pytest.mark.django_db


def test_register_child_links_mother_from_the_family_card(child, family):
    assert child.mother == family["mother"]
    assert child.area_code == "21.72.03.1005"
    assert LogEntry.objects.get_for_object(child).exists()


def test_register_child_rejects_duplicates_adults_and_strangers(posyandu, family, child, cadre, other_cadre):
    with pytest.raises(ValidationError) as exc:
        services.register_child(
            posyandu=posyandu, person=family["boy"], registered_on=datetime.date(2025, 3, 1), acting_user=cadre
        )
    assert "sudah terdaftar di Posyandu Kenanga" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        services.register_child(
            posyandu=posyandu, person=family["father"], registered_on=datetime.date(2025, 3, 1), acting_user=cadre
        )
    assert "bukan balita" in str(exc.value)
    with pytest.raises(PermissionDenied):
        services.register_child(
            posyandu=posyandu, person=family["girl"], registered_on=datetime.date(2025, 3, 1), acting_user=other_cadre
        )


def test_register_new_child_adds_the_person_to_the_household(posyandu, family, cadre):
    from gotong.registry.nik import compose_nik

    birth = datetime.date(2025, 12, 1)
    child, _warnings = services.register_new_child(
        posyandu=posyandu,
        household=family["household"],
        name="Bayi Aminah",
        sex="P",
        birth_date=birth,
        nik=compose_nik("21.72.03", birth, "P", 77),
        registered_on=datetime.date(2026, 1, 5),
        acting_user=cadre,
    )
    assert child.person.household == family["household"]
    assert child.person.relationship == "anak"
    assert child.mother == family["mother"]


def test_record_weighing_derives_z_scores_and_classes(child, posyandu, cadre):
    session = open_month(posyandu, 2026, 1, cadre)
    w = services.record_weighing(
        child=child, session=session, weight_kg="10,4", length_cm="80,5", measure="lying", acting_user=cadre
    )
    assert w.age_days == (datetime.date(2026, 1, 10) - datetime.date(2025, 1, 10)).days == 365
    assert w.weight_kg == Decimal("10.40")
    assert w.waz is not None and w.waz_class == "normal"
    assert w.trend == "B"
    assert not w.bgm


def test_bgm_when_waz_below_minus_3(child, posyandu, cadre):
    session = open_month(posyandu, 2026, 1, cadre)
    w = services.record_weighing(child=child, session=session, weight_kg="6.5", acting_user=cadre)
    assert w.waz < -3 and w.bgm and w.waz_class == "severely_underweight"
    assert w.needs_referral


def test_t_2t_o_and_late_entries(child, posyandu, cadre):
    jan, feb, mar, apr, may = (open_month(posyandu, 2026, m, cadre) for m in (1, 2, 3, 4, 5))
    record = services.record_weighing
    record(child=child, session=jan, weight_kg="9.0", acting_user=cadre)
    t1 = record(child=child, session=feb, weight_kg="9.1", acting_user=cadre)  # +100 g < KBM 200 g
    t2 = record(child=child, session=mar, weight_kg="9.1", acting_user=cadre)
    assert (t1.trend, t1.two_t) == ("T", False)
    assert (t2.trend, t2.two_t) == ("T", True)
    o = record(child=child, session=may, weight_kg="9.6", acting_user=cadre)
    assert o.trend == "O"
    # April entered late: May becomes N against April, and April is measured against March.
    apr_w = record(child=child, session=apr, weight_kg="9.3", acting_user=cadre)
    assert apr_w.trend == "N"
    o.refresh_from_db()
    assert o.trend == "N"
    # Correcting February to a good gain lifts March's 2T to a plain T.
    record(child=child, session=feb, weight_kg="9.3", acting_user=cadre)
    t2.refresh_from_db()
    assert (t2.trend, t2.two_t) == ("T", False)
    assert Weighing.objects.filter(child=child).count() == 5


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"weight_kg": "abc"}, "weight_kg", "Isi dengan angka"),
        ({"weight_kg": "95"}, "weight_kg", "di luar 0,5–40 kg"),
        ({"weight_kg": "9", "length_cm": "300", "measure": "lying"}, "length_cm", "di luar 30–140 cm"),
        ({"weight_kg": "9", "length_cm": "75"}, "measure", "Pilih cara ukur"),
        ({"weight_kg": "9", "muac_cm": "2"}, "muac_cm", "LiLA"),
    ],
)
def test_bad_measurements_are_refused_with_a_reason(child, posyandu, cadre, fields, field, message):
    session = open_month(posyandu, 2026, 1, cadre)
    with pytest.raises(ValidationError) as exc:
        services.record_weighing(child=child, session=session, acting_user=cadre, **fields)
    assert message in " ".join(exc.value.message_dict[field])
    assert not Weighing.objects.exists()


def test_standing_under_9_months_is_refused(posyandu, family, cadre, admin_user):
    from gotong.registry.tests.factories import PersonFactory

    baby = PersonFactory(
        household=family["household"], name="Bayi", relationship="anak", birth_date=datetime.date(2025, 10, 1)
    )
    child = services.register_child(
        posyandu=posyandu, person=baby, registered_on=datetime.date(2025, 10, 1), acting_user=admin_user
    )
    session = open_month(posyandu, 2026, 1, cadre)
    with pytest.raises(ValidationError) as exc:
        services.record_weighing(
            child=child, session=session, weight_kg="6", length_cm="62", measure="standing", acting_user=cadre
        )
    assert "telentang" in str(exc.value)


def test_one_session_a_month_and_child_of_other_posyandu(posyandu, other_posyandu, child, cadre, admin_user):
    open_month(posyandu, 2026, 1, cadre)
    with pytest.raises(ValidationError) as exc:
        open_month(posyandu, 2026, 1, cadre, day=20)
    assert "sudah ada" in str(exc.value)
    stranger_session = open_month(other_posyandu, 2026, 1, admin_user)
    with pytest.raises(ValidationError):
        services.record_weighing(child=child, session=stranger_session, weight_kg="9", acting_user=admin_user)


def test_child_queryset_scope(
    child, cadre, other_cadre, city_officer, facilitator, other_facilitator, partner, resident, admin_user
):
    visible = {
        u.username: Child.objects.visible_to(u).exists()
        for u in (cadre, other_cadre, city_officer, facilitator, other_facilitator, partner, resident, admin_user)
    }
    assert visible == {
        "kader": True,
        "kader2": False,
        "siti": True,
        "budi": True,
        "rina": False,
        "mitra": False,
        "warga": True,
        "admin": True,
    }
