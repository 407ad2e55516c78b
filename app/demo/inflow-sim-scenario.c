/* inflow-sim-scenario.c: the organization behind the Vantage API simulator
 *
 * Copyright 2026 The Inflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deterministic organization generated from a seed: workspaces, users,
 * teams, AWS accounts (a main organization with a management account and
 * member accounts, plus standalone payers, one of them in GovCloud), the
 * integrations that connect them, and non-AWS integrations.
 *
 * Everything is compact so that 10,000 integrations and 5,000 accounts cost
 * nothing: integrations and accounts are small structs in arrays; costs are
 * never stored but computed from a hash of (seed, account, service, day) when
 * /costs is queried; the lifecycle of an integration (pending → importing →
 * imported, first CUR, refreshes every 8-12 h, data frozen when stale or in
 * error) is a pure function of the virtual time asked about.
 */

#define G_LOG_DOMAIN "inflow-sim"

#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>

#include "inflow-sim-json.h"
#include "inflow-sim-policies.h"
#include "inflow-sim-scenario.h"

#define MINUTE (G_USEC_PER_SEC * G_GINT64_CONSTANT (60))
#define HOUR   (MINUTE * 60)
#define DAY    (HOUR * 24)

#define HISTORY_DAYS 35
#define NEVER G_MAXINT64
#define NO_DAY G_MININT64

#define COMPANY_DOMAIN "meridianfreight.example"

typedef enum
{
  STATUS_CONNECTED,
  STATUS_ERROR,
  STATUS_PENDING,
  STATUS_IMPORTING,
  STATUS_IMPORTED,
  STATUS_DISCONNECTED,
  N_STATUS
} SimStatus;

static const char * const status_names[N_STATUS] = {
  "connected", "error", "pending", "importing", "imported", "disconnected",
};

/* The provider enum of the v2 spec. */
static const char * const known_providers[] = {
  "aws", "azure", "gcp", "snowflake", "databricks", "mongo", "datadog",
  "fastly", "new_relic", "opencost", "open_ai", "oracle", "confluent",
  "planetscale", "coralogix", "kubernetes", "custom_provider", "github",
  "linode", "grafana", "clickhouse", "temporal", "twilio", "azure_csp",
  "kubernetes_agent", "anthropic", "anyscale", "cursor", "elastic", "vercel",
  "redis_cloud", "circle_ci", "modal", "eleven_labs", "baseten", "cloudflare",
  "fireworks_ai", "cartesia", "depot", "xai", "digital_ocean", "together_ai", "coreweave",
};

typedef enum
{
  RES_NONE,
  RES_EC2,
  RES_EBS,
  RES_S3,
  RES_RDS,
  RES_LAMBDA,
  RES_DYNAMODB,
  RES_ELB,
  RES_CLOUDFRONT,
  RES_EKS,
  RES_ELASTICACHE,
  RES_NAT,
} ResourceKind;

typedef struct
{
  const char   *provider;
  const char   *name;
  guint         weight;
  gboolean      always;
  gboolean      global;
  ResourceKind  resources;
} SimService;

/* At most 64 (the services of an account are a 64-bit mask). */
static const SimService services[] = {
  { "aws", "Amazon Elastic Compute Cloud - Compute", 300, TRUE, FALSE, RES_EC2 },
  { "aws", "EC2 - Other", 90, TRUE, FALSE, RES_EBS },
  { "aws", "Amazon Simple Storage Service", 80, TRUE, FALSE, RES_S3 },
  { "aws", "Amazon Relational Database Service", 160, FALSE, FALSE, RES_RDS },
  { "aws", "AWS Lambda", 25, FALSE, FALSE, RES_LAMBDA },
  { "aws", "Amazon CloudWatch", 30, TRUE, FALSE, RES_NONE },
  { "aws", "Amazon Elastic Container Service for Kubernetes", 40, FALSE, FALSE, RES_EKS },
  { "aws", "Amazon DynamoDB", 35, FALSE, FALSE, RES_DYNAMODB },
  { "aws", "Amazon Virtual Private Cloud", 25, TRUE, FALSE, RES_NAT },
  { "aws", "Elastic Load Balancing", 30, FALSE, FALSE, RES_ELB },
  { "aws", "Amazon CloudFront", 20, FALSE, TRUE, RES_CLOUDFRONT },
  { "aws", "AWS Key Management Service", 5, TRUE, FALSE, RES_NONE },
  { "aws", "Amazon Simple Queue Service", 6, FALSE, FALSE, RES_NONE },
  { "aws", "Amazon ElastiCache", 45, FALSE, FALSE, RES_ELASTICACHE },
  { "aws", "Amazon Route 53", 4, FALSE, TRUE, RES_NONE },
  { "aws", "AWS Data Transfer", 35, TRUE, FALSE, RES_NONE },
  { "aws", "Amazon Elastic Container Service", 30, FALSE, FALSE, RES_NONE },
  { "aws", "Amazon Simple Notification Service", 3, FALSE, FALSE, RES_NONE },
  { "aws", "AWS Config", 6, FALSE, FALSE, RES_NONE },
  { "aws", "AWS CloudTrail", 4, FALSE, FALSE, RES_NONE },
  { "aws", "Amazon Redshift", 70, FALSE, FALSE, RES_NONE },
  { "aws", "Amazon OpenSearch Service", 40, FALSE, FALSE, RES_NONE },
  { "aws", "AWS Secrets Manager", 3, FALSE, FALSE, RES_NONE },
  { "aws", "Amazon Elastic File System", 12, FALSE, FALSE, RES_NONE },
  { "gcp", "Compute Engine", 200, TRUE, FALSE, RES_NONE },
  { "gcp", "BigQuery", 120, TRUE, FALSE, RES_NONE },
  { "gcp", "Cloud Storage", 60, TRUE, FALSE, RES_NONE },
  { "gcp", "Kubernetes Engine", 90, FALSE, FALSE, RES_NONE },
  { "azure", "Virtual Machines", 200, TRUE, FALSE, RES_NONE },
  { "azure", "Storage", 60, TRUE, FALSE, RES_NONE },
  { "azure", "Azure SQL Database", 110, FALSE, FALSE, RES_NONE },
  { "azure", "Bandwidth", 20, TRUE, FALSE, RES_NONE },
  { "datadog", "Infrastructure Hosts", 150, TRUE, TRUE, RES_NONE },
  { "datadog", "APM Hosts", 90, TRUE, TRUE, RES_NONE },
  { "datadog", "Indexed Logs", 70, FALSE, TRUE, RES_NONE },
  { "snowflake", "Warehouse Metering", 200, TRUE, TRUE, RES_NONE },
  { "snowflake", "Storage", 30, TRUE, TRUE, RES_NONE },
  { "fastly", "CDN Bandwidth", 100, TRUE, TRUE, RES_NONE },
  { "new_relic", "Data Ingest", 80, TRUE, TRUE, RES_NONE },
  { "new_relic", "Full Platform Users", 60, TRUE, TRUE, RES_NONE },
  { "open_ai", "gpt-4o", 100, TRUE, TRUE, RES_NONE },
  { "open_ai", "text-embedding-3-small", 10, TRUE, TRUE, RES_NONE },
  { "mongo", "Atlas Dedicated Cluster", 120, TRUE, TRUE, RES_NONE },
  { "databricks", "Jobs Compute", 150, TRUE, TRUE, RES_NONE },
  { "databricks", "SQL Warehouse", 80, FALSE, TRUE, RES_NONE },
  { "github", "Actions", 40, TRUE, TRUE, RES_NONE },
  { "cloudflare", "Workers", 20, TRUE, TRUE, RES_NONE },
  { "anthropic", "Claude API", 90, TRUE, TRUE, RES_NONE },
};
G_STATIC_ASSERT (G_N_ELEMENTS (services) <= 64);

/* Index 0 is "no region" (null). */
static const char * const regions[] = {
  NULL, "global", "us-east-1", "us-east-2", "us-west-2", "eu-west-1",
  "eu-central-1", "ap-southeast-2", "us-gov-west-1", "us-central1",
  "europe-west1", "eastus", "westeurope",
};
enum {
  REGION_NONE = 0,
  REGION_GLOBAL = 1,
  REGION_US_EAST_1 = 2,
  REGION_GOV = 8,
  REGION_GCP = 9,
  REGION_AZURE = 11,
};
/* Primary regions of AWS accounts, drawn with repetition for weight. */
static const guint8 aws_regions[] = { 2, 2, 2, 2, 4, 4, 5, 5, 3, 6, 7 };

static const char * const account_titles[] = {
  "Production", "Staging", "Development", "Data Platform", "Security Tooling",
  "Log Archive", "Shared Services", "Networking", "Analytics",
  "Machine Learning", "Payments", "Identity", "Sandbox", "QA",
  "Disaster Recovery", "Marketing Web", "Mobile Backend", "Customer Portal",
  "Billing", "Search", "Edge", "CI/CD", "Observability", "Fleet Tracking",
  "Route Planning", "Warehouse Systems", "Partner API", "Reporting",
};
static const char * const account_envs[] = {
  "EU", "US West", "APAC", "Legacy", "Blue", "Green",
};

static const char * const words[] = {
  "api", "web", "worker", "billing", "search", "ingest", "reports", "auth",
  "checkout", "etl", "events", "tracking", "routing", "fleet", "ledger",
  "notify", "media", "cache", "gateway", "orders",
};

static const char * const first_names[] = {
  "Priya", "Jonas", "Amara", "Diego", "Mei", "Oluwaseun", "Hannah", "Mateo",
  "Ingrid", "Kenji", "Fatima", "Liam", "Sofia", "Tomasz", "Aisha", "Noah",
  "Elena", "Rafael", "Yuki", "Grace",
};
static const char * const last_names[] = {
  "Raman", "Becker", "Okafor", "Alvarez", "Chen", "Adeyemi", "Schmidt",
  "Rossi", "Larsen", "Watanabe", "Haddad", "O'Brien", "Novak", "Kowalski",
  "Rahman", "Dubois", "Fischer", "Silva", "Tanaka", "Mensah",
};

static const char * const workspace_names[] = {
  "Default", "Production", "Finance", "Sandbox", "Data Platform",
};
#define N_WORKSPACES G_N_ELEMENTS (workspace_names)
#define ALL_WORKSPACES ((1u << N_WORKSPACES) - 1)
enum {
  WS_DEFAULT = 1 << 0,
  WS_PRODUCTION = 1 << 1,
  WS_FINANCE = 1 << 2,
  WS_SANDBOX = 1 << 3,
  WS_DATA = 1 << 4,
};

typedef struct
{
  char   *token;
  gint64  created_at;
  char   *name;        /* NULL: the generated one, workspace_names[index] */
} SimWorkspace;

typedef struct
{
  char       *token;
  char       *name;       /* nullable: invited, never signed in */
  char       *email;
  const char *role;
  char       *default_dashboard_token;
  gint64      last_seen_at;
} SimUser;

typedef struct
{
  char       *token;
  const char *name;
  const char *description;
  guint32     workspaces;
  guint64     users;       /* mask over the users */
} SimTeam;

typedef struct
{
  char       *account_id;
  char       *title;
  char       *provider_uuid;
  const char *partition;    /* AWS only */
  gint16      provider;     /* index in known_providers */
  gint16      region;
  gint32      billing;      /* the payer account */
  gint32      cost_source;  /* integration whose data carries its costs */
  gint32      own_integration;
  guint64     services;
  guint64     key;          /* hash of the account id */
  gint64      daily_cents;
  guint       weight_total;
} SimAccount;

typedef struct
{
  char       *token;
  const char *provider;
  char       *account_identifier;  /* nullable */
  gint32      account;             /* -1 */
  guint32     workspaces;
  gint64      created_at;
  gboolean    deleted;

  /* Onboarding integrations go pending → importing → imported on their own;
   * the others keep @status. */
  gboolean    onboarding;
  SimStatus   status;
  int         status_override;     /* -1 or a SimStatus */
  gint64      importing_at;
  gint64      imported_at;
  gint64      first_cur_at;
  gint64      refresh_anchor;
  gint64      refresh_period;
  gint64      frozen_at;           /* NEVER: the data keeps flowing */

  /* v1 AwsAccessCredential */
  int         v1_id;
  char       *cross_account_arn;
  char       *bucket_arn;
} SimIntegration;

