"""Warm server time of the dashboards, measured in-process with the test client (used by `gotong bench dashboards`).

A city officer assigned to the largest city is created inside a transaction that is rolled back at the end,
so measuring leaves nothing behind. Each view is requested once to warm caches, then `runs` times. Then each
figure block of the city dashboard and each part of the portal's city page is timed alone (`› name` rows), so
the slow part of a slow page is named in the results, and the first page of every module's list is timed for
the same officer (`list › name` rows: a list must page without reading a whole city). When other cities of the
same province hold persons too (`gotong bench generate --province`), a provincial officer's dashboard of the
whole province and its blocks are timed as well.
"""

import statistics
import time

from django.db import connection, transaction
from django.db.models import Sum
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gotong.accounts.roles import Role
from gotong.areas.models import Area, WorkAssignment
from gotong.core.area_codes import city_code, province_code, village_code
from gotong.dashboards.models import AreaTally


class _Rollback(Exception):
    pass


def largest_city_and_village() -> tuple[str | None, str | None]:
    """The city and (in it) the village holding the most persons, from the tallies."""
    cities, villages = persons_by_city(), {}
    for code, persons in AreaTally.objects.values_list("area_code", "persons"):
        village = village_code(code)
        villages[village] = villages.get(village, 0) + persons
    if not cities:
        return None, None
    city = max(cities, key=cities.get)
    village = max((v for v in villages if v.startswith(f"{city}.")), key=villages.get, default=None)
    return city, village


def persons_by_city() -> dict[str, int]:
    cities: dict[str, int] = {}
    for code, persons in AreaTally.objects.values_list("area_code", "persons"):
        city = city_code(code)
        cities[city] = cities.get(city, 0) + persons
    return cities


def measure(runs: int = 5, city: str | None = None, village: str | None = None) -> list[dict]:
    """One row per view: view, url, persons in the database, p50 and max milliseconds, queries per request."""
    found_city, found_village = largest_city_and_village()
    city, village = city or found_city, village or found_village
    if city is None:
        return []
    persons = AreaTally.objects.aggregate(n=Sum("persons"))["n"] or 0
    rows: list[dict] = []
    try:
        with transaction.atomic():
            client = Client()
            officer = _officer(city, "bench-dasbor-sementara")
            client.force_login(officer)
            targets = [
                ("city dashboard", reverse("dashboards:area", args=[city])),
                ("village profile", reverse("dashboards:area", args=[village])) if village else None,
                ("city map data", reverse("dashboards:area-map", args=[city])),
                ("home page", reverse("dashboard")),
                ("portal city page", reverse("portal:area", args=[city])),
            ]
            for target in filter(None, targets):
                rows.append(_time(client, *target, runs=runs, persons=persons))
            rows.extend(_parts(officer, city, runs=runs, persons=persons))
            rows.extend(_lists(client, city, runs=runs, persons=persons))
            province = province_code(city)
            if sum(1 for code in persons_by_city() if code.startswith(f"{province}.")) > 1:
                provincial = _officer(province, "bench-dasbor-provinsi")
                client.force_login(provincial)
                url = reverse("dashboards:area", args=[province])
                rows.append(_time(client, "province dashboard", url, runs=runs, persons=persons))
                rows.extend(_blocks(provincial, province, "province dashboard", runs=runs, persons=persons))
            raise _Rollback
    except _Rollback:
        pass
    return rows


def _officer(code: str, username: str):
    """A city officer (the role of government officers) working on the city or province `code`."""
    from gotong.accounts.models import User

    user = User.objects.create_user(username=username, password=None, role=Role.CITY_OFFICER)
    WorkAssignment.objects.create(user=user, area=Area.objects.get(code=code))
    return user


def _time(client: Client, view: str, url: str, *, runs: int, persons: int) -> dict:
    responses = []
    row = _time_call(view, lambda: responses.append(client.get(url)), runs=runs, persons=persons)
    return {"view": view, "url": url, "status": responses[-1].status_code, **row}


# Lists timed beside `LIST_PAGES` (which holds the lists that filter by `?wilayah=`): the participation module's
# and the partnership and social capital score pages, now that the generator fills their tables.
TIMED_LISTS = (
    ("participation:aspiration-list", ()),
    ("participation:planning-list", ()),
    ("collaboration:partnership-list", ()),
    ("socialcapital:scores", ()),
)


def _lists(client: Client, city: str, *, runs: int, persons: int) -> list[dict]:
    """The first page of every module's list, as the city's officer sees it (`list › <url name>` rows)."""
    from django.db.models import Count

    from gotong.core.listing import LIST_PAGES
    from gotong.wastebank.models import WasteBank

    bank = (
        WasteBank.objects.filter(area_code__startswith=f"{city}.")
        .annotate(n=Count("members"))
        .order_by("-n", "pk")
        .values_list("pk", flat=True)
        .first()
    )
    rows = []
    for name, args in (*LIST_PAGES, *TIMED_LISTS):
        if args and bank is None:
            continue
        url = reverse(name, args=[bank for _arg in args])
        rows.append(_time(client, f"list › {name}", url, runs=runs, persons=persons))
    return rows


def _blocks(user, code: str, label: str, *, runs: int, persons: int) -> list[dict]:
    """Each dashboard figure block of the area, timed alone (warm)."""
    from django.utils import timezone

    from gotong.dashboards.figures import SECTIONS

    area, today = Area.objects.get(code=code), timezone.localdate()
    parts = [(f"{label} › {name}", lambda build=build: build(user, area, today)) for name, build in SECTIONS]
    return [_time_call(name, call, runs=runs, persons=persons) for name, call in parts]


def _parts(user, city: str, *, runs: int, persons: int) -> list[dict]:
    """Each dashboard figure block and each portal part of the city, timed alone (warm)."""
    from django.utils import timezone

    from gotong.portal import services as portal

    area, today = Area.objects.get(code=city), timezone.localdate()
    parts = []
    portal_parts = ("population", "slum_locations", "projects", "gotong_royong", "waste_banks",
                    "posyandu_participation")  # fmt: skip
    parts += [(f"portal city page › {name}", lambda name=name: getattr(portal, name)(area)) for name in portal_parts]
    parts += [(f"portal city page › {name}", lambda name=name: getattr(portal, name)(area, today))
              for name in ("commitments", "treasuries")]  # fmt: skip
    blocks = _blocks(user, city, "city dashboard", runs=runs, persons=persons)
    return blocks + [_time_call(name, call, runs=runs, persons=persons) for name, call in parts]


SLOW_MS = 10_000  # a call this slow when warming is timed no more: its number says enough


def _time_call(name: str, call, *, runs: int, persons: int) -> dict:
    """p50 and max milliseconds of `call` after one warming call, and its queries."""
    started = time.perf_counter()
    call()  # warm: caches, charts, database buffers
    timings, queries = [], 0
    if (time.perf_counter() - started) * 1000 > SLOW_MS:
        runs = 1
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            call()
            timings.append((time.perf_counter() - started) * 1000)
        queries = len(captured)
    return {
        "view": name,
        "persons": persons,
        "runs": runs,
        "p50_ms": round(statistics.median(timings), 1),
        "max_ms": round(max(timings), 1),
        "queries": queries,
    }
