// SPDX-License-Identifier: AGPL-3.0-or-later
//
// LibNote.sol -- clean-room anonymous call log of the 2019 dss contracts (spellgen twin).
// Mainnet's Vat, Dai, DaiJoin and Vow log each noted call as an anonymous event whose topics are the
// selector, the caller and the first two argument words, with the whole calldata as data.

pragma solidity 0.8.16;

contract LibNote {
    event LogNote(
        bytes4  indexed sig,
        address indexed usr,
        bytes32 indexed arg1,
        bytes32 indexed arg2,
        bytes           data
    ) anonymous;

    // Log the call after its body ran
    modifier note {
        _;
        bytes32 arg1;
        bytes32 arg2;
        assembly {
            arg1 := calldataload(4)
            arg2 := calldataload(36)
        }
        emit LogNote(msg.sig, msg.sender, arg1, arg2, msg.data);
    }
}
