"""Forms: field checks only; the rules live in `gotong.casework.services`."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gotong.casework.models import (
    Adherence,
    AssistanceKind,
    AssistanceSource,
    CloseReason,
    Frequency,
    NeedDomain,
    Program,
    Rating,
    ReferralStatus,
    ServiceKind,
)
from gotong.casework.services.cases import case_organizations
from gotong.core.forms import DateInput, PastDateInput, RupiahField, StyledFormMixin
from gotong.core.pickers.fields import PickerField, PickerMultipleField


def _date(label, *, past: bool = False, **kwargs):
    # `past`: what already happened, which the casework services refuse in the future.
    return forms.DateField(label=label, widget=PastDateInput() if past else DateInput(), **kwargs)


def _text(label, rows=2, required=False):
    return forms.CharField(label=label, required=required, widget=forms.Textarea(attrs={"rows": rows}))


class CaseForm(StyledFormMixin, forms.Form):
    program = forms.ChoiceField(label=_("Program"), choices=Program.choices)
    person = PickerField(
        label=_("Penerima manfaat"),
        source="casework.person",
        help_text=_("Cari nama atau NIK (boleh seperti tertulis di KTP); harus terdaftar di registrasi wilayah Anda."),
    )
    whole_household = forms.BooleanField(label=_("Kasus untuk seluruh rumah tangga (mis. PKH)"), required=False)
    summary = forms.CharField(label=_("Ringkasan masalah"), max_length=255)
    opened_reason = _text(_("Alasan kasus dibuka"), required=True)
    opened_on = _date(_("Tanggal dibuka"), initial=timezone.localdate)
    organization = forms.ModelChoiceField(label=_("Lembaga pendamping"), queryset=None, required=False)
    supervisor = PickerField(label=_("Supervisor"), source="casework.colleagues", required=False)
    team = PickerMultipleField(label=_("Anggota tim lain"), source="casework.colleagues", required=False)
    health_condition = _text(_("Kondisi kesehatan (hanya tim yang bisa melihat)"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["organization"].queryset = case_organizations(user).order_by("name")
        # Only whom this user may open a case for, and people working where this user opens cases; the case's own
        # area is checked when it is saved.
        self.fields["person"].bind(user)
        self.fields["supervisor"].bind(user)
        self.fields["team"].bind(user)

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        person = data["person"]
        return {
            "program": data["program"],
            "household": person.household,
            "person": None if data["whole_household"] else person,
            "summary": data["summary"],
            "opened_reason": data["opened_reason"],
            "opened_on": data["opened_on"],
            "organization": data["organization"],
            "supervisor": data["supervisor"],
            "team": list(data["team"]),
            "health_condition": data["health_condition"],
        }


class TeamForm(StyledFormMixin, forms.Form):
    supervisor = PickerField(label=_("Supervisor"), source="casework.team", required=False)
    team = PickerMultipleField(label=_("Anggota tim lain"), source="casework.team", required=False)

    def __init__(self, *args, case, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only people working where the case is: a team member sees the client's health details.
        self.fields["supervisor"].bind(user, case=str(case.public_id))
        self.fields["team"].bind(user, case=str(case.public_id))


class PlanForm(StyledFormMixin, forms.Form):
    frequency = forms.ChoiceField(label=_("Frekuensi"), choices=Frequency.choices, initial=Frequency.MONTHLY)
    interval_days = forms.IntegerField(
        label=_("Setiap berapa hari"), min_value=1, max_value=366, required=False,
        help_text=_("Hanya untuk frekuensi setiap N hari."),
    )  # fmt: skip
    start_on = _date(_("Kunjungan pertama"), initial=timezone.localdate)
    end_on = _date(_("Berakhir (mis. akhir pengobatan)"), required=False)


class SingleVisitForm(StyledFormMixin, forms.Form):
    planned_on = _date(_("Tanggal kunjungan"))
    purpose = forms.CharField(
        label=_("Keperluan"), max_length=200, required=False,
        help_text=_("Mis. antar surat rujukan, cek obat setelah kontrol."),
    )  # fmt: skip


class VisitForm(StyledFormMixin, forms.Form):
    visited_on = _date(_("Tanggal kunjungan"), past=True)
    met_with = forms.CharField(label=_("Bertemu dengan"), max_length=150)
    adherence = forms.ChoiceField(
        label=_("Minum obat sesuai resep?"), choices=Adherence.choices, required=False, widget=forms.RadioSelect
    )
    condition = _text(_("Kondisi"))
    issues = _text(_("Masalah"))
    next_step = _text(_("Langkah berikutnya"))

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        if not case.is_tb:
            del self.fields["adherence"]
        else:
            self.fields["adherence"].widget.attrs["class"] = "form-check-input"


class AssessmentForm(StyledFormMixin, forms.Form):
    assessed_on = _date(_("Tanggal asesmen"), past=True, initial=timezone.localdate)
    note = _text(_("Catatan umum"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for domain in NeedDomain:
            self.fields[f"rating_{domain.value}"] = forms.TypedChoiceField(
                label=domain.label, coerce=int, choices=[("", "—"), *Rating.choices],
                error_messages={"required": _("Beri nilai untuk bidang %(name)s.") % {"name": domain.label}},
            )  # fmt: skip
            self.fields[f"note_{domain.value}"] = forms.CharField(
                label=_("Catatan %(name)s") % {"name": domain.label}, required=False, max_length=500
            )
            self.fields[f"rating_{domain.value}"].widget.attrs["class"] = "form-select"
            self.fields[f"note_{domain.value}"].widget.attrs["class"] = "form-control"

    def domain_rows(self):
        return [(domain, self[f"rating_{domain.value}"], self[f"note_{domain.value}"]) for domain in NeedDomain]

    def ratings(self) -> dict:
        data = self.cleaned_data
        return {d.value: (data[f"rating_{d.value}"], data[f"note_{d.value}"]) for d in NeedDomain}


class AssistanceForm(StyledFormMixin, forms.Form):
    given_on = _date(_("Tanggal diberikan"), past=True, initial=timezone.localdate)
    kind = forms.ChoiceField(label=_("Jenis bantuan"), choices=AssistanceKind.choices)
    value = RupiahField(label=_("Nilai (Rp)"))
    source = forms.ChoiceField(label=_("Sumber"), choices=AssistanceSource.choices)
    source_name = forms.CharField(label=_("Nama sumber (program/mitra)"), max_length=150, required=False)
    description = forms.CharField(label=_("Uraian"), max_length=255, required=False)


class ReferralForm(StyledFormMixin, forms.Form):
    service = forms.ChoiceField(label=_("Layanan"), choices=ServiceKind.choices)
    service_name = forms.CharField(label=_("Nama layanan / instansi"), max_length=150)
    reason = _text(_("Alasan rujukan"), required=True)
    referred_on = _date(_("Tanggal dirujuk"), past=True, initial=timezone.localdate)


class ReferralStatusForm(StyledFormMixin, forms.Form):
    status = forms.ChoiceField(
        label=_("Status baru"), choices=[c for c in ReferralStatus.choices if c[0] != ReferralStatus.REFERRED]
    )
    status_on = _date(_("Tanggal"), past=True, initial=timezone.localdate)
    outcome = _text(_("Hasil / tindak lanjut"))


class CloseForm(StyledFormMixin, forms.Form):
    closed_on = _date(_("Tanggal ditutup"), initial=timezone.localdate)
    reason = forms.ChoiceField(label=_("Alasan ditutup"), choices=[("", "—"), *CloseReason.choices])
    note = _text(_("Catatan penutupan"))


class MonthForm(forms.Form):
    month = forms.CharField(widget=forms.TextInput(attrs={"type": "month"}), required=False)

    def year_month(self, default):
        value = self.data.get("month") or ""
        try:
            year, month = (int(part) for part in value.split("-"))
            if 1 <= month <= 12 and 2000 <= year <= 2100:
                return year, month
        except ValueError:
            pass
        return default.year, default.month
