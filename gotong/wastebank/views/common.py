"""What the waste-bank views share: the route targets, and the bank of a URL as the user sees it."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from gotong.core.area_codes import city_code
from gotong.core.policy.routes import RecordLoader
from gotong.wastebank.models import CashIn, Deposit, Sale, WasteBank, Withdrawal

# The bank named by the URL's `bank_id`, loaded without scope: the route's policy answers 404 or 403.
BANK = RecordLoader(WasteBank, "pk", kwarg="bank_id")

# The receipts' URL names the kind of record in Indonesian.
RECORD_KINDS = {"setoran": Deposit, "penarikan": Withdrawal, "penjualan": Sale, "kas-masuk": CashIn}


class BankRecordLoader:
    """`target=` of `catatan/<kind>/<public_id>/`: the deposit, withdrawal, sale or cash-in the URL names."""

    def __call__(self, **kwargs):
        model = RECORD_KINDS.get(kwargs["kind"])
        if model is None:
            raise Http404
        return get_object_or_404(model._default_manager, public_id=kwargs["public_id"])

    def samples(self):
        """One record of each kind per city."""
        for kind, model in RECORD_KINDS.items():
            seen = set()
            for area_code, public_id in model._default_manager.order_by("pk").values_list("area_code", "public_id"):
                city = city_code(area_code)
                if city not in seen:
                    seen.add(city)
                    yield {"kind": kind, "public_id": public_id}


def visible_bank(request, bank_id) -> WasteBank:
    return get_object_or_404(WasteBank.objects.visible_to(request.user).select_related("organization"), pk=bank_id)
