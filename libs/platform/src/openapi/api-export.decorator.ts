import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { EXPORT_MEDIA_TYPES, type ExportFormat } from '../tables/export-file.js';

const mediaType = (f: ExportFormat) => EXPORT_MEDIA_TYPES[f].split(';')[0];

/** A route that answers a file in one of `formats` (chosen by the `format` query parameter), as an attachment. */
export function ApiExport(formats: readonly ExportFormat[], description: string) {
  return applyDecorators(
    ApiProduces(...formats.map(mediaType)),
    ApiOkResponse({
      description: `${description}. An attachment (Content-Disposition) in the format asked for: ${formats.join(', ')}`,
      content: Object.fromEntries(formats.map((f) => [mediaType(f), { schema: f === 'csv' ? { type: 'string' } : { type: 'string', format: 'binary' } }])),
    }),
  );
}
