"""Card groups (partners, milestones) in rows, and notes as bullets: both split between items."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6 import QtCore

from chery_viewer.core.content import Card, CardGroup
from chery_viewer.report.blocks.text import continued
from chery_viewer.report.canvas import BLUE, CARD_PAD, Canvas, TypeScale
from chery_viewer.report.flowables import Chunk, Flow, Flowable

__all__ = ["CardChunk", "CardFlow", "NoteChunk", "NoteFlow"]


class CardFlow(Flow):
    """A titled group of cards in rows; splits between rows, never inside a card."""

    GAP_X = 10.0
    GAP_Y = 10.0

    def __init__(self, c: Canvas, group: CardGroup, width: float) -> None:
        self.group, self.width = group, width
        longest = max((len(card.body) for card in group.cards), default=0)
        self.cols = 3 if len(group.cards) in (3, 5, 6) or (len(group.cards) > 6 and longest <= 240) else 2
        self.card_w = (width - self.GAP_X * (self.cols - 1)) / self.cols
        inner = self.card_w - 2 * CARD_PAD
        self.rows: list[tuple[tuple[Card, ...], float]] = []
        for i in range(0, len(group.cards), self.cols):
            row = group.cards[i : i + self.cols]
            h = max(self._card_height(c, card, inner) for card in row)
            self.rows.append((row, h))
        self.title_h = c.text_height(continued(group.title), c.font(TypeScale.HEADING, True), width)
        self.start = 0
        self.height = self.chunk_height(0, len(self.rows))

    @staticmethod
    def _card_height(c: Canvas, card: Card, inner: float) -> float:
        return (
            2 * CARD_PAD
            + c.text_height(card.title, c.font(TypeScale.BODY, True), inner)
            + 4
            + c.text_height(card.body, c.font(TypeScale.SMALL), inner)
            + 6
            + c.text_height(card.meta, c.font(TypeScale.CAPTION), inner)
        )

    def chunk_height(self, start: int, end: int) -> float:
        rows = self.rows[start:end]
        return self.title_h + 6 + sum(h for _, h in rows) + self.GAP_Y * max(len(rows) - 1, 0)

    def count(self) -> int:
        return len(self.rows)

    def chunk(self, start: int, end: int) -> Flowable:
        return CardChunk(self, start, end)


class CardChunk(Chunk):
    flow: CardFlow

    def draw(self, c: Canvas, x: float, y: float) -> None:
        f, t, width = self.flow, c.theme, self.width
        title = continued(f.group.title) if self.start else f.group.title
        y += c.draw_text(x, y, width, title, c.font(TypeScale.HEADING, True), t.foreground) + 6
        inner = f.card_w - 2 * CARD_PAD
        for cards, h in f.rows[self.start : self.end]:
            for i, card in enumerate(cards):
                left = x + i * (f.card_w + f.GAP_X)
                c.fill(QtCore.QRectF(left, y, f.card_w, h), t.surface, t.border, 6)
                cy = y + CARD_PAD
                heading = c.font(TypeScale.BODY, True)
                cy += c.draw_text(left + CARD_PAD, cy, inner, card.title, heading, t.foreground) + 4
                cy += c.draw_text(left + CARD_PAD, cy, inner, card.body, c.font(TypeScale.SMALL), t.foreground) + 6
                c.draw_text(left + CARD_PAD, cy, inner, card.meta, c.font(TypeScale.CAPTION), t.muted)
            y += h + f.GAP_Y


class NoteFlow(Flow):
    """Notes as bullets under a heading; splits between bullets."""

    INDENT = 14.0

    def __init__(self, c: Canvas, title: str, notes: Sequence[str], width: float) -> None:
        self.title, self.notes, self.width = title, tuple(notes), width
        self.font = c.font(TypeScale.SMALL)
        self.title_h = c.text_height(continued(title), c.font(TypeScale.HEADING, True), width)
        self.note_h = [c.text_height(n, self.font, width - self.INDENT) + 4 for n in self.notes]
        self.start = 0
        self.height = self.chunk_height(0, len(self.notes))

    def chunk_height(self, start: int, end: int) -> float:
        return self.title_h + 6 + sum(self.note_h[start:end])

    def count(self) -> int:
        return len(self.notes)

    def chunk(self, start: int, end: int) -> Flowable:
        return NoteChunk(self, start, end)

    def keep_whole(self) -> bool:
        return len(self.notes) <= 4  # a few notes stay together


class NoteChunk(Chunk):
    flow: NoteFlow

    def draw(self, c: Canvas, x: float, y: float) -> None:
        f, t, width = self.flow, c.theme, self.width
        title = continued(f.title) if self.start else f.title
        y += c.draw_text(x, y, width, title, c.font(TypeScale.HEADING, True), t.foreground) + 6
        for i in range(self.start, self.end):
            c.draw_line(x + 2, y, "•", f.font, BLUE)
            c.draw_text(x + f.INDENT, y, width - f.INDENT, f.notes[i], f.font, t.foreground)
            y += f.note_h[i]
