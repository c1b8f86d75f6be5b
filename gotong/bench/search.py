"""`gotong bench search`: the name searches a user types into, timed over a whole city as its officer.

The household list's and the under-fives list's `?q=` (first page) and the person picker's search URL (what a
form's search box asks on every keystroke), each through the test client as the largest city's officer (created in
a transaction rolled back at the end). The texts cover the cases that decide the plan: a text nobody has (the full
scan the trigram indexes remove), a common first name, a full name, an address, a NIK and a KK number typed in
part. One warming round, then `runs` rounds with every (page, text) once per round, so a busy moment of a shared
machine falls on all of them alike; p50 and max milliseconds, queries and rows shown.
"""

import re

from django.db import transaction
from django.db.models import Sum
from django.test import Client
from django.urls import reverse

from gotong.bench.pages import time_requests

# (label, text): the texts are the synthetic city's own (gotong.bench.synthetic.population names and streets);
# the number prefixes are read from the city itself (`_number_texts`).
TEXTS = (
    ("nobody", "Zzyzx"),
    ("first name", "Siti"),
    ("full name", "siti aminah"),
    ("address", "Jl. Melati"),
)

_BODY = re.compile(r"<tbody.*?</tbody>", re.S)
_ROW = re.compile(r"<tr[ >].*?</tr>", re.S)


def _rows_shown(html: str) -> int:
    """How many results a page shows: the picker's choices, or the rows of a list's table bodies (a row of one cell
    is the list's "nothing matches" line)."""
    if "data-picker-option" in html:
        return html.count("data-picker-option")
    return sum(1 for body in _BODY.findall(html) for row in _ROW.findall(body) if row.count("<td") > 1)


class _Rollback(Exception):
    pass


def _pages(officer) -> list[tuple[str, str, str, dict]]:
    """(name, url, text parameter, fixed parameters) of each search measured."""
    from gotong.core.pickers.sources import sign

    picker = {"untuk": sign("organizations.person", {"organization": 0})}
    return [
        ("household list", reverse("registry:household-list"), "q", {}),
        ("under-fives list", reverse("posyandu:child-list"), "q", {}),
        ("person picker", reverse("pickers:persons"), "q", picker),
    ]


def _number_texts(officer) -> list[tuple[str, str]]:
    """A NIK's first 6 and 10 digits and a KK number's first 8, of a household in the city, as a user types them."""
    from gotong.registry.models import Household, Person

    nik = Person.objects.visible_to(officer).order_by("pk").values_list("nik", flat=True).first()
    card = Household.objects.visible_to(officer).order_by("pk").values_list("family_card_number", flat=True).first()
    texts = []
    if nik:
        # As typed: the district's 6 digits match a tenth of the city, 10 digits a few hundred persons.
        texts += [("NIK, 6 digits", nik[:6]), ("NIK prefix", nik[:10])]
    if card:
        texts.append(("KK prefix", card[:8]))
    return texts


def measure(runs: int = 9, city: str | None = None) -> dict:
    from gotong.dashboards.benchmark import _officer, largest_city_and_village
    from gotong.dashboards.models import AreaTally

    city = city or largest_city_and_village()[0]
    if city is None:
        return {"rows": []}
    persons = AreaTally.objects.filter(area_code__startswith=f"{city}.").aggregate(n=Sum("persons"))["n"] or 0
    rows = []
    try:
        with transaction.atomic():
            officer = _officer(city, "bench-cari-sementara")
            client = Client()
            client.force_login(officer)
            texts = [*TEXTS, *_number_texts(officer)]
            cases = [(page, label, text) for page in _pages(officer) for label, text in texts]
            rows = _time_rounds(client, cases, runs)
            raise _Rollback
    except _Rollback:
        pass
    return {"city": city, "persons": persons, "runs": runs, "rows": rows}


def _time_rounds(client, cases, runs: int) -> list[dict]:
    requests = [(url, {**fixed, parameter: text}) for (_name, url, parameter, fixed), _label, text in cases]
    return [
        {
            "page": name,
            "case": label,
            "text": text,
            "status": timed["status"],
            "p50_ms": timed["p50_ms"],
            "max_ms": timed["max_ms"],
            "queries": timed["queries"],
            "rows_shown": _rows_shown(timed["response"].content.decode()),
        }
        for ((name, _url, _parameter, _fixed), label, text), timed in zip(
            cases, time_requests(client, requests, runs), strict=True
        )
    ]
