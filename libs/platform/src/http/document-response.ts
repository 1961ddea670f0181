import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';

/** A route that answers a document rather than JSON: a printable page, a CSV report, a catalogue file. */
export function ApiDocumentResponse(
  mediaType: 'text/html' | 'text/csv' | 'text/plain' | 'application/schema+json',
  description: string,
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiProduces(mediaType),
    ApiOkResponse({
      description,
      content: { [mediaType]: { schema: { type: mediaType === 'application/schema+json' ? 'object' : 'string' } } },
    }),
  );
}
