# SPDX-License-Identifier: GPL-2.0-only
#
# Multi-file cases: each directory testsuite/merge/CASE holds the files of
# one small "build".  Every file is compiled with the plugin writing facts
# (its own diagnostics checked as in the plugin suite), then the facts are
# merged and vmapcheck-merge's output is checked against the files'
#   { dg-merge-warning "REGEX" }  { dg-merge-note "REGEX" }  { dg-merge-none }
# run with the options of a { dg-merge-options "..." } of one of them.
# Plus: damaged facts files are named, and the rest is still analysed.

. "$top/testsuite/lib/cases.sh"

merge_case()
{
	dir=$1
	name=merge/$(basename "$dir")
	tmp=$WORK/merge/$(basename "$dir")
	problems=
	mkdir -p "$tmp/facts"

	for src in "$dir"/*.c; do
		opts=$(dg_value "$src" dg-options)
		err=$tmp/$(basename "$src").stderr
		# shellcheck disable=SC2086
		$GCC $case_cflags -fplugin="$PLUGIN" -fplugin-arg-vmapcheck-facts="$tmp/facts" \
			$opts -c -o "$tmp/$(basename "$src" .c).o" "$src" 2>"$err"
		problems="$problems$(compile_problems "$src" "$err" $?)"
	done
	mopts=$(for src in "$dir"/*.c; do dg_value "$src" dg-merge-options; done | head -n 1)
	# shellcheck disable=SC2086
	"$MERGE" $mopts "$tmp/facts" >"$tmp/merge.out" 2>"$tmp/merge.err"
	rc=$?
	[ $rc -eq 0 ] || problems="$problems merge exit status $rc: $(cat "$tmp/merge.err")"
	problems="$problems$(awk -f "$top/testsuite/lib/dg-match.awk" -v prefix=merge- \
		-v src="$(echo "$dir"/*.c)" "$tmp/merge.out")"
	if [ -n "$problems" ]; then
		fail "$name" "$problems"
	else
		pass "$name"
	fi
}

for dir in "$top"/testsuite/merge/*/; do
	merge_case "${dir%/}"
done

# Damaged facts next to good ones: each is named with what is wrong, in
# one line, and the exit status is 2; nothing is reported unless
# --keep-going asks for the good ones (the cross-file finding is there).
good=$WORK/merge/field-across-files/facts
damaged=$WORK/merge/damaged
rm -rf "$damaged"
mkdir -p "$damaged"
cp "$good"/*.facts "$damaged"/
one=$(ls "$good"/*.facts | head -n 1)
head -n 5 "$one" >"$damaged/truncated.facts"
sed '1s/.*/vmapcheck-facts 999/' "$one" >"$damaged/version.facts"
sed '3s/.*/e not numbers/' "$one" >"$damaged/corrupt.facts"
printf 'garbage\n' >"$damaged/garbage.facts"
"$MERGE" "$damaged" >"$damaged/out" 2>"$damaged/err"
rc=$?
"$MERGE" --keep-going "$damaged" >"$damaged/kept.out" 2>"$damaged/kept.err"
kept_rc=$?
for what in "truncated.facts: line [0-9]*: truncated" \
	    "version.facts: facts version 999, this vmapcheck-merge reads version 3" \
	    "corrupt.facts: line 3: unknown record" \
	    "garbage.facts: line 1: not a vmapcheck facts file"; do
	if [ "$(grep -c "vmapcheck-merge: .*$what" "$damaged/err")" = 1 ] &&
	   grep -q "vmapcheck-merge: .*$what.*; skipping this file" "$damaged/kept.err"; then
		pass "merge/damaged: $(echo "$what" | cut -d: -f1) is named"
	else
		fail "merge/damaged: $(echo "$what" | cut -d: -f1) is named" "$(cat "$damaged/err")"
	fi
done
if [ $rc -eq 2 ] && [ ! -s "$damaged/out" ] && [ "$(wc -l <"$damaged/err")" = 4 ]; then
	pass "merge/damaged: one line each, status 2, no findings"
else
	fail "merge/damaged: one line each, status 2, no findings" "status $rc: $(cat "$damaged/out")"
fi
if [ $kept_rc -eq 2 ] && grep -q "warning: .*\[vmapcheck\]" "$damaged/kept.out"; then
	pass "merge/damaged: --keep-going merges the good facts, status 2"
else
	fail "merge/damaged: --keep-going merges the good facts, status 2" "status $kept_rc: $(cat "$damaged/kept.out")"
fi

# --help documents the tool; --json is GCC's JSON shape.
if "$MERGE" --help | grep -q "usage: vmapcheck-merge" &&
   "$MERGE" --json "$good" | jq -e '.[0].kind == "warning" and
	(.[0].children | length) > 0 and .[0].locations[0].caret.line > 0' >/dev/null; then
	pass "merge/help and json"
else
	fail "merge/help and json"
fi

# --all: the compiles' findings too, each once, with their origin; without
# it, only what the merge adds.
xfs=$WORK/merge/xfs-lazy-list/facts
all_origins=$("$MERGE" --json --all "$xfs" | jq -r '[.[]."vmapcheck-origin"] | unique | join(",")')
plain=$("$MERGE" --json "$xfs" | jq length)
all=$("$MERGE" --json --all "$xfs" | jq length)
if [ "$all_origins" = "compile,merge" ] && [ "$all" -gt "$plain" ] &&
   [ "$("$MERGE" --all "$xfs" | grep -c "warning: ")" = "$all" ]; then
	pass "merge/--all adds the compiles' findings, with their origin"
else
	fail "merge/--all adds the compiles' findings, with their origin" "origins $all_origins, $plain without, $all with"
fi

# One facts file per object, even for one without functions (a file that
# only declares data, or whose functions are all unused statics).
empty=$WORK/merge/empty
mkdir -p "$empty"
printf 'static int unused(void) { return 0; }\nint x;\n' >"$empty/data.c"
$GCC -O2 -fplugin="$PLUGIN" -fplugin-arg-vmapcheck-facts="$empty/facts" -c \
	-o "$empty/data.o" "$empty/data.c" 2>"$empty/stderr"
if [ "$(ls "$empty/facts" 2>/dev/null | wc -l)" -eq 1 ] && "$MERGE" "$empty/facts" >/dev/null; then
	pass "merge/facts of a unit without functions"
else
	fail "merge/facts of a unit without functions" "$(cat "$empty/stderr")"
fi

# make -j: compiles of one unit racing to write its facts leave one whole
# file and no temporary ones.
race=$WORK/merge/race
mkdir -p "$race"
for i in 1 2 3 4 5 6 7 8; do
	$GCC $case_cflags -fplugin="$PLUGIN" -fplugin-arg-vmapcheck-facts="$race/facts" -c \
		-o "$race/$i.o" "$top/testsuite/merge/xfs-lazy-list/xfs_buf.c" 2>/dev/null &
done
wait
if [ "$(ls -A "$race/facts" | wc -l)" -eq 1 ] && "$MERGE" "$race/facts" >/dev/null; then
	pass "merge/racing compiles write one whole facts file"
else
	fail "merge/racing compiles write one whole facts file" "$(ls -A "$race/facts")"
fi
