"""Harmful and sloppy edits of rendered spells (issue 13): each one casts, and `verify` must fail it
and name the problem.

Every edit keeps the YAML's own actions intact (so the per-item checks alone would pass most of
them) and adds what a malicious or careless author might: a ward for an attacker, a raw Vat suck,
a pause parameter, a ChainLog entry, a helper contract, harm that waits for a date or a long
ChainLog, an `officeHours()` that lies, an extra entry point. The cases are grouped by the check
that must catch them: the state diff, the call policy, the other cast times, the interface.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
JAN = ROOT / "examples/techops-2022-01-28.yaml"  # solc 0.6.12, no office hours, a payment and a stream
DEC = ROOT / "examples/techops-2022-12-09.yaml"  # solc 0.8.16, office hours, an MKR transfer
TREASURY = ROOT / "tests/spells/treasury-2023-08-02.yaml"  # 0.8.16, streams, yanks, allowance, cap
SKY_SPEC = ROOT / "tests/spells/usds-sky-2025-03-01.yaml"  # 0.8.16, USDS and SKY streams

ATTACKER = "0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2"
POT = "0x197E90f9FAD81970bA7976f33CbD77088E5D7cf7"  # mainnet MCD_POT, which the twin does not model (issue 24
# models the Jug, the contract this case called before)

# Everything a harmful edit calls, declared once before the action (unused members cost nothing).
HARM_LIB = """
interface HarmLike {
    function suck(address, address, uint256) external;
    function hope(address) external;
    function rely(address) external;
    function file(bytes32, uint256) external;
    function setDelay(uint256) external;
    function setOwner(address) external;
    function setAuthority(address) external;
    function setAddress(bytes32, address) external;
    function setVersion(string calldata) external;
    function count() external view returns (uint256);
    function cage() external;
    function mint(address, uint256) external;
    function approve(address, uint256) external returns (bool);
    function authority() external view returns (address);
}

contract HarmHelper {
    function harm(address vat, address who) external { HarmLike(vat).suck(who, who, 1_000_000 * 10**45); }
    function kill(address payable to) external { selfdestruct(to); }
}

