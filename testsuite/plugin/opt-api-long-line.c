/* SPDX-License-Identifier: GPL-2.0-only */
/* An overlong line in an api file is an error naming it. */
/* { dg-options "-fplugin-arg-vmapcheck-api=${srcdir}/long-line.api" } */
/* { dg-error "vmapcheck: .*long-line.api:2: line longer than 1024 characters" "" { target *-*-* } 0 } */
/* { dg-stderr-lines 1 } */
int opt_api_long_line;
