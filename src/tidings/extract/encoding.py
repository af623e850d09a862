"""Decode HTML bytes to text the way a browser would (WHATWG "encoding sniffing").

Order: byte-order mark > HTTP ``Content-Type`` charset > ``<meta charset>`` /
``http-equiv`` prescan of the head > statistical sniffing (charset-normalizer) > UTF-8
with replacement characters. Labels are mapped as browsers map them (``latin1`` and
``ascii`` mean windows-1252, ``gb2312`` means gb18030, a ``utf-16`` label in a meta tag
means UTF-8, ...). Two pragmatic deviations, both for mislabelled pages: a declared
legacy charset loses to UTF-8 when the bytes are valid multi-byte UTF-8 (that cannot
happen by accident in real legacy text), and a declared UTF-8 loses to the sniffer when
the bytes are mostly not UTF-8. Decoding never raises: bad bytes become U+FFFD.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping

import charset_normalizer

# WHATWG encoding name -> Python codec. Names are what we report; codecs do the work.
_CODECS: dict[str, str] = {
    "utf-8": "utf-8",
    "utf-16le": "utf-16-le",
    "utf-16be": "utf-16-be",
    "windows-1252": "cp1252",
    "windows-1250": "cp1250",
    "windows-1251": "cp1251",
    "windows-1253": "cp1253",
    "windows-1254": "cp1254",
    "windows-1255": "cp1255",
    "windows-1256": "cp1256",
    "windows-1257": "cp1257",
    "windows-1258": "cp1258",
    "windows-874": "cp874",
    "iso-8859-2": "iso8859-2",
    "iso-8859-3": "iso8859-3",
    "iso-8859-4": "iso8859-4",
    "iso-8859-5": "iso8859-5",
    "iso-8859-6": "iso8859-6",
    "iso-8859-7": "iso8859-7",
    "iso-8859-8": "iso8859-8",
    "iso-8859-10": "iso8859-10",
    "iso-8859-13": "iso8859-13",
    "iso-8859-14": "iso8859-14",
    "iso-8859-15": "iso8859-15",
    "iso-8859-16": "iso8859-16",
    "koi8-r": "koi8-r",
    "koi8-u": "koi8-u",
    "ibm866": "cp866",
    "macintosh": "mac-roman",
    "x-mac-cyrillic": "mac-cyrillic",
    "gb18030": "gb18030",
    "big5": "big5hkscs",
    "shift_jis": "cp932",
    "euc-jp": "euc_jp",
    "iso-2022-jp": "iso2022_jp",
    "euc-kr": "cp949",
}

# Label (lower-cased, trimmed) -> WHATWG name, for labels that are not already a name.
_LABELS: dict[str, str] = {
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
    "unicode11utf8": "utf-8",
    "unicode20utf8": "utf-8",
    "x-unicode20utf8": "utf-8",
    "utf-16": "utf-16le",
    "unicode": "utf-16le",
    "ucs-2": "utf-16le",
    "csunicode": "utf-16le",
    "iso-10646-ucs-2": "utf-16le",
    "unicodefeff": "utf-16le",
    "unicodefffe": "utf-16be",
    # The Latin-1 family: browsers decode all of these as windows-1252.
    "ascii": "windows-1252",
    "us-ascii": "windows-1252",
    "ansi_x3.4-1968": "windows-1252",
    "iso-8859-1": "windows-1252",
    "iso8859-1": "windows-1252",
    "iso88591": "windows-1252",
    "iso_8859-1": "windows-1252",
    "iso_8859-1:1987": "windows-1252",
    "latin1": "windows-1252",
    "latin-1": "windows-1252",
    "l1": "windows-1252",
    "cp1252": "windows-1252",
    "cp819": "windows-1252",
    "ibm819": "windows-1252",
    "x-cp1252": "windows-1252",
    "iso-ir-100": "windows-1252",
    "csisolatin1": "windows-1252",
    "iso-8859-9": "windows-1254",
    "latin5": "windows-1254",
    "iso-8859-11": "windows-874",
    "tis-620": "windows-874",
    "dos-874": "windows-874",
    "cp1250": "windows-1250",
    "cp1251": "windows-1251",
    "x-cp1251": "windows-1251",
    "cp1253": "windows-1253",
    "cp1254": "windows-1254",
    "cp1255": "windows-1255",
    "cp1256": "windows-1256",
    "cp1257": "windows-1257",
    "cp1258": "windows-1258",
    "latin2": "iso-8859-2",
    "iso8859-2": "iso-8859-2",
    "iso-8859-8-i": "iso-8859-8",
    "latin9": "iso-8859-15",
    "iso8859-15": "iso-8859-15",
    "koi8": "koi8-r",
    "koi": "koi8-r",
    "koi8_r": "koi8-r",
    "cp866": "ibm866",
    "866": "ibm866",
    "mac": "macintosh",
    "x-mac-roman": "macintosh",
    # Chinese: GB2312 and GBK pages are decoded with their superset GB18030.
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "chinese": "gb18030",
    "csgb2312": "gb18030",
    "iso-ir-58": "gb18030",
    "gb_2312": "gb18030",
    "gb_2312-80": "gb18030",
    "big5-hkscs": "big5",
    "cn-big5": "big5",
    "x-x-big5": "big5",
    "csbig5": "big5",
    # Japanese and Korean.
    "shift-jis": "shift_jis",
    "sjis": "shift_jis",
    "x-sjis": "shift_jis",
    "ms932": "shift_jis",
    "ms_kanji": "shift_jis",
    "windows-31j": "shift_jis",
    "csshiftjis": "shift_jis",
    "cp932": "shift_jis",
    "x-euc-jp": "euc-jp",
    "cseucpkdfmtjapanese": "euc-jp",
    "csiso2022jp": "iso-2022-jp",
    "ks_c_5601-1987": "euc-kr",
    "ks_c_5601-1989": "euc-kr",
    "ksc5601": "euc-kr",
    "ksc_5601": "euc-kr",
    "windows-949": "euc-kr",
    "cp949": "euc-kr",
    "korean": "euc-kr",
    "csksc56011987": "euc-kr",
}

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16le"),
    (codecs.BOM_UTF16_BE, "utf-16be"),
)

_PRESCAN_BYTES = 4096  # WHATWG says 1024; many real heads put scripts before the meta tag
_COMMENT = re.compile(rb"<!--.*?(?:-->|$)", re.S)
_META = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.+-]+)", re.I)
_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_:.+-]+)", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.+-]+)", re.I)


def normalise_label(label: str | None) -> str | None:
    """The WHATWG encoding name for ``label``, or None when browsers would not know it."""
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    if key in _CODECS:
        return key
    name = _LABELS.get(key)
    if name is not None:
        return name
    try:  # a label Python knows under another spelling (e.g. "windows_1251", "euc_kr")
        python_name = codecs.lookup(key).name
    except LookupError:
        return None
    for whatwg, codec in _CODECS.items():
        if codecs.lookup(codec).name == python_name:
            return whatwg
    return _LABELS.get(python_name)


def _decode(data: bytes, name: str) -> str:
    return data.decode(_CODECS[name], errors="replace")


def _header_charset(headers: Mapping[str, str] | None) -> str | None:
    if not headers:
        return None
    for key, value in headers.items():
        if key.lower() == "content-type" and value:
            match = _HEADER_CHARSET.search(value)
            return normalise_label(match.group(1)) if match else None
    return None


def prescan_charset(data: bytes) -> tuple[str | None, str]:
    """Charset declared in the head (``<meta>`` first, then an XML declaration)."""
    head = _COMMENT.sub(b"", data[:_PRESCAN_BYTES])
    for match in _META.finditer(head):
        name = normalise_label(match.group(1).decode("ascii", "ignore"))
        if name is not None:
            # A document whose bytes were already decoded cannot really be UTF-16.
            return ("utf-8" if name.startswith("utf-16") else name), "meta"
    decl = _XML_DECL.match(head)
    if decl:
        name = normalise_label(decl.group(1).decode("ascii", "ignore"))
        if name is not None:
            return ("utf-8" if name.startswith("utf-16") else name), "xml"
    return None, ""


def _is_multibyte_utf8(data: bytes) -> bool:
    """True when ``data`` is valid UTF-8 and actually uses multi-byte sequences."""
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _mostly_not_utf8(data: bytes) -> bool:
    """True when more than 2% of the non-ASCII characters fail to decode as UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
        return text.count("\ufffd") > 0.02 * non_ascii
    return False


