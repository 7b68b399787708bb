# SPDX-License-Identifier: GPL-2.0-only
#
# The stages of tools/scan, a function each, run in order by its driver
# over one Kbuild output directory.  They share the driver's settings
# (KSRC, O, M, SCAN, FACTS...) and hand on what they find in shell
# variables, named in each stage's comment, and in files of $res.

say()
{
	[ "$V" = 0 ] || echo "scan: $*" >&2
}

die()
{
	echo "scan: $*" >&2
	exit 1
}

# stage_end NAME: the time of the stage that ends here goes to the summary.
stage_end()
{
	local now

	now=$(date +%s)
	echo "$1 $((now - stage_began))" >>"$res/times"
	stage_began=$now
}

# wait_progress PID WHAT TOTAL [COUNT-COMMAND...]: report every 10 seconds
# how far a background job is (the count, if a command gives one, and the
# seconds) until it ends; its exit status.  It looks every second: the
# stage ends when the job does.
wait_progress()
{
	local pid what total ticks=0

	pid=$1 what=$2 total=$3
	shift 3
	while kill -0 "$pid" 2>/dev/null; do
		sleep 1
		ticks=$((ticks + 1))
		[ $((ticks % 10)) = 0 ] && kill -0 "$pid" 2>/dev/null &&
			say "$what: ${1:+$("$@")${total:+/$total} }($(($(date +%s) - stage_began)) s)"
	done
	wait "$pid"
}

