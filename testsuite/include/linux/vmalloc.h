/* SPDX-License-Identifier: GPL-2.0-only */
/* Kernel-like vmap API for vmapcheck's test cases (6.12 shapes). */
#ifndef _TEST_LINUX_VMALLOC_H
#define _TEST_LINUX_VMALLOC_H

#include <linux/mm.h>

#define VM_IOREMAP		0x00000001
#define VM_ALLOC		0x00000002
#define VM_MAP			0x00000004
#define VM_MAP_PUT_PAGES	0x00000200

void *vmap(struct page **pages, unsigned int count, unsigned long flags,
	   pgprot_t prot);
void vunmap(const void *addr);
void *vm_map_ram(struct page **pages, unsigned int count, int node);
struct page *vmalloc_to_page(const void *addr);
void vm_unmap_ram(const void *mem, unsigned int count);
void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void vfree(const void *addr);
void vfree_atomic(const void *addr);
void vm_unmap_aliases(void);

/* The refcounted vmap of kernel-fixes/. */
void *vmap_pages(struct page **pages, unsigned int count, unsigned long flags,
		 pgprot_t prot, gfp_t gfp_mask);
void vunmap_pages(const void *addr);

#include <linux/notifier.h>
int register_vmap_purge_notifier(struct notifier_block *nb);
int unregister_vmap_purge_notifier(struct notifier_block *nb);

#endif
