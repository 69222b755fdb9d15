"""The name of a group's 小计 row: 东山县小计 over 东山县城关镇 and 东山县开发区 is 东山县.

A breakdown that prints no heading over a group's rows names the group in its 小计 row, first
or last (东山县小计, then its towns). The group is the area 东山县 (its parts, its numbers):
the word 小计 says what the row prints, not which area it is, and a plan's other tables and
goals name 东山县. The word stays where what is before it is no single area's name: a level
(县区小计, 县（区）小计, 乡镇小计, 城区小计: the counties or districts together), a name in
brackets, a name of two characters, or a name another row already has.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from planchk.importers.shapes import Row

_SUBTOTAL = re.compile(r"^(?P<area>.+?)\s*小\s*计$")
# A single area's name ends so; a level of areas (县区, 乡镇, 县市) is two such words.
_AREA = re.compile(r"(?:省|市|区|县|州|盟|旗|镇|乡|街道)$")
_LEVEL = re.compile(r"^(?:[省市区县州盟旗镇乡]{2}|乡镇街道|镇街|县市区|市县区)$")


def name_groups(
    areas: dict[str, list[str]], rows: Sequence[Row], of_which: dict[str, list[Row]]
) -> dict[str, list[str]]:
    """The areas tree with each group's 小计 row named by its area (the rows renamed too, and
    the 其中 rows' wholes)."""
    taken = {row.name for row in rows}
    renamed: dict[str, str] = {}
    for row in rows:
        if row.name not in areas or not areas[row.name]:
            continue  # no group: a town's 小计 is no name to drop (a 小计 column's row)
        found = _SUBTOTAL.match(row.name)
        area = found.group("area") if found else ""
        # 城区, 市区, 县域: two characters name a part of the map, not one area (沛县 keeps 小计)
        if len(area) > 2 and _AREA.search(area) and not _LEVEL.match(area) and area not in taken:
            renamed[row.name] = area
            taken.add(area)
            row.name = area
    if not renamed:
        return areas
    for old, new in renamed.items():
        if old in of_which:
            of_which[new] = of_which.pop(old)
    return {
        renamed.get(parent, parent): [renamed.get(child, child) for child in children]
        for parent, children in areas.items()
    }