typedef struct
{
  SimStatus status;
  gint64    last_updated;     /* INFLOW_SIM_NO_TIME: null */
  gint64    newest_day;       /* NO_DAY: no data yet */
  gint64    resources_from;   /* first day with resource ids; G_MAXINT64: none */
} SimState;

struct _InflowSimScenario
{
  GObject     parent_instance;

  guint64     seed;
  GRand      *rand;
  gint64      start_time;
  gint64      history_start_day;

  char       *org_id;
  char       *external_id;
  char       *vantage_id;
  char       *iam_role_arn;
  char       *iam_role_id;
  char       *default_dashboard;

  GArray     *workspaces;     /* SimWorkspace */
  GArray     *users;          /* SimUser */
  GArray     *teams;          /* SimTeam */
  GArray     *accounts;       /* SimAccount */
  GArray     *integrations;   /* SimIntegration */
  GHashTable *integration_by_token;  /* token → index + 1 */
  GHashTable *account_by_id;         /* account id → index + 1 */
  GHashTable *used_tokens;

  int         notable[INFLOW_SIM_N_NOTABLE];
  int         next_v1_id;
};

G_DEFINE_FINAL_TYPE (InflowSimScenario, inflow_sim_scenario, G_TYPE_OBJECT)

/* ---- hashing -------------------------------------------------------------- */

static inline guint64
mix64 (guint64 z)
{
  z += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static inline guint64
hash3 (guint64 a,
       guint64 b,
       guint64 c)
{
  return mix64 (a ^ mix64 (b ^ mix64 (c)));
}

/* [0, 1) */
static inline double
unit_of (guint64 h)
{
  return (double) (h >> 11) * (1.0 / 9007199254740992.0);
}

static guint64
hash_string (guint64     seed,
             const char *text)
{
  guint64 h = mix64 (seed);

  for (const char *p = text; *p != '\0'; p++)
    h = mix64 (h ^ (guchar) *p);

  return h;
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;

  return q;
}

/* ---- small generators ----------------------------------------------------- */

static char *
random_hex (GRand *rand,
            guint  length)
{
  static const char hex[] = "0123456789abcdef";
  char *out = g_malloc (length + 1);

  for (guint i = 0; i < length; i++)
    out[i] = hex[g_rand_int_range (rand, 0, 16)];
  out[length] = '\0';

  return out;
}

static char *
random_chars (GRand      *rand,
              const char *alphabet,
              guint       length)
{
  gint32 n = (gint32) strlen (alphabet);
  char *out = g_malloc (length + 1);

  for (guint i = 0; i < length; i++)
    out[i] = alphabet[g_rand_int_range (rand, 0, n)];
  out[length] = '\0';

  return out;
}

/* A token with a type prefix, unique in the scenario. */
static char *
new_token (InflowSimScenario *self,
           const char        *prefix)
{
  for (;;)
    {
      g_autofree char *hex = random_hex (self->rand, 16);
      char *token = g_strconcat (prefix, hex, NULL);

      if (!g_hash_table_contains (self->used_tokens, token))
        {
          g_hash_table_add (self->used_tokens, g_strdup (token));
          return token;
        }
      g_free (token);
    }
}

static char *
new_account_id (InflowSimScenario *self)
{
  for (;;)
    {
      char *id = random_chars (self->rand, "0123456789", 12);

      if (id[0] != '0' && !g_hash_table_contains (self->account_by_id, id))
        return id;
      g_free (id);
    }
}

static gint64
random_span (GRand  *rand,
             gint64  min,
             gint64  max)
{
  return min + (gint64) (g_rand_double (rand) * (double) (max - min));
}

static int
provider_index (const char *provider)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_providers); i++)
    {
      if (g_ascii_strcasecmp (known_providers[i], provider) == 0)
        return (int) i;
    }

  return -1;
}

gboolean
inflow_sim_is_known_provider (const char *provider)
{
  return provider != NULL && provider_index (provider) >= 0;
}

static gboolean
provider_has_services (const char *provider)
{
  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    {
      if (g_str_equal (services[i].provider, provider))
        return TRUE;
    }

  return FALSE;
}

/* ---- lifecycle ------------------------------------------------------------ */

static SimIntegration *
integration_at (InflowSimScenario *self,
                guint              index)
{
  return &g_array_index (self->integrations, SimIntegration, index);
}

static SimAccount *
account_at (InflowSimScenario *self,
            guint              index)
{
  return &g_array_index (self->accounts, SimAccount, index);
}

static void
integration_state (InflowSimScenario    *self,
                   const SimIntegration *integ,
                   gint64                now,
                   SimState             *state)
{
  gboolean aws = g_str_equal (integ->provider, "aws");
  gint64 t = MIN (now, integ->frozen_at);

  state->status = integ->status;
  state->last_updated = INFLOW_SIM_NO_TIME;
  state->newest_day = NO_DAY;
  state->resources_from = G_MAXINT64;

  if (integ->onboarding)
    {
      if (now < integ->importing_at)
        {
          state->status = STATUS_PENDING;
        }
      else if (now < integ->imported_at)
        {
          state->status = STATUS_IMPORTING;
          state->last_updated = integ->importing_at;
        }
      else if (t < integ->first_cur_at)
        {
          /* Imported from Cost Explorer: service-level history up to two
           * days before the connection, no costs by resource yet. */
          state->status = STATUS_IMPORTED;
          state->last_updated = integ->imported_at;
          state->newest_day = inflow_sim_day_of (integ->created_at) - 2;
        }
      else
        {
          gint64 n = floor_div (t - integ->first_cur_at, integ->refresh_period);
          gint64 last = integ->first_cur_at + n * integ->refresh_period;

          state->status = STATUS_IMPORTED;
          state->last_updated = last;
          state->newest_day = inflow_sim_day_of (last);
          /* The first CUR covers the current month only. */
          if (aws)
            state->resources_from = inflow_sim_day_month_start (inflow_sim_day_of (integ->first_cur_at));
        }
    }
  else if (integ->status == STATUS_PENDING)
    {
      /* never validated: no data */
    }
  else if (integ->status == STATUS_IMPORTING)
    {
      state->last_updated = integ->importing_at;
    }
  else
    {
      gint64 n = floor_div (t - integ->refresh_anchor, integ->refresh_period);
      gint64 last = integ->refresh_anchor + n * integ->refresh_period;

      state->last_updated = last;
      state->newest_day = inflow_sim_day_of (last);
      if (aws)
        state->resources_from = G_MININT64;
    }

  if (integ->status_override >= 0)
    state->status = (SimStatus) integ->status_override;
}

/* The state of the data of an account (that of its cost source). */
static gboolean
account_data_state (InflowSimScenario *self,
                    const SimAccount  *acc,
                    gint64             now,
                    SimState          *state)
{
  const SimIntegration *source;

  if (acc->cost_source < 0)
    return FALSE;

  source = integration_at (self, (guint) acc->cost_source);
  if (source->deleted)
    return FALSE;

  integration_state (self, source, now, state);

  return state->newest_day != NO_DAY;
}

static gboolean
integration_in_workspace (InflowSimScenario *self,
                          gint32             index,
                          int                workspace)
{
  const SimIntegration *integ;

  if (index < 0)
    return FALSE;

  integ = integration_at (self, (guint) index);

  return !integ->deleted && (integ->workspaces & (1u << workspace)) != 0;
}

static gboolean
account_visible (InflowSimScenario *self,
                 const SimAccount  *acc,
                 int                workspace)
{
  return integration_in_workspace (self, acc->cost_source, workspace) ||
         integration_in_workspace (self, acc->own_integration, workspace);
}

/* ---- generation ----------------------------------------------------------- */

static void
pick_services (InflowSimScenario *self,
               SimAccount        *acc,
               const char        *provider)
{
  acc->services = 0;
  acc->weight_total = 0;

  for (guint s = 0; s < G_N_ELEMENTS (services); s++)
    {
      if (!g_str_equal (services[s].provider, provider))
        continue;
      if (services[s].always || g_rand_double (self->rand) < 0.5)
        {
          acc->services |= G_GUINT64_CONSTANT (1) << s;
          acc->weight_total += services[s].weight;
        }
    }
}

static int
add_account (InflowSimScenario *self,
             const char        *provider,
             char              *account_id,    /* transfer full */
             char              *title,         /* transfer full */
             char              *provider_uuid, /* transfer full */
             const char        *partition,
             gint32             billing,
             double             min_daily,
             double             max_daily)
{
  SimAccount acc = { 0 };
  int index = (int) self->accounts->len;

  acc.account_id = account_id;
  acc.title = title;
  acc.provider_uuid = provider_uuid;
  acc.partition = partition;
  acc.provider = (gint16) provider_index (provider);
  acc.billing = billing < 0 ? index : billing;
  acc.cost_source = -1;
  acc.own_integration = -1;
  acc.key = hash_string (self->seed, account_id);

  if (g_str_equal (provider, "aws"))
    {
      if (g_strcmp0 (partition, "aws-us-gov") == 0)
        acc.region = REGION_GOV;
      else
        acc.region = aws_regions[g_rand_int_range (self->rand, 0, G_N_ELEMENTS (aws_regions))];
    }
  else if (g_str_equal (provider, "gcp"))
    acc.region = REGION_GCP + g_rand_int_range (self->rand, 0, 2);
  else if (g_str_equal (provider, "azure"))
    acc.region = REGION_AZURE + g_rand_int_range (self->rand, 0, 2);
  else
    acc.region = REGION_NONE;

  pick_services (self, &acc, provider);
  /* log-uniform daily spend */
  acc.daily_cents = (gint64) exp (log (min_daily * 100) +
                                  g_rand_double (self->rand) * (log (max_daily * 100) - log (min_daily * 100)));

  g_array_append_val (self->accounts, acc);
  g_hash_table_insert (self->account_by_id, account_at (self, (guint) index)->account_id,
                       GINT_TO_POINTER (index + 1));

  return index;
}

static char *
org_account_uuid (const char *partition,
                  const char *management,
                  const char *org_id,
                  const char *account_id)
{
  return g_strdup_printf ("arn:%s:organizations::%s:account/%s/%s",
                          partition, management, org_id, account_id);
}

static char *
new_org_id (InflowSimScenario *self)
{
  g_autofree char *suffix = random_chars (self->rand, "abcdefghijklmnopqrstuvwxyz0123456789", 10);

  return g_strconcat ("o-", suffix, NULL);
}

/* A standalone AWS payer account in an organization of its own. */
static int
add_standalone_account (InflowSimScenario *self,
                        const char        *partition,
                        const char        *title,
                        double             min_daily,
                        double             max_daily)
{
  g_autofree char *org = new_org_id (self);
  char *id = new_account_id (self);

  return add_account (self, "aws", id, g_strdup (title),
                      org_account_uuid (partition, id, org, id),
                      partition, -1, min_daily, max_daily);
}

/* When the data of an integration must stop so that, at @t0, it is more
 * than @min_age and at most @max_age old the way Inflow counts age: from
 * the end of its newest day with costs, a day later when that end is the
 * first of a month. Of the days that qualify, the one nearest the middle. */
static gint64
frozen_for_age (gint64 t0,
                gint64 min_age,
                gint64 max_age)
{
  gint64 middle = t0 - (min_age + max_age) / 2;
  gint64 best_day = NO_DAY;
  gint64 best_distance = G_MAXINT64;

  for (gint64 day = inflow_sim_day_of (middle) - 3; day <= inflow_sim_day_of (middle) + 3; day++)
    {
      gint64 through = (day + 1) * DAY;
      gint64 age;

      if (inflow_sim_day_month_start (day + 1) == day + 1)
        through += DAY;
      age = t0 - through;
      if (age <= min_age || age > max_age || ABS (through - middle) >= best_distance)
        continue;

      best_day = day;
      best_distance = ABS (through - middle);
    }
  g_assert (best_day != NO_DAY);

  /* An hour before the day ends: its last refresh (8-12 h apart) is on it. */
  return (best_day + 1) * DAY - HOUR;
}

