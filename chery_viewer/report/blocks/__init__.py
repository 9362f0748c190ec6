"""The report's flowables, one module per family: text and headings, KPI cards, charts, tables,
cards and notes. Each is measured on a :class:`~chery_viewer.report.canvas.Canvas` for a width
and draws itself on one; a page template decides where."""
