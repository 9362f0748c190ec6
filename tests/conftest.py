"""Suite-wide setup: no user cache, and the bundled fact sheet shared by every folder (Qt-free)."""

import os

import pytest

# Tests (and the CLI processes they start) must see every package validated afresh.
os.environ["CHERY_VIEWER_CACHE_DIR"] = "off"

from chery_viewer.core.audit import Analysis, analyse
from chery_viewer.core.factsheet import FactSheet, load_factsheet


@pytest.fixture(scope="session")
def sheet() -> FactSheet:
    return load_factsheet()


@pytest.fixture(scope="session")
def analysis(sheet: FactSheet) -> Analysis:
    return analyse(sheet)
