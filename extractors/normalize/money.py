"""Money and numbers as written in proposals -> ``Decimal`` (+ ISO currency).

Handles ``$1,234.56``, ``1.234,56 €``, ``USD 1234``, ``$1.2M``, ``CHF 1'234.50``, and amounts in
words ("Forty-Two Thousand Five Hundred Dollars") through ``text2num``. Never uses float.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from models.handoff import Money

__all__ = ["CURRENCY_SYMBOLS", "detect_currency", "parse_money", "parse_number", "parse_percent"]

CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD",
    "£": "GBP", "€": "EUR", "¥": "JPY", "$": "USD",
}
CURRENCY_WORDS: dict[str, str] = {
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "cad": "CAD", "aud": "AUD", "nzd": "NZD",
    "chf": "CHF", "jpy": "JPY", "mxn": "MXN", "fr.": "CHF", "dollars": "USD", "dollar": "USD",
    "euros": "EUR", "euro": "EUR", "pounds": "GBP", "pound": "GBP",
}
MAX_AMOUNT = Decimal(10) ** 15  # beyond any contract: a misread, not a price
_SCALES = {"k": Decimal(1000), "thousand": Decimal(1000), "m": Decimal(10**6), "mm": Decimal(10**6),
           "million": Decimal(10**6), "bn": Decimal(10**9), "billion": Decimal(10**9)}
_NUMBER = re.compile(r"\d[\d,.'\u00a0\u202f ]*\d|\d")
_SCALE_AFTER = re.compile(r"^\s*(k|m|mm|million|thousand|bn|billion)\b", re.I)
_WORD_NUMBER = re.compile(
    r"\b((?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|fou?rty|fifty|sixty|seventy|eighty|"
    r"ninety|hundred|thousand|million|billion)(?:[\s-]+(?:and[\s-]+)?(?:zero|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|twenty|thirty|fou?rty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|"
    r"billion))*)\b",
    re.I,
)


def parse_number(text: str, *, decimal_comma: bool | None = None) -> Decimal | None:
    """Parse the first number in ``text`` with thousands separators of any common style.

    ``decimal_comma`` forces the reading of ``1,234`` (None = infer: a separator followed by
    exactly 1-2 digits at the end is the decimal mark).
    """
    match = _NUMBER.search(text)
    if not match:
        return None
    raw = re.sub(r"[\u00a0\u202f ']", "", match.group(0))
    last_dot, last_comma = raw.rfind("."), raw.rfind(",")
    if last_dot >= 0 and last_comma >= 0:
        dec = "." if last_dot > last_comma else ","
    elif last_comma >= 0:
        tail = len(raw) - last_comma - 1
        if decimal_comma is None:
            dec = "," if (tail in (1, 2) and raw.count(",") == 1) else ""
        else:
            dec = "," if decimal_comma else ""
    elif last_dot >= 0:
        tail = len(raw) - last_dot - 1
        dec = "" if (tail == 3 and raw.count(".") >= 1 and decimal_comma) or raw.count(".") > 1 else "."
    else:
        dec = ""
    if dec:
        whole, _, frac = raw.rpartition(dec)
        whole = re.sub(r"[.,]", "", whole)
        cleaned = f"{whole}.{frac}"
    else:
        cleaned = re.sub(r"[.,]", "", raw)
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    after = text[match.end():]
    scale = _SCALE_AFTER.match(after)
    if scale:
        value *= _SCALES[scale.group(1).lower()]
    return value


def detect_currency(text: str) -> str | None:
    """The ISO code named or symbolised in ``text`` (longest symbol first), if any."""
    # An ISO code outranks a symbol: "$239,537.40 CAD" and "CAD $5,000" are Canadian dollars.
    for word in re.findall(r"[A-Za-z]+", text):
        if word.isupper() and word.lower() in CURRENCY_WORDS and len(word) == 3:
            return CURRENCY_WORDS[word.lower()]
    for symbol in sorted(CURRENCY_SYMBOLS, key=len, reverse=True):
        if symbol in text:
            return CURRENCY_SYMBOLS[symbol]
    for word in re.findall(r"[A-Za-z.]+", text):
        code = CURRENCY_WORDS.get(word.lower())
        if code:
            return code
    return None


def _words_to_number(text: str) -> Decimal | None:
    match = _WORD_NUMBER.search(text)
    if not match:
        return None
    from text_to_num import text2num

    words = re.sub(r"[\s-]+", " ", match.group(1).lower()).replace(" and ", " ").strip()
    try:
        return Decimal(int(text2num(words, "en")))
    except (ValueError, TypeError):
        return None


def parse_money(text: str, default_currency: str = "USD") -> Money | None:
    """Parse an amount as written; None when ``text`` holds no amount."""
    if not text or len(text) > 200:
        return None
    currency = detect_currency(text) or default_currency
    amount: Decimal | None
    cents = re.search(r"(?:and\s+)?(\d{1,2})\s*/\s*100", text, re.I)
    digits_text = text[: cents.start()] + text[cents.end():] if cents else text
    if re.search(r"\d", digits_text):
        amount = parse_number(digits_text)
    else:
        amount = _words_to_number(text)
        if amount is not None and cents:
            amount += Decimal(cents.group(1)) / 100
    if amount is None or amount < 0 or amount >= MAX_AMOUNT:
        return None
    return Money(amount=amount.quantize(Decimal("0.01")), currency=currency.upper())


def parse_percent(text: str) -> Decimal | None:
    """``10%``, ``10 percent``, ``ten percent (10%)`` -> Decimal('10')."""
    digits = re.search(r"(\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent|percent)", text, re.I)
    if digits:
        return Decimal(digits.group(1))
    value = _words_to_number(text)
    return value if value is not None and value <= 100 else None
