"""report.html in a real browser: headless Chromium (Debian's, installed by `make test`) renders the
page and the chart in it.

The test SKIPS, saying why, only when no chromium is installed (for instance when `make test`
could not install it: the reason it recorded is quoted). It never passes without a browser.
"""
import os
import shutil
import subprocess
from pathlib import Path

import numpy
import pytest
from PIL import Image

from spellgen.cli import review as report_cli
from spellgen.review.chart import COLOURS

ROOT = Path(__file__).resolve().parents[2]
NOTE = ROOT / ".tools/chromium-unavailable"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WIDTH, HEIGHT = 1200, 2400


def chromium() -> str:
    for candidate in (os.environ.get("SPELLGEN_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    why = NOTE.read_text().strip() if NOTE.exists() else "`make test` installs it (apt-get install chromium)"
    pytest.skip(f"no chromium to open report.html: {why}")


def run_browser(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"  # a new empty one each time
    profile.mkdir()
    return subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                          timeout=180, cwd=tmp_path)


def screenshot(tmp_path: Path, page: Path, name: str) -> Image.Image:
    png = tmp_path / name
    result = run_browser(tmp_path, f"--screenshot={png}", f"--window-size={WIDTH},{HEIGHT}", page.as_uri())
    assert png.exists(), result.stderr.decode(errors="replace")[-2000:]
    return Image.open(png).convert("RGB")


def count(image: Image.Image, colour: str, tolerance: int = 40) -> int:
    """Pixels within `tolerance` of `colour` in every channel (anti-aliased edges count too)."""
    target = numpy.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
    pixels = numpy.asarray(image, dtype=numpy.int32)
    return int(numpy.all(numpy.abs(pixels - target) <= tolerance, axis=2).sum())


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("reports")
    specs = {"streams": ("examples/techops-2022-01-28.yaml", ["--budget", str(ROOT / "examples/budgets/techops.yaml")]),
             "no-streams": ("examples/techops-2022-12-09.yaml", [])}
    for name, (spec, extra) in specs.items():
        assert report_cli.main(["report", str(ROOT / spec), "--out", str(out / name), *extra]) == 0
    return {name: out / name / "report.html" for name in specs}


def test_chromium_parses_the_page_with_the_chart_in_it(pages, tmp_path):
    result = run_browser(tmp_path, "--dump-dom", pages["streams"].as_uri())
    dom = result.stdout.decode()
    assert "<h1>Spell report: techops-2022-01-28.yaml</h1>" in dom, result.stderr.decode(errors="replace")[-2000:]
    # The browser built the SVG into the document (an SVG it could not parse would not be there).
    assert '<figure id="chart">' in dom and "<svg " in dom and "</svg>" in dom
    assert dom.count('<g id="line2d_') > 10  # the recipient's curve, the caps, the grid
    assert "2,486,400 DAI" in dom and "Totals per token" in dom


def test_the_chart_is_drawn_on_screen(pages, tmp_path):
    image = screenshot(tmp_path, pages["streams"], "streams.png")
    assert image.size == (WIDTH, HEIGHT)
    # Not a blank page: text and table borders.
    assert len(image.getcolors(maxcolors=WIDTH * HEIGHT)) > 50
    # The recipient's curve (first colour) and the two cap lines (the next colours) are on screen.
    assert count(image, COLOURS[0]) > 400, "the recipient's cumulative curve is not drawn"
    assert count(image, COLOURS[1]) > 100, "the annual cap line is not drawn"
    assert count(image, COLOURS[2]) > 100, "the monthly cap line is not drawn"


def test_without_streams_there_is_no_curve_colour_on_screen(pages, tmp_path):
    # The control for the test above: those pixels come from the chart, not from the page's styling.
    image = screenshot(tmp_path, pages["no-streams"], "no-streams.png")
    assert len(image.getcolors(maxcolors=WIDTH * HEIGHT)) > 50
    assert count(image, COLOURS[0]) < 20
