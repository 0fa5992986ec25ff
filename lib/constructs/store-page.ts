/**
 * The store page on AWS: its files in a private S3 bucket (all public access blocked, SSL only,
 * encrypted, access-logged), served by CloudFront through origin access control (the bucket
 * trusts only this distribution), with security headers on every response. `config.json` beside
 * the files tells the page where the API and the Cognito hosted UI are; the BucketDeployment writes
 * it at deploy time, when those addresses are known.
 *
 * Caching: index.html and config.json are never cached (a deploy shows at once); the hashed files
 * under assets/ are cached for a year (a new build has new names).
 */
import { AssetHashType, DockerImage, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
  type BehaviorOptions,
  type ICachePolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { buildStorePageInto, storePageContentSecurityPolicy, webDirectory } from '../store-page-assets.ts';

export interface StorePageProps {
  /** Origins the page may call besides its own (the API, the Cognito domain): its CSP connect-src. */
  readonly connectTo: readonly string[];
}

/** What the deployed page reads from config.json. */
export interface StorePageConfig {
  readonly apiUrl: string;
  readonly cognitoDomain: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  /** The stock rules' thresholds the functions run with, for the page's legend and chart line. */
  readonly thresholds: { readonly criticalDays: number; readonly shortfallDays: number; readonly staleAfterDays: number };
}

export class StorePage extends Construct {
  readonly bucket: Bucket;
  readonly logBucket: Bucket;
  readonly distribution: Distribution;
  /** The built files as a CDK asset (set by `publish`): its bucket is what the deployment reads. */
  files?: Asset;
  deployment?: BucketDeployment;
  /** https://<id>.cloudfront.net, without a trailing slash: an origin, for CORS. */
  readonly origin: string;
  /** The page's address, as registered for the Cognito callback: the origin and `/`. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: StorePageProps) {
    super(scope, id);
    // The page bucket's S3 server access logs arrive through this bucket's policy (logging.s3,
    // cdk.json's serverAccessLogsUseBucketPolicy), not a canned ACL that an update would rewrite.
    // CloudFront's standard logs (legacy) still need ACLs enabled (owner-preferred): CloudFront adds
    // its own grant when it first delivers, and no template property resets it. Standard logging v2
    // (bucket policy only) is configured through CloudWatch Logs in us-east-1: a second stack.
    this.logBucket = new Bucket(this, 'Logs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'page-bucket/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const security = {
      contentSecurityPolicy: { contentSecurityPolicy: storePageContentSecurityPolicy(props.connectTo), override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
    };
    const headers = (name: string, cacheControl: string) =>
      new ResponseHeadersPolicy(this, name, {
        comment: `Carestock store page: security headers, Cache-Control ${cacheControl}`,
        securityHeadersBehavior: security,
        customHeadersBehavior: { customHeaders: [{ header: 'Cache-Control', value: cacheControl, override: true }] },
      });

    const origin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    const behaviour = (cachePolicy: ICachePolicy, responseHeadersPolicy: ResponseHeadersPolicy): BehaviorOptions => ({
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      compress: true,
      cachePolicy,
      responseHeadersPolicy,
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Carestock store page',
      defaultRootObject: 'index.html',
      defaultBehavior: behaviour(CachePolicy.CACHING_DISABLED, headers('PageHeaders', 'no-cache')),
      additionalBehaviors: {
        'assets/*': behaviour(CachePolicy.CACHING_OPTIMIZED, headers('AssetHeaders', 'public, max-age=31536000, immutable')),
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Users are in Wales: Europe and North America's edge locations are plenty, and cheapest.
      priceClass: PriceClass.PRICE_CLASS_100,
      // Takes effect with a custom domain and certificate; the default *.cloudfront.net one is fixed by AWS.
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;
    this.url = `${this.origin}/`;
  }

  /** Uploads the built page and its config.json (the API and Cognito addresses, known at deploy time). */
  publish(config: StorePageConfig): BucketDeployment {
    this.files = new Asset(this, 'BuiltFiles', {
      path: webDirectory,
      assetHashType: AssetHashType.OUTPUT,
      bundling: {
        // Never pulled: the local esbuild builds it (as for the functions, no Docker).
        image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24-slim'),
        local: {
          tryBundle(outputDir: string) {
            buildStorePageInto(outputDir);
            return true;
          },
        },
      },
    });
    const pageConfig = Source.jsonData('config.json', {
      mode: 'cognito',
      apiUrl: config.apiUrl,
      thresholds: config.thresholds,
      cognito: { domain: config.cognitoDomain, clientId: config.clientId, scopes: config.scopes },
    });
    this.deployment = new BucketDeployment(this, 'Deploy', {
      sources: [Source.bucket(this.files.bucket, this.files.s3ObjectKey), pageConfig],
      destinationBucket: this.bucket,
      memoryLimit: 256,
      // Its handler's logs expire like every other log group's.
      logGroup: new LogGroup(this, 'DeployLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY }),
    });
    return this.deployment;
  }
}

/** CSP connect-src for the deployed page: the region's API Gateway hosts and the Cognito domain. */
export function storePageConnectSources(stack: Stack, cognitoDomainPrefix: string): string[] {
  // Not the API's own URL: the API's CORS names this distribution, so naming the API here would be a cycle.
  return [`https://*.execute-api.${stack.region}.amazonaws.com`, `https://${cognitoDomainPrefix}.auth.${stack.region}.amazoncognito.com`];
}
