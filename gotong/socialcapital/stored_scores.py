"""Keep each response's stored scores (`ResponseScore`) exactly equal to what its answers give, and check them.

Contract: a response's row is recomputed (never adjusted) from all of its answers by `scoring.compute_scores`,
in the transaction of every write that changes what it computes from:
- its answers: `services.record_response` (the only service writing answers, used by the pages, the API and the
  demo) calls `refresh(...)`; an Answer saved or deleted one by one through the ORM (a shell, a test) refreshes its
  response through `gotong.socialcapital.signals`; bulk loads (COPY: the synthetic city) call `refresh(...)` for
  the responses they wrote, or `rebuild()`;
- the scoring inputs of a question: its kind and dimension, and the lowest and highest score of its choices (a
  choice question's 0–100 scale). No service changes them once a question exists (`add_question` makes a question
  with its choices, before anyone answers it), but a Question or Choice saved or deleted through the ORM
  recomputes every response that answered that question (the signals). A deleted Choice still answered cannot
  happen: Answer.choice protects it.

A response's area code is read from the response itself, not stored here. A response without answers has no row
(a delete cascading from the response then never writes one back). Cost depends on the touched responses only:
every query is filtered by their ids.
"""

import math
from collections.abc import Iterable

from django.db import connection, transaction
from django.utils.translation import gettext as _

from gotong.socialcapital.models import Answer, Choice, Response, ResponseScore
from gotong.socialcapital.scoring import SCORE_COLUMNS, compute_scores

CHUNK = 500
# Two computations of one mean may add its terms in another order: equal within this, they are the same score.
TOLERANCE = 1e-9


def refresh(response_ids: Iterable[int]) -> int:
    """Recompute the stored scores of these responses; returns how many responses were refreshed."""
    wanted = sorted({pk for pk in response_ids if pk})
    for start in range(0, len(wanted), CHUNK):
        _refresh_chunk(wanted[start : start + CHUNK])
    return len(wanted)


def refresh_questions(question_ids: Iterable[int]) -> int:
    """Recompute every response that answered one of these questions (after a change of their scoring inputs)."""
    answered = Answer.objects.filter(question_id__in=list(question_ids)).order_by().values_list("response_id")
    return refresh(pk for (pk,) in answered.distinct())


@transaction.atomic
def _refresh_chunk(response_ids: list[int]) -> None:
    provinces = dict(Response.objects.filter(pk__in=response_ids).order_by().values_list("pk", "province_code"))
    fresh = compute_scores(Answer.objects.filter(response_id__in=response_ids), Choice)
    ResponseScore.objects.filter(response_id__in=response_ids).exclude(response_id__in=list(fresh)).delete()
    # INSERT … ON CONFLICT DO UPDATE: one statement, and no gap between a delete and an insert of the same row.
    ResponseScore.objects.bulk_create(
        [_row(pk, dims, provinces[pk]) for pk, dims in fresh.items() if pk in provinces],
        update_conflicts=True,
        unique_fields=["response"],
        update_fields=list(SCORE_COLUMNS),
        batch_size=CHUNK,
    )


def _row(pk: int, dims: dict[str, float], province_code: str) -> ResponseScore:
    scores = {name: dims.get(name) for name in SCORE_COLUMNS}
    return ResponseScore(response_id=pk, province_code=province_code, **scores)


def rebuild() -> int:
    """Recompute every stored score from scratch (after a raw load or to repair); returns the number of rows."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {ResponseScore._meta.db_table} IN EXCLUSIVE MODE")
        ResponseScore.objects.all().delete()
        refresh(Response.objects.values_list("pk", flat=True))
        return ResponseScore.objects.count()


def differences() -> list[str]:
    """Every stored score that differs from the live computation, described; empty when all are exact."""
    fresh = compute_scores(Answer.objects.all(), Choice)
    stored = {row.response_id: row for row in ResponseScore.objects.all()}
    where = str(Response._meta.verbose_name)
    problems: list[str] = []
    for pk in sorted(set(fresh) | set(stored)):
        row, dims = stored.get(pk), fresh.get(pk, {})
        for name in SCORE_COLUMNS:
            kept = getattr(row, name) if row is not None else None
            live = dims.get(name)
            if kept is None and live is None:
                continue
            if kept is None or live is None or not math.isclose(kept, live, rel_tol=0, abs_tol=TOLERANCE):
                problems.append(
                    _("%(where)s: %(field)s di rekap %(stored)s, seharusnya %(live)s")
                    % {
                        "where": f"{where} {pk}",
                        "field": ResponseScore._meta.get_field(name).verbose_name,
                        "stored": kept,
                        "live": live,
                    }
                )
    return problems
