"""A set of subscribable feeds: the whole plan, one per unit, one per area, with an index.

>>> import heze_plan
>>> specs = feed_specs(heze_plan.load())
>>> len(specs), specs[0].file_stem, specs[1].name
(87, 'plan', '（一）开办企业')

A unit's feed holds every milestone of the tasks it leads or shares, the ones
it leads marked 【牵头】, and the safeguards' deadlines it must act on. File
names are pinyin slugs (``unit-shi-shang-wu-ju.ics``) handed out once and
then kept in the output directory's manifest (see
:mod:`heze_plan.calendar.manifest`), so they stay the same between runs. Every file is
written atomically; each feed's SEQUENCE history is read from its previous
version (see :mod:`heze_plan.calendar.revisions`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import attrs
from attrs import frozen

from heze_plan.calendar.entries import entries
from heze_plan.calendar.feed import PRODID, Component, FeedOptions, build_calendar
from heze_plan.calendar.index_page import IndexEntry, check_base_url, index_html, index_json
from heze_plan.calendar.manifest import Manifest, OwnedFile, sha256
from heze_plan.calendar.revisions import FeedError, Revisions
from heze_plan.calendar.safeguards import SafeguardEntry, actors, safeguard_entries
from heze_plan.calendar.slugs import unique_slug
from heze_plan.common.files import write_atomic
from heze_plan.common.numerals import to_chinese
from heze_plan.model.plan import Plan, Task

__all__ = ["FeedSpec", "FeedsReport", "feed_specs", "write_feeds"]


@frozen
class FeedSpec:
    """One feed of the set: its key, Chinese name, preferred file stem, tasks and options."""

    key: str
    kind: str
    name: str
    file_stem: str
    tasks: tuple[Task, ...]
    options: FeedOptions
    lead_events: int | None = None
    #: The text whose pinyin slug follows ``file_stem`` in the file name, if any.
    slug_of: str | None = None
    #: The safeguards' deadlines in the feed: all in the plan's, those a unit must act on in its own.
    safeguards: tuple[SafeguardEntry, ...] = ()


def _undated(tasks: Sequence[Task]) -> str:
    count = sum(1 for t in tasks if t.ongoing)
    return f"另有{count}项任务没有时间节点，全年推进，不在日历中。" if count else ""


def _plan_level(count: int) -> str:
    return f"其中保障措施的全市性时间节点{count}个（不属于某一领域）。" if count else ""


def feed_specs(plan: Plan, options: FeedOptions | None = None) -> tuple[FeedSpec, ...]:
    """The feeds of a plan: the whole plan, then each area, then each unit in registry order.

    The safeguards' deadlines (:mod:`heze_plan.calendar.safeguards`) are in
    the plan's feed and in the feed of each unit that must act on them; they
    belong to no area, so no area's feed has them.
    """
    options = options or FeedOptions()
    source = f"{plan.document.issuer}《{plan.document.title}》（{plan.document.number}）"
    guards = safeguard_entries(plan)
    whole = len(entries(plan)) + len(guards)
    specs = [
        FeedSpec(
            key="plan",
            kind="plan",
            name=f"{plan.document.number} 全部任务时间节点",
            file_stem="plan",
            tasks=plan.tasks,
            options=attrs.evolve(
                options,
                name=f"{plan.document.number} 全部任务时间节点",
                description=(
                    f"{source}全部任务{'和保障措施' if guards else ''}的时间节点，共{whole}个。"
                    f"{_plan_level(len(guards))}{_undated(plan.tasks)}"
                ),
            ),
            safeguards=guards,
        )
    ]
    for area in plan.areas:
        tasks = tuple(t for t in plan.tasks if t.area == area.number)
        label = f"（{to_chinese(area.number)}）{area.name}"
        specs.append(
            FeedSpec(
                key=f"area:{area.number}",
                kind="area",
                name=label,
                file_stem=f"area-{area.number:02d}-",
                slug_of=area.name,
                tasks=tasks,
                options=attrs.evolve(
                    options,
                    name=f"{label} · {plan.document.number}",
                    description=(
                        f"{source}{label}领域任务的时间节点，"
                        f"共{len(entries(plan, tasks))}个。{_undated(tasks)}"
                    ),
                ),
            )
        )
    for unit in plan.units:
        tasks = tuple(t for t in plan.tasks if unit.name in t.units)
        chosen = entries(plan, tasks)
        lead = sum(1 for e in chosen if unit.name in e.task.lead_units)
        own = tuple(g for g in guards if unit.name in actors(plan, g))
        specs.append(
            FeedSpec(
                key=f"unit:{unit.name}",
                kind="unit",
                name=unit.name,
                file_stem="unit-",
                slug_of=unit.name,
                tasks=tasks,
                options=attrs.evolve(
                    options,
                    unit=unit.name,
                    name=f"{unit.name} · {plan.document.number}",
                    description=(
                        f"{unit.name}在{source}中牵头或参与的任务时间节点，共{len(chosen) + len(own)}个，"
                        f"其中牵头{lead}个（标【牵头】）。{_plan_level(len(own))}{_undated(tasks)}"
                    ),
                ),
                lead_events=lead,
                safeguards=own,
            )
        )
    return tuple(specs)


@frozen
class FeedsReport:
    """What :func:`write_feeds` did, by file name."""

    index: tuple[IndexEntry, ...]
    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]
    kept: tuple[str, ...]


def _file_names(specs: Sequence[FeedSpec], manifest: Manifest) -> dict[str, str]:
    """The file name of each feed: the one it had, else a new slug no other feed ever had."""
    names: dict[str, str] = {}
    taken = {Path(name).stem for name in manifest.files} | {"index"}
    for spec in specs:
        known = manifest.name_of(spec.key)
        if known is not None:
            names[spec.key] = known
            continue
        if spec.slug_of is None:
            stem = spec.file_stem
        else:
            stem = unique_slug(spec.slug_of, taken, prefix=spec.file_stem)
        taken.add(stem)
        names[spec.key] = stem + ".ics"
    return names


def _previous(directory: Path, name: str, manifest: Manifest) -> Revisions:
    path = directory / name
    if name not in manifest.files or not path.is_file():
        return Revisions()
    try:
        return Revisions.from_ical(path.read_bytes(), prodid=PRODID)
    except FeedError as error:
        msg = f"{path}: {error}"
        raise FeedError(msg) from None


def write_feeds(
    plan: Plan, directory: Path, *, base_url: str | None = None, options: FeedOptions | None = None
) -> FeedsReport:
    """Write every feed of :func:`feed_specs`, ``index.html`` and ``index.json`` into ``directory``.

    Raises :class:`~heze_plan.errors.FeedError` (before writing anything) when a file to be
    written exists and the manifest does not say the tool wrote it.
    """
    base = check_base_url(base_url) if base_url is not None else None
    directory.mkdir(parents=True, exist_ok=True)
    manifest = Manifest.read(directory)
    specs = feed_specs(plan, options)
    names = _file_names(specs, manifest)
    contents: dict[str, tuple[str | None, bytes]] = {}
    index: list[IndexEntry] = []
    for spec in specs:
        name = names[spec.key]
        calendar = build_calendar(
            plan, [*spec.tasks, *spec.safeguards], spec.options, _previous(directory, name, manifest)
        )
        contents[name] = (spec.key, calendar.to_ical())
        count = len(calendar.todos if spec.options.components is Component.TODO else calendar.events)
        index.append(IndexEntry(spec.key, spec.kind, spec.name, name, count, spec.lead_events))
    contents["index.json"] = (None, index_json(plan, index, base).encode())
    contents["index.html"] = (None, index_html(plan, index, base).encode())
    foreign = sorted(n for n in contents if (directory / n).exists() and n not in manifest.files)
    if foreign:
        msg = (
            f"{directory} holds {', '.join(foreign)}, which heze-plan did not write; "
            "move them away or choose another directory"
        )
        raise FeedError(msg)
    # Record the new files before writing them, so that a run cut short leaves nothing unowned.
    pending = dict(manifest.files)
    pending.update({n: OwnedFile(sha256(data), key) for n, (key, data) in contents.items()})
    Manifest(pending).write(directory)
    written, unchanged = [], []
    for name, (_, data) in contents.items():
        path = directory / name
        if path.is_file() and path.read_bytes() == data:
            unchanged.append(name)
        else:
            write_atomic(path, data)
            written.append(name)
    removed, kept = [], []
    for name in sorted(set(manifest.files) - set(contents)):
        if manifest.unchanged(directory, name):
            (directory / name).unlink()
            removed.append(name)
        elif (directory / name).exists():
            kept.append(name)
    Manifest({n: pending[n] for n in contents}).write(directory)
    return FeedsReport(tuple(index), tuple(written), tuple(unchanged), tuple(removed), tuple(kept))
