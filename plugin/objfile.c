// SPDX-License-Identifier: GPL-2.0-only
/*
 * Object files (see objfile.h).  Everything read is checked against the
 * size of what holds it: the merge reads whatever a build directory has,
 * and make fuzz feeds it damaged files.  Formats: the System V gABI (ELF
 * header and section headers, extended section numbering) and GNU ar
 * (long names in "//", thin archives in "!<thin>").
 */

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "objfile.h"

#define AR_MAGIC "!<arch>\n"
#define AR_THIN_MAGIC "!<thin>\n"
#define AR_MAGIC_SIZE 8
#define AR_HEADER_SIZE 60
/* Thin archives name archives that name files: a loop must end. */
#define MAX_NESTING 8

struct visit {
	const char *path;	/* what the caller named: errors about it need not name it */
	const char *name;
	section_visitor fn;
	void *arg;
	char *err;
	size_t errlen;
};

static bool damaged(struct visit *v, const char *object, const char *what)
{
	if (!strcmp(object, v->path))
		snprintf(v->err, v->errlen, "%s", what);
	else
		snprintf(v->err, v->errlen, "%s: %s", object, what);
	return false;
}

static bool is_elf(const unsigned char *p, size_t size)
{
	return size >= SELFMAG && !memcmp(p, ELFMAG, SELFMAG);
}

static bool is_archive(const unsigned char *p, size_t size, bool *thin)
{
	if (size < AR_MAGIC_SIZE)
		return false;
	*thin = !memcmp(p, AR_THIN_MAGIC, AR_MAGIC_SIZE);
	return *thin || !memcmp(p, AR_MAGIC, AR_MAGIC_SIZE);
}

bool objfile_recognised(const unsigned char *head, size_t size)
{
	bool thin;

	return is_elf(head, size) || is_archive(head, size, &thin);
}

/* ----- ELF ----- */

struct elf {
	const unsigned char *p;
	size_t size;
	bool wide, big;		/* ELFCLASS64, ELFDATA2MSB */
};

/* The N-byte field at OFF, which the caller has checked is inside. */
static uint64_t field(const struct elf *e, size_t off, int n)
{
	uint64_t v = 0;

	for (int i = 0; i < n; i++)
		v |= (uint64_t)e->p[off + (e->big ? n - 1 - i : i)] << (8 * i);
	return v;
}

/* A section header's fields: offsets for 32-bit, 64-bit objects. */
struct shdr {
	uint64_t name, type, offset, size, link;
};

static struct shdr section_header(const struct elf *e, size_t at)
{
	struct shdr s;
	int word = e->wide ? 8 : 4;

	s.name = field(e, at, 4);
	s.type = field(e, at + 4, 4);
	s.offset = field(e, at + (e->wide ? 24 : 16), word);
	s.size = field(e, at + (e->wide ? 32 : 20), word);
	s.link = field(e, at + (e->wide ? 40 : 24), 4);
	return s;
}

static bool inside(const struct elf *e, uint64_t offset, uint64_t size)
{
	return offset <= e->size && size <= e->size - offset;
}

static bool elf_sections(struct visit *v, const char *object, const unsigned char *p,
			 size_t size)
{
	struct elf e = { p, size, false, false };
	uint64_t shoff, shentsize, shnum, shstrndx;
	struct shdr strtab;

	if (size < EI_NIDENT || (p[EI_CLASS] != ELFCLASS32 && p[EI_CLASS] != ELFCLASS64) ||
	    (p[EI_DATA] != ELFDATA2LSB && p[EI_DATA] != ELFDATA2MSB))
		return damaged(v, object, "not an ELF object of a known class and byte order");
	e.wide = p[EI_CLASS] == ELFCLASS64;
	e.big = p[EI_DATA] == ELFDATA2MSB;
	if (size < (e.wide ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr)))
		return damaged(v, object, "truncated ELF header");
	shoff = field(&e, e.wide ? 0x28 : 0x20, e.wide ? 8 : 4);
	shentsize = field(&e, e.wide ? 0x3a : 0x2e, 2);
	shnum = field(&e, e.wide ? 0x3c : 0x30, 2);
	shstrndx = field(&e, e.wide ? 0x3e : 0x32, 2);
	if (!shoff)
		return true;
	if (shentsize < (e.wide ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr)) ||
	    !inside(&e, shoff, shentsize))
		return damaged(v, object, "damaged section headers");
	/* Extended numbering: the real counts are in section 0. */
	if (!shnum)
		shnum = section_header(&e, shoff).size;
	if (shstrndx == SHN_XINDEX)
		shstrndx = section_header(&e, shoff).link;
	if (shnum > (size - shoff) / shentsize || shstrndx >= shnum)
		return damaged(v, object, "damaged section headers");
	strtab = section_header(&e, shoff + shstrndx * shentsize);
	if (strtab.type == SHT_NOBITS || !inside(&e, strtab.offset, strtab.size))
		return damaged(v, object, "damaged section name table");

	size_t want = strlen(v->name) + 1;

	for (uint64_t i = 1; i < shnum; i++) {
		struct shdr s = section_header(&e, shoff + i * shentsize);

		if (s.name >= strtab.size)
			return damaged(v, object, "damaged section name");
		if (strtab.size - s.name < want ||
		    memcmp(p + strtab.offset + s.name, v->name, want) || s.type == SHT_NOBITS)
			continue;
		if (!inside(&e, s.offset, s.size))
			return damaged(v, object, "a section reaches past the end of the file");
		v->fn(object, (const char *)p + s.offset, s.size, v->arg);
	}
	return true;
}

/* ----- archives ----- */

