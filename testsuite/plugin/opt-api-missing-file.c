/* SPDX-License-Identifier: GPL-2.0-only */
/* An unreadable api file is one error line with the reason. */
/* { dg-options "-fplugin-arg-vmapcheck-api=${srcdir}/no-such.api" } */
/* { dg-error "vmapcheck: .*no-such.api: cannot read the api file: No such file or directory; check the path" "" { target *-*-* } 0 } */
/* { dg-stderr-lines 1 } */
int opt_api_missing_file;
