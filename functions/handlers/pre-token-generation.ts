/**
 * Cognito pre-token-generation trigger (v3): puts the caller's organisation into the access
 * token's `org` claim, which every handler's tenancy check reads. People carry it in the
 * `custom:org` attribute; machine clients (client credentials) are mapped by client id in an SSM
 * parameter, read once per container. A caller with no organisation gets no claim, and every
 * route then answers 401.
 */
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { parseOrg } from '../access/principal.ts';
import { ORG_CLAIM } from '../http/principal.ts';

interface PreTokenGenerationV3Event {
  triggerSource: string;
  callerContext: { clientId: string };
  request: { userAttributes?: Record<string, string> };
  response: { claimsAndScopeOverrideDetails?: unknown };
}

let machineOrgs: Promise<Record<string, string>> | undefined;

function loadMachineOrgs(): Promise<Record<string, string>> {
  const name = process.env.MACHINE_CLIENT_ORGS_PARAMETER;
  if (!name) return Promise.resolve({});
  machineOrgs ??= new SSMClient({})
    .send(new GetParameterCommand({ Name: name }))
    .then((result) => JSON.parse(result.Parameter?.Value ?? '{}') as Record<string, string>)
    .catch((error: unknown) => {
      machineOrgs = undefined; // retry on the next token rather than caching a failure
      throw error;
    });
  return machineOrgs;
}

export async function handler(event: PreTokenGenerationV3Event): Promise<PreTokenGenerationV3Event> {
  const candidate =
    event.triggerSource === 'TokenGeneration_ClientCredentials'
      ? (await loadMachineOrgs())[event.callerContext.clientId]
      : event.request.userAttributes?.['custom:org'];
  if (candidate && parseOrg(candidate)) {
    event.response.claimsAndScopeOverrideDetails = {
      accessTokenGeneration: { claimsToAddOrOverride: { [ORG_CLAIM]: candidate } },
    };
  }
  return event;
}
