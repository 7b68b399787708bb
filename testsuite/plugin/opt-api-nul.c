/* SPDX-License-Identifier: GPL-2.0-only */
/* A NUL byte in an api file is an error naming its line, not the end of the file. */
/* { dg-options "-fplugin-arg-vmapcheck-api=${srcdir}/nul.api" } */
/* { dg-error "vmapcheck: .*nul.api:2: a NUL byte; an api file is text" "" { target *-*-* } 0 } */
/* { dg-stderr-lines 1 } */
int opt_api_nul;
