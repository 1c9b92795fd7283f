// SPDX-License-Identifier: AGPL-3.0-or-later
//
// UniswapV2Pair.sol -- clean-room Uniswap V2 pair (spellgen twin); mainnet: UNIV2USDSSKY
// 0x2621CC0B3F3c079c1Db0E80794AA24976F0b9e3c (token0 SKY, token1 USDS), from the public description of a
// V2 pair's behaviour: the pool's liquidity is an ERC-20 ("Uniswap V2"/"UNI-V2", 18 decimals); `burn(to)`
// burns the liquidity sent to the pair itself and pays `to` each token pro rata (liquidity * balance /
// totalSupply, rounded down); `sync()` sets the reserves to the balances; every reserve update adds the
// time-weighted prices (UQ112x112, wrapping) when time has passed. Mainnet's storage order (totalSupply 0,
// balanceOf 1, allowance 2, DOMAIN_SEPARATOR 3, nonces 4, factory 5, token0 6, token1 7, reserve0 |
// reserve1 << 112 | blockTimestampLast << 224 in 8, price0CumulativeLast 9, price1CumulativeLast 10,
// kLast 11, unlocked 12), its revert strings ("UniswapV2: LOCKED", "UniswapV2: INSUFFICIENT_LIQUIDITY_BURNED",
// "UniswapV2: TRANSFER_FAILED", "UniswapV2: OVERFLOW", "UniswapV2: FORBIDDEN", "ds-math-sub-underflow") and
// events. Not modelled: mint, swap, skim, permit, and the protocol fee (the factory's feeTo is taken as
// unset, so kLast stays 0): a spell withdrawing liquidity reaches none of them.

pragma solidity 0.8.16;

interface UniswapV2PairGemLike {
    function balanceOf(address usr) external view returns (uint256);
}

contract UniswapV2Pair {
    // --- ERC-20 of the liquidity ---
    string  public constant name     = "Uniswap V2";
    string  public constant symbol   = "UNI-V2";
    uint8   public constant decimals = 18;
    uint256 public totalSupply;                                       // slot 0
    mapping (address => uint256) public balanceOf;                    // slot 1
    mapping (address => mapping (address => uint256)) public allowance;  // slot 2
    bytes32 public DOMAIN_SEPARATOR;                                  // slot 3 (permit: not modelled)
    mapping (address => uint256) public nonces;                       // slot 4

    // --- The pool ---
    uint256 public constant MINIMUM_LIQUIDITY = 10 ** 3;
    address public factory;                                           // slot 5
    address public token0;                                            // slot 6
    address public token1;                                            // slot 7
    uint112 private reserve0;                                         // slot 8, with the next two
    uint112 private reserve1;
    uint32  private blockTimestampLast;
    uint256 public price0CumulativeLast;                              // slot 9
    uint256 public price1CumulativeLast;                              // slot 10
    uint256 public kLast;                                             // slot 11
    uint256 private unlocked = 1;                                     // slot 12

    event Approval(address indexed owner, address indexed spender, uint256 value);
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Burn(address indexed sender, uint256 amount0, uint256 amount1, address indexed to);
    event Sync(uint112 reserve0, uint112 reserve1);

    // One call at a time
    modifier lock() {
        require(unlocked == 1, "UniswapV2: LOCKED");
        unlocked = 0;
        _;
        unlocked = 1;
    }

    // The deployer is the factory (mainnet's factory creates each pair)
    constructor() {
        factory = msg.sender;
    }

    // The factory names the two tokens once
    function initialize(address token0_, address token1_) external {
        require(msg.sender == factory, "UniswapV2: FORBIDDEN");
        token0 = token0_;
        token1 = token1_;
    }

    // The reserves and the time they were last updated (mod 2**32)
    function getReserves() public view returns (uint112 reserve0_, uint112 reserve1_, uint32 blockTimestampLast_) {
        reserve0_ = reserve0;
        reserve1_ = reserve1;
        blockTimestampLast_ = blockTimestampLast;
    }

    // --- ERC-20 ---
    // Allow `spender` to move `value` of the caller's liquidity
    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    // Move `value` of the caller's liquidity to `to`
    function transfer(address to, uint256 value) external returns (bool) {
        _move(msg.sender, to, value);
        return true;
    }

    // Move `value` of `from`'s liquidity, within the caller's allowance (the largest allowance never falls)
    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed != type(uint256).max) {
            require(allowed >= value, "ds-math-sub-underflow");
            allowance[from][msg.sender] = allowed - value;
        }
        _move(from, to, value);
        return true;
    }

    // --- Liquidity ---
    // Burn the liquidity held by the pair itself; pay `to` its share of each token
    function burn(address to) external lock returns (uint256 amount0, uint256 amount1) {
        (uint112 r0, uint112 r1,) = getReserves();
        address t0 = token0;
        address t1 = token1;
        uint256 balance0 = UniswapV2PairGemLike(t0).balanceOf(address(this));
        uint256 balance1 = UniswapV2PairGemLike(t1).balanceOf(address(this));
        uint256 liquidity = balanceOf[address(this)];
        uint256 supply = totalSupply;
        amount0 = liquidity * balance0 / supply;
        amount1 = liquidity * balance1 / supply;
        require(amount0 > 0 && amount1 > 0, "UniswapV2: INSUFFICIENT_LIQUIDITY_BURNED");
        _burn(address(this), liquidity);
        _pay(t0, to, amount0);
        _pay(t1, to, amount1);
        _update(UniswapV2PairGemLike(t0).balanceOf(address(this)), UniswapV2PairGemLike(t1).balanceOf(address(this)),
                r0, r1);
        emit Burn(msg.sender, amount0, amount1, to);
    }

    // Make the reserves equal the balances
    function sync() external lock {
        _update(UniswapV2PairGemLike(token0).balanceOf(address(this)),
                UniswapV2PairGemLike(token1).balanceOf(address(this)), reserve0, reserve1);
    }

    // --- Internals ---
    function _move(address from, address to, uint256 value) internal {
        require(balanceOf[from] >= value, "ds-math-sub-underflow");
        balanceOf[from] -= value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
    }

    function _burn(address from, uint256 value) internal {
        require(balanceOf[from] >= value, "ds-math-sub-underflow");
        balanceOf[from] -= value;
        totalSupply -= value;
        emit Transfer(from, address(0), value);
    }

    // A token transfer that accepts tokens returning nothing; anything else must return true
    function _pay(address token, address to, uint256 value) private {
        (bool ok, bytes memory data) = token.call(abi.encodeWithSelector(0xa9059cbb, to, value));
        require(ok && (data.length == 0 || abi.decode(data, (bool))), "UniswapV2: TRANSFER_FAILED");
    }

    // New reserves; on the first update of a block, the prices over the time since the last one
    function _update(uint256 balance0, uint256 balance1, uint112 r0, uint112 r1) private {
        require(balance0 <= type(uint112).max && balance1 <= type(uint112).max, "UniswapV2: OVERFLOW");
        uint32 now32 = uint32(block.timestamp % 2 ** 32);
        unchecked {
            uint32 elapsed = now32 - blockTimestampLast;  // wraps, as intended
            if (elapsed > 0 && r0 != 0 && r1 != 0) {
                price0CumulativeLast += (uint256(r1) * 2 ** 112 / r0) * elapsed;
                price1CumulativeLast += (uint256(r0) * 2 ** 112 / r1) * elapsed;
            }
        }
        reserve0 = uint112(balance0);
        reserve1 = uint112(balance1);
        blockTimestampLast = now32;
        emit Sync(reserve0, reserve1);
    }
}
