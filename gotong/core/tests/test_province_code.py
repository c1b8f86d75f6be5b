"""`province_code`, Citus's distribution column, is in every province-distributed table and always right.

Records are built through the services; `province_mismatches()` (what `gotong distribution check` runs) compares
every table's column with the derivation its placement declares.
"""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gotong.areas.models import Area, Level
from gotong.casework import services as casework
from gotong.casework.models import Case, CaseTeamMember, Program, Visit
from gotong.core.distribution import KNOWN_GAPS, PROVINCE_COLUMN
from gotong.core.distribution_check import province_mismatches
from gotong.core.distribution_rules import province_distributed_models
from gotong.core.province_code import ProvinceCodeField
from gotong.registry.models import Dwelling, Household, Person
from gotong.registry.services import save_dwelling, save_household, save_person
from gotong.registry.tests.factories import rt_in

pytestmark = pytest.mark.django_db

BUGIS = "21.72.03.1005"  # Kampung Bugis, Tanjungpinang (Kepulauan Riau, 21)
LOOK_UP = 'SELECT "registry_household"."province_code" AS'  # the look-up alone, not auditlog's load of the row
DWELLING = {"floor_area_m2": 36, "occupants": 4, "roof": "seng", "wall": "tembok", "floor": "keramik"}


def test_every_province_distributed_table_has_a_plain_two_character_column():
    for model in province_distributed_models():
        field = next((f for f in model._meta.concrete_fields if f.name == PROVINCE_COLUMN), None)
        label = model._meta.label
        assert field is not None, label  # the many-to-many link tables too: explicit through models
        assert isinstance(field, ProvinceCodeField) and not field.generated, label  # Citus refuses generated ones
        assert field.max_length == 2 and not field.null, label
    assert not [gap for gap in KNOWN_GAPS if gap[1] == PROVINCE_COLUMN]
    assert len(province_distributed_models()) == 100


def _family(village=BUGIS, number="2172030101000001"):
    household = save_household(
        Household(family_card_number=number, address="Jl. Bugis 7", area=rt_in(village, 2, 3)), acting_user=None
    )
    head = Person(
        household=household, nik="2172034506850001", name="Raja Ali", sex="L", relationship="kepala",
        birth_date=datetime.date(1985, 6, 5),
    )  # fmt: skip
    save_person(head, acting_user=None)
    dwelling = Dwelling(household=household, structure="baik", **DWELLING)
    save_dwelling(dwelling, acting_user=None)
    return household, head, dwelling


def _province(model, pk) -> str:
    return model.objects.values_list(PROVINCE_COLUMN, flat=True).get(pk=pk)


def test_records_made_by_the_services_carry_their_areas_province(areas):
    household, head, dwelling = _family()

    assert [_province(m, r.pk) for m, r in ((Household, household), (Person, head), (Dwelling, dwelling))] == ["21"] * 3
    assert province_mismatches() == []


def test_a_row_saved_with_only_its_parents_id_looks_the_province_up_once(areas):
    household, _head, dwelling = _family()
    dwelling.delete()
    again = Dwelling(household_id=household.pk, structure="baik", **DWELLING)

    with CaptureQueriesContext(connection) as queries:
        again.save()
    assert _province(Dwelling, again.pk) == "21"
    assert sum(q["sql"].startswith(LOOK_UP) for q in queries.captured_queries) == 1

    with CaptureQueriesContext(connection) as queries:
        again.occupants = 5
        again.household = household  # in hand: nothing to look up
        again.save()
    assert not any(q["sql"].startswith(LOOK_UP) for q in queries.captured_queries)


@pytest.fixture
def medan_rt(areas):
    village = Area.objects.filter(level=Level.VILLAGE, code__startswith="12.71.").order_by("code").first()
    return rt_in(village.code, 1, 1)


def test_a_household_moving_to_another_province_takes_its_rows_along(areas, city_officer, facilitator, medan_rt):
    household, head, dwelling = _family()
    case = casework.open_case(
        program=Program.TB, household=household, person=head, summary="TBC", opened_reason="Rujukan puskesmas",
        opened_on=datetime.date(2026, 1, 5), team=[facilitator], acting_user=city_officer,
    )  # fmt: skip
    visit = casework.log_visit(
        case, visited_on=datetime.date(2026, 1, 6), met_with="pasien", adherence="yes", acting_user=city_officer
    )
    [member] = CaseTeamMember.objects.filter(case=case)  # the team's link row
    assert (_province(Visit, visit.pk), _province(CaseTeamMember, member.pk)) == ("21", "21")

    household.area = medan_rt  # the family moves to Medan (Sumatera Utara, 12)
    save_household(household, acting_user=None)

    moved = [(Household, household), (Person, head), (Dwelling, dwelling), (Case, case), (Visit, visit)]
    assert [_province(model, row.pk) for model, row in [*moved, (CaseTeamMember, member)]] == ["12"] * 6
    assert province_mismatches() == []


