"""One answer to "what may this user record offline": the field app and ODK list the same records for every persona,
offer the same forms, and the server refuses an entry for a record the user sees but may not record on."""

import csv
import datetime
import io
import uuid
from xml.etree import ElementTree

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone

from gotong.accounts.models import User
from gotong.activities import services as activities
from gotong.field import recordable, reference
from gotong.field.services import apply_submission
from gotong.field.views import SLUGS
from gotong.odk import catalog, media
from gotong.odk.tests.conftest import OPENROSA, key_url
from gotong.organizations.choices import MemberRole
from gotong.organizations.models import Membership
from gotong.posyandu.models import Child, Weighing

pytestmark = pytest.mark.django_db

PERSONAS = (
    "cadre",
    "other_cadre",
    "staff",
    "facilitator",
    "other_facilitator",
    "city_officer",
    "partner",
    "bkm_secretary",
    "bkm_staff",
    "admin_user",
)


@pytest.fixture
def recent_event(bugis_rt, bkm, city_officer, residents):
    """A kerja bakti organised by the BKM today: inside both forms' window of events."""
    return activities.create_event(
        title="Kerja bakti hari ini", kind="kerja_bakti", held_on=timezone.localdate(), default_hours=2,
        area=bugis_rt, organization=bkm, acting_user=city_officer,
    )  # fmt: skip


@pytest.fixture
def world(child, member, categories, tb_case, recent_event):
    return {"child": child, "member": member, "case": tb_case, "event": recent_event}


def _reference(user) -> dict[str, set]:
    today = timezone.localdate()
    weighing = reference.weighing_data(user, today)
    deposit = reference.deposit_data(user, today)
    attendance = reference.attendance_data(user, today)
    # The immunisation form lists the same children as the weighing form (both read ODK's anak.csv).
    immunisation = reference.immunisation_data(user, today)
    assert {c["id"] for p in immunisation["posyandus"] for c in p["children"]} == {
        c["id"] for p in weighing["posyandus"] for c in p["children"]
    }
    return {
        "children": {c["id"] for p in weighing["posyandus"] for c in p["children"]},
        "members": {m["id"] for b in deposit["banks"] for m in b["members"]},
        "cases": {c["id"] for c in reference.visit_data(user, today)["cases"]},
        "events": {e["id"] for e in attendance["events"]},
        "people": {(p["id"], e["id"]) for e in attendance["events"] for p in e["people"]},
    }


def _rows(filename: str, user) -> list[dict]:
    return list(csv.DictReader(io.StringIO(media.render(filename, user).decode())))


def _odk(user) -> dict[str, set]:
    return {
        "children": {r["name"] for r in _rows(media.CHILDREN, user)},
        "members": {r["name"] for r in _rows(media.MEMBERS, user)},
        "cases": {r["name"] for r in _rows(media.CASES, user)},
        "events": {r["name"] for r in _rows(media.EVENTS, user)},
        "people": {(r["name"], r["event"]) for r in _rows(media.PEOPLE, user)},
    }


def _field_home_kinds(user) -> set[str]:
    client = Client()
    client.force_login(user)
    page = client.get("/lapangan/").content.decode()
    return {kind for kind, slug in SLUGS.items() if f'href="/lapangan/{slug}/"' in page}


def _odk_form_kinds(user) -> set[str]:
    response = Client().get(key_url(user, "formList"), **OPENROSA)
    root = ElementTree.fromstring(response.content)
    ids = {x.findtext("{http://openrosa.org/xforms/xformsList}formID") for x in root}
    return {catalog.FORMS[form_id].kind for form_id in ids}


@pytest.mark.parametrize("persona", PERSONAS)
def test_field_reference_data_and_odk_media_list_the_same_records(request, world, persona):
    user = request.getfixturevalue(persona)
    field, odk = _reference(user), _odk(user)
    assert field == odk
    # …and both are what the user may record, nothing more.
    assert field["children"] == {
        str(c.public_id)
        for c in Child.objects.visible_to(user)
        .filter(posyandu__in=recordable.posyandus(user))
        .current(timezone.localdate())
    }
    assert field["cases"] == {str(c.public_id) for c in recordable.cases(user)}
    # The same forms are offered on the field home page and in ODK's form list: those with something to record.
    kinds = set(recordable.kinds_for(user))
    assert _field_home_kinds(user) == kinds
    # Aspirations are a field-app form only (no XLSForm for them yet): ODK lists the rest.
    assert _odk_form_kinds(user) == kinds - {"aspiration"}


