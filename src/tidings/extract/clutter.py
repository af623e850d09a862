"""News-page clutter: one line (or paragraph) at a time.

Scraped news text keeps the furniture around the story: teasers ("Also read- ...",
"Related: ..."), "Source link", section footers ("Latest World News"), comment forms,
share/follow bars, newsletter and cookie boxes, "Advertisement" slots, photo credits
and breadcrumbs. :func:`clutter_reason` names the kind of clutter a line is, or returns
``None`` for story text. It is shared by the HTML path (after trafilatura) and the
plain-text cleaner.

Precision matters more than recall here: a dropped sentence is lost for every later
stage, while a leaked "Share this" line is harmless noise. So every rule is anchored
(at the start of the line, or the whole line) and most are capped in length, and lines
that merely *contain* words such as "read" or "source" are never matched.

Also here: :func:`split_image_credit` ("Image Source : AP <caption>" -> credit, caption)
and, re-exported from :mod:`tidings.extract.agencies`, :func:`wire_credit` (which agencies
a "(With AP inputs)" style line names), so callers can keep that metadata before they
drop the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tidings.extract.agencies import AGENCIES, AGENCY_LIST, match_wire, normalize_line, wire_credit

__all__ = ["AGENCIES", "clutter_reason", "is_clutter", "normalize_line", "split_image_credit", "wire_credit"]

_END_PUNCT = ".!?\"”’)'…"


# Sections a breadcrumb may name ("Home World", "Home > News > Asia").
_SECTIONS = (
    "news|world|india|us|u\\.s\\.|uk|asia|europe|africa|americas|middle east|china|australia|"
    "politics|business|economy|markets|finance|sport|sports|cricket|football|entertainment|"
    "opinion|analysis|lifestyle|technology|tech|science|health|education|environment|climate|"
    "national|international|local|nation|global|latest|top stories|trending|videos?|photos?|"
    "cities|states|regional|south asia|east asia|asia pacific|asia-pacific|diplomacy|defence|defense"
)


@dataclass(frozen=True, slots=True)
class _Rule:
    reason: str
    pattern: re.Pattern[str]
    max_words: int  # longer lines are never this kind of clutter
    check: Callable[[str], bool] | None = None  # extra test after the pattern matched
    # Lower-case substrings one of which must occur: a cheap gate before patterns that
    # scan the whole line ("^.* (AP Photo/...)$"), which would cost microseconds per line.
    needles: tuple[str, ...] = ()


def _rule(
    reason: str,
    pattern: str,
    max_words: int = 12,
    check: Callable[[str], bool] | None = None,
    flags: re.RegexFlag = re.IGNORECASE,
    needles: tuple[str, ...] = (),
) -> _Rule:
    return _Rule(reason, re.compile(pattern, flags), max_words, check, needles)


# "REUTERS/Jane Doe/Pool": agency in its own casing, a slash, a capitalised name.
_PHOTO_BYLINE = r"\b(?:REUTERS|AFP|EPA|EPA-EFE|AP|Getty Images)/[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*(?:/[A-Za-z]+)*"
_SOCIAL = (
    r"(?:twitter|x|facebook|instagram|google\s+news|linkedin|youtube|telegram|whatsapp|threads|"
    r"tiktok|snapchat|pinterest|reddit|flipboard|koo|social\s+media|bluesky|mastodon|e-?mail|messenger|"
    r"sms|copy\s+link)"
)
# Lower-case words allowed in a staff-credit or timestamp line; any other one makes
# the line a sentence ("Research by Harvard economists shows ...").
_CREDIT_WORDS = frozenset(
    [
        "by",
        "and",
        "in",
        "from",
        "with",
        "the",
        "additional",
        "reporting",
        "writing",
        "editing",
        "compiled",
        "translated",
        "research",
        "graphics",
        "data",
        "production",
        "at",
        "of",
    ]
)
_STAMP_WORDS = frozenset(
    [
        "on",
        "at",
        "am",
        "pm",
        "a.m.",
        "p.m.",
        "ist",
        "gmt",
        "utc",
        "et",
        "est",
        "edt",
        "bst",
        "cet",
        "hrs",
        "updated",
        "published",
        "posted",
        "last",
        "first",
        "by",
        "min",
        "read",
        "ago",
        "hour",
        "hours",
        "minute",
        "minutes",
        "mins",
        "day",
        "days",
    ]
)


def _only_words(allowed: frozenset[str]) -> Callable[[str], bool]:
    def check(text: str) -> bool:
        return all(not w[0].islower() or w.strip(",;:().") in allowed for w in text.split())

    return check


_RULES: tuple[_Rule, ...] = (
    # Teasers: a label, then a separator, then a headline (or nothing).
    _rule(
        "also_read",
        r"^(?:also\s+read|read\s+also|also\s+see|also\s+watch|read\s+more|read\s+next|must\s+read|"
        r"related\s+(?:stories|news|articles?|coverage|content|posts?|reading|topics)|"
        r"recommended\s+(?:stories|for\s+you|reading|articles?)|see\s+also|more\s+on\s+this(?:\s+story)?|"
        r"don'?t\s+miss|you\s+(?:may|might)(?:\s+also)?\s+(?:like|enjoy)|you\s+may\s+be\s+interested\s+in|"
        r"further\s+reading|more\s+stories|editor'?s\s+picks?|top\s+picks)"
        r"(?:\s*[-:|–—>»›•]+.*|\s*\.{3}.*|\s+(?-i:[A-Z0-9\"“‘']).*)?$",
        30,
    ),
    # Weak labels ("Related", "Read", "Watch") only with a colon/bar, never a hyphen:
    # "Read-across from the data ..." is a sentence.
    _rule("also_read", r"^(?:related|read|watch|listen|recommended|more|also)\s*(?:[:|»›•]+.*)?$", 30),
    _rule("also_read", r"^(?:click|tap)\s+here\s+(?:to|for)\b.*$", 20),
    _rule(
        "source_link",
        r"^(?:source\s+(?:link|url)|link\s+to\s+(?:the\s+)?(?:original\s+)?(?:source|article)|"
        r"original\s+(?:source|article|story)(?:\s*:.*)?|(?:via|source)\s*:\s*https?://\S+|"
        r"this\s+(?:article|story)\s+(?:was\s+)?(?:originally\s+)?(?:first\s+)?(?:published|appeared)\s+"
        r"(?:on|in|at)\s+\S+.*)$",
        20,
    ),
    _rule(
        "latest_news",
        r"^(?:(?:the\s+)?latest|more|top|trending|breaking)\s+(?:[\w&'-]+\s+){0,3}"
        r"(?:news|stories|headlines|updates)(?:\s+(?:today|now|for\s+you))?$",
        7,
    ),
    _rule(
        "latest_news",
        r"^(?:most\s+(?:read|popular|viewed|shared)|trending\s+now|in\s+case\s+you\s+missed\s+it)$",
    ),
    # Section promos: "Catch all the World News and Updates on Live Mint. Download the app ..."
    _rule("latest_news", r"^catch\s+(?:all\s+)?(?:the\s+)?(?:latest\s+)?.*\bnews\b.*\b(?:on|at|from)\b.*$", 45),
    # Syndication notes: "(This story has not been edited by X staff and is auto-generated ...)"
    _rule(
        "disclaimer",
        r"^\(?(?:disclaimer\s*:\s*)?(?:this|the\s+above)\s+(?:story|article|report|copy|content)\s+"
        r"(?:has\s+not\s+been\s+edited|is\s+auto-?generated|was\s+auto-?generated|is\s+published\s+from)"
        r".*$",
        45,
    ),
    _rule(
        "comment_form",
        r"^(?:please\s+enter\s+your\s+(?:comment|name|email).*|you\s+have\s+entered\s+an\s+incorrect.*|"
        r"leave\s+a\s+(?:reply|comment).*|post\s+(?:a\s+)?comment|add\s+(?:a\s+)?comment|cancel\s+reply|"
        r"(?:view|show|hide|load|read)\s+(?:all\s+)?(?:\d+\s+)?comments?|comments?(?:\s*\(\d+\))?|"
        r"\d+\s+comments?|be\s+the\s+first\s+to\s+comment.*|join\s+the\s+(?:conversation|discussion)|discussion\s+about\s+this\s+(?:post|article)|"
        r"save\s+my\s+name,?\s+email.*|your\s+email\s+address\s+will\s+not\s+be\s+published.*|"
        r"required\s+fields\s+are\s+marked.*|(?:log|sign)\s+in\s+to\s+(?:comment|reply|post).*|"
        r"comment\s*:?|name\s*\*?|email\s*\*?|website|post\s+comment|submit|"
        r"(?:disclaimer\s*:\s*)?comments\s+(?:are|will\s+be)\s+moderated.*)$",
        25,
    ),
    _rule(
        "share",
        rf"^(?:share(?:\s+this(?:\s+(?:article|story|post|page|video))?|\s+(?:on|via|to)\s+[\w ,&/|]+|"
        rf"\s+(?:article|story|now))?\s*:?|click\s+to\s+(?:share|email|print)\b.*|"
        rf"follow\s+(?:us|@\w+|[\w.&'-]+(?:\s+[\w.&'-]+){{0,3}})\s+on\s+{_SOCIAL}"
        rf"(?:\s*(?:,|and|&|/|\|)\s*{_SOCIAL})*\.?|(?:follow|connect\s+with)\s+us\s*:?|"
        rf"(?:{_SOCIAL}\s*[,|/•]?\s*){{2,}}|copy\s+link|link\s+copied.*|tweet|"
        rf"print(?:\s+this\s+(?:page|article))?|e-?mail\s+this.*)$",
        14,
    ),
    _rule(
        "subscribe",
        r"^(?:subscribe|sign\s+up|register|download|join)\b.*\b(?:newsletter|inbox|app|channel|alerts?|"
        r"briefing|whatsapp|telegram|premium|e-?paper|subscription)\b.*$",
        30,
    ),
    _rule(
        "subscribe",
        r"^get\s+(?:the\s+latest|our|breaking|daily|free|the\s+best|the\s+\w+\s+app|news\s+alerts)\b.*"
        r"\b(?:newsletter|inbox|app|alerts?|updates|briefing|delivered)\b.*$",
        30,
    ),
    _rule(
        "subscribe",
        r"^(?:subscribe(?:\s+now)?|sign\s+up|already\s+a\s+subscriber\?.*|"
        r"(?:become|be)\s+a\s+(?:subscriber|member)\b.*|support\s+(?:our|independent)\s+journalism.*|"
        r"this\s+(?:content|article|story)\s+is\s+(?:for|reserved\s+for)\s+subscribers.*|"
        r"(?:thank\s+you\s+for|thanks\s+for)\s+(?:reading|subscribing).*|"
        r"(?:we|i)\s+respect\s+your\s+privacy.*|unsubscribe\s+at\s+any\s+time.*)$",
        30,
    ),
    _rule(
        "subscribe",
        r"^(?:(?:for|to\s+get)\b[^.]{0,60},\s*)?(?:subscribe|sign\s+up)\b.{0,80}\b(?:newsletters?|"
        r"e-?mails?|email\s+updates|mailing\s+list|blog|podcast|news|updates|inbox)\b.*$",
        25,
    ),
    _rule(
        "subscribe",
        r"^(?:newsletters?(?:\s+sign[\s-]?up)?|join\s+our\s+(?:mailing\s+list|newsletter|community)|"
        r"(?:type|enter)\s+your\s+e-?mail(?:\s+address)?(?:\s*\.\.\.|\s+here)?)$",
        10,
    ),
    _rule("cookie", r"^(?:we|this\s+(?:web)?site|our\s+(?:web)?site)\s+uses?\s+cookies\b.*$", 60),
    _rule(
        "cookie",
        r"^(?:by\s+(?:continuing|using)\s+(?:to\s+(?:use|browse)\s+)?(?:this|our)\s+"
        r"(?:web)?site\b.*(?:cookies|privacy|terms).*|accept(?:\s+all)?(?:\s+cookies)?|reject\s+all|"
        r"manage\s+(?:cookies|consent|preferences|settings)|cookies?(?:\s+(?:policy|settings|preferences|"
        r"notice))?|(?:advertising|affiliate)\s+disclosure|privacy\s+(?:notice|statement)|"
        r"terms(?:\s*(?:&|and)\s*conditions)?|"
        r"privacy\s+(?:policy|settings)|terms\s+(?:of\s+(?:use|service)|and\s+conditions)|"
        r"(?:i\s+)?(?:agree|accept)(?:\s+and\s+(?:close|continue))?|do\s+not\s+sell\s+my.*)$",
        60,
    ),
    _rule(
        "advert",
        r"^(?:advertisement|advertising|sponsored(?:\s+content)?|paid\s+(?:content|post)|"
        r"promoted(?:\s+content)?|\(?ad\)?|ads?\s+by\s+\w+|"
        r"(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this|the))?(?:\s+advertisement)?|"
        r"continue\s+reading\s+(?:below|the\s+main\s+story)|scroll\s+(?:down\s+)?to\s+continue.*|"
        r"advertisement\s*[-–—:·•|]\s*(?:scroll|continue|story).*)$",
        10,
    ),
    _rule(
        "image_credit",
        r"^(?:image|images|photo|photos|photograph|picture|pic|file\s+photo|"
        r"representational\s+image|image\s+source|photo\s+source|image\s+credits?|photo\s+credits?|"
        r"picture\s+credit|credits?|photo\s+courtesy|image\s+courtesy|courtesy)\s*[:|]\s*\S.*$",
        40,
    ),
    _rule("image_credit", r"^\((?:[\w.' -]+\s+)?(?:photo|image|picture|pic)s?\s*(?:/|by|:|credit).*\)\.?$", 20),
    _rule(
        "image_credit",
        r"^.*[.!?]?\s*\((?:ap|afp|reuters|epa|pti|ani|ians|xinhua|getty)\s+photos?\s*/.*\)\.?$",
        60,
        needles=("photo",),
    ),
    # Wire-photo bylines end a caption: "... in Beijing on June 18. REUTERS/Jane Doe/Pool".
    # Case-sensitive, so "a Reuters/Ipsos poll." stays a sentence.
    _rule(
        "image_credit",
        rf"^.*{_PHOTO_BYLINE}$",
        60,
        flags=re.NOFLAG,
        needles=("/",),
    ),
    _rule(
        "image_credit",
        r"^(?:[\w.' -]+\s+)?(?:/\s*)?(?:getty\s+images|afp\s+via\s+getty\s+images|"
        r"shutterstock|istock(?:photo)?|file\s+photo|representational\s+(?:image|photo|picture)|"
        r"(?:ap|reuters|afp|pti|ani)\s+(?:photo|file\s+photo|images?))\.?$",
        8,
        needles=("getty", "shutterstock", "istock", "photo", "image"),
    ),
    _rule(
        "breadcrumb",
        r"^(?:you\s+are\s+here\s*:?\s*)?home(?:\s*[>»›|]\s*[\w&'., -]+|\s+/\s+[\w&'., -]+)+$",
        20,
    ),
    _rule("breadcrumb", rf"^home(?:\s+(?:{_SECTIONS}))+$", 5),
    _rule(
        "nav",
        r"^(?:home|menu|search(?:\s+for)?\s*:?|search\s*\.\.\.|skip\s+to\s+(?:main\s+)?content|main\s+menu|"
        r"sections|contact(?:\s+us)?|about\s+us|sitemap|site\s+map|quick\s+links|(?:toggle\s+)?navigation"
        r"(?:\s+menu)?|close|categories|rss(?:\s+feed)?|back\s+to\s+(?:blog|home|news)|"
        r"create\s+(?:an\s+)?account|member\s+login|table\s+of\s+contents|"
        r"sign\s+in|log\s*in|log\s+out|next\s+(?:article|story|post)|previous\s+(?:article|story|post)|"
        r"back\s+to\s+top|loading\.*|listen\s+to\s+(?:this\s+)?(?:article|story)(?:\s*[:|-].*)?|"
        r"\d+\s+min(?:ute)?s?\s+read|reading\s+time\s*:?.*)$",
        8,
    ),
    _rule("tags", r"^(?:tags?|topics?|filed\s+under|keywords?)\s*:\s*\S.*$", 25),
    _rule("copyright", r"^(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4})).*$", 30),
    _rule("copyright", r"^.*\ball\s+rights\s+reserved\.?$", 25, needles=("rights",)),
    _rule("standards", r"^our\s+standards\s*:.*$", 15),
    _rule(
        "staff_credit",
        r"^\(?(?:reporting|additional\s+reporting|writing|editing|compiled|translated|research|"
        r"graphics|data)\s+by\s+[A-Z].*$",
        40,
        _only_words(_CREDIT_WORDS),
    ),
    _rule(
        "timestamp",
        r"^(?:(?:first\s+)?published|updated|last\s+updated|posted)(?:\s+on|\s+at)?\s*:?\s*"
        r"(?:\w+\s*)?\d{1,4}\b.*$",
        14,
        _only_words(_STAMP_WORDS),
    ),
)

_MAX_RULE_WORDS = max(rule.max_words for rule in _RULES)
_MAX_RULE_CHARS = 40 * _MAX_RULE_WORDS  # generous: 40 characters per word
_NEEDLE_RULES = tuple(r for r in _RULES if r.needles)
# The rules without needles as one alternation: one C-level match clears an ordinary
# story line of all of them (3x faster than trying each; a 50,000-line page stays cheap).
_PLAIN_GATE = re.compile(
    "|".join(
        f"(?:{r.pattern.pattern})" if r.pattern.flags & re.IGNORECASE else f"(?-i:{r.pattern.pattern})"
        for r in _RULES
        if not r.needles
    ),
    re.IGNORECASE,
)


_CREDIT_HEAD = re.compile(
    r"^(?:image|photo|picture|pic|photograph)(?:\s+(?:source|credits?|courtesy))?\s*[:|]\s*", re.IGNORECASE
)
_PAREN_CREDIT_TAIL = re.compile(r"\s*\((?P<credit>[^()]*?(?:photo|image|picture|getty|/)[^()]*)\)\.?$", re.IGNORECASE)
_SLASH_CREDIT_TAIL = re.compile(rf"\s*(?P<credit>{_PHOTO_BYLINE})$")


def clutter_reason(line: str) -> str | None:
    """The kind of clutter ``line`` is (a short code), or ``None`` when it is story text.

    Codes: also_read, source_link, latest_news, disclaimer, nav, comment_form, share,
    subscribe, cookie, advert, image_credit, breadcrumb, tags, copyright, standards,
    staff_credit, timestamp, wire_credit. ``wire_credit`` lines ("(With AP inputs)")
    carry metadata: read them with :func:`wire_credit` before dropping them.
    """
    text = normalize_line(line)
    if not text:
        return None
    words = text.count(" ") + 1
    # Clutter lines are short; a very long line (e.g. one 1 MB "word") would cost the rule
    # regexes seconds (issue 11, nasty inputs), so length is gated as well as words.
    if words > _MAX_RULE_WORDS or len(text) > _MAX_RULE_CHARS:
        return None
    lowered = text.lower()
    for rule in _RULES if _PLAIN_GATE.match(text) else _NEEDLE_RULES:
        if words > rule.max_words or (rule.needles and not any(n in lowered for n in rule.needles)):
            continue
        if rule.pattern.match(text) and (rule.check is None or rule.check(text)):
            return rule.reason
    if match_wire(text) is not None:
        return "wire_credit"
    return None


def is_clutter(line: str) -> bool:
    return clutter_reason(line) is not None


def split_image_credit(line: str) -> tuple[str, str] | None:
    """Split a credit line into ``(credit, caption)``; ``None`` if it carries no credit.

    "Image Source : AP US envoy lands" -> ("AP", "US envoy lands");
    "Leaders meet in Rome. (AP Photo/Jane Doe)" -> ("AP Photo/Jane Doe", "Leaders meet in Rome.").
    The head form is ambiguous (where does the credit end?): a leading known agency is
    the credit and the rest the caption; otherwise the whole rest is the credit.
    """
    text = normalize_line(line)
    head = _CREDIT_HEAD.match(text)
    if head:
        rest = text[head.end() :]
        agency = re.match(rf"(?P<c>{AGENCY_LIST}(?:\s+(?:photo|file|images?))?|getty\s+images)\b", rest, re.I)
        if agency:
            return agency.group("c"), rest[agency.end() :].strip(" :|-–—")
        return rest, ""
    for tail in (_PAREN_CREDIT_TAIL, _SLASH_CREDIT_TAIL):
        m = tail.search(text)
        if m and clutter_reason(text) == "image_credit":
            return m.group("credit").strip(), text[: m.start()].strip()
    return None


def reasons(lines: Sequence[str]) -> list[str | None]:
    """:func:`clutter_reason` for each line (handy for debugging a page)."""
    return [clutter_reason(line) for line in lines]
