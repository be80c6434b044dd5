import {
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

export class GatewayConfig extends NatsConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 4000;

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
