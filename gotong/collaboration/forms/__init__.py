from django import forms
from django.utils.translation import gettext_lazy as _

from gotong.collaboration.models import CommitmentStatus
from gotong.core.forms import DateInput, StyledFormMixin


class CommitmentStatusForm(StyledFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=CommitmentStatus.choices)
    done_on = forms.DateField(
        label=_("Tanggal selesai"),
        required=False,
        widget=DateInput(),
        help_text=_("Wajib bila status selesai; kosongkan untuk status lain."),
    )
    evidence = forms.CharField(
        label=_("Bukti"), required=False, widget=forms.Textarea(attrs={"rows": 2}), help_text=_("Mis. nomor BAST, foto")
    )

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {"status": data["status"], "done_on": data["done_on"], "evidence": data["evidence"]}
