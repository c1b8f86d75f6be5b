"""Participation's services, one module per topic (`aspirations`, `planning`, …); every write goes through them."""
