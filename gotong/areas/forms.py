import re

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from gotong.accounts.models import User
from gotong.areas.access import reach_codes
from gotong.areas.models import Area
from gotong.areas.services import assignable_users, search_areas
from gotong.core.area_codes import code_inside
from gotong.core.forms import StyledFormMixin
from gotong.core.policy import can

_CODE = re.compile(r"^\d{2}(\.\d+)*$")


def _number_field(label, required=True):
    # Lazy so the message follows the language of each request.
    out_of_range = format_lazy(_("Nomor {unit} harus antara 1 dan 999."), unit=label)
    messages = {
        "required": format_lazy(_("Nomor {unit} wajib diisi."), unit=label),
        "invalid": format_lazy(_("Nomor {unit} harus berupa angka bulat."), unit=label),
        "min_value": out_of_range,
        "max_value": out_of_range,
    }
    return forms.IntegerField(label=label, required=required, min_value=1, max_value=999, error_messages=messages)


class NeighbourhoodUnitForm(StyledFormMixin, forms.Form):
    rw = _number_field("RW")
    rt = _number_field("RT", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rt"].help_text = _("Kosongkan untuk menambah RW saja.")
        for field in self.fields.values():
            field.widget.attrs.update(inputmode="numeric")


class AssignmentForm(StyledFormMixin, forms.Form):
    user = forms.ModelChoiceField(
        label=_("Pengguna"),
        queryset=User.objects.none(),
        error_messages={"invalid_choice": _("Pengguna ini tidak bisa diberi wilayah kerja.")},
    )
    area = forms.CharField(
        label=_("Wilayah (kode atau nama)"),
        max_length=120,
        help_text=_("Contoh: 21.72.03.1005 atau Kampung Bugis"),
    )

    def __init__(self, *args, acting_user, **kwargs):
        super().__init__(*args, **kwargs)
        self.acting_user = acting_user
        # Only whom the officer may assign is listed, and a posted id outside that list is refused (invalid_choice).
        self.fields["user"].queryset = assignable_users(acting_user)
        self.fields["user"].label_from_instance = user_label
        self.fields["area"].widget.attrs.update(autocomplete="off", list="area-options")

    def clean_area(self) -> Area:
        text = self.cleaned_data["area"].strip()
        codes = reach_codes(self.acting_user, "areas.assign")
        if _CODE.match(text):
            area = Area.objects.filter(code=text).first()
            if area is None:
                raise forms.ValidationError(_("Kode wilayah %(code)s tidak dikenal.") % {"code": text})
        else:
            # A name is accepted when it points at exactly one area inside the officer's scope.
            within = codes[0] if codes and len(codes) == 1 else None
            found = [a for a in search_areas(text, within=within, limit=50) if code_inside(a.code, codes)]
            if not found:
                raise forms.ValidationError(
                    _("Tidak ada wilayah bernama “%(text)s” dalam wilayah kerja Anda.") % {"text": text}
                )
            if len(found) > 1:
                names = ", ".join(f"{a.name} ({a.code})" for a in found[:5])
                raise forms.ValidationError(_("Beberapa wilayah cocok: %(names)s. Ketik kodenya.") % {"names": names})
            area = found[0]
        if not can(self.acting_user, "areas.assign", area):
            raise forms.ValidationError(
                _("%(name)s (%(code)s) di luar wilayah kerja Anda.") % {"name": area.name, "code": area.code}
            )
        return area


def user_label(user) -> str:
    name = user.get_full_name() or user.username
    return f"{name} ({user.username}) · {user.get_role_display()}"
