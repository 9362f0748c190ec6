"""Formulas of derived figures: arithmetic over other figure ids, checked before anything
evaluates them (the audit does, recursively), so a dataset cannot run code or exhaust the stack."""

from __future__ import annotations

import ast
import math
from typing import TYPE_CHECKING

from chery_viewer.core.errors import DatasetError, clip

if TYPE_CHECKING:
    from chery_viewer.core.factsheet import Figure

MAX_FORMULA_OPERATIONS = 100


def formula_names(formula: str) -> list[str]:
    """Figure ids a formula names, in order of appearance, each once."""
    return list(dict.fromkeys(n.id for n in ast.walk(ast.parse(formula, mode="eval")) if isinstance(n, ast.Name)))


def check_formula(figure: Figure, figures: dict[str, Figure], file: str, row: int) -> None:
    if figure.derived and not figure.formula:
        raise DatasetError(file, "a derived figure needs a formula", row=row, column="formula")
    if not figure.derived and figure.formula:
        raise DatasetError(file, "a stated figure must not carry a formula", row=row, column="formula")
    if not figure.formula:
        return
    try:
        tree = ast.parse(figure.formula, mode="eval")
    except (SyntaxError, RecursionError, MemoryError, ValueError):  # ValueError: a number of 4,300+ digits
        raise DatasetError(
            file, f"formula '{clip(figure.formula)}' is not an expression", row=row, column="formula"
        ) from None
    nodes = list(ast.walk(tree))
    # The audit evaluates a formula recursively: a bound on its operations keeps that safe.
    if sum(isinstance(node, ast.BinOp | ast.UnaryOp) for node in nodes) > MAX_FORMULA_OPERATIONS:
        raise DatasetError(
            file, f"formula has more than {MAX_FORMULA_OPERATIONS} operations", row=row, column="formula"
        )
    for node in nodes:
        if isinstance(node, ast.Name) and node.id == figure.id:
            raise DatasetError(file, "formula refers to its own figure", row=row, column="formula")
        if isinstance(node, ast.Name) and node.id not in figures:
            raise DatasetError(file, f"formula refers to unknown figure '{node.id}'", row=row, column="formula")
        if isinstance(node, ast.Constant) and not plain_number(node.value):
            raise DatasetError(
                file,
                f"formula constant '{clip(ast.get_source_segment(figure.formula, node) or '?')}' is not a plain number",
                row=row,
                column="formula",
            )
        if not isinstance(
            node,
            (
                ast.Expression,
                ast.BinOp,
                ast.UnaryOp,
                ast.Name,
                ast.Constant,
                ast.Load,
                ast.Add,
                ast.Sub,
                ast.Mult,
                ast.Div,
                ast.USub,
            ),
        ):
            raise DatasetError(file, "formula may only use figure ids, numbers and + - * /", row=row, column="formula")


def plain_number(value: object) -> bool:
    """An int or float of a size a figure can have (no text, no bool, no 1e400)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(float(value)) and abs(value) <= 1e15
    except OverflowError:
        return False
