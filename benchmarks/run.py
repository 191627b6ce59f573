"""Measure heze_plan: import, load, parse, queries, feeds, the CLI, and parsing at scale.

Run with ``nox -s benchmarks`` or ``python -m benchmarks.run [--quick]``
from the repository root. Every figure is printed in one table at the end;
``--json FILE`` also writes them as data. Times are the best of several
runs (the least disturbed by the rest of the machine); subprocess figures
are medians. See docs/benchmarks.md for the figures and the goals.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

Row = tuple[str, str, str]
ROWS: list[Row] = []


def record(name: str, value: str, note: str = "") -> None:
    ROWS.append((name, value, note))
    print(f"  {name}: {value} {note}", flush=True)


def best(function: Callable[[], object], repeat: int = 5) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def best_cpu(function: Callable[[], object], repeat: int = 5) -> float:
    """The least processor time (this process's) of ``repeat`` runs, in seconds.

    On a machine shared with other jobs, wall-clock time also counts the
    time spent waiting for a processor; processor time does not.
    """
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return min(times)


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.2f} ms"


def _subprocess_times(code: str, runs: int) -> list[dict[str, float]]:
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def bench_import(runs: int) -> None:
    print("import", flush=True)
    code = (
        "import time, json\n"
        "t0 = time.perf_counter()\nimport attrs, cattrs\nt1 = time.perf_counter()\n"
        "import heze_plan\nt2 = time.perf_counter()\nheze_plan.load()\nt3 = time.perf_counter()\n"
        "import sys\n"
        "print(json.dumps({'base': t1 - t0, 'heze': t2 - t1, 'load': t3 - t2,"
        " 'heavy': sorted({m.split('.')[0] for m in sys.modules} & {'icalendar', 'holidays'})}))"
    )
    results = _subprocess_times(code, runs)
    base = statistics.median(r["base"] for r in results)
    added = statistics.median(r["heze"] for r in results)
    first_load = statistics.median(r["load"] for r in results)
    heavy = {m for r in results for m in r["heavy"]}
    record("import attrs + cattrs", ms(base), f"(median of {runs} fresh processes)")
    record("import heze_plan, added to attrs + cattrs", ms(added), "(goal <= 20 ms)")
    record("first load() in a fresh process", ms(first_load), "(snapshot read and checked)")
    record("icalendar/holidays loaded by import + load()", ", ".join(sorted(heavy)) or "none", "(goal: none)")


def bench_load_and_parse() -> None:
    import heze_plan
    from heze_plan import data
    from heze_plan.parsing.errata import shipped_errata

    print("load and parse", flush=True)
    source = heze_plan.source_text()
    errata = shipped_errata()

    def uncached() -> object:
        heze_plan.load.cache_clear()
        return heze_plan.load()

    record("load(), uncached (snapshot)", ms(best(uncached, 20)), "(goal < 10 ms)")
    heze_plan.load()
    record("load(), cached", f"{best(heze_plan.load, 1000) * 1e6:.2f} us")
    record("snapshot key (SHA-256 of the inputs)", ms(best(data.inputs_digest, 20)))
    record(
        "parse() of the embedded text, errata applied",
        ms(best(lambda: heze_plan.parse(source, errata=errata))),
    )
    record(
        "load() without the snapshot (= parse)",
        ms(best(lambda: heze_plan.parse(heze_plan.source_text(), errata=errata))),
    )
    plan = heze_plan.load()
    record("check() of the embedded plan", ms(best(lambda: heze_plan.check(plan), 20)))


def bench_queries() -> None:
    print("queries", flush=True)
    if importlib.util.find_spec("heze_plan.query.selections") is None:
        record("unit query", "skipped", "(heze_plan.query.selections is not on this branch yet)")
        return
    import attrs

    import heze_plan
    from heze_plan.query import selections as queries

    plan = heze_plan.load()

    def first_query() -> object:
        fresh = attrs.evolve(plan)  # a new plan object: its indexes are built anew
        return list(queries.tasks(fresh).led_by("市商务局"))

    record("unit query: tasks led by 市商务局, first on a plan (builds the index)", ms(best(first_query, 10)))
    list(queries.tasks(plan).led_by("市商务局"))
    record(
        "unit query: tasks led by 市商务局, indexed",
        f"{best(lambda: list(queries.tasks(plan).led_by('市商务局')), 200) * 1e6:.1f} us",
    )

    def november() -> object:
        return list(queries.milestones(plan).involving("各县区政府、管委会").in_month("2023-11"))

    record(
        "unit query: milestones involving 各县区政府、管委会 in November",
        f"{best(november, 200) * 1e6:.1f} us",
    )


def _feed_builder() -> Callable[[object], object] | None:
    """The whole plan's feed as bytes, as ``heze-plan calendar`` writes it (when the feeds exist)."""
    if importlib.util.find_spec("heze_plan.calendar.feed") is None:
        return None
    from heze_plan.calendar.feed import render_feed

    return lambda plan: render_feed(plan).data  # type: ignore[arg-type]


def bench_feeds() -> None:
    print("feeds", flush=True)
    if importlib.util.find_spec("heze_plan.calendar.feed_set") is None:
        record("every feed", "skipped", "(heze_plan.calendar.feed_set is not on this branch yet)")
        return
    import tempfile

    from heze_plan import load
    from heze_plan.calendar import to_ical
    from heze_plan.calendar.feed import build_calendar, render_feed
    from heze_plan.calendar.feed_set import feed_specs, write_feeds

    plan = load()

    def every_feed() -> int:
        """What ``heze-plan feeds`` writes, in memory: every feed of the set as bytes."""
        specs = feed_specs(plan)
        return sum(len(render_feed(plan, [*s.tasks, *s.safeguards], s.options).data) for s in specs)

    def every_feed_as_objects() -> int:
        """The same feeds through icalendar's objects (``build_calendar``), for programs that want them."""
        specs = feed_specs(plan)
        return sum(len(to_ical(build_calendar(plan, [*s.tasks, *s.safeguards], s.options))) for s in specs)

    record(
        f"every feed of the embedded plan, in memory ({len(feed_specs(plan))} feeds)",
        ms(best(every_feed, 3)),
        "(goal < 1 s)",
    )
    record("every feed as icalendar objects (build_calendar + to_ical)", ms(best(every_feed_as_objects, 3)))

    def write_all() -> object:
        with tempfile.TemporaryDirectory() as directory:
            return write_feeds(plan, Path(directory))

    record("write_feeds() of the embedded plan, files and index", ms(best(write_all, 3)), "(fsync per file)")

    with tempfile.TemporaryDirectory() as directory:
        write_feeds(plan, Path(directory))

        def rerun() -> object:
            return write_feeds(plan, Path(directory))

        record("write_feeds() again, nothing changed (reads 86 previous feeds)", ms(best(rerun, 3)))
    feeds = _feed_values(plan)
    # interleaved rounds, each keeping its best: load from other processes hits all four alike
    ours, objects, plain_icalendar, plain_strings = (float("inf"),) * 4
    for _ in range(3):
        ours = min(ours, best(every_feed, 1))
        objects = min(objects, best(every_feed_as_objects, 1))
        plain_icalendar = min(plain_icalendar, best(lambda: _icalendar_baseline(feeds), 1))
        plain_strings = min(plain_strings, best(lambda: _string_baseline(feeds), 1))
    events = sum(len(f) for f in feeds)
    record(f"baseline: the same {events} events with a plain icalendar script", ms(plain_icalendar))
    record(f"baseline: the same {events} events with string formatting", ms(plain_strings))
    record("every feed / plain icalendar script", f"{ours / plain_icalendar:.2f}x", "(goal <= 1.5x)")
    record("every feed / string formatting", f"{ours / plain_strings:.2f}x")
    record("every feed as icalendar objects / plain icalendar script", f"{objects / plain_icalendar:.2f}x")
    whole = _feed_builder()
    assert whole is not None
    record("the whole plan's feed", ms(best(lambda: whole(plan), 5)))


Values = dict[str, object]


def _feed_values(plan: object) -> list[list[Values]]:
    """What every event of every feed holds, taken from the feeds once (not timed)."""
    import icalendar

    from heze_plan.calendar.feed import build_calendar
    from heze_plan.calendar.feed_set import feed_specs

    feeds = []
    for spec in feed_specs(plan):  # type: ignore[arg-type]
        calendar = build_calendar(plan, [*spec.tasks, *spec.safeguards], spec.options)  # type: ignore[arg-type]
        feeds.append(
            [
                {
                    "uid": str(e["UID"]),
                    "summary": str(e["SUMMARY"]),
                    "description": str(e["DESCRIPTION"]),
                    "categories": [str(c) for c in e["CATEGORIES"].cats],
                    "start": e["DTSTART"].dt,
                    "stamp": e["DTSTAMP"].dt,
                    "alarms": [(str(a["DESCRIPTION"]), a["TRIGGER"].dt) for a in e.walk("VALARM")],
                }
                for e in icalendar.Calendar.from_ical(calendar.to_ical()).walk("VEVENT")
            ]
        )
    return feeds


def _icalendar_baseline(feeds: list[list[Values]]) -> int:
    """The events as a plain script would write them with icalendar: no revisions, no digests."""
    import datetime as dt

    import icalendar

    size = 0
    for events in feeds:
        calendar = icalendar.Calendar()
        calendar.add("prodid", "-//baseline//ZH")
        calendar.add("version", "2.0")
        for values in events:
            event = icalendar.Event()
            event.add("uid", values["uid"])
            event.add("summary", values["summary"])
            event.add("description", values["description"])
            event.add("categories", values["categories"])
            event.add("dtstart", values["start"])
            event.add("dtend", values["start"] + dt.timedelta(days=1))  # type: ignore[operator]
            event.add("dtstamp", values["stamp"])
            event.add("sequence", 0)
            for text, trigger in values["alarms"]:  # type: ignore[attr-defined]
                alarm = icalendar.Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", text)
                alarm.add("trigger", trigger, parameters={"VALUE": "DATE-TIME"})
                event.add_component(alarm)
            calendar.add_component(event)
        size += len(calendar.to_ical())
    return size


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    data = line.encode()
    if len(data) <= 74:
        return line
    out, start = [], 0
    while len(data) - start > 74:
        end = start + 74
        while data[end] & 0xC0 == 0x80:
            end -= 1
        out.append(data[start:end].decode())
        start = end
    out.append(data[start:].decode())
    return "\r\n ".join(out)


def _string_baseline(feeds: list[list[Values]]) -> int:
    """The same events written with string formatting: the floor for this much text."""
    import datetime as dt

    size = 0
    for events in feeds:
        lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//baseline//ZH"]
        for v in events:
            start = v["start"]
            lines += [
                "BEGIN:VEVENT",
                f"UID:{v['uid']}",
                f"SUMMARY:{_escape(str(v['summary']))}",
                f"DESCRIPTION:{_escape(str(v['description']))}",
                "CATEGORIES:" + ",".join(_escape(c) for c in v["categories"]),  # type: ignore[attr-defined]
                f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
                f"DTEND;VALUE=DATE:{start + dt.timedelta(days=1):%Y%m%d}",  # type: ignore[operator]
                f"DTSTAMP:{v['stamp']:%Y%m%dT%H%M%SZ}",
                "SEQUENCE:0",
            ]
            for text, trigger in v["alarms"]:  # type: ignore[attr-defined]
                lines += [
                    "BEGIN:VALARM",
                    "ACTION:DISPLAY",
                    f"DESCRIPTION:{_escape(text)}",
                    f"TRIGGER;VALUE=DATE-TIME:{trigger:%Y%m%dT%H%M%SZ}",
                    "END:VALARM",
                ]
            lines.append("END:VEVENT")
        lines.append("END:VCALENDAR")
        size += len("".join(_fold(line) + "\r\n" for line in lines).encode())
    return size


#: The commands whose cold start is measured: the plan alone, the parser alone, a query.
CLI_COMMANDS = (["summary"], ["--help"], ["tasks", "--unit", "海关"])


def _median_run(argv: list[str], runs: int) -> float:
    """The median wall time of ``runs`` fresh processes running ``argv``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_cli(runs: int) -> None:
    """Cold starts of the ``heze-plan`` script, beside the floor: Python, ``import heze_plan``, ``load()``."""
    print("cli", flush=True)
    executable = shutil.which("heze-plan", path=str(Path(sys.executable).parent))
    if executable is None:
        record("heze-plan summary, cold start", "skipped", "(the heze-plan script is not installed)")
        return
    for command in CLI_COMMANDS:
        seconds = _median_run([executable, *command], runs)
        record(f"heze-plan {' '.join(command)}, cold start", ms(seconds), f"(median of {runs})")
    import tempfile

    with tempfile.TemporaryDirectory() as directory:
        target = str(Path(directory) / "plan.ics")
        fresh = [[executable, "calendar", "-o", str(Path(directory) / f"new-{i}.ics")] for i in range(runs)]
        # interleaved, so that a burst of load from other processes hits all three alike
        first_write, rewrite, bare = [], [], []
        subprocess.run([executable, "calendar", "-o", target], capture_output=True, check=True)
        for argv in fresh:
            first_write.append(_median_run(argv, 1))
            rewrite.append(_median_run([executable, "calendar", "-o", target], 1))
            bare.append(_median_run([sys.executable, "-c", "import icalendar"], 1))
    new_file, again, floor_ical = (statistics.median(t) for t in (first_write, rewrite, bare))
    record("heze-plan calendar -o FILE, cold start, new FILE", ms(new_file), f"(median of {runs})")
    record("heze-plan calendar -o FILE, cold start, FILE rewritten", ms(again), "(previous feed read)")
    record("python -c 'import icalendar', for comparison", ms(floor_ical))
    record("calendar -o / import icalendar, new FILE", f"{new_file / floor_ical:.2f}x", "(goal <= 2x)")
    record("calendar -o / import icalendar, FILE rewritten", f"{again / floor_ical:.2f}x", "(goal <= 2x)")
    floor = [sys.executable, "-c", "import heze_plan; heze_plan.load()"]
    record("python -c 'import heze_plan; heze_plan.load()'", ms(_median_run(floor, runs)))
    record("python -c pass, for comparison", ms(_median_run([sys.executable, "-c", "pass"], runs)))


#: The floor for parsing: one regular-expression pass that finds every task line and its
#: owner clause, and nothing else (no areas, dates, targets, units or model objects).
_TASK_LINE = re.compile(r"(?m)^(\d+)\.\s*(.*?)[（(]([^（）()]*牵头[^（）()]*)[）)]\s*$")


def _clear_parse_caches() -> None:
    """Forget what the parser remembers per distinct string (its bounded ``lru_cache`` functions).

    So that a timed parse pays for every distinct unit list of its own text,
    not one read by an earlier parse of the same text; the unbounded caches
    (the shipped registry, compiled splitters) are kept, as in any process.
    """
    import heze_plan.parsing

    for module in list(sys.modules.values()):
        if not getattr(module, "__name__", "").startswith(heze_plan.parsing.__name__):
            continue
        for value in vars(module).values():
            parameters = getattr(value, "cache_parameters", None)
            if parameters is not None and parameters()["maxsize"] is not None:
                value.cache_clear()


def _cold(function: Callable[[], object]) -> Callable[[], object]:
    def run() -> object:
        _clear_parse_caches()
        return function()

    return run


def bench_family() -> None:
    """The score on the real plans of the family (tests/data/family/real): tasks right, documents parsed."""
    from .family_score import score, table

    print("family", flush=True)
    scores = score()
    right, total = sum(s.right for s in scores), sum(s.tasks for s in scores)
    parsed = sum(s.outcome == "parsed" for s in scores)
    print(table(scores), flush=True)
    record("real plans of the family: tasks right", f"{right}/{total}", f"({right / total:.1%})")
    record(
        "real plans of the family: documents parsed", f"{parsed}/{len(scores)}", "(the other asks for year=)"
    )


def bench_parse(texts: dict[str, tuple[int, str]], rounds: int) -> dict[str, float]:
    """Parsing beside its floor, per task: the Heze-layout reading, the tolerant one, one regex pass.

    ``texts`` maps a label to (tasks, text). Every round runs each reading of
    each text once and each keeps its fastest round (a burst of load from
    other processes then hits one round of one size, not a whole size); the
    times are processor time (:func:`best_cpu`). The parser's per-string
    caches are cleared before each timed run. Returns the Heze-layout
    parse's seconds per task by label.
    """
    import heze_plan
    from heze_plan.parsing._generic import parse_generic

    print("parse beside its floor", flush=True)
    heze_plan.parse(heze_plan.source_text())  # warm up: imports, compiled patterns
    readings: dict[str, Callable[[str], object]] = {
        "regex floor (one pass: task lines and owner clauses)": _TASK_LINE.findall,
        "parse(), Heze layout": heze_plan.parse,
        "tolerant reading (parsing._generic)": lambda text: parse_generic(text, year=None),
    }
    times = {(label, name): float("inf") for label in texts for name in readings}
    for _ in range(rounds):
        for label, (_, text) in texts.items():
            for name, read in readings.items():
                seconds = best_cpu(_cold(lambda read=read, text=text: read(text)), 1)
                times[label, name] = min(times[label, name], seconds)
    floor_name, parse_name, generic_name = readings
    for label, (tasks, _) in texts.items():
        floor = times[label, floor_name] / tasks
        for name in readings:
            per_task = times[label, name] / tasks
            note = "" if name == floor_name else f"({per_task / floor:.1f}x the floor; goal <= 50 us)"
            record(f"{name}, {label}", f"{per_task * 1e6:.1f} us/task", f"(processor time) {note}".strip())
    sizes = [label for label in texts if label.endswith("generated")]
    for name in (parse_name, generic_name):
        per_task = [times[label, name] / texts[label][0] for label in sizes]
        if len(per_task) > 1:
            record(
                f"{name}: per task, largest / smallest",
                f"{max(per_task) / min(per_task):.2f}x",
                "(goal <= 1.5x)",
            )
    return {label: times[label, parse_name] / tasks for label, (tasks, _) in texts.items()}


def bench_scale(sizes: list[int], rounds: int, *, only_parse: bool = False) -> None:
    """Parse (beside its floor), check and feed at each size."""
    import heze_plan

    from .plans import generated_text

    print("scale", flush=True)
    source = heze_plan.source_text()
    texts = {"Heze's text (195 tasks)": (195, source)}
    texts |= {f"{size:,} tasks generated": (size, generated_text(size)) for size in sizes}
    per_task = bench_parse(texts, rounds)
    if only_parse:
        return
    feed = _feed_builder()
    feed_per_task: dict[int, float] = {}
    for size in sizes:
        text = texts[f"{size:,} tasks generated"][1]
        plan = heze_plan.parse(text)
        check_time = best(lambda plan=plan: heze_plan.check(plan), 3)
        _clear_parse_caches()
        tracemalloc.start()
        heze_plan.parse(text)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        record(
            f"parse, {size:,} tasks ({len(text) / 1e6:.1f} MB of text)",
            f"{per_task[f'{size:,} tasks generated'] * size:.3f} s",
        )
        record(f"check, {size:,} tasks", f"{check_time:.3f} s", f"({check_time / size * 1e6:.2f} us/task)")
        record(
            f"parse peak memory, {size:,} tasks", f"{peak / 1e6:.1f} MB", f"({peak / size / 1e3:.2f} kB/task)"
        )
        if feed is None:
            record(
                f"full-plan feed, {size:,} tasks", "skipped", "(the calendar feeds are not on this branch)"
            )
        else:
            # with and without the cyclic GC in alternate rounds, each keeping its best
            feed_time = without_gc = float("inf")
            for _ in range(3):
                feed_time = min(feed_time, best(lambda plan=plan: feed(plan), 1))
                gc.disable()
                try:
                    without_gc = min(without_gc, best(lambda plan=plan: feed(plan), 1))
                finally:
                    gc.enable()
            feed_per_task[size] = feed_time / size
            record(
                f"full-plan feed, {size:,} tasks",
                f"{feed_time:.3f} s",
                f"({feed_time / size * 1e6:.1f} us/task)",
            )
            record(
                f"full-plan feed, {size:,} tasks, cyclic GC off",
                f"{without_gc:.3f} s",
                f"(GC share {max(0.0, 1 - without_gc / feed_time):.0%})",
            )
        del plan
    if feed_per_task:
        ratio = max(feed_per_task.values()) / min(feed_per_task.values())
        record("full-plan feed time per task, largest / smallest", f"{ratio:.2f}x", "(goal: flat)")


def _ledger_csv(plan: object, as_of: object, rows: int) -> str:
    """A filled CSV ledger of the first ``rows`` milestones (or tasks without one) of ``plan``."""
    lines = ["任务序号,时间节点,状态,完成日期,填报单位"]
    for task in plan.tasks:  # type: ignore[attr-defined]
        lead = task.lead_units[0]
        if not task.milestones:
            lines.append(f"{task.number},,推进中,,{lead}")
        for index, milestone in enumerate(task.milestones, 1):
            done = milestone.due <= as_of  # type: ignore[operator]
            state = f"已完成,{milestone.due}" if done else "推进中,"
            lines.append(f"{task.number},{index},{state},{lead}")
        if len(lines) > rows:
            break
    return "\n".join(lines[: rows + 1]) + "\n"


class _LedgerCase:
    """One ledger of ``rows`` rows on a plan of as many tasks, as CSV and xlsx, and what it is made into.

    Each stage (ours) has a baseline doing the least any implementation must do with the same
    input, timed in the same round, so that the machine's load cancels out of their ratio.
    """

    def __init__(self, rows: int, directory: Path, openpyxl: object) -> None:
        import datetime as dt

        from heze_plan.progress.assessment import status
        from heze_plan.progress.ledger_files import parse_ledger

        from .plans import generated_plan

        self.rows, self.openpyxl = rows, openpyxl
        self.as_of = dt.date(2023, 10, 15)
        self.plan = generated_plan(rows)
        self.text = _ledger_csv(self.plan, self.as_of, rows)
        ledger, problems = parse_ledger(self.text, self.plan, as_of=self.as_of)
        assert not problems, problems[:3]
        assert len(ledger.entries) == rows
        self.ledger = ledger
        half = rows // 2  # two units' files that overlap in a tenth of the rows, all agreeing
        self.parts = [
            type(ledger)(entries=ledger.entries[: half + rows // 20]),
            type(ledger)(entries=ledger.entries[half - rows // 20 :]),
        ]
        self.result = status(self.plan, ledger, as_of=self.as_of)
        self.xlsx = directory / f"ledger-{rows}.xlsx"
        if openpyxl is not None:
            import csv
            import io

            book = openpyxl.Workbook(write_only=True)  # type: ignore[attr-defined]
            sheet = book.create_sheet("台账")
            for row in csv.reader(io.StringIO(self.text)):
                sheet.append([int(c) if c.isdigit() else c for c in row])
            book.save(self.xlsx)

    def stages(self) -> dict[str, tuple[Callable[[], object], Callable[[], object]]]:
        """Each stage's name with (ours, its baseline)."""
        import csv
        import html
        import io

        from heze_plan.progress.assessment import status
        from heze_plan.progress.ledger_files import load_ledger, parse_ledger
        from heze_plan.progress.merge import merge_ledgers
        from heze_plan.progress.report import render

        plan, text, as_of = self.plan, self.text, self.as_of

        def csv_dict() -> object:  # csv.reader over the same text into a dict by (task, milestone)
            reader = csv.reader(io.StringIO(text))
            next(reader)
            return {(r[0], r[1]): r for r in reader}

        def dict_merge() -> object:  # the parts' rows into one dict by key, later ones kept
            merged: dict[object, object] = {}
            for part in self.parts:
                for entry in part.entries:
                    merged[entry.round_key] = entry
            return merged

        def html_rows() -> object:  # one escaped table row per item, bare Python
            return "".join(
                f"<tr><td>{i.task}.{i.milestone}</td><td>{i.due}</td><td>{html.escape(i.deliverable)}</td>"
                f"<td>{html.escape('、'.join(i.lead_units))}</td><td>{i.state.value}</td></tr>"
                for i in self.result.items
            )

        def report() -> object:
            result = status(plan, self.ledger, as_of=as_of)
            return render(result, fmt="html")

        stages: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
            "ledger check, CSV (parse_ledger) / csv.reader into a dict": (
                lambda: parse_ledger(text, plan, as_of=as_of),
                csv_dict,
            ),
            "ledger merge of two files (merge_ledgers) / a dict by key": (
                lambda: merge_ledgers(plan, self.parts),
                dict_merge,
            ),
            "report: status() + html / escaped f-string rows": (report, html_rows),
        }
        openpyxl = self.openpyxl
        if openpyxl is None:
            return stages

        def openpyxl_pass() -> None:
            book = openpyxl.load_workbook(self.xlsx, read_only=True, data_only=True)  # type: ignore[attr-defined]
            for _ in book["台账"].iter_rows(values_only=True):
                pass
            book.close()

        def openpyxl_write() -> object:  # the report's rows through openpyxl's write-only mode
            book = openpyxl.Workbook(write_only=True)  # type: ignore[attr-defined]
            sheet = book.create_sheet("节点")
            for i in self.result.items:
                sheet.append([i.task, i.milestone, i.due, i.deliverable, i.state.label])
            out = io.BytesIO()
            book.save(out)
            return out

        stages["ledger check, xlsx (load_ledger) / openpyxl's read-only pass"] = (
            lambda: load_ledger(self.xlsx, plan, as_of=as_of),
            openpyxl_pass,
        )
        stages["report --format xlsx (to_xlsx) / openpyxl write-only of the items"] = (
            lambda: render(self.result, fmt="xlsx"),
            openpyxl_write,
        )
        return stages


