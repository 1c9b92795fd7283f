"""Read a YAML file into a tree of nodes that remember where each value was written.

Scalars are kept as the text the user typed, so `257.31` reaches the model as the exact decimal
string, never as a float. Anchors and aliases are refused (they only hide repetition and allow
alias bombs), duplicate keys are refused (PyYAML silently keeps the last one).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from spellgen.spellfile.diagnostics import Diagnostics, InputError, Loc

MAX_BYTES = 1 << 20  # a spell or budget file is a few KiB; anything near this is a mistake

_TAGS = {
    "tag:yaml.org,2002:str": "str",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "timestamp",
    "tag:yaml.org,2002:map": "map",
    "tag:yaml.org,2002:seq": "seq",
}


@dataclass
class YNode:
    kind: str  # "map", "seq" or "scalar"
    tag: str  # str, int, float, bool, null, timestamp (how YAML would have read a plain scalar)
    loc: Loc
    text: str = ""  # scalars: the characters as written (without quotes)
    quoted: bool = False
    items: list["YNode"] = field(default_factory=list)  # seq
    entries: dict[str, "YNode"] = field(default_factory=dict)  # map, in file order
    key_locs: dict[str, Loc] = field(default_factory=dict)  # where each key was written

    @property
    def path(self) -> str:
        return self.loc.path

    def describe(self) -> str:
        """How the value reads to a person, for 'expected X, got Y' messages."""
        if self.kind == "map":
            return "a mapping"
        if self.kind == "seq":
            return "a list"
        if self.tag == "null":
            return "nothing (null)"
        return f"{'the text' if self.quoted or self.tag == 'str' else 'the ' + self.tag} {self.text!r}"


def _child_path(parent: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else key


def _loc(node: yaml.Node, path: str) -> Loc:
    return Loc(node.start_mark.line + 1, node.start_mark.column + 1, path)


class _Converter:
    def __init__(self, diags: Diagnostics):
        self.diags = diags
        self.seen: set[int] = set()
        self.alias_reported = False

    def convert(self, node: yaml.Node, path: str) -> YNode | None:
        if id(node) in self.seen:
            # One error is enough: an alias bomb would otherwise print thousands of lines.
            if not self.alias_reported:
                self.diags.error(_loc(node, path), "YAML anchors and aliases are not supported: write the value out")
                self.alias_reported = True
            return None
        self.seen.add(id(node))
        loc = _loc(node, path)
        tag = _TAGS.get(node.tag)
        if tag is None:
            # Explicit tags (!!python/object, !custom) are refused: data only, never objects.
            self.diags.error(loc, f"the YAML tag {node.tag!r} is not supported: write plain values")
            return None
        if isinstance(node, yaml.ScalarNode):
            return YNode("scalar", tag, loc, text=node.value, quoted=node.style in ("'", '"'))
        if isinstance(node, yaml.SequenceNode):
            out = YNode("seq", "seq", loc)
            for i, child in enumerate(node.value):
                converted = self.convert(child, _child_path(path, i))
                if converted is not None:
                    out.items.append(converted)
            return out
        return self._mapping(node, path, loc)

    def _mapping(self, node: yaml.MappingNode, path: str, loc: Loc) -> YNode:
        out = YNode("map", "map", loc)
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.diags.error(_loc(key_node, path), "mapping keys must be plain words")
                continue
            key = key_node.value
            key_loc = _loc(key_node, _child_path(path, key))
            if key == "<<":
                self.diags.error(key_loc, "YAML merge keys (<<) are not supported: write the fields out")
                continue
            if key in out.entries:
                first = out.key_locs[key]
                self.diags.error(key_loc, f"duplicate key {key!r} (first written at line {first.line})")
                continue
            converted = self.convert(value_node, key_loc.path)
            if converted is not None:
                out.entries[key] = converted
                out.key_locs[key] = key_loc
        return out


def _loader() -> type:
    # libyaml is several times faster when present; both report the same marks.
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_text(text: str, diags: Diagnostics) -> YNode:
    """Compose YAML text into a YNode tree; raise InputError with located problems."""
    origin = Loc(1, 1, "")
    try:
        documents = list(yaml.compose_all(text, Loader=_loader()))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Loc(mark.line + 1, mark.column + 1, "") if mark else origin
        problem = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        diags.error(where, f"YAML syntax error: {problem}")
        raise InputError(diags) from None
    except yaml.YAMLError as exc:  # e.g. a reader error on control characters
        diags.error(origin, f"YAML error: {exc}")
        raise InputError(diags) from None
    if not documents or documents[0] is None:
        diags.error(origin, "the file is empty")
        raise InputError(diags)
    if len(documents) > 1:
        second = documents[1]
        diags.error(_loc(second, "") if second is not None else origin, "only one YAML document per file")
        raise InputError(diags)
    root = _Converter(diags).convert(documents[0], "")
    if diags.errors or root is None:
        raise InputError(diags)
    return root


def read_file(path: Path, diags: Diagnostics) -> YNode:
    """Read and compose a YAML file, refusing oversize and non-UTF-8 input with a located error."""
    origin = Loc(1, 1, "")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            diags.error(origin, f"the file is {size:,} bytes; spellgen reads at most {MAX_BYTES:,}")
            raise InputError(diags)
        raw = path.read_bytes()
    except OSError as exc:
        diags.error(origin, f"cannot read the file: {exc.strerror or exc}")
        raise InputError(diags) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        diags.error(Loc(line, 1, ""), "the file is not valid UTF-8")
        raise InputError(diags) from None
    return parse_text(text, diags)
