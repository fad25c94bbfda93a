/// <reference types="astro/client" />

// For plain `tsc`: .astro files are checked by `astro check`; to tsc a component is an opaque function.
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
