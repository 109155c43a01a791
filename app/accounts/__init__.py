"""Accounts, roles and who may do what (issue 18)."""
