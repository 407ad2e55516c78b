#!/usr/bin/env python3
# Writes the seed corpora of the fuzz targets into tests/fuzz/corpus/<target>/
# (seed-*.bin files; other files there, such as crash-* regression inputs,
# are left alone). The seeds come from the official specs' examples
# (../shared/vantage-api, or the folder given) and from the unit tests'
# cases. Run it again after the spec or a target's input format changes:
#   python3 tests/fuzz/make-seeds.py [VANTAGE_API_DIR]
import json
import os
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
SPEC_DIR = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2] / "shared" / "vantage-api"

corpora = {}


def seed(target, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    corpora.setdefault(target, {})[name] = data


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


# --- models: selector byte + a JSON document --------------------------------
# Keep in step with the table in fuzz-models.c
MODEL_LETTERS = {
    "Integration": "a", "Integrations": "A",
    "Workspace": "b", "Workspaces": "B",
    "CostProviderAccount": "c", "CostProviderAccounts": "C",
    "Team": "d", "Teams": "D",
    "User": "e", "Users": "E",
    "Me": "f",
    "Costs": "h",
    "AwsAccessCredential": "i",
    "AwsProviderCredential": "j",
}
API_ERROR_STATUSES = [0, 200, 201, 204, 301, 302, 304, 400, 401, 402, 403, 404, 405, 409, 410,
                      418, 422, 429, 500, 501, 502, 503, 504, 599, 600, 999, 100, 199]
next_links = set()


def collect_links(value):
    if isinstance(value, dict):
        links = value.get("links")
        if isinstance(links, dict):
            for key in ("next", "prev", "first", "last", "self"):
                if isinstance(links.get(key), str):
                    next_links.add(links[key])
        for member in value.values():
            collect_links(member)
    elif isinstance(value, list):
        for item in value:
            collect_links(item)


for spec_name in ("openapi.json", "openapi-v1.json"):
    path = SPEC_DIR / spec_name
    if not path.exists():
        print(f"warning: {path} is missing; its examples are not seeds", file=sys.stderr)
        continue
    spec = json.loads(path.read_text(encoding="utf-8"))
    for api_path, operations in sorted(spec.get("paths", {}).items()):
        for method, operation in sorted(operations.items()):
            if not isinstance(operation, dict):
                continue
            for status, response in sorted(operation.get("responses", {}).items()):
                example = response.get("examples", {}).get("application/json")
                ref = response.get("schema", {}).get("$ref", "")
                if example is None:
                    continue
                definition = ref.rsplit("/", 1)[-1]
                slug = f"{spec_name.split('.')[0]}-{method}-{api_path.strip('/').replace('/', '_').replace('{', '').replace('}', '')}-{status}"
                collect_links(example)
                if definition in MODEL_LETTERS:
                    seed("models", f"seed-{slug}.bin", MODEL_LETTERS[definition] + compact(example))
                    if definition == "AwsProviderCredential":
                        seed("models", f"seed-{slug}-onboarding-info.bin", "k" + compact(example))
                    if definition == "Costs" and spec_name == "openapi.json":
                        seed("models", f"seed-{slug}-cost-list.bin", "G" + compact(example))
                        for i, cost in enumerate(example.get("costs", [])[:2]):
                            seed("models", f"seed-{slug}-cost-{i}.bin", "g" + compact(cost))
                if definition == "Errors" or (status.isdigit() and int(status) >= 400):
                    code = int(status) if status.isdigit() else 400
                    index = API_ERROR_STATUSES.index(code) if code in API_ERROR_STATUSES else 7
                    seed("api-error", f"seed-{slug}.bin", bytes([index, 0]) + compact(example).encode())

# Hand-written model documents: the edges the unit tests cover
seed("models", "seed-hand-integration-nulls.bin",
     'a{"token":"accss_crdntl_1","provider":"aws","account_identifier":null,"status":"connected",'
     '"last_updated":null,"created_at":"2023-08-04T00:00:00Z","workspace_tokens":[],"managed_account_tokens":[]}')
seed("models", "seed-hand-integration-wrong-types.bin",
     'a{"token":1,"provider":["aws"],"status":{},"created_at":"yesterday","workspace_tokens":[1]}')
seed("models", "seed-hand-cloud-account-org.bin",
     'c{"title":"Member","account_id":"012345678901","provider":"aws",'
     '"provider_uuid":"arn:aws:organizations::999888777666:account/o-example12345/012345678901"}')
seed("models", "seed-hand-workspace-list-links.bin",
     'B{"links":{"self":"https://api.vantage.sh/v2/workspaces?page=1","next":"https://api.vantage.sh/v2/workspaces?page=2"},'
     '"workspaces":[{"token":"wrkspc_1","name":"W","created_at":"2023-01-01T00:00:00Z","enable_currency_conversion":true,'
     '"currency":"EUR","exchange_rate_date":"daily"},7,null,{"token":"wrkspc_2"}]}')
seed("models", "seed-hand-cost-decimals.bin",
     'g{"accrued_at":"2023-09-05+00:00","amount":"1e308","currency":"USD","provider":null}')
seed("models", "seed-hand-cost-query-result.bin",
     'h{"total_cost":{"amount":"-0.00","currency":"USD"},"total_usage":[],"costs":[{"accrued_at":"2024-01-01",'
     '"amount":"4.25","currency":"USD","service":"Amazon EC2"},{"accrued_at":"nope"}]}')
seed("models", "seed-hand-provider-info-policy-strings.bin",
     'j{"external_id":"x","iam_role_arn":"arn:aws:iam::630399649041:role/vantage","policies":'
     '{"root":"{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[]}","autopilot":"[1]","cloudwatch":"{}",'
     '"resources":"{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":[\\"s3:Get*\\"],\\"Resource\\":\\"*\\"}]}"}}')
seed("models", "seed-hand-me.bin",
     'f{"default_workspace_token":null,"workspaces":[{"token":"wrkspc_1","name":"W","created_at":"2023-01-01",'
     '"enable_currency_conversion":false,"currency":"USD","exchange_rate_date":"daily"}],'
     '"bearer_token":{"description":"ci","created_at":"2024-05-01T10:00:00.123456+02:00","scope":["read","write"]}}')
seed("models", "seed-hand-json-glib-extensions.bin",
     "e{'token':'usr_1', /* a comment */ 'name':null,'email':'a@b.c','role':'owner','last_seen_at':'2024-01-01'}")
seed("models", "seed-hand-escapes.bin",
     'e{"token":"usr_\\u00e9\\ud83d\\ude00","name":"\\u0000","email":"\\"","role":"\\/","last_seen_at":null}')
for i, text in enumerate(["2023-08-04T00:00:00Z", "2024-01-01", "2023-09-05+00:00", "2024-02-29T23:59:60Z",
                          "9999-12-31T23:59:59.999999-14:00", "0001-01-01Z", "2024-13-01"]):
    seed("models", f"seed-timestamp-{i}.bin", "t" + text)

# --- api-error: status index, flags, body ----------------------------------
for status in (400, 401, 403, 404, 422, 429, 500, 503, 409, 200, 0):
    index = API_ERROR_STATUSES.index(status)
    seed("api-error", f"seed-hand-{status}-errors.bin",
         bytes([index, 1]) + b'{"errors":["Token is invalid.","  ",{"message":"nested"},3,null]}')
seed("api-error", "seed-hand-error-string.bin", bytes([7, 0]) + b'{"error":"Bad","message":"Really bad"}')
seed("api-error", "seed-hand-errors-string.bin", bytes([9, 2]) + b'{"errors":"Not allowed"}')
seed("api-error", "seed-hand-html.bin", bytes([19, 3]) + b"<html><body>502 Bad Gateway</body></html>")
seed("api-error", "seed-hand-long.bin", bytes([7, 0]) + compact({"errors": ["\u00e9" * 1200]}).encode())
seed("api-error", "seed-hand-transport.bin", bytes([1, 4]) + b"<data>:1:1: Parse error")
seed("api-error", "seed-hand-empty.bin", bytes([18, 0]))

# --- next-link: base/page selector + links.next ----------------------------
spec_links = sorted(next_links)
hand_links = sorted([
    "https://api.vantage.sh/v2/integrations?page=2&limit=100",
    "/v2/integrations?page=3",
    "?page=4",
    "page=5",
    "//api.vantage.sh/v2/teams?page=2",
    "https://evil.example/v2/integrations?page=2",
    "https://api.vantage.sh@evil.example/v2",
    "https://evil.example@api.vantage.sh/v2?page=2",
    "http://api.vantage.sh/v2/integrations?page=2",
    "https://api.vantage.sh:444/v2?page=2",
    "https://API.VANTAGE.SH:443/v2?page=2",
    "https://api.vantage.sh./v2?page=2",
    "https://api%2evantage.sh/v2?page=2",
    "http://127.0.0.1:8080/v2/costs?page=2",
    "http://[::1]:39001/api/v2/costs?page=2",
    "javascript:alert(1)",
    "file:///etc/passwd",
    "https://",
    "https://[::1",
    "/v2/integrations?limit=100",
    "https://api.vantage.sh/v2/integrations?limit=100#frag",
    "https://user:pa%20ss@api.vantage.sh/v2/x",
])
# The specs' links (a sample: they differ only in their query), then the
# edge cases against three of the base URLs
for i, link in enumerate(spec_links[::max(1, len(spec_links) // 16)]):
    seed("next-link", f"seed-spec-{i:02d}.bin", bytes([0]) + link.encode())
for i, link in enumerate(hand_links):
    for selector in (0, 7, 14):
        seed("next-link", f"seed-hand-{i:02d}-{selector}.bin", bytes([selector]) + link.encode())

# --- http-date: Date, Retry-After, x-rate-limit-reset, -limit, -remaining ---
for name, text in [
    ("rfc1123", "Sun, 06 Nov 1994 08:49:37 GMT\n120\n1700000000\n1000\n999"),
    ("rfc850", "Sunday, 06-Nov-94 08:49:37 GMT\nSun, 06 Nov 1994 08:51:37 GMT"),
    ("asctime", "Sun Nov  6 08:49:37 1994\n0"),
    ("now-ish", "Tue, 01 Jul 2026 10:00:00 GMT\nTue, 01 Jul 2026 10:01:00 GMT\n1782900060"),
    ("year-9999", "Fri, 31 Dec 9999 23:59:59 GMT\nFri, 31 Dec 9999 23:59:59 GMT"),
    ("year-1", "Mon, 01 Jan 0001 00:00:00 GMT\n2147483647\n9223372036854775807\n-1\n-1"),
    ("garbage", "yesterday\nsoon\nnever\nmany\nnone"),
    ("offset", "Tue, 01 Jul 2026 10:00:00 +0200\n-5\n0"),
]:
    seed("http-date", f"seed-{name}.bin", text)

# --- aws-arn and smart-paste -------------------------------------------------
ROLE = "arn:aws:iam::123456789012:role/vantage_cross_account_connection"
OTHER = "arn:aws:iam::210987654321:role/other"
VANTAGE = "arn:aws:iam::630399649041:role/vantage-production"
arn_texts = [
    ROLE, "arn:aws-us-gov:iam::123456789012:role/Vantage", "arn:aws:iam::000123456789:role/x",
    "arn:aws:iam::123456789012:role/team/vantage/Reader", "arn:aws:iam::123456789012:role/$(id)/`id`/x",
    "arn:aws-cn:iam::123456789012:role/x", "arn:AWS:iam::123456789012:role/x",
    "arn:aws:iam::1234-5678-9012:role/x", "arn:aws:iam:us-east-1:123456789012:role/x",
    "arn:aws:iam::123456789012:user/bob", "arn:aws:sts::123456789012:assumed-role/x/session",
    "arn:aws:iam::123456789012:role/", "arn:aws:iam::123456789012:role//double//x",
    "arn:aws:iam::123456789012:role/p\u00e4/x", " arn:aws:iam::123456789012:role/with:colon/x\n",
    "arn:aws:s3:::my-bucket", "arn:aws-us-gov:s3:::cur-0001", "arn:aws:s3:::my-bucket/*",
    "arn:aws:s3:us-east-1::my-bucket", "arn:aws:s3:::Upper", "123456789012", "o-example12345",
    "r-ab12", "ou-ab12-cdefgh12", "us-east-1", "us-gov-west-1", "vantage-cur-bucket.example",
    "inflow-test-external-id-42", "VantageStack", "vantage-cur-report", "",
]
for i, text in enumerate(arn_texts):
    seed("aws-arn", f"seed-{i:02d}.bin", text)

TRUST = ('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"' + VANTAGE +
         '"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"x"}}}]}')
pastes = [
    ROLE, '  "' + ROLE + '"\n', "`" + ROLE + "`", "The new role is " + ROLE + ".", TRUST,
    '{"Statement":[{"Principal":{"AWS":["' + VANTAGE + '","' + OTHER + '"]}}]}',
    '{"Role":{"Path":"/","Arn":"' + ROLE + '","AssumeRolePolicyDocument":' + TRUST + "}}",
    "Summary\nARN\n" + ROLE + "\nTrust relationships\n" + TRUST,
    '{"Stacks":[{"Outputs":[{"OutputKey":"VantageCostAndUsageReportBucketArn","OutputValue":"arn:aws:s3:::cur"},'
    '{"OutputKey":"VantageCrossAccountRoleArn","OutputValue":"' + ROLE + '"}]}]}',
    '[{"OutputKey":"SomeOtherRoleArn","OutputValue":"' + OTHER + '"},{"OutputKey":"VantageCrossAccountRoleArn","OutputValue":"' + ROLE + '"}]',
    "Key\tValue\nVantageCrossAccountRoleArn\t" + ROLE + "\tThe role\t-\n",
    ROLE + "\n" + OTHER + "\n", ROLE + " and again " + ROLE,
    "https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1#/roles/details/vantage_cross_account_connection?section=permissions",
    "https://123456789012-abcd1234.us-east-1.console.aws.amazon.com/iam/home#/roles/details/vantage",
    "https://console.amazonaws-us-gov.com/iam/home#/roles/Reader",
    "https://console.aws.amazon.com/iam/home#/roles/details/a%2Bb%40c",
    "https://evilconsole.aws.amazon.com/iam/home#/roles/details/vantage",
    "arn:aws-cn:iam::123456789012:role/x", "   \n", "vantage_cross_account_connection", VANTAGE,
]
for i, text in enumerate(pastes):
    seed("smart-paste", f"seed-{i:02d}.bin", bytes([i % 16]) + text.encode())

for target, files in sorted(corpora.items()):
    folder = HERE / "corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("seed-*.bin"):
        if old.name not in files:
            old.unlink()
    for name, data in sorted(files.items()):
        (folder / name).write_bytes(data)
    print(f"{target}: {len(files)} seeds")
