"""Every URL of the site with the records to fill it: shared by the access test (every URL × every persona) and the
hostile-text browser test (every page that shows stored text).

The URL configuration is walked pattern by pattern. A pattern's rule comes from its view (`@route`, a viewset's
`access_rule`) or `FRAMEWORK_ROUTES`. URL keywords are filled with records from the rule's target (`samples()`: one
record per city) or, for an API viewset, from its scoped queryset.
"""

from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch

from gotong.core.policy.routes import Rule, declared_rule

# URL keywords that no record names: the few fixed values a route accepts.
FIXED_KWARGS = {
    "format": "json",
    "fmt": "xlsx",
    "rest": "tidak-ada/",
}


@dataclass
class Route:
    name: str | None
    route: str
    pattern: URLPattern
    keywords: tuple[str, ...]
    rule: Rule | None
    viewset: type | None = None
    actions: dict = field(default_factory=dict)
    # A plain DRF view (the field sync): unauthenticated callers get 401, like the viewsets.
    api_view: bool = False

    @property
    def openrosa(self) -> bool:
        """ODK Collect's endpoints: signed in by the token in the URL or by HTTP Basic, never by a session."""
        return getattr(self.rule, "authentication", None) == "openrosa"

    @property
    def label(self) -> str:
        return self.name or self.route


def _keywords(pattern: URLPattern) -> tuple[str, ...]:
    return tuple(pattern.pattern.regex.groupindex)


def walk(patterns=None, prefix: str = "", namespace: str | None = None, keywords: tuple[str, ...] = ()):
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            outer = keywords + _keywords(entry)
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), inner, outer)
            continue
        name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
        callback = entry.callback
        # An unnamed pattern (the admin's legacy redirects, the API's JSON 404) is ruled by its namespace.
        rule_name = name or (f"{namespace}:" if namespace else None)
        viewset = getattr(callback, "cls", None) if getattr(callback, "actions", None) else None
        api_view = getattr(callback, "cls", None) is not None and viewset is None
        yield Route(
            name=name,
            route=prefix + str(entry.pattern),
            pattern=entry,
            keywords=keywords + _keywords(entry),
            rule=declared_rule(callback, rule_name),
            viewset=viewset,
            actions=dict(getattr(callback, "actions", None) or {}),
            api_view=api_view,
        )


def _city(record) -> str:
    code = getattr(record, "area_code", None) or getattr(record, "code", None) or ""
    return ".".join(str(code).split(".")[:2])


def _viewset_samples(route: Route, superuser) -> list[dict]:
    viewset = route.viewset()
    viewset.request = None
    viewset.format_kwarg = None
    queryset = viewset.scoped_queryset(superuser)
    lookup = viewset.lookup_field
    keyword = viewset.lookup_url_kwarg or lookup
    seen, samples = set(), []
    for record in queryset.order_by("pk")[:2000]:
        city = _city(record)
        if city in seen:
            continue
        seen.add(city)
        samples.append({keyword: getattr(record, lookup)})
    return samples


def concrete(route: Route, superuser, persona_token: str | None) -> list[dict] | None:
    """URL keywords to call the route with (a list of examples), or None when the route cannot be built."""
    wanted = set(route.keywords) - set(route.pattern.default_args)
    fixed = {k: v for k, v in FIXED_KWARGS.items() if k in wanted}
    if "token" in wanted:
        fixed["token"] = persona_token or "0" * 40
    rest = wanted - set(fixed)
    if not rest:
        return [fixed]
    if route.viewset is not None:
        samples = _viewset_samples(route, superuser)
    else:
        target = route.rule.target if route.rule else None
        samples = list(target.samples()) if hasattr(target, "samples") else None
    if samples is None:
        return None
    return [{**fixed, **sample} for sample in samples if rest <= set(sample)]


def url_for(route: Route, kwargs: dict) -> str | None:
    if route.name is None:
        # Unnamed catch-alls (the API's JSON 404): the prefix plus a path nothing else matches.
        if route.keywords == ("rest",):
            return "/" + route.route.split("^", 1)[0] + kwargs["rest"]
        return None
    try:
        return reverse(route.name, kwargs=kwargs)
    except NoReverseMatch:
        return None
