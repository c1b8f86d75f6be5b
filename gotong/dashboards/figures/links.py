"""Links from a figure down to the module list behind it, narrowed to the area (`?wilayah=<code>`).

Every module list applies `wilayah` with its own scoped queryset, so a click shows the same records counted.
"""

from django.urls import reverse
from django.utils.http import urlencode


def list_url(name: str, area, *args, **params) -> str:
    return f"{reverse(name, args=args)}?{urlencode({'wilayah': area.code, **params})}"
