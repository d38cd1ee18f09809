"""AWS API emulator for the emulated apply (issue 18): moto's WSGI app behind a shim layer, on loopback only.

Run as ``python3 -m tools.e2e.emulator --seed seed.json`` from the repository root (see __main__.py).
"""
