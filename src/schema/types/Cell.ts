import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { NodeInterface } from './Node';
import { CellTable } from './common';
import type { Cell } from '../../entities';

@ObjectType('Cell', { implements: NodeInterface, description: 'One table cell under its canonical key (table.row.col).' })
// The entity's columns it exposes, checked by the compiler: a column that changes type cannot drift from the graph.
export class CellType implements Pick<Cell, 'id' | 'key' | 'tableId' | 'rowId' | 'colId' | 'raw' | 'value' | 'unit' | 'line' | 'year' | 'reportId'> {
  @Field(() => ID)
  id!: string;

  @Field()
  key!: string;

  @Field(() => CellTable, { name: 'table' })
  tableId!: string;

  @Field({ name: 'row' })
  rowId!: string;

  @Field({ name: 'col' })
  colId!: string;

  @Field({ description: 'The cell text as written, e.g. 115838元.' })
  raw!: string;

  @Field(() => Float, { nullable: true, description: 'The number (money in 元); null for a blank, /, — or 无 cell.' })
  value!: number | null;

  @Field({ description: '件, 项 or 元.' })
  unit!: string;

  @Field(() => Int, { nullable: true, description: 'Line of the source where the cell was read.' })
  line!: number | null;

  @Field(() => Int)
  year!: number;

  reportId!: string;
}
