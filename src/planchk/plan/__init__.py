"""Facts about a plan, derived from its models: no rules, no configuration, no output.

The area hierarchy and its aliases, the offices of the tasks, the unit table, the printed
numbers' helpers, the relation language and the comparators in a goal's wording. The rules,
the diff and the report build on these; none of them imports anything above the models.
"""