contract DssSpellAction is DssAction {"""

ANCHOR_ACTION = "contract DssSpellAction is DssAction {"
DEC_BODY = "        MKR.transfer(TECH_001, 257.31 ether);"
JAN_BODY = "        DssExecLib.sendPaymentFromSurplusBuffer(TECH_001, 1_069_250);"
TREASURY_BODY = "        VestLike(MCD_VEST_DAI).yank(35);"
SKY_BODY = "        SKY.approve(MCD_VEST_SKY_TREASURY,"


def harm(spec: Path, body_anchor: str, code: str) -> list[tuple[str, str]]:
    """Edits that add HARM_LIB and put `code` at the start of actions(), before the anchor line."""
    return [(ANCHOR_ACTION, HARM_LIB), (body_anchor, code + "\n" + body_anchor)]


def dec(code: str) -> list[tuple[str, str]]:
    return harm(DEC, DEC_BODY, code)


def jan(code: str) -> list[tuple[str, str]]:
    return harm(JAN, JAN_BODY, code)


VAT = "DssExecLib.vat()"
PAUSE = 'DssExecLib.getChangelogAddress("MCD_PAUSE")'
LOG = "address(0xdA0Ab1e0017DEbCd72Be8599041a2aa3bA7e740F)"
A = f"address({ATTACKER})"

NOT_CAST = "the spell is deployed, elected, scheduled and cast"  # for the one edit whose harm is a revert
DIFF = "nothing else: every changed storage slot"
CALLS = "calls: only pause -> proxy -> action"
IFACE = "interface: DssSpell's ABI is DssExec's"
PAYVAT = "payments' Vat effects"

# (name, spec, edits, item a FAIL line must name, text the failure's reason must contain)
HARM: list[tuple[str, Path, list[tuple[str, str]], str, str]] = [
    # -- the state diff: rights, parameters and balances nobody declared ---------------------------
    ("vat.suck(attacker, attacker, 1M RAD)", DEC, dec(f"        HarmLike({VAT}).suck({A}, {A}, 1_000_000 * 10**45);"),
     DIFF, f"MCD_VAT: dai[{ATTACKER}]"),
    ("vat.suck to the attacker on a payment spell", JAN, jan(f"        HarmLike({VAT}).suck(DssExecLib.vow(), {A}, 10**45);"),
     PAYVAT, "only a suck from MCD_VOW to MCD_PAUSE_PROXY"),
    ("pause.setDelay(0)", DEC, dec(f"        HarmLike({PAUSE}).setDelay(0);"), DIFF, "MCD_PAUSE: delay (slot 0x4)"),
    ("pause.setOwner(attacker)", DEC, dec(f"        HarmLike({PAUSE}).setOwner({A});"), DIFF, "MCD_PAUSE: owner (slot 0x1)"),
    ("pause.setAuthority(attacker)", DEC, dec(f"        HarmLike({PAUSE}).setAuthority({A});"), DIFF,
     "MCD_PAUSE: authority (slot 0x0)"),
    ("chainlog setAddress of a vest key", DEC,
     dec(f'        DssExecLib.setChangelogAddress("MCD_VEST_DAI", {A});'), DIFF, 'CHANGELOG: location["MCD_VEST_DAI"].addr'),
    ("chainlog: a new key for the attacker", DEC,
     dec(f'        DssExecLib.setChangelogAddress("ATTACKER", {A});'), DIFF, 'CHANGELOG: location["ATTACKER"]'),
    ("chainlog version bumped (sloppy)", DEC, dec('        DssExecLib.setChangelogVersion("1.14.7");'), DIFF,
     "CHANGELOG: version (slot 0x3)"),
    ("vat.hope(attacker)", DEC, dec(f"        HarmLike({VAT}).hope({A});"), DIFF,
     f"MCD_VAT: can[0xBE8E3e3618f7474F8cB1d074A26afFef007E98FB][{ATTACKER}]"),
    ("vat.rely(attacker)", DEC, dec(f"        HarmLike({VAT}).rely({A});"), DIFF, f"MCD_VAT: wards[{ATTACKER}]"),
    ("vat Line set to 0", DEC, dec(f'        HarmLike({VAT}).file("Line", 0);'), DIFF, "MCD_VAT: Line (slot 0x9)"),
    ("vat.cage()", DEC, dec(f"        HarmLike({VAT}).cage();"), DIFF, "MCD_VAT: live (slot 0xa)"),
    ("the Vow's hump set to 0", DEC, dec('        DssExecLib.setValue(DssExecLib.vow(), "hump", 0);'), DIFF,
     "MCD_VOW: hump (slot 0xb)"),
    ("the Vow's bump changed", DEC, dec('        DssExecLib.setValue(DssExecLib.vow(), "bump", 1);'), DIFF,
     "MCD_VOW: bump (slot 0xa)"),
    ("a ward on the Vow", DEC, dec(f"        HarmLike(DssExecLib.vow()).rely({A});"), DIFF, f"MCD_VOW: wards[{ATTACKER}]"),
    ("a ward on MCD_JOIN_DAI", DEC, dec(f"        HarmLike(DssExecLib.daiJoin()).rely({A});"), DIFF,
     f"MCD_JOIN_DAI: wards[{ATTACKER}]"),
    ("MCD_JOIN_DAI caged", DEC, dec("        HarmLike(DssExecLib.daiJoin()).cage();"), DIFF, "MCD_JOIN_DAI: live (slot 0x3)"),
    ("a ward on the ChainLog", DEC, dec(f"        HarmLike({LOG}).rely({A});"), DIFF, f"CHANGELOG: wards[{ATTACKER}]"),
    ("a ward on USDS (behind its ERC-1967 proxy)", SKY_SPEC,
     harm(SKY_SPEC, SKY_BODY, f'        HarmLike(DssExecLib.getChangelogAddress("USDS")).rely({A});'),
     DIFF, f"USDS: wards[{ATTACKER}]"),
    ("SKY minted to the attacker", SKY_SPEC,
     harm(SKY_SPEC, SKY_BODY, f'        HarmLike(DssExecLib.getChangelogAddress("SKY")).mint({A}, 1);'),
     DIFF, f"SKY: balanceOf[{ATTACKER}]"),
    ("a ward on MKR's authority", DEC, dec(f"        HarmLike(HarmLike(DssExecLib.mkr()).authority()).rely({A});"), DIFF,
     f"MKR's authority (GOV_GUARD): wards[{ATTACKER}]"),
    ("a ward on SKY", SKY_SPEC, harm(SKY_SPEC, SKY_BODY, f'        HarmLike(DssExecLib.getChangelogAddress("SKY")).rely({A});'),
     DIFF, f"SKY: wards[{ATTACKER}]"),
    ("MKR's authority replaced", DEC, dec(f"        HarmLike(DssExecLib.mkr()).setAuthority({A});"), DIFF,
     "MKR: authority (slot 0x3)"),
    ("MKR's owner set", DEC, dec(f"        HarmLike(DssExecLib.mkr()).setOwner({A});"), DIFF, "MKR: owner|stopped (slot 0x4)"),
    ("MKR minted to the attacker", DEC, dec(f"        HarmLike(DssExecLib.mkr()).mint({A}, 1);"), DIFF,
     f"MKR: balanceOf[{ATTACKER}]"),
    ("a ward on a vest", TREASURY, harm(TREASURY, TREASURY_BODY, f"        HarmLike(MCD_VEST_DAI).rely({A});"), DIFF,
     f"MCD_VEST_DAI: wards[{ATTACKER}]"),
    ("a cap on an undeclared vest", TREASURY,
     harm(TREASURY, TREASURY_BODY, '        DssExecLib.setValue(DssExecLib.getChangelogAddress("MCD_VEST_DAI_LEGACY"), "cap", 1);'),
     DIFF, "MCD_VEST_DAI_LEGACY: cap (slot 0x2)"),
    ("a DAI approval to the attacker", DEC, dec(f"        HarmLike(DssExecLib.dai()).approve({A}, type(uint256).max);"),
     DIFF, f"MCD_DAI: allowance[0xBE8E3e3618f7474F8cB1d074A26afFef007E98FB][{ATTACKER}]"),
    ("raw storage written in the PauseProxy", DEC, dec("        assembly { sstore(7, 1) }"), DIFF,
     "MCD_PAUSE_PROXY: slot 0x7"),
    ("payment split in two (sloppy)", JAN, [(JAN_BODY, "        DssExecLib.sendPaymentFromSurplusBuffer(TECH_001, 1_069_249);\n"
                                                      "        DssExecLib.sendPaymentFromSurplusBuffer(TECH_001, 1);")],
     PAYVAT, "MCD_JOIN_DAI exits differ from the declared payments"),
    ("an extra suck to the PauseProxy", JAN, jan(f"        HarmLike({VAT}).suck(DssExecLib.vow(), address(this), 10**45);"),
     DIFF, "MCD_VAT: dai[0xBE8E3e3618f7474F8cB1d074A26afFef007E98FB]"),
    # -- the call policy: contracts created, delegatecalls, codeless or unmodelled targets ------------
    ("a helper contract created during the cast does the harm", DEC,
     dec(f"        HarmHelper h = new HarmHelper(); HarmLike({VAT}).rely(address(h)); h.harm({VAT}, {A});"),
     CALLS, "CREATE of"),
    ("a helper contract created with CREATE2", DEC, dec("        new HarmHelper{salt: bytes32(uint256(1))}();"), CALLS,
     "CREATE2 of"),
    ("a created helper self-destructs", DEC, dec(f"        HarmHelper h = new HarmHelper(); h.kill(payable({A}));"),
     CALLS, "SELFDESTRUCT"),
    ("the PauseProxy self-destructs", DEC,
     [(ANCHOR_ACTION, HARM_LIB), (DEC_BODY, DEC_BODY + f"\n        selfdestruct(payable({A}));")], CALLS, "SELFDESTRUCT"),
    ("a delegatecall into the Vat", DEC,
     dec(f'        (bool ok,) = {VAT}.delegatecall(abi.encodeWithSignature("live()")); ok;'), CALLS,
     "DELEGATECALL from MCD_PAUSE_PROXY into MCD_VAT"),
    ("a call to an address with no code", DEC,
     dec(f'        (bool ok,) = {A}.call(abi.encodeWithSignature("rely(address)", address(this))); ok;'), CALLS,
     "an address with no code"),
    ("a call to MCD_POT, which the twin does not model", DEC,
     dec(f'        (bool ok,) = address({POT}).call(abi.encodeWithSignature("drip()")); ok;'),
     CALLS, "calls MCD_POT, which the twin does not model; verify on a fork"),
    # -- other cast times and chain conditions ----------------------------------------------------
    ("harm only after 2023-01-01", DEC,
     dec(f"        if (block.timestamp > 1672531200) HarmLike({VAT}).suck({A}, {A}, 10**45);"),
     "near the end of the expiration window", f"MCD_VAT: dai[{ATTACKER}]"),
    ("harm only in the last hour of office hours", DEC,
     dec(f"        if (block.timestamp % 1 days >= 20 hours) HarmLike({VAT}).rely({A});"),
     "at the last second of office hours", f"MCD_VAT: wards[{ATTACKER}]"),
    ("harm only a year after the expiration window", DEC,
     dec(f"        if (block.timestamp > 1700000000) HarmLike({VAT}).rely({A});"), "a year after the expiration window",
     f"MCD_VAT: wards[{ATTACKER}]"),
    ("harm only when the attacker casts it", DEC,
     dec(f"        if (tx.origin == {A}) HarmLike({VAT}).rely({A});"), f"the cast by {ATTACKER}",
     f"MCD_VAT: wards[{ATTACKER}]"),
    # The twin's ChainLog holds every key of its date (391 on 2022-12-09): a harm waiting for more keys
    # than that shows in the recast with a longer ChainLog, and one waiting for fewer in the cast itself.
    ("harm only when the ChainLog has many keys", DEC,
     dec(f"        if (HarmLike({LOG}).count() > 500) HarmLike({VAT}).rely({A});"), "ChainLog keys",
     f"MCD_VAT: wards[{ATTACKER}]"),
    ("harm once the ChainLog has the keys of the date", DEC,
     dec(f"        if (HarmLike({LOG}).count() > 300) HarmLike({VAT}).rely({A});"), "nothing else: every changed storage",
     f"MCD_VAT: wards[{ATTACKER}]"),
    ("officeHours() true, but false inside the cast", DEC,
     [("    function officeHours() public pure override returns (bool) {\n        return true;\n    }",
       "    address internal immutable SELF = address(this);\n"
       "    function officeHours() public view override returns (bool) {\n        return address(this) == SELF;\n    }")],
     "just after office hours (must revert) reverts", "worked outside office hours"),
    ("officeHours() false, but enforced inside the cast", JAN,
     [("    function officeHours() public override returns (bool) {\n        return false;\n    }",
       "    address internal immutable SELF = address(this);\n"
       "    function officeHours() public override returns (bool) {\n        return address(this) != SELF;\n    }")],
     NOT_CAST, "Outside office hours"),  # its harm is precisely that the cast reverts when it claims it may not
    # -- the interface --------------------------------------------------------------------------
    ("a public plot in the action", DEC,
     [(ANCHOR_ACTION, ANCHOR_ACTION + "\n    function plot(address usr) external { HarmLike(DssExecLib.vat()).rely(usr); }"),
      (ANCHOR_ACTION, HARM_LIB)], IFACE, "the action has an external function plot(address)"),
    ("an extra function in DssSpell", DEC,
     [("contract DssSpell is DssExec {", "contract DssSpell is DssExec {\n    function rescue() external {}")], IFACE,
     "DssSpell has an external function rescue()"),
    ("a receive function in the action", DEC,
     [(ANCHOR_ACTION, ANCHOR_ACTION + "\n    receive() external payable {}")], IFACE, "the action has a receive function"),
]
