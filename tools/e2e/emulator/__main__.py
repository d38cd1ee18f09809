"""Entry point: start the emulator, seed it, print one JSON line ``{"url": ...}``, serve until stdin closes.

Stopping on end-of-stdin (not only on a signal) means the emulator dies with its parent even when the parent is
killed: no process is left behind. What the project left behind is answered over
HTTP at ``/_e2e/inventory`` (see inventory.py).
"""
import argparse
import os
import json
import signal
import sys

from . import shims
from .seed import seed_from_file
from .server import Emulator


def main() -> int:
    parser = argparse.ArgumentParser(prog="python3 -m tools.e2e.emulator")
    parser.add_argument("--seed", help="JSON seed of pre-existing resources (tools/e2e/seed.ts writes it)")
    args = parser.parse_args()

    shims.ERROR_LOG = sys.stderr
    emulator = Emulator().start()
    try:
        if args.seed:
            seed_from_file(args.seed)
        emulator.app.mark_baseline()
        print(json.dumps({"url": emulator.url, "pid": os.getpid()}), flush=True)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        while sys.stdin.read(4096):
            pass
    finally:
        emulator.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
