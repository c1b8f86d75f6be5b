"""Partnership pages: the list and one page per partnership (what the partner gave, what the community gave back,
by year), and the form where the community records its reciprocity. Rules: `partnerships.view` / `.record`."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from gotong.collaboration.forms.reciprocity import ReciprocityForm
from gotong.collaboration.models import Partnership
from gotong.collaboration.services.reciprocity import (
    may_record_for,
    partnership_balance,
    partnership_balances,
    record_reciprocity,
)
from gotong.collaboration.views.common import save_or_errors
from gotong.core.policy import may_somewhere
from gotong.core.policy.routes import by, route
from gotong.organizations.choices import PARTNER_KINDS
from gotong.organizations.models import Organization

VIEW = "partnerships.view"
RECORD = "partnerships.record"


@route(VIEW)
def partnership_list(request):
    partnerships = Partnership.objects.visible_to(request.user).select_related("partner", "community")
    # Residents counted exactly only for those who keep the community's records; everyone else reads the
    # small-count rule's figures.
    balances = partnership_balances(partnerships, exact_for=lambda p: may_record_for(request.user, p.community))
    context = {"balances": balances, "may_record": may_somewhere(request.user, RECORD)}
    return render(request, "collaboration/partnership_list.html", context)


@route(VIEW, target=by(Partnership))
def partnership_detail(request, pk):
    partnership = get_object_or_404(
        Partnership.objects.visible_to(request.user).select_related("partner", "community__area"), pk=pk
    )
    exact = may_record_for(request.user, partnership.community)
    context = {
        "partnership": partnership,
        "b": partnership_balance(partnership, exact=exact),
        "may_record": exact,
        # The records' own words are the community's: shown to those who keep them, not to aggregate readers.
        "records": partnership.reciprocities.select_related("recorded_by")[:100] if exact else [],
    }
    return render(request, "collaboration/partnership_detail.html", context)


@route(RECORD, post=RECORD)
def reciprocity_create(request):
    communities = Organization.objects.reached_by(request.user, RECORD).exclude(kind__in=PARTNER_KINDS).order_by("name")
    partners = Organization.objects.filter(kind__in=PARTNER_KINDS).order_by("name")
    initial = {}
    for key, name in (("komunitas", "community"), ("mitra", "partner")):
        value = request.GET.get(key, "")
        if value.isdigit():
            initial[name] = int(value)
    form = ReciprocityForm(request.POST or None, initial=initial, communities=communities, partners=partners)

    def call():
        return record_reciprocity(**form.cleaned_data, acting_user=request.user)

    done = save_or_errors(
        request,
        form,
        call,
        lambda r: (
            _("Timbal balik %(community)s kepada %(partner)s tersimpan.")
            % {"community": r.partnership.community.name, "partner": r.partnership.partner.name}
        ),
        lambda r: ("collaboration:partnership-detail", r.partnership_id),
    )
    back = reverse("collaboration:partnership-list")
    return done or render(
        request,
        "collaboration/form.html",
        {
            "form": form,
            "title": _("Catat timbal balik kepada mitra"),
            "subtitle": _(
                "Apa yang diberikan komunitas kepada mitranya: rekening dibuka, pinjaman diambil, acara "
                "diselenggarakan, produk dipasok, nama mitra dipromosikan."
            ),
            "back_url": back,
        },
    )
