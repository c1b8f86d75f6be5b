"""Thin views: scope with the querysets, check `can_record`, call the services, render."""
