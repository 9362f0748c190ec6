"""How numbers are written everywhere: on screen, in tooltips, in the PDF and in tests."""

from __future__ import annotations

import math

UNIT_WORDS = {
    "vehicles": "vehicles",
    "users": "users",
    "patents": "patents",
    "people": "people",
    "years": "years",
    "months": "months",
    "technologies": "technologies",
    "vehicles per year": "vehicles a year",
    "square metres": "m²",
}


def format_number(value: float, decimals: int = 0) -> str:
    """Thousands separators, fixed decimals: 1232727 -> '1,232,727'."""
    return f"{value:,.{decimals}f}"


def format_percent(value: float) -> str:
    """A percentage with at most one decimal, trailing '.0' dropped: 28.2 -> '28.2%', -23.8 -> '−23.8%'."""
    rounded = round(value, 1) + 0.0  # + 0.0 turns -0.0 into 0.0
    text = f"{abs(rounded):.0f}" if rounded == int(rounded) else f"{abs(rounded):.1f}"
    return f"{'−' if rounded < 0 else ''}{text}%"


def format_signed(value: float, decimals: int = 0) -> str:
    """A signed number with separators and a true minus sign: +1,234 or −360."""
    text = f"{abs(value):,.{decimals}f}"
    return f"−{text}" if round(value, decimals) < 0 else f"+{text}"


def format_change(value: float | None) -> str:
    """A signed change: +28.2%, −23.8% (true minus sign); the sign is that of the shown value."""
    if value is None or not math.isfinite(value):
        return ""
    rounded = round(value, 1) + 0.0
    text = format_percent(abs(rounded))
    return f"+{text}" if rounded >= 0 else f"−{text}"


def change_sign(value: float | None) -> int:
    """+1, −1 or 0 for a change as it is shown (a change that rounds to 0% has no direction)."""
    if value is None or not math.isfinite(value):
        return 0
    rounded = round(value, 1)
    return 1 if rounded > 0 else -1 if rounded < 0 else 0


def format_value(value: float | None, unit: str, approximate: bool = False, lower_bound: bool = False) -> str:
    """The number as a reader sees it, without the unit word.

    Rounded figures get '~', lower bounds '>', and rounded figures of a million or more are
    written in millions ('11.20 million'), so no digit claims more precision than the source.
    """
    if value is None or not math.isfinite(value):
        return "n/a"
    if unit == "percent":
        body = format_percent(value)
    elif unit == "CNY billion":
        body = f"CNY {format_number(value, 0 if value == int(value) else 1)} bn"
    elif approximate and abs(value) >= 1_000_000:
        body = f"{value / 1_000_000:.2f} million"
    else:
        body = format_number(value, 0 if value == int(value) else 1)
    if lower_bound:
        return f">{body}"
    if approximate and not body.endswith("million"):
        return f"~{body}"
    return body


def unit_word(unit: str) -> str:
    """The unit as it follows a number ('' for percent and currency, already in the number)."""
    return UNIT_WORDS.get(unit, "")


def format_with_unit(value: float | None, unit: str, approximate: bool = False, lower_bound: bool = False) -> str:
    word = unit_word(unit)
    text = format_value(value, unit, approximate, lower_bound)
    return f"{text} {word}" if word and text != "n/a" else text


SAFE_URL_SCHEMES = ("http", "https")


def is_safe_url(url: str) -> bool:
    """Whether a source URL may become a clickable link: http(s) with a host, plain ASCII."""
    scheme, sep, rest = url.partition("://")
    return bool(sep) and scheme.lower() in SAFE_URL_SCHEMES and bool(rest.split("/", 1)[0]) and url.isascii()


def spreadsheet_safe(text: str) -> str:
    """A cell that a spreadsheet will not run as a formula (a leading = + - @ gets a quote)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
