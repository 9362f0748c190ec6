"""The fact sheet on paper: PDF export (``pdf``) and printing with preview (``printing``).

Both draw the same ``SectionContent`` as the window, through one painting routine,
``pdf.paint_document``. Import the submodules directly; this package imports no Qt.
"""
