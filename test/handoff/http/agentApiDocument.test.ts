import fs from 'node:fs';
import path from 'node:path';
import { AGENT_EVENT_TYPES } from '../../../src/handoff/agentEvents';
import { ResolveReasonSchema } from '../../../src/handoff/handoffRecord';
import { projectRoot } from '../../../src/projectRoot';
import { startAgentApi, type AgentApiHarness } from './agentApiHarness';

const DOCUMENT = fs.readFileSync(path.join(projectRoot(), 'docs', 'agent-api-openapi.yaml'), 'utf8');

/** "get /api/agent/conversations/{id}" for every operation under `paths:` (two-space paths, four-space methods). */
function documentedOperations(yaml: string): string[] {
  const operations: string[] = [];
  let current: string | null = null;
  for (const line of yaml.slice(yaml.indexOf('\npaths:'), yaml.indexOf('\ncomponents:')).split('\n')) {
    const pathLine = /^ {2}(\/\S+):\s*$/.exec(line);
    if (pathLine) current = pathLine[1]!;
    const method = /^ {4}(get|post|put|patch|delete):/.exec(line);
    if (method && current) operations.push(`${method[1]} ${current}`);
  }
  return operations.sort();
}

/** The items of the block list under the first `enum:` after `anchor`. */
function enumAfter(yaml: string, anchor: string): string[] {
  const lines = yaml.slice(yaml.indexOf('enum:\n', yaml.indexOf(anchor))).split('\n').slice(1);
  const items: string[] = [];
  for (const line of lines) {
    const item = /^\s+- (\S+)$/.exec(line);
    if (!item) break;
    items.push(item[1]!);
  }
  return items;
}

describe('docs/agent-api-openapi.yaml', () => {
  let harness: AgentApiHarness;
  beforeAll(async () => {
    harness = await startAgentApi();
  });
  afterAll(() => harness.close());

  it('documents exactly the routes the agent API mounts', () => {
    const mounted = Object.values(harness.server.getDebugInfo().routes as unknown as Record<string, { method: string; path: string }>)
      .filter((route) => route.path.startsWith('/api/agent/'))
      .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    expect(mounted.length).toBeGreaterThan(10);
    expect(documentedOperations(DOCUMENT)).toEqual(mounted);
  });

  it('defines every component it refers to', () => {
    const refs = [...DOCUMENT.matchAll(/\$ref: '#\/components\/(\w+)\/(\w+)'/g)].map((match) => [match[1]!, match[2]!] as const);
    const components = DOCUMENT.slice(DOCUMENT.indexOf('\ncomponents:'));
    const missing = refs.filter(([kind, name]) => {
      const section = components.slice(components.indexOf(`\n  ${kind}:`));
      return !new RegExp(`\\n {4}${name}:`).test(section);
    });
    expect(missing).toEqual([]);
  });

  it('lists the live event types and resolve reasons the code has', () => {
    expect(enumAfter(DOCUMENT, '\n    AgentEvent:')).toEqual([...AGENT_EVENT_TYPES]);
    expect(DOCUMENT).toContain(`ResolveReason: { type: string, enum: [${ResolveReasonSchema.options.join(', ')}] }`);
  });
});
