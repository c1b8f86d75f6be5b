"""What each URL needs, declared on its view and enforced before the view runs.

    @route("posyandu.view", post="posyandu.record", target=child_by_public_id)
    def child_detail(request, public_id): ...

`target(**url_kwargs)` returns the record the URL is about, looked up without scope (404 if it does not exist at
all); the policy then answers 404 when the user may not see it and 403 when they see it but may not do this.
The rule stays on the view (`view.access_rule`), so the URL-generated access test derives every expected outcome
from the policy (`gotong/core/tests/test_every_url_access.py`).
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed

from gotong.core.policy.decide import Decision, decide

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


@dataclass(frozen=True)
class Rule:
    """`get`: capability for reading (GET/HEAD); `post`: for writing (None: the URL takes no writes → 405).

    `public`: no login needed (the capability is still asked, for anonymous users too). `target`: the record.
    `methods`: the methods the view answers at all (a read-only page refuses POST with 405).
    """

    get: str | None
    post: str | None = None
    target: Callable | None = None
    public: bool = False

    def capability_for(self, method: str) -> str | None:
        return self.get if method in SAFE_METHODS else self.post

    def load_target(self, kwargs: dict):
        return self.target(**kwargs) if self.target is not None else None

    def decide(self, user, method: str, kwargs: dict) -> Decision | None:
        """The policy's answer for this URL; None when the method is not accepted at all (405)."""
        capability = self.capability_for(method)
        if capability is None:
            return None
        return decide(user, capability, self.load_target(kwargs))


def route(get: str | None, *, post: str | None = None, target: Callable | None = None, public: bool = False):
    """Declare and enforce the rule of a function view (or an `as_view()` callable)."""
    rule = Rule(get=get, post=post, target=target, public=public)

    def wrap(view):
        @functools.wraps(view)
        def guarded(request, *args, **kwargs):
            if rule.public and rule.target is None and _open_to_everyone(rule.capability_for(request.method)):
                # Everyone may, the anonymous public included: ask nothing of the session, so the public pages
                # stay cacheable (no `Vary: Cookie`).
                return view(request, *args, **kwargs)
            if not rule.public and not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            decision = rule.decide(request.user, request.method, kwargs)
            if decision is None:
                allowed = ["GET", "HEAD"] + (["POST"] if rule.post else [])
                return HttpResponseNotAllowed(allowed)
            if decision is Decision.HIDE:
                from django.http import Http404

                raise Http404
            if decision is Decision.FORBID:
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                raise PermissionDenied
            return view(request, *args, **kwargs)

        guarded.access_rule = rule
        return guarded

    return wrap


def _open_to_everyone(capability: str | None) -> bool:
    from gotong.core.policy.grants import ANONYMOUS_GRANTS, Reach

    return capability is not None and Reach.ALL in ANONYMOUS_GRANTS.get(capability, ())


def rule_of(view) -> Rule | None:
    """The rule declared on a resolved URL's callback (function views and DRF viewsets alike)."""
    rule = getattr(view, "access_rule", None)
    if rule is not None:
        return rule
    cls = getattr(view, "cls", None) or getattr(view, "view_class", None)
    return getattr(cls, "access_rule", None)


class RecordLoader:
    """`target=` of a route: the record named by one URL keyword, looked up without scope (the policy scopes it).

    `by(Child, "public_id")` loads `Child` whose `public_id` is the URL's `public_id`; `kwarg` when the URL names it
    otherwise (`by(Referral, "public_id", kwarg="referral_id")`). `samples()` yields example URL keywords, one per
    city, so the URL-generated access test can call every route with records in and out of each persona's scope.
    """

    def __init__(self, model, field: str = "pk", *, kwarg: str | None = None, extra: dict | None = None):
        self.model = model
        self.field = field
        self.kwarg = kwarg or field
        # Fixed URL keywords that are not part of the lookup (e.g. {"fmt": "pdf"} declared in urls.py).
        self.extra = extra or {}

    def __call__(self, **kwargs):
        from django.shortcuts import get_object_or_404

        return get_object_or_404(self.model._default_manager, **{self.field: kwargs[self.kwarg]})

    def samples(self, limit_per_city: int = 1):
        seen: dict[str, int] = {}
        rows = self.model._default_manager.order_by("pk")
        for record in rows.iterator():
            code = getattr(record, "area_code", "") or ""
            city = ".".join(code.split(".")[:2])
            if seen.get(city, 0) >= limit_per_city:
                continue
            seen[city] = seen.get(city, 0) + 1
            yield {self.kwarg: getattr(record, self.field)}


def by(model, field: str = "pk", *, kwarg: str | None = None) -> RecordLoader:
    return RecordLoader(model, field, kwarg=kwarg)


# Routes of Django's and the libraries' own views, which carry no decorator of ours: their rule lives here, keyed
# by URL name (or by namespace for the admin), so the URL-generated access test holds them to it like the rest.
FRAMEWORK_ROUTES: dict[str, Rule] = {
    "login": Rule(get="portal.view", post="portal.view", public=True),
    "logout": Rule(get=None, post="portal.view", public=True),
    "set_language": Rule(get="portal.view", post="portal.view", public=True),
    # The API's description is public (it names endpoints and fields, never data).
    "api:schema": Rule(get="portal.view", public=True),
    "api:docs": Rule(get="portal.view", public=True),
    "api:redoc": Rule(get="portal.view", public=True),
    "admin:login": Rule(get="portal.view", post="portal.view", public=True),
    "admin:logout": Rule(get=None, post="portal.view", public=True),
    # Every other admin page: Django's admin lets staff superusers in and sends anyone else to its login page.
    "admin": Rule(get="accounts.manage", post="accounts.manage"),
}


def declared_rule(view, url_name: str | None) -> Rule | None:
    """The rule of a URL: on its view, else in FRAMEWORK_ROUTES by name, else by namespace."""
    rule = rule_of(view)
    if rule is not None or not url_name:
        return rule
    if url_name in FRAMEWORK_ROUTES:
        return FRAMEWORK_ROUTES[url_name]
    namespace = url_name.split(":", 1)[0] if ":" in url_name else None
    return FRAMEWORK_ROUTES.get(namespace) if namespace else None
