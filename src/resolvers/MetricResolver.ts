import { Arg, Query, Resolver } from 'type-graphql';
import { METRICS, TABLE_LABELS, type MetricDef } from '../parser/catalog';
import { searchMetrics } from './cellKeys';
import { aliasesOf } from './metricAliases';
import { CellTable, MetricType } from '../schema/types';

export function toMetric(def: MetricDef): MetricType {
  return { ...def, tableLabel: TABLE_LABELS[def.table], formats: [...def.formats], aliases: aliasesOf(def.key) };
}

@Resolver(() => MetricType)
export class MetricResolver {
  @Query(() => [MetricType], { description: 'The catalog of cell keys with Chinese labels, units, formats and aliases.' })
  metrics(
    // Parameter decorators run last-to-first: this order prints `metrics(table, search)` in the SDL.
    @Arg('search', () => String, { nullable: true, description: 'Part of a key, label or alias, e.g. 采购 or procurement.' }) search?: string | null,
    @Arg('table', () => CellTable, { nullable: true }) table?: CellTable | null,
  ): MetricType[] {
    const found = search ? searchMetrics(search) : METRICS;
    return found.filter((m) => !table || m.table === table).map(toMetric);
  }
}
