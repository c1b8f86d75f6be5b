"""Caseload and visit agenda as functions the pages and their exports call. No health details: the lists show none."""

from collections import defaultdict
from functools import partial

from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gotong.casework import access, schedule, tallies
from gotong.casework.models import Case, Program
from gotong.core.listing import filter_wilayah
from gotong.core.policy import may_somewhere
from gotong.exports.specs import DATE, INT, BatchedRows, Column, ListExport, register
from gotong.registry.nik import mask_nik


def case_queryset(user, filters, today=None):
    """The list's cases in its order: most overdue visits today first (from the per-case tallies, so no schedule
    is replayed to sort), open before closed, then the longest open. Pages and exports read it in slices."""
    today = today or timezone.localdate()
    cases = filter_wilayah(Case.objects.visible_to(user), filters)
    status = filters.get("status", "open")
    if status == "open":
        cases = cases.open()
    elif status == "closed":
        cases = cases.filter(closed_on__isnull=False)
    program = filters.get("program", "")
    if program in Program.values:
        cases = cases.filter(program=program)
    cases = cases.search(filters.get("q", ""))
    # Ordered over the scoped ids: the scope's DISTINCT (team join) over whole rows and sort keys is slow. No joins
    # for the names here: the database would make them for every case before sorting; `schedules_of` fetches
    # them for the page's cases.
    return (
        Case.objects.filter(pk__in=cases.values("pk"))
        .with_subject_names()
        .annotate(late=tallies.overdue_today(cases, today))
        .order_by("-late", F("closed_on").desc(nulls_first=True), "opened_on", "pk")
    )


def case_rows(user, filters, today=None) -> BatchedRows:
    """Each case with its visit schedule (next due, overdue, last visit), worked out a batch of cases at a time."""
    today = today or timezone.localdate()
    return BatchedRows(case_queryset(user, filters, today), partial(schedule.schedules_of, today=today))


def _next_visit(row):
    if row.overdue:
        return row.overdue[0].due_on
    return row.next_due.due_on if row.next_due else None


register(
    ListExport(
        key="casework.cases",
        title=_("Daftar kasus"),
        filename="daftar-kasus",
        rows=case_rows,
        columns=[
            Column(_("Penerima"), lambda r: r.case.subject_name),
            Column(_("NIK"), lambda r: mask_nik(r.case.person.nik) if r.case.person else _("rumah tangga")),
            Column(_("Program"), lambda r: r.case.get_program_display()),
            Column(_("Pendamping"), lambda r: r.case.worker.get_full_name() or r.case.worker.username),
            Column(_("Kunjungan berikut"), _next_visit, DATE),
            Column(_("Terlambat"), lambda r: _("ya") if r.overdue else ""),
            Column(_("Terakhir dikunjungi"), lambda r: r.last_visit, DATE),
            Column(_("Status"), lambda r: _("terbuka") if r.case.is_open else _("ditutup")),
        ],
    )
)


def my_cases(user, filters):
    """The cases I work on, as worker or as a team member (the agenda's scope, narrower than what I may read)."""
    return filter_wilayah(access.team_cases(user, with_supervisor=False), filters)


def agenda_rows(user, filters, today=None) -> dict:
    """Overdue visits, today's and the rest of this week's, for my open cases."""
    return schedule.agenda(my_cases(user, filters), today or timezone.localdate())


def _agenda_export_rows(user, filters) -> list[tuple]:
    agenda = agenda_rows(user, filters)
    parts = ((_("Terlambat"), "overdue"), (_("Hari ini"), "today"), (_("Minggu ini"), "week"))
    return [(label, status, row) for label, key in parts for status, row in agenda[key]]


register(
    ListExport(
        key="casework.agenda",
        title=_("Agenda kunjungan"),
        filename="agenda-kunjungan",
        rows=_agenda_export_rows,
        columns=[
            Column(_("Bagian"), lambda r: r[0]),
            Column(_("Jadwal"), lambda r: r[1].due_on, DATE),
            Column(_("Penerima"), lambda r: r[2].case.subject_name),
            Column(_("Program"), lambda r: r[2].case.get_program_display()),
            Column(_("Alamat"), lambda r: r[2].case.household.address if r[2].case.household else ""),
        ],
    )
)


def supervision_rows(user, filters, today=None) -> list[dict]:
    """Open cases I supervise (`casework.supervise`: named supervisor, or my areas) per worker other than me, the most
    overdue visits first. Refused to anyone without the grant; empty for someone who may supervise but is named on no
    case yet."""
    if not may_somewhere(user, "casework.supervise"):
        raise PermissionDenied
    today = today or timezone.localdate()
    supervised = access.supervised_cases(user).values("pk")
    cases = filter_wilayah(Case.objects.visible_to(user).filter(pk__in=supervised), filters).open().exclude(worker=user)
    per_worker = defaultdict(list)
    for row in schedule.schedules(cases, today):
        per_worker[row.case.worker].append(row)
    workers = []
    for worker, rows in per_worker.items():
        overdue = [(status, row) for row in rows for status in row.overdue]
        dues = [row.next_due.due_on for row in rows if row.next_due]
        workers.append(
            {
                "worker": worker,
                "open": len(rows),
                "overdue": sorted(overdue, key=lambda pair: pair[0].due_on),
                "next_due": min(dues) if dues else None,
                "no_plan": sum(1 for row in rows if row.plan is None),
            }
        )
    workers.sort(key=lambda w: (-len(w["overdue"]), w["worker"].get_full_name() or w["worker"].username))
    return workers


register(
    ListExport(
        key="casework.supervision",
        capability="casework.supervise",
        title=_("Supervisi beban kasus"),
        filename="supervisi-beban-kasus",
        rows=supervision_rows,
        columns=[
            Column(_("Pendamping"), lambda w: w["worker"].get_full_name() or w["worker"].username),
            Column(_("Kasus terbuka"), lambda w: w["open"], INT),
            Column(_("Kunjungan terlambat"), lambda w: len(w["overdue"]), INT),
            Column(_("Kunjungan berikut"), lambda w: w["next_due"], DATE),
            Column(_("Tanpa rencana"), lambda w: w["no_plan"], INT),
        ],
    )
)
