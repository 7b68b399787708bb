# SPDX-License-Identifier: GPL-2.0-only
#
# The Coccinelle rules (rules/*.cocci) on the cases of testsuite/cocci, run
# as scripts/coccicheck runs them (tools/cocci.sh):
#   report mode: every rule over the case directory; each case's report
#     lines must be what its { dg-cocci-warning "REGEX" } comments say
#     ({ dg-cocci-none } for none);
#   patch mode: every rule in turn, its patch applied with patch -p1; a
#     case with an X.res must become X.res (which must compile against our
#     kernel-like headers), any other case must stay as it is;
#   org and context mode: they run and mark the findings.

. "$top/tools/cocci.sh"
. "$top/testsuite/lib/cases.sh"

cases=$top/testsuite/cocci
out=$WORK/cocci
mkdir -p "$out"

for rule in "$RULES"/*.cocci; do
	(cd "$cases" && cocci_run report "$rule" --dir . -j 2) 2>>"$out/report.err"
done |
	sed -n 's|^\./\([^:]*\):\([0-9]*\):\([0-9]*\)-[0-9]*: WARNING: |\1:\2:\3: warning: |p' \
	>"$out/report"
for src in "$cases"/*.c; do
	# shellcheck disable=SC2086
	$GCC $case_cflags -Werror -fsyntax-only "$src" 2>"$out/compile.err" ||
		fail "cocci/$(basename "$src" .c): compiles" "$(head -n 3 "$out/compile.err")"
done
for src in "$cases"/*.c; do
	base=$(basename "$src")
	grep "^$base:" "$out/report" >"$out/$base.report"
	problems=$(awk -f "$top/testsuite/lib/dg-match.awk" -v prefix=cocci- -v src="$src" \
		"$out/$base.report")
	if [ -n "$problems" ]; then
		fail "cocci/${base%.c}: report" "$problems"
	else
		pass "cocci/${base%.c}: report"
	fi
done

# Patch mode: each rule's patch applies to what the previous ones made.
mkdir -p "$out/patched"
cp "$cases"/*.c "$out/patched/"
for rule in "$RULES"/*.cocci; do
	name=$(basename "$rule" .cocci)
	(cd "$out/patched" && cocci_run patch "$rule" --dir . --patch . -j 2) \
		>"$out/$name.patch" 2>>"$out/patch.err"
	if (cd "$out/patched" && patch -p1 -s --no-backup-if-mismatch <"$out/$name.patch"); then
		pass "cocci/$name: its patch applies with patch -p1"
	else
		fail "cocci/$name: its patch applies with patch -p1"
	fi
done
for src in "$cases"/*.c; do
	base=$(basename "$src" .c)
	res=$cases/$base.res
	if [ -f "$res" ]; then
		if diff -u "$res" "$out/patched/$base.c" >"$out/$base.diff"; then
			pass "cocci/$base: patch gives $base.res"
		else
			fail "cocci/$base: patch gives $base.res" "$(cat "$out/$base.diff")"
		fi
		# shellcheck disable=SC2086
		if $GCC $case_cflags -fsyntax-only -x c "$res" 2>"$out/$base.res.err"; then
			pass "cocci/$base: $base.res compiles"
		else
			fail "cocci/$base: $base.res compiles" "$(head -n 5 "$out/$base.res.err")"
		fi
	elif cmp -s "$src" "$out/patched/$base.c"; then
		pass "cocci/$base: patch changes nothing"
	else
		fail "cocci/$base: patch changes nothing" "$(diff -u "$src" "$out/patched/$base.c")"
	fi
done

for mode in report patch; do
	if [ -s "$out/$mode.err" ]; then
		fail "cocci: spatch runs without complaint in $mode mode" "$(head -n 5 "$out/$mode.err")"
	else
		pass "cocci: spatch runs without complaint in $mode mode"
	fi
done

# What patch mode made is clean: in the patched cases that have an X.res
# no rule reports pages released under a mapping.  A lazy list that no
# flush hook drains stays a check B finding: the refcounted API does not
# add a hook.
mkdir -p "$out/fixed"
for res in "$cases"/*.res; do
	cp "$out/patched/$(basename "$res" .res).c" "$out/fixed/"
done
for rule in "$RULES"/*.cocci; do
	(cd "$out/fixed" && cocci_run report "$rule" --dir . -j 2)
done 2>&1 | grep -v "queues vmap addresses .*: no flush hook reaches its purge ([^)]*); drain it" >"$out/fixed.report"
if [ -s "$out/fixed.report" ]; then
	fail "cocci: the patched cases are clean" "$(cat "$out/fixed.report")"
else
	pass "cocci: the patched cases are clean"
fi

# Org mode lists the findings of report mode; context mode marks their lines.
for rule in "$RULES"/*.cocci; do
	name=$(basename "$rule" .cocci)
	(cd "$cases" && cocci_run report "$rule" --dir . -j 2) 2>/dev/null |
		sed -n 's|^\./\([^:]*\):\([0-9]*\):.*|\1:\2|p' | sort -u >"$out/$name.lines"
	(cd "$cases" && cocci_run org "$rule" --dir . -j 2) 2>/dev/null |
		sed -n 's|^\* TODO \[\[view:\./\([^:]*\)::face=ovl-face1::linb=\([0-9]*\)::.*|\1:\2|p' |
		sort -u >"$out/$name.org"
	(cd "$cases" && cocci_run context "$rule" --dir . -j 2) 2>/dev/null |
		awk '/^--- / { file = $2; sub(/^\.\//, "", file) }
		     /^@@ / { split($2, a, ","); line = -a[1] - 1 }
		     /^[ -]/ && !/^--- / { line++ }
		     /^-/ && !/^--- / { print file ":" line }' | sort -u >"$out/$name.context"
	if [ -s "$out/$name.lines" ] && cmp -s "$out/$name.lines" "$out/$name.org"; then
		pass "cocci/$name: org mode lists the findings"
	else
		fail "cocci/$name: org mode lists the findings" "$(diff "$out/$name.lines" "$out/$name.org")"
	fi
	if [ -s "$out/$name.lines" ] && cmp -s "$out/$name.lines" "$out/$name.context"; then
		pass "cocci/$name: context mode marks the findings"
	else
		fail "cocci/$name: context mode marks the findings" "$(diff "$out/$name.lines" "$out/$name.context")"
	fi
done

# Real code: the whole Debian 6.12 and 6.1 trees, as make cocci-scan scans
# them.  The findings are the ones recorded with our verdicts in
# cocci-VERSION.txt; in 6.12 the clean files of the plugin's list stay
# clean, the patch for io_uring/memmap.c applies with patch -p1 and the
# object still compiles, and the rules run unchanged under the tree's own
# make coccicheck.
. "$top/tools/kernel.sh"

# cocci_tree VERSION: the rules over the tree (sets src, tree); false if
# there is no tree.
cocci_tree()
{
	tree=$out/tree-$1
	mkdir -p "$tree"
	if ! src=$(kernel_source "$1"); then
		fail "cocci/$1: the tree"
		return 1
	fi
	"$top/tools/cocci-scan" KSRC="$src" REPORT="$tree/report" >"$tree/scan.out" 2>&1
	sed -n 's/^\([^:]*:[0-9]*\):[0-9-]*: WARNING: /cocci \1: /p' "$tree/report" >"$tree/found"
	grep '^cocci ' "$top/testsuite/kernel/cocci-$1.txt" >"$tree/expected"
	if [ -s "$tree/found" ] && diff -u "$tree/expected" "$tree/found" >"$tree/diff"; then
		pass "cocci/$1: tree findings as recorded ($(wc -l <"$tree/found") in cocci-$1.txt)"
	else
		fail "cocci/$1: tree findings as recorded" "$(cat "$tree/scan.out" "$tree/diff")"
	fi
	# A file that times out is a file not checked.
	if grep -q "(0 timed out after" "$tree/scan.out"; then
		pass "cocci/$1: no file of the tree times out"
	else
		fail "cocci/$1: no file of the tree times out" "$(cat "$tree/scan.out")"
	fi
}

cocci_tree 6.1
if cocci_tree 6.12; then
	clean=$(awk '$1 == "clean" { print $2 }' "$top/testsuite/kernel/6.12.list")
	noisy=$(for f in $clean; do grep "^cocci $f:" "$tree/found"; done)
	if [ -n "$clean" ] && [ -z "$noisy" ]; then
		pass "cocci/6.12: the plugin's clean files are clean"
	else
		fail "cocci/6.12: the plugin's clean files are clean" "$noisy"
	fi

	rule=$RULES/vmap_release_while_mapped.cocci
	mkdir -p "$tree/patched/io_uring"
	cp "$src/io_uring/memmap.c" "$tree/patched/io_uring/"
	(cd "$src" && cocci_run patch "$rule" --patch . io_uring/memmap.c) >"$tree/memmap.patch" 2>&1
	if [ -s "$tree/memmap.patch" ] &&
	   (cd "$tree/patched" && patch -p1 -s <"$tree/memmap.patch") &&
	   kernel_list "$top/testsuite/kernel/6.12.list" &&
	   kernel_compile_source "$kb" io_uring/memmap.o "$tree/patched/io_uring/memmap.c" \
		"$tree/memmap.o" 2>"$tree/memmap.err"; then
		pass "cocci/6.12: the io_uring/memmap.c patch applies with patch -p1 and compiles"
	else
		fail "cocci/6.12: the io_uring/memmap.c patch applies with patch -p1 and compiles" \
			"$(cat "$tree/memmap.patch" "$tree/memmap.err" 2>/dev/null | head -n 20)"
	fi

	make -s -C "$src" coccicheck COCCI="$rule" MODE=report M=io_uring >"$tree/coccicheck" 2>&1
	if grep -q "^io_uring/memmap.c:[0-9]*:[0-9-]*: WARNING: " "$tree/coccicheck"; then
		pass "cocci/6.12: make coccicheck COCCI=... MODE=report M=io_uring"
	else
		fail "cocci/6.12: make coccicheck COCCI=... MODE=report M=io_uring" "$(tail -n 5 "$tree/coccicheck")"
	fi
fi

# A scan that would find no file says so and fails, instead of an empty report.
mkdir -p "$out/empty/mm"
touch "$out/empty/Makefile"
if ! "$top/tools/cocci-scan" KSRC="$out/empty" REPORT="$out/empty.report" 2>"$out/empty.err" &&
   grep -q "no C file under .* uses the mapping APIs" "$out/empty.err" &&
   ! "$top/tools/cocci-scan" KSRC="$out/no-such-tree" REPORT="$out/empty.report" 2>"$out/empty.err" &&
   grep -q "is not a kernel source tree" "$out/empty.err"; then
	pass "cocci: a scan of no file fails with a message"
else
	fail "cocci: a scan of no file fails with a message" "$(cat "$out/empty.err")"
fi

# Each rule's report lines end with its check's ID; spatch -D disable=ID
# silences that rule and no other, and an unknown ID is one error line.
case_both=$cases/bad-hooked-cache-pages-released.c
for rule in "$RULES"/*.cocci; do
	cocci_run report "$rule" "$case_both" 2>/dev/null
done >"$out/ids.all"
for rule in "$RULES"/*.cocci; do
	cocci_run report "$rule" -D disable=release-while-mapped "$case_both" 2>/dev/null
done >"$out/ids.disabled"
cocci_run report "$RULES/vmap_lazy_unmap_no_flush.cocci" -D disable=lazy-unmap-no-flush,no-such-check \
	"$case_both" >"$out/ids.bad" 2>"$out/ids.err"
bad_rc=$?
if grep -q ": WARNING: .* \[vmapcheck:release-while-mapped\]$" "$out/ids.all" &&
   grep -q ": WARNING: .* \[vmapcheck:lazy-unmap-no-flush\]$" "$out/ids.all" &&
   ! grep -q "vmapcheck:release-while-mapped" "$out/ids.disabled" &&
   grep -q ": WARNING: .* \[vmapcheck:lazy-unmap-no-flush\]$" "$out/ids.disabled" &&
   [ $bad_rc -ne 0 ] && [ ! -s "$out/ids.bad" ] &&
   grep -qx "vmapcheck: -D disable=lazy-unmap-no-flush,no-such-check: unknown check 'no-such-check'; the checks are .*" "$out/ids.err"; then
	pass "cocci: report lines carry the check ID; -D disable=ID"
else
	fail "cocci: report lines carry the check ID; -D disable=ID" "status $bad_rc: $(cat "$out/ids.all" "$out/ids.err")"
fi
