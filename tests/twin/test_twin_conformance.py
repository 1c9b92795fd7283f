"""The twin's contracts behave as mainnet's: ChainLog, DSPause, both chiefs, the permits of DAI,
USDS and SKY, and the full Vat (issue 14). Revert strings are mainnet's, "" meaning a revert
without a reason (mainnet's older contracts give none).

Fresh deployments (kit.deploy, at nonce-derived addresses) test a contract in isolation; the
contracts at their mainnet addresses test the twin's state. The twin starts at T0.
"""
import pytest
from eth_account import Account
from web3 import Web3

from spellgen.spellfile.protocol import RAD, RAY, WAD
from spellgen.spellfile.history import MAINNET
from spellgen.twin import state as S
from twinkit import ZERO, b32, probe_artifacts

A = MAINNET
PROXY_ADDRESS = MAINNET["MCD_PAUSE_PROXY"]
T0 = 1643328000  # Friday 2022-01-28 00:00:00 UTC
DELAY = 48 * 3600
EMPTY_SLATE = Web3.keccak(b"")


def create_address(sender: str, nonce: int) -> str:
    """The CREATE address of `sender` at `nonce` (nonce < 128)."""
    raw = bytes.fromhex(sender[2:])
    enc_nonce = b"\x80" if nonce == 0 else bytes([nonce])
    payload = b"\x94" + raw + enc_nonce
    return Web3.to_checksum_address(Web3.keccak(bytes([0xC0 + len(payload)]) + payload)[12:])


def mine(kit, blocks: int) -> None:
    kit.rpc.call("anvil_mine", hex(blocks))


# --- ChainLog ----------------------------------------------------------------------------------------


@pytest.fixture
def fresh_log(kit):
    return kit.deploy(kit.art["ChainLog"])


def test_chainlog_lists_itself_first_with_version_0_0_0(kit, fresh_log):
    f = fresh_log.functions
    assert f.count().call() == 1 and f.list().call() == [b32("CHANGELOG")]
    assert f.get(0).call() == [b32("CHANGELOG"), fresh_log.address]
    assert f.getAddress(b32("CHANGELOG")).call() == fresh_log.address
    assert f.version().call() == "0.0.0" and f.wards(kit.accounts[0]).call() == 1
    # the twin's ChainLog too: CHANGELOG is key 0, the other keys follow in registration order
    assert kit.log.functions.get(0).call() == [b32("CHANGELOG"), A["CHANGELOG"]]
    # ... at the version the archived spells had set before its date (issue 23: an onboarding bumps it)
    from spellgen.spellfile.history import chainlog_version_at

    twin_date = "2022-01-28"  # tests/twin/conftest.py's TWIN_DATE (another conftest may answer `import conftest`)
    assert kit.log.functions.version().call() == chainlog_version_at(twin_date) == "1.9.12"


def test_chainlog_setting_a_key_to_zero_keeps_it_listed(kit, fresh_log):
    f = fresh_log.functions
    kit.tx(f.setAddress(b32("MCD_VAT"), A["MCD_VAT"]))
    kit.tx(f.setAddress(b32("MCD_VAT"), ZERO))  # allowed, as on mainnet
    assert f.count().call() == 2 and f.get(1).call() == [b32("MCD_VAT"), ZERO]
    kit.reverts(f.getAddress(b32("MCD_VAT")), "dss-chain-log/invalid-key")
    kit.tx(f.setAddress(b32("MCD_VAT"), A["MCD_VAT"]))  # updated in place, not listed twice
    assert f.count().call() == 2 and f.getAddress(b32("MCD_VAT")).call() == A["MCD_VAT"]
    receipt = kit.tx(f.setAddress(b32("MCD_VOW"), A["MCD_VOW"]))
    assert kit.events(fresh_log, "UpdateAddress", receipt) == [{"key": b32("MCD_VOW"), "addr": A["MCD_VOW"]}]


def test_chainlog_remove_swaps_in_the_last_key(kit, fresh_log):
    f = fresh_log.functions
    for name in ("A", "B", "C"):
        kit.tx(f.setAddress(b32(name), kit.someone))
    kit.tx(f.removeAddress(b32("A")))
    assert f.list().call() == [b32("CHANGELOG"), b32("C"), b32("B")]
    kit.reverts(f.getAddress(b32("A")), "dss-chain-log/invalid-key")
    kit.reverts(f.removeAddress(b32("A")), "dss-chain-log/invalid-key")
    kit.reverts(f.setAddress(b32("D"), kit.someone), "ChainLog/not-authorized", sender=kit.stranger)
    kit.reverts(f.setVersion("1"), "ChainLog/not-authorized", sender=kit.stranger)


# --- DSPause --------------------------------------------------------------------------------------------


def test_pause_creates_its_proxy_as_its_first_creation(kit):
    pause = kit.deploy(kit.art["DSPause"], 3600, ZERO, ZERO)
    proxy = pause.functions.proxy().call()
    assert proxy == create_address(pause.address, 1)
    assert kit.at("DSPauseProxy", proxy).functions.owner().call() == pause.address
    assert pause.functions.delay().call() == 3600 and pause.functions.owner().call() == ZERO
    # on the twin: MCD_PAUSE_PROXY is MCD_PAUSE's first creation, exactly as on mainnet
    assert create_address(A["MCD_PAUSE"], 1) == A["MCD_PAUSE_PROXY"] == kit.pause.functions.proxy().call()


def plot_probe(kit, fn_name: str, tag: bytes | None = None, eta: int | None = None):
    """Plot a call of OwnerClobber.`fn_name` as the hat; (plan, the probe)."""
    probe = kit.deploy(probe_artifacts()["OwnerClobber"])
    fax = Web3.keccak(text=f"{fn_name}()")[:4]
    eta = eta or kit.now() + DELAY
    plan = (probe.address, tag or Web3.keccak(kit.w3.eth.get_code(probe.address)), fax, eta)
    kit.tx(kit.pause.functions.plot(*plan), S.PREVIOUS_SPELL)
    return plan


