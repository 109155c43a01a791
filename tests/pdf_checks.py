"""Checks on printed PDFs shared by the tests."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def assert_fonts_embedded(pdf: Path) -> None:
    """Every font any page uses is embedded (no reliance on the reader's fonts)."""
    for page in PdfReader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                if "/DescendantFonts" in font
                else font.get("/FontDescriptor")
            )
            assert descriptor is not None, f"{font['/BaseFont']} is not embedded"
            descriptor = descriptor.get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
