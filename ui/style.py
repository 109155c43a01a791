"""The visual language: white and light grey, one accent (Party red) used sparingly."""

PARTY_RED = "#C8161D"

STYLE = f"""
QMainWindow, QDialog {{ background: #FFFFFF; }}
#nav {{ background: #F4F4F4; border: none; border-right: 1px solid #E0E0E0; font-size: 11pt; }}
#nav::item {{ padding: 10px 14px; }}
#nav::item:selected, #nav::item:selected:!active {{ background: {PARTY_RED}; color: white; }}
#banner {{ background: {PARTY_RED}; }}
#banner QLabel {{ color: white; font-size: 12pt; }}
#banner QPushButton {{ color: white; background: transparent; border: 1px solid #E88A8E; }}
#banner QPushButton:hover {{ background: #A81218; }}
QPushButton {{ padding: 5px 14px; border: 1px solid #C8C8C8; border-radius: 3px; background: #FAFAFA; }}
QPushButton:hover {{ background: #F0F0F0; }}
QPushButton#primary {{ background: {PARTY_RED}; color: white; border-color: {PARTY_RED}; }}
QPushButton:disabled {{ color: #999; background: #F3F3F3; }}
QPushButton#primary:disabled {{ color: #FFF; background: #E6A5A8; border-color: #E6A5A8; }}
QTableView {{ gridline-color: #E6E6E6; selection-background-color: #FBE3E4; selection-color: black;
              alternate-background-color: #FAFAFA; }}
QHeaderView::section {{ background: #F2F2F2; padding: 4px 6px; border: none;
                        border-right: 1px solid #DDD; border-bottom: 1px solid #DDD; }}
QLineEdit, QComboBox, QSpinBox, QDateEdit {{ padding: 3px 6px; border: 1px solid #C8C8C8; border-radius: 3px; }}
QGroupBox {{ font-weight: bold; border: 1px solid #E0E0E0; border-radius: 4px; margin-top: 12px; padding-top: 8px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; }}
QProgressBar {{ border: 1px solid #C8C8C8; border-radius: 3px; text-align: center; background: #FAFAFA; }}
QProgressBar::chunk {{ background: #2E7D32; }}
#tile {{ background: #FAFAFA; border: 1px solid #E3E3E3; border-radius: 4px; }}
#tile:hover {{ border-color: {PARTY_RED}; }}
QStatusBar {{ background: #F4F4F4; color: #444; }}
"""
