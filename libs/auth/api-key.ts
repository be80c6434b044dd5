import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An API key is `cvk_<id>_<secret>`: the id (a UUID without dashes) finds the stored key, the
 * secret (32 random bytes, base64url) is only ever stored as its SHA-256 hash.
 */
const API_KEY = /^cvk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export interface ParsedApiKey {
  id: string;
  secret: string;
}

export function isApiKey(token: string): boolean {
  return token.startsWith('cvk_');
}

export function parseApiKey(key: string): ParsedApiKey | undefined {
  const match = API_KEY.exec(key);
  if (!match) return undefined;
  const hex = match[1] as string;
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { id, secret: match[2] as string };
}

/** A new key for a stored key id: the key to show once and the hash to store. */
export function generateApiKey(id: string): { key: string; secretHash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { key: `cvk_${id.replaceAll('-', '')}_${secret}`, secretHash: hashApiKeySecret(secret) };
}

export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares in constant time, so the answer's timing tells nothing about the stored hash. */
export function apiKeySecretMatches(secret: string, storedHash: string): boolean {
  const offered = Buffer.from(hashApiKeySecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return offered.length === stored.length && timingSafeEqual(offered, stored);
}
