/**
 * Who may call: a Cognito user pool with a resource server whose scopes are the capabilities in
 * functions/scopes.ts, a public client for people (authorization code + PKCE, for the store page)
 * and one confidential client per store system (client credentials).
 *
 * Nothing a person can edit about themselves decides what they may do. There is no custom
 * attribute; every client sets `writeAttributes` explicitly (the display name only). A
 * pre-token-generation trigger (v3, which also runs for client credentials) reads the caller's
 * membership from the table, by `sub` or by machine client id, and sets the access token's `org`
 * and `role` claims and exactly that role's scopes. The machine clients' memberships are written
 * to the table at deploy by one custom resource (a transaction of all their items).
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  ManagedLoginVersion,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  OAuthScope,
  ResourceServerScope,
  UserPool,
  UserPoolClient,
  UserPoolDomain,
  UserPoolOperation,
  UserPoolResourceServer,
  Mfa,
  StandardThreatProtectionMode,
} from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { marshall } from '@aws-sdk/util-dynamodb';
import { Construct } from 'constructs';
import { machineMemberItems } from '../../functions/data/member-items.ts';
import { parseOrg } from '../../functions/access/principal.ts';
import { MACHINE_CLIENT_ROLE, RESOURCE_SERVER, scopeDescriptions, scopes, scopesOf, type Scope } from '../../functions/scopes.ts';
import { grantTableAccess } from '../table-grants.ts';
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
  /** The table the trigger reads memberships from (and the stack writes the machine clients' into). */
  readonly table: ITable;
}

/**
 * What the page may ask for: the scopes its screens use. Never `admin` or `members.manage` (a
 * client cannot ask for them; the trigger adds them to the tokens of those whose role holds them)
 * and never `aws.cognito.signin.user.admin`.
 */
export const WEB_CLIENT_SCOPES: readonly Scope[] = [scopes.read, scopes.stockWrite, scopes.requestsWrite, scopes.requestsApprove, scopes.deliveriesSchedule];

/** Cognito waits at most 5 s for a trigger; the function gives up first, so a slow read refuses the token cleanly. */
export const TOKEN_TRIGGER_TIMEOUT = Duration.seconds(4);

/** The construct id CDK gives the AwsCustomResource provider function (a singleton per stack). */
const AWS_CUSTOM_RESOURCE_SINGLETON = 'AWS679f53fac002430cb0da5b7982bd2287';

/** The one attribute a client may write: the display name. Never an attribute that could decide access. */
const writableAttributes = () => new ClientAttributes().withStandardAttributes({ fullname: true });

