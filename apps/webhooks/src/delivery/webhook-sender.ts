import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { isNonPublicAddress } from './address-policy.js';

export interface SendResult {
  statusCode: number | null;
  error: string | null;
  latencyMs: number;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * Resolves like dns.lookup but keeps only public addresses: the check happens on the address
 * the socket really connects to, so a name that resolves (or re-resolves) to a private
 * address cannot slip through between a check and the request.
 */
function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback) {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const usable = addresses.filter((entry) => !isNonPublicAddress(entry.address));
    if (usable.length === 0) {
      const refused = Object.assign(
        new Error(`${hostname} resolves only to non-public addresses`),
        { code: 'ENONPUBLIC' },
      );
      return callback(refused, []);
    }
    if (options.all) return callback(null, usable);
    const [first] = usable;
    return callback(null, first?.address ?? '', first?.family);
  });
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/** POSTs one signed webhook and reports the answer's status, or why there was none. */
export class WebhookSender {
  constructor(
    private readonly timeoutMs: number,
    private readonly allowPrivate: boolean,
  ) {}

  send(url: string, headers: Record<string, string>, body: string): Promise<SendResult> {
    const target = new URL(url);
    const host = target.hostname.replace(/^\[|\]$/g, '');
    // A literal IP is never looked up, so it is checked here.
    if (!this.allowPrivate && isIP(host) && isNonPublicAddress(host)) {
      return Promise.resolve({
        statusCode: null,
        error: `${host} is not a public address`,
        latencyMs: 0,
      });
    }
    const started = performance.now();
    return new Promise((resolve) => {
      let settled = false;
      // Called from the request's events only, never before `timer` below is set.
      const finish = (statusCode: number | null, error: string | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ statusCode, error, latencyMs: Math.round(performance.now() - started) });
      };
      const transport = target.protocol === 'https:' ? https : http;
      const request = transport.request(
        target,
        {
          method: 'POST',
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'user-agent': 'Convene-Webhooks/1.0',
          },
          lookup: this.allowPrivate ? undefined : publicOnlyLookup,
        },
        (response) => {
          finish(response.statusCode ?? null, null);
          response.resume(); // the body is not needed; reading it frees the socket
        },
      );
      const timer = setTimeout(
        () => request.destroy(new Error(`no answer within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
      request.on('error', (error) => finish(null, describe(error)));
      request.end(body);
    });
  }
}
