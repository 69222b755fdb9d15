"""Where the tests find the repository, its seed plan (data/) and the SARIF 2.1.0 schema."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
# Beside the worktree (../shared/schemas), or where PLANCHK_SARIF_SCHEMA says.
SARIF_SCHEMA = Path(
    os.environ.get(
        "PLANCHK_SARIF_SCHEMA", ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
    )
)
