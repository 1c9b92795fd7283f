"""spellgen: the budget YAML as the source of truth for Maker executive spells."""

__version__ = "0.1.0"
