import json

from faultlines.models import Document, ReadFailure
from faultlines.read import clean_text, make_document, read_inputs

ARTICLE = """Ministers meet in Geneva

GENEVA, Switzerland \u2014 The foreign ministers of Chile and Peru met on Tuesday.

Also Read: Another story about something else
READ ALSO: More links
Share this article

\u201cWe agreed on a plan,\u201d the Chilean minister said.
"""


def test_clean_drops_boilerplate_and_normalises_quotes():
    text = clean_text(ARTICLE)
    assert "Also Read" not in text and "READ ALSO" not in text and "Share this" not in text
    assert '"We agreed on a plan," the Chilean minister said.' in text
    assert "\u201c" not in text
    # paragraphs are separated by exactly one blank line
    assert "\n\n\n" not in text and text.count("\n\n") == 2


def test_boilerplate_only_drops_short_link_lines():
    long_line = "Also read: " + "word " * 80
    assert "word" in clean_text(long_line)


def test_doc_id_is_stable_hash_of_clean_text():
    a = make_document("Hello  world.\r\n\r\nSecond   line.")
    b = make_document("Hello world.\n\nSecond line.")
    assert a.doc_id == b.doc_id and a.content_hash == b.content_hash


def test_folder_with_bad_files(tmp_path):
    (tmp_path / "good.txt").write_text("France condemned the attack on Monday.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "page.html").write_text(
        "<html><head><title>T</title></head><body><article><p>"
        + "Germany sent aid to Turkey after the earthquake, officials said on Monday. " * 5
        + "</p></article></body></html>", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03binary")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    (tmp_path / "docs.jsonl").write_text(
        json.dumps({"id": "a1", "text": "Japan thanked India.", "date": "2023-01-05"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "a3", "title": "no text"}) + "\n", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    docs = [i for i in items if isinstance(i, Document)]
    fails = {i.input.split("/")[-1]: i.reason for i in items if isinstance(i, ReadFailure)}
    assert {d.doc_id for d in docs} >= {"a1"}
    assert len(docs) == 3  # good.txt, page.html, a1
    assert fails["binary.txt"] == "binary file, not text"
    assert fails["empty.txt"] == "empty file"
    assert fails["latin1.txt"].startswith("not UTF-8 text")
    assert fails["docs.jsonl:2"].startswith("malformed JSON")
    assert fails["docs.jsonl:3"] == 'record has no "text" or "html" string'
    a1 = next(d for d in docs if d.doc_id == "a1")
    assert a1.date.isoformat() == "2023-01-05"


def test_html_extracts_article_and_metadata(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(
        '<html><head><title>Aid arrives</title><meta name="date" content="2023-02-10"></head>'
        "<body><nav>Home | World</nav><article><p>"
        + "South Korea sent a rescue team to Turkey on Friday, the foreign ministry said. " * 4
        + "</p></article><footer>Subscribe to our newsletter</footer></body></html>",
        encoding="utf-8")
    (doc,) = list(read_inputs([str(page)]))
    assert isinstance(doc, Document)
    assert "South Korea sent a rescue team" in doc.text and "Home | World" not in doc.text
    assert doc.title == "Aid arrives"
    assert doc.date is not None and doc.date.isoformat() == "2023-02-10"


def test_html_without_article_text_fails(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    (item,) = list(read_inputs([str(page)]))
    assert isinstance(item, ReadFailure) and item.reason == "no article text found in HTML"


def test_large_file_fails_cleanly(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    (item,) = list(read_inputs([str(big)]))
    assert isinstance(item, ReadFailure) and item.reason.startswith("file too large (52.4 MB")


def test_missing_path_and_stdin():
    (missing,) = list(read_inputs(["/no/such/file.txt"]))
    assert isinstance(missing, ReadFailure) and missing.reason == "no such file or folder"
    (doc,) = list(read_inputs(["-"], stdin_text="Iran warned Israel."))
    assert isinstance(doc, Document) and doc.url == "-"
