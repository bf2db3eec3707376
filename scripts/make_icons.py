"""Draw the app icons (PNG) that the manifest and iOS name; run once when the design changes and
commit the files: `python scripts/make_icons.py`."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "src" / "vernetzt" / "web" / "static" / "vernetzt" / "icons"
THEME = (31, 95, 139)
NODES = [(0.5, 0.28), (0.26, 0.64), (0.74, 0.64), (0.5, 0.5)]
EDGES = [(0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3)]


def draw(size: int, *, inset: float, rounded: bool) -> Image.Image:
    """Four people, all connected: the network on a blue tile. ``inset`` keeps the drawing inside the
    safe zone of maskable icons (Android crops them to a circle)."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    canvas = ImageDraw.Draw(image)
    radius = size // 5 if rounded else 0
    canvas.rounded_rectangle((0, 0, size - 1, size - 1), radius=radius, fill=THEME)
    span = size * (1 - 2 * inset)

    def at(point):
        return (size * inset + point[0] * span, size * inset + point[1] * span)

    for a, b in EDGES:
        canvas.line([at(NODES[a]), at(NODES[b])], fill=(255, 255, 255, 200), width=max(2, size // 40))
    for index, node in enumerate(NODES):
        x, y = at(node)
        r = span * (0.11 if index < 3 else 0.075)
        canvas.ellipse((x - r, y - r, x + r, y + r), fill="white" if index < 3 else (255, 210, 90))
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    draw(192, inset=0.12, rounded=True).save(OUT / "icon-192.png", optimize=True)
    draw(512, inset=0.12, rounded=True).save(OUT / "icon-512.png", optimize=True)
    draw(512, inset=0.22, rounded=False).save(OUT / "maskable-512.png", optimize=True)
    # iOS draws its own rounded corners and shows transparency as black: a full square.
    draw(180, inset=0.14, rounded=False).convert("RGB").save(OUT / "apple-touch-icon.png", optimize=True)


if __name__ == "__main__":
    main()
