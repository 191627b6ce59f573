"""Which clauses of a task follow a provincial arrangement (根据省统一部署), and which deadlines depend on it.

A task can say 根据省统一部署 of one clause and set a date of its own in
another: task 5 researches its policies 根据省统一部署, but 10月底前，建立歇业信息
共享机制 is the city's own. So the flag is read per sentence (up to 。 or ；):

- 根据省统一部署, 根据国家、省统一部署, 根据省级统一部署, 根据省级统筹安排;
- 根据全省…工作部署 (task 144) and other 根据省/全省…部署;
- 根据省级方案 (task 135): a provincial scheme not yet named.

A provincial document cited by its name (根据《山东省…办法》, 根据山东省…实施方案,
根据全省…三年行动计划) is a published reference, not an arrangement the
city waits for, and is not flagged.

:attr:`heze_plan.model.plan.Task.per_provincial_arrangement` is true when any sentence is;
:attr:`heze_plan.model.plan.Task.provincial_clauses` lists them; a milestone's
:attr:`~heze_plan.model.plan.Milestone.per_provincial_arrangement` is true when
its own sentence is.
"""

from __future__ import annotations

import re

import attrs

from heze_plan.model.plan import Milestone, Plan

__all__ = ["PROVINCIAL", "flag_milestones", "provincial_clauses", "with_provincial_clauses"]

#: The phrases of a provincial arrangement (see the module's docstring).
PROVINCIAL = re.compile(
    r"根据(?:国家、)?(?:省|全省)(?:级)?[^，。；《》]{0,30}?(?:统一部署|工作部署|部署|统筹安排)|根据省级方案"
)
_SENTENCE = re.compile(r"[^。；;]+[。；;]?")


def provincial_clauses(text: str) -> tuple[str, ...]:
    """The sentences of ``text`` that follow a provincial arrangement.

    >>> provincial_clauses("根据省统一部署，研究制定配套政策。10月底前，建立机制。")
    ('根据省统一部署，研究制定配套政策。',)
    """
    if PROVINCIAL.search(text) is None:  # no sentence can hold a phrase the whole text does not
        return ()
    return tuple(s.group(0) for s in _SENTENCE.finditer(text) if PROVINCIAL.search(s.group(0)))


def flag_milestones(
    text: str, milestones: tuple[Milestone, ...] | list[Milestone], clauses: tuple[str, ...]
) -> tuple[Milestone, ...]:
    """``milestones`` of a task's ``text``, each flagged when its own sentence is one of ``clauses``.

    The parser calls it while it builds a task, so that the task is built once with its flags
    (rather than built, then evolved by :func:`with_provincial_clauses`).
    """
    flagged: list[Milestone] = []
    cursor = 0
    for milestone in milestones:
        at = text.find(milestone.phrase, cursor)
        if at == -1:  # a deadline of the owner clause (…，6月底前完成): the title's sentence
            flagged.append(milestone)
            continue
        cursor = at + len(milestone.phrase)
        sentence = next((s.group(0) for s in _SENTENCE.finditer(text) if s.start() <= at < s.end()), "")
        provincial = sentence in clauses
        # the same flag: keep the milestone (no evolve, no validators run again)
        flagged.append(
            milestone
            if milestone.per_provincial_arrangement == provincial
            else attrs.evolve(milestone, per_provincial_arrangement=provincial)
        )
    return tuple(flagged)


def with_provincial_clauses(plan: Plan) -> Plan:
    """``plan`` with every task's provincial clauses, flag and milestone flags read from its text."""
    tasks = []
    for task in plan.tasks:
        clauses = provincial_clauses(task.text) if "根据" in task.text else ()
        if not clauses and not task.per_provincial_arrangement and not task.provincial_clauses:
            tasks.append(task)  # nothing to say: keep the object (no evolve, no validators run again)
            continue
        tasks.append(
            attrs.evolve(
                task,
                per_provincial_arrangement=bool(clauses),
                provincial_clauses=clauses,
                milestones=flag_milestones(task.text, task.milestones, clauses),
            )
        )
    return attrs.evolve(plan, tasks=tuple(tasks))
