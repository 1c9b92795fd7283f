// SPDX-License-Identifier: AGPL-3.0-or-later
//
// WardedToken.sol -- clean-room ERC-20 base of the twin's USDS and SKY tokens (spellgen twin).
// Written from /work/shared/spec/maker.md (sections 1 and 3). The ERC-20 surface budget spells and
// vests touch: 18 decimals, wards mint, anyone burns their own (or approved) balance, an allowance of
// type(uint256).max is never decreased. Dai.sol's storage layout (wards=0, totalSupply=1,
// balanceOf=2, allowance=3). Revert strings carry the token's own name, e.g. "Sky/insufficient-allowance".

pragma solidity 0.8.16;

abstract contract WardedToken {

    // --- Auth ---
    mapping (address => uint256) public wards;
    // Grant `usr` admin (mint) rights
    function rely(address usr) external auth { wards[usr] = 1; emit Rely(usr); }
    // Revoke `usr`'s admin rights
    function deny(address usr) external auth { wards[usr] = 0; emit Deny(usr); }
    modifier auth { _check(wards[msg.sender] == 1, "/not-authorized"); _; }

    // --- ERC-20 data ---
    string  public constant version  = "1";
    uint8   public constant decimals = 18;
    uint256 public totalSupply;

    mapping (address => uint256)                      public balanceOf;
    mapping (address => mapping (address => uint256)) public allowance;

    // --- Events ---
    event Rely(address indexed usr);
    event Deny(address indexed usr);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event Transfer(address indexed from, address indexed to, uint256 value);

    // Deployer is the first ward
    constructor() {
        wards[msg.sender] = 1;
        emit Rely(msg.sender);
    }

    // The contract's name at the head of its revert strings ("Usds", "Sky")
    function _prefix() internal pure virtual returns (string memory);

    // Revert with "<prefix><reason>" unless `ok`; the string is only built on failure
    function _check(bool ok, string memory reason) internal pure {
        if (!ok) revert(string.concat(_prefix(), reason));
    }

    // Transfer `value` from the caller to `to`
    function transfer(address to, uint256 value) external returns (bool) {
        return transferFrom(msg.sender, to, value);
    }

    // Transfer `value` from `from` to `to` (allowance needed unless `from` is the caller).
    // Sending to 0 or to the token itself is refused: such tokens would be lost.
    function transferFrom(address from, address to, uint256 value) public returns (bool) {
        _check(to != address(0) && to != address(this), "/invalid-address");
        _check(balanceOf[from] >= value, "/insufficient-balance");
        spendAllowance(from, value);
        balanceOf[from] = balanceOf[from] - value;
        balanceOf[to]   = balanceOf[to]   + value;
        emit Transfer(from, to, value);
        return true;
    }

    // Let `spender` spend `value` of the caller's tokens
    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    // Create `value` tokens for `to` (USDS: the join does, on exit)
    function mint(address to, uint256 value) external auth {
        _check(to != address(0) && to != address(this), "/invalid-address");
        balanceOf[to] = balanceOf[to] + value;
        totalSupply   = totalSupply   + value;
        emit Transfer(address(0), to, value);
    }

    // Destroy `value` tokens of `from` (allowance needed unless `from` is the caller)
    function burn(address from, uint256 value) external {
        _check(balanceOf[from] >= value, "/insufficient-balance");
        spendAllowance(from, value);
        balanceOf[from] = balanceOf[from] - value;
        totalSupply     = totalSupply     - value;
        emit Transfer(from, address(0), value);
    }

    // Take `value` off the caller's allowance from `owner` (none needed for one's own tokens)
    function spendAllowance(address owner, uint256 value) internal {
        if (owner == msg.sender) return;
        uint256 allowed = allowance[owner][msg.sender];
        if (allowed == type(uint256).max) return;
        _check(allowed >= value, "/insufficient-allowance");
        allowance[owner][msg.sender] = allowed - value;
    }
}
