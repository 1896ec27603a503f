import { randomUUID } from 'node:crypto';
import type { JobQueue } from '../jobs/jobQueue';
import type { Language } from '../i18n/language';
import { COMMANDS, type CampaignCommand, type CampaignCriteria, type CampaignRecord } from './campaign';
import { PREPARE_JOB } from './campaignPreparation';
import { SEND_JOB } from './campaignSending';
import type { CampaignStore } from './campaignStore';
import { campaignView, funnelRows, type CampaignView, type FunnelGrouping, type FunnelRow } from './campaignView';

/** What a supervisor asks for. */
export interface NewCampaign {
  name: string;
  criteria: CampaignCriteria;
  language: Language;
}

/** Why a command was refused. */
export type CommandProblem = 'not_found' | 'wrong_status';

/** Campaigns as supervisors run them: create, start, pause, stop, and the funnel. */
export class CampaignService {
  constructor(
    private readonly store: CampaignStore,
    private readonly jobs: JobQueue,
    private readonly now: () => Date,
  ) {}

  async create(request: NewCampaign, createdBy: string): Promise<CampaignView> {
    const record: CampaignRecord = {
      id: randomUUID(),
      ...request,
      status: 'draft',
      createdAt: this.now().toISOString(),
      createdBy,
      startedAt: null,
      finishedAt: null,
      preparedAt: null,
    };
    await this.store.create(record);
    return this.viewOf(record);
  }

  async list(): Promise<CampaignView[]> {
    return Promise.all((await this.store.list()).map((record) => this.viewOf(record)));
  }

  async find(id: string): Promise<CampaignView | null> {
    const record = await this.store.find(id);
    return record ? this.viewOf(record) : null;
  }

  /**
   * Applies a supervisor's command if the campaign's status allows it. Starting from draft finds the
   * targets first (a durable job that then starts sending); starting a paused campaign sends the
   * rest, or finds the targets again if that had not finished (finding them twice records each once).
   */
  async command(id: string, command: CampaignCommand): Promise<{ ok: true; campaign: CampaignView } | { ok: false; problem: CommandProblem }> {
    const before = await this.store.find(id);
    if (!before) return { ok: false, problem: 'not_found' };
    const at = this.now().toISOString();
    const { from, to } = COMMANDS[command];
    const change =
      command === 'start'
        ? { status: to, ...(before.startedAt === null ? { startedAt: at } : {}) }
        : command === 'stop'
          ? { status: to, finishedAt: at }
          : { status: to };
    const after = await this.store.changeStatus(id, from, change);
    if (!after) return { ok: false, problem: 'wrong_status' };
    if (command === 'start' && before.status === 'draft') {
      await this.jobs.enqueue(PREPARE_JOB, { campaignId: id }, { jobId: `${PREPARE_JOB}.${id}` });
    } else if (command === 'start') {
      await this.jobs.enqueue(before.preparedAt === null ? PREPARE_JOB : SEND_JOB, { campaignId: id });
    }
    return { ok: true, campaign: await this.viewOf(after) };
  }

  /** The funnel by division or by IST day; null for an unknown campaign. */
  async funnel(id: string, by: FunnelGrouping): Promise<FunnelRow[] | null> {
    if (!(await this.store.find(id))) return null;
    const [recipients, outcomes] = await Promise.all([this.store.recipients(id), this.store.outcomes(id)]);
    return funnelRows(recipients, outcomes, by);
  }

  private async viewOf(record: CampaignRecord): Promise<CampaignView> {
    return campaignView(record, await this.store.counts(record.id));
  }
}
