"""Every twin contract keeps mainnet's storage layout: each public variable is read twice, through
its getter and straight from its slot by number (eth_getStorageAt; mapping entries at
keccak(key . slot), dynamic arrays at keccak(slot)), and the two must agree.

The slot numbers below are mainnet's (contracts/README.md lists them with their sources); a
value is always made distinctive first (non-zero, unlike its neighbours) so a wrong slot cannot
pass by reading an unrelated zero.
"""
import pytest
from web3 import Web3

from spellgen.spellfile.protocol import RAD, RAY, WAD
from spellgen.spellfile.history import MAINNET
from spellgen.twin import state as S
from spellgen.chain.slots import mapping_slot, nested_slot
from twinkit import ZERO, b32

A = MAINNET
PROXY = A["MCD_PAUSE_PROXY"]


def word(kit, address: str, slot: int) -> int:
    return kit.rpc.storage(address, slot)


def addr_at(kit, address: str, slot: int, offset: int = 0) -> str:
    """The address stored in `slot` at byte `offset` (from the right)."""
    return Web3.to_checksum_address(((word(kit, address, slot) >> (8 * offset)) & (2**160 - 1)).to_bytes(20, "big"))


def key(text: str) -> int:
    return int.from_bytes(b32(text), "big")


def array_base(slot: int) -> int:
    return int.from_bytes(Web3.keccak(slot.to_bytes(32, "big")), "big")


def short_string(value: str) -> int:
    """A string of under 32 bytes as solc stores it: the bytes left-aligned, length * 2 in the last byte."""
    raw = value.encode()
    assert len(raw) < 32
    return int.from_bytes(raw.ljust(31, b"\0") + bytes([2 * len(raw)]), "big")


# --- ChainLog: wards 0, location 1, keys 2, version 3, sha256sum 4, ipfs 5 ------------------------


def test_chainlog_layout(kit):
    log = A["CHANGELOG"]
    assert word(kit, log, mapping_slot(PROXY, 0)) == kit.log.functions.wards(PROXY).call() == 1
    count = kit.log.functions.count().call()
    names = [raw.rstrip(b"\0").decode() for raw in kit.log.functions.list().call()]  # the date's keys
    assert word(kit, log, 2) == count == len(names) and "CHANGELOG" in names
    for i, name in enumerate(names):
        assert word(kit, log, array_base(2) + i) == key(name)  # keys[i]
        assert word(kit, log, mapping_slot(key(name), 1)) == i  # location[key].pos
        assert addr_at(kit, log, mapping_slot(key(name), 1) + 1) == kit.log.functions.getAddress(b32(name)).call()
    kit.as_governance(kit.log.functions.setVersion("1.9.11"))
    kit.as_governance(kit.log.functions.setSha256sum("abc"))
    kit.as_governance(kit.log.functions.setIPFS("Qm"))
    assert [word(kit, log, s) for s in (3, 4, 5)] == [short_string("1.9.11"), short_string("abc"), short_string("Qm")]
    assert kit.log.functions.version().call() == "1.9.11"


# --- Vat: wards 0, can 1, ilks 2, urns 3, gem 4, dai 5, sin 6, debt 7, vice 8, Line 9, live 10 ----


