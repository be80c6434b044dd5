import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddPersonCommand,
  AgencyRpc,
  PeopleByAgencyIdsQuery,
  PeopleByIdsQuery,
  RemovePersonCommand,
  UpdatePersonCommand,
  type RpcResponse,
} from '#libs/contracts';
import { Call, RpcController, type CallContext } from '#libs/messaging';
import { PeopleService } from './people.service.js';

@RpcController()
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @MessagePattern(AgencyRpc.peopleByAgencyIds)
  byAgencyIds(
    @Payload() query: PeopleByAgencyIdsQuery,
  ): Promise<RpcResponse<typeof AgencyRpc.peopleByAgencyIds>> {
    return this.people.byAgencyIds(query.agencyIds);
  }

  @MessagePattern(AgencyRpc.peopleByIds)
  byIds(@Payload() query: PeopleByIdsQuery): Promise<RpcResponse<typeof AgencyRpc.peopleByIds>> {
    return this.people.byIds(query.ids);
  }

  @MessagePattern(AgencyRpc.addPerson)
  add(
    @Payload() command: AddPersonCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof AgencyRpc.addPerson>> {
    return this.people.add(command, call);
  }

  @MessagePattern(AgencyRpc.updatePerson)
  update(
    @Payload() command: UpdatePersonCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof AgencyRpc.updatePerson>> {
    return this.people.update(command, call);
  }

  @MessagePattern(AgencyRpc.removePerson)
  remove(
    @Payload() command: RemovePersonCommand,
    @Call() call: CallContext,
  ): Promise<RpcResponse<typeof AgencyRpc.removePerson>> {
    return this.people.remove(command, call);
  }
}
