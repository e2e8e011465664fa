import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Agency } from './Agency';

/**
 * An ingested file, kept verbatim. Every file ever ingested for an (agency, year) stays here (history);
 * the report points at the current one.
 */
@Entity({ name: 'report_sources' })
@Index('idx_report_sources_agency_year', ['agencyId', 'year'])
export class ReportSource {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_report_sources_sha256', { unique: true })
  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'file_name', type: 'varchar', length: 500 })
  fileName!: string;

  /** Detected encoding of the original bytes (utf-8, utf-16le, gb18030, docx…). */
  @Column({ type: 'varchar', length: 20 })
  encoding!: string;

  @Column({ type: 'bytea' })
  content!: Buffer;

  @Column({ name: 'agency_id', type: 'uuid', nullable: true })
  agencyId!: string | null;

  @ManyToOne(() => Agency, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'fk_report_sources_agency' })
  agency?: Agency | null;

  @Column({ type: 'int', nullable: true })
  year!: number | null;

  @CreateDateColumn({ name: 'ingested_at', type: 'timestamptz' })
  ingestedAt!: Date;
}
