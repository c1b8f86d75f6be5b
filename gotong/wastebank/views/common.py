from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from gotong.wastebank.access import can_record
from gotong.wastebank.models import WasteBank


def visible_bank(request, bank_id) -> WasteBank:
    return get_object_or_404(WasteBank.objects.visible_to(request.user).select_related("organization"), pk=bank_id)


def recording_bank(request, bank_id) -> WasteBank:
    bank = visible_bank(request, bank_id)
    if not can_record(request.user, bank):
        raise PermissionDenied
    return bank
