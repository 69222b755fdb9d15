"""The words of `planchk import`: what it inferred, and why it stopped, in the reader's language.

Every reader imports them from here, as `texts.NAME`; they are kept by topic in four modules:
importers.file_texts (a file it cannot read, and the places messages name),
importers.table_texts (a table it stops at, and the option that settles it),
importers.column_texts (the log of the file and of a table's head and columns), and this one:
the log of a table's rows (total, parts, subtotals, 其中, pages) and of what it wrote
(indicators, relations, the files). The star imports below re-export the first three, so that
the readers' `texts.NAME` needs no edit when a message moves between them.
"""

from __future__ import annotations

from planchk.importers.column_texts import *  # noqa: F403
from planchk.importers.file_texts import *  # noqa: F403
from planchk.importers.table_texts import *  # noqa: F403
from planchk.messages import counted, message

# --- what it inferred: the rows, and what it wrote ----------------------------------------------
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
