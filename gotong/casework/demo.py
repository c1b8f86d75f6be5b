"""Demo cases (seed 003, Pekanbaru; seed 001, pendamping): Tuah TB and PKH caseloads with visits and aid.

- `psm` (Yusuf Effendi, PSM for three Pekanbaru villages) accompanies four patients with drug-resistant TB for
  Tuah TB: a visit every month since the start of treatment, a nutrition package each visit, transport money
  (enabler) passed on from the puskesmas, and extra cash from Tuah TB's own donations for the neediest patient —
  booked in Tuah TB's ledger. Two patients' latest visits are not logged, so the agenda shows them overdue.
- `pendamping` (Rina Marlina, 26 Ilir Palembang) accompanies three PKH households: monthly visits, a school
  referral, and one overdue visit.
Amounts, dates and treatment length are chosen for the demo (the seed names the kinds of help, not amounts).
`load_casework_demo(acting_user)` is idempotent: a (person or household, program) already with a case is skipped.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from gotong.accounts.models import User
from gotong.casework import services
from gotong.casework.models import (
    AssistanceKind,
    AssistanceSource,
    Case,
    Frequency,
    NeedDomain,
    Program,
    ReferralStatus,
)
from gotong.casework.recurrence import add_months, due_dates
from gotong.core.scoping import area_code_filter
from gotong.organizations.models import Organization
from gotong.registry.models import Person

PEKANBARU_VILLAGES = ("14.71.04.1003", "14.71.04.1002", "14.71.13.1003")
ILIR_26 = "16.71.11.1005"
NUTRITION_PACKAGE = 250_000  # chosen: beras, telur, susu, kacang hijau
ENABLER = 200_000  # chosen: transport money per monthly puskesmas visit
EXTRA_CASH = 300_000  # chosen: Tuah TB's extra help for the neediest patient
DONATION = 5_000_000  # chosen: donations Tuah TB holds in cash

# (months since treatment started, latest visit logged?, extra cash?)
TB_PATIENTS = ((7, True, True), (5, False, False), (3, True, False), (2, False, False))
# (months since the case opened, latest visit logged?)
PKH_HOUSEHOLDS = ((4, True), (3, False), (2, True))

FIRST = {"education": 2, "health": 4, "housing": 3, "food": 4, "livelihood": 4, "documents": 2}
LATEST = {"education": 2, "health": 2, "housing": 3, "food": 2, "livelihood": 3, "documents": 1}


def _adults_in(codes, count):
    people = []
    households = set()
    for person in Person.objects.filter(area_code_filter(list(codes))).order_by("pk"):
        if person.household_id in households or not 20 <= person.age_on(timezone.localdate()) <= 60:
            continue
        households.add(person.household_id)
        people.append(person)
        if len(people) == count:
            break
    return people


def _ratings(values, health_note=""):
    return {d: (values[d], health_note if d == NeedDomain.HEALTH else "") for d in NeedDomain.values}


def _visit_history(case, plan, worker, today, *, log_latest, tb, help_each_visit):
    dues = [d for d in due_dates(plan.frequency, plan.start_on, until=today) if d < today]
    for index, due in enumerate(dues):
        if index == len(dues) - 1 and not log_latest:
            break
        first = index == 0
        services.log_visit(
            case,
            visited_on=due,
            met_with=case.subject_name if tb else "Ibu rumah tangga",
            condition=("Mual dan lemas, efek samping obat" if first else "Batuk berkurang, nafsu makan membaik")
            if tb
            else "",
            adherence=("partly" if first else "yes") if tb else "",
            issues="Tidak ada ongkos ke puskesmas" if first else "",
            next_step="Antar kontrol dan ambil obat di puskesmas" if tb else "Pastikan anak hadir di sekolah",
            acting_user=worker,
        )
        help_each_visit(due)


@transaction.atomic
def load_casework_demo(acting_user) -> dict:
    today = timezone.localdate()
    made = {"cases": 0}
    psm = User.objects.filter(username="psm").first()
    tuah_tb = Organization.objects.filter(name="Tuah TB").first()
    if psm and tuah_tb:
        _tb_cases(psm, tuah_tb, today, made, acting_user)
    pendamping = User.objects.filter(username="pendamping").first()
    if pendamping:
        _pkh_cases(pendamping, today, made)
    return made


def _tb_cases(psm, tuah_tb, today, made, acting_user):
    from gotong.ledger import services as ledger
    from gotong.ledger.models import AccountKind

    book = ledger.get_or_create_book(tuah_tb, acting_user=acting_user)
    cash = ledger.open_account(book, code="kas", name="Kas", kind=AccountKind.ASSET, acting_user=acting_user)
    donations = ledger.open_account(
        book, code="donasi", name="Donasi dan sumbangan", kind=AccountKind.INCOME, acting_user=acting_user
    )
    start = add_months(today, -8)
    ledger.post(
        book, key=f"casework-demo-donation-{start:%Y-%m}", lines=[(cash, DONATION), (donations, -DONATION)],
        occurred_on=start, memo="Donasi untuk bantuan pasien TBC RO", kind="donasi", acting_user=acting_user,
    )  # fmt: skip
    patients = _adults_in(PEKANBARU_VILLAGES, len(TB_PATIENTS))
    for person, (months, log_latest, extra) in zip(patients, TB_PATIENTS, strict=False):
        if Case.objects.filter(person=person, program=Program.TB).exists():
            continue
        # Due dates fall five days before today's date each month, so an unlogged latest visit is overdue now.
        opened = add_months(today, -months) - timedelta(days=8)
        case = services.open_case(
            program=Program.TB, household=person.household, person=person, organization=tuah_tb,
            summary="Pasien TBC resisten obat: pendampingan minum obat setiap bulan",
            opened_reason="Dirujuk puskesmas saat mulai pengobatan TBC RO",
            opened_on=opened, health_condition="TBC resisten obat (TBC RO), pengobatan jangka panjang",
            acting_user=psm,
        )  # fmt: skip
        plan = services.set_visit_plan(
            case, frequency=Frequency.MONTHLY, start_on=opened + timedelta(days=3),
            end_on=add_months(opened, 20), acting_user=psm,
        )  # fmt: skip
        services.record_assessment(
            case, assessed_on=opened, ratings=_ratings(FIRST, "Batuk, berat badan turun"), acting_user=psm
        )

        def help_each_visit(day, case=case, extra=extra):
            services.give_assistance(
                case, given_on=day, kind=AssistanceKind.NUTRITION, value=NUTRITION_PACKAGE,
                source=AssistanceSource.PARTNER, source_name="Donatur Tuah TB", acting_user=psm,
            )  # fmt: skip
            services.give_assistance(
                case, given_on=day, kind=AssistanceKind.TRANSPORT, value=ENABLER,
                source=AssistanceSource.HEALTH_FACILITY, source_name="Puskesmas (enabler)", acting_user=psm,
            )  # fmt: skip
            if extra:
                services.give_assistance(
                    case, given_on=day, kind=AssistanceKind.CASH, value=EXTRA_CASH,
                    source=AssistanceSource.ORGANIZATION, source_name="Tuah TB", acting_user=psm,
                    description="Bantuan tambahan untuk keluarga yang sangat membutuhkan",
                )  # fmt: skip
                extra = False  # once is enough for the demo: the cash box stays positive

        _visit_history(case, plan, psm, today, log_latest=log_latest, tb=True, help_each_visit=help_each_visit)
        if months >= 3:
            services.record_assessment(
                case, assessed_on=add_months(opened, months - 1), ratings=_ratings(LATEST, "Batuk berkurang"),
                acting_user=psm,
            )  # fmt: skip
            services.refer(
                case, service="puskesmas", service_name="Puskesmas Rejosari",
                reason="Pemeriksaan efek samping obat (pendengaran)", referred_on=opened + timedelta(days=10),
                acting_user=psm,
            )  # fmt: skip
        made["cases"] += 1


def _pkh_cases(pendamping, today, made):
    for person, (months, log_latest) in zip(_adults_in([ILIR_26], len(PKH_HOUSEHOLDS)), PKH_HOUSEHOLDS, strict=False):
        if Case.objects.filter(household=person.household, program=Program.PKH).exists():
            continue
        opened = add_months(today, -months) - timedelta(days=5)
        case = services.open_case(
            program=Program.PKH, household=person.household, summary="Keluarga PKH: pendidikan anak dan gizi",
            opened_reason="Penerima PKH baru di wilayah dampingan", opened_on=opened, acting_user=pendamping,
        )  # fmt: skip
        plan = services.set_visit_plan(case, frequency=Frequency.MONTHLY, start_on=opened, acting_user=pendamping)
        services.record_assessment(case, assessed_on=opened, ratings=_ratings(FIRST), acting_user=pendamping)
        _visit_history(case, plan, pendamping, today, log_latest=log_latest, tb=False, help_each_visit=lambda day: None)
        referral = services.refer(
            case, service="school", service_name="SD Negeri 26 Ilir", reason="Anak kembali bersekolah",
            referred_on=opened, acting_user=pendamping,
        )  # fmt: skip
        services.update_referral(
            referral, status=ReferralStatus.ACCEPTED, status_on=opened + timedelta(days=7), acting_user=pendamping
        )
        made["cases"] += 1
