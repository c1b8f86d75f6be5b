"""Thin views: each URL's `@route` asks the access policy (`wastebank.view` / `wastebank.record`), the querysets
scope what is shown, the services record (and ask the policy again)."""
