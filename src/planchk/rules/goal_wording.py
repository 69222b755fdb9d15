"""A goal's printed wording against what planchk checks: the wording says what `op`, `value` and
`unit` say (PC503), it can be read (PC504), and a goal restated elsewhere says the same (PC507);
of the goals family (PC501-PC507).

The family's other half, the goal against its table (met, on a strict boundary, a year and an
area to check it at), is planchk.rules.goals.
"""

from __future__ import annotations

from collections.abc import Iterator

from planchk.findings import Problem, Severity
from planchk.plan.goal_text import agrees, read_wording
from planchk.registry import rule
from planchk.rules.context import PlanContext


@rule(
    "PC503",
    "goal-wording-mismatch",
    Severity.ERROR,
    "A goal's wording and its fields disagree",
    "goal `{goal}`: the wording says {said}, the goal's fields say {op} {value} {unit}",
)
def goal_wording_mismatch(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: the printed wording is what readers see; `op`, `value` and `unit` are what planchk
    checks. When they disagree (达到 vs ">", 8.3 vs 83, 亿元 vs 万元) one of them is wrong.
    Comparator words: 超过/突破/高于 >, 达到/达/不低于/不少于 >=, 不超过/控制在 <=.

    Bad:
        text: 技术合同成交额突破8.3亿元
        op: ">="
        value: 8.3
        unit: 亿元

    Good:
        text: 技术合同成交额突破8.3亿元
        op: ">"
        value: 8.3
        unit: 亿元
    """
    for goal_id, goal in ctx.goals():
        said = read_wording(goal.text)
        if said is None:
            continue
        if not agrees(said, goal.op, goal.value, goal.unit, ctx.units):
            yield ctx.in_targets(
                ("goals", goal_id, "text"),
                f"goals.{goal_id}.text",
                goal=goal_id,
                said=str(said),
                op=goal.op,
                value=goal.value,
                unit=goal.unit,
            )


@rule(
    "PC507",
    "goal-restated-differently",
    Severity.ERROR,
    "The plan states a goal twice with different figures",
    "goal `{goal}` ({first}) is stated again as {text}, which says {said}; "
    "the goal says {op} {value} {unit}",
)
def goal_restated_differently(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: a plan often repeats a headline goal under its task (二、主要目标 and again in 工作目标);
    when the two sentences give different figures or comparators, readers cannot tell which
    target holds, and the tables can meet only one of them.

    Bad:
        text: 到2023年，发明专利申请量达到609件
        restated: [到2023年，发明专利申请量达到650件]

    Good:
        text: 到2023年，发明专利申请量达到609件
        restated: [三年内发明专利申请量达到609件]
    """
    for goal_id, goal in ctx.goals():
        for index, text in enumerate(goal.restated):
            said = read_wording(text)
            if said is None or agrees(said, goal.op, goal.value, goal.unit, ctx.units):
                continue
            yield ctx.in_targets(
                ("goals", goal_id, "restated", index),
                f"goals.{goal_id}.restated.{index}",
                goal=goal_id, first=goal.text, text=text, said=str(said),
                op=goal.op, value=goal.value, unit=goal.unit,
            )  # fmt: skip


@rule(
    "PC504",
    "goal-wording-unread",
    Severity.INFO,
    "A goal's wording has no comparator",
    "goal `{goal}`: its wording has no comparator word with a figure "
    "(超过, 突破, 达到, 不低于, 不超过, ...), so it cannot be checked against its fields",
)
def goal_wording_unread(ctx: PlanContext) -> Iterator[Problem]:
    """
    Why: the wording is checked against `op`, `value` and `unit`; wording without a
    comparator word and a figure cannot be, so a mistake in it would pass unseen.

    Bad:
        text: 专利申请量大幅提升

    Good:
        text: 发明专利申请量达到609件
    """
    for goal_id, goal in ctx.goals():
        if read_wording(goal.text) is None:
            yield ctx.in_targets(("goals", goal_id, "text"), f"goals.{goal_id}.text", goal=goal_id)
