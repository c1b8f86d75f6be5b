"""Every registered export downloads for someone who may see the list, holding only rows in their scope.

The data: a small Tanjungpinang (Kampung Bugis with something from every module, one other village with a little,
see the dashboards' `town`) and a community enterprise's treasury in Palembang.
"""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from gotong.accounts.models import User
from gotong.activities import services as activities
from gotong.collaboration.models import LegalBasis
from gotong.collaboration.services import evidence, forums, targets
from gotong.core.money import parse_rupiah
from gotong.dashboards.tests.conftest import BUGIS, other_village, today, town  # noqa: F401 — fixtures
from gotong.exports.specs import all_specs, get_spec
from gotong.exports.tests.helpers import body, csv_rows, page_rows, xlsx_rows
from gotong.organizations.models import Organization
from gotong.programs import services as programs
from gotong.registry.models import Person
from gotong.socialcapital.models import Dimension, QuestionKind
from gotong.socialcapital.services import create_instrument, create_round
from gotong.treasury.tests.conftest import (  # noqa: F401 — fixtures
    cempako,
    cempako_rt,
    funded,
    loan,
    member,
    product,
    treasurer,
)
from gotong.wastebank.models import WasteBank

D = datetime.date
# Names only the other village's (or another city's) records carry: never in a Bugis facilitator's export.
FOREIGN = ("Drainase", "MoU lain", "Lokasi lain", "Forum Luar", "Program Luar", "Putaran Luar", "Norma luar")

# list key -> (persona who may see rows, persona who must see none of them[, status the latter gets])
CASES = {
    "activities.events": ("facilitator", "other_facilitator"),
    "activities.norms": ("facilitator", "other_facilitator"),
    "activities.warnings": ("facilitator", "other_facilitator"),
    "casework.agenda": ("facilitator", "other_facilitator"),
    "casework.cases": ("facilitator", "other_facilitator"),
    "casework.supervision": ("city_officer", "partner", 403),  # a facilitator supervising nobody: an empty list
    "collaboration.agreements": ("facilitator", "other_facilitator"),
    "collaboration.forums": ("facilitator", "other_facilitator"),
    "collaboration.projects": ("facilitator", "other_facilitator"),
    "collaboration.sharing": ("facilitator", "other_facilitator"),
    "collaboration.targets": ("facilitator", "other_facilitator"),
    "organizations.organizations": ("facilitator", "other_facilitator"),
    "posyandu.children": ("facilitator", "other_facilitator"),
    "posyandu.sessions": ("facilitator", "other_facilitator"),
    "programs.enrolments": ("facilitator", "other_facilitator"),
    "programs.left_out": ("facilitator", "other_facilitator"),
    "programs.programs": ("facilitator", "other_facilitator"),
    "registry.households": ("facilitator", "other_facilitator"),
    "slums.locations": ("facilitator", "other_facilitator"),
    "socialcapital.rounds": ("facilitator", "other_facilitator"),
    "treasury.arrears": ("treasurer", "facilitator"),
    "treasury.cash_book": ("treasurer", "facilitator"),
    "treasury.loans": ("treasurer", "facilitator"),
    "treasury.members": ("treasurer", "facilitator"),
    "treasury.treasuries": ("treasurer", "facilitator"),
    "wastebank.banks": ("facilitator", "other_facilitator"),
    "wastebank.cash_book": ("facilitator", "other_facilitator"),
    "wastebank.members": ("facilitator", "other_facilitator"),
}


@pytest.fixture
def everything(town, other_village, loan, city_officer, facilitator):  # noqa: F811
    """The town plus the lists `town` leaves empty: forums, targets, data sharing, norms, programs, survey rounds."""
    bugis = town["bugis"]
    bkm, perkim = Organization.objects.get(name="BKM Bugis"), Organization.objects.get(name="Dinas Perkim")
    forums.create_forum(name="Forum BKM Bugis", kind="routine", area=bugis, convener=bkm, acting_user=city_officer)
    forums.create_forum(name="Forum Luar", kind="routine", area=other_village, acting_user=city_officer)
    targets.save_target(
        title="Air minum layak", area=bugis, indicator="safe_water_pct", unit="%", baseline_value=Decimal(40),
        baseline_year=2020, target_value=Decimal(100), target_year=2030, acting_user=city_officer,
    )  # fmt: skip
    evidence.record_data_sharing(
        area=bugis, dataset="Data KK Bugis", provider=bkm, recipient=perkim, shared_on=D(2026, 3, 1),
        purpose="Perencanaan penataan", legal_basis=LegalBasis.CONSENT, contains_personal_data=True,
        acting_user=city_officer,
    )  # fmt: skip
    norm = activities.create_norm(
        text="Dilarang membuang sampah ke laut", agreed_on=D(2025, 1, 1), area=bugis, acting_user=city_officer
    )
    activities.create_norm(text="Norma luar", agreed_on=D(2025, 1, 1), area=other_village, acting_user=city_officer)
    activities.give_warning(
        norm, person=Person.objects.get(name="Andi"), given_on=D(2026, 3, 1), level="lisan", note="Pertama kali",
        acting_user=city_officer,
    )  # fmt: skip
    sewing = programs.create_program(
        name="Pelatihan menjahit", kind="keterampilan", organization=bkm, area=bugis, acting_user=city_officer
    )
    cohort = programs.create_cohort(
        sewing, name="Angkatan 1", starts_on=D(2026, 2, 1), ends_on=D(2026, 4, 30), acting_user=city_officer
    )
    programs.enrol(cohort, person=Person.objects.get(name="Andi"), enrolled_on=D(2026, 2, 1), acting_user=city_officer)
    programs.create_program(
        name="Program Luar", kind="keterampilan", organization=bkm, area=other_village, acting_user=city_officer
    )
    questions = [{"text": "Warga dapat dipercaya.", "dimension": Dimension.TRUST, "kind": QuestionKind.LIKERT}]
    instrument = create_instrument(name="Uji", questions=questions, acting_user=city_officer)
    for name, area in (("Putaran Bugis", bugis), ("Putaran Luar", other_village)):
        create_round(
            instrument=instrument, name=name, area=area, starts_on=D(2026, 1, 1), ends_on=D(2026, 2, 1),
            acting_user=city_officer,
        )  # fmt: skip
    return {"bank_id": WasteBank.objects.get().pk, "org_id": loan.member.organization_id, "cohort": cohort.public_id}


