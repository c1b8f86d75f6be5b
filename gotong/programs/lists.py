"""The program list and a cohort's participants, each as one function the page and its XLSX/CSV export both call."""

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from gotong.core.listing import filter_wilayah
from gotong.exports.specs import INT, RUPIAH, Column, ListExport, register
from gotong.programs.models import Cohort, Program


def program_rows(user, filters):
    """Programs in scope with their number of cohorts and participants."""
    programs = Program.objects.visible_to(user).select_related("organization", "area")
    return filter_wilayah(programs, filters).annotate(
        cohort_count=Count("cohorts", distinct=True), enrolled=Count("cohorts__enrolments", distinct=True)
    )


register(
    ListExport(
        key="programs.programs",
        title=_("Program pemberdayaan"),
        filename="program-pemberdayaan",
        rows=program_rows,
        columns=[
            Column(_("Program"), lambda p: p.name),
            Column(_("Jenis"), lambda p: p.get_kind_display()),
            Column(_("Penyelenggara"), lambda p: str(p.organization)),
            Column(_("Angkatan"), lambda p: p.cohort_count, INT),
            Column(_("Peserta"), lambda p: p.enrolled, INT),
        ],
    )
)


def cohort_enrolments(cohort):
    """A cohort's participants in the page's order, with the number of sessions each attended."""
    return cohort.enrolments.select_related("person").annotate(attended=Count("attendance"))


def enrolment_rows(user, filters):
    cohort = get_object_or_404(Cohort.objects.visible_to(user), public_id=filters.get("cohort"))
    return cohort_enrolments(cohort)


def _yes(flag) -> str:
    return str(_("ya")) if flag else ""


register(
    ListExport(
        key="programs.enrolments",
        title=_("Peserta angkatan"),
        filename="peserta-angkatan",
        rows=enrolment_rows,
        path_params=("cohort",),
        columns=[
            Column(_("Nama"), lambda e: e.person.name),
            Column(_("Status"), lambda e: e.get_status_display()),
            Column(_("Bersertifikat"), lambda e: _yes(e.certified)),
            Column(_("Memulai usaha"), lambda e: _yes(e.started_business)),
            Column(_("Hadir (kali)"), lambda e: e.attended, INT),
            Column(_("Pendapatan sebelum (Rp/bulan)"), lambda e: e.income_before, RUPIAH),
            Column(_("Pendapatan sesudah (Rp/bulan)"), lambda e: e.income_after, RUPIAH),
        ],
    )
)
