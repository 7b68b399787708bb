/* SPDX-License-Identifier: GPL-2.0-only */
/* Kernel-like coherent DMA API for vmapcheck's test cases. */
#ifndef _TEST_LINUX_DMA_MAPPING_H
#define _TEST_LINUX_DMA_MAPPING_H

#include <linux/types.h>

struct device;
typedef u64 dma_addr_t;

void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *handle, gfp_t gfp);
void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr, dma_addr_t handle);

#endif
