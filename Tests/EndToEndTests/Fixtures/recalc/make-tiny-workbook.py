#!/usr/bin/env python3
"""Writes a tiny .xlsx by hand (zipfile + the SpreadsheetML parts, no library), for the test of
scripts/recalc.py: a sheet "Inputs" with two named input cells, calls (A2 = 1000) and
cost_per_call (B2 = 6.5), and a sheet "Model" with a formula over the names, total
(Model!A2 = calls*cost_per_call). The cached value of the formula is deliberately wrong (1), so
that only a real recalculation gives 6500.

    make-tiny-workbook.py OUT.xlsx
    make-tiny-workbook.py OUT.xlsx --values VALUES.json

With --values (a JSON object of names and numbers), the workbook is one sheet "Figures" instead:
row by row a name in A and its number in B, each B cell a defined name, so that a workbook
holding exactly `playbook calc`'s figures can be fed through recalc.py and the comparison.
"""
import json
import sys
import zipfile
from xml.sax.saxutils import escape

PARTS = {
    "[Content_Types].xml": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>""",
    "_rels/.rels": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>""",
    "xl/workbook.xml": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets>
<sheet name="Inputs" sheetId="1" r:id="rId1"/>
<sheet name="Model" sheetId="2" r:id="rId2"/>
</sheets>
<definedNames>
<definedName name="calls">Inputs!$A$2</definedName>
<definedName name="cost_per_call">Inputs!$B$2</definedName>
<definedName name="total">Model!$A$2</definedName>
</definedNames>
</workbook>""",
    "xl/_rels/workbook.xml.rels": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>
</Relationships>""",
    "xl/worksheets/sheet1.xml": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Calls</t></is></c><c r="B1" t="inlineStr"><is><t>Cost per call</t></is></c></row>
<row r="2"><c r="A2"><v>1000</v></c><c r="B2"><v>6.5</v></c></row>
</sheetData>
</worksheet>""",
    "xl/worksheets/sheet2.xml": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>Total</t></is></c></row>
<row r="2"><c r="A2"><f>calls*cost_per_call</f><v>1</v></c></row>
</sheetData>
</worksheet>""",
}


def figures_parts(values):
    """The parts of a one-sheet workbook of named values."""
    parts = dict(PARTS)
    del parts["xl/worksheets/sheet2.xml"]
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\n', "")
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>\n', "")
    names = sorted(values)
    rows = []
    defined = []
    for row, name in enumerate(names, start=1):
        rows.append('<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c><c r="B%d"><v>%r</v></c></row>'
                    % (row, row, escape(name), row, float(values[name])))
        defined.append('<definedName name="%s">Figures!$B$%d</definedName>' % (escape(name), row))
    parts["xl/workbook.xml"] = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Figures" sheetId="1" r:id="rId1"/></sheets>
<definedNames>%s</definedNames>
</workbook>""" % "".join(defined)
    parts["xl/worksheets/sheet1.xml"] = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>""" % "".join(rows)
    return parts


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[2] == "--values":
        with open(sys.argv[3], encoding="utf-8") as handle:
            parts = figures_parts(json.load(handle))
    elif len(sys.argv) == 2:
        parts = PARTS
    else:
        print("usage: make-tiny-workbook.py OUT.xlsx [--values VALUES.json]", file=sys.stderr)
        return 2
    with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            # A fixed date, so the bytes are the same on every run.
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
