# SPDX-License-Identifier: GPL-2.0-only
#
# The bounded sample of make mutants: bugs injected into the real mapping
# code of the Debian 6.12 tree (tools/mutate.cocci), a few per operator,
# each checked by the plugin (compile and merge) and the rules.  Fails when
# an engine's recall on the sample falls below its target: 95% for the
# plugin, 90% for the rules (docs/checks.md).

SAMPLE_SIZE=24
PLUGIN_FLOOR=95
RULES_FLOOR=90

out=$CACHE/mutants-sample
"$top/tools/mutants" TREES=6.12 SAMPLE=$SAMPLE_SIZE OUT="$out" MIN_PLUGIN=$PLUGIN_FLOOR \
	MIN_RULES=$RULES_FLOOR GCC="$GCC" PLUGIN="$PLUGIN" MERGE="$MERGE" RULES="$RULES" \
	CACHE="$CACHE" >"$WORK/mutants.out" 2>&1
rc=$?
overall=$(grep '^overall' "$WORK/mutants.out" | paste -sd';')
if [ $rc -eq 0 ] && [ -n "$overall" ]; then
	pass "mutants/6.12: recall on $SAMPLE_SIZE injected bugs at least $PLUGIN_FLOOR% (plugin), $RULES_FLOOR% (rules): $overall"
else
	fail "mutants/6.12: recall on $SAMPLE_SIZE injected bugs at least $PLUGIN_FLOOR% (plugin), $RULES_FLOOR% (rules)" \
		"$(tail -n 30 "$WORK/mutants.out")"
fi
