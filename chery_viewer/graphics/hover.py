"""What the pointer (or the arrow keys) can rest on in a chart, and the area in which it is
on it: the one hit-testing rule for the window's tooltips, keyboard stops and tests."""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

HOVER_RADIUS_PX = 9.0


@dataclass
class HoverTarget:
    """Something the pointer can rest on: a rectangle, a point, a path (in a view box's
    coordinates) or a text item such as a bar's value label or an n/a mark."""

    view: pg.ViewBox
    tooltip: str
    rect: QtCore.QRectF | None = None
    point: QtCore.QPointF | None = None
    path: QtGui.QPainterPath | None = None
    inside: QtCore.QPointF | None = None  # a point inside a path, for tests and keyboard users
    item: QtWidgets.QGraphicsItem | None = None

    def scene_center(self) -> QtCore.QPointF:
        """A scene position that hovers this target."""
        if self.point is not None:
            return self.view.mapViewToScene(self.point)
        if self.inside is not None:
            return self.view.mapViewToScene(self.inside)
        if self.rect is not None:
            return self.view.mapViewToScene(self.rect.normalized().center())
        return self.scene_rect().center()

    def scene_rect(self) -> QtCore.QRectF:
        """The scene area in which the pointer is on this target (its tooltip stays up there)."""
        if self.item is not None:
            return self.item.sceneBoundingRect()
        if self.point is not None:
            centre = self.view.mapViewToScene(self.point)
            r = HOVER_RADIUS_PX
            return QtCore.QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r)
        if self.path is not None:
            return self.view.mapViewToScene(self.path).boundingRect()
        assert self.rect is not None
        return self.view.mapViewToScene(self.rect.normalized()).boundingRect()

    def contains(self, scene_pos: QtCore.QPointF) -> bool:
        if self.item is not None:
            return self.item.sceneBoundingRect().contains(scene_pos)
        if not self.view.sceneBoundingRect().contains(scene_pos):
            return False
        local = self.view.mapSceneToView(scene_pos)
        return (self.rect is not None and self.rect.normalized().contains(local)) or (
            self.path is not None and self.path.contains(local)
        )