def _sniff(data: bytes) -> str | None:
    sample = data if len(data) <= 200_000 else data[:100_000] + data[-100_000:]
    best = charset_normalizer.from_bytes(sample).best()
    return normalise_label(best.encoding) if best is not None else None


def decode_html(data: bytes, headers: Mapping[str, str] | None = None) -> tuple[str, str, str]:
    """Decode page bytes; returns ``(text, charset, how)``.

    ``how`` is one of ``bom``, ``header``, ``meta``, ``xml``, ``utf8-valid`` (a declared
    legacy charset overridden because the bytes are valid UTF-8), ``sniff`` or ``default``.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom) :], name), name, "bom"

    declared, how = _header_charset(headers), "header"
    if declared is None:
        declared, how = prescan_charset(data)
    if declared is not None:
        if declared != "utf-8" and not declared.startswith("utf-16") and _is_multibyte_utf8(data):
            return data.decode("utf-8"), "utf-8", "utf8-valid"
        if declared != "utf-8" or not _mostly_not_utf8(data):
            return _decode(data, declared), declared, how

    if data.isascii():
        return data.decode("ascii"), "utf-8", "default"
    if _is_multibyte_utf8(data):  # what the sniffer would say, at a fraction of the cost
        return data.decode("utf-8"), "utf-8", "sniff"
    sniffed = _sniff(data)
    if sniffed is not None:
        return _decode(data, sniffed), sniffed, "sniff"
    return data.decode("utf-8", errors="replace"), "utf-8", "default"