export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly issuerUrl: string;
  readonly clients: UserPoolClient[] = [];
  /** The hosted UI's domain (the store page signs in there). */
  readonly domain: UserPoolDomain;
  /** The public client of the store page: authorization code + PKCE. */
  readonly webClient: UserPoolClient;
  readonly tokenTrigger: CarestockFunction;
  /** Any error of the trigger means someone was refused a token: the stack routes it to the ops topic. */
  readonly tokenTriggerErrors: Alarm;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
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

    // The page asks for what its screens use; the trigger gives the member's role scopes. Only
    // the flows the page uses: the authorization code grant (+ PKCE) and refreshing its token. No
    // SRP or password flow, so no token ever carries aws.cognito.signin.user.admin.
    const web = (this.webClient = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: false, userPassword: false, adminUserPassword: false, custom: false, user: false },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, ...oauthScopes(WEB_CLIENT_SCOPES)],
        callbackUrls: [...props.webCallbackUrls],
        logoutUrls: [...props.webCallbackUrls],
      },
      writeAttributes: writableAttributes(),
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

    const machineItems: Record<string, unknown>[] = [];
    const deployedAt = new Date().toISOString();
    for (const machine of props.machineClients) {
      const org = parseOrg(machine.org);
      if (!org || org.kind === 'anonymous') throw new Error(`carestock:machineClients: "${machine.org}" is not admin, store:<id> or home:<id>`);
      const client = this.userPool.addClient(`Machine-${machine.name}`, {
        generateSecret: true,
        oAuth: { flows: { clientCredentials: true }, scopes: oauthScopes(scopesOf(org.kind, MACHINE_CLIENT_ROLE)) },
        writeAttributes: writableAttributes(),
        accessTokenValidity: Duration.hours(1),
      });
      this.clients.push(client);
      machineItems.push(
        ...machineMemberItems(
          { memberId: `machine-${machine.name}`, kind: 'machine', name: `${machine.name} (store system)`, org: machine.org, role: MACHINE_CLIENT_ROLE, status: 'active', createdAt: deployedAt, updatedAt: deployedAt },
          client.userPoolClientId,
        ),
      );
    }
    if (machineItems.length > 0) this.writeMachineMemberships(props.table, machineItems);

    this.tokenTrigger = new CarestockFunction(this, 'PreTokenGeneration', {
      handlerFile: 'pre-token-generation',
      description: 'Sets the org and role claims and the role’s scopes of Carestock access tokens, from the caller’s membership',
      environment: { TABLE_NAME: props.table.tableName },
      timeout: TOKEN_TRIGGER_TIMEOUT,
    });
    grantTableAccess(props.table, this.tokenTrigger, 'read');
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, this.tokenTrigger, LambdaVersion.V3_0);
    this.tokenTriggerErrors = new Alarm(this, 'TokenTriggerErrors', {
      alarmDescription: 'The pre-token-generation trigger failed: someone was refused a token (table unreadable, or a timeout)',
      metric: this.tokenTrigger.metricErrors({ period: Duration.minutes(1) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }

  /** Lets the member routes invite (AdminCreateUser), find (AdminGetUser), enable and disable people in this pool. */
  grantDirectory(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminGetUser', 'cognito-idp:AdminEnableUser', 'cognito-idp:AdminDisableUser'],
        resources: [this.userPool.userPoolArn],
      }),
    );
  }

  /**
   * The machine clients' memberships, in one TransactWriteItems at every deploy (Puts: the same
   * memberships again change nothing). Their client ids exist only once the clients do.
   */
  private writeMachineMemberships(table: ITable, items: Record<string, unknown>[]): void {
    if (items.length > 100) throw new Error('At most 50 machine clients fit in one transaction; split the membership write.');
    const call = {
      service: 'DynamoDB',
      action: 'TransactWriteItems',
      parameters: { TransactItems: items.map((item) => ({ Put: { TableName: table.tableName, Item: marshall(item) } })) },
      physicalResourceId: PhysicalResourceId.of('carestock-machine-memberships'),
    };
    new AwsCustomResource(this, 'MachineMemberships', {
      onCreate: call,
      onUpdate: call,
      installLatestAwsSdk: false,
      memorySize: 256,
      logGroup: new LogGroup(this, 'MachineMembershipsLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY }),
      policy: AwsCustomResourcePolicy.fromStatements([new PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [table.tableArn] })]),
    });
    // Here rather than in lib/nag-acknowledgements.ts: the singleton exists only when this write does.
    const provider = Stack.of(this).node.tryFindChild(AWS_CUSTOM_RESOURCE_SINGLETON);
    if (provider) {
      Validations.of(provider).acknowledge(
        {
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason: 'CDK’s AwsCustomResource provider (one per stack) runs only during deployments, to write the machine clients’ memberships; its only other grant is PutItem on the table.',
        },
        { id: 'AwsSolutions-L1', reason: 'CDK’s AwsCustomResource provider: aws-cdk-lib chooses its runtime; it runs only during deployments.' },
        { id: 'Serverless-LambdaDLQ', reason: 'CDK’s AwsCustomResource provider is invoked synchronously by CloudFormation, which reports a failure as a failed deployment: there is no event to dead-letter.' },
        { id: 'Serverless-LambdaTracing', reason: 'CDK’s AwsCustomResource provider runs once per deployment; a trace adds nothing the CloudFormation event log does not show.' },
      );
    }
  }
}
