# SPDX-License-Identifier: GPL-2.0-only
#
# Shell functions (sourced by tools/scan) for the trees that compile the
# fixes of another architecture's files: the rules scan every file of the
# tree, the plugin only those of the scan's architecture, and a fix is
# verified only where it compiles.  One tree per architecture, in
# $res/cross-ARCH, made as the lines of $CROSS (tools/cross-arches) say:
# ARCH COMPILER CONFIG-TARGET OPTIONS...

# cross_arch FILE: the architecture of FILE (arch/ARCH/...) when it is not
# the scan's own ($srcarch); nothing otherwise.
cross_arch()
{
	case $1 in
	arch/"$srcarch"/*) ;;
	arch/*/*) echo "$1" | cut -d/ -f2 ;;
	esac
}

# cross_line ARCH: ARCH's line of $CROSS, its fields one space apart.
cross_line()
{
	awk -v arch="$1" '!/^#/ && $1 == arch { $1 = $1; print; exit }' "$CROSS"
}

# cross_make ARCH MAKE-ARGS...: make in ARCH's tree with its compiler.
cross_make()
{
	local arch=$1 cc
	shift
	cc=$(cross_line "$arch" | cut -d' ' -f2)
	make -C "$KSRC" O="$res/cross-$arch" ARCH="$arch" CROSS_COMPILE="${cc%gcc*}" \
		CC="$cc" HOSTCC="$GCC" "$@"
}

# cross_prepare ARCH FILE...: ARCH's tree configured (again only when its
# line changed) and the objects of FILE... built, each with the .cmd file
# its fix is compiled by.  Why it cannot be, in $res/cross-ARCH.why.
cross_prepare()
{
	local arch=$1 tree=$res/cross-$1 line f
	shift
	rm -f "$tree.why"
	# line: ARCH COMPILER CONFIG-TARGET OPTIONS...
	read -r -a line <<<"$(cross_line "$arch")"
	if [ ${#line[@]} -lt 3 ]; then
		echo "no $arch tree: $CROSS has no line for $arch (ARCH COMPILER CONFIG-TARGET OPTIONS...)" >"$tree.why"
		return
	fi
	if ! command -v "${line[1]}" >/dev/null; then
		echo "no $arch tree: ${line[1]} is not installed (make deps installs it)" >"$tree.why"
		return
	fi
	mkdir -p "$tree"
	if [ "$(cat "$tree/.vmapcheck-configured" 2>/dev/null)" != "$GCC ${line[*]}" ]; then
		rm -f "$tree/.vmapcheck-configured"
		# shellcheck disable=SC2046
		{ cross_make "$arch" "${line[2]}" &&
			"$KSRC/scripts/config" --file "$tree/.config" \
				$(printf -- '--enable %s ' "${line[@]:3}") &&
			cross_make "$arch" olddefconfig; } >"$tree.log" 2>&1 ||
			{ echo "no $arch tree: configuring it failed (see $tree.log)" >"$tree.why"; return; }
		echo "$GCC ${line[*]}" >"$tree/.vmapcheck-configured"
	fi
	# shellcheck disable=SC2046
	cross_make "$arch" -j"$JOBS" $(printf '%s\n' "$@" | sed 's/\.c$/.o/') >>"$tree.log" 2>&1
	for f; do
		[ -f "$tree/$(dirname "$f")/.$(basename "${f%.c}").o.cmd" ] ||
			echo "$f does not build in the $arch tree (${line[2]}; see $tree.log)" >>"$tree.why"
	done
}

# cross_start FILE...: the trees of the other architectures' files among
# FILE... prepared in the background (cross_pids), for cross_wait.
cross_pids=()
cross_start()
{
	local arch
	for arch in $(for f; do cross_arch "$f"; done | sort -u); do
		# shellcheck disable=SC2046
		cross_prepare "$arch" $(printf '%s\n' "$@" | grep "^arch/$arch/") &
		cross_pids+=($!)
	done
}

cross_wait()
{
	[ ${#cross_pids[@]} = 0 ] || wait "${cross_pids[@]}"
	cross_pids=()
}

# cross_why FIX: why FIX cannot be compiled (a file of it has no tree of
# its architecture, or does not build there); nothing when it can.
cross_why()
{
	local f arch
	for f in $(sed -n 's|^+++ b/||p' "$1"); do
		arch=$(cross_arch "$f")
		[ -z "$arch" ] || grep -F -e "no $arch tree: " -e "$f does not build " \
			"$res/cross-$arch.why" 2>/dev/null
	done | sort -u | paste -sd';' | sed 's/;/; /g'
}
