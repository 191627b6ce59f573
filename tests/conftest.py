"""Test configuration: Hypothesis profiles and the shared ``plan`` fixture.

``thorough`` (the default) runs 200 examples per property; ``fast`` runs 25,
for quick local runs: ``HYPOTHESIS_PROFILE=fast pytest``.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

import heze_plan
from heze_plan.model.plan import Plan

settings.register_profile(
    "thorough", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("fast", max_examples=25, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "thorough"))


@pytest.fixture(scope="session")
def plan() -> Plan:
    """The embedded Heze 2023 plan."""
    return heze_plan.load()
