"""``calendar`` and ``feeds`` with ``--ledger`` and ``--as-of``: marked feeds, problems, exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import icalendar
import pytest

from heze_plan.cli import main

#: The sample ledger shipped in examples/ (invented data).
SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ledger-2023-10-15.csv"
HEADER = "任务序号,时间节点,目标,任务名称,状态,完成日期,实际值,数据截至,填报单位,备注,佐证材料\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def summaries(path: Path, component: str = "VEVENT") -> dict[str, str]:
    """Each summary by the task number and title it ends with."""
    found = icalendar.Calendar.from_ical(path.read_bytes()).walk(component)
    return {str(c["SUMMARY"]).rsplit("】", 1)[-1]: str(c["SUMMARY"]) for c in found}


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A ledger with one good row (task 2 done 2023-09-26) and two bad ones (task 999, done, no date)."""
    path = tmp_path / "台账.csv"
    path.write_text(
        "\ufeff"
        + HEADER
        + "2,1,,,已完成,2023-09-26,,,市行政审批服务局,,\n"
        + "999,1,,,已完成,2023-09-26,,,,,\n"
        + "8,1,,,已完成,,,,,,\n",
        encoding="utf-8",
    )
    return path


class TestCalendarWithLedger:
    """``heze-plan calendar --ledger FILE --as-of DATE`` marks the events and says how many."""

    def test_sample(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The sample on 2023-10-15: 29 done, 6 overdue, 1 dropped (test_feed_status says why); no stderr.

        123 entries: the 121 task milestones and the safeguards' 2 deadlines, which the ledger does not
        cover (no mark is counted for them).
        """
        output = tmp_path / "feed.ics"
        status, out, err = run(
            capsys, "calendar", "--ledger", str(SAMPLE), "--as-of", "2023-10-15", "-o", str(output)
        )
        assert (status, err) == (0, "")
        assert out == (
            f"{output}: 123 entries (123 new, 0 revised, 0 dropped); "
            "status as of 2023-10-15: 29 已完成, 6 逾期, 1 已取消\n"
        )
        seen = summaries(output)
        assert seen["2. 探索市场主体住所（经营场所）标准化登记"].startswith("【已完成】")
        assert seen["149. 促进版权产业发展"].startswith("【已取消】")

    def test_regenerate(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Into the same file: the same date changes nothing; a day later, the 16 October milestones
        not reported done turn overdue (10月底前 is 2023-10-31) and only they are revised.
        """
        output = tmp_path / "feed.ics"
        argv = ["calendar", "--ledger", str(SAMPLE), "-o", str(output)]
        run(capsys, *argv, "--as-of", "2023-10-31")
        before = output.read_bytes()
        assert "(0 new, 0 revised, 0 dropped)" in run(capsys, *argv, "--as-of", "2023-10-31")[1]
        assert output.read_bytes() == before
        out = run(capsys, *argv, "--as-of", "2023-11-01")[1]
        assert "(0 new, 16 revised, 0 dropped); status as of 2023-11-01: 29 已完成, 22 逾期, 1 已取消" in out

    def test_stdout_and_todos(self, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        """To stdout, with to-dos: task 2's to-do is COMPLETED on 2023-09-26 (18:00 China time)."""
        argv = [
            "calendar",
            "--area",
            "1",
            "--components",
            "todo",
            "--ledger",
            str(SAMPLE),
            "--as-of",
            "2023-10-15",
        ]
        assert main(argv) == 0
        data = capsysbinary.readouterr().out
        (todo,) = [
            t
            for t in icalendar.Calendar.from_ical(data).walk("VTODO")
            if str(t["SUMMARY"]).endswith("2. 探索市场主体住所（经营场所）标准化登记")
        ]
        assert (str(todo["STATUS"]), todo["COMPLETED"].to_ical()) == ("COMPLETED", b"20230926T100000Z")

    def test_problems_are_reported_and_good_rows_used(
        self, tmp_path: Path, mixed: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Each bad row is one line on stderr with file and line; the good row still marks task 2; the
        ledger is left exactly as the user wrote it; exit 0, or 1 with --strict (the feed still written).
        """
        written = mixed.read_bytes()
        output = tmp_path / "feed.ics"
        argv = ["calendar", "--area", "1", "--ledger", str(mixed), "--as-of", "2023-10-15", "-o", str(output)]
        status, _, err = run(capsys, *argv)
        assert status == 0
        lines = err.splitlines()
        assert len(lines) == 3
        assert lines[0].startswith(f"{mixed}:line 3: ")
        assert "999" in lines[0]
        assert lines[1].startswith(f"{mixed}:line 4: ")
        assert lines[1].endswith("status done needs a completion date")
        assert lines[2] == f"2 problem(s) in {mixed}: those rows are left out"
        seen = summaries(output)
        assert seen["2. 探索市场主体住所（经营场所）标准化登记"].startswith("【已完成】")
        assert seen["8. 优化企业全生命周期集成服务体系（节点1/2）"].startswith("【逾期】")
        assert mixed.read_bytes() == written
        output.unlink()
        status, _, err = run(capsys, *argv, "--strict")
        assert status == 1
        assert err.count("\n") == 3
        assert output.is_file()

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["--ledger", str(SAMPLE)], "needs --as-of DATE"),
            (["--as-of", "2023-10-15"], "--as-of applies to the ledger: give --ledger FILE too"),
            (["--strict"], "--strict applies to the ledger: give --ledger FILE too"),
            (["--ledger", "/nonexistent/台账.csv", "--as-of", "2023-10-15"], "cannot read ledger"),
        ],
    )
    def test_usage_errors(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
    ) -> None:
        """A missing partner option or an unreadable ledger is one line on stderr, exit 2, nothing written."""
        output = tmp_path / "feed.ics"
        status, out, err = run(capsys, "calendar", *argv, "-o", str(output))
        assert status == 2
        assert message in err
        assert err.count("\n") == 1
        assert "Traceback" not in err
        assert out == ""
        assert not output.exists()

    def test_gbk_is_read(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A ledger saved in GBK (Excel's plain CSV on a Chinese Windows) is read as such."""
        ledger = tmp_path / "gbk.csv"
        ledger.write_bytes((HEADER + "2,1,,,已完成,2023-09-26,,,,,\n").encode("gbk"))
        status, _, _ = run(capsys, "calendar", "--ledger", str(ledger), "--as-of", "2023-10-15")
        assert status == 0

    def test_not_text(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A ledger in no encoding the reader knows is refused with the Excel hint, in one line."""
        ledger = tmp_path / "latin.csv"
        ledger.write_bytes(HEADER.encode() + b"2,1,,,\xff\xff,2023-09-26,,,,,\n")
        status, _, err = run(capsys, "calendar", "--ledger", str(ledger), "--as-of", "2023-10-15")
        assert status == 2
        assert "neither UTF-8 nor GB18030/GBK" in err
        assert err.count("\n") == 1

    @pytest.mark.parametrize("value", ["2023-13-01", "15/10/2023", "today"])
    def test_bad_as_of(self, capsys: pytest.CaptureFixture[str], value: str) -> None:
        """An as-of date that is not YYYY-MM-DD is refused by the parser, exit 2."""
        with pytest.raises(SystemExit) as stop:
            main(["calendar", "--ledger", str(SAMPLE), f"--as-of={value}"])
        assert stop.value.code == 2
        assert "--as-of" in capsys.readouterr().err


class TestFeedsWithLedger:
    """``heze-plan feeds OUTDIR --ledger FILE --as-of DATE`` marks every feed of the set."""

    def test_set(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The whole-plan feed and the unit feeds are marked; a rerun with the same date writes nothing."""
        argv = ["feeds", str(tmp_path), "--ledger", str(SAMPLE), "--as-of", "2023-10-15"]
        status, out, err = run(capsys, *argv)
        assert (status, err) == (0, "")
        assert out.endswith("; status as of 2023-10-15: 29 已完成, 6 逾期, 1 已取消\n")
        assert summaries(tmp_path / "plan.ics")["149. 促进版权产业发展"] == "【已取消】149. 促进版权产业发展"
        assert "0 files written, 89 unchanged" in run(capsys, *argv)[1]

    def test_strict(self, tmp_path: Path, mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """With bad rows: problems on stderr, the set still written, exit 1 only with --strict."""
        out_dir = tmp_path / "public"
        argv = ["feeds", str(out_dir), "--ledger", str(mixed), "--as-of", "2023-10-15"]
        status, _, err = run(capsys, *argv)
        assert status == 0
        assert err.endswith(f"2 problem(s) in {mixed}: those rows are left out\n")
        shutil.rmtree(out_dir)
        assert run(capsys, *argv, "--strict")[0] == 1
        assert (out_dir / "plan.ics").is_file()

    def test_as_of_required(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Without --as-of nothing is written: a published feed must not depend on the day it is made."""
        status, _, err = run(capsys, "feeds", str(tmp_path / "public"), "--ledger", str(SAMPLE))
        assert status == 2
        assert "needs --as-of DATE" in err
        assert not (tmp_path / "public").exists()
