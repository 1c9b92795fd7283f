"""DssExecLib.sendPaymentFromSurplusBuffer run as the PauseProxy, the way a cast spell runs it.

The test impersonates MCD_PAUSE (the proxy's owner) and has the proxy delegatecall the library
at its mainnet address directly: exactly the context of a spell action's delegatecall.
"""
import pytest
from eth_abi import encode
from web3 import Web3
from web3.exceptions import ContractLogicError

from spellgen.spellfile.protocol import RAD, WAD
from spellgen.spellfile.history import DSS_EXEC_LIB, MAINNET
from twinkit import probe_artifacts

TARGET = "0x2dC0420A736D1F40893B9481D8968E4D7424bC0B"  # TECH-001 Auditor Wallet


def payment(kit, amount: int) -> bytes:
    # solc leaves a library's state-changing functions out of its ABI: encode by hand.
    return Web3.keccak(text="sendPaymentFromSurplusBuffer(address,uint256)")[:4] + encode(["address", "uint256"],
                                                                                          [TARGET, amount])


def pay_as_governance(kit, amount: int):
    return kit.tx(kit.proxy.functions.exec(DSS_EXEC_LIB, payment(kit, amount)), MAINNET["MCD_PAUSE"])


@pytest.mark.parametrize("amount", [1, 1_069_250, WAD - 1])
def test_payment_effects(kit, amount):
    vat, vow, proxy, join = kit.vat, MAINNET["MCD_VOW"], kit.proxy_address, MAINNET["MCD_JOIN_DAI"]
    before = {"sin": vat.functions.sin(vow).call(), "vow_dai": vat.functions.dai(vow).call(),
              "vice": vat.functions.vice().call(), "debt": vat.functions.debt().call(),
              "join": vat.functions.dai(join).call(), "supply": kit.dai.functions.totalSupply().call()}
    pay_as_governance(kit, amount)
    assert vat.functions.sin(vow).call() - before["sin"] == amount * RAD  # the surplus buffer shrinks
    assert vat.functions.dai(vow).call() == before["vow_dai"]  # dai of the vow is untouched
    assert vat.functions.vice().call() - before["vice"] == amount * RAD
    assert vat.functions.debt().call() - before["debt"] == amount * RAD
    assert vat.functions.dai(join).call() - before["join"] == amount * RAD
    assert vat.functions.dai(proxy).call() == 0  # everything sucked was exited
    assert kit.dai.functions.balanceOf(TARGET).call() == amount * WAD
    assert kit.dai.functions.totalSupply().call() - before["supply"] == amount * WAD


@pytest.mark.parametrize("amount", [WAD, WAD + 1, 10**30])
def test_amounts_of_a_wad_or_more_revert(kit, amount):
    # Through the proxy the library's reason is replaced by the proxy's own.
    kit.reverts(kit.proxy.functions.exec(DSS_EXEC_LIB, payment(kit, amount)), "ds-pause-delegatecall-error",
                sender=MAINNET["MCD_PAUSE"])
    # A probe that bubbles the revert shows the library's reason (the check comes before any call).
    probe = kit.deploy(probe_artifacts()["DelegateProbe"])
    kit.reverts(probe.functions.run(DSS_EXEC_LIB, payment(kit, amount)), "DssExecLib/incorrect-amount")


def test_only_governance_can_pay(kit):
    probe = kit.deploy(probe_artifacts()["DelegateProbe"])
    kit.reverts(probe.functions.run(DSS_EXEC_LIB, payment(kit, 1)), "Vat/not-authorized")
    kit.reverts(kit.proxy.functions.exec(DSS_EXEC_LIB, payment(kit, 1)), "ds-pause-proxy-unauthorized",
                sender=kit.stranger)


def test_payment_needs_the_proxys_hope_on_the_join(kit):
    kit.as_governance(kit.vat.functions.nope(MAINNET["MCD_JOIN_DAI"]))
    kit.reverts(kit.proxy.functions.exec(DSS_EXEC_LIB, payment(kit, 1)), "ds-pause-delegatecall-error",
                sender=MAINNET["MCD_PAUSE"])


def test_direct_calls_to_the_library_are_refused(kit):
    """The library's self-address guard: only delegatecalls may run its state-changing functions."""
    with pytest.raises(ContractLogicError) as caught:
        kit.w3.eth.call({"from": kit.stranger, "to": DSS_EXEC_LIB, "data": payment(kit, 1)})
    assert (caught.value.message, caught.value.data) == ("execution reverted", "0x")  # no reason, as solc emits
    # ...while the guard lets delegatecalls through (test_payment_effects) and view functions answer:
    assert kit.lib.functions.vat().call() == MAINNET["MCD_VAT"]
