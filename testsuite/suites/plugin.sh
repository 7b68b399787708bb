# SPDX-License-Identifier: GPL-2.0-only
#
# The plugin's test cases, testsuite/plugin/*.c, each compiled against our
# kernel-like headers with the expectations written in the case
# (lib/dg-match.awk).  Besides those:
#   { dg-options "FLAGS" }   extra flags; ${srcdir} is the case's directory
#   { dg-stderr-lines N }    stderr has exactly N lines (one-line errors)
#   { dg-fixits-clean }       the file the fix-its make is free of findings
# For every case that compiles: the object code is the same without the
# plugin (it analyses and never changes code), and vmapcheck-merge over
# the case's facts adds nothing (one file: all is the compiler's to say).

. "$top/testsuite/lib/cases.sh"
case_dir=$top/testsuite/plugin

# fixit_case SRC NAME TMP OPTS: apply the fix-its' patch to a copy of SRC.
fixit_case()
{
	cp "$1" "$3/fixed.c"
	if ! patch -s "$3/fixed.c" <"$3/fixits.patch" >"$3/patch.out" 2>&1; then
		fail "$2: fix-its apply" "$(cat "$3/patch.out")"
		return
	fi
	# shellcheck disable=SC2086
	if ! $GCC $case_cflags -I"$(dirname "$1")" -fplugin="$PLUGIN" $4 -c \
		-o "$3/fixed.o" "$3/fixed.c" 2>"$3/fixed.stderr"; then
		fail "$2: fix-its apply" "the patched file does not compile: $(head -n 3 "$3/fixed.stderr")"
	elif grep -q "dg-fixits-clean" "$1" && grep -q '\[vmapcheck:[a-z-]*\]' "$3/fixed.stderr"; then
		fail "$2: fix-its apply" "the patched file still has findings: $(grep -m1 vmapcheck "$3/fixed.stderr")"
	else
		pass "$2: fix-its apply"
	fi
}

plugin_case()
{
	src=$1
	name=plugin/$(basename "$src" .c)
	tmp=$WORK/plugin/$(basename "$src" .c)
	opts=$(dg_value "$src" dg-options)
	mkdir -p "$tmp"

	# Facts too, in a directory and in the object, unless the case is about
	# the facts option; the object code stays the same.
	facts_opt="-fplugin-arg-vmapcheck-facts=$tmp/facts -fplugin-arg-vmapcheck-facts-in-object"
	case $opts in *-fplugin-arg-vmapcheck-facts*) facts_opt= ;; esac
	# shellcheck disable=SC2086
	$GCC $case_cflags -fplugin="$PLUGIN" $facts_opt \
		-fdiagnostics-generate-patch $opts -c -o "$tmp/with.o" "$src" 2>"$tmp/stderr"
	rc=$?
	problems=$(compile_problems "$src" "$tmp/stderr" $rc)
	if [ -n "$problems" ]; then
		fail "$name" "$problems"
	else
		pass "$name"
	fi

	[ $rc -eq 0 ] || return 0
	plain_opts=$(printf '%s\n' $opts | grep -v '^-fplugin-arg-' | tr '\n' ' ')
	# shellcheck disable=SC2086
	if ! $GCC $case_cflags $plain_opts -c -o "$tmp/without.o" "$src" 2>/dev/null; then
		fail "$name: same code" "does not compile without the plugin"
	elif [ "$(disassemble "$tmp/with.o")" != "$(disassemble "$tmp/without.o")" ]; then
		fail "$name: same code" "the plugin changed the object code"
	else
		pass "$name: same code"
	fi

	sed -n '/^--- /,$p' "$tmp/stderr" >"$tmp/fixits.patch"
	[ -s "$tmp/fixits.patch" ] && fixit_case "$src" "$name" "$tmp" "$opts"

	if [ -d "$tmp/facts" ]; then
		out=$("$MERGE" "$tmp/facts" 2>&1 && "$MERGE" "$tmp/with.o" 2>&1)
		if [ $? -eq 0 ] && [ -z "$out" ]; then
			pass "$name: merge repeats nothing"
		else
			fail "$name: merge repeats nothing" "$out"
		fi
	fi
}

for src in "$case_dir"/*.c; do
	plugin_case "$src"
done

# -fdiagnostics-format=json: the finding is a warning with its notes as children.
json=$WORK/plugin/json.out
$GCC $case_cflags -fplugin="$PLUGIN" -fdiagnostics-format=json -c \
	-o "$WORK/plugin/json.o" "$case_dir/bad-release-then-unmap.c" 2>"$json"
if jq -e '[.[] | select(.kind == "warning" and (.message | test("vmapcheck"))
	  and ([.children[].kind] | index("note") != null))] | length == 1' \
	"$json" >/dev/null 2>&1; then
	pass "plugin/json: warning with notes"
else
	fail "plugin/json: warning with notes" "$(head -c 300 "$json")"
fi

# A plugin built for one GCC, loaded into the other: one clear error line.
case $GCC in
*11) other=gcc-12 ;;
*) other=gcc-11 ;;
esac
out=$($other -c -o /dev/null -x c /dev/null -fplugin="$PLUGIN" 2>&1)
if [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] &&
   printf '%s' "$out" | grep -q "built for GCC .* rebuild it with"; then
	pass "plugin/version-mismatch"
else
	fail "plugin/version-mismatch" "$out"
fi

# The plugin's built-in model is model/kernel.api, entry by entry.
printf 'int x;\n' >"$WORK/plugin/model.c"
$GCC -fplugin="$PLUGIN" -fplugin-arg-vmapcheck-verbose -c -o /dev/null \
	"$WORK/plugin/model.c" 2>&1 | sed -n 's/^vmapcheck: api //p' >"$WORK/plugin/model.plugin"
sed 's/#.*//' "$top/model/kernel.api" | awk 'NF >= 3' | tr -s ' ' | sed 's/ *$//' \
	>"$WORK/plugin/model.file"
