"""Forms of planning together: a round, a proposal, "jadikan usulan", the choice, and the chosen proposal's project."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gotong.collaboration.forms.edit import ProjectForm, ScopedChoicesMixin
from gotong.core.dates import short_date
from gotong.core.forms import DateInput, RupiahField, StyledFormMixin
from gotong.participation.models import RoundKind


class RoundForm(ScopedChoicesMixin, StyledFormMixin, forms.Form):
    title = forms.CharField(label=_("Judul"), max_length=200, help_text=_("Mis. Prioritas RPLP RW 006 tahun 2027"))
    kind = forms.ChoiceField(label=_("Jenis"), choices=RoundKind.choices)
    area = forms.ModelChoiceField(label=_("Wilayah (RW atau kelurahan)"), queryset=None)
    opens_on = forms.DateField(label=_("Dibuka"), widget=DateInput())
    closes_on = forms.DateField(label=_("Ditutup"), widget=DateInput())
    description = forms.CharField(
        label=_("Keterangan"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )


class ProposalForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=_("Usulan"), max_length=200, help_text=_("Mis. Drainase Gg. Mawar RT 002"))
    description = forms.CharField(
        label=_("Uraian"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )
    meeting = forms.ModelChoiceField(
        label=_("Dari pertemuan forum"),
        queryset=None,
        required=False,
        help_text=_("Isi bila usulan ini keputusan rembug atau pertemuan forum."),
    )

    def __init__(self, *args, meetings=None, **kwargs):
        super().__init__(*args, **kwargs)
        if meetings is None:
            del self.fields["meeting"]
        else:
            self.fields["meeting"].queryset = meetings
            self.fields["meeting"].label_from_instance = lambda m: f"{m.forum.name}, {short_date(m.held_on)}"


class AspirationProposalForm(StyledFormMixin, forms.Form):
    round = forms.ModelChoiceField(label=_("Putaran perencanaan"), queryset=None, empty_label=None)
    title = forms.CharField(
        label=_("Judul usulan"),
        max_length=200,
        help_text=_("Judul usulan terlihat oleh warga dan, bila terpilih, di portal publik: jangan tulis nama orang."),
    )
    description = forms.CharField(
        label=_("Uraian"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )

    def __init__(self, *args, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds
        self.fields["round"].label_from_instance = lambda r: f"{r.title} ({r.area.name})"


class ChooseForm(StyledFormMixin, forms.Form):
    chosen = forms.ModelMultipleChoiceField(
        label=_("Usulan terpilih"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chosen"].queryset = proposals
        self.fields["chosen"].label_from_instance = lambda p: (
            _("%(title)s — %(n)s dukungan")
            % {
                "title": p.title,
                "n": p.support_count,
            }
        )


class ProposalProjectForm(ProjectForm):
    """The collaboration project form, plus an optional action plan the proposal joins as an activity."""

    plan = forms.ModelChoiceField(
        label=_("Masukkan juga ke rencana tindak"),
        queryset=None,
        required=False,
        help_text=_("Usulan menjadi aktivitas rencana tindak ini, terhubung dengan kegiatan fisiknya."),
    )
    activity_budget = RupiahField(label=_("Anggaran aktivitas (Rp)"), required=False, min_value=0)

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["plan"].widget.attrs["class"] = "form-select"
        self.fields["activity_budget"].widget.attrs["class"] = "form-control"

    def service_kwargs(self) -> dict:
        values = super().service_kwargs()
        values.pop("plan", None)
        values.pop("activity_budget", None)
        return values
