import { Arg, Query, Resolver } from 'type-graphql';
import { METRICS, TABLE_LABELS, type MetricDef } from '../parser/catalog';
import { CellTable, MetricType } from '../schema/types';

export function toMetric(def: MetricDef): MetricType {
  return { ...def, tableLabel: TABLE_LABELS[def.table], formats: [...def.formats], aliases: [...def.aliases] };
}

@Resolver(() => MetricType)
export class MetricResolver {
  @Query(() => [MetricType], { description: 'The catalog of cell keys with Chinese labels, units, formats and aliases.' })
  metrics(@Arg('table', () => CellTable, { nullable: true }) table?: CellTable | null): MetricType[] {
    return METRICS.filter((m) => !table || m.table === table).map(toMetric);
  }
}
