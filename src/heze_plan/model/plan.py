"""The typed model of an implementation plan: document, areas, tasks, units,
milestones, targets, safeguards and the errata applied to the source.

Every class is a frozen, slotted attrs class. Units are referred to by their
canonical name (a plain ``str``) everywhere except the registry
(:attr:`Plan.units`), so the model unstructures to plain JSON without
duplicating unit records.

Invariants that a single object can check are enforced by validators, so an
invalid object cannot be built; invariants that need the whole plan (every
unit resolves, numbers run 1..N) are findings of :func:`heze_plan.model.checks.check`,
which reports all of them at once.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Any

import attrs
from attrs import field, frozen

__all__ = [
    "Area",
    "Comparator",
    "Document",
    "Erratum",
    "Milestone",
    "Obligation",
    "Plan",
    "Principle",
    "Safeguard",
    "Target",
    "TargetKind",
    "Task",
    "Unit",
    "UnitKind",
]


def _non_empty_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        msg = f"{type(instance).__name__}.{attribute.name} must be a non-empty string, got {value!r}"
        raise ValueError(msg)


def _positive_int(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        msg = f"{type(instance).__name__}.{attribute.name} must be a positive integer, got {value!r}"
        raise ValueError(msg)


def _label_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or value != value.strip() or "\n" in value:
        msg = f"{type(instance).__name__}.{attribute.name} must be a label on one line, got {value!r}"
        raise ValueError(msg)


#: The parts of a printed label: a bracketed number, a run of Chinese numerals, or digits.
_LABEL_PART = re.compile(r"[（(]\s*([^）)]*?)\s*[）)]|([〇零一二三四五六七八九十百]+)|(\d+)")


def _label_parts(text: str) -> tuple[str, ...]:
    """``二（三）``, ``二、(三)`` and ``二 （三）`` alike as ``("二", "（三）")``; separators dropped."""
    return tuple(
        f"（{m.group(1)}）" if m.group(1) is not None else (m.group(2) or str(int(m.group(3))))
        for m in _LABEL_PART.finditer(text)
    )


def _unit_names(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check a tuple of unit names: strings, non-empty, no repeats."""
    # the field's name is spelt out only for an error: this runs for every task the parser builds
    if not isinstance(value, tuple):
        msg = f"{type(instance).__name__}.{attribute.name} must be a tuple of unit names, got {value!r}"
        raise TypeError(msg)
    for name in value:
        if not isinstance(name, str) or not name.strip():
            where = f"{type(instance).__name__}.{attribute.name}"
            msg = f"{where} must hold non-empty unit names, got {name!r} in {value!r}"
            raise ValueError(msg)
    if len(set(value)) != len(value):
        msg = f"{type(instance).__name__}.{attribute.name} names a unit twice: {value!r}"
        raise ValueError(msg)


def _to_tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value)


class UnitKind(enum.Enum):
    """What kind of body a unit is; decides who is accountable and how it is addressed."""

    #: A department or directly affiliated body of the municipal government (市发展改革委).
    MUNICIPAL_DEPARTMENT = "municipal_department"
    #: An organ of the municipal Party committee (市委组织部, 市委依法治市办).
    PARTY_ORGAN = "party_organ"
    #: A body of the municipal people's congress (市人大法工委).
    PEOPLES_CONGRESS = "peoples_congress"
    #: A court or procuratorate (市法院, 市检察院).
    JUDICIAL = "judicial"
    #: A branch in Heze of a central or provincial agency (菏泽海关, 市税务局).
    BRANCH_AGENCY = "branch_agency"
    #: A state-owned enterprise or public utility (国网菏泽供电公司).
    ENTERPRISE = "enterprise"
    #: A public institution (事业单位) that is neither a department nor an enterprise
    #: (市广播电视台, 市住房公积金管理中心, 市公共资源交易中心).
    PUBLIC_INSTITUTION = "public_institution"
    #: The office of a leading group or a joint working body (市营转办, the office of the
    #: city's leading group for the business environment; 市国动办 is a department).
    LEADING_GROUP_OFFICE = "leading_group_office"
    #: A group of bodies named as one (各县区政府、管委会; 市有关部门、单位).
    COLLECTIVE = "collective"
    #: One lower-level government or a zone's management committee (房县人民政府, 湘西经开区管委会).
    GOVERNMENT = "government"


