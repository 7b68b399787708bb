# SPDX-License-Identifier: GPL-2.0-only
# Compiling C test cases against our kernel-like headers (testsuite/include).

case_cflags="-O2 -std=gnu11 -Wall -fno-strict-aliasing -nostdinc \
	-I$top/testsuite/include -fdiagnostics-plain-output"

# dg_value CASE DIRECTIVE: the quoted value of { DIRECTIVE "..." }, if any;
# ${srcdir} stands for the case's directory.
dg_value()
{
	sed -n "s/.*{ *$2 *\"\([^\"]*\)\" *}.*/\1/p" "$1" | head -n 1 |
		sed "s|\${srcdir}|$(dirname "$1")|g"
}

# compile_problems SRC STDERR RC: what is wrong with a compile of SRC that
# wrote STDERR and exited with RC, against SRC's expectations; empty if all
# is as expected.
compile_problems()
{
	lines=$(sed -n 's/.*{ *dg-stderr-lines *\([0-9]*\) *}.*/\1/p' "$1")
	if grep -q "internal compiler error" "$2"; then
		echo "compiler crash: $(grep -m1 'internal compiler error' "$2")"
	else
		awk -f "$top/testsuite/lib/dg-match.awk" -v src="$1" "$2"
		if grep -q "dg-error" "$1" && [ "$3" -eq 0 ]; then
			echo "expected errors but the compile succeeded"
		elif ! grep -q "dg-error" "$1" && [ "$3" -ne 0 ]; then
			echo "the compile failed (status $3)"
		elif [ -n "$lines" ] && [ "$(wc -l <"$2")" -ne "$lines" ]; then
			echo "expected $lines line(s) on stderr, got: $(cat "$2")"
		fi
	fi
}
