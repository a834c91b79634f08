import { describe, expect, it } from 'vitest';
import { HASHED_ASSET, rejectRequest, routeClass } from '../../src/server/security.js';
import { clientErrorStatus } from '../../src/server/server.js';

describe('rejectRequest', () => {
  it.each([
    ['GET', '/index.html', undefined],
    ['HEAD', '/assets/app.0123abcd.js?v=1', undefined],
    ['GET', '/equipment.html?states=CA,NY&year=2010-2014', undefined],
    ['POST', '/index.html', 405],
    ['GET', '/../etc/passwd', 400],
    ['GET', '/a/%2e%2e/b', 400],
    ['GET', '/a%2f..%2fb', 400],
    ['GET', '/x%00.html', 400],
    ['GET', '/x%5c..%5cy', 400],
    ['GET', '/%E0%A4%A', 400],
    ['GET', 'http://example.com/', 400],
    ['GET', '/.dash-site', 404],
    ['GET', '/assets/.env', 404],
    ['GET', '/%2egit/config', 404],
    ['GET', `/${'a'.repeat(9000)}`, 414],
    ['GET', '/a'.repeat(3000), 414],
    ['GET', `/${'s'.repeat(255)}`, undefined],
    ['GET', `/${'s'.repeat(256)}`, 414],
    ['GET', `/x/${'%C3%A9'.repeat(128)}`, 414],
    ['GET', `/${'d/'.repeat(2049)}`, 414],
  ])('%s %s → %s', (method, url, status) => {
    expect(rejectRequest(method, url)?.status).toBe(status);
  });

  it('answers request lines of HTTP versions other than 1.x (0.9, 2.0) with 505', () => {
    expect(rejectRequest('GET', '/', 0)?.status).toBe(505);
    expect(rejectRequest('GET', '/', 2)?.status).toBe(505);
    expect(rejectRequest('GET', '/', 1)).toBeUndefined();
  });
});

describe('routeClass and the hashed-asset pattern', () => {
  it('classifies paths', () => {
    expect(routeClass('/health')).toBe('health');
    expect(routeClass('/healthz')).toBe('health');
    expect(routeClass('/metrics')).toBe('metrics');
    expect(routeClass('/')).toBe('page');
    expect(routeClass('/equipment.html')).toBe('page');
    expect(routeClass('/assets/app.3f9a1c0e.js')).toBe('asset');
    expect(routeClass('/data/equipment.0123456789abcdef.json')).toBe('asset');
    expect(routeClass('/favicon.ico')).toBe('file');
  });

  it('needs 8 or more hex digits right before the extension', () => {
    expect(HASHED_ASSET.test('app.3f9a1c0e.js')).toBe(true);
    expect(HASHED_ASSET.test('app.3F9A1C0E.css')).toBe(true);
    expect(HASHED_ASSET.test('app.3f9a1c0.js')).toBe(false);
    expect(HASHED_ASSET.test('app-3f9a1c0e.js')).toBe(false);
    expect(HASHED_ASSET.test('overview.js')).toBe(false);
    expect(HASHED_ASSET.test('chunk.ABCDEFGH.js')).toBe(false);
  });
});

describe('clientErrorStatus', () => {
  it('tells a huge request line (414) from huge headers (431)', () => {
    const overflow = (raw: string): number => clientErrorStatus(Object.assign(new Error('x'), { code: 'HPE_HEADER_OVERFLOW', rawPacket: Buffer.from(raw) }));
    expect(overflow(`GET /${'a'.repeat(20_000)}`)).toBe(414);
    expect(overflow(`GET / HTTP/1.1\r\nX: ${'b'.repeat(20_000)}`)).toBe(431);
    expect(clientErrorStatus(Object.assign(new Error('x'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }))).toBe(408);
    expect(clientErrorStatus(Object.assign(new Error('x'), { code: 'HPE_INVALID_METHOD' }))).toBe(400);
  });
});
