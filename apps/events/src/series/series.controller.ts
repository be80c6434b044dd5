import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateSeriesCommand,
  EventsRpc,
  IdQuery,
  IdsQuery,
  type RpcResponse,
} from '#libs/contracts';
import { Call, RpcController, type CallContext } from '#libs/messaging';
import { SeriesService } from './series.service.js';

@RpcController()
export class SeriesController {
  constructor(private readonly series: SeriesService) {}

  @MessagePattern(EventsRpc.getSeries)
  get(@Payload() query: IdQuery): Promise<RpcResponse<typeof EventsRpc.getSeries>> {
    return this.series.get(query.id);
  }

  @MessagePattern(EventsRpc.seriesByIds)
  byIds(@Payload() query: IdsQuery): Promise<RpcResponse<typeof EventsRpc.seriesByIds>> {
    return this.series.byIds(query.ids);
  }

  @MessagePattern(EventsRpc.createSeries)
  create(
    @Payload() command: CreateSeriesCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof EventsRpc.createSeries>> {
    return this.series.create(command, call);
  }
}
