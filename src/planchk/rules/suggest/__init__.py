"""Suggested corrections: which cell of a column that does not add up was probably mistyped.

`slips` says which typing slip turns one printed figure into another; `corrections` searches
the single-cell edits that balance a column and keeps those a slip explains. The totals and
relations rules ask for them only when a finding needs one.
"""
