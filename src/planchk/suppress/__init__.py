"""Suppression: findings a plan's authors accept (waivers) or recorded before (a baseline).

Rules never decide what is suppressed: the engine applies the waivers after the rules run,
and a baseline hides the findings it recorded.
"""
