// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Rendered by spellgen from every-action-2026.yaml: change the YAML and render again, do not edit.
//
// This program is free software: you can redistribute it and/or modify
// it under the terms of the GNU Affero General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.

pragma solidity 0.6.12;

import "dss-exec-lib/DssExec.sol";
import "dss-exec-lib/DssAction.sol";
import { GemAbstract } from "dss-interfaces/ERC/GemAbstract.sol";
import { DaiJoinAbstract } from "dss-interfaces/dss/DaiJoinAbstract.sol";
import { VatAbstract } from "dss-interfaces/dss/VatAbstract.sol";
import { VestAbstract } from "dss-interfaces/dss/VestAbstract.sol";

interface DaiUsdsLike {
    function daiToUsds(address usr, uint256 wad) external;
}

contract DssSpellAction is DssAction {
    string public constant override description =
        "2026-03-26 MakerDAO Executive Spell | Hash: 0x0000000000000000000000000000000000000000000000000000000000000000";

    // Office hours on: the spell can be cast on weekdays from 14:00 to 21:00 UTC
    function officeHours() public override returns (bool) {
        return true;
    }

    uint256 internal constant WAD = 10 ** 18;
    uint256 internal constant RAY = 10 ** 27;

    // --- Wallets ---
    address internal constant ECOSYSTEM      = 0xaef7a9890c81A46C38fb26b940624DBB4dd591dd;
    address internal constant STREAM_MANAGER = 0xce727Fb12b7f2700BaDAe716947943ea245C25d6;
    address internal constant DELEGATE       = 0x0a6ae7bE40A2656cce2c3881DD009Fc855B9d1eC;

    // --- Dates (UTC) ---
    uint256 internal constant APR_01_2026 = 1775001600; // 2026-04-01 00:00:00 UTC
    uint256 internal constant JUL_01_2026 = 1782864000; // 2026-07-01 00:00:00 UTC
    uint256 internal constant MAR_31_2027 = 1806537599; // 2027-03-31 23:59:59 UTC

    // --- Chainlog ---
    address internal immutable DAI_USDS              = DssExecLib.getChangelogAddress("DAI_USDS");
    address internal immutable MCD_JOIN_DAI          = DssExecLib.getChangelogAddress("MCD_JOIN_DAI");
    address internal immutable MCD_VAT               = DssExecLib.getChangelogAddress("MCD_VAT");
    address internal immutable MCD_VEST_SKY          = DssExecLib.getChangelogAddress("MCD_VEST_SKY");
    address internal immutable MCD_VEST_SKY_TREASURY = DssExecLib.getChangelogAddress("MCD_VEST_SKY_TREASURY");
    address internal immutable MCD_VEST_SPK_TREASURY = DssExecLib.getChangelogAddress("MCD_VEST_SPK_TREASURY");
    address internal immutable MCD_VEST_USDS         = DssExecLib.getChangelogAddress("MCD_VEST_USDS");
    address internal immutable MCD_VOW               = DssExecLib.getChangelogAddress("MCD_VOW");
    address internal immutable REWARDS_DIST_USDS_SPK = DssExecLib.getChangelogAddress("REWARDS_DIST_USDS_SPK");
    address internal immutable SPARK_SUBPROXY        = DssExecLib.getChangelogAddress("SPARK_SUBPROXY");
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

    // What the awards of a vest still owe: the sum of tot - rxd (zero for an award paid in full or yanked)
    function _owed(address vest) internal view returns (uint256 owed) {
        uint256 count = VestAbstract(vest).ids();
        for (uint256 id = 1; id <= count; id++) {
            owed += VestAbstract(vest).tot(id) - VestAbstract(vest).rxd(id);
        }
    }

    function actions() public override {
        // ----- Payments -----

        // Transfer 4,000 USDS from the Surplus Buffer to DELEGATE (0x0a6ae7bE40A2656cce2c3881DD009Fc855B9d1eC)
        _transferUsds(DELEGATE, 4_000 * WAD);

        // Transfer 1,512,762 USDS from the Surplus Buffer to the SPARK_SUBPROXY (0x3300f198988e4C9C63F75dF86De36421f06af8c4)
        _transferUsds(SPARK_SUBPROXY, 1_512_762 * WAD);

        // Transfer 1,250.40 USDS rounded up to 1,251 USDS (whole USDS only) from the Surplus Buffer to ECOSYSTEM (0xaef7a9890c81A46C38fb26b940624DBB4dd591dd)
        _transferUsds(ECOSYSTEM, 1_251 * WAD);

        // DELEGATE - 330,000.25 SKY - 0x0a6ae7bE40A2656cce2c3881DD009Fc855B9d1eC
        GemAbstract(SKY).transfer(DELEGATE, 330_000.25 ether); // Note: ether is a keyword that represents 10**18, not the ETH token

        // ECOSYSTEM - 1,234.56 DAI - 0xaef7a9890c81A46C38fb26b940624DBB4dd591dd (exact: vat.suck of the RAD, DaiJoin.exit of the wei)
        VatAbstract(MCD_VAT).suck(MCD_VOW, address(this), 1_234.56 ether * RAY); // Note: ether is a keyword that represents 10**18, not the ETH token
        DaiJoinAbstract(MCD_JOIN_DAI).exit(ECOSYSTEM, 1_234.56 ether); // Note: ether is a keyword that represents 10**18, not the ETH token

        // ----- Streams -----

        // ECOSYSTEM | 2026-04-01 to 2027-03-31 | 360,000 USDS | 0xaef7a9890c81A46C38fb26b940624DBB4dd591dd | Cliff: 2026-07-01 00:00:00 UTC | Restricted: Yes
        VestAbstract(MCD_VEST_USDS).restrict(
            VestAbstract(MCD_VEST_USDS).create(
                ECOSYSTEM,                 // usr
                360_000 * WAD,             // tot
                APR_01_2026,               // bgn
                MAR_31_2027 - APR_01_2026, // tau: 365 days minus 1 second
                JUL_01_2026 - APR_01_2026, // eta: cliff 2026-07-01 00:00:00 UTC
                STREAM_MANAGER             // mgr: STREAM_MANAGER
            )
        );

        // REWARDS_DIST_USDS_SPK | from: block.timestamp - 7 days | tau: 730 days | 227,500,000 SPK | 0x3959e23A63CA7ac12D658bb44F90cb1f7Ee4C02c | Cliff: none | Restricted: Yes
        VestAbstract(MCD_VEST_SPK_TREASURY).restrict(
            VestAbstract(MCD_VEST_SPK_TREASURY).create(
                REWARDS_DIST_USDS_SPK,    // usr
                227_500_000 * WAD,        // tot
                block.timestamp - 7 days, // bgn: the cast minus 7 days
                730 days,                 // tau: 730 days
                0,                        // eta: no cliff
                address(0)                // mgr: none
            )
        );

        // Set the PauseProxy's SPK allowance to MCD_VEST_SPK_TREASURY to what its valid awards still owe (the sum of tot - rxd)
        GemAbstract(SPK).approve(MCD_VEST_SPK_TREASURY, _owed(MCD_VEST_SPK_TREASURY));

        // Set the MCD_VEST_SKY rate cap to 200,000,000 SKY per 182 days
        DssExecLib.setValue(MCD_VEST_SKY, "cap", 200_000_000 * WAD / 182 days);

        // ECOSYSTEM | from: block.timestamp | tau: 365 days | 1,000,000 SKY | 0xaef7a9890c81A46C38fb26b940624DBB4dd591dd | Cliff: 90 days after bgn | Restricted: No
        VestAbstract(MCD_VEST_SKY).create(
            ECOSYSTEM,       // usr
            1_000_000 * WAD, // tot
            block.timestamp, // bgn: the cast
            365 days,        // tau: 365 days
            90 days,         // eta: cliff 90 days after bgn
            address(0)       // mgr: none
        );

        // ECOSYSTEM | 2026-04-01 00:00:00 UTC to 2027-04-01 00:00:00 UTC | 4,800,000 SKY | 0xaef7a9890c81A46C38fb26b940624DBB4dd591dd | Cliff: none | Restricted: Yes
        VestAbstract(MCD_VEST_SKY_TREASURY).restrict(
            VestAbstract(MCD_VEST_SKY_TREASURY).create(
                ECOSYSTEM,       // usr
                4_800_000 * WAD, // tot
                APR_01_2026,     // bgn
                365 days,        // tau: 365 days
                0,               // eta: no cliff
                address(0)       // mgr: none
            )
        );

        // Increase the PauseProxy's SKY allowance to MCD_VEST_SKY_TREASURY by the new streams' total: 4,800,000 SKY
        GemAbstract(SKY).approve(MCD_VEST_SKY_TREASURY, GemAbstract(SKY).allowance(address(this), MCD_VEST_SKY_TREASURY) + 4_800_000 * WAD);

        // ----- Stream changes -----

        // The USDS>SKY farm moved to the treasury vest
        // Yank SKY stream ID 2 on MCD_VEST_SKY
        VestAbstract(MCD_VEST_SKY).yank(2);
    }
}

contract DssSpell is DssExec {
    constructor() DssExec(block.timestamp + 30 days, address(new DssSpellAction())) public {}
}
