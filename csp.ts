/**
 * Brownout's Content-Security-Policy: the app loads scripts, styles, workers and data from its own origin
 * only, runs no inline script, and connects nowhere else. The build writes it into index.html as a meta
 * tag; hosts that can set headers should send HEADER_POLICY as well (docs/hosting.md), since browsers
 * ignore `frame-ancestors` in a meta tag.
 */
const DIRECTIVES: [string, string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  // blob: lets an export draw its own SVG onto a canvas to make the PNG (src/ui/export/rasterize.ts).
  ['img-src', "'self' blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  // Vite emits the engine worker as a file of its own; blob: covers workers it inlines.
  ['worker-src', "'self' blob:"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'none'"],
];

/** The policy in the meta tag of the built index.html. */
export const META_POLICY = DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

/**
 * The same policy for a host's `Content-Security-Policy` header, with `frame-ancestors *` so any page may
 * embed the lab (`?embed=1` in an iframe). A host that wants only its own pages to embed it replaces `*`
 * by `'self'` and the sites it trusts, e.g. `frame-ancestors 'self' https://lms.example.edu`.
 */
export const HEADER_POLICY = `${META_POLICY}; frame-ancestors *`;

/** Vite plugin: the meta tag goes into the built index.html only (the dev server needs inline scripts). */
export function contentSecurityPolicy() {
  return {
    name: 'brownout-content-security-policy',
    apply: 'build' as const,
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: META_POLICY },
        injectTo: 'head-prepend' as const,
      },
    ],
  };
}
