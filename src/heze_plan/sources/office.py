"""Files only an office suite reads (``.doc``, ``.rtf``, ``.odt``, ``.xls``, ``.ods``), through LibreOffice.

Government sites still publish many plans as Word 97–2003 documents
(``.doc``) and their task tables as Excel 97–2003 workbooks (``.xls``); no
well-kept Python library reads those formats. LibreOffice does: the file is
converted headless (``soffice --convert-to docx`` or ``xlsx``) in a temporary
directory with a profile of its own, so that a LibreOffice the user has open is
not disturbed, and the result is read by the ``.docx`` or task-table reader.

LibreOffice is looked for in ``HEZE_PLAN_SOFFICE`` (the path of its
``soffice`` program), then on ``PATH`` (``soffice``, ``libreoffice``), then
where its installers put it on Windows and macOS. Without it, reading such a
file is a :class:`~heze_plan.errors.SourceError` that says to install it or to
save the file as ``.docx`` or ``.xlsx``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from heze_plan.errors import SourceError
from heze_plan.sources import docx, table
from heze_plan.sources._shared import Source

__all__ = ["SUFFIXES", "WORKBOOK_SUFFIXES", "find_soffice", "read", "to_xlsx"]

#: Each suffix, with the format LibreOffice converts it to and what the converted file is.
_CONVERSIONS: dict[str, tuple[str, str, str]] = {
    ".doc": ("docx:MS Word 2007 XML", ".docx", "a Word 97–2003 document"),
    ".rtf": ("docx:MS Word 2007 XML", ".docx", "a rich-text document"),
    ".odt": ("docx:MS Word 2007 XML", ".docx", "an OpenDocument text"),
    ".xls": ("xlsx:Calc MS Excel 2007 XML", ".xlsx", "an Excel 97–2003 workbook"),
    ".ods": ("xlsx:Calc MS Excel 2007 XML", ".xlsx", "an OpenDocument spreadsheet"),
}

SUFFIXES = tuple(_CONVERSIONS)
#: The spreadsheets among them: a ledger (台账) may come back as one of these too.
WORKBOOK_SUFFIXES = tuple(suffix for suffix, conversion in _CONVERSIONS.items() if conversion[1] == ".xlsx")

#: Where LibreOffice's installers put the program, when it is not on PATH.
_INSTALLED = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "/opt/libreoffice/program/soffice",
)

#: How long one conversion may take; a plan converts in a few seconds.
TIMEOUT_SECONDS = 180


def find_soffice() -> str | None:
    """LibreOffice's ``soffice`` program: ``HEZE_PLAN_SOFFICE``, then PATH, then the usual places."""
    named = os.environ.get("HEZE_PLAN_SOFFICE")
    if named:
        return named if Path(named).is_file() else None
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    return next((place for place in _INSTALLED if Path(place).is_file()), None)


def _convert(path: Path, data: bytes, target: str, converted_suffix: str, kind: str) -> bytes:
    """The file converted by LibreOffice headless, as the bytes of the converted file."""
    soffice = find_soffice()
    if soffice is None:
        save_as = converted_suffix
        msg = (
            f"{kind} ({path.suffix}) is read through LibreOffice, which is not installed here"
            f" (or set HEZE_PLAN_SOFFICE to its soffice program); or save the file as {save_as} and read that"
        )
        raise SourceError(path, msg)
    with tempfile.TemporaryDirectory(prefix="heze-plan-office-") as folder:
        work = Path(folder)
        # The file keeps its name: LibreOffice names a sheet read from text after it.
        source = work / path.name
        source.write_bytes(data)
        profile = work / "profile"
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target,
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        try:
            subprocess.run(
                command,
                check=False,
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
                env={**os.environ, "HOME": str(profile)},
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            msg = f"LibreOffice did not finish converting {kind} within {TIMEOUT_SECONDS} s"
            raise SourceError(path, msg) from None
        except OSError as error:
            raise SourceError(
                path, f"cannot run LibreOffice ({soffice}): {error.strerror or error}"
            ) from None
        converted = work / "out" / f"{path.stem}{converted_suffix}"
        if not converted.is_file():  # LibreOffice exits 0 when it cannot read a file
            raise SourceError(path, f"LibreOffice could not read it as {kind} (damaged, or another format)")
        return converted.read_bytes()


def to_xlsx(path: Path, data: bytes) -> bytes:
    """An ``.xls`` or ``.ods`` workbook's bytes converted to ``.xlsx`` by LibreOffice (sheets and cells kept).

    Raises :class:`~heze_plan.errors.SourceError` as :func:`read` does.
    """
    target, converted_suffix, kind = _CONVERSIONS[path.suffix.lower()]
    if converted_suffix != ".xlsx":
        msg = f"{kind} is not a workbook"
        raise SourceError(path, msg)
    return _convert(path, data, target, converted_suffix, kind)


def read(path: Path, data: bytes) -> Source:
    """The plan text of a ``.doc``, ``.rtf``, ``.odt``, ``.xls`` or ``.ods`` file (see the module docs)."""
    target, converted_suffix, kind = _CONVERSIONS[path.suffix.lower()]
    converted = _convert(path, data, target, converted_suffix, kind)
    read = docx.read(path, converted) if converted_suffix == ".docx" else table.read_workbook(path, converted)
    return Source(read.text, f"converted by LibreOffice to {converted_suffix}, then read as {read.reading}")
