/* inflow-sim-policies.c: the IAM policy documents the simulator hands out
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The policies of GET /v1/integrations/aws/info, each a JSON policy document
 * serialised as a string. root, autopilot, cloudwatch and resources are the
 * documents of the example in Vantage's v1 specification (vantage-sh/vantage-go,
 * MIT); s3_request_metrics is not in that example and is written here after
 * the S3 request-metrics permissions.
 */

#define G_LOG_DOMAIN "inflow-sim"

#include "config.h"

#include "inflow-sim-policies.h"

static const char root_policy[] =
  "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":[\"budgets:Describe*\",\"budgets:Vi"
  "ew*\",\"ce:Get*\",\"ce:Describe*\",\"ce:List*\",\"cur:Describe*\",\"pricing:*\",\"organiza"
  "tions:Describe*\",\"organizations:List*\",\"savingsplans:Describe*\"],\"Resource\":\"*\",\""
  "Effect\":\"Allow\",\"Sid\":\"VantageBillingReadOnly\"}]}";

static const char autopilot_policy[] =
  "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":[\"ec2:AcceptReservedInstancesExcha"
  "ngeQuote\",\"ec2:CancelReservedInstancesListing\",\"ec2:CreateReservedInstancesListing\",\""
  "ec2:CreateTags\",\"ec2:DeleteQueuedReservedInstances\",\"ec2:ModifyReservedInstances\",\"e"
  "c2:PurchaseReservedInstancesOffering\",\"rds:PurchaseReservedDBInstancesOffering\",\"elast"
  "icache:PurchaseReservedCacheNodesOffering\",\"es:PurchaseReservedInstanceOffering\",\"reds"
  "hift:PurchaseReservedNodeOffering\",\"redshift:AcceptReservedNodeExchange\",\"redshift:Get"
  "ReservedNodeExchangeConfigurationOptions\",\"redshift:GetReservedNodeExchangeOfferings\",\""
  "savingsplans:*\",\"servicequotas:Get*\",\"servicequotas:List*\",\"servicequotas:RequestSer"
  "viceQuotaIncrease\",\"support:*\"],\"Resource\":\"*\",\"Effect\":\"Allow\"}]}";

static const char cloudwatch_policy[] =
  "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":[\"logs:List*\",\"logs:Describe*\","
  "\"logs:StartQuery\",\"logs:StopQuery\",\"logs:Filter*\",\"logs:Get*\"],\"Resource\":\"arn:"
  "aws:logs:*:*:log-group:/aws/containerinsights/*\",\"Effect\":\"Allow\",\"Sid\":\"VantageCo"
  "ntainerInsightsReadOnly\"},{\"Action\":[\"logs:GetQueryResults\",\"logs:DescribeLogGroups\""
  "],\"Resource\":\"arn:aws:logs:*:*:log-group::log-stream:*\",\"Effect\":\"Allow\",\"Sid\":\""
  "VantageContainerInsightsLogStream\"},{\"Action\":[\"autoscaling:Describe*\",\"cloudwatch:D"
  "escribe*\",\"cloudwatch:Get*\",\"cloudwatch:List*\"],\"Resource\":\"*\",\"Effect\":\"Allow"
  "\",\"Sid\":\"VantageContainerMetricsAccess\"}]}";

static const char s3_request_metrics_policy[] =
  "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"VantageS3RequestMetrics\",\"Effect\""
  ":\"Allow\",\"Action\":[\"s3:GetMetricsConfiguration\",\"s3:ListBucketMetricsConfigurations"
  "\",\"s3:PutMetricsConfiguration\",\"s3:GetBucketLocation\",\"s3:ListAllMyBuckets\"],\"Reso"
  "urce\":\"*\"}]}";

static const char resources_policy[] =
  "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Resource\":\"*\",\"Acti"
  "on\":[\"a4b:List*\",\"a4b:Search*\",\"acm:Describe*\",\"acm:List*\",\"acm-pca:Describe*\","
  "\"acm-pca:List*\",\"amplify:ListApps\",\"amplify:ListBranches\",\"amplify:ListDomainAssoci"
  "ations\",\"amplify:ListJobs\",\"application-autoscaling:Describe*\",\"applicationinsights:"
  "Describe*\",\"applicationinsights:List*\",\"appmesh:Describe*\",\"appmesh:List*\",\"appstr"
  "eam:Describe*\",\"appstream:List*\",\"appsync:List*\",\"autoscaling-plans:Describe*\",\"at"
  "hena:Batch*\",\"backup:Describe*\",\"backup:List*\",\"batch:List*\",\"batch:Describe*\",\""
  "budgets:Describe*\",\"budgets:View*\",\"ce:Get*\",\"chatbot:Describe*\",\"chime:List*\",\""
  "chime:Retrieve*\",\"chime:Search*\",\"chime:Validate*\",\"cloud9:Describe*\",\"cloud9:List"
  "*\",\"clouddirectory:List*\",\"cloudformation:Describe*\",\"cloudhsm:List*\",\"cloudhsm:De"
  "scribe*\",\"cloudsearch:Describe*\",\"cloudtrail:Describe*\",\"cloudtrail:Get*\",\"cloudtr"
  "ail:List*\",\"cloudwatch:Describe*\",\"codeartifact:DescribeDomain\",\"codeartifact:Descri"
  "bePackageVersion\",\"codeartifact:DescribeRepository\",\"codeartifact:ListDomains\",\"code"
  "artifact:ListPackages\",\"codeartifact:ListPackageVersionAssets\",\"codeartifact:ListPacka"
  "geVersionDependencies\",\"codeartifact:ListPackageVersions\",\"codeartifact:ListRepositori"
  "es\",\"codeartifact:ListRepositoriesInDomain\",\"codebuild:DescribeCodeCoverages\",\"codeb"
  "uild:DescribeTestCases\",\"codebuild:Get*\",\"codebuild:List*\",\"codebuild:BatchGetBuilds"
  "\",\"codebuild:BatchGetProjects\",\"codecommit:Describe*\",\"codeguru-profiler:Describe*\""
  ",\"codeguru-profiler:List*\",\"codeguru-reviewer:Describe*\",\"codeguru-reviewer:List*\",\""
  "codepipeline:List*\",\"codepipeline:Get*\",\"codestar:Describe*\",\"connect:Describe*\",\""
  "dataexchange:List*\",\"datasync:Describe*\",\"datasync:List*\",\"datapipeline:Describe*\","
  "\"datapipeline:List*\",\"detective:List*\",\"discovery:Describe*\",\"dms:Describe*\",\"ds:"
  "Check*\",\"ds:Describe*\",\"ds:List*\",\"dynamodb:Describe*\",\"dynamodb:List*\",\"ec2:Des"
  "cribe*\",\"ec2:GetCapacityReservationUsage\",\"ec2:GetEbsEncryptionByDefault\",\"ec2:Searc"
  "hTransitGatewayRoutes\",\"ecr:BatchCheck*\",\"ecr:BatchGet*\",\"ecr:Describe*\",\"ecr:List"
  "*\",\"eks:DescribeCluster\",\"eks:DescribeUpdate\",\"eks:Describe*\",\"eks:ListClusters\","
  "\"eks:ListUpdates\",\"eks:List*\",\"elasticache:List*\",\"elasticbeanstalk:Check*\",\"elas"
  "ticbeanstalk:Describe*\",\"elasticbeanstalk:List*\",\"elasticbeanstalk:Request*\",\"elasti"
  "cbeanstalk:Retrieve*\",\"elasticbeanstalk:Validate*\",\"elasticfilesystem:Describe*\",\"el"
  "asticloadbalancing:Describe*\",\"elasticmapreduce:Describe*\",\"elasticmapreduce:View*\",\""
  "elemental-appliances-software:List*\",\"es:Describe*\",\"es:List*\",\"events:Describe*\",\""
  "events:List*\",\"events:Test*\",\"firehose:Describe*\",\"fsx:Describe*\",\"fsx:List*\",\"f"
  "reertos:Describe*\",\"freertos:List*\",\"glacier:Describe*\",\"globalaccelerator:Describe*"
  "\",\"globalaccelerator:List*\",\"glue:ListCrawlers\",\"glue:ListDevEndpoints\",\"glue:List"
  "Jobs\",\"glue:ListMLTransforms\",\"glue:ListTriggers\",\"glue:ListWorkflows\",\"guardduty:"
  "List*\",\"health:Describe*\",\"iam:Get*\",\"imagebuilder:List*\",\"importexport:List*\",\""
  "inspector:Describe*\",\"inspector:Preview*\",\"iot:Describe*\",\"iotanalytics:Describe*\","
  "\"iotanalytics:List*\",\"iotsitewise:Describe*\",\"iotsitewise:List*\",\"kafka:Describe*\""
  ",\"kafka:List*\",\"kinesisanalytics:Describe*\",\"kinesisanalytics:Discover*\",\"kinesisan"
  "alytics:List*\",\"kinesisvideo:Describe*\",\"kinesisvideo:List*\",\"kinesis:Describe*\",\""
  "kinesis:List*\",\"kms:Describe*\",\"kms:List*\",\"license-manager:List*\",\"logs:ListTagsL"
  "ogGroup\",\"logs:TestMetricFilter\",\"mediaconvert:DescribeEndpoints\",\"mediaconvert:List"
  "*\",\"mediapackage:List*\",\"mediapackage:Describe*\",\"medialive:List*\",\"medialive:Desc"
  "ribe*\",\"mediaconnect:List*\",\"mediaconnect:Describe*\",\"mediapackage-vod:List*\",\"med"
  "iapackage-vod:Describe*\",\"mediastore:List*\",\"mediastore:Describe*\",\"mediatailor:List"
  "*\",\"mediatailor:Describe*\",\"mgh:Describe*\",\"mgh:List*\",\"mobilehub:Describe*\",\"mo"
  "bilehub:List*\",\"mobiletargeting:List*\",\"mq:Describe*\",\"mq:List*\",\"opsworks-cm:List"
  "*\",\"organizations:Describe*\",\"outposts:List*\",\"personalize:Describe*\",\"personalize"
  ":List*\",\"pi:DescribeDimensionKeys\",\"qldb:ListLedgers\",\"qldb:ListTagsForResource\",\""
  "ram:List*\",\"rekognition:List*\",\"rds:List*\",\"redshift:Describe*\",\"redshift:View*\","
  "\"resource-groups:Get*\",\"resource-groups:List*\",\"resource-groups:Search*\",\"robomaker"
  ":BatchDescribe*\",\"robomaker:Describe*\",\"robomaker:List*\",\"route53domains:Check*\",\""
  "route53domains:Get*\",\"route53domains:View*\",\"s3:List*\",\"s3:GetBucketLocation\",\"s3:"
  "GetBucketTagging\",\"schemas:Describe*\",\"schemas:List*\",\"secretsmanager:List*\",\"secr"
  "etsmanager:Describe*\",\"securityhub:Describe*\",\"securityhub:List*\",\"serverlessrepo:Li"
  "st*\",\"servicecatalog:Describe*\",\"servicediscovery:Get*\",\"servicediscovery:List*\",\""
  "ses:Describe*\",\"shield:Describe*\",\"snowball:Describe*\",\"snowball:List*\",\"sqs:List*"
  "\",\"ssm:Describe*\",\"ssm:List*\",\"sso:Describe*\",\"sso:List*\",\"sso:Search*\",\"sso-d"
  "irectory:Describe*\",\"sso-directory:List*\",\"sso-directory:Search*\",\"states:List*\",\""
  "states:Describe*\",\"storagegateway:Describe*\",\"storagegateway:List*\",\"sts:GetCallerId"
  "entity\",\"sts:GetSessionToken\",\"swf:Describe*\",\"synthetics:Describe*\",\"synthetics:L"
  "ist*\",\"tag:Get*\",\"transfer:Describe*\",\"transfer:List*\",\"transcribe:List*\",\"wafv2"
  ":Describe*\",\"worklink:Describe*\",\"worklink:List*\"]}]}";

/* Returns the policy document called @name (root, autopilot, cloudwatch,
 * s3_request_metrics or resources), or NULL. */
const char *
inflow_sim_policies_get (const char *name)
{
  static const struct {
    const char *name;
    const char *document;
  } policies[] = {
    { "root", root_policy },
    { "autopilot", autopilot_policy },
    { "cloudwatch", cloudwatch_policy },
    { "s3_request_metrics", s3_request_metrics_policy },
    { "resources", resources_policy },
  };

  for (guint i = 0; i < G_N_ELEMENTS (policies); i++)
    {
      if (g_strcmp0 (policies[i].name, name) == 0)
        return policies[i].document;
    }

  return NULL;
}
