# SPDX-License-Identifier: GPL-2.0-only
#
# make scan, the main job, end to end on the Debian 6.12 tree: the default
# quick scan reports what testsuite/kernel/scan-6.12.txt records (with our
# verdicts), with the io_uring fix verified; a user's O= directory and
# .config are used as they are and the source tree is left alone; a scan
# with no findings has an empty report and status 0; findings give status
# 3 only with FAIL_ON_FINDINGS=1; bad arguments get one line and status 2.

scan_run()
{
	make -s -C "$top" scan GCC="$GCC" CACHE="$CACHE" V=0 "$@"
}

# The default scan (its Kbuild directory is kept in the cache).
dflt=$CACHE/scan-6.12-default
mkdir -p "$WORK/scan"
scan_run O="$dflt" >"$WORK/scan/default.out" 2>&1
rc=$?
res=$dflt/vmapcheck
jq -r '.findings[] | "\(.engine | sub(" .*"; "")) \(.file):\(.line)"' "$res/report.json" \
	2>/dev/null | sort -u >"$WORK/scan/found"
sed -n 's/^\(plugin\|cocci\) /&/p' "$top/testsuite/kernel/scan-6.12.txt" | sort -u >"$WORK/scan/expected"
if [ $rc -eq 0 ] && cmp -s "$WORK/scan/found" "$WORK/scan/expected"; then
	pass "scan/6.12: findings as recorded ($(wc -l <"$WORK/scan/expected") in scan-6.12.txt)"
else
	fail "scan/6.12: findings as recorded" "status $rc; $(diff "$WORK/scan/expected" "$WORK/scan/found" | head -n 20)"
fi
if grep -q "^plugin io_uring/memmap.c:113$" "$WORK/scan/found" &&
   grep -q "^cocci io_uring/memmap.c:113$" "$WORK/scan/found" &&
   grep -q "^+++ b/io_uring/memmap.c" "$res"/fixes/*io_uring-memmap.c.patch 2>/dev/null &&
   grep -q "^fix patches: \([0-9]*\) in .*; \1 apply after the kernel-fixes series and compile" "$res/summary.txt"; then
	pass "scan/6.12: the io_uring finding, its fix, every fix verified"
else
	fail "scan/6.12: the io_uring finding, its fix, every fix verified" "$(cat "$res/summary.txt" 2>/dev/null)"
fi
if grep -q "^time per stage (s): configure [0-9]* compile [0-9]* merge [0-9]* rules [0-9]* report [0-9]* fixes [0-9]* verify [0-9]*; total" "$res/summary.txt" &&
   grep -q "^  check A: plugin [0-9]*, cocci [0-9]*" "$res/summary.txt" &&
   grep -q "^io_uring/memmap.c$" "$res/report.txt"; then
	pass "scan/6.12: summary and report.txt"
else
	fail "scan/6.12: summary and report.txt" "$(cat "$res/summary.txt" 2>/dev/null)"
fi

# A user's build directory with its own .config (a marker in it); M= keeps
# it short.  The source tree gets no .config and no object.
user=$WORK/scan/user
mkdir -p "$user"
if [ -f "$dflt/.config" ]; then
	sed 's/^CONFIG_LOCALVERSION=.*/CONFIG_LOCALVERSION="-vmapcheck-user"/' "$dflt/.config" >"$user/.config"
fi
scan_run O="$user" M=io_uring >"$WORK/scan/user.out" 2>&1
rc=$?
src=$CACHE/linux-6.12
if [ $rc -eq 0 ] && grep -q 'CONFIG_LOCALVERSION="-vmapcheck-user"' "$user/.config" &&
   grep -q "^config: $user/.config, as it was" "$user/vmapcheck/summary.txt" &&
   [ -f "$user/io_uring/memmap.o" ] && [ ! -e "$src/.config" ] && [ ! -e "$src/io_uring/memmap.o" ]; then
	pass "scan/O= with an existing .config: used as it is, the tree untouched"
else
	fail "scan/O= with an existing .config: used as it is, the tree untouched" "status $rc; $(tail -n 5 "$WORK/scan/user.out")"
fi

# Findings: status 0 (above), or 3 with FAIL_ON_FINDINGS=1 (which make
# reports as "Error 3" and fails).
scan_run O="$user" M=io_uring FAIL_ON_FINDINGS=1 >"$WORK/scan/fail.out" 2>&1
rc=$?
if [ $rc -ne 0 ] && grep -q "\] Error 3$" "$WORK/scan/fail.out"; then
	pass "scan/FAIL_ON_FINDINGS=1 with findings: status 3"
else
	fail "scan/FAIL_ON_FINDINGS=1 with findings: status 3" "status $rc: $(tail -n 2 "$WORK/scan/fail.out")"
fi

# No findings (kernel/dma maps and unmaps correctly): an empty report,
# status 0, also with FAIL_ON_FINDINGS=1.
scan_run O="$user" M=kernel/dma FAIL_ON_FINDINGS=1 >"$WORK/scan/clean.out" 2>&1
rc=$?
if [ $rc -eq 0 ] && [ ! -s "$user/vmapcheck/report.txt" ] &&
   [ "$(jq '.findings | length' "$user/vmapcheck/report.json")" = 0 ] &&
   grep -q "^findings: 0$" "$user/vmapcheck/summary.txt"; then
	pass "scan/no findings: empty report, status 0"
else
	fail "scan/no findings: empty report, status 0" "status $rc; $(cat "$user/vmapcheck/report.txt" 2>/dev/null | head -n 5)"
fi

# Bad arguments: one line that says what to do, status 2.
for bad in SCAN=fast CONFIG=/nonexistent/config BOGUS=1; do
	"$top/tools/scan" "$bad" >"$WORK/scan/bad.out" 2>&1
	rc=$?
	if [ $rc -eq 2 ] && [ "$(wc -l <"$WORK/scan/bad.out")" = 1 ]; then
		pass "scan/bad argument $bad: one line, status 2"
	else
		fail "scan/bad argument $bad: one line, status 2" "status $rc: $(cat "$WORK/scan/bad.out")"
	fi
done
