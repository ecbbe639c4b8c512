import { describe, expect, it } from 'vitest';
import { pageContext, storablePageUrl } from './page-url.js';

const hosts = ['alpha.localhost', 'alpharoofing.localhost'];

describe('pageContext', () => {
  it('derives path, UTM tags and the referrer host, dropping the fragment', () => {
    const context = pageContext(
      'http://alpha.localhost:4321/roofs?utm_source=news&utm_medium=email#top',
      'https://www.google.com/search?q=roof',
      hosts,
    );
    expect(context).toMatchObject({
      url: 'http://alpha.localhost:4321/roofs?utm_source=news&utm_medium=email',
      path: '/roofs',
      referrer_host: 'google.com',
      utm_source: 'news',
      utm_medium: 'email',
      utm_campaign: null,
    });
  });

  it('treats a referral from the site itself (or an alias, or www.) as direct', () => {
    expect(
      pageContext('http://alpha.localhost/', 'http://www.alpharoofing.localhost/a', hosts)?.referrer_host,
    ).toBeNull();
  });

  it('rejects pages of other hosts and non-http URLs', () => {
    expect(pageContext('http://beta.localhost/', null, hosts)).toBeNull();
    expect(pageContext('javascript:alert(1)', null, hosts)).toBeNull();
    expect(pageContext('not a url', null, hosts)).toBeNull();
  });
});

describe('personal data in page URLs', () => {
  it('keeps only campaign tags and click ids of the query, and no fragment', () => {
    const page = pageContext(
      'https://alpha.example/contact?full_name=Ada+Lovelace&email=ada%40example.com&utm_source=google&gclid=abc#form',
      null,
      ['alpha.example'],
    );
    expect(page?.url).toBe('https://alpha.example/contact?utm_source=google&gclid=abc');
    expect(page?.utm_source).toBe('google');
  });

  it('drops a query that holds nothing but form fields entirely', () => {
    expect(storablePageUrl('https://alpha.example/contact?email=a%40b.c&phone=555')).toBe(
      'https://alpha.example/contact',
    );
    expect(storablePageUrl('javascript:alert(1)')).toBeNull();
  });
});
