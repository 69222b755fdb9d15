"""The input family's codes (PC001-PC015) for files that cannot be read as a plan.

Reading, YAML and plan-file problems: any of these makes the file unusable, so the run exits
2 and no rule looks at that file. Declared here as data; the loader (planchk.loader) raises
them. The family's schema codes (PC020-PC024) are in planchk.codes.schema, its rules
(PC030-PC039) in planchk.rules.references and planchk.rules.hierarchy.
"""

from __future__ import annotations

from planchk.findings import Severity
from planchk.messages import DOCUMENT_KINDS, said_reason, words
from planchk.registry import code

E = Severity.ERROR

FILE_UNREADABLE = code(
    "PC001",
    "file-unreadable",
    E,
    "File cannot be read",
    "cannot read this file: {reason}",
    """
    Why: planchk can only check what it can read.

    Bad:
        a path that does not exist, or a file without read permission

    Good:
        an existing, readable YAML file
    """,
    # The reason stays the system's English in the finding's arguments (JSON), and is said in
    # the reader's language in its message.
    localize=lambda args: {**args, "reason": said_reason(str(args.get("reason", "")))},
)
ENCODING = code(
    "PC002",
    "file-encoding",
    E,
    "File is not UTF-8",
    "the file is not UTF-8 text (byte {byte} at this position); "
    "if it was saved as GBK/GB18030, convert it: iconv -f GB18030 -t UTF-8",
    """
    Why: plan files are shared between Windows editors, git and CI; only UTF-8 reads the same
    everywhere. Chinese Windows tools often save GBK, which is not UTF-8.

    Bad:
        a targets.yaml saved as GBK from Notepad

    Good:
        the same file saved as UTF-8 (a byte-order mark is accepted)
    """,
)
YAML_SYNTAX = code(
    "PC003",
    "yaml-syntax",
    E,
    "YAML syntax error",
    "YAML syntax error: {problem}",
    """
    Why: a file that is not valid YAML cannot be checked at all.

    Bad:
        values:
          洪都街办: [300, 50, 53

    Good:
        values:
          洪都街办: [300, 50, 53]
    """,
)
DUPLICATE_KEY = code(
    "PC004",
    "duplicate-key",
    E,
    "Duplicate key",
    "`{key}` appears twice in the same mapping (first at line {first_line}); "
    "YAML tools silently keep only one of them",
    """
    Why: PyYAML and most YAML tools keep the last of two equal keys and drop the first without
    a word, so a row typed twice loses data silently.

    Bad:
        values:
          洪都街办: [300, 50, 53]
          洪都街办: [30, 50, 53]

    Good:
        values:
          洪都街办: [300, 50, 53]
    """,
)
YAML_ALIAS = code(
    "PC005",
    "yaml-alias",
    E,
    "YAML anchors and aliases are not supported",
    "YAML anchors and aliases (&name, *name) are not supported in plan files; "
    "write the value out where it is used",
    """
    Why: a plan file is reviewed line by line in diffs; a value defined elsewhere hides what a
    line says, and nested aliases can expand to billions of nodes ("billion laughs").

    Bad:
        lead: &leads [区发改委, 区科工局]
        responsible: *leads

    Good:
        lead: [区发改委, 区科工局]
        responsible: [区发改委, 区科工局]
    """,
)
YAML_TAG = code(
    "PC006",
    "yaml-tag",
    E,
    "YAML tags are not supported",
    "YAML tag `{tag}` is not supported in plan files; remove it "
    "(quote the value if it must stay text)",
    """
    Why: tags such as !!python/object ask a loader to construct objects; planchk never
    constructs anything from a tag, and plain values need none.

    Bad:
        issued: !!python/object/apply:os.system ["echo hi"]

    Good:
        issued: 2021-06-09
    """,
)
YAML_MULTIPLE_DOCUMENTS = code(
    "PC007",
    "yaml-multiple-documents",
    E,
    "More than one YAML document",
    "the file holds more than one YAML document (a second `---`); keep one plan document per file",
    """
    Why: a second document after `---` would be ignored by most tools; planchk refuses it
    rather than check half a file.

    Bad:
        plan: {...}
        ---
        plan: {...}

    Good:
        one document per file
    """,
)
YAML_COMPLEX_KEY = code(
    "PC008",
    "yaml-complex-key",
    E,
    "Mapping key is not a plain name",
    "a mapping key must be a name or number, not a list or mapping",
    """
    Why: keys in plan files are names (areas, indicators, fields).

    Bad:
        ? [洪都街办, 京山街办]
        : [1, 2, 3]

    Good:
        洪都街办: [1, 2, 3]
    """,
)
YAML_TOO_DEEP = code(
    "PC009",
    "yaml-too-deep",
    E,
    "Nesting too deep",
    "nesting is deeper than {limit} levels; plan files never need this much",
    """
    Why: a plan file is at most a few levels deep; very deep nesting is a broken or hostile file.

    Bad:
        [[[[[[[[[[[[ ... ]]]]]]]]]]]]

    Good:
        values:
          洪都街办: [300, 50, 53]
    """,
)
EMPTY_FILE = code(
    "PC010",
    "empty-file",
    E,
    "File is empty",
    "the file holds no YAML document",
    """
    Why: an empty plan file is usually a failed save or export.

    Bad:
        (an empty file, or one with only comments)

    Good:
        plan:
          title: ...
    """,
)
NOT_A_MAPPING = code(
    "PC011",
    "not-a-mapping",
    E,
    "Document is not a mapping",
    "the document is {found}; a plan file is a mapping of sections ({expected})",
    """
    Why: a plan file is a mapping whose keys are its sections.

    Bad:
        - 青云谱区
        - 洪都街办

    Good:
        plan: {...}
        areas: {...}
        indicators: {...}
    """,
    localize=lambda args: {**args, "found": words(DOCUMENT_KINDS, args["found"])},
)
FILE_TOO_LARGE = code(
    "PC012",
    "file-too-large",
    E,
    "File too large",
    "the file is {size} bytes, over the limit of {limit} bytes; "
    "raise it with --max-bytes or PLANCHK_MAX_BYTES if the file is genuine",
    """
    Why: a limit keeps a runaway or hostile file from exhausting memory in CI.

    Bad:
        a 2 GB YAML file produced by a broken export

    Good:
        a plan file, or --max-bytes set for a genuinely large plan
    """,
)
NO_PLAN_FILES = code(
    "PC013",
    "no-plan-files",
    Severity.ERROR,
    "No plan files found",
    "no plan files here: a plan directory holds targets.yaml and/or tasks.yaml",
    """
    Why: a path that holds nothing to check is almost always a wrong path; passing it
    silently would let CI go green on nothing.

    Bad:
        planchk validate src/

    Good:
        planchk validate data/
    """,
)
NO_AREAS = code(
    "PC014",
    "tasks-without-areas",
    Severity.WARNING,
    "Tasks checked without the plan's areas",
    "group `{group}` stands for the sub-areas of {area}, which targets.yaml declares, and no "
    "usable targets file is beside this tasks file: the group's members are unknown, and the "
    "sub-areas' names are not checked",
    """
    Why: a group written `areas_under:` stands for the sub-areas that targets.yaml declares;
    without that file its members are unknown, so a list that names the group is compared
    with the other as if the group named nobody. A tasks file alone whose groups name no
    areas (a task table imported by itself) is a plan of its own and is checked as it is.

    Bad:
        plan/tasks.yaml alone, with groups: {各街办、镇: {areas_under: 青云谱区}}

    Good:
        plan/targets.yaml and plan/tasks.yaml side by side
    """,
)
LOOKALIKE_KEY = code(
    "PC015",
    "lookalike-key",
    E,
    "Two keys that look alike",
    "`{key}` looks like `{first}` (line {first_line}) but differs by {difference}; "
    "one of them is read, the other is not: spell both the same",
    """
    Why: Keys that differ only in what no one sees (a full-width space typed in full-width
    mode, a no-break space, a zero-width space, full-width letters, 區 for 区) are one name to
    a reader. The schema strips the spaces at a name's ends, so the later of `i1` and `i1　`
    would silently replace the earlier and a whole table would go unchecked; others would be
    two names where the plan means one. Like a duplicate key, the first one is read.

    Bad:
        values:
          洪都街办: [300, 50, 53]
          洪都街辦: [30, 50, 53]

    Good:
        values:
          洪都街办: [300, 50, 53]
    """,
)