def test_exec_refuses_a_plan_that_changes_the_proxys_owner(kit):
    plan = plot_probe(kit, "clobber")
    kit.warp(plan[3])
    kit.reverts(kit.pause.functions.exec(*plan), "ds-pause-illegal-storage-change")
    assert kit.proxy.functions.owner().call() == A["MCD_PAUSE"] and kit.pause.functions.plans(
        Web3.keccak(kit.w3.codec.encode(["address", "bytes32", "bytes", "uint256"], list(plan)))).call()


def test_exec_checks_the_code_hash_before_the_eta(kit):
    plan = plot_probe(kit, "clobber", tag=b"\x33" * 32)
    kit.warp(plan[3] - 1)  # premature AND the wrong code hash: mainnet names the code hash
    kit.reverts(kit.pause.functions.exec(*plan), "ds-pause-wrong-codehash")
    kit.reverts(kit.pause.functions.exec(plan[0], plan[1], plan[2], plan[3] + 1), "ds-pause-unplotted-plan")


def test_plot_needs_the_hat_of_a_launched_chief(kit):
    chief = kit.deploy(kit.art["DSChief"], A["MCD_GOV"], S.CHIEF_IOU, 5)
    pause = kit.deploy(kit.art["DSPause"], 0, ZERO, chief.address)
    plan = (kit.someone, b"\x00" * 32, b"", kit.now() + 10)
    kit.reverts(pause.functions.plot(*plan), "ds-auth-unauthorized")  # no hat: address(0) is not root
    assert chief.functions.isUserRoot(ZERO).call() is False and chief.functions.live().call() is False


# --- DSChief (MKR) ------------------------------------------------------------------------------------


@pytest.fixture
def mkr_chief(kit):
    """A fresh chief on fresh ds-tokens (as ds-chief's own tests build one): (chief, gov, iou)."""
    gov = kit.deploy(kit.art["DSToken"], b32("GOV"))
    iou = kit.deploy(kit.art["DSToken"], b32("IOU"))
    chief = kit.deploy(kit.art["DSChief"], gov.address, iou.address, 3)
    kit.tx(iou.functions.setOwner(chief.address))
    for voter in (kit.voter, kit.someone):
        kit.tx(gov.functions.mint(voter, 200_000 * WAD))
        kit.tx(gov.functions.approve(chief.address), voter)
        kit.tx(iou.functions.approve(chief.address), voter)
    return chief, gov, iou


def test_mkr_chief_launch(kit, mkr_chief):
    chief, _, _ = mkr_chief
    c = chief.functions
    assert c.authority().call() == chief.address and c.owner().call() == ZERO and c.live().call() is False
    kit.tx(c.lock(79_999 * WAD), kit.voter)
    kit.tx(c.vote([ZERO]), kit.voter)
    kit.reverts(c.launch(), "")  # 80,000 needed on address(0)
    kit.tx(c.lock(1 * WAD), kit.voter)
    kit.tx(c.launch(), kit.stranger)
    assert c.live().call() is True
    kit.reverts(c.launch(), "")  # once only


def test_mkr_chief_cannot_launch_with_a_hat(kit, mkr_chief):
    chief, _, _ = mkr_chief
    c = chief.functions
    kit.tx(c.lock(100_000 * WAD), kit.voter)
    kit.tx(c.vote([kit.stranger]), kit.voter)
    kit.tx(c.lift(kit.stranger), kit.voter)
    kit.tx(c.vote([ZERO]), kit.voter)
    kit.reverts(c.launch(), "")  # hat != 0
    assert c.isUserRoot(kit.stranger).call() is False  # hat but not live: not root
    assert c.canCall(kit.stranger, kit.someone, b"\x12\x34\x56\x78").call() is False


def test_mkr_chief_root_and_roles(kit, mkr_chief):
    chief, _, _ = mkr_chief
    c = chief.functions
    kit.tx(c.lock(100_000 * WAD), kit.voter)
    kit.tx(c.vote([ZERO]), kit.voter)
    kit.tx(c.launch())
    kit.tx(c.vote([kit.stranger]), kit.voter)
    kit.tx(c.lift(kit.stranger))
    sig = b"\xaa\xbb\xcc\xdd"
    assert c.isUserRoot(kit.stranger).call() is True and c.canCall(kit.stranger, kit.someone, sig).call() is True
    assert c.canCall(kit.voter, kit.someone, sig).call() is False
    kit.reverts(c.setUserRole(kit.voter, 1, True), "ds-auth-unauthorized", sender=kit.voter)
    kit.tx(c.setUserRole(kit.voter, 1, True), kit.stranger)  # the hat is root: it may set roles
    assert c.hasUserRole(kit.voter, 1).call() is True and c.hasUserRole(kit.voter, 2).call() is False
    kit.tx(c.setRoleCapability(1, kit.someone, sig, True), kit.stranger)
    assert c.canCall(kit.voter, kit.someone, sig).call() is True
    assert c.canCall(kit.voter, kit.someone, b"\x00\x00\x00\x01").call() is False
    kit.tx(c.setRoleCapability(1, kit.someone, sig, False), kit.stranger)
    kit.tx(c.setPublicCapability(kit.someone, sig, True), kit.stranger)
    assert c.canCall(kit.someone, kit.someone, sig).call() is True and c.isCapabilityPublic(kit.someone, sig).call()
    kit.tx(c.setUserRole(kit.voter, 1, False), kit.stranger)
    assert c.getUserRoles(kit.voter).call() == b"\0" * 32
    for fn in (c.setOwner(kit.voter), c.setAuthority(kit.voter), c.setRootUser(kit.voter, True)):
        kit.reverts(fn, "", sender=kit.stranger)  # disabled, even for the hat


