"""Form helpers shared by every module."""

from django import forms
from django.utils import timezone

from gotong.core.money import parse_rupiah
from gotong.core.numbers import format_decimal, parse_decimal


class DateInput(forms.DateInput):
    """The phone's own date picker; the ISO value is what `<input type="date">` sends and expects."""

    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class PastDateInput(DateInput):
    """The date of something that already happened (a weighing, a visit, a payment): the picker stops at today in
    the server's time zone (Asia/Jakarta), the day `gotong.core.validation.not_in_future` holds every path to.
    Read at each render, so a page served after midnight offers the new day."""

    def get_context(self, name, value, attrs):
        return super().get_context(name, value, {**(attrs or {}), "max": timezone.localdate().isoformat()})


class DecimalInput(forms.TextInput):
    """A text box, not `type=number`: a number box drops or misreads the Indonesian decimal comma ("3,2" became
    32), while `inputmode="decimal"` still gives phones a numeric keypad with the comma. Values are shown back the
    Indonesian way ("3,2")."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, str):
            return value or None  # what the user typed is shown back as typed
        return format_decimal(value) or None


class IndonesianNumberMixin:
    """`to_python` of a Decimal/FloatField through `gotong.core.numbers.parse_decimal` (comma, thousands dots)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        default = forms.DecimalField.default_error_messages["invalid"]
        custom = self.error_messages.get("invalid")
        try:
            # A field holding three or more decimals (coordinates, grams) reads "104.449" as a decimal point.
            places = getattr(self, "decimal_places", None)
            thousands = places is None or places < 3
            number = parse_decimal(value.strip() if isinstance(value, str) else value, thousands=thousands)
        except forms.ValidationError:
            if custom and str(custom) not in (str(default), str(forms.FloatField.default_error_messages["invalid"])):
                raise forms.ValidationError(custom, code="invalid") from None
            raise
        return float(number) if isinstance(self, forms.FloatField) else number


_INDONESIAN_CLASSES: dict[type, type] = {}


def accept_decimal_comma(field: forms.Field) -> forms.Field:
    """Make a form's Decimal/FloatField read "3,2" as 3.2 and render as a text box with a decimal keypad.

    `StyledFormMixin` calls this on every field, so every form of the project (plain and ModelForm) gets it once,
    centrally; a field built elsewhere can be passed through it too."""
    if not isinstance(field, forms.DecimalField | forms.FloatField) or isinstance(field, IndonesianNumberMixin):
        return field
    cls = type(field)
    if cls not in _INDONESIAN_CLASSES:
        _INDONESIAN_CLASSES[cls] = type(f"Indonesian{cls.__name__}", (IndonesianNumberMixin, cls), {})
    field.__class__ = _INDONESIAN_CLASSES[cls]
    if field.widget.is_hidden:
        return field
    attrs = {key: value for key, value in field.widget.attrs.items() if key not in ("step", "min", "max", "type")}
    field.widget = DecimalInput(attrs)
    field.widget.is_required = field.required
    return field


class StyledFormMixin:
    """Give widgets Bootstrap's classes so templates can render `{{ field }}` as is; decimal inputs accept
    the Indonesian comma (see `accept_decimal_comma`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            accept_decimal_comma(field)
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput | forms.RadioSelect):  # CheckboxSelectMultiple is a RadioSelect
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

    def add_error(self, field, error):
        super().add_error(field, error)
        # Django names no error text for the buttons of a radio or checkbox group (they sit in a fieldset, also
        # when a service refuses the choice after cleaning): point each at the error text shown for the group.
        for name in self.errors:
            if name in self.fields and isinstance(self.fields[name].widget, forms.RadioSelect):
                bound = self[name]
                ids = [f"{bound.auto_id}_helptext"] if bound.help_text else []
                self.fields[name].widget.attrs["aria-describedby"] = " ".join([*ids, f"{bound.auto_id}_error"])


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
