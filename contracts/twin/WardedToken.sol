// SPDX-License-Identifier: AGPL-3.0-or-later
//
// WardedToken.sol -- clean-room ERC-20 base of the twin's USDS and SKY tokens (spellgen twin).
// Written from the project's protocol notes (shared/spec/maker.md, sections 1 and 7) and the public
// facts of mainnet's USDS and SKY: 18 decimals, version "1", wards mint, anyone burns their own (or
// approved) balance, an allowance of type(uint256).max is never decreased, no transfer or mint to 0
// or to the token; storage order wards, totalSupply, balanceOf, allowance, nonces (slots 0-4);
// EIP-2612 permit (owner, spender, value, deadline) with a 65-byte signature or an ERC-1271 wallet,
// under the EIP-712 domain (name, "1", block.chainid, this address). Revert strings carry the
// token's own name, e.g. "Sky/insufficient-allowance".

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
    mapping (address => uint256)                      public nonces;

    // --- EIP-712 ---
    bytes32 public constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    // --- Events ---
    event Rely(address indexed usr);
    event Deny(address indexed usr);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event Transfer(address indexed from, address indexed to, uint256 value);

    // Make `usr` a ward (the deployer of SKY, the initializer of USDS)
    function _firstWard(address usr) internal {
        wards[usr] = 1;
        emit Rely(usr);
    }

    // The contract's name at the head of its revert strings ("Usds", "Sky")
    function _prefix() internal pure virtual returns (string memory);

    // The token's ERC-20 name (the EIP-712 domain name)
    function _name() internal pure virtual returns (string memory);

    // The EIP-712 domain separator for `chainId`
    function _domainSeparator(uint256 chainId) internal view returns (bytes32) {
        return keccak256(abi.encode(
            keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
            keccak256(bytes(_name())),
            keccak256(bytes(version)),
            chainId,
            address(this)
        ));
    }

    // The EIP-712 domain separator on the current chain
    function DOMAIN_SEPARATOR() external view returns (bytes32) {
        return _domainSeparator(block.chainid);
    }

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

    // --- Approve by signature ---

    // Whether `signature` is `signer`'s over `digest`: an ECDSA signature (r, s, v) or, for a
    // contract signer, its ERC-1271 isValidSignature answer
    function _isValidSignature(address signer, bytes32 digest, bytes memory signature) internal view returns (bool valid) {
        if (signature.length == 65) {
            bytes32 r;
            bytes32 s;
            uint8 v;
            assembly {
                r := mload(add(signature, 0x20))
                s := mload(add(signature, 0x40))
                v := byte(0, mload(add(signature, 0x60)))
            }
            if (signer == ecrecover(digest, v, r, s)) return true;
        }
        if (signer.code.length > 0) {
            (bool ok, bytes memory result) = signer.staticcall(
                abi.encodeWithSelector(ERC1271_MAGIC, digest, signature));
            valid = ok && result.length == 32 && abi.decode(result, (bytes4)) == ERC1271_MAGIC;
        }
    }

    // isValidSignature(bytes32,bytes)
    bytes4 internal constant ERC1271_MAGIC = 0x1626ba7e;

    // Set `spender`'s allowance from `owner` to `value`, signed by `owner` (a nonce is used first)
    function permit(address owner, address spender, uint256 value, uint256 deadline, bytes memory signature) public {
        _check(block.timestamp <= deadline, "/permit-expired");
        _check(owner != address(0), "/invalid-owner");
        uint256 nonce;
        unchecked { nonce = nonces[owner]++; }
        bytes32 digest = keccak256(abi.encodePacked(
            "\x19\x01",
            _domainSeparator(block.chainid),
            keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, nonce, deadline))
        ));
        _check(_isValidSignature(owner, digest, signature), "/invalid-permit");
        allowance[owner][spender] = value;
        emit Approval(owner, spender, value);
    }

    // permit with the signature as (v, r, s)
    function permit(address owner, address spender, uint256 value, uint256 deadline,
                    uint8 v, bytes32 r, bytes32 s) external {
        permit(owner, spender, value, deadline, abi.encodePacked(r, s, v));
    }
}
