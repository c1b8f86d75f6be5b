"""A deterministic synthetic city for benchmarks: `gotong bench generate --persons N`."""
