"""A resident's home: own household, own savings and loans, own children at the posyandu, upcoming gotong royong."""

from gotong.accounts.roles import Role
from gotong.activities.models import Event
from gotong.core.home import Section
from gotong.ledger.services import balance
from gotong.posyandu.models import Child
from gotong.registry.models import Household
from gotong.treasury import services as treasury
from gotong.treasury.models import Loan
from gotong.treasury.models import Member as Saver
from gotong.wastebank.models import Member as WasteSaver

UPCOMING = 5


def _treasury_rows(user, today) -> list[dict]:
    rows = []
    for member in Saver.objects.visible_to(user).filter(person_id=user.person_id).select_related("organization"):
        loans = Loan.objects.filter(member=member).prefetch_related("installments")
        states = [treasury.loan_state(loan, today=today) for loan in loans]
        rows.append(
            {
                "member": member,
                "savings": sum(treasury.savings_balances(member).values()),
                "owed": sum(s.outstanding for s in states),
                "overdue": sum(s.overdue_amount for s in states),
            }
        )
    return rows


def section(user, today) -> Section | None:
    if user.role != Role.RESIDENT or not user.person_id:
        return None
    household_id = user.person.household_id
    waste = WasteSaver.objects.visible_to(user).filter(person_id=user.person_id).select_related("bank__organization")
    context = {
        "household": Household.objects.visible_to(user).filter(pk=household_id).first(),
        "savings": _treasury_rows(user, today),
        "waste": [{"member": m, "balance": balance(m.account)} for m in waste],
        "children": list(
            Child.objects.visible_to(user).filter(person__household_id=household_id).select_related("person")
        ),
        "events": list(Event.objects.visible_to(user).filter(held_on__gte=today).order_by("held_on", "pk")[:UPCOMING]),
    }
    return Section("resident.html", context)
