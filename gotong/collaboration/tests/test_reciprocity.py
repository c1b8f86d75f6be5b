"""Partners and reciprocity (issue 20): what a partner gave, what the community gave back, two-sided and by year.

The figures below are hand-checked: BRI gave Kampung Sayur Cempako Rp5.000.000 in cash (2025), a Rp4.000.000
hydroponic installation in kind (2026) and funded Rp8.500.000 of CSR for a project in the RT (2026); a cancelled
Rp1.000.000 and another partner's Rp777.000 are not BRI's. The community gave back 6 + 14 accounts opened and 3 KUR
loans worth Rp45.000.000.
"""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gotong.accounts.models import User
from gotong.collaboration.models import BudgetSource, ProjectStatus, ReciprocityKind
from gotong.collaboration.services import create_project
from gotong.collaboration.services.contributions import partner_contributions
from gotong.collaboration.services.reciprocity import (
    partnership_balance,
    reciprocity_by_partnership,
    record_reciprocity,
)
from gotong.organizations.choices import MemberRole, OrganizationKind
from gotong.organizations.models import Membership, Organization
from gotong.organizations.services import create_organization
from gotong.treasury import services as treasury
from gotong.treasury.models import Treasury
from gotong.treasury.tests.conftest import cempako_category, key, person_in

pytestmark = pytest.mark.django_db

K = ReciprocityKind


def _aid(treasury_org, partner, amount, day, *, in_kind=False, bookkeeper):
    return treasury.record_cash_entry(
        treasury_org, category=cempako_category(treasury_org, "Bantuan mitra"), occurred_on=day, amount=amount,
        description="Bantuan mitra untuk kebun", partner=partner, in_kind=in_kind, key=key(), acting_user=bookkeeper,
    )  # fmt: skip


def _give_back(community, partner, day, kind, count=None, value=None, user=None, description="Timbal balik"):
    return record_reciprocity(
        community=community, partner=partner, occurred_on=day, kind=kind, count=count, value_rupiah=value,
        description=description, acting_user=user,
    )  # fmt: skip


@pytest.fixture
def pegadaian(areas, admin_user):
    return create_organization(
        name="PT Pegadaian Palembang", kind=OrganizationKind.PARTNER_CSR, area=areas["16.71"], acting_user=admin_user
    )


@pytest.fixture
def story(funded, bri, pegadaian, treasurer, cempako_rt, admin_user):
    """The hand-checked partnership of BRI and Kampung Sayur Cempako."""
    _aid(funded, bri, 5_000_000, datetime.date(2025, 3, 10), bookkeeper=treasurer)
    _aid(funded, bri, 4_000_000, datetime.date(2026, 2, 11), in_kind=True, bookkeeper=treasurer)
    cancelled = _aid(funded, bri, 1_000_000, datetime.date(2026, 2, 12), bookkeeper=treasurer)
    treasury.cancel_cash_entry(cancelled, reason="Salah catat", acting_user=treasurer)
    _aid(funded, pegadaian, 777_000, datetime.date(2026, 1, 5), in_kind=True, bookkeeper=treasurer)
    create_project(
        name="Rumah bibit Kampung Sayur", kind="lainnya", area=cempako_rt, volume="1", unit="unit", year=2026,
        budgets={BudgetSource.CSR: 8_500_000, BudgetSource.SELF_HELP: 1_000_000}, executor=funded,
        status=ProjectStatus.ONGOING, csr_funder=bri, acting_user=None,
    )  # fmt: skip
    _give_back(funded, bri, datetime.date(2025, 6, 1), K.ACCOUNTS_OPENED, 6, user=treasurer)
    _give_back(funded, bri, datetime.date(2026, 3, 1), K.ACCOUNTS_OPENED, 14, user=treasurer)
    _give_back(funded, bri, datetime.date(2026, 4, 1), K.LOANS_TAKEN, 3, 45_000_000, user=treasurer,
               description="KUR untuk Ibu Rahmawati dan dua pedagang")  # fmt: skip
    return funded


