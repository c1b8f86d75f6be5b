from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from gotong.core.home import sections_for
from gotong.core.policy.routes import route


@route("portal.view", public=True)
@never_cache
def healthz(request):
    """Liveness and database reachability for load balancers and `make demo`."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return JsonResponse({"status": "ok", "database": "ok"})
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)


# Every account has a home page (`areas.view` is granted to every account): a section per kind of daily work the
# user does (`gotong.core.home`), each the answer of its module.
@route("areas.view")
def dashboard(request):
    sections = sections_for(request.user, timezone.localdate())
    return render(request, "core/home.html", {"sections": sections})
