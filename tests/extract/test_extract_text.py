"""The plain-text cleaner (tidings.extract.text) and the clutter rules it shares with the HTML path."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.config import ExtractOptions
from tidings.extract.clutter import clutter_reason, split_image_credit, wire_credit
from tidings.extract.text import EXTRACTOR, extract_text
from tidings.records import Article, Caption, Paragraph, Rejected

PAGES = Path(__file__).resolve().parents[1] / "data" / "scraped"
BLINKEN_TITLE = "US Secretary Antony Blinken arrives in Beijing; what’s the agenda on his high-stakes visit"
BLINKEN_CAPTION = "US Secretary Antony Blinken begins his two-day China visits"


def _article(text: str, **kwargs: object) -> Article:
    result = extract_text(text, source="test", **kwargs)  # type: ignore[arg-type]
    assert isinstance(result, Article), result
    return result


def _page(name: str) -> Article:
    return _article((PAGES / name).read_text("utf-8"))


# --------------------------------------------------------------------------- Blinken


@pytest.fixture(scope="module")
def blinken(blinken_text: str) -> Article:
    return _article(blinken_text, url="https://www.example.in/world/blinken-beijing", published="2023-06-18")


def test_blinken_title_kept_once_as_title_not_in_body(blinken: Article) -> None:
    assert blinken.title == BLINKEN_TITLE
    assert BLINKEN_TITLE not in blinken.text


def test_blinken_breadcrumb_dropped(blinken: Article) -> None:
    assert "Home World" not in blinken.text


def test_blinken_image_credit_dropped(blinken: Article) -> None:
    assert "Image Source" not in blinken.text


def test_blinken_also_read_dropped(blinken: Article) -> None:
    assert "Also read" not in blinken.text
    assert "Artemis Accords" not in blinken.text


def test_blinken_latest_news_dropped(blinken: Article) -> None:
    assert "Latest World News" not in blinken.text


def test_blinken_source_link_dropped(blinken: Article) -> None:
    assert "Source link" not in blinken.text


def test_blinken_comment_form_dropped(blinken: Article) -> None:
    assert "Please enter your" not in blinken.text


def test_blinken_caption_and_credit_are_metadata(blinken: Article) -> None:
    assert blinken.captions == (Caption(BLINKEN_CAPTION, "AP"),)
    assert BLINKEN_CAPTION not in blinken.text


def test_blinken_section_from_breadcrumb(blinken: Article) -> None:
    assert blinken.section == "World"


def test_blinken_wire_from_inputs_line(blinken: Article) -> None:
    assert blinken.wire == ("AP",)
    assert "(With AP inputs)" not in blinken.text


def test_blinken_subheading_kept_as_heading(blinken: Article) -> None:
    headings = [p for p in blinken.paragraphs if p.kind == "heading"]
    assert headings == [Paragraph("heading", "Challenges for US-China relation")]


def test_blinken_split_paragraph_rejoined(blinken: Article) -> None:
    joined = [p.text for p in blinken.paragraphs if "and US allegations from Washington" in p.text]
    assert len(joined) == 1 and joined[0].startswith("But those have been punctuated")
    assert not any(p.text.startswith("allegations") for p in blinken.paragraphs)


def test_blinken_block_count(blinken: Article) -> None:
    assert len(blinken.paragraphs) == 26
    assert sum(p.kind == "heading" for p in blinken.paragraphs) == 1


def test_blinken_quote_malformation_passes_through(blinken: Article) -> None:
    assert "yet. ”Underscoring" in blinken.text


def test_blinken_article_shape(blinken: Article) -> None:
    assert blinken.text == "\n\n".join(p.text for p in blinken.paragraphs)
    assert blinken.extractor == EXTRACTOR
    assert blinken.published == "2023-06-18"
    assert blinken.site == "example.in"
    assert blinken.paragraphs[0].text.startswith("US Secretary of State Antony Blinken reached Beijing")
    assert blinken.paragraphs[-1].text.startswith("Kurt Campbell")
    reasons = {reason for reason, _ in blinken.extras["dropped"]}
    assert {"breadcrumb", "title", "caption", "image_credit", "also_read", "source_link"} <= reasons


# --------------------------------------------------------------------------- other pages


def test_reuters_style_page() -> None:
    a = _page("wire-brussels-2024-06-04.txt")
    assert a.title == "EU ministers back new sanctions package on Belarus over election crackdown"
    assert a.wire == ("Reuters",)  # from the "BRUSSELS, June 4 (Reuters) -" dateline, kept in the text
    assert a.text.startswith("BRUSSELS, June 4 (Reuters) - European Union")
    assert a.authors == ("Ilka Brandt", "Piet Claes", "Anna Wolska")  # reporters, not the editor
    for gone in (
        "minute read",
        "Updated 2 hours",
        "Scroll to continue",
        "Related Coverage",
        "Lithuania expels",
        "Baltic states",
        "Reporting by",
        "Our Standards",
        "Hugh Lawson",
    ):
        assert gone not in a.text, gone
    assert len(a.paragraphs) == 5 and all(p.kind == "paragraph" for p in a.paragraphs)


def test_indian_site_style_page() -> None:
    a = _page("india-desk-2024-03-03.txt")
    assert a.title == "India, Bangladesh agree to speed up border trade talks, resume rail link"
    assert a.section == "Asia"
    assert a.wire == ("PTI",)
    for gone in (
        "Home »",
        "Updated:",
        "Listen to this",
        "Also Read",
        "READ |",
        "Nepal, India sign",
        "inputs from PTI",
        "syndicated feed",
        "Catch all",
        "First Published",
        "Tags:",
    ):
        assert gone not in a.text, gone
    assert len(a.paragraphs) == 5
    assert a.paragraphs[-1].text.startswith("Trade between the two neighbours")


def test_adverts_follow_bar_and_cookie_page() -> None:
    a = _page("ads-follow-2024-07-15.txt")
    assert a.title == "Kenya and Ethiopia sign deal on shared water use in Omo basin"
    assert "Horn Tribune" not in a.text  # the "<title> - Site" copy is a title copy too
    assert a.authors == ("Amina Wanjiru",)  # "Staff Writer" is a job, not a name
    assert a.captions == (
        Caption(
            "Officials from both countries at the signing ceremony in Addis Ababa.",
            "Photo by Daniel Tesfaye/AFP via Getty Images",
        ),
    )
    for gone in (
        "cookies",
        "Manage preferences",
        "Share on",
        "Copy link",
        "Advertisement",
        "advertisement",
        "Sign up",
        "Follow us",
        "Comments",
    ):
        assert gone not in a.text, gone
    # The sentence the "Advertisement" slot cut in two is whole again.
    assert "called for talks with officials from both governments on compensation" in a.text
    assert len(a.paragraphs) == 5


def test_hard_wrapped_page_with_split_paragraphs() -> None:
    a = _page("wrapped-geneva-2024-02-12.txt")
    assert a.title == "UN rights council opens session with warning on shrinking civic space"
    assert a.authors == ("Lena Fischer", "Omar Haddad")
    assert a.wire == ("AP",)
    assert a.captions == (
        Caption(
            "A delegate takes her seat at the Palais des Nations in Geneva on Monday.",
            "AP Photo/Marco Bianchi",
        ),
    )
    # Wrapped lines are unwrapped; the blank-line splits mid-sentence are rejoined.
    assert "opened its spring session in Geneva" in a.text
    assert "which several governments have opposed on cost grounds." in a.text
    assert "further cuts to the United Nations' human rights office" in a.text
    assert [p.kind for p in a.paragraphs] == ["paragraph"] * 4 + ["heading", "paragraph"]
    assert a.paragraphs[4].text == "Budget pressures"
    assert "Copyright" not in a.text


def test_clean_page_loses_nothing_but_its_title() -> None:
    source = (PAGES / "clean-trade-2024-04-22.txt").read_text("utf-8")
    a = _article(source)
    blocks = [b.strip() for b in source.split("\n\n") if b.strip()]
    assert a.title == blocks[0]
    assert [p.text for p in a.paragraphs] == blocks[1:]
    assert a.extras["dropped"] == [] and a.captions == () and a.wire == ()


# --------------------------------------------------------------------------- behaviour

STORY = "\n\n".join(
    [
        "Talks resumed in Vienna on Monday after a two-week pause, diplomats said, with both sides upbeat.",
        "The envoys will meet again on Thursday to discuss sanctions relief and inspections, officials said.",
    ]
)


def test_publication_day_sources() -> None:
    wire = (PAGES / "wire-brussels-2024-06-04.txt").read_text("utf-8")
    a = _article(wire, origin="inbox/page.txt")
    assert (a.published, a.published_from) == ("2024-06-04", "text")  # the "June 4, 2024 ..." line
    a = _article(wire, published="2024-06-05")
    assert (a.published, a.published_from) == ("2024-06-05", "given")
    b = _article(STORY, origin="archive/story-2023-11-02.txt", options=ExtractOptions(min_chars=50))
    assert (b.published, b.published_from) == ("2023-11-02", "path")
    c = _article(STORY, url="https://news.example.org/2022/01/09/talks", options=ExtractOptions(min_chars=50))
    assert (c.published, c.published_from) == ("2022-01-09", "url")
    d = _article(STORY, origin="archive/story-2099-11-02.txt", options=ExtractOptions(min_chars=50))
    assert d.published is None  # a date in the future is not a publication date


def test_headlines_after_trailing_clutter_are_teasers() -> None:
    page = f"{STORY}\n\nSource link\n\nIran hosts regional security forum\n\nOil prices slip as talks resume"
    a = _article(page, options=ExtractOptions(min_chars=50))
    assert a.text == STORY
    assert [r for r, _ in a.extras["dropped"]] == ["source_link", "trailing", "trailing"]


def test_closing_list_without_clutter_after_it_is_kept() -> None:
    page = f"{STORY}\n\nKey dates in the talks\n\nSanctions relief on the table"
    a = _article(page, options=ExtractOptions(min_chars=50))
    assert a.text.endswith("Key dates in the talks\n\nSanctions relief on the table")


def test_teaser_list_under_a_label_stops_at_prose() -> None:
    page = f"{STORY}\n\nRelated stories\n\nIran hosts regional security forum\n\nEU envoy lands in Tehran\n\n" + (
        "Diplomats said a draft text could be ready by the end of the month, if the talks hold."
    )
    a = _article(page, options=ExtractOptions(min_chars=50))
    assert "Iran hosts" not in a.text and "EU envoy" not in a.text
    assert a.text.endswith("if the talks hold.")


def test_given_title_is_removed_from_body() -> None:
    body = "Talks resumed in Vienna on Monday after a two-week pause, diplomats said. " * 4
    a = _article(f"Nuclear talks resume\n\n{body}\n\nNuclear talks resume", title="Nuclear talks resume")
    assert a.title == "Nuclear talks resume"
    assert a.text == body.strip()


def test_no_title_when_page_starts_with_prose() -> None:
    body = "Talks resumed in Vienna on Monday after a two-week pause, diplomats said. " * 4
    a = _article(body)
    assert a.title is None and a.text == body.strip()


def test_clutter_filter_off_keeps_clutter_lines() -> None:
    body = "Talks resumed in Vienna on Monday after a two-week pause, diplomats said. " * 4
    a = _article(f"{body}\n\nSource link", options=ExtractOptions(clutter_filter=False))
    assert a.text.endswith("Source link")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("  \n\t \n", "empty"),
        ("\x00\x01\x02binary" * 20, "binary"),
        ("Short note.", "too_short"),
    ],
)
def test_rejections(text: str, code: str) -> None:
    result = extract_text(text, source="test", origin="x.txt")
    assert isinstance(result, Rejected) and result.code == code and result.source == "x.txt"


def test_min_chars_option() -> None:
    text = "Ministers met in Rome on Friday to discuss migration, officials said."
    assert isinstance(extract_text(text, source="t", options=ExtractOptions(min_chars=10)), Article)
    assert isinstance(extract_text(text, source="t"), Rejected)


# derandomized: the same 60 cases on every run; too_slow off: on a loaded machine text generation is slow
@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(min_size=0, max_size=80), min_size=0, max_size=12))
def test_never_raises_and_never_invents_words(lines: list[str]) -> None:
    text = "\n".join(lines)
    result = extract_text(text, source="t", options=ExtractOptions(min_chars=1))
    if isinstance(result, Article):
        source_words = set(text.split())
        assert all(w in source_words for w in result.text.split() if w.isalnum())


# --------------------------------------------------------------------------- clutter rules

CLUTTER = [
    ("Also read- NASA official urges India to join Artemis Accords", "also_read"),
    ("ALSO READ | Modi to visit Washington next month", "also_read"),
    ("Also Read: Oil prices climb", "also_read"),
    ("Read more: Talks stall in Doha", "also_read"),
    ("Related: China warns of countermeasures", "also_read"),
    ("Source link", "source_link"),
    ("Latest World News", "latest_news"),
    ("More Top Stories", "latest_news"),
    ("Please enter your comment!", "comment_form"),
    ("Please enter your name here", "comment_form"),
    ("Leave a Reply", "comment_form"),
    ("Share this article", "share"),
    ("Follow us on Google News", "share"),
    ("Facebook Twitter WhatsApp Email", "share"),
    ("Sign up for our daily newsletter", "subscribe"),
    ("Subscribe now", "subscribe"),
    ("We use cookies to improve your experience on our site.", "cookie"),
    ("Accept all cookies", "cookie"),
    ("Advertisement", "advert"),
    ("ADVERTISEMENT", "advert"),
    ("Story continues below advertisement", "advert"),
    ("Image Source : AP", "image_credit"),
    ("Photo: Reuters", "image_credit"),
    ("(AP Photo/Mark Schiefelbein)", "image_credit"),
    ("Leaders meet in Rome on Friday. (AP Photo/Jane Doe)", "image_credit"),
    ("Blinken meets Wang in Beijing, June 18, 2023. REUTERS/Leah Millis/Pool", "image_credit"),
    ("Home > World > Asia", "breadcrumb"),
    ("Home World", "breadcrumb"),
    ("(With AP inputs)", "wire_credit"),
    ("Reporting by Jane Doe in Beijing; Editing by John Smith", "staff_credit"),
    ("Our Standards: The Thomson Reuters Trust Principles.", "standards"),
    ("Copyright 2024 The Associated Press. All rights reserved.", "copyright"),
    ("Updated: Jun 18, 2023 10:12 IST", "timestamp"),
    ("Tags: China, United States, Diplomacy", "tags"),
]

# Real sentences (and headings) that contain the words clutter rules look for.
NOT_CLUTTER = [
    "Read together, the two statements suggest a thaw.",
    "Read-across from the data shows slower growth.",
    "He said he had read the report twice before the meeting.",
    "The source of the leak remains unknown.",
    "Sources said the talks would resume on Monday.",
    "A source link between the two databases was never established, auditors said.",
    "Share prices fell sharply on Monday.",
    "We follow the evidence wherever it leads, the minister said.",
    "Follow the money on Capitol Hill",
    "Related-party transactions rose 4% last year.",
    "Related talks on port fees will continue in Jeddah in May.",
    "Photos released by the coastguard showed a damaged hull.",
    "Advertisement revenue fell 8% in the quarter.",
    "Home Secretary James Cleverly said the plan would work.",
    "Research by Harvard economists shows that trade fell.",
    "Copyright infringement cases rose in 2023.",
    "according to a Reuters/Ipsos poll.",
    "Updated 2024 guidance from the ministry says rates will rise.",
    "Subscribers to the service complained about outages.",
    "The latest news from the front was grim, officials said.",
    "Please enter the building through the east gate, police told residents.",
    "Comments by the minister drew criticism from the opposition.",
    "Reuters reported the figure first.",
    "Challenges for US-China relation",
    "US Secretary Antony Blinken begins his two-day China visits",
]


@pytest.mark.parametrize(("line", "code"), CLUTTER)
def test_clutter_reason_finds_clutter(line: str, code: str) -> None:
    assert clutter_reason(line) == code


@pytest.mark.parametrize("line", NOT_CLUTTER)
def test_clutter_reason_keeps_real_sentences(line: str) -> None:
    assert clutter_reason(line) is None


def test_clutter_reason_sees_through_no_break_spaces() -> None:
    assert clutter_reason("Also read-\u00a0Talks in Doha") == "also_read"
    assert clutter_reason("\u00a0") is None


@pytest.mark.parametrize(
    ("line", "agencies"),
    [
        ("(With AP inputs)", ("AP",)),
        ("(Reuters)", ("Reuters",)),
        ("— AP", ("AP",)),
        ("With inputs from PTI/Reuters", ("PTI", "Reuters")),
        ("(With inputs from agencies)", ()),
        ("Reuters", ()),
        ("Reuters said the deal was close.", ()),
    ],
)
def test_wire_credit(line: str, agencies: tuple[str, ...]) -> None:
    assert wire_credit(line) == agencies


def test_split_image_credit() -> None:
    assert split_image_credit("Image Source : AP US envoy lands in Beijing") == (
        "AP",
        "US envoy lands in Beijing",
    )
    assert split_image_credit("Leaders meet in Rome. (AP Photo/Jane Doe)") == (
        "AP Photo/Jane Doe",
        "Leaders meet in Rome.",
    )
    assert split_image_credit("Photo: Reuters") == ("Reuters", "")
    assert split_image_credit("Leaders meet in Rome on Friday.") is None


# --------------------------------------------------------------------------- shipped samples


def _samples() -> list[Path]:
    folder = Path(str(resources.files("tidings").joinpath("samples")))
    return sorted(folder.glob("sample-*.txt"))


def test_samples_exist() -> None:
    assert len(_samples()) >= 3


@pytest.mark.parametrize("path", _samples(), ids=lambda p: p.name)
def test_sample_pages_come_out_clean(path: Path) -> None:
    a = _article(path.read_text("utf-8"))
    assert a.title and a.title not in a.text
    assert a.captions and a.captions[0].credit
    assert a.wire
    for gone in (
        "Also read",
        "Source link",
        "Latest World News",
        "Please enter",
        "Leave a Reply",
        "Image Source",
    ):
        assert gone not in a.text, gone
    # Each sample has one paragraph the scrape split mid-sentence; none starts lower-case now.
    assert all(not p.text[0].islower() for p in a.paragraphs)
    assert any(q in a.text for q in ('" Donovan', "Korkmaz said", "Whitlock told"))


def test_visit_sample_carries_an_agenda() -> None:
    path = next(p for p in _samples() if "visit" in p.name)
    a = _article(path.read_text("utf-8"))
    for issue in ("trade", "Taiwan", "human rights", "climate", "meet"):
        assert issue in a.text, issue
    assert [p.text for p in a.paragraphs if p.kind == "heading"] == [
        "What is on the agenda",
        "Security concerns in the Pacific",
    ]