def _partner_user(organization, username="dewi"):
    user = User.objects.create_user(username=username, password="x-rahasia-1", role="partner")
    Membership.objects.create(
        organization=organization, user=user, role=MemberRole.STAFF, started_on=datetime.date(2024, 1, 1)
    )
    return user


# --- the two-sided record ----------------------------------------------------------------------------------------


def test_two_sided_totals_are_the_hand_worked_figures(story, bri):
    [balance] = reciprocity_by_partnership(Organization.objects.filter(pk=bri.pk))
    assert (balance.partner, balance.community) == (bri, story)
    total = balance.total
    assert (total.aid_cash, total.aid_in_kind, total.csr) == (5_000_000, 4_000_000, 8_500_000)
    assert total.given_rupiah == 17_500_000
    assert total.returned_value_rupiah == 45_000_000
    assert total.returned[K.ACCOUNTS_OPENED].count == 20
    assert [(y.year, y.given_rupiah, y.returned_value_rupiah) for y in balance.years] == [
        (2026, 12_500_000, 45_000_000),
        (2025, 5_000_000, 0),
    ]
    assert balance.years[1].returned[K.ACCOUNTS_OPENED].count == 6


def test_period_limits_both_sides(story, bri):
    [balance] = reciprocity_by_partnership(
        Organization.objects.filter(pk=story.pk), start=datetime.date(2026, 1, 1), end=datetime.date(2026, 12, 31)
    )
    assert balance.total.given_rupiah == 12_500_000
    assert balance.total.returned[K.ACCOUNTS_OPENED].count == 14
    assert [y.year for y in balance.years] == [2026]


def test_a_count_of_residents_below_five_is_suppressed_and_cannot_be_subtracted(story, bri):
    balance = partnership_balance(story.partnerships_received.get(partner=bri))
    loans = balance.total.returned[K.LOANS_TAKEN]
    assert loans.count == 3 and loans.count_shown.hidden and str(loans.count_shown) != "3"
    # Rupiah are not persons: the loans' value is shown in full.
    assert loans.value_rupiah == 45_000_000
    accounts = balance.total.returned[K.ACCOUNTS_OPENED]
    assert str(accounts.count_shown) == "20" and str(balance.years[1].returned[K.ACCOUNTS_OPENED].count_shown) == "6"
    # Exact figures for those who keep the community's records.
    exact = partnership_balance(story.partnerships_received.get(partner=bri), exact=True)
    assert str(exact.total.returned[K.LOANS_TAKEN].count_shown) == "3"


def test_complementary_suppression_hides_a_second_year(funded, bri, treasurer):
    _give_back(funded, bri, datetime.date(2025, 6, 1), K.ACCOUNTS_OPENED, 3, user=treasurer)
    _give_back(funded, bri, datetime.date(2026, 6, 1), K.ACCOUNTS_OPENED, 14, user=treasurer)
    balance = partnership_balance(funded.partnerships_received.get(partner=bri))
    cells = [y.returned[K.ACCOUNTS_OPENED].count_shown for y in balance.years] + [
        balance.total.returned[K.ACCOUNTS_OPENED].count_shown
    ]
    shown = [str(c) for c in cells]
    assert "3" not in shown and "<5" in shown
    # 17 − 14 would give the 3 away: one of them is hidden too.
    assert sum(c.hidden for c in cells) >= 2


# --- contributions everywhere --------------------------------------------------------------------------------------


