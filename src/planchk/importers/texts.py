"""The words of `planchk import`: what it inferred, and why it stopped, in the reader's language.

Over the 300 lines modules aim for: this is data, not logic, one message template of a few
lines each (the .xls and .ods readers added theirs beside the XLSX ones they mirror); split by
topic, every reader would import several such lists and the messages of one kind of file would
stand apart from their siblings for the other kinds.
"""

from __future__ import annotations

from planchk.messages import counted, message

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

# --- finding the table --------------------------------------------------------------------------
NO_DATA_ROWS = message(
    "import.no-data-rows",
    "{source}: no row names an area and holds a number; is this a breakdown table?",
)
NO_DATA_ROWS_SHEET = message(
    "import.no-data-rows-sheet",
    "{source}: no row names an area and holds a number; is this a breakdown table? (choose the "
    "sheets that hold tables with --sheet)",
)
NO_HEADER = message(
    "import.no-header",
    "{place}: the first row of numbers has no header row above it naming the columns (years "
    "such as 2021年, or categories)",
)
NO_VALUE_COLUMNS = message(
    "import.no-value-columns", "{source}: no column holds numbers under a year or category"
)
COLUMN_UNNAMED = message(
    "import.column-unnamed", "{place}: a column of numbers with no header; name it in the table"
)
OF_WHICH_ALONE = message(
    "import.of-which-alone",
    "{place}: the 其中 column `{header}` has no column before it that it is part of",
)
ROW_UNNAMED = message(
    "import.row-unnamed", "{place}: a row of numbers with no area name; name it in the table"
)
DUPLICATE_ROW = message(
    "import.duplicate-row", "{place}: the area `{name}` has a row already (at {first})"
)
PERFORMANCE_TABLE = message(
    "import.performance-table",
    "{place}: this is a performance-target table (绩效目标表: 一级指标 | 二级指标 | 三级指标 | "
    "指标值): one target of its own measure per row, with no parts and no total to check; planchk "
    "imports breakdown tables (areas or items with a total). Check its targets by hand, or put "
    "those that break down by area into a table of their own",
)
PERCENT_IN_VALUES = message(
    "import.percent-in-values",
    "{place}: `{text}` is a percentage in a column of amounts; correct the cell, or mark the "
    "column's header with %",
)
CELL_NOT_NUMBER = message(
    "import.cell-not-number",
    "{place}: cannot read `{text}` as a number; type the number as printed, or leave the cell "
    "blank",
)
NUMBER_MERGED = message(
    "import.number-merged",
    "{place}: the number {text} is merged across several cells; unmerge them and give each its "
    "value",
)
TOTAL_ROW_MISSING = message(
    "import.total-row-missing",
    "{source}: no row is named `{name}` (--total-row); the rows are: {names}",
)
TOTAL_UNDECIDED = message(
    "import.total-undecided",
    "{source}: no row is named as a total (合计, 总计, 全区, 全市, 全县, 全国, Total) and neither "
    "the first row ({first}) nor the last ({last}) is the sum of the others; name the total "
    "with --total-row",
)
TREND_FREE = message(
    "import.trend-free",
    "  {name}: the total {total} falls over the years ({values}), so a row that falls is no "
    "surprise: written `trend: free`; remove it if the plan means growth",
)
PERIOD_NOT_SET = message(
    "import.period-not-set",
    "the years printed ({years}) skip some: no plan period is written; set `plan.period` "
    "if the plan has one",
)
PERIOD_LABELLED = message(
    "import.period-labelled",
    "  no year is printed: the period of {name} is labelled {label} (years: [{label}]); "
    "give the year with --year if the table has one",
)
YEAR_UNKNOWN = message(
    "import.year-unknown",
    "{source}: the columns are categories ({names}) and the title names no single year; give "
    "the year with --year",
)
UNIT_UNKNOWN = message(
    "import.unit-unknown",
    "{source}: no unit for `{name}`: the table has no unit line (单位：...) and the column's "
    "header carries none; give it with --unit {name}=UNIT",
)
UNIT_OF_ANOTHER_MEASURE = message(
    "import.unit-of-another-measure",
    "{source}: no unit for {columns}: the table has no unit line (单位：...), and the header "
    "above each names a unit ({units}) of another measure than the column's own header "
    "(a count under an amount); give each its unit with {options}",
)
UNIT_HEADERS_DIFFER = message(
    "import.unit-headers-differ",
    "{source}: the headers of `{name}` print different units ({headers}), and one indicator "
    "has one unit; correct the header that is wrong, or give its unit with --unit {name}=UNIT",
)
UNIT_AMBIGUOUS = message(
    "import.unit-ambiguous",
    "{source}: the unit line names several units ({unit}) and the header `{name}` does not say "
    "which is its own; give it with --unit {name}=UNIT, UNIT one of {units}",
)
UNIT_NOT_CONVERTIBLE = message(
    "import.unit-not-convertible",
    "{source}: the column `{header}` is in {unit}, and cells carry units that do not convert "
    "to it: {cells}; correct the cells, or give the column's unit with --unit {name}=UNIT",
)
UNIT_PARTLY_CARRIED = message(
    "import.unit-partly-carried",
    "{source}: in the column `{header}` cells carry a unit ({cells}) and others print a bare "
    "number ({bare}), and the table gives the column no unit (no unit line, none in the "
    "header); give it with --unit {name}=UNIT",
)
UNIT_BESIDE_BARE_COLUMNS = message(
    "import.unit-beside-bare-columns",
    "{source}: the column `{header}` takes its unit from its cells ({cells}), and other "
    "columns of `{name}` print bare numbers ({bare}) with no unit given (no unit line, none in "
    "their headers); give it with --unit {name}=UNIT",
)
UNITS_OF_MEASURES = message(
    "import.units-of-measures",
    "{source}: the cells of the column `{header}` carry units of different measures: {cells}; "
    "correct the cells, or give the column's unit with --unit {name}=UNIT",
)
DUPLICATE_YEAR = message(
    "import.duplicate-year", "{source}: two columns of `{name}` are for {year}: {headers}"
)
OUTPUT_INVALID = message(
    "import.output-invalid",
    "planchk import wrote a targets file it cannot read back ({problem}); this is a bug in "
    "planchk, please report it with the input",
)
WAITING = message(
    "import.waiting",
    "{path}: another planchk is writing in this directory; waiting for it, then merging into "
    "what it wrote",
)
INTO_UNUSABLE = message("import.into-unusable", "{path}: cannot merge into it: {problem}")

