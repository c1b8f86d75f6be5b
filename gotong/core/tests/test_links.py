"""uuid_links gives exactly what reverse() gives, for any public id, and refuses a URL without a UUID in it."""

import uuid

import pytest
from django.urls import NoReverseMatch, reverse

from gotong.core.links import uuid_links


@pytest.mark.parametrize("name", ["registry:household-detail", "registry:household-edit"])
def test_the_link_is_reverses_answer_for_every_id(name):
    link = uuid_links(name)
    for public_id in (uuid.uuid4(), uuid.UUID(int=0), uuid.UUID(int=2**128 - 1), str(uuid.uuid4()).upper()):
        assert link(public_id) == reverse(name, args=[uuid.UUID(str(public_id))])


def test_a_url_without_a_uuid_argument_is_refused():
    with pytest.raises((NoReverseMatch, ValueError)):
        uuid_links("registry:household-list")