def test_contributions_everywhere_with_programs_under_the_small_count_rule(story, bri, cempako_rt, admin_user):
    from gotong.programs import services as programs
    from gotong.programs.models import EnrolmentStatus

    program = programs.create_program(
        name="Literasi keuangan", kind="kewirausahaan", organization=bri, area=cempako_rt, acting_user=admin_user
    )
    cohort = programs.create_cohort(
        program, name="Angkatan 1", starts_on=datetime.date(2026, 1, 5), ends_on=datetime.date(2026, 3, 5),
        acting_user=admin_user,
    )  # fmt: skip
    for i in range(3):
        enrolment = programs.enrol(
            cohort, person=person_in(cempako_rt, f"Peserta {i}"), enrolled_on=datetime.date(2026, 1, 5),
            acting_user=admin_user,
        )  # fmt: skip
        if i < 2:
            programs.record_outcome(enrolment, status=EnrolmentStatus.COMPLETED, acting_user=admin_user)
    result = partner_contributions(Organization.objects.filter(pk=bri.pk), treasuries=Treasury.objects.all())
    assert (result.aid_total, result.aid_in_kind, result.csr_total) == (9_000_000, 4_000_000, 8_500_000)
    [line] = result.csr
    assert line.project.name == "Rumah bibit Kampung Sayur" and line.after_photos == 0
    [outcome] = result.programs
    assert outcome.cohorts == 1
    # 2 completed + 1 active = 3 enrolled: every part would be known, so the line is withheld ("×"), not shown.
    assert outcome.enrolled.hidden and outcome.completed.hidden
    assert {str(outcome.enrolled), str(outcome.completed)} <= {"<5", "—", "×"}
    exact = partner_contributions(Organization.objects.filter(pk=bri.pk), treasuries=Treasury.objects.all(), exact=True)
    assert (str(exact.programs[0].enrolled), str(exact.programs[0].completed)) == ("3", "2")


def test_csr_funder_must_be_a_partner_with_a_csr_line(cempako, cempako_rt, bri):
    common = {"name": "Drainase", "kind": "drainase", "area": cempako_rt, "volume": "10", "unit": "m", "year": 2026}
    with pytest.raises(ValidationError) as no_csr:
        create_project(**common, budgets={BudgetSource.SELF_HELP: 100_000}, csr_funder=bri, acting_user=None)
    assert "csr_funder" in no_csr.value.message_dict
    with pytest.raises(ValidationError) as not_partner:
        create_project(**common, budgets={BudgetSource.CSR: 100_000}, csr_funder=cempako, acting_user=None)
    assert "mitra" in not_partner.value.message_dict["csr_funder"][0]


# --- recording: the community, never the partner -------------------------------------------------------------------


def test_partner_never_records_and_bad_input_is_refused_in_indonesian(funded, bri, treasurer):
    partner = _partner_user(bri)
    with pytest.raises(PermissionDenied):
        _give_back(funded, bri, datetime.date(2026, 1, 1), K.EVENT_HOSTED, 1, user=partner)
    with pytest.raises(ValidationError) as missing:
        _give_back(funded, bri, datetime.date(2026, 1, 1), K.ACCOUNTS_OPENED, None, 100_000, user=treasurer)
    assert "berapa banyak" in missing.value.message_dict["count"][0]
    with pytest.raises(ValidationError) as future:
        _give_back(funded, bri, datetime.date(2999, 1, 1), K.PRODUCTS_SUPPLIED, None, 250_000, user=treasurer)
    assert "masa depan" in future.value.message_dict["occurred_on"][0]
    with pytest.raises(ValidationError) as not_partner:
        _give_back(funded, funded, datetime.date(2026, 1, 1), K.EVENT_HOSTED, 1, user=treasurer)
    assert "partner" in not_partner.value.message_dict
    assert not funded.partnerships_received.exists()


def test_the_form_records_and_keeps_what_was_typed_on_error(client, funded, bri, treasurer):
    client.force_login(treasurer)
    url = "/kolaborasi/kemitraan/timbal-balik/baru/"
    page = client.get(f"{url}?komunitas={funded.pk}&mitra={bri.pk}")
    assert page.status_code == 200 and "Catat timbal balik" in page.content.decode()
    data = {"community": funded.pk, "partner": bri.pk, "occurred_on": "2026-05-02", "kind": K.PRODUCTS_SUPPLIED,
            "count": "", "value_rupiah": "", "description": "Sayur untuk kantin mitra"}  # fmt: skip
    bad = client.post(url, data)
    assert bad.status_code == 200 and "Isi jumlahnya" in bad.content.decode()
    assert "Sayur untuk kantin mitra" in bad.content.decode()
    done = client.post(url, {**data, "value_rupiah": "1.250.000"})
    record = funded.partnerships_received.get(partner=bri).reciprocities.get()
    assert done.status_code == 302 and record.value_rupiah == 1_250_000 and record.recorded_by == treasurer


