"""`gotong bench pages`: a deep page against the first page of the long lists, by cursor and by the old OFFSET.

For the household list, the under-fives list and the API's persons list, as the largest city's officer (created
in a transaction rolled back at the end): page 1, the page after row ≈ N × page size reached by a cursor built
directly from the row at that position (as a "Berikutnya" link would carry it), and the same page by the old
`?page=N` / `?halaman=N` (OFFSET). One warming round, then `runs` rounds of the three requests side by side;
p50 milliseconds, and the deep pages as ratios of page 1 in the same run. The row at the position is read once,
untimed, by OFFSET.
"""

import statistics
import time

from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gotong.core import keyset

API_PAGE_SIZE = 50  # gotong.api.pagination.DEFAULT_SIZE


class _Rollback(Exception):
    pass


def _lists(officer):
    """(name, url, page size, queryset in the page's order, old page parameter) of each list measured."""
    from gotong.posyandu.lists import children_for_list
    from gotong.registry.api import PersonViewSet
    from gotong.registry.lists import household_rows

    size = settings.GOTONG_PAGE_SIZE
    persons = PersonViewSet().scoped_queryset(officer)
    return [
        ("household list", reverse("registry:household-list"), size, household_rows(officer, {}), "page"),
        ("under-fives list", reverse("posyandu:child-list"), size, children_for_list(officer, {}), "page"),
        ("API persons", "/api/v1/penduduk/", API_PAGE_SIZE, persons, "halaman"),
    ]


def measure(pages: int = 1000, runs: int = 5, city: str | None = None) -> dict:
    from gotong.dashboards.benchmark import _officer, largest_city_and_village

    city = city or largest_city_and_village()[0]
    if city is None:
        return {"rows": []}
    rows = []
    try:
        with transaction.atomic():
            officer = _officer(city, "bench-halaman-sementara")
            client = Client()
            client.force_login(officer)
            for name, url, size, queryset, page_param in _lists(officer):
                rows.append(_measure_list(client, name, url, size, queryset, page_param, pages=pages, runs=runs))
            raise _Rollback
    except _Rollback:
        pass
    return {"city": city, "pages_asked": pages, "runs": runs, "rows": rows}


def _measure_list(client, name, url, size, queryset, page_param, *, pages: int, runs: int) -> dict:
    total = queryset.count()
    # The deepest page asked for that the list holds, so a small list is still measured deep.
    number = max(2, min(pages, total // size))
    position = (number - 1) * size - 1  # the last row of page number − 1: the next page starts after it
    keys = keyset.keys_of(queryset)
    ordered = queryset.order_by(*(key.order() for key in keys))
    row = ordered[position]
    cursor = keyset.encode_cursor(keys, row, number)
    variants = [{}, {"setelah": cursor}, {page_param: number}]
    first, deep, offset = time_requests(client, [(url, params) for params in variants], runs)
    following = ordered[position + 1]
    return {
        "list": name,
        "url": url,
        "rows_in_list": total,
        "page_size": size,
        "page": number,
        "first_ms": first["p50_ms"],
        "cursor_ms": deep["p50_ms"],
        "offset_ms": offset["p50_ms"],
        "cursor_vs_first": round(deep["p50_ms"] / first["p50_ms"], 2),
        "offset_vs_first": round(offset["p50_ms"] / first["p50_ms"], 2),
        "queries": {"first": first["queries"], "cursor": deep["queries"], "offset": offset["queries"]},
        "statuses": [first["status"], deep["status"], offset["status"]],
        # The cursor page starts on the row after the cursor's row: the seek reached the intended depth.
        "cursor_lands_on_row": _first_pk(deep["response"], queryset, cursor) == following.pk,
    }


def _first_pk(response, queryset, cursor):
    """The first row of the cursor's page: from the API's answer, or (pages) from the page the view builds."""
    if response.headers.get("Content-Type", "").startswith("application/json"):
        from gotong.registry.models import Person

        first_id = response.json()["results"][0]["id"]
        return Person.objects.filter(public_id=first_id).values_list("pk", flat=True).first()
    from gotong.core.listing import seek_page

    return seek_page(queryset, {"setelah": cursor})[0].pk


def time_requests(client, requests: list[tuple[str, dict]], runs: int) -> list[dict]:
    """Each (url, params) request's p50 and max over `runs` rounds, one request of each per round, so a busy moment
    of a shared machine falls on all of them alike; one warming round first (caches, database buffers). Also the
    last response, its status and how many queries it took."""
    timings = [[] for _ in requests]
    last = [None] * len(requests)
    for round_number in range(runs + 1):
        for index, (url, params) in enumerate(requests):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url, params)
                elapsed = (time.perf_counter() - started) * 1000
            if round_number:
                timings[index].append(elapsed)
            last[index] = (response, len(captured))
    return [
        {
            "p50_ms": round(statistics.median(times), 1),
            "max_ms": round(max(times), 1),
            "queries": queries,
            "status": response.status_code,
            "response": response,
        }
        for times, (response, queries) in zip(timings, last, strict=True)
    ]
