/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Object files, for vmapcheck-merge: the contents of one named section of
 * every ELF object in a file that is an object (of either class and byte
 * order), an ar archive, or a thin archive (as Kbuild's built-in.a),
 * whose members are files named relative to it.
 */
#ifndef VMAPCHECK_OBJFILE_H
#define VMAPCHECK_OBJFILE_H

#include <stdbool.h>
#include <stddef.h>

/* The largest object or archive read. */
#define OBJFILE_MAX_SIZE (4L << 30)

/* Whether the first SIZE bytes of a file, HEAD, start an object or archive. */
bool objfile_recognised(const unsigned char *head, size_t size);

/*
 * Called with each section found: OBJECT names the object ("a.a(b.o)" for
 * an archive member).
 */
typedef void (*section_visitor)(const char *object, const char *data, size_t size, void *arg);

/*
 * Visit the sections NAME of the objects in PATH.  False, with the reason
 * in ERR, when PATH or a member of it cannot be read or is damaged; the
 * sections visited before stay visited.
 */
bool objfile_sections(const char *path, const char *name, section_visitor visit, void *arg,
		      char *err, size_t errlen);

#endif