static char *
member_title (guint i)
{
  guint n_titles = G_N_ELEMENTS (account_titles);
  guint n_envs = G_N_ELEMENTS (account_envs);

  if (i < n_titles)
    return g_strdup (account_titles[i]);
  if (i < n_titles * (n_envs + 1))
    return g_strdup_printf ("%s %s", account_titles[i % n_titles], account_envs[i / n_titles - 1]);

  return g_strdup_printf ("%s %u", account_titles[i % n_titles], i / n_titles);
}

static int
add_integration (InflowSimScenario *self,
                 const char        *provider,
                 int                account,
                 SimStatus          status,
                 gint64             created_at,
                 guint32            workspaces)
{
  SimIntegration integ = { 0 };
  gboolean daily = !g_str_equal (provider, "aws");

  integ.token = new_token (self, "accss_crdntl_");
  integ.provider = provider;
  integ.account = account;
  if (account >= 0)
    integ.account_identifier = g_strdup (account_at (self, (guint) account)->account_id);
  integ.workspaces = workspaces;
  integ.created_at = created_at;
  integ.status = status;
  integ.status_override = -1;
  integ.importing_at = created_at + random_span (self->rand, MINUTE, 3 * MINUTE);
  integ.imported_at = integ.importing_at + random_span (self->rand, 20 * MINUTE, 3 * HOUR);
  integ.first_cur_at = created_at + random_span (self->rand, 6 * HOUR, 20 * HOUR);
  integ.refresh_period = daily ? 24 * HOUR : random_span (self->rand, 8 * HOUR, 12 * HOUR);
  integ.refresh_anchor = self->start_time - random_span (self->rand, 0, integ.refresh_period);
  integ.frozen_at = NEVER;

  g_array_append_val (self->integrations, integ);

  return (int) self->integrations->len - 1;
}

static guint32
random_workspaces (InflowSimScenario *self,
                   double             p)
{
  guint32 mask = WS_DEFAULT;

  for (guint w = 1; w < N_WORKSPACES; w++)
    {
      if (g_rand_double (self->rand) < p)
        mask |= 1u << w;
    }

  return mask;
}

static const char * const other_providers[] = {
  "gcp", "gcp", "azure", "azure", "datadog", "snowflake", "custom_provider",
  "kubernetes", "fastly", "new_relic", "open_ai", "mongo", "databricks",
  "github", "cloudflare", "anthropic",
};

static char *
other_account_identifier (InflowSimScenario *self,
                          const char        *provider)
{
  if (g_str_equal (provider, "gcp"))
    {
      const char *alphabet = "0123456789ABCDEF";
      g_autofree char *a = random_chars (self->rand, alphabet, 6);
      g_autofree char *b = random_chars (self->rand, alphabet, 6);
      g_autofree char *c = random_chars (self->rand, alphabet, 6);

      return g_strdup_printf ("%s-%s-%s", a, b, c);
    }
  if (g_str_equal (provider, "azure"))
    {
      g_autofree char *a = random_hex (self->rand, 8);
      g_autofree char *b = random_hex (self->rand, 4);
      g_autofree char *c = random_hex (self->rand, 3);
      g_autofree char *d = random_hex (self->rand, 4);
      g_autofree char *e = random_hex (self->rand, 12);

      return g_strdup_printf ("%s-%s-4%s-%s-%s", a, b, c, d, e);
    }
  if (g_str_equal (provider, "snowflake"))
    {
      g_autofree char *locator = random_chars (self->rand, "0123456789", 5);

      return g_strdup_printf ("MF%s", locator);
    }
  if (g_str_equal (provider, "custom_provider"))
    return NULL;

  {
    g_autofree char *suffix = random_hex (self->rand, 4);

    return g_strdup_printf ("meridian-%s-%s",
                            words[g_rand_int_range (self->rand, 0, G_N_ELEMENTS (words))],
                            suffix);
  }
}

static char *
other_provider_uuid (const char *provider,
                     const char *account_id)
{
  if (g_str_equal (provider, "gcp"))
    return g_strconcat ("billingAccounts/", account_id, NULL);
  if (g_str_equal (provider, "azure"))
    return g_strconcat ("/subscriptions/", account_id, NULL);

  return g_strdup (account_id);
}

static char *
other_title (const char *provider,
             guint       n)
{
  static const char * const suffixes[] = {
    "Analytics", "Enterprise Apps", "Production", "Research", "Shared",
    "Marketing", "Platform", "Europe",
  };
  const char *suffix = suffixes[n % G_N_ELEMENTS (suffixes)];

  if (g_str_equal (provider, "gcp"))
    return g_strdup_printf ("GCP Billing - %s", suffix);
  if (g_str_equal (provider, "azure"))
    return g_strdup_printf ("Azure Subscription - %s", suffix);
  if (g_str_equal (provider, "datadog"))
    return g_strdup_printf ("Datadog - %s", suffix);

  return g_strdup_printf ("%s - %s", provider, suffix);
}

static int
add_other_integration (InflowSimScenario *self,
                       const char        *provider,
                       SimStatus          status,
                       gint64             created_at)
{
  g_autofree char *identifier = other_account_identifier (self, provider);
  int account = -1;
  int index;

  if (identifier != NULL && provider_has_services (provider) &&
      !g_hash_table_contains (self->account_by_id, identifier))
    {
      account = add_account (self, provider, g_strdup (identifier),
                             other_title (provider, self->accounts->len),
                             other_provider_uuid (provider, identifier),
                             NULL, -1, 5, 800);
    }

  index = add_integration (self, provider, account, status, created_at,
                           random_workspaces (self, 0.3));
  if (account >= 0)
    account_at (self, (guint) account)->cost_source = index;
  else
    integration_at (self, (guint) index)->account_identifier = g_steal_pointer (&identifier);

  return index;
}

static void
generate_people (InflowSimScenario *self)
{
  static const struct {
    const char *name;
    const char *description;
    guint32     workspaces;
  } team_defs[] = {
    { "Everyone", NULL, ALL_WORKSPACES },
    { "Platform Engineering", "Runs the shared AWS platform and the accounts it is built on",
      WS_DEFAULT | WS_PRODUCTION | WS_SANDBOX },
    { "FinOps", "Cost allocation, budgets and commitments", WS_DEFAULT | WS_FINANCE },
    { "Data Science", "Analytics and machine-learning workloads", WS_SANDBOX | WS_DATA },
    { "Security", NULL, WS_PRODUCTION },
  };
  guint n_users = 18;
  gboolean used[G_N_ELEMENTS (first_names)][G_N_ELEMENTS (last_names)] = { { FALSE } };

  for (guint i = 0; i < n_users; i++)
    {
      SimUser user = { 0 };
      guint f, l;

      do
        {
          f = (guint) g_rand_int_range (self->rand, 0, G_N_ELEMENTS (first_names));
          l = (guint) g_rand_int_range (self->rand, 0, G_N_ELEMENTS (last_names));
        }
      while (used[f][l]);
      used[f][l] = TRUE;

      user.token = new_token (self, "usr_");
      {
        g_autofree char *local = g_strdup_printf ("%s.%s", first_names[f], last_names[l]);
        g_autofree char *lower = g_ascii_strdown (local, -1);
        GString *clean = g_string_new (NULL);

        for (const char *c = lower; *c != '\0'; c++)
          if (*c != '\'')
            g_string_append_c (clean, *c);
        user.email = g_strdup_printf ("%s@%s", clean->str, COMPANY_DOMAIN);
        g_string_free (clean, TRUE);
      }
      if (i == n_users - 1)
        {
          /* invited, never signed in */
          user.name = NULL;
          user.last_seen_at = INFLOW_SIM_NO_TIME;
        }
      else
        {
          user.name = g_strdup_printf ("%s %s", first_names[f], last_names[l]);
          user.last_seen_at = self->start_time - random_span (self->rand, 10 * MINUTE, 30 * DAY);
        }
      if (i == 0)
        user.role = "Owner";
      else if (i < 3)
        user.role = "Integration Owner";
      else if (i < 12)
        user.role = "Editor";
      else
        user.role = "Viewer";
      if (g_rand_double (self->rand) < 0.4)
        user.default_dashboard_token = new_token (self, "dshbrd_");
      g_array_append_val (self->users, user);
    }

  for (guint t = 0; t < G_N_ELEMENTS (team_defs); t++)
    {
      SimTeam team = { 0 };

      team.token = new_token (self, "team_");
      team.name = team_defs[t].name;
      team.description = team_defs[t].description;
      team.workspaces = team_defs[t].workspaces;
      if (t == 0)
        {
          team.users = (G_GUINT64_CONSTANT (1) << n_users) - 1;
        }
      else
        {
          for (guint u = 0; u < n_users; u++)
            {
              if (g_rand_double (self->rand) < 0.3)
                team.users |= G_GUINT64_CONSTANT (1) << u;
            }
          team.users |= G_GUINT64_CONSTANT (1) << (t % n_users);
        }
      g_array_append_val (self->teams, team);
    }
}

static void
generate_aws_info (InflowSimScenario *self)
{
  g_autofree char *a = random_hex (self->rand, 8);
  g_autofree char *b = random_hex (self->rand, 4);
  g_autofree char *c = random_hex (self->rand, 3);
  g_autofree char *d = random_hex (self->rand, 4);
  g_autofree char *e = random_hex (self->rand, 12);
  g_autofree char *role_suffix = random_chars (self->rand, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 17);

  self->external_id = random_chars (self->rand,
                                    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-",
                                    19);
  self->vantage_id = random_hex (self->rand, 12);
  self->iam_role_arn = g_strdup_printf ("arn:aws:iam::630399649041:role/vantage-account-sync-%s-%s-4%s-%s-%s",
                                        a, b, c, d, e);
  self->iam_role_id = g_strconcat ("AROA", role_suffix, NULL);
}

/* Sorts the integrations by creation time (the list order of the API) and
 * fixes the indices the accounts and notables hold. */
static int
compare_created_cb (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  GArray *integrations = user_data;
  const SimIntegration *ia = &g_array_index (integrations, SimIntegration, *(const guint *) a);
  const SimIntegration *ib = &g_array_index (integrations, SimIntegration, *(const guint *) b);

  if (ia->created_at != ib->created_at)
    return ia->created_at < ib->created_at ? -1 : 1;

  return (int) *(const guint *) a - (int) *(const guint *) b;
}

static void
sort_integrations (InflowSimScenario *self)
{
  guint n = self->integrations->len;
  g_autofree guint *order = g_new (guint, n);
  g_autofree int *new_index = g_new (int, n);
  GArray *sorted = g_array_sized_new (FALSE, TRUE, sizeof (SimIntegration), n);

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n, sizeof (guint), compare_created_cb, self->integrations);

  for (guint i = 0; i < n; i++)
    {
      g_array_append_val (sorted, g_array_index (self->integrations, SimIntegration, order[i]));
      new_index[order[i]] = (int) i;
    }

  /* the structs moved, their strings did not: free only the old array */
  g_array_set_clear_func (self->integrations, NULL);
  g_array_unref (self->integrations);
  self->integrations = sorted;

  for (guint a = 0; a < self->accounts->len; a++)
    {
      SimAccount *acc = account_at (self, a);

      if (acc->cost_source >= 0)
        acc->cost_source = new_index[acc->cost_source];
      if (acc->own_integration >= 0)
        acc->own_integration = new_index[acc->own_integration];
    }
  for (guint k = 0; k < INFLOW_SIM_N_NOTABLE; k++)
    {
      if (self->notable[k] >= 0)
        self->notable[k] = new_index[self->notable[k]];
    }
}

static void
clear_integration (gpointer data)
{
  SimIntegration *integ = data;

  g_free (integ->token);
  g_free (integ->account_identifier);
  g_free (integ->cross_account_arn);
  g_free (integ->bucket_arn);
}

