// SPDX-License-Identifier: AGPL-3.0-or-later
// Every interface this exec base offers, under the aggregate import path spells use
// (`dss-interfaces/Interfaces.sol`).
pragma solidity >=0.6.12 <0.9.0;

import "./ERC/GemAbstract.sol";
import "./dapp/DSTokenAbstract.sol";
import "./dss/ChainlogAbstract.sol";
import "./dss/ClipAbstract.sol";
import "./dss/CureAbstract.sol";
import "./dss/DaiAbstract.sol";
import "./dss/DaiJoinAbstract.sol";
import "./dss/DogAbstract.sol";
import "./dss/DssAutoLineAbstract.sol";
import "./dss/ESMAbstract.sol";
import "./dss/EndAbstract.sol";
import "./dss/FlapAbstract.sol";
import "./dss/FlopAbstract.sol";
import "./dss/GemJoinAbstract.sol";
import "./dss/IlkRegistryAbstract.sol";
import "./dss/JugAbstract.sol";
import "./dss/OsmAbstract.sol";
import "./dss/PotAbstract.sol";
import "./dss/SpotAbstract.sol";
import "./dss/VatAbstract.sol";
import "./dss/VestAbstract.sol";
import "./dss/VowAbstract.sol";
import "./utils/WardsAbstract.sol";