class Comparator(enum.Enum):
    """How an actual figure is compared with a target's value."""

    AT_LEAST = "≥"
    AT_MOST = "≤"
    MORE_THAN = ">"
    LESS_THAN = "<"
    EQUAL = "="
    ABOUT = "≈"
    RANGE = "range"


class TargetKind(enum.Enum):
    """The three shapes of quantitative commitment the plans make."""

    #: A count, amount or rate: 引进青年人才2.7万人以上, 份额达到80%以上.
    QUANTITY = "quantity"
    #: A limit on how long a service takes: 3个工作日内办结, 通关时间控制在13小时内.
    SERVICE_TIME = "service_time"
    #: A comparison with a reference rather than a number: 高于全省平均水平.
    RELATIVE = "relative"
    #: A price as a share of the full price, with no comparator of its own: 85折 (value 85, unit %).
    DISCOUNT = "discount"
    #: Hours a service is open, with no comparator of its own: 7×24小时, 24小时“不打烊”.
    AVAILABILITY = "availability"
    #: How far (in travel time) a service lies from the people it serves: 15分钟“服务圈”.
    REACH = "reach"
    #: A span of time to reach a goal: 力争用2—3年时间打造…示范区.
    DURATION = "duration"
    #: A rule by which money is given, not a result to measure: 按照余额增量的2%提供资金.
    RULE = "rule"


