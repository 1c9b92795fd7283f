// SPDX-License-Identifier: AGPL-3.0-or-later
//
// EarlierSpell.sol -- clean-room stand-in for an earlier executive spell (spellgen twin).
// A spell may act only if an earlier spell was, or was not, cast: it reads that spell's public
// `done()` getter (DssExec's, true once cast). The twin places this contract at the earlier spell's
// mainnet address, a fact the YAML states, and sets `done` (storage slot 0) for each branch it
// verifies: whether the earlier spell was cast is the twin's setup, never the YAML's claim.

pragma solidity 0.8.16;

contract EarlierSpell {
    bool public done;
}
