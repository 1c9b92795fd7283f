"""Ship the top-level data folders inside the wheel (everything else is in pyproject.toml).

templates/, contracts/, package.json, its lock and the solc facade stay at the top of the checkout
(the project's layout); a built wheel carries copies under spellgen/_data/, where
spellgen.resources looks first. An editable install reads the checkout directly.
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DATA = ("templates", "contracts", "package.json", "package-lock.json", "tools/solc-facade.cjs")


class BuildWithData(build_py):
    def run(self):
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / "spellgen" / "_data"
        for name in DATA:
            source, dest = ROOT / name, target / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, dest, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            else:
                shutil.copyfile(source, dest)


setup(cmdclass={"build_py": BuildWithData})
