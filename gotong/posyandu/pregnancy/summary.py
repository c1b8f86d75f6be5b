"""What the pages, the API and the report show of a pregnancy on a day: dating, contacts, flags, next contact."""

import datetime
from dataclasses import dataclass

from gotong.posyandu.pregnancy import risks, rules


@dataclass
class PregnancyStatus:
    pregnancy: object
    weeks: int
    days: int
    trimester: int
    due_date: datetime.date
    contacts: list
    contacts_done: int
    flags: list
    next_due: datetime.date | None
    visits: list
    on: datetime.date

    @property
    def overdue(self) -> bool:
        return self.next_due is not None and self.next_due < self.on


def status(pregnancy, on: datetime.date, visits=None) -> PregnancyStatus:
    """`visits` may be prefetched (`pregnancy.visits.all()` with prefetch_related) to keep lists at two queries."""
    visits = list(pregnancy.visits.all()) if visits is None else list(visits)
    # A closed pregnancy is shown as it stood on its last day.
    day = min(on, pregnancy.ended_on) if pregnancy.ended_on else on
    dates = [v.visited_on for v in visits]
    weeks, days = rules.gestational_age(pregnancy.lmp, day)
    rows = rules.contacts(pregnancy.lmp, dates, day)
    return PregnancyStatus(
        pregnancy=pregnancy,
        weeks=weeks,
        days=days,
        trimester=rules.trimester(pregnancy.lmp, day),
        due_date=rules.due_date(pregnancy.lmp),
        contacts=rows,
        contacts_done=sum(1 for d in dates if pregnancy.lmp <= d <= day),
        flags=risks.flags(pregnancy, visits, day),
        next_due=rules.next_contact_due(pregnancy.lmp, dates, day) if pregnancy.is_ongoing else None,
        visits=sorted(visits, key=lambda v: v.visited_on, reverse=True),
        on=on,
    )
