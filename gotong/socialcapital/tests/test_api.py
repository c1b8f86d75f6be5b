"""Social capital API: rounds scoped by area; household responses never for partners."""

from gotong.api.testing import listed


def test_rounds_scoped_and_partner_sees_no_responses(bugis_round, facilitator, other_facilitator, partner):
    assert [r["name"] for r in listed(facilitator, "/api/v1/modal-sosial/putaran/")] == [bugis_round.name]
    assert listed(other_facilitator, "/api/v1/modal-sosial/putaran/") == []
    assert listed(partner, "/api/v1/modal-sosial/jawaban/") == []
    assert listed(partner, "/api/v1/modal-sosial/instrumen/")  # questionnaires are reference data
