"""The rules, one module per family, each rule a small function that yields problems.

Beside the families, and below them: `suggest/` (suggested corrections, asked for by the
totals and relations rules), `sums` (every column's sum, shared by the totals and
plausibility rules), `context` (what the rules look at: PlanContext and the lookups rules
share) and `options` (parsers of rule options). A family never imports another family. The
families are imported in one place, planchk.catalog; this package imports none of them.
"""
