"""Children: the list, one child's growth (chart, history, card PDF) and registering a child."""

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from gotong.core.charts import png_data_uri
from gotong.core.policy.routes import by, route
from gotong.posyandu import charts, classification, growth, services
from gotong.posyandu.access import can_record, may_record_somewhere
from gotong.posyandu.filters import ChildFilterForm
from gotong.posyandu.forms import ChildFromRegistryForm, NewChildForm
from gotong.posyandu.lists import child_rows
from gotong.posyandu.models import Child, Deworming, Feeding, VitaminADose, Weighing
from gotong.posyandu.reports import child_card
from gotong.posyandu.views.registration import registration_page


def immunisation_card(child, on):
    from gotong.posyandu.views.immunisation import card_rows

    return card_rows(child, on)


def _children(user):
    return Child.objects.visible_to(user).select_related("person", "posyandu", "mother")


def status_rows(weighing) -> list[dict]:
    """The four indicators of a weighing as (label, z, class label, colour, reason) for templates."""
    rows = []
    for name in growth.INDICATORS:
        code = getattr(weighing, f"{name}_class") or None
        reason = (weighing.reasons or {}).get(name)
        rows.append(
            {
                "indicator": name,
                "label": classification.INDICATOR_LABELS[name],
                "z": getattr(weighing, name),
                "class": classification.label(name, code),
                "code": code or "",
                "colour": classification.severity(code),
                "reason": growth.REASON_LABELS.get(reason, "") if reason else "",
            }
        )
    return rows


@route("posyandu.view")
def child_list(request):
    # A city holds hundreds of thousands of children: one page of them, without counting them all.
    # A city officer chooses among thousands of posyandu: a type-ahead, not a <select> of them all.
    filter_form = ChildFilterForm(request.GET, user=request.user)
    page = child_rows(request.user, filter_form.list_filters()).page(request.GET)
    for row in page:
        row["status"] = status_rows(row["last"]) if row["last"] else []
    text = request.GET.get("q", "").strip()
    show_all = request.GET.get("semua") == "1"
    context = {
        "page": page,
        "filter_form": filter_form,
        "q": text,
        "show_all": show_all,
        "can_add": may_record_somewhere(request.user),
    }
    return render(request, "posyandu/child_list.html", context)


def child_history(child: Child, limit: int = 30):
    types = ContentType.objects.get_for_models(Child, Weighing)
    weighing_ids = [str(pk) for pk in child.weighings.values_list("pk", flat=True)]
    query = Q(content_type=types[Child], object_pk=str(child.pk)) | Q(
        content_type=types[Weighing], object_pk__in=weighing_ids
    )
    return LogEntry.objects.filter(query).select_related("actor", "content_type").order_by("-timestamp")[:limit]


def given_to(user, child) -> list[tuple[object, str, str]]:
    """Vitamin A, deworming and PMT the child received, newest first: (date, what, detail), through the scoped
    querysets like every health record."""
    rows = [
        (d.given_on, _("Vitamin A"), d.get_capsule_display())
        for d in VitaminADose.objects.visible_to(user).filter(child=child)
    ]
    rows += [
        (d.given_on, _("Obat cacing"), _("Albendazol %(mg)s mg") % {"mg": d.dose_mg})
        for d in Deworming.objects.visible_to(user).filter(child=child)
    ]
    rows += [
        (f.given_on, f.get_kind_display(), _("%(days)s hari/porsi") % {"days": f.days})
        for f in Feeding.objects.visible_to(user).filter(child=child)
    ]
    return sorted(rows, key=lambda row: row[0], reverse=True)


@route("posyandu.view", target=by(Child, "public_id"))
def child_detail(request, public_id):
    child = get_object_or_404(_children(request.user), public_id=public_id)
    weighings = list(child.weighings.select_related("session").order_by("month"))
    last = weighings[-1] if weighings else None
    chart = png_data_uri(charts.weight_for_age_png(child, weighings))
    today = timezone.localdate()
    may_record = can_record(request.user, child.posyandu)
    context = {
        "child": child,
        "weighings": list(reversed(weighings)),
        "last": last,
        "status": status_rows(last) if last else [],
        "chart": chart,
        "age_months": growth.age_in_months((today - child.person.birth_date).days),
        "can_record": may_record,
        "entries": child_history(child) if may_record else [],
        "given": given_to(request.user, child),
        "immunisation_card": immunisation_card(child, today),
    }
    return render(request, "posyandu/child_detail.html", context)


@route("posyandu.view", target=by(Child, "public_id"))
def child_card_pdf(request, public_id):
    child = get_object_or_404(_children(request.user), public_id=public_id)
    return child_card(child)


def _create_page(request, form_class, template):
    def register(data):
        if form_class is NewChildForm:
            return services.register_new_child(acting_user=request.user, **data)
        return services.register_child(acting_user=request.user, **data), []

    return registration_page(
        request,
        form_class(request.POST or None, user=request.user),
        register,
        success=lambda child: (
            _("%(name)s terdaftar di %(posyandu)s.") % {"name": child.person.name, "posyandu": child.posyandu.name}
        ),
        detail="posyandu:child-detail",
        template=template,
        context={"from_registry": form_class is ChildFromRegistryForm},
    )


@route("posyandu.record", post="posyandu.record")
def child_create(request):
    return _create_page(request, ChildFromRegistryForm, "posyandu/child_form.html")


@route("posyandu.record", post="posyandu.record")
def child_create_new(request):
    return _create_page(request, NewChildForm, "posyandu/child_form.html")
