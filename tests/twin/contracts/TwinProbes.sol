// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Test-only contracts for the twin's conformance tests (never deployed outside tests).

pragma solidity 0.8.16;

interface ProbeVestLike {
    function vest(uint256) external;
}

// A gem that re-enters the vest paying it. DssVestMintable calls mint(), DssVestTransferrable
// calls transferFrom(); both try every state-changing function of the vest again and record
// the revert reason of each attempt (or "ok"). With `bubble` set, the first re-entry is not
// caught, so the payment itself must revert.
contract ReentrantGem {
    address public vest;
    uint256 public id;
    bool public bubble;
    string[] public reasons;

    function aim(address vest_, uint256 id_, bool bubble_) external {
        vest = vest_;
        id = id_;
        bubble = bubble_;
    }

    function count() external view returns (uint256) {
        return reasons.length;
    }

    function mint(address, uint256) external {
        reenter();
    }

    function transferFrom(address, address, uint256) external returns (bool) {
        reenter();
        return true;
    }

    function reenter() internal {
        if (bubble) {
            ProbeVestLike(vest).vest(id);
        }
        attempt(abi.encodeWithSignature("vest(uint256)", id));
        attempt(abi.encodeWithSignature("vest(uint256,uint256)", id, 1));
        attempt(abi.encodeWithSignature("create(address,uint256,uint256,uint256,uint256,address)",
                                        address(this), 1, block.timestamp, 1, 0, address(0)));
        attempt(abi.encodeWithSignature("yank(uint256)", id));
        attempt(abi.encodeWithSignature("yank(uint256,uint256)", id, block.timestamp));
        attempt(abi.encodeWithSignature("move(uint256,address)", id, address(this)));
        attempt(abi.encodeWithSignature("restrict(uint256)", id));
        attempt(abi.encodeWithSignature("unrestrict(uint256)", id));
        attempt(abi.encodeWithSignature("file(bytes32,uint256)", bytes32("cap"), 1));
        attempt(abi.encodeWithSignature("rely(address)", address(this)));
        attempt(abi.encodeWithSignature("deny(address)", address(this)));
    }

    function attempt(bytes memory data) internal {
        (bool ok, bytes memory ret) = vest.call(data);
        reasons.push(ok ? "ok" : reason(ret));
    }

    // The string of an Error(string) revert, else "?".
    function reason(bytes memory ret) internal pure returns (string memory) {
        if (ret.length < 68) return "?";
        assembly {
            let len := mload(ret)
            ret := add(ret, 4)
            mstore(ret, sub(len, 4))
        }
        return abi.decode(ret, (string));
    }
}

// A gem whose transferFrom reports failure by returning false (instead of reverting).
contract FalseGem {
    function transferFrom(address, address, uint256) external pure returns (bool) {
        return false;
    }
}

// Delegatecalls `target` and bubbles its revert data, so a library's own reason is visible
// (DSPauseProxy replaces it with "ds-pause-delegatecall-error").
contract DelegateProbe {
    function run(address target, bytes calldata data) external returns (bytes memory) {
        (bool ok, bytes memory ret) = target.delegatecall(data);
        if (!ok) {
            assembly { revert(add(ret, 32), mload(ret)) }
        }
        return ret;
    }
}

// A plan that overwrites slot 0 of the storage it runs in: delegatecalled by DSPauseProxy, that is
// the proxy's owner, which DSPause must refuse ("ds-pause-illegal-storage-change").
contract OwnerClobber {
    function clobber() external {
        assembly { sstore(0, 0xdead) }
    }
}

// An ERC-1271 wallet: accepts exactly one digest.
contract Erc1271Wallet {
    bytes32 public good;

    function approveDigest(bytes32 digest) external {
        good = digest;
    }

    function isValidSignature(bytes32 digest, bytes memory) external view returns (bytes4) {
        return digest == good ? bytes4(0x1626ba7e) : bytes4(0xffffffff);
    }
}
