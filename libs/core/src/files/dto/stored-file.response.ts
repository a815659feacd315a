import { ApiProperty } from '@nestjs/swagger';
import type { StoredFile } from '../stored-file.entity.js';

export class StoredFileResponse {
  @ApiProperty({ format: 'uuid', description: 'Use it as `fileId` of a `document` evidence in a report of the same state' }) id: string;
  @ApiProperty({ example: 'oficio-designacion.pdf' }) name: string;
  @ApiProperty({ example: 'application/pdf', description: 'Decided from the content, not from the client' }) contentType: string;
  @ApiProperty({ example: 48213, description: 'Bytes' }) size: number;
  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' }) sha256: string;
}

export function toStoredFileResponse(f: StoredFile): StoredFileResponse {
  return { id: f.id, name: f.name, contentType: f.contentType, size: f.size, sha256: f.sha256 };
}