def test_each_persona_gets_what_their_role_records(world, cadre, staff, facilitator, bkm_secretary, bkm_staff, partner):
    assert _odk(cadre)["children"] == {str(world["child"].public_id)}
    assert _odk(staff)["members"] == {str(world["member"].public_id)}
    assert _odk(facilitator)["cases"] == {str(world["case"].public_id)}
    assert str(world["event"].public_id) in _odk(facilitator)["events"]
    assert _odk(bkm_secretary)["events"] == {str(world["event"].public_id)}
    # A plain staf of the BKM records no module's work offline (only aspirations for the area's residents, as
    # every officer may); a partner has no form at all.
    assert _work_kinds(bkm_staff) == [] and recordable.kinds_for(partner) == []
    assert _work_kinds(cadre) == ["weighing", "immunisation"] and _work_kinds(staff) == ["deposit"]


def test_the_antenatal_visit_form_is_offered_only_where_a_pregnancy_is_followed(world, cadre):
    from gotong.posyandu.pregnancy.services import register_pregnancy
    from gotong.registry.tests.factories import PersonFactory

    assert "anc_visit" not in recordable.kinds_for(cadre)
    child = world["child"]
    woman = PersonFactory(
        household=child.person.household,
        name="Sari",
        sex="P",
        birth_date=datetime.date(1996, 4, 2),
        relationship="famili",
    )
    lmp = timezone.localdate() - datetime.timedelta(weeks=10)
    register_pregnancy(posyandu=child.posyandu, person=woman, lmp=lmp, acting_user=cadre)
    assert _work_kinds(cadre) == ["weighing", "immunisation", "anc_visit"]
    assert "anc_visit" in _odk_form_kinds(cadre)


def _work_kinds(user) -> list[str]:
    return [kind for kind in recordable.kinds_for(user) if kind != "aspiration"]


@pytest.fixture
def posyandu_secretary(posyandu):
    """The posyandu's sekretaris: sees its children (posyandu.view) but does not weigh (posyandu.record)."""
    user = User.objects.create_user(username="sekretaris_posyandu", password="rahasia-123", role="org_staff")
    Membership.objects.create(
        organization=posyandu, user=user, role=MemberRole.SECRETARY, started_on=datetime.date(2020, 1, 1)
    )
    return user


def test_an_officer_who_sees_the_child_but_may_not_weigh_is_refused_offline(posyandu_secretary, child, march):
    assert Child.objects.visible_to(posyandu_secretary).filter(pk=child.pk).exists()
    assert _work_kinds(posyandu_secretary) == []
    payload = {"child": str(child.public_id), "measured_on": "2026-03-10", "weight_kg": "9.5"}
    with pytest.raises(PermissionDenied, match="tidak berwenang menimbang"):
        apply_submission(posyandu_secretary, "weighing", uuid.uuid4(), payload)
    assert not Weighing.objects.exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_offered_forms_are_asked_in_one_query_with_each_kinds_own_answer(
    request, world, persona, django_assert_max_num_queries
):
    user = request.getfixturevalue(persona)
    one_by_one = [kind for kind in recordable.KINDS if recordable.may_submit(user, kind)]  # also loads the grants
    with django_assert_max_num_queries(1):
        kinds = recordable.kinds_for(user)
    assert kinds == one_by_one
    with django_assert_max_num_queries(1):
        odk_kinds = [form.kind for form in catalog.forms_for(user)]
    assert odk_kinds == [form.kind for form in catalog.FORMS.values() if form.may_use(user)]


def test_any_rows_answers_each_query_in_order_and_asks_a_repeated_one_once(world, cadre, django_assert_num_queries):
    posyandus = recordable.posyandus(cadre)
    nothing = posyandus.filter(pk=-1)
    with django_assert_num_queries(1) as captured:
        answers = recordable.any_rows([posyandus, nothing, posyandus, nothing])
    assert answers == [True, False, True, False]
    assert captured.captured_queries[0]["sql"].count("EXISTS") == 2
    assert recordable.any_rows([]) == []


def test_any_rows_answers_a_list_known_empty_without_asking(world, cadre, django_assert_num_queries):
    # A plain member's lists are `.none()` (or `pk__in=[]`): nothing to compile, so no SQL for them (it was a 500).
    posyandus = recordable.posyandus(cadre)
    with django_assert_num_queries(1):
        assert recordable.any_rows([posyandus.none(), posyandus, posyandus.filter(pk__in=[])]) == [False, True, False]
    with django_assert_num_queries(0):
        assert recordable.any_rows([posyandus.none()]) == [False]
