"""The words of `planchk import` when it stops at a table: no header, no data rows, a cell that
is no number, a total row it cannot decide, a unit or a year nothing gives; each names what
settles it (an option, or an edit of the table). Split from importers.texts, which re-exports
them.
"""

from __future__ import annotations

from planchk.messages import message

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
