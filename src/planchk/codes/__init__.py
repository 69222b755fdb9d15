"""Codes that no rule raises, declared as data: one module per family (two for input).

A rule's code is declared with the rule (planchk.rules); the codes here are raised by the
loader, the waivers and the engine, which import them from here. planchk.catalog imports
every module of this package and every rule family, so that the catalogue is complete.
"""
