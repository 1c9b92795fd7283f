// SPDX-License-Identifier: AGPL-3.0-or-later
//
// ChainLog.sol -- clean-room registry of the protocol's addresses (spellgen twin).
// Written from /work/shared/spec/maker.md (section 1); mainnet: CHANGELOG.

pragma solidity 0.8.16;

contract ChainLog {

    // --- Auth ---
    mapping (address => uint256) public wards;
    // Grant `usr` admin rights
    function rely(address usr) external auth { wards[usr] = 1; emit Rely(usr); }
    // Revoke `usr`'s admin rights
    function deny(address usr) external auth { wards[usr] = 0; emit Deny(usr); }
    modifier auth { require(wards[msg.sender] == 1, "ChainLog/not-authorized"); _; }

    // --- Data ---
    struct Location {
        uint256 pos;    // index in `keys`
        address addr;   // registered address
    }

    string  public version;
    string  public sha256sum;
    string  public ipfs;

    bytes32[] public keys;                        // every registered key
    mapping (bytes32 => Location) internal data;  // key => position and address

    // --- Events ---
    event Rely(address indexed usr);
    event Deny(address indexed usr);
    event UpdateVersion(string version);
    event UpdateSha256sum(string sha256sum);
    event UpdateIPFS(string ipfs);
    event UpdateAddress(bytes32 key, address addr);
    event RemoveAddress(bytes32 key);

    // Deployer is the first ward
    constructor() {
        wards[msg.sender] = 1;
        emit Rely(msg.sender);
    }

    // Set the version string
    function setVersion(string calldata _version) external auth {
        version = _version;
        emit UpdateVersion(_version);
    }

    // Set the sha256sum of the published list
    function setSha256sum(string calldata _sha256sum) external auth {
        sha256sum = _sha256sum;
        emit UpdateSha256sum(_sha256sum);
    }

    // Set the IPFS hash of the published list
    function setIPFS(string calldata _ipfs) external auth {
        ipfs = _ipfs;
        emit UpdateIPFS(_ipfs);
    }

    // Register or overwrite `_key` => `_addr`
    function setAddress(bytes32 _key, address _addr) external auth {
        require(_addr != address(0), "ChainLog/zero-address");
        if (data[_key].addr == address(0)) {
            data[_key].pos = keys.length;
            keys.push(_key);
        }
        data[_key].addr = _addr;
        emit UpdateAddress(_key, _addr);
    }

    // Remove `_key` (swap with the last key, then pop)
    function removeAddress(bytes32 _key) external auth {
        require(data[_key].addr != address(0), "ChainLog/invalid-key");
        uint256 pos  = data[_key].pos;
        bytes32 last = keys[keys.length - 1];
        keys[pos] = last;
        data[last].pos = pos;
        keys.pop();
        delete data[_key];
        emit RemoveAddress(_key);
    }

    // Number of registered keys
    function count() external view returns (uint256) {
        return keys.length;
    }

    // Key and address at index `_index`
    function get(uint256 _index) external view returns (bytes32, address) {
        return (keys[_index], data[keys[_index]].addr);
    }

    // All registered keys
    function list() external view returns (bytes32[] memory) {
        return keys;
    }

    // Address registered under `_key` (reverts when missing)
    function getAddress(bytes32 _key) external view returns (address addr) {
        addr = data[_key].addr;
        require(addr != address(0), "ChainLog/invalid-key");
    }
}
