"""The network's new ties, on hand-built records: casework assistance and referrals that name an organisation, and
program partnerships (partner aid in a treasury's cash book: gotong/treasury/tests/test_network_aid.py). Each is
counted once per record, in scope only."""

import datetime

import pytest

from gotong.casework import services as casework
from gotong.casework.models import AssistanceKind, AssistanceSource, Program, ServiceKind
from gotong.organizations.choices import OrganizationKind
from gotong.organizations.services import create_organization
from gotong.programs import services as programs
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from gotong.socialcapital.network import build_network

BUGIS = "21.72.03.1005"


@pytest.fixture
def bugis_orgs(areas, admin_user):
    def org(name, kind=OrganizationKind.OTHER, code=BUGIS):
        return create_organization(name=name, kind=kind, area=areas[code], acting_user=admin_user)

    return {
        "BKM": org("BKM Bugis Bersatu", OrganizationKind.BKM),
        "Puskesmas": org("Puskesmas Kampung Bugis"),
        "Dinsos": org("Dinas Sosial Kota Tanjungpinang", OrganizationKind.GOVERNMENT, "21.72"),
        "Sekolah": org("SD Negeri 5 Tanjungpinang"),
    }


def test_casework_aid_and_referrals_that_name_an_organisation(bugis_orgs, facilitator, other_facilitator, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: datetime.date(2026, 3, 20))
    person = PersonFactory(household=HouseholdFactory(area=rt_in(BUGIS, 2, 3)), name="Raja Ali")
    case = casework.open_case(program=Program.TB, household=person.household, person=person, summary="TBC",
                              opened_reason="Rujukan", opened_on=datetime.date(2026, 1, 5),
                              organization=bugis_orgs["BKM"], acting_user=facilitator)  # fmt: skip
    day = datetime.date(2026, 2, 1)
    # Free text written differently from the organisation's name still matches (case, spaces).
    casework.give_assistance(case, given_on=day, kind=AssistanceKind.NUTRITION, value=150_000,
                             source=AssistanceSource.HEALTH_FACILITY, source_name="puskesmas  kampung bugis",
                             acting_user=facilitator)  # fmt: skip
    casework.refer(case, service=ServiceKind.DINSOS, service_name="Dinas Sosial Kota Tanjungpinang",
                   reason="Bantuan sosial", referred_on=day, acting_user=facilitator)  # fmt: skip
    # A name that is no organisation ties nobody.
    casework.refer(case, service=ServiceKind.HOSPITAL, service_name="RSUD Raja Ahmad Tabib", reason="Rontgen",
                   referred_on=day, acting_user=facilitator)  # fmt: skip
    graph = build_network(facilitator)
    bkm = bugis_orgs["BKM"].pk
    assert graph.edges[bkm, bugis_orgs["Puskesmas"].pk]["aid"] == 1
    assert graph.edges[bkm, bugis_orgs["Dinsos"].pk]["aid"] == 1
    assert set(graph.neighbors(bkm)) == {bugis_orgs["Puskesmas"].pk, bugis_orgs["Dinsos"].pk}
    # Casework is read only as far as cases are: Rina (Palembang) sees neither the case nor its ties.
    assert build_network(other_facilitator).number_of_edges() == 0


def test_program_partners_tie_organiser_and_partners(bugis_orgs, areas, admin_user, city_officer):
    programs.create_program(name="Kelas gizi", kind="penyuluhan_kesehatan", organization=bugis_orgs["Puskesmas"],
                            area=areas[BUGIS], partners=[bugis_orgs["BKM"], bugis_orgs["Sekolah"]],
                            acting_user=admin_user)  # fmt: skip
    graph = build_network(city_officer)
    pusk, bkm, sekolah = bugis_orgs["Puskesmas"].pk, bugis_orgs["BKM"].pk, bugis_orgs["Sekolah"].pk
    assert graph.edges[pusk, bkm]["programs"] == 1
    assert graph.edges[pusk, sekolah]["programs"] == 1
    assert graph.edges[bkm, sekolah]["programs"] == 1  # partners of one program work together too
    assert not graph.has_edge(pusk, bugis_orgs["Dinsos"].pk)


def test_program_partner_outside_reach_is_refused(bugis_orgs, areas, facilitator, admin_user):
    from django.core.exceptions import ValidationError

    palembang = create_organization(name="Bank Palembang", kind=OrganizationKind.PARTNER_CSR, area=areas["16.71"],
                                    acting_user=admin_user)  # fmt: skip
    with pytest.raises(ValidationError) as error:
        programs.create_program(name="Kelas usaha", kind="kewirausahaan", organization=bugis_orgs["BKM"],
                                area=areas[BUGIS], partners=[palembang], acting_user=facilitator)  # fmt: skip
    assert "partners" in error.value.message_dict
