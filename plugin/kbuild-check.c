// SPDX-License-Identifier: GPL-2.0-only
/*
 * vmapcheck-check: the vmapcheck plugin in Kbuild's checker slot, beside
 * sparse and Smatch:
 *
 *   make C=1 CHECK=vmapcheck-check     check the files being recompiled
 *   make C=2 CHECK=vmapcheck-check     check every file, rebuilt or not
 *
 * Kbuild runs "$(CHECK) $(CHECKFLAGS) $(c_flags) FILE.c" from its output
 * directory.  CHECKFLAGS are sparse's (-D__STDC__, -Wbitwise, --arch=...),
 * which GCC refuses; c_flags, the compiler's own flags, begin with the
 * dependency option -Wp,-MMD,FILE (-Wp,-MD, before 2.6.29).  So what comes
 * before it is dropped, but for -fplugin-arg-vmapcheck-* options given
 * with CF=; the dependency option goes too (Kbuild's fixdep owns those
 * files).  Then the compiler runs the file with the plugin and writes no
 * object: the diagnostics are the plugin's, as in a build.
 *
 * Environment: VMAPCHECK_CC (the compiler the plugin was built for),
 * VMAPCHECK_PLUGIN (default: next to this program, or in
 * ../lib/vmapcheck/ as make install puts it), VMAPCHECK_FACTS (the facts
 * directory, default vmapcheck-facts in Kbuild's output directory; empty
 * for none).
 */

#define _GNU_SOURCE
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef VMAPCHECK_CC
#define VMAPCHECK_CC "gcc"
#endif
#define PLUGIN_ARG_PREFIX "-fplugin-arg-vmapcheck-"

static const char usage[] =
	"usage: vmapcheck-check [CHECKFLAGS] COMPILER-FLAGS... FILE.c\n"
	"  as Kbuild runs a checker: make C=1|2 CHECK=vmapcheck-check [CF=...]\n"
	"  CF=-fplugin-arg-vmapcheck-KEY[=VALUE] passes a key to the plugin.\n";

/* The plugin: VMAPCHECK_PLUGIN, or where this program's build or install put it. */
static const char *plugin_path(char *buf, size_t len)
{
	static const char *const places[] = { "vmapcheck.so", "../lib/vmapcheck/vmapcheck.so" };
	const char *env = getenv("VMAPCHECK_PLUGIN"), *dir;
	char self[PATH_MAX];
	ssize_t n;

	if (env && *env)
		return env;
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n < 0)
		return NULL;
	self[n] = '\0';
	dir = dirname(self);
	for (size_t i = 0; i < sizeof(places) / sizeof(places[0]); i++) {
		snprintf(buf, len, "%s/%s", dir, places[i]);
		if (!access(buf, R_OK))
			return buf;
	}
	return NULL;
}

static int is_dependency_option(const char *arg)
{
	return !strncmp(arg, "-Wp,-MMD,", 9) || !strncmp(arg, "-Wp,-MD,", 8);
}

int main(int argc, char **argv)
{
	const char *cc = getenv("VMAPCHECK_CC"), *facts = getenv("VMAPCHECK_FACTS");
	char plugin_buf[PATH_MAX + 64];
	const char *plugin = plugin_path(plugin_buf, sizeof(plugin_buf));
	char **args = calloc(argc + 8, sizeof(*args));
	char *plugin_opt, *facts_opt = NULL;
	int first = 1, n = 0;

	if (argc < 2 || !strcmp(argv[1], "--help")) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 64 : 0;
	}
	if (!plugin) {
		fputs("vmapcheck-check: cannot find vmapcheck.so; set VMAPCHECK_PLUGIN to its path\n",
		      stderr);
		return 2;
	}
	if (!args || asprintf(&plugin_opt, "-fplugin=%s", plugin) < 0)
		return 2;
	/* The plugin before its keys, as GCC wants it. */
	args[n++] = (char *)(cc && *cc ? cc : VMAPCHECK_CC);
	args[n++] = plugin_opt;
	/* Kbuild's CHECKFLAGS end where the compiler's flags begin (a
	   command line without them is all the compiler's). */
	for (int i = 1; i < argc; i++) {
		if (is_dependency_option(argv[i])) {
			first = i;
			break;
		}
	}
	for (int i = 1; i < argc; i++) {
		if (i < first ? !strncmp(argv[i], PLUGIN_ARG_PREFIX, strlen(PLUGIN_ARG_PREFIX)) :
				!is_dependency_option(argv[i]))
			args[n++] = argv[i];
		/* A facts directory given with CF= replaces the default one. */
		if (!strncmp(argv[i], PLUGIN_ARG_PREFIX "facts=", strlen(PLUGIN_ARG_PREFIX "facts=")))
			facts = "";
	}
	if (!facts)
		facts = "vmapcheck-facts";
	if (*facts && asprintf(&facts_opt, PLUGIN_ARG_PREFIX "facts=%s", facts) >= 0)
		args[n++] = facts_opt;
	/* Through the plugin's passes; the assembly goes nowhere. */
	args[n++] = "-S";
	args[n++] = "-o";
	args[n++] = "/dev/null";
	args[n] = NULL;
	execvp(args[0], args);
	fprintf(stderr, "vmapcheck-check: cannot run %s: %s; set VMAPCHECK_CC\n", args[0],
		strerror(errno));
	return 2;
}
