#!/usr/bin/env python3
"""Recalculates a workbook with LibreOffice and prints what it holds, as JSON.

    scripts/recalc.py WORKBOOK.xlsx [--set NAME=VALUE]... [--cell REF]... [--names-only]
                      [--formulas] [--text] [--timeout SECONDS]

Opens the workbook in a headless LibreOffice (Calc) of its own, sets the named cells first
(`--set npv_rate=0.12`: by defined name, or by a reference such as `Inputs!B3`; a VALUE that
reads as a number is set as one, anything else as text), recalculates every formula (a hard
recalculation, XCalculatable.calculateAll, which ignores the cached values the file carries),
and prints one JSON object:

    {
      "sheets":   {"Inputs": [["Name", "Value"], ["calls", 1000.0]], ...},   (not with --names-only)
      "names":    {"calls": 1000.0, "npv": 482199.53, "years": [1.0, 2.0, 3.0], ...},
      "cells":    {"Model!B2": 6500.0, ...},                                   (with --cell)
      "formulas": {"Model": [["Total"], ["=calls*cost_per_call"]], ...},        (with --formulas)
      "text":     {"Inputs": [["Name", "Value"], ["calls", "1,000"]], ...},     (with --text)
      "errors":   ["Model!B3: #DIV/0!"]
    }

A sheet is its used area from A1, row by row: a number is a JSON number, text a string, an
empty cell null, and a formula its recalculated result. A formula that gives an error gives the
error as LibreOffice shows it ("#DIV/0!", "#NAME?", "Err:502") and is listed under "errors" too.
A defined name that refers to one cell is that cell's value; to a range, a list of rows (one
row: a flat list); any other name (a constant, a formula) is evaluated in a scratch sheet.
Only workbook-wide names are listed (not names scoped to one sheet).

LibreOffice runs with a user profile in a fresh temporary folder (-env:UserInstallation), never
the user's own, and is ended when the call ends; nothing is written back to the workbook. A
call takes about 2–4 s, most of it LibreOffice starting. Needs LibreOffice Calc and its Python
bridge (Debian: libreoffice-calc-nogui python3-uno); the bridge lives in the system Python, so
the script runs itself again with /usr/bin/python3 when the Python that started it has no `uno`.

Exit status: 0 printed, 1 the workbook or a --set/--cell could not be used, 2 usage or
LibreOffice could not be started.
"""
import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

try:
    import uno  # noqa: F401  (the bridge; imported for its side effect of setting up pyuno)
except ImportError:
    SYSTEM_PYTHON = "/usr/bin/python3"
    if os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON) and os.path.exists(SYSTEM_PYTHON) \
            and not os.environ.get("PLAYBOOK_RECALC_REEXEC"):
        os.environ["PLAYBOOK_RECALC_REEXEC"] = "1"
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON, os.path.abspath(__file__)] + sys.argv[1:])
    print("recalc.py: the LibreOffice Python bridge is missing (Debian: apt-get install python3-uno)", file=sys.stderr)
    sys.exit(2)

from com.sun.star.beans import PropertyValue  # noqa: E402
from com.sun.star.connection import NoConnectException  # noqa: E402
from com.sun.star.table.CellContentType import EMPTY, VALUE, TEXT, FORMULA  # noqa: E402


class Failure(Exception):
    """A problem with the workbook or the arguments (exit status 1)."""


def prop(name, value):
    result = PropertyValue()
    result.Name = name
    result.Value = value
    return result


def soffice_path():
    for candidate in (os.environ.get("PLAYBOOK_SOFFICE"), shutil.which("soffice"), "/usr/lib/libreoffice/program/soffice"):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


