"""The outcome summary of a program or cohort.

- Completion rate = completed ÷ enrolments that are over: completed, dropped, or still "active" in a cohort
  whose end date has passed (they did not finish). Those still learning in a running cohort are left out.
- Median income change = median of (after − before) over enrolments with both figures, whole rupiah per month.
"""

import statistics
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from gotong.programs.models import EnrolmentStatus


@dataclass(frozen=True)
class OutcomeSummary:
    enrolled: int
    finished: int
    completed: int
    certified: int
    businesses: int
    with_income: int
    median_income_change: int | None

    @property
    def completion_percent(self) -> Decimal | None:
        if not self.finished:
            return None
        return (Decimal(100 * self.completed) / self.finished).quantize(Decimal("0.1"), ROUND_HALF_UP)


def summarize(enrolments, today=None) -> OutcomeSummary:
    today = today or timezone.localdate()
    rows = list(enrolments.select_related("cohort"))
    finished = [e for e in rows if e.status != EnrolmentStatus.ACTIVE or e.cohort.ends_on < today]
    changes = [e.income_change for e in rows if e.income_change is not None]
    median = None
    if changes:
        median = int(Decimal(str(statistics.median(changes))).quantize(Decimal(1), ROUND_HALF_UP))
    return OutcomeSummary(
        enrolled=len(rows),
        finished=len(finished),
        completed=sum(e.status == EnrolmentStatus.COMPLETED for e in rows),
        certified=sum(e.certified for e in rows),
        businesses=sum(e.started_business for e in rows),
        with_income=len(changes),
        median_income_change=median,
    )
