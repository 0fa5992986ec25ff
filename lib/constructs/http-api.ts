/**
 * The HTTP API: one route per entry of the shared route table, served by the function of its group
 * (lib/function-groups.ts: public, reads, writes, alerts), a Cognito JWT authorizer requiring each
 * route's scope (all but health and the OpenAPI document), JSON access logs, default throttling,
 * and table grants that are the union of the group's routes' access.
 *
 * Resources per route: one (the route). Each function has one integration and one API-scoped
 * Lambda permission, whatever the number of routes it serves.
 */
import { Duration } from 'aws-cdk-lib';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpNoneAuthorizer, HttpStage, LogGroupLogDestination, type HttpRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { grantTableAccess } from '../table-grants.ts';
import { routes as routeTable, type RouteDefinition } from '../../functions/routes.ts';
import { functionGroups, writeGroupEntry, type FunctionGroup } from '../function-groups.ts';
import type { Alerts } from './alerts.ts';
import type { Auth } from './auth.ts';
import { CarestockFunction } from './carestock-function.ts';

export interface CarestockHttpApiProps {
  readonly table: ITable;
  readonly auth: Auth;
  readonly alerts: Alerts;
  readonly environment: Record<string, string>;
  readonly allowedOrigins: readonly string[];
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  /** The route table (tests pass a longer one to measure what a route costs). */
  readonly routes?: readonly RouteDefinition[];
}

/**
 * One JSON object per request: enough to tell a refused token (authorizerError) from a failing
 * function (integrationError, integrationStatus) from a slow one (latencies), by route.
 */
export const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLatencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  error: '$context.error.message',
  errorType: '$context.error.responseType',
  sourceIp: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  responseLength: '$context.responseLength',
} as const;

export class CarestockHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** One function per group, by group name. */
  readonly functions = new Map<string, CarestockFunction>();
  readonly groups: readonly FunctionGroup[];
  /** Routes without the authorizer (health, OpenAPI document): cdk-nag acknowledges exactly these. */
  readonly publicRoutes: HttpRoute[] = [];

  constructor(scope: Construct, id: string, props: CarestockHttpApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      description: 'Carestock: PPE stock, requests and deliveries for care homes',
      createDefaultStage: false,
      corsPreflight: props.allowedOrigins.length
        ? {
            allowOrigins: [...props.allowedOrigins],
            allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.PUT, CorsHttpMethod.POST, CorsHttpMethod.PATCH, CorsHttpMethod.DELETE],
            allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
            // The store page names its CSV download from the export's Content-Disposition.
            exposeHeaders: ['content-disposition'],
            maxAge: Duration.hours(1),
          }
        : undefined,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)) },
    });

    const authorizer = new HttpJwtAuthorizer('CognitoJwt', props.auth.issuerUrl, {
      jwtAudience: props.auth.clients.map((client) => client.userPoolClientId),
    });

    this.groups = functionGroups(props.routes ?? routeTable);
    for (const group of this.groups) {
      const fn = this.functionFor(group, props);
      // One integration and one API-scoped permission per function, not per route.
      const integration = new HttpLambdaIntegration(`${group.id}Integration`, fn, { scopePermissionToRoute: false });
      for (const route of group.routes) {
        const added = this.api.addRoutes({
          path: route.path,
          methods: [HttpMethod[route.method]],
          integration,
          ...(route.scope ? { authorizer, authorizationScopes: [route.scope] } : { authorizer: new HttpNoneAuthorizer() }),
        });
        if (!route.scope) this.publicRoutes.push(...added);
      }
    }
  }

  private functionFor(group: FunctionGroup, props: CarestockHttpApiProps): CarestockFunction {
    const fn = new CarestockFunction(this, group.id, {
      entry: writeGroupEntry(group),
      description: `Carestock ${group.name}: ${group.routes.length} route(s) of functions/routes.ts`,
      environment: {
        ...props.environment,
        ...(group.table !== 'none' ? { TABLE_NAME: props.table.tableName } : {}),
        ...(group.alerts ? props.alerts.environment() : {}),
        ...(group.directory ? { USER_POOL_ID: props.auth.userPool.userPoolId } : {}),
      },
    });
    if (group.directory) props.auth.grantDirectory(fn);
    grantTableAccess(props.table, fn, group.table);
    if (group.alerts) props.alerts.grantPublish(fn);
    this.functions.set(group.name, fn);
    return fn;
  }
}
