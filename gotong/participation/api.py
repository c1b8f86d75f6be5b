"""Participation API. Planning: `/api/v1/usulan/`, proposals read-only with their support counts (never who)."""

from gotong.participation.api_planning import ProposalViewSet

ROUTES = [
    ("usulan", ProposalViewSet, "proposal"),
]
