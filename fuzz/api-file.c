// SPDX-License-Identifier: GPL-2.0-only
/*
 * The api-file parser on one input, for afl++ (make fuzz) and for the
 * regression corpus of make check: the built-in model, then FILE read as
 * a user's api file, then every lookup the plugin and the rules' tables
 * make of it.
 *
 * Usage: api-file FILE.  Exit status 0 if FILE is a valid api file, 2
 * (and one line on stderr) if it is rejected; anything else is a bug.
 */

#include <stdio.h>

#include "model.h"

int main(int argc, char **argv)
{
	struct api_model m;
	char err[MODEL_ERROR_SIZE];
	FILE *null = fopen("/dev/null", "w");
	int status = 0;

	if (argc != 2 || !null) {
		fputs("usage: api-file FILE\n", stderr);
		return 64;
	}
	if (!model_init(&m, err) || !model_read_file(&m, argv[1], err)) {
		fprintf(stderr, "api-file: %s\n", err);
		status = 2;
	} else {
		for (int i = 0; i < m.entries.n; i++)
			model_find(&m, m.entries.v[i].name);
		for (int k = 0; k < API_NKINDS; k++)
			model_first(&m, (enum api_kind)k);
		model_owner_flag(&m);
		model_dump(&m, null);
	}
	model_free(&m);
	fclose(null);
	return status;
}
