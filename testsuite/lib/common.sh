# SPDX-License-Identifier: GPL-2.0-only
# Bookkeeping shared by the suites: every test ends in pass or fail.

passed=0
failed=0
# Put in front of test names by a suite that runs another one again.
test_prefix=

pass()
{
	passed=$((passed + 1))
	echo "PASS: $test_prefix$1"
}

# fail NAME [REASON...]
fail()
{
	failed=$((failed + 1))
	name=$1
	shift
	echo "FAIL: $test_prefix$name${1:+: $*}"
}

# check NAME CONDITION-COMMAND... : pass when the command succeeds.
check()
{
	name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name"; fi
}

summary()
{
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

# The disassembly of an object without its file name line.
disassemble()
{
	objdump -d "$1" | sed 1,3d
}
