"""Draw the application icon: a red rounded square, a thin gold ring inside its edge,
两新 in white. Run once and commit the result (resources/icons/liangxin.png and .ico);
the build only reads the files.

    python scripts/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
RED = (200, 16, 46, 255)  # 中国红, as on Party-building materials
GOLD = (255, 205, 80, 255)
WHITE = (255, 255, 255, 255)
SIZE = 1024  # drawn large and scaled down: smooth edges at every icon size
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw(size: int = SIZE) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    margin = size // 32
    pen.rounded_rectangle((margin, margin, size - margin, size - margin), radius=size // 5, fill=RED)
    ring = size // 14
    pen.rounded_rectangle(
        (ring, ring, size - ring, size - ring), radius=size // 6, outline=GOLD, width=max(2, size // 64)
    )
    font = ImageFont.truetype(str(FONT), int(size * 0.40))
    # Two characters side by side would be too small at 16 px: stacked, each fills half.
    for text, centre in (("两", 0.33), ("新", 0.69)):
        pen.text(
            (size / 2, size * centre),
            text,
            font=font,
            fill=WHITE,
            anchor="mm",
            stroke_width=size // 90,
            stroke_fill=WHITE,
        )  # stroked: a heavier face, legible at 16 px
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "liangxin.png", optimize=True)
    big.save(OUT / "liangxin.ico", sizes=ICO_SIZES)
    print(f"wrote {OUT / 'liangxin.png'} and {OUT / 'liangxin.ico'}")


if __name__ == "__main__":
    main()
