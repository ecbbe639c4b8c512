/// <reference path="../.astro/types.d.ts" />

declare namespace App {
  interface Locals {
    /** The site the Host header names; null on the platform host and on API routes. */
    tenant: import('./lib/server/tenancy/resolve-tenant').Tenant | null;
    /** True on PUBLIC_PLATFORM_HOST, which serves /admin and the platform home. */
    isPlatformHost: boolean;
    /**
     * Set by an article page: cache tags of what it shows (see content/article-dependencies.ts), so an article
     * change drops only the pages that show it. Unset: the page depends on the site's whole article set.
     */
    pageTags?: readonly string[];
  }
}

/** The minified tracker script, produced at build time by build/minified-tracker.mjs. */
declare module 'virtual:spark-tracker' {
  const code: string;
  export default code;
}

/** Static images under public/brand that have build-time variants (build/responsive-images.mjs); empty in dev. */
declare module 'virtual:spark-static-images' {
  const images: Readonly<Record<string, import('./components/images/responsive-image').StaticImage>>;
  export default images;
}
