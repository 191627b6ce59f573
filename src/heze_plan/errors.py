"""Every error the library raises, under one base class.

:class:`HezePlanError` is the base of all of them, so that a program can catch
the library's errors in one clause; each error is also a subclass of the
built-in exception that describes whose fault it is: :class:`ValueError` for
bad input (a text that is not a plan, a ledger row that cannot be read, an
erratum that does not fit), :class:`LookupError` for a name that names nothing,
:class:`ImportError` for a missing optional extra.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "AreaLookupError",
    "ErrataError",
    "ExportError",
    "ExtraMissingError",
    "FeedError",
    "HezePlanError",
    "LedgerError",
    "OutputError",
    "PandasMissingError",
    "ParseError",
    "ReadingError",
    "SourceError",
    "UnitLookupError",
]


class HezePlanError(Exception):
    """The base of every error that heze_plan raises on purpose."""


class ParseError(HezePlanError, ValueError):
    """The text cannot be read as a plan; says where, what was expected and what was found.

    ``line`` and ``column`` count from 1 in the text as given (before the
    errata are applied); either is ``None`` when the problem has no place
    (an empty text).

    >>> str(ParseError("task 3 is out of order", 12, 1, expected="task 2", found="task 3"))
    'line 12: task 3 is out of order: expected task 2, found task 3 (column 1)'
    """

    def __init__(
        self,
        message: str,
        line: int | None = None,
        column: int | None = None,
        *,
        expected: str | None = None,
        found: str | None = None,
    ) -> None:
        self.message = message
        self.line = line
        self.column = column
        self.expected = expected
        self.found = found
        text = f"line {line}: {message}" if line is not None else message
        if expected is not None:
            text += f": expected {expected}, found {found}"
        if column is not None:
            text += f" (column {column})"
        super().__init__(text)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_error, (self.message, self.line, self.column, self.expected, self.found))


def _rebuild_error(
    message: str, line: int | None, column: int | None, expected: str | None, found: str | None
) -> ParseError:
    return ParseError(message, line, column, expected=expected, found=found)


class ErrataError(HezePlanError, ValueError):
    """An erratum does not fit the text it is applied to."""


class ReadingError(HezePlanError, ValueError):
    """A recorded reading (``data/readings.json``) does not fit the parsed plan."""


class ExportError(HezePlanError, ValueError):
    """Data that cannot be structured into a plan; ``errors`` lists every problem."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("invalid plan data:\n" + "\n".join(f"  {e}" for e in errors))


class UnitLookupError(HezePlanError, LookupError):
    """A unit name that names no unit, or more than one; lists the closest units.

    ``name`` is what the user typed, ``candidates`` the canonical names that
    come closest (for an ambiguous name: every unit it could mean), ``note``
    why, when the name is known but not a unit (a county, the government itself).
    """

    def __init__(
        self, name: str, candidates: Iterable[str], *, ambiguous: bool = False, note: str = ""
    ) -> None:
        self.name = name
        self.candidates = tuple(candidates)
        self.ambiguous = ambiguous
        #: Why the name is refused, when there is more to say than "unknown" (a county, a broad name).
        self.note = note
        if ambiguous:
            message = f"unit {name!r} is ambiguous: it could be {'、'.join(self.candidates)}"
        elif self.candidates:
            message = f"unknown unit {name!r}; did you mean {'、'.join(self.candidates)}?"
        else:
            message = f"unknown unit {name!r}; `heze-plan units` lists every unit"
        if note:
            message += f" ({note})"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class AreaLookupError(HezePlanError, LookupError):
    """An area given by a number or name that the plan does not have."""

    def __str__(self) -> str:
        return str(self.args[0])


class LedgerError(HezePlanError, ValueError):
    """A ledger file that cannot be read at all (missing, unreadable)."""


class FeedError(HezePlanError, ValueError):
    """A previous feed that cannot be read, or that another program wrote."""


class OutputError(HezePlanError, OSError):
    """An output file that cannot be written: a directory given as the file, a full disk, no permission.

    An :class:`OSError` with the ``errno``, ``strerror`` and ``filename`` of the failure.
    """

    def __str__(self) -> str:
        return f"cannot write {self.filename}: {self.strerror}"


class PandasMissingError(HezePlanError, ImportError):
    """pandas is needed for DataFrames but is not installed."""


class SourceError(HezePlanError, ValueError):
    """A plan file that cannot be read as its format: unknown suffix, unreadable, corrupt, no text.

    ``path`` is the file, ``where`` the place in it when there is one (``page 3``,
    ``sheet 任务分工``), ``message`` what is wrong or missing.

    >>> str(SourceError("plan.pdf", "the file is not a PDF", where="byte 0"))
    'plan.pdf: byte 0: the file is not a PDF'
    """

    def __init__(self, path: object, message: str, *, where: str | None = None) -> None:
        self.path = str(path)
        self.where = where
        self.message = message
        super().__init__(f"{self.path}: {where}: {message}" if where else f"{self.path}: {message}")

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_source_error, (self.path, self.message, self.where))


def _rebuild_source_error(path: str, message: str, where: str | None) -> SourceError:
    return SourceError(path, message, where=where)


class ExtraMissingError(HezePlanError, ImportError):
    """Reading a format needs an optional extra that is not installed; the message says which.

    >>> str(ExtraMissingError("pdf", "pypdf", "plan.pdf"))
    "reading plan.pdf needs pypdf, which is not installed: pip install 'heze-plan[pdf]'"
    """

    def __init__(self, extra: str, package: str, path: object) -> None:
        self.extra = extra
        self.package = package
        super().__init__(
            f"reading {path} needs {package}, which is not installed: pip install 'heze-plan[{extra}]'"
        )
