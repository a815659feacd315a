import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Participation } from '../plans/participation.entity.js';

export const GOVERNMENT_ORDERS = ['federal', 'state', 'municipal'] as const;
export type GovernmentOrder = (typeof GOVERNMENT_ORDERS)[number];

/** An implementing institution (sujeto obligado) registered in one participation. Exits, never deleted. */
@Entity('institution')
@Unique('institution_participation_id_name_key_key', ['participationId', 'nameKey'])
@Check('institution_order_check', "order_of_government IN ('federal', 'state', 'municipal')")
@Check('institution_dates_check', 'exited_on IS NULL OR exited_on >= joined_on')
export class Institution {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  participationId: string;

  @ManyToOne(() => Participation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participation_id' })
  participation?: Participation;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  /** Lower-cased, space-folded, accent-free name: "unique by name" ignores such differences. */
  @Column({ type: 'varchar', length: 300 })
  nameKey: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  acronym: string | null;

  @Column({ type: 'varchar', length: 10 })
  orderOfGovernment: GovernmentOrder;

  @Column({ type: 'date' })
  joinedOn: string;

  @Column({ type: 'date', nullable: true })
  exitedOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
