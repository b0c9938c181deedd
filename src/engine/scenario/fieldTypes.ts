import * as z from 'zod';

/** The scenario schema's field kinds: each has its range, its default and the sentence the docs show. */
export const int = (min: number, max: number, fallback: number, text: string) =>
  z.number().int().min(min).max(max).default(fallback).describe(text);
export const num = (min: number, max: number, fallback: number, text: string) =>
  z.number().min(min).max(max).default(fallback).describe(text);
export const flag = (fallback: boolean, text: string) => z.boolean().default(fallback).describe(text);
