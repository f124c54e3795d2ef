export interface OrganizationSpec {
  name: string;
  leads: number;
}
export interface Organization extends OrganizationSpec {
  id: string;
  userId: string;
}
export function createOrganizations(
  ownerUrl: string,
  orgs: OrganizationSpec[],
  options?: { parallel?: number; onProgress?: (done: number, total: number) => void },
): Promise<Organization[]>;

export function benchCaller(org: Organization): {
  userId: string;
  orgId: string;
  sessionId: string;
};
