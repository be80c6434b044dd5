import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { NatsConfig, Secret } from '#libs/config';

/**
 * "true"/"false" (or 1/0) from the environment; anything else fails IsBoolean. Reads the raw
 * text: implicit conversion would already have made "false" true.
 */
function parseBoolean({ obj, key }: { obj: Record<string, unknown>; key: string }): unknown {
  const value = obj[key];
  if (value === 'true' || value === '1' || value === true) return true;
  if (value === 'false' || value === '0' || value === false) return false;
  return value;
}

/**
 * The gateway's settings. The query limits leave room for the real workloads, as the limit
 * rules measure them (their specs pin these numbers): the README's example query costs 1,918,
 * the benchmark's 50 trainings with sessions, assignments, agencies and people 17,453, the N+1
 * test's work streams × trainings × assignments × people 34,642 at depth 8; GraphiQL's
 * introspection query is 15 deep (introspection counts like any other field).
 */
export class GatewayConfig extends NatsConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 4000;

  /** `production` switches introspection and "Did you mean…" suggestions off. */
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  /** Overrides NODE_ENV for introspection, suggestions and the GraphiQL page. */
  @IsOptional()
  @Transform(parseBoolean)
  @IsBoolean()
  GRAPHQL_INTROSPECTION?: boolean;

  /** Deepest field nesting an operation may have. */
  @IsInt()
  @Min(2)
  @Max(100)
  QUERY_MAX_DEPTH: number = 20;

  /** Aliased fields per operation, fragments included. */
  @IsInt()
  @Min(0)
  @Max(10_000)
  QUERY_MAX_ALIASES: number = 30;

  /** Estimated fields resolved: each list multiplies its selection by `first`/`last` or the default size. */
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  QUERY_MAX_COST: number = 50_000;

  /** The size the cost rule assumes for a list without `first`/`last` (sessions, people…). */
  @IsInt()
  @Min(1)
  @Max(1000)
  QUERY_DEFAULT_LIST_SIZE: number = 10;

  /** Lexical tokens a document may have; bounds the work of parsing and validating it. */
  @IsInt()
  @Min(1000)
  @Max(1_000_000)
  QUERY_MAX_TOKENS: number = 50_000;

  /** Largest JSON body accepted, in bytes. */
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  HTTP_BODY_LIMIT_BYTES: number = 1024 * 1024;

  /** How long a GraphQL request may run before it is answered with REQUEST_TIMEOUT. */
  @IsInt()
  @Min(100)
  @Max(600_000)
  REQUEST_TIMEOUT_MS: number = 10_000;

  /** Requests a caller may make at once before the refill rate applies (the bucket's size). */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RATE_LIMIT_BURST: number = 200;

  /** Requests per second a caller regains, up to the burst. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RATE_LIMIT_PER_SECOND: number = 50;

  /** Callers remembered at once; the least recently seen is forgotten first. */
  @IsInt()
  @Min(100)
  @Max(10_000_000)
  RATE_LIMIT_MAX_CALLERS: number = 100_000;

  /** Proxies in front of the gateway whose X-Forwarded-For is trusted for the client IP. */
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY_HOPS: number = 0;

  /** How many of the newest domain events a subscription's `after` id is looked for in. */
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  SUBSCRIPTION_RESUME_WINDOW: number = 100_000;

  /** HS256 secret of bearer JWTs (local use); needed unless AUTH_JWKS_URL is set. */
  @Secret()
  @ValidateIf(
    (config: GatewayConfig) => !config.AUTH_JWKS_URL || config.AUTH_JWT_SECRET !== undefined,
  )
  @IsString({ message: 'set AUTH_JWT_SECRET (HS256) or AUTH_JWKS_URL (RS256), or both' })
  @MinLength(32, { message: 'AUTH_JWT_SECRET must have at least 32 characters' })
  AUTH_JWT_SECRET?: string;

  /** JWKS of an OIDC provider: RS256 bearer JWTs are verified against its keys. */
  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'AUTH_JWKS_URL must be an http(s) URL' },
  )
  AUTH_JWKS_URL?: string;

  /** The `iss` every token must carry. */
  @IsString()
  @MinLength(1)
  AUTH_ISSUER: string = 'convene-dev';

  /** The `aud` every token must carry. */
  @IsString()
  @MinLength(1)
  AUTH_AUDIENCE: string = 'convene';

  /** Prefix of Convene's custom claims, e.g. `https://convene.example/` for an OIDC provider. */
  @IsString()
  AUTH_CLAIMS_NAMESPACE: string = '';

  /** How long a verified (or refused) API key is remembered: the longest a revocation takes to bite. */
  @IsInt()
  @Min(0)
  @Max(300)
  API_KEY_CACHE_SECONDS: number = 30;
}

/** Introspection, suggestions and GraphiQL: on in development, off in production unless overridden. */
export function isSchemaDiscoverable(config: GatewayConfig): boolean {
  return config.GRAPHQL_INTROSPECTION ?? config.NODE_ENV !== 'production';
}
