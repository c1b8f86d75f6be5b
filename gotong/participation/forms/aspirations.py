"""Forms of the aspiration pages: raise one (for oneself or a resident), answer it, report or review a public text."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gotong.areas.models import Area
from gotong.core.area_codes import village_code
from gotong.core.forms import DateInput, StyledFormMixin
from gotong.core.pickers.fields import PickerField
from gotong.core.policy.decide import reaches
from gotong.participation.models import AspirationCategory, AspirationStatus
from gotong.participation.services.aspirations import raisable_rts


def speaks_for_others(user) -> bool:
    reached = reaches(user, "participation.raise")
    return bool(reached.everything or reached.area_codes or reached.organization_area_codes)


def rt_label(rt: Area, village_names: dict[str, str]) -> str:
    """ "RT 002 / RW 006 · Kampung Bugis": an RT's own name is only its number."""
    parts = rt.code.split(".")
    village = village_names.get(village_code(rt.code), "")
    return f"RT {parts[-1]} / RW {parts[-2]} · {village}".rstrip(" ·")


class RtChoiceField(forms.ModelChoiceField):
    village_names: dict[str, str] = {}

    def label_from_instance(self, obj):
        return rt_label(obj, self.village_names)


class AspirationForm(StyledFormMixin, forms.Form):
    raised_for = PickerField(
        label=_("Warga yang menyampaikan"),
        source="participation.resident",
        required=False,
        help_text=_("Untuk warga tanpa HP. Kosongkan bila aspirasi dari RT/komunitas."),
    )
    category = forms.ChoiceField(label=_("Kategori"), choices=[("", _("— pilih —")), *AspirationCategory.choices])
    area = RtChoiceField(
        label=_("RT"),
        queryset=Area.objects.none(),
        required=False,
        empty_label=_("RT rumah tangga warga"),
    )
    text = forms.CharField(label=_("Isi aspirasi atau pengaduan"), widget=forms.Textarea(attrs={"rows": 5}))
    photo = forms.ImageField(label=_("Foto (boleh kosong)"), required=False)
    is_public = forms.TypedChoiceField(
        label=_("Siapa yang boleh membaca"),
        choices=[
            ("1", _("Terbuka: warga kelurahan melihat isi dan statusnya, tanpa nama Anda")),
            ("0", _("Tertutup: hanya petugas yang menangani")),
        ],
        coerce=lambda value: value == "1",
        initial="1",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        rts = raisable_rts(user)
        self.fields["area"].queryset = rts
        villages = {village_code(code) for code in rts.values_list("code", flat=True)}
        self.fields["area"].village_names = dict(Area.objects.filter(code__in=villages).values_list("code", "name"))
        if speaks_for_others(user):
            self.fields["raised_for"].bind(user)
        else:
            del self.fields["raised_for"]
            if user.person_id and user.person.household_id:
                self.fields["area"].initial = user.person.household.area_id
                self.fields["area"].empty_label = None


class AnswerForm(StyledFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status sesudah jawaban ini"), choices=AspirationStatus.choices)
    text = forms.CharField(
        label=_("Jawaban / tindak lanjut"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Bila ditolak, tuliskan alasannya."),
    )
    answered_on = forms.DateField(label=_("Tanggal"), widget=DateInput())

    def __init__(self, *args, aspiration, **kwargs):
        super().__init__(*args, **kwargs)
        from gotong.participation.services.aspirations import NEXT_STATUSES

        allowed = NEXT_STATUSES[aspiration.status] - {AspirationStatus.RECEIVED}
        self.fields["status"].choices = [(v, label) for v, label in AspirationStatus.choices if v in allowed]
        self.fields["answered_on"].initial = timezone.localdate()


class ReportForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Alasan (boleh kosong)"), max_length=200, required=False)


class ReviewForm(forms.Form):
    keep_shown = forms.TypedChoiceField(
        choices=[("1", _("Tampilkan lagi")), ("0", _("Sembunyikan"))], coerce=lambda value: value == "1"
    )
