"""Settings every test run shares, set before NumPy loads OpenBLAS and before nbval starts kernels.

Stored notebook outputs come from seeded training runs, some of them chaotic, so the last bit of
a matrix product can change what they print. That bit depends on the BLAS kernel OpenBLAS picks
for the CPU; on x86-64 every run uses the Haswell kernels (any CPU with AVX2), as the Makefile
does, so that the outputs are the same on Intel and AMD machines. A kernel started by nbval
inherits this environment.
"""

import os
import platform

if platform.machine() in ("x86_64", "AMD64"):
    os.environ.setdefault("OPENBLAS_CORETYPE", "Haswell")
