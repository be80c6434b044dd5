import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  IdQuery,
  IdsQuery,
  KnowledgeRpc,
  LinkResourceCommand,
  PublishResourceCommand,
  SearchResourcesQuery,
  UpdateResourceCommand,
  type RpcResponse,
} from '#libs/contracts';
import { Call, RpcController, type CallContext } from '#libs/messaging';
import { ResourcesService } from './resources.service.js';

@RpcController()
export class ResourcesController {
  constructor(private readonly resources: ResourcesService) {}

  @MessagePattern(KnowledgeRpc.search)
  search(@Payload() query: SearchResourcesQuery): Promise<RpcResponse<typeof KnowledgeRpc.search>> {
    return this.resources.search(query);
  }

  @MessagePattern(KnowledgeRpc.get)
  get(@Payload() query: IdQuery): Promise<RpcResponse<typeof KnowledgeRpc.get>> {
    return this.resources.get(query.id);
  }

  @MessagePattern(KnowledgeRpc.byIds)
  byIds(@Payload() query: IdsQuery): Promise<RpcResponse<typeof KnowledgeRpc.byIds>> {
    return this.resources.byIds(query.ids);
  }

  @MessagePattern(KnowledgeRpc.byTrainingIds)
  byTrainingIds(
    @Payload() query: IdsQuery,
  ): Promise<RpcResponse<typeof KnowledgeRpc.byTrainingIds>> {
    return this.resources.byTrainingIds(query.ids);
  }

  @MessagePattern(KnowledgeRpc.byWorkStreamIds)
  byWorkStreamIds(
    @Payload() query: IdsQuery,
  ): Promise<RpcResponse<typeof KnowledgeRpc.byWorkStreamIds>> {
    return this.resources.byWorkStreamIds(query.ids);
  }

  @MessagePattern(KnowledgeRpc.byAgencyIds)
  byAgencyIds(@Payload() query: IdsQuery): Promise<RpcResponse<typeof KnowledgeRpc.byAgencyIds>> {
    return this.resources.byAgencyIds(query.ids);
  }

  @MessagePattern(KnowledgeRpc.publish)
  publish(
    @Payload() command: PublishResourceCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof KnowledgeRpc.publish>> {
    return this.resources.publish(command, call);
  }

  @MessagePattern(KnowledgeRpc.update)
  update(
    @Payload() command: UpdateResourceCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof KnowledgeRpc.update>> {
    return this.resources.update(command, call);
  }

  @MessagePattern(KnowledgeRpc.link)
  link(
    @Payload() command: LinkResourceCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof KnowledgeRpc.link>> {
    return this.resources.link(command, call);
  }

  @MessagePattern(KnowledgeRpc.unlink)
  unlink(
    @Payload() command: LinkResourceCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof KnowledgeRpc.unlink>> {
    return this.resources.unlink(command, call);
  }

  @MessagePattern(KnowledgeRpc.archive)
  archive(
    @Payload() command: IdQuery,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof KnowledgeRpc.archive>> {
    return this.resources.archive(command.id, call);
  }
}
