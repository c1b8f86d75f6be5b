"""Organisation pages: list and detail inside the user's scope, and the forms that change them."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from gotong.core.area_codes import city_code
from gotong.core.forms import add_service_errors
from gotong.core.policy import can, may_somewhere
from gotong.core.policy.routes import RecordLoader, by, route
from gotong.organizations import services
from gotong.organizations.choices import MemberRole
from gotong.organizations.forms import EndMembershipForm, MembershipForm, OrganizationFilterForm, OrganizationForm
from gotong.organizations.history import organization_history
from gotong.organizations.lists import organization_rows
from gotong.organizations.models import Membership, Organization

# Chair first, plain members last, as an organisation lists its board.
ROLE_ORDER = {role: rank for rank, role in enumerate(MemberRole.values)}


class MembershipLoader(RecordLoader):
    """`target=` of the member-end URL: the membership, sampled per city of its organisation."""

    def __init__(self):
        super().__init__(Membership, "pk")

    def samples(self, limit_per_city: int = 1):
        seen: dict[str, int] = {}
        rows = Membership.objects.order_by("pk").values_list("pk", "organization__area_code")
        for pk, code in rows.iterator():
            city = city_code(code)
            if seen.get(city, 0) >= limit_per_city:
                continue
            seen[city] = seen.get(city, 0) + 1
            yield {"pk": pk}


organization_by_pk = by(Organization, "pk")


def _visible(user):
    return Organization.objects.visible_to(user)


def _organization(pk) -> Organization:
    """The URL's organisation; the route has already answered 404/403 for it."""
    return get_object_or_404(Organization.objects.select_related("area", "parent"), pk=pk)


@route("organizations.view")
def organization_list(request):
    form = OrganizationFilterForm(request.GET)
    organizations = organization_rows(request.user, request.GET, form=form)
    page = Paginator(organizations, settings.GOTONG_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "can_create": may_somewhere(request.user, "organizations.create")}
    return render(request, "organizations/list.html", context)


@route("organizations.view", target=organization_by_pk)
def organization_detail(request, pk):
    organization = _organization(pk)
    members = organization.memberships.select_related("person", "user")
    current = members.active()
    parent = organization.parent
    context = {
        "organization": organization,
        "current_members": sorted(current, key=lambda m: (ROLE_ORDER.get(m.role, 99), m.started_on, m.pk)),
        "past_members": members.exclude(pk__in=current.values("pk")).order_by("-ended_on", "pk"),
        "parent_visible": parent is not None and _visible(request.user).filter(pk=parent.pk).exists(),
        "units": _visible(request.user).filter(parent=organization),
        "history": organization_history(organization),
        "can_manage": can(request.user, "organizations.manage", organization),
    }
    return render(request, "organizations/detail.html", context)


@route("organizations.create", post="organizations.create")
def organization_create(request):
    form = OrganizationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            organization = services.create_organization(**form.cleaned_data, acting_user=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Organisasi %(name)s dibuat.") % {"name": organization.name})
            return redirect("organizations:detail", organization.pk)
    return render(request, "organizations/form.html", {"form": form, "organization": None})


@route("organizations.manage", post="organizations.manage", target=organization_by_pk)
def organization_edit(request, pk):
    organization = _organization(pk)
    form = OrganizationForm(request.POST or None, user=request.user, instance=organization)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_organization(organization, **form.cleaned_data, acting_user=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Perubahan disimpan."))
            return redirect("organizations:detail", organization.pk)
    return render(request, "organizations/form.html", {"form": form, "organization": organization})


@route("organizations.manage", post="organizations.manage", target=organization_by_pk)
def member_add(request, pk):
    organization = _organization(pk)
    form = MembershipForm(request.POST or None, user=request.user, organization=organization)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.add_member(organization, **form.service_kwargs(), acting_user=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("%(name)s ditambahkan sebagai anggota.") % {"name": membership.display_name})
            return redirect("organizations:detail", organization.pk)
    return render(request, "organizations/member_form.html", {"form": form, "organization": organization})


@route("organizations.manage", post="organizations.manage", target=MembershipLoader())
def member_end(request, pk):
    membership = get_object_or_404(Membership.objects.select_related("organization", "person", "user"), pk=pk)
    form = EndMembershipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.end_membership(membership, ended_on=form.cleaned_data["ended_on"], acting_user=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Keanggotaan %(name)s diakhiri.") % {"name": membership.display_name})
            return redirect("organizations:detail", membership.organization_id)
    return render(request, "organizations/member_end.html", {"form": form, "membership": membership})
