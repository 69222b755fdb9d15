"""`planchk config`: the resolved configuration written back as TOML, defaults included."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from planchk.catalog import all_codes
from planchk.config import Config
from planchk.messages import message

# The comments of the printed configuration, in the reader's language.
FROM_FILE = message("config.comment-source", "# configuration: {source}")
NO_FILE = message("config.comment-no-source", "# configuration: none found; built-in defaults")


def as_toml(config: Config) -> str:
    heading = FROM_FILE(source=config.source) if config.source else NO_FILE()
    lines = [heading, "[tool.planchk]"]
    lines.append(f"paths = {_value(list(config.paths))}")
    selected = sorted(config.select) if config.select is not None else ["all"]
    lines.append(f"select = {_value(selected)}")
    lines.append(f"ignore = {_value(sorted(config.ignore))}")
    lines.append(f"fail-on = {_value(config.fail_on.label)}")
    lines.append(f"max-bytes = {config.max_bytes}")
    lines.append(f"max-findings-per-rule = {config.max_findings_per_rule}")
    if config.docs_url is not None:  # TOML has no null: an unset key is left out
        lines.append(f"docs-url = {_value(config.docs_url)}")
    lines.append("")
    lines.append("[tool.planchk.severity]")
    for info in all_codes():
        level = config.severity.get(info.code, info.severity)
        lines.append(f"{info.slug} = {_value(level.label)}  # {info.code}")
    for info in all_codes():
        if info.options:
            lines += ["", f"[tool.planchk.options.{info.slug}]"]
            for name in info.options:
                lines.append(f"{name} = {_value(config.option(info.code, name))}")
    for waiver in config.waivers:
        lines += ["", "[[tool.planchk.waivers]]"]
        lines += [f"{k} = {_value(v)}" for k, v in waiver.model_dump().items()]
    return "\n".join(lines) + "\n"


def _value(value: Any) -> str:
    if isinstance(value, Decimal):
        return json.dumps(str(value))
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)
