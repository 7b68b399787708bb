# SPDX-License-Identifier: GPL-2.0-only
#
# Shell functions for the benchmarks (sourced).

# cpu_seconds CMD...: user+sys CPU seconds of CMD (and its children).
cpu_seconds()
{
	local TIMEFORMAT="%3U + %3S"
	{ time "$@" >/dev/null 2>&1; } 2>&1 | bc -l
}

# median: the median of the numbers on stdin, one per line.
median()
{
	sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
