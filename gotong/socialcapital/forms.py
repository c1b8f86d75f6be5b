"""Forms: a survey round, and one household's answers as a single page of radio buttons."""

import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gotong.core.forms import DateInput, StyledFormMixin
from gotong.socialcapital.models import LIKERT_LABELS, Dimension, QuestionKind


class RoundForm(StyledFormMixin, forms.Form):
    instrument = forms.ModelChoiceField(label=_("Instrumen"), queryset=None)
    name = forms.CharField(label=_("Nama putaran"), max_length=120, help_text=_("Mis. Survei modal sosial 2026"))
    area = forms.ModelChoiceField(label=_("Wilayah survei"), queryset=None)
    starts_on = forms.DateField(label=_("Mulai"), widget=DateInput())
    ends_on = forms.DateField(label=_("Selesai"), widget=DateInput())

    def __init__(self, *args, instruments, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instrument"].queryset = instruments
        self.fields["area"].queryset = areas
        self.fields["area"].label_from_instance = lambda area: f"{area.name} ({area.code})"

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("Tanggal selesai tidak boleh sebelum tanggal mulai."))
        return data


class ResponseForm(forms.Form):
    """Field `q_<id>` per question; `submission_id` is drawn when the page is shown so a resend is recognised."""

    submission_id = forms.UUIDField(widget=forms.HiddenInput)
    answered_on = forms.DateField(
        label=_("Tanggal wawancara"), widget=DateInput(attrs={"class": "form-control"}), initial=timezone.localdate
    )

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        if not self.is_bound:
            self.initial.setdefault("submission_id", uuid.uuid4())
        for question in self.questions:
            if question.kind == QuestionKind.LIKERT:
                choices = [(str(value), f"{value} – {label}") for value, label in LIKERT_LABELS.items()]
            else:
                choices = [(str(choice.pk), choice.label) for choice in question.choices.all()]
            self.fields[f"q_{question.pk}"] = forms.ChoiceField(
                label=f"{question.number}. {question.text}",
                choices=choices,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                error_messages={"required": _("Pilih salah satu jawaban.")},
            )

    def groups(self):
        """Questions by dimension, in the instrument's order, for the page's headings."""
        labels = dict(Dimension.choices)
        result: dict[str, list] = {}
        for question in self.questions:
            result.setdefault(question.dimension, []).append((question, self[f"q_{question.pk}"]))
        return [(labels[dim], rows) for dim, rows in result.items()]

    def answers(self) -> dict[int, str]:
        return {q.pk: self.cleaned_data[f"q_{q.pk}"] for q in self.questions}
