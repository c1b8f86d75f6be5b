"""The base of every module's read endpoints: the module's own scoped queryset, nothing else."""

from rest_framework import viewsets

from gotong.api.filters import ScopeFilterBackend
from gotong.api.permissions import PolicyPermission
from gotong.core.policy.routes import Rule


class ScopedReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """List + detail of the records `scoped_queryset(user)` returns: the same rows the pages show the user.

    Subclasses set `access_rule` (what the policy requires: `Rule(get="posyandu.view")`), `scoped_queryset` and,
    for the shared filters, `area_field`, `date_field`, `updated_field`.
    Records about people are addressed by `public_id`; set `lookup_field = "pk"` for the others.
    """

    lookup_field = "public_id"
    area_field: str | None = "area_code"
    date_field: str | None = None
    updated_field: str | None = "updated_at"
    filter_backends = [ScopeFilterBackend]
    permission_classes = [PolicyPermission]
    access_rule: Rule

    def scoped_queryset(self, user):
        raise NotImplementedError

    def get_queryset(self):
        return self.scoped_queryset(self.request.user)