# --- pages per persona -------------------------------------------------------------------------------------------


def test_pages_per_persona(client, story, bri, pegadaian, treasurer, facilitator, other_facilitator, cempako_rt):
    partnership = story.partnerships_received.get(partner=bri)
    detail, listing = f"/kolaborasi/kemitraan/{partnership.pk}/", "/kolaborasi/kemitraan/"
    create = "/kolaborasi/kemitraan/timbal-balik/baru/"
    resident_person = person_in(cempako_rt, "Warga Anggota")
    resident = User.objects.create_user(username="anggota", password="x-rahasia-1", role="resident",
                                        person=resident_person)  # fmt: skip
    Membership.objects.create(organization=story, user=resident, role=MemberRole.MEMBER,
                              started_on=datetime.date(2024, 1, 1))  # fmt: skip
    expected = {
        # persona: (list, detail, record form)
        _partner_user(bri): (200, 200, 403),
        _partner_user(pegadaian, "peg"): (200, 404, 403),
        resident: (200, 200, 403),
        treasurer: (200, 200, 200),
        other_facilitator: (200, 200, 200),  # 26 Ilir is her work area
        facilitator: (200, 404, 200),  # Kampung Bugis only
    }
    for user, (list_code, detail_code, create_code) in expected.items():
        client.force_login(user)
        got = (client.get(listing).status_code, client.get(detail).status_code, client.get(create).status_code)
        assert got == (list_code, detail_code, create_code), user.username
    client.logout()
    assert client.get(detail).status_code == 302


def test_partner_reads_aggregates_never_the_communitys_words(client, story, bri, treasurer):
    partnership = story.partnerships_received.get(partner=bri)
    client.force_login(_partner_user(bri))
    html = client.get(f"/kolaborasi/kemitraan/{partnership.pk}/").content.decode()
    assert "Rp17.500.000" in html and "Rp45.000.000" in html and "20" in html
    assert "Ibu Rahmawati" not in html and "data-records" not in html
    client.force_login(treasurer)
    html = client.get(f"/kolaborasi/kemitraan/{partnership.pk}/").content.decode()
    assert "Ibu Rahmawati" in html and "data-records" in html


def test_partner_home_shows_contributions_and_reciprocity(client, story, bri):
    client.force_login(_partner_user(bri))
    html = client.get("/").content.decode()
    assert "Anda belum punya wilayah kerja" not in html
    assert "Rp4.000.000" in html and "Rp8.500.000" in html and "Rumah bibit Kampung Sayur" in html
    assert "Rekening dibuka di mitra" in html and "Rp45.000.000" in html
    assert "Ibu Rahmawati" not in html and "Rp777.000" not in html


def test_portal_shows_partner_totals_under_the_small_count_rule(client, story, bri):
    for code in ("16.71", "16.71.11.1005"):
        html = client.get(f"/publik/{code}/").content.decode()
        assert 'id="partners"' in html and "BRI Sumatera Selatan" in html, code
        assert "Rp17.500.000" in html and "Rp45.000.000" in html
        # Three KUR borrowers are residents: "<5" (escaped), never the count itself.
        assert "Pinjaman diambil dari mitra (mis. KUR): &lt;5" in html
        assert "Ibu Rahmawati" not in html


# --- the partnership list at city scale ---------------------------------------------------------------------------


