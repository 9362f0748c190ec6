"""How a figure or a chart names its sources when it leaves the app: in an image, a CSV, the clipboard.

A reader who reuses a number must get its citation with it. ``citation`` is the full
reference of one source ("Gulf News, <title>, 2023-02-03, <url>"); ``source_line`` the short
line drawn under an exported chart ("Source: Gulf News, 2023-02-03"), several sources listed
compactly; ``figure_sources`` the sources behind a figure, a derived one's through the figures
it is computed from. Every text is in the current language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from chery_viewer.core.content.context import source_date
from chery_viewer.core.factsheet import Figure, Source
from chery_viewer.core.i18n import translate

__all__ = ["SourceLike", "citation", "figure_sources", "source_line", "sources_of"]


class SourceLike(Protocol):
    """A dataset ``Source`` or the document's ``SourceEntry``: what a citation needs."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def publisher(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def date(self) -> str: ...


def _date_of(source: SourceLike, short: bool = False) -> str:
    """The source's date as every list shows it: marked when it was read from the page's content
    (``short``: in a few words, for the line under a chart)."""
    if short and source.date and getattr(source, "date_basis", "") == "content":
        return translate("Citations", "{date}, inferred").format(date=source.date)
    if isinstance(source, Source):
        return source_date(source)
    shown = getattr(source, "date_text", "")
    return shown if source.date and shown else source.date


def citation(source: SourceLike) -> str:
    """The full reference of a source: publisher, title, date and address ("Gulf News, <title>,
    2023-02-03, <url>"), in the current language; an undated source leaves the date out."""
    date = _date_of(source)
    if date:
        text = translate("Citations", "{publisher}, {title}, {date}, {url}")
        return text.format(publisher=source.publisher, title=source.title, date=date, url=source.url)
    text = translate("Citations", "{publisher}, {title}, {url}")
    return text.format(publisher=source.publisher, title=source.title, url=source.url)


def source_line(sources: Iterable[SourceLike]) -> str:
    """The short citation under an exported chart: "Source: Gulf News, 2023-02-03", or for several
    "Sources: CnEVPost (2023-01-11, 2023-02-01); Gulf News (2023-02-03)": each publisher once, in
    the order first cited, with its dates. "" when there is no source."""
    by_publisher: dict[str, list[str]] = {}
    seen: set[str] = set()
    for source in sources:
        if source.id in seen:
            continue
        seen.add(source.id)
        dates = by_publisher.setdefault(source.publisher, [])
        date = _date_of(source, short=True)
        if date and date not in dates:
            dates.append(date)
    if not by_publisher:
        return ""
    if len(seen) == 1:
        publisher, dates = next(iter(by_publisher.items()))
        if dates:
            one = translate("Citations", "Source: {publisher}, {date}")
            return one.format(publisher=publisher, date=dates[0])
        return translate("Citations", "Source: {publisher}").format(publisher=publisher)
    listed = []
    for publisher, dates in by_publisher.items():
        if dates:
            entry = translate("Citations", "{publisher} ({dates})")
            listed.append(entry.format(publisher=publisher, dates=translate("Citations", ", ").join(dates)))
        else:
            listed.append(publisher)
    return translate("Citations", "Sources: {sources}").format(sources=translate("Citations", "; ").join(listed))


Getter = Callable[[str], Figure | None]


def sources_of(figure: Figure, get: Getter) -> list[str]:
    """The ids of the sources behind ``figure``, in order: its own, or for a derived figure those
    of the figures it is computed from (followed through derived inputs, each id once)."""
    ids: list[str] = []
    stack, visited = [figure], set()
    while stack:
        current = stack.pop(0)
        if current.id in visited:
            continue
        visited.add(current.id)
        if not current.derived:
            if current.source_id and current.source_id not in ids:
                ids.append(current.source_id)
            continue
        stack.extend(g for g in (get(i) for i in current.inputs()) if g is not None)
    return ids


def figure_sources(figure: Figure, get: Getter, sources: dict[str, Source]) -> list[Source]:
    """The sources behind ``figure`` (see ``sources_of``) that the dataset lists."""
    return [sources[i] for i in sources_of(figure, get) if i in sources]
