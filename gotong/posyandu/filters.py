"""The children list's posyandu filter: a type-ahead over the posyandu the user sees (a city has thousands).

The chosen posyandu travels as `?posyandu=<id>`, as before, so older links and bookmarks keep working; an id
outside the user's posyandu is refused by the picker (and the scoped children list shows none of its children).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from gotong.core.forms import StyledFormMixin
from gotong.core.pickers.fields import PickerField


class ChildFilterForm(StyledFormMixin, forms.Form):
    posyandu = PickerField(label=_("Posyandu"), source="posyandu.filter", required=False)

    def __init__(self, data, *, user):
        super().__init__(data)
        self.fields["posyandu"].bind(user)

    def list_filters(self):
        """The list's filters: the request's, with a posyandu found from typed text (no JavaScript) as its id."""
        filters = self.data.copy()
        if self.is_valid() and self.cleaned_data["posyandu"] is not None:
            filters["posyandu"] = str(self.cleaned_data["posyandu"].pk)
        return filters