def test_mkr_chief_slates_and_weights(kit, mkr_chief):
    chief, gov, iou = mkr_chief
    c = chief.functions
    low, mid, high = sorted([kit.accounts[5], kit.accounts[6], kit.accounts[7]], key=lambda x: int(x, 16))
    kit.reverts(c.etch([low, mid, high, kit.accounts[8]]), "")  # more than MAX_YAYS (3)
    kit.reverts(c.etch([mid, low]), "")  # not ordered
    kit.reverts(c.etch([low, low]), "")  # not a set
    kit.reverts(c.vote(b"\x01" * 32), "ds-chief-invalid-slate")
    kit.tx(c.vote(EMPTY_SLATE), kit.voter)  # the empty slate is always valid
    kit.tx(c.lock(10 * WAD), kit.voter)
    kit.tx(c.vote([low, mid]), kit.voter)
    assert c.approvals(low).call() == c.approvals(mid).call() == 10 * WAD
    assert iou.functions.balanceOf(kit.voter).call() == 10 * WAD and gov.functions.balanceOf(chief.address).call() == 10 * WAD
    kit.reverts(c.lift(high), "")  # not higher than the hat (0 vs approvals of address(0) = 0)
    kit.tx(c.free(4 * WAD), kit.voter)
    assert c.approvals(low).call() == 6 * WAD and c.deposits(kit.voter).call() == 6 * WAD
    kit.reverts(c.free(7 * WAD), "ds-math-sub-underflow", sender=kit.voter)
    assert c.last(kit.voter).call() > 0 and c.GOV().call() == gov.address and c.MAX_YAYS().call() == 3


def test_mkr_chief_free_cannot_share_a_block_with_lock(kit, mkr_chief):
    chief, _, _ = mkr_chief
    kit.rpc.call("evm_setAutomine", False)
    try:
        lock = chief.functions.lock(WAD).transact({"from": kit.voter, "gas": 500_000})
        free = chief.functions.free(WAD).transact({"from": kit.voter, "gas": 500_000})
        mine(kit, 1)
    finally:
        kit.rpc.call("evm_setAutomine", True)
    assert kit.w3.eth.get_transaction_receipt(lock).status == 1
    assert kit.w3.eth.get_transaction_receipt(free).status == 0
    assert chief.functions.deposits(kit.voter).call() == WAD


def test_twin_mkr_chief_is_launched_and_only_its_hat_may_call(kit):
    c = kit.chief.functions
    assert c.live().call() is True and c.hat().call() == S.PREVIOUS_SPELL
    plot = Web3.keccak(text="plot(address,bytes32,bytes,uint256)")[:4]
    assert c.canCall(S.PREVIOUS_SPELL, A["MCD_PAUSE"], plot).call() is True
    assert c.canCall(kit.stranger, A["MCD_PAUSE"], plot).call() is False
    assert c.approvals(ZERO).call() == 0  # the launch votes moved on to the hat


# --- The SKY chief (2025) -----------------------------------------------------------------------------


def test_twin_sky_chief_is_mainnets_deployment(kit):
    c = kit.sky_chief.functions
    assert c.gov().call() == c.GOV().call() == A["SKY"]
    assert c.maxYays().call() == c.MAX_YAYS().call() == 5
    assert c.launchThreshold().call() == 2_400_000_000 * WAD
    assert c.liftCooldown().call() == 10
    assert c.EMPTY_SLATE().call() == EMPTY_SLATE


@pytest.fixture
def sky_chief(kit):
    """A fresh SKY chief on a fresh SKY token, threshold 100 SKY, cooldown 10 blocks: (chief, sky)."""
    sky = kit.deploy(kit.art["Sky"])
    chief = kit.deploy(kit.art["Chief"], sky.address, 2, 100 * WAD, 10)
    for voter in (kit.voter, kit.someone):
        kit.tx(sky.functions.mint(voter, 1_000 * WAD))
        kit.tx(sky.functions.approve(chief.address, 2**256 - 1), voter)
    return chief, sky


def test_sky_chief_launch(kit, sky_chief):
    chief, _ = sky_chief
    c = chief.functions
    kit.tx(c.lock(99 * WAD), kit.voter)
    kit.tx(c.vote([ZERO]), kit.voter)
    kit.reverts(c.launch(), "Chief/less-than-threshold")
    kit.tx(c.lock(WAD), kit.voter)
    receipt = kit.tx(c.launch())
    assert c.live().call() == 1 and c.last().call() == receipt.blockNumber
    kit.reverts(c.launch(), "Chief/already-live")
    assert len(kit.events(chief, "Launch", receipt)) == 1


def test_sky_chief_launch_needs_no_hat(kit, sky_chief):
    chief, _ = sky_chief
    c = chief.functions
    kit.tx(c.lock(200 * WAD), kit.voter)
    kit.tx(c.vote([kit.stranger]), kit.voter)
    kit.tx(c.lift(kit.stranger))
    kit.reverts(c.launch(), "Chief/not-address-zero")
    assert c.canCall(kit.stranger, kit.someone, b"\x00" * 4).call() is False  # not live


def test_sky_chief_slates(kit, sky_chief):
    chief, sky = sky_chief
    c = chief.functions
    low, mid, high = sorted([kit.accounts[5], kit.accounts[6], kit.accounts[7]], key=lambda x: int(x, 16))
    kit.reverts(c.etch([low, mid, high]), "Chief/greater-max-yays")
    kit.reverts(c.etch([mid, low]), "Chief/yays-not-ordered")
    kit.reverts(c.vote(b"\x01" * 32), "Chief/invalid-slate")
    kit.tx(c.lock(5 * WAD), kit.voter)
    receipt = kit.tx(c.vote([low, mid]), kit.voter)
    slate = c.votes(kit.voter).call()
    assert kit.events(chief, "Etch", receipt) == [{"slate": slate, "yays": [low, mid]}]
    assert c.length(slate).call() == 2 and c.approvals(mid).call() == 5 * WAD
    assert sky.functions.balanceOf(chief.address).call() == 5 * WAD  # no IOU: the chief holds SKY
    kit.tx(c.free(2 * WAD), kit.voter)
    assert c.approvals(low).call() == 3 * WAD and sky.functions.balanceOf(kit.voter).call() == 997 * WAD


