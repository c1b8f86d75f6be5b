"""Targets, action plans, activities and their progress; project photos and the data-sharing register."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gotong.collaboration.forms.edit import ScopedChoicesMixin
from gotong.collaboration.models import ActivityStatus, Indicator, LegalBasis, PhotoStage
from gotong.core.forms import DateInput, RupiahField, StyledFormMixin


class TargetForm(ScopedChoicesMixin, StyledFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Sasaran"), max_length=200, help_text=_("Mis. 0 ha kumuh di Kampung Bugis pada 2027")
    )
    area = forms.ModelChoiceField(label=_("Wilayah"), queryset=None)
    indicator = forms.ChoiceField(label=_("Indikator"), choices=Indicator.choices)
    location = forms.ModelChoiceField(
        label=_("Lokasi kumuh"), queryset=None, required=False, help_text=_("Wajib untuk indikator luas kumuh.")
    )
    unit = forms.CharField(label=_("Satuan"), max_length=20, required=False, help_text=_("Mis. ha, %"))
    baseline_value = forms.DecimalField(label=_("Nilai awal"), max_digits=12, decimal_places=2)
    baseline_year = forms.IntegerField(label=_("Tahun nilai awal"), min_value=2000, max_value=2100)
    target_value = forms.DecimalField(label=_("Nilai sasaran"), max_digits=12, decimal_places=2)
    target_year = forms.IntegerField(label=_("Tahun sasaran"), min_value=2000, max_value=2100)
    reported_value = forms.DecimalField(
        label=_("Nilai terakhir"),
        max_digits=12,
        decimal_places=2,
        required=False,
        help_text=_("Untuk indikator selain luas kumuh (yang dihitung dari penilaian terakhir)."),
    )
    reported_on = forms.DateField(label=_("Tanggal nilai terakhir"), required=False, widget=DateInput())

    def __init__(self, *args, locations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = locations


class ActionPlanForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=_("Judul rencana tindak"), max_length=200)
    start_year = forms.IntegerField(label=_("Tahun mulai"), min_value=2000, max_value=2100)
    end_year = forms.IntegerField(label=_("Tahun selesai"), min_value=2000, max_value=2100)
    approved_at = forms.ModelChoiceField(label=_("Disetujui pada pertemuan"), queryset=None, required=False)

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approved_at"].queryset = meetings
        self.fields["approved_at"].label_from_instance = lambda m: f"{m.forum.name}, {m.held_on:%d-%m-%Y}"


class ActivityForm(StyledFormMixin, forms.Form):
    what = forms.CharField(label=_("Aktivitas"), max_length=250)
    parent = forms.ModelChoiceField(label=_("Bagian dari"), queryset=None, required=False)
    organization = forms.ModelChoiceField(label=_("Pelaksana"), queryset=None, required=False)
    starts_on = forms.DateField(label=_("Mulai"), required=False, widget=DateInput())
    ends_on = forms.DateField(label=_("Selesai"), required=False, widget=DateInput())
    budget_rupiah = RupiahField(label=_("Anggaran (Rp)"), min_value=0, initial=0)
    weight = forms.IntegerField(label=_("Bobot"), min_value=1, max_value=100, initial=1)
    projects = forms.ModelMultipleChoiceField(label=_("Kegiatan fisik terkait"), queryset=None, required=False)

    def __init__(self, *args, parents, organizations, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = parents
        self.fields["organization"].queryset = organizations
        self.fields["projects"].queryset = projects


class ProgressForm(StyledFormMixin, forms.Form):
    on = forms.DateField(label=_("Tanggal"), initial=timezone.localdate, widget=DateInput())
    status = forms.ChoiceField(label=_("Status"), choices=ActivityStatus.choices)
    progress = forms.IntegerField(label=_("Kemajuan (%)"), min_value=0, max_value=100)
    note = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class PhotoForm(StyledFormMixin, forms.Form):
    # A FileField, not ImageField: the service checks the image itself and gives one clear message.
    image = forms.FileField(label=_("Foto"), help_text=_("JPEG, PNG atau WebP, maksimal 8 MB."))
    stage = forms.ChoiceField(label=_("Tahap"), choices=PhotoStage.choices)
    taken_on = forms.DateField(label=_("Tanggal foto"), initial=timezone.localdate, widget=DateInput())
    caption = forms.CharField(label=_("Keterangan"), max_length=250, required=False)


class CommitmentEvidenceForm(StyledFormMixin, forms.Form):
    # A FileField: the service recognises a photo or a PDF by its content and gives one clear message.
    file = forms.FileField(
        label=_("Berkas bukti"), help_text=_("Foto (JPEG, PNG, WebP) atau PDF, maksimal 8 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,application/pdf"}),
    )  # fmt: skip
    caption = forms.CharField(label=_("Keterangan"), max_length=250, required=False)


class DataSharingForm(ScopedChoicesMixin, StyledFormMixin, forms.Form):
    org_fields = ("provider", "recipient")
    dataset = forms.CharField(label=_("Data yang dibagikan"), max_length=200)
    area = forms.ModelChoiceField(label=_("Wilayah data"), queryset=None)
    provider = forms.ModelChoiceField(label=_("Pemberi data"), queryset=None)
    recipient = forms.ModelChoiceField(label=_("Penerima data"), queryset=None)
    shared_on = forms.DateField(label=_("Tanggal"), initial=timezone.localdate, widget=DateInput())
    purpose = forms.CharField(label=_("Tujuan"), widget=forms.Textarea(attrs={"rows": 2}))
    legal_basis = forms.ChoiceField(label=_("Dasar pemrosesan (UU PDP)"), choices=LegalBasis.choices)
    contains_personal_data = forms.BooleanField(
        label=_("Berisi data pribadi (mis. NIK, nama, kesehatan)"), required=False
    )
    note = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
