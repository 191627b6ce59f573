"""Shared fixtures and Hypothesis profiles (``--hypothesis-profile=fast`` for quick runs)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

import heze_plan
from heze_plan.model import Plan

settings.register_profile("default", max_examples=200, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fast", max_examples=20)
settings.load_profile("default")


@pytest.fixture(scope="session")
def plan() -> Plan:
    """The embedded Heze 2023 plan."""
    return heze_plan.load()
