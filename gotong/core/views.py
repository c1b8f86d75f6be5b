from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from gotong.core.dashboard import dashboard_for
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


# Every account has a home page (`areas.view` is granted to every account): what it shows is each module's answer.
@route("areas.view")
def dashboard(request):
    return render(request, "core/dashboard.html", dashboard_for(request.user))
