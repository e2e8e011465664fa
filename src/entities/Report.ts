import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Agency } from './Agency';
import { ReportSource } from './ReportSource';

/** The current report of an agency for a statistics year. */
@Entity({ name: 'reports' })
@Index('uq_reports_agency_year', ['agencyId', 'year'], { unique: true })
@Index('idx_reports_year_region', ['year', 'regionCode'])
export class Report {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @ManyToOne(() => Agency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'fk_reports_agency' })
  agency?: Agency;

  /** Copied from the agency so that region-scoped lists need no join (prefix match on the code). */
  @Column({ name: 'region_code', type: 'varchar', length: 12, nullable: true })
  regionCode!: string | null;

  @Column({ type: 'int' })
  year!: number;

  /** '2019' | '2021', null for a report without the standard tables. */
  @Column({ type: 'varchar', length: 4, nullable: true })
  format!: string | null;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ name: 'published_at', type: 'date', nullable: true })
  publishedAt!: string | null;

  @Column({ name: 'source_id', type: 'uuid' })
  sourceId!: string;

  @ManyToOne(() => ReportSource, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_id', foreignKeyConstraintName: 'fk_reports_source' })
  source?: ReportSource;

  @Column({ name: 'parser_version', type: 'varchar', length: 20 })
  parserVersion!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  contact!: Record<string, string>;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  warnings!: { code: string; message: string; line?: number; key?: string }[];

  @Column({ name: 'missing_cells', type: 'text', array: true, default: () => "'{}'" })
  missingCells!: string[];

  // Sections, cells and checks point here (ManyToOne) without an inverse side: nothing navigates it, and the inverse
  // made the entity files import each other.

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
