"""`planchk config`: the resolved configuration, defaults included, as TOML."""

from __future__ import annotations

from planchk.cli.common import ConfigOption, ConfigRevisionOption, emit, usage_errors


def show_config(
    config_file: ConfigOption = None, config_revision: ConfigRevisionOption = None
) -> None:
    """Print the resolved configuration (defaults included) as TOML."""
    from planchk.config import overrides
    from planchk.config.toml import as_toml

    with usage_errors():
        config = overrides.resolve(config_file, revision=config_revision)
    emit(as_toml(config), None)
