// SPDX-License-Identifier: AGPL-3.0-or-later
//
// DssExec.sol -- clean-room base of an executive spell (spellgen twin).
//
// Written from the project's protocol notes (shared/spec/maker.md, section 2).
// The spell is voted in as the DSChief hat, schedules its action on DSPause and casts it;
// DSPauseProxy then delegatecalls `action.execute()`.
//
// Compiles under solc 0.6.12 and 0.8.x.

pragma solidity >=0.6.12 <0.9.0;

interface DssExecChangelogLike {
    function getAddress(bytes32) external view returns (address);
}

interface DssExecPauseLike {
    function delay() external view returns (uint256);
    function plot(address, bytes32, bytes calldata, uint256) external;
    function exec(address, bytes32, bytes calldata, uint256) external returns (bytes memory);
}

interface DssExecSpellActionLike {
    function officeHours() external view returns (bool);
    function description() external view returns (string memory);
    function nextCastTime(uint256) external view returns (uint256);
}

contract DssExec {

    // The ChainLog the pause address is read from
    DssExecChangelogLike constant public log = DssExecChangelogLike(0xdA0Ab1e0017DEbCd72Be8599041a2aa3bA7e740F);

    uint256                   public eta;
    bytes                     public sig;
    bool                      public done;
    bytes32         immutable public tag;
    address         immutable public action;
    uint256         immutable public expiration;
    DssExecPauseLike immutable public pause;

    // Spell expiring at `_expiration` whose changes live in `_spellAction`
    constructor(uint256 _expiration, address _spellAction) public {
        pause      = DssExecPauseLike(log.getAddress("MCD_PAUSE"));
        expiration = _expiration;
        action     = _spellAction;

        sig = abi.encodeWithSignature("execute()");
        bytes32 _tag;
        assembly { _tag := extcodehash(_spellAction) }
        tag = _tag;
    }

    // The action's description
    function description() external view returns (string memory) {
        return DssExecSpellActionLike(action).description();
    }

    // Whether the action enforces office hours
    function officeHours() external view returns (bool) {
        return DssExecSpellActionLike(action).officeHours();
    }

    // Earliest cast time given the scheduled eta
    function nextCastTime() external view returns (uint256 castTime) {
        return DssExecSpellActionLike(action).nextCastTime(eta);
    }

    // Plot the action on the pause (callable by anyone once the spell is the hat)
    function schedule() public {
        require(block.timestamp <= expiration, "This contract has expired");
        require(eta == 0, "This spell has already been scheduled");
        eta = block.timestamp + DssExecPauseLike(pause).delay();
        pause.plot(action, tag, sig, eta);
    }

    // Execute the plotted action through the pause
    function cast() public {
        require(!done, "spell-already-cast");
        done = true;
        pause.exec(action, tag, sig, eta);
    }
}