static void
generate (InflowSimScenario *self,
          guint              n_integrations,
          guint              n_accounts)
{
  gint64 t0 = self->start_time;
  guint n_aws_accounts = MAX (n_accounts, 12);
  guint n_total = MAX (n_integrations, 16);
  guint n_members = n_aws_accounts - 6;
  guint n_member_integrations;
  guint n_others;
  int mgmt, mgmt_int;
  int idx, acc;
  g_autofree int *members = NULL;

  generate_aws_info (self);
  self->default_dashboard = new_token (self, "dshbrd_");

  for (guint w = 0; w < N_WORKSPACES; w++)
    {
      SimWorkspace ws;

      ws.token = new_token (self, "wrkspc_");
      ws.name = NULL;
      ws.created_at = t0 - (w == 0 ? 800 * DAY : random_span (self->rand, 60 * DAY, 700 * DAY));
      g_array_append_val (self->workspaces, ws);
    }

  generate_people (self);

  /* The main organization: management account first, then the members. */
  self->org_id = new_org_id (self);
  {
    char *id = new_account_id (self);

    mgmt = add_account (self, "aws", id, g_strdup ("Management"),
                        org_account_uuid ("aws", id, self->org_id, id),
                        "aws", -1, 150, 900);
  }
  members = g_new (int, n_members);
  for (guint m = 0; m < n_members; m++)
    {
      char *id = new_account_id (self);
      const char *mgmt_id = account_at (self, (guint) mgmt)->account_id;

      members[m] = add_account (self, "aws", id, member_title (m),
                                org_account_uuid ("aws", mgmt_id, self->org_id, id),
                                "aws", mgmt, 3, 3000);
    }

  mgmt_int = add_integration (self, "aws", mgmt, STATUS_CONNECTED,
                              t0 - 720 * DAY, ALL_WORKSPACES);
  self->notable[INFLOW_SIM_NOTABLE_MANAGEMENT] = mgmt_int;
  account_at (self, (guint) mgmt)->cost_source = mgmt_int;
  account_at (self, (guint) mgmt)->own_integration = mgmt_int;
  for (guint m = 0; m < n_members; m++)
    account_at (self, (guint) members[m])->cost_source = mgmt_int;

  /* Standalone payers, each the subject of a notable integration. */
  acc = add_standalone_account (self, "aws-us-gov", "GovCloud Production", 40, 400);
  idx = add_integration (self, "aws", acc, STATUS_CONNECTED, t0 - 300 * DAY,
                         WS_DEFAULT | WS_PRODUCTION | WS_FINANCE);
  account_at (self, (guint) acc)->cost_source = idx;
  account_at (self, (guint) acc)->own_integration = idx;
  self->notable[INFLOW_SIM_NOTABLE_GOVCLOUD] = idx;

  acc = add_standalone_account (self, "aws", "Legacy Payer", 20, 200);
  idx = add_integration (self, "aws", acc, STATUS_CONNECTED, t0 - 400 * DAY,
                         WS_DEFAULT | WS_FINANCE);
  integration_at (self, (guint) idx)->frozen_at = frozen_for_age (t0, 48 * HOUR, 72 * HOUR);
  account_at (self, (guint) acc)->cost_source = idx;
  account_at (self, (guint) acc)->own_integration = idx;
  self->notable[INFLOW_SIM_NOTABLE_STALE] = idx;

  acc = add_standalone_account (self, "aws", "Logistics Analytics", 15, 180);
  idx = add_integration (self, "aws", acc, STATUS_CONNECTED, t0 - 200 * DAY, WS_DEFAULT | WS_PRODUCTION);
  integration_at (self, (guint) idx)->frozen_at = frozen_for_age (t0, 24 * HOUR, 48 * HOUR);
  account_at (self, (guint) acc)->cost_source = idx;
  account_at (self, (guint) acc)->own_integration = idx;
  self->notable[INFLOW_SIM_NOTABLE_LATE] = idx;

  acc = add_standalone_account (self, "aws", "Research Lab", 10, 150);
  idx = add_integration (self, "aws", acc, STATUS_ERROR, t0 - 150 * DAY,
                         WS_DEFAULT | WS_SANDBOX);
  integration_at (self, (guint) idx)->frozen_at = t0 - random_span (self->rand, 2 * DAY, 2 * DAY + 8 * HOUR);
  account_at (self, (guint) acc)->cost_source = idx;
  account_at (self, (guint) acc)->own_integration = idx;
  self->notable[INFLOW_SIM_NOTABLE_ERROR] = idx;

  acc = add_standalone_account (self, "aws", "Retired Marketing", 5, 60);
  idx = add_integration (self, "aws", acc, STATUS_DISCONNECTED, t0 - 500 * DAY, WS_DEFAULT);
  integration_at (self, (guint) idx)->frozen_at = t0 - random_span (self->rand, 10 * DAY, 14 * DAY);
  account_at (self, (guint) acc)->cost_source = idx;
  account_at (self, (guint) acc)->own_integration = idx;
  self->notable[INFLOW_SIM_NOTABLE_DISCONNECTED] = idx;

  /* Connected twelve virtual minutes ago: imported, awaiting its first CUR. */
  acc = add_standalone_account (self, "aws", "Northwind Acquisition", 30, 500);
  idx = add_integration (self, "aws", acc, STATUS_IMPORTED, t0 - 12 * MINUTE,
                         WS_DEFAULT | WS_PRODUCTION);
  {
    SimIntegration *integ = integration_at (self, (guint) idx);

    integ->onboarding = TRUE;
    integ->importing_at = integ->created_at + 2 * MINUTE;
    integ->imported_at = integ->created_at + 8 * MINUTE;
    integ->refresh_anchor = integ->first_cur_at;
  }
  account_at (self, (guint) acc)->cost_source = idx;
  account_at (self, (guint) acc)->own_integration = idx;
  self->notable[INFLOW_SIM_NOTABLE_AWAITING_FIRST_CUR] = idx;

  /* Member accounts with a role of their own (for their resources). */
  n_member_integrations = MIN (n_members, MAX (2u, (n_total - 7) * 3 / 5));
  if (n_total - 7 - n_member_integrations < 4)
    n_member_integrations = n_total - 11;
  for (guint m = 0; m < n_member_integrations; m++)
    {
      SimStatus status = g_rand_double (self->rand) < 0.6 ? STATUS_CONNECTED : STATUS_IMPORTED;
      guint32 ws = random_workspaces (self, 0.35);

      if (m == 0)
        ws = 0;
      else if (m == 1)
        status = STATUS_PENDING;

      idx = add_integration (self, "aws", members[m], status,
                             t0 - random_span (self->rand, DAY, 700 * DAY), ws);
      account_at (self, (guint) members[m])->own_integration = idx;
      if (m == 0)
        self->notable[INFLOW_SIM_NOTABLE_NO_WORKSPACE] = idx;
      else if (m == 1)
        {
          integration_at (self, (guint) idx)->created_at = t0 - random_span (self->rand, 2 * DAY, 5 * DAY);
          self->notable[INFLOW_SIM_NOTABLE_PENDING] = idx;
        }
    }

  /* Other providers. */
  n_others = n_total - 7 - n_member_integrations;
  for (guint o = 0; o < n_others; o++)
    {
      const char *provider;
      SimStatus status = g_rand_double (self->rand) < 0.5 ? STATUS_CONNECTED : STATUS_IMPORTED;
      gint64 created = t0 - random_span (self->rand, 2 * DAY, 600 * DAY);

      switch (o)
        {
        case 0:
          provider = "gcp";
          status = STATUS_IMPORTED;
          break;
        case 1:
          provider = "azure";
          status = STATUS_IMPORTING;
          created = t0 - random_span (self->rand, 2 * HOUR, 6 * HOUR);
          break;
        case 2:
          provider = "custom_provider";
          break;
        case 3:
          provider = "datadog";
          break;
        /* The providers the 2026-08-22 spec added. */
        case 4:
          provider = "xai";
          break;
        case 5:
          provider = "digital_ocean";
          break;
        case 6:
          provider = "together_ai";
          break;
        case 7:
          provider = "coreweave";
          break;
        default:
          provider = other_providers[g_rand_int_range (self->rand, 0, G_N_ELEMENTS (other_providers))];
          break;
        }

      idx = add_other_integration (self, provider, status, created);
      if (o == 1)
        {
          SimIntegration *integ = integration_at (self, (guint) idx);

          integ->importing_at = created + 3 * MINUTE;
          self->notable[INFLOW_SIM_NOTABLE_IMPORTING] = idx;
        }
    }

  sort_integrations (self);
  g_array_set_clear_func (self->integrations, clear_integration);

  for (guint i = 0; i < self->integrations->len; i++)
    g_hash_table_insert (self->integration_by_token, integration_at (self, i)->token,
                         GINT_TO_POINTER (i + 1));
}

/* ---- object --------------------------------------------------------------- */

static void
clear_account (gpointer data)
{
  SimAccount *acc = data;

  g_free (acc->account_id);
  g_free (acc->title);
  g_free (acc->provider_uuid);
}

static void
clear_workspace (gpointer data)
{
  SimWorkspace *ws = data;

  g_free (ws->token);
  g_free (ws->name);
}

static void
clear_user (gpointer data)
{
  SimUser *user = data;

  g_free (user->token);
  g_free (user->name);
  g_free (user->email);
  g_free (user->default_dashboard_token);
}

static void
clear_team (gpointer data)
{
  SimTeam *team = data;

  g_free (team->token);
}

static void
inflow_sim_scenario_finalize (GObject *object)
{
  InflowSimScenario *self = INFLOW_SIM_SCENARIO (object);

  g_clear_pointer (&self->integration_by_token, g_hash_table_unref);
  g_clear_pointer (&self->account_by_id, g_hash_table_unref);
  g_clear_pointer (&self->used_tokens, g_hash_table_unref);
  g_clear_pointer (&self->integrations, g_array_unref);
  g_clear_pointer (&self->accounts, g_array_unref);
  g_clear_pointer (&self->teams, g_array_unref);
  g_clear_pointer (&self->users, g_array_unref);
  g_clear_pointer (&self->workspaces, g_array_unref);
  g_clear_pointer (&self->rand, g_rand_free);
  g_clear_pointer (&self->org_id, g_free);
  g_clear_pointer (&self->external_id, g_free);
  g_clear_pointer (&self->vantage_id, g_free);
  g_clear_pointer (&self->iam_role_arn, g_free);
  g_clear_pointer (&self->iam_role_id, g_free);
  g_clear_pointer (&self->default_dashboard, g_free);

  G_OBJECT_CLASS (inflow_sim_scenario_parent_class)->finalize (object);
}

static void
inflow_sim_scenario_class_init (InflowSimScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = inflow_sim_scenario_finalize;
}

static void
inflow_sim_scenario_init (InflowSimScenario *self)
{
  self->workspaces = g_array_new (FALSE, TRUE, sizeof (SimWorkspace));
  g_array_set_clear_func (self->workspaces, clear_workspace);
  self->users = g_array_new (FALSE, TRUE, sizeof (SimUser));
  g_array_set_clear_func (self->users, clear_user);
  self->teams = g_array_new (FALSE, TRUE, sizeof (SimTeam));
  g_array_set_clear_func (self->teams, clear_team);
  self->accounts = g_array_new (FALSE, TRUE, sizeof (SimAccount));
  g_array_set_clear_func (self->accounts, clear_account);
  self->integrations = g_array_new (FALSE, TRUE, sizeof (SimIntegration));
  self->integration_by_token = g_hash_table_new (g_str_hash, g_str_equal);
  self->account_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->used_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint k = 0; k < INFLOW_SIM_N_NOTABLE; k++)
    self->notable[k] = -1;
}

/**
 * inflow_sim_scenario_new:
 * @seed: the seed of everything random
 * @n_integrations: how many integrations (at least 16)
 * @n_accounts: how many AWS accounts (at least 12)
 * @now: the virtual time the scenario starts at, µs since the epoch
 *
 * Returns: (transfer full): a new scenario
 */
InflowSimScenario *
inflow_sim_scenario_new (guint64 seed,
                         guint   n_integrations,
                         guint   n_accounts,
                         gint64  now)
{
  InflowSimScenario *self = g_object_new (INFLOW_TYPE_SIM_SCENARIO, NULL);
  guint32 seeds[2] = { (guint32) seed, (guint32) (seed >> 32) };

  self->seed = seed;
  self->rand = g_rand_new_with_seed_array (seeds, 2);
  self->start_time = now;
  self->history_start_day = inflow_sim_day_of (now) - HISTORY_DAYS;
  self->next_v1_id = 1000 + (int) (mix64 (seed) % 9000);

  generate (self, n_integrations, n_accounts);

  return self;
}

