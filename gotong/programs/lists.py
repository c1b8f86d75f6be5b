"""The program list as one function the page and its XLSX/CSV export both call."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from gotong.core.listing import filter_wilayah
from gotong.exports.specs import INT, Column, ListExport, register
from gotong.programs.models import Program


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
