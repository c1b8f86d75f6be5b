"""The monthly report a worker owes, generated from the records so nobody types it again.

Counts the cases where the worker is the responsible worker. No health details: the report goes to the office.
"""

import calendar
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from gotong.casework import recurrence
from gotong.casework.models import Assistance, AssistanceKind, Case, Program, Referral, ReferralStatus, Visit
from gotong.casework.schedule import plan_statuses
from gotong.core.dates import short_date
from gotong.core.money import format_rupiah
from gotong.core.pdf import ReportPDF


@dataclass
class MonthlyReport:
    worker: object
    year: int
    month: int
    first_day: date
    last_day: date
    open_at_start: int = 0
    opened: int = 0
    closed: int = 0
    open_at_end: int = 0
    visits_planned: int = 0
    visits_done: int = 0
    planned_visits_done: int = 0
    by_program: list = field(default_factory=list)  # (label, open at end, visits)
    assistance: list = field(default_factory=list)  # (label, count, value)
    assistance_total: int = 0
    referrals_made: int = 0
    referrals: list = field(default_factory=list)  # (status label, count) of referrals made in the month, today
    case_rows: list = field(default_factory=list)


def month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def monthly_report(worker, year: int, month: int, *, cases=None) -> MonthlyReport:
    first, last = month_bounds(year, month)
    report = MonthlyReport(worker, year, month, first, last)
    cases = list(
        (cases if cases is not None else Case.objects.all())
        .filter(worker=worker)
        .prefetch_related("plans", "visits", "single_visits")
        .select_related("person", "household")
    )
    for case in cases:
        active_at = lambda day, c=case: c.opened_on <= day and (c.closed_on is None or c.closed_on >= day)  # noqa: E731
        report.open_at_start += case.opened_on < first and (case.closed_on is None or case.closed_on >= first)
        report.opened += first <= case.opened_on <= last
        report.closed += case.closed_on is not None and first <= case.closed_on <= last
        report.open_at_end += active_at(last)
    visits = Visit.objects.filter(case__in=cases, worker=worker, visited_on__range=(first, last))
    report.visits_done = visits.count()
    case_rows = {}
    for case in cases:
        planned = done = 0
        for plan in case.plans.all():
            # Judge the month as of its last day, so a later visit does not rewrite a past report.
            visit_dates = [v.visited_on for v in case.visits.all() if v.visited_on <= last]
            for status in plan_statuses(plan, visit_dates, last):
                in_month = first <= status.due_on <= last
                if not in_month or (case.closed_on and status.due_on > case.closed_on):
                    continue
                planned += 1
                done += status.state == recurrence.DONE
        # Single visits planned on a date count as planned visits of their month too.
        all_dates = [v.visited_on for v in case.visits.all() if v.visited_on <= last]
        singles = [single.planned_on for single in case.single_visits.all()]
        for status in recurrence.single_statuses(singles, all_dates, last) if singles else []:
            if first <= status.due_on <= last and not (case.closed_on and status.due_on > case.closed_on):
                planned += 1
                done += status.state == recurrence.DONE
        report.visits_planned += planned
        report.planned_visits_done += done
        month_visits = sum(1 for v in case.visits.all() if first <= v.visited_on <= last and v.worker_id == worker.pk)
        if planned or month_visits or (case.opened_on <= last and (case.closed_on is None or case.closed_on >= first)):
            case_rows[case.pk] = [
                case.get_program_display(),
                case.subject_name,
                case.opened_on,
                case.closed_on,
                planned,
                month_visits,
            ]
    report.case_rows = list(case_rows.values())
    for program in Program:
        in_program = [c for c in cases if c.program == program]
        if in_program:
            n_visits = visits.filter(case__program=program).count()
            report.by_program.append(
                (
                    str(program.label),
                    sum(1 for c in in_program if c.opened_on <= last and (c.closed_on is None or c.closed_on >= last)),
                    n_visits,
                )
            )
    given = Assistance.objects.filter(case__in=cases, given_on__range=(first, last))
    for kind in AssistanceKind:
        rows = [a.value for a in given if a.kind == kind]
        if rows:
            report.assistance.append((str(kind.label), len(rows), sum(rows)))
    report.assistance_total = sum(v for _label, _n, v in report.assistance)
    made = Referral.objects.filter(case__in=cases, referred_on__range=(first, last))
    report.referrals_made = made.count()
    report.referrals = [(str(s.label), made.filter(status=s).count()) for s in ReferralStatus]
    return report


