import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('AgencyVocabulary', {
  description: 'Every agency in one compact payload, for clients that index all names at once (the bot at start-up).',
})
export class AgencyVocabularyType {
  @Field(() => Int)
  count!: number;

  @Field({
    description: 'JSON array of `[id, name, fullName, regionCode, kind, shortNames]`, one per agency, in no particular order; shortNames (the usual short forms of both names, e.g. 沭阳县发改局) is null for an agency stored before they were kept.',
  })
  agencies!: string;
}
