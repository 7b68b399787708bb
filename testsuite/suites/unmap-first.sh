# SPDX-License-Identifier: GPL-2.0-only
#
# vmapcheck-unmap-first, the scan's "unmap first" fix: each case in
# testsuite/unmap-first gives its pairs in { dg-unmap-first "R:U ..." };
# the file it writes must be CASE.c.moved, or, with { dg-not-moved
# "REGEX" }, it moves nothing (status 1) and says why in one line.  Then
# the sanitized build on kernel files cut at random points (status 0 or
# 1, no sanitizer report).

. "$top/testsuite/lib/cases.sh"
unmap_first=$(dirname "$MERGE")/vmapcheck-unmap-first
uf_work=$WORK/unmap-first
mkdir -p "$uf_work"

for src in "$top"/testsuite/unmap-first/*.c; do
	name=unmap-first/$(basename "$src" .c)
	refused=$(dg_value "$src" dg-not-moved)
	# shellcheck disable=SC2046
	"$unmap_first" "$src" $(dg_value "$src" dg-unmap-first) >"$uf_work/out" 2>"$uf_work/err"
	rc=$?
	if [ -n "$refused" ]; then
		if [ $rc -eq 1 ] && [ ! -s "$uf_work/out" ] && [ "$(wc -l <"$uf_work/err")" = 1 ] &&
		   grep -q "^vmapcheck-unmap-first: $src:$refused$" "$uf_work/err"; then
			pass "$name"
		else
			fail "$name" "status $rc: $(cat "$uf_work/err")"
		fi
	elif [ $rc -eq 0 ] && [ ! -s "$uf_work/err" ] && cmp -s "$uf_work/out" "$src.moved"; then
		pass "$name"
	else
		fail "$name" "status $rc: $(cat "$uf_work/err"; diff "$src.moved" "$uf_work/out" | head -n 10)"
	fi
done

# Damaged sources: the kernel's io_uring and DRM core files cut short at
# fixed points, each with pairs around the cut.
. "$top/tools/kernel.sh"
ktree=$(kernel_source 6.12)
bad=0
runs=0
for f in "$ktree"/io_uring/*.c "$ktree"/drivers/gpu/drm/drm_gem*.c; do
	size=$(stat -c %s "$f")
	lines=$(wc -l <"$f")
	for part in 3 5 7 9; do
		head -c $((size * part / 10)) "$f" >"$uf_work/cut.c"
		at=$((lines * part / 10 + 21))
		"$SANITIZED/vmapcheck-unmap-first" "$uf_work/cut.c" $((at - 20)):$((at - 5)) \
			$((at - 5)):$((at + 5)) $((at / 2)):$((at / 2 + 9)) >/dev/null 2>"$uf_work/err"
		rc=$?
		runs=$((runs + 1))
		if [ $rc -gt 1 ] || grep -q "Sanitizer\|runtime error" "$uf_work/err"; then
			bad=$((bad + 1))
			echo "  $f cut at $part/10: status $rc: $(grep -m1 "ERROR\|runtime error" "$uf_work/err")"
		fi
	done
done
if [ $bad -eq 0 ] && [ $runs -gt 40 ]; then
	pass "unmap-first: $runs cut kernel files, no crash, no sanitizer report"
else
	fail "unmap-first: cut kernel files" "$bad of $runs runs failed"
fi
