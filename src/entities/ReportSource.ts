import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ReportHints } from '../parser/types';
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

  /** The address the bytes came from (web ingest), or the url a manifest or --url gave for a local file. */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  url!: string | null;

  /** The wrapper page that linked to the document (「附件：…」), when the document was an attachment. */
  @Column({ name: 'page_url', type: 'varchar', length: 2000, nullable: true })
  pageUrl!: string | null;

  /** When the bytes were fetched (web ingest only). */
  @Column({ name: 'fetched_at', type: 'timestamptz', nullable: true })
  fetchedAt!: Date | null;

  /** The hints the report was parsed with (CLI flags, manifest row, page title), reused by reparse. */
  @Column({ type: 'jsonb', nullable: true })
  hints!: ReportHints | null;

  @CreateDateColumn({ name: 'ingested_at', type: 'timestamptz' })
  ingestedAt!: Date;
}
