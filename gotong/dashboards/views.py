"""The area dashboard: a figure page per area, its PDF and its slum map, each routed by `dashboards.view`.

The route's target is the area (`areas.by_code`): outside what the user may open it answers 404. A user whose grant
reaches figures only (a partner, a resident) gets the area's public figures instead of their own.
"""

from django.http import JsonResponse
from django.shortcuts import redirect, render

from gotong.core.charts import png_data_uri
from gotong.core.pdf import pdf_response
from gotong.core.policy.routes import route
from gotong.dashboards import areas, maps, pdf, report

VIEW = areas.VIEW


@route(VIEW)
def home(request):
    """Pick an area; without a choice, open the user's first work area (a resident: their own village)."""
    code = request.GET.get("wilayah") or areas.default_code(request.user)
    if code:
        return redirect("dashboards:area", code=code)
    return render(request, "dashboards/home.html", {"choices": areas.choices(request.user)})


@route(VIEW, target=areas.by_code)
def area_page(request, code):
    area = areas.area_or_404(request.user, code)
    common = {"choices": areas.choices(request.user), "ancestors": areas.ancestors_in_scope(request.user, area)}
    if areas.figures_only(request.user, area):
        return render(request, "dashboards/public_area.html", {**report.build_public(request.user, area), **common})
    data = report.build(request.user, area)
    context = {
        **data,
        **common,
        "charts": {name: png_data_uri(png) for name, png in data["charts"].items()},
        "children": areas.children_in_scope(request.user, area),
    }
    return render(request, "dashboards/area.html", context)


@route(VIEW, target=areas.by_code)
def area_pdf(request, code):
    area = areas.area_or_404(request.user, code)
    if areas.figures_only(request.user, area):
        document = pdf.public_report(report.build_public(request.user, area))
    else:
        document = pdf.area_report(report.build(request.user, area))
    return pdf_response(document, f"profil-{area.code}.pdf")


@route(VIEW, target=areas.by_code)
def area_map(request, code):
    area = areas.area_or_404(request.user, code)
    return JsonResponse(maps.feature_collection(request.user, area))
