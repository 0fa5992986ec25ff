process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'; process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
const { startDynamoDbLocal } = await import('../bin/local/dynamodb-local.ts');
const { configureLocalAws } = await import('../bin/local/local-system.ts');
const d = await startDynamoDbLocal(); configureLocalAws(d.endpoint, 'prof');
const { mkdtempSync } = await import('node:fs');
const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
const { ensureTable } = await import('../bin/local/create-table.ts');
await ensureTable(new DynamoDBClient({}), 'prof');
const { startApiSession, directOk, recordOneRequest } = await import('./api-session.ts');
const { invokeDirect } = await import('./direct-invoke.ts');
const { replayer } = await import('./raw-replay.ts');
const { closedLoop, summarise } = await import('./measure.ts');
const s = await startApiSession(mkdtempSync('/tmp/bench-notes/prof-'), invokeDirect, 20);
const target = s.targets.find((t) => t.id === 'post-count-20')!;
const calls = await recordOneRequest(() => target.build(s.counter.n++));
const raw = new DynamoDBClient({});
let k = 0;
const moved = calls.map((c) => ({ ...c }));
const replaySame = replayer(raw, calls);
// variant: index sort keys move on every replay, as a real count moves the run-out date
const { replayInput } = await import('./raw-replay.ts');
const mutate = (input: any) => { const j = JSON.parse(JSON.stringify(input)); const fix = (item: any) => { for (const key of ['GSI1SK', 'GSI2SK', 'GSI3SK']) if (item?.[key]?.S) item[key].S += `#${k}`; if (item?.onHand?.N) item.onHand.N = String(Number(item.onHand.N) + k); }; for (const t of j.TransactItems ?? []) fix(t.Put?.Item); for (const reqs of Object.values(j.RequestItems ?? {}) as any[]) for (const r of reqs) fix(r.PutRequest?.Item); if (j.ExpressionAttributeValues?.[':gsi2sk']?.S) j.ExpressionAttributeValues[':gsi2sk'].S += `#${k}`; return j; };
const cmds = await import('@aws-sdk/client-dynamodb');
const replayMoved = async () => { k++; for (const c of calls) { /* sequential approximation */ } const by = (await import('./dynamodb-recorder.ts')).triggers(calls); const done: Promise<unknown>[] = []; calls.forEach((c, i) => { const after = by[i] === undefined ? Promise.resolve() : done[by[i]!]!; done[i] = after.then(() => raw.send(new (cmds as any)[c.command](mutate(replayInput(c))))); }); await Promise.all(done); };
for (const round of [1, 2]) {
  const a = await closedLoop(1, 4000, async () => directOk(target.build(s.counter.n++)));
  const b = await closedLoop(1, 4000, replaySame);
  const c = await closedLoop(1, 4000, replayMoved);
  console.log(`handler ${summarise(a.latenciesMs, a.elapsedMs).p50Ms} | replay same ${summarise(b.latenciesMs, b.elapsedMs).p50Ms} | replay moving index keys ${summarise(c.latenciesMs, c.elapsedMs).p50Ms} (${c.failures} failed ${c.firstFailure ?? ''})`);
}
await d.stop();
