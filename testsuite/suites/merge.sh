# SPDX-License-Identifier: GPL-2.0-only
#
# Multi-file cases: each directory testsuite/merge/CASE holds the files of
# one small "build".  Every file is compiled with the plugin writing facts
# (its own diagnostics checked as in the plugin suite), then the facts are
# merged and vmapcheck-merge's output is checked against the files'
#   { dg-merge-warning "REGEX" }  { dg-merge-note "REGEX" }  { dg-merge-none }
# run with the options of a { dg-merge-options "..." } of one of them.
# The same facts are also written into the objects, and merged from there.
# Plus: damaged facts files are named, and the rest is still analysed;
# archives, thin archives and ccache hits with facts in objects.

. "$top/testsuite/lib/cases.sh"

merge_case()
{
	dir=$1
	name=merge/$(basename "$dir")
	tmp=$WORK/merge/$(basename "$dir")
	problems=
	mkdir -p "$tmp/facts"

	# The facts twice: in the directory and in each object.
	for src in "$dir"/*.c; do
		opts=$(dg_value "$src" dg-options)
		err=$tmp/$(basename "$src").stderr
		# shellcheck disable=SC2086
		$GCC $case_cflags -fplugin="$PLUGIN" -fplugin-arg-vmapcheck-facts="$tmp/facts" \
			-fplugin-arg-vmapcheck-facts-in-object \
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
	# shellcheck disable=SC2086
	"$MERGE" $mopts "$tmp"/*.o >"$tmp/objects.out" 2>&1 &&
		cmp -s "$tmp/merge.out" "$tmp/objects.out" ||
		problems="$problems the objects' facts merge otherwise: $(diff "$tmp/merge.out" "$tmp/objects.out" | head -n 5)"
	if [ -n "$problems" ]; then
		fail "$name" "$problems"
	else
		pass "$name"
	fi
}

for dir in "$top"/testsuite/merge/*/; do
	merge_case "${dir%/}"
done

# The helper closure (--helpers): from user.c's facts alone, the functions
# it hands the buffer's pages or mapping to and no unit read defines
# (not the variadic logger, the counter given a number, or kfree() of the
# object); with helper.c's too, the one those hand each page to (not
# hbuf_sane(), which helper.c's facts name inert); with drop.c's as well,
# none.
deep=$WORK/merge/helpers-two-deep
echo "$top/testsuite/merge/helpers-two-deep/user.c" >"$deep/roots"
for read in "user:hbuf_forget hbuf_put_pages hbuf_sane" "user helper:hbuf_drop_page" \
	    "user helper drop:"; do
	objs=$(for o in ${read%%:*}; do echo "$deep/$o.o"; done)
	# shellcheck disable=SC2086
	got=$("$MERGE" --helpers "$deep/roots" $objs 2>&1 | tr '\n' ' ')
	if [ "${got% }" = "${read#*:}" ]; then
		pass "merge/helpers: facts of ${read%%:*}"
	else
		fail "merge/helpers: facts of ${read%%:*}" "wanted '${read#*:}', got '$got'"
	fi
done

# What facts keep (relevance.h): helper.c's name hbuf_sane(), which does
# nothing that matters, inert and hold no body of it, and hbuf_slots(),
# whose inline callee's one call is a BUILD_BUG_ON(); they keep
# hbuf_forget(), which calls into another unit; the cases' facts shorten
# the keys of their units' static functions.
hf=$(echo "$deep"/facts/helper.c-*.facts)
if zgrep -q "^inert hbuf_sane$" "$hf" && ! zgrep -q "^fn hbuf_sane " "$hf" &&
   zgrep -q "^inert hbuf_slots$" "$hf" && ! zgrep -q "^fn hbuf_slot" "$hf" &&
   zgrep -q "^fn hbuf_forget " "$hf" &&
   zcat "$WORK"/merge/*/facts/*.facts | grep -q "^fn [a-z_]*@#[0-9]* " &&
   ! zcat "$WORK"/merge/*/facts/*.facts | grep -q "@$top"; then
	pass "merge/facts keep what can matter, inert public functions by name"
else
	fail "merge/facts keep what can matter, inert public functions by name" \
		"$(zgrep "^fn\|^inert" "$hf" | head -n 8)"
fi

# Damaged facts next to good ones: each is named with what is wrong, in
# one line, and the exit status is 2; nothing is reported unless
# --keep-going asks for the good ones (the cross-file finding is there).
# Damaged text (read as the plugin's files are, once inflated) and damaged
# compressed data.
good=$WORK/merge/field-across-files/facts
damaged=$WORK/merge/damaged
rm -rf "$damaged"
mkdir -p "$damaged"
cp "$good"/*.facts "$damaged"/
one=$(ls "$good"/*.facts | head -n 1)
zcat "$one" | head -n 5 >"$damaged/truncated.facts"
zcat "$one" | sed '1s/.*/vmapcheck-facts 999/' >"$damaged/version.facts"
zcat "$one" | sed '3s/.*/e not numbers/' | gzip >"$damaged/corrupt.facts"
printf 'garbage\n' >"$damaged/garbage.facts"
head -c "$(($(wc -c <"$one") - 12))" "$one" >"$damaged/cut.facts"
# After the 10-byte gzip header, a block of the reserved type.
{ head -c 10 "$one"; printf '\377\377'; tail -c +13 "$one"; } >"$damaged/mangled.facts"
# Facts that inflate past the bound the merge keeps to (256 MiB).
{ zcat "$one"; head -c 300M /dev/zero; } | gzip -1 >"$damaged/bomb.facts"
"$MERGE" "$damaged" >"$damaged/out" 2>"$damaged/err"
rc=$?
"$MERGE" --keep-going "$damaged" >"$damaged/kept.out" 2>"$damaged/kept.err"
kept_rc=$?
for what in "truncated.facts: line [0-9]*: truncated" \
	    "version.facts: facts version 999, this vmapcheck-merge reads version 7" \
	    "corrupt.facts: line 3: unknown record" \
	    "garbage.facts: line 1: not a vmapcheck facts file" \
	    "cut.facts: truncated: the compressed facts end early" \
	    "mangled.facts: corrupt compressed facts" \
	    "bomb.facts: larger than 256 MiB inflated"; do
	if [ "$(grep -c "vmapcheck-merge: .*$what" "$damaged/err")" = 1 ] &&
	   grep -q "vmapcheck-merge: .*$what.*; skipping this file" "$damaged/kept.err"; then
		pass "merge/damaged: $(echo "$what" | cut -d: -f1) is named"
	else
		fail "merge/damaged: $(echo "$what" | cut -d: -f1) is named" "$(cat "$damaged/err")"
	fi
done
if [ $rc -eq 2 ] && [ ! -s "$damaged/out" ] && [ "$(wc -l <"$damaged/err")" = 7 ]; then
	pass "merge/damaged: one line each, status 2, no findings"
else
	fail "merge/damaged: one line each, status 2, no findings" "status $rc: $(cat "$damaged/out")"
fi
if [ $kept_rc -eq 2 ] && grep -q "warning: .*\[vmapcheck:[a-z-]*\]" "$damaged/kept.out"; then
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

# Each warning names its check: "[vmapcheck:ID]" in the text, the same in
# JSON's "option"; --disable ID leaves that check's findings out, and only
# them; an unknown ID is a usage error.
xfs=$WORK/merge/xfs-lazy-list/facts
ids=$("$MERGE" --json --all "$xfs" | jq -r '[.[] | . as $d |
	select($d.message | endswith(" [" + $d.option + "]")) | .option] | unique | join(",")')
"$MERGE" --all "$xfs" >"$WORK/merge/ids.all"
"$MERGE" --all --disable lazy-unmap-no-flush "$xfs" >"$WORK/merge/ids.disabled"
"$MERGE" --disable release-while-mapped,no-such-check "$xfs" >/dev/null 2>"$WORK/merge/ids.err"
bad_rc=$?
if [ "$ids" = "vmapcheck:lazy-unmap-no-flush,vmapcheck:release-while-mapped" ] &&
   grep -q "warning: .*\[vmapcheck:lazy-unmap-no-flush\]$" "$WORK/merge/ids.all" &&
   ! grep -q "warning: .*\[vmapcheck:lazy-unmap-no-flush\]$" "$WORK/merge/ids.disabled" &&
   [ "$(grep -c "warning: .*\[vmapcheck:release-while-mapped\]$" "$WORK/merge/ids.all")" = \
     "$(grep -c "warning: .*\[vmapcheck:release-while-mapped\]$" "$WORK/merge/ids.disabled")" ] &&
   [ $bad_rc -eq 64 ] && [ "$(wc -l <"$WORK/merge/ids.err")" = 1 ] &&
   grep -q "unknown check 'no-such-check'" "$WORK/merge/ids.err"; then
	pass "merge/check IDs in text and JSON, --disable ID"
else
	fail "merge/check IDs in text and JSON, --disable ID" "ids '$ids', status $bad_rc: $(cat "$WORK/merge/ids.err")"
fi

# --sarif: a SARIF 2.1.0 log that our check accepts (testsuite/lib/
# sarif-check.c), with every finding of --json, the rules' findings of
# --rules, and a fix patch of --fixes whose replacements make the patched
# file.  The check itself must refuse what the standard forbids.
sarif=$WORK/merge/sarif
mkdir -p "$sarif/fixes" "$sarif/patched/xfs-lazy-list"
buf=testsuite/merge/xfs-lazy-list/xfs_buf.c
sed -e '/purge_addresses/{n;s/^/\t\/* drained *\/\n/;}' -e '5d' -e 's/vunmap(/vunmap_pages(/' \
	"$top/$buf" >"$sarif/patched/xfs-lazy-list/xfs_buf.c"
{
	printf 'From 0 Mon Sep 17 00:00:00 2001\nSubject: [PATCH] xfs: a test fix\n\n---\n'
	(cd "$top" && diff -u --label "a/$buf" --label "b/$buf" "$buf" \
		"$sarif/patched/xfs-lazy-list/xfs_buf.c")
	printf -- '-- \n2.39.5\n'
} >"$sarif/fixes/0001-xfs-a-test-fix.patch"
printf '%s\n' "$buf:43:12-20: WARNING: a finding of the rules [vmapcheck:lazy-unmap-no-flush]" \
	"coccicheck's own line" >"$sarif/rules.txt"
(cd "$top" && "$MERGE" --sarif --all --srcroot . --rules "$sarif/rules.txt" \
	--fixes "$sarif/fixes" "$xfs") >"$sarif/log.sarif" 2>"$sarif/err"
sarif_rc=$?
"$MERGE" --json --all "$xfs" >"$sarif/all.json"
# The patched file again, from the fix's replacements (last first).
jq -j --rawfile src "$top/$buf" --arg uri "$buf" '[.runs[0].results[].fixes // [] | .[] |
	.artifactChanges[] | select(.artifactLocation.uri == $uri) | .replacements[]] |
	unique | sort_by(-.deletedRegion.startLine) |
	reduce .[] as $r ($src | split("\n");
		.[:$r.deletedRegion.startLine - 1] +
		($r.insertedContent.text | split("\n") | .[:-1]) +
		.[$r.deletedRegion.endLine - 1:]) | join("\n")' "$sarif/log.sarif" \
	>"$sarif/rebuilt.c" 2>>"$sarif/err"
