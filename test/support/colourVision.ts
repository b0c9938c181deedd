/**
 * Colour-vision deficiency, simulated: Machado, Oliveira and Fernandes (2009) matrices at full severity,
 * applied in linear RGB; and the CIE76 difference of two colours in CIELAB (D65), with its lightness part.
 */
export type Rgb = readonly [number, number, number];
export type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';

const MATRICES: Record<Exclude<Vision, 'normal'>, readonly number[]> = {
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
  tritanopia: [1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039],
};

const toLinear = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** The colour as seen with `vision`, in linear RGB 0..1. */
export function seen(rgb: Rgb, vision: Vision): Rgb {
  const lin = rgb.map(toLinear) as unknown as Rgb;
  if (vision === 'normal') return lin;
  const m = MATRICES[vision];
  return [0, 1, 2].map((r) =>
    clamp01(m[r * 3] * lin[0] + m[r * 3 + 1] * lin[1] + m[r * 3 + 2] * lin[2]),
  ) as unknown as Rgb;
}

/** Linear RGB 0..1 to CIELAB (D65 white). */
export function lab([r, g, b]: Rgb): Rgb {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** How far apart two colours look with `vision`: the whole CIE76 difference and its lightness part. */
export function difference(a: Rgb, b: Rgb, vision: Vision): { deltaE: number; deltaL: number } {
  const [la, aa, ba] = lab(seen(a, vision));
  const [lb, ab, bb] = lab(seen(b, vision));
  return { deltaE: Math.hypot(la - lb, aa - ab, ba - bb), deltaL: Math.abs(la - lb) };
}

export const parse = (hex: string): Rgb => {
  const n = parseInt(hex.replace('#', ''), 16);
  return [n >> 16, (n >> 8) & 255, n & 255];
};
