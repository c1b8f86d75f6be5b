"""Public pages: GET only, no login, no session, no CSRF cookie, cacheable by any proxy for five minutes.

Routed as public (`portal.view`, granted to everyone, anonymous visitors too); a POST answers 405.
"""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import cache_control

from gotong.areas.models import Area, Level
from gotong.core.area_codes import city_code
from gotong.core.policy.routes import route
from gotong.portal import services
from gotong.portal.suppression import THRESHOLD

public = cache_control(public=True, max_age=300)


class PublicAreaByCode:
    """`target=` of an area's page: a city or village by its code (404 for any other level or an unknown code)."""

    def __call__(self, *, code):
        place = services.public_area(code)
        if place is None:
            raise Http404
        return place

    def samples(self):
        """Each city and its first village."""
        for city in Area.objects.filter(level=Level.REGENCY).order_by("code"):
            yield {"code": city.code}
            villages = Area.objects.filter(level=Level.VILLAGE, code__startswith=f"{city.code}.").order_by("code")
            if first := villages.values_list("code", flat=True).first():
                yield {"code": first}


@route("portal.view", public=True)
@public
def home(request):
    return render(request, "portal/home.html", {"cities": services.cities_with_data(), "threshold": THRESHOLD})


@route("portal.view", target=PublicAreaByCode(), public=True)
@public
def area(request, code):
    place = PublicAreaByCode()(code=code)
    city = place if place.level == Level.REGENCY else services.public_area(city_code(place.code))
    context = {
        "place": place,
        "city": city,
        "is_city": place.level == Level.REGENCY,
        "threshold": THRESHOLD,
        **services.area_profile(place),
    }
    return render(request, "portal/area.html", context)
