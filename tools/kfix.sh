# SPDX-License-Identifier: GPL-2.0-only
#
# Shell functions (sourced, with CACHE set, after tools/kernel.sh) for the
# kernel-fixes series: a tree of its own per version in the build cache
# ($CACHE/kfix-VERSION: linux/ the source with the series applied, um/ the
# User-Mode-Linux build), kept across runs so that a second run rebuilds
# only what changed.  Every step logs to $CACHE/kfix-VERSION/*.log.

KFIX_JOBS=${KFIX_JOBS:-$(nproc)}
# Our own make's command-line variables must not reach Kbuild.
unset MAKEFLAGS MAKEOVERRIDES MFLAGS

# kfix_init VERSION: set kfix_series, kfix_work, kfix_src, kfix_kb and
# kfix_kb_off, and extract the tree when it is not there yet.
kfix_init()
{
	kfix_series=$top/kernel-fixes/linux-$1
	kfix_work=$CACHE/kfix-$1
	kfix_kb=$kfix_work/um
	kfix_kb_off=$kfix_work/um-off
	kfix_src=$(kernel_source "$1" "$kfix_work/linux")
}

kfix_patches()
{
	ls "$kfix_series"/0[0-9][0-9][1-9]-*.patch
}

# kfix_make ARGS...: Kbuild for User-Mode-Linux in the tree of kfix_init.
kfix_make()
{
	make -C "$kfix_src" O="$kfix_kb" ARCH=um -j"$KFIX_JOBS" "$@"
}