class Office:
    """One headless LibreOffice with a private profile, reached over a named pipe."""

    def __init__(self, timeout):
        self.folder = tempfile.mkdtemp(prefix="playbook-recalc-")
        self.pipe = "playbook_recalc_" + uuid.uuid4().hex
        executable = soffice_path()
        if executable is None:
            raise RuntimeError("LibreOffice (soffice) is not installed (Debian: apt-get install libreoffice-calc-nogui)")
        profile = "file://" + os.path.join(self.folder, "profile")
        self.process = subprocess.Popen(
            [executable, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
             "-env:UserInstallation=" + profile,
             "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            start_new_session=True)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + timeout
        context = None
        while context is None:
            try:
                context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe)
            except NoConnectException:
                if self.process.poll() is not None:
                    error = self.process.stderr.read().decode("utf-8", "replace").strip() if self.process.stderr else ""
                    self.close()
                    raise RuntimeError("LibreOffice ended before it could be reached (status %d)%s"
                                       % (self.process.returncode, ": " + error if error else ""))
                if time.monotonic() > deadline:
                    self.close()
                    raise RuntimeError("LibreOffice could not be reached within %g s" % timeout)
                time.sleep(0.1)
        self.desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)

    def open(self, path):
        # A copy in the private folder is opened, so that LibreOffice's lock file
        # (.~lock.NAME#) never lands beside the workbook and calls on one workbook can overlap.
        extension = os.path.splitext(path)[1] or ".xlsx"
        copy = os.path.join(self.folder, "workbook" + extension)
        shutil.copyfile(path, copy)
        url = uno.systemPathToFileUrl(copy)
        # Hidden, no macros, no update of links to other files.
        document = self.desktop.loadComponentFromURL(url, "_blank", 0, (
            prop("Hidden", True), prop("MacroExecutionMode", 0), prop("UpdateDocMode", 0),
        ))
        if document is None or not hasattr(document, "Sheets"):
            if document is not None:
                document.close(True)
            raise Failure("%s is not a workbook LibreOffice Calc can open" % path)
        return document

    def close(self):
        try:
            if getattr(self, "desktop", None) is not None:
                self.desktop.terminate()
        except Exception:  # the bridge goes away as LibreOffice ends: that is the point
            pass
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            # Ends the LibreOffice this script started (its own session), nothing else.
            os.killpg(self.process.pid, 9)
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def number_or_text(text):
    try:
        value = float(text)
    except ValueError:
        return text
    return value if math.isfinite(value) else text


def cell_value(cell, where, errors):
    kind = cell.getType()
    if kind == EMPTY:
        return None
    if kind == VALUE:
        return cell.getValue()
    if kind == TEXT:
        return cell.getString()
    # A formula: its result, an error, a number or text.
    if cell.getError() != 0:
        shown = cell.getString() or "Err:%d" % cell.getError()
        errors.append("%s: %s" % (where, shown))
        return shown
    result_type = cell.FormulaResultType2  # com.sun.star.sheet.FormulaResult: VALUE 1, STRING 2, ERROR 4
    if result_type == 2:
        return cell.getString()
    return cell.getValue()


def column_name(index):
    name = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        name = chr(65 + remainder) + name
    return name


def address_text(document, address):
    sheet = document.Sheets.getByIndex(address.Sheet).Name
    return "%s!%s%d" % (sheet, column_name(address.Column), address.Row + 1)


def range_values(document, cells, errors):
    address = cells.getRangeAddress()
    rows = []
    for row in range(address.EndRow - address.StartRow + 1):
        values = []
        for column in range(address.EndColumn - address.StartColumn + 1):
            cell = cells.getCellByPosition(column, row)
            values.append(cell_value(cell, address_text(document, cell.getCellAddress()), errors))
        rows.append(values)
    return rows


def used_area(sheet):
    """The cells from A1 to the last used row and column (None: an empty sheet)."""
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    end = cursor.getRangeAddress()
    first = sheet.getCellByPosition(0, 0)
    if end.EndRow == 0 and end.EndColumn == 0 and first.getType() == EMPTY:
        return None
    return sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)


def referred_cells(document, name):
    """The cell range a workbook-wide defined name refers to (None: not a plain reference)."""
    ranges = document.NamedRanges
    if not ranges.hasByName(name):
        return None
    try:
        return ranges.getByName(name).getReferredCells()
    except Exception:
        return None


def target_cell(document, reference):
    """The cell a --set or --cell names: a defined name of one cell, or Sheet!A1."""
    cells = referred_cells(document, reference)
    if cells is not None:
        address = cells.getRangeAddress()
        if address.EndRow != address.StartRow or address.EndColumn != address.StartColumn:
            raise Failure("the name '%s' refers to a range, not one cell" % reference)
        return cells.getCellByPosition(0, 0)
    if "!" in reference:
        sheet_name, cell_name = reference.rsplit("!", 1)
        sheet_name = sheet_name.strip("'").replace("''", "'")
        if document.Sheets.hasByName(sheet_name):
            try:
                return document.Sheets.getByName(sheet_name).getCellRangeByName(cell_name.replace("$", ""))
            except Exception:
                pass
    if document.NamedRanges.hasByName(reference):
        raise Failure("the name '%s' is not a reference to a cell" % reference)
    known = ", ".join(sorted(document.NamedRanges.ElementNames)) or "none"
    raise Failure("'%s' is neither a defined name nor a cell such as Inputs!B3 (the names: %s)" % (reference, known))


