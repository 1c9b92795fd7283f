// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Dai.sol -- clean-room DAI token (spellgen twin).
// Written from /work/shared/spec/maker.md (section 3); mainnet: MCD_DAI.
// ERC-20, 18 decimals; wards mint; anyone burns their own (or approved) balance.
// An allowance of type(uint256).max is never decreased.

pragma solidity 0.8.16;

contract Dai {

    // --- Auth ---
    mapping (address => uint256) public wards;
    // Grant `usr` admin (mint) rights
    function rely(address usr) external auth { wards[usr] = 1; emit Rely(usr); }
    // Revoke `usr`'s admin rights
    function deny(address usr) external auth { wards[usr] = 0; emit Deny(usr); }
    modifier auth { require(wards[msg.sender] == 1, "Dai/not-authorized"); _; }

    // --- ERC-20 data ---
    string  public constant name     = "Dai Stablecoin";
    string  public constant symbol   = "DAI";
    string  public constant version  = "1";
    uint8   public constant decimals = 18;
    uint256 public totalSupply;

    mapping (address => uint256)                      public balanceOf;
    mapping (address => mapping (address => uint256)) public allowance;

    // --- Events ---
    event Rely(address indexed usr);
    event Deny(address indexed usr);
    event Approval(address indexed src, address indexed guy, uint256 wad);
    event Transfer(address indexed src, address indexed dst, uint256 wad);

    // Deployer is the first ward
    constructor() {
        wards[msg.sender] = 1;
        emit Rely(msg.sender);
    }

    // Transfer `wad` from the caller to `dst`
    function transfer(address dst, uint256 wad) external returns (bool) {
        return transferFrom(msg.sender, dst, wad);
    }

    // Transfer `wad` from `src` to `dst` (allowance needed unless src is the caller)
    function transferFrom(address src, address dst, uint256 wad) public returns (bool) {
        require(balanceOf[src] >= wad, "Dai/insufficient-balance");
        if (src != msg.sender && allowance[src][msg.sender] != type(uint256).max) {
            require(allowance[src][msg.sender] >= wad, "Dai/insufficient-allowance");
            allowance[src][msg.sender] = allowance[src][msg.sender] - wad;
        }
        balanceOf[src] = balanceOf[src] - wad;
        balanceOf[dst] = balanceOf[dst] + wad;
        emit Transfer(src, dst, wad);
        return true;
    }

    // Create `wad` DAI for `usr`
    function mint(address usr, uint256 wad) external auth {
        balanceOf[usr] = balanceOf[usr] + wad;
        totalSupply    = totalSupply    + wad;
        emit Transfer(address(0), usr, wad);
    }

    // Destroy `wad` DAI of `usr` (allowance needed unless usr is the caller)
    function burn(address usr, uint256 wad) external {
        require(balanceOf[usr] >= wad, "Dai/insufficient-balance");
        if (usr != msg.sender && allowance[usr][msg.sender] != type(uint256).max) {
            require(allowance[usr][msg.sender] >= wad, "Dai/insufficient-allowance");
            allowance[usr][msg.sender] = allowance[usr][msg.sender] - wad;
        }
        balanceOf[usr] = balanceOf[usr] - wad;
        totalSupply    = totalSupply    - wad;
        emit Transfer(usr, address(0), wad);
    }

    // Let `usr` spend `wad` of the caller's DAI
    function approve(address usr, uint256 wad) external returns (bool) {
        allowance[msg.sender][usr] = wad;
        emit Approval(msg.sender, usr, wad);
        return true;
    }

    // Alias: transfer `wad` from the caller to `usr`
    function push(address usr, uint256 wad) external {
        transferFrom(msg.sender, usr, wad);
    }

    // Alias: transfer `wad` from `usr` to the caller
    function pull(address usr, uint256 wad) external {
        transferFrom(usr, msg.sender, wad);
    }

    // Alias: transferFrom
    function move(address src, address dst, uint256 wad) external {
        transferFrom(src, dst, wad);
    }
}
