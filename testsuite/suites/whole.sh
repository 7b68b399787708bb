# SPDX-License-Identifier: GPL-2.0-only
#
# The whole-build mode on real code: the files of testsuite/kernel/
# whole-VERSION.files (every file of the Debian tree that calls a map or
# unmap function of the API model, built in an x86 allmodconfig) compiled
# with the plugin writing facts, then vmapcheck-merge --complete.  Every
# finding, of the compiles and of the merge, must be one recorded with our
# verdict in testsuite/kernel/expected-VERSION.txt, and every recorded one
# must still be found.  The i915 and msm GEM mapping caches stay quiet.

. "$top/tools/kernel.sh"
. "$top/tools/cocci.sh"
calls="\\b($(api_names map map-counted unmap unmap-counted))\\s*\\("

for files in "$top"/testsuite/kernel/whole-*.files; do
	version=$(basename "$files" .files | sed 's/^whole-//')
	expected=$top/testsuite/kernel/expected-$version.txt
	out=$WORK/whole/$version
	rm -rf "$out"
	mkdir -p "$out/facts"

	src=$(kernel_source "$version") || { fail "whole/$version: the tree"; continue; }

	# The list is still every file that calls the mapping APIs.
	(cd "$src" && grep -rlE "$calls" --include='*.c' . |
		sed 's|^\./||' | grep -Ev '^(tools|samples|Documentation)/' |
		grep -Ev '^arch/' ; cd "$src" && grep -rlE "$calls" \
		--include='*.c' arch/x86) | sort >"$out/tree"
	awk '$1 == "file" || $1 == "skip" || $1 == "hooks" { print $2 }' "$files" |
		sort >"$out/listed"
	if diff -u "$out/listed" "$out/tree" >"$out/list.diff"; then
		pass "whole/$version: the file list is every caller in the tree"
	else
		fail "whole/$version: the file list is every caller in the tree" "$(cat "$out/list.diff")"
	fi

	if ! kernel_whole "$files" "$out" -fplugin="$PLUGIN" -fplugin-arg-vmapcheck-facts="$out/facts"; then
		fail "whole/$version: prepare the tree and build the objects"
		continue
	fi
	if grep -l "internal compiler error" "$out"/*.stderr >"$out/ice" 2>/dev/null; then
		fail "whole/$version: no compiler crash" "$(cat "$out/ice")"
	else
		pass "whole/$version: no compiler crash"
	fi
	"$MERGE" --complete "$out/facts" >"$out/merge.out" 2>"$out/merge.err"
	rc=$?

	# What was found: "compile FILE:LINE: MESSAGE" and "merge FILE:LINE: MESSAGE".
	{
		cat "$out"/*.stderr | grep -o "^[^ ]*: warning: .*\[vmapcheck:[a-z-]*\]" |
			sed "s|^$src/||; s|^\([^:]*:[0-9]*\):[0-9]*: warning: |compile \1: |"
		grep -o "^[^ ]*: warning: .*\[vmapcheck:[a-z-]*\]" "$out/merge.out" |
			sed "s|^$src/||; s|^\([^:]*:[0-9]*\):[0-9]*: warning: |merge \1: |"
	} | sed 's/ \[vmapcheck:[a-z-]*\]$//' | sort -u >"$out/found"
	grep -E '^(compile|merge) ' "$expected" 2>/dev/null | sort -u >"$out/expected"
	if [ $rc -ne 0 ]; then
		fail "whole/$version: findings as recorded" "merge status $rc: $(cat "$out/merge.err")"
	elif diff -u "$out/expected" "$out/found" >"$out/findings.diff"; then
		pass "whole/$version: findings as recorded ($(wc -l <"$out/found") in expected-$version.txt)"
	else
		fail "whole/$version: findings as recorded" "$(cat "$out/findings.diff")"
	fi
	if grep -q "drivers/gpu/drm/\(i915\|msm\)/" "$out/found"; then
		fail "whole/$version: the i915 and msm mapping caches are quiet" "$(grep drm/ "$out/found")"
	else
		pass "whole/$version: the i915 and msm mapping caches are quiet"
	fi
done
