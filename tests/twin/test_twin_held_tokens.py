"""Issue 24: the tokens the PauseProxy holds besides the budget tokens behave as mainnet's (WETH9, the UniV2
LP token, COMP, the OpenZeppelin ERC20 of ENS, USDC's FiatToken, AAVE's and stkAAVE's shared Aave base): at their mainnet addresses from their
deployment, balances at the slots of their mainnet layouts (spellgen/spellfile/data/held_tokens.tsv),
mainnet's revert strings ("" for WETH9's bare require) and events, unlimited allowances where mainnet's
leaves them unspent. The twin starts at 2022-01-28 (tests/twin/conftest.py)."""
import pytest

from spellgen.chain.slots import mapping_slot, nested_slot
from spellgen.spellfile import history
from spellgen.spellfile.history import MAINNET
from spellgen.twin import state as S

PROXY = MAINNET["MCD_PAUSE_PROXY"]
MAX = 2**256 - 1
# family -> (mainnet's failure of a transfer beyond the balance, of a transferFrom beyond the allowance,
# whether an allowance of type(uint).max (COMP: uint96) is left unspent)
FAILURES = {
    "WETH9": ("", "", True),
    "UniswapV2ERC20": ("ds-math-sub-underflow", "ds-math-sub-underflow", True),
    "Comp": ("Comp::_transferTokens: transfer amount exceeds balance",
             "Comp::transferFrom: transfer amount exceeds spender allowance", True),
    "OpenZeppelinERC20": ("ERC20: transfer amount exceeds balance", "ERC20: transfer amount exceeds allowance", False),
    "FiatToken": ("ERC20: transfer amount exceeds balance", "ERC20: transfer amount exceeds allowance", False),
    "AaveTokenV3": ("ERC20: transfer amount exceeds balance", "ERC20: insufficient allowance", True),
    "StakedAaveV3": ("ERC20: transfer amount exceeds balance", "ERC20: insufficient allowance", True),
}
TOKENS = {t.key: t for t in history.held_tokens()}


def _token(kit, t):
    """The token at its mainnet address (deployed by the twin's date), else a fresh deployment of its family;
    fresh ones get the PauseProxy's assumed holding written at the facts' balance slot."""
    contract = S.HELD_TOKEN_CONTRACTS[t.family]
    if t.deployed_for("2022-01-28"):
        return kit.at(contract, t.address)
    token = kit.deploy(kit.art[contract])
    kit.rpc.set_storage(token.address, mapping_slot(PROXY, t.balance_slot), S.HELD_TOKEN_HOLDINGS[t.key] * 10**t.decimals)
    return token


def test_every_family_has_a_twin_contract_and_every_row_names_its_chainlog_address():
    assert set(S.HELD_TOKEN_CONTRACTS) == set(FAILURES) == {t.family for t in TOKENS.values()}
    assert set(S.HELD_TOKEN_HOLDINGS) == set(TOKENS)
    for t in TOKENS.values():
        assert any(e.key == t.key and e.address.lower() == t.address.lower() for e in history.key_entries()), t.key
    assert TOKENS["USDC"].decimals == 6 and history.token_decimals("USDC") == 6 and history.token_decimals("SKY") == 18


def test_held_tokens_are_at_their_mainnet_addresses_from_their_deployment(kit):
    for key in ("ETH", "COMP", "ENS", "USDC"):  # deployed by 2022-01-28
        assert kit.w3.eth.get_code(TOKENS[key].address) != b"", key
    assert kit.w3.eth.get_code(TOKENS["UNIV2USDSSKY"].address) == b""  # the USDS-SKY pair came in 2024
    for key in ("AAVE", "STAAVE"):  # their families (layouts) are those since Aave's governance v3, in 2024
        assert kit.w3.eth.get_code(TOKENS[key].address) == b"", key


