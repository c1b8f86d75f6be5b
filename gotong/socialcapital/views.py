"""Social capital pages: instruments and rounds, recording a household on a phone, scores per area, the network."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from gotong.areas.models import Level
from gotong.collaboration.access import area_choices
from gotong.core.area_codes import city_code
from gotong.core.charts import png_data_uri
from gotong.core.forms import add_service_errors
from gotong.core.listing import seek_page
from gotong.core.policy.routes import by, route
from gotong.core.tabular import xlsx_response
from gotong.registry.models import Household
from gotong.socialcapital import network, services
from gotong.socialcapital.access import RECORD, VIEW, aggregates_only, may_record_in_round
from gotong.socialcapital.charts import dimension_chart_png
from gotong.socialcapital.forms import ResponseForm, RoundForm
from gotong.socialcapital.lists import round_rows
from gotong.socialcapital.models import Dimension, Instrument, Response, SurveyRound
from gotong.socialcapital.reports import score_rows

# How deep the score table goes: kelurahan only, down to RW, down to RT (depth below the kelurahan).
LEVELS = {"kelurahan": 0, "rw": 1, "rt": 2}


class RoundHousehold:
    """`target=` of the response form: the household whose answers are recorded, inside the round's area.

    The policy then answers 404 for a household the user may not see and 403 for one they see but may not
    interview (`socialcapital.record` must reach the household's area)."""

    def __call__(self, *, pk, household):
        survey_round = get_object_or_404(SurveyRound, pk=pk)
        return get_object_or_404(Household.objects.in_area(survey_round.area_code), public_id=household)

    def samples(self):
        """One round per city with a household inside it."""
        cities = set()
        for survey_round in SurveyRound.objects.order_by("pk"):
            if city_code(survey_round.area_code) in cities:
                continue
            home = Household.objects.in_area(survey_round.area_code).order_by("pk").first()
            if home is not None:
                cities.add(city_code(survey_round.area_code))
                yield {"pk": survey_round.pk, "household": home.public_id}


@route(VIEW)
def home(request):
    rounds = round_rows(request.user, request.GET)
    latest = rounds[0] if rounds else None
    rows = score_rows(request.user, latest) if latest else []
    context = {
        "instruments": Instrument.objects.annotate(questions_count=Count("questions")),
        "rounds": rounds,
        "latest": latest,
        "rows": [row for row in rows if row["depth"] <= LEVELS["rw"]] if len(rows) > 25 else rows,
        "dimensions": Dimension.choices,
        "aggregates_only": aggregates_only(request.user),
    }
    return render(request, "socialcapital/home.html", context)


@route(VIEW, target=by(Instrument))
def instrument_detail(request, pk):
    instrument = get_object_or_404(Instrument, pk=pk)
    questions = instrument.questions.prefetch_related("choices")
    groups: dict[str, list] = {}
    for question in questions:
        groups.setdefault(question.get_dimension_display(), []).append(question)
    return render(request, "socialcapital/instrument.html", {"instrument": instrument, "groups": groups.items()})


@route(RECORD, post=RECORD)
def round_create(request):
    areas = area_choices(request.user, RECORD, min_level=Level.REGENCY, max_level=Level.RW)
    form = RoundForm(request.POST or None, instruments=Instrument.objects.all(), areas=areas)
    if request.method == "POST" and form.is_valid():
        try:
            survey_round = services.create_round(acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Putaran survei disimpan."))
            return redirect("socialcapital:round", pk=survey_round.pk)
    return render(request, "socialcapital/round_form.html", {"form": form})


@route(VIEW, target=by(SurveyRound))
def round_detail(request, pk):
    """The households to interview: those in the round's area and the user's scope, answered ones marked.
    Whoever may only read the round is sent to its scores."""
    survey_round = get_object_or_404(
        SurveyRound.objects.visible_to(request.user).select_related("instrument", "area"), pk=pk
    )
    if not may_record_in_round(request.user, survey_round):
        return redirect(f"{reverse('socialcapital:scores')}?putaran={survey_round.pk}")
    households = Household.objects.visible_to(request.user).in_area(survey_round.area_code).prefetch_related("members")
    query = request.GET.get("q", "").strip()
    # A city-wide round lists hundreds of thousands of households: pages without COUNT, RT by RT (the area code
    # index gives the order; PostgreSQL sorts each RT's few households by address).
    page = seek_page(households.search(query).order_by("area_code", "address", "pk"), request.GET, 25)
    answered = set(
        Response.objects.filter(survey_round=survey_round, household__in=[h.pk for h in page]).values_list(
            "household_id", flat=True
        )
    )
    context = {
        "round": survey_round,
        "page": page,
        "answered": answered,
        "query": query,
        "answered_count": Response.objects.visible_to(request.user).filter(survey_round=survey_round).count(),
    }
    return render(request, "socialcapital/round_detail.html", context)


@route(RECORD, post=RECORD, target=RoundHousehold())
def response_form(request, pk, household):
    survey_round = get_object_or_404(SurveyRound.objects.select_related("instrument"), pk=pk)
    household = get_object_or_404(
        Household.objects.visible_to(request.user).in_area(survey_round.area_code), public_id=household
    )
    questions = survey_round.instrument.questions.prefetch_related("choices")
    form = ResponseForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_response(
                survey_round,
                household,
                answers={int(k): v for k, v in form.answers().items()},
                submission_id=form.cleaned_data["submission_id"],
                answered_on=form.cleaned_data["answered_on"],
                acting_user=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Jawaban %(name)s tersimpan.") % {"name": household})
            return redirect("socialcapital:round", pk=survey_round.pk)
    already = Response.objects.filter(survey_round=survey_round, household=household).first()
    context = {"round": survey_round, "household": household, "form": form, "already": already}
    return render(request, "socialcapital/response_form.html", context)


def _scores_context(request) -> dict:
    rounds = list(SurveyRound.objects.visible_to(request.user).select_related("instrument", "area"))
    chosen = next((r for r in rounds if str(r.pk) == request.GET.get("putaran")), rounds[0] if rounds else None)
    same = [r for r in rounds if chosen and r.instrument_id == chosen.instrument_id and r.pk != chosen.pk]
    earlier = [r for r in same if r.starts_on < chosen.starts_on]
    compare_param = request.GET.get("banding")
    if compare_param is None:
        compare = earlier[0] if earlier else None
    else:
        compare = next((r for r in same if str(r.pk) == compare_param), None)
    rows = score_rows(request.user, chosen, compare) if chosen else []
    level = request.GET.get("tingkat")
    if level not in LEVELS:
        level = "rt" if len(rows) <= 25 else "rw"  # a long list of RTs is read level by level
    rows = [row for row in rows if row["depth"] <= LEVELS[level]]
    return {
        "rounds": rounds,
        "chosen": chosen,
        "compare": compare,
        "others": same,
        "level": level,
        "rows": rows,
        "dimensions": Dimension.choices,
        "aggregates_only": aggregates_only(request.user),
    }


@route(VIEW)
def scores(request):
    context = _scores_context(request)
    chart = None
    if context["rows"]:
        png = dimension_chart_png(context["rows"][0], context["chosen"], context["compare"])
        chart = png_data_uri(png) if png else None
    return render(request, "socialcapital/scores.html", {**context, "chart": chart})


def _one(value):
    return None if value is None else round(value, 1)


@route(VIEW)
def scores_xlsx(request):
    """The same table in long form (one row per area and dimension), for analysis in a spreadsheet."""
    context = _scores_context(request)
    headers = [_("Kode wilayah"), _("Wilayah"), _("Dimensi"), _("Responden"), _("Rata-rata"), _("Batas bawah 95%"),
               _("Batas atas 95%"), _("Responden pembanding"), _("Rata-rata pembanding"), _("Perubahan"),
               _("Perubahan batas bawah 95%"), _("Perubahan batas atas 95%")]  # fmt: skip
    lines = []
    for row in context["rows"]:
        for cell in [*row["cells"], row["overall"]]:
            s, before, change = cell["summary"], cell["before"], cell["change"]
            lines.append([
                row["code"], row["name"], str(cell["label"] or _("Rata-rata semua dimensi")), s.n, _one(s.mean),
                _one(s.low), _one(s.high), before.n if before else None, _one(before.mean) if before else None,
                _one(change.difference) if change else None, _one(change.low) if change else None,
                _one(change.high) if change else None,
            ])  # fmt: skip
    # No round in the user's scope: the same sheet, empty (the page says there is no round).
    suffix = f"-{context['chosen'].pk}" if context["chosen"] else ""
    return xlsx_response(f"skor-modal-sosial{suffix}.xlsx", [(_("Skor"), headers, lines)])


@route("collaboration.view")
def network_view(request):
    """The organisations' network is built from collaboration records (meetings, agreements, projects): it is for
    whoever reads those, not for aggregate viewers."""
    graph = network.build_network(request.user)
    rows = network.centrality_table(graph)
    png = network.network_png(graph, rows)
    context = {
        "rows": rows,
        "picture": png_data_uri(png) if png else None,
        "edges": graph.number_of_edges(),
        "isolated": graph.graph.get("isolated", 0),
    }
    return render(request, "socialcapital/network.html", context)
