// SPDX-License-Identifier: GPL-2.0-only
/*
 * The kernel API model and its text format.
 *
 * One entry a line:   KIND FUNCTION ARG [flags=N owns-pages=MASK]
 * ARG is the index (from 0) of the argument the entry is about.  '#' starts
 * a comment.  The built-in model below uses the same format, so a user's
 * api file reads like it and can override any entry by naming the function
 * again.  Semantics: shared/DOMAIN.md section 2, docs/vmapcheck.1.
 */

#include "api.h"

static const char builtin_model[] =
	"# kind         function                    arg options\n"
	"map            vmap                        0   flags=2 owns-pages=0x200\n"
	"map            vm_map_ram                  0\n"
	"map-counted    vmap_pages                  0\n"
	"unmap          vunmap                      0\n"
	"free-area      vfree                       0\n"
	"free-area      kvfree                      0\n"
	"unmap          vm_unmap_ram                0\n"
	"unmap          vunmap_pages                0\n"
	"release        put_page                    0\n"
	"release        __free_pages                0\n"
	"release        free_pages                  0\n"
	"release        folio_put                   0\n"
	"release        unpin_user_page             0\n"
	"release        put_user_page               0\n"
	"release        page_cache_release          0\n"
	"release-array  release_pages               0\n"
	"release-array  unpin_user_pages            0\n"
	"release-array  unpin_user_pages_dirty_lock 0\n"
	"release-array  put_user_pages              0\n"
	"release-array  put_user_pages_dirty_lock   0\n"
	"alias          _compound_head              0\n"
	"alias          compound_head               0\n"
	"errtest        IS_ERR                      0\n"
	"errtest        IS_ERR_OR_NULL              0\n"
	"hook           register_vmap_purge_notifier 0\n"
	"hook           register_oom_notifier       0\n"
	"hook           register_shrinker           0\n"
	"hook           shrinker_register           0\n"
	"hook           cpuhp_setup_state           2,3\n"
	"hook           cpuhp_setup_state_nocalls   2,3\n"
	"fill           pin_user_pages_fast         3\n"
	"fill           get_user_pages_fast         3\n"
	"fill           pin_user_pages              3\n"
	"fill           get_user_pages              3\n"
	"fill           pin_user_pages_unlocked     3\n"
	"fill           get_user_pages_unlocked     3\n"
	"fill           pin_user_pages_remote       4\n"
	"fill           get_user_pages_remote       4\n"
	"fill           alloc_pages_bulk_array      2\n"
	"fill           __alloc_pages_bulk          5\n";

static const char *const kind_names[] = {
	[API_MAP] = "map",
	[API_MAP_COUNTED] = "map-counted",
	[API_UNMAP] = "unmap",
	[API_FREE_AREA] = "free-area",
	[API_RELEASE] = "release",
	[API_RELEASE_ARRAY] = "release-array",
	[API_DEFER] = "defer",
	[API_ALIAS] = "alias",
	[API_ERRTEST] = "errtest",
	[API_HOOK] = "hook",
	[API_FILL] = "fill",
};

static vec<api_entry> entries;
/* Identifier node of a function name -> index in entries. */
static hash_map<tree, int> *by_identifier;

const char *api_kind_name(enum api_kind kind)
{
	return kind_names[kind];
}

