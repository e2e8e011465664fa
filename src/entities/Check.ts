import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Report } from './Report';

const numeric = {
  to: (v: number | null) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/** The result of one consistency rule (勾稽关系) on one report. */
@Entity({ name: 'checks' })
@Index('idx_checks_report', ['reportId'])
export class Check {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => Report, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_checks_report' })
  report?: Report;

  @Column({ type: 'varchar', length: 40 })
  rule!: string;

  @Column({ type: 'varchar', length: 60 })
  scope!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', array: true })
  keys!: string[];

  /** null when a cell the rule needs is missing. */
  @Column({ type: 'boolean', nullable: true })
  passed!: boolean | null;

  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  left!: number | null;

  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  right!: number | null;
}
