"""YAML must never be able to inject code: adversarial strings are refused with a located reason,
or escaped so well that the compiled bytecode (metadata hash off) equals that of plain strings."""
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adversarial import (DESCRIPTION, TEXT_FIELDS, adversarial_text, dangerous_but_valid_text, load, refused_fields,
                         spell_yaml)
from spellgen.spellfile import solidity
from spellgen.compiler.compile import CompiledSpell, SpellRequest, compile_many, compile_spell
from spellgen.render.spell import render

EXAMPLES = int(os.environ.get("SPELLGEN_FUZZ_EXAMPLES", "12"))
FIELD_PATHS = {"title": "sections[0].title", "link": "sections[0].links.forum",
               "comment": "sections[0].actions[0].comment"}
_baseline: dict[str, str] = {}


def compiled_code(source: str) -> str:
    compiled = compile_spell(source, "0.8.16", bytecode_hash="none")
    return compiled.spell.bytecode + compiled.action.deployed


def assert_all_compile_to_the_baseline(sources: list[str]) -> None:
    """Every example's spell, compiled in one standard-JSON input (issue 20), has the baseline's code."""
    for source, compiled in zip(sources, compile_many([SpellRequest(s, "0.8.16", "none") for s in sources])):
        assert isinstance(compiled, CompiledSpell), f"{compiled}\n--- the rendered spell ---\n{source}"
        assert compiled.spell.bytecode + compiled.action.deployed == baseline(), source


def baseline() -> str:
    if "code" not in _baseline:
        spell, _ = load(spell_yaml())
        _baseline["code"] = compiled_code(render(spell, "fuzz.yaml"))
    return _baseline["code"]


# Hypothesis draws the examples and checks what needs no compiler; the spells of the examples that
# render are then compiled together, in one standard-JSON input, and each compared with the baseline.

def test_adversarial_comments_never_change_the_code():
    sources: list[str] = []

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(title=adversarial_text, link=adversarial_text, comment=adversarial_text)
    def example(title, link, comment):
        spell, diags = load(spell_yaml(title, link, comment))
        if spell is None:
            # Refused: every error points at one of the adversarial fields, never elsewhere.
            assert diags.errors and refused_fields(diags) <= set(FIELD_PATHS.values()), [str(d) for d in diags]
            return
        sources.append(render(spell, "fuzz.yaml"))

    example()
    assert_all_compile_to_the_baseline(sources)


def test_comment_delimiters_quotes_and_code_in_text_are_harmless():
    sources: list[str] = []

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(title=dangerous_but_valid_text, link=dangerous_but_valid_text, comment=dangerous_but_valid_text)
    def example(title, link, comment):
        spell, diags = load(spell_yaml(title, link, comment))
        assert spell is not None, [str(d) for d in diags]  # nothing here needs refusing...
        sources.append(render(spell, "fuzz.yaml"))

    example()
    assert sources
    assert_all_compile_to_the_baseline(sources)  # ...because nothing here is code


@settings(max_examples=200, deadline=None, database=None)
@given(text=adversarial_text)
def test_refused_text_is_exactly_what_could_break_a_line(text):
    problem = solidity.text_problem(text)
    breaks = any(ch in text for ch in "\n\r\x85\u2028\u2029") or any(
        ch in text for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
    if breaks:
        assert problem is not None
    if problem is None:
        rendered = "// " + solidity.comment(text)
        assert len(rendered.splitlines()) == 1


def unescape_solidity(literal: str) -> str:
    """What solc makes of a double-quoted literal with \\\\ and \\" escapes (the only ones we emit)."""
    assert literal[0] == literal[-1] == '"'
    out, i, body = [], 0, literal[1:-1]
    while i < len(body):
        if body[i] == "\\":
            out.append(body[i + 1])
            i += 2
        else:
            assert body[i] != '"', "an unescaped quote would end the literal"
            out.append(body[i])
            i += 1
    return "".join(out)


@settings(max_examples=300, deadline=None, database=None)
@given(text=st.text(max_size=60) | adversarial_text)
def test_description_literal_round_trips_or_is_refused(text):
    if solidity.string_literal_problem(text) is not None:
        return
    literal = solidity.string_literal(text)
    assert "\n" not in literal and unescape_solidity(literal) == text


def test_description_with_quotes_reaches_the_bytecode_exactly():
    """solc itself agrees: the constant it compiles is the YAML's text, quotes and backslashes included."""
    tricky = 'x" ; function evil() public {} string s = "\\'
    spell, diags = load(spell_yaml(description=tricky))
    assert spell is not None, [str(d) for d in diags]
    code = compile_spell(render(spell, "fuzz.yaml"), "0.8.16", bytecode_hash="none").action.deployed
    assert tricky.encode().hex() in code
    assert "evil" not in str(compile_spell(render(spell, "fuzz.yaml"), "0.8.16").action.abi)


def test_plain_description_is_accepted():
    assert load(spell_yaml(description=DESCRIPTION))[0] is not None
    assert set(TEXT_FIELDS) == set(FIELD_PATHS)
