/**
 * Every Carestock Lambda: Node.js 24 on arm64, an esbuild ESM bundle (minified, source maps, SDK
 * bundled, built by the locally installed esbuild, never Docker), JSON logs with a retention, and
 * X-Ray tracing. One construct, so settings are never copied per function.
 */
import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ESM_REQUIRE_BANNER, LAMBDA_ALIASES, LAMBDA_NODE_TARGET } from '../bundling.ts';

export const handlersDirectory = join(import.meta.dirname, '..', '..', 'functions', 'handlers');
const projectRoot = join(import.meta.dirname, '..', '..');

export interface CarestockFunctionProps {
  /** File under functions/handlers/, without extension; or `entry`, an absolute path (a route group's generated entry). */
  readonly handlerFile?: string;
  readonly entry?: string;
  readonly description: string;
  readonly environment?: Record<string, string>;
  readonly timeout?: Duration;
  readonly memorySize?: number;
}

export class CarestockFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: CarestockFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Its own role that may write only to its own log group (the managed basic execution role
    // would let it write to every log group in the account).
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    super(scope, id, {
      role,
      entry: props.entry ?? join(handlersDirectory, `${props.handlerFile}.ts`),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: join(projectRoot, 'package-lock.json'),
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      logGroup,
      environment: {
        POWERTOOLS_SERVICE_NAME: 'carestock',
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: LAMBDA_NODE_TARGET,
        minify: true,
        sourceMap: true,
        sourceMapMode: SourceMapMode.EXTERNAL,
        sourcesContent: false,
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        externalModules: [],
        esbuildArgs: Object.fromEntries(Object.entries(LAMBDA_ALIASES).map(([module, file]) => [`--alias:${module}`, file])),
        forceDockerBundling: false,
      },
    });
  }
}
