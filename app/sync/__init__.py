"""Data exchange (数据交换): keys, packages up to the district, receipts back."""
