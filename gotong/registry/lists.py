"""The household list as one function the page and its XLSX/CSV export both call (same scope, filters, order)."""

from django.utils.translation import gettext_lazy as _

from gotong.exports.specs import INT, Column, ListExport, register
from gotong.registry.models import Household
from gotong.registry.nik import mask_family_card_number, mask_nik


def household_rows(user, filters):
    households = Household.objects.visible_to(user).select_related("area", "area__parent")
    if filters.get("wilayah"):
        households = households.in_area(filters["wilayah"])
    if str(filters.get("desil", "")).isdigit():
        households = households.filter(welfare_decile=int(filters["desil"]))
    if filters.get("pkh") == "1":
        households = households.filter(pkh_recipient=True)
    if filters.get("bpnt") == "1":
        households = households.filter(bpnt_recipient=True)
    households = households.search(filters.get("q", ""))
    return households.with_head_and_size(head_fields=("name", "nik")).order_by("area_code", "family_card_number", "pk")


def _yes(value: bool) -> str:
    return "ya" if value else ""


def _area_name(h: dict) -> str:
    return f"{h['area__parent__name']} {h['area__name']}" if h["area__parent__name"] else h["area__name"]


register(
    ListExport(
        key="registry.households",
        title=_("Rumah tangga"),
        filename="rumah-tangga",
        rows=household_rows,
        # Rows are plain dicts of these values (`ListExport.values`): a city's export builds no model instances.
        values=(
            "head_name",
            "head_nik",
            "family_card_number",
            "address",
            "area_code",
            "area__name",
            "area__parent__name",
            "welfare_decile",
            "pkh_recipient",
            "bpnt_recipient",
            "member_count",
        ),
        columns=[
            Column(_("Kepala keluarga"), lambda h: h["head_name"] or ""),
            # masked, as in the list
            Column(_("NIK"), lambda h: mask_nik(h["head_nik"]) if h["head_name"] else ""),
            Column(_("Nomor KK"), lambda h: mask_family_card_number(h["family_card_number"])),
            Column(_("Alamat"), lambda h: h["address"]),
            Column(_("Kode wilayah"), lambda h: h["area_code"]),
            Column(_("Wilayah"), _area_name),
            Column(_("Desil"), lambda h: h["welfare_decile"], INT),
            Column(_("PKH"), lambda h: _yes(h["pkh_recipient"])),
            Column(_("BPNT"), lambda h: _yes(h["bpnt_recipient"])),
            Column(_("Anggota"), lambda h: h["member_count"], INT),
        ],
    )  # fmt: skip
)
