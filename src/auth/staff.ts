import { z } from 'zod';
import { AreaSchema } from '../backend/meterBackend';

/**
 * Who works with Sampark besides consumers: call-centre agents and their supervisors, and field
 * staff from the lineman to the SDO. A field role sees only its area.
 */
export const STAFF_ROLES = ['agent', 'supervisor', 'lineman', 'je', 'sdo', 'field_supervisor'] as const;
export const StaffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

/** Roles of the 1912 call centre. */
export const CALL_CENTRE_ROLES: readonly StaffRole[] = ['agent', 'supervisor'];
/** Roles of the field teams. */
export const FIELD_ROLES: readonly StaffRole[] = ['lineman', 'je', 'sdo', 'field_supervisor'];

/** Part of the area tree a field user covers: a section for a lineman, a sub-division for an SDO. */
export const AreaScopeSchema = AreaSchema.partial();
export type AreaScope = z.infer<typeof AreaScopeSchema>;

/** One account as configured: the password only as a hash (see passwordHash.ts). */
export const StaffAccountSchema = z.object({
  username: z.string().regex(/^[a-z0-9._-]{3,40}$/, 'lower-case letters, digits, dot, dash or underscore'),
  name: z.string().min(1).max(80),
  /** What consumers are told to call them ("Anita from 1912 has joined"); the first word of `name` when absent. */
  displayName: z.string().trim().min(1).max(40).optional(),
  role: StaffRoleSchema,
  passwordHash: z.string().startsWith('scrypt$'),
  area: AreaScopeSchema.optional(),
});
export type StaffAccount = z.infer<typeof StaffAccountSchema>;

/** The name a consumer is told: a first name is how a helpline introduces its people, never the username. */
export function displayNameOf(account: Pick<StaffAccount, 'name' | 'displayName'>): string {
  return account.displayName ?? account.name.trim().split(/\s+/)[0] ?? account.name;
}

/** Who is making a request, as their session token says. */
export interface StaffIdentity {
  username: string;
  name: string;
  role: StaffRole;
  area?: AreaScope;
}
