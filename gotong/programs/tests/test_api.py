"""Programs API: programs and cohorts scoped by area."""

from gotong.api.testing import listed, token_client


def test_programs_and_cohorts_scoped(cohort, facilitator, other_facilitator):
    assert [p["name"] for p in listed(facilitator, "/api/v1/program/")] == ["Pelatihan menjahit"]
    assert [c["id"] for c in listed(facilitator, "/api/v1/program-angkatan/")] == [str(cohort.public_id)]
    assert listed(other_facilitator, "/api/v1/program/") == []
    assert token_client(other_facilitator).get(f"/api/v1/program-angkatan/{cohort.public_id}/").status_code == 404
