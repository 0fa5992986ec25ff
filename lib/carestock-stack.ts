/**
 * Carestock in one stack, composed from constructs by concern. Stateful parts (table, alerts)
 * and stateless parts (API, jobs) are separate constructs, so either can move to its own stack
 * without touching the other.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Construct } from 'constructs';
import { Alerts } from './constructs/alerts.ts';
import { Auth, WEB_CLIENT_SCOPES, type MachineClient } from './constructs/auth.ts';
import { DataTable } from './constructs/data-table.ts';
import { CarestockFunction } from './constructs/carestock-function.ts';
import { CarestockHttpApi } from './constructs/http-api.ts';
import { Observability } from './constructs/observability.ts';
import { ScheduledJobs } from './constructs/scheduled-jobs.ts';
import { StorePage, storePageConnectSources } from './constructs/store-page.ts';
import { Webhooks } from './constructs/webhooks.ts';
import type { RouteDefinition } from '../functions/routes.ts';
import { defaultStockRules } from '../functions/domain/stock-rules.ts';
import { applyNagAcknowledgements } from './nag-acknowledgements.ts';
import type { AlertEmails } from './app-config.ts';

export interface CarestockStackProps extends StackProps {
  /** One client-credentials app client per store system. */
  readonly machineClients?: readonly MachineClient[];
  /** Origins allowed to call the API from a browser (the store page). */
  readonly allowedOrigins?: readonly string[];
  readonly cognitoDomainPrefix?: string;
  /** Ops alarm and per-store digest recipients (carestock:alertEmails). */
  readonly alertEmails?: AlertEmails;
  /** The route table (defaults to functions/routes.ts; the resource-budget test passes a longer one). */
  readonly routes?: readonly RouteDefinition[];
}

export class CarestockStack extends Stack {
  readonly data: DataTable;
  readonly httpApi: CarestockHttpApi;
  readonly jobs: ScheduledJobs;
  readonly alerts: Alerts;
  readonly auth: Auth;
  readonly storePage: StorePage;
  readonly webhooks: Webhooks;

  constructor(scope: Construct, id: string, props: CarestockStackProps = {}) {
    super(scope, id, props);
    this.data = new DataTable(this, 'Data');
    this.alerts = new Alerts(this, 'Alerts', { storeEmails: props.alertEmails?.stores ?? {} });
    // Cognito domain prefixes are global: the stack name keeps Carestock-dev and Carestock-prod apart in one account.
    const domainPrefix = props.cognitoDomainPrefix ?? `${this.stackName.toLowerCase()}-${this.account}`;
    // The page first (its address is the Cognito callback and a CORS origin); its files last (they need the API's and Cognito's addresses).
    this.storePage = new StorePage(this, 'StorePage', { connectTo: storePageConnectSources(this, domainPrefix) });
    const pageOrigins = [this.storePage.origin, ...(props.allowedOrigins ?? [])];
    this.auth = new Auth(this, 'Auth', {
      machineClients: props.machineClients ?? [],
      webCallbackUrls: pageOrigins.map((o) => `${o}/`),
      domainPrefix,
      table: this.data.table,
    });
    // AUTH_BASE_URL: the OpenAPI document names this Cognito domain's /oauth2 endpoints.
    // CARESTOCK_STACK: the business metrics' `stack` dimension (functions/observability/business-metrics.ts).
    const environment = { POWERTOOLS_LOG_LEVEL: 'INFO', AUTH_BASE_URL: this.auth.domain.baseUrl(), CARESTOCK_STACK: this.stackName };
    this.httpApi = new CarestockHttpApi(this, 'Http', {
      table: this.data.table,
      auth: this.auth,
      alerts: this.alerts,
      environment,
      allowedOrigins: pageOrigins,
      throttle: { rateLimit: 200, burstLimit: 400 },
      ...(props.routes ? { routes: props.routes } : {}),
    });
    this.storePage.publish({
      apiUrl: this.httpApi.api.apiEndpoint,
      cognitoDomain: this.auth.domain.baseUrl(),
      clientId: this.auth.webClient.userPoolClientId,
      // What the page asks for (the scopes its screens use); the token trigger then gives the signed-in
      // member exactly their role's scopes, adding and suppressing whatever differs.
      scopes: ['openid', ...WEB_CLIENT_SCOPES],
      // The functions run with the default rules (no CARESTOCK_* overrides are set on them).
      thresholds: {
        criticalDays: defaultStockRules.criticalDays,
        shortfallDays: defaultStockRules.shortfallDays,
        staleAfterDays: defaultStockRules.staleAfterDays,
      },
    });
    this.jobs = new ScheduledJobs(this, 'Jobs', { table: this.data.table, alerts: this.alerts, environment });
    this.webhooks = new Webhooks(this, 'Webhooks', { table: this.data.table, environment });
    const observability = new Observability(this, 'Observability', {
      // Every Carestock function, the Cognito trigger(s) included (a failing trigger means nobody signs in).
      functions: this.node.findAll().filter((c): c is CarestockFunction => c instanceof CarestockFunction),
      api: this.httpApi.api,
      deadLetterQueue: this.jobs.deadLetterQueue,
      opsEmails: props.alertEmails?.ops ?? [],
      undeliveredAlerts: this.alerts.undeliveredQueue,
      webhookDeadLetters: this.webhooks.deadLetterQueue,
    });
    this.auth.tokenTriggerErrors.addAlarmAction(new SnsAction(observability.opsTopic));
    applyNagAcknowledgements({
      stack: this,
      table: this.data.table,
      deadLetterQueue: this.jobs.deadLetterQueue,
      undeliveredAlerts: this.alerts.undeliveredQueue,
      jobFunctions: [...this.jobs.functions, this.webhooks.sender],
      webhookDeadLetters: this.webhooks.deadLetterQueue,
      publicRoutes: this.httpApi.publicRoutes,
      synchronousFunctions: [...this.httpApi.functions.values(), ...this.auth.node.findAll().filter((c) => c instanceof CarestockFunction)],
      storePage: this.storePage,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.api.apiEndpoint });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'StorePageUrl', { value: this.storePage.url });
  }
}