def test_the_check_names_a_wrong_row_and_the_command_fails(areas):
    household, head, _dwelling = _family()
    out = StringIO()
    call_command("distribution", "check", stdout=out)
    assert "sesuai" in out.getvalue()

    Person.objects.filter(pk=head.pk).update(province_code="16")  # a raw write that forgot the column's rule

    [wrong] = province_mismatches()
    assert (wrong.label, wrong.rows, wrong.sample_ids) == ("registry.Person", 1, (head.pk,))
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("distribution", "check", stdout=out)
    assert "registry.Person: 1 baris" in out.getvalue()


def test_an_organisation_moving_to_another_province_takes_its_books_along(areas, admin_user, medan_rt):
    from gotong.ledger.models import Account, Book
    from gotong.ledger.services import get_or_create_book, open_account
    from gotong.organizations.services import create_organization, update_organization

    bugis = Area.objects.get(code=BUGIS)
    organization = create_organization(name="KSM Bugis", kind="ksm", area=bugis, acting_user=admin_user)
    book = get_or_create_book(organization, acting_user=admin_user)
    account = open_account(book, code="kas", name="Kas", kind="asset", acting_user=admin_user)
    assert (_province(Book, book.pk), _province(Account, account.pk)) == ("21", "21")

    update_organization(organization, area=medan_rt.parent.parent, acting_user=admin_user)

    assert (_province(Book, book.pk), _province(Account, account.pk)) == ("12", "12")
    assert province_mismatches() == []


PROGRAM_LOOK_UP = 'SELECT "programs_program"."'  # a read of the owning programme (its province)


def _organizations(admin_user, *names):
    from gotong.organizations.services import create_organization

    bugis = Area.objects.get(code=BUGIS)
    return [create_organization(name=name, kind="lainnya", area=bugis, acting_user=admin_user) for name in names]


def test_link_rows_take_their_owners_province_from_either_side_in_one_look_up(areas, admin_user):
    from gotong.programs.models import ProgramPartner
    from gotong.programs.services import create_program

    organiser, *partners, late = _organizations(admin_user, "BKM Bugis", "Bank Riau", "Universitas Maritim", "Media")
    program = create_program(
        name="Pelatihan menjahit", kind="keterampilan", organization=organiser, area=Area.objects.get(code=BUGIS),
        acting_user=admin_user,
    )  # fmt: skip
    program = type(program).objects.get(pk=program.pk)  # nothing cached: the link rows know the programme's id only

    with CaptureQueriesContext(connection) as queries:
        program.partners.set(partners)  # the owner's side, as the services and forms do
    assert sum(q["sql"].startswith(PROGRAM_LOOK_UP) for q in queries.captured_queries) == 1

    with CaptureQueriesContext(connection) as queries:
        late.partner_programs.add(program.pk)  # the other side: the programme is the target here
    assert sum(q["sql"].startswith(PROGRAM_LOOK_UP) for q in queries.captured_queries) == 1

    rows = ProgramPartner.objects.filter(program=program)
    assert sorted(rows.values_list("organization__name", PROVINCE_COLUMN)) == [
        ("Bank Riau", "21"), ("Media", "21"), ("Universitas Maritim", "21")
    ]  # fmt: skip
    assert province_mismatches() == []


def test_a_partner_moving_province_leaves_the_link_rows_with_their_owner(areas, admin_user, medan_rt):
    """A link row's province is its owner's (the agreement's, forum's, programme's …), never the organisation's."""
    from gotong.collaboration.models import AgreementParty
    from gotong.collaboration.services import create_agreement
    from gotong.organizations.services import update_organization

    office, bank = _organizations(admin_user, "Kantor Lurah Kampung Bugis", "Bank Riau")
    agreement = create_agreement(
        title="Penataan kawasan", kind="mou", signed_on=datetime.date(2026, 1, 5),
        area=Area.objects.get(code=BUGIS), parties=[office, bank], acting_user=admin_user,
    )  # fmt: skip

    update_organization(bank, area=medan_rt.parent.parent, acting_user=admin_user)  # the bank moves to Medan

    assert set(AgreementParty.objects.filter(agreement=agreement).values_list(PROVINCE_COLUMN, flat=True)) == {"21"}
    assert province_mismatches() == []


def test_the_check_covers_the_link_tables(areas, admin_user):
    from gotong.collaboration.models import ForumMember
    from gotong.collaboration.services.forums import create_forum

    office, bank = _organizations(admin_user, "Kantor Lurah Kampung Bugis", "Bank Riau")
    forum = create_forum(
        name="Forum kawasan", kind="routine", area=Area.objects.get(code=BUGIS), members=[office, bank],
        acting_user=admin_user,
    )  # fmt: skip
    wrong = ForumMember.objects.get(forum=forum, organization=bank)
    ForumMember.objects.filter(pk=wrong.pk).update(province_code="12")  # a raw write that forgot the rule

    assert [(m.label, m.rows, m.sample_ids) for m in province_mismatches()] == [
        ("collaboration.ForumMember", 1, (wrong.pk,))
    ]
