"""HTML (visible text, title, meta tags) with selectolax's lexbor parser, and EPUB on top of it."""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from workers.task import ItemError
from workers.tasks.parsers.common import (
    Limits,
    Parsed,
    Progress,
    check_zip,
    decode_text,
    open_source,
    read_source,
    tidy,
)

# Never visible, or not text at all (comments lexbor leaves out of text by itself).
_SKIP = frozenset(("script", "style", "noscript", "template", "head", "title", "meta", "link",
                   "iframe", "object", "embed", "canvas", "svg", "math", "select", "button"))
# Elements that start a new line in a browser; the paragraph-like ones also leave a blank line.
_PARAGRAPH = frozenset(("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul",
                        "ol", "dl", "figure", "hr", "section", "article", "header", "footer", "main",
                        "nav", "aside", "details", "form", "fieldset", "address"))
_BLOCK = _PARAGRAPH | frozenset(("div", "li", "dt", "dd", "tr", "caption", "figcaption", "summary",
                                 "dialog", "tbody", "thead", "tfoot", "body"))
_SKIP_SELECTOR = ", ".join(sorted(_SKIP))
_BLOCK_SELECTOR = ", ".join(sorted(_BLOCK - {"body"}))
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_META_NAMES = {"description": "description", "author": "author", "keywords": "keywords",
               "generator": "generator", "dc.title": "title", "og:title": "og_title"}


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML or XHTML file names for itself in its first bytes, if any."""
    head = data[:4096]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii") if m else None


def _hidden(node: Any) -> bool:
    attrs = node.attributes
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


# Break marks planted in the tree before its text is read in one go (Unicode private use:
# never meaningful in real text, and removed from the input first).
_PARA, _LINE, _TAB = "\ue000", "\ue001", "\ue002"
_MARKS = re.compile("[\ue000-\ue002]")
_WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")
_BREAK_RUN = re.compile("[ \ue000\ue001]*[\ue000\ue001][ \ue000\ue001]*")
_EDGE_TABS = re.compile("^[ \ue002]+|[ \ue002]+$", re.M)
# Tags that real pages close explicitly; a long run of them open at once is hostile nesting,
# which lexbor builds in time quadratic in the depth (20,000 levels take seconds).
_NESTING_TAG = re.compile(r"<(/?)(div|span|section|article|blockquote|table|ul|ol|b|i|em|strong|a|font)\b",
                          re.I)
MAX_NESTING = 4000


def _nesting_depth(html: str) -> int:
    """The deepest run of explicitly closed elements, estimated from the tags alone."""
    if html.count("<") < MAX_NESTING:
        return 0
    depth = deepest = 0
    for m in _NESTING_TAG.finditer(html):
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _find_headings(text: str, headings: list[tuple[int, str]]) -> list[tuple[int, int, str]]:
    """(offset, level, title) of each heading found at a line start of ``text``, in order."""
    found: list[tuple[int, int, str]] = []
    position = 0
    for level, title in headings:
        at = text.find(title, position)
        while at > 0 and text[at - 1] != "\n":
            at = text.find(title, at + 1)
        if at >= 0:
            found.append((at, level, title))
            position = at + len(title)
    return found


def _visible_text(root: Any) -> tuple[str, list[tuple[int, int, str]]]:
    """The text a reader sees, with line breaks where blocks begin and end; and its headings
    as (offset, level, title).

    Marks are planted around blocks and cells, the text is read by lexbor in one call, and
    each run of marks and spaces becomes one break: a blank line if a paragraph-like block
    is involved, else a newline. Python never walks the tree node by node.
    """
    for node in root.css(_SKIP_SELECTOR):  # one pass over the tree, not one per tag name
        node.decompose()
    for node in root.css("[hidden], [aria-hidden], [style]"):
        if _hidden(node):
            node.decompose()
    headings = [(int(node.tag[1]), tidy(node.text(deep=True))) for node in root.css("h1, h2, h3, h4, h5, h6")]
    for node in root.css("pre"):
        # Preformatted line ends survive as marks; whitespace is collapsed everywhere after this.
        node.insert_before(_PARA + node.text(deep=True).replace("\n", _LINE) + _PARA)
        node.decompose()
    for node in root.css("br"):
        node.insert_before(_LINE)
    for node in root.css(_BLOCK_SELECTOR):
        mark = _PARA if node.tag in _PARAGRAPH else _LINE
        node.insert_before(mark)
        node.insert_after(mark)
    for node in root.css("td, th"):
        node.insert_before(_TAB)
    text = _WHITESPACE.sub(" ", root.text(deep=True))
    text = _BREAK_RUN.sub(lambda m: "\n\n" if _PARA in m.group() else "\n", text)
    text = tidy(_EDGE_TABS.sub("", text).replace(_TAB, "\t"))
    return text, _find_headings(text, [(level, title) for level, title in headings if title])


def html_to_parsed(html: str, fmt: str = "html") -> Parsed:
    """Visible text, title and meta tags of an HTML document (broken markup is repaired)."""
    from selectolax.lexbor import LexborHTMLParser

    depth = _nesting_depth(html)
    if depth > MAX_NESTING:
        raise ItemError(f"the HTML nests elements about {depth} levels deep, far beyond any real page; "
                        "refused so it cannot stall the batch")
    tree = LexborHTMLParser(_MARKS.sub("", html))
    parsed = Parsed(fmt)
    title_node = tree.css_first("title")
    title = tidy(title_node.text()) if title_node is not None else ""
    if not title:
        h1 = tree.css_first("h1")
        title = tidy(h1.text()) if h1 is not None else ""
    if title:
        parsed.metadata["title"] = title
    root = tree.root
    if root is not None and root.attributes.get("lang"):
        parsed.metadata["language"] = root.attributes["lang"]
    for meta in tree.css("meta[name], meta[property]"):
        key = (meta.attributes.get("name") or meta.attributes.get("property") or "").lower()
        content = (meta.attributes.get("content") or "").strip()
        if key in _META_NAMES and content and _META_NAMES[key] not in parsed.metadata:
            parsed.metadata[_META_NAMES[key]] = content
    body = tree.body or root
    text, headings = _visible_text(body) if body is not None else ("", [])
    parsed.sections = [text]
    parsed.headings = [(0, offset, level, title) for offset, level, title in headings]
    parsed.details["links"] = len(tree.css("a[href]"))
    return parsed


def parse_html(path: Path, limits: Limits, report: Progress) -> Parsed:
    """An HTML file: encoding from its BOM or meta tag (else detected), then its visible text."""
    data, _ = read_source(path, limits)
    text, encoding = decode_text(data, declared_charset(data))
    parsed = html_to_parsed(text)
    parsed.details["encoding"] = encoding
    if not parsed.sections[0]:
        parsed.warnings.append("no visible text in this page")
    return parsed


# ------------------------------------------------------------------ EPUB

_DC = "{http://purl.org/dc/elements/1.1/}"
_OPF = "{http://www.idpf.org/2007/opf}"
_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_ENC = "{http://www.w3.org/2001/04/xmlenc#}"
_FONT_OBFUSCATION = ("http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC")
_HTML_TYPES = ("application/xhtml+xml", "text/html")


def _xml(zf: zipfile.ZipFile, name: str) -> Any:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        return fromstring(zf.read(name))
    except KeyError:
        raise ItemError(f"not a valid EPUB: {name} is missing") from None
    except (ParseError, DefusedXmlException) as exc:
        raise ItemError(f"not a valid EPUB: {name} cannot be read ({exc})") from None


def _encrypted_paths(zf: zipfile.ZipFile) -> set[str]:
    """Files under DRM; obfuscated fonts are listed in the same place and are harmless."""
    if "META-INF/encryption.xml" not in zf.namelist():
        return set()
    root = _xml(zf, "META-INF/encryption.xml")
    paths = set()
    for data in root.iter(f"{_ENC}EncryptedData"):
        method = data.find(f"{_ENC}EncryptionMethod")
        algorithm = method.get("Algorithm", "") if method is not None else ""
        ref = data.find(f".//{_ENC}CipherReference")
        if ref is not None and algorithm not in _FONT_OBFUSCATION:
            paths.add(unquote(ref.get("URI", "")))
    return paths


def _epub_metadata(opf: Any) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    block = opf.find(f"{_OPF}metadata")
    if block is None:
        return meta
    for tag, name in (("title", "title"), ("language", "language"), ("publisher", "publisher"),
                      ("date", "date"), ("identifier", "identifier"), ("description", "description")):
        node = block.find(f"{_DC}{tag}")
        if node is not None and (node.text or "").strip():
            meta[name] = node.text.strip()
    creators = [c.text.strip() for c in block.findall(f"{_DC}creator") if (c.text or "").strip()]
    if creators:
        meta["author"] = "; ".join(creators)
    return meta


def parse_epub(path: Path, limits: Limits, report: Progress) -> Parsed:
    """An EPUB's chapters in reading (spine) order, each through the HTML path, and its metadata."""
    with open_source(path) as fh:
        try:
            zf = zipfile.ZipFile(fh)
        except zipfile.BadZipFile:
            raise ItemError("not a valid EPUB (it is not a zip package); the file is damaged or "
                            "not an e-book") from None
        with zf:
            check_zip(zf, limits, "EPUB")
            container = _xml(zf, "META-INF/container.xml")
            rootfile = container.find(f".//{_CONTAINER}rootfile")
            if rootfile is None or not rootfile.get("full-path"):
                raise ItemError("not a valid EPUB: META-INF/container.xml names no package file")
            opf_path = rootfile.get("full-path", "")
            opf = _xml(zf, opf_path)
            base = posixpath.dirname(opf_path)
            manifest = {item.get("id"): item for item in opf.iter(f"{_OPF}item")}
            spine = [ref.get("idref") for ref in opf.iter(f"{_OPF}itemref")]
            drm = _encrypted_paths(zf)
            parsed = Parsed("epub", section_kind="chapter", metadata=_epub_metadata(opf))
            missing = 0
            for n, idref in enumerate(spine):
                report(n / max(1, len(spine)), f"chapter {n + 1} of {len(spine)}")
                item = manifest.get(idref)
                if item is None or item.get("media-type") not in _HTML_TYPES:
                    continue
                name = posixpath.normpath(posixpath.join(base, unquote(item.get("href", ""))))
                if name in drm:
                    raise ItemError("this EPUB is DRM-protected (its chapters are encrypted); "
                                    "parse cannot read it")
                try:
                    data = zf.read(name)
                except KeyError:
                    missing += 1
                    continue
                text, _ = decode_text(data, declared_charset(data))
                chapter = html_to_parsed(text)
                if chapter.sections[0]:
                    parsed.headings += [(len(parsed.sections), *h[1:]) for h in chapter.headings]
                    parsed.sections.append(chapter.sections[0])
    if missing:
        parsed.warnings.append(f"{missing} chapter(s) listed in the book are missing from the file")
    if not parsed.sections:
        parsed.warnings.append("no chapter with text was found")
    parsed.details["chapters"] = len(parsed.sections)
    return parsed