def test_sky_chief_lift_cooldown_and_free_after_lift(kit, sky_chief):
    chief, _ = sky_chief
    c = chief.functions
    kit.tx(c.lock(200 * WAD), kit.voter)
    kit.tx(c.vote([ZERO]), kit.voter)
    launched = kit.tx(c.launch()).blockNumber
    kit.tx(c.vote([kit.stranger]), kit.voter)
    kit.reverts(c.lift(kit.stranger), "Chief/cant-lift-again-yet")  # a launch starts the cooldown too
    mine(kit, launched + 10 - kit.w3.eth.block_number)
    kit.reverts(c.lift(kit.stranger), "Chief/cant-lift-again-yet")  # block launched + 10
    mine(kit, 1)
    lifted = kit.tx(c.lift(kit.stranger)).blockNumber
    assert c.hat().call() == kit.stranger and c.last().call() == lifted
    assert c.canCall(kit.stranger, kit.someone, b"\x00" * 4).call() is True
    kit.reverts(c.free(WAD), "Chief/cant-free-same-block", sender=kit.voter)  # eth_call sees block `lifted`
    kit.reverts(c.lift(kit.voter), "Chief/not-higher-current-hat")  # same block as the last lift: allowed, but lower
    kit.tx(c.lock(10 * WAD), kit.someone)
    kit.tx(c.vote([kit.someone]), kit.someone)
    kit.tx(c.vote([kit.someone]), kit.voter)  # now kit.someone has 210 SKY, the hat none
    mine(kit, lifted + 10 - kit.w3.eth.block_number)  # latest block: lifted + 10
    kit.reverts(c.lift(kit.someone), "Chief/cant-lift-again-yet")
    mine(kit, 1)  # lifted + 11
    assert c.lift(kit.someone).call() == [] and kit.tx(c.lift(kit.someone)).status == 1
    assert c.hat().call() == kit.someone


# --- Permits --------------------------------------------------------------------------------------------


OWNER = Account.from_key("0x" + "42" * 32)
DOMAIN_TYPE = Web3.keccak(text="EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)")


def domain(kit, name: str, address: str, chain_id: int = 1) -> bytes:
    return Web3.keccak(kit.w3.codec.encode(["bytes32", "bytes32", "bytes32", "uint256", "address"],
                                           [DOMAIN_TYPE, Web3.keccak(text=name), Web3.keccak(text="1"), chain_id, address]))


def sign(digest: bytes, account=OWNER):
    sig = account.unsafe_sign_hash(digest)
    return sig.v, sig.r.to_bytes(32, "big"), sig.s.to_bytes(32, "big")


def dai_digest(kit, holder, spender, nonce, expiry, allowed) -> bytes:
    typehash = Web3.keccak(text="Permit(address holder,address spender,uint256 nonce,uint256 expiry,bool allowed)")
    inner = Web3.keccak(kit.w3.codec.encode(["bytes32", "address", "address", "uint256", "uint256", "bool"],
                                            [typehash, holder, spender, nonce, expiry, allowed]))
    return Web3.keccak(b"\x19\x01" + domain(kit, "Dai Stablecoin", A["MCD_DAI"]) + inner)


def test_dai_domain_and_typehash(kit):
    d = kit.dai.functions
    assert d.DOMAIN_SEPARATOR().call() == domain(kit, "Dai Stablecoin", A["MCD_DAI"], 1)
    assert d.PERMIT_TYPEHASH().call() == Web3.keccak(
        text="Permit(address holder,address spender,uint256 nonce,uint256 expiry,bool allowed)")
    assert d.version().call() == "1" and d.nonces(OWNER.address).call() == 0


def test_dai_permit(kit):
    d, holder, spender = kit.dai.functions, OWNER.address, kit.stranger
    expiry = kit.now() + 3600
    v, r, s = sign(dai_digest(kit, holder, spender, 0, expiry, True))
    kit.reverts(d.permit(holder, kit.someone, 0, expiry, True, v, r, s), "Dai/invalid-permit")
    kit.reverts(d.permit(ZERO, spender, 0, expiry, True, v, r, s), "Dai/invalid-address-0")
    receipt = kit.tx(d.permit(holder, spender, 0, expiry, True, v, r, s), kit.someone)
    assert d.allowance(holder, spender).call() == 2**256 - 1 and d.nonces(holder).call() == 1
    assert kit.events(kit.dai, "Approval", receipt) == [{"src": holder, "guy": spender, "wad": 2**256 - 1}]
    kit.reverts(d.permit(holder, spender, 0, expiry, True, v, r, s), "Dai/invalid-nonce")
    v, r, s = sign(dai_digest(kit, holder, spender, 1, 0, False))  # expiry 0: never expires
    kit.tx(d.permit(holder, spender, 1, 0, False, v, r, s))
    assert d.allowance(holder, spender).call() == 0 and d.nonces(holder).call() == 2
    past = kit.now() - 1
    v, r, s = sign(dai_digest(kit, holder, spender, 2, past, True))
    kit.reverts(d.permit(holder, spender, 2, past, True, v, r, s), "Dai/permit-expired")


def eip2612_digest(kit, name, token, owner, spender, value, nonce, deadline) -> bytes:
    typehash = Web3.keccak(text="Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)")
    inner = Web3.keccak(kit.w3.codec.encode(["bytes32", "address", "address", "uint256", "uint256", "uint256"],
                                            [typehash, owner, spender, value, nonce, deadline]))
    return Web3.keccak(b"\x19\x01" + domain(kit, name, token) + inner)


