"""Pydantic models of the two plan files. They define the files' schema (`planchk schema`)."""

from planchk.models.targets import TargetsFile
from planchk.models.tasks import TasksFile

__all__ = ["TargetsFile", "TasksFile"]
