# SPDX-License-Identifier: GPL-2.0-only
#
# The kernel-fixes series (kernel-fixes/linux-VERSION) on the Debian trees
# it is for: checkpatch --strict is clean; it applies with git am and with
# patch -p1; each patch builds on its own (the objects it touches); the
# User-Mode-Linux kernel builds and boots, and every case of the KUnit
# suite passes (the benchmark case is skipped unless asked for); sparse
# (C=2) reports nothing on the touched files that the unpatched tree does
# not.  The tree and its build stay in the cache: a second run rebuilds
# only what changed, and re-applies the series only when it changed.

. "$top/tools/kernel.sh"
. "$top/tools/kfix.sh"

for version in 6.12 6.1; do
	kname=kfix/$version
	if ! kfix_init "$version"; then
		fail "$kname: the Debian tree"
		continue
	fi

	out=$WORK/kfix-$version
	mkdir -p "$out"
	# With no .git in sight checkpatch runs no scripts/spdxcheck.py (Python).
	# shellcheck disable=SC2046
	if (cd "$kfix_src" && GIT_DIR=$kfix_work/no-git perl scripts/checkpatch.pl --strict -q \
		$(kfix_patches)) >"$out/checkpatch" 2>&1 &&
	   [ ! -s "$out/checkpatch" ]; then
		pass "$kname: checkpatch --strict is clean"
	else
		fail "$kname: checkpatch --strict is clean" "$(head -n 20 "$out/checkpatch")"
	fi
	if kfix_git_repo "$version" "$out/git" >"$out/git.log" 2>&1; then
		pass "$kname: the series applies with git am"
	else
		fail "$kname: the series applies with git am" "$(tail -n 5 "$out/git.log")"
	fi

	# Applied (patch by patch, each built) only when the series changed.
	if kfix_series_changed; then how="patch by patch"; else how="as applied in the cache"; fi
	echo "kfix: building User-Mode-Linux $version (log: $kfix_work/build.log)"
	if ! kfix_build; then
		fail "$kname: ${kfix_error%%:*}" "${kfix_error#*: }"
		continue
	fi
	pass "$kname: the series applies with patch -p1 ($how)"
	pass "$kname: each patch builds on its own ($how)"
	pass "$kname: the UML kernel builds"

	# KUnit: every case of the suite reports ok; the benchmark is skipped.
	kfix_boot "$out/boot.log"
	cases=$(sed -n 's/^[[:space:]]*KUNIT_CASE(\([a-z_0-9]*\)),$/\1/p' "$kfix_src/mm/vmap_pages_kunit.c")
	sed -n 's/^[[:space:]]*\(not ok\|ok\) [0-9]* \(- \)\{0,1\}\([a-z_0-9]*\)\( # SKIP.*\)\{0,1\}$/\1 \3\4/p' \
		"$out/boot.log" >"$out/results"
	total=0 ok=0 bad= skipped=0
	for c in $cases; do
		total=$((total + 1))
		line=$(grep -m 1 " $c\( # SKIP.*\)\{0,1\}$" "$out/results")
		case $line in
		"ok $c # SKIP"*) skipped=$((skipped + 1)) ;;
		"ok $c") ok=$((ok + 1)) ;;
		*) bad="$bad $c:${line:-missing}" ;;
		esac
	done
	echo "kfix: $version KUnit vmap_pages: $total tests, $ok passed, $(echo $bad | wc -w) failed or missing, $skipped skipped"
	if [ "$total" -gt 0 ] && [ -z "$bad" ] && [ "$skipped" -eq 1 ] &&
	   grep -q ' vmap_pages_bench # SKIP' "$out/results"; then
		pass "$kname: KUnit suite vmap_pages passes in UML ($ok of $total, bench skipped)"
	else
		fail "$kname: KUnit suite vmap_pages passes in UML" "${bad:-bench not skipped}; see $out/boot.log"
	fi

	# sparse: nothing new on the files the series touches.
	# shellcheck disable=SC2046
	if kfix_sparse "$out/sparse.log" $(kfix_objects $(kfix_patches)) >"$out/sparse"; then
		comm -13 "$kfix_work/sparse-base" "$out/sparse" >"$out/sparse-new"
		if [ -s "$out/sparse-new" ]; then
			fail "$kname: sparse adds no warning" "$(head -n 10 "$out/sparse-new")"
		else
			pass "$kname: sparse adds no warning ($(wc -l <"$kfix_work/sparse-base") before and after)"
		fi
	else
		fail "$kname: sparse runs" "see $out/sparse.log"
	fi
done