if [ $sarif_rc -eq 0 ] && "$SARIF_CHECK" "$sarif/log.sarif" >"$sarif/check.out" &&
   [ "$(jq '[.runs[0].results[] | select(.properties.engine == "plugin")] | length' "$sarif/log.sarif")" = \
     "$(jq length "$sarif/all.json")" ] &&
   jq -e '[.runs[0].results[] | select(.properties.engine == "cocci")] |
	length == 1 and .[0].ruleId == "lazy-unmap-no-flush" and
	.[0].locations[0].physicalLocation.region == {startLine: 43, startColumn: 13} and
	.[0].message.text == "a finding of the rules"' "$sarif/log.sarif" >/dev/null &&
   jq -e '.runs[0].results | map(select(.fixes)) | length > 0 and
	(.[0].fixes[0].description.text == "xfs: a test fix (0001-xfs-a-test-fix.patch)")' \
	"$sarif/log.sarif" >/dev/null &&
   cmp -s "$sarif/rebuilt.c" "$sarif/patched/xfs-lazy-list/xfs_buf.c"; then
	pass "merge/--sarif: the findings of both engines and the fix, valid SARIF 2.1.0"
else
	fail "merge/--sarif: the findings of both engines and the fix, valid SARIF 2.1.0" \
		"status $sarif_rc: $(cat "$sarif/err" "$sarif/check.out"; diff "$sarif/rebuilt.c" "$sarif/patched/xfs-lazy-list/xfs_buf.c" | head -n 5)"
