"""Interval arithmetic over published figures, and formulas over figure ids.

Every check works on intervals, so that rounding in the sources is never reported as a
discrepancy: '~730,000' stands for 725,000-735,000, '>96,000' for 96,000-97,000 and a
published '28.2%' for 28.15-28.25%. A finding is raised only when the recomputed
interval and the stated one do not overlap.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable
from dataclasses import dataclass

from chery_viewer.core.factsheet import Figure


@dataclass(frozen=True)
class Interval:
    lo: float
    hi: float

    def overlaps(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    @property
    def mid(self) -> float:
        return (self.lo + self.hi) / 2


def interval(figure: Figure) -> Interval:
    """The range of true values a published figure allows."""
    v = figure.value
    if figure.unit == "percent" or not (figure.approximate or figure.lower_bound):
        if (figure.kind == "stated" and figure.unit == "percent") or figure.kind == "derived":
            half = 0.5 * 10.0 ** -_decimals(v)
            return Interval(v - half, v + half)
        return Interval(v, v)
    step = _rounding_step(v)
    if figure.lower_bound:
        return Interval(v, v + step)
    return Interval(v - step / 2, v + step / 2)


def _decimals(value: float) -> int:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def _rounding_step(value: float) -> float:
    """The step a rounded figure was rounded to, read from its trailing zeros (the loosest reading)."""
    v = int(abs(value))
    if v == 0:
        return 1.0
    zeros = 0
    while v % 10 ** (zeros + 1) == 0:
        zeros += 1
    return float(10**zeros)


def _mul(a: Interval, b: Interval) -> Interval:
    products = (a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi)
    return Interval(min(products), max(products))


def _div(a: Interval, b: Interval) -> Interval:
    if b.lo <= 0 <= b.hi:
        raise ZeroDivisionError("division by an interval that contains zero")
    return _mul(a, Interval(1 / b.hi, 1 / b.lo))


_OPS: dict[type, Callable[[Interval, Interval], Interval]] = {
    ast.Add: lambda a, b: Interval(a.lo + b.lo, a.hi + b.hi),
    ast.Sub: lambda a, b: Interval(a.lo - b.hi, a.hi - b.lo),
    ast.Mult: _mul,
    ast.Div: _div,
}


def evaluate(formula: str, lookup: Callable[[str], Figure | None]) -> Interval:
    """Evaluate a formula over figure ids with interval arithmetic."""

    def walk(node: ast.AST) -> Interval:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            inner = walk(node.operand)
            return Interval(-inner.hi, -inner.lo)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return Interval(float(node.value), float(node.value))
        if isinstance(node, ast.Name):
            figure = lookup(node.id)
            if figure is None:
                raise KeyError(node.id)
            return interval(figure)
        raise ValueError(f"unsupported element in formula '{formula}'")

    return walk(ast.parse(formula, mode="eval"))


def point_value(formula: str, lookup: Callable[[str], Figure | None]) -> float:
    """The formula evaluated on the published values themselves."""
    ops: dict[type, Callable[[float, float], float]] = {
        ast.Add: operator.add,
        ast.Sub: operator.sub,
        ast.Mult: operator.mul,
        ast.Div: operator.truediv,
    }

    def walk(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.BinOp):
            return ops[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.UnaryOp):
            return -walk(node.operand)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return float(node.value)
        if isinstance(node, ast.Name):
            figure = lookup(node.id)
            if figure is None:
                raise KeyError(node.id)
            return figure.value
        raise ValueError(formula)

    return walk(ast.parse(formula, mode="eval"))


def describe_formula(formula: str, lookup: Callable[[str], Figure | None]) -> str:
    """The formula in words: ids become labels, operators become ÷ × + −."""
    symbols = {ast.Add: "+", ast.Sub: "−", ast.Mult: "×", ast.Div: "÷"}

    def walk(node: ast.AST, parent: int = 0) -> str:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.BinOp):
            rank = 1 if isinstance(node.op, (ast.Add, ast.Sub)) else 2
            text = f"{walk(node.left, rank)} {symbols[type(node.op)]} {walk(node.right, rank + 1)}"
            return f"({text})" if rank < parent else text
        if isinstance(node, ast.UnaryOp):
            return f"−{walk(node.operand, 3)}"
        if isinstance(node, ast.Constant):
            return f"{node.value:,}" if isinstance(node.value, int) else repr(node.value)
        if isinstance(node, ast.Name):
            figure = lookup(node.id)
            return figure.label if figure else node.id
        return "?"

    return walk(ast.parse(formula, mode="eval"))
