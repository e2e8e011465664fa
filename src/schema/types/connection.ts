import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { PageInfo } from './common';

/** Counts lazily: `totalCount` costs a query only when a client asks for it. */
export type CountFn = () => Promise<number>;

export interface EdgeShape<T> {
  cursor: string;
  node: T;
}

/**
 * A Relay connection over node type `T` (type-graphql generic type). `totalCount` is a method so that the count
 * runs only when selected.
 */
export function Connection<T extends object>(nodeType: ClassType<T>) {
  const name = nodeType.name.replace(/Type$/, '');

  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType()
  abstract class ConnectionBase {
    @Field(() => [Edge])
    edges!: EdgeShape<T>[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    count!: CountFn;

    @Field(() => Int, { description: 'Number of nodes matching the filter, over all pages.' })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  return ConnectionBase;
}
