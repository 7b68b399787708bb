// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel API model and its text format (see model.h).
 *
 * One entry a line:   KIND FUNCTION ARG [OPTION=VALUE...] [scan]
 * ARG is the index (from 0) of the argument the entry is about; hooks list
 * several (2,3).  '#' starts a comment.  The options are described in
 * model/kernel.api and docs/vmapcheck.1.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model.h"

/* model/kernel.api as a C string, made by make. */
static const char builtin_model[] =
#include "kernel-api.inc"
	;

static const char *const kind_names[API_NKINDS] = {
	[API_MAP] = "map",
	[API_MAP_COUNTED] = "map-counted",
	[API_UNMAP] = "unmap",
	[API_UNMAP_COUNTED] = "unmap-counted",
	[API_FREE_AREA] = "free-area",
	[API_RELEASE] = "release",
	[API_RELEASE_ARRAY] = "release-array",
	[API_RELEASE_ADDRESS] = "release-address",
	[API_DEFER] = "defer",
	[API_ALIAS] = "alias",
	[API_ERRTEST] = "errtest",
	[API_HOOK] = "hook",
	[API_RUNNER] = "runner",
	[API_FILL] = "fill",
	[API_FREE_OBJECT] = "free-object",
};

const char *api_kind_name(enum api_kind kind)
{
	return kind_names[kind];
}

struct parser {
	struct api_model *m;
	const char *origin;
	int line;
	char *err;
};

static bool fail(struct parser *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static bool fail(struct parser *p, const char *fmt, ...)
{
	int n = p->line ? snprintf(p->err, MODEL_ERROR_SIZE, "%s:%d: ", p->origin, p->line) :
		snprintf(p->err, MODEL_ERROR_SIZE, "%s: ", p->origin);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(p->err + n, MODEL_ERROR_SIZE - n, fmt, ap);
	va_end(ap);
	return false;
}

static bool parse_kind(const char *word, enum api_kind *kind)
{
	for (int i = 0; i < API_NKINDS; i++) {
		if (!strcmp(word, kind_names[i])) {
			*kind = (enum api_kind)i;
			return true;
		}
	}
	return false;
}

static bool parse_number(const char *word, unsigned long *value)
{
	char *end;

	errno = 0;
	*value = strtoul(word, &end, 0);
	return *word && !*end && !errno;
}

/* ARG: "N", or for a hook "N,M,...". */
static bool parse_args(const char *arg, bool list, struct api_entry *e)
{
	char copy[MODEL_MAX_LINE + 1], *save, *w;	/* ARG stays whole for messages */
	unsigned long v;

	snprintf(copy, sizeof(copy), "%s", arg);
	w = strtok_r(copy, ",", &save);

	e->args = 0;
	for (bool first = true; w; w = strtok_r(NULL, ",", &save), first = false) {
		if (!parse_number(w, &v) || v > 63 || (!first && !list))
			return false;
		if (first)
			e->arg = v;
		e->args |= 1UL << v;
	}
	return e->args != 0;
}

/* Does OPTION (with its '=') apply to entries of KIND? */
static bool option_allowed(const char *option, enum api_kind kind)
{
	if (!strcmp(option, "flags=") || !strcmp(option, "owns-pages=") ||
	    !strcmp(option, "owns-flag=") || !strcmp(option, "unmap="))
		return kind == API_MAP;
	if (!strcmp(option, "counted="))
		return kind == API_MAP || kind == API_UNMAP;
	if (!strcmp(option, "extra-arg="))
		return kind == API_MAP_COUNTED;
	return false;
}

static bool parse_option(struct parser *p, char *word, struct api_entry *e)
{
	char *eq = strchr(word, '=');
	unsigned long v;
	char option[16];

	if (!strcmp(word, "scan")) {
		e->scan = true;
		return true;
	}
	if (!eq || !eq[1] || (size_t)(eq - word) + 2 > sizeof(option))
		return fail(p, "unexpected '%s'; options are flags=N, owns-pages=MASK, "
			    "owns-flag=NAME, counted=NAME, unmap=NAME, extra-arg=TEXT and "
			    "scan", word);
	memcpy(option, word, eq - word + 1);
	option[eq - word + 1] = '\0';
	if (!option_allowed(option, e->kind))
		return fail(p, "'%s' does not apply to a '%s' entry; see the API FILE "
			    "FORMAT of vmapcheck(1)", option, kind_names[e->kind]);
	if (!strcmp(option, "flags=")) {
		if (!parse_number(eq + 1, &v) || v > 63)
			return fail(p, "'%s': the flags argument is an index from 0 to 63", word);
		e->flags_arg = v;
	} else if (!strcmp(option, "owns-pages=")) {
		if (!parse_number(eq + 1, &v))
			return fail(p, "'%s': the mask is a number, such as 0x200", word);
		e->owns_pages = v;
	} else if (!strcmp(option, "owns-flag=")) {
		e->owns_flag = intern_str(eq + 1);
	} else if (!strcmp(option, "counted=")) {
		e->counted = intern_str(eq + 1);
	} else if (!strcmp(option, "unmap=")) {
		e->unmap = intern_str(eq + 1);
	} else {
		e->extra_arg = intern_str(eq + 1);
	}
	return true;
}

/* Parse one line (NUL-terminated, comments included). */
static bool parse_line(struct parser *p, char *line)
{
	struct api_entry e = { .flags_arg = -1 };
	char *words[12], *save;
	int n = 0;

	line[strcspn(line, "#")] = '\0';
	for (char *w = strtok_r(line, " \t\r", &save); w; w = strtok_r(NULL, " \t\r", &save)) {
		if (n == (int)(sizeof(words) / sizeof(*words)))
			return fail(p, "too many words; expected 'KIND FUNCTION ARG [OPTION...]'");
		words[n++] = w;
	}
	if (!n)
		return true;
	if (n < 3)
		return fail(p, "expected 'KIND FUNCTION ARG', for example 'unmap my_vunmap 0'");
	if (!parse_kind(words[0], &e.kind))
		return fail(p, "unknown kind '%s'; use map, map-counted, unmap, unmap-counted, "
			    "free-area, release, release-array, release-address, defer, alias, "
			    "errtest, hook, runner, fill or free-object", words[0]);
	if (!parse_args(words[2], e.kind == API_HOOK, &e))
		return fail(p, "argument index '%s' is not a number from 0 to 63%s", words[2],
			    e.kind == API_HOOK ? " or a list of them (2,3)" : "");
	for (int i = 3; i < n; i++)
		if (!parse_option(p, words[i], &e))
			return false;
	if (e.owns_pages && e.flags_arg < 0)
		return fail(p, "'owns-pages=MASK' needs 'flags=N', the index of the flags argument");
	e.name = intern_str(words[1]);
	vec_push(p->m->entries, e);
	return true;
}

/* Parse TEXT of LEN bytes: lines, none longer than MODEL_MAX_LINE, no NUL. */
static bool parse_text(struct parser *p, const char *text, size_t len)
{
	char line[MODEL_MAX_LINE + 2];

	for (size_t at = 0; at < len; ) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t n = (nl ? (size_t)(nl - text) : len) - at;

		p->line++;
		if (memchr(text + at, '\0', n))
			return fail(p, "a NUL byte; an api file is text");
		if (n > MODEL_MAX_LINE)
			return fail(p, "line longer than %d characters", MODEL_MAX_LINE);
		memcpy(line, text + at, n);
		line[n] = '\0';
		if (!parse_line(p, line))
			return false;
		at += n + 1;
	}
	return true;
}

