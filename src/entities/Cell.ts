import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Report } from './Report';

const numeric = {
  to: (v: number | null) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

/**
 * One table cell under its canonical key. year, region_code and agency_id are copied from the report so that
 * national rankings and aggregates over one key are a single index range scan, with no join.
 */
@Entity({ name: 'cells' })
@Index('uq_cells_report_key', ['reportId', 'key'], { unique: true })
@Index('idx_cells_key_region', { synchronize: false })
export class Cell {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => Report, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_cells_report' })
  report?: Report;

  @Column({ type: 'varchar', length: 64 })
  key!: string;

  @Column({ name: 'table_id', type: 'varchar', length: 10 })
  tableId!: string;

  @Column({ name: 'row_id', type: 'varchar', length: 40 })
  rowId!: string;

  @Column({ name: 'col_id', type: 'varchar', length: 20 })
  colId!: string;

  @Column({ type: 'text' })
  raw!: string;

  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  value!: number | null;

  @Column({ type: 'varchar', length: 2 })
  unit!: string;

  @Column({ type: 'int', nullable: true })
  line!: number | null;

  @Column({ type: 'int' })
  year!: number;

  @Column({ name: 'region_code', type: 'varchar', length: 12, nullable: true })
  regionCode!: string | null;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;
}
