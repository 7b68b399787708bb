// SPDX-License-Identifier: GPL-2.0-only
/*
 * The table of checks, the one driver that runs them, and the words of
 * their findings with the check's ID (see checks.h).
 */

#include <stdio.h>
#include <string.h>

#include "checks.h"

/*
 * In the order they run: check B reads check A's findings (a release
 * while a mapping is queued makes a list unsafe).
 */
_Static_assert(NCHECKS <= 32, "a mask of unsigned holds the disabled checks");

const struct check *const checks[NCHECKS] = {
	[CHECK_RELEASE_WHILE_MAPPED] = &check_release_while_mapped,
	[CHECK_LAZY_UNMAP_NO_FLUSH] = &check_lazy_unmap_no_flush,
};

enum check_id check_by_id(const char *id)
{
	int i = 0;

	while (i < NCHECKS && strcmp(checks[i]->id, id))
		i++;
	return (enum check_id)i;
}

bool checks_parse_list(const char *list, unsigned *disabled, char *err, size_t size)
{
	const char *p = list;

	for (;;) {
		size_t len = strcspn(p, ",");
		char id[64];
		enum check_id c;

		snprintf(id, sizeof(id), "%.*s", (int)len, p);
		c = len < sizeof(id) ? check_by_id(id) : NCHECKS;
		if (c == NCHECKS) {
			int n = snprintf(err, size, "unknown check '%.*s'; the checks are",
					 (int)len, p);

			for (int i = 0; i < NCHECKS && n >= 0 && (size_t)n < size; i++)
				n += snprintf(err + n, size - n, "%s '%s'", i ? "," : "",
					      checks[i]->id);
			return false;
		}
		*disabled |= 1u << c;
		if (!p[len])
			return true;
		p += len + 1;
	}
}

void checks_run(const struct check_run *run, unsigned disabled, finding_vec *out)
{
	int kept = 0;

	for (int i = 0; i < NCHECKS; i++)
		checks[i]->run(run, out);
	for (int i = 0; i < out->n; i++)
		if (!(disabled & (1u << out->v[i].check)))
			out->v[kept++] = out->v[i];
	out->n = kept;
}

int finding_messages(const struct finding *f, const struct api_model *model,
		     struct message *out)
{
	struct words w = message_words(model);
	const struct check *check = checks[f->check];
	int n = check->messages(f, &w, out);
	size_t len = strlen(out[0].text);

	/* The ID, as GCC names the option of a warning: "[-Wformat]". */
	snprintf(out[0].text + len, sizeof(out[0].text) - len, " [vmapcheck:%s]", check->id);
	return n;
}
