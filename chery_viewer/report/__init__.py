"""The fact sheet on paper, layered like ReportLab's platypus. Import the submodules directly;
this package imports no Qt.

========================  =====================================================================
``geometry``              paper sizes, margins, ``PageInfo`` and ``Frame`` (layout pixels; no Qt)
``canvas``                ``Canvas``: the painter, the document's fonts, measuring and drawing
``flowables``             ``Flowable`` (``wrap``, ``split``, ``draw``) and ``Flow`` (no Qt)
``blocks/``               the flowables: ``text``, ``kpi``, ``charts``, ``tables``, ``cards``
``columns``               the table column-width solver (no Qt)
``paginate``              ``paginate(frames, story)``: blocks into frames and pages (no Qt)
``templates``             ``PageTemplate`` (frames + on-page furniture), ``DocTemplate`` (no Qt)
``full_report``           the full report: its template, its story, ``paint_document``
``pdfmeta``               XMP, bookmarks, links, fixed dates and ID (no Qt)
``pdf``                   ``export_pdf`` / ``render_pdf_bytes``: the file, written atomically
``printing``              the printer and the print preview
========================  =====================================================================

Adding a layout (the two-page fact sheet, say) over the same blocks::

    from chery_viewer.report.canvas import Canvas, prepare_painter
    from chery_viewer.report.geometry import Frame
    from chery_viewer.report.templates import DocTemplate, PageTemplate

    def columns(page):                       # two frames per page, filled left then right
        half = (page.content_width - 24) / 2
        return [Frame(page.left, page.top, half, page.bottom),
                Frame(page.left + half + 24, page.top, half, page.bottom)]

    def furniture(canvas, context):          # header and footer, once the page's blocks are drawn
        canvas.draw_line(context.page.left, context.page.bottom + 20, f"{context.number}", ...)

    HANDOUT = PageTemplate("handout", columns, furniture)

    prepare_painter(painter)
    c = Canvas(painter, page, theme)
    doc = DocTemplate(page, HANDOUT)
    width = doc.frames[0].width              # blocks are measured for the frame they flow into
    story = [(section.title, [KpiRow(c, section.kpis, width), *chart_blocks(c, section.charts, width)])
             for section in sections]
    layout = doc.build(c, story, writer.newPage)   # -> DocumentLayout for pdfmeta.post_process

The paginator, the templates and the column solver are tested on fake blocks without Qt
(``tests/report/test_paginate.py``, ``tests/report/test_columns.py``).
"""
