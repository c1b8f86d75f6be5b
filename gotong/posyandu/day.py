"""The posyandu day by its five tables (meja 1 pendaftaran, 2 penimbangan, 3 pencatatan, 4 penyuluhan,
5 pelayanan): who is at which table, how many are done, and the services each child is due at meja 5.

Services are listed by providers: `day_services(session, child)` asks each registered provider for its entries,
so immunisation and pregnant-women visits (other modules) add theirs with `register_day_service`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from gotong.core.dates import short_date
from gotong.posyandu import supplements
from gotong.posyandu.immunisation import schedule
from gotong.posyandu.immunisation.coverage import given_by_child
from gotong.posyandu.models import Capsule, DayVisit, Deworming, Feeding, Session, VitaminADose, Weighing

TABLES = (
    (1, _("Pendaftaran")),
    (2, _("Penimbangan")),
    (3, _("Pencatatan")),
    (4, _("Penyuluhan")),
    (5, _("Pelayanan")),
)


@dataclass
class ServiceEntry:
    key: str  # "vitamin_a", "deworming", "pmt", … (a provider's own)
    label: str
    due: bool  # the child should get it today
    done: bool  # given (this round / this month)
    detail: str = ""  # e.g. "Merah 200.000 IU" or "diberikan 10 Feb 2026"
    url: str = ""  # where to record it, when the provider has its own page


ServiceProvider = Callable[[Session, object, dict], list[ServiceEntry]]
_PROVIDERS: list[ServiceProvider] = []


def register_day_service(provider: ServiceProvider) -> ServiceProvider:
    _PROVIDERS.append(provider)
    return provider


def day_services(session: Session, child, context: dict | None = None) -> list[ServiceEntry]:
    """Every service entry of a child on this day; `context` carries pre-fetched records (see `day_context`)."""
    context = context if context is not None else day_context(session, [child])
    entries: list[ServiceEntry] = []
    for provider in _PROVIDERS:
        entries.extend(provider(session, child, context))
    return entries


def day_context(session: Session, children) -> dict:
    """The session's records for these children, fetched once for the whole list."""
    ids = [c.pk for c in children]
    round_ = supplements.round_of(session.held_on)
    return {
        "vitamin_a": {d.child_id: d for d in VitaminADose.objects.filter(child_id__in=ids, round=round_)},
        "deworming": {d.child_id: d for d in Deworming.objects.filter(child_id__in=ids, round=round_)},
        "feeding": {f.child_id: f for f in Feeding.objects.filter(child_id__in=ids, month=session.month)},
        "weighing": {w.child_id: w for w in Weighing.objects.filter(child_id__in=ids, month=session.month)},
        "immunisation": given_by_child(ids),
    }


@register_day_service
def _vitamin_a(session, child, context) -> list[ServiceEntry]:
    dose = context["vitamin_a"].get(child.pk)
    capsule = supplements.vitamin_a_due(child.person.birth_date, session.held_on, given_this_round=False)
    if dose is None and capsule is None:
        return []
    detail = (
        _("%(c)s, %(d)s") % {"c": dose.get_capsule_display(), "d": short_date(dose.given_on)}
        if dose
        else Capsule(capsule).label
    )
    return [ServiceEntry("vitamin_a", _("Vitamin A"), due=capsule is not None, done=dose is not None, detail=detail)]


@register_day_service
def _deworming(session, child, context) -> list[ServiceEntry]:
    dose = context["deworming"].get(child.pk)
    mg = supplements.deworming_due(child.person.birth_date, session.held_on, given_this_round=False)
    if dose is None and mg is None:
        return []
    detail = _("Albendazol %(mg)s mg") % {"mg": dose.dose_mg if dose else mg}
    return [ServiceEntry("deworming", _("Obat cacing"), due=mg is not None, done=dose is not None, detail=detail)]


@register_day_service
def _feeding(session, child, context) -> list[ServiceEntry]:
    feeding = context["feeding"].get(child.pk)
    reasons = supplements.falter_reasons(context["weighing"].get(child.pk))
    if feeding is None and not reasons:
        return []
    detail = (
        _("%(kind)s, %(days)s hari") % {"kind": feeding.get_kind_display(), "days": feeding.days}
        if feeding
        else ", ".join(reasons)
    )
    return [ServiceEntry("pmt", _("PMT"), due=bool(reasons), done=feeding is not None, detail=detail)]


@register_day_service
def _immunisation(session, child, context) -> list[ServiceEntry]:
    """The doses the national schedule lets the cadre give today, recorded on the immunisation page."""
    given = context["immunisation"].get(child.pk, {})
    status = schedule.child_status(child.person.birth_date, given, session.held_on)
    due = [schedule.dose_label(*dose.key) for dose, state, _on in status.rows if state in schedule.GIVABLE]
    today = [schedule.dose_label(*dose.key) for dose, _state, on in status.rows if on == session.held_on]
    if not due and not today:
        return []
    url = reverse("posyandu:immunisation-record", args=[session.pk, child.public_id])
    detail = ", ".join(today or due)
    return [
        ServiceEntry(
            "immunisation", _("Imunisasi"), due=bool(due), done=bool(today) and not due, detail=detail, url=url
        )
    ]


@dataclass
class ChildRow:
    child: object
    visit: DayVisit | None
    weighing: Weighing | None
    services: list[ServiceEntry]

    @property
    def services_pending(self) -> int:
        return sum(1 for s in self.services if s.due and not s.done)


def day_rows(session: Session, children) -> list[ChildRow]:
    context = day_context(session, children)
    visits = {v.child_id: v for v in DayVisit.objects.filter(session=session)}
    return [
        ChildRow(c, visits.get(c.pk), context["weighing"].get(c.pk), day_services(session, c, context))
        for c in children
    ]


def progress(rows: list[ChildRow]) -> dict[int, tuple[int, int]]:
    """(done, of) per table. Meja 1 counts the followed children; the next tables count those who came."""
    came = [r for r in rows if r.visit or r.weighing]
    weighed = [r for r in came if r.weighing]
    return {
        1: (len(came), len(rows)),
        2: (len(weighed), len(came)),
        3: (len(weighed), len(came)),  # the KMS result is recorded with the weighing itself
        4: (sum(1 for r in came if r.visit and r.visit.counselled), len(came)),
        5: (
            sum(1 for r in came if any(s.due for s in r.services) and r.services_pending == 0),
            sum(1 for r in came if any(s.due for s in r.services)),
        ),
    }


def feeding_list(posyandus, month) -> list[dict]:
    """Who should receive PMT in `month` (their weighing that month falters) and whether they did."""
    weighings = (
        Weighing.objects.filter(child__posyandu__in=posyandus, month=month)
        .select_related("child__person", "child__posyandu")
        .order_by("child__posyandu__name", "child__person__name")
    )
    fed = {}
    for f in Feeding.objects.filter(child__posyandu__in=posyandus, month=month).order_by("given_on"):
        fed.setdefault(f.child_id, []).append(f)
    rows = []
    for w in weighings:
        reasons = supplements.falter_reasons(w)
        if reasons:
            rows.append({"child": w.child, "weighing": w, "reasons": reasons, "feedings": fed.get(w.child_id, [])})
    return rows
