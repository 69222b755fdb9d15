"""The tasks file: the office registry, office groups, and the tasks with their offices."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictBool

from planchk.models.common import Integer, Name, SectionNumber, StrictModel, Waiver

OfficeKind = Literal["department", "party", "agency", "enterprise", "area", "other"]


class Office(StrictModel):
    kind: OfficeKind = Field(
        description="department (政府部门), party (党委部门), agency (垂直管理), "
        "enterprise (区属企业), area (街道/镇), other."
    )
    aliases: list[Name] = Field(default_factory=list, description="Other names in the text.")


class Group(StrictModel):
    """A name that stands for several offices, e.g. 各街办、镇、集聚区."""

    members: list[Name] = Field(default_factory=list)
    areas_under: Name | None = Field(
        default=None, description="Every sub-area of this area (from targets.yaml) is a member."
    )
    open: StrictBool = Field(
        default=False,
        description="An open set (区直各有关单位): any office of `kinds` may belong to it.",
    )
    kinds: list[OfficeKind] = Field(default_factory=list)


class Task(StrictModel):
    number: Integer
    title: Name
    lead: list[Name] = Field(default_factory=list, description="牵头单位")
    responsible: list[Name] = Field(default_factory=list, description="责任单位")
    cooperating: list[Name] = Field(default_factory=list, description="配合单位")
    text_offices: list[Name] | None = Field(
        default=None, description="The offices the main text lists after the task."
    )


class Section(StrictModel):
    number: SectionNumber = Field(description="一, 二, 三, ... as printed.")
    title: Name
    tasks: list[Task] = Field(default_factory=list)


class TasksFile(StrictModel):
    offices: dict[Name, Office] = Field(default_factory=dict)
    groups: dict[Name, Group] = Field(default_factory=dict)
    sections: list[Section]
    waivers: list[Waiver] = Field(default_factory=list)
