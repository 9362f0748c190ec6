"""The five sections of the fact sheet: their keys, in tab and chapter order, and their titles.

The one list of section keys: the dataset's ``section`` column, the content builders, the
window's tabs and the PDF's chapters all follow this order.
"""

from __future__ import annotations

from typing import Literal, get_args

from chery_viewer.core.i18n import translate

SectionKey = Literal["overview", "sales", "exports", "innovation", "partners"]
SECTION_KEYS: tuple[SectionKey, ...] = get_args(SectionKey)


def section_titles() -> dict[str, str]:
    """The tab and chapter title of each section, in the current language."""
    return {
        "overview": translate("Sections", "Overview"),
        "sales": translate("Sections", "Sales"),
        "exports": translate("Sections", "Exports"),
        "innovation": translate("Sections", "Innovation"),
        "partners": translate("Sections", "Partners"),
    }
