"""Form helpers shared by every module."""

from django import forms

from gotong.core.money import parse_rupiah


class DateInput(forms.DateInput):
    """The phone's own date picker; the ISO value is what `<input type="date">` sends and expects."""

    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class StyledFormMixin:
    """Give widgets Bootstrap's classes so templates can render `{{ field }}` as is."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select | forms.SelectMultiple):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()

    def full_clean(self):
        super().full_clean()
        # Mark invalid fields so Bootstrap shows them in red.
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid"


class RupiahField(forms.IntegerField):
    """Whole rupiah typed the Indonesian way: "150000", "150.000" or "Rp 150.000" (no sen)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 10**12)  # a trillion rupiah: anything larger is a typo
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int):
            return value
        return parse_rupiah(value)


def add_service_errors(form: forms.Form, error, *, field_for=None) -> None:
    """Put a service's ValidationError on the form: on the field it names (`field_for` maps a service's key to a
    form field), else at the top; a field that already shows its own error is not told twice."""
    from django.core.exceptions import NON_FIELD_ERRORS

    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for key, messages in error.message_dict.items():
        name = field_for(key) if field_for else key
        if key == NON_FIELD_ERRORS or name not in form.fields:
            name = None
        if name is not None and name in form.errors:
            continue
        form.add_error(name, messages)
