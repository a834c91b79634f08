import { describe, expect, it } from 'vitest';
import { metricName } from '../../../site/lib/metric-names.js';

describe('metricName', () => {
  it('reads every counter and histogram dash serve records as words, with its unit', () => {
    expect(metricName('http_response_bytes_total{route=asset}')).toEqual({ key: 'http_response_bytes_total{route=asset}', label: 'Bytes sent · assets', unit: 'bytes' });
    expect(metricName('http_requests_total{route=page,status=200}').label).toBe('Requests · pages · HTTP 200');
    expect(metricName('http_requests_total{route=invalid,status=400}').label).toBe('Requests · invalid requests · HTTP 400');
    expect(metricName('http_client_errors_total{status=431}').label).toBe('Malformed requests refused · HTTP 431');
    expect(metricName('cache_hits')).toEqual({ key: 'cache_hits', label: 'Cache hits (304 revalidations)', unit: 'count' });
    expect(metricName('errors_total').label).toBe('Server errors (500)');
    expect(metricName('http_request_duration_seconds{route=health}')).toEqual({ key: 'http_request_duration_seconds{route=health}', label: 'Response time · /health', unit: 'seconds' });
  });

  it('gives a metric it does not know a readable name rather than none', () => {
    expect(metricName('worker_restarts_total{reason=crash}').label).toBe('Worker restarts · reason crash');
  });
});
