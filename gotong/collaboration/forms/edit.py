"""Create/edit forms for agreements, commitments, projects (with a budget line per source) and forums."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gotong.collaboration.models import AgreementKind, BudgetSource, ForumKind, ProjectKind, ProjectStatus
from gotong.core.forms import DateInput, RupiahField, StyledFormMixin
from gotong.organizations.choices import PARTNER_KINDS
from gotong.organizations.models import Organization


def area_label(area) -> str:
    parent = f", {area.parent.name}" if area.parent_id else ""
    return f"{area.name}{parent} ({area.code})"


def org_field(label, required=True, multiple=False):
    field_class = forms.ModelMultipleChoiceField if multiple else forms.ModelChoiceField
    return field_class(label=label, queryset=None, required=required)


class ScopedChoicesMixin:
    """Fill area and organisation choices from the acting user's scope (given by the view)."""

    area_fields = ("area",)
    org_fields = ()

    def __init__(self, *args, areas=None, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.area_fields:
            self.fields[name].queryset = areas
            self.fields[name].label_from_instance = area_label
        for name in self.org_fields:
            self.fields[name].queryset = organizations
            if isinstance(self.fields[name].widget, forms.SelectMultiple):
                self.fields[name].widget.attrs["size"] = 6


class AgreementForm(ScopedChoicesMixin, StyledFormMixin, forms.Form):
    org_fields = ("parties",)
    title = forms.CharField(label=_("Judul"), max_length=200)
    kind = forms.ChoiceField(label=_("Jenis"), choices=AgreementKind.choices)
    signed_on = forms.DateField(label=_("Tanggal ditandatangani"), widget=DateInput())
    area = forms.ModelChoiceField(label=_("Wilayah"), queryset=None)
    parties = org_field(_("Para pihak"), multiple=True)
    document_note = forms.CharField(
        label=_("Catatan dokumen"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class CommitmentForm(StyledFormMixin, forms.Form):
    actor = forms.ModelChoiceField(label=_("Pelaku"), queryset=None)
    what = forms.CharField(label=_("Komitmen"), widget=forms.Textarea(attrs={"rows": 2}))
    due_on = forms.DateField(label=_("Tenggat"), widget=DateInput())

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = agreement.parties.all()


def budget_field_name(source: str) -> str:
    return f"budget_{source}"


class ProjectForm(ScopedChoicesMixin, StyledFormMixin, forms.Form):
    org_fields = ("executor", "coordinator")
    name = forms.CharField(label=_("Nama kegiatan"), max_length=200)
    kind = forms.ChoiceField(label=_("Jenis"), choices=ProjectKind.choices)
    area = forms.ModelChoiceField(label=_("Lokasi (kelurahan/RW/RT)"), queryset=None)
    volume = forms.DecimalField(label=_("Volume"), max_digits=12, decimal_places=2, min_value=0.01)
    unit = forms.CharField(label=_("Satuan"), max_length=20, help_text=_("Mis. m, unit, m²"))
    year = forms.IntegerField(
        label=_("Tahun"), min_value=2000, max_value=2100, initial=lambda: timezone.localdate().year
    )
    status = forms.ChoiceField(label=_("Status"), choices=ProjectStatus.choices)
    executor = org_field(_("Pelaksana"), required=False)
    coordinator = org_field(_("Koordinator"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for source in BudgetSource:
            self.fields[budget_field_name(source)] = RupiahField(
                label=_("Anggaran %(source)s (Rp)") % {"source": source.label}, required=False, min_value=0
            )
        self.fields["csr_funder"] = forms.ModelChoiceField(
            label=_("Pemberi dana CSR"),
            queryset=Organization.objects.filter(kind__in=PARTNER_KINDS).order_by("name"),
            required=False,
            help_text=_("Mitra yang membiayai anggaran CSR; kontribusinya tampil di beranda mitra."),
        )
        self.fields["csr_funder"].widget.attrs["class"] = "form-select"

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        budgets = {}
        for source in BudgetSource.values:
            amount = data.pop(budget_field_name(source), None)
            if amount:
                budgets[source] = amount
        return {**data, "budgets": budgets}


class ForumForm(ScopedChoicesMixin, StyledFormMixin, forms.Form):
    org_fields = ("convener", "members")
    name = forms.CharField(label=_("Nama forum"), max_length=200)
    kind = forms.ChoiceField(label=_("Sifat"), choices=ForumKind.choices)
    area = forms.ModelChoiceField(label=_("Wilayah"), queryset=None)
    convener = org_field(_("Penyelenggara"), required=False)
    members = org_field(_("Anggota forum"), required=False, multiple=True)
    meetings_per_year = forms.IntegerField(
        label=_("Rencana pertemuan per tahun"),
        required=False,
        min_value=1,
        max_value=366,
        help_text=_("Untuk forum rutin, mis. 12 bila bertemu tiap bulan; dasar ukuran kesehatan kolaborasi."),
    )
    description = forms.CharField(label=_("Keterangan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
