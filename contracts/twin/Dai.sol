// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Dai.sol -- clean-room DAI token (spellgen twin); mainnet: MCD_DAI.
// Written from the project's protocol notes (shared/spec/maker.md, section 3) and the public facts
// of mainnet's Dai: ERC-20 with 18 decimals, wards mint, anyone burns their own (or approved)
// balance, an allowance of type(uint256).max is never decreased, DAI-style permit (holder, spender,
// nonce, expiry, allowed) under the EIP-712 domain "Dai Stablecoin", version "1", the chain id given
// to the constructor (1 on mainnet) and this address. Storage order: wards, totalSupply, balanceOf,
// allowance, nonces, DOMAIN_SEPARATOR. rely/deny are logged as LibNote events, as mainnet's.

pragma solidity 0.8.16;

import "./LibNote.sol";

contract Dai is LibNote {

    // --- Auth ---
    mapping (address => uint256) public wards;                                        // slot 0
    // Grant `guy` admin (mint) rights
    function rely(address guy) external note auth { wards[guy] = 1; }
    // Revoke `guy`'s admin rights
    function deny(address guy) external note auth { wards[guy] = 0; }
    modifier auth { require(wards[msg.sender] == 1, "Dai/not-authorized"); _; }

    // --- ERC-20 data ---
    string  public constant name     = "Dai Stablecoin";
    string  public constant symbol   = "DAI";
    string  public constant version  = "1";
    uint8   public constant decimals = 18;
    uint256 public totalSupply;                                                       // slot 1

    mapping (address => uint256)                      public balanceOf;               // slot 2
    mapping (address => mapping (address => uint256)) public allowance;               // slot 3
    mapping (address => uint256)                      public nonces;                  // slot 4

    event Approval(address indexed src, address indexed guy, uint256 wad);
    event Transfer(address indexed src, address indexed dst, uint256 wad);

    // --- EIP-712 ---
    bytes32 public DOMAIN_SEPARATOR;                                                  // slot 5
    // keccak256("Permit(address holder,address spender,uint256 nonce,uint256 expiry,bool allowed)")
    bytes32 public constant PERMIT_TYPEHASH = 0xea2aa0a1be11a07ed86d755c93467f4f82362b452371d1ba94d1715123511acb;

    // Deployer is the first ward; the permit domain is bound to `chainId_` and this address
    constructor(uint256 chainId_) {
        wards[msg.sender] = 1;
        DOMAIN_SEPARATOR = keccak256(abi.encode(
            keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
            keccak256(bytes(name)),
            keccak256(bytes(version)),
            chainId_,
            address(this)
        ));
    }

    // --- Math (reverts without a reason, as mainnet's) ---
    // x + y
    function add(uint256 x, uint256 y) internal pure returns (uint256 z) {
        unchecked { z = x + y; }
        require(z >= x);
    }
    // x - y
    function sub(uint256 x, uint256 y) internal pure returns (uint256 z) {
        unchecked { z = x - y; }
        require(z <= x);
    }

    // --- Token ---

    // Transfer `wad` from the caller to `dst`
    function transfer(address dst, uint256 wad) external returns (bool) {
        return transferFrom(msg.sender, dst, wad);
    }

    // Transfer `wad` from `src` to `dst` (allowance needed unless src is the caller)
    function transferFrom(address src, address dst, uint256 wad) public returns (bool) {
        require(balanceOf[src] >= wad, "Dai/insufficient-balance");
        if (src != msg.sender && allowance[src][msg.sender] != type(uint256).max) {
            require(allowance[src][msg.sender] >= wad, "Dai/insufficient-allowance");
            allowance[src][msg.sender] = sub(allowance[src][msg.sender], wad);
        }
        balanceOf[src] = sub(balanceOf[src], wad);
        balanceOf[dst] = add(balanceOf[dst], wad);
        emit Transfer(src, dst, wad);
        return true;
    }

    // Create `wad` DAI for `usr`
    function mint(address usr, uint256 wad) external auth {
        balanceOf[usr] = add(balanceOf[usr], wad);
        totalSupply    = add(totalSupply, wad);
        emit Transfer(address(0), usr, wad);
    }

    // Destroy `wad` DAI of `usr` (allowance needed unless usr is the caller)
    function burn(address usr, uint256 wad) external {
        require(balanceOf[usr] >= wad, "Dai/insufficient-balance");
        if (usr != msg.sender && allowance[usr][msg.sender] != type(uint256).max) {
            require(allowance[usr][msg.sender] >= wad, "Dai/insufficient-allowance");
            allowance[usr][msg.sender] = sub(allowance[usr][msg.sender], wad);
        }
        balanceOf[usr] = sub(balanceOf[usr], wad);
        totalSupply    = sub(totalSupply, wad);
        emit Transfer(usr, address(0), wad);
    }

    // Let `usr` spend `wad` of the caller's DAI
    function approve(address usr, uint256 wad) external returns (bool) {
        allowance[msg.sender][usr] = wad;
        emit Approval(msg.sender, usr, wad);
        return true;
    }

    // --- Aliases ---

    // Transfer `wad` from the caller to `usr`
    function push(address usr, uint256 wad) external {
        transferFrom(msg.sender, usr, wad);
    }

    // Transfer `wad` from `usr` to the caller
    function pull(address usr, uint256 wad) external {
        transferFrom(usr, msg.sender, wad);
    }

    // Transfer `wad` from `src` to `dst`
    function move(address src, address dst, uint256 wad) external {
        transferFrom(src, dst, wad);
    }

    // --- Approve by signature ---

    // Set `spender`'s allowance from `holder` to unlimited (allowed) or 0, signed by `holder`
    function permit(address holder, address spender, uint256 nonce, uint256 expiry,
                    bool allowed, uint8 v, bytes32 r, bytes32 s) external
    {
        bytes32 digest = keccak256(abi.encodePacked(
            "\x19\x01",
            DOMAIN_SEPARATOR,
            keccak256(abi.encode(PERMIT_TYPEHASH, holder, spender, nonce, expiry, allowed))
        ));
        require(holder != address(0), "Dai/invalid-address-0");
        require(holder == ecrecover(digest, v, r, s), "Dai/invalid-permit");
        require(expiry == 0 || block.timestamp <= expiry, "Dai/permit-expired");
        require(nonce == nonces[holder]++, "Dai/invalid-nonce");
        uint256 wad = allowed ? type(uint256).max : 0;
        allowance[holder][spender] = wad;
        emit Approval(holder, spender, wad);
    }
}
