"""planchk: checks the target-allocation tables of government plans."""

__version__ = "0.1.0"
