"""A résumé file as lines of text: PDF (pypdf), DOCX (python-docx), ODT, HTML, text, Markdown.

Everything happens on this machine: the file is read, never copied or stored. Every way a
file can go wrong is one DataError (exit 1) naming the file and what to do instead. The
type comes from the file's first bytes, not its name. pypdf and python-docx are imported
here, inside the readers, so that no other command pays for them.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from careercli.common.errors import DataError

MAX_BYTES = 10 * 1024 * 1024  # a CV is a few hundred KB; 10 MB is a scan or something else
MAX_PAGES = 20
MAX_UNZIPPED = 50 * 1024 * 1024  # a DOCX that inflates past this is refused (a zip bomb)
MAX_CHARS = 400_000  # text kept from any file: twenty dense pages and then some
NO_TEXT = "this PDF has no text; careercli does not read images: save it as text, or use --answers"
SAVE_AS = "save it as PDF, DOCX or plain text"


class ResumeText(NamedTuple):
    """The text of a résumé, one entry per line, and what kind of file it came from."""

    file: str
    kind: str  # pdf, docx, html, text
    lines: tuple[str, ...]
    pages: int | None = None


def read_resume(path: Path) -> ResumeText:
    """The text of the résumé at `path`, or a DataError in one line."""
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise DataError(f"{name}: no such file") from None
    except OSError as exc:
        raise DataError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if path.is_dir():
        raise DataError(f"{name}: is a folder; expected a résumé file (PDF, DOCX or text)")
    if size > MAX_BYTES:
        raise DataError(
            f"{name}: {size / 1024 / 1024:.1f} MB is over the {MAX_BYTES // 1024 // 1024} MB cap "
            f"for a résumé; {SAVE_AS} without images"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise DataError(f"{name}: the file is empty")
    kind, text, pages = _dispatch(name, path, data)
    lines = tuple(_clean(line) for line in text[:MAX_CHARS].splitlines())
    if not any(lines):
        if kind == "pdf":
            raise DataError(f"{name}: {NO_TEXT}")
        raise DataError(f"{name}: the file holds no text")
    return ResumeText(name, kind, lines, pages)


def _dispatch(name: str, path: Path, data: bytes) -> tuple[str, str, int | None]:
    head = data[:8]
    if head.startswith(b"%PDF"):
        text, pages = _pdf_text(name, path)
        return "pdf", text, pages
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: Word 97-2003 .doc (or .xls, .ppt)
        raise DataError(f"{name}: an old binary Word (.doc) file, which careercli does not read; {SAVE_AS}")
    if head.startswith(b"PK"):
        return _zipped_text(name, path)
    if head.startswith(b"{\\rtf"):
        raise DataError(f"{name}: an RTF file, which careercli does not read; {SAVE_AS}")
    text = _decode(name, data)
    if re.match(r"\s*(<!doctype html|<html)", text[:500], re.IGNORECASE):
        return "html", _html_text(text), None
    return "text", text, None


def _decode(name: str, data: bytes) -> str:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError(f"{name}: not a text, PDF or DOCX file (binary data); {SAVE_AS}")
    for encoding in (
        ("utf-8-sig", "utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig",)
    ):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace")


# zero-width characters split words ("Pyt\u200bhon") without showing: dropped
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff]")


def _clean(line: str) -> str:
    """One line of untrusted text: controls shown as escapes (common.untrusted.clean),
    invisible characters dropped, spaces collapsed, at most 400 characters."""
    from careercli.common.untrusted import clean

    return " ".join(clean(_INVISIBLE.sub("", line)).split())[:400]


def _pdf_text(name: str, path: Path) -> tuple[str, int]:
    import logging
    import warnings

    # pypdf logs and warns about odd but readable files on stderr; the findings say enough
    logging.getLogger("pypdf").setLevel(logging.CRITICAL + 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        text, count = _pdf_pages(name, path)
    if not text.strip():
        raise DataError(f"{name}: {NO_TEXT}")
    return text, count


def _pdf_pages(name: str, path: Path) -> tuple[str, int]:
    from pypdf import PdfReader

    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted and not _decrypts(reader):
            raise DataError(
                f"{name}: this PDF is encrypted (password protected); save an unprotected copy, or as text"
            )
        count = len(reader.pages)
        if count > MAX_PAGES:
            raise DataError(f"{name}: {count} pages is over the {MAX_PAGES}-page cap for a résumé")
        return "\n".join(_page_text(page) for page in reader.pages), count
    except DataError:
        raise
    except Exception as exc:  # pypdf raises many types on a damaged file; none is the user's bug
        raise DataError(
            f"{name}: not a readable PDF (truncated or corrupt: {_why(exc)}); {SAVE_AS}"
        ) from None


def _page_text(page: Any) -> str:
    """pypdf's text of a page, or its two columns one after the other when the page draws
    them side by side line by line (careercli.resume.columns)."""
    from careercli.resume.columns import Piece, column_text

    pieces: list[Piece] = []

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], font: object, size: float) -> None:
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        for k, part in enumerate(text.split("\n")):
            pieces.append(Piece(x, y - k * (size or 10) * 1.2, part))

    plain = page.extract_text(visitor_text=visit) or ""
    return column_text(pieces) or plain


def _decrypts(reader: object) -> bool:
    """An encrypted PDF with an empty user password (copy-protected only) can still be read."""
    try:
        return bool(reader.decrypt(""))  # type: ignore[attr-defined]
    except Exception:  # an AES file without the cryptography package, a bad key...
        return False


def _why(exc: BaseException) -> str:
    text = str(exc).strip().rstrip(".")
    return text[:80] if text else type(exc).__name__


def _zipped_text(name: str, path: Path) -> tuple[str, str, None]:
    """A DOCX or an OpenDocument text (ODT): both are zip files of XML."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            inflated = sum(info.file_size for info in archive.infolist())
            if inflated > MAX_UNZIPPED:
                raise DataError(
                    f"{name}: this file inflates to {inflated // 1024 // 1024} MB, over the cap; {SAVE_AS}"
                )
            odt = "word/document.xml" not in names and "content.xml" in names
            content = archive.read("content.xml") if odt else b""
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError):
        raise DataError(f"{name}: not a readable DOCX (truncated or corrupt zip); {SAVE_AS}") from None
    if odt:
        return "odt", _odt_text(name, content), None
    if "word/document.xml" not in names:
        raise DataError(
            f"{name}: a zip file that is not a DOCX or ODT, which careercli does not read; {SAVE_AS}"
        )
    return "docx", _docx_text(name, path), None


