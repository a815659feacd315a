import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { StoredFile } from '../files/stored-file.entity.js';
import type { EvidenceKind } from '../programs/activity.entity.js';
import { Report } from './report.entity.js';

/** One piece of evidence of a report: a stored document, a link, or a published dataset. Append-only, like its report. */
@Entity('evidence')
@Unique('evidence_report_id_position_key', ['reportId', 'position'])
@Index('evidence_file_id_idx', ['fileId'])
@Check('evidence_kind_check', "kind IN ('document', 'url', 'dataset')")
@Check('evidence_target_check', "(kind = 'document' AND file_id IS NOT NULL AND url IS NULL) OR (kind <> 'document' AND url IS NOT NULL AND file_id IS NULL)")
@Check('evidence_high_value_check', "kind = 'dataset' OR NOT high_value")
@Check('evidence_format_code_check', "kind = 'document' OR format_code IS NULL")
export class Evidence {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  reportId: string;

  @ManyToOne(() => Report, (r) => r.evidence, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_id' })
  report?: Report;

  /** Order within the report, as posted. */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 10 })
  kind: EvidenceKind;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** http(s) link, for `url` and `dataset`. */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  url: string | null;

  /** The uploaded file, for `document`. */
  @Column({ type: 'uuid', nullable: true })
  fileId: string | null;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_id' })
  file?: StoredFile | null;

  /** Datos de alto valor (datasets only). */
  @Column({ type: 'boolean', default: false })
  highValue: boolean;

  @Column({ type: 'varchar', length: 60, nullable: true })
  format: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  licence: string | null;

  /** The activity format (its code) this document is the filled copy of; documents only. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  formatCode: string | null;
}
