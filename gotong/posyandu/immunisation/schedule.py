"""The national routine immunisation schedule for children under five, as data, and pure functions over it.

Sources (each dose row below names the one it follows):
- [P12] Permenkes No. 12 Tahun 2017 tentang Penyelenggaraan Imunisasi, Lampiran: routine basic immunisation of
  infants (HB0 at 0–7 days, BCG and polio 1 at 1 month, DPT-HB-Hib 1–3 with polio 2–4 at 2–4 months, IPV at
  4 months, campak-rubela (MR) at 9 months), the follow-up (lanjutan) doses of children under two (DPT-HB-Hib 4 at
  18 months, ≥ 12 months after DPT-HB-Hib 3; MR 2 at 18 months, ≥ 6 months after MR 1), the 4-week minimum
  interval between the doses of a series, and imunisasi kejar (catch-up) for children who missed a dose.
- [PCV] Kemenkes Ditjen P2P, "Kebijakan program imunisasi dan rencana introduksi imunisasi PCV" (2022): the
  routine table 0 HB / 1 BCG, OPV1 / 2 DPT-HB-Hib1, OPV2, PCV1 / 3 DPT-HB-Hib2, OPV3, PCV2 / 4 DPT-HB-Hib3, OPV4,
  IPV / 9 MR / 12 PCV3 / 18 DPT-HB-Hib4, MR2 — PCV nationwide from 2023.
- [RV] Surat Edaran Dirjen P2P No. IM.02.02/C/3052/2023 (3 Juli 2023), Pelaksanaan Pemberian Imunisasi Rotavirus
  (RV) Secara Nasional, under KMK HK.01.07/Menkes/1139/2022: three oral doses at 2, 3 and 4 months, at least
  4 weeks apart; the last dose no later than 6 months 29 days.
- [IPV2] Surat Dirjen P2P No. IM.02.03/C.I/…/2023 (31 Mei 2023), introduksi IPV dosis kedua: from 2024 IPV 2 at
  9 months with MR, at least 4 months after IPV 1; catch-up for children without two IPV doses up to 59 months.
- [WHO] WHO position papers (summary tables of routine immunization): a first DTP-containing, PCV or rotavirus
  dose no earlier than 6 weeks — the minimum the Indonesian tables imply by scheduling them "at 2 months".

Where no Indonesian text sets an upper age, a dose is offered as catch-up until 59 months, the posyandu's
under-five limit and the catch-up age [IPV2] states; such rows say so. Japanese encephalitis (10 months) is given
only in endemic regencies and is left out.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gotong.core.dates import short_date


@dataclass(frozen=True)
class Age:
    """An age (or an interval) as calendar months plus days: "2 months" is the same day two months on."""

    months: int = 0
    days: int = 0

    def after(self, day: datetime.date) -> datetime.date:
        return shift_months(day, self.months) + datetime.timedelta(days=self.days)


def shift_months(day: datetime.date, count: int) -> datetime.date:
    """The same day `count` months on (back when negative); the 31st becomes the month's last day."""
    index = day.year * 12 + day.month - 1 + count
    year, month = index // 12, index % 12 + 1
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return datetime.date(year, month, min(day.day, (following - datetime.timedelta(days=1)).day))


@dataclass(frozen=True)
class Dose:
    vaccine: str
    number: int
    recommended: Age  # the age the schedule gives it
    minimum: Age  # never before this age
    limit: Age | None  # given only before this age (exclusive); None: catch-up to 59 months
    interval: Age  # at least this long after the previous dose of the same vaccine
    basic: bool  # part of Imunisasi Dasar Lengkap (IDL)
    source: str

    @property
    def key(self) -> tuple[str, int]:
        return (self.vaccine, self.number)

    def limit_date(self, birth: datetime.date) -> datetime.date:
        return (self.limit or UNDER_FIVE).after(birth)


UNDER_FIVE = Age(months=60)
FOUR_WEEKS = Age(days=28)
SIX_WEEKS = Age(days=42)
NONE = Age()
RV_LIMIT = Age(6, 30)  # the last day allowed is 6 months 29 days [RV]

VACCINE_LABELS = {
    "hb0": gettext_lazy("Hepatitis B0 (HB0)"),
    "bcg": gettext_lazy("BCG"),
    "polio": gettext_lazy("Polio tetes (OPV)"),
    "dpt_hb_hib": gettext_lazy("DPT-HB-Hib"),
    "pcv": gettext_lazy("PCV (pneumokokus)"),
    "rv": gettext_lazy("Rotavirus (RV)"),
    "ipv": gettext_lazy("Polio suntik (IPV)"),
    "mr": gettext_lazy("Campak-Rubela (MR)"),
}