static bool parse_kind(const char *word, enum api_kind *kind)
{
	for (unsigned i = 0; i < ARRAY_SIZE(kind_names); i++) {
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

/* ARG: "N", or for a hook "N,M,...": the first in *FIRST, all in *MASK. */
static bool parse_args(char *arg, bool list, int *first, unsigned long *mask)
{
	unsigned long v;

	*mask = 0;
	for (char *w = strtok(arg, ","), *first_w = w; w; w = strtok(NULL, ",")) {
		if (!parse_number(w, &v) || v > 63 || (w != first_w && !list))
			return false;
		if (!*mask)
			*first = v;
		*mask |= 1UL << v;
	}
	return *mask != 0;
}

/* Parse one line; report a problem as "ORIGIN:LINE: ..." and return false. */
static bool parse_line(char *line, const char *origin, int lineno)
{
	struct api_entry e;
	char *words[5];
	int n = 0;
	unsigned long v;

	memset(&e, 0, sizeof(e));
	e.flags_arg = -1;

	*strchrnul(line, '#') = '\0';
	for (char *w = strtok(line, " \t\r\n"); w; w = strtok(NULL, " \t\r\n")) {
		if (n == ARRAY_SIZE(words)) {
			error("%s:%d: too many words; expected "
			      "%<KIND FUNCTION ARG [flags=N owns-pages=MASK]%>",
			      origin, lineno);
			return false;
		}
		words[n++] = w;
	}
	if (!n)
		return true;
	if (n < 3) {
		error("%s:%d: expected %<KIND FUNCTION ARG%>, for example "
		      "%<unmap my_vunmap 0%>",
		      origin, lineno);
		return false;
	}
	if (!parse_kind(words[0], &e.kind)) {
		error("%s:%d: unknown kind %qs; use map, map-counted, unmap, "
		      "free-area, release, release-array, defer, alias, errtest, hook or fill",
		      origin, lineno, words[0]);
		return false;
	}
	if (!parse_args(words[2], e.kind == API_HOOK, &e.arg, &e.hook_args)) {
		error("%s:%d: argument index %qs is not a number from 0 to 63%s",
		      origin, lineno, words[2],
		      e.kind == API_HOOK ? " or a list of them (2,3)" : "");
		return false;
	}
	for (int i = 3; i < n; i++) {
		const char *eq = strchr(words[i], '=');

		if (e.kind != API_MAP || !eq || !parse_number(eq + 1, &v)) {
			error("%s:%d: unexpected %qs; only %<map%> entries take "
			      "%<flags=N%> and %<owns-pages=MASK%>", origin, lineno, words[i]);
			return false;
		}
		if (!strncmp(words[i], "flags=", 6) && v <= 64) {
			e.flags_arg = v;
		} else if (!strncmp(words[i], "owns-pages=", 11)) {
			e.owns_pages = v;
		} else {
			error("%s:%d: unknown option %qs; only %<flags=N%> and "
			      "%<owns-pages=MASK%> are known", origin, lineno, words[i]);
			return false;
		}
	}
	if (e.owns_pages && e.flags_arg < 0) {
		error("%s:%d: %<owns-pages=MASK%> needs %<flags=N%>, "
		      "the index of the flags argument",
		      origin, lineno);
		return false;
	}
	e.name = xstrdup(words[1]);
	entries.safe_push(e);
	return true;
}

static bool parse_text(char *text, const char *origin)
{
	int lineno = 0;
	char *next;

	for (char *line = text; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (!parse_line(line, origin, ++lineno))
			return false;
	}
	return true;
}

bool api_init(const char *file)
{
	char *text = xstrdup(builtin_model);
	bool ok = parse_text(text, "<built-in model>");

	free(text);
	if (!ok || !file)
		return ok;

	FILE *f = fopen(file, "r");
	if (!f) {
		error("vmapcheck: cannot read api file %qs: %s; check the path "
		      "given with %<-fplugin-arg-vmapcheck-api%>", file,
		      xstrerror(errno));
		return false;
	}
	size_t size = 0, len = 0;
	text = NULL;
	for (;;) {
		if (len + 4096 > size) {
			size = 2 * size + 4096;
			text = XRESIZEVEC(char, text, size);
		}
		size_t got = fread(text + len, 1, size - len - 1, f);
		if (!got)
			break;
		len += got;
	}
	text[len] = '\0';
	ok = !ferror(f);
	fclose(f);
	if (!ok)
		error("vmapcheck: cannot read api file %qs; check the path given "
		      "with %<-fplugin-arg-vmapcheck-api%>", file);
	else
		ok = parse_text(text, file);
	free(text);
	return ok;
}

bool api_bind_identifiers(void)
{
	bool useful = false;

	by_identifier = new hash_map<tree, int>;
	for (unsigned i = 0; i < entries.length(); i++) {
		tree id = maybe_get_identifier(entries[i].name);

		if (!id)
			continue;
		/* Later entries (the user's) override earlier ones. */
		by_identifier->put(id, i);
		if (entries[i].kind == API_MAP || entries[i].kind == API_UNMAP)
			useful = true;
	}
	return useful;
}

const struct api_entry *api_lookup(tree fndecl)
{
	if (!fndecl || !DECL_NAME(fndecl))
		return NULL;
	int *i = by_identifier->get(DECL_NAME(fndecl));
	return i ? &entries[*i] : NULL;
}

void api_dump(FILE *out)
{
	for (unsigned i = 0; i < entries.length(); i++) {
		const struct api_entry *e = &entries[i];

		fprintf(out, "vmapcheck: api %s %s ", kind_names[e->kind], e->name);
		for (int a = 0, sep = 0; a < 64; a++)
			if (e->hook_args & (1UL << a))
				fprintf(out, sep++ ? ",%d" : "%d", a);
		if (e->flags_arg >= 0)
			fprintf(out, " flags=%d owns-pages=%#lx", e->flags_arg,
				e->owns_pages);
		fputc('\n', out);
	}
}
