"""The import log's lines on what `planchk import` read of a file and of a table's head: the
encoding, formulas and hidden cells it read or skipped, the title, unit line and header, and
each column as it read it (years, categories, percentages, 其中, notes, units and bounds in
the cells). Split from importers.texts, which re-exports them.
"""

from __future__ import annotations

from planchk.messages import counted, message

# --- what it inferred: the file and the table's head --------------------------------------------
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
