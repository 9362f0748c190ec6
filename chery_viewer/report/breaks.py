"""Where a line of the paper may not break: inside a period (2022年1月–9月, Jan–Sep 2022), or
between a figure and its mark (961,926 [S5], 190,385 (derived), 36.6%（推算）). No Qt.

Qt's line breaker follows Unicode's rules, which allow a break between a digit and a Chinese
character and after a dash, so a period would split as ``2022年1`` / ``月–9月``; a table
cell would put a source mark on a line of its own. Before a paragraph is laid out,
:func:`bind` joins the characters of each such run with WORD JOINER (and turns
its spaces into no-break spaces); the lines are then cut from the original text through the
index map it returns, so nothing inserted is ever drawn.
"""

from __future__ import annotations

import re

__all__ = ["JOINER", "NO_BREAK_SPACE", "bind", "bound_spans"]

JOINER = "\u2060"  # WORD JOINER: no break on either side, no width
NO_BREAK_SPACE = "\u00a0"

_YEAR = r"\d{4}年"
_MONTH_DAY = r"\d{1,2}月(?:\d{1,2}日)?"
_CHINESE_ONE = rf"(?:{_YEAR}(?:上半年|下半年|{_MONTH_DAY})?|{_MONTH_DAY})"
_CHINESE = rf"(?<!\d){_CHINESE_ONE}(?:[–-]{_CHINESE_ONE})?"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_ENGLISH_ONE = rf"(?:\d{{1,2}} )?{_MONTH}(?: \d{{4}})?"
_ENGLISH = rf"(?<!\w){_ENGLISH_ONE}(?:[–-]{_ENGLISH_ONE})?(?!\w)|(?<!\w)H[12] \d{{4}}(?!\w)"
_YEARS = r"(?<!\d)\d{4}[–-]\d{2,4}(?!\d)"
# the last digit of a figure and the short bracketed mark after it: [S5], (derived), （推算）
_MARK = r"\d%? ?(?:\[[^\]\s]{1,8}\]|[（(][^）)\s]{1,12}[)）])"
_BOUND = re.compile(f"{_CHINESE}|{_ENGLISH}|{_YEARS}|{_MARK}")


def bound_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every period and figure mark in ``text`` that has a place a line could
    break; overlapping runs (a period's year followed by a mark) are merged."""
    spans: list[tuple[int, int]] = []
    for m in _BOUND.finditer(text):
        if m.end() - m.start() < 2:
            continue
        if spans and m.start() < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], m.end()))
        else:
            spans.append(m.span())
    return spans


def bind(text: str) -> tuple[str, list[int] | None]:
    """``text`` with its periods and figure marks made unbreakable, and the index in ``text`` of each character of
    the result (plus one past the end); ``None`` for the map when nothing changed."""
    spans = bound_spans(text)
    if not spans:
        return text, None
    out: list[str] = []
    where: list[int] = []
    at = 0
    for start, end in spans:
        out.append(text[at:start])
        where.extend(range(at, start))
        for i in range(start, end):
            if i > start:
                out.append(JOINER)
                where.append(i)
            out.append(NO_BREAK_SPACE if text[i] == " " else text[i])
            where.append(i)
        at = end
    out.append(text[at:])
    where.extend(range(at, len(text) + 1))
    return "".join(out), where
