// SPDX-License-Identifier: AGPL-3.0-or-later
//
// ChainLog.sol -- clean-room registry of the protocol's addresses (spellgen twin); mainnet: CHANGELOG.
// Written from the project's protocol notes (shared/spec/maker.md, sections 1 and 7) and the public
// facts of mainnet's ChainLog: storage order wards, location, keys, version, sha256sum, ipfs; the
// constructor sets version "0.0.0" and registers itself as CHANGELOG (the first key); a key set to
// address(0) stays listed (getAddress then reverts); revert strings "ChainLog/not-authorized" and
// "dss-chain-log/invalid-key".

pragma solidity 0.8.16;

contract ChainLog {

    // --- Events ---
    event Rely(address usr);
    event Deny(address usr);
    event UpdateVersion(string version);
    event UpdateSha256sum(string sha256sum);
    event UpdateIPFS(string ipfs);
    event UpdateAddress(bytes32 key, address addr);
    event RemoveAddress(bytes32 key);

    // --- Auth ---
    mapping (address => uint256) public wards;                                       // slot 0
    // Grant `usr` admin rights
    function rely(address usr) external auth { wards[usr] = 1; emit Rely(usr); }
    // Revoke `usr`'s admin rights
    function deny(address usr) external auth { wards[usr] = 0; emit Deny(usr); }
    modifier auth { require(wards[msg.sender] == 1, "ChainLog/not-authorized"); _; }

    // --- Data ---
    struct Location {
        uint256 pos;    // index in `keys`
        address addr;   // registered address (0: listed but unset)
    }

    mapping (bytes32 => Location) internal location;  // slot 1: key => position and address
    bytes32[] public keys;                             // slot 2: every registered key, in order
    string    public version;                          // slot 3
    string    public sha256sum;                        // slot 4
    string    public ipfs;                             // slot 5

    // Deployer is the first ward; version "0.0.0"; CHANGELOG (this registry) is key 0
    constructor() {
        wards[msg.sender] = 1;
        setVersion("0.0.0");
        setAddress("CHANGELOG", address(this));
    }

    // Set the version string
    function setVersion(string memory _version) public auth {
        version = _version;
        emit UpdateVersion(_version);
    }

    // Set the sha256sum of the published list
    function setSha256sum(string memory _sha256sum) public auth {
        sha256sum = _sha256sum;
        emit UpdateSha256sum(_sha256sum);
    }

    // Set the IPFS hash of the published list
    function setIPFS(string memory _ipfs) public auth {
        ipfs = _ipfs;
        emit UpdateIPFS(_ipfs);
    }

    // Register `_key` => `_addr`, or update it in place when `_key` is already listed (0 allowed)
    function setAddress(bytes32 _key, address _addr) public auth {
        if (keys.length > 0 && keys[location[_key].pos] == _key) {
            location[_key].addr = _addr;
        } else {
            location[_key] = Location(keys.length, _addr);
            keys.push(_key);
        }
        emit UpdateAddress(_key, _addr);
    }

    // Unlist `_key`: the last key takes its place, then the list shrinks by one
    function removeAddress(bytes32 _key) public auth {
        uint256 pos = location[_key].pos;
        require(keys[pos] == _key, "dss-chain-log/invalid-key");
        bytes32 last = keys[keys.length - 1];
        keys[pos] = last;
        location[last].pos = pos;
        keys.pop();
        delete location[_key];
        emit RemoveAddress(_key);
    }

    // Number of listed keys
    function count() public view returns (uint256) {
        return keys.length;
    }

    // Key and address at index `_index`
    function get(uint256 _index) public view returns (bytes32, address) {
        return (keys[_index], location[keys[_index]].addr);
    }

    // All listed keys
    function list() public view returns (bytes32[] memory) {
        return keys;
    }

    // Address registered under `_key` (reverts when missing or set to 0)
    function getAddress(bytes32 _key) public view returns (address addr) {
        addr = location[_key].addr;
        require(addr != address(0), "dss-chain-log/invalid-key");
    }
}
