"""Agreement and project lists as functions the pages and their XLSX/CSV exports both call."""

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gotong.collaboration import services
from gotong.collaboration.models import Agreement, BudgetSource, DataSharing, Forum, Project, Target
from gotong.collaboration.services import targets as target_services
from gotong.core.listing import filter_wilayah
from gotong.exports.specs import DATE, DECIMAL, INT, RUPIAH, Column, ListExport, register


def agreement_rows(user, filters):
    today = timezone.localdate()
    agreements = (
        Agreement.objects.visible_to(user)
        .select_related("area")
        .prefetch_related("parties")
        .annotate(
            commitment_count=Count("commitments"),
            overdue_count=Count(
                "commitments",
                filter=Q(commitments__due_on__lt=today) & ~Q(commitments__status__in=services.CLOSED),
            ),
        )
    )
    return filter_wilayah(agreements, filters)


def project_rows(user, filters) -> list[dict]:
    """One dict per project: the project, its budget per source (None where it has none) and its total."""
    projects = filter_wilayah(Project.objects.visible_to(user), filters)
    rows = []
    for project in projects.select_related("area__parent", "executor").prefetch_related("budgets"):
        by_source = {b.source: b.amount_rupiah for b in project.budgets.all()}
        rows.append(
            {
                "project": project,
                "by_source": by_source,
                "amounts": [(source, by_source.get(source)) for source in BudgetSource],
                "total": sum(by_source.values()),
            }
        )
    return rows


register(
    ListExport(
        key="collaboration.agreements",
        title=_("Kesepakatan"),
        filename="kesepakatan",
        rows=agreement_rows,
        columns=[
            Column(_("Kesepakatan"), lambda a: a.title),
            Column(_("Jenis"), lambda a: a.get_kind_display()),
            Column(_("Ditandatangani"), lambda a: a.signed_on, DATE),
            Column(_("Wilayah"), lambda a: a.area.name),
            Column(_("Para pihak"), lambda a: ", ".join(str(p) for p in a.parties.all())),
            Column(_("Komitmen"), lambda a: a.commitment_count, INT),
            Column(_("Terlambat"), lambda a: a.overdue_count, INT),
        ],
    )
)


def _budget_column(source):
    return Column(source.label, lambda r: r["by_source"].get(source), RUPIAH)


register(
    ListExport(
        key="collaboration.projects",
        title=_("Kegiatan"),
        filename="kegiatan-fisik",
        rows=project_rows,
        columns=[
            Column(_("Kegiatan"), lambda r: r["project"].name),
            Column(_("Jenis"), lambda r: r["project"].get_kind_display()),
            Column(_("Status"), lambda r: r["project"].get_status_display()),
            Column(_("Lokasi"), lambda r: r["project"].area.name),
            Column(_("Kode wilayah"), lambda r: r["project"].area_code),
            Column(_("Tahun"), lambda r: r["project"].year, INT),
            Column(_("Volume"), lambda r: r["project"].volume, DECIMAL),
            Column(_("Satuan"), lambda r: r["project"].unit),
            *[_budget_column(source) for source in BudgetSource],
            Column(_("Jumlah"), lambda r: r["total"], RUPIAH),
        ],
    )
)


def forum_rows(user, filters):
    forums = (
        Forum.objects.visible_to(user)
        .select_related("area", "convener")
        .annotate(meeting_count=Count("meetings"), last_meeting=Max("meetings__held_on"))
    )
    return filter_wilayah(forums, filters)


register(
    ListExport(
        key="collaboration.forums",
        title=_("Forum"),
        filename="forum",
        rows=forum_rows,
        columns=[
            Column(_("Forum"), lambda f: f.name),
            Column(_("Sifat"), lambda f: f.get_kind_display()),
            Column(_("Wilayah"), lambda f: f.area.name),
            Column(_("Penyelenggara"), lambda f: f.convener.name if f.convener else ""),
            Column(_("Pertemuan"), lambda f: f.meeting_count, INT),
            Column(_("Terakhir"), lambda f: f.last_meeting, DATE),
        ],
    )
)


def target_rows(user, filters) -> list[dict]:
    """One dict per shared target: the target and its status toward the target value."""
    targets = target_services.with_current_values(filter_wilayah(Target.objects.visible_to(user), filters))
    return [{"target": t, "status": target_services.target_status(t)} for t in targets]


register(
    ListExport(
        key="collaboration.targets",
        title=_("Sasaran bersama"),
        filename="sasaran-bersama",
        rows=target_rows,
        columns=[
            Column(_("Sasaran"), lambda r: r["target"].title),
            Column(_("Indikator"), lambda r: r["target"].get_indicator_display()),
            Column(_("Satuan"), lambda r: r["target"].unit),
            Column(_("Awal"), lambda r: r["target"].baseline_value, DECIMAL),
            Column(_("Tahun awal"), lambda r: r["target"].baseline_year, INT),
            Column(_("Sekarang"), lambda r: r["status"]["value"], DECIMAL),
            Column(_("Per tanggal"), lambda r: r["status"]["as_of"], DATE),
            Column(_("Sasaran"), lambda r: r["target"].target_value, DECIMAL),
            Column(_("Tahun sasaran"), lambda r: r["target"].target_year, INT),
            Column(_("Status"), lambda r: r["status"]["label"]),
            Column(_("Tercapai (%)"), lambda r: r["status"]["percent"], DECIMAL),
            Column(_("Waktu berjalan (%)"), lambda r: r["status"]["expected"], DECIMAL),
        ],
    )
)


def sharing_rows(user, filters):
    entries = filter_wilayah(DataSharing.objects.visible_to(user), filters)
    return entries.select_related("area", "provider", "recipient")


register(
    ListExport(
        key="collaboration.sharing",
        title=_("Berbagi data"),
        filename="berbagi-data",
        rows=sharing_rows,
        columns=[
            Column(_("Tanggal"), lambda e: e.shared_on, DATE),
            Column(_("Data"), lambda e: e.dataset),
            Column(_("Wilayah"), lambda e: e.area.name),
            Column(_("Dari"), lambda e: e.provider.name),
            Column(_("Kepada"), lambda e: e.recipient.name),
            Column(_("Tujuan"), lambda e: e.purpose),
            Column(_("Dasar"), lambda e: e.get_legal_basis_display()),
            Column(_("Data pribadi"), lambda e: _("Ya") if e.contains_personal_data else _("Tidak")),
        ],
    )
)
