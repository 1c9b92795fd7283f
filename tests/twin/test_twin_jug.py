"""Issue 24: the twin's Jug (MCD_JUG) and allocator vaults behave as mainnet's: the Jug's revert strings,
drip's compounding (rate = rpow(base + duty, now - rho) * prev, rounded as the Jug rounds) folded into the
Vat for the Vow, its storage layout; each allocator vault's ilk and its urn; an allocator payment's Vat
calls (suck from the Vow to itself, grab into the urn) leave the Vow's dai up and its sin unchanged."""
from spellgen.chain.slots import mapping_slot, nested_slot
from spellgen.spellfile.actions.allocator_payment import rpow
from spellgen.spellfile.history import ALLOCATOR_VAULTS, MAINNET, allocator_ilk
from spellgen.spellfile.protocol import RAD, RAY, WAD
from spellgen.twin import state as S
from twinkit import b32

A = MAINNET
JUG, VAT, VOW = A["MCD_JUG"], A["MCD_VAT"], A["MCD_VOW"]
SPARK = "ALLOCATOR-SPARK-A"


def jug(kit):
    return kit.at("Jug", JUG)


def test_jug_revert_strings(kit):
    j = jug(kit).functions
    kit.reverts(j.rely(kit.someone), "Jug/not-authorized", sender=kit.stranger)
    kit.reverts(j.file(b32("base"), 1), "Jug/not-authorized", sender=kit.stranger)
    kit.reverts(j.init(b32(SPARK)), "Jug/ilk-already-init", sender=kit.proxy_address)
    kit.reverts(j.file(b32("nope"), 1), "Jug/file-unrecognized-param", sender=kit.proxy_address)
    kit.reverts(j.file(b32("nope"), kit.someone), "Jug/file-unrecognized-param", sender=kit.proxy_address)
    rho = mapping_slot(int.from_bytes(b32(SPARK), "big"), 1) + 1
    kit.rpc.set_storage(JUG, rho, kit.now() - 100)  # not dripped in this second: no duty may be filed
    kit.reverts(j.file(b32(SPARK), b32("duty"), RAY), "Jug/rho-not-updated", sender=kit.proxy_address)
    # rho in the future (the twin sets it at the date's start; here one day ahead): drip refuses
    kit.rpc.set_storage(JUG, rho, kit.now() + 86_400)
    kit.reverts(j.drip(b32(SPARK)), "Jug/invalid-now")


def test_drip_compounds_the_duty_and_folds_the_growth_to_the_vow(kit):
    j, v = jug(kit).functions, kit.vat.functions
    ilk = b32(SPARK)
    art, prev = v.ilks(ilk).call()[:2]
    duty, rho = j.ilks(ilk).call()
    dai_before, debt_before = v.dai(VOW).call(), v.debt().call()
    at = max(rho, kit.now()) + 30 * 86_400
    receipt = kit.tx(j.drip(ilk), kit.stranger, at=at)  # anyone may drip
    assert receipt.status == 1
    want = rpow(duty + j.base().call(), at - rho, RAY) * prev // RAY
    assert v.ilks(ilk).call()[1] == want > prev
    assert j.ilks(ilk).call() == [duty, at]
    assert v.dai(VOW).call() - dai_before == art * (want - prev) == v.debt().call() - debt_before
    # a second drip in the same second changes nothing but returns the rate
    assert j.drip(ilk).call({"from": kit.stranger}) == want


def test_rpow_rounds_as_the_jug(kit):
    """Exponentiation by squaring, each product rounded half up: 1.05 ** 3 in rays, and x ** 0 is one."""
    assert rpow(105 * RAY // 100, 3, RAY) == 1_157_625 * RAY // 1_000_000
    assert rpow(0, 0, RAY) == RAY and rpow(0, 5, RAY) == 0 and rpow(7 * RAY, 0, RAY) == RAY


def test_jug_layout(kit):
    j = jug(kit).functions
    ilk = int.from_bytes(b32(SPARK), "big")
    assert kit.rpc.storage(JUG, mapping_slot(A["MCD_PAUSE_PROXY"], 0)) == j.wards(A["MCD_PAUSE_PROXY"]).call() == 1
    assert kit.rpc.storage(JUG, mapping_slot(ilk, 1)) == j.ilks(b32(SPARK)).call()[0] == S.ALLOCATOR_DUTY
    assert kit.rpc.storage(JUG, mapping_slot(ilk, 1) + 1) == j.ilks(b32(SPARK)).call()[1] > 0
    assert kit.rpc.storage(JUG, 2) == int(VAT, 16) and j.vat().call() == VAT
    assert kit.rpc.storage(JUG, 3) == int(VOW, 16) and j.vow().call() == VOW
    kit.as_governance(j.file(b32("base"), 3))
    assert kit.rpc.storage(JUG, 4) == j.base().call() == 3


def test_every_allocator_vault_holds_its_ilk_and_its_debt(kit):
    for key in ALLOCATOR_VAULTS:
        vault = kit.at("AllocatorVault", A[key]).functions
        ilk = allocator_ilk(key)
        assert vault.ilk().call() == b32(ilk) and vault.vat().call() == VAT
        assert vault.jug().call() == JUG and vault.wards(A["MCD_PAUSE_PROXY"]).call() == 1
        assert kit.rpc.storage(A[key], 2) == int(JUG, 16)  # jug: slot 2, as mainnet's vault
        assert kit.vat.functions.urns(b32(ilk), A[key]).call() == [0, S.ALLOCATOR_ART]
        assert kit.rpc.storage(VAT, nested_slot(int.from_bytes(b32(ilk), "big"), A[key], 3) + 1) == S.ALLOCATOR_ART
        assert kit.vat.functions.ilks(b32(ilk)).call()[:2] == [S.ALLOCATOR_ART, S.ALLOCATOR_RATE]
        kit.reverts(vault.file(b32("jug"), kit.someone), "AllocatorVault/not-authorized", sender=kit.stranger)
        kit.reverts(vault.file(b32("nope"), kit.someone), "AllocatorVault/file-unrecognized-param",
                    sender=A["MCD_PAUSE_PROXY"])


def test_an_allocator_payment_leaves_the_vow_dai_up_and_its_sin_unchanged(kit):
    """What `_takeAllocatorPayment` does after drip, as the PauseProxy: suck(vow, vow, dart * rate) then
    grab(ilk, vault, 0, vow, 0, dart)."""
    v = kit.vat.functions
    ilk, vault = b32(SPARK), A["ALLOCATOR_SPARK_A_VAULT"]
    rate = v.ilks(ilk).call()[1]
    dart = (1_000 * WAD * RAY - 1) // rate + 1
    sin, dai, art = v.sin(VOW).call(), v.dai(VOW).call(), v.urns(ilk, vault).call()[1]
    kit.as_governance(v.suck(VOW, VOW, dart * rate))
    kit.as_governance(v.grab(ilk, vault, "0x" + "00" * 20, VOW, 0, dart))
    assert v.sin(VOW).call() == sin and v.dai(VOW).call() - dai == dart * rate >= 1_000 * RAD
    assert v.urns(ilk, vault).call()[1] - art == dart
