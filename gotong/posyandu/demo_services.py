"""Demo data of the posyandu day for the demo posyandus (Melati, Mawar): vitamin A and deworming in every February
and August session of the past year, PMT for most children whose growth faltered in the last three months, and
the latest session's attendance and counselling. Deterministic (every n-th child misses out, so the due lists and
the report's coverage are not all 100 %), idempotent, and written through `day_services` like real entries.
"""

from django.utils import timezone

from gotong.posyandu import day_services, supplements
from gotong.posyandu.dates import add_months, month_start
from gotong.posyandu.models import Feeding, Session, Weighing


def load_day_demo(children, acting_user) -> None:
    today = timezone.localdate()
    since = add_months(month_start(today), -2)
    for index, child in enumerate(children):
        birth = child.person.birth_date
        sessions = Session.objects.filter(posyandu_id=child.posyandu_id, held_on__lte=today).order_by("held_on")
        for session in sessions:
            if not supplements.is_round_month(session.month) or session.held_on < child.registered_on:
                continue
            months = supplements.age_months(birth, session.held_on)
            if supplements.capsule_for(months) and index % 8 != 5:
                day_services.give_vitamin_a(
                    child=child, session=session, given_on=session.held_on, acting_user=acting_user
                )
            if supplements.albendazole_mg(months) and index % 6 != 2:
                day_services.give_deworming(
                    child=child, session=session, given_on=session.held_on, acting_user=acting_user
                )
        for weighing in Weighing.objects.filter(child=child, month__gte=since).select_related("session"):
            reasons = supplements.falter_reasons(weighing)
            if not reasons or index % 3 == 1 or Feeding.objects.filter(child=child, month=weighing.month).exists():
                continue
            recovery = weighing.bgm or len(reasons) > 1 or reasons[0] not in ("T", "2T")
            day_services.give_feeding(
                child=child,
                session=weighing.session,
                given_on=weighing.session.held_on,
                kind="pemulihan" if recovery else "penyuluhan",
                days=30 if recovery else 1,
                acting_user=acting_user,
            )
        latest = sessions.last()
        if latest is not None and Weighing.objects.filter(child=child, session=latest).exists():
            if index % 2:
                day_services.record_counselling(
                    session=latest, child=child, note="Gizi seimbang dan ASI/MP-ASI", acting_user=acting_user
                )
            else:
                day_services.record_visit(session=latest, child=child, acting_user=acting_user)
