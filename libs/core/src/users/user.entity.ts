import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { Role } from '../../../platform/src/auth/roles.js';
import { State } from '../states/state.entity.js';

@Entity('app_user')
@Unique('app_user_email_key', ['email'])
@Check('app_user_role_check', "role IN ('admin', 'coordinator', 'state_officer', 'reviewer')")
@Check('app_user_state_scope_check', "(role = 'state_officer') = (state_code IS NOT NULL)")
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased, so uniqueness ignores case. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @Column({ type: 'char', length: 2, nullable: true })
  stateCode: string | null;

  @ManyToOne(() => State, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code' })
  state?: State;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