def bench_ledger(sizes: list[int], rounds: int = 3) -> None:
    """Check (CSV, xlsx), merge and report of ledgers of 1 000 to 100 000 rows, each beside a baseline.

    Every round times every stage and its baseline at every size, one after the other, and
    each keeps its fastest round (the machine is shared: a disturbance then spoils one round of
    one figure, not a whole size). Reported: time per row for ours and the baseline, their
    ratio, and per row at the largest size over the smallest (flat: goal <= 1.5x).
    """
    import datetime as dt
    import tempfile

    from heze_plan.common.workdays import working_days_between

    print("ledger", flush=True)
    start = time.perf_counter()
    working_days_between(dt.date(2023, 9, 1), dt.date(2023, 10, 1))
    record("holidays import + China 2023 calendar, once per process", ms(time.perf_counter() - start))
    try:
        import openpyxl
    except ImportError:
        openpyxl = None
    with tempfile.TemporaryDirectory() as directory:
        cases = {rows: _LedgerCase(rows, Path(directory), openpyxl) for rows in sizes}
        stages = {rows: case.stages() for rows, case in cases.items()}
        ours: dict[str, dict[int, float]] = {}
        base: dict[str, dict[int, float]] = {}
        for _ in range(rounds):
            for rows in sizes:
                for name, (mine, baseline) in stages[rows].items():
                    repeat = 1 if rows >= 100_000 else 2
                    for kept, function in ((ours, mine), (base, baseline)):
                        seconds = best(function, repeat)
                        fastest = kept.setdefault(name, {})
                        fastest[rows] = min(fastest.get(rows, seconds), seconds)
    for name in ours:
        for rows in sizes:
            mine, theirs = ours[name][rows], base[name][rows]
            record(
                f"{name}, {rows:,} rows",
                f"{mine / rows * 1e6:.1f} us/row",
                f"(baseline {theirs / rows * 1e6:.1f} us/row; ratio {mine / theirs:.2f}x)",
            )
        low, high = min(sizes), max(sizes)
        flat = (ours[name][high] / high) / (ours[name][low] / low)
        flat_base = (base[name][high] / high) / (base[name][low] / low)
        record(
            f"{name}: per row, {high:,} / {low:,} rows",
            f"{flat:.2f}x",
            f"(baseline {flat_base:.2f}x; goal <= 1.5x)",
        )


