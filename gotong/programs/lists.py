"""The program list and a cohort's participants, each as one function the page and its XLSX/CSV export both call."""

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from gotong.core.listing import filter_wilayah
from gotong.core.policy import require
from gotong.exports.specs import INT, RUPIAH, Column, ListExport, register
from gotong.programs import leftout
from gotong.programs.forms import LeftOutFilter
from gotong.programs.models import Cohort, Program
from gotong.registry.nik import mask_family_card_number


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


def left_out_filters(params) -> tuple[LeftOutFilter, str, int | None]:
    """The page's filter form and what it asks: an area code (or the dashboards' `?wilayah=`) and a top decile."""
    form = LeftOutFilter(params or None)
    area, decile = "", None
    if form.is_valid():
        area, decile = form.cleaned_data["area"].strip(), form.cleaned_data["max_decile"]
    return form, area or str(params.get("wilayah", "")).strip(), decile


def left_out_rows(user, filters):
    """Every left-out household of the filters, poorest first (the page shows them a page at a time)."""
    require(user, "programs.manage")
    _form, area, decile = left_out_filters(filters)
    return leftout.left_out_households(user, area_code=area, max_decile=decile)


def _yes_no(flag) -> str:
    return str(_("ya")) if flag else str(_("tidak"))


register(
    ListExport(
        key="programs.left_out",
        capability="programs.manage",
        title=_("Belum terjangkau"),
        filename="belum-terjangkau-program",
        rows=left_out_rows,
        columns=[
            Column(_("No. KK"), lambda h: mask_family_card_number(h.family_card_number)),
            Column(_("Kepala keluarga"), lambda h: h.head_name or ""),
            Column(_("Alamat"), lambda h: h.address),
            Column(_("Kode wilayah"), lambda h: h.area_code),
            Column(_("Desil"), lambda h: h.welfare_decile, INT),
            Column(_("PKH"), lambda h: _yes_no(h.pkh_recipient)),
            Column(_("BPNT"), lambda h: _yes_no(h.bpnt_recipient)),
            Column(_("Jumlah anggota"), lambda h: h.member_count, INT),
        ],
    )
)
