type StatementListener = (sql: string) => void;
const statementListeners = new Set<StatementListener>();

/** Lets tests count the SQL statements a request makes (through MikroORM or straight on a pooled connection). */
export function onStatement(listener: StatementListener): () => void {
  statementListeners.add(listener);
  return () => statementListeners.delete(listener);
}

/** Tells the listeners a statement is sent. */
export function statementSent(sql: string): void {
  for (const listener of statementListeners) listener(sql);
}
