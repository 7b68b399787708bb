# SPDX-License-Identifier: GPL-2.0-only
#
# Damaged and hostile input, with the ASan+UBSan builds (SANITIZED):
# - the regression corpus testsuite/fuzz/facts, api, reports and sources (the
#   inputs we minimised, and every crash or hang make fuzz found): status 0
#   or 2 (sources: 0 or 1), no sanitizer report, no hang;
# - the damaged facts we hold: one error line naming the problem, status 2,
#   within a second; special files in place of facts and api files;
# - facts file names: unique for paths that flatten alike, bounded for
#   long paths;
# - the whole merge suite again with the sanitized merge.

sanitized_merge=$SANITIZED/vmapcheck-merge
sanitized_api=$SANITIZED/api-file
fuzz_work=$WORK/fuzz
mkdir -p "$fuzz_work"

# run_input NAME PROGRAM ARGS...: status 0 or 2, no sanitizer report, in 5 s.
run_input()
{
	name=$1
	shift
	timeout 5 "$@" >"$fuzz_work/out" 2>"$fuzz_work/err"
	rc=$?
	if { [ $rc -eq 0 ] || [ $rc -eq 2 ]; } && ! grep -q "Sanitizer\|runtime error" "$fuzz_work/err"; then
		pass "$name"
	else
		fail "$name" "status $rc: $(head -n 3 "$fuzz_work/err")"
	fi
}