@pytest.mark.parametrize("symbol, name", [("USDS", "USDS Stablecoin"), ("SKY", "SKY Governance Token")])
def test_usds_and_sky_permit(kit, symbol, name):
    token = kit.usds if symbol == "USDS" else kit.sky
    t, owner, spender = token.functions, OWNER.address, kit.stranger
    prefix = "Usds" if symbol == "USDS" else "Sky"
    assert t.name().call() == name and t.version().call() == "1"
    assert t.DOMAIN_SEPARATOR().call() == domain(kit, name, token.address)
    assert t.PERMIT_TYPEHASH().call() == Web3.keccak(
        text="Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)")
    deadline = kit.now() + 100
    v, r, s = sign(eip2612_digest(kit, name, token.address, owner, spender, 5 * WAD, 0, deadline))
    kit.reverts(t.permit(owner, spender, 6 * WAD, deadline, v, r, s), f"{prefix}/invalid-permit")
    kit.reverts(t.permit(ZERO, spender, 5 * WAD, deadline, v, r, s), f"{prefix}/invalid-owner")
    kit.tx(t.permit(owner, spender, 5 * WAD, deadline, v, r, s))
    assert t.allowance(owner, spender).call() == 5 * WAD and t.nonces(owner).call() == 1
    kit.reverts(t.permit(owner, spender, 5 * WAD, deadline, v, r, s), f"{prefix}/invalid-permit")  # nonce used
    packed = r + s + bytes([v])  # the bytes-signature overload
    v2, r2, s2 = sign(eip2612_digest(kit, name, token.address, owner, spender, 7, 1, deadline))
    kit.tx(t.permit(owner, spender, 7, deadline, r2 + s2 + bytes([v2])))
    assert t.allowance(owner, spender).call() == 7 and len(packed) == 65
    kit.reverts(t.permit(owner, spender, 7, kit.now() - 1, r2 + s2 + bytes([v2])), f"{prefix}/permit-expired")


def test_usds_permit_from_an_erc1271_wallet(kit):
    wallet = kit.deploy(probe_artifacts()["Erc1271Wallet"])
    deadline = kit.now() + 100
    digest = eip2612_digest(kit, "USDS Stablecoin", A["USDS"], wallet.address, kit.stranger, 3, 0, deadline)
    kit.reverts(kit.usds.functions.permit(wallet.address, kit.stranger, 3, deadline, b""), "Usds/invalid-permit")
    kit.tx(wallet.functions.approveDigest(digest))
    kit.tx(kit.usds.functions.permit(wallet.address, kit.stranger, 3, deadline, b""))
    assert kit.usds.functions.allowance(wallet.address, kit.stranger).call() == 3


def test_sky_remembers_its_deployment_chain(kit):
    assert kit.sky.functions.deploymentChainId().call() == 1


# --- The Vat, in full -----------------------------------------------------------------------------------

ILK = b32("ETH-A")


@pytest.fixture
def vat(kit):
    """A fresh Vat (the deployer is its ward) with ETH-A: spot 2 ray, line 1,000 rad, dust 10 rad, Line 2,000."""
    vat = kit.deploy(kit.art["Vat"])
    v = vat.functions
    kit.tx(v.init(ILK))
    kit.tx(v.file(b32("Line"), 2_000 * RAD))
    kit.tx(v.file(ILK, b32("spot"), 2 * RAY))
    kit.tx(v.file(ILK, b32("line"), 1_000 * RAD))
    kit.tx(v.file(ILK, b32("dust"), 10 * RAD))
    kit.tx(v.slip(ILK, kit.voter, 1_000 * WAD))
    return vat


def test_vat_administration(kit, vat):
    v = vat.functions
    kit.reverts(v.init(ILK), "Vat/ilk-already-init")
    kit.reverts(v.init(b32("X")), "Vat/not-authorized", sender=kit.stranger)
    kit.reverts(v.file(b32("line"), 1), "Vat/file-unrecognized-param")
    kit.reverts(v.file(ILK, b32("Line"), 1), "Vat/file-unrecognized-param")
    assert v.ilks(ILK).call() == [0, RAY, 2 * RAY, 1_000 * RAD, 10 * RAD] and v.Line().call() == 2_000 * RAD
    kit.reverts(v.slip(ILK, kit.voter, -(1_000 * WAD + 1)), "")  # gem would go below zero
    kit.tx(v.cage())
    assert v.live().call() == 0
    for fn in (v.file(b32("Line"), 1), v.file(ILK, b32("spot"), 1), v.rely(kit.someone), v.deny(kit.someone),
               v.fold(ILK, kit.someone, 1)):
        kit.reverts(fn, "Vat/not-live")
    kit.reverts(v.frob(ILK, kit.voter, kit.voter, kit.voter, 1, 0), "Vat/not-live", sender=kit.voter)


def test_vat_frob(kit, vat):
    v, u = vat.functions, kit.voter
    kit.reverts(v.frob(b32("NOPE"), u, u, u, 1, 0), "Vat/ilk-not-init", sender=u)
    kit.reverts(v.frob(ILK, u, u, u, 10 * WAD, 21 * WAD), "Vat/not-safe", sender=u)  # 21 > 10 * 2
    kit.reverts(v.frob(ILK, u, u, u, 10 * WAD, 5 * WAD), "Vat/dust", sender=u)  # 5 < 10 rad
    kit.reverts(v.frob(ILK, u, u, u, 600 * WAD, 1_001 * WAD), "Vat/ceiling-exceeded", sender=u)
    kit.reverts(v.frob(ILK, u, u, u, 10 * WAD, 10 * WAD), "Vat/not-allowed-u", sender=kit.stranger)
    kit.tx(v.frob(ILK, u, u, u, 10 * WAD, 20 * WAD), u)
    assert v.urns(ILK, u).call() == [10 * WAD, 20 * WAD] and v.gem(ILK, u).call() == 990 * WAD
    assert v.dai(u).call() == 20 * RAD and v.debt().call() == 20 * RAD and v.ilks(ILK).call()[0] == 20 * WAD
    kit.reverts(v.frob(ILK, u, kit.stranger, u, WAD, 0), "Vat/not-allowed-v", sender=u)  # gem from someone else
    kit.reverts(v.frob(ILK, u, u, kit.stranger, 0, -WAD), "Vat/not-allowed-w", sender=u)  # dai from someone else
    kit.reverts(v.frob(ILK, u, u, u, 0, -11 * WAD), "Vat/dust", sender=u)  # 9 left
    kit.tx(v.hope(kit.stranger), u)
    kit.tx(v.frob(ILK, u, u, u, 0, -20 * WAD), kit.stranger)  # a hoped address may act for the urn
    assert v.urns(ILK, u).call() == [10 * WAD, 0] and v.dai(u).call() == 0 and v.debt().call() == 0
    kit.tx(v.file(b32("Line"), 5 * RAD))
    kit.reverts(v.frob(ILK, u, u, u, 0, 10 * WAD), "Vat/ceiling-exceeded", sender=u)  # global Line