def test_vat_layout(kit):
    vat, vow, join = A["MCD_VAT"], A["MCD_VOW"], A["MCD_JOIN_DAI"]
    v = kit.vat.functions
    ilk, usr = key("TEST-A"), kit.someone
    kit.as_governance(v.init(b32("TEST-A")))
    kit.as_governance(v.file(b32("TEST-A"), b32("spot"), 3 * RAY))
    kit.as_governance(v.file(b32("TEST-A"), b32("line"), 1_000 * RAD))
    kit.as_governance(v.file(b32("TEST-A"), b32("dust"), 7 * RAD))
    kit.as_governance(v.slip(b32("TEST-A"), usr, 50 * WAD))
    kit.tx(v.frob(b32("TEST-A"), usr, usr, usr, 20 * WAD, 10 * WAD), usr)
    assert word(kit, vat, mapping_slot(PROXY, 0)) == v.wards(PROXY).call() == 1
    assert word(kit, vat, nested_slot(PROXY, join, 1)) == v.can(PROXY, join).call() == 1
    base = mapping_slot(ilk, 2)
    assert [word(kit, vat, base + i) for i in range(5)] == list(v.ilks(b32("TEST-A")).call()) \
        == [10 * WAD, RAY, 3 * RAY, 1_000 * RAD, 7 * RAD]  # Art, rate, spot, line, dust
    urn = nested_slot(ilk, usr, 3)
    assert [word(kit, vat, urn), word(kit, vat, urn + 1)] == list(v.urns(b32("TEST-A"), usr).call()) == [20 * WAD, 10 * WAD]
    assert word(kit, vat, nested_slot(ilk, usr, 4)) == v.gem(b32("TEST-A"), usr).call() == 30 * WAD
    assert word(kit, vat, mapping_slot(usr, 5)) == v.dai(usr).call() == 10 * RAD
    assert word(kit, vat, mapping_slot(vow, 5)) == v.dai(vow).call() == S.SURPLUS
    assert word(kit, vat, mapping_slot(vow, 6)) == v.sin(vow).call() > 0
    assert word(kit, vat, 7) == v.debt().call() > word(kit, vat, 8) == v.vice().call() > 0
    assert word(kit, vat, 9) == v.Line().call() == S.VAT_LINE
    assert word(kit, vat, 10) == v.live().call() == 1


# --- Dai: wards 0, totalSupply 1, balanceOf 2, allowance 3, nonces 4, DOMAIN_SEPARATOR 5 ----------


def test_dai_and_join_layout(kit):
    dai, join = A["MCD_DAI"], A["MCD_JOIN_DAI"]
    d = kit.dai.functions
    holder = kit.someone
    kit.as_governance(kit.vat.functions.suck(A["MCD_VOW"], holder, 10 * RAD))
    kit.tx(kit.vat.functions.hope(join), holder)
    kit.tx(kit.join.functions.exit(holder, 10 * WAD), holder)
    kit.tx(d.approve(kit.stranger, 3 * WAD), holder)
    assert word(kit, dai, mapping_slot(join, 0)) == d.wards(join).call() == 1
    assert word(kit, dai, 1) == d.totalSupply().call() > 0
    assert word(kit, dai, mapping_slot(holder, 2)) == d.balanceOf(holder).call() == 10 * WAD
    assert word(kit, dai, nested_slot(holder, kit.stranger, 3)) == d.allowance(holder, kit.stranger).call() == 3 * WAD
    kit.rpc.set_storage(dai, mapping_slot(holder, 4), 5)  # nonces has no setter but permit
    assert d.nonces(holder).call() == 5
    assert word(kit, dai, 5).to_bytes(32, "big") == d.DOMAIN_SEPARATOR().call()
    # DaiJoin: wards 0, vat 1, dai 2, live 3
    j = kit.join.functions
    assert word(kit, join, mapping_slot(PROXY, 0)) == j.wards(PROXY).call() == 1
    assert addr_at(kit, join, 1) == j.vat().call() == A["MCD_VAT"]
    assert addr_at(kit, join, 2) == j.dai().call() == A["MCD_DAI"]
    assert word(kit, join, 3) == j.live().call() == 1


@pytest.mark.parametrize("name", ["USDS", "SKY"])
def test_usds_and_sky_layout(kit, name):
    token = kit.usds if name == "USDS" else kit.sky
    t, address = token.functions, token.address
    kit.as_governance(kit.sky.functions.mint(kit.someone, 7 * WAD)) if name == "SKY" else \
        kit.tx(kit.usds.functions.mint(kit.someone, 7 * WAD), A["USDS_JOIN"])
    kit.tx(t.approve(kit.stranger, 2 * WAD), kit.someone)
    kit.rpc.set_storage(address, mapping_slot(kit.someone, 4), 9)
    ward = A["USDS_JOIN"] if name == "USDS" else PROXY
    assert word(kit, address, mapping_slot(ward, 0)) == t.wards(ward).call() == 1
    assert word(kit, address, 1) == t.totalSupply().call() > 0
    assert word(kit, address, mapping_slot(kit.someone, 2)) == t.balanceOf(kit.someone).call() == 7 * WAD
    assert word(kit, address, nested_slot(kit.someone, kit.stranger, 3)) == t.allowance(kit.someone, kit.stranger).call() == 2 * WAD
    assert word(kit, address, mapping_slot(kit.someone, 4)) == t.nonces(kit.someone).call() == 9


