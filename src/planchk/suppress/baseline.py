"""Baselines: record today's findings, later report only the new ones.

A team adopting planchk on an old plan records what is there and blocks regressions only.
Findings are matched by file, code and data path (never by line: lines move), and counted,
so that a second finding of the same kind at the same place is still new.
"""

from __future__ import annotations

import dataclasses
import heapq
import json
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from json.encoder import encode_basestring as _encoded  # json.dumps's, ensure_ascii=False
from pathlib import Path

from planchk import messages
from planchk.atomic import write_atomic
from planchk.errors import BaselineError as BaselineError  # noqa: PLC0414 (re-exported: its home is planchk.errors)
from planchk.findings import Finding
from planchk.reading import read_bounded, repository_root
from planchk.report import Report
from planchk.suppress.cap import Later, Reversed

BASELINE_VERSION = 1
MAX_BASELINE_BYTES = 200 * 1024 * 1024  # a million findings' entries, with room

Key = tuple[str, str, str]


def key(finding: Finding) -> Key:
    """What a baseline entry matches: the file as an absolute path, so that a baseline
    matches wherever planchk runs from and however the plan was named (read_baseline
    makes its entries absolute the same way)."""
    return (_absolute(finding.location.file), finding.code, finding.path)


def _absolute(file: str) -> str:
    return os.path.abspath(file)


def _root(baseline: Path) -> Path:
    """The repository root of a baseline (as git finds it), whose paths its entries are
    relative to; without a repository, the baseline's folder."""
    return repository_root(baseline.resolve().parent)


def _entry_file(display: str, root: Path) -> str:
    return Path(os.path.relpath(_absolute(display), root)).as_posix()


def write_baseline(
    report: Report, path: Path, seen: Callable[[Finding], None] | None = None
) -> int:
    """Record the report's active findings; return how many. Written as they are read, one
    entry at a time (an uncapped report of 600,000 findings carries most of them unmade:
    suppress.unmade), never a list of them: the same bytes `json.dumps(indent=2)` gives.
    `seen`: given every finding read, in report order (the run's capped output, Shown)."""
    root = _root(path)
    written = [0]
    try:
        write_atomic(path, _document(report.findings, root, written, seen))
    except OSError as error:
        raise BaselineError(
            messages.BASELINE_UNWRITABLE, path=path, reason=messages.os_reason(error)
        ) from None
    return written[0]


def _document(
    findings: Iterable[Finding],
    root: Path,
    written: list[int],
    seen: Callable[[Finding], None] | None,
) -> Iterator[str]:
    """The baseline's text in pieces, counting its entries into `written`."""
    files: dict[str, str] = {}  # a finding's file as an entry's, and encoded: once a file
    between = f'{{\n  "baseline_version": {BASELINE_VERSION},\n  "findings": ['  # then ","
    for finding in findings:
        if seen is not None:
            seen(finding)
        if finding.fatal or finding.waived is not None:
            continue
        file = finding.location.file
        entry_file = files.get(file) or files.setdefault(file, _encoded(_entry_file(file, root)))
        yield (
            f'{between}\n    {{\n      "file": {entry_file},\n      "code": '
            f'{_encoded(finding.code)},\n      "path": {_encoded(finding.path)}\n    }}'
        )
        between = ","
        written[0] += 1
    yield "\n  ]\n}\n" if written[0] else f"{between}]\n}}\n"


class Recorder:
    """A baseline written as the checks find its entries (validate --write-baseline): each
    active finding's file, code and path as the cap receives it (suppress.cap.Capper, the
    cap itself still on), encoded into a spool file; no finding is made for it (placing and
    wording each of 600,000 was most of writing their baseline). The entries come in the
    order the rules find them, rule by rule, not in report order: a baseline is read as a
    count of (file, code, path)."""

    def __init__(self, path: Path) -> None:
        self.path, self.root = path, _root(path)
        self.count = 0
        self._files: dict[str, str] = {}  # a finding's file as an entry's, encoded once
        self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115

    def __call__(self, file: str, code: str, path: str) -> None:
        entry_file = self._files.get(file)
        if entry_file is None:
            entry_file = self._files[file] = _encoded(_entry_file(file, self.root))
        self._spool.write(
            f'{"," if self.count else ""}\n    {{\n      "file": {entry_file},\n      "code": '
            f'{_encoded(code)},\n      "path": {_encoded(path)}\n    }}'
        )
        self.count += 1

    def write(self) -> int:
        """Write the baseline (the same bytes write_baseline gives its entries); how many."""
        try:
            write_atomic(self.path, self._pieces())
        except OSError as error:
            raise BaselineError(
                messages.BASELINE_UNWRITABLE, path=self.path, reason=messages.os_reason(error)
            ) from None
        finally:
            self._spool.close()
        return self.count

    def _pieces(self) -> Iterator[str]:
        yield f'{{\n  "baseline_version": {BASELINE_VERSION},\n  "findings": ['
        self._spool.seek(0)
        while chunk := self._spool.read(1 << 16):
            yield chunk
        yield "\n  ]\n}\n" if self.count else "]\n}\n"


def read_baseline(path: Path) -> Counter[Key]:
    try:
        # Bounded like a plan (a FIFO or /dev/zero is refused); nesting past Python's
        # recursion is as invalid as any other JSON that is not a baseline.
        document = json.loads(read_bounded(path, MAX_BASELINE_BYTES).decode("utf-8"))
        if document.get("baseline_version") != BASELINE_VERSION:
            raise BaselineError(messages.BASELINE_VERSION, path=path, version=BASELINE_VERSION)
        return _entries(document["findings"], _root(path))
    except OSError as error:
        raise BaselineError(
            messages.BASELINE_UNREADABLE, path=path, reason=messages.os_reason(error)
        ) from None
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise BaselineError(messages.BASELINE_INVALID, path=path) from None


