import {
  AliasNode,
  BinaryOperationNode,
  ColumnNode,
  IdentifierNode,
  OnNode,
  OperationNodeTransformer,
  OperatorNode,
  ReferenceNode,
  TableNode,
  ValueNode,
  WhereNode,
  type DeleteQueryNode,
  type JoinNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type SelectQueryNode,
  type UnknownRow,
  type UpdateQueryNode,
} from 'kysely';
import { TENANT_TABLES } from './tenant-tables.js';

/** The name a query refers to a table by (its alias, or its own name), when it is a tenant table. */
function tenantReference(node: OperationNode): string | null {
  let table: OperationNode = node;
  let alias: string | null = null;
  if (AliasNode.is(node)) {
    table = node.node;
    if (IdentifierNode.is(node.alias)) alias = node.alias.name;
  }
  if (!TableNode.is(table)) return null;
  const name = table.table.identifier.name;
  return TENANT_TABLES.has(name) ? (alias ?? name) : null;
}

/**
 * Adds `<table>.org_id = <organization>` for every tenant table a query builder reads, locks,
 * updates or deletes from: in the WHERE clause for the tables in FROM, in the ON clause of a
 * joined one (so that an outer join keeps its meaning). Row-level security stays the wall; this
 * is a second layer beneath it, and the condition a distributed database needs to send a query
 * to one shard. SQL written by hand (`sql` templates) names its organization itself, and a test
 * of every statement the API sends holds both to it.
 */
class OrganizationPinner extends OperationNodeTransformer {
  readonly #orgId: string;

  constructor(orgId: string) {
    super();
    this.#orgId = orgId;
  }

  #condition(reference: string): OperationNode {
    return BinaryOperationNode.create(
      ReferenceNode.create(ColumnNode.create('org_id'), TableNode.create(reference)),
      OperatorNode.create('='),
      ValueNode.create(this.#orgId),
    );
  }

  #where(where: WhereNode | undefined, tables: readonly OperationNode[]): WhereNode | undefined {
    let result = where;
    for (const table of tables) {
      const reference = tenantReference(table);
      if (!reference) continue;
      const condition = this.#condition(reference);
      result = result
        ? WhereNode.cloneWithOperation(result, 'And', condition)
        : WhereNode.create(condition);
    }
    return result;
  }

  #joins(joins: readonly JoinNode[] | undefined): readonly JoinNode[] | undefined {
    return joins?.map((join) => {
      const reference = tenantReference(join.table);
      if (!reference || !join.on) return join;
      return { ...join, on: OnNode.cloneWithOperation(join.on, 'And', this.#condition(reference)) };
    });
  }

  protected override transformSelectQuery(node: SelectQueryNode): SelectQueryNode {
    const transformed = super.transformSelectQuery(node);
    return {
      ...transformed,
      joins: this.#joins(transformed.joins),
      where: this.#where(transformed.where, transformed.from?.froms ?? []),
    };
  }

  protected override transformUpdateQuery(node: UpdateQueryNode): UpdateQueryNode {
    const transformed = super.transformUpdateQuery(node);
    return {
      ...transformed,
      joins: this.#joins(transformed.joins),
      where: this.#where(transformed.where, [
        ...(transformed.table ? [transformed.table] : []),
        ...(transformed.from?.froms ?? []),
      ]),
    };
  }

  protected override transformDeleteQuery(node: DeleteQueryNode): DeleteQueryNode {
    const transformed = super.transformDeleteQuery(node);
    return {
      ...transformed,
      joins: this.#joins(transformed.joins),
      where: this.#where(transformed.where, [
        ...transformed.from.froms,
        ...(transformed.using?.tables ?? []),
      ]),
    };
  }
}

/** The Kysely plugin that pins every query of a unit of work to its organization. */
export class PinOrganization implements KyselyPlugin {
  readonly #pinner: OrganizationPinner;

  constructor(orgId: string) {
    this.#pinner = new OrganizationPinner(orgId);
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#pinner.transformNode(args.node);
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