gint64
inflow_sim_scenario_get_start_time (InflowSimScenario *self)
{
  return self->start_time;
}

const char *
inflow_sim_scenario_get_default_dashboard (InflowSimScenario *self)
{
  return self->default_dashboard;
}

/* ---- workspaces ----------------------------------------------------------- */

guint
inflow_sim_scenario_get_n_workspaces (InflowSimScenario *self)
{
  return self->workspaces->len;
}

int
inflow_sim_scenario_find_workspace (InflowSimScenario *self,
                                    const char        *token)
{
  if (token == NULL)
    return -1;

  for (guint w = 0; w < self->workspaces->len; w++)
    {
      if (g_str_equal (g_array_index (self->workspaces, SimWorkspace, w).token, token))
        return (int) w;
    }

  return -1;
}

const char *
inflow_sim_scenario_get_workspace_token (InflowSimScenario *self,
                                         guint              index)
{
  g_return_val_if_fail (index < self->workspaces->len, NULL);

  return g_array_index (self->workspaces, SimWorkspace, index).token;
}

const char *
inflow_sim_scenario_get_workspace_name (InflowSimScenario *self,
                                        guint              index)
{
  g_return_val_if_fail (index < self->workspaces->len, NULL);

  return g_array_index (self->workspaces, SimWorkspace, index).name != NULL
           ? g_array_index (self->workspaces, SimWorkspace, index).name
           : workspace_names[index];
}

/* A workspace someone created in the console after the start: no
 * integration is in it. Returns its token. */
const char *
inflow_sim_scenario_add_workspace (InflowSimScenario *self,
                                   const char        *name,
                                   gint64             now)
{
  SimWorkspace ws;

  /* Integrations keep their workspaces in a 32-bit mask. */
  g_return_val_if_fail (self->workspaces->len < 32, NULL);

  ws.token = new_token (self, "wrkspc_");
  ws.created_at = now;
  ws.name = g_strdup (name);
  g_array_append_val (self->workspaces, ws);

  return ws.token;
}

void
inflow_sim_scenario_append_workspace (InflowSimScenario *self,
                                      GString           *out,
                                      guint              index)
{
  const SimWorkspace *ws = &g_array_index (self->workspaces, SimWorkspace, index);

  g_string_append (out, "{\"token\":");
  inflow_sim_json_string (out, ws->token);
  g_string_append (out, ",\"name\":");
  inflow_sim_json_string (out, inflow_sim_scenario_get_workspace_name (self, index));
  g_string_append (out, ",\"created_at\":");
  inflow_sim_json_time (out, ws->created_at);
  g_string_append (out, ",\"enable_currency_conversion\":true,\"currency\":\"USD\","
                        "\"exchange_rate_date\":\"daily_rate\"}");
}

static void
append_workspace_tokens (InflowSimScenario *self,
                         GString           *out,
                         guint32            mask)
{
  gboolean first = TRUE;

  g_string_append_c (out, '[');
  for (guint w = 0; w < self->workspaces->len; w++)
    {
      if ((mask & (1u << w)) == 0)
        continue;
      if (!first)
        g_string_append_c (out, ',');
      inflow_sim_json_string (out, g_array_index (self->workspaces, SimWorkspace, w).token);
      first = FALSE;
    }
  g_string_append_c (out, ']');
}

/* ---- integrations --------------------------------------------------------- */

/* Indices (guint) of the integrations, in list order. */
GArray *
inflow_sim_scenario_list_integrations (InflowSimScenario *self,
                                       const char        *provider,
                                       const char        *account_identifier)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < self->integrations->len; i++)
    {
      const SimIntegration *integ = integration_at (self, i);

      if (integ->deleted)
        continue;
      if (provider != NULL && g_ascii_strcasecmp (integ->provider, provider) != 0)
        continue;
      if (account_identifier != NULL &&
          g_strcmp0 (integ->account_identifier, account_identifier) != 0)
        continue;
      g_array_append_val (result, i);
    }

  return result;
}

int
inflow_sim_scenario_find_integration (InflowSimScenario *self,
                                      const char        *token)
{
  if (token == NULL)
    return -1;

  return GPOINTER_TO_INT (g_hash_table_lookup (self->integration_by_token, token)) - 1;
}

const char *
inflow_sim_scenario_get_integration_token (InflowSimScenario *self,
                                           guint              index)
{
  g_return_val_if_fail (index < self->integrations->len, NULL);

  return integration_at (self, index)->token;
}

void
inflow_sim_scenario_append_integration (InflowSimScenario *self,
                                        GString           *out,
                                        guint              index,
                                        gint64             now)
{
  const SimIntegration *integ = integration_at (self, index);
  SimState state;

  integration_state (self, integ, now, &state);

  g_string_append (out, "{\"token\":");
  inflow_sim_json_string (out, integ->token);
  g_string_append (out, ",\"provider\":");
  inflow_sim_json_string (out, integ->provider);
  g_string_append (out, ",\"account_identifier\":");
  inflow_sim_json_string (out, integ->account_identifier);
  g_string_append (out, ",\"status\":");
  inflow_sim_json_string (out, status_names[state.status]);
  g_string_append (out, ",\"last_updated\":");
  inflow_sim_json_time (out, state.last_updated);
  g_string_append (out, ",\"workspace_tokens\":");
  append_workspace_tokens (self, out, integ->workspaces);
  g_string_append (out, ",\"created_at\":");
  inflow_sim_json_time (out, integ->created_at);
  g_string_append (out, ",\"managed_account_tokens\":[]}");
}

guint32
inflow_sim_scenario_get_integration_workspaces (InflowSimScenario *self,
                                                guint              index)
{
  g_return_val_if_fail (index < self->integrations->len, 0);

  return integration_at (self, index)->workspaces;
}

void
inflow_sim_scenario_set_integration_workspaces (InflowSimScenario *self,
                                                guint              index,
                                                guint32            workspaces)
{
  g_return_if_fail (index < self->integrations->len);

  integration_at (self, index)->workspaces = workspaces & ALL_WORKSPACES;
}

/* Overrides the reported status. "error" and "disconnected" also stop the
 * data at @now. Returns FALSE for an unknown status. */
gboolean
inflow_sim_scenario_set_integration_status (InflowSimScenario *self,
                                            guint              index,
                                            const char        *status,
                                            gint64             now)
{
  SimIntegration *integ;

  g_return_val_if_fail (index < self->integrations->len, FALSE);

  integ = integration_at (self, index);
  for (int s = 0; s < N_STATUS; s++)
    {
      if (g_strcmp0 (status, status_names[s]) == 0)
        {
          integ->status_override = s;
          if (s == STATUS_ERROR || s == STATUS_DISCONNECTED)
            integ->frozen_at = MIN (integ->frozen_at, now);
          return TRUE;
        }
    }

  return FALSE;
}

gint64
inflow_sim_scenario_get_first_cur_time (InflowSimScenario *self,
                                        guint              index)
{
  const SimIntegration *integ;

  g_return_val_if_fail (index < self->integrations->len, INFLOW_SIM_NO_TIME);

  integ = integration_at (self, index);
  if (!integ->onboarding || !g_str_equal (integ->provider, "aws"))
    return INFLOW_SIM_NO_TIME;

  return integ->first_cur_at;
}

void
inflow_sim_scenario_delete_integration (InflowSimScenario *self,
                                        guint              index)
{
  SimIntegration *integ;

  g_return_if_fail (index < self->integrations->len);

  integ = integration_at (self, index);
  if (integ->deleted)
    return;

  integ->deleted = TRUE;
  g_hash_table_remove (self->integration_by_token, integ->token);
  if (integ->account >= 0 && account_at (self, (guint) integ->account)->own_integration == (int) index)
    account_at (self, (guint) integ->account)->own_integration = -1;
}

const char *
inflow_sim_scenario_get_notable (InflowSimScenario *self,
                                 InflowSimNotable   which)
{
  g_return_val_if_fail (which < INFLOW_SIM_N_NOTABLE, NULL);

  if (self->notable[which] < 0)
    return NULL;

  return integration_at (self, (guint) self->notable[which])->token;
}

/* POST /v1/integrations/aws: a new integration in the Default workspace that
 * starts pending. Returns its index, or -1 with G_IO_ERROR_EXISTS when the
 * account already has an AWS integration. */
int
inflow_sim_scenario_create_aws (InflowSimScenario  *self,
                                const char         *partition,
                                const char         *account_id,
                                const char         *cross_account_arn,
                                const char         *bucket_arn,
                                gint64              now,
                                GError            **error)
{
  SimIntegration integ = { 0 };
  gpointer found;
  int account;
  int index;
  guint64 h;

  for (guint i = 0; i < self->integrations->len; i++)
    {
      const SimIntegration *other = integration_at (self, i);

      if (!other->deleted && g_str_equal (other->provider, "aws") &&
          g_strcmp0 (other->account_identifier, account_id) == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       "An AWS integration for account %s already exists", account_id);
          return -1;
        }
    }

  found = g_hash_table_lookup (self->account_by_id, account_id);
  if (found != NULL)
    {
      account = GPOINTER_TO_INT (found) - 1;
    }
  else
    {
      /* accounts keep static partition strings */
      const char *static_partition = g_strcmp0 (partition, "aws-us-gov") == 0 ? "aws-us-gov" : "aws";
      g_autofree char *org = new_org_id (self);
      guint title = (guint) (hash_string (self->seed, account_id) % G_N_ELEMENTS (account_titles));

      account = add_account (self, "aws", g_strdup (account_id),
                             g_strdup (account_titles[title]),
                             org_account_uuid (static_partition, account_id, org, account_id),
                             static_partition, -1, 20, 400);
    }

  h = hash3 (self->seed, (guint64) self->next_v1_id, 0x76315f6964);
  integ.token = new_token (self, "accss_crdntl_");
  integ.provider = "aws";
  integ.account_identifier = g_strdup (account_id);
  integ.account = account;
  integ.workspaces = WS_DEFAULT;
  integ.created_at = now;
  integ.onboarding = TRUE;
  integ.status = STATUS_IMPORTED;
  integ.status_override = -1;
  integ.importing_at = now + MINUTE + (gint64) (unit_of (mix64 (h ^ 1)) * 2 * MINUTE);
  integ.imported_at = integ.importing_at + 4 * MINUTE + (gint64) (unit_of (mix64 (h ^ 2)) * 6 * MINUTE);
  integ.first_cur_at = now + 6 * HOUR + (gint64) (unit_of (mix64 (h ^ 3)) * 14 * HOUR);
  integ.refresh_period = 8 * HOUR + (gint64) (unit_of (mix64 (h ^ 4)) * 4 * HOUR);
  integ.refresh_anchor = integ.first_cur_at;
  integ.frozen_at = NEVER;
  integ.v1_id = self->next_v1_id++;
  integ.cross_account_arn = g_strdup (cross_account_arn);
  integ.bucket_arn = g_strdup (bucket_arn);

  g_array_append_val (self->integrations, integ);
  index = (int) self->integrations->len - 1;
  g_hash_table_insert (self->integration_by_token, integration_at (self, (guint) index)->token,
                       GINT_TO_POINTER (index + 1));

  {
    SimAccount *acc = account_at (self, (guint) account);

    acc->own_integration = index;
    if (acc->cost_source < 0 || integration_at (self, (guint) acc->cost_source)->deleted)
      acc->cost_source = index;
  }

  return index;
}

/* AwsAccessCredential of an integration made by create_aws(). */
void
inflow_sim_scenario_append_aws_credential (InflowSimScenario *self,
                                           GString           *out,
                                           guint              index)
{
  const SimIntegration *integ = integration_at (self, index);

  g_string_append_printf (out, "{\"id\":%d,\"cross_account_arn\":", integ->v1_id);
  inflow_sim_json_string (out, integ->cross_account_arn);
  g_string_append (out, ",\"bucket_arn\":");
  inflow_sim_json_string (out, integ->bucket_arn);
  g_string_append_c (out, '}');
}

