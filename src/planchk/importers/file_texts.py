"""The words of `planchk import` when it cannot read a file: its kind, its encoding, its size,
a workbook's own refusals (encrypted, a zip bomb, too wide), and the places messages name (a
file's cell, column or sheet). Split from importers.texts, which re-exports them.
"""

from __future__ import annotations

from planchk.messages import message

# --- places -----------------------------------------------------------------------------------
CELL_PLACE = message("import.cell-place", "{source}, cell {cell}")
COLUMN_PLACE = message("import.column-place", "{source}, column {column}")
SHEET_SOURCE = message("import.sheet-source", "{path}, sheet {sheet}")
SHEET_SKIPPED = message(
    "import.sheet-skipped",
    "skipped {source}: it holds no table to import ({reason}); "
    "--sheet imports only the sheets named",
)

# --- reading the file ---------------------------------------------------------------------------
UNKNOWN_FORMAT = message(
    "import.unknown-format",
    "{path}: planchk import reads plan documents (.docx, .html, .htm, .txt) and tables (.csv, "
    ".xlsx, .xls, .ods); save a PDF or a .doc as .docx from WPS or Word, a table as .xlsx or "
    ".csv",
)
FILE_UNREADABLE = message("import.file-unreadable", "{path}: cannot read the file: {reason}")
FILE_TOO_LARGE = message(
    "import.file-too-large",
    "{path}: {size} bytes is more than the limit of {limit}; raise it with --max-bytes",
)
STDIN_NEEDS_NAME = message(
    "import.stdin-needs-name",
    "-: import tells a file's kind by its name, and stdin has none: add --stdin-filename NAME "
    "ending in {kinds} (e.g. --stdin-filename table.csv)",
)
STDIN_TOO_LARGE = message(
    "import.stdin-too-large",
    "{path} (stdin): more than the limit of {limit} bytes; raise it with --max-bytes",
)
STDIN_TWICE = message("import.stdin-twice", "- is given twice: stdin holds one file, read once")
CSV_UNREADABLE = message("import.csv-unreadable", "{path}: not a readable CSV file: {reason}")
UNKNOWN_ENCODING = message(
    "import.unknown-encoding", "`{encoding}` is not an encoding Python knows (try gb18030, utf-8)"
)
NOT_IN_ENCODING = message(
    "import.not-in-encoding",
    "{path}: byte {offset} is not valid {encoding}; check --encoding (or leave it out to detect)",
)
NO_ENCODING = message(
    "import.no-encoding",
    "{path}: the encoding is not clear (tried {tried}); name it with --encoding, "
    "e.g. --encoding gb18030",
)
XLSX_UNREADABLE = message(
    "import.xlsx-unreadable",
    "{path}: not a readable XLSX workbook ({reason}); open it in Excel or WPS and save it again",
)
XLSX_NOT_ZIP = message(
    "import.xlsx-not-zip",
    "{path}: not an XLSX file (an XLSX file is a zip archive); save it as .xlsx or .csv",
)
XLSX_ENCRYPTED = message(
    "import.xlsx-encrypted",
    "{path}: a password-protected workbook, or an old .xls file named .xlsx; save it as .xlsx "
    "without a password (or name an .xls file .xls)",
)
XLS_UNREADABLE = message(
    "import.xls-unreadable",
    "{path}: not a readable .xls workbook ({reason}); open it in Excel, WPS or LibreOffice and "
    "save it again, or as .xlsx",
)
XLS_NOT_XLS = message(
    "import.xls-not-xls",
    "{path}: not an .xls workbook (an .xls file is an OLE2 compound file); save it as .xlsx or "
    ".csv",
)
XLS_ENCRYPTED = message(
    "import.xls-encrypted",
    "{path}: a password-protected .xls workbook; save it without a password, as .xlsx or .xls",
)
ODS_NOT_ZIP = message(
    "import.ods-not-zip",
    "{path}: not an .ods file (an OpenDocument spreadsheet is a zip archive); save it as .ods, "
    ".xlsx or .csv",
)
ODS_NOT_SPREADSHEET = message(
    "import.ods-not-spreadsheet",
    "{path}: a zip archive, but not an OpenDocument spreadsheet (no content.xml of a spreadsheet)",
)
ODS_UNREADABLE = message(
    "import.ods-unreadable",
    "{path}: not a readable .ods spreadsheet ({reason}); open it in LibreOffice or WPS and save "
    "it again",
)
XLSX_BOMB = message(
    "import.xlsx-bomb",
    "{path}: refused: its {size} bytes unpack to {unpacked} bytes, more than a workbook of "
    "tables needs (limit {limit}, and 200 times the file's size)",
)
XLSX_TOO_WIDE = message(
    "import.xlsx-too-wide",
    "{place}: refused: it spans {span}, {cells} cells, more than a sheet of tables needs (limit "
    "{limit}); delete the rows and columns past the table, or copy the table to a new sheet",
)
XLSX_TOO_MANY_CELLS = message(
    "import.xlsx-too-many-cells",
    "{place}: refused: it holds {cells} cells, more than a sheet of tables needs (limit {limit})",
)
XLSX_MERGED_TOO_FAR = message(
    "import.xlsx-merged-too-far",
    "{place}: refused: its merged ranges cover {cells} cells, more than a sheet of tables needs "
    "(limit {limit}); unmerge the ranges past the table",
)
XLSX_NOT_WORKBOOK = message(
    "import.xlsx-not-workbook", "{path}: a zip archive, but not an Excel workbook"
)
NO_SUCH_SHEET = message(
    "import.no-such-sheet", "{path} has no sheet `{sheet}`; its sheets are: {sheets}"
)
FORMULA_NOT_CALCULATED = message(
    "import.formula-not-calculated",
    "{place}: the formula {formula} has no value saved with it; open the workbook in Excel or "
    "WPS and save it, so that its values are stored",
)
