"""Routine child immunisation at the posyandu: the national schedule, each child's doses and coverage."""
