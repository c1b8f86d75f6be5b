from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from gotong.posyandu import overview
from gotong.posyandu.access import can_record, posyandus_for
from gotong.posyandu.models import Child


@login_required
def home(request):
    today = timezone.localdate()
    posyandus = list(posyandus_for(request.user).order_by("name"))
    # An officer with a whole city sees a summary per posyandu; the details are one click away.
    cards = [overview.for_posyandu(p, today) for p in posyandus[:20]]
    own_children = []
    if request.user.person_id:
        own_children = (
            Child.objects.visible_to(request.user)
            .filter(person__household_id=request.user.person.household_id)
            .select_related("person", "posyandu")
        )
    context = {
        "cards": cards,
        "more": max(0, len(posyandus) - len(cards)),
        "can_record": {p.pk: can_record(request.user, p) for p in posyandus},
        "own_children": own_children,
        "today": today,
    }
    return render(request, "posyandu/home.html", context)
