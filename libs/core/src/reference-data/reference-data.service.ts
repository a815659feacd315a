import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import modelProgram from '../../../database/src/reference/condatos-2024.program.json' with { type: 'json' };
import { STATES } from '../../../database/src/reference/states.data.js';
import { parseProgramDocument } from '../programs/dto/program-document.dto.js';
import { ProgramsService } from '../programs/programs.service.js';
import { StatesRepository } from '../states/states.repository.js';

// The state authorities (organismos garantes) as created under the 2015 general transparency law. Which
// body holds the role is dated data: a replacement is a new row with its own valid_from.
const AUTHORITIES_VALID_FROM = '2015-05-05';

/** Programs shipped with Rumbo (shared/domain/model-program.md), loaded through the same path as an import. */
export const SHIPPED_PROGRAMS: readonly unknown[] = [modelProgram];

/** Loads reference data at start-up: missing rows are added, rows users edited are left alone. */
@Injectable()
export class ReferenceDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReferenceDataService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly states: StatesRepository,
    private readonly programs: ProgramsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureLoaded();
  }

  private loading?: Promise<void>;

  /** Loads once per process however many start-up hooks ask (this one, the demo seeder). */
  ensureLoaded(): Promise<void> {
    this.loading ??= this.load().catch((e) => {
      this.loading = undefined;
      throw e;
    });
    return this.loading;
  }

  /** Idempotent: adds what is missing. */
  async load(): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await this.states.forTx(tx).upsertReference(
        STATES.map(({ authorityAcronym: _, ...s }) => s),
        STATES.map((s) => ({
          stateCode: s.code,
          name: `Organismo garante de transparencia de ${s.name}`,
          acronym: s.authorityAcronym,
          validFrom: AUTHORITIES_VALID_FROM,
          validTo: null,
        })),
      );
    });
    this.logger.log(`Reference data loaded (${STATES.length} states)`);
    await this.loadPrograms();
  }

  /** A shipped program is imported once, when no program has its code; an edited or replaced one is kept. */
  private async loadPrograms(): Promise<void> {
    for (const plain of SHIPPED_PROGRAMS) {
      const doc = await parseProgramDocument(plain);
      if (await this.programs.importIfAbsent(doc)) this.logger.log(`Reference program ${doc.code} loaded`);
    }
  }
}
