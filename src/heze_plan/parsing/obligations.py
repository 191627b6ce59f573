"""The safeguards' obligations: who must act, what, by when or how often.

A safeguard (保障措施) lays duties on named units in sentences of its own:
``市营转办要发挥综合协调作用``; ``各县区、市直领域牵头部门要在本行动计划印发1个月内
制定具体落实方案，并报市营转办备案``. Each sentence (up to 。 or ；) is one
:class:`~heze_plan.model.plan.Obligation`.

Who must act is the sentence's subject: the words before its 要, after a
鼓励, or a clause that opens with a body's name (市直各领域年内形成的…). A
sentence after ； with no subject of its own keeps the one before. The
subject stands for units by this rule:

- 领域牵头部门 / 领域牵头单位, or 市直各领域 / 各领域 on its own (not
  各领域责任单位): the lead units of every area;
- 各领域责任单位: the responsible units of every task;
- 各县区 on its own (not 各县区法院): the registry's collectives of the county
  governments (those named 各县区政府…), through which a county acts;
- 与X联动: X, who acts together with the city;
- any registry unit the subject names by its canonical name.

A sentence with no subject (健全完善…机制) is an obligation of the plan's
issuer with ``actor_phrase`` 未指明 and no actors. What follows the deadline
(报市营转办备案) names a recipient, not an actor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from heze_plan.model.plan import Obligation, Plan, Safeguard

__all__ = ["UNSPECIFIED", "obligations_of", "with_obligations"]

#: The actor phrase of a duty whose sentence names nobody.
UNSPECIFIED = "未指明"

_AREA_LEADS = re.compile(r"领域牵头(?:部门|单位)|各领域(?!责任)")
_AREA_RESPONSIBLE = re.compile(r"各领域责任(?:部门|单位)")
_COUNTIES = re.compile(r"各县区(?!法院)")
_COUNTY_GOVERNMENTS = "各县区政府"
_OPENING = re.compile(r"^(?:市直各领域|各领域责任单位|各领域|各县区相关领域|各县区)")
_PARTNER = re.compile(r"与(?P<who>[^，。；]{2,12}?)联动")
_RECIPIENT = re.compile(r"报(?P<who>[^，。；]{2,12}?)备案")
_FREQUENCY = ("常态化", "定期", "适时", "及时")


def _sentences(text: str) -> list[tuple[str, bool]]:
    """The sentences of a safeguard, each with whether it follows a ；."""
    found: list[tuple[str, bool]] = []
    after_semicolon = False
    for piece in re.split(r"([。；;])", text):
        if piece in {"。", "；", ";"}:
            after_semicolon = piece != "。"
            continue
        if piece.strip():
            found.append((piece.strip(), after_semicolon))
    return found


def _subject(sentence: str, unit_names: Sequence[str]) -> str | None:
    if "要" in sentence:
        head = sentence.split("要", 1)[0]
        return re.sub(r"^.*，", "", head) or None
    clauses = sentence.split("，")
    if clauses[0].startswith("鼓励"):
        opening = _OPENING.match(clauses[0][2:])
        if opening:
            return opening.group(0)
    for clause in clauses:
        opening = _OPENING.match(clause)
        if opening:
            return opening.group(0)
        named = [name for name in unit_names if clause.startswith(name)]
        if named:
            return named[0]
    partner = _PARTNER.search(sentence)
    if partner:
        return partner.group(0)
    return None


def _actors(plan: Plan, phrase: str) -> tuple[str, ...]:
    names: set[str] = {unit.name for unit in plan.units if unit.name in phrase}
    if _AREA_RESPONSIBLE.search(phrase):
        names.update(name for task in plan.tasks for name in task.responsible_units)
    elif _AREA_LEADS.search(phrase):
        names.update(name for area in plan.areas for name in area.lead_units)
    if _COUNTIES.search(phrase):
        names.update(
            u.name
            for u in plan.units
            if u.name.startswith(_COUNTY_GOVERNMENTS) and u.kind.value == "collective"
        )
    return tuple(unit.name for unit in plan.units if unit.name in names)


def obligations_of(plan: Plan, safeguard: Safeguard) -> tuple[Obligation, ...]:
    """The obligations of one safeguard of ``plan`` (see the module's rule)."""
    unit_names = sorted((u.name for u in plan.units), key=len, reverse=True)
    result: list[Obligation] = []
    previous: str | None = None
    used_targets: set[int] = set()
    for sentence, after_semicolon in _sentences(safeguard.text):
        if sentence == safeguard.title:
            continue  # the heading (持续加大统筹协调力度) names the safeguard, not a duty
        subject = _subject(sentence, unit_names)
        if subject is None and after_semicolon:
            subject = previous
        previous = subject
        phrase_of = subject or UNSPECIFIED
        milestone = next((m for m in safeguard.milestones if m.phrase in sentence), None)
        targets = []
        for index, target in enumerate(safeguard.targets):
            if index not in used_targets and target.phrase in sentence:
                targets.append(index)
                used_targets.add(index)
        if milestone is None and targets:  # a target whose milestone is stated elsewhere (年内)
            linked = {safeguard.targets[i].milestone for i in targets} - {None}
            if len(linked) == 1:
                milestone = safeguard.milestones[linked.pop() - 1]  # type: ignore[operator]
        recipient = _RECIPIENT.search(sentence)
        frequency = None
        if milestone is None:
            frequency = next((word for word in _FREQUENCY if word in sentence), "ongoing")
        result.append(
            Obligation(
                safeguard=safeguard.number,
                number=len(result) + 1,
                actor_phrase=phrase_of,
                action=sentence,
                actors=_actors(plan, subject) if subject else (),
                due=milestone.due if milestone else None,
                phrase=milestone.phrase if milestone else None,
                frequency=frequency,
                recipient=recipient.group("who") if recipient else None,
                targets=tuple(targets),
            )
        )
    return tuple(result)


def with_obligations(plan: Plan) -> Plan:
    """``plan`` with every safeguard's obligations read from its text."""
    return attrs.evolve(
        plan, safeguards=tuple(attrs.evolve(s, obligations=obligations_of(plan, s)) for s in plan.safeguards)
    )
