"""Participation services, one module per topic (`planning`, …); every write goes through them."""
