"""Property-based run of every GET operation and the main writes: no server error, answers match the schema.

Bounded (few examples per operation, derandomized) so it stays well under a minute on SQLite.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from gotong.api import tokens
from gotong.portal.tests.town import build_town
from gotong.wsgi import application

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = 3


def _run(operation, headers):
    # Lists vary by their filters; a detail answers 404 for almost any generated id, so one example is enough.
    examples = 1 if "{" in operation.path else EXAMPLES

    @settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def check(case):
        response = case.call(headers=headers)
        case.validate_response(response, checks=CHECKS)

    check()


@pytest.fixture
def keep_test_connection():
    """The raw WSGI app would close the test's database connection after each request (as Django's test client
    avoids by the same disconnection); on PostgreSQL that loses the test transaction."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.mark.usefixtures("keep_test_connection")
def test_every_operation_conforms_to_the_schema(admin_user, city_officer):
    build_town(city_officer)
    # identity: the WSGI client hands schemathesis the body as sent, and JSON is gzipped for clients that accept it.
    headers = {
        "Authorization": f"Token {tokens.issue_token(admin_user, 'schemathesis')}",
        "Accept-Encoding": "identity",
    }
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    operations_run = [op for op in operations if op.method.upper() == "GET"]
    assert len(operations_run) >= 40
    # Writes: the token exchange, the registry's household/person create and change, the offline forms' sync.
    writes = ("/api/v1/token/", "/api/v1/rumah-tangga/", "/api/v1/penduduk/", "/api/v1/lapangan/kiriman/")
    operations_run += [op for op in operations if op.method.upper() in ("POST", "PATCH") and op.path.startswith(writes)]
    failures = {}
    for operation in operations_run:
        try:
            _run(operation, headers)
        except Exception as error:  # noqa: BLE001 - collect every failing operation, not just the first
            failures[operation.label] = str(error)[:2000]
    assert not failures, "\n\n".join(f"{label}: {error}" for label, error in failures.items())
