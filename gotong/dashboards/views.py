from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render

from gotong.core.charts import png_data_uri
from gotong.core.pdf import pdf_response
from gotong.dashboards import areas, maps, pdf, report


@login_required
def home(request):
    """Pick an area; without a choice, open the user's first work area."""
    code = request.GET.get("wilayah") or areas.default_code(request.user)
    if code:
        return redirect("dashboards:area", code=code)
    return render(request, "dashboards/home.html", {"choices": []})


@login_required
def area_page(request, code):
    area = areas.area_or_404(request.user, code)
    data = report.build(request.user, area)
    context = {
        **data,
        "charts": {name: png_data_uri(png) for name, png in data["charts"].items()},
        "choices": areas.choices(request.user),
        "children": areas.children_in_scope(request.user, area),
        "ancestors": [a for a in area.ancestors() if areas.overlaps(request.user, a.code)],
    }
    return render(request, "dashboards/area.html", context)


@login_required
def area_pdf(request, code):
    area = areas.area_or_404(request.user, code)
    document = pdf.area_report(report.build(request.user, area))
    return pdf_response(document, f"profil-{area.code}.pdf")


@login_required
def area_map(request, code):
    area = areas.area_or_404(request.user, code)
    return JsonResponse(maps.feature_collection(request.user, area))
