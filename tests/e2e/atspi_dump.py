"""Dump an application's accessibility tree from the AT-SPI bus, as a screen reader sees it.

Run by the *system* python3 (which has pyatspi from Debian's python3-pyatspi), not the
project's venv: ``python3 atspi_dump.py APP_NAME TEXT`` waits until an application called
APP_NAME shows a node whose name contains TEXT, then prints one JSON object per node
(depth, role, name, description) and exits 0; exit 3 if it never appears within the timeout.
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]

TIMEOUT_S = 90.0


def walk(node, depth: int, out: list[dict]) -> None:
    try:
        out.append(
            {"depth": depth, "role": node.getRoleName(), "name": node.name or "", "description": node.description or ""}
        )
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is not None:
                walk(child, depth + 1, out)
    except Exception as exc:  # a node that went away while read: say so, keep the rest
        out.append({"depth": depth, "role": "error", "name": str(exc), "description": ""})


def main() -> int:
    app_name, wanted = sys.argv[1], sys.argv[2]
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is None or app.name != app_name:
                continue
            nodes: list[dict] = []
            walk(app, 0, nodes)
            if any(wanted in n["name"] for n in nodes):
                for n in nodes:
                    print(json.dumps(n, ensure_ascii=False))
                return 0
        time.sleep(0.5)
    print(f"no application {app_name!r} with a node named {wanted!r} within {TIMEOUT_S:.0f} s", file=sys.stderr)
    return 3


if __name__ == "__main__":
    sys.exit(main())
