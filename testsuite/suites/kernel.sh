# SPDX-License-Identifier: GPL-2.0-only
#
# Real kernel code: the files of testsuite/kernel/*.list, from the Debian
# kernel trees, compiled with their own Kbuild command lines plus the
# plugin.  Each file's findings must be what the list says; each object
# must be the same with and without the plugin; a file with findings
# must still build with -Werror.

. "$top/tools/kernel.sh"

# kernel_expect LIST FILE KIND: the regexes of FILE's KIND lines.
kernel_expect()
{
	awk -v f="$2" -v k="$3" '$1 == k && $2 == f {
		sub(/^[a-z]+ +[^ ]+ +/, ""); print }' "$1"
}

# kernel_findings_match LIST FILE STDERR: problems, one per line.
kernel_findings_match()
{
	grep -o 'warning: .*\[vmapcheck:[a-z-]*\]' "$3" | sed 's/^warning: //' >"$3.found"
	grep -o 'note: .*' "$3" | sed 's/^note: //' >"$3.notes"
	kernel_expect "$1" "$2" warn >"$3.warn"
	kernel_expect "$1" "$2" note >"$3.note"
	while IFS= read -r msg; do
		matched=
		while IFS= read -r re; do
			printf '%s\n' "$msg" | grep -Eq -- "$re" && matched=1
		done <"$3.warn"
		[ -n "$matched" ] || echo "unexpected finding: $msg"
	done <"$3.found"
	for kind in warn note; do
		list=$3.found
		[ $kind = note ] && list=$3.notes
		while IFS= read -r re; do
			grep -Eq -- "$re" "$list" || echo "missing $kind: $re"
		done <"$3.$kind"
	done
}

for list in "$top"/testsuite/kernel/*.list; do
	version=$(basename "$list" .list)
	if ! kernel_list "$list"; then
		fail "kernel/$version: prepare the tree and build the objects"
		continue
	fi
	mkdir -p "$WORK/kernel/$version"
	for file in $kfiles; do
		obj=${file%.c}.o
		tmp=$WORK/kernel/$version/$(echo "$file" | tr / _)
		name=kernel/$version/$file
		# Facts into the object too: the code sections stay the same.
		kernel_compile "$kb" "$obj" "$tmp.with.o" -fplugin="$PLUGIN" \
			-fplugin-arg-vmapcheck-facts-in-object 2>"$tmp.stderr"
		rc=$?
		problems=$(kernel_findings_match "$list" "$file" "$tmp.stderr")
		if grep -q "internal compiler error" "$tmp.stderr"; then
			fail "$name" "compiler crash: $(grep -m1 'internal compiler error' "$tmp.stderr")"
		elif [ $rc -ne 0 ]; then
			fail "$name" "does not compile with the plugin: $(head -n 3 "$tmp.stderr")"
		elif [ -n "$problems" ]; then
			fail "$name" "$problems"
		else
			pass "$name"
		fi

		kernel_compile "$kb" "$obj" "$tmp.without.o" 2>/dev/null
		if [ $rc -eq 0 ] && readelf -S "$tmp.with.o" | grep -q "\.vmapcheck\.facts" &&
		   [ "$(disassemble "$tmp.with.o")" = "$(disassemble "$tmp.without.o")" ]; then
			pass "$name: same code"
		else
			fail "$name: same code" "the object code differs with the plugin"
		fi

		# Default settings keep a -Werror kernel build building.
		if [ -s "$tmp.stderr.warn" ]; then
			if kernel_compile "$kb" "$obj" "$tmp.werror.o" -fplugin="$PLUGIN" \
				-Werror 2>"$tmp.werror" && grep -q '\[vmapcheck:[a-z-]*\]' "$tmp.werror"; then
				pass "$name: builds with -Werror"
			else
				fail "$name: builds with -Werror" "$(head -n 3 "$tmp.werror")"
			fi
		fi
	done
done
