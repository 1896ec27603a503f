import fs from 'node:fs';
import path from 'node:path';
import restify from 'restify';
import { MemoryAuditLog } from '../../../src/auth/memoryAuditLog';
import { SessionTokens } from '../../../src/auth/sessionTokens';
import { StaffAuthentication } from '../../../src/auth/staffAuthentication';
import { silentLogger } from '../../../src/log/logger';
import { Metrics } from '../../../src/metrics/metrics';
import { summarize } from '../../../src/ops/dailyFigures';
import { mountOpsApi } from '../../../src/ops/http/opsApi';
import { MemoryFiguresStore } from '../../../src/ops/memoryFiguresStore';
import { OperationsFigures } from '../../../src/ops/operationsFigures';
import { projectRoot } from '../../../src/projectRoot';
import { daytimeClock } from '../../support/clock';

const DOCUMENT = fs.readFileSync(path.join(projectRoot(), 'docs', 'ops-api-openapi.yaml'), 'utf8');

/** The `required: [...]` list of a schema under components/schemas. */
function requiredOf(schema: string): string[] {
  const start = DOCUMENT.indexOf(`\n    ${schema}:\n`);
  const required = /\n {6}required: \[([^\]]*)\]/.exec(DOCUMENT.slice(start));
  return (required?.[1] ?? '').split(',').map((name) => name.trim()).filter(Boolean).sort();
}

describe('docs/ops-api-openapi.yaml, "daily"', () => {
  it('documents every route of the daily figures the ops API mounts, under the daily tag', () => {
    const server = restify.createServer();
    const operations = new OperationsFigures({ store: new MemoryFiguresStore(), metrics: new Metrics(), logger: silentLogger(), now: daytimeClock });
    const audit = new MemoryAuditLog();
    mountOpsApi(server, { authentication: new StaffAuthentication([], new SessionTokens('x'.repeat(32), 60), audit), operations, audit, now: daytimeClock });
    const mounted = Object.values(server.getDebugInfo().routes as unknown as Record<string, { method: string; path: string }>)
      .map((route) => `${route.method.toLowerCase()} ${route.path}`)
      .sort();
    expect(mounted).toEqual(['get /api/ops/daily', 'get /api/ops/daily.csv']);
    for (const route of mounted) {
      const [, routePath] = route.split(' ');
      expect(DOCUMENT).toMatch(new RegExp(`\\n {2}${routePath!.replace(/\./g, '\\.')}:\\n {4}get:\\n {6}tags: \\[daily\\]`));
    }
  });

  it('names exactly the fields the API answers with', () => {
    const figures = summarize([
      {
        date: '2026-11-28',
        conversations: 2,
        escalated: 1,
        handedToAgents: 1,
        tickets: [{ division: 'Patna East', category: 'meter_test', opened: 1, resolvedWithinSla: 0, resolvedLate: 0 }],
        intents: [{ intent: 'check_balance', count: 2 }],
      },
    ]);
    expect(requiredOf('DailyFigures')).toEqual(Object.keys(figures).sort());
    expect(requiredOf('DayFigures')).toEqual(Object.keys(figures.days[0]!).sort());
    expect(requiredOf('TicketFigures')).toEqual(Object.keys(figures.ticketsByDivision[0]!).sort());
  });
});
