"""Dating a pregnancy and counting its antenatal contacts, as pure functions of dates.

Sources:
- Estimated due date (HPL, hari perkiraan lahir) by Naegele's rule: the first day of the last menstrual period
  (HPHT) plus seven days, minus three months, plus one year — about 280 days (40 weeks) after the HPHT.
- Gestational age in completed weeks from the HPHT (the same reckoning Naegele's rule assumes).
- Permenkes 21/2021 (Penyelenggaraan Pelayanan Kesehatan Masa Sebelum Hamil, Masa Hamil, …), Pasal 13 ayat (3):
  antenatal care at least 6 times — once in the first trimester, twice in the second, three times in the third —
  with the trimesters of its Lampiran: first 0–12 weeks, second above 12 up to 24 weeks, third above 24 weeks
  until birth. (Buku KIA 2020 printed a 2-1-3 split; the regulation's 1-2-3 is what this module counts.)
"""

import calendar
import datetime
from dataclasses import dataclass

DAYS_PER_WEEK = 7
# Trimester upper bounds in completed weeks (Permenkes 21/2021): T1 up to 12 weeks, T2 above 12 up to 24.
FIRST_TRIMESTER_LAST_WEEK = 12
SECOND_TRIMESTER_LAST_WEEK = 24
TERM_WEEKS = 40
# Beyond 42 completed weeks a pregnancy is post-term; a dating past 44 weeks is a wrong HPHT, not a pregnancy.
LONGEST_WEEKS = 44
# Minimum contacts per trimester (Permenkes 21/2021, Pasal 13 ayat 3): 1 + 2 + 3 = 6.
REQUIRED_CONTACTS = {1: 1, 2: 2, 3: 3}
MINIMUM_CONTACTS = sum(REQUIRED_CONTACTS.values())


def due_date(lmp: datetime.date) -> datetime.date:
    """Naegele's rule: HPHT + 7 days − 3 months + 1 year (i.e. + 9 months), e.g. 1 Jan 2026 → 8 Oct 2026."""
    start = lmp + datetime.timedelta(days=7)
    index = start.year * 12 + start.month - 1 + 9
    year, month = divmod(index, 12)
    # 31 May + 7 days = 7 June → 7 March; a 31st with no such day in the target month keeps to its last day.
    day = min(start.day, calendar.monthrange(year, month + 1)[1])
    return datetime.date(year, month + 1, day)


def gestational_days(lmp: datetime.date, on: datetime.date) -> int:
    return (on - lmp).days


def gestational_age(lmp: datetime.date, on: datetime.date) -> tuple[int, int]:
    """Completed weeks and days since the HPHT on `on`, e.g. (13, 2) for 13 weeks 2 days."""
    return divmod(gestational_days(lmp, on), DAYS_PER_WEEK)


def trimester_of_days(days: int) -> int:
    """1, 2 or 3 by Permenkes 21/2021's bounds: ≤ 12 weeks, > 12 to ≤ 24 weeks, > 24 weeks.

    "Up to 12 weeks" counts 12 weeks 0 days in the first trimester; 12 weeks 1 day is the second."""
    if days <= FIRST_TRIMESTER_LAST_WEEK * DAYS_PER_WEEK:
        return 1
    if days <= SECOND_TRIMESTER_LAST_WEEK * DAYS_PER_WEEK:
        return 2
    return 3


def trimester(lmp: datetime.date, on: datetime.date) -> int:
    return trimester_of_days(gestational_days(lmp, on))


def trimester_end(lmp: datetime.date, number: int) -> datetime.date | None:
    """The last day of a trimester (None for the third, which lasts until birth)."""
    weeks = {1: FIRST_TRIMESTER_LAST_WEEK, 2: SECOND_TRIMESTER_LAST_WEEK}.get(number)
    return lmp + datetime.timedelta(weeks=weeks) if weeks else None


@dataclass(frozen=True)
class TrimesterContacts:
    number: int
    required: int
    done: int
    state: str  # "done", "missing" (the trimester is over and short), "open" (under way, short), "coming"

    @property
    def missing(self) -> int:
        return max(self.required - self.done, 0)


def contacts(lmp: datetime.date, visit_dates, on: datetime.date) -> list[TrimesterContacts]:
    """Per trimester: contacts required and made up to `on`, and whether the trimester is done/missing/open."""
    current = trimester(lmp, on)
    counts = {1: 0, 2: 0, 3: 0}
    for day in visit_dates:
        if lmp <= day <= on:
            counts[trimester(lmp, day)] += 1
    rows = []
    for number, required in REQUIRED_CONTACTS.items():
        done = counts[number]
        if done >= required:
            state = "done"
        elif number < current:
            state = "missing"
        elif number == current:
            state = "open"
        else:
            state = "coming"
        rows.append(TrimesterContacts(number, required, done, state))
    return rows


def missed_contacts(rows: list[TrimesterContacts]) -> int:
    """Contacts that can no longer be made in their trimester."""
    return sum(row.missing for row in rows if row.state == "missing")


def next_contact_due(lmp: datetime.date, visit_dates, on: datetime.date) -> datetime.date | None:
    """The day by which the next required contact is due: the end of the trimester that still lacks one (the
    current one first); in the third trimester the remaining contacts are spread evenly until the due date.
    None when every required contact is made."""
    rows = contacts(lmp, visit_dates, on)
    for row in rows[trimester(lmp, on) - 1 :]:
        if row.missing == 0:
            continue
        end = trimester_end(lmp, row.number)
        if end is not None:
            return end
        start = max(on, lmp + datetime.timedelta(weeks=SECOND_TRIMESTER_LAST_WEEK, days=1))
        return _spread(lmp, start, row.missing)
    return None


def _spread(lmp: datetime.date, start: datetime.date, remaining: int) -> datetime.date:
    # Third trimester: the remaining contacts at even intervals between `start` and the due date.
    due = due_date(lmp)
    if due <= start:
        return start
    return start + datetime.timedelta(days=(due - start).days // remaining)
