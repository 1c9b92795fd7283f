"""report.html: the report's content (report_view.py) in one self-contained page, with the chart.

Jinja with autoescaping on (YAML text reaches the page); the chart is matplotlib's SVG, inlined, so
the page loads nothing from anywhere: no script, no font, no stylesheet, no image file.
"""
from __future__ import annotations

import functools


import jinja2
from markupsafe import Markup

from spellgen.budget.caplines import CapLine
from spellgen.review.chart import cached_chart_svg
from spellgen.spellfile.model import Spell
from spellgen.review.report_view import ReportView, assumptions_lead
from spellgen.review.summary import cumulative_series, spell_time
from spellgen.resources import templates_dir

TEMPLATES = templates_dir()


@functools.lru_cache(maxsize=1)  # one per process: jinja compiles each template once per environment
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every value from the YAML is text, never markup
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def is_web_link(text: str) -> bool:
    """Only plain https/http addresses become anchors (never javascript: or data:)."""
    return (text.startswith("https://") or text.startswith("http://")) and " " not in text


def html(view: ReportView, spell: Spell, caps: list[CapLine]) -> str:
    svg = cached_chart_svg(cumulative_series(spell), caps, spell_time(spell))
    template = _environment().get_template("report.html.j2")
    # The SVG comes from matplotlib, which escapes the labels it writes; it is trusted markup here.
    return template.render(v=view, chart=Markup(svg), caps=caps, is_web_link=is_web_link,
                           assumptions_lead=assumptions_lead)