for f in "$top"/testsuite/fuzz/facts/*; do
	run_input "fuzz/facts: $(basename "$f")" "$sanitized_merge" --complete "$f"
done
for f in "$top"/testsuite/fuzz/api/*; do
	run_input "fuzz/api: $(basename "$f")" "$sanitized_api" "$f"
done
mkdir -p "$fuzz_work/no-facts"
for f in "$top"/testsuite/fuzz/reports/*; do
	run_input "fuzz/reports: $(basename "$f")" "$sanitized_merge" --sarif --keep-going \
		--srcroot / --rules "$f" --fixes "$f" "$fuzz_work/no-facts"
done

# The "unmap first" fix's source reader: 0 (moved) or 1 (nothing moved).
for f in "$top"/testsuite/fuzz/sources/*; do
	timeout 5 "$SANITIZED/vmapcheck-unmap-first" "$f" 1:2 2:3 3:9 >/dev/null 2>"$fuzz_work/err"
	rc=$?
	if [ $rc -le 1 ] && ! grep -q "Sanitizer\|runtime error" "$fuzz_work/err"; then
		pass "fuzz/sources: $(basename "$f")"
	else
		fail "fuzz/sources: $(basename "$f")" "status $rc: $(head -n 3 "$fuzz_work/err")"
	fi
done

# one_error NAME REGEX PROGRAM ARGS...: status 2 within a second, and
# stderr is one line matching REGEX.
one_error()
{
	name=$1
	regex=$2
	shift 2
	timeout 1 "$@" >"$fuzz_work/out" 2>"$fuzz_work/err"
	rc=$?
	if [ $rc -eq 2 ] && [ "$(wc -l <"$fuzz_work/err")" = 1 ] && grep -q "$regex" "$fuzz_work/err"; then
		pass "$name"
	else
		fail "$name" "status $rc: $(head -n 3 "$fuzz_work/err")"
	fi
}

corpus=$top/testsuite/fuzz/facts
one_error "fuzz/an event base out of range" "event-base-out-of-range.facts: line 12: event class out of range" \
	"$sanitized_merge" "$corpus/event-base-out-of-range.facts"
one_error "fuzz/an event base one past the classes" "line 12: event class out of range" \
	"$sanitized_merge" "$corpus/event-base-one-past.facts"
one_error "fuzz/class parents in a cycle" "line 12: class parents form a cycle" \
	"$sanitized_merge" "$corpus/class-parent-cycle.facts"
one_error "fuzz/a facts file without a version" "facts version missing, this vmapcheck-merge reads" \
	"$sanitized_merge" "$corpus/version-missing.facts"
rm -rf "$fuzz_work/fifo"
mkdir -p "$fuzz_work/fifo"
mkfifo "$fuzz_work/fifo/x.facts" "$fuzz_work/fifo/x.api"
one_error "fuzz/a FIFO among the facts" "x.facts: not a regular file" \
	"$sanitized_merge" "$fuzz_work/fifo"
one_error "fuzz/a FIFO as api file" "x.api: not a regular file" \
	"$sanitized_api" "$fuzz_work/fifo/x.api"
one_error "fuzz/a device as api file" "/dev/zero: not a regular file" \
	"$sanitized_api" /dev/zero

# Three sources that one flattening of their paths would give one name.
names=$fuzz_work/names
rm -rf "$names"
mkdir -p "$names/a" "$names/facts"
for src in "a/b.c" "a_b.c" "a b.c"; do
	printf 'int f(void) { return 0; }\n' >"$names/$src"
done
(cd "$names" && for src in "a/b.c" "a_b.c" "a b.c"; do
	$GCC -O2 -fplugin="$PLUGIN" -fplugin-arg-vmapcheck-facts=facts -c -o /dev/null "$src"
done)
if [ "$(ls "$names/facts" | wc -l)" = 3 ] &&
   [ "$(for f in "$names"/facts/*; do zcat "$f" | sed -n 2p; done | sort -u | wc -l)" = 3 ]; then
	pass "fuzz/sources whose paths flatten alike keep their own facts"
else
	fail "fuzz/sources whose paths flatten alike keep their own facts" "$(ls "$names/facts")"
fi
# The man page documents the version the plugin writes.
version=$(zcat "$names"/facts/b.c-* | head -n 1 | cut -d' ' -f2)
if grep -q "vmapcheck\\\\-facts $version\|vmapcheck-facts $version" "$top/docs/vmapcheck-merge.1"; then
	pass "fuzz/the man page names facts version $version"
else
	fail "fuzz/the man page names facts version $version"
fi

# A source path longer than a file name may be.
deep=$names
for i in 1 2 3 4 5 6; do
	deep=$deep/a-directory-name-of-fifty-characters-for-the-test-$i
done
mkdir -p "$deep"
printf 'int g(void) { return 0; }\n' >"$deep/a-long-source-name-$(printf '%0200d' 0).c"
if $GCC -O2 -fplugin="$PLUGIN" -fplugin-arg-vmapcheck-facts="$names/long" -c -o /dev/null \
	"$deep"/a-long-source-name-*.c 2>"$fuzz_work/err" &&
   [ "$(ls "$names/long" | wc -l)" = 1 ] && "$sanitized_merge" "$names/long" >/dev/null; then
	pass "fuzz/a source path longer than a file name has its facts"
else
	fail "fuzz/a source path longer than a file name has its facts" "$(cat "$fuzz_work/err")"
fi

# Damaged objects and archives, made from a good object: one error line
# naming the file and what is wrong, status 2.
. "$top/testsuite/lib/cases.sh"
objs=$fuzz_work/objects
rm -rf "$objs"
mkdir -p "$objs"
$GCC $case_cflags -fplugin="$PLUGIN" -fplugin-arg-vmapcheck-facts-in-object -c \
	-o "$objs/good.o" "$top/testsuite/merge/field-across-files/put.c"
size=$(stat -c %s "$objs/good.o")
head -c 32 "$objs/good.o" >"$objs/header-cut.o"
head -c $((size - 8)) "$objs/good.o" >"$objs/headers-cut.o"
# e_shoff (bytes 40-47 of an ELF64 header) far past the end.
{ head -c 40 "$objs/good.o"; printf '\377\377\377\377\000\000\000\000'; tail -c +49 "$objs/good.o"; } \
	>"$objs/shoff.o"
ar rcT "$objs/thin.a" "$objs/good.o"
rm -f "$objs/gone.o"
cp "$objs/good.o" "$objs/gone.o"
ar rcT "$objs/missing.a" "$objs/gone.o"
rm "$objs/gone.o"
ar rc "$objs/fat.a" "$objs/good.o"
head -c $(($(stat -c %s "$objs/fat.a") - 100)) "$objs/fat.a" >"$objs/fat-cut.a"
one_error "fuzz/an object cut in its ELF header" "header-cut.o: truncated ELF header" \
	"$sanitized_merge" "$objs/header-cut.o"
one_error "fuzz/an object cut in its section headers" "headers-cut.o: damaged section headers" \
	"$sanitized_merge" "$objs/headers-cut.o"
one_error "fuzz/section headers past the end" "shoff.o: damaged section headers" \
	"$sanitized_merge" "$objs/shoff.o"
one_error "fuzz/a thin archive whose member is gone" "missing.a: .*gone.o: cannot read it: No such file" \
	"$sanitized_merge" "$objs/missing.a"
one_error "fuzz/an archive cut in a member" "fat-cut.a: an archive member reaches past the end of the file" \
	"$sanitized_merge" "$objs/fat-cut.a"
if "$sanitized_merge" "$objs/thin.a" "$objs/fat.a" "$objs/good.o" >"$fuzz_work/out" 2>&1; then
	pass "fuzz/the good object and its archives read"
else
	fail "fuzz/the good object and its archives read" "$(head -n 3 "$fuzz_work/out")"
fi

# The merge suite under ASan+UBSan.
plain_merge=$MERGE
MERGE=$sanitized_merge
test_prefix="asan+ubsan "
. "$top/testsuite/suites/merge.sh"
test_prefix=
MERGE=$plain_merge
