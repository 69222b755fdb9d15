"""`planchk config`: the resolved configuration, defaults included, as TOML."""

from __future__ import annotations

import sys

from planchk.cli.common import ConfigOption, usage_errors


def show_config(config_file: ConfigOption = None) -> None:
    """Print the resolved configuration (defaults included) as TOML."""
    from planchk.config import overrides
    from planchk.config.toml import as_toml

    with usage_errors():
        config = overrides.resolve(config_file)
    sys.stdout.write(as_toml(config))
