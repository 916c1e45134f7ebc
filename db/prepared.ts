// Hot queries whose shape never changes: built and compiled by Kysely once per process, sent as named statements
// (parsed and planned once per connection), with only their values bound on each run (ADR 027).
import {
  DummyDriver,
  Kysely,
  OperationNodeTransformer,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  ValueListNode,
  ValueNode,
  type Compilable,
  type CompiledQuery,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PrimitiveValueListNode,
  type RawBuilder,
  type RootOperationNode,
} from 'kysely';
import { kyselyPlugins, nameStatement } from './client';
import type { Database } from './schema';

/** Stands for one value of a prepared query while it is built; never reaches the database. */
class Placeholder {
  constructor(readonly key: string) {}
  // Used as text or JSON while building, a placeholder would be baked into the SQL as "[object Object]": refuse.
  [Symbol.toPrimitive](): never {
    throw new Error(`prepared query value ${this.key} used as text while building: bind it as a value`);
  }
  toJSON(): never {
    return this[Symbol.toPrimitive]();
  }
}

/** A constant of the query text (a number, string, boolean or null the code wrote), safe to write as a literal. */
const isConstant = (value: unknown): value is string | number | boolean | bigint | null =>
  value === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof value);

/**
 * Writes the query's own constants (`limit 1`, `status in ('submitted', …)`, a topic) into its text as literals, so
 * only the run's values remain parameters. A generic plan knows the constants as a custom plan does; left as parameters,
 * PostgreSQL judged its generic plan of the submit's application read worse than a custom one (unknown status list
 * and limit) and planned it anew on every run. The constants come from the code, never from a run (a run's values are
 * placeholders here); Kysely quotes strings as literals.
 */
class InlineConstants extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    return !node.immediate && isConstant(node.value) ? ValueNode.createImmediate(node.value) : node;
  }
  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    if (!node.values.every(isConstant)) return node;
    // A list of literals is a value list of immediate values: the same `(…)` in SQL, where it may stand.
    return ValueListNode.create(node.values.map((value) => ValueNode.createImmediate(value))) as unknown as PrimitiveValueListNode;
  }
}
const inlineConstants: KyselyPlugin = {
  transformQuery: ({ node }: PluginTransformQueryArgs): RootOperationNode => new InlineConstants().transformNode(node),
  transformResult: async ({ result }) => result,
};

// Builds and compiles like a handle made by createDb (same dialect and plugins), without a connection.
const compiler = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
  plugins: [...kyselyPlugins(), inlineConstants],
});

/** Where each of the compiled query's parameters comes from: a value of the run, or a constant of the query. */
type Slot = { key: string } | { constant: unknown };

export type PreparedQuery<Values, Row> = {
  readonly name: string;
  readonly sql: string;
  /** Runs on `db` (a transaction, usually) with these values; rows as Kysely would give them (camelCase). */
  execute(db: Kysely<Database>, values: Values): Promise<Row[]>;
  executeTakeFirst(db: Kysely<Database>, values: Values): Promise<Row | undefined>;
};

/**
 * A query built once: `build` gets the values as placeholders (typed as the values, so the builder type-checks as
 * usual) and must hand each one to Kysely as a value (`where(col, '=', v.x)`, `set({ col: v.x })`, `eb.val(v.x)`,
 * `sql\`…${v.x}…\``; the whole query may be one `sql\`…\`` too), never look at it in JavaScript: the query's text
 * cannot depend on a run's values. Kysely's own shortcuts that do are therefore not taken: `where(col, '=', v.x)`
 * stays `= $n` even when the value is null.
 *
 * Each query's text is registered under `name` (unique) and sent as a named statement on every connection
 * (db/client.ts). Use it for the few statements on a hot path, defined at module level — not for queries whose text
 * varies (an `in` list of a run's values, optional filters): those stay ordinary Kysely queries.
 */
export function preparedQuery<Values extends Record<string, unknown>, Row>(
  name: string,
  build: (db: Kysely<Database>, values: Values) => Compilable<Row> | RawBuilder<Row>,
): PreparedQuery<Values, Row> {
  const used = new Set<string>();
  const values = new Proxy({} as Values, {
    get(_target, key) {
      if (typeof key !== 'string') return undefined;
      used.add(key);
      return new Placeholder(key);
    },
  });
  const built = build(compiler, values);
  // A query builder compiles itself; SQL written with `sql\`…\`` compiles with the handle's dialect and plugins.
  const compiled: CompiledQuery<Row> = 'isRawBuilder' in built ? built.compile(compiler) : built.compile();
  const slots: Slot[] = compiled.parameters.map((p) => (p instanceof Placeholder ? { key: p.key } : { constant: p }));
  for (const key of used) {
    if (!slots.some((slot) => 'key' in slot && slot.key === key)) throw new Error(`prepared query ${name}: value ${key} is not bound`);
  }
  nameStatement(compiled.sql, name);

  const run = (db: Kysely<Database>, runValues: Values) =>
    db.executeQuery<Row>({
      query: compiled.query,
      queryId: compiled.queryId,
      sql: compiled.sql,
      parameters: slots.map((slot) => ('key' in slot ? runValues[slot.key] : slot.constant)),
    });
  return {
    name,
    sql: compiled.sql,
    execute: async (db, runValues) => (await run(db, runValues)).rows,
    executeTakeFirst: async (db, runValues) => (await run(db, runValues)).rows[0],
  };
}
