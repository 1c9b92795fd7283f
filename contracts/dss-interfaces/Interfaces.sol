// SPDX-License-Identifier: AGPL-3.0-or-later
// The interfaces a budget spell uses, under the aggregate import path spells use.
pragma solidity >=0.6.12 <0.9.0;

import { VestAbstract } from "./dss/VestAbstract.sol";
import { ChainlogAbstract } from "./dss/ChainlogAbstract.sol";
import { GemAbstract } from "./ERC/GemAbstract.sol";
import { DSTokenAbstract } from "./dapp/DSTokenAbstract.sol";
