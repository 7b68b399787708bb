/* SPDX-License-Identifier: GPL-2.0-only */
/* A malformed api file is one error line with the file, the line and the fix. */
/* { dg-options "-fplugin-arg-vmapcheck-api=${srcdir}/malformed.api" } */
/* { dg-error "malformed.api:3: unknown kind 'unamp'; use map, map-counted, unmap, unmap-counted, free-area" "" { target *-*-* } 0 } */
/* { dg-stderr-lines 1 } */
int opt_api_malformed;
