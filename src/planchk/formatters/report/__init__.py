"""`planchk report`: the plan's tables, goals and tasks with the findings marked where they are.

`view` turns a checked plan into plain data; `html`, `xlsx` and `markdown` each render that
one view, so that every format marks the same cells. The formats are named in the one
registry of planchk.formatters (`get_report`).
"""