def test_usds_join_keeps_no_storage(kit):
    join = A["USDS_JOIN"]
    assert [word(kit, join, s) for s in range(4)] == [0, 0, 0, 0]
    assert kit.usds_join.functions.vat().call() == A["MCD_VAT"] and kit.usds_join.functions.dai().call() == A["USDS"]


# --- Vow: wards 0, vat 1, flapper 2, flopper 3, sin 4, Sin 5, Ash 6, wait 7, dump 8, sump 9, bump 10,
#     hump 11, live 12 ---------------------------------------------------------------------------------


def test_vow_layout(kit):
    vow = A["MCD_VOW"]
    w = kit.vow.functions
    receipt = kit.as_governance(w.fess(123 * RAD))
    era = kit.w3.eth.get_block(receipt.blockNumber).timestamp
    assert word(kit, vow, mapping_slot(PROXY, 0)) == w.wards(PROXY).call() == 1
    assert addr_at(kit, vow, 1) == w.vat().call() == A["MCD_VAT"]
    assert addr_at(kit, vow, 2) == w.flapper().call() == ZERO and addr_at(kit, vow, 3) == w.flopper().call() == ZERO
    assert word(kit, vow, mapping_slot(era, 4)) == w.sin(era).call() == 123 * RAD
    assert word(kit, vow, 5) == w.Sin().call() == 123 * RAD
    kit.rpc.set_storage(vow, 6, 5 * RAD)
    assert w.Ash().call() == 5 * RAD
    params = [w.wait().call(), w.dump().call(), w.sump().call(), w.bump().call(), w.hump().call()]
    assert [word(kit, vow, s) for s in range(7, 12)] == params == [S.VOW_PARAMS[k] for k in ("wait", "dump", "sump", "bump", "hump")]
    assert word(kit, vow, 12) == w.live().call() == 1


# --- MKR (ds-token of 2017): _supply 0, _balances 1, _approvals 2, authority 3, owner 4 (+ stopped),
#     symbol 5, decimals 6, name 7 ---------------------------------------------------------------------


def test_mkr_layout(kit):
    mkr = A["MCD_GOV"]
    m = kit.mkr.functions
    kit.tx(m.approve(kit.stranger, 4 * WAD), PROXY)
    assert word(kit, mkr, 0) == m.totalSupply().call() > 0
    assert word(kit, mkr, mapping_slot(PROXY, 1)) == m.balanceOf(PROXY).call() > 0
    assert word(kit, mkr, nested_slot(PROXY, kit.stranger, 2)) == m.allowance(PROXY, kit.stranger).call() == 4 * WAD
    assert addr_at(kit, mkr, 3) == m.authority().call() == S.MKR_AUTHORITY
    kit.rpc.set_storage(mkr, 4, (1 << 160) | int(kit.someone, 16))  # owner someone, stopped
    assert m.owner().call() == kit.someone and m.stopped().call() is True
    assert word(kit, mkr, 5).to_bytes(32, "big") == m.symbol().call() == b32("MKR")
    assert word(kit, mkr, 6) == m.decimals().call() == 18
    assert word(kit, mkr, 7).to_bytes(32, "big") == m.name().call() == b32("Maker")


# --- IOU (ds-token of 2020): authority 0, owner 1 (+ stopped), totalSupply 2, balanceOf 3, allowance 4,
#     symbol 5, decimals 6, name 7 ---------------------------------------------------------------------


