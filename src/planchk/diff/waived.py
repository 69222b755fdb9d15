"""Waivers a change adds for the findings it introduces.

`planchk diff --fail-on-new` is the check a pull request must pass. A waiver written in the
plan (`waivers:` in targets.yaml or tasks.yaml) in the same change as the finding it waives
would let the change pass its own check; such a finding still counts. A waiver the old
revision already had (in the same plan folder, or in the configuration, which both sides
share) is trusted: the finding it waives does not count, as in `validate`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import PurePosixPath

from planchk.config import Config
from planchk.diff.sides import Side
from planchk.findings import Finding
from planchk.suppress.waivers import WaiverSet


def waived_by_the_change(
    old: Side, new: Side, introduced: Sequence[Finding], config: Config
) -> tuple[Finding, ...]:
    """Of the introduced findings a waiver marks, those no waiver of the old revision's plan
    folder or of the configuration matches."""
    waived = [finding for finding in introduced if finding.waived is not None]
    if not waived:
        return ()
    trusted = _old_waivers(old)
    shared = WaiverSet.from_config("configuration", config.waivers)
    keys = {file.display: key for key, file in new.files.items()}
    added = []
    for finding in waived:
        key = keys.get(finding.location.file)
        # A finding in no file of the new side cannot be placed: it counts (a check fails safe).
        sets = [*trusted.get(_folder(key), []), shared] if key is not None else [shared]
        if not any(s.reason(finding.code, finding.path) is not None for s in sets):
            added.append(finding)
    return tuple(added)


def _old_waivers(old: Side) -> dict[str, list[WaiverSet]]:
    """The old revision's waivers by plan folder (its targets and tasks files both waive the
    findings of the plan, wherever they are placed)."""
    found: dict[str, list[WaiverSet]] = defaultdict(list)
    for key, file in old.files.items():
        waivers = getattr(file.model, "waivers", None)
        if waivers:
            found[_folder(key)].append(WaiverSet.from_file(file, waivers))
    return found


def _folder(key: str) -> str:
    return str(PurePosixPath(key).parent)
