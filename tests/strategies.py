"""Hypothesis strategies shared by the tests; each feature keeps its own section."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from heze_plan.model import Milestone, Task

# --- display (rich HTML in Jupyter) -------------------------------------------------------------

#: Text mixing Chinese, the characters HTML gives meaning to, and quotes.
markup_text = st.text(
    alphabet=st.sampled_from(list("菏泽市行政审批服务局、，。（）<>&\"' /=;abc123")),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() != "")


@st.composite
def markup_tasks(draw: st.DrawFn) -> Task:
    """A task whose every text field may contain markup characters."""
    lead = draw(st.lists(markup_text, min_size=1, max_size=3, unique=True))
    responsible = draw(st.lists(markup_text.filter(lambda n: n not in lead), max_size=3, unique=True))
    milestones = draw(
        st.lists(
            st.builds(
                Milestone,
                due=st.dates(dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
                phrase=markup_text,
                deliverable=markup_text,
            ),
            max_size=3,
        )
    )
    return Task(
        number=draw(st.integers(1, 500)),
        title=draw(markup_text),
        text=draw(markup_text),
        area=draw(st.integers(1, 30)),
        lead_units=tuple(lead),
        responsible_units=tuple(responsible),
        milestones=tuple(milestones),
        prerequisites=tuple(draw(st.lists(markup_text, max_size=2))),
        per_provincial_arrangement=draw(st.booleans()),
    )
