"""List numbering of a DOCX: render the "1." / "a)" / "•" that Word draws before an item.

Word stores the numbering format per list (``w:num`` -> ``w:abstractNum`` -> ``w:lvl``) and
counts items as it lays the document out; python-docx leaves both to its users. Counters are
kept per ``numId``; a level's counter restarts when a shallower level advances.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Numbering"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = f"{W}val"


@dataclass(slots=True)
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


def _roman(n: int) -> str:
    out = []
    for value, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                       (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                       (4, "iv"), (1, "i")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter: a..z, aa..zz, aaa...
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


@dataclass(slots=True)
class Numbering:
    """Formats from numbering.xml and the running counters of the document."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def from_element(cls, root: Any | None) -> Numbering:
        out = cls()
        if root is None:
            return out
        abstract: dict[str, dict[int, _Level]] = {}
        for an in root.iterchildren(f"{W}abstractNum"):
            abstract[an.get(f"{W}abstractNumId", "")] = _levels(an)
        for num in root.iterchildren(f"{W}num"):
            num_id = num.get(f"{W}numId", "")
            ref = num.find(f"{W}abstractNumId")
            base = abstract.get(ref.get(_VAL, "") if ref is not None else "", {})
            levels = {k: _Level(v.fmt, v.text, v.start) for k, v in base.items()}
            for ov in num.iterchildren(f"{W}lvlOverride"):
                ilvl = _int(ov.get(f"{W}ilvl"), 0)
                lvl = ov.find(f"{W}lvl")
                if lvl is not None:
                    levels.update(_levels_of([lvl]))
                so = ov.find(f"{W}startOverride")
                if so is not None:
                    levels.setdefault(ilvl, _Level()).start = _int(so.get(_VAL), 1)
            out.levels[num_id] = levels
        return out

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counter of (num_id, ilvl) and return the rendered label."""
        levels = self.levels.get(num_id)
        if not levels:
            return None
        ilvl = max(0, min(ilvl, 8))
        counts = self.counters.setdefault(num_id, [0] * 9)
        lvl = levels.get(ilvl, _Level())
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else lvl.start
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        if lvl.fmt == "bullet":
            return "•"
        text = lvl.text
        for k in range(ilvl + 1):
            kl = levels.get(k, _Level())
            n = counts[k] or kl.start
            text = text.replace(f"%{k + 1}", _format(n, kl.fmt))
        return text.strip() or None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _levels(abstract_num: Any) -> dict[int, _Level]:
    return _levels_of(abstract_num.iterchildren(f"{W}lvl"))


def _levels_of(lvls: Any) -> dict[int, _Level]:
    out: dict[int, _Level] = {}
    for lvl in lvls:
        ilvl = _int(lvl.get(f"{W}ilvl"), 0)
        fmt = lvl.find(f"{W}numFmt")
        text = lvl.find(f"{W}lvlText")
        start = lvl.find(f"{W}start")
        out[ilvl] = _Level(
            fmt=fmt.get(_VAL, "decimal") if fmt is not None else "decimal",
            text=text.get(_VAL, "") if text is not None else "",
            start=_int(start.get(_VAL) if start is not None else None, 1),
        )
    return out
