"""The errors a user must fix (planchk.errors): one family, importable where they were."""

from __future__ import annotations

import pytest

from planchk import atomic, config, errors, i18n, messages
from planchk.diff import sides
from planchk.suppress import baseline


@pytest.mark.parametrize(
    ("where", "name"),
    [(messages, "PlanchkError"), (config, "ConfigError"), (baseline, "BaselineError"),
     (atomic, "OutputError"), (sides, "SideError")],
)  # fmt: skip
def test_each_error_is_importable_from_its_old_home_as_the_same_class(
    where: object, name: str
) -> None:
    assert getattr(where, name) is getattr(errors, name)
    assert issubclass(getattr(errors, name), errors.PlanchkError)  # the CLI's exit 2 catches all


def test_an_error_is_rendered_in_the_language_chosen_when_shown() -> None:
    error = errors.ConfigError(messages.USAGE_ERROR, message="x")
    assert str(error) == "planchk: error: x"
    i18n.set_language("zh")
    try:
        assert str(error) == "planchk：错误：x"
    finally:
        i18n.set_language("en")
    assert error.values == {"message": "x"}
