"""Minimal Word (.docx) and LibreOffice (.odt) documents written with zipfile,
so the tests need neither Word nor LibreOffice. A document is a list of
blocks in reading order:
  ("p", text)                 a paragraph
  ("p+note", text, note)      a paragraph calling a footnote (its text: note)
  ("table", [[cell, ...], ...])  a table, each cell one paragraph
  ("page",)                   a page break (Word: a paragraph holding one;
                              LibreOffice: a soft page break)
The text lexfr should extract is the paragraphs in that order, each note
after its paragraph, cells row by row, a blank line between paragraphs:
reading_order(blocks)."""
import io
import zipfile
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def reading_order(blocks):
    out = []
    for block in blocks:
        if block[0] == "p":
            out.append(block[1])
        elif block[0] == "p+note":
            out += [block[1], block[2]]
        elif block[0] == "table":
            out += [cell for row in block[1] for cell in row]
    return "\n\n".join(out)


def _word_runs(text):
    """The text in two runs cut at a space, the space kept with
    xml:space="preserve", as Word writes it after an edit."""
    cut = text.find(" ")
    if cut < 0:
        return f"<w:r><w:t>{escape(text)}</w:t></w:r>"
    return (f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{escape(text[:cut + 1])}</w:t></w:r>'
            f"<w:r><w:t>{escape(text[cut + 1:])}</w:t></w:r>")


def _word_paragraph(text, extra=""):
    # A tab stop in the properties, as Word writes them: not a tab of the text.
    return (f'<w:p><w:pPr><w:pStyle w:val="Normal"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
            f"{_word_runs(text)}{extra}</w:p>")


def docx_bytes(blocks, *, document_xml=None):
    body, notes = [], []
    for block in blocks:
        if block[0] == "p":
            body.append(_word_paragraph(block[1]))
        elif block[0] == "p+note":
            note_id = len(notes) + 1
            ref = f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{note_id}"/></w:r>'
            body.append(_word_paragraph(block[1], ref))
            notes.append(f'<w:footnote w:id="{note_id}"><w:p><w:r><w:footnoteRef/></w:r>'
                         f'{_word_runs(block[2])}</w:p></w:footnote>')
        elif block[0] == "page":
            body.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
        else:
            rows = "".join("<w:tr>" + "".join(f"<w:tc><w:tcPr/>{_word_paragraph(c)}</w:tc>" for c in row) + "</w:tr>"
                           for row in block[1])
            body.append(f"<w:tbl><w:tblPr/>{rows}</w:tbl>")
    document = document_xml or (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}">'
                                 f'<w:body>{"".join(body)}<w:sectPr/></w:body></w:document>')
    footnotes = (f'<?xml version="1.0" encoding="UTF-8"?>\n<w:footnotes xmlns:w="{W}">'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 f'{"".join(notes)}</w:footnotes>')
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                               'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                       'relationships"/>',
        "word/document.xml": document,
        "word/footnotes.xml": footnotes,
    }
    return _zip(parts)


def odt_bytes(blocks, *, mimetype="application/vnd.oasis.opendocument.text", manifest_extra=""):
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')
    body = []
    for i, block in enumerate(blocks):
        if block[0] == "p":
            # The first paragraph a heading; spans and pretty-printing
            # white space, which ODF reads as one space.
            tag = "text:h" if i == 0 else "text:p"
            body.append(f'<{tag}>{_odt_spans(block[1])}</{tag}>')
        elif block[0] == "p+note":
            note = (f'<text:note text:id="ftn{i}" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
                    f"<text:note-body><text:p>{escape(block[2])}</text:p></text:note-body></text:note>")
            body.append(f"<text:p>{_odt_spans(block[1])}{note}</text:p>")
        elif block[0] == "page":
            body.append("<text:soft-page-break/>")
        else:
            rows = "".join("<table:table-row>" + "".join(
                f"<table:table-cell><text:p>{escape(c)}</text:p></table:table-cell>" for c in row) +
                "</table:table-row>" for row in block[1])
            body.append(f'<table:table table:name="T1"><table:table-column/>{rows}</table:table>')
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ns}><office:body><office:text>'
               f'<text:sequence-decls/>\n  {chr(10).join(body)}\n</office:text></office:body></office:document-content>')
    manifest = ('<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
                f'manifest:1.0"><manifest:file-entry manifest:full-path="content.xml">{manifest_extra}'
                '</manifest:file-entry></manifest:manifest>')
    return _zip({"mimetype": mimetype, "content.xml": content, "META-INF/manifest.xml": manifest})


def _odt_spans(text):
    """Two spaces in a row are written <text:s/> as LibreOffice does; the
    first word in a span."""
    head, _, tail = text.partition(" ")
    inner = escape(head) + (" " + escape(tail) if tail else "")
    return inner.replace("  ", " <text:s/>").replace(escape(head), f'<text:span text:style-name="T1">{escape(head)}</text:span>', 1)


def _zip(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            # The ODF mimetype comes first and stored, as the format asks.
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(zipfile.ZipInfo(name), data, compress_type=method)
    return buffer.getvalue()