# kfix_configure: defconfig once, then the options of kernel-fixes/kunitconfig
# (again after each patch: a patch may add one); fails naming an option
# that the tree does not take.
kfix_configure()
{
	local opt name
	mkdir -p "$kfix_kb"
	[ -f "$kfix_kb/.config" ] || kfix_make defconfig >"$kfix_work/config.log" 2>&1 ||
		return 1
	grep '^CONFIG_' "$top/kernel-fixes/kunitconfig" >>"$kfix_kb/.config"
	kfix_make olddefconfig >>"$kfix_work/config.log" 2>&1 || return 1
	for opt in $(grep '^CONFIG_' "$top/kernel-fixes/kunitconfig"); do
		grep -qx "$opt" "$kfix_kb/.config" && continue
		# An option that the series adds is there once its patch is.
		name=${opt%%=*}
		name=${name#CONFIG_}
		# shellcheck disable=SC2046
		if grep -qx "+config $name" $(kfix_patches) &&
		   ! grep -qx "config $name" "$kfix_src/mm/Kconfig.debug"; then
			continue
		fi
		echo "kfix: $opt did not stick in $kfix_kb/.config" >&2
		return 1
	done
}

# kfix_objects PATCH...: the objects of the C files the patches touch.
kfix_objects()
{
	sed -n 's|^+++ b/\(.*\)\.c$|\1.o|p' "$@" | sort -u
}

# kfix_sparse LOG OBJECT...: sparse (C=2) on the objects; its warnings,
# without line and column, sorted, on stdout.
kfix_sparse()
{
	local log
	log=$1
	shift
	kfix_make C=2 "$@" >"$log" 2>&1 || return 1
	sed -n 's/^\([^: ]*\):[0-9]*:[0-9]*: \(warning\|error\): /\1: \2: /p' "$log" | sort
}

# kfix_reset: undo the series applied by an earlier run (its patches are
# kept in $kfix_work/applied), newest first, so the tree is pristine again
# and the files it touched get a new time for make.
kfix_reset()
{
	local p
	[ -d "$kfix_work/applied" ] || return 0
	for p in $(ls -r "$kfix_work/applied"/*.patch 2>/dev/null); do
		patch -s -R -p1 -d "$kfix_src" <"$p" >/dev/null || return 1
	done
	rm -rf "$kfix_work/applied"
}

# kfix_boot LOG ARGS...: boot the UML kernel of $kfix_kb with KUnit's
# arguments and ARGS; its console output (KTAP) goes to LOG.
kfix_boot()
{
	local log
	log=$1
	shift
	TMPDIR=$kfix_work timeout 600 "$kfix_kb/linux" mem=512M console=tty0 \
		kunit_shutdown=halt kunit.filter_glob=vmap_pages "$@" \
		</dev/null >"$log" 2>&1
}

# kfix_git_repo VERSION DIR: a git repository in DIR of the files that the
# series of VERSION touches, and MAINTAINERS, as in the pristine Debian
# tree (commit tagged "base"), with the series applied by git am.
kfix_git_repo()
{
	local pristine f
	pristine=$(kernel_source "$1") || return 1
	rm -rf "$2"
	mkdir -p "$2"
	{ sed -n 's|^+++ b/||p; s|^--- a/||p' "$top/kernel-fixes/linux-$1"/0[0-9][0-9][1-9]-*.patch
	  echo MAINTAINERS; } | sort -u | while read -r f; do
		[ -f "$pristine/$f" ] || continue
		mkdir -p "$2/$(dirname "$f")"
		cp "$pristine/$f" "$2/$f"
	done
	(cd "$2" && git init -q && git add -A &&
		git -c user.name=base -c user.email=base@localhost \
			commit -q -m "Debian linux-source-$1: the files the series touches" &&
		git tag base &&
		git -c user.name=kfix -c user.email=kfix@localhost \
			am -q "$top/kernel-fixes/linux-$1"/0[0-9][0-9][1-9]-*.patch)
}

# kfix_series_changed: is the series not the one applied in the tree?
kfix_series_changed()
{
	[ -d "$kfix_work/applied" ] || return 0
	[ "$(cat $(kfix_patches) | md5sum)" != "$(cat "$kfix_work/applied"/*.patch | md5sum)" ]
}

# kfix_apply: the series, patch by patch, each followed by a build of the
# objects it touches; sparse's view of those files before the series goes
# to $kfix_work/sparse-base.  On failure kfix_error says which step failed
# (as a test name) and why.
kfix_apply()
{
	local n p objs
	kfix_reset || { kfix_error="undo the series applied before"; return 1; }
	kfix_configure ||
		{ kfix_error="configure ARCH=um: see $kfix_work/config.log"; return 1; }
	# shellcheck disable=SC2046
	objs=$(kfix_objects $(kfix_patches) | while read -r o; do
		[ -f "$kfix_src/${o%.o}.c" ] && echo "$o"; done)
	# shellcheck disable=SC2086
	kfix_sparse "$kfix_work/sparse-base.log" $objs >"$kfix_work/sparse-base" ||
		{ kfix_error="sparse on the unpatched tree: see $kfix_work/sparse-base.log"; return 1; }
	mkdir -p "$kfix_work/applied"
	n=0
	for p in $(kfix_patches); do
		n=$((n + 1))
		patch -s -p1 -d "$kfix_src" <"$p" >"$kfix_work/patch.log" 2>&1 ||
			{ kfix_error="patch $n applies with patch -p1: $(cat "$kfix_work/patch.log")"; return 1; }
		cp "$p" "$kfix_work/applied/"
		kfix_configure ||
			{ kfix_error="configure after patch $n: see $kfix_work/config.log"; return 1; }
		# shellcheck disable=SC2046
		kfix_make $(kfix_objects "$p") >"$kfix_work/patch-$n.log" 2>&1 ||
			{ kfix_error="patch $n builds on its own: see $kfix_work/patch-$n.log"; return 1; }
	done
}

# kfix_build: the UML kernel with the series (applied first if it changed).
kfix_build()
{
	if kfix_series_changed; then
		kfix_apply || return 1
	fi
	kfix_make >"$kfix_work/build.log" 2>&1 ||
		{ kfix_error="the UML kernel builds: $(grep -m 3 'error' "$kfix_work/build.log")"; return 1; }
}

# kfix_build_off: after kfix_build, the same kernel without the vmap page
# check (CONFIG_VMAP_PAGE_CHECK), in $kfix_kb_off (boot it with
# "kfix_kb=$kfix_kb_off kfix_boot ...").  Made once as a copy of um/, so
# that only what reads the option rebuilds; later runs rebuild what the
# series changed, as in um/.
kfix_build_off()
{
	[ -f "$kfix_kb_off/.config" ] || cp -a "$kfix_kb" "$kfix_kb_off" ||
		{ kfix_error="copy $kfix_kb to $kfix_kb_off"; return 1; }
	{ grep -v '^CONFIG_VMAP_PAGE_CHECK=' "$kfix_kb/.config"
	  echo '# CONFIG_VMAP_PAGE_CHECK is not set'; } >"$kfix_kb_off/.config"
	if ! kfix_kb=$kfix_kb_off kfix_make olddefconfig all >"$kfix_work/build-off.log" 2>&1; then
		kfix_error="the UML kernel builds without CONFIG_VMAP_PAGE_CHECK: $(grep -m 3 'error' "$kfix_work/build-off.log")"
		return 1
	fi
	if grep -q '^CONFIG_VMAP_PAGE_CHECK=y' "$kfix_kb_off/.config"; then
		kfix_error="the UML kernel builds without CONFIG_VMAP_PAGE_CHECK: it is still set in $kfix_kb_off/.config"
		return 1
	fi
}