def _more_partnerships(n, start, cempako, cempako_rt, admin_user):
    """`n` more partnerships, each with reciprocity, an agreement with a commitment of the partner and a CSR project
    its community carries out; the first partner also partners with Cempako, so that project (in Cempako's RT)
    counts for both of its partnerships."""
    from gotong.collaboration.services import add_commitment, create_agreement

    for i in range(start, start + n):
        community = create_organization(name=f"KSM Mawar {i}", kind=OrganizationKind.KSM, area=cempako_rt,
                                        acting_user=admin_user)  # fmt: skip
        partner = create_organization(name=f"PT Mitra {i}", kind=OrganizationKind.PARTNER_CSR,
                                      area=cempako_rt, acting_user=admin_user)  # fmt: skip
        _give_back(community, partner, datetime.date(2026, 1, 10), K.ACCOUNTS_OPENED, 2 + i)
        create_project(
            name=f"Jalan setapak {i}", kind="lainnya", area=cempako_rt, volume="1", unit="unit", year=2026,
            budgets={BudgetSource.CSR: 1_000_000 * (i + 1)}, executor=community, status=ProjectStatus.ONGOING,
            csr_funder=partner, acting_user=None,
        )  # fmt: skip
        agreement = create_agreement(title=f"MoU {i}", kind="mou", signed_on=datetime.date(2025, 1, 1),
                                     area=cempako_rt, parties=[community, partner], acting_user=admin_user)  # fmt: skip
        add_commitment(agreement, actor=partner, what="Pelatihan hidroponik", due_on=datetime.date(2025, 6, 30),
                       acting_user=admin_user)  # fmt: skip
        if i == 0:
            _give_back(cempako, partner, datetime.date(2026, 2, 1), K.BRANDING, 1)


def test_partnership_list_queries_do_not_grow_with_partnerships(client, story, other_facilitator, cempako_rt,
                                                                 admin_user):  # fmt: skip
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(other_facilitator)

    def listed() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as captured:
            page = client.get("/kolaborasi/kemitraan/")
        return len(page.context["balances"]), len(captured)

    _more_partnerships(1, 1, story, cempako_rt, admin_user)
    shown, queries = listed()
    assert shown == 2  # BRI with Cempako, PT Mitra 1 with KSM Mawar 1
    _more_partnerships(3, 2, story, cempako_rt, admin_user)
    _give_back(story, Organization.objects.get(name="PT Mitra 2"), datetime.date(2026, 2, 1), K.BRANDING, 1)
    assert listed() == (6, queries)


def test_balances_of_many_partnerships_equal_each_alone(story, cempako_rt, admin_user):
    from gotong.collaboration.models import Partnership
    from gotong.collaboration.services.reciprocity import partnership_balances

    _more_partnerships(3, 0, story, cempako_rt, admin_user)
    partnerships = list(Partnership.objects.select_related("partner", "community").order_by("pk"))
    together = partnership_balances(partnerships, exact_for=lambda p: p.pk % 2 == 0)
    alone = [partnership_balance(p, exact=p.pk % 2 == 0) for p in partnerships]
    assert together == alone
    csr = {(b.partner.name, b.community.name): b.total.csr for b in together}
    assert csr[("PT Mitra 0", "Kampung Sayur Cempako")] == 1_000_000  # the project in Cempako's RT
    assert csr[("PT Mitra 2", "KSM Mawar 2")] == 3_000_000
    assert csr[("BRI Sumatera Selatan", "Kampung Sayur Cempako")] == 8_500_000


def test_portal_city_page_queries_do_not_grow_with_partners_or_committed_organisations(client, story, cempako_rt,
                                                                                        admin_user):  # fmt: skip
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def city_page() -> tuple[int, int, int]:
        with CaptureQueriesContext(connection) as captured:
            page = client.get("/publik/16.71/")
        return len(page.context["partners"]), len(page.context["commitments"]), len(captured)

    _more_partnerships(1, 1, story, cempako_rt, admin_user)
    partners, committed, queries = city_page()
    assert (partners, committed) == (2, 1)
    _more_partnerships(4, 2, story, cempako_rt, admin_user)
    assert city_page() == (6, 5, queries)
