"""Imports every shim module so its shims register (order does not matter: shims match disjoint operations)."""
