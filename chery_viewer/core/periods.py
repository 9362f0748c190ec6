"""Periods as the dataset writes them: '2022', '2022-07', '2022-09-16', '2022-01/2022-08'."""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date

from chery_viewer.core.i18n import translate

_PART = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def month_names(long: bool = False) -> tuple[str, ...]:
    """Month names in the current language: Jan ... Dec (or January ... December), or 1月 ... 12月."""
    if long:
        return (
            translate("Periods", "January"),
            translate("Periods", "February"),
            translate("Periods", "March"),
            translate("Periods", "April"),
            translate("Periods", "May"),
            translate("Periods", "June"),
            translate("Periods", "July"),
            translate("Periods", "August"),
            translate("Periods", "September"),
            translate("Periods", "October"),
            translate("Periods", "November"),
            translate("Periods", "December"),
        )
    return (
        translate("Periods", "Jan"),
        translate("Periods", "Feb"),
        translate("Periods", "Mar"),
        translate("Periods", "Apr"),
        translate("Periods", "May"),
        translate("Periods", "Jun"),
        translate("Periods", "Jul"),
        translate("Periods", "Aug"),
        translate("Periods", "Sep"),
        translate("Periods", "Oct"),
        translate("Periods", "Nov"),
        translate("Periods", "Dec"),
    )


def long_date(iso: str) -> str:
    """An ISO date written out: '26 November 2026'; in Chinese '2026年11月26日'.

    The format has the fields ``day``, ``month`` (the month's name), ``month_number`` and
    ``year``, so a translation may use the number instead of the name.
    """
    match = _DATE.match(iso)
    if not match:
        return iso or translate("Periods", "an unknown date")
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        return iso
    return translate("Periods", "{day} {month} {year}").format(
        day=day, month=month_names(long=True)[month - 1], month_number=month, year=year
    )


@dataclass(frozen=True)
class Period:
    """A year, a month, a day, or a range of months, with its first and last day."""

    code: str
    start: date
    end: date
    precision: str  # "year", "month", "day" or "range"

    @classmethod
    def parse(cls, code: str) -> Period:
        """Parse a period code (cached: a large dataset repeats a few hundred codes)."""
        return _parse(code)

    @classmethod
    def _parse(cls, code: str) -> Period:
        first, slash, last = code.partition("/")
        if slash and not last:
            raise ValueError(f"period '{code}' has nothing after the '/'; a range reads 2022-01/2022-08")
        start, precision = _part(first, code)
        end = _end(start, precision)
        if last:
            stop, stop_precision = _part(last, code)
            if precision != "month" or stop_precision != "month":
                raise ValueError(f"period '{code}': a range joins two months, as in 2022-01/2022-08")
            end = _end(stop, "month")
            if end <= start:
                raise ValueError(f"period '{code}' ends before it starts")
            precision = "range"
        return cls(code, start, end, precision)

    @property
    def is_year(self) -> bool:
        return self.precision == "year"

    @property
    def months(self) -> tuple[int, int] | None:
        """First and last month for a month or a range within one year, else None."""
        if self.precision in ("month", "range") and self.start.year == self.end.year:
            return self.start.month, self.end.month
        return None

    def label(self) -> str:
        """Short label: '2022', 'Jul 2022', '16 Sep 2022', 'Jan–Aug 2022', 'H1 2022' (or 2022年7月 ...)."""
        s, e = self.start, self.end
        names = month_names()
        if self.precision == "year":
            return translate("Periods", "{year}").format(year=s.year)
        if self.precision == "month":
            return translate("Periods", "{month} {year}").format(month=names[s.month - 1], year=s.year)
        if self.precision == "day":
            return translate("Periods", "{day} {month} {year}").format(day=s.day, month=names[s.month - 1], year=s.year)
        if s.year != e.year:
            return translate("Periods", "{first} {year}–{last} {end_year}").format(
                first=names[s.month - 1], year=s.year, last=names[e.month - 1], end_year=e.year
            )
        if (s.month, e.month) == (1, 6):
            return translate("Periods", "H1 {year}").format(year=s.year)
        return translate("Periods", "{first}–{last} {year}").format(
            first=names[s.month - 1], last=names[e.month - 1], year=s.year
        )


@functools.lru_cache(maxsize=4096)
def _parse(code: str) -> Period:
    return Period._parse(code)


def _part(text: str, code: str) -> tuple[date, str]:
    match = _PART.match(text)
    if not match:
        raise ValueError(f"period '{code}' is not of the form 2022, 2022-07, 2022-09-16 or 2022-01/2022-08")
    year, month, day = match.groups()
    try:
        return date(int(year), int(month or 1), int(day or 1)), "day" if day else "month" if month else "year"
    except ValueError:
        raise ValueError(f"period '{code}' is not a real date") from None


def _end(start: date, precision: str) -> date:
    if precision == "year":
        return date(start.year, 12, 31)
    if precision == "month":
        return date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    return start
