"""The action kinds: one module each, holding everything about the kind, and the registry stages iterate.

Adding a kind means its module (a subclass of base.Action defining every part of base.PARTS), its
tests and a README row; tests/architecture/test_actions.py checks all three are there.
"""
from __future__ import annotations

from spellgen.spellfile.actions.allocator_payment import AllocatorPayment
from spellgen.spellfile.actions.allowance import Allowance
from spellgen.spellfile.actions.base import PARTS, Action
from spellgen.spellfile.actions.burn import Burn
from spellgen.spellfile.actions.cap import CapChange
from spellgen.spellfile.actions.computed_payment import ComputedPayment
from spellgen.spellfile.actions.dai_payment import DaiPayment
from spellgen.spellfile.actions.distribute import Distribute
from spellgen.spellfile.actions.farm_init import FarmInit
from spellgen.spellfile.actions.farm_vest_update import FarmVestUpdate
from spellgen.spellfile.actions.mkr_to_sky import MkrToSky
from spellgen.spellfile.actions.mkr_transfer import MkrTransfer
from spellgen.spellfile.actions.onboarding import VestOnboarding
from spellgen.spellfile.actions.proxy_transfer import ProxyTransfer
from spellgen.spellfile.actions.sky_transfer import SkyTransfer
from spellgen.spellfile.actions.stream import Stream
from spellgen.spellfile.actions.surplus_return import SurplusReturn
from spellgen.spellfile.actions.univ2_withdrawal import Univ2Withdrawal
from spellgen.spellfile.actions.usds_payment import UsdsPayment
from spellgen.spellfile.actions.vest_and_yank import VestAndYank
from spellgen.spellfile.actions.yank import Yank

# In the order of the schema, the README and the kind-level checks and helpers of a rendered spell.
KINDS: tuple[type[Action], ...] = (DaiPayment, UsdsPayment, SkyTransfer, MkrToSky, MkrTransfer, ProxyTransfer,
                                   Burn, SurplusReturn, Univ2Withdrawal, Stream, Yank, Allowance, CapChange,
                                   AllocatorPayment, VestOnboarding, ComputedPayment, VestAndYank, Distribute,
                                   FarmVestUpdate, FarmInit)
REGISTRY: dict[str, type[Action]] = {kind.KIND: kind for kind in KINDS}

__all__ = ["KINDS", "PARTS", "REGISTRY", "Action", "AllocatorPayment", "Allowance", "Burn", "CapChange",
           "ComputedPayment", "DaiPayment", "Distribute", "FarmInit", "FarmVestUpdate", "MkrToSky", "MkrTransfer",
           "ProxyTransfer", "SkyTransfer", "Stream", "SurplusReturn", "Univ2Withdrawal", "UsdsPayment", "VestAndYank",
           "VestOnboarding", "Yank", "of_kind"]


def of_kind(actions: list, kind: type[Action]) -> list:
    """The actions of one kind, in file order (for kind-level parts, called with each registered kind)."""
    return [a for a in actions if type(a) is kind]
