import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Report } from './Report';

@Entity({ name: 'sections' })
@Index('uq_sections_report_kind', ['reportId', 'kind'], { unique: true })
@Index('idx_sections_search', { synchronize: false })
export class Section {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => Report, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_sections_report' })
  report?: Report;

  /** overview | active | requests | appeals | problems | other */
  @Column({ type: 'varchar', length: 10 })
  kind!: string;

  @Column({ type: 'smallint' })
  ordinal!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  text!: string;

  /** The text cut into words (Intl.Segmenter, zh) and joined by spaces: Chinese full-text search without a PG extension. */
  @Column({ name: 'search_words', type: 'text' })
  searchWords!: string;
}