# fmt: off
SCHEDULE: tuple[Dose, ...] = (
    # HB0 within 24 hours of birth, at the latest at 7 days [P12].
    Dose("hb0", 1, NONE, NONE, Age(days=8), NONE, True, "P12"),
    # BCG at 1 month, given to infants only (before the first birthday) [P12].
    Dose("bcg", 1, Age(1), NONE, Age(12), NONE, True, "P12"),
    # Oral polio 1–4 at 1, 2, 3, 4 months, 4 weeks apart [P12]; catch-up to 59 months.
    Dose("polio", 1, Age(1), NONE, None, NONE, True, "P12"),
    Dose("polio", 2, Age(2), NONE, None, FOUR_WEEKS, True, "P12"),
    Dose("polio", 3, Age(3), NONE, None, FOUR_WEEKS, True, "P12"),
    Dose("polio", 4, Age(4), NONE, None, FOUR_WEEKS, True, "P12"),
    # DPT-HB-Hib 1–3 at 2, 3, 4 months (not before 6 weeks [WHO]), 4 weeks apart; 4 at 18 months, ≥ 12 months
    # after the third [P12].
    Dose("dpt_hb_hib", 1, Age(2), SIX_WEEKS, None, NONE, True, "P12"),
    Dose("dpt_hb_hib", 2, Age(3), NONE, None, FOUR_WEEKS, True, "P12"),
    Dose("dpt_hb_hib", 3, Age(4), NONE, None, FOUR_WEEKS, True, "P12"),
    Dose("dpt_hb_hib", 4, Age(18), Age(18), None, Age(12), False, "P12"),
    # PCV 1–2 at 2 and 3 months (not before 6 weeks [WHO]), 4 weeks apart; PCV 3 at 12 months [PCV].
    Dose("pcv", 1, Age(2), SIX_WEEKS, None, NONE, False, "PCV"),
    Dose("pcv", 2, Age(3), NONE, None, FOUR_WEEKS, False, "PCV"),
    Dose("pcv", 3, Age(12), Age(12), None, FOUR_WEEKS, False, "PCV"),
    # Rotavirus 1–3 at 2, 3, 4 months, 4 weeks apart, none after 6 months 29 days [RV].
    Dose("rv", 1, Age(2), SIX_WEEKS, RV_LIMIT, NONE, False, "RV"),
    Dose("rv", 2, Age(3), NONE, RV_LIMIT, FOUR_WEEKS, False, "RV"),
    Dose("rv", 3, Age(4), NONE, RV_LIMIT, FOUR_WEEKS, False, "RV"),
    # IPV 1 at 4 months [P12]; IPV 2 at 9 months, ≥ 4 months after IPV 1, catch-up to 59 months [IPV2].
    Dose("ipv", 1, Age(4), Age(0, 98), None, NONE, True, "P12"),
    Dose("ipv", 2, Age(9), Age(9), None, Age(4), False, "IPV2"),
    # MR 1 at 9 months; MR 2 at 18 months, ≥ 6 months after MR 1 [P12].
    Dose("mr", 1, Age(9), Age(9), None, NONE, True, "P12"),
    Dose("mr", 2, Age(18), Age(18), None, Age(6), False, "P12"),
)
# fmt: on

DOSES = {dose.key: dose for dose in SCHEDULE}
# IDL [P12]: by the first birthday, HB0 1, BCG 1, DPT-HB-Hib 3, polio 4, IPV 1 and MR 1 — the definition the
# Kemenkes Profil Kesehatan counts. PCV, RV and IPV 2 are routine but not (yet) part of it.
IDL_DOSES = tuple(dose for dose in SCHEDULE if dose.basic)

# A dose is "due" from its recommended age for one month; later it is "overdue" until the first birthday (basic
# doses) or the second (the 12- and 18-month doses), then "catch-up" (imunisasi kejar) until its limit.
GRACE = Age(1)

GIVEN, NOT_YET, DUE, OVERDUE, CATCH_UP, WAITING, EXPIRED = (
    "given",
    "not_yet",
    "due",
    "overdue",
    "catch_up",
    "waiting",
    "expired",
)
STATE_LABELS = {
    GIVEN: gettext_lazy("Sudah"),
    NOT_YET: gettext_lazy("Belum waktunya"),
    DUE: gettext_lazy("Jadwal bulan ini"),
    OVERDUE: gettext_lazy("Terlambat"),
    CATCH_UP: gettext_lazy("Imunisasi kejar"),
    WAITING: gettext_lazy("Menunggu dosis sebelumnya"),
    EXPIRED: gettext_lazy("Lewat batas umur"),
}
# States in which a cadre can give the dose today.
GIVABLE = (DUE, OVERDUE, CATCH_UP)


def dose_label(vaccine: str, number: int) -> str:
    series = [d for d in SCHEDULE if d.vaccine == vaccine]
    name = str(VACCINE_LABELS.get(vaccine, vaccine))
    return name if len(series) == 1 else f"{name} {number}"


def previous_dose(dose: Dose) -> Dose | None:
    return DOSES.get((dose.vaccine, dose.number - 1))