def test_iou_layout(kit):
    iou = S.CHIEF_IOU
    t = kit.iou.functions
    assert addr_at(kit, iou, 0) == t.authority().call() == ZERO
    assert addr_at(kit, iou, 1) == t.owner().call() == A["MCD_ADM"]
    assert word(kit, iou, 1) >> 160 == 0 and t.stopped().call() is False
    kit.rpc.set_storage(iou, 1, (1 << 160) | int(A["MCD_ADM"], 16))
    assert t.stopped().call() is True and t.owner().call() == A["MCD_ADM"]
    assert word(kit, iou, 2) == t.totalSupply().call() == S.HAT_SUPPORT
    assert word(kit, iou, mapping_slot(S.HAT_VOTER, 3)) == t.balanceOf(S.HAT_VOTER).call() == S.HAT_SUPPORT
    assert word(kit, iou, nested_slot(S.HAT_VOTER, A["MCD_ADM"], 4)) == t.allowance(S.HAT_VOTER, A["MCD_ADM"]).call() == 2**256 - 1
    assert word(kit, iou, 5).to_bytes(32, "big") == t.symbol().call() == b32("IOU")
    assert word(kit, iou, 6) == t.decimals().call() == 18
    assert word(kit, iou, 7) == 0 and t.name().call() == b"\0" * 32


# --- DSChief: authority 0, owner 1, _root_users 2, _user_roles 3, _capability_roles 4,
#     _public_capabilities 5, slates 6, votes 7, approvals 8, deposits 9, GOV 10, IOU 11, hat 12,
#     MAX_YAYS 13, last 14, live 15 ------------------------------------------------------------------


def test_mkr_chief_layout(kit):
    chief = A["MCD_ADM"]
    c = kit.chief.functions
    hat = S.PREVIOUS_SPELL
    sig = bytes.fromhex("deadbeef")
    kit.tx(c.setUserRole(kit.someone, 3, True), hat)  # the hat is root: ds-roles' own auth
    kit.tx(c.setRoleCapability(3, kit.stranger, sig, True), hat)
    kit.tx(c.setPublicCapability(kit.stranger, sig, True), hat)
    assert addr_at(kit, chief, 0) == c.authority().call() == chief
    assert addr_at(kit, chief, 1) == c.owner().call() == ZERO
    assert word(kit, chief, mapping_slot(kit.someone, 2)) == 0  # _root_users: unused by the chief
    assert word(kit, chief, mapping_slot(kit.someone, 3)) == int.from_bytes(c.getUserRoles(kit.someone).call(), "big") == 8
    cap_slot = nested_slot(kit.stranger, int.from_bytes(sig.ljust(32, b"\0"), "big"), 4)
    assert word(kit, chief, cap_slot) == int.from_bytes(c.getCapabilityRoles(kit.stranger, sig).call(), "big") == 8
    pub_slot = nested_slot(kit.stranger, int.from_bytes(sig.ljust(32, b"\0"), "big"), 5)
    assert word(kit, chief, pub_slot) == 1 and c.isCapabilityPublic(kit.stranger, sig).call() is True
    slate = c.votes(S.HAT_VOTER).call()
    assert word(kit, chief, mapping_slot(S.HAT_VOTER, 7)).to_bytes(32, "big") == slate  # votes[voter]
    yays = mapping_slot(int.from_bytes(slate, "big"), 6)
    assert word(kit, chief, yays) == 1  # slates[slate].length
    assert addr_at(kit, chief, array_base(yays)) == c.slates(slate, 0).call() == hat
    assert word(kit, chief, mapping_slot(hat, 8)) == c.approvals(hat).call() == S.HAT_SUPPORT
    assert word(kit, chief, mapping_slot(S.HAT_VOTER, 9)) == c.deposits(S.HAT_VOTER).call() == S.HAT_SUPPORT
    assert addr_at(kit, chief, 10) == c.GOV().call() == A["MCD_GOV"]
    assert addr_at(kit, chief, 11) == c.IOU().call() == S.CHIEF_IOU
    assert addr_at(kit, chief, 12) == c.hat().call() == hat
    assert word(kit, chief, 13) == c.MAX_YAYS().call() == 5
    assert word(kit, chief, mapping_slot(S.HAT_VOTER, 14)) == c.last(S.HAT_VOTER).call() > 0
    assert word(kit, chief, 15) == 1 and c.live().call() is True


# --- SKY chief: live 0, hat 1, slates 2, votes 3, approvals 4, deposits 5, last 6 -------------------


