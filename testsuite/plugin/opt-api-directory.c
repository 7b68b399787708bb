/* SPDX-License-Identifier: GPL-2.0-only */
/* A directory named as api file is one error line with the reason. */
/* { dg-options "-fplugin-arg-vmapcheck-api=${srcdir}" } */
/* { dg-error "vmapcheck: .*plugin: not a regular file; name an api file" "" { target *-*-* } 0 } */
/* { dg-stderr-lines 1 } */
int opt_api_directory;
