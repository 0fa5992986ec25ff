/**
 * The HTTP API: one route and one function per entry of the shared route table, a Cognito JWT
 * authorizer requiring each route's scope (all but health and the OpenAPI document), access logs,
 * default throttling, and least-privilege table grants as the route table declares them.
 */
import { Duration } from 'aws-cdk-lib';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpNoneAuthorizer, HttpStage, LogGroupLogDestination, type HttpRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { grantTableAccess } from '../table-grants.ts';
import { routes, type RouteDefinition } from '../../functions/routes.ts';
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
}

export class CarestockHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly functions = new Map<string, CarestockFunction>();
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
            allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.PUT, CorsHttpMethod.POST],
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
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: AccessLogFormat.clf() },
    });

    const authorizer = new HttpJwtAuthorizer('CognitoJwt', props.auth.issuerUrl, {
      jwtAudience: props.auth.clients.map((client) => client.userPoolClientId),
    });

    for (const route of routes) {
      const fn = this.functionFor(route, props);
      const added = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${fn.node.id}Integration`, fn),
        ...(route.scope ? { authorizer, authorizationScopes: [route.scope] } : { authorizer: new HttpNoneAuthorizer() }),
      });
      if (!route.scope) this.publicRoutes.push(...added);
    }
  }

  private functionFor(route: RouteDefinition, props: CarestockHttpApiProps): CarestockFunction {
    const existing = this.functions.get(route.handler);
    if (existing) return existing;
    const id = route.handler.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
    const fn = new CarestockFunction(this, id, {
      handlerFile: route.handler,
      description: `${route.method} ${route.path}: ${route.summary}`,
      environment: {
        ...props.environment,
        ...(route.table !== 'none' ? { TABLE_NAME: props.table.tableName } : {}),
        ...(route.alerts ? props.alerts.environment() : {}),
      },
    });
    grantTableAccess(props.table, fn, route.table);
    if (route.alerts) props.alerts.grantPublish(fn);
    this.functions.set(route.handler, fn);
    return fn;
  }
}
