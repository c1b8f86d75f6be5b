"""Kenanga's February 2026 vitamin A round, worked by hand (boys, ages on 28 February 2026, sessions on the 10th):

    child  born        age   vitamin A        deworming      weighings (kg)         PMT
    G      2025-07-01   7 m  blue, 10 Feb     —              Feb 8.3 (B)            —
    A      2024-06-01  20 m  red, 10 Feb      200 mg 10 Feb  Jan 11.0, Feb 11.0 (T) none: should get it
    E      2024-02-01  24 m  red, 5 Mar       — (400 mg due) Jan 12.0, Feb 12.3 (N) penyuluhan 1 day
    J      2023-06-01  32 m  red, 10 Feb      400 mg 10 Feb  Feb 8.0 (B, BGM)       pemulihan 30 days
    H      2025-12-01   2 m  —                —              Feb 5.0 (B)            —

February report: vitamin A targets blue 1 (G) and red 3 (A, E, J), given blue 1 and red 2 (E's came in March):
3/4 = 75,0 %; deworming targets 3 (A, E, J), given 2: 66,7 %. PMT: needed by A (T) and J (BGM, underweight),
received by J: 1/2 = 50,0 %; by kind penyuluhan 1 (E), pemulihan 1 (J); 31 days. SKDN: S 5, D 5, N 1, T 1, B 3.
In March (same round) E's red capsule counts: red 3, 4/4 at the blue/red targets of 31 March (G still 8 m).
"""

import datetime

import pytest

from gotong.posyandu import day_services, services
from gotong.posyandu.models import Child
from gotong.posyandu.tests.conftest import open_month
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

FEB10 = datetime.date(2026, 2, 10)
BIRTHS = {
    "G": datetime.date(2025, 7, 1),
    "A": datetime.date(2024, 6, 1),
    "E": datetime.date(2024, 2, 1),
    "J": datetime.date(2023, 6, 1),
    "H": datetime.date(2025, 12, 1),
}


@pytest.fixture
def february(posyandu, cadre):
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 2, 1))
    children = {}
    for key, birth in BIRTHS.items():
        person = PersonFactory(household=household, name=f"Anak {key}", sex="L", relationship="anak", birth_date=birth)
        children[key] = Child.objects.create(posyandu=posyandu, person=person, registered_on=birth)
    jan, feb = open_month(posyandu, 2026, 1, cadre), open_month(posyandu, 2026, 2, cadre)

    def weigh(key, session, kg):
        services.record_weighing(child=children[key], session=session, weight_kg=kg, acting_user=cadre)

    weigh("A", jan, "11.0")
    weigh("E", jan, "12.0")
    for key, kg in (("G", "8.3"), ("A", "11.0"), ("E", "12.3"), ("J", "8.0"), ("H", "5.0")):
        weigh(key, feb, kg)
    for key in ("G", "A", "J"):
        day_services.give_vitamin_a(child=children[key], session=feb, given_on=FEB10, acting_user=cadre)
    day_services.give_vitamin_a(child=children["E"], given_on=datetime.date(2026, 3, 5), acting_user=cadre)
    for key in ("A", "J"):
        day_services.give_deworming(child=children[key], session=feb, given_on=FEB10, acting_user=cadre)
    day_services.give_feeding(
        child=children["J"], session=feb, given_on=FEB10, kind="pemulihan", days=30, acting_user=cadre
    )
    day_services.give_feeding(
        child=children["E"], session=feb, given_on=FEB10, kind="penyuluhan", days="1", acting_user=cadre
    )
    return {"session": feb, "children": children}
