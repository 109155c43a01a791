"""台账 in and out: an office's Excel/WPS ledgers read into the registers (reading,
header and column mapping, values as offices write them, a dry run, the import as one
transaction, its history and undo) and any register written out as a workbook."""
