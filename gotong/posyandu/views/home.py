from django.shortcuts import render
from django.utils import timezone

from gotong.core.policy.routes import route
from gotong.posyandu import overview
from gotong.posyandu.access import can_record, posyandus_for
from gotong.posyandu.models import Child

# An officer with a whole city sees a summary of the first posyandu; the details are one click away.
CARDS = 20


@route("posyandu.view")
def home(request):
    today = timezone.localdate()
    posyandus = posyandus_for(request.user).order_by("name")
    cards = overview.for_posyandus(list(posyandus[:CARDS]), today)
    for card in cards:
        # This month's session page is for those who record there (a posyandu's secretary sees, does not weigh).
        card.may_record = can_record(request.user, card.posyandu)
    own_children = []
    if request.user.person_id:
        own_children = (
            Child.objects.visible_to(request.user)
            .filter(person__household_id=request.user.person.household_id)
            .select_related("person", "posyandu")
        )
    context = {
        "cards": cards,
        "more": max(0, posyandus.count() - CARDS) if len(cards) == CARDS else 0,
        "own_children": own_children,
        "today": today,
    }
    return render(request, "posyandu/home.html", context)
