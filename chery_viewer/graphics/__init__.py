"""The drawing layer both faces share: themes, fonts, chart scenes and the one QApplication.

No widgets and no global state: a chart is built from a ``ChartSpec`` with an explicit theme
and font (:class:`~chery_viewer.graphics.chart.ChartScene`) and drawn into any painter and
rectangle (:func:`~chery_viewer.graphics.render.render_chart`). The window's ``ChartView``
and the paper renderer in :mod:`chery_viewer.report` both stand on it; it imports only
``chery_viewer.core`` (checked by import-linter, see ``pyproject.toml``).

Modules: ``theme`` (palette and colour rules, no Qt), ``fonts`` (the bundled CJK font and the
families per language), ``application`` (the QApplication factory), ``axes`` (number axes),
``chart`` (the scene), ``render`` (painting a scene with no widget on screen).
"""