/* AwsProviderCredential: GET /v1/integrations/aws/info */
void
inflow_sim_scenario_append_aws_info (InflowSimScenario *self,
                                     GString           *out)
{
  static const char * const names[] = {
    "root", "autopilot", "cloudwatch", "s3_request_metrics", "resources",
  };

  g_string_append (out, "{\"external_id\":");
  inflow_sim_json_string (out, self->external_id);
  g_string_append (out, ",\"iam_role_arn\":");
  inflow_sim_json_string (out, self->iam_role_arn);
  g_string_append (out, ",\"iam_role_id\":");
  inflow_sim_json_string (out, self->iam_role_id);
  g_string_append (out, ",\"vantage_id\":");
  inflow_sim_json_string (out, self->vantage_id);
  g_string_append (out, ",\"policies\":{");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      inflow_sim_json_string (out, names[i]);
      g_string_append_c (out, ':');
      inflow_sim_json_string (out, inflow_sim_policies_get (names[i]));
    }
  g_string_append (out, "}}");
}

/* ---- accounts ------------------------------------------------------------- */

/* Indices of the cloud accounts whose costs @workspace sees, that have data. */
GArray *
inflow_sim_scenario_list_accounts (InflowSimScenario *self,
                                   int                workspace,
                                   const char        *provider,
                                   const char        *account_id,
                                   const char        *account_name,
                                   gint64             now)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint a = 0; a < self->accounts->len; a++)
    {
      const SimAccount *acc = account_at (self, a);
      SimState state;

      if (provider != NULL && g_ascii_strcasecmp (known_providers[acc->provider], provider) != 0)
        continue;
      if (account_id != NULL && !g_str_equal (acc->account_id, account_id))
        continue;
      if (account_name != NULL && !g_str_equal (acc->title, account_name))
        continue;
      if (!account_visible (self, acc, workspace))
        continue;
      if (!account_data_state (self, acc, now, &state))
        continue;
      g_array_append_val (result, a);
    }

  return result;
}

void
inflow_sim_scenario_append_account (InflowSimScenario *self,
                                    GString           *out,
                                    guint              index)
{
  const SimAccount *acc = account_at (self, index);

  g_string_append (out, "{\"title\":");
  inflow_sim_json_string (out, acc->title);
  g_string_append (out, ",\"account_id\":");
  inflow_sim_json_string (out, acc->account_id);
  g_string_append (out, ",\"provider_uuid\":");
  inflow_sim_json_string (out, acc->provider_uuid);
  g_string_append (out, ",\"provider\":");
  inflow_sim_json_string (out, known_providers[acc->provider]);
  g_string_append_c (out, '}');
}

/* ---- teams and users ------------------------------------------------------ */

GArray *
inflow_sim_scenario_list_teams (InflowSimScenario *self,
                                int                workspace)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint t = 0; t < self->teams->len; t++)
    {
      const SimTeam *team = &g_array_index (self->teams, SimTeam, t);

      if (workspace >= 0 && (team->workspaces & (1u << workspace)) == 0)
        continue;
      g_array_append_val (result, t);
    }

  return result;
}

void
inflow_sim_scenario_append_team (InflowSimScenario *self,
                                 GString           *out,
                                 guint              index)
{
  const SimTeam *team = &g_array_index (self->teams, SimTeam, index);
  gboolean first;

  g_string_append (out, "{\"token\":");
  inflow_sim_json_string (out, team->token);
  g_string_append (out, ",\"name\":");
  inflow_sim_json_string (out, team->name);
  g_string_append (out, ",\"description\":");
  inflow_sim_json_string (out, team->description);
  g_string_append (out, ",\"workspace_tokens\":");
  append_workspace_tokens (self, out, team->workspaces);

  g_string_append (out, ",\"user_emails\":[");
  first = TRUE;
  for (guint u = 0; u < self->users->len; u++)
    {
      if ((team->users & (G_GUINT64_CONSTANT (1) << u)) == 0)
        continue;
      if (!first)
        g_string_append_c (out, ',');
      inflow_sim_json_string (out, g_array_index (self->users, SimUser, u).email);
      first = FALSE;
    }
  g_string_append (out, "],\"user_tokens\":[");
  first = TRUE;
  for (guint u = 0; u < self->users->len; u++)
    {
      if ((team->users & (G_GUINT64_CONSTANT (1) << u)) == 0)
        continue;
      if (!first)
        g_string_append_c (out, ',');
      inflow_sim_json_string (out, g_array_index (self->users, SimUser, u).token);
      first = FALSE;
    }
  g_string_append (out, "],\"default_dashboard_token\":null}");
}

guint
inflow_sim_scenario_get_n_users (InflowSimScenario *self)
{
  return self->users->len;
}

void
inflow_sim_scenario_append_user (InflowSimScenario *self,
                                 GString           *out,
                                 guint              index)
{
  const SimUser *user = &g_array_index (self->users, SimUser, index);

  g_string_append (out, "{\"token\":");
  inflow_sim_json_string (out, user->token);
  g_string_append (out, ",\"name\":");
  inflow_sim_json_string (out, user->name);
  g_string_append (out, ",\"email\":");
  inflow_sim_json_string (out, user->email);
  g_string_append (out, ",\"role\":");
  inflow_sim_json_string (out, user->role);
  g_string_append (out, ",\"default_dashboard_token\":");
  inflow_sim_json_string (out, user->default_dashboard_token);
  g_string_append (out, ",\"last_seen_at\":");
  inflow_sim_json_time (out, user->last_seen_at);
  g_string_append_c (out, '}');
}

/* ---- costs ---------------------------------------------------------------- */

typedef enum
{
  FIELD_PROVIDER,
  FIELD_ACCOUNT_ID,
  FIELD_SERVICE,
  FIELD_REGION,
} FilterField;

typedef struct
{
  FilterField  field;
  gboolean     negate;
  GPtrArray   *values;
} FilterClause;

static void
filter_clause_free (gpointer data)
{
  FilterClause *clause = data;

  g_ptr_array_unref (clause->values);
  g_free (clause);
}

typedef struct
{
  const char *p;
  GPtrArray  *clauses;
} VqlParser;

static void
vql_skip_spaces (VqlParser *parser)
{
  while (g_ascii_isspace (*parser->p))
    parser->p++;
}

static gboolean
vql_keyword (VqlParser  *parser,
             const char *keyword)
{
  gsize n = strlen (keyword);

  vql_skip_spaces (parser);
  if (g_ascii_strncasecmp (parser->p, keyword, n) == 0 &&
      !g_ascii_isalnum (parser->p[n]) && parser->p[n] != '_')
    {
      parser->p += n;
      return TRUE;
    }

  return FALSE;
}

static char *
vql_string (VqlParser  *parser,
            GError    **error)
{
  GString *value;

  vql_skip_spaces (parser);
  if (*parser->p != '\'')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Invalid VQL filter: expected a quoted value at \"%s\"", parser->p);
      return NULL;
    }
  parser->p++;

  value = g_string_new (NULL);
  for (;;)
    {
      if (*parser->p == '\0')
        {
          g_string_free (value, TRUE);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Invalid VQL filter: unterminated string");
          return NULL;
        }
      if (*parser->p == '\'')
        {
          if (parser->p[1] == '\'')
            {
              g_string_append_c (value, '\'');
              parser->p += 2;
              continue;
            }
          parser->p++;
          break;
        }
      g_string_append_c (value, *parser->p);
      parser->p++;
    }

  return g_string_free (value, FALSE);
}

static gboolean vql_expression (VqlParser *parser, GError **error);

static gboolean
vql_clause (VqlParser  *parser,
            GError    **error)
{
  static const struct {
    const char  *name;
    FilterField  field;
  } fields[] = {
    { "costs.provider", FIELD_PROVIDER },
    { "costs.account_id", FIELD_ACCOUNT_ID },
    { "costs.provider_account_id", FIELD_ACCOUNT_ID },
    { "costs.service", FIELD_SERVICE },
    { "costs.region", FIELD_REGION },
  };
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  FilterClause *clause;
  gboolean negate = FALSE;
  gboolean list = FALSE;
  int field = -1;

  vql_skip_spaces (parser);
  if (*parser->p == '(')
    {
      parser->p++;
      if (!vql_expression (parser, error))
        return FALSE;
      vql_skip_spaces (parser);
      if (*parser->p != ')')
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Invalid VQL filter: missing \")\"");
          return FALSE;
        }
      parser->p++;
      return TRUE;
    }

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      gsize n = strlen (fields[f].name);

      if (g_ascii_strncasecmp (parser->p, fields[f].name, n) == 0 &&
          !g_ascii_isalnum (parser->p[n]) && parser->p[n] != '_')
        {
          field = (int) fields[f].field;
          parser->p += n;
          break;
        }
    }
  if (field < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Invalid VQL filter: unsupported field at \"%s\"", parser->p);
      return FALSE;
    }

  vql_skip_spaces (parser);
  if (g_str_has_prefix (parser->p, "!="))
    {
      negate = TRUE;
      parser->p += 2;
    }
  else if (*parser->p == '=')
    {
      parser->p++;
    }
  else if (vql_keyword (parser, "NOT"))
    {
      if (!vql_keyword (parser, "IN"))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Invalid VQL filter: expected IN after NOT");
          return FALSE;
        }
      negate = TRUE;
      list = TRUE;
    }
  else if (vql_keyword (parser, "IN"))
    {
      list = TRUE;
    }
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Invalid VQL filter: unsupported operator at \"%s\"", parser->p);
      return FALSE;
    }

  if (list)
    {
      vql_skip_spaces (parser);
      if (*parser->p != '(')
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Invalid VQL filter: expected \"(\" after IN");
          return FALSE;
        }
      parser->p++;
      for (;;)
        {
          char *value = vql_string (parser, error);

          if (value == NULL)
            return FALSE;
          g_ptr_array_add (values, value);
          vql_skip_spaces (parser);
          if (*parser->p == ',')
            {
              parser->p++;
              continue;
            }
          if (*parser->p == ')')
            {
              parser->p++;
              break;
            }
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Invalid VQL filter: expected \",\" or \")\" in a list");
          return FALSE;
        }
    }
  else
    {
      char *value = vql_string (parser, error);

      if (value == NULL)
        return FALSE;
      g_ptr_array_add (values, value);
    }

  clause = g_new0 (FilterClause, 1);
  clause->field = (FilterField) field;
  clause->negate = negate;
  clause->values = g_steal_pointer (&values);
  g_ptr_array_add (parser->clauses, clause);

  return TRUE;
}

static gboolean
vql_expression (VqlParser  *parser,
                GError    **error)
{
  if (!vql_clause (parser, error))
    return FALSE;

  for (;;)
    {
      if (vql_keyword (parser, "AND"))
        {
          if (!vql_clause (parser, error))
            return FALSE;
          continue;
        }
      if (vql_keyword (parser, "OR"))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Invalid VQL filter: OR is not supported by this server");
          return FALSE;
        }
      return TRUE;
    }
}

static GPtrArray *
parse_filter (const char  *vql,
              GError     **error)
{
  VqlParser parser = { vql, g_ptr_array_new_with_free_func (filter_clause_free) };

  if (vql == NULL)
    return parser.clauses;

  vql_skip_spaces (&parser);
  if (*parser.p == '\0')
    return parser.clauses;

  if (!vql_expression (&parser, error))
    {
      g_ptr_array_unref (parser.clauses);
      return NULL;
    }
  vql_skip_spaces (&parser);
  if (*parser.p != '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Invalid VQL filter: unexpected \"%s\"", parser.p);
      g_ptr_array_unref (parser.clauses);
      return NULL;
    }

  return parser.clauses;
}

