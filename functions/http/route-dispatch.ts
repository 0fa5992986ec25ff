/**
 * One Lambda serving several routes (lib/function-groups.ts): API Gateway's route key picks the
 * handler. Each handler is the same one the local server calls for that route and checks that
 * route's scope itself. A route key this function does not serve is a deployment mistake, not a
 * client's: it answers 404 problem+json rather than run some other route's handler.
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { HttpProblem, problemResponse } from './problem.ts';
import { negotiateLocale, withLocale } from '../i18n/locale.ts';
import { t } from '../i18n/messages.ts';

type RouteHandler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export function dispatchByRouteKey(handlers: Readonly<Record<string, RouteHandler>>) {
  return async (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const handler = Object.hasOwn(handlers, event.routeKey) ? handlers[event.routeKey] : undefined;
    if (!handler) {
      return withLocale(negotiateLocale(event.headers?.['accept-language']), () =>
        problemResponse(new HttpProblem('not-found', t('notFound.routeInFunction', { route: event.routeKey })), context.awsRequestId),
      );
    }
    return handler(event, context);
  };
}
