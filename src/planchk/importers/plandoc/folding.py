"""A paragraph of a plan printed in traditional characters as its words are read
(planchk.plan.traditional: 達到 as 达到, one character for one), what is read cut from the
printed paragraph."""

from __future__ import annotations

import dataclasses

from planchk.importers.documents import Paragraph
from planchk.plan.traditional import fold, printed_at

__all__ = ["fold", "folded", "printed_at"]


def folded(paragraph: Paragraph) -> Paragraph:
    """The paragraph as its words are read (fold); the paragraph itself where nothing folds."""
    text, numbering = fold(paragraph.text), fold(paragraph.numbering)
    if text is paragraph.text and numbering is paragraph.numbering:
        return paragraph
    return dataclasses.replace(paragraph, text=text, numbering=numbering)