fi
# Each way of breaking the log is one the check must see.
broken=0
for damage in '.version = "2.0.0"' '.runs[0].results[0].ruleIndex = 0' \
	'.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uriBaseId = "ROOT"' \
	'.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0' \
	'.runs[0].results[0].locations[0].physicalLocation.region.startline = 3' \
	'del(.runs[0].results[0].message)' '.runs[0].results[0].level = "info"' \
	'.runs[0].originalUriBaseIds.SRCROOT.uri = "work/"' \
	'.runs[0].results[0].fixes = [{artifactChanges: []}]'; do
	jq "$damage" "$sarif/log.sarif" >"$sarif/broken.sarif"
	"$SARIF_CHECK" "$sarif/broken.sarif" >/dev/null || broken=$((broken + 1))
done
for text in '{"version": "2.1.0", "runs": [],}' '{"version": "2.1.0", "version": "2.1.0", "runs": []}' \
	'{"version": "2.1.0", "runs": [] } x' '{"version": "2.1.0\u00", "runs": []}'; do
	printf '%s' "$text" >"$sarif/broken.sarif"
	"$SARIF_CHECK" "$sarif/broken.sarif" >/dev/null || broken=$((broken + 1))
done
printf '{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}}]}' >"$sarif/minimal.sarif"
if [ $broken = 13 ] && "$SARIF_CHECK" "$sarif/minimal.sarif"; then
	pass "merge/sarif-check refuses 13 kinds of broken logs, accepts a minimal one"
