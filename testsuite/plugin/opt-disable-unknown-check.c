/* SPDX-License-Identifier: GPL-2.0-only */
/* disable= with an ID that is no check is one error line naming the checks. */
/* { dg-options "-fplugin-arg-vmapcheck-disable=lazy-unmap-no-flush,release-while-maped" } */
/* { dg-error "-fplugin-arg-vmapcheck-disable=lazy-unmap-no-flush,release-while-maped': unknown check 'release-while-maped'; the checks are 'release-while-mapped', 'lazy-unmap-no-flush'" "" { target *-*-* } 0 } */
/* { dg-stderr-lines 1 } */
int opt_disable_unknown_check;
