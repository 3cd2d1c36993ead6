"""The numerical environment the stored outputs were made in (see conftest.py and the Makefile)."""

import platform

import numpy  # noqa: F401  (loads NumPy's OpenBLAS)
import pytest
import scipy.linalg  # noqa: F401  (loads SciPy's)
from threadpoolctl import threadpool_info


@pytest.mark.skipif(platform.machine() not in ("x86_64", "AMD64"), reason="x86-64 only")
def test_openblas_uses_the_haswell_kernels():
    """Chaotic training runs print what the BLAS kernel's last bits give: one kernel for every CPU."""
    blas = [lib for lib in threadpool_info() if lib.get("internal_api") == "openblas"]
    assert blas, "no OpenBLAS is loaded"
    assert {lib["architecture"] for lib in blas} == {"Haswell"}