@frozen
class Unit:
    """A body that leads or shares tasks, under its canonical name as the plan writes it.

    A collective such as ``各县区政府、管委会`` is one unit even though its name
    contains the list separator 、.
    """

    name: str = field(validator=_non_empty_text)
    kind: UnitKind = field(validator=attrs.validators.instance_of(UnitKind))
    aliases: tuple[str, ...] = field(default=(), converter=_to_tuple)
    #: Where the kind comes from (the body's own site, the institutional reform plan), or
    #: ``""`` for a unit classified by its name only.
    basis: str = ""

    @aliases.validator
    def _check_aliases(self, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        for alias in value:
            if not isinstance(alias, str) or not alias.strip() or alias == self.name:
                msg = f"Unit.aliases must be non-empty names other than the unit's own, got {alias!r}"
                raise ValueError(msg)


@frozen
class Milestone:
    """A dated deliverable inside a task: ``9月底前`` governs ``建立健全…``.

    ``due`` is the last day the deliverable may be completed (inclusive).
    """

    due: dt.date = field()
    phrase: str = field(validator=_non_empty_text)
    deliverable: str = field(validator=_non_empty_text)
    #: The sentence of this deadline says 根据省统一部署 (or another provincial arrangement): the
    #: date depends on the province. Per milestone: task 5's 10月底前 does not, though the task does.
    per_provincial_arrangement: bool = False
    #: How an arguable deadline is read (task 149's 9月底 without 前), as decided for this plan.
    reading: str | None = None
    #: ``phrase`` as the source prints it, where that differs: the extraction's spaces kept
    #: (task 55's ``12 月底前``; ``phrase`` is ``12月底前``, the form to match and compare on);
    #: ``None`` when the source prints ``phrase`` itself.
    printed_phrase: str | None = None
    #: ``deliverable`` as the source prints it, where that differs (task 177's
    #: ``引进海外留学人才 70 人以上``); ``None`` when the source prints ``deliverable`` itself.
    printed_deliverable: str | None = None

    @due.validator
    def _check_due(self, attribute: attrs.Attribute[Any], value: dt.date) -> None:
        # one validator, not attrs' instance_of and this one (the parser builds a milestone per
        # deadline); a value that is not a date gets instance_of's own error
        if not isinstance(value, dt.date):
            attrs.validators.instance_of(dt.date)(self, attribute, value)
        if isinstance(value, dt.datetime):
            msg = f"Milestone.due must be a date, not a datetime, got {value!r}"
            raise TypeError(msg)


@frozen
class Target:
    """A quantitative commitment of a task or of the safeguards.

    ``value`` is the number in base units (2.7万 → 27000; 80% → 80 with
    ``unit`` ``"%"``); a :attr:`Comparator.RANGE` target also has ``upper``;
    a :attr:`TargetKind.RELATIVE` target has no value but a ``reference``.
    ``milestone`` is the number (1-based, as in the ledger and 节点1/2) of the
    milestone, among the owner's milestones, whose deliverable states the
    target, or ``None`` when the target holds for the plan year as a whole.

    ``scope`` says how often or for whom the figure counts again: ``per county``
    (每个县区), ``per month`` (每月), ``per year`` (每年), or ``None`` for one
    figure for the whole city and plan year. ``applies_to`` names the item of a
    分别 list or the population the figure is for (``进口``, ``出口``,
    ``分类管理类别为一、二类的出口企业``). ``reading`` explains a reading that
    could go either way, as decided for this plan.
    """

    kind: TargetKind = field(validator=attrs.validators.instance_of(TargetKind))
    comparator: Comparator = field(validator=attrs.validators.instance_of(Comparator))
    phrase: str = field(validator=_non_empty_text)
    subject: str = field(validator=_non_empty_text)
    value: float | None = None
    upper: float | None = None
    unit: str = ""
    scope: str | None = None
    reference: str | None = None
    milestone: int | None = None
    applies_to: str | None = None
    reading: str | None = None

    def __attrs_post_init__(self) -> None:
        where = f"Target({self.phrase!r})"
        if self.kind is TargetKind.RELATIVE:
            if self.reference is None:
                msg = f"{where}.reference is required for a relative target"
                raise ValueError(msg)
        elif self.value is None:
            msg = f"{where}.value is required for a {self.kind.value} target"
            raise ValueError(msg)
        if (self.comparator is Comparator.RANGE) != (self.upper is not None):
            msg = f"{where}.upper must be given exactly when comparator is range, got {self.upper!r}"
            raise ValueError(msg)
        if self.upper is not None and self.value is not None and self.upper < self.value:
            msg = f"{where}.upper ({self.upper}) must not be below value ({self.value})"
            raise ValueError(msg)
        if self.milestone is not None and (isinstance(self.milestone, bool) or self.milestone < 1):
            msg = f"{where}.milestone must be a milestone number from 1, got {self.milestone!r}"
            raise ValueError(msg)


@frozen
class Task:
    """One numbered task of the plan.

    A task with no milestone is ongoing for the whole plan year; its horizon
    is :attr:`Plan.horizon`, never an invented date. A task whose source
    names no lead unit (only 责任单位, or no owner at all) has empty
    ``lead_units``, as the source has it; :func:`heze_plan.model.checks.check` reports it.
    """

    number: int = field(validator=_positive_int)
    title: str = field(validator=_non_empty_text)
    text: str = field(validator=_non_empty_text)
    area: int = field(validator=_positive_int)
    lead_units: tuple[str, ...] = field(converter=_to_tuple, validator=_unit_names)
    responsible_units: tuple[str, ...] = field(default=(), converter=_to_tuple, validator=_unit_names)
    milestones: tuple[Milestone, ...] = field(default=(), converter=_to_tuple)
    targets: tuple[Target, ...] = field(default=(), converter=_to_tuple)
    #: The text says 根据省统一部署 (or 根据全省…工作部署, 根据省级方案): the task follows a
    #: provincial arrangement somewhere; :attr:`provincial_clauses` says where.
    per_provincial_arrangement: bool = False
    #: Conditions outside the city's control that the task waits for (…完成后).
    prerequisites: tuple[str, ...] = field(default=(), converter=_to_tuple)
    #: Owner names the text follows with 等 (市工业和信息化局等): the list is open, other
    #: units may share the task.
    open_owner_lists: tuple[str, ...] = field(default=(), converter=_to_tuple)
    #: The sentences that follow a provincial arrangement (see :mod:`heze_plan.parsing.provincial`).
    provincial_clauses: tuple[str, ...] = field(default=(), converter=_to_tuple)
    #: The task's label as the source prints it, where that is not simply :attr:`number`: ``（三）``
    #: for an item of that label, ``二（三）`` or ``二.3`` (the enclosing chapter's label first) when the
    #: same label comes back in several chapters, ``""`` when the printed number is the number (every
    #: task of the embedded plan). :meth:`Plan.task` finds a task by it; see :attr:`printed_label`.
    label: str = field(default="", validator=_label_text)

    @targets.validator
    def _check_targets(self, attribute: attrs.Attribute[Any], value: tuple[Target, ...]) -> None:
        for target in value:
            if target.milestone is not None and target.milestone > len(self.milestones):
                msg = (
                    f"Task {self.number}: target {target.phrase!r} refers to milestone "
                    f"{target.milestone}, but the task has {len(self.milestones)}"
                )
                raise ValueError(msg)

    @responsible_units.validator
    def _check_disjoint(self, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        if not value or set(value).isdisjoint(self.lead_units):  # checked for every task parsed
            return
        both = sorted(set(value) & set(self.lead_units))
        if both:
            msg = f"Task {self.number}: {both} named both in lead_units and responsible_units"
            raise ValueError(msg)

    @property
    def units(self) -> tuple[str, ...]:
        """Lead units first, then responsible units."""
        return self.lead_units + self.responsible_units

    @property
    def ongoing(self) -> bool:
        """True when the task carries no deadline phrase."""
        return not self.milestones

    @property
    def printed_label(self) -> str:
        """How the source labels the task: :attr:`label`, or the number when that is the label."""
        return self.label or str(self.number)

    @property
    def labelled_title(self) -> str:
        """The title after the label its source prints (``（三）推进一网通办``), where that label is not
        the number; else the title alone. A ledger row shows it, so that a unit finds the task as
        its own document numbers it."""
        return f"{self.label} {self.title}" if self.label else self.title


@frozen
class Area:
    """One of the plan's areas (领域), such as （一）开办企业."""

    number: int = field(validator=_positive_int)
    name: str = field(validator=_non_empty_text)
    lead_units: tuple[str, ...] = field(converter=_to_tuple, validator=_unit_names)


@frozen
class Principle:
    """One of the working principles (工作原则)."""

    number: int = field(validator=_positive_int)
    title: str = field(validator=_non_empty_text)
    text: str = field(validator=_non_empty_text)
    targets: tuple[Target, ...] = field(default=(), converter=_to_tuple)


@frozen
class Obligation:
    """One duty a safeguard lays on named units: who must act, what, by when or how often.

    ``actor_phrase`` is who the text says must act, as written (各县区、市直领域牵头部门);
    ``actors`` the registry units that phrase stands for (see
    :mod:`heze_plan.parsing.obligations` for the rule). ``due`` and ``phrase`` give
    the deadline (印发1个月内 → 2023-08-29; 年内 → the plan year's end);
    ``frequency`` says how often a duty without a deadline recurs (``ongoing``,
    ``常态化``, ``适时``, ``及时``). ``recipient`` is whom the result goes to
    (报市营转办备案 → 市营转办).
    """

    safeguard: int = field(validator=_positive_int)
    number: int = field(validator=_positive_int)
    actor_phrase: str = field(validator=_non_empty_text)
    action: str = field(validator=_non_empty_text)
    actors: tuple[str, ...] = field(default=(), converter=_to_tuple, validator=_unit_names)
    due: dt.date | None = None
    phrase: str | None = None
    frequency: str | None = None
    recipient: str | None = None
    targets: tuple[int, ...] = field(default=(), converter=_to_tuple)

    @property
    def key(self) -> str:
        """How queries address it: ``S1.2`` is the second obligation of safeguard （一）."""
        return f"S{self.safeguard}.{self.number}"


@frozen
class Safeguard:
    """One safeguard (保障措施) with the plan-level obligations and targets it states."""

    number: int = field(validator=_positive_int)
    title: str = field(validator=_non_empty_text)
    text: str = field(validator=_non_empty_text)
    units: tuple[str, ...] = field(default=(), converter=_to_tuple, validator=_unit_names)
    milestones: tuple[Milestone, ...] = field(default=(), converter=_to_tuple)
    targets: tuple[Target, ...] = field(default=(), converter=_to_tuple)
    #: The duties the safeguard lays on named units (see :class:`Obligation`).
    obligations: tuple[Obligation, ...] = field(default=(), converter=_to_tuple)


@frozen
class Document:
    """What identifies the published document."""

    number: str = field(validator=_non_empty_text)
    title: str = field(validator=_non_empty_text)
    issuer: str = field(validator=_non_empty_text)
    year: int = field(validator=_positive_int)
    #: Date of adoption, which is also the date of signature.
    adopted: dt.date | None = None
    #: Date printed and distributed (印发).
    printed: dt.date | None = None
    notice_title: str = ""
    #: The meeting that adopted the plan (市政府第26次常务会议).
    meeting: str = ""
    #: Whom the notice is addressed to (主送), one entry per 、/，-separated group.
    recipients: tuple[str, ...] = field(default=(), converter=_to_tuple)
    #: Who receives a copy (抄送).
    copied_to: tuple[str, ...] = field(default=(), converter=_to_tuple)
    #: The office that printed and distributed it (菏泽市人民政府办公室).
    printed_by: str = ""
    #: The release mark as printed (此件公开发布), ``""`` when the text has none.
    release: str = ""


@frozen
class Erratum:
    """A defect of the source text and the correction the parser applies.

    ``source`` is the text exactly as the source has it (a page break shows as
    a blank line), ``correction`` what the parser reads instead. ``status`` is
    ``verified`` when the correction is certain from the text itself or a
    published name, ``inferred`` when it is a reasoned guess that the
    published document should confirm. An erratum of ``kind`` ``meaning``
    (a wrong law name) is not applied: the text stays as printed and the
    correction is shown beside it.
    """

    id: str = field(validator=_non_empty_text)
    task: int | None
    kind: str = field(validator=_non_empty_text)
    source: str = field(validator=_non_empty_text)
    correction: str
    reason: str = field(validator=_non_empty_text)
    line: int | None = None
    status: str = field(default="verified", validator=attrs.validators.in_(("verified", "inferred")))

    @property
    def rewrites(self) -> bool:
        """Whether the parser reads ``correction`` in place of ``source``.

        Not for an erratum of ``meaning`` (the text stays as printed, the correction is shown
        beside it) nor for an ``irregular_label``, which the parser reads as it stands and the
        table records so that nothing is absorbed silently.
        """
        return self.kind not in {"meaning", "irregular_label"}


@frozen
class Plan:
    """A whole implementation plan."""

    document: Document
    goal: str
    principles: tuple[Principle, ...] = field(converter=_to_tuple)
    areas: tuple[Area, ...] = field(converter=_to_tuple)
    tasks: tuple[Task, ...] = field(converter=_to_tuple)
    safeguards: tuple[Safeguard, ...] = field(converter=_to_tuple)
    units: tuple[Unit, ...] = field(converter=_to_tuple)
    errata: tuple[Erratum, ...] = field(default=(), converter=_to_tuple)

    @property
    def year(self) -> int:
        """The plan year."""
        return self.document.year

    @property
    def horizon(self) -> dt.date:
        """The last day of the plan year: when ongoing tasks and 年内 items are due."""
        return dt.date(self.document.year, 12, 31)

    def task(self, number: int | str) -> Task:
        """The task with this number; ``KeyError`` naming the valid range otherwise.

        A number written as text (``"8"``, as from a form) is read as one;
        anything else that is not an ``int`` (``True``, ``8.0``) is a
        :class:`TypeError` naming what was given.
        Tasks numbered 1..N in order (every parsed plan without gaps) are found
        by position, so a loop over the numbers stays linear in a plan of
        100 000 tasks; other plans fall back to a scan.

        Any other text is a task's label as the source prints it (:attr:`Task.label`):
        ``"（三）"``, ``"二（三）"``, ``"二、(三)"`` and ``"二.3"`` are read alike (bracket widths,
        spaces and separators aside). A label that ends a longer one (``"（三）"`` for ``二（三）``)
        finds it when no other task's label ends so; no match, or several, is a ``KeyError``
        that lists them; text that is no label at all a ``TypeError``. Digits alone are always
        the number.
        """
        if isinstance(number, str) and number.strip().isdecimal():
            number = int(number.strip())
        elif isinstance(number, str) and number.strip():
            return self._task_by_label(number)
        if isinstance(number, bool) or not isinstance(number, int):
            msg = f"a task number is a whole number such as 8, got {number!r}"
            raise TypeError(msg)
        if 0 < number <= len(self.tasks) and self.tasks[number - 1].number == number:
            return self.tasks[number - 1]
        for task in self.tasks:
            if task.number == number:
                return task
        msg = f"no task {number}: this plan numbers its tasks 1..{len(self.tasks)}"
        raise KeyError(msg)

    def _task_by_label(self, text: str) -> Task:
        """The one task whose printed label is ``text``, or ends with it (``（三）`` for ``二（三）``)."""
        wanted = _label_parts(text)
        if not wanted or _LABEL_PART.sub("", text).strip(" \t、.．"):
            msg = f"a task number is a whole number such as 8, got {text!r}, nor is it a label such as （三）"
            raise TypeError(msg)
        exact = [t for t in self.tasks if _label_parts(t.printed_label) == wanted]
        if len(exact) == 1:
            return exact[0]
        found = exact or [t for t in self.tasks if _label_parts(t.printed_label)[-len(wanted) :] == wanted]
        if len(found) == 1:
            return found[0]
        if not found:
            msg = f"no task labelled {text!r} in this plan"
            raise KeyError(msg)
        listed = ", ".join(f"{t.printed_label} (task {t.number})" for t in found[:10])
        more = f" and {len(found) - 10} more" if len(found) > 10 else ""
        msg = f"{len(found)} tasks are labelled {text!r}: {listed}{more}; give the full label or the number"
        raise KeyError(msg)

    def area(self, number: int) -> Area:
        """The area with this number; ``KeyError`` otherwise."""
        for area in self.areas:
            if area.number == number:
                return area
        msg = f"no area {number}: this plan numbers its areas 1..{len(self.areas)}"
        raise KeyError(msg)

    def unit(self, name: str) -> Unit:
        """The registry entry whose canonical name is exactly ``name``.

        For forgiving look-ups (aliases, short forms) use
        :func:`heze_plan.query.lookup.resolve_unit`.
        """
        for unit in self.units:
            if unit.name == name:
                return unit
        msg = f"no unit named {name!r} in the registry"
        raise KeyError(msg)

    def errata_for(self, task: int) -> tuple[Erratum, ...]:
        """The errata that touched one task's text."""
        return tuple(e for e in self.errata if e.task == task)
