// SPDX-License-Identifier: AGPL-3.0-or-later
//
// ERC1967.sol -- clean-room ERC-1967 proxy and UUPS upgradeability (spellgen twin), for USDS, which
// mainnet deploys as an ERC1967Proxy in front of a UUPS implementation (OpenZeppelin 5.0). Written
// from public facts of those standards and contracts: the implementation slot
// keccak256("eip1967.proxy.implementation") - 1; the Initializable data in the ERC-7201 slot of
// "openzeppelin.storage.Initializable" (uint64 initialized, bool initializing); the custom errors,
// events and check order of the proxy, ERC1967Utils, Initializable and UUPSUpgradeable. The names are
// OpenZeppelin's so that code written against them (USDS's own tests) compiles against these.

pragma solidity 0.8.16;

interface IERC1822Proxiable {
    function proxiableUUID() external view returns (bytes32);
}

library ERC1967Utils {
    // keccak256("eip1967.proxy.implementation") - 1
    bytes32 internal constant IMPLEMENTATION_SLOT = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;

    event Upgraded(address indexed implementation);

    error ERC1967InvalidImplementation(address implementation);
    error ERC1967NonPayable();
    error AddressEmptyCode(address target);
    error FailedInnerCall();

    // The current implementation
    function getImplementation() internal view returns (address impl) {
        bytes32 slot = IMPLEMENTATION_SLOT;
        assembly { impl := sload(slot) }
    }

    // Point the proxy at `impl` (which must have code), then delegatecall it with `data` if any
    function upgradeToAndCall(address impl, bytes memory data) internal {
        if (impl.code.length == 0) revert ERC1967InvalidImplementation(impl);
        bytes32 slot = IMPLEMENTATION_SLOT;
        assembly { sstore(slot, impl) }
        emit Upgraded(impl);
        if (data.length > 0) {
            (bool ok, bytes memory out) = impl.delegatecall(data);
            if (!ok) {
                if (out.length == 0) revert FailedInnerCall();
                assembly { revert(add(out, 0x20), mload(out)) }
            }
            if (out.length == 0 && impl.code.length == 0) revert AddressEmptyCode(impl);
        } else if (msg.value > 0) {
            revert ERC1967NonPayable();
        }
    }
}

// Forwards every call to the implementation in the ERC-1967 slot
contract ERC1967Proxy {

    // Proxy for `implementation`, initialised by delegatecalling it with `data`
    constructor(address implementation, bytes memory data) payable {
        ERC1967Utils.upgradeToAndCall(implementation, data);
    }

    // Delegatecall the implementation with the whole calldata; return or revert with its output
    fallback() external payable {
        address impl = ERC1967Utils.getImplementation();
        assembly {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), impl, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch ok
            case 0 { revert(0, returndatasize()) }
            default { return(0, returndatasize()) }
        }
    }
}

abstract contract Initializable {
    // keccak256(abi.encode(uint256(keccak256("openzeppelin.storage.Initializable")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant INITIALIZABLE_SLOT = 0xf0c57e16840df040f15088dc2f81fe391c3923bec73e23a9662efc9c229c6a00;

    struct InitializableStorage {
        uint64 _initialized;   // the version initialised up to
        bool   _initializing;  // inside an initializer
    }

    error InvalidInitialization();
    error NotInitializing();

    event Initialized(uint64 version);

    // The namespaced initialisation data
    function _initializableStorage() private pure returns (InitializableStorage storage $) {
        bytes32 slot = INITIALIZABLE_SLOT;
        assembly { $.slot := slot }
    }

    // Runs once: on a fresh proxy, or from a constructor (no code yet)
    modifier initializer() {
        InitializableStorage storage $ = _initializableStorage();
        bool topLevel = !$._initializing;
        uint64 done = $._initialized;
        bool fresh = done == 0 && topLevel;
        bool inConstructor = done == 1 && address(this).code.length == 0;
        if (!fresh && !inConstructor) revert InvalidInitialization();
        $._initialized = 1;
        if (topLevel) $._initializing = true;
        _;
        if (topLevel) {
            $._initializing = false;
            emit Initialized(1);
        }
    }

    // Runs once per `version`, each above the last
    modifier reinitializer(uint64 version) {
        InitializableStorage storage $ = _initializableStorage();
        if ($._initializing || $._initialized >= version) revert InvalidInitialization();
        $._initialized = version;
        $._initializing = true;
        _;
        $._initializing = false;
        emit Initialized(version);
    }

    // Only inside an initializer
    modifier onlyInitializing() {
        if (!_isInitializing()) revert NotInitializing();
        _;
    }

    // Lock the contract against any initialisation (implementations call it in their constructor)
    function _disableInitializers() internal virtual {
        InitializableStorage storage $ = _initializableStorage();
        if ($._initializing) revert InvalidInitialization();
        if ($._initialized != type(uint64).max) {
            $._initialized = type(uint64).max;
            emit Initialized(type(uint64).max);
        }
    }

    // The version initialised up to
    function _getInitializedVersion() internal view returns (uint64) {
        return _initializableStorage()._initialized;
    }

    // Whether an initializer is running
    function _isInitializing() internal view returns (bool) {
        return _initializableStorage()._initializing;
    }
}

abstract contract UUPSUpgradeable is Initializable, IERC1822Proxiable {
    address private immutable __self = address(this);  // the implementation's own address

    string public constant UPGRADE_INTERFACE_VERSION = "5.0.0";

    error UUPSUnauthorizedCallContext();
    error UUPSUnsupportedProxiableUUID(bytes32 slot);

    // Only through a proxy that points at this implementation
    modifier onlyProxy() {
        if (address(this) == __self || ERC1967Utils.getImplementation() != __self) revert UUPSUnauthorizedCallContext();
        _;
    }

    // Only on the implementation itself, not through a proxy
    modifier notDelegated() {
        if (address(this) != __self) revert UUPSUnauthorizedCallContext();
        _;
    }

    // Nothing to initialise
    function __UUPSUpgradeable_init() internal onlyInitializing {}

    // Nothing to initialise
    function __UUPSUpgradeable_init_unchained() internal onlyInitializing {}

    // The slot this implementation expects to be found in
    function proxiableUUID() external view virtual notDelegated returns (bytes32) {
        return ERC1967Utils.IMPLEMENTATION_SLOT;
    }

    // Move the proxy to `newImplementation` (authorised by the implementation) and call it with `data`
    function upgradeToAndCall(address newImplementation, bytes memory data) public payable virtual onlyProxy {
        _authorizeUpgrade(newImplementation);
        try IERC1822Proxiable(newImplementation).proxiableUUID() returns (bytes32 slot) {
            if (slot != ERC1967Utils.IMPLEMENTATION_SLOT) revert UUPSUnsupportedProxiableUUID(slot);
            ERC1967Utils.upgradeToAndCall(newImplementation, data);
        } catch {
            revert ERC1967Utils.ERC1967InvalidImplementation(newImplementation);
        }
    }

    // Revert unless the caller may upgrade
    function _authorizeUpgrade(address newImplementation) internal virtual;
}
