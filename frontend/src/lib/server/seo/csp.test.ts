import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, inlineScriptHashes, withInlineScriptHashes } from './csp.js';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('tenant content security policy', () => {
  it('allows scripts only from the site and the https origins its globals list', () => {
    const policy = contentSecurityPolicy([
      'https://plausible.io',
      'http://insecure.example',
      'https://x.io/path',
    ]);
    expect(policy).toContain("script-src 'self' https://plausible.io;");
    expect(policy).not.toContain('insecure.example');
    expect(policy).not.toContain('x.io');
    expect(policy).toContain("object-src 'none'");
  });

  it('hashes executable inline scripts and skips external and data scripts', () => {
    const html =
      '<script>boot()</script><script type="module">go()</script><script src="/a.js"></script>' +
      '<script type="application/ld+json">{"a":1}</script>';
    expect(inlineScriptHashes(html)).toEqual([sha('boot()'), sha('go()')]);
  });

  it('appends the hashes to script-src only', () => {
    const policy = withInlineScriptHashes("script-src 'self'; object-src 'none'", ["'sha256-x'"]);
    expect(policy).toBe("script-src 'self' 'sha256-x'; object-src 'none'");
  });
});
