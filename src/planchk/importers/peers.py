"""A row that adds up the rows under it by coincidence: an area printed like its peers.

Where the form of a table's labels says nothing, planchk.importers.levels takes a row that is
the sum of the rows right under it for their subtotal, if that makes the table add up. Towns
printed one under another can add up by chance (甲镇 30 = 乙镇 10 + 丙镇 20); taken for a
subtotal, such a row would hide a total that misses its parts. This says when a row is a peer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from planchk.importers.shapes import Row

# The kind an area's name says it is (甲镇, 城关街道, 丙村): a row of one kind printed like the
# rows of that kind under it is their peer, not their subtotal (is_peer). Only the kinds that
# never group their own kind: 区 and 县 do (中心城区 over 渝中区 and 江北区, 开发区 over its
# 园区, 山区县 over counties), so a 区 or 县 row keeps the subtotal its numbers give it.
_AREA_KIND = re.compile(r"(?:街道|镇|乡|村)$")
# 全县, 小计 and 合计 rows, and names of a group of areas (县区, 乡镇, 市辖区, 中心镇, 其他乡镇)
# rank above areas
_GROUP_WORDS = re.compile(
    r"^全|小计|合计|总计|小計|合計|總計|辖|^(?:县区|区县|县市区|乡镇|城区)$"
    r"|^(?:中心|重点|建制|特色|其他|其它|其余|民族)"
)


def is_peer(row: Row, parts: Sequence[Row]) -> bool:
    """Whether a row that adds up the rows under it is their peer all the same: its name of
    the same kind as all of theirs (甲镇 over 乙镇 and 丙镇), and nothing else saying it ranks
    above them (no marker, indent or bold; not 小计, 合计, 全县). Its sum is a coincidence, and
    taking it for a subtotal would make a wrong total balance (70 over four towns of 100, with
    30 = 10 + 20): the levels leave it a part, and validate reports the total's miss."""
    kind = _AREA_KIND.search(row.name)
    if kind is None or row.marker or row.indent or row.bold or _GROUP_WORDS.search(row.name):
        return False
    return all(
        part.name.endswith(kind.group()) and not _GROUP_WORDS.search(part.name) for part in parts
    )
