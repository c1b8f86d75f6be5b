"""Public pages: GET only, no login, no session, no CSRF cookie, cacheable by any proxy for five minutes."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from gotong.areas.models import Level
from gotong.portal import services
from gotong.portal.suppression import THRESHOLD

public = cache_control(public=True, max_age=300)


@require_safe
@public
def home(request):
    return render(request, "portal/home.html", {"cities": services.cities_with_data(), "threshold": THRESHOLD})


@require_safe
@public
def area(request, code):
    place = services.public_area(code)
    if place is None:
        raise Http404
    city = place if place.level == Level.REGENCY else services.public_area(services.city_code(place.code))
    context = {
        "place": place,
        "city": city,
        "is_city": place.level == Level.REGENCY,
        "threshold": THRESHOLD,
        **services.area_profile(place),
    }
    return render(request, "portal/area.html", context)