def bench_readers() -> None:
    """Reading the Heze plan from each published format, beside parsing its text (the baseline)."""
    import tempfile

    import heze_plan

    print("reading plan files", flush=True)
    try:
        from tests import plan_files
    except ImportError as error:  # pragma: no cover - the test extra is missing
        record("reading plan files", "skipped", f"({error})")
        return
    source = heze_plan.source_text()
    record("parse() of the text, no errata (baseline)", ms(best(lambda: heze_plan.parse(source))))
    with tempfile.TemporaryDirectory() as folder:
        where = Path(folder)
        plan = heze_plan.load()
        txt = where / "plan.txt"
        txt.write_text(source, encoding="utf-8")
        writers: dict[str, Callable[[], Path]] = {
            ".txt": lambda: txt,
            ".pdf (reportlab)": lambda: plan_files.write_pdf_reportlab(where / "plan.pdf"),
            ".docx": lambda: plan_files.write_docx(where / "plan.docx"),
            ".html": lambda: plan_files.write_html_paragraphs(where / "plan.html"),
            ".xlsx": lambda: plan_files.write_xlsx(where / "plan.xlsx", plan),
            ".csv": lambda: plan_files.write_csv(where / "plan.csv", plan),
        }
        for name, write in writers.items():
            try:
                path = write()
            except ImportError as error:
                record(f"read_text({name})", "skipped", f"({error})")
                continue
            size = f"({path.stat().st_size // 1024} KB)"
            record(f"read_text({name})", ms(best(lambda p=path: heze_plan.read_text(p), 3)), size)
            record(f"read({name}), text and parse", ms(best(lambda p=path: heze_plan.read(p), 3)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs and sizes up to 10 000 tasks")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--only-ledger", action="store_true", help="only the ledger figures")
    parser.add_argument(
        "--only-parse", action="store_true", help="only parsing beside its floor (Heze's text and each size)"
    )
    args = parser.parse_args(argv)
    runs = 5 if args.quick else 15
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    print(f"Python {sys.version.split()[0]} on {os.cpu_count()} CPUs", flush=True)
    record("load average at the start (1, 5, 15 min)", " ".join(f"{x:.2f}" for x in os.getloadavg()))
    if args.only_ledger:
        bench_ledger(sizes, 2 if args.quick else 3)
        _table(args.json)
        return 0
    if args.only_parse:
        bench_scale(sizes, 3 if args.quick else 5, only_parse=True)
        _table(args.json)
        return 0
    bench_import(runs)
    bench_load_and_parse()
    bench_queries()
    bench_feeds()
    bench_cli(runs)
    bench_readers()
    bench_family()
    bench_scale(sizes, 2 if args.quick else 3)
    bench_ledger(sizes, 2 if args.quick else 3)
    _table(args.json)
    return 0


def _table(path: Path | None) -> None:
    """Every figure in one table, and as JSON to ``path`` if given."""
    record("load average at the end (1, 5, 15 min)", " ".join(f"{x:.2f}" for x in os.getloadavg()))
    width = max(len(name) for name, _, _ in ROWS)
    print("\n" + "figure".ljust(width) + " | value        | note")
    print("-" * width + "-|--------------|------")
    for name, value, note in ROWS:
        print(f"{name.ljust(width)} | {value.ljust(12)} | {note}")
    if path:
        rows = [{"figure": name, "value": value, "note": note} for name, value, note in ROWS]
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
