import os
import sys

import bench.accounts  # adds 账户登录 to the harness (bench.life's noqa covers the name)
import bench.audit  # adds the 操作日志 scenarios to the harness (bench.life's noqa covers the name)
import bench.backup  # adds 备份与检查 to the harness (bench.life's noqa covers the name)
import bench.district  # adds the district's desk (on the sync scenarios' world) to the harness
import bench.ledger  # adds the 台账 scenarios to the harness (bench.life's noqa covers the name)
import bench.life  # adds the 组织生活 scenarios to the harness
import bench.printing  # adds 打印台账与花名册 to the harness (bench.life's noqa covers the name)
import bench.startup  # noqa: F401  (adds start-up on the district and frozen; bench.life's noqa too)
from bench import sync  # adds the 数据交换 scenarios to the harness
from bench.harness import main

try:
    code = main()
finally:
    sync.close_all()  # the scratch databases and folders the sync scenarios made
sys.stdout.flush()
sys.stderr.flush()
# PySide6 (6.12) can abort while the interpreter tears down a process that made
# widgets ("bool_dealloc" during garbage collection); the results are written by now.
os._exit(code)
