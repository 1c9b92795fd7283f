// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Rendered by spellgen from core-units-2021-10-08.yaml: change the YAML and render again, do not edit.
//
// This program is free software: you can redistribute it and/or modify
// it under the terms of the GNU Affero General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.

pragma solidity 0.8.16;

import "dss-exec-lib/DssExec.sol";
import "dss-exec-lib/DssAction.sol";

interface VestLike {
    function create(address usr, uint256 tot, uint256 bgn, uint256 tau, uint256 eta, address mgr) external returns (uint256 id);
    function restrict(uint256 id) external;
    function yank(uint256 id) external;
    function yank(uint256 id, uint256 end) external;
    function file(bytes32 what, uint256 data) external;
}

interface GemLike {
    function transfer(address dst, uint256 wad) external returns (bool);
    function approve(address usr, uint256 wad) external returns (bool);
    function allowance(address src, address usr) external view returns (uint256);
}

contract DssSpellAction is DssAction {
    // Hash: cast keccak -- "$(wget 'https://raw.githubusercontent.com/makerdao/community/f33870a7938c1842e8467226f8007a2d47f9ddeb/governance/votes/Executive%20vote%20-%20October%208%2C%202021.md' -q -O - 2>/dev/null)"
    string public constant override description =
        "2021-10-08 MakerDAO Executive Spell | Hash: 0xe1126241f8df6e094363eac12a5c4620f0dbf54c4d7da7fa94f5b8dd499e30d2";

    // Office hours on: the spell can be cast on weekdays from 14:00 to 21:00 UTC
    function officeHours() public pure override returns (bool) {
        return true;
    }

    uint256 internal constant WAD = 10 ** 18;

    // --- Wallets ---
    address internal constant CES_WALLET  = 0x25307aB59Cd5d8b4E2C01218262Ddf6a89Ff86da;
    address internal constant RISK_WALLET = 0x5d67d5B1fC7EF4bfF31967bE2D2d7b9323c1521c;

    // --- Dates (UTC) ---
    uint256 internal constant APR_01_2021 = 1617235200; // 2021-04-01 00:00:00 UTC

    // --- Chainlog ---
    address internal constant MCD_VEST_MKR_TREASURY = 0x6D635c8d08a1eA2F1687a5E46b666949c977B7dd;
    GemLike internal immutable MKR                  = GemLike(DssExecLib.mkr());

    function actions() public override {
        // ----- Direct payment -----
        // https://vote.makerdao.com/polling/QmbM8u7Q?network=mainnet#vote-breakdown

        // CES_WALLET - 1,223,552 DAI - 0x25307aB59Cd5d8b4E2C01218262Ddf6a89Ff86da
        DssExecLib.sendPaymentFromSurplusBuffer(CES_WALLET, 1_223_552);

        // ----- MKR vesting -----
        // https://vote.makerdao.com/polling/QmUAXKm4?network=mainnet#vote-breakdown

        // Set the PauseProxy's MKR allowance to MCD_VEST_MKR_TREASURY to 700 MKR
        MKR.approve(MCD_VEST_MKR_TREASURY, 700 * WAD);

        // Set the MCD_VEST_MKR_TREASURY rate cap to 1,100 MKR per 365 days
        DssExecLib.setValue(MCD_VEST_MKR_TREASURY, "cap", 1_100 * WAD / 365 days);

        // RISK_WALLET | 2021-04-01 00:00:00 UTC to 2022-04-01 00:00:00 UTC | 700 MKR | 0x5d67d5B1fC7EF4bfF31967bE2D2d7b9323c1521c | Cliff: 2022-04-01 00:00:00 UTC | Restricted: Yes
        VestLike(MCD_VEST_MKR_TREASURY).restrict(
            VestLike(MCD_VEST_MKR_TREASURY).create(
                RISK_WALLET, // usr
                700 * WAD,   // tot
                APR_01_2021, // bgn
                365 days,    // tau: 365 days
                365 days,    // eta: cliff 2022-04-01 00:00:00 UTC
                address(0)   // mgr: none
            )
        );

        // Set up the new MKR vest MCD_VEST_MKR_TREASURY and bump version
        DssExecLib.setChangelogAddress("MCD_VEST_MKR_TREASURY", MCD_VEST_MKR_TREASURY);
        DssExecLib.setChangelogVersion("1.9.7");
    }
}

contract DssSpell is DssExec {
    constructor() DssExec(block.timestamp + 30 days, address(new DssSpellAction())) {}
}
