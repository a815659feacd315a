import { Injectable } from '@nestjs/common';
import { ParticipationsService } from '../plans/participations.service.js';
import { toEmailMessageResponse, type EmailMessagePageResponse, type EmailMessageQueryDto } from './dto/email-message.dto.js';
import { EmailMessagesRepository } from './email-messages.repository.js';

/** The record of the program's emails, for the coordination (the route's roles are its access rule). */
@Injectable()
export class EmailLogService {
  constructor(
    private readonly participationsService: ParticipationsService,
    private readonly messages: EmailMessagesRepository,
  ) {}

  async list(programIdOrCode: string, q: EmailMessageQueryDto): Promise<EmailMessagePageResponse> {
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    const [items, total] = await this.messages.findPage({ programId: program.id, kind: q.kind, status: q.status, limit: q.limit ?? 50, offset: q.offset ?? 0 });
    return { total, items: items.map(toEmailMessageResponse) };
  }
}