static gboolean
filter_matches (GPtrArray   *clauses,
                FilterField  field,
                const char  *value)
{
  for (guint c = 0; c < clauses->len; c++)
    {
      const FilterClause *clause = g_ptr_array_index (clauses, c);
      gboolean found = FALSE;

      if (clause->field != field)
        continue;
      for (guint v = 0; v < clause->values->len && !found; v++)
        {
          const char *wanted = g_ptr_array_index (clause->values, v);

          if (field == FIELD_PROVIDER)
            {
              /* custom_provider:<integration token> names one custom provider */
              found = value != NULL &&
                      (g_ascii_strcasecmp (wanted, value) == 0 ||
                       (g_str_has_prefix (wanted, "custom_provider:") &&
                        g_str_equal (value, "custom_provider")));
            }
          else
            {
              found = g_strcmp0 (wanted, value) == 0;
            }
        }
      if (found == clause->negate)
        return FALSE;
    }

  return TRUE;
}

static int
service_region (const SimAccount *acc,
                guint             service)
{
  if (services[service].global)
    return g_str_equal (services[service].provider, "aws") ? REGION_GLOBAL : REGION_NONE;

  return acc->region;
}

static gint64
daily_cents (InflowSimScenario *self,
             const SimAccount  *acc,
             guint              service,
             gint64             day)
{
  double share = (double) services[service].weight / (double) MAX (acc->weight_total, 1u);
  gint64 weekday = ((day % 7) + 7 + 3) % 7;
  double dow = weekday >= 5 ? 0.82 : 1.0;
  double noise = 0.88 + 0.24 * unit_of (hash3 (acc->key, service, (guint64) day));
  double phase = unit_of (hash3 (acc->key, service, 0x7068)) * 6.28;
  double trend = 1.0 + 0.08 * sin ((double) day / 9.0 + phase);
  gint64 cents = (gint64) llround ((double) acc->daily_cents * share * dow * noise * trend);

  return MAX (cents, 1);
}

static guint
n_resources (const SimAccount *acc,
             guint             service)
{
  if (services[service].resources == RES_NONE)
    return 0;

  return 1 + (guint) (hash3 (acc->key, service, 0x726573) % 3);
}

/* Splits @cents between the resources (85 %) and the rest (no resource id,
 * returned). */
static gint64
split_resources (const SimAccount *acc,
                 guint             service,
                 gint64            cents,
                 guint             n,
                 gint64           *parts)
{
  double weights[3];
  double total = 0;
  gint64 rest = cents;

  for (guint k = 0; k < n; k++)
    {
      weights[k] = 0.2 + unit_of (hash3 (acc->key, service, 0x776b + k));
      total += weights[k];
    }
  for (guint k = 0; k < n; k++)
    {
      parts[k] = (gint64) ((double) cents * 0.85 * weights[k] / total);
      rest -= parts[k];
    }

  return rest;
}

static char *
resource_id (InflowSimScenario *self,
             const SimAccount  *acc,
             guint              service,
             guint              k)
{
  guint64 h = hash3 (acc->key, service, 0x6964 + k);
  const char *region = regions[service_region (acc, service)];
  const char *partition = acc->partition != NULL ? acc->partition : "aws";
  const char *id = acc->account_id;
  const char *w1 = words[h % G_N_ELEMENTS (words)];
  const char *w2 = words[(h >> 8) % G_N_ELEMENTS (words)];
  guint64 x = mix64 (h);

  switch (services[service].resources)
    {
    case RES_EC2:
      return g_strdup_printf ("i-0%016" G_GINT64_MODIFIER "x", x);
    case RES_EBS:
      return g_strdup_printf ("vol-0%016" G_GINT64_MODIFIER "x", x);
    case RES_S3:
      return g_strdup_printf ("meridian-%s-%s-%s", w1, w2, id);
    case RES_RDS:
      return g_strdup_printf ("arn:%s:rds:%s:%s:db:%s-%s", partition, region, id, w1, w2);
    case RES_LAMBDA:
      return g_strdup_printf ("arn:%s:lambda:%s:%s:function:%s-%s", partition, region, id, w1, w2);
    case RES_DYNAMODB:
      return g_strdup_printf ("arn:%s:dynamodb:%s:%s:table/%s-%s", partition, region, id, w1, w2);
    case RES_ELB:
      return g_strdup_printf ("arn:%s:elasticloadbalancing:%s:%s:loadbalancer/app/%s-%s/%016" G_GINT64_MODIFIER "x",
                              partition, region, id, w1, w2, x);
    case RES_CLOUDFRONT:
      return g_strdup_printf ("arn:%s:cloudfront::%s:distribution/E%013" G_GINT64_MODIFIER "X",
                              partition, id, x & G_GUINT64_CONSTANT (0xfffffffffffff));
    case RES_EKS:
      return g_strdup_printf ("arn:%s:eks:%s:%s:cluster/%s-%s", partition, region, id, w1, w2);
    case RES_ELASTICACHE:
      return g_strdup_printf ("arn:%s:elasticache:%s:%s:cluster:%s-%s-001", partition, region, id, w1, w2);
    case RES_NAT:
      return g_strdup_printf ("arn:%s:ec2:%s:%s:natgateway/nat-0%016" G_GINT64_MODIFIER "x",
                              partition, region, id, x);
    case RES_NONE:
    default:
      return NULL;
    }
}

/* Aggregation of cost rows: a hash set of rows (the key fields are all but
 * cents) allocated in blocks so that they never move. */
typedef struct
{
  GHashTable *set;
  GPtrArray  *blocks;
  guint       used;
  gint64      total;
} CostAccumulator;

/* Rows that carry an account (grouped by account_id, or a resource) never
 * merge with rows of another account: they are summed per account and
 * flushed, which keeps the hash tables small. */

#define BLOCK_ROWS 4096

static guint
cost_row_hash (gconstpointer data)
{
  const InflowSimCostRow *row = data;
  guint64 h = (guint64) row->bin * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);

  h ^= ((guint64) (guint32) row->account << 32) ^ (guint32) row->res_account;
  h = h * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9) + (guint64) (guint32) row->billing;
  h ^= ((guint64) (guint16) row->service << 48) ^ ((guint64) (guint16) row->region << 32) ^
       ((guint64) (guint16) row->resource << 16) ^ (guint16) row->provider ^
       ((guint64) (guint16) row->res_service << 24);
  h ^= h >> 29;
  h *= G_GUINT64_CONSTANT (0x94d049bb133111eb);

  return (guint) (h ^ (h >> 32));
}

static gboolean
cost_row_equal (gconstpointer a,
                gconstpointer b)
{
  const InflowSimCostRow *ra = a;
  const InflowSimCostRow *rb = b;

  return ra->bin == rb->bin && ra->account == rb->account && ra->billing == rb->billing &&
         ra->res_account == rb->res_account && ra->res_service == rb->res_service &&
         ra->service == rb->service && ra->region == rb->region &&
         ra->resource == rb->resource && ra->provider == rb->provider;
}

static void
accumulate (CostAccumulator        *acc,
            const InflowSimCostRow *probe)
{
  InflowSimCostRow *row = g_hash_table_lookup (acc->set, probe);

  acc->total += probe->cents;
  if (row != NULL)
    {
      row->cents += probe->cents;
      return;
    }

  if (acc->used == BLOCK_ROWS * acc->blocks->len)
    g_ptr_array_add (acc->blocks, g_new (InflowSimCostRow, BLOCK_ROWS));
  row = (InflowSimCostRow *) g_ptr_array_index (acc->blocks, acc->used / BLOCK_ROWS) + acc->used % BLOCK_ROWS;
  acc->used++;
  *row = *probe;
  g_hash_table_add (acc->set, row);
}

static void
accumulator_init (CostAccumulator *acc)
{
  acc->set = g_hash_table_new (cost_row_hash, cost_row_equal);
  acc->blocks = g_ptr_array_new_with_free_func (g_free);
  acc->used = 0;
  acc->total = 0;
}

static void
accumulator_clear (CostAccumulator *acc)
{
  g_clear_pointer (&acc->set, g_hash_table_unref);
  g_clear_pointer (&acc->blocks, g_ptr_array_unref);
}

static gint64
bin_of (InflowSimDateBin bin,
        gint64           day)
{
  switch (bin)
    {
    case INFLOW_SIM_BIN_WEEK:
      return inflow_sim_day_week_start (day);
    case INFLOW_SIM_BIN_MONTH:
      return inflow_sim_day_month_start (day);
    case INFLOW_SIM_BIN_QUARTER:
      return inflow_sim_day_quarter_start (day);
    case INFLOW_SIM_BIN_DAY:
    default:
      return day;
    }
}

static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const InflowSimCostRow *ra = a;
  const InflowSimCostRow *rb = b;
  gboolean ascending = GPOINTER_TO_INT (user_data);

  if (ra->bin != rb->bin)
    return (ra->bin < rb->bin) == ascending ? -1 : 1;
  if (ra->cents != rb->cents)
    return ra->cents > rb->cents ? -1 : 1;
  if (ra->account != rb->account)
    return ra->account < rb->account ? -1 : 1;
  if (ra->res_account != rb->res_account)
    return ra->res_account < rb->res_account ? -1 : 1;
  if (ra->service != rb->service)
    return ra->service < rb->service ? -1 : 1;
  if (ra->res_service != rb->res_service)
    return ra->res_service < rb->res_service ? -1 : 1;
  if (ra->resource != rb->resource)
    return ra->resource < rb->resource ? -1 : 1;
  if (ra->region != rb->region)
    return ra->region < rb->region ? -1 : 1;
  if (ra->provider != rb->provider)
    return ra->provider < rb->provider ? -1 : 1;

  return ra->billing < rb->billing ? -1 : (ra->billing > rb->billing ? 1 : 0);
}

static int
compare_days_cb (gconstpointer a,
                 gconstpointer b)
{
  gint64 da = *(const gint64 *) a;
  gint64 db = *(const gint64 *) b;

  return da < db ? -1 : (da > db ? 1 : 0);
}

/* The rows @offset to @offset + @count of @rows in API order. Sorting a
 * million rows is slow, so the rows are bucketed by bin (the first sort key)
 * and only the buckets the page touches are sorted. */
static GArray *
page_of_rows (GArray   *rows,
              gboolean  ascending,
              guint64   offset,
              guint     count)
{
  g_autoptr(GHashTable) bucket_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) bins = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree guint *sizes = NULL;
  g_autofree guint *starts = NULL;
  g_autofree guint *order = NULL;
  g_autofree guint *fill = NULL;
  GArray *page = g_array_new (FALSE, FALSE, sizeof (InflowSimCostRow));
  guint64 position = 0;

  if (rows->len == 0 || count == 0 || offset >= rows->len)
    return page;

  for (guint i = 0; i < rows->len; i++)
    {
      gint64 bin = g_array_index (rows, InflowSimCostRow, i).bin;

      if (!g_hash_table_contains (bucket_of, &bin))
        {
          g_hash_table_insert (bucket_of, g_memdup2 (&bin, sizeof bin), NULL);
          g_array_append_val (bins, bin);
        }
    }
  g_array_sort (bins, compare_days_cb);
  if (!ascending)
    {
      for (guint i = 0; i < bins->len / 2; i++)
        {
          gint64 tmp = g_array_index (bins, gint64, i);

          g_array_index (bins, gint64, i) = g_array_index (bins, gint64, bins->len - 1 - i);
          g_array_index (bins, gint64, bins->len - 1 - i) = tmp;
        }
    }
  for (guint b = 0; b < bins->len; b++)
    g_hash_table_insert (bucket_of, g_memdup2 (&g_array_index (bins, gint64, b), sizeof (gint64)),
                         GUINT_TO_POINTER (b));

  sizes = g_new0 (guint, bins->len);
  starts = g_new0 (guint, bins->len);
  fill = g_new0 (guint, bins->len);
  order = g_new (guint, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 bin = g_array_index (rows, InflowSimCostRow, i).bin;

      sizes[GPOINTER_TO_UINT (g_hash_table_lookup (bucket_of, &bin))]++;
    }
  for (guint b = 1; b < bins->len; b++)
    starts[b] = starts[b - 1] + sizes[b - 1];
  for (guint i = 0; i < rows->len; i++)
    {
      gint64 bin = g_array_index (rows, InflowSimCostRow, i).bin;
      guint b = GPOINTER_TO_UINT (g_hash_table_lookup (bucket_of, &bin));

      order[starts[b] + fill[b]++] = i;
    }

  for (guint b = 0; b < bins->len && page->len < count; b++)
    {
      g_autoptr(GArray) bucket = NULL;
      guint64 first, last;

      if (position + sizes[b] <= offset)
        {
          position += sizes[b];
          continue;
        }

      bucket = g_array_sized_new (FALSE, FALSE, sizeof (InflowSimCostRow), sizes[b]);
      for (guint k = 0; k < sizes[b]; k++)
        g_array_append_vals (bucket, &g_array_index (rows, InflowSimCostRow, order[starts[b] + k]), 1);
      g_array_sort_with_data (bucket, compare_rows_cb, GINT_TO_POINTER (ascending));

      first = offset > position ? offset - position : 0;
      last = MIN ((guint64) sizes[b], first + (count - page->len));
      g_array_append_vals (page, &g_array_index (bucket, InflowSimCostRow, first), (guint) (last - first));
      position += sizes[b];
    }

  return page;
}

