"""A set of subscribable feeds: the whole plan, one per unit, one per area, with an index.

>>> import heze_plan
>>> specs = feed_specs(heze_plan.load())
>>> len(specs), specs[0].file_stem, specs[1].name
(87, 'plan', '（一）开办企业')

A unit's feed holds every milestone of the tasks it leads or shares and the
safeguards' deadlines it must act on; an event is the same in every feed it
is in (same UID, same text), so feeds never contradict each other. File
names are pinyin slugs (``unit-shi-shang-wu-ju.ics``) handed out once and
then kept in the output directory's manifest (see
:mod:`heze_plan.calendar.manifest`), so they stay the same between runs. Every file is
written atomically; each feed's SEQUENCE history is read from its previous
version (see :mod:`heze_plan.calendar.revisions`). The directory is
replaced as a whole (:mod:`heze_plan.calendar.publish`): a reader sees the
previous set or the new one, never a mix.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import attrs
from attrs import frozen

from heze_plan.calendar.entries import entries
from heze_plan.calendar.feed import PRODID, Component, FeedOptions, render_feed
from heze_plan.calendar.index_page import IndexEntry, check_base_url, index_html, index_json
from heze_plan.calendar.manifest import Manifest, OwnedFile, sha256
from heze_plan.calendar.publish import publish_directory
from heze_plan.calendar.revisions import FeedError, Revisions
from heze_plan.calendar.safeguards import SafeguardEntry, actors, safeguard_entries
from heze_plan.calendar.slugs import slug, toned_slug
from heze_plan.common.files import remove_stale
from heze_plan.common.numerals import to_chinese
from heze_plan.model.plan import Plan, Task

_CST = dt.timezone(dt.timedelta(hours=8))

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
                        f"其中牵头{lead}个。{_plan_level(len(own))}{_undated(tasks)}"
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


@frozen
class _Names:
    """Where each feed is written: its file, the old names kept as copies, the file with its history."""

    files: dict[str, str]
    aliases: dict[str, tuple[str, ...]]
    history: dict[str, str]


def _preferred_stems(specs: Sequence[FeedSpec]) -> tuple[dict[str, str], set[str]]:
    """The stem each feed would get in a new directory, and the feeds whose plain slugs collide.

    The plain pinyin slug (``unit-shi-shang-wu-ju``) where it is the feed's
    alone; where two names read alike but for the tones (市水务局, 市税务局),
    each gets its slug with tone numbers (``unit-shi4-shui3-wu4-ju2``,
    ``unit-shi4-shui4-wu4-ju2``), so that neither gets a bare ``-2``.
    """
    plain = {s.key: s.file_stem + slug(s.slug_of) for s in specs if s.slug_of is not None}
    counts = Counter(plain.values())
    collided = {key for key, stem in plain.items() if counts[stem] > 1}
    stems = {s.key: s.file_stem for s in specs}
    for spec in specs:
        if spec.key in collided and spec.slug_of is not None:
            stems[spec.key] = spec.file_stem + toned_slug(spec.slug_of)
        elif spec.key in plain:
            stems[spec.key] = plain[spec.key]
    return stems, collided


def _file_names(specs: Sequence[FeedSpec], manifest: Manifest) -> _Names:
    """The file name of each feed: the one it had, else a new name no other feed ever had.

    A feed whose old name came from a collision of plain slugs (``unit-shi-shui-wu-ju-2.ics``) moves
    to its toned name; the old name stays, as a copy of the same feed listed as an alias, so that
    existing subscriptions keep working.
    """
    preferred, collided = _preferred_stems(specs)
    owners = {Path(name).stem: owned.feed for name, owned in manifest.files.items()}
    taken = set(owners) | {"index"}
    files: dict[str, str] = {}
    aliases: dict[str, tuple[str, ...]] = {}
    history: dict[str, str] = {}
    for spec in specs:
        known = manifest.name_of(spec.key)
        old = manifest.aliases_of(spec.key)
        want = preferred[spec.key]
        if known is not None and (Path(known).stem == want or spec.key not in collided):
            files[spec.key], aliases[spec.key], history[spec.key] = known, old, known
            continue
        stem, number = want, 1
        while stem in taken and owners.get(stem) != spec.key:
            number += 1
            stem = f"{want}-{number}"
        taken.add(stem)
        files[spec.key] = stem + ".ics"
        kept = [*old, *([known] if known is not None else [])]
        aliases[spec.key] = tuple(n for n in kept if n != files[spec.key])
        history[spec.key] = known or files[spec.key]
    return _Names(files, aliases, history)


def _holds(path: Path, data: bytes) -> bool:
    """Whether ``path`` is a regular file holding exactly ``data``."""
    try:
        return (
            path.is_file()
            and not path.is_symlink()
            and path.stat().st_size == len(data)
            and (path.read_bytes() == data)
        )
    except OSError:
        return False


def _previous(directory: Path, name: str, manifest: Manifest) -> Revisions:
    path = directory / name
    if name not in manifest.files or not path.is_file():
        return Revisions()
    try:
        data = path.read_bytes()
        if sha256(data) == manifest.files[name].sha256:  # exactly what heze-plan wrote: a quick scan
            return Revisions.from_own_feed(data, prodid=PRODID)
        return Revisions.from_ical(data, prodid=PRODID)
    except FeedError as error:
        msg = f"{path}: {error}"
        raise FeedError(msg) from None


def write_feeds(
    plan: Plan, directory: Path, *, base_url: str | None = None, options: FeedOptions | None = None
) -> FeedsReport:
    """Write every feed of :func:`feed_specs`, ``index.html`` and ``index.json`` into ``directory``.

    Raises :class:`~heze_plan.errors.FeedError` (before writing anything) when a file to be
    written exists and the manifest does not say the tool wrote it. The set
    is published all at once (:func:`heze_plan.calendar.publish.publish_directory`);
    when no file would change, nothing is written at all.
    """
    base = check_base_url(base_url) if base_url is not None else None
    directory = Path(os.path.realpath(directory))
    if directory.exists() and not directory.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "is not a directory", str(directory))
    directory.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(directory.parent)
    manifest = Manifest.read(directory)
    specs = feed_specs(plan, attrs.evolve(options or FeedOptions(), base_url=base))
    names = _file_names(specs, manifest)
    contents: dict[str, tuple[str | None, bytes]] = {}
    index: list[IndexEntry] = []
    sort_keys = {spec.key: toned_slug(spec.slug_of) if spec.slug_of else "" for spec in specs}
    updated: dt.datetime | None = None
    for spec in specs:
        name = names.files[spec.key]
        history = _previous(directory, names.history[spec.key], manifest)
        feed = render_feed(plan, [*spec.tasks, *spec.safeguards], spec.options, history)
        contents[name] = (spec.key, feed.data)
        for alias in names.aliases[spec.key]:
            contents[alias] = (spec.key, feed.data)
        items = feed.todos if spec.options.components is Component.TODO else feed.events
        stamps = [revision.modified for revision in items]
        updated = max([updated, *stamps]) if updated is not None else max(stamps, default=None)
        index.append(
            IndexEntry(
                spec.key,
                spec.kind,
                spec.name,
                name,
                len(items),
                spec.lead_events,
                sort_keys[spec.key],
                names.aliases[spec.key],
            )
        )
    contents["index.json"] = (None, index_json(plan, index, base).encode())
    day = None if updated is None else updated.astimezone(_CST).date()
    page = index_html(plan, index, base, updated=day, with_status=specs[0].options.status is not None)
    contents["index.html"] = (None, page.encode())
    foreign = sorted(n for n in contents if (directory / n).exists() and n not in manifest.files)
    if foreign:
        msg = (
            f"{directory} holds {', '.join(foreign)}, which heze-plan did not write; "
            "move them away or choose another directory"
        )
        raise FeedError(msg)
    written = [n for n, (_, data) in contents.items() if not _holds(directory / n, data)]
    unchanged = [n for n in contents if n not in written]
    removed, kept = [], []
    for name in sorted(set(manifest.files) - set(contents)):
        if manifest.unchanged(directory, name):
            removed.append(name)
        elif (directory / name).exists():
            kept.append(name)
    alias_names = {a for chosen in names.aliases.values() for a in chosen}
    final = Manifest(
        {n: OwnedFile(sha256(data), key, alias=n in alias_names) for n, (key, data) in contents.items()}
    )
    if written or removed or final != manifest:
        publish_directory(
            directory, {n: data for n, (_, data) in contents.items() if n in written}, removed, final
        )
    return FeedsReport(tuple(index), tuple(written), tuple(unchanged), tuple(removed), tuple(kept))
