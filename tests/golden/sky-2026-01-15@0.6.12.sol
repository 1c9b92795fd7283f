// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Rendered by spellgen from sky-2026-01-15.yaml: change the YAML and render again, do not edit.
//
// This program is free software: you can redistribute it and/or modify
// it under the terms of the GNU Affero General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.

pragma solidity 0.6.12;

import "dss-exec-lib/DssExec.sol";
import "dss-exec-lib/DssAction.sol";
import { GemAbstract } from "dss-interfaces/ERC/GemAbstract.sol";
import { VestAbstract } from "dss-interfaces/dss/VestAbstract.sol";

interface DaiUsdsLike {
    function daiToUsds(address usr, uint256 wad) external;
}

contract DssSpellAction is DssAction {
    // Hash: cast keccak -- "$(wget 'https://raw.githubusercontent.com/sky-ecosystem/executive-votes/b8d7190058360e315d762041c135e8080eeadb5e/2026/executive-vote-2026-01-15-reduce-rewards-guni-offboarding.md' -q -O - 2>/dev/null)"
    string public constant override description =
        "2026-01-15 MakerDAO Executive Spell | Hash: 0x3a31416de6e8e8a7abb4948a7da9b60c8c237a8a9ead1fee107f435d325a2a11";

    // Office hours on: the spell can be cast on weekdays from 14:00 to 21:00 UTC
    function officeHours() public override returns (bool) {
        return true;
    }

    uint256 internal constant WAD = 10 ** 18;

    // --- Wallets ---
    address internal constant AEGIS_D     = 0x78C180CF113Fe4845C325f44648b6567BC79d6E0;
    address internal constant BLUE        = 0xb6C09680D822F162449cdFB8248a7D3FC26Ec9Bf;
    address internal constant BONAPUBLICA = 0x167c1a762B08D7e78dbF8f24e5C3f1Ab415021D3;
    address internal constant CLOAKY_2    = 0x9244F47D70587Fa2329B89B6f503022b63Ad54A5;
    address internal constant TANGO       = 0xB2B86A130B1EC101e4Aed9a88502E08995760307;
    address internal constant SKY_STAKING = 0x05c73AE49fF0ec654496bF4008d73274a919cB5C;

    // --- Chainlog ---
    address internal immutable DAI_USDS              = DssExecLib.getChangelogAddress("DAI_USDS");
    address internal immutable MCD_VEST_SKY_TREASURY = DssExecLib.getChangelogAddress("MCD_VEST_SKY_TREASURY");
    address internal immutable MCD_VEST_SPK_TREASURY = DssExecLib.getChangelogAddress("MCD_VEST_SPK_TREASURY");
    address internal immutable DAI                   = DssExecLib.dai();
    address internal immutable SKY                   = DssExecLib.getChangelogAddress("SKY");
    address internal immutable SPK                   = DssExecLib.getChangelogAddress("SPK");

    // Whole USDS from the surplus buffer: DAI to the PauseProxy, converted 1:1 through DAI_USDS
    function _transferUsds(address usr, uint256 wad) internal {
        require(wad % WAD == 0, "transferUsds/non-integer-wad");
        DssExecLib.sendPaymentFromSurplusBuffer(address(this), wad / WAD);
        GemAbstract(DAI).approve(DAI_USDS, wad);
        DaiUsdsLike(DAI_USDS).daiToUsds(usr, wad);
    }

    function actions() public override {
        // ----- Reduce USDS>SKY Emissions -----
        // Forum: https://forum.sky.money/t/atlas-edit-weekly-cycle-proposal-week-of-2026-01-12/27606
        // Poll: https://vote.sky.money/polling/QmYmaVVc

        // Adjust the PauseProxy's SKY allowance to MCD_VEST_SKY_TREASURY: less what award 9 (yanked below) still owes
        {
            // Note: the allowance before the cast
            uint256 pallowance = GemAbstract(SKY).allowance(address(this), MCD_VEST_SKY_TREASURY);
            // Note: what award 9 still owes, read before its yank
            uint256 ytot = VestAbstract(MCD_VEST_SKY_TREASURY).tot(9);
            uint256 yrxd = VestAbstract(MCD_VEST_SKY_TREASURY).rxd(9);
            uint256 yallowance = ytot - yrxd;
            // Note: the new allowance (the previous one less the yanked award's remainder)
            uint256 allowance = pallowance - yallowance;
            GemAbstract(SKY).approve(MCD_VEST_SKY_TREASURY, allowance);
        }

        // Yank SKY stream ID 9 on MCD_VEST_SKY_TREASURY
        VestAbstract(MCD_VEST_SKY_TREASURY).yank(9);

        // ----- Reduce LSSKY>SPK Emissions -----
        // Forum: https://forum.sky.money/t/atlas-edit-weekly-cycle-proposal-week-of-2026-01-12/27606
        // Poll: https://vote.sky.money/polling/QmYmaVVc

        // Adjust the PauseProxy's SPK allowance to MCD_VEST_SPK_TREASURY: less what award 2 (yanked below) still owes
        {
            // Note: the allowance before the cast
            uint256 pallowance = GemAbstract(SPK).allowance(address(this), MCD_VEST_SPK_TREASURY);
            // Note: what award 2 still owes, read before its yank
            uint256 ytot = VestAbstract(MCD_VEST_SPK_TREASURY).tot(2);
            uint256 yrxd = VestAbstract(MCD_VEST_SPK_TREASURY).rxd(2);
            uint256 yallowance = ytot - yrxd;
            // Note: the new allowance (the previous one less the yanked award's remainder)
            uint256 allowance = pallowance - yallowance;
            GemAbstract(SPK).approve(MCD_VEST_SPK_TREASURY, allowance);
        }

        // Yank SPK stream ID 2 on MCD_VEST_SPK_TREASURY
        VestAbstract(MCD_VEST_SPK_TREASURY).yank(2);

        // ----- Delegate Compensation for December -----
        // Forum: https://forum.sky.money/t/december-2025-ranked-delegate-compensation/27605
        // Atlas: https://sky-atlas.io/#A.1.5

        // Transfer 4,000 USDS from the Surplus Buffer to AEGIS_D (0x78C180CF113Fe4845C325f44648b6567BC79d6E0)
        _transferUsds(AEGIS_D, 4_000 * WAD);

        // Transfer 4,000 USDS from the Surplus Buffer to BLUE (0xb6C09680D822F162449cdFB8248a7D3FC26Ec9Bf)
        _transferUsds(BLUE, 4_000 * WAD);

        // Transfer 4,000 USDS from the Surplus Buffer to BONAPUBLICA (0x167c1a762B08D7e78dbF8f24e5C3f1Ab415021D3)
        _transferUsds(BONAPUBLICA, 4_000 * WAD);

        // Transfer 4,000 USDS from the Surplus Buffer to CLOAKY_2 (0x9244F47D70587Fa2329B89B6f503022b63Ad54A5)
        _transferUsds(CLOAKY_2, 4_000 * WAD);

        // Transfer 3,723 USDS from the Surplus Buffer to TANGO (0xB2B86A130B1EC101e4Aed9a88502E08995760307)
        _transferUsds(TANGO, 3_723 * WAD);

        // Transfer 1,032 USDS from the Surplus Buffer to SKY_STAKING (0x05c73AE49fF0ec654496bF4008d73274a919cB5C)
        _transferUsds(SKY_STAKING, 1_032 * WAD);
    }
}

contract DssSpell is DssExec {
    constructor() DssExec(block.timestamp + 30 days, address(new DssSpellAction())) public {}
}
