"""`planchk config`: the resolved configuration, defaults included, as TOML."""

from __future__ import annotations

import sys

from planchk.cli.common import ConfigOption, ConfigRevisionOption, usage_errors


def show_config(
    config_file: ConfigOption = None, config_revision: ConfigRevisionOption = None
) -> None:
    """Print the resolved configuration (defaults included) as TOML."""
    from planchk.config import overrides
    from planchk.config.toml import as_toml

    with usage_errors():
        config = overrides.resolve(config_file, revision=config_revision)
    sys.stdout.write(as_toml(config))
