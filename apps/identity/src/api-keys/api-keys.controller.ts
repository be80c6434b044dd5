import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateApiKeyCommand,
  IdentityRpc,
  ListApiKeysQuery,
  RevokeApiKeyCommand,
  VerifyApiKeyQuery,
  type RpcResponse,
} from '#libs/contracts';
import { Call, RpcController, type CallContext } from '#libs/messaging';
import { ApiKeysService } from './api-keys.service.js';

@RpcController()
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @MessagePattern(IdentityRpc.listApiKeys)
  list(
    @Payload() query: ListApiKeysQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof IdentityRpc.listApiKeys>> {
    return this.keys.list(query, call);
  }

  @MessagePattern(IdentityRpc.createApiKey)
  create(
    @Payload() command: CreateApiKeyCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof IdentityRpc.createApiKey>> {
    return this.keys.create(command, call);
  }

  @MessagePattern(IdentityRpc.revokeApiKey)
  revoke(
    @Payload() command: RevokeApiKeyCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof IdentityRpc.revokeApiKey>> {
    return this.keys.revoke(command, call);
  }

  @MessagePattern(IdentityRpc.verifyApiKey)
  verify(
    @Payload() query: VerifyApiKeyQuery,
  ): Promise<RpcResponse<typeof IdentityRpc.verifyApiKey>> {
    return this.keys.verify(query.key);
  }
}