def test_sky_chief_layout(kit):
    chief = S.SKY_CHIEF
    c = kit.sky_chief.functions
    voter = kit.voter
    kit.as_governance(kit.sky.functions.transfer(voter, 10 * WAD))
    kit.tx(kit.sky.functions.approve(chief, 10 * WAD), voter)
    kit.tx(c.lock(10 * WAD), voter)
    kit.tx(c.vote([kit.someone]), voter)
    slate = c.votes(voter).call()
    assert word(kit, chief, 0) == c.live().call() == 1  # launched by the build, as on mainnet
    assert addr_at(kit, chief, 1) == c.hat().call() == S.PREVIOUS_SPELL
    yays = mapping_slot(int.from_bytes(slate, "big"), 2)
    assert word(kit, chief, yays) == c.length(slate).call() == 1
    assert addr_at(kit, chief, array_base(yays)) == c.slates(slate, 0).call() == kit.someone
    assert word(kit, chief, mapping_slot(voter, 3)).to_bytes(32, "big") == slate
    assert word(kit, chief, mapping_slot(kit.someone, 4)) == c.approvals(kit.someone).call() == 10 * WAD
    assert word(kit, chief, mapping_slot(voter, 5)) == c.deposits(voter).call() == 10 * WAD
    assert word(kit, chief, 6) == c.last().call() > 0  # the block of the build's lift


# --- DSPause: authority 0, owner 1, plans 2, proxy 3, delay 4; DSPauseProxy: owner 0 ----------------


def test_pause_and_proxy_layout(kit):
    pause = A["MCD_PAUSE"]
    p = kit.pause.functions
    assert addr_at(kit, pause, 0) == p.authority().call() == A["MCD_ADM"]
    assert addr_at(kit, pause, 1) == p.owner().call() == ZERO
    plan = (kit.someone, b"\x22" * 32, b"", kit.now() + 10**8)
    kit.tx(p.plot(*plan), S.PREVIOUS_SPELL)
    plan_id = Web3.keccak(kit.w3.codec.encode(["address", "bytes32", "bytes", "uint256"], list(plan)))
    assert word(kit, pause, mapping_slot(int.from_bytes(plan_id, "big"), 2)) == 1 and p.plans(plan_id).call() is True
    assert addr_at(kit, pause, 3) == p.proxy().call() == PROXY
    assert word(kit, pause, 4) == p.delay().call() == 48 * 3600
    assert addr_at(kit, PROXY, 0) == kit.proxy.functions.owner().call() == pause


# --- DssVest*: wards 0, awards 1 (3 slots each), cap 2, ids 3, locked 4 ------------------------------


@pytest.mark.parametrize("name", sorted(S.VESTS))
def test_vest_layout(kit, name):
    vest = kit.vests[name]
    address, v = vest.address, vest.functions
    assert word(kit, address, mapping_slot(PROXY, 0)) == v.wards(PROXY).call() == 1
    award_id = 5 if S.DEFAULT_AWARD_COUNTS[name] >= 5 else 1  # every fifth seed has a manager
    usr, bgn, clf, fin, mgr, res, tot, rxd = v.awards(award_id).call()
    base = mapping_slot(award_id, 1)
    a, b, c = (word(kit, address, base + i) for i in range(3))
    assert (a & (2**160 - 1), a >> 160 & (2**48 - 1), a >> 208) == (int(usr, 16), bgn, clf)
    assert (b & (2**48 - 1), b >> 48 & (2**160 - 1), b >> 208 & 0xff) == (fin, int(mgr, 16), res)
    assert (c & (2**128 - 1), c >> 128) == (tot, rxd)
    assert (mgr != ZERO or award_id != 5) and res == 1
    kit.as_governance(v.file(b"cap".ljust(32, b"\0"), 123_456_789))  # a value no date gives
    assert word(kit, address, 2) == v.cap().call() == 123_456_789
    assert word(kit, address, 3) == v.ids().call() == S.DEFAULT_AWARD_COUNTS[name]
    assert word(kit, address, 4) == 0  # locked, between calls


# --- MkrAuthority (GOV_GUARD): root 0, wards 1 ---------------------------------------------------------


def test_mkr_authority_layout(kit):
    guard = S.MKR_AUTHORITY
    g = kit.mkr_authority.functions
    assert addr_at(kit, guard, 0) == g.root().call() == PROXY
    vest = A["MCD_VEST_MKR"]
    assert word(kit, guard, mapping_slot(vest, 1)) == g.wards(vest).call() == 1
