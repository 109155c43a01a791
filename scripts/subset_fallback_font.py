"""One-off: how resources/fonts/LiangxinHan{A,B}.ttf were made (not run by the program).

The main font lacks CJK Extension A and B, so names such as 王䶮 and 𠮷祥 lost a
character on paper and on screen. HanaMinA/B (Debian ``fonts-hanazono``) cover them;
shipped whole they would be 53 MB, so they are cut down to the characters the main
font lacks, renamed (the OFL reserves the HanaMin names for the originals) and kept
as TrueType glyf outlines, which reportlab can embed.

    apt-get download fonts-hanazono && dpkg-deb -x fonts-hanazono_*.deb hanazono
    pip install fonttools   # in a throw-away venv: not a dependency of the program
    python scripts/subset_fallback_font.py hanazono/usr/share/fonts/truetype/hanazono
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset  # type: ignore[import-not-found]
from fontTools.ttLib import TTCollection, TTFont  # type: ignore[import-not-found]

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
RANGES_A = [
    (0x2E80, 0x2FDF),  # radicals
    (0x31C0, 0x31EF),  # strokes
    (0x3400, 0x4DBF),  # Extension A
    (0x4E00, 0x9FFF),  # unified ideographs added after the main font was made
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x2A6DF),  # the Extension B characters HanaMinA carries
    (0x2F800, 0x2FA1F),  # compatibility supplement
]
RANGES_B = [(0x20000, 0x2A6DF)]  # the rest of Extension B


def make(source: Path, letter: str, ranges: list[tuple[int, int]], skip: set[int]) -> set[int]:
    font = TTFont(source)
    wanted = sorted(
        c for c in font.getBestCmap() if c not in skip and any(lo <= c <= hi for lo, hi in ranges)
    )
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = False
    options.drop_tables += ["DSIG", "GSUB", "GPOS", "GDEF", "vhea", "vmtx", "VORG", "FFTM"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    family, postscript = f"Liangxin Han {letter}", f"LiangxinHan{letter}"
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16, 17, 18, 21, 22):
            names.removeNames(nameID=record.nameID)
    for name_id, value in (
        (1, family),
        (2, "Regular"),
        (3, f"{postscript}-subset-2017"),
        (4, family),
        (6, postscript),
    ):
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)
    names.setName(
        f"Subset of HanaMin{letter} (Hanazono font, GlyphWiki Project, 20170904) made for liangxin: "
        "only the characters WenQuanYi Micro Hei lacks.",
        5,
        3,
        1,
        0x409,
    )
    font.save(FONTS / f"{postscript}.ttf")
    return set(wanted)


def main(folder: str) -> None:
    main_font = set(TTCollection(str(FONTS / "wqy-microhei.ttc")).fonts[0].getBestCmap())
    in_a = make(Path(folder) / "HanaMinA.ttf", "A", RANGES_A, main_font)
    make(Path(folder) / "HanaMinB.ttf", "B", RANGES_B, main_font | in_a)


if __name__ == "__main__":
    main(sys.argv[1])
