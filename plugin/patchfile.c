// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fix patches read into replacements (see patchfile.h).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "patchfile.h"

static char *copy(const char *s, size_t n)
{
	char *c = (char *)vc_alloc(n + 1);

	memcpy(c, s, n);
	return c;
}

static void append(char **text, size_t *len, const char *s, size_t n)
{
	*text = (char *)realloc(*text, *len + n + 1);
	if (!*text) {
		fputs("vmapcheck: out of memory\n", stderr);
		exit(2);
	}
	memcpy(*text + *len, s, n);
	*len += n;
	(*text)[*len] = '\0';
}

/* The replacement being built: a run of - and + lines. */
struct run {
	bool open;
	struct replacement r;
	size_t len;
};

static void run_end(struct run *run, struct file_change *fc)
{
	if (!run->open)
		return;
	if (!run->r.inserted)
		append(&run->r.inserted, &run->len, "", 0);
	vec_push(fc->replacements, run->r);
	memset(run, 0, sizeof(*run));
}

/* A line number or count of a hunk header: at most 8 digits, so that
   sums of them stay far from overflow. */
static bool hunk_number(const char **s, int *v)
{
	int digits = 0;

	*v = 0;
	while (**s >= '0' && **s <= '9' && digits++ < 8)
		*v = *v * 10 + (*(*s)++ - '0');
	return digits > 0 && digits <= 8;
}

/* "@@ -OLD[,COUNT] +NEW[,COUNT] @@" (a count left out is 1). */
static bool hunk_header(const char *line, int *old_first, int *old_count, int *new_first,
			int *new_count)
{
	const char *s = line + 4;

	*old_count = *new_count = 1;
	if (!hunk_number(&s, old_first) || (*s == ',' && (s++, !hunk_number(&s, old_count))))
		return false;
	if (strncmp(s, " +", 2))
		return false;
	s += 2;
	if (!hunk_number(&s, new_first) || (*s == ',' && (s++, !hunk_number(&s, new_count))))
		return false;
	return !strncmp(s, " @@", 3);
}

bool patch_read(const char *path, struct fix_patch *p, char *err, size_t size)
{
	FILE *f = fopen(path, "re");
	const char *name;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	struct file_change *fc = NULL;
	struct run run = { 0 };
	int old_line = 0, old_left = 0, new_left = 0;
	bool ok = true;

	memset(p, 0, sizeof(*p));
	if (!f) {
		snprintf(err, size, "cannot read it");
		return false;
	}
	name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	p->name = copy(name, strlen(name));
	while (ok && (n = getline(&line, &cap, f)) > 0) {
		if (old_left > 0 || new_left > 0) {
			/* Inside a hunk. */
			if (line[0] == '\\')
				continue;
			if (line[0] == ' ' || line[0] == '\n') {
				run_end(&run, fc);
				old_line++;
				old_left--;
				new_left--;
				continue;
			}
			if (line[0] != '-' && line[0] != '+') {
				snprintf(err, size, "a hunk ends early");
				ok = false;
				break;
			}
			if (!run.open) {
				run.open = true;
				run.r.first = old_line;
			}
			if (line[0] == '-') {
				run.r.deleted++;
				old_line++;
				old_left--;
			} else {
				append(&run.r.inserted, &run.len, line + 1, n - 1);
				new_left--;
			}
			continue;
		}
		run_end(&run, fc);
		if (!p->subject && !strncmp(line, "Subject: ", 9)) {
			const char *s = line + 9;

			if (*s == '[' && strchr(s, ']'))
				s = strchr(s, ']') + 1 + (strchr(s, ']')[1] == ' ');
			p->subject = copy(s, strcspn(s, "\n"));
		} else if (!strncmp(line, "+++ ", 4)) {
			const char *s = line + 4;
			struct file_change c = { NULL, { NULL, 0, 0 } };

			if (!strncmp(s, "b/", 2))
				s += 2;
			c.path = copy(s, strcspn(s, "\t\n"));
			vec_push(p->files, c);
			fc = &vec_last(p->files);
		} else if (!strncmp(line, "@@ -", 4)) {
			int old_count, new_first, new_count;

			if (!fc || !hunk_header(line, &old_line, &old_count, &new_first,
						&new_count)) {
				snprintf(err, size, fc ? "a damaged hunk header" :
					 "a hunk before its file's '+++' line");
				ok = false;
				break;
			}
			/* An empty old side ("-0,0", "-5,0") inserts after its line. */
			if (!old_count)
				old_line++;
			old_left = old_count;
			new_left = new_count;
		}
	}
	run_end(&run, fc);
	if (ok && (old_left > 0 || new_left > 0)) {
		snprintf(err, size, "the last hunk is cut short");
		ok = false;
	}
	if (ok && !p->files.n) {
		snprintf(err, size, "no file changes in it; a fix patch is a unified diff");
		ok = false;
	}
	free(line);
	fclose(f);
	if (!ok)
		patch_free(p);
	return ok;
}

void patch_free(struct fix_patch *p)
{
	for (int i = 0; i < p->files.n; i++) {
		for (int k = 0; k < p->files.v[i].replacements.n; k++)
			free(p->files.v[i].replacements.v[k].inserted);
		vec_free(p->files.v[i].replacements);
		vc_free(p->files.v[i].path);
	}
	vec_free(p->files);
	vc_free(p->name);
	vc_free(p->subject);
	memset(p, 0, sizeof(*p));
}