bool model_init(struct api_model *m, char err[MODEL_ERROR_SIZE])
{
	struct parser p = { m, "model/kernel.api (built in)", 0, err };

	memset(m, 0, sizeof(*m));
	return parse_text(&p, builtin_model, sizeof(builtin_model) - 1);
}

bool model_read_file(struct api_model *m, const char *file, char err[MODEL_ERROR_SIZE])
{
	struct parser p = { m, file, 0, err };
	struct stat st;
	/* Not blocking: a FIFO is refused, not waited on. */
	int fd = open(file, O_RDONLY | O_NONBLOCK | O_NOCTTY);
	FILE *f = fd < 0 ? NULL : fdopen(fd, "r");
	char *text;
	size_t len;
	bool ok;

	if (!f) {
		if (fd >= 0)
			close(fd);
		return fail(&p, "cannot read the api file: %s; check the path", strerror(errno));
	}
	if (fstat(fileno(f), &st) || !S_ISREG(st.st_mode)) {
		fclose(f);
		return fail(&p, "not a regular file; name an api file");
	}
	if (st.st_size > MODEL_MAX_FILE) {
		fclose(f);
		return fail(&p, "larger than %d bytes; an api file lists functions",
			    MODEL_MAX_FILE);
	}
	text = (char *)vc_alloc(MODEL_MAX_FILE + 1);
	len = fread(text, 1, MODEL_MAX_FILE + 1, f);
	ok = !ferror(f);
	fclose(f);
	if (!ok)
		fail(&p, "cannot read the api file; check the path");
	else if (len > MODEL_MAX_FILE)
		ok = fail(&p, "larger than %d bytes; an api file lists functions",
			  MODEL_MAX_FILE);
	else
		ok = parse_text(&p, text, len);
	vc_free(text);
	return ok;
}

void model_free(struct api_model *m)
{
	vec_free(m->entries);
}

const struct api_entry *model_find(const struct api_model *m, const char *name)
{
	for (int i = m->entries.n - 1; i >= 0; i--)
		if (!strcmp(m->entries.v[i].name, name))
			return &m->entries.v[i];
	return NULL;
}

const char *model_first(const struct api_model *m, enum api_kind kind)
{
	for (int i = 0; i < m->entries.n; i++)
		if (m->entries.v[i].kind == kind)
			return m->entries.v[i].name;
	return NULL;
}

const char *model_owner_flag(const struct api_model *m)
{
	for (int i = 0; i < m->entries.n; i++)
		if (m->entries.v[i].owns_flag)
			return m->entries.v[i].owns_flag;
	return NULL;
}

void model_dump(const struct api_model *m, FILE *out)
{
	for (int i = 0; i < m->entries.n; i++) {
		const struct api_entry *e = &m->entries.v[i];

		fprintf(out, "vmapcheck: api %s %s ", kind_names[e->kind], e->name);
		for (int a = 0, sep = 0; a < 64; a++)
			if (e->args & (1UL << a))
				fprintf(out, sep++ ? ",%d" : "%d", a);
		if (e->flags_arg >= 0)
			fprintf(out, " flags=%d owns-pages=%#lx", e->flags_arg, e->owns_pages);
		if (e->owns_flag)
			fprintf(out, " owns-flag=%s", e->owns_flag);
		if (e->counted)
			fprintf(out, " counted=%s", e->counted);
		if (e->unmap)
			fprintf(out, " unmap=%s", e->unmap);
		if (e->extra_arg)
			fprintf(out, " extra-arg=%s", e->extra_arg);
		if (e->scan)
			fputs(" scan", out);
		fputc('\n', out);
	}
}