def _odt_text(name: str, content: bytes) -> str:
    """The paragraphs and headings of an ODT's content.xml, through lxml (python-docx's own
    dependency) with entities left unresolved and no network."""
    from lxml import etree  # type: ignore[import-untyped,unused-ignore]

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    text_ns = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise DataError(f"{name}: not a readable ODT (corrupt: {_why(exc)}); {SAVE_AS}") from None
    lines = []
    for element in root.iter(f"{text_ns}p", f"{text_ns}h"):
        lines.append("".join(element.itertext()))
    return "\n".join(lines)


def _docx_text(name: str, path: Path) -> str:
    import docx

    try:
        document = docx.Document(str(path))
        return "\n".join(_docx_lines(document))
    except Exception as exc:  # lxml and python-docx raise many types on damage
        raise DataError(f"{name}: not a readable DOCX (corrupt: {_why(exc)}); {SAVE_AS}") from None


def _docx_lines(document: object) -> list[str]:
    """Paragraphs and table cells in document order (tables hold many CVs' two columns)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for block in document.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Paragraph):
            lines.append(block.text)
            lines.extend(_text_box_lines(block._p))
        elif isinstance(block, Table):
            lines.extend(_table_lines(block))
    return lines


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text_box_lines(element: Any) -> list[str]:
    """The paragraphs of text boxes anchored in a paragraph (many CV templates put a sidebar
    in one), which python-docx's paragraph text leaves out. Word writes each box twice, the
    second copy under mc:Fallback for old readers: that copy is skipped."""
    lines: list[str] = []
    for box in element.iter(f"{_W}txbxContent"):
        if any(parent.tag == _FALLBACK for parent in box.iterancestors()):
            continue
        for para in box.iter(f"{_W}p"):
            lines.append("".join(t.text or "" for t in para.iter(f"{_W}t")))
    return lines


def _table_lines(table: object) -> list[str]:
    """A table column by column when it is a layout (two columns of prose), else row by row."""
    rows = [[cell.text for cell in row.cells] for row in table.rows]  # type: ignore[attr-defined]
    lines: list[str] = []
    for row in rows:
        seen: list[str] = []
        for cell in row:
            if cell not in seen:  # a merged cell repeats its text in each grid position
                seen.append(cell)
        for cell in seen:
            lines.extend(cell.splitlines())
    return lines


def _html_text(text: str) -> str:
    from html.parser import HTMLParser

    class Collect(HTMLParser):
        BREAKS = frozenset(
            {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "td"}
        )

        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag in ("script", "style"):
                self.skip += 1
            elif tag in self.BREAKS:
                self.parts.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in ("script", "style") and self.skip:
                self.skip -= 1
            elif tag in self.BREAKS:
                self.parts.append("\n")

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.parts.append(data)

    parser = Collect()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)