def _entries(entries: list[dict[str, str]], root: Path) -> Counter[Key]:
    """The entries as keys, each file and code one string however many entries name it (a
    path and a string per entry made a 100,000-entry baseline take 40 MB)."""
    files: dict[str, str] = {}
    codes: dict[str, str] = {}
    keys: Counter[Key] = Counter()
    for entry in entries:
        file, code = entry["file"], entry["code"]
        absolute = files.get(file) or files.setdefault(file, str(root / file))
        keys[absolute, codes.setdefault(code, code), entry["path"]] += 1
    return keys


def without_baseline(report: Report, known: Counter[Key]) -> Report:
    """The report without the findings the baseline records; the count of those is kept."""
    remaining = Counter(known)
    kept = []
    for finding in report.findings:
        k = key(finding)
        if finding.waived is None and not finding.fatal and remaining[k] > 0:
            remaining[k] -= 1
        else:
            kept.append(finding)
    return dataclasses.replace(
        report, findings=tuple(kept), baselined=len(report.findings) - len(kept)
    )


class Held:
    """A baseline applied to findings as they come, before the cap (suppress.cap.Capper).

    Of the findings matching an entry (file, code, path) counted n times, the baseline leaves
    out the first n in report order, as without_baseline does over a sorted report. As they
    come, each entry holds the first n seen so far in a bounded heap; a later-sorting one, or
    the one a new finding displaces, passes on. What is held at the end is what the baseline
    leaves out: memory is the baseline's size, never the number of findings. A deferred
    finding (a Later) that an entry holds alone is never compared with another, so it is held
    unmade: made only if a second finding of its entry comes.
    """

    def __init__(self, known: Counter[Key]) -> None:
        self.known = known
        self._heaps: dict[Key, list[tuple[Reversed, int, Finding]]] = {}
        self._alone: dict[Key, tuple[int, Later]] = {}  # the only one of its entry so far
        self._files: dict[str, str] = {}  # display -> absolute: abspath once per file
        self._taken: dict[Key, int] = {}  # held back by `take`, unmade
        self._paths: dict[tuple[str, str], set[str]] = {}
        for file, code, path in known:
            self._paths.setdefault((file, code), set()).add(path)

    def paths(self, file: str, code: str) -> AbstractSet[str]:
        """The paths its entries name for `code` in `file` (a display name, as findings
        give it): a finding elsewhere passes on at once."""
        absolute = self._files.get(file) or self._files.setdefault(file, _absolute(file))
        return self._paths.get((absolute, code), frozenset())

    @property
    def held(self) -> int:
        """How many findings the baseline leaves out (so far)."""
        heaps = sum(len(heap) for heap in self._heaps.values())
        return len(self._alone) + heaps + sum(self._taken.values())

    def take(self, file: str, code: str, path: str) -> bool:
        """The only finding of `code` at `path` in `file` that its rule yields (a rule that
        yields at most one a cell: findings.Tally.take): held back unmade and never offered,
        if an entry names it and holds none yet; True then. Its entry then holds one fewer,
        should another rule's finding come there."""
        absolute = self._files.get(file) or self._files.setdefault(file, _absolute(file))
        entry_key = (absolute, code, path)
        if entry_key in self._heaps or entry_key in self._alone:
            return False
        if self.known.get(entry_key, 0) - self._taken.get(entry_key, 0) <= 0:
            return False
        self._taken[entry_key] = self._taken.get(entry_key, 0) + 1
        return True

    def offer(self, seq: int, finding: Finding | Later) -> tuple[int, Finding | Later] | None:
        """The finding numbered `seq` (in the order they came) offered to the baseline: None
        if held back, else the finding (this one or one held before) passed on with its
        number. A finding not made yet (a Later) is made only if an entry matches it."""
        if isinstance(finding, Later):
            file, code, path = finding.file, finding.code, finding.path
        elif finding.fatal or finding.waived is not None:
            return seq, finding
        else:
            file, code, path = finding.location.file, finding.code, finding.path
        absolute = self._files.get(file) or self._files.setdefault(file, _absolute(file))
        entry_key = (absolute, code, path)
        count = self.known.get(entry_key, 0)
        if self._taken:
            count -= self._taken.get(entry_key, 0)
        if count <= 0:
            return seq, finding
        first = entry_key not in self._heaps and entry_key not in self._alone
        if first and isinstance(finding, Later):
            self._alone[entry_key] = (seq, finding)  # held: nothing to order it against yet
            return None
        heap = self._heap(entry_key)
        if isinstance(finding, Later):
            finding = finding.make()
        entry = (Reversed(finding.sort_key), -seq, finding)
        if len(heap) < count:
            heapq.heappush(heap, entry)
            return None
        _, later, out = heapq.heappushpop(heap, entry)  # the later in report order passes
        return -later, out

    def _heap(self, entry_key: Key) -> list[tuple[Reversed, int, Finding]]:
        """The entry's heap, with the finding it held alone (unmade) made and in it."""
        heap = self._heaps.setdefault(entry_key, [])
        alone = self._alone.pop(entry_key, None)
        if alone is not None:
            seq, later = alone
            finding = later.make()
            heapq.heappush(heap, (Reversed(finding.sort_key), -seq, finding))
        return heap
