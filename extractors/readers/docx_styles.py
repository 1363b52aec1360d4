"""Word styles as the DOCX reader needs them: heading levels, names, numbering and bold.

A paragraph's style is resolved through its ``basedOn`` chain (computed once per style id);
the default paragraph style applies when a paragraph names none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Styles", "W", "load_styles", "on", "to_int"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = f"{W}val"
_FALSE = {"0", "false", "off", "none"}
_HEADING_RE = re.compile(r"^(?:heading|titre|überschrift)\s*(\d)$", re.IGNORECASE)


@dataclass(slots=True)
class _Style:
    name: str = ""
    based_on: str | None = None
    outline: int | None = None
    num_id: str | None = None
    ilvl: int | None = None
    bold: bool | None = None
    hidden: bool = False


@dataclass(slots=True)
class Styles:
    by_id: dict[str, _Style] = field(default_factory=dict)
    default_para: str | None = None
    _chains: dict[str | None, tuple[_Style, ...]] = field(default_factory=dict)

    def chain(self, style_id: str | None) -> tuple[_Style, ...]:
        """The style and the styles it is based on, nearest first (computed once per id)."""
        found = self._chains.get(style_id)
        if found is None:
            found = self._chains[style_id] = tuple(self._walk(style_id))
        return found

    def _walk(self, style_id: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        sid = style_id or self.default_para
        while sid and sid not in seen and len(seen) < 12:
            seen.add(sid)
            st = self.by_id.get(sid)
            if st is None:
                return
            yield st
            sid = st.based_on

    def heading_level(self, style_id: str | None) -> int:
        for st in self.chain(style_id):
            name = st.name.strip().lower()
            m = _HEADING_RE.match(name)
            if m:
                return max(1, int(m.group(1)))
            if name == "title":
                return 1
            if name == "subtitle":
                return 2
            if st.outline is not None and st.outline < 9:
                return st.outline + 1
        return 0

    def name(self, style_id: str | None) -> str | None:
        for st in self.chain(style_id):
            return st.name or None
        return None

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        for st in self.chain(style_id):
            if st.num_id is not None:
                return st.num_id, st.ilvl
        return None, None

    def bold(self, style_id: str | None) -> bool:
        for st in self.chain(style_id):
            if st.bold is not None:
                return st.bold
        return False


def on(el: Any | None) -> bool:
    return el is not None and el.get(_VAL, "true").lower() not in _FALSE


def load_styles(root: Any | None) -> Styles:
    out = Styles()
    if root is None:
        return out
    for st in root.iterchildren(f"{W}style"):
        sid = st.get(f"{W}styleId")
        if not sid:
            continue
        name = st.find(f"{W}name")
        based = st.find(f"{W}basedOn")
        ppr = st.find(f"{W}pPr")
        rpr = st.find(f"{W}rPr")
        s = _Style(name=name.get(_VAL, "") if name is not None else "",
                   based_on=based.get(_VAL) if based is not None else None)
        if ppr is not None:
            ol = ppr.find(f"{W}outlineLvl")
            if ol is not None:
                s.outline = to_int(ol.get(_VAL), 9)
            num = ppr.find(f"{W}numPr")
            if num is not None:
                nid = num.find(f"{W}numId")
                lvl = num.find(f"{W}ilvl")
                s.num_id = nid.get(_VAL) if nid is not None else None
                s.ilvl = to_int(lvl.get(_VAL), 0) if lvl is not None else None
        if rpr is not None:
            b = rpr.find(f"{W}b")
            if b is not None:
                s.bold = on(b)
            s.hidden = on(rpr.find(f"{W}vanish"))
        out.by_id[sid] = s
        if st.get(f"{W}type") == "paragraph" and st.get(f"{W}default") in ("1", "true"):
            out.default_para = sid
    return out


def to_int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