def _get(client, key, fmt="xlsx", **params):
    return client.get(reverse("exports:download", kwargs={"key": key, "fmt": fmt}), params)


def test_every_registered_export_has_a_scope_case():
    assert set(CASES) == {spec.key for spec in all_specs()}


@pytest.mark.parametrize("key", sorted(CASES))
def test_every_export_downloads_only_rows_in_scope(key, client, request, everything):
    spec = get_spec(key)
    params = {name: everything[name] for name in spec.path_params}
    insider_name, outsider_name, *refused = CASES[key]
    insider = request.getfixturevalue(insider_name)

    client.force_login(insider)
    response = _get(client, key, **params)
    assert response.status_code == 200
    headers, rows = xlsx_rows(body(response))
    assert headers == spec.headers
    assert rows, "the persona in scope sees rows"
    assert len(rows) == len(list(spec.rows(insider, {k: str(v) for k, v in params.items()})))
    cells = " ".join(str(cell) for row in rows for cell in row)
    assert not [name for name in FOREIGN if name in cells]
    _headers, csv_data = csv_rows(body(_get(client, key, "csv", **params)))
    assert len(csv_data) == len(rows)

    client.force_login(request.getfixturevalue(outsider_name))
    response = _get(client, key, **params)
    # A list under one bank or treasury is 404 to someone who may not open it; any other list holds none of its rows.
    assert response.status_code == (refused[0] if refused else 404 if spec.path_params else 200)
    if response.status_code == 200:
        theirs = {tuple(row) for row in xlsx_rows(body(response))[1]}
        assert not theirs & {tuple(row) for row in rows}


def test_treasury_arrears_export_equals_the_page(client, treasurer, loan, today):  # noqa: F811
    org_id = loan.member.organization_id
    client.force_login(treasurer)
    page = client.get(reverse("treasury:arrears", args=[org_id])).content.decode()
    shown = page_rows(page)
    assert len(shown) == 3  # all three instalments (10 Jan, Feb, Mar) are late on 20 March
    assert f'href="/ekspor/unduh/treasury.arrears.xlsx?org_id={org_id}"' in page

    _headers, rows = xlsx_rows(_get(client, "treasury.arrears", org_id=org_id).content)
    assert [[f"{r[0]}{r[1]}", str(r[2]), f"{r[4]} hari", r[5]] for r in rows] == [
        [s[0], s[1], s[3], parse_rupiah(s[4])] for s in shown
    ]
    assert [r[3].date() for r in rows] == [D(2026, 1, 10), D(2026, 2, 10), D(2026, 3, 10)]
    assert [s[2] for s in shown] == ["10 Jan 2026", "10 Feb 2026", "10 Mar 2026"]


def test_warning_export_equals_the_page_and_is_only_for_those_who_record_them(client, facilitator, everything):
    client.force_login(facilitator)
    page = client.get(reverse("activities:norms"), {"wilayah": BUGIS}).content.decode()
    shown = page_rows(page)
    assert [row[1] for row in shown] == ["Andi"]
    assert f'href="/ekspor/unduh/activities.warnings.xlsx?wilayah={BUGIS}"' in page

    _headers, rows = xlsx_rows(_get(client, "activities.warnings", wilayah=BUGIS).content)
    assert [[r[1], r[2], r[3], r[4]] for r in rows] == [row[1:] for row in shown]
    assert rows[0][0].date() == D(2026, 3, 1)

    # Andi himself, as a resident, sees no list of warnings on the page nor in the export.
    andi = User.objects.create_user(
        username="andi", password="x", role="resident", person=Person.objects.get(name="Andi")
    )
    client.force_login(andi)
    assert "Pertama kali" not in client.get(reverse("activities:norms")).content.decode()
    assert xlsx_rows(_get(client, "activities.warnings").content)[1] == []
