# SPDX-License-Identifier: GPL-2.0-only
#
# The one API model (model/kernel.api): no code names an API function
# itself; both engines take the same user api file; the man page shows
# the model.

. "$top/tools/cocci.sh"

out=$WORK/model
mkdir -p "$out"
model=$top/model/kernel.api

# Every function and name of the model (counted=, unmap=, owns-flag=...).
awk '!/^#/ && NF >= 3 {
	print $2
	for (i = 4; i <= NF; i++)
		if ($i ~ /^(counted|unmap|owns-flag|extra-arg)=/) { sub(/^[^=]*=/, "", $i); print $i }
}' "$model" | sort -u >"$out/names"
names=$(paste -sd'|' "$out/names")

# FILE without its comments (C's, and OCaml's if OCAML=1; shell's # lines).
strip_comments()
{
	awk -v ocaml="$2" 'function strip(s,   i, j, k) {
		out = ""
		while (s != "") {
			if (endm != "") {
				i = index(s, endm)
				if (!i) return out
				s = substr(s, i + 2); endm = ""; continue
			}
			i = 0
			if ((j = index(s, "/*")) && (!i || j < i)) { i = j; k = "*/" }
			if (ocaml && (j = index(s, "(*")) && (!i || j < i)) { i = j; k = "*)" }
			if ((j = index(s, "//")) && (!i || j < i)) { i = j; k = "" }
			if (!i) return out s
			out = out substr(s, 1, i - 1)
			if (k == "") return out
			endm = k; s = substr(s, i + 2)
		}
		return out
	}
	/^[[:space:]]*#/ { print ""; next }
	{ print strip($0) }' "$1"
}

# Code naming an API: a string literal of the name, a call of it, or SmPL
# matching it (name@pos), once comments are gone.  Prose may name them.
for file in "$top"/plugin/*.[ch] "$top"/rules/*.cocci "$top"/rules/api.ml \
	"$top"/tools/*; do
	case $file in *.ml|*.cocci) ocaml=1 ;; *) ocaml= ;; esac
	strip_comments "$file" "$ocaml" |
		grep -nE "\"($names)\"|\\b($names)(@[a-z]+)?\\(" |
		sed "s|^|${file#"$top"/}:|"
done >"$out/named"
if [ -s "$out/named" ]; then
	fail "model: no code names an API function outside model/kernel.api" "$(head -n 5 "$out/named")"
else
	pass "model: no code names an API function outside model/kernel.api ($(wc -l <"$out/names") names)"
fi

# The user's api file of the plugin's test (testsuite/plugin/test.api)
# teaches the rules the same functions: the same release is reported.
case=$top/testsuite/plugin/bad-api-file.c
line=$(grep -n "dg-warning \"'drv_put_page' releases" "$case" | cut -d: -f1)
(cd "$(dirname "$case")" &&
	cocci_run report "$RULES/vmap_release_while_mapped.cocci" -D api=test.api \
		"$(basename "$case")") >"$out/user-api" 2>"$out/user-api.err"
if grep -q "^$(basename "$case"):$line:.*drv_put_page releases pages still mapped by v" \
	"$out/user-api"; then
	pass "model: the rules take the plugin's api file (-D api=FILE)"
else
	fail "model: the rules take the plugin's api file (-D api=FILE)" \
		"$(cat "$out/user-api" "$out/user-api.err")"
fi
(cd "$(dirname "$case")" &&
	cocci_run report "$RULES/vmap_release_while_mapped.cocci" "$(basename "$case")") \
	>"$out/no-api" 2>&1
if [ ! -s "$out/no-api" ]; then
	pass "model: without the api file the rules know nothing of the driver's functions"
else
	fail "model: without the api file the rules know nothing of the driver's functions" \
		"$(cat "$out/no-api")"
fi

# A malformed or missing api file: one line saying where, status 2.
for api in malformed.api no-such.api; do
	(cd "$top/testsuite/plugin" &&
		cocci_run report "$RULES/vmap_lazy_unmap_no_flush.cocci" -D api=$api \
			"$(basename "$case")") >"$out/$api.out" 2>&1
	rc=$?
	if [ $rc -eq 2 ] && [ "$(wc -l <"$out/$api.out")" -eq 1 ] &&
		grep -qE "^vmapcheck: $api(:3: unknown kind 'unamp'|: cannot read the api file)" \
			"$out/$api.out"; then
		pass "model: the rules reject $api with one line and status 2"
	else
		fail "model: the rules reject $api with one line and status 2" \
			"status $rc: $(cat "$out/$api.out")"
	fi
done

# The man page's table is the model.
man=$top/build/man/vmapcheck.1
missing=
while read -r name; do
	grep -q -- "$(printf '%s' "$name" | sed 's/-/\\\\-/g')" "$man" || missing="$missing $name"
done <"$out/names"
if [ -z "$missing" ] && [ -f "$man" ]; then
	pass "model: the man page lists the whole model"
else
	fail "model: the man page lists the whole model" "missing:$missing"
fi