# in_parallel COMMAND...: COMMAND in the background, once fewer than JOBS
# of those started so run; in_parallel_wait: when they have all ended.
# Their exit status is not kept: they leave what they find in files.
parallel_pids=()
in_parallel()
{
	local pid live

	while [ ${#parallel_pids[@]} -ge "$JOBS" ]; do
		wait -n "${parallel_pids[@]}"
		live=()
		for pid in "${parallel_pids[@]}"; do
			! kill -0 "$pid" 2>/dev/null || live+=("$pid")
		done
		parallel_pids=("${live[@]}")
	done
	"$@" &
	parallel_pids+=($!)
}

in_parallel_wait()
{
	[ ${#parallel_pids[@]} = 0 ] || wait "${parallel_pids[@]}"
	parallel_pids=()
}

kmake()
{
	make -C "$KSRC" O="$O" CC="$GCC" HOSTCC="$GCC" "$@"
}

# ----- configure -----

# make_config defconfig|allmodconfig|scanconfig: O/.config made by Kbuild.
# scanconfig is allmodconfig less what instruments every compile
# (sanitizers, coverage, the kernel's own GCC plugins, FORTIFY_SOURCE,
# function tracing, stack and register zeroing), lock debugging and debug
# objects (large inline code in every lock and timer), and -Werror: none
# of it decides whether a file builds, all of it makes each compile slower
# (without tracing, lockdep and debug objects, 10% less on 6.12: the same
# 157 files, the same findings), and -Werror could stop one.  The options
# that select those go too (STACK_TRACER selects FUNCTION_TRACER ...).
make_config()
{
	case $1 in
	scanconfig)
		# shellcheck disable=SC2046
		kmake allmodconfig &&
		"$KSRC/scripts/config" --file "$O/.config" $(printf -- '--disable %s ' \
			KASAN KCSAN KMSAN UBSAN KCOV GCOV_KERNEL GCC_PLUGINS FORTIFY_SOURCE WERROR \
			FUNCTION_TRACER STACK_TRACER ZERO_CALL_USED_REGS INIT_STACK_ALL_PATTERN \
			LOCKDEP PROVE_LOCKING DEBUG_LOCK_ALLOC LOCK_STAT DEBUG_WW_MUTEX_SLOWPATH \
			DEBUG_NET_SMALL_RTNL DEBUG_OBJECTS DRM_I915_SW_FENCE_DEBUG_OBJECTS) \
			--enable INIT_STACK_NONE &&
		kmake olddefconfig ;;
	*)
		kmake "$1" ;;
	esac
}

# The tree, O/.config and make prepare.  Sets KSRC (absolute), version,
# series (the kernel-fixes series for it), config_how, srcarch.
stage_configure()
{
	local want

	if [ -z "$KSRC" ]; then
		KSRC=$(kernel_source 6.12) || die "the default tree could not be extracted"
	fi
	KSRC=$(cd "$KSRC" 2>/dev/null && pwd) || die "KSRC: no such directory"
	[ -f "$KSRC/Makefile" ] && [ -d "$KSRC/mm" ] ||
		die "'$KSRC' is not a kernel source tree (no Makefile or mm/); set KSRC=DIR"
	[ -z "$M" ] || [ -d "$KSRC/$M" ] || die "M=$M: no such directory in $KSRC"
	version=$(make -s -C "$KSRC" kernelversion 2>/dev/null)
	series=$top/kernel-fixes/linux-$(echo "$version" | cut -d. -f1,2)

	# Without CONFIG a .config of the user's own is used as it is; else (none,
	# or one this script made) the default, scanconfig.
	if [ -z "$CONFIG" ] && { [ ! -f "$O/.config" ] || [ -f "$res/config-made-by" ]; }; then
		CONFIG=scanconfig
	fi
	if [ -n "$CONFIG" ]; then
		want=$CONFIG
		[ -f "$CONFIG" ] && want="file $(md5sum <"$CONFIG")"
		if [ ! -f "$O/.config" ] || [ "$(cat "$res/config-made-by" 2>/dev/null)" != "$want" ]; then
			say "configure: $CONFIG"
			if [ -f "$CONFIG" ]; then
				cp "$CONFIG" "$O/.config" && kmake olddefconfig
			else
				make_config "$CONFIG"
			fi >"$res/config.log" 2>&1 || die "configuring failed; see $res/config.log"
			echo "$want" >"$res/config-made-by"
		fi
		config_how=$CONFIG
	else
		config_how="$O/.config, as it was"
	fi
	say "prepare: $KSRC (O=$O)"
	kmake -j"$JOBS" prepare >"$res/prepare.log" 2>&1 || die "make prepare failed; see $res/prepare.log"
	srcarch=$(sed -n 's/^SRCARCH[[:space:]]*:\{0,1\}=[[:space:]]*//p' "$O/Makefile" 2>/dev/null)
	[ -n "$srcarch" ] || srcarch=$(uname -m | sed 's/x86_64/x86/; s/aarch64/arm64/')
}

# ----- compile -----

# plugin_sources: the sources (under KSRC) of the objects
# under O/M that Kbuild compiled with this plugin, as their saved command
# lines say (host programs and linked objects are not).
plugin_sources()
{
	find "$O/$M" -path "$res" -prune -o -name '.*.o.cmd' -print |
		xargs -r grep -lF -e "-fplugin=$plugin" |
		sed "s|^$O/||; s,\\(.*/\\)\\.\\([^/]*\\)\\.o\\.cmd\$,\\1\\2.c," |
		while read -r file; do
			[ -f "$KSRC/$file" ] && echo "$file"
		done
}

# The mapping files (quick) or the whole kernel (full) with the plugin,
# and what the merge reads.  Sets plugin, facts, kcflags, ncompiled.
stage_compile()
{
	local sum compiled_count objs total

	# The plugin in a directory named by its content (GCC names a plugin by
	# its file name): a new plugin is a new command line, so Kbuild
	# recompiles, and stale facts go.
	sum=$(md5sum <"$PLUGIN" | cut -c1-12)
	plugin=$res/plugin-$sum/vmapcheck.so
	if [ ! -f "$plugin" ]; then
		rm -rf "$res"/plugin-* "$res/facts"
		mkdir -p "$(dirname "$plugin")"
		cp "$PLUGIN" "$plugin"
	fi
	facts=$res/facts
	if [ "$FACTS" = object ]; then
		# Only the objects hold facts: none may be read from elsewhere in O.
		rm -rf "$facts"
		kcflags="-fplugin=$plugin -fplugin-arg-vmapcheck-facts-in-object"
		compiled_count="find '$O/$M' -name '*.o' -newer '$res/compile-stamp' | grep -c ."
	else
		mkdir -p "$facts"
		kcflags="-fplugin=$plugin -fplugin-arg-vmapcheck-facts=$facts"
		compiled_count="ls '$facts' | grep -c '\\.facts\$'"
	fi

	# The C files that name a mapping API (the rules scan them all), and those
	# of this architecture (the compile).
	mapping_sources "$KSRC" "$M" >"$res/sources"
	grep -E "^arch/$srcarch/|^[^a]|^a[^r]" "$res/sources" >"$res/files"

	touch "$res/compile-stamp"
	if [ "$SCAN" = quick ]; then
		objs=$(sed 's/\.c$/.o/' "$res/files")
		total=$(wc -l <"$res/files")
		say "compile: $total files that use a mapping API, with the plugin"
		# (None, as under M=arch/OTHER: make with no target would build
		# the whole kernel.)
		# shellcheck disable=SC2086
		{ [ -z "$objs" ] || kmake -k -j"$JOBS" KCFLAGS="$kcflags" $objs; } \
			>"$res/compile.log" 2>&1 &
	else
		total=
		say "compile: the whole kernel${M:+ ($M)}, with the plugin"
		kmake -k -j"$JOBS" KCFLAGS="$kcflags" ${M:+"$M/"} >"$res/compile.log" 2>&1 &
	fi
	wait_progress $! compile "$total" sh -c "$compiled_count"
	: >"$res/helpers"
	collect_units
}

# with_plugin: those of the sources read (under KSRC) whose objects this
# plugin compiled, as their saved command lines say.
with_plugin()
{
	local file

	while read -r file; do
		grep -qsF -e "-fplugin=$plugin" "$O/$(dirname "$file")/.$(basename "${file%.c}").o.cmd" &&
			echo "$file"
	done
}

# What the compiles gave, after the compile stage and each round of
# helpers: the mapping files that did not build ($res/skipped), the units
# the merge must have facts of ($res/compiled) and what it reads
# ($res/merge-inputs): the mapping files (quick) or every file compiled
# under M (full), and the helpers ($res/helpers).  Sets ncompiled.
collect_units()
{
	local file

	# The mapping files without an object did not build in this
	# configuration.
	: >"$res/skipped"
	while read -r file; do
		[ -f "$O/${file%.c}.o" ] || echo "$file" >>"$res/skipped"
	done <"$res/files"
	# The units the merge must have facts of: those of its input whose objects
	# this plugin compiled, now or in an earlier scan (the facts go only with
	# the plugin).  A compile that ccache answered writes its object but no
	# facts file, and so does a build into an O whose facts were removed: the
	# merge names such a unit (--expect).
	if [ "$SCAN" = quick ]; then
		grep -vxF -f "$res/skipped" "$res/files" | with_plugin
	else
		plugin_sources
	fi >"$res/scanned"
	with_plugin <"$res/helpers" >>"$res/scanned"
	sed "s|^|$KSRC/|" "$res/scanned" >"$res/compiled"
	if [ "$FACTS" = object ]; then
		if [ "$SCAN" = quick ]; then
			sed "s|^|$O/|; s|\\.c\$|.o|" "$res/scanned"
		else
			echo "$O/$M"
			with_plugin <"$res/helpers" | sed "s|^|$O/|; s|\\.c\$|.o|"
		fi >"$res/merge-inputs"
		ncompiled=$(grep -c . "$res/compiled")
	else
		# Objects without facts (a compile that ccache answered, an O whose
		# facts were removed) are compiled once more, past ccache.
		facts_units "$facts" | cut -f1 | grep -vxF -f - "$res/compiled" |
			sed "s|^$KSRC/||; s|\\.c\$|.o|" >"$res/no-facts"
		if [ -s "$res/no-facts" ]; then
			say "compile: $(grep -c . "$res/no-facts") objects have no facts (ccache answered, or the facts were removed); compiling them again without ccache"
			(cd "$O" && xargs rm -f <"$res/no-facts")
			# shellcheck disable=SC2046
			CCACHE_DISABLE=1 kmake -k -j"$JOBS" KCFLAGS="$kcflags" $(cat "$res/no-facts") \
				>>"$res/compile.log" 2>&1
		fi
		facts_units "$facts" >"$res/facts-units"
		rm -rf "$res/facts-used"
		mkdir -p "$res/facts-used"
		awk -F'\t' -v src="$KSRC/" 'NR == FNR { want[src $0]; next } $1 in want { print $2 }' \
			"$res/scanned" "$res/facts-units" | xargs -r ln -s -t "$res/facts-used"
		echo "$res/facts-used" >"$res/merge-inputs"
		ncompiled=$(ls "$res/facts-used" | grep -c '\.facts$')
	fi
	# (Under M=arch/OTHER a quick scan has nothing to compile: the rules alone.)
	[ "$ncompiled" -gt 0 ] || [ -s "$res/compiled" ] || { [ "$SCAN" = quick ] && [ ! -s "$res/files" ]; } ||
		die "no file compiled; see $res/compile.log"
}

# ----- helpers -----

# Rounds of the helper closure; what is still wanted after them stays
# unknown to the merge, and the summary says so.
HELPER_ROUNDS=3

# helper_definitions NAMES: the C files of the tree, this architecture's,
# that define the functions NAMES lists (a line each): a line that starts
# a definition at column 0 (not static, not a declaration) with the name
# as its first word before a parenthesis.
helper_definitions()
{
	sed 's/$/(/' "$1" >"$res/helper-patterns"
	(cd "$KSRC" && grep -rnF --include='*.c' -f "$res/helper-patterns" .) |
		awk -v names="$1" '
			BEGIN { while ((getline n < names) > 0) want[n] }
			{
				file = $0; sub(/:.*/, "", file)
				text = $0; sub(/^[^:]*:[0-9]*:/, "", text)
				if (text !~ /^[A-Za-z_]/ || text ~ /^(static|extern|typedef)[ \t]/ ||
				    text ~ /;[ \t]*$/ || !match(text, /[A-Za-z_][A-Za-z0-9_]*\(/))
					next
				if (substr(text, RSTART, RLENGTH - 1) in want)
					print substr(file, 3)
			}' |
		grep -E "^arch/$srcarch/|^[^a]|^a[^r]" | grep -vE '^(tools|scripts|samples|usr)/' |
		sort -u
}

# The helper closure: the functions the mapping files hand pages, page
# arrays, mappings or objects holding them to, that no unit compiled
# defines (vmapcheck-merge --helpers), are looked up in the tree and the
# files defining them compiled with the plugin; then again, with what they
# call, until nothing new is found or HELPER_ROUNDS rounds were made.  The
# merge then knows release and unmap helpers wherever they live.  Only
# with HELPERS=1.  $res/helpers: the helper files that built;
# $res/helpers-unknown: the functions still wanted.  Sets helper_rounds.
stage_helpers()
{
	local file

	helper_rounds=0
	: >"$res/helpers-tried"
	: >"$res/helpers-unknown"
	[ "$HELPERS" = 1 ] || return 0
	sed "s|^|$KSRC/|" "$res/scanned" >"$res/helper-roots"
	while :; do
		mapfile -t inputs <"$res/merge-inputs"
		"$MERGE" --helpers "$res/helper-roots" "${inputs[@]}" >"$res/helpers-wanted" \
			2>"$res/helpers.log" ||
			die "vmapcheck-merge --helpers failed: $(head -n 1 "$res/helpers.log")"
		helper_definitions "$res/helpers-wanted" |
			grep -vxF -f "$res/helpers-tried" -f "$res/files" -f "$res/scanned" \
			>"$res/helpers-new"
		[ -s "$res/helpers-new" ] && [ "$helper_rounds" -lt "$HELPER_ROUNDS" ] || break
		helper_rounds=$((helper_rounds + 1))
		cat "$res/helpers-new" >>"$res/helpers-tried"
		say "helpers: round $helper_rounds: $(grep -c . "$res/helpers-wanted") functions given pages are defined nowhere compiled; compiling the $(grep -c . "$res/helpers-new") files that define them"
		# shellcheck disable=SC2046
		kmake -k -j"$JOBS" KCFLAGS="$kcflags" $(sed 's/\.c$/.o/' "$res/helpers-new") \
			>>"$res/compile.log" 2>&1
		while read -r file; do
			[ ! -f "$O/${file%.c}.o" ] || echo "$file"
		done <"$res/helpers-tried" >"$res/helpers"
		collect_units
	done
	cp "$res/helpers-wanted" "$res/helpers-unknown"
}

# ----- rules -----

# The Coccinelle rules over the tree: $res/cocci.txt.
stage_rules()
{
	say "rules: the Coccinelle rules over ${M:-the whole tree}"
	"$top/tools/cocci-scan" KSRC="$KSRC" FILES="$res/sources" JOBS="$JOBS" CACHE="$CACHE" RULES="$RULES" \
		REPORT="$res/cocci.txt" >"$res/cocci.log" 2>&1 &
	wait_progress $! rules ""
	[ -f "$res/cocci.txt" ] || die "the rules failed; see $res/cocci.log"
}

# ----- merge -----

# The plugin's findings over the whole build, joined to the rules':
# $res/findings.json.  Sets inputs and merge_args (the SARIF run's too).
stage_merge()
{
	local status

	say "merge: the facts of $ncompiled files, and the rules' findings"
	# Every unit that maps or unmaps is compiled, unless M= limits the scan.
	mapfile -t inputs <"$res/merge-inputs"
	merge_args=(--all $([ -n "$M" ] || echo --complete) --expect "$res/compiled"
		--rules "$res/cocci.txt" --srcroot "$KSRC")
	"$MERGE" --json "${merge_args[@]}" "${inputs[@]}" >"$res/findings.json" 2>"$res/merge.log"
	# Any failure, an unreadable facts file or a unit without facts too,
	# fails the scan: the plugin's findings would be silently missing.
	status=$?
	[ $status -eq 0 ] || die "vmapcheck-merge failed (status $status): $(head -n 1 "$res/merge.log")$(grep -q "ccache answered" "$res/merge.log" && echo "; make scan FACTS=object keeps them")"
}

# ----- report -----

# One list of findings, both engines side by side: $res/findings,
# report.txt, report.json.  Sets nfindings.
stage_report()
{
	# Lines "FILE<TAB>LINE<TAB>CHECK-ID<TAB>ENGINE<TAB>MESSAGE", the plugin's
	# with their notes after a <TAB>.
	jq -r --arg src "$KSRC/" '.[] |
		(.locations[0].caret) as $c |
		[($c.file | ltrimstr($src)), ($c.line | tostring),
		 (.option | ltrimstr("vmapcheck:")),
		 (if ."vmapcheck-origin" == "rules" then "cocci"
		  else "plugin (" + ."vmapcheck-origin" + ")" end),
		 (.message | sub(" \\[vmapcheck:[a-z-]*\\]$"; "")),
		 ([.children[] | (.locations[0].caret.file | ltrimstr($src)) + ":" +
		   (.locations[0].caret.line | tostring) + ": " + .message] | join("\u0001"))] |
		join("\t")' "$res/findings.json" >"$res/findings"
	sort -t"$(printf '\t')" -k1,1 -k2,2n -o "$res/findings" "$res/findings"
	nfindings=$(grep -c . "$res/findings")

	awk -F'\t' '
		# One block per file; per line, the engines that found it, then what
		# each says.
		function flush() {
			if (n) print "  line " line ": " check ", found by " engines
			for (i = 1; i <= n; i++) print said[i]
			n = 0; engines = ""
		}
		$1 != file { flush(); if (file != "") print ""; file = $1; key = ""; print file }
		$1 ":" $2 != key { flush(); key = $1 ":" $2; line = $2; check = $3 }
		{
			engines = engines (engines == "" ? "" : ", ") $4
			said[++n] = "    " $4 ": " $5
			k = split($6, notes, "\001")
			for (j = 1; j <= k; j++) said[++n] = "      note: " notes[j]
		}
		END { flush() }' "$res/findings" >"$res/report.txt"

	jq -R -s --arg tree "$KSRC" --arg version "$version" --arg config "$config_how" \
		--arg scan "$SCAN" '
		{tree: $tree, version: $version, config: $config, scan: $scan,
		 findings: [split("\n")[] | select(length > 0) | split("\t") |
			{file: .[0], line: (.[1] | tonumber), check: .[2], engine: .[3],
			 message: .[4], notes: (.[5] | split("\u0001") | map(select(length > 0)))}]}' \
		"$res/findings" >"$res/report.json"
}

# ----- fixes -----

# fix_diff FILE WORK: FILE's fix as a diff with a/ b/ paths, Coccinelle's
# patch mode else the plugin's fix-its else its unmap moved first, in
# WORK/diff; the engine that made it in WORK/engine, a note for the
# reviewer of a moved unmap in WORK/moved, and the pairs that could not
# be moved in WORK/not-moved.  Files are independent of each other.
fix_diff()
{
	local file=$1 work=$2 diff=$2/diff rule

	mkdir -p "$work"
	: >"$diff"
	for rule in "$RULES"/*.cocci; do
		(cd "$KSRC" && cocci_run patch "$rule" --patch . "$file") 2>/dev/null |
			sed -n '/^--- /,$p' >>"$diff"
	done
	echo "the Coccinelle rules' patch mode" >"$work/engine"
	if [ ! -s "$diff" ] && grep -q "^$file	.*plugin" "$res/findings" &&
	   [ -f "$O/$(dirname "$file")/.$(basename "${file%.c}").o.cmd" ]; then
		# The plugin's fix-its as a patch, its paths made a/ b/.
		# (The saved command line already loads the plugin.)
		kernel_compile_source "$O" "${file%.c}.o" "" "$work/fixit.o" \
			-fdiagnostics-generate-patch 2>&1 |
			sed -n '/^--- /,$p' |
			sed "s|^--- $KSRC/|--- a/|; s|^+++ $KSRC/|+++ b/|" >"$diff"
		echo "the plugin's fix-its" >"$work/engine"
	fi
	if [ ! -s "$diff" ] && grep -q "^$file	.*plugin" "$res/findings"; then
		unmap_moved_first "$file" "$work"
		echo "the plugin; the unmap moved first" >"$work/engine"
		fix_moved_note >"$work/moved"
	fi
}

# Fix patches (fix_diff), JOBS files at a time, in $res/fixes; then, in
# the order of the files, $res/fix-of says which file has which, or why
# none.  Sets nfixes.
stage_fixes()
{
	local file work n patch files

	# fix-of: "FILE<TAB>PATCH<TAB>LINES" for each file with findings (LINES:
	# those of its findings the patch leaves out), or
	# "FILE<TAB>-<TAB>WHY" when it gets none.
	mkdir -p "$res/fixes"
	: >"$res/fix-of"
	nfixes=0
	mapfile -t files < <(cut -f1 "$res/findings" | sort -u)
	# The trees for other architectures' files build meanwhile (tools/cross.sh).
	cross_start "${files[@]}"
	for n in "${!files[@]}"; do
		in_parallel fix_diff "${files[n]}" "$res/fixes/work/$n"
	done
	in_parallel_wait
	for n in "${!files[@]}"; do
		file=${files[n]}
		work=$res/fixes/work/$n
		if [ -s "$work/diff" ]; then
			nfixes=$((nfixes + 1))
			patch=$(fix_patch "$file" "$work/diff" "$res/findings" "$(cat "$work/engine")" \
				"$nfixes" "$res/fixes" "$(cat "$work/moved" 2>/dev/null)")
			printf '%s\t%s\t%s\n' "$file" "$(basename "$patch")" \
				"$(fix_left_out "$work/diff" "$res/findings" "$file")" >>"$res/fix-of"
		elif [ -s "$work/not-moved" ]; then
			printf '%s\t-\t%s\n' "$file" "no other fix applies, and the unmap could not be moved first: $(sed 's/^[^:]*: [^:]*:\([0-9]*\): not moved: /line \1: /' "$work/not-moved" | paste -sd';' | sed 's/;/; /g')" >>"$res/fix-of"
		elif grep -qxF "$file" "$res/skipped" || ! grep -q "^$file	.*plugin" "$res/findings"; then
			printf '%s\t-\t%s\n' "$file" "the rules' patch mode has no fix for this case, and the plugin has no fix-it where it did not report (the file did not build in this configuration, or the finding is the rules' alone)" >>"$res/fix-of"
		elif ! grep -q "^$file	.*plugin (compile)" "$res/findings"; then
			printf '%s\t-\t%s\n' "$file" "the rules' patch mode has no fix for this case, and the plugin found it only across files (vmapcheck-merge), where it writes no fix-its" >>"$res/fix-of"
		else
			printf '%s\t-\t%s\n' "$file" "neither the rules' patch mode nor the plugin's fix-its (which make refcounted only a mapping local to one function) change this file" >>"$res/fix-of"
		fi
	done
	rm -rf "$res/fixes/work"
}

# unmap_moved_first FILE WORK: the plugin's findings in FILE whose unmap
# comes later in the same function ("... is unmapped only here, after the
# release") fixed by moving the unmap in front of the release, as a diff
# with a/ b/ paths in WORK/diff; the pairs it could not move, with the
# reason, in WORK/not-moved.
unmap_moved_first()
{
	local file=$1 work=$2 pairs
	pairs=$(awk -F'\t' -v f="$file" '$1 == f && $4 ~ /^plugin/ {
		k = split($6, notes, "\001")
		for (j = 1; j <= k; j++)
			if (index(notes[j], f ":") == 1 && notes[j] ~ /is unmapped only here, after the release$/) {
				line = substr(notes[j], length(f) + 2)
				print $2 ":" (line + 0)
			}
	}' "$res/findings" | sort -u)
	: >"$work/not-moved"
	[ -n "$pairs" ] || return 0
	# shellcheck disable=SC2086
	"$unmap_first" "$KSRC/$file" $pairs >"$work/moved.c" 2>"$work/not-moved" &&
		diff -u -p --label "a/$file" --label "b/$file" "$KSRC/$file" "$work/moved.c" >"$work/diff"
}

# ----- verify -----

# verify_fix FIX OV: the series' patches (BASE, as stage_verify sets it)
# that do not touch the files FIX fixes, then FIX, applied to copies of
# the files they touch in OV; the fixed files compiled, and FIX
# checkpatch --strict clean.  Its name in OV.verified if so, else what
# failed in OV.log.
verify_fix()
{
	local fix=$1 ov=$2 fixed p touched f ok=1 inc=() arch tree plugin_off

	mkdir -p "$ov"
	fixed=$(sed -n 's|^+++ b/||p' "$fix" | sort -u)
	# (The series carries its own io_uring fix.)
	for p in "${base[@]}" "$fix"; do
		touched=$(sed -n 's|^+++ b/||p' "$p")
		if [ "$p" != "$fix" ] && printf '%s\n' $touched | grep -qxF -f <(printf '%s\n' $fixed); then
			continue
		fi
		for f in $touched; do
			[ -f "$ov/$f" ] || { [ -f "$KSRC/$f" ] && mkdir -p "$ov/$(dirname "$f")" &&
				cp "$KSRC/$f" "$ov/$f"; }
		done
		patch -s -p1 -d "$ov" <"$p" >>"$ov.log" 2>&1 ||
			{ echo "does not apply: $(basename "$p")" >>"$ov.log"; return; }
	done
	[ ${#base[@]} -gt 0 ] && inc=(-include "$ov/include/linux/vmalloc.h")
	for f in $fixed; do
		# Another architecture's file: in its tree, which has no plugin.
		arch=$(cross_arch "$f")
		tree=$O plugin_off=-fplugin-arg-vmapcheck-disable
		[ -z "$arch" ] || tree=$res/cross-$arch plugin_off=
		kernel_compile_source "$tree" "${f%.c}.o" "$ov/$f" "$ov/check.o" \
			"${inc[@]}" $plugin_off >>"$ov.log" 2>&1 || ok=0
	done
	# With no .git in sight checkpatch runs no scripts/spdxcheck.py (Python).
	(cd "$KSRC" && GIT_DIR=$res/no-git perl scripts/checkpatch.pl --strict --no-signoff -q "$fix") \
		>"$ov.checkpatch" 2>&1 && [ ! -s "$ov.checkpatch" ] ||
		{ cat "$ov.checkpatch" >>"$ov.log"; ok=0; }
	rm -f "$ov.checkpatch"
	[ $ok = 1 ] && basename "$fix" >"$ov.verified" && rm -rf "$ov" "$ov.log"
}

# report.sarif started in the background (sarif_pid); each fix applied
# after the kernel-fixes series (to the tree alone when it has the series'
# refcounted API already, or when there is no series for it: then a fix
# that needs that API is not verified), compiled (another architecture's
# file in its tree, tools/cross.sh) and checkpatch --strict clean
# (verify_fix, JOBS fixes at a time; $res/verified), and the fixes
# written into the reports.  Sets verified, unverifiable, verify_note,
# verified_after.
stage_verify()
{
	local fix has_api=0 base=() why

	# report.sarif: both engines' findings with the fix patches; the merge
	# runs again, beside the verification, which only reads the patches.
	"$MERGE" --sarif "${merge_args[@]}" --fixes "$res/fixes" "${inputs[@]}" \
		>"$res/report.sarif" 2>"$res/sarif.log" &
	sarif_pid=$!

	verified_after=
	if grep -q "\\<$(fix_counted map)(" "$KSRC/include/linux/vmalloc.h" 2>/dev/null; then
		has_api=1
	elif [ -d "$series" ]; then
		has_api=1
		base=("$series"/0[0-9][0-9][1-9]-*.patch)
		verified_after=" after the kernel-fixes series"
	fi
	# unverifiable: "PATCH<TAB>WHY" for the fixes that cannot be compiled
	# here (no tree for a file's architecture, or no refcounted API).
	mkdir -p "$res/verify"
	: >"$res/unverifiable"
	cross_wait
	for fix in "$res"/fixes/*.patch; do
		[ -f "$fix" ] || continue
		why=$(cross_why "$fix")
		if [ $has_api = 0 ] && grep -q "^+.*\\<$(fix_counted map)(" "$fix"; then
			why="${why:+$why; }no kernel-fixes series for linux $version, and the fix uses $(fix_counted map)()"
		fi
		if [ -n "$why" ]; then
			printf '%s\t%s\n' "$(basename "$fix")" "$why" >>"$res/unverifiable"
			continue
		fi
		in_parallel verify_fix "$fix" "$res/verify/$(basename "$fix" .patch)"
	done
	in_parallel_wait
	cat "$res"/verify/*.verified 2>/dev/null | sort >"$res/verified"
	rm -f "$res"/verify/*.verified
	rmdir "$res/verify" 2>/dev/null
	verified=$(grep -c . "$res/verified")
	unverifiable=$(grep -c . "$res/unverifiable")
	verify_note=
	[ "$unverifiable" = 0 ] || verify_note="$unverifiable could not be compiled here: report.txt says why"

	# Each file's fix, or why it has none, in the report (after the file's
	# name) and in report.json.
	awk -F'\t' -v verified="$res/verified" -v unverifiable="$res/unverifiable" \
		-v vphrase="applies$verified_after, compiles, checkpatch --strict clean" '
		FILENAME == verified { ok[$1] = 1; next }
		FILENAME == unverifiable { cannot[$1] = $2; next }
		FILENAME != ARGV[ARGC - 1] { fix[$1] = $2; why[$1] = $3; next }
		{ print }
		$0 in fix {
			if (fix[$0] == "-")
				print "  no fix patch: " why[$0]
			else {
				if (fix[$0] in ok)
					state = vphrase
				else
					state = "not verified: " (fix[$0] in cannot ? cannot[fix[$0]] : "its log in verify/")
				print "  fix: fixes/" fix[$0] " (" state ")"
				if (why[$0] != "")
					print "  findings on lines the fix does not touch: " why[$0]
			}
		}' "$res/verified" "$res/unverifiable" "$res/fix-of" "$res/report.txt" >"$res/report.txt.new" &&
		mv "$res/report.txt.new" "$res/report.txt"
	jq --rawfile fixof "$res/fix-of" --rawfile verified "$res/verified" \
		--rawfile cannot "$res/unverifiable" '
		.fixes = [$fixof | split("\n")[] | select(length > 0) | split("\t") |
			{file: .[0], patch: (if .[1] == "-" then null else "fixes/" + .[1] end),
			 why: (if .[1] == "-" then .[2] else null end),
			 left_out: (if .[1] != "-" and (.[2] // "") != "" then .[2] | split(", ") | map(tonumber) else [] end),
			 verified: (.[1] as $p | $verified | split("\n") | any(. == $p)),
			 not_verifiable: (.[1] as $p | [$cannot | split("\n")[] | split("\t") |
				select(.[0] == $p) | .[1]] | first)}]' \
		"$res/report.json" >"$res/report.json.new" && mv "$res/report.json.new" "$res/report.json"
}

# ----- sarif -----

# The SARIF run started beside the verification.
stage_sarif()
{
	wait $sarif_pid || die "vmapcheck-merge --sarif failed: $(head -n 1 "$res/sarif.log")"
}

# ----- summary -----

count()
{
	awk -F'\t' -v c="$1" -v e="$2" '$3 == c && index($4, e) == 1' "$res/findings" | grep -c .
}

# $res/summary.txt, also on the standard output.
write_summary()
{
	local check

	{
		echo "vmapcheck scan of $KSRC (linux $version)"
		echo "config: $config_how; scan: $SCAN${M:+; M=$M}; output: $res"
		echo "files compiled with the plugin: $ncompiled ($(grep -c . "$res/skipped") did not build in this configuration: $res/skipped)"
		[ "$HELPERS" = 0 ] ||
			echo "helpers: $(grep -c . "$res/helpers") files that define functions given pages, in $helper_rounds round$([ "$helper_rounds" = 1 ] || echo s) (at most $HELPER_ROUNDS); $(grep -c . "$res/helpers-unknown") such functions still unknown ($res/helpers-unknown)"
		[ ! -s "$res/no-facts" ] ||
			echo "objects without facts, compiled again past ccache: $(grep -c . "$res/no-facts") ($res/no-facts)"
		echo "findings: $nfindings"
		for check in $("$MERGE" --list-checks | cut -f1); do
			echo "  $check: plugin $(count "$check" plugin), cocci $(count "$check" cocci)"
		done
		echo "fix patches: $nfixes in $res/fixes; $verified apply$verified_after, compile and pass checkpatch --strict${verify_note:+ ($verify_note)}"
		echo "time per stage (s):$(awk '{ printf " %s %s", $1, $2 }' "$res/times"); total $(($(date +%s) - began))"
		echo "report: $res/report.txt, $res/report.json, $res/report.sarif"
	} >"$res/summary.txt"
	cat "$res/summary.txt"
}
