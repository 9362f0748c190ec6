"""Chery Fact Sheet: a desktop viewer and PDF exporter for Chery Group's 2022 results."""

__version__ = "0.1.0"
#: The desktop id (reverse DNS): the menu entry's and the AppStream file's name, and what the
#: window tells the desktop it belongs to. Here, not in ``desktop``, so the window need not import that.
APP_ID = "io.github.cheryfactsheet.Viewer"
