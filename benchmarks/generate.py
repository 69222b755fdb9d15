"""Generate synthetic plans in planchk's own format, for benchmarks.

    python benchmarks/generate.py OUT_DIR --branching 100 --depth 2 --indicators 20 --years 5
    python benchmarks/generate.py OUT_DIR --cells 1000000        # pick a shape for about N cells

Every parent's value is the exact sum of its parts (so a clean plan has no sum finding), values
grow year by year, and --errors injects that share of mistyped cells (a digit changed), which
planchk must find. --decimals D prints every value with D decimals in 亿元 (a money table)
instead of whole counts in 件.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

YEAR0 = 2021


def area_names(branching: int, depth: int) -> tuple[list[str], dict[str, list[str]]]:
    """Areas top-down and the parts of each parent: 全省 → 市1 → 市1区1 → ..."""
    root = "全省"
    order, parts = [root], {}
    level = [root]
    for depth_index in range(depth):
        next_level = []
        for parent in level:
            children = [
                f"{parent}{'乙' if depth_index else '市'}{i + 1:03d}" for i in range(branching)
            ]
            parts[parent] = children
            next_level.extend(children)
        order.extend(next_level)
        level = next_level
    return order, parts


def leaf_values(rng: random.Random, years: int) -> list[int]:
    start = rng.randint(10, 500)
    values = [start]
    for _ in range(years - 1):
        values.append(values[-1] + rng.randint(0, 20))
    return values


def indicator_rows(
    rng: random.Random, order: list[str], parts: dict[str, list[str]], years: int
) -> dict[str, list[int]]:
    rows: dict[str, list[int]] = {}
    for area in reversed(order):  # parts before their parent
        children = parts.get(area)
        if children is None:
            rows[area] = leaf_values(rng, years)
        else:
            rows[area] = [sum(rows[c][y] for c in children) for y in range(years)]
    return rows


def plan_text(args: argparse.Namespace) -> Iterator[str]:
    rng = random.Random(args.seed)
    mistakes = random.Random(args.seed + 1)  # apart, so that errors do not change the values
    order, parts = area_names(args.branching, args.depth)
    last = YEAR0 + args.years - 1
    years = ", ".join(str(YEAR0 + y) for y in range(args.years))
    yield f"plan:\n  title: 合成方案 {len(order)} 个区域\n  period: [{YEAR0}, {last}]\n"
    yield "areas:\n"
    for parent, children in parts.items():
        yield f"  {parent}: [{', '.join(children)}]\n"
    yield "indicators:\n"
    for index in range(args.indicators):
        rows = indicator_rows(rng, order, parts, args.years)
        unit = "亿元" if args.decimals else "件"
        yield f"  indicator_{index:02d}:\n    name: 指标{index:02d}\n    unit: {unit}\n"
        yield f"    kind: flow\n    years: [{years}]\n    values:\n"
        for area in order:
            values = rows[area]
            if args.errors and mistakes.random() < args.errors:
                cell = mistakes.randrange(len(values))
                values = [
                    *values[:cell],
                    values[cell] + mistakes.randint(1, 9),
                    *values[cell + 1 :],
                ]
            yield f"      {area}: [{', '.join(printed(v, args.decimals) for v in values)}]\n"


def printed(value: int, decimals: int) -> str:
    """`value` hundredths (for 2 decimals) as printed: 12345 -> 123.45, exactly."""
    if not decimals:
        return str(value)
    digits = str(value).rjust(decimals + 1, "0")
    return f"{digits[:-decimals]}.{digits[-decimals:]}"


def shape_for(cells: int, indicators: int, years: int) -> tuple[int, int]:
    """Branching and depth (2) that give about `cells` cells."""
    areas = max(cells // (indicators * years), 3)
    branching = max(int(areas**0.5), 1)
    return branching, 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--cells", type=int, help="about this many cells (sets the branching)")
    parser.add_argument("--branching", type=int, default=10)
    parser.add_argument("--depth", type=int, default=2)
    parser.add_argument("--indicators", type=int, default=20)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--errors", type=float, default=0.0, help="share of mistyped rows")
    parser.add_argument("--decimals", type=int, default=0, help="decimals of every value")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.cells:
        args.branching, args.depth = shape_for(args.cells, args.indicators, args.years)
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "targets.yaml").open("w", encoding="utf-8") as stream:
        stream.writelines(plan_text(args))


if __name__ == "__main__":
    main()
