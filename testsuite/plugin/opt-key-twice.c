/* SPDX-License-Identifier: GPL-2.0-only */
/* A key given twice is an error: the second api= must not hide the first. */
/* { dg-options "-fplugin-arg-vmapcheck-api=${srcdir}/test.api -fplugin-arg-vmapcheck-api=${srcdir}/test.api" } */
/* { dg-error "'-fplugin-arg-vmapcheck-api' is given twice; give it once" "" { target *-*-* } 0 } */
/* { dg-stderr-lines 1 } */
int opt_key_twice;