static bool file_sections(struct visit *v, const char *path, int depth);
static bool contents_sections(struct visit *v, const char *object, const unsigned char *p,
			      size_t size, int depth);

/* The decimal number of a header field of N bytes, space-padded. */
static bool header_number(const unsigned char *f, int n, uint64_t *out)
{
	int i = 0;

	*out = 0;
	if (f[0] < '0' || f[0] > '9')
		return false;
	for (; i < n && f[i] >= '0' && f[i] <= '9'; i++) {
		if (*out > (UINT64_MAX - 9) / 10)
			return false;
		*out = *out * 10 + (f[i] - '0');
	}
	for (; i < n; i++)
		if (f[i] != ' ')
			return false;
	return true;
}

/*
 * The member's name into NAME: "name/" in the header, or "/N", the name at
 * offset N of the long-name table ("name/\n" entries, names that may hold
 * '/' themselves, as a thin archive's paths do).  False if damaged.
 */
static bool member_name(const unsigned char *h, const unsigned char *names, size_t nnames,
			char *name, size_t len)
{
	const unsigned char *s = h;
	size_t n = 0;
	uint64_t off;

	if (h[0] == '/') {
		/* The offset ends at the first non-digit, as binutils reads
		   it: Kbuild's thin built-in.a has names like "/80   ...  /". */
		off = 0;
		for (int i = 1; i < 16 && h[i] >= '0' && h[i] <= '9' && off < nnames; i++)
			off = off * 10 + (h[i] - '0');
		if (h[1] < '0' || h[1] > '9' || !names || off >= nnames)
			return false;
		s = names + off;
		while (n < nnames - off && s[n] != '\n')
			n++;
		if (n && s[n - 1] == '/')
			n--;
	} else {
		while (n < 16 && s[n] != '/')
			n++;
		while (n && s[n - 1] == ' ')
			n--;
	}
	if (!n || n >= len || memchr(s, '\0', n))
		return false;
	memcpy(name, s, n);
	name[n] = '\0';
	return true;
}

static bool archive_sections(struct visit *v, const char *path, const unsigned char *p,
			     size_t size, bool thin, int depth)
{
	const unsigned char *names = NULL;
	size_t nnames = 0, pos = AR_MAGIC_SIZE;

	while (pos < size) {
		const unsigned char *h = p + pos;
		char name[4096], object[8192];
		uint64_t msize;
		bool special, ok;

		if (size - pos < AR_HEADER_SIZE || h[58] != '`' || h[59] != '\n' ||
		    !header_number(h + 48, 10, &msize))
			return damaged(v, path, "damaged archive member header");
		pos += AR_HEADER_SIZE;
		/* The symbol table and the long names: data even in a thin archive. */
		special = h[0] == '/' && (h[1] == ' ' || h[1] == '/' || !memcmp(h, "/SYM64/", 7));
		if ((!thin || special) && msize > size - pos)
			return damaged(v, path, "an archive member reaches past the end of the file");
		if (special) {
			if (h[1] == '/' && h[2] == ' ') {
				names = p + pos;
				nnames = msize;
			}
			pos += msize + (msize & 1);
			continue;
		}
		if (!member_name(h, names, nnames, name, sizeof(name)))
			return damaged(v, path, "damaged archive member name");
		if (thin) {
			/* A member is a file named relative to the archive. */
			const char *slash = strrchr(path, '/');
			int dir = name[0] == '/' || !slash ? 0 : (int)(slash - path + 1);

			snprintf(object, sizeof(object), "%.*s%s", dir, path, name);
			ok = file_sections(v, object, depth + 1);
		} else {
			snprintf(object, sizeof(object), "%s(%s)", path, name);
			ok = contents_sections(v, object, p + pos, msize, depth + 1);
			pos += msize + (msize & 1);
		}
		if (!ok)
			return false;
	}
	return true;
}

/* The sections of P, an object or an archive; other contents have none. */
static bool contents_sections(struct visit *v, const char *object, const unsigned char *p,
			      size_t size, int depth)
{
	bool thin;

	if (depth > MAX_NESTING)
		return damaged(v, object, "archives nested too deep (a loop?)");
	if (is_elf(p, size))
		return elf_sections(v, object, p, size);
	if (is_archive(p, size, &thin))
		return archive_sections(v, object, p, size, thin, depth);
	return true;
}

static bool unreadable(struct visit *v, const char *path, int fd)
{
	char what[128];

	snprintf(what, sizeof(what), "cannot read it: %s", strerror(errno));
	if (fd >= 0)
		close(fd);
	return damaged(v, path, what);
}

static bool file_sections(struct visit *v, const char *path, int depth)
{
	struct stat st;
	void *p = NULL;
	bool ok;
	/* Not blocking: a FIFO is refused, not waited on. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY);

	if (fd < 0 || fstat(fd, &st))
		return unreadable(v, path, fd);
	if (!S_ISREG(st.st_mode) || st.st_size > OBJFILE_MAX_SIZE) {
		close(fd);
		return damaged(v, path, S_ISREG(st.st_mode) ? "too large for an object" :
			       "not a regular file");
	}
	if (st.st_size) {
		p = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (p == MAP_FAILED)
			return unreadable(v, path, fd);
	}
	close(fd);
	ok = contents_sections(v, path, (const unsigned char *)p, st.st_size, depth);
	if (p)
		munmap(p, st.st_size);
	return ok;
}

bool objfile_sections(const char *path, const char *name, section_visitor visit, void *arg,
		      char *err, size_t errlen)
{
	struct visit v = { path, name, visit, arg, err, errlen };

	return file_sections(&v, path, 0);
}