/* More rows than this are not kept in the first pass (see below). */
#define MAX_KEPT_ROWS 200000

typedef struct
{
  gint64      base;         /* the first bin; bins are days: base + i */
  guint       span;
  guint      *bin_counts;   /* rows by bin - base (first pass), or NULL */
  gboolean   *keep_bins;    /* whether to keep the rows of a bin, or NULL: all */
  GArray     *rows;         /* rows kept (those of one account) */
  GArray     *shared_rows;  /* rows of no account, or NULL: not wanted */
  gboolean    overflow;
  gint64      total;
} CostCollect;

static void
collect_row (CostCollect            *collect,
             const InflowSimCostRow *row,
             GArray                 *into)
{
  gint64 slot = row->bin - collect->base;

  g_assert (slot >= 0 && slot < collect->span);
  if (collect->bin_counts != NULL)
    collect->bin_counts[slot]++;

  if (into == collect->rows && collect->overflow)
    return;
  if (collect->keep_bins != NULL && !collect->keep_bins[slot])
    return;

  g_array_append_vals (into, row, 1);
  if (into == collect->rows && collect->bin_counts != NULL && into->len > MAX_KEPT_ROWS)
    {
      collect->overflow = TRUE;
      g_array_set_size (into, 0);
    }
}

static void
collect_flush (CostCollect     *collect,
               CostAccumulator *acc,
               GArray          *into)
{
  for (guint i = 0; i < acc->used; i++)
    collect_row (collect,
                 (InflowSimCostRow *) g_ptr_array_index (acc->blocks, i / BLOCK_ROWS) + i % BLOCK_ROWS,
                 into);

  g_hash_table_remove_all (acc->set);
  acc->used = 0;
}

static void
collect_costs (InflowSimScenario        *self,
               const InflowSimCostQuery *query,
               GPtrArray                *clauses,
               gint64                    now,
               CostCollect              *collect)
{
  CostAccumulator shared = { 0 };
  CostAccumulator per_account = { 0 };
  CostAccumulator *plain;
  gboolean by_resource = (query->groupings & INFLOW_SIM_GROUP_RESOURCE_ID) != 0;

  accumulator_init (&shared);
  accumulator_init (&per_account);
  plain = (query->groupings & INFLOW_SIM_GROUP_ACCOUNT_ID) ? &per_account : &shared;

  for (guint a = 0; a < self->accounts->len; a++)
    {
      const SimAccount *account = account_at (self, a);
      const char *provider = known_providers[account->provider];
      SimState state;
      gint64 first, last;

      if (!filter_matches (clauses, FIELD_PROVIDER, provider) ||
          !filter_matches (clauses, FIELD_ACCOUNT_ID, account->account_id))
        continue;
      if (!account_visible (self, account, query->workspace))
        continue;
      if (!account_data_state (self, account, now, &state))
        continue;

      first = MAX (query->start_day, self->history_start_day);
      last = MIN (query->end_day, state.newest_day);
      if (first > last)
        continue;

      for (guint s = 0; s < G_N_ELEMENTS (services); s++)
        {
          int region;
          guint n_res;

          if ((account->services & (G_GUINT64_CONSTANT (1) << s)) == 0)
            continue;
          region = service_region (account, s);
          if (!filter_matches (clauses, FIELD_SERVICE, services[s].name) ||
              !filter_matches (clauses, FIELD_REGION, regions[region]))
            continue;

          n_res = by_resource ? n_resources (account, s) : 0;

          for (gint64 day = first; day <= last; day++)
            {
              InflowSimCostRow probe;
              gint64 cents = daily_cents (self, account, s, day);

              probe.bin = bin_of (query->date_bin, day);
              probe.account = (query->groupings & INFLOW_SIM_GROUP_ACCOUNT_ID) ? (gint32) a : -1;
              probe.billing = (query->groupings & INFLOW_SIM_GROUP_BILLING_ACCOUNT_ID) ? account->billing : -1;
              probe.service = (query->groupings & INFLOW_SIM_GROUP_SERVICE) ? (gint16) s : -1;
              probe.region = (query->groupings & INFLOW_SIM_GROUP_REGION) ? (gint16) region : -1;
              probe.provider = (query->groupings & INFLOW_SIM_GROUP_PROVIDER) ? account->provider : -1;
              probe.res_account = -1;
              probe.res_service = -1;
              probe.resource = by_resource ? 0 : -1;

              if (collect->keep_bins != NULL && !collect->keep_bins[probe.bin - collect->base])
                continue;

              if (n_res > 0 && day >= state.resources_from)
                {
                  gint64 parts[3];

                  probe.cents = split_resources (account, s, cents, n_res, parts);
                  accumulate (plain, &probe);
                  for (guint k = 0; k < n_res; k++)
                    {
                      probe.res_account = (gint32) a;
                      probe.res_service = (gint16) s;
                      probe.resource = (gint16) (k + 1);
                      probe.cents = parts[k];
                      accumulate (&per_account, &probe);
                    }
                }
              else
                {
                  probe.cents = cents;
                  accumulate (plain, &probe);
                }
            }
        }

      collect_flush (collect, &per_account, collect->rows);
    }

  collect->total = shared.total + per_account.total;
  if (collect->shared_rows != NULL)
    collect_flush (collect, &shared, collect->shared_rows);

  accumulator_clear (&shared);
  accumulator_clear (&per_account);
}

/**
 * inflow_sim_scenario_query_costs:
 *
 * Computes the rows of GET /v2/costs for @query at virtual time @now, in
 * the order of the API: by bin (ascending or descending), then by amount,
 * largest first. Only the @count rows from @offset are returned (sorted);
 * @n_rows gets the number of rows of the whole answer.
 *
 * Rows are computed, never stored. When an answer has more rows than
 * MAX_KEPT_ROWS (say every account by service by day in a 5,000-account
 * organization), the first pass only counts the rows of each bin, and a
 * second pass keeps the rows of the bins the page falls in.
 *
 * Returns: (transfer full): an array of #InflowSimCostRow, or %NULL with
 *   G_IO_ERROR_INVALID_ARGUMENT for a filter the server does not understand
 */
GArray *
inflow_sim_scenario_query_costs (InflowSimScenario         *self,
                                 const InflowSimCostQuery  *query,
                                 gint64                     now,
                                 guint64                    offset,
                                 guint                      count,
                                 guint                     *n_rows,
                                 gint64                    *total_cents,
                                 GError                   **error)
{
  g_autoptr(GPtrArray) clauses = NULL;
  g_autofree guint *bin_counts = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GArray) shared_rows = NULL;
  CostCollect collect = { 0 };
  gint64 first_day = MAX (query->start_day, self->history_start_day);
  gint64 last_day = MIN (query->end_day, inflow_sim_day_of (now) + 1);
  guint total_rows;

  clauses = parse_filter (query->filter, error);
  if (clauses == NULL)
    return NULL;

  /* every bin of a row is in [base, base + span) */
  collect.base = bin_of (query->date_bin, first_day);
  collect.span = last_day >= first_day ? (guint) (last_day - collect.base + 1) : 1;
  bin_counts = g_new0 (guint, collect.span);
  rows = g_array_new (FALSE, FALSE, sizeof (InflowSimCostRow));
  shared_rows = g_array_new (FALSE, FALSE, sizeof (InflowSimCostRow));

  collect.bin_counts = bin_counts;
  collect.rows = rows;
  collect.shared_rows = shared_rows;
  collect_costs (self, query, clauses, now, &collect);

  if (total_cents != NULL)
    *total_cents = collect.total;

  if (!collect.overflow)
    {
      g_array_append_vals (rows, shared_rows->data, shared_rows->len);
      if (n_rows != NULL)
        *n_rows = rows->len;
      return page_of_rows (rows, query->ascending, offset, count);
    }

  /* Second pass: the bins the page falls in. */
  {
    g_autofree gboolean *keep = g_new0 (gboolean, collect.span);
    g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (InflowSimCostRow));
    CostCollect second = { 0 };
    guint64 position = 0;
    guint64 skipped = 0;

    total_rows = 0;
    for (guint i = 0; i < collect.span; i++)
      {
        guint slot = query->ascending ? i : collect.span - 1 - i;
        guint size = bin_counts[slot];

        if (position + size <= offset)
          skipped += size;
        else if (position < offset + count)
          keep[slot] = TRUE;
        position += size;
        total_rows += size;
      }

    second.base = collect.base;
    second.span = collect.span;
    second.keep_bins = keep;
    second.rows = kept;
    collect_costs (self, query, clauses, now, &second);
    for (guint i = 0; i < shared_rows->len; i++)
      {
        const InflowSimCostRow *row = &g_array_index (shared_rows, InflowSimCostRow, i);

        if (keep[row->bin - collect.base])
          g_array_append_vals (kept, row, 1);
      }

    if (n_rows != NULL)
      *n_rows = total_rows;

    return page_of_rows (kept, query->ascending, offset - skipped, count);
  }
}

void
inflow_sim_scenario_append_cost_row (InflowSimScenario      *self,
                                     GString                *out,
                                     const InflowSimCostRow *row,
                                     guint                   groupings)
{
  g_autofree char *day = inflow_sim_json_format_day (row->bin);

  /* The spec's Cost model gives accrued_at as "2023-09-05+00:00". */
  g_string_append_printf (out, "{\"accrued_at\":\"%s+00:00\",\"amount\":", day);
  inflow_sim_json_cents (out, row->cents);
  g_string_append (out, ",\"currency\":\"USD\"");
  /* The nullable fields of the 2026-08-22 spec: every simulated cost is
   * usage; whether it has tags and its unit are not simulated. */
  g_string_append (out, ",\"charge_type\":\"Usage\",\"tagged\":null,\"usage_unit\":null");

  if (groupings & INFLOW_SIM_GROUP_PROVIDER)
    {
      g_string_append (out, ",\"provider\":");
      inflow_sim_json_string (out, known_providers[row->provider]);
    }
  if (groupings & INFLOW_SIM_GROUP_ACCOUNT_ID)
    {
      g_string_append (out, ",\"account_id\":");
      inflow_sim_json_string (out, account_at (self, (guint) row->account)->account_id);
    }
  if (groupings & INFLOW_SIM_GROUP_BILLING_ACCOUNT_ID)
    {
      g_string_append (out, ",\"billing_account_id\":");
      inflow_sim_json_string (out, account_at (self, (guint) row->billing)->account_id);
    }
  if (groupings & INFLOW_SIM_GROUP_SERVICE)
    {
      g_string_append (out, ",\"service\":");
      inflow_sim_json_string (out, services[row->service].name);
    }
  if (groupings & INFLOW_SIM_GROUP_REGION)
    {
      g_string_append (out, ",\"region\":");
      inflow_sim_json_string (out, regions[row->region]);
    }
  if (groupings & INFLOW_SIM_GROUP_RESOURCE_ID)
    {
      g_autofree char *id = NULL;

      if (row->resource > 0)
        id = resource_id (self, account_at (self, (guint) row->res_account),
                          (guint) row->res_service, (guint) row->resource - 1);
      g_string_append (out, ",\"resource_id\":");
      inflow_sim_json_string (out, id);
    }
  g_string_append_c (out, '}');
}
