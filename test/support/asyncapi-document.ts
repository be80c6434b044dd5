import {
  fromFile,
  Parser,
  type AsyncAPIDocumentInterface,
  type Diagnostic,
} from '@asyncapi/parser';

/** The AsyncAPI document of the domain events, kept beside the contracts that define them. */
export const ASYNCAPI_PATH = new URL('../../libs/contracts/asyncapi.yaml', import.meta.url)
  .pathname;

export interface ParsedAsyncApi {
  document: AsyncAPIDocumentInterface | undefined;
  diagnostics: Diagnostic[];
}

export async function parseAsyncApi(): Promise<ParsedAsyncApi> {
  const { document, diagnostics } = await fromFile(new Parser(), ASYNCAPI_PATH).parse();
  return { document, diagnostics };
}

/** Each channel's address (the event type and NATS subject) with its message's payload schema, refs resolved. */
export function payloadSchemas(document: AsyncAPIDocumentInterface): Map<string, object> {
  const schemas = new Map<string, object>();
  for (const channel of document.channels().all()) {
    const address = channel.address();
    const [message, ...others] = channel.messages().all();
    if (!address || !message || others.length > 0) {
      throw new Error(`channel ${channel.id()} must have an address and exactly one message`);
    }
    const payload = message.payload();
    if (!payload) throw new Error(`the message of ${address} has no payload`);
    schemas.set(address, payload.json() as object);
  }
  return schemas;
}
