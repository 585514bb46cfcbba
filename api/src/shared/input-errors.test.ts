import 'reflect-metadata';
import { ArrayMaxSize, IsEnum, IsInt, IsUUID, Matches, MaxLength, MinLength, Min, validate, ValidateNested } from 'class-validator';
import { buildSchema, graphql, type GraphQLError } from 'graphql';
import { DecimalScalar } from './decimal.scalar';
import { FieldReason } from './field-errors';
import { LocalDateScalar } from './local-date.scalar';
import { validationProblems, variableProblem } from './input-errors';

/** The errors graphql-js itself raises for `variables` of a small schema with our scalars. */
async function refusals(variables: Record<string, unknown>): Promise<readonly GraphQLError[]> {
  const schema = buildSchema(`
    scalar Decimal
    scalar LocalDate
    enum Kind { GOODS SERVICE }
    input Line { productId: ID!, quantity: Decimal! }
    input Doc { date: LocalDate!, kind: Kind, days: Int, lines: [Line!]! }
    type Query { ok: Boolean }
    type Mutation { save(input: Doc!, percent: Decimal): Boolean }
  `);
  Object.assign(schema.getType('Decimal')!, { parseValue: DecimalScalar.parseValue });
  Object.assign(schema.getType('LocalDate')!, { parseValue: LocalDateScalar.parseValue });
  const result = await graphql({ schema, source: 'mutation($input: Doc!, $percent: Decimal) { save(input: $input, percent: $percent) }', variableValues: variables });
  return result.errors ?? [];
}

const line = { productId: 'p1', quantity: '2' };

describe('a variable its type refuses, as the problem of its field', () => {
  it.each([
    ['a letter typed into a line quantity', { input: { date: '2026-01-05', lines: [line, { productId: 'p2', quantity: '2x' }] } }, 'lines.1.quantity', FieldReason.NOT_A_NUMBER],
    ['a date that does not exist', { input: { date: '2026-02-30', lines: [] } }, 'date', FieldReason.NOT_A_DATE],
    ['a fraction in a whole number', { input: { date: '2026-01-05', days: 1.5, lines: [] } }, 'days', FieldReason.NOT_AN_INTEGER],
    ['a value outside the enum', { input: { date: '2026-01-05', kind: 'SOFT', lines: [] } }, 'kind', FieldReason.NOT_ONE_OF],
    ['a required field left out', { input: { date: '2026-01-05', lines: [{ productId: 'p1' }] } }, 'lines.0.quantity', FieldReason.REQUIRED],
    ['a required field sent as null', { input: { date: null, lines: [] } }, 'date', FieldReason.REQUIRED],
    ['a field the type does not have', { input: { date: '2026-01-05', lines: [], colour: 'red' } }, 'colour', FieldReason.UNKNOWN_FIELD],
    ['a scalar variable of its own', { input: { date: '2026-01-05', lines: [] }, percent: 'ten' }, 'percent', FieldReason.NOT_A_NUMBER],
  ])('%s', async (_, variables, field, reason) => {
    // when graphql-js refuses the variables
    const errors = await refusals(variables);

    // then the one refusal names the field as a form names it, with the reason
    expect(errors).toHaveLength(1);
    expect(variableProblem(errors[0])).toEqual({ field, problem: expect.objectContaining({ reason }) });
  });

  it('names every refused value of a request, each on its own field', async () => {
    const errors = await refusals({ input: { date: 'soon', lines: [{ productId: 'p1', quantity: 'a' }, { productId: 'p2', quantity: 'b' }] } });
    expect(errors.map((e) => variableProblem(e)?.field).sort()).toEqual(['date', 'lines.0.quantity', 'lines.1.quantity']);
  });

  it('keeps the scalar\'s own words as the message, whatever the value typed', async () => {
    const [error] = await refusals({ input: { date: '2026-01-05', lines: [{ productId: 'p1', quantity: 'at "input.lines[9].x"; 1' }] } });
    expect(variableProblem(error)).toEqual({ field: 'lines.0.quantity', problem: { reason: FieldReason.NOT_A_NUMBER, message: expect.stringMatching(/^Decimal must be a decimal number/) } });
  });

  it('leaves any other error alone', () => {
    expect(variableProblem({ message: 'Cannot query field "x" on type "Query".', originalError: undefined })).toBeUndefined();
  });
});

enum Kind {
  GOODS = 'GOODS',
  SERVICE = 'SERVICE',
}

class LineInput {
  @IsUUID('all')
  productId!: string;
}

class DocInput {
  @MinLength(1)
  @MaxLength(20)
  name!: string;

  @MaxLength(64)
  sku!: string;

  @Matches(/^\d{9}$/, { message: 'a BIK has 9 digits' })
  bik!: string;

  @IsEnum(Kind)
  kind!: string;

  @IsInt()
  @Min(1)
  priority!: number;

  @ArrayMaxSize(2)
  @ValidateNested()
  lines!: LineInput[];
}

describe('class-validator\'s refusals, as problems with the numbers they were declared with', () => {
  it('gives each field its reason and parameters, and the words it always had', async () => {
    // given an input breaking one constraint per field, and one of its lines
    const input = Object.assign(new DocInput(), {
      name: '',
      sku: 'x'.repeat(65),
      bik: '12345',
      kind: 'SOFT',
      priority: 0,
      lines: [Object.assign(new LineInput(), { productId: 'p1' })],
    });

    // when class-validator checks it
    const problems = validationProblems(await validate(input));

    // then every field has its reason, with the limits declared on the class
    expect(problems).toEqual({
      name: { reason: FieldReason.REQUIRED, message: 'name must be longer than or equal to 1 characters' },
      sku: { reason: FieldReason.TOO_LONG, message: 'sku must be shorter than or equal to 64 characters', params: { max: 64 } },
      bik: { reason: FieldReason.FORMAT, message: 'a BIK has 9 digits' },
      kind: { reason: FieldReason.NOT_ONE_OF, message: 'kind must be one of the following values: GOODS, SERVICE', params: { values: ['GOODS', 'SERVICE'] } },
      priority: { reason: FieldReason.AT_LEAST, message: 'priority must not be less than 1', params: { min: 1 } },
      'lines.0.productId': { reason: FieldReason.NOT_AN_ID, message: 'productId must be a UUID' },
    });
  });
});
