import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { STATES } from '../../../database/src/reference/states.data.js';
import { StatesRepository } from '../states/states.repository.js';

// The state authorities (organismos garantes) as created under the 2015 general transparency law. Which
// body holds the role is dated data: a replacement is a new row with its own valid_from.
const AUTHORITIES_VALID_FROM = '2015-05-05';

/** Loads reference data at start-up: missing rows are added, rows users edited are left alone. */
@Injectable()
export class ReferenceDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReferenceDataService.name);

  constructor(private readonly dataSource: DataSource, private readonly states: StatesRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.load();
  }

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
  }
}
