"""Column widths for a table that keep it short. No Qt: it works on measured text widths.

Every column starts at its longest unbreakable word (capped, so a URL may break anywhere).
The room left goes, step by step, to the widening that saves the most per pixel, where a row
costs the square of its lines (a cell's lines estimated as its text width over the column
width). What is left at the end goes to the columns still short of their natural (unwrapped)
width. A table whose natural widths fit is simply stretched to the width.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["LINK_CAP", "WORD_CAP", "column_widths"]

WORD_CAP = 0.2  # of the table's width: the most a column's longest word may claim at first
LINK_CAP = 0.12  # the same for a column of links (a URL breaks anywhere)
SLACK = 1.06  # measured widths grow by this much against rounding in the line breaker


def column_widths(
    cells: Sequence[Sequence[float]],
    headers: Sequence[float],
    cell_words: Sequence[float],
    header_words: Sequence[float],
    width: float,
    pad: float,
    link_column: int | None = None,
) -> list[float]:
    """Widths of ``len(headers)`` columns filling ``width``.

    ``cells[r][i]`` is the width of row r's cell in column i on one line, ``headers[i]`` the
    header's; ``cell_words[i]`` and ``header_words[i]`` the widest piece that must not break
    (a word) in the column's cells and in its header; ``pad`` the padding of a cell.
    """
    n = len(headers)
    text = np.array([[w * SLACK for w in row] for row in cells] or [[0.0] * n], dtype=float)
    natural = np.array([max(h, float(text[:, i].max())) + pad for i, h in enumerate(headers)])
    if natural.sum() <= width:
        return [float(w) for w in natural * width / natural.sum()]
    minimum = []
    for i in range(n):
        cap = width * (LINK_CAP if i == link_column else WORD_CAP)
        minimum.append(min(max(min(cell_words[i], cap), header_words[i]) + pad, natural[i]))
    widths = np.array(minimum, dtype=float)
    if widths.sum() >= width:
        return [float(w) for w in widths * width / widths.sum()]

    def lines(w: np.ndarray | float, t: np.ndarray) -> np.ndarray:
        return np.maximum(np.ceil(t / np.maximum(w - pad, 1.0) - 1e-9), 1.0)

    for _ in range(200):
        room = width - widths.sum()
        if room <= 0.5:
            break
        now = lines(widths, text)
        order = np.sort(now, axis=1)
        first, second = order[:, -1], (order[:, -2] if n > 1 else np.ones(len(now)))
        cost = (first**2).sum()  # squared: one tall row is worse than several two-line rows
        best: tuple[float, int, float] | None = None
        for i in range(n):
            counts = now[:, i]
            wrapped = counts > 1
            if not wrapped.any():
                continue
            # the next width at which each wrapped cell loses a line (sorted, each once; not
            # np.unique, whose first call imports numpy.ma: 15 ms of an export)
            targets = np.array(sorted(set((text[wrapped, i] / (counts[wrapped] - 1) + pad + 0.01).tolist())))
            grow = targets - widths[i]
            targets, grow = targets[(grow > 0) & (grow <= room)], grow[(grow > 0) & (grow <= room)]
            if not len(targets):
                continue
            rest = np.where(counts >= first, second, first)
            new = np.maximum(np.ceil(text[:, i : i + 1] / (targets[None, :] - pad) - 1e-9), 1.0)
            saved = cost - (np.maximum(rest[:, None], new) ** 2).sum(axis=0)
            gain = saved / grow
            j = int(np.argmax(gain))
            if saved[j] > 0 and (best is None or gain[j] > best[0]):
                best = (float(gain[j]), i, float(grow[j]))
        if best is None:
            break
        widths[best[1]] += best[2]
    short = np.maximum(natural - widths, 0.0)
    room = width - widths.sum()
    widths += room * (short / short.sum() if short.sum() > 0 else widths / widths.sum())
    return [float(w) for w in widths]
