"""The chart in report.html: each recipient's cumulative claimable amount over time, as inline SVG.

Drawn with matplotlib's Agg/SVG machinery (no display needed). The output is byte-identical for
the same spell: a fixed hash salt for the SVG ids, no date or creator in the metadata, glyphs as
paths (the bundled DejaVu font, no system font lookup). Exact Decimal amounts become floats only
here, as plotting coordinates.
"""
from __future__ import annotations

import hashlib
import io
import warnings
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from spellgen.budget.caplines import CapLine
from spellgen.review.summary import Series

if TYPE_CHECKING:  # matplotlib itself is imported when a chart is drawn
    from matplotlib.typing import RcKeyType

COLOURS = ["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989", "#0a7f8f", "#57606a"]
RC: dict[RcKeyType, str | bool] = {
    "svg.hashsalt": "spellgen",  # ids from a fixed salt, not a random one
    "svg.fonttype": "path",  # text as paths: no dependence on the viewer's fonts
    "font.family": "DejaVu Sans",  # ships with matplotlib, so every machine draws the same glyphs
    "timezone": "UTC",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "path.simplify": False,
}


def _when(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, tz=timezone.utc)


def _tokens(series: list[Series], caps: list[CapLine]) -> list[str]:
    return sorted({s.token for s in series} | {c.token for c in caps if any(s.token == c.token for s in series)})


def chart_svg(series: list[Series], caps: list[CapLine], spell_time: int) -> str:
    """An <svg> element (no XML prolog) with one panel per token; "" when the spell streams nothing."""
    if not series:
        return ""
    import matplotlib

    matplotlib.use("Agg", force=True)  # headless: never look for a display
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    tokens = _tokens(series, caps)
    # matplotlib warns about layout and legends with many streams; the report is fine, and a
    # library's warning must not reach the user's terminal.
    with warnings.catch_warnings(), matplotlib.rc_context(RC):
        warnings.simplefilter("ignore")
        fig, axes = plt.subplots(len(tokens), 1, figsize=(9, 4.2 * len(tokens)), squeeze=False)
        try:
            for ax, token in zip((row[0] for row in axes), tokens):
                _panel(ax, token, [s for s in series if s.token == token], [c for c in caps if c.token == token],
                       spell_time, mdates)
            fig.tight_layout()
            buffer = io.StringIO()
            fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        finally:
            plt.close(fig)
    return _inline(buffer.getvalue())


def _panel(ax, token: str, series: list[Series], caps: list[CapLine], spell_time: int, mdates) -> None:
    for i, s in enumerate(series):
        xs = [_when(t) for t, _ in s.points]
        ys = [float(v) for _, v in s.points]
        ax.plot(xs, ys, color=COLOURS[i % len(COLOURS)], linewidth=2, label=s.recipient)
    for i, cap in enumerate(caps):
        ax.plot([_when(t) for t, _ in cap.points], [float(v) for _, v in cap.points], linestyle="--",
                linewidth=1.2, color=COLOURS[(len(series) + i) % len(COLOURS)], label=cap.label)
    ax.axvline(_when(spell_time), color="#57606a", linestyle=":", linewidth=1, label="spell date")
    ax.set_title(f"Cumulative {token} claimable from the new streams (UTC)", fontsize=11, loc="left")
    ax.set_ylabel(token)
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_formatter(matplotlib_thousands())
    locator = mdates.AutoDateLocator(tz=timezone.utc)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, tz=timezone.utc))
    ax.grid(True, color="#d0d7de", linewidth=0.6)
    # Below the axes, so it never hides a curve or a cap line.
    ax.legend(loc="upper left", bbox_to_anchor=(0, -0.12), ncol=1, fontsize=8, frameon=False)


def matplotlib_thousands():
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _: f"{value:,.0f}" if abs(value) >= 10 or value == 0 else f"{value:,.2f}")


def _inline(svg: str) -> str:
    """Drop the XML prolog and DOCTYPE so the SVG can sit inside HTML."""
    start = svg.index("<svg")
    return svg[start:].strip() + "\n"


def cached_chart_svg(series: list[Series], caps: list[CapLine], spell_time: int) -> str:
    """chart_svg, remembered under .cache/chart by a hash of its inputs, this module's code and
    matplotlib's version: simulating an unchanged spell again draws nothing, so it does not load
    matplotlib (0.4 s of CPU, a third of a warm `simulate`)."""
    if not series:
        return ""
    from importlib.util import find_spec

    from spellgen.compiler.toolchain import cache_dir
    from spellgen.files import write_atomic

    # matplotlib's version without importing it (importlib.metadata scans every installed package).
    spec = find_spec("matplotlib")
    where = Path(spec.origin).parent / "_version.py" if spec and spec.origin else None
    matplotlib_version = where.read_text() if where and where.is_file() else str(where)
    key = hashlib.sha256(repr((series, caps, spell_time, RC, COLOURS, matplotlib_version,
                               Path(__file__).read_text())).encode()).hexdigest()
    path = cache_dir() / "chart" / f"{key}.svg"
    try:
        return path.read_text()
    except OSError:
        svg = chart_svg(series, caps, spell_time)
        write_atomic(path, svg)
        return svg
