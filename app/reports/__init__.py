"""Print-outs (PDF through reportlab) and spreadsheets (xlsx through openpyxl)."""
