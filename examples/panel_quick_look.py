"""Quick look at one tab's panel in a window of its own, built from the bundled dataset.

    python examples/panel_quick_look.py sales [--lang zh_CN] [--theme dark]

Each panel is one key of ``chery_viewer.core.content.SECTION_KEYS``. ``--smoke`` closes the
window after its first paint and prints what was shown (tests/examples run every panel so).
The panels do not import this: it sits above the window layer, beside the CLI.
"""

from __future__ import annotations

import argparse
import sys

from chery_viewer.core.content import BUILDERS, SECTION_KEYS
from chery_viewer.core.factsheet import load_factsheet
from chery_viewer.core.i18n import LANGUAGES, data_language


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("panel", choices=SECTION_KEYS)
    parser.add_argument("--lang", choices=tuple(LANGUAGES), default="en")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--smoke", action="store_true", help="close after the first paint")
    args = parser.parse_args(argv)

    from PySide6 import QtCore

    from chery_viewer.core.audit import analyse
    from chery_viewer.ui import language
    from chery_viewer.ui.app import make_application
    from chery_viewer.ui.panels import PANELS
    from chery_viewer.ui.theme import THEMES, stylesheet

    app = make_application(sys.argv[:1])
    language.install(args.lang)
    sheet = load_factsheet().localized(data_language(args.lang))
    theme = THEMES[args.theme]
    panel = PANELS[args.panel](BUILDERS[args.panel](sheet, analyse(sheet)), theme)
    panel.setStyleSheet(stylesheet(theme))
    panel.resize(QtCore.QSize(1100, 800))
    panel.show()
    if args.smoke:
        QtCore.QTimer.singleShot(0, app.quit)
        code = app.exec()
        print(f"{args.panel}: {len(panel.charts)} charts, {len(panel.tables)} tables")
        return code
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
