"""The posyandu cadre (from the posyandu tests): an organisation staff account inside Kampung Bugis."""

from gotong.posyandu.tests.conftest import cadre, posyandu  # noqa: F401
