"""Score tables for pages: one row per kelurahan/RW/RT with n, mean and 95 % CI per dimension, and the change."""

from gotong.areas.models import Area
from gotong.core.area_codes import VILLAGE, code_inside, level_of
from gotong.socialcapital.access import aggregates_only, responses_for_scores, scope_codes
from gotong.socialcapital.models import Dimension
from gotong.socialcapital.scoring import OVERALL, area_scores, change_between, suppress_small


def round_scores(user, survey_round) -> dict:
    scores = area_scores(responses_for_scores(user, survey_round))
    if aggregates_only(user):
        return suppress_small(scores)
    # A partial kelurahan (a facilitator sees one RT of it) must not pass for the kelurahan's score.
    codes = scope_codes(user)
    return {code: dims for code, dims in scores.items() if code_inside(code, codes)}


def score_rows(user, survey_round, compare=None) -> list[dict]:
    current = round_scores(user, survey_round)
    earlier = round_scores(user, compare) if compare else {}
    areas = {area.code: area for area in Area.objects.filter(code__in=list(current))}
    keys = [(value, label) for value, label in Dimension.choices] + [(OVERALL, None)]
    rows = []
    for code in sorted(current):
        cells = []
        for key, label in keys:
            summary = current[code][key]
            before = earlier.get(code, {}).get(key)
            cells.append(
                {
                    "key": key,
                    "label": label,
                    "summary": summary,
                    "before": before,
                    "change": change_between(before, summary) if before else None,
                }
            )
        area = areas.get(code)
        rows.append(
            {
                "code": code,
                "area": area,
                "name": str(area.name) if area else code,
                "depth": level_of(code) - VILLAGE,
                "n": current[code][OVERALL].n,
                "n_before": earlier[code][OVERALL].n if code in earlier else None,
                "cells": cells[:-1],
                "overall": cells[-1],
            }
        )
    return rows
