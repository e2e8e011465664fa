import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AgencyKind } from '../parser/types';
import { Region } from './Region';

/** The issuing agency of reports: one row per (region, short name), or per full name when the region is unknown. */
@Entity({ name: 'agencies' })
@Index('idx_agencies_name_trgm', { synchronize: false })
@Check('chk_agencies_kind', `"kind" IN ('government', 'department', 'zone', 'street_office')`)
export class Agency {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** `${regionCode}:${name}` when the region is known, `?:${fullName}` otherwise. */
  @Index('uq_agencies_identity', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  identity!: string;

  /** Short name, e.g. 白土镇. */
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'full_name', type: 'varchar', length: 200 })
  fullName!: string;

  /** government, department, zone (a zone's 管委会) or street_office, as the parser reads the name. */
  @Column({ type: 'varchar', length: 20, default: 'government' })
  kind!: AgencyKind;

  @Index('idx_agencies_region')
  @Column({ name: 'region_code', type: 'varchar', length: 12, nullable: true })
  regionCode!: string | null;

  @ManyToOne(() => Region, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'fk_agencies_region' })
  region?: Region | null;

  /** Candidate regions (codes) when the report text could not decide. */
  @Column({ name: 'region_candidates', type: 'text', array: true, default: () => "'{}'" })
  regionCandidates!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
