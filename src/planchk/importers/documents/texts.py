"""The words of reading a plan document: places in it, and why a part of it was not read."""

from __future__ import annotations

from planchk.messages import counted, message

# --- places, in the document's own terms -----------------------------------------------------
PARAGRAPH_PLACE = message("document.paragraph-place", "第{number}段")
TABLE_PLACE = message("document.table-place", "表{number}")
ANNEX_TABLE_PLACE = message("document.annex-table-place", "附件 表{number}")
TABLE_ROW_PLACE = message("document.table-row-place", "{table} 第{row}行")
TABLE_CELL_PLACE = message("document.table-cell-place", "{table} 第{row}行 第{column}列")

# --- reading the file ----------------------------------------------------------------------------
UNKNOWN_FORMAT = message(
    "document.unknown-format",
    "{path}: planchk reads plan documents as .docx, .html, .htm or .txt; save a PDF or a .doc "
    "as .docx from WPS or Word",
)
DOCX_NOT_ZIP = message(
    "document.docx-not-zip",
    "{path}: not a Word .docx file (a .docx file is a zip archive); open it in WPS or Word and "
    "save it as .docx",
)
DOCX_ENCRYPTED = message(
    "document.docx-encrypted",
    "{path}: the document is password-protected; save a copy without a password (WPS or Word: "
    "File, Info, Protect Document) and check that",
)
DOC_OLD_FORMAT = message(
    "document.doc-old-format",
    "{path}: an old Word .doc file (or a file of another kind) named .docx; save it as .docx from "
    "WPS or Word",
)
DOCX_NOT_WORD = message("document.docx-not-word", "{path}: a zip archive, but not a Word document")
DOCX_UNREADABLE = message(
    "document.docx-unreadable",
    "{path}: not a readable Word document ({reason}); open it in WPS or Word and save it again",
)
ZIP_BOMB = message(
    "document.zip-bomb",
    "{path}: refused: its {size} bytes unpack to {unpacked} bytes, more than a plan document "
    "needs (limit {limit}, and 200 times the file's size)",
)
HTML_UNREADABLE = message("document.html-unreadable", "{path}: not a readable web page ({reason})")
READ_ENCODING = message("document.read-encoding", "{path}: read as {encoding}")
ARTICLE_FOUND = message(
    "document.article-found",
    "{path}: the article is the page's <{element}>{name}: {paragraphs} and {tables}; the "
    "page's navigation around it is not read",
)
# English plurals as in planchk.messages (1 paragraph, 3 paragraphs), never paragraph(s)
PARAGRAPHS = counted("document.count-paragraphs", "{count} paragraph", "{count} paragraphs")
TABLES = counted("document.count-tables", "{count} table", "{count} tables")
