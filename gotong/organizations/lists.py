"""The organisation list as one function the page and its XLSX/CSV export both call."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gotong.core.listing import filter_wilayah
from gotong.exports.specs import INT, Column, ListExport, register
from gotong.organizations.forms import OrganizationFilterForm
from gotong.organizations.models import Organization


def organization_rows(user, filters, form=None):
    today = timezone.localdate()
    active = Q(memberships__started_on__lte=today) & (
        Q(memberships__ended_on__isnull=True) | Q(memberships__ended_on__gte=today)
    )
    organizations = (
        Organization.objects.visible_to(user)
        .select_related("area")
        .annotate(member_count=Count("memberships", filter=active))
    )
    organizations = filter_wilayah(organizations, filters)
    form = form or OrganizationFilterForm(filters)
    if form.is_valid():
        if form.cleaned_data["kind"]:
            organizations = organizations.filter(kind=form.cleaned_data["kind"])
        if form.cleaned_data["q"]:
            organizations = organizations.filter(name__icontains=form.cleaned_data["q"].strip())
    return organizations.order_by("name", "pk")


register(
    ListExport(
        key="organizations.organizations",
        title=_("Organisasi"),
        filename="organisasi",
        rows=organization_rows,
        columns=[
            Column(_("Nama"), lambda o: o.name),
            Column(_("Jenis"), lambda o: o.get_kind_display()),
            Column(_("Kode wilayah"), lambda o: o.area_code),
            Column(_("Wilayah"), lambda o: o.area.name),
            Column(_("Anggota aktif"), lambda o: o.member_count, INT),
        ],
    )
)
