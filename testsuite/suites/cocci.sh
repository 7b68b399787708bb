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

for rule in "$top"/rules/*.cocci; do
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
for rule in "$top"/rules/*.cocci; do
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

# What patch mode made is clean: no rule reports anything in the patched
# cases that have an X.res.
mkdir -p "$out/fixed"
for res in "$cases"/*.res; do
	cp "$out/patched/$(basename "$res" .res).c" "$out/fixed/"
done
for rule in "$top"/rules/*.cocci; do
	(cd "$out/fixed" && cocci_run report "$rule" --dir . -j 2)
done >"$out/fixed.report" 2>&1
if [ -s "$out/fixed.report" ]; then
	fail "cocci: the patched cases are clean" "$(cat "$out/fixed.report")"
else
	pass "cocci: the patched cases are clean"
fi

# Org mode lists the findings of report mode; context mode marks their lines.
for rule in "$top"/rules/*.cocci; do
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