# --- what it inferred ---------------------------------------------------------------------------
READ_ENCODING = message("import.read-encoding", "{path}: read as {encoding}")
READ_FORMULAS = counted(
    "import.read-formulas",
    "{source}: {count} cell holds a formula; its value as last saved by Excel or WPS was read",
    "{source}: {count} cells hold formulas; their values as last saved by Excel or WPS were read",
)
# A workbook's hidden rows and columns (planchk.importers.hidden): "rows 7, 9 and column F"
HIDDEN_NOT_READ = counted(
    "import.hidden-not-read",
    "{source}: {what} is hidden in the workbook: not read",
    "{source}: {what} are hidden in the workbook: not read",
)
HIDDEN_ROWS = counted("import.hidden-rows", "row {list}", "rows {list}")
HIDDEN_COLUMNS = counted("import.hidden-columns", "column {list}", "columns {list}")
HIDDEN_BOTH = message("import.hidden-both", "{rows} and {columns}")
TABLE = message("import.table", "{source}: table 「{title}」")
TABLE_UNTITLED = message("import.table-untitled", "{source}: a table with no title line")
UNIT_LINE = message("import.unit-line", "  unit: {unit}")
NO_UNIT_LINE = message("import.no-unit-line", "  no unit line: units come from the headers")
HEADER = counted(
    "import.header",
    "  header: row {rows}; the areas are in the column `{area}`",
    "  header: rows {rows}; the areas are in the column `{area}`",
)
# A table of indicator rows (指标 | 单位 | 全市 | 甲县, or 指标 | 单位 | 2021年): what it prints.
UNIT_IN_COLUMN = message(
    "import.unit-in-column", "  unit: {unit}, in the column `{header}` of row {row}"
)
HEADER_AREA_COLUMNS = counted(
    "import.header-area-columns",
    "  header: row {rows}; the indicators are the rows of the column `{names}` (units in "
    "`{units}`), the areas are the columns {areas}",
    "  header: rows {rows}; the indicators are the rows of the column `{names}` (units in "
    "`{units}`), the areas are the columns {areas}",
)
HEADER_INDICATOR_ROWS = counted(
    "import.header-indicator-rows",
    "  header: row {rows}; the indicators are the rows of the column `{names}` (units in "
    "`{units}`)",
    "  header: rows {rows}; the indicators are the rows of the column `{names}` (units in "
    "`{units}`)",
)
INDICATOR_ROW = message("import.indicator-row", "  row {row}: the indicator {name}")
INDICATOR_ROW_PERCENT = message(
    "import.indicator-row-percent",
    "  row {row}: the indicator {name}, a percentage, imported as a ratio and never summed into "
    "a total",
)
TOTAL_COLUMN_NAMED = message(
    "import.total-column-named", "  total: the column {name}, named as a total"
)
TOTAL_COLUMN_OPTION = message(
    "import.total-column-option", "  total: the column {name}, as --total-row says"
)
TOTAL_COLUMN_SUM = message(
    "import.total-column-sum", "  total: the column {name}, the sum of the other areas' columns"
)
TOTAL_COLUMN_ONLY = message(
    "import.total-column-only", "  one area: the column {name}, an area with no parts"
)
PART_COLUMNS = counted(
    "import.part-columns",
    "  {count} area column under the total: {names}",
    "  {count} area columns under the total: {names}",
)
TEXT_CELLS_IN_ROW = counted(
    "import.text-cells-in-row",
    "  row {row}: {count} cell holds text ({texts}), kept as its area's note and read as a blank",
    "  row {row}: {count} cells hold text ({texts}), kept as their areas' notes and read as blanks",
)
YEAR_COLUMNS = message("import.year-columns", "  columns {headers}: years {years}")
PERIOD_COLUMN = message(
    "import.period-column",
    "  column {header}: the table's one period, labelled {label} as headed (years: [{label}]); "
    "give the year with --year to date it",
)
CATEGORY_COLUMN = message(
    "import.category-column", "  column {header}: the category {name} ({unit})"
)
PERCENT_COLUMN = message(
    "import.percent-column",
    "  column {header}: a percentage, imported as a ratio and never summed into a total",
)
OF_WHICH_COLUMN = message(
    "import.of-which-column",
    "  column {header}: part of the column {parent} (其中), not an addend; checked as a relation",
)
TEXT_COLUMN = message(
    "import.text-column", "  column {header}: text, kept as the rows' notes (notes: in the file)"
)
CODE_LEVELS = message(
    "import.code-levels",
    "  column {header}: the rows' codes, kept as aliases of their areas ({aliases}); a row is "
    "under the row whose code begins its own, so each subtotal is checked against its own rows",
)
CODE_ALIASES = message(
    "import.code-aliases",
    "  column {header}: the rows' codes, kept as aliases of their areas ({aliases}); they do "
    "not nest, so the levels are read from the names",
)
OTHER_YEAR_COLUMN = message(
    "import.other-year-column",
    "  column {header}: the figures of {year} in a table of {table_year}, kept as the "
    "indicator {header} of {table_year} as printed, beside the table's other columns: no "
    "year rule compares it with {year}'s own figures",
)
EMPTY_COLUMN = message("import.empty-column", "  column {header}: empty, no indicator")
# Cells that carry their unit or a bound (planchk.importers.carried).
UNITS_CONVERTED = counted(
    "import.units-converted",
    "  column {header}: {count} cell carried its unit ({units}), converted to {unit}",
    "  column {header}: {count} cells carried their unit ({units}), converted to {unit}",
)
UNIT_FROM_CELLS = message(
    "import.unit-from-cells",
    "  column {header}: no unit line, and no unit of its own measure in its header; the unit "
    "{unit} its cells carry",
)
BOUNDS_READ = counted(
    "import.bounds-read",
    "  column {header}: {count} cell prints a bound ({texts}): its number is the value, the "
    "bound is kept as the cell's note",
    "  column {header}: {count} cells print a bound ({texts}): each number is the value, the "
    "bound is kept as the cell's note",
)
TOLERANCE_FROM_CELLS = message(
    "import.tolerance-from-cells",
    "  column {header}: {cells} printed in a larger unit is known only to its last printed "
    "digit: a tolerance of {tolerance} ({unit}), what the rounding of the column's printed "
    "figures allows, written (`tolerance:` by area and year) for the sums that figure is in "
    "only: its own parts' and its parent's, in its year",
)
SUM_AT_LEAST = message(
    "import.sum-at-least",
    "  column {header}: the total {name} prints {text}, so its parts may add up to more "
    "(`sum: at_least` for that year)",
)
SUM_AT_MOST = message(
    "import.sum-at-most",
    "  column {header}: the total {name} prints {text}, so its parts may add up to less "
    "(`sum: at_most` for that year)",
)
SUM_BY_YEAR = message(
    "import.sum-by-year",
    "  {name}: its total prints a bound in some columns only, or bounds that differ ({texts}): "
    "written `sum: {sum}`, each year's parts checked against its own total in that year's "
    "mode (a year that prints no bound: exact)",
)
YEAR_SUM_COLUMN = message(
    "import.year-sum-column",
    "  column {header}: each row's sum over the years, checked here (no indicator):"
    " it holds on {held} of {rows} rows",
)
YEAR_SUM_MISSED = message(
    "import.year-sum-missed", "    {name}: the sum printed is {total}, the years add up to {found}"
)
SCOPE_NAMED = message(
    "import.scope-named",
    "  the table prints no area: its rows are the indicators of {name} ({how}); rename it "
    "in `areas:` and the rows if that is not what the table covers",
)
ROW_WITHOUT_FIGURES = message(
    "import.row-without-figures",
    "  row {row} ({name}): no figure under any year column; no indicator (its other cells "
    "are not checked)",
)
FIGURES_OF_THE_TITLE_YEAR = message(
    "import.figures-of-the-title-year",
    "  column {column}: the figures of the title's year, {year}",
)
SCOPE_FROM_TITLE = message("import.scope-from-title", "named by the title")
SCOPE_NEUTRAL = message("import.scope-neutral", "the title names no area")
TOTAL_ONLY = message("import.total-only", "  one row: {name} (row {row}), an area with no parts")
TOTAL_NAMED = message("import.total-named", "  total row: {name} (row {row}), named as a total")
TOTAL_OPTION = message(
    "import.total-option", "  total row: {name} (row {row}), as --total-row says"
)
TOTAL_SUM = message(
    "import.total-sum",
    "  total row: {name} (row {row}), the sum of the other rows in every column",
)
PARTS = counted(
    "import.parts",
    "  {count} area row under the total: {names}",
    "  {count} area rows under the total: {names}",
)
TEXT_CELLS = counted(
    "import.text-cells",
    "  column {header}: {count} cell holds text ({texts}), kept as the row's note and read as "
    "a blank",
    "  column {header}: {count} cells hold text ({texts}), kept as the rows' notes and read "
    "as blanks",
)
SUBTOTAL = counted(
    "import.subtotal",
    "  subtotal {name} (row {row}{closes}): the sum of its {count} row {names}, checked "
    "against it and not added again into its total",
    "  subtotal {name} (row {row}{closes}): the sum of its {count} rows {names}, checked "
    "against them and not added again into its total",
)
# The log's line after the first subtotals of a table (describe.for_log): the file lists all.
MORE_SUBTOTALS = counted(
    "import.more-subtotals",
    "  and {count} more subtotal, checked against its rows and not added again into its total "
    "(the written file's comments name it)",
    "  and {count} more subtotals, each checked against its rows and not added again into its "
    "total (the written file's comments name them all)",
)
CLOSED_BY = message("import.closed-by", "numbers from the 小计 in row {row}")
# The end of a long list in the log: the first names, then how many more (describe.listed).
MORE = counted(
    "import.more",
    "{shown} and {count} more",
    "{shown} and {count} more",
)
OF_WHICH_ROW_READ = message(
    "import.of-which-row-read",
    "  其中 row {name} (row {row}): part of {whole}, at most it, never added into a total",
)
SIDE_BY_SIDE = message(
    "import.side-by-side",
    "{source}: two tables side by side ({headers}): one from column {left}, the other from "
    "column {right}. A plan has one hierarchy of areas, and the rows of one table are no "
    "parts of the other's: save the columns from {right} on as a table of their own (a sheet "
    "or a CSV file) and import each table into its own targets file",
)
PAGE_ROWS = counted(
    "import.page-rows",
    "  row {rows} is printed by the page (续表, the title, unit line or header again, 栏次, a "
    "page number), not data: skipped",
    "  rows {rows} are printed by the page (续表, the title, unit line or header again, 栏次, a "
    "page number), not data: skipped",
)
SIGN_OFF = message("import.sign-off", "  row {row} is a sign-off or date line, not an area: {text}")
IGNORED_ROWS = counted(
    "import.ignored-rows",
    "  row {rows} after the table is a note, not imported: {first}",
    "  rows {rows} after the table are notes, not imported: {first}",
)
INDICATOR = message(
    "import.indicator",
    "  → indicator {id} ({name}), unit {unit}, kind {kind}, years {years}",
)
ID_RENAMED = message(
    "import.id-renamed",
    "  the indicator {name} has the id {id}: an id of digits alone would read as a number",
)
ASSUMED = message(
    "import.assumed", "What import read in the tables (check it; edit the file where it is wrong):"
)
RELATION = message(
    "import.relation",
    "  relation {relation}: the headers name it, and it holds on {holds} of {rows} rows",
)
RELATION_UNHELD = message(
    "import.relation-unheld",
    "  relation {relation}: the headers name it, but it holds on {holds} of {rows} rows: not "
    "written (the total column is not the sum of these columns; write the relation under "
    "`relations:` if it should be)",
)
UNIT_DECLARED = message(
    "import.unit-declared",
    "  unit {unit}: not one planchk knows; declared under `units:` as a measure of its own",
)
KIND_HINT = message(
    "import.kind-hint",
    "imported tables are flows (an amount per year); for a count that accumulates, set "
    "`kind: stock` in the file or use --kind stock",
)
INTO_REPLACES = message(
    "import.into-replaces", "  → replaces the table of indicator {id} in {path}"
)
INTO_COMMENTS = message(
    "import.into-comments",
    "the output is written afresh from {path}: its opening comments are kept, the comments "
    "among its entries are not",
)
WROTE = counted(
    "import.wrote", "Wrote {count} indicator to {path}.", "Wrote {count} indicators to {path}."
)