def test_vat_fork_grab_fold_flux_move(kit, vat):
    v, u, w = vat.functions, kit.voter, kit.someone
    kit.tx(v.frob(ILK, u, u, u, 100 * WAD, 50 * WAD), u)
    kit.reverts(v.fork(ILK, u, w, 10 * WAD, 20 * WAD), "Vat/not-allowed", sender=u)  # w did not consent
    kit.tx(v.hope(u), w)
    kit.reverts(v.fork(ILK, u, w, 10 * WAD, 21 * WAD), "Vat/not-safe-dst", sender=u)
    kit.reverts(v.fork(ILK, u, w, 90 * WAD, 20 * WAD), "Vat/not-safe-src", sender=u)
    kit.reverts(v.fork(ILK, u, w, 10 * WAD, 5 * WAD), "Vat/dust-dst", sender=u)
    kit.reverts(v.fork(ILK, u, w, 60 * WAD, 45 * WAD), "Vat/dust-src", sender=u)
    kit.tx(v.fork(ILK, u, w, 10 * WAD, 20 * WAD), u)
    assert v.urns(ILK, w).call() == [10 * WAD, 20 * WAD] and v.urns(ILK, u).call() == [90 * WAD, 30 * WAD]
    kit.tx(v.grab(ILK, w, kit.stranger, kit.accounts[6], -10 * WAD, -20 * WAD))  # confiscate w's urn
    assert v.urns(ILK, w).call() == [0, 0] and v.gem(ILK, kit.stranger).call() == 10 * WAD
    assert v.sin(kit.accounts[6]).call() == 20 * RAD and v.vice().call() == 20 * RAD
    kit.reverts(v.grab(ILK, u, u, u, 0, 0), "Vat/not-authorized", sender=kit.stranger)
    kit.tx(v.fold(ILK, kit.accounts[7], RAY // 10))  # rate +10 %: 30 art owe 3 more dai
    assert v.ilks(ILK).call()[1] == RAY + RAY // 10 and v.dai(kit.accounts[7]).call() == 3 * RAD
    kit.reverts(v.flux(ILK, u, w, WAD), "Vat/not-allowed", sender=kit.stranger)
    kit.tx(v.flux(ILK, u, w, WAD), u)
    assert v.gem(ILK, w).call() == WAD
    kit.reverts(v.move(u, w, RAD), "Vat/not-allowed", sender=kit.stranger)
    kit.tx(v.move(u, w, RAD), u)
    assert v.dai(w).call() == RAD
    kit.reverts(v.move(u, w, 1_000 * RAD), "", sender=u)  # more than u has: no reason, as mainnet's


def test_vat_suck_and_heal_and_notes(kit, vat):
    v = vat.functions
    receipt = kit.tx(v.suck(kit.someone, kit.stranger, 7 * RAD))
    assert v.sin(kit.someone).call() == v.dai(kit.stranger).call() == v.vice().call() == 7 * RAD
    # mainnet's LibNote: an anonymous log whose first topic is the selector, the second the caller
    (log,) = [entry for entry in receipt.logs if entry["address"] == vat.address]
    assert log["topics"][0][:4] == Web3.keccak(text="suck(address,address,uint256)")[:4]
    assert log["topics"][1][12:] == bytes.fromhex(kit.accounts[0][2:])
    kit.tx(v.suck(kit.someone, kit.someone, 2 * RAD))
    kit.tx(v.heal(2 * RAD), kit.someone)
    assert v.sin(kit.someone).call() == 7 * RAD and v.debt().call() == 7 * RAD and v.dai(kit.someone).call() == 0
    kit.reverts(v.heal(1), "", sender=kit.someone)  # no dai left to heal with
    kit.reverts(v.suck(kit.someone, kit.someone, 1), "Vat/not-authorized", sender=kit.someone)


# --- MKR and its authority ------------------------------------------------------------------------------


def test_mkr_authority_rules(kit):
    g = kit.mkr_authority.functions
    mint = Web3.keccak(text="mint(address,uint256)")[:4]
    burn_from = Web3.keccak(text="burn(address,uint256)")[:4]
    transfer = Web3.keccak(text="transfer(address,uint256)")[:4]
    assert g.canCall(kit.stranger, A["MCD_GOV"], burn_from).call() is True  # anyone may burn
    assert g.canCall(kit.stranger, A["MCD_GOV"], mint).call() is False
    assert g.canCall(A["MCD_VEST_MKR"], A["MCD_GOV"], mint).call() is True
    assert g.canCall(A["MCD_VEST_MKR"], A["MCD_GOV"], transfer).call() is False
    assert g.canCall(PROXY_ADDRESS, A["MCD_GOV"], transfer).call() is True  # the root may do anything
    kit.reverts(g.rely(kit.stranger), "", sender=kit.stranger)
    kit.reverts(g.setRoot(kit.stranger), "", sender=kit.stranger)
    kit.tx(g.rely(kit.stranger), PROXY_ADDRESS)
    kit.tx(kit.mkr.functions.mint(kit.someone, 3 * WAD), kit.stranger)
    assert kit.mkr.functions.balanceOf(kit.someone).call() == 3 * WAD


def test_mkr_reverts_without_reasons(kit):
    m = kit.mkr.functions
    kit.give_mkr(kit.someone, 5 * WAD)
    kit.reverts(m.transfer(kit.stranger, 6 * WAD), "", sender=kit.someone)  # balance
    kit.reverts(m.transferFrom(kit.someone, kit.stranger, WAD), "", sender=kit.stranger)  # allowance
    kit.reverts(m.mint(kit.stranger, WAD), "", sender=kit.stranger)  # auth
    kit.tx(m.approve(kit.stranger), kit.someone)  # approve(address): unlimited, never decreased
    kit.tx(m.transferFrom(kit.someone, kit.stranger, WAD), kit.stranger)
    assert m.allowance(kit.someone, kit.stranger).call() == 2**256 - 1
    receipt = kit.tx(m.burn(kit.someone, WAD), kit.stranger)  # anyone may burn with an allowance
    assert kit.events(kit.mkr, "Burn", receipt) == [{"guy": kit.someone, "wad": WAD}]
    assert kit.events(kit.mkr, "Transfer", receipt) == []  # the 2017 token logs Burn only
    kit.tx(m.stop(), PROXY_ADDRESS)  # the PauseProxy roots the authority
    kit.reverts(m.transfer(kit.stranger, WAD), "", sender=kit.someone)  # stopped
    assert m.stopped().call() is True


def test_chief_fab_builds_a_chief_owning_its_iou(kit):
    fab = kit.deploy(kit.art["DSChiefFab"])
    chief_address = fab.functions.newChief(A["MCD_GOV"], 5).call()
    kit.tx(fab.functions.newChief(A["MCD_GOV"], 5))
    chief = kit.at("DSChief", chief_address)
    iou = kit.at("DSToken", chief.functions.IOU().call())
    assert iou.functions.owner().call() == chief_address and iou.functions.symbol().call() == b32("IOU")
    assert chief.functions.GOV().call() == A["MCD_GOV"] and chief.functions.MAX_YAYS().call() == 5


# --- USDS behind its ERC-1967 proxy ---------------------------------------------------------------------

IMPLEMENTATION_SLOT = int.from_bytes(Web3.keccak(text="eip1967.proxy.implementation"), "big") - 1
INITIALIZABLE_SLOT = 0xF0C57E16840DF040F15088DC2F81FE391C3923BEC73E23A9662EFC9C229C6A00


def custom_error(kit, fn, signature: str, sender: str | None = None) -> bytes:
    """`fn` reverts with the custom error `signature`; its arguments (encoded)."""
    with pytest.raises(Exception) as caught:
        kit.w3.eth.call({"to": fn.address, "data": fn._encode_transaction_data(), "from": sender or kit.accounts[0]})
    data = getattr(caught.value, "data", None)
    data = data if isinstance(data, str) else (caught.value.args[1] if len(caught.value.args) > 1 else "")
    selector = "0x" + Web3.keccak(text=signature)[:4].hex().removeprefix("0x")
    assert isinstance(data, str) and data.startswith(selector), (data, selector)
    return bytes.fromhex(data[10:])


def test_usds_is_an_erc1967_proxy_of_usds_imp(kit):
    u = kit.usds.functions
    assert kit.rpc.storage(A["USDS"], IMPLEMENTATION_SLOT) == int(S.USDS_IMP, 16)
    assert u.getImplementation().call() == S.USDS_IMP
    assert kit.rpc.storage(A["USDS"], INITIALIZABLE_SLOT) == 1  # initialised once, not initialising
    assert kit.rpc.storage(S.USDS_IMP, INITIALIZABLE_SLOT) == 2**64 - 1  # the implementation is locked
    assert kit.w3.eth.get_code(A["USDS"]) != kit.w3.eth.get_code(S.USDS_IMP)
    assert u.UPGRADE_INTERFACE_VERSION().call() == "5.0.0"
    impl = kit.at("Usds", S.USDS_IMP)
    assert impl.functions.proxiableUUID().call() == IMPLEMENTATION_SLOT.to_bytes(32, "big")
    assert impl.functions.wards(PROXY_ADDRESS).call() == 0 and impl.functions.totalSupply().call() == 0


def test_usds_cannot_be_initialised_again(kit):
    custom_error(kit, kit.usds.functions.initialize(), "InvalidInitialization()", sender=kit.stranger)
    custom_error(kit, kit.at("Usds", S.USDS_IMP).functions.initialize(), "InvalidInitialization()")
    custom_error(kit, kit.usds.functions.proxiableUUID(), "UUPSUnauthorizedCallContext()")


def test_usds_upgrades_only_by_its_wards(kit):
    u = kit.usds.functions
    new_impl = kit.deploy(kit.art["Usds"])
    kit.reverts(u.upgradeToAndCall(new_impl.address, b""), "Usds/not-authorized", sender=kit.stranger)
    custom_error(kit, new_impl.functions.upgradeToAndCall(new_impl.address, b""), "UUPSUnauthorizedCallContext()")
    # a contract without proxiableUUID: its call reverts, which the upgrade reports as an invalid implementation
    bad = custom_error(kit, u.upgradeToAndCall(A["MCD_VAT"], b""), "ERC1967InvalidImplementation(address)",
                       sender=PROXY_ADDRESS)
    assert bad[12:] == bytes.fromhex(A["MCD_VAT"][2:])
    kit.reverts(u.upgradeToAndCall(kit.someone, b""), "", sender=PROXY_ADDRESS)  # no code: the answer cannot decode
    supply = u.totalSupply().call()
    receipt = kit.as_governance(u.upgradeToAndCall(new_impl.address, b""))
    assert u.getImplementation().call() == new_impl.address
    upgraded = [log for log in receipt.logs if log["topics"][0] == Web3.keccak(text="Upgraded(address)")]
    assert len(upgraded) == 1 and upgraded[0]["address"] == A["USDS"]
    assert u.totalSupply().call() == supply and u.wards(A["USDS_JOIN"]).call() == 1  # storage kept


# --- Constructors that refuse their arguments ------------------------------------------------------------


def deploy_reverts(kit, name: str, *args) -> str:
    """The revert reason of deploying `name` with `args` (a creation as eth_call)."""
    from spellgen.twin.place import constructor_args

    art = kit.art[name]
    with pytest.raises(Exception) as caught:
        kit.w3.eth.call({"from": kit.accounts[0], "data": "0x" + art.initcode + constructor_args(art, args)})
    return str(getattr(caught.value, "message", caught.value)).removeprefix("execution reverted: ")


def test_vest_constructors_check_their_arguments(kit):
    assert deploy_reverts(kit, "DssVestMintable", ZERO) == "DssVestMintable/Invalid-token-address"
    assert deploy_reverts(kit, "DssVestTransferrable", ZERO, A["MCD_GOV"]) == "DssVestTransferrable/Invalid-distributor-address"
    assert deploy_reverts(kit, "DssVestTransferrable", PROXY_ADDRESS, ZERO) == "DssVestTransferrable/Invalid-token-address"
    assert deploy_reverts(kit, "DssVestSuckable", ZERO, A["MCD_JOIN_DAI"]) == "DssVestSuckable/invalid-chainlog-address"
    other_vat = kit.deploy(kit.art["Vat"])
    stray_join = kit.deploy(kit.art["DaiJoin"], other_vat.address, A["MCD_DAI"])
    assert deploy_reverts(kit, "DssVestSuckable", A["CHANGELOG"], stray_join.address) == "DssVestSuckable/invalid-join-vat"


def test_suckable_vests_name_their_join_both_ways(kit):
    for key, join in (("MCD_VEST_DAI", "MCD_JOIN_DAI"), ("MCD_VEST_USDS", "USDS_JOIN")):
        vest = kit.vests[key].functions
        assert vest.join().call() == vest.daiJoin().call() == A[join]


def test_vest_ids_cannot_overflow(kit):
    vest = kit.vests["MCD_VEST_MKR"]
    kit.rpc.set_storage(vest.address, 3, 2**256 - 1)  # ids
    kit.reverts(vest.functions.create(kit.someone, WAD, kit.now(), 365 * 86400, 0, ZERO), "DssVest/ids-overflow",
                sender=PROXY_ADDRESS)


def test_vest_file_checks_the_lock_before_auth(kit):
    vest = kit.vests["MCD_VEST_MKR"]
    kit.rpc.set_storage(vest.address, 4, 1)  # locked
    kit.reverts(vest.functions.file(b32("cap"), 1), "DssVest/system-locked", sender=kit.stranger)
    kit.reverts(vest.functions.create(kit.someone, 1, kit.now(), 1, 0, ZERO), "DssVest/system-locked", sender=kit.stranger)
    kit.reverts(vest.functions.rely(kit.stranger), "DssVest/not-authorized", sender=kit.stranger)  # rely: no lock
    kit.tx(vest.functions.rely(kit.stranger), PROXY_ADDRESS)
    assert vest.functions.wards(kit.stranger).call() == 1


# --- The Vow and the DAI join ----------------------------------------------------------------------------


def test_vow_queue_and_settlement(kit):
    w = kit.vow.functions
    era = kit.now() + 10
    kit.as_governance(w.fess(5 * RAD), at=era)
    kit.reverts(w.flog(era), "Vow/wait-not-finished")
    kit.warp(era + w.wait().call())
    kit.tx(w.flog(era), kit.stranger)
    assert w.sin(era).call() == 0 and w.Sin().call() == 0
    kit.reverts(w.kiss(1), "Vow/not-enough-ash")
    sin = kit.vat.functions.sin(A["MCD_VOW"]).call()
    kit.reverts(w.heal(sin + 1), "Vow/insufficient-debt")
    kit.tx(w.heal(sin), kit.stranger)  # the vow's dai pays off its whole sin
    assert kit.vat.functions.sin(A["MCD_VOW"]).call() == 0
    kit.reverts(w.heal(1), "Vow/insufficient-debt")
    kit.reverts(w.file(b32("nope"), 1), "Vow/file-unrecognized-param", sender=PROXY_ADDRESS)
    kit.reverts(w.file(b32("hump"), 1), "Vow/not-authorized", sender=kit.stranger)
    kit.reverts(w.flap(), "")  # its checks pass (surplus over hump + bump, no debt), but there is no flapper
    kit.as_governance(w.file(b32("hump"), 10**9 * RAD))
    kit.reverts(w.flap(), "Vow/insufficient-surplus")
    kit.reverts(w.flop(), "Vow/insufficient-debt")  # no debt left to auction
    kit.as_governance(w.file(b32("flopper"), kit.someone))
    assert w.flopper().call() == kit.someone


def test_dai_join_stops_exits_when_caged(kit):
    j = kit.join.functions
    kit.as_governance(kit.vat.functions.suck(A["MCD_VOW"], kit.someone, 2 * RAD))
    kit.tx(kit.vat.functions.hope(A["MCD_JOIN_DAI"]), kit.someone)
    kit.tx(j.exit(kit.someone, WAD), kit.someone)
    kit.reverts(j.cage(), "DaiJoin/not-authorized", sender=kit.stranger)
    kit.as_governance(j.cage())
    kit.reverts(j.exit(kit.someone, WAD), "DaiJoin/not-live", sender=kit.someone)
    kit.tx(kit.dai.functions.approve(A["MCD_JOIN_DAI"], WAD), kit.someone)
    kit.tx(j.join(kit.someone, WAD), kit.someone)  # joins still work
    assert kit.vat.functions.dai(kit.someone).call() == 2 * RAD


# --- The chief's IOU (ds-token of 2020) ----------------------------------------------------------------------


def test_ds_token_rules(kit):
    token = kit.deploy(kit.art["DSToken"], b32("TST"))
    t, me = token.functions, kit.accounts[0]
    assert t.owner().call() == me and t.decimals().call() == 18 and t.name().call() == b"\0" * 32
    kit.tx(t.mint(me, 10 * WAD))
    kit.reverts(t.mint(me, 1), "ds-auth-unauthorized", sender=kit.stranger)
    kit.reverts(t.transfer(kit.stranger, 11 * WAD), "ds-token-insufficient-balance")
    kit.reverts(t.transferFrom(me, kit.stranger, WAD), "ds-token-insufficient-approval", sender=kit.stranger)
    kit.tx(t.approve(kit.stranger, 2 * WAD))
    kit.tx(t.pull(me, WAD), kit.stranger)
    assert t.allowance(me, kit.stranger).call() == WAD and t.balanceOf(kit.stranger).call() == WAD
    kit.tx(t.stop())
    kit.reverts(t.transfer(kit.stranger, 1), "ds-stop-is-stopped")
    kit.reverts(t.approve(kit.stranger, 1), "ds-stop-is-stopped")
    kit.tx(t.start())
    receipt = kit.tx(t.burn(WAD))
    assert kit.events(token, "Burn", receipt) == [{"guy": me, "wad": WAD}] and kit.events(token, "Transfer", receipt) == []
    kit.tx(t.setName(b32("Test")))
    assert t.name().call() == b32("Test") and t.totalSupply().call() == 9 * WAD
