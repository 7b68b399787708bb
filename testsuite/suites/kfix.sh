# SPDX-License-Identifier: GPL-2.0-only
#
# The kernel-fixes series (kernel-fixes/linux-VERSION) on the Debian trees
# it is for: checkpatch --strict is clean; it applies with git am and with
# patch -p1; each patch builds on its own (the objects it touches); the
# User-Mode-Linux kernel builds and boots, and every case of the KUnit
# suite passes (the benchmark case is skipped unless asked for), with the
# vmap page check on (its reports counted in the kernel log), off at boot
# and not built (its cases skipped); sparse (C=2) reports nothing on the
# touched files that the unpatched tree does not.  The tree and its build
# stay in the cache: a second run rebuilds only what changed, and
# re-applies the series only when it changed.

. "$top/tools/kernel.sh"
. "$top/tools/kfix.sh"

# kunit_verdict NAME LOG HOW SKIPPED: every case of $kunit_cases reports ok
# in the KTAP output LOG, skipped exactly when its name matches the grep
# pattern SKIPPED; the totals are printed.
kunit_verdict()
{
	local c line total=0 ok=0 skipped=0 bad=
	sed -n 's/^[[:space:]]*\(not ok\|ok\) [0-9]* \(- \)\{0,1\}\([a-z_0-9]*\)\( # SKIP.*\)\{0,1\}$/\1 \3\4/p' \
		"$2" >"$2.results"
	for c in $kunit_cases; do
		total=$((total + 1))
		line=$(grep -m 1 " $c\( # SKIP.*\)\{0,1\}$" "$2.results")
		if echo "$c" | grep -qx "$4"; then
			case $line in "ok $c # SKIP"*) skipped=$((skipped + 1)); continue ;; esac
		elif [ "$line" = "ok $c" ]; then
			ok=$((ok + 1))
			continue
		fi
		bad="$bad $c:${line:-missing}"
	done
	echo "kfix: $version KUnit vmap_pages, $3: $total tests, $ok passed, $(echo $bad | wc -w) failed, missing or not skipped as expected, $skipped skipped"
	if [ "$total" -gt 0 ] && [ -z "$bad" ]; then
		pass "$1: KUnit suite vmap_pages passes in UML, $3 ($ok of $total, $skipped skipped)"
	else
		fail "$1: KUnit suite vmap_pages passes in UML, $3" "$bad; see $2"
	fi
}

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

	# KUnit, three ways: the check on (vmap_page_check=on), every case
	# passes but the benchmark; off at boot, and not built, the cases of
	# the check are skipped too.
	kunit_cases=$(sed -n 's/^[[:space:]]*KUNIT_CASE(\([a-z_0-9]*\)),$/\1/p' "$kfix_src/mm/vmap_pages_kunit.c")
	kfix_boot "$out/boot.log" vmap_page_check=on
	kunit_verdict "$kname" "$out/boot.log" "check on" 'vmap_pages_bench'

	# The check's reports: as many in the kernel log as the cases count,
	# each with both stacks.
	said=$(sed -n 's/.*vmap_page_check reports: \([0-9]*\)$/\1/p' "$out/boot.log" | awk '{ s += $1 } END { print s + 0 }')
	reports=$(grep -c 'vmap_page_check: BUG: pfn .* is released while it is still mapped by the vmap at' "$out/boot.log")
	echo "kfix: $version vmap_page_check: $reports reports in the kernel log, $said counted by the cases"
	if [ "${said:-0}" -gt 0 ] && [ "$reports" = "$said" ] &&
	   [ "$(grep -c 'vmap_page_check: the mapping was made at:' "$out/boot.log")" = "$said" ] &&
	   [ "$(grep -c 'vmap_page_check: the page is released at:' "$out/boot.log")" = "$said" ]; then
		pass "$kname: the vmap page check reports each page released while mapped ($reports), with both stacks"
	else
		fail "$kname: the vmap page check reports each page released while mapped" \
			"$reports reports, $said counted by the cases; see $out/boot.log"
	fi

	kfix_boot "$out/boot-off.log"
	kunit_verdict "$kname" "$out/boot-off.log" "check off at boot" 'vmap_pages_bench\|vmap_page_check_.*'

	if kfix_build_off; then
		pass "$kname: the UML kernel builds without CONFIG_VMAP_PAGE_CHECK"
		kfix_kb=$kfix_kb_off kfix_boot "$out/boot-unbuilt.log"
		kunit_verdict "$kname" "$out/boot-unbuilt.log" "check not built" 'vmap_pages_bench\|vmap_page_check_.*'
	else
		fail "$kname: ${kfix_error%%:*}" "${kfix_error#*: }"
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
