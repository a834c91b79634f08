// Shared by the server and the metrics contract the Status page reads, so it imports nothing from Node.

/** How requests are grouped in logs and metrics; every class exists in /metrics from the start. */
export const ROUTE_CLASSES = ['health', 'metrics', 'page', 'asset', 'file', 'invalid'] as const;
export type RouteClass = (typeof ROUTE_CLASSES)[number];

/** What the server answers to a request Node's HTTP parser refused (server.ts), by status. */
export const CLIENT_ERROR_REASONS: Readonly<Record<400 | 408 | 414 | 431 | 505, string>> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  414: 'URI Too Long',
  431: 'Request Header Fields Too Large',
  505: 'HTTP Version Not Supported',
};
