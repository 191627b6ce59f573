"""Benchmarks of heze_plan, run by ``nox -s benchmarks`` (see docs/benchmarks.md)."""