def earliest_date(dose: Dose, birth: datetime.date, given: dict) -> datetime.date | None:
    """The first day the dose may be given: its minimum age and the interval after the previous dose.

    None while the previous dose of the series is not given (doses are given in order)."""
    earliest = dose.minimum.after(birth)
    before = previous_dose(dose)
    if before is not None:
        previous_on = given.get(before.key)
        if previous_on is None:
            return None
        earliest = max(earliest, dose.interval.after(previous_on))
    return earliest


def _late_from(dose: Dose, birth: datetime.date) -> datetime.date:
    """The day from which a late dose is imunisasi kejar rather than merely overdue."""
    window = Age(12) if dose.recommended.months < 12 else Age(24)
    return window.after(birth)


def state(dose: Dose, birth: datetime.date, given: dict, on: datetime.date) -> str:
    """Where `dose` stands on `on` for a child born `birth` whose given doses are `given` ({(vaccine, n): date})."""
    if dose.key in given:
        return GIVEN
    if on >= dose.limit_date(birth):
        return EXPIRED
    earliest = earliest_date(dose, birth, given)
    if earliest is None:
        before = previous_dose(dose)
        # The previous dose can no longer be given either: the series has ended for this child.
        if before is not None and state(before, birth, given, on) == EXPIRED:
            return EXPIRED
        return WAITING
    recommended = dose.recommended.after(birth)
    if on < recommended or on < earliest:
        return NOT_YET if on < recommended else WAITING
    if on < GRACE.after(recommended):
        return DUE
    return OVERDUE if on < _late_from(dose, birth) else CATCH_UP


def check_dose(dose: Dose, birth: datetime.date, given: dict, given_on: datetime.date) -> str | None:
    """Why `dose` may not be given on `given_on` (an Indonesian sentence), or None when it may."""
    if given_on < birth:
        return _("Tanggal imunisasi sebelum tanggal lahir.")
    minimum = dose.minimum.after(birth)
    if given_on < minimum:
        return _("%(dose)s terlalu dini: paling cepat %(day)s.") % {
            "dose": dose_label(*dose.key),
            "day": short_date(minimum),
        }
    if given_on >= dose.limit_date(birth):
        return _("%(dose)s hanya diberikan sebelum %(day)s; anak ini sudah melewati batas umurnya.") % {
            "dose": dose_label(*dose.key),
            "day": short_date(dose.limit_date(birth)),
        }
    before = previous_dose(dose)
    if before is not None:
        previous_on = given.get(before.key)
        if previous_on is None:
            return _("%(previous)s belum tercatat: catat dulu dosis sebelumnya.") % {
                "previous": dose_label(*before.key)
            }
        earliest = dose.interval.after(previous_on)
        if given_on < earliest:
            return _("%(dose)s terlalu dekat dengan %(previous)s (%(on)s): paling cepat %(day)s.") % {
                "dose": dose_label(*dose.key),
                "previous": dose_label(*before.key),
                "on": short_date(previous_on),
                "day": short_date(earliest),
            }
    following = DOSES.get((dose.vaccine, dose.number + 1))
    if following is not None and following.key in given and given[following.key] <= given_on:
        return _("%(dose)s harus sebelum %(following)s (%(on)s).") % {
            "dose": dose_label(*dose.key),
            "following": dose_label(*following.key),
            "on": short_date(given[following.key]),
        }
    return None


def idl_date(birth: datetime.date, given: dict) -> datetime.date | None:
    """The day the child completed IDL (the last of its doses), if that was before the first birthday [P12]."""
    dates = [given.get(dose.key) for dose in IDL_DOSES]
    if any(day is None for day in dates):
        return None
    completed = max(dates)
    return completed if completed < Age(12).after(birth) else None


@dataclass
class ChildStatus:
    rows: list[tuple[Dose, str, datetime.date | None]]  # dose, state, given date
    idl_on: datetime.date | None

    def doses_in(self, *states: str) -> list[Dose]:
        return [dose for dose, current, _on in self.rows if current in states]

    @property
    def summary(self) -> str:
        """One word for the child: complete, catch_up, overdue, due or up_to_date."""
        if all(current in (GIVEN, EXPIRED) for _dose, current, _on in self.rows):
            return "complete"
        for current in (CATCH_UP, OVERDUE, DUE):
            if self.doses_in(current):
                return current
        return "up_to_date"


SUMMARY_LABELS = {
    "complete": gettext_lazy("Lengkap"),
    CATCH_UP: gettext_lazy("Perlu imunisasi kejar"),
    OVERDUE: gettext_lazy("Terlambat"),
    DUE: gettext_lazy("Ada jadwal"),
    "up_to_date": gettext_lazy("Sesuai jadwal"),
}


def child_status(birth: datetime.date, given: dict, on: datetime.date) -> ChildStatus:
    rows = [(dose, state(dose, birth, given, on), given.get(dose.key)) for dose in SCHEDULE]
    return ChildStatus(rows=rows, idl_on=idl_date(birth, given))
