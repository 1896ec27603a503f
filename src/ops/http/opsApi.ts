import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { AuditLog } from '../../auth/auditLog';
import type { StaffIdentity, StaffRole } from '../../auth/staff';
import type { StaffAuthentication } from '../../auth/staffAuthentication';
import { staffOnly } from '../../auth/staffRoutes';
import { istDate } from '../../domain/indianTime';
import { DateSchema, MAX_SPAN_DAYS, datesBetween, shiftDate, type DailyFigures } from '../dailyFigures';
import type { OperationsFigures } from '../operationsFigures';
import { toCsv, type CsvCell } from './csv';

/** Who reads the operations figures: the call centre's and the field teams' supervisors. */
export const OPS_ROLES: readonly StaffRole[] = ['supervisor', 'field_supervisor'];

/** Without dates, the figures of the last seven IST days, today included. */
const DEFAULT_SPAN_DAYS = 7;

export interface OpsApiDeps {
  authentication: StaffAuthentication;
  operations: OperationsFigures;
  audit: AuditLog;
  now: () => Date;
}

const TableQuerySchema = z.object({ table: z.enum(['days', 'tickets', 'intents']) });
type Table = z.infer<typeof TableQuerySchema>['table'];

/**
 * The IST days asked for, both ends included, at most a quarter; without `to` the week from `from`,
 * without `from` the week up to `to`, without either the week up to today.
 */
function spanQuerySchema(now: Date) {
  return z.object({ from: DateSchema.optional(), to: DateSchema.optional() }).transform((query, context) => {
    const to = query.to ?? (query.from ? shiftDate(query.from, DEFAULT_SPAN_DAYS - 1) : istDate(now));
    const from = query.from ?? shiftDate(to, -(DEFAULT_SPAN_DAYS - 1));
    if (from > to) context.addIssue({ code: 'custom', message: 'from must not be after to' });
    else if (datesBetween(from, to).length > MAX_SPAN_DAYS) context.addIssue({ code: 'custom', message: `at most ${MAX_SPAN_DAYS} days at a time` });
    return { from, to };
  });
}

/** Each exported table: its header row (the JSON field names) and its rows. */
const TABLES: Record<Table, (figures: DailyFigures) => { header: string[]; rows: CsvCell[][] }> = {
  days: (figures) => ({
    header: ['date', 'conversations', 'containedByBot', 'containedShare', 'handedToAgents', 'ticketsOpened', 'ticketsResolvedWithinSla'],
    rows: figures.days.map((day) => [
      day.date, day.conversations, day.containedByBot, day.containedShare, day.handedToAgents, day.ticketsOpened, day.ticketsResolvedWithinSla,
    ]),
  }),
  tickets: (figures) => ({
    header: ['division', 'category', 'opened', 'resolvedWithinSla', 'resolvedLate'],
    rows: figures.ticketsByDivision.map((row) => [row.division, row.category, row.opened, row.resolvedWithinSla, row.resolvedLate]),
  }),
  intents: (figures) => ({
    header: ['intent', 'count'],
    rows: figures.topIntents.map((row) => [row.intent, row.count]),
  }),
};

/**
 * The daily operations figures for supervisors (docs/ops-api-openapi.yaml, "daily"): JSON for the
 * /ops page, CSV of each table for a spreadsheet. Every read is audited.
 */
export function mountOpsApi(server: Server, deps: OpsApiDeps): void {
  const supervisors = (handler: (req: Request, res: Response, identity: StaffIdentity) => Promise<void>) =>
    staffOnly(deps.authentication, OPS_ROLES, handler);
  const audit = (identity: StaffIdentity, action: string, detail: Record<string, string>) =>
    deps.audit.record({ at: deps.now().toISOString(), actor: identity.username, role: identity.role, action, subject: null, detail });

  server.get('/api/ops/daily', supervisors(async (req, res, identity) => {
    const span = spanQuerySchema(deps.now()).safeParse(queryOf(req));
    if (!span.success) return void res.send(400, { error: 'bad_request', detail: z.prettifyError(span.error) });
    const figures = await deps.operations.daily(span.data.from, span.data.to);
    await audit(identity, 'ops.daily_viewed', span.data);
    res.send(200, figures);
  }));

  server.get('/api/ops/daily.csv', supervisors(async (req, res, identity) => {
    const query = queryOf(req);
    const span = spanQuerySchema(deps.now()).safeParse(query);
    const table = TableQuerySchema.safeParse(query);
    if (!span.success || !table.success) {
      const problems = [span.error, table.error].flatMap((error) => (error ? [z.prettifyError(error)] : []));
      return void res.send(400, { error: 'bad_request', detail: problems.join('\n') });
    }
    const { from, to } = span.data;
    const { header, rows } = TABLES[table.data.table](await deps.operations.daily(from, to));
    await audit(identity, 'ops.daily_exported', { table: table.data.table, from, to });
    res.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="sampark-${table.data.table}-${from}-${to}.csv"`,
      'Cache-Control': 'no-store',
    });
    res.end(toCsv(header, rows));
  }));
}

function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url ?? '', 'http://ops').searchParams);
}

