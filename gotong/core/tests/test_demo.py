"""`gotong demo`: valid, deterministic, scoped and idempotent demo data."""

from io import StringIO
from itertools import islice

import pytest
from auditlog.models import LogEntry
from django.core.management import CommandError, call_command
from django.db.models import Count, Q

from gotong.accounts.models import User
from gotong.accounts.roles import Role
from gotong.areas.models import Area, WorkAssignment
from gotong.core.demo import load_demo
from gotong.core.demo.people import generate_households
from gotong.organizations.models import Membership, Organization
from gotong.registry.models import Dwelling, Household, Person
from gotong.registry.nik import check_nik

SMALL = 60
CEMPAKO_RT = "16.71.11.1005.005.017"


@pytest.fixture
def demo(areas):
    # The module demos have their own tests; the core's tests stay fast without them.
    return load_demo(SMALL, modules=False)


def _counts() -> dict[str, int]:
    models = (Area, Household, Person, Dwelling, Organization, Membership, User, WorkAssignment, LogEntry)
    return {model.__name__: model.objects.count() for model in models}


def test_loads_the_requested_households_with_persons_and_dwellings(demo):
    assert demo.loaded
    assert Household.objects.count() == demo.households == SMALL
    assert Person.objects.count() == demo.persons > 2 * SMALL
    assert 0 < Dwelling.objects.count() == demo.dwellings <= SMALL


def test_every_nik_is_valid_and_unique(demo):
    niks = list(Person.objects.values_list("nik", flat=True))
    assert len(niks) == len(set(niks))
    for nik in niks:
        assert check_nik(nik).valid, nik
    numbers = list(Household.objects.values_list("family_card_number", flat=True))
    assert all(len(n) == 16 and n.isdigit() for n in numbers)


def test_nik_matches_birth_date_and_sex(demo):
    for person in Person.objects.all()[:200]:
        check = check_nik(person.nik)
        assert check.sex == person.sex
        assert check.birth_date[2:] == person.birth_date.isoformat()[2:]


def test_every_household_has_exactly_one_head(demo):
    heads = Household.objects.annotate(heads=Count("members", filter=Q(members__relationship="kepala")))
    assert set(heads.values_list("heads", flat=True)) == {1}


def test_area_codes_are_filled_despite_bulk_create(demo):
    for household in Household.objects.select_related("area"):
        assert household.area_code == household.area.code
        assert household.area.level == 6  # an RT
    assert not Person.objects.exclude(area_code__in=Household.objects.values("area_code")).exists()
    mismatched = [p for p in Person.objects.select_related("household") if p.area_code != p.household.area_code]
    assert mismatched == []


def test_seed_places_exist(demo):
    assert Area.objects.filter(code="21.72.03.1005.006.004", name="RT 004").exists()
    assert Area.objects.filter(code=CEMPAKO_RT, name="RT 017", parent__code="16.71.11.1005.005").exists()
    bugis_rws = Area.objects.filter(parent__code="21.72.03.1005").values_list("name", flat=True)
    assert sorted(bugis_rws) == ["RW 001", "RW 006"]
    assert Area.objects.filter(parent__code="21.72.03.1005.001").count() == 3
    assert Area.objects.filter(parent__code="21.72.03.1005.006").count() == 4


def test_named_organisations_exist_where_they_work(demo):
    expected = {
        "Dinas Sosial Kota Medan": ("pemerintah", "12.71"),
        "Kampung Sayur Cempako": ("usaha_komunitas", CEMPAKO_RT),
        "Tuah TB": ("kelompok_pendukung", "14.71"),
        "BKM Kampung Bugis": ("bkm", "21.72.03.1005"),
        "Dinas Perkim Kota Tanjungpinang": ("pemerintah", "21.72"),
        "Bank BRI Palembang": ("mitra_csr", "16.71"),
        "PT Pegadaian Palembang": ("mitra_csr", "16.71"),
    }
    for name, (kind, code) in expected.items():
        assert Organization.objects.filter(name=name, kind=kind, area_code=code).exists(), name
    for kind in ("posyandu", "bank_sampah", "pemuda", "ksm", "media"):
        assert Organization.objects.filter(kind=kind).exists(), kind
    assert Organization.objects.filter(name__startswith="Korkot KOTAKU", area_code="21.72").exists()
    assert Organization.objects.filter(kind="ksm", parent__name="BKM Kampung Bugis").count() == 2


