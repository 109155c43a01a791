import os
import sys

from bench.harness import main

code = main()
sys.stdout.flush()
sys.stderr.flush()
# PySide6 (6.12) can abort while the interpreter tears down a process that made
# widgets ("bool_dealloc" during garbage collection); the results are written by now.
os._exit(code)
