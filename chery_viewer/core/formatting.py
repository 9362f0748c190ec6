"""How numbers are written everywhere: on screen, in tooltips, in the PDF and in tests."""

from __future__ import annotations

import math

from chery_viewer.core.i18n import is_chinese, translate


def unit_words() -> dict[str, str]:
    """Each dataset unit as it follows a number, in the current language."""
    return {
        "vehicles": translate("Units", "vehicles"),
        "users": translate("Units", "users"),
        "patents": translate("Units", "patents"),
        "people": translate("Units", "people"),
        "years": translate("Units", "years"),
        "months": translate("Units", "months"),
        "technologies": translate("Units", "technologies"),
        "vehicles per year": translate("Units", "vehicles a year"),
        "square metres": "m²",
    }


def not_available() -> str:
    """What stands where the sources give no figure."""
    return translate("Units", "n/a")


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


def value_mark(approximate: bool, lower_bound: bool) -> str:
    """The mark a compact label puts before a rounded figure ('~', 约 in Chinese) or a lower
    bound ('>', which wins), from the figure's own flags."""
    if lower_bound:
        return ">"
    if approximate:
        return "约" if is_chinese() else "~"
    return ""


def format_value(value: float | None, unit: str, approximate: bool = False, lower_bound: bool = False) -> str:
    """The number as a reader sees it, without the unit word.

    Rounded figures get '~', lower bounds '>', and rounded figures of a million or more are
    written in millions ('11.20 million'), so no digit claims more precision than the source.
    Chinese: see :func:`_chinese_value`.
    """
    if value is None or not math.isfinite(value):
        return not_available()
    if is_chinese():
        return _chinese_value(value, unit, approximate, lower_bound)
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


def _chinese_value(value: float, unit: str, approximate: bool, lower_bound: bool) -> str:
    """Chinese forms: exact counts keep every digit, grouped by thousands as in Chinese
    financial tables; a rounded count is written in 万 or 亿 when that form is exact
    (~730,000 → 约73万, ~11.2 million → 约1120万), else in digits (约12,345); CNY billions
    become 亿元 (10.1 → 101亿元). Rounded figures get 约, lower bounds '>'."""
    if unit == "percent":
        body = format_percent(value)
    elif unit == "CNY billion":
        body = f"{_trimmed(value * 10, 3)}亿元"
    else:
        digits = format_number(value, 0 if value == int(value) else 1)
        body = (_exact_in_wan(value) or digits) if approximate else digits
    return (">" if lower_bound else "约" if approximate else "") + body


def _exact_in_wan(value: float) -> str | None:
    """``value`` in 亿 or 万 with at most two decimals, if that loses no digit; else None."""
    for size, word in ((100_000_000, "亿"), (10_000, "万")):
        if abs(value) >= size:
            return f"{_trimmed(value / size, 2)}{word}" if value % (size // 100) == 0 else None
    return None


def format_compact(value: float | None, unit: str, approximate: bool = False, lower_bound: bool = False) -> str:
    """A headline or chart-label number: in Chinese, counts of 10,000 or more in 万 (or 亿)
    with one decimal (1,232,727 → 123.3万), the way Chinese business readers take in a total
    at a glance; wherever it is shown the exact figure stands beside it. A '.0' stays when
    the rounding hid digits (99,995 → 10.0万, but 100,000 → 10万). In English the same as
    :func:`format_value`."""
    if not is_chinese() or unit in ("percent", "CNY billion") or value is None or not math.isfinite(value):
        return format_value(value, unit, approximate, lower_bound)
    if abs(value) < 10_000 or (approximate and not lower_bound):
        return format_value(value, unit, approximate, lower_bound)
    size, word = (100_000_000, "亿") if abs(value) >= 100_000_000 else (10_000, "万")
    text = f"{value / size:.1f}"
    if text.endswith(".0") and value % size == 0:
        text = text[:-2]
    return f"{'>' if lower_bound else ''}{text}{word}"


def _trimmed(value: float, decimals: int) -> str:
    """At most ``decimals`` decimals, trailing zeros dropped, no grouping: 123.30 -> '123.3'."""
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def unit_word(unit: str) -> str:
    """The unit as it follows a number ('' for percent and currency, already in the number)."""
    return unit_words().get(unit, "")


def join_unit(text: str, word: str) -> str:
    """A number and its unit word: '1,232,727 vehicles'; in Chinese with no space: '1,232,727辆'."""
    if not word or text == not_available():
        return text
    return f"{text}{word}" if is_chinese() and word != "m²" else f"{text} {word}"


def format_with_unit(value: float | None, unit: str, approximate: bool = False, lower_bound: bool = False) -> str:
    return join_unit(format_value(value, unit, approximate, lower_bound), unit_word(unit))


SAFE_URL_SCHEMES = ("http", "https")


def is_safe_url(url: str) -> bool:
    """Whether a source URL may become a clickable link: http(s) with a host, plain ASCII."""
    scheme, sep, rest = url.partition("://")
    return bool(sep) and scheme.lower() in SAFE_URL_SCHEMES and bool(rest.split("/", 1)[0]) and url.isascii()


#: What makes a spreadsheet read a cell as a formula, or skip ahead to one (OWASP's CSV injection list).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def spreadsheet_safe(text: str) -> str:
    """A cell that a spreadsheet will not run as a formula (a leading = + - @ TAB CR LF gets a quote)."""
    return "'" + text if text[:1] in FORMULA_TRIGGERS else text
