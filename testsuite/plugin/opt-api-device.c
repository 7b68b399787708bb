/* SPDX-License-Identifier: GPL-2.0-only */
/* A device as api file is refused at once, not read without end. */
/* { dg-options "-fplugin-arg-vmapcheck-api=/dev/zero" } */
/* { dg-error "vmapcheck: /dev/zero: not a regular file; name an api file" "" { target *-*-* } 0 } */
/* { dg-stderr-lines 1 } */
int opt_api_device;