else
	fail "merge/sarif-check refuses 13 kinds of broken logs, accepts a minimal one" "$broken refused"
fi

# --all: the compiles' findings too, each once, with their origin; without
# it, only what the merge adds.
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

# Facts in objects (facts-in-object): an archive, a thin archive (as
# Kbuild's built-in.a) and a directory holding the objects and both
# archives give what the facts directory gives; a unit seen three times
# is read once.
xobj=$WORK/merge/xfs-lazy-list
rm -f "$xobj"/*.a
ar rc "$xobj/lib.a" "$xobj"/*.o && ar rcT "$xobj/built-in.a" "$xobj"/*.o
for input in lib.a built-in.a .; do
	if "$MERGE" "$xobj/$input" >"$xobj/input.out" 2>&1 &&
	   cmp -s "$xobj/merge.out" "$xobj/input.out" && [ -s "$xobj/input.out" ]; then
		pass "merge/facts in objects: $input"
	else
		fail "merge/facts in objects: $input" "$(diff "$xobj/merge.out" "$xobj/input.out" | head -n 5)"
	fi
done
# A module linked from several objects (ld -r, as Kbuild links foo-y):
# its section holds the units' compressed facts one after another.
mkdir -p "$xobj/linked"
if ld -r -o "$xobj/linked/mod.o" "$xobj"/*.o &&
   "$MERGE" "$xobj/linked/mod.o" >"$xobj/input.out" 2>&1 &&
   cmp -s "$xobj/merge.out" "$xobj/input.out" && [ -s "$xobj/input.out" ]; then
	pass "merge/facts in objects: one linked from two"
else
	fail "merge/facts in objects: one linked from two" "$(diff "$xobj/merge.out" "$xobj/input.out" | head -n 5)"
fi
# An object named without facts is an error that says how to get them.
if ! "$MERGE" "$empty/data.o" >/dev/null 2>"$empty/err" &&
   grep -q "data.o: no vmapcheck facts in it; compile it with -fplugin-arg-vmapcheck-facts-in-object" "$empty/err"; then
	pass "merge/an object without facts is named"
else
	fail "merge/an object without facts is named" "$(cat "$empty/err")"
fi

# ccache (the Debian package): a second build of the same files is all
# cache hits.  Facts in objects come back with the objects, and the merge
# finds the same; the facts directory stays empty, and --expect says so.
cc=$WORK/merge/ccache
rm -rf "$cc"
mkdir -p "$cc"
# ccache_build N: build N into a new object and facts directory.
ccache_build()
{
	rm -rf "$cc/facts" "$cc/obj"
	mkdir -p "$cc/facts" "$cc/obj"
	for src in "$top"/testsuite/merge/field-across-files/*.c; do
		# shellcheck disable=SC2086
		CCACHE_DIR=$cc/cache ccache $GCC $case_cflags -fplugin="$PLUGIN" \
			-fplugin-arg-vmapcheck-facts="$cc/facts" -fplugin-arg-vmapcheck-facts-in-object \
			-c -o "$cc/obj/$(basename "$src" .c).o" "$src" 2>/dev/null
		echo "$src"
	done >"$cc/units"
	"$MERGE" --expect "$cc/units" "$cc/obj" >"$cc/objects$1.out" 2>&1
	"$MERGE" --expect "$cc/units" "$cc/facts" >"$cc/dir$1.out" 2>&1
	echo $?
}
first=$(ccache_build 1)
second=$(ccache_build 2)
hits=$(CCACHE_DIR=$cc/cache ccache --print-stats | awk '$1 == "direct_cache_hit" { print $2 }')
if [ "$first" = 0 ] && [ "$hits" = 2 ] && grep -q "warning: .*\[vmapcheck:[a-z-]*\]" "$cc/objects1.out" &&
   cmp -s "$cc/objects1.out" "$cc/objects2.out"; then
	pass "merge/ccache: cache hits keep the facts in objects"
else
	fail "merge/ccache: cache hits keep the facts in objects" "status $first, $hits hits; $(diff "$cc/objects1.out" "$cc/objects2.out" | head -n 5)"
fi
if [ "$second" = 2 ] && [ -z "$(ls "$cc/facts")" ] &&
   [ "$(grep -c "compiled, but no facts of it were read; a compile that ccache answered from its cache writes none" "$cc/dir2.out")" = 2 ]; then
	pass "merge/ccache: --expect names the units a cache hit left without facts"
else
	fail "merge/ccache: --expect names the units a cache hit left without facts" "status $second: $(cat "$cc/dir2.out")"
fi

# ccache does not hash an api= file: after it changes, a cache hit would
# replay the old warnings.  CCACHE_EXTRAFILES (as the user guide says)
# makes the change a miss.
api=$cc/extra.api
echo "release my_put_pages 0" >"$api"
src=$top/testsuite/merge/field-across-files/put.c
api_compile()
{
	# shellcheck disable=SC2086
	CCACHE_DIR=$cc/api-cache ccache $GCC $case_cflags -fplugin="$PLUGIN" \
		-fplugin-arg-vmapcheck-api="$api" -c -o "$cc/api.o" "$src" 2>/dev/null
	CCACHE_DIR=$cc/api-cache ccache --print-stats | awk '$1 == "direct_cache_hit" { print $2 }'
}
api_compile >/dev/null
echo "# edited" >>"$api"
without=$(api_compile)
echo "# edited again" >>"$api"
with=$(CCACHE_EXTRAFILES=$api api_compile)
echo "# and again" >>"$api"
with=$with/$(CCACHE_EXTRAFILES=$api api_compile)
if [ "$without" = 1 ] && [ "$with" = 1/1 ]; then
	pass "merge/ccache: CCACHE_EXTRAFILES makes an edited api file a cache miss"
else
	fail "merge/ccache: CCACHE_EXTRAFILES makes an edited api file a cache miss" "hits: $without without, $with with"
fi