if [ -s "$WORK/plugin/model.plugin" ] &&
   diff -u "$WORK/plugin/model.file" "$WORK/plugin/model.plugin" >"$WORK/plugin/model.diff"; then
	pass "plugin/model: the built-in model is model/kernel.api"
else
	fail "plugin/model: the built-in model is model/kernel.api" "$(cat "$WORK/plugin/model.diff")"
fi

# vmapcheck-check, as Kbuild runs a checker: sparse's CHECKFLAGS (which
# GCC refuses), a plugin key given with CF=, the compiler's flags from the
# dependency option on.  The diagnostics are the plugin's; no object and
# no dependency file are written; the facts go to the facts directory.
checker=$(dirname "$MERGE")/vmapcheck-check
kcheck=$WORK/plugin/kbuild-check
mkdir -p "$kcheck"
src=$top/testsuite/plugin/bad-single-page.c
# shellcheck disable=SC2086
$GCC $case_cflags -fplugin="$PLUGIN" -c -o "$kcheck/direct.o" "$src" 2>"$kcheck/direct.err"
# shellcheck disable=SC2086
(cd "$kcheck" && "$checker" -D__linux__ -D__STDC__ -Wbitwise -Wno-return-void --arch=x86 \
	-mlittle-endian -m64 -fplugin-arg-vmapcheck-werror -Wp,-MMD,./.bad.o.d $case_cflags "$src") \
	>"$kcheck/out" 2>"$kcheck/err"
rc=$?
if [ $rc -ne 0 ] && [ -s "$kcheck/direct.err" ] &&
   [ "$(sed 's/: warning: /: error: /' "$kcheck/direct.err")" = "$(cat "$kcheck/err")" ] &&
   [ ! -e "$kcheck/.bad.o.d" ] && [ "$(ls "$kcheck")" = "direct.err
direct.o
err
out
vmapcheck-facts" ] && [ "$(ls "$kcheck/vmapcheck-facts" | wc -l)" = 1 ]; then
	pass "plugin/vmapcheck-check: Kbuild's checker command line, the plugin's diagnostics"
else
	fail "plugin/vmapcheck-check: Kbuild's checker command line, the plugin's diagnostics" "status $rc: $(head -n 3 "$kcheck/err")"
fi
# Installed as make install lays it out, it finds the plugin in
# ../lib/vmapcheck/ (no VMAPCHECK_PLUGIN).
inst=$kcheck/install
mkdir -p "$inst/bin" "$inst/lib/vmapcheck"
cp "$checker" "$inst/bin/"
cp "$PLUGIN" "$inst/lib/vmapcheck/vmapcheck.so"
# shellcheck disable=SC2086
(cd "$kcheck" && VMAPCHECK_FACTS= "$inst/bin/vmapcheck-check" $case_cflags "$src") \
	>/dev/null 2>"$kcheck/installed.err"
if [ "$(cat "$kcheck/installed.err")" = "$(cat "$kcheck/direct.err")" ]; then
	pass "plugin/vmapcheck-check: installed, it finds the installed plugin"
else
	fail "plugin/vmapcheck-check: installed, it finds the installed plugin" "$(head -n 3 "$kcheck/installed.err")"
fi

# The layout: no two files of plugin/ depend on each other, by #include or
# by calls (which object's undefined symbols another defines).
layout=$WORK/plugin/layout
mkdir -p "$layout"
for f in "$top"/plugin/*.[ch]; do
	sed -n "s|^#include \"\(.*\)\"|$(basename "$f") \1|p" "$f"
done >"$layout/includes"
for o in "$(dirname "$PLUGIN")"/*.o; do
	nm --defined-only "$o" | awk -v o="$(basename "$o" .o)" '$2 ~ /^[TDBR]$/ { print $3, o }'
done | sort >"$layout/defined"
for o in "$(dirname "$PLUGIN")"/*.o; do
	nm -u "$o" | awk -v o="$(basename "$o" .o)" '{ print $2, o }'
done | sort | join - "$layout/defined" | awk '$2 != $3 { print $2, $3 }' | sort -u >"$layout/calls"
if [ -s "$layout/calls" ] && tsort "$layout/includes" >/dev/null 2>"$layout/err" &&
   tsort "$layout/calls" >/dev/null 2>>"$layout/err"; then
	pass "plugin/layout: no circle in the include and call graphs of plugin/"
else
	fail "plugin/layout: no circle in the include and call graphs of plugin/" "$(cat "$layout/err")"
fi