@pytest.mark.parametrize("key", sorted(TOKENS))
def test_held_token_balances_live_at_the_mainnet_slot_and_move_as_mainnet(kit, key):
    t = TOKENS[key]
    token = _token(kit, t)
    f = token.functions
    held = S.HELD_TOKEN_HOLDINGS[key] * 10**t.decimals
    assert f.decimals().call() == t.decimals and f.balanceOf(PROXY).call() == held
    assert kit.rpc.storage(token.address, mapping_slot(PROXY, t.balance_slot)) == held
    beyond_balance, beyond_allowance, unlimited_kept = FAILURES[t.family]
    kit.reverts(f.transfer(kit.someone, held + 1), beyond_balance, sender=PROXY)
    receipt = kit.tx(f.transfer(kit.someone, 10**t.decimals + 5), sender=PROXY)
    assert kit.events(token, "Transfer", receipt) == \
        [dict(zip(("src", "dst", "wad") if t.family == "WETH9" else ("from", "to", "value" if t.family != "Comp"
                                                                      else "amount"),
                  (PROXY, kit.someone, 10**t.decimals + 5)))]
    assert f.balanceOf(PROXY).call() == held - 10**t.decimals - 5
    assert kit.rpc.storage(token.address, mapping_slot(kit.someone, t.balance_slot)) == 10**t.decimals + 5
    # Allowances at the family's mainnet slot: spent by transferFrom, refused beyond.
    spender = kit.stranger
    kit.tx(f.approve(spender, 7), sender=PROXY)
    assert kit.rpc.storage(token.address, nested_slot(PROXY, spender, t.allowance_slot)) == 7
    kit.reverts(f.transferFrom(PROXY, spender, 8), beyond_allowance, sender=spender)
    kit.tx(f.transferFrom(PROXY, spender, 7), sender=spender)
    assert f.allowance(PROXY, spender).call() == 0 and f.balanceOf(spender).call() == 7
    kit.tx(f.approve(spender, MAX), sender=PROXY)
    kit.tx(f.transferFrom(PROXY, spender, 3), sender=spender)
    unlimited = (2**96 - 1) if t.family == "Comp" else MAX
    assert f.allowance(PROXY, spender).call() == (unlimited if unlimited_kept else MAX - 3)


@pytest.mark.parametrize("key, name, symbol", [("AAVE", "Aave Token", "AAVE"), ("STAAVE", "Staked Aave", "stkAAVE")])
def test_aave_balances_are_the_low_104_bits_of_a_packed_word(kit, key, name, symbol):
    """Mainnet packs a holder's balance with its delegation state (uint104 balance, then the delegated powers
    and the mode): a transfer changes only the balance's bits; a transfer to oneself is a no-op."""
    t = TOKENS[key]
    token = _token(kit, t)
    f = token.functions
    assert (f.name().call(), f.symbol().call()) == (name, symbol)
    delegated = (3 << 104) | (5 << 176) | (1 << 248)  # delegated proposition and voting power, a mode
    kit.rpc.set_storage(token.address, mapping_slot(kit.someone, t.balance_slot), delegated | 7)
    assert f.balanceOf(kit.someone).call() == 7
    receipt = kit.tx(f.transfer(kit.stranger, 2), sender=kit.someone)
    assert kit.events(token, "Transfer", receipt) == [{"from": kit.someone, "to": kit.stranger, "value": 2}]
    assert kit.rpc.storage(token.address, mapping_slot(kit.someone, t.balance_slot)) == delegated | 5
    assert kit.rpc.storage(token.address, mapping_slot(kit.stranger, t.balance_slot)) == 2
    kit.reverts(f.transfer(kit.stranger, 6), "ERC20: transfer amount exceeds balance", sender=kit.someone)
    # Mainnet returns before any check on a transfer to oneself: it logs, and changes nothing.
    receipt = kit.tx(f.transfer(kit.someone, 6), sender=kit.someone)
    assert kit.events(token, "Transfer", receipt) == [{"from": kit.someone, "to": kit.someone, "value": 6}]
    assert kit.rpc.storage(token.address, mapping_slot(kit.someone, t.balance_slot)) == delegated | 5
    kit.reverts(f.transfer("0x" + "00" * 20, 1), "ERC20: transfer to the zero address", sender=kit.someone)
    assert f.allowance(kit.someone, kit.stranger).call() == 0


def test_weth_is_backed_by_the_ether_it_holds(kit):
    weth = kit.at("HeldWeth9", TOKENS["ETH"].address)
    held = S.HELD_TOKEN_HOLDINGS["ETH"] * 10**18
    assert weth.functions.totalSupply().call() == kit.w3.eth.get_balance(weth.address) == held
    kit.tx(weth.functions.transfer(kit.someone, 10**18), sender=PROXY)
    receipt = kit.tx(weth.functions.withdraw(10**18), sender=kit.someone)
    assert kit.events(weth, "Withdrawal", receipt) == [{"src": kit.someone, "wad": 10**18}]
    assert weth.functions.balanceOf(kit.someone).call() == 0
    assert weth.functions.totalSupply().call() == kit.w3.eth.get_balance(weth.address) == held - 10**18
    kit.reverts(weth.functions.withdraw(1), "", sender=kit.someone)
