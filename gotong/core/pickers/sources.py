"""The lists a picker chooses from, by name: one function per form field, used twice — by the form's field to accept
or refuse a posted choice and by the search URL to list matches — so the picker never offers anyone the form would
refuse.

    @source("casework.open", kind=PERSON)
    def _(user):
        return Person.objects.reached_by(user, "casework.open")

A source may take arguments (the meeting whose forum's residents are listed): the form passes them, and they travel
to the search URL signed, so a browser cannot swap them. The user is always the one asking; nothing signed widens
what the policy lets them reach.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core import signing

PERSON = "person"
HOUSEHOLD = "household"
USER = "user"
ORGANIZATION = "organization"

_SALT = "gotong.pickers"


@dataclass(frozen=True)
class Source:
    name: str
    kind: str
    queryset: Callable  # (user, **arguments) -> QuerySet


SOURCES: dict[str, Source] = {}


def source(name: str, *, kind: str):
    def register(function):
        SOURCES[name] = Source(name, kind, function)
        return function

    return register


def get_source(name: str) -> Source:
    from gotong.core.pickers import catalogue  # noqa: F401  (registers the sources)

    return SOURCES[name]


def sign(name: str, arguments: dict) -> str:
    return signing.dumps({"s": name, "a": arguments}, salt=_SALT, compress=True)


def unsign(token: str) -> tuple[Source, dict]:
    """The source and its arguments from a search URL's `untuk`; KeyError/BadSignature when it is not ours."""
    data = signing.loads(token, salt=_SALT)
    return get_source(data["s"]), dict(data.get("a") or {})
