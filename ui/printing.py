"""Sending a printed PDF to a printer from the window: Qt's print dialog, or its
preview, showing the real PDF — each page rendered by PDFium at the printer's
resolution, in the page's own orientation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget


def render_pdf(pdf: Path, printer: QPrinter) -> int:
    """Paint every page of ``pdf`` onto ``printer``; returns the number of pages."""
    import pypdfium2 as pdfium  # loaded on first print

    document = pdfium.PdfDocument(str(pdf))
    painter = QPainter()
    try:
        for number in range(len(document)):
            page = document[number]
            width, height = page.get_size()
            orientation = (
                QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
            )
            printer.setPageOrientation(orientation)
            if number == 0:
                if not painter.begin(printer):
                    return 0
            else:
                printer.newPage()
            scale = max(printer.resolution(), 72) / 72
            bitmap = page.render(scale=min(scale, 4.0))
            image = bitmap.to_pil().convert("RGB")
            qimage = QImage(
                image.tobytes(), image.width, image.height, image.width * 3, QImage.Format.Format_RGB888
            )
            area = painter.viewport()
            fitted = qimage.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(QRect(area.x(), area.y(), fitted.width(), fitted.height()))
            painter.setWindow(qimage.rect())
            painter.drawImage(0, 0, qimage)
            painter.setViewport(area)
            painter.setWindow(area)
        return len(document)
    finally:
        if painter.isActive():
            painter.end()
        document.close()


def print_pdf(parent: QWidget, pdf: Path) -> bool:
    """Qt's print dialog for an existing PDF; True when it was sent."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return render_pdf(pdf, printer) > 0


def preview_pdf(parent: QWidget, pdf: Path) -> None:
    """Qt's print preview of the real PDF, from which it can be printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    preview = QPrintPreviewDialog(printer, parent)
    preview.paintRequested.connect(lambda p: render_pdf(pdf, p))
    preview.resize(1000, 800)
    preview.exec()