def test_memberships_link_registry_persons(demo):
    treasurer = Membership.objects.get(organization__name="Kampung Sayur Cempako", role="bendahara")
    assert treasurer.user.username == "bendahara"
    assert treasurer.person.area_code == CEMPAKO_RT
    assert Membership.objects.filter(organization__kind="posyandu", role="kader", person__sex="P").count() >= 3


def test_one_login_per_role_with_the_demo_password(demo):
    users = User.objects.filter(username__in=[row[0] for row in demo.logins])
    assert {u.role for u in users} == set(Role.values)
    assert all(u.check_password("gotong-demo") for u in users)
    assert User.objects.get(username="admin").is_superuser


def test_logins_see_only_their_scope(demo):
    user = {u.username: u for u in User.objects.all()}
    bugis = Household.objects.visible_to(user["faskel"])
    assert bugis.exists()
    assert not bugis.exclude(area_code__startswith="21.72.03.1005.").exists()
    assert bugis.count() == Household.objects.in_area("21.72.03.1005").count()
    assert not Household.objects.visible_to(user["pendamping"]).exclude(area_code__startswith="16.71.11.1005.").exists()
    assert not Household.objects.visible_to(user["kota"]).exclude(area_code__startswith="21.72.").exists()
    assert not Household.objects.visible_to(user["kader"]).exclude(area_code__startswith="12.71.08.1004.").exists()
    assert set(Household.objects.visible_to(user["bendahara"]).values_list("area_code", flat=True)) == {CEMPAKO_RT}
    assert not Household.objects.visible_to(user["mitra"]).exists()
    warga = user["warga"]
    assert list(Household.objects.visible_to(warga)) == [warga.person.household]
    assert warga.person.area_code == CEMPAKO_RT
    assert Household.objects.visible_to(user["admin"]).count() == SMALL


def test_second_run_changes_nothing(demo):
    before = _counts()
    again = load_demo(SMALL, modules=False)
    assert not again.loaded
    assert _counts() == before
    assert [row[0] for row in again.logins] == [row[0] for row in demo.logins]


def test_rerun_after_deleting_the_first_demo_household_loads_no_second_copy(demo):
    first = next(generate_households(SMALL))
    household = Household.objects.get(family_card_number=first.family_card_number)
    Membership.objects.filter(person__household=household).delete()
    household.members.all().delete()
    household.delete()
    assert not load_demo(SMALL, modules=False).loaded
    assert Household.objects.count() == SMALL - 1


def test_generator_is_deterministic_and_independent_of_size():
    def first(total):
        return [(h.family_card_number, h.head.name, h.head.nik) for h in islice(generate_households(total), 5)]

    assert first(SMALL) == first(SMALL) == first(3000)


def test_generator_avoids_numbers_already_taken():
    first = next(generate_households(SMALL))
    shifted = next(generate_households(SMALL, taken_niks={first.head.nik}, taken_kks={first.family_card_number}))
    assert shifted.head.nik != first.head.nik
    assert shifted.family_card_number != first.family_card_number
    assert check_nik(shifted.head.nik).valid


def test_command_refuses_to_create_known_passwords_when_debug_is_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("demo", households=12, stdout=StringIO())
    assert not User.objects.exists()


def test_command_loads_areas_itself_and_prints_logins(db, settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("demo", households=12, stdout=out)
    assert Area.objects.filter(code="21.72.03.1005").exists()
    assert "Data demo dimuat" in out.getvalue()
    out = StringIO()
    call_command("demo", households=12, stdout=out)
    text = out.getvalue()
    assert "sudah ada" in text
    for username in (
        "admin",
        "kota",
        "faskel",
        "pendamping",
        "psm",
        "kader",
        "banksampah",
        "bendahara",
        "mitra",
        "warga",
        "anggota",
    ):
        assert username in text
    assert "gotong-demo" in text


def _module_counts() -> dict[str, int]:
    from gotong.casework.models import Case
    from gotong.collaboration.models import Meeting, Project
    from gotong.ledger.models import Entry
    from gotong.posyandu.models import Weighing
    from gotong.slums.models import SlumLocation
    from gotong.treasury.models import Loan
    from gotong.wastebank.models import Deposit

    models = (SlumLocation, Project, Meeting, Weighing, Case, Deposit, Loan, Entry)
    return {model.__name__: model.objects.count() for model in models}


def test_module_demos_come_along_stay_single_and_keep_the_books_balanced(areas):
    from gotong.ledger.services import check_books

    load_demo(SMALL)
    counts = _module_counts()
    assert counts["SlumLocation"] == 7
    assert all(counts.values()), counts
    assert check_books() == []
    load_demo(SMALL)
    assert _module_counts() == counts
