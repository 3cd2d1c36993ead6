"""Memory a call holds, measured with tracemalloc (the speed-floor tests and the benchmarks)."""

import tracemalloc


def peak_arrays(func, x):
    """The most memory func(x) holds at once, in arrays of x's size (its result included)."""
    tracemalloc.start()
    tracemalloc.reset_peak()
    func(x)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / x.nbytes
