"""The access policy on the REST API: each viewset declares its `access_rule` (`gotong.core.policy.routes.Rule`)."""

from rest_framework.permissions import BasePermission

from gotong.core.policy import can, may_somewhere


class PolicyPermission(BasePermission):
    """Reads need the rule's `get` capability somewhere, writes its `post`; a record is then checked itself."""

    def has_permission(self, request, view) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        action_map = getattr(view, "action_map", None)
        if action_map is not None and request.method.lower() not in action_map:
            return True  # a method this endpoint does not take: DRF answers 405 itself
        capability = view.access_rule.capability_for(request.method)
        # No capability for this method: the view answers 405 itself.
        return capability is None or may_somewhere(request.user, capability)

    def has_object_permission(self, request, view, obj) -> bool:
        return can(request.user, view.access_rule.capability_for(request.method), obj)
