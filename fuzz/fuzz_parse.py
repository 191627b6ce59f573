"""Coverage-guided fuzzing of heze_plan.parse with atheris: nothing but ParseError may escape.

Run for a bounded time with ``nox -s fuzz`` (not a default session), or by
hand: ``python fuzz/fuzz_parse.py -max_total_time=60 fuzz/corpus``. The
seed corpus is written from the embedded plan and the family test texts on
first run. Each input is parsed as bytes (UTF-8 decoding included), and
again as text, strictly and leniently.
"""

from __future__ import annotations

import contextlib
import sys
import warnings
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import heze_plan
    from heze_plan import ParseError

ROOT = Path(__file__).resolve().parent.parent


def seed(corpus: Path) -> None:
    """Write the seed inputs: the embedded plan (whole and cut), the family texts."""
    corpus.mkdir(parents=True, exist_ok=True)
    if any(corpus.iterdir()):
        return
    source = heze_plan.source_text()
    seeds = {"heze.txt": source, "heze-head.txt": source[:6000], "heze-tail.txt": source[-6000:]}
    for path in sorted((ROOT / "tests" / "data" / "family").glob("*.txt")):
        seeds[path.name] = path.read_text(encoding="utf-8")
    for name, text in seeds.items():
        (corpus / name).write_bytes(text.encode())


def test_one_input(data: bytes) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for strict in (True, False):
            with contextlib.suppress(ParseError):
                heze_plan.parse(data, strict=strict)
        text = data.decode("utf-8", errors="replace")
        with contextlib.suppress(ParseError):
            heze_plan.parse(text, strict=False)


def main() -> None:
    corpora = [Path(arg) for arg in sys.argv[1:] if not arg.startswith("-")]
    for corpus in corpora:
        seed(corpus)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
