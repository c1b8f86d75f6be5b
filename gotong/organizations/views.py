"""Organisation pages: list and detail inside the user's scope, and the forms that change them."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from gotong.organizations import services
from gotong.organizations.access import can_create_organization, can_manage_organization
from gotong.organizations.choices import MemberRole
from gotong.organizations.forms import (
    EndMembershipForm,
    MembershipForm,
    OrganizationFilterForm,
    OrganizationForm,
    add_service_errors,
)
from gotong.organizations.history import organization_history
from gotong.organizations.lists import organization_rows
from gotong.organizations.models import Membership, Organization

# Chair first, plain members last, as an organisation lists its board.
ROLE_ORDER = {role: rank for rank, role in enumerate(MemberRole.values)}


def _visible(user):
    return Organization.objects.visible_to(user)


def _manageable(request, pk) -> Organization:
    """404 when the organisation is outside the user's scope, 403 when they may see but not change it."""
    organization = get_object_or_404(_visible(request.user).select_related("area"), pk=pk)
    if not can_manage_organization(request.user, organization):
        raise PermissionDenied
    return organization


@login_required
def organization_list(request):
    form = OrganizationFilterForm(request.GET)
    organizations = organization_rows(request.user, request.GET, form=form)
    page = Paginator(organizations, settings.GOTONG_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "can_create": can_create_organization(request.user)}
    return render(request, "organizations/list.html", context)


@login_required
def organization_detail(request, pk):
    organization = get_object_or_404(_visible(request.user).select_related("area", "parent"), pk=pk)
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
        "can_manage": can_manage_organization(request.user, organization),
    }
    return render(request, "organizations/detail.html", context)


@login_required
def organization_create(request):
    if not can_create_organization(request.user):
        raise PermissionDenied
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


@login_required
def organization_edit(request, pk):
    organization = _manageable(request, pk)
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


@login_required
def member_add(request, pk):
    organization = _manageable(request, pk)
    form = MembershipForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.add_member(organization, **form.service_kwargs(), acting_user=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("%(name)s ditambahkan sebagai anggota.") % {"name": membership.display_name})
            return redirect("organizations:detail", organization.pk)
    return render(request, "organizations/member_form.html", {"form": form, "organization": organization})


@login_required
def member_end(request, pk):
    membership = get_object_or_404(
        Membership.objects.filter(organization__in=_visible(request.user)).select_related(
            "organization", "person", "user"
        ),
        pk=pk,
    )
    if not can_manage_organization(request.user, membership.organization):
        raise PermissionDenied
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