def _month_name(report) -> str:
    from django.utils.dateformat import format as date_format

    return date_format(report.first_day, "F Y")


def report_pdf(report: MonthlyReport) -> ReportPDF:
    name = report.worker.get_full_name() or report.worker.username
    pdf = ReportPDF(_("Laporan bulanan pendampingan"), f"{name} · {_month_name(report)}")
    pdf.heading(_("Kasus"))
    pdf.key_values(
        [
            (_("Terbuka awal bulan"), report.open_at_start),
            (_("Dibuka bulan ini"), report.opened),
            (_("Ditutup bulan ini"), report.closed),
            (_("Terbuka akhir bulan"), report.open_at_end),
        ]
    )
    pdf.heading(_("Kunjungan"))
    pdf.key_values(
        [
            (_("Kunjungan direncanakan"), report.visits_planned),
            (_("Rencana terlaksana"), report.planned_visits_done),
            (_("Kunjungan dilakukan"), report.visits_done),
        ]
    )
    if report.by_program:
        pdf.data_table(
            [_("Program"), _("Kasus terbuka"), _("Kunjungan")],
            [list(row) for row in report.by_program],
            align_right={1, 2},
        )
    pdf.heading(_("Bantuan yang diberikan"))
    rows = [[label, n, format_rupiah(v)] for label, n, v in report.assistance]
    rows.append([_("Jumlah"), sum(n for _l, n, _v in report.assistance), format_rupiah(report.assistance_total)])
    pdf.data_table([_("Jenis"), _("Kali"), _("Nilai")], rows, align_right={1, 2})
    pdf.heading(_("Rujukan"))
    pdf.key_values([(_("Rujukan dibuat"), report.referrals_made)] + [(label, n) for label, n in report.referrals])
    if report.case_rows:
        pdf.heading(_("Daftar kasus"))
        pdf.data_table(
            [_("Program"), _("Penerima"), _("Dibuka"), _("Ditutup"), _("Rencana"), _("Kunjungan")],
            [[p, n, short_date(o), short_date(c), pl, v] for p, n, o, c, pl, v in report.case_rows],
            col_widths=(30, 50, 22, 22, 18, 20),
            align_right={4, 5},
        )
    return pdf


def report_sheets(report: MonthlyReport):
    summary = [
        (_("Terbuka awal bulan"), report.open_at_start),
        (_("Dibuka bulan ini"), report.opened),
        (_("Ditutup bulan ini"), report.closed),
        (_("Terbuka akhir bulan"), report.open_at_end),
        (_("Kunjungan direncanakan"), report.visits_planned),
        (_("Rencana terlaksana"), report.planned_visits_done),
        (_("Kunjungan dilakukan"), report.visits_done),
        (_("Nilai bantuan (Rp)"), report.assistance_total),
        (_("Rujukan dibuat"), report.referrals_made),
    ]
    return [
        (_("Ringkasan"), [_("Indikator"), _("Jumlah")], summary),
        (_("Bantuan"), [_("Jenis"), _("Kali"), _("Nilai (Rp)")], report.assistance),
        (_("Rujukan"), [_("Status"), _("Jumlah")], report.referrals),
        (
            _("Kasus"),
            [_("Program"), _("Penerima"), _("Dibuka"), _("Ditutup"), _("Rencana"), _("Kunjungan")],
            report.case_rows,
        ),
    ]
