/** One structured JSON logger for every function; request ids are added per invocation. */
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({ serviceName: 'carestock' });
