import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One of the 32 federal entities (INEGI code `01`–`32`); fixed reference data. */
@Entity('state')
export class State {
  @PrimaryColumn({ type: 'char', length: 2 })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 120 })
  shortName: string;

  @Column({ type: 'varchar', length: 20 })
  abbreviation: string;

  @Column({ type: 'varchar', length: 10 })
  isoCode: string;
}
