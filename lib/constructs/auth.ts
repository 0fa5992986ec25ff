/**
 * Who may call: a Cognito user pool with a resource server whose scopes are the capabilities in
 * functions/scopes.ts, a public client for people (authorization code + PKCE, for the store page)
 * and one confidential client per store system (client credentials). A pre-token-generation
 * trigger (v3, which also runs for client credentials) puts the caller's organisation in the
 * access token's `org` claim: from the user's `custom:org` attribute, or from the machine client's
 * entry in an SSM parameter. (A parameter, not an environment variable: the clients depend on the
 * pool, the pool on its trigger, so the trigger cannot reference the clients' ids directly.)
 */
import { Duration, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  ManagedLoginVersion,
  FeaturePlan,
  LambdaVersion,
  OAuthScope,
  ResourceServerScope,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolDomain,
  UserPoolOperation,
  UserPoolResourceServer,
  Mfa,
  StandardThreatProtectionMode,
} from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { RESOURCE_SERVER, roleScopes, scopeDescriptions, type Scope } from '../../functions/scopes.ts';
import { CarestockFunction } from './carestock-function.ts';

export interface MachineClient {
  /** Stable construct id, e.g. the store id. */
  readonly name: string;
  /** `store:<storeId>` (or `admin`). */
  readonly org: string;
}

export interface AuthProps {
  readonly machineClients: readonly MachineClient[];
  readonly webCallbackUrls: readonly string[];
  readonly domainPrefix: string;
}

export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly issuerUrl: string;
  readonly clients: UserPoolClient[] = [];
  /** The hosted UI's domain (the store page signs in there). */
  readonly domain: UserPoolDomain;
  /** The public client of the store page: authorization code + PKCE. */
  readonly webClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      customAttributes: { org: new StringAttribute({ mutable: true, minLen: 5, maxLen: 70 }) },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
    });
    // Managed login, not the classic hosted UI: with MFA required, managed login walks a new user
    // through setting up TOTP at first sign-in (Cognito "Adding MFA to a user pool"); the classic UI
    // has no MFA set-up screen, so a user with no factor yet could never sign in there.
    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    this.issuerUrl = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;

    const resourceServer = new UserPoolResourceServer(this, 'ResourceServer', {
      userPool: this.userPool,
      identifier: RESOURCE_SERVER,
      scopes: Object.entries(scopeDescriptions).map(
        ([name, description]) => new ResourceServerScope({ scopeName: name.split('/')[1]!, scopeDescription: description }),
      ),
    });
    const oauthScopes = (list: readonly Scope[]) =>
      list.map((scope) => OAuthScope.resourceServer(resourceServer, new ResourceServerScope({ scopeName: scope.split('/')[1]!, scopeDescription: scopeDescriptions[scope] })));

    const web = (this.webClient = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, ...oauthScopes(roleScopes.admin)],
        callbackUrls: [...props.webCallbackUrls],
        logoutUrls: [...props.webCallbackUrls],
      },
      accessTokenValidity: Duration.hours(1),
      preventUserExistenceErrors: true,
    }));
    this.clients.push(web);
    // Managed login serves a client only once the client has a branding style; Cognito's own defaults.
    new CfnManagedLoginBranding(this, 'WebClientLoginBranding', {
      userPoolId: this.userPool.userPoolId,
      clientId: web.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    const machineOrgs: Record<string, string> = {};
    for (const machine of props.machineClients) {
      const role = machine.org === 'admin' ? 'admin' : 'store';
      const client = this.userPool.addClient(`Machine-${machine.name}`, {
        generateSecret: true,
        oAuth: { flows: { clientCredentials: true }, scopes: oauthScopes(roleScopes[role]) },
        accessTokenValidity: Duration.hours(1),
      });
      machineOrgs[client.userPoolClientId] = machine.org;
      this.clients.push(client);
    }

    const parameterName = `/${Stack.of(this).stackName}/machine-client-orgs`;
    new StringParameter(this, 'MachineClientOrgs', {
      parameterName,
      description: 'Carestock machine client id → organisation (store:<id>), read by the pre-token-generation trigger',
      stringValue: Stack.of(this).toJsonString(machineOrgs),
    });
    const trigger = new CarestockFunction(this, 'PreTokenGeneration', {
      handlerFile: 'pre-token-generation',
      description: 'Adds the caller organisation (org claim) to Carestock access tokens',
      environment: { MACHINE_CLIENT_ORGS_PARAMETER: parameterName },
    });
    // By name, not by construct reference: a reference would close the dependency cycle above.
    trigger.addToRolePolicy(
      new PolicyStatement({
        actions: ['ssm:GetParameter'],
        resources: [Stack.of(this).formatArn({ service: 'ssm', resource: 'parameter', resourceName: parameterName.slice(1) })],
      }),
    );
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, trigger, LambdaVersion.V3_0);
  }
}
