"""The model refuses invalid objects with errors that name the field and show the value."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given

from heze_plan.model.plan import Comparator, Milestone, Target, TargetKind, Task, Unit, UnitKind

from . import strategies


def _task(**changes: object) -> Task:
    fields: dict[str, object] = {
        "number": 1,
        "title": "全面实施市场准入负面清单",
        "text": "全面实施市场准入负面清单。",
        "area": 1,
        "lead_units": ("市发展改革委",),
    }
    fields.update(changes)
    return Task(**fields)  # type: ignore[arg-type]


class TestTask:
    """A task needs a positive number and consistent units; a lead unit only if the source names one."""

    def test_no_lead_unit_is_kept_as_the_source_has_it(self) -> None:
        task = _task(lead_units=(), responsible_units=("市商务局",))
        assert (task.lead_units, task.units) == ((), ("市商务局",))

    def test_empty_unit_name_is_refused(self) -> None:
        with pytest.raises(ValueError, match=r"Task\.lead_units must hold non-empty unit names, got ''"):
            _task(lead_units=("",))

    def test_repeated_unit_is_refused(self) -> None:
        with pytest.raises(ValueError, match="names a unit twice"):
            _task(lead_units=("市商务局", "市商务局"))

    def test_unit_both_lead_and_responsible_is_refused(self) -> None:
        with pytest.raises(
            ValueError, match=r"\['市商务局'\] named both in lead_units and responsible_units"
        ):
            _task(lead_units=("市商务局",), responsible_units=("市商务局",))

    @pytest.mark.parametrize("number", [0, -3, True, "1"])
    def test_number_must_be_positive_integer(self, number: object) -> None:
        with pytest.raises(ValueError, match=rf"Task\.number must be a positive integer, got {number!r}"):
            _task(number=number)

    def test_blank_title_is_refused(self) -> None:
        with pytest.raises(ValueError, match=r"Task\.title must be a non-empty string, got '  '"):
            _task(title="  ")

    def test_target_pointing_past_the_milestones_is_refused(self) -> None:
        target = Target(
            kind=TargetKind.QUANTITY,
            comparator=Comparator.AT_LEAST,
            phrase="70人以上",
            subject="引进",
            value=70,
            unit="人",
            milestone=1,
        )
        with pytest.raises(ValueError, match="refers to milestone 1, but the task has 0"):
            _task(targets=(target,))

    def test_lists_become_tuples_so_tasks_stay_hashable(self) -> None:
        task = _task(lead_units=["市商务局"], responsible_units=["各县区政府、管委会"])
        assert task.lead_units == ("市商务局",)
        assert hash(task) == hash(_task(lead_units=("市商务局",), responsible_units=("各县区政府、管委会",)))

    def test_frozen(self) -> None:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            _task().number = 2  # type: ignore[misc]

    def test_ongoing_means_no_milestone(self) -> None:
        assert _task().ongoing
        assert not _task(milestones=(Milestone(dt.date(2023, 9, 30), "9月底前", "建立台账"),)).ongoing


class TestMilestone:
    """A milestone's due date is a plain date."""

    def test_datetime_is_refused(self) -> None:
        with pytest.raises(TypeError, match=r"Milestone\.due must be a date, not a datetime"):
            Milestone(dt.datetime(2023, 9, 30, 12), "9月底前", "建立台账")

    def test_string_date_is_refused(self) -> None:
        with pytest.raises(TypeError, match=r"'due' must be <class 'datetime\.date'>"):
            Milestone("2023-09-30", "9月底前", "建立台账")  # type: ignore[arg-type]


class TestTarget:
    """Targets carry what their kind needs."""

    def test_relative_target_needs_reference(self) -> None:
        with pytest.raises(ValueError, match="reference is required for a relative target"):
            Target(kind=TargetKind.RELATIVE, comparator=Comparator.MORE_THAN, phrase="高于", subject="审批率")

    def test_quantity_needs_value(self) -> None:
        with pytest.raises(ValueError, match="value is required for a quantity target"):
            Target(kind=TargetKind.QUANTITY, comparator=Comparator.AT_LEAST, phrase="以上", subject="人才")

    def test_range_needs_upper(self) -> None:
        with pytest.raises(ValueError, match="upper must be given exactly when comparator is range"):
            Target(
                kind=TargetKind.QUANTITY, comparator=Comparator.RANGE, phrase="2—3期", subject="编发", value=2
            )

    def test_upper_below_value_is_refused(self) -> None:
        with pytest.raises(ValueError, match=r"upper \(1\) must not be below value \(3\)"):
            Target(
                kind=TargetKind.QUANTITY,
                comparator=Comparator.RANGE,
                phrase="3—1期",
                subject="编发",
                value=3,
                upper=1,
            )


class TestUnit:
    """A unit's aliases are other names than its own."""

    def test_alias_equal_to_name_is_refused(self) -> None:
        with pytest.raises(
            ValueError, match=r"Unit\.aliases must be non-empty names other than the unit's own"
        ):
            Unit(name="市商务局", kind=UnitKind.MUNICIPAL_DEPARTMENT, aliases=("市商务局",))

    def test_kind_must_be_a_unit_kind(self) -> None:
        with pytest.raises(TypeError, match="'kind' must be <enum 'UnitKind'>"):
            Unit(name="市商务局", kind="municipal_department")  # type: ignore[arg-type]


class TestGeneratedPlans:
    """Every generated plan is a valid, hashable value."""

    @given(strategies.plans())
    def test_plan_is_hashable_and_equal_to_its_copy(self, plan: object) -> None:
        assert plan == attrs.evolve(plan)  # type: ignore[misc]
        hash(plan)