def evaluate_names(document, errors):
    names = {}
    scratch = None
    for name in sorted(document.NamedRanges.ElementNames):
        cells = referred_cells(document, name)
        if cells is not None:
            rows = range_values(document, cells, errors)
            if len(rows) == 1 and len(rows[0]) == 1:
                names[name] = rows[0][0]
            elif len(rows) == 1:
                names[name] = rows[0]
            else:
                names[name] = rows
            continue
        # A constant or a formula: evaluated by a formula in a sheet of our own (not saved).
        if scratch is None:
            sheet_name = "playbook_recalc_scratch"
            document.Sheets.insertNewByName(sheet_name, document.Sheets.getCount())
            scratch = document.Sheets.getByName(sheet_name)
        cell = scratch.getCellByPosition(0, 0)
        cell.setFormula("=" + name)
        document.calculateAll()
        names[name] = cell_value(cell, "name " + name, errors)
    return names


def run(arguments):
    parser = argparse.ArgumentParser(description="Recalculates a workbook with LibreOffice and prints its cells as JSON.")
    parser.add_argument("workbook")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="set a named cell (or Sheet!A1) before recalculating; repeatable")
    parser.add_argument("--cell", action="append", default=[], metavar="REF",
                        help="also print this cell (a defined name or Sheet!A1) under 'cells'; repeatable")
    parser.add_argument("--names-only", action="store_true", help="leave out the sheets (names, cells and errors only)")
    parser.add_argument("--formulas", action="store_true", help="also print every sheet's formulas (as written: =A1*2)")
    parser.add_argument("--text", action="store_true", help="also print every sheet's cells as LibreOffice shows them")
    parser.add_argument("--timeout", type=float, default=60, help="seconds to wait for LibreOffice to start (default 60)")
    options = parser.parse_args(arguments)
    settings = []
    for item in options.set:
        if "=" not in item:
            parser.error("--set needs NAME=VALUE, not '%s'" % item)
        name, value = item.split("=", 1)
        settings.append((name.strip(), value))
    if not os.path.isfile(options.workbook):
        print("recalc.py: there is no file %s" % options.workbook, file=sys.stderr)
        return 1

    try:
        office = Office(options.timeout)
    except RuntimeError as error:
        print("recalc.py: %s" % error, file=sys.stderr)
        return 2
    try:
        document = office.open(options.workbook)
        try:
            for name, value in settings:
                cell = target_cell(document, name)
                parsed = number_or_text(value)
                if isinstance(parsed, float):
                    cell.setValue(parsed)
                else:
                    cell.setString(parsed)
            document.calculateAll()
            errors = []
            result = {}
            sheets = [document.Sheets.getByIndex(index) for index in range(document.Sheets.getCount())]
            if not options.names_only:
                result["sheets"] = {}
                for sheet in sheets:
                    area = used_area(sheet)
                    result["sheets"][sheet.Name] = range_values(document, area, errors) if area is not None else []
            cells = {reference: cell_value(target_cell(document, reference), reference, errors) for reference in options.cell}
            if options.formulas:
                result["formulas"] = {}
                for sheet in sheets:
                    area = used_area(sheet)
                    result["formulas"][sheet.Name] = [list(row) for row in area.getFormulaArray()] if area is not None else []
            if options.text:
                result["text"] = {}
                for sheet in sheets:
                    area = used_area(sheet)
                    if area is None:
                        result["text"][sheet.Name] = []
                        continue
                    address = area.getRangeAddress()
                    result["text"][sheet.Name] = [[area.getCellByPosition(column, row).getString()
                                                   for column in range(address.EndColumn + 1)]
                                                  for row in range(address.EndRow + 1)]
            # Names last: a name that is no plain reference adds a scratch sheet.
            result["names"] = evaluate_names(document, errors)
            if options.cell:
                result["cells"] = cells
            result["errors"] = errors
        finally:
            document.close(True)
    except Failure as failure:
        print("recalc.py: %s" % failure, file=sys.stderr)
        return 1
    except Exception as error:  # a UNO exception: LibreOffice refused the file or a call
        print("recalc.py: LibreOffice failed on %s: %s" % (options.workbook, getattr(error, "Message", None) or error),
              file=sys.stderr)
        return 1
    finally:
        office.close()
    json.dump(result, sys.stdout, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
