"""The picker as a form field: a search box that lists matches (htmx) and a hidden input holding the chosen record's
public id (an account's username).

    person = PersonPickerField(label=_("Penerima manfaat"), source="casework.open")
    ...
    self.fields["person"].bind(user)                      # in the form's __init__
    self.fields["participant"].bind(user, area=meeting.area_code)

The field accepts only a record of the source's list for this user (a posted id outside it is "not found"). Without
JavaScript the search box is sent as typed: one match is taken, several are shown as radio buttons to choose from,
none is a clear error. A KTP's spaced NIK ("1271 0123 4567 0001") is read as the NIK.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gotong.core.pickers import describe, search
from gotong.core.pickers.sources import HOUSEHOLD, ORGANIZATION, PERSON, USER, get_source, sign

SEARCH_SUFFIX = "__cari"

PERSON_HINT = _("Ketik nama (boleh sebagian, tambahkan RT untuk mempersempit) atau NIK; pilih dari daftar.")

KINDS = {
    PERSON: {
        "url": "pickers:persons",
        "search": search.search_persons,
        "describe": describe.person_choice,
        "field": "public_id",
        "placeholder": _("Ketik nama atau NIK, mis. Aisyah RT 3"),
        "hint": PERSON_HINT,
    },
    HOUSEHOLD: {
        "url": "pickers:households",
        "search": search.search_households,
        "describe": describe.household_choice,
        "field": "public_id",
        "placeholder": _("Ketik nama anggota keluarga, nomor KK atau NIK"),
        "hint": PERSON_HINT,
    },
    USER: {
        "url": "pickers:users",
        "search": search.search_users,
        "describe": describe.user_choice,
        "field": "username",
        "placeholder": _("Ketik nama pengguna"),
        "hint": PERSON_HINT,
    },
    ORGANIZATION: {
        "url": "pickers:organizations",
        "search": search.search_organizations,
        "describe": describe.organization_choice,
        "field": "pk",
        "placeholder": _("Ketik nama, mis. Melati"),
        "hint": _("Ketik sebagian nama (sedikitnya 2 huruf); pilih dari daftar."),
    },
}


def searchable(kind: str, text: str) -> bool:
    """Whether `text` is enough to search with: accounts and organisations take any word, persons and households
    2 letters of a name or 4 digits of a NIK/KK."""
    if kind in (USER, ORGANIZATION):
        return True
    return search.parse(text).searchable


class SearchText(str):
    """What was typed in the search box when no choice was made (no JavaScript, or Enter pressed too early)."""


class PickerWidget(forms.Widget):
    template_name = "core/pickers/widget.html"
    allow_multiple_selected = False

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.search_url = ""
        self.kind = PERSON
        self.queryset = None
        self.candidates: list[describe.Choice] = []

    def use_required_attribute(self, initial):
        # The search box is empty once a choice is made (held in the hidden input): a `required` on it would stop
        # the browser from sending a complete form. The server says what is missing.
        return False

    def value_from_datadict(self, data, files, name):
        values = [v for v in data.getlist(name) if v] if hasattr(data, "getlist") else [data.get(name)]
        values = [v for v in values if v]
        typed = (data.get(name + SEARCH_SUFFIX) or "").strip()
        if typed:
            values.append(SearchText(typed))
        if self.allow_multiple_selected:
            return values
        # A choice made wins over leftover text in the box.
        chosen = [v for v in values if not isinstance(v, SearchText)]
        return (chosen or values or [None])[0]

    def value_omitted_from_data(self, data, files, name):
        return name not in data and (name + SEARCH_SUFFIX) not in data

    def chosen(self, value) -> list[describe.Choice]:
        values = value if isinstance(value, list | tuple) else [value]
        keys = [str(v) for v in values if v and not isinstance(v, SearchText)]
        if not keys or self.queryset is None:
            return []
        spec = KINDS[self.kind]
        try:
            rows = list(search_ready(self.queryset, self.kind).filter(**{f"{spec['field']}__in": keys}))
        except (ValueError, ValidationError):
            return []
        return [spec["describe"](row) for row in rows]

    def format_value(self, value):
        return value

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        typed = ""
        values = value if isinstance(value, list | tuple) else [value]
        for item in values:
            if isinstance(item, SearchText):
                typed = str(item)
        attrs = context["widget"]["attrs"]
        attrs.setdefault("placeholder", KINDS[self.kind]["placeholder"])
        results_id = f"{attrs.get('id', name)}_hasil"
        # One aria-describedby: the search hint plus what Django names (help text, and the error when invalid).
        attrs["aria-describedby"] = " ".join(filter(None, [f"{results_id}_bantuan", attrs.get("aria-describedby")]))
        context["widget"].update(
            search_name=name + SEARCH_SUFFIX,
            typed=typed,
            chosen=self.chosen(value),
            candidates=self.candidates,
            search_url=self.search_url,
            hint=KINDS[self.kind]["hint"],
            multiple=self.allow_multiple_selected,
            results_id=results_id,
        )
        return context

    def id_for_label(self, id_):
        return id_


class PickerMultipleWidget(PickerWidget):
    allow_multiple_selected = True


def search_ready(queryset, kind):
    """The queryset with what `describe` reads, without N+1 queries."""
    if kind == PERSON:
        return queryset.select_related("household__area__parent__parent")
    if kind == HOUSEHOLD:
        return queryset.with_head_and_size().select_related("area__parent__parent")
    if kind == ORGANIZATION:
        return queryset.select_related("area__parent__parent")
    return queryset


class PickerMixin:
    """Shared by the single and multiple fields: binding to a source, resolving typed text."""

    def __init__(self, *, source: str, **kwargs):
        self.source_name = source
        kind = get_source(source).kind
        kwargs.setdefault("widget", self.widget_class)
        super().__init__(queryset=None, to_field_name=KINDS[kind]["field"], **kwargs)
        self.kind = kind
        self.widget.kind = kind

    def bind(self, user, **arguments) -> None:
        """Scope the field to what its source lists for `user` (call in the form's __init__)."""
        self.queryset = get_source(self.source_name).queryset(user, **arguments)
        self.widget.kind = self.kind
        self.widget.queryset = self.queryset
        self.widget.search_url = f"{reverse(KINDS[self.kind]['url'])}?untuk={sign(self.source_name, arguments)}"

    def resolve(self, text: str):
        """The one record `text` names, else a ValidationError (the matches are offered as choices)."""
        spec = KINDS[self.kind]
        matches = list(spec["search"](self.queryset, text)[: search.LIMIT + 1])
        if len(matches) == 1:
            return matches[0]
        if not matches:
            if not searchable(self.kind, text):
                raise ValidationError(_("Ketik sedikitnya 2 huruf nama atau 4 angka NIK/KK."), code="short")
            raise ValidationError(
                _("Tidak ada yang cocok dengan “%(text)s” di wilayah Anda."), code="not_found", params={"text": text}
            )
        self.widget.candidates = [spec["describe"](row) for row in matches[: search.LIMIT]]
        raise ValidationError(
            _("Ada beberapa yang cocok dengan “%(text)s”: pilih salah satu di bawah."),
            code="ambiguous",
            params={"text": text},
        )


class PickerField(PickerMixin, forms.ModelChoiceField):
    widget_class = PickerWidget
    default_error_messages = {
        "invalid_choice": _("Pilihan ini tidak ditemukan di wilayah Anda; cari lagi."),
        "required": _("Cari dan pilih salah satu."),
    }

    def to_python(self, value):
        if isinstance(value, SearchText):
            return self.resolve(value)
        return super().to_python(value)


class PickerMultipleField(PickerMixin, forms.ModelMultipleChoiceField):
    widget_class = PickerMultipleWidget
    default_error_messages = {
        "invalid_choice": _("Pilihan ini tidak ditemukan di wilayah Anda; cari lagi."),
        "invalid_pk_value": _("Pilihan ini tidak ditemukan di wilayah Anda; cari lagi."),
        "required": _("Cari dan pilih sedikitnya satu."),
    }

    def clean(self, value):
        value = list(value or [])
        typed = [v for v in value if isinstance(v, SearchText)]
        chosen = [v for v in value if not isinstance(v, SearchText)]
        records = list(super().clean(chosen)) if chosen or not typed else []
        for text in typed:
            record = self.resolve(text)
            if record not in records:
                records.append(record)
        return records
