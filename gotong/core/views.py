from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from gotong.core.dashboard import dashboard_for


@never_cache
def healthz(request):
    """Liveness and database reachability for load balancers and `make demo`."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return JsonResponse({"status": "ok", "database": "ok"})
    except Exception:  # noqa: BLE001 - any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)


@login_required
def dashboard(request):
    return render(request, "core/dashboard.html", dashboard_for(request.user))
