"""One test per shim (and for the seed), against the emulator in this process, through boto3 as a caller would.

Run by tests/tools/e2e/emulator-shims.test.ts: ``python3 -m unittest -v tools.e2e.emulator.test_shims``.
"""
import json
from typing import Any
import unittest

import boto3
from botocore.exceptions import ClientError

from .seed import seed
from .server import Emulator

REGION = "ap-southeast-1"
OWNER, CALLER = "333344446666", "555566666666"


def _ec2_backend(account: str):
    from moto import backends

    return backends.get_backend("ec2")[account][REGION]


class EmulatorTest(unittest.TestCase):
    emulator: Emulator
    _clients: dict[tuple[str, str, str], Any]

    @classmethod
    def setUpClass(cls) -> None:
        cls.emulator = Emulator().start()
        cls._clients = {}

    @classmethod
    def tearDownClass(cls) -> None:
        cls.emulator.stop()

    def client(self, service: str, account: str, region: str = REGION):
        """A client acting in `account` through an assumed role; one per service, account and region per class
        (creating a boto3 client costs tens of milliseconds)."""
        key = (service, account, region)
        if key not in self._clients:
            self._clients[key] = self._new_client(service, account, region)
        return self._clients[key]

    def _new_client(self, service: str, account: str, region: str):
        sts = boto3.client("sts", region_name="us-east-1", endpoint_url=self.emulator.url, aws_access_key_id="test", aws_secret_access_key="test")
        credentials = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/uag-deployer", RoleSessionName="shim-test")["Credentials"]
        return boto3.client(
            service,
            region_name=region,
            endpoint_url=self.emulator.url,
            aws_access_key_id=credentials["AccessKeyId"],
            aws_secret_access_key=credentials["SecretAccessKey"],
            aws_session_token=credentials["SessionToken"],
        )

    def shared_transit_gateway(self, shared_with: str | None) -> str:
        tgw = self.client("ec2", OWNER).create_transit_gateway(Options={"AutoAcceptSharedAttachments": "disable"})["TransitGateway"]
        if shared_with:
            ram = self.client("ram", OWNER)
            share = ram.create_resource_share(name="tgw", allowExternalPrincipals=False)["resourceShare"]["resourceShareArn"]
            ram.associate_resource_share(resourceShareArn=share, resourceArns=[tgw["TransitGatewayArn"]], principals=[shared_with])
        return tgw["TransitGatewayId"]


class RamShims(EmulatorTest):
    def test_ram_associate_and_disassociate_resource_share(self) -> None:
        ram = self.client("ram", OWNER)
        share = ram.create_resource_share(name="assoc", allowExternalPrincipals=False)["resourceShare"]["resourceShareArn"]
        answer = ram.associate_resource_share(resourceShareArn=share, principals=["444455556666"])
        self.assertEqual([(item["associatedEntity"], item["associationType"]) for item in answer["resourceShareAssociations"]], [("444455556666", "PRINCIPAL")])
        listed = ram.get_resource_share_associations(associationType="PRINCIPAL", resourceShareArns=[share])["resourceShareAssociations"]
        self.assertEqual([item["associatedEntity"] for item in listed], ["444455556666"])
        ram.disassociate_resource_share(resourceShareArn=share, principals=["444455556666"])
        self.assertEqual(ram.get_resource_share_associations(associationType="PRINCIPAL", resourceShareArns=[share])["resourceShareAssociations"], [])

    def test_ram_list_resource_share_permissions(self) -> None:
        ram = self.client("ram", OWNER)
        tgw_arn = self.client("ec2", OWNER).create_transit_gateway()["TransitGateway"]["TransitGatewayArn"]
        share = ram.create_resource_share(name="perm", resourceArns=[tgw_arn])["resourceShare"]["resourceShareArn"]
        permissions = ram.list_resource_share_permissions(resourceShareArn=share)["permissions"]
        self.assertEqual([(item["name"], item["resourceType"]) for item in permissions], [("AWSRAMDefaultPermissionTransitGateway", "ec2:TransitGateway")])

    def test_ram_share_tags_and_filters(self) -> None:
        ram = self.client("ram", OWNER)
        first = ram.create_resource_share(name="tagged", tags=[{"key": "Stack", "value": "dev-network"}])["resourceShare"]
        self.assertEqual(first["tags"], [{"key": "Stack", "value": "dev-network"}])
        ram.create_resource_share(name="other")
        ram.tag_resource(resourceShareArn=first["resourceShareArn"], tags=[{"key": "Owner", "value": "platform"}])
        ram.untag_resource(resourceShareArn=first["resourceShareArn"], tagKeys=["Stack"])
        shares = ram.get_resource_shares(resourceOwner="SELF", resourceShareArns=[first["resourceShareArn"]])["resourceShares"]
        self.assertEqual([(share["name"], share["tags"]) for share in shares], [("tagged", [{"key": "Owner", "value": "platform"}])])


class FmsShims(EmulatorTest):
    def test_fms_policy_lifecycle_and_tags(self) -> None:
        fms = self.client("fms", "222233334444")
        policy = {
            "PolicyName": "dev-waf-regional",
            "SecurityServicePolicyData": {"Type": "WAFV2", "ManagedServiceData": "{}"},
            "ResourceType": "AWS::ApiGateway::Stage",
            "ExcludeResourceTags": False,
            "RemediationEnabled": False,
        }
        created = fms.put_policy(Policy=policy, TagList=[{"Key": "Stack", "Value": "dev-security"}])
        policy_id = created["Policy"]["PolicyId"]
        self.assertEqual(created["PolicyArn"], f"arn:aws:fms:{REGION}:222233334444:policy/{policy_id}")
        self.assertEqual(fms.get_policy(PolicyId=policy_id)["Policy"]["PolicyName"], "dev-waf-regional")
        self.assertEqual(fms.list_tags_for_resource(ResourceArn=created["PolicyArn"])["TagList"], [{"Key": "Stack", "Value": "dev-security"}])
        updated = fms.put_policy(Policy={**created["Policy"], "RemediationEnabled": True})
        self.assertTrue(updated["Policy"]["RemediationEnabled"])
        self.assertNotEqual(updated["Policy"]["PolicyUpdateToken"], created["Policy"]["PolicyUpdateToken"])
        fms.delete_policy(PolicyId=policy_id)
        with self.assertRaises(ClientError) as raised:
            fms.get_policy(PolicyId=policy_id)
        self.assertEqual(raised.exception.response["Error"]["Code"], "ResourceNotFoundException")


class Ec2Shims(EmulatorTest):
    def test_ec2_attachment_to_a_shared_transit_gateway_waits_for_acceptance(self) -> None:
        tgw_id = self.shared_transit_gateway(shared_with=CALLER)
        vpc = self.client("ec2", CALLER).create_vpc(CidrBlock="10.1.0.0/16")["Vpc"]["VpcId"]
        subnet = self.client("ec2", CALLER).create_subnet(VpcId=vpc, CidrBlock="10.1.0.0/24")["Subnet"]["SubnetId"]
        attachment = self.client("ec2", CALLER).create_transit_gateway_vpc_attachment(TransitGatewayId=tgw_id, VpcId=vpc, SubnetIds=[subnet])
        attachment_id = attachment["TransitGatewayVpcAttachment"]["TransitGatewayAttachmentId"]
        self.assertEqual(attachment["TransitGatewayVpcAttachment"]["State"], "pendingAcceptance")
        owner = self.client("ec2", OWNER)
        seen = owner.describe_transit_gateway_vpc_attachments(TransitGatewayAttachmentIds=[attachment_id])["TransitGatewayVpcAttachments"]
        self.assertEqual([(item["VpcId"], item["State"]) for item in seen], [(vpc, "pendingAcceptance")])

    def test_ec2_accept_transit_gateway_vpc_attachment(self) -> None:
        tgw_id = self.shared_transit_gateway(shared_with=CALLER)
        caller = self.client("ec2", CALLER)
        vpc = caller.create_vpc(CidrBlock="10.2.0.0/16")["Vpc"]["VpcId"]
        subnet = caller.create_subnet(VpcId=vpc, CidrBlock="10.2.0.0/24")["Subnet"]["SubnetId"]
        attachment_id = caller.create_transit_gateway_vpc_attachment(TransitGatewayId=tgw_id, VpcId=vpc, SubnetIds=[subnet])["TransitGatewayVpcAttachment"]["TransitGatewayAttachmentId"]
        accepted = self.client("ec2", OWNER).accept_transit_gateway_vpc_attachment(TransitGatewayAttachmentId=attachment_id)["TransitGatewayVpcAttachment"]
        self.assertEqual((accepted["TransitGatewayAttachmentId"], accepted["VpcOwnerId"], accepted["State"]), (attachment_id, CALLER, "available"))
        self.assertEqual(caller.describe_transit_gateway_vpc_attachments(TransitGatewayAttachmentIds=[attachment_id])["TransitGatewayVpcAttachments"][0]["State"], "available")

    def test_ec2_shared_attachment_tags_are_kept_per_account(self) -> None:
        tgw_id = self.shared_transit_gateway(shared_with=CALLER)
        caller, owner = self.client("ec2", CALLER), self.client("ec2", OWNER)
        vpc = caller.create_vpc(CidrBlock="10.13.0.0/16")["Vpc"]["VpcId"]
        created = caller.create_transit_gateway_vpc_attachment(
            TransitGatewayId=tgw_id,
            VpcId=vpc,
            SubnetIds=[],
            TagSpecifications=[{"ResourceType": "transit-gateway-attachment", "Tags": [{"Key": "Side", "Value": "requester"}]}],
        )["TransitGatewayVpcAttachment"]
        attachment_id = created["TransitGatewayAttachmentId"]
        self.assertEqual(created["Tags"], [{"Key": "Side", "Value": "requester"}])
        accepted = owner.accept_transit_gateway_vpc_attachment(TransitGatewayAttachmentId=attachment_id)["TransitGatewayVpcAttachment"]
        self.assertEqual(accepted["Tags"], [])
        owner.create_tags(Resources=[attachment_id], Tags=[{"Key": "Side", "Value": "accepter"}])
        tags = lambda client: client.describe_transit_gateway_vpc_attachments(TransitGatewayAttachmentIds=[attachment_id])["TransitGatewayVpcAttachments"][0]["Tags"]  # noqa: E731
        self.assertEqual(tags(caller), [{"Key": "Side", "Value": "requester"}])
        self.assertEqual(tags(owner), [{"Key": "Side", "Value": "accepter"}])
        listed = owner.describe_transit_gateway_attachments(TransitGatewayAttachmentIds=[attachment_id])["TransitGatewayAttachments"]
        self.assertEqual([item["Tags"] for item in listed], [[{"Key": "Side", "Value": "accepter"}]])

    def test_ec2_attachment_not_associated_when_default_association_is_disabled(self) -> None:
        owner = self.client("ec2", OWNER)
        tgw = owner.create_transit_gateway(Options={"DefaultRouteTableAssociation": "disable", "DefaultRouteTablePropagation": "disable"})["TransitGateway"]
        vpc = owner.create_vpc(CidrBlock="10.6.0.0/16")["Vpc"]["VpcId"]
        attachment_id = owner.create_transit_gateway_vpc_attachment(TransitGatewayId=tgw["TransitGatewayId"], VpcId=vpc, SubnetIds=[])["TransitGatewayVpcAttachment"]["TransitGatewayAttachmentId"]
        for table in owner.describe_transit_gateway_route_tables()["TransitGatewayRouteTables"]:
            associations = owner.get_transit_gateway_route_table_associations(TransitGatewayRouteTableId=table["TransitGatewayRouteTableId"])["Associations"]
            self.assertNotIn(attachment_id, [item["TransitGatewayAttachmentId"] for item in associations])

    def test_ec2_deleted_shared_attachment_is_listed_as_deleted_to_both_accounts(self) -> None:
        tgw_id = self.shared_transit_gateway(shared_with=CALLER)
        caller = self.client("ec2", CALLER)
        vpc = caller.create_vpc(CidrBlock="10.4.0.0/16")["Vpc"]["VpcId"]
        attachment_id = caller.create_transit_gateway_vpc_attachment(TransitGatewayId=tgw_id, VpcId=vpc, SubnetIds=[])["TransitGatewayVpcAttachment"]["TransitGatewayAttachmentId"]
        caller.delete_transit_gateway_vpc_attachment(TransitGatewayAttachmentId=attachment_id)
        for account in (CALLER, OWNER):
            listed = self.client("ec2", account).describe_transit_gateway_vpc_attachments(TransitGatewayAttachmentIds=[attachment_id])["TransitGatewayVpcAttachments"]
            self.assertEqual([item["State"] for item in listed], ["deleted"])
        self.client("ec2", OWNER).delete_transit_gateway_vpc_attachment(TransitGatewayAttachmentId=attachment_id)  # the accepter's delete

    def test_ec2_describe_transit_gateways_lists_those_shared_with_the_caller(self) -> None:
        shared = self.shared_transit_gateway(shared_with=CALLER)
        unshared = self.shared_transit_gateway(shared_with=None)
        caller = self.client("ec2", CALLER)
        self.assertEqual([item["TransitGatewayId"] for item in caller.describe_transit_gateways(TransitGatewayIds=[shared])["TransitGateways"]], [shared])
        listed = [item["TransitGatewayId"] for item in caller.describe_transit_gateways()["TransitGateways"]]
        self.assertIn(shared, listed)
        self.assertNotIn(unshared, listed)
        self.assertNotIn(shared, _ec2_backend(CALLER).transit_gateways)  # lent for the call only

    def test_ec2_route_to_a_shared_transit_gateway_keeps_its_target(self) -> None:
        tgw_id = self.shared_transit_gateway(shared_with=CALLER)
        caller = self.client("ec2", CALLER)
        vpc = caller.create_vpc(CidrBlock="10.7.0.0/16")["Vpc"]["VpcId"]
        table = caller.create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"]
        caller.create_route(RouteTableId=table, DestinationCidrBlock="10.8.0.0/16", TransitGatewayId=tgw_id)
        caller.replace_route(RouteTableId=table, DestinationCidrBlock="10.8.0.0/16", TransitGatewayId=tgw_id)
        routes = caller.describe_route_tables(RouteTableIds=[table])["RouteTables"][0]["Routes"]
        self.assertEqual([(route["DestinationCidrBlock"], route.get("TransitGatewayId")) for route in routes if route.get("GatewayId") != "local"], [("10.8.0.0/16", tgw_id)])
        self.assertNotIn(tgw_id, _ec2_backend(CALLER).transit_gateways)  # lent for the call only

    def test_ec2_transit_gateway_lent_to_concurrent_calls_until_the_last_gives_it_back(self) -> None:
        from concurrent.futures import ThreadPoolExecutor

        tgw_id = self.shared_transit_gateway(shared_with=CALLER)
        vpc = self.client("ec2", CALLER).create_vpc(CidrBlock="10.9.0.0/16")["Vpc"]["VpcId"]
        tables = [self.client("ec2", CALLER).create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"] for _ in range(8)]

        def route(table: str) -> str | None:
            caller = self.client("ec2", CALLER)
            caller.create_route(RouteTableId=table, DestinationCidrBlock="10.10.0.0/16", TransitGatewayId=tgw_id)
            routes = caller.describe_route_tables(RouteTableIds=[table])["RouteTables"][0]["Routes"]
            return next(item.get("TransitGatewayId") for item in routes if item.get("DestinationCidrBlock") == "10.10.0.0/16")

        with ThreadPoolExecutor(max_workers=8) as pool:
            self.assertEqual(list(pool.map(route, tables)), [tgw_id] * 8)
        self.assertNotIn(tgw_id, _ec2_backend(CALLER).transit_gateways)

    def test_ec2_unshared_transit_gateway_is_not_found(self) -> None:
        tgw_id = self.shared_transit_gateway(shared_with=None)
        caller = self.client("ec2", CALLER)
        vpc = caller.create_vpc(CidrBlock="10.3.0.0/16")["Vpc"]["VpcId"]
        with self.assertRaises(ClientError) as raised:
            caller.create_transit_gateway_vpc_attachment(TransitGatewayId=tgw_id, VpcId=vpc, SubnetIds=[])
        self.assertEqual(raised.exception.response["Error"]["Code"], "InvalidTransitGatewayID.NotFound")


class ApiGatewayShims(EmulatorTest):
    def test_apigateway_rest_api_policy_is_returned_escaped(self) -> None:
        policy = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "*"}]})
        apigateway = self.client("apigateway", "444455556666")
        api = apigateway.create_rest_api(name="private", policy=policy, endpointConfiguration={"types": ["PRIVATE"]})
        self.assertEqual(api["policy"], policy.replace('"', '\\"'))
        self.assertEqual(apigateway.get_rest_api(restApiId=api["id"])["policy"], policy.replace('"', '\\"'))

    def test_apigatewayv2_api_mapping_on_a_v1_domain(self) -> None:
        apigateway = self.client("apigateway", "444455556666")
        apigateway.create_domain_name(domainName="origin.api.dev.example.com", regionalCertificateArn="arn:aws:acm:ap-southeast-1:444455556666:certificate/x", endpointConfiguration={"types": ["REGIONAL"]})
        api_id = apigateway.create_rest_api(name="payments")["id"]
        v2 = self.client("apigatewayv2", "444455556666")
        created = v2.create_api_mapping(DomainName="origin.api.dev.example.com", ApiId=api_id, ApiMappingKey="v1/payments", Stage="v1")
        self.assertEqual((created["ApiId"], created["ApiMappingKey"], created["Stage"]), (api_id, "v1/payments", "v1"))
        self.assertEqual(v2.get_api_mapping(DomainName="origin.api.dev.example.com", ApiMappingId=created["ApiMappingId"])["ApiMappingKey"], "v1/payments")
        self.assertEqual(len(v2.get_api_mappings(DomainName="origin.api.dev.example.com")["Items"]), 1)
        with self.assertRaises(ClientError) as raised:
            v2.create_api_mapping(DomainName="origin.api.dev.example.com", ApiId="missing", ApiMappingKey="other", Stage="v1")
        self.assertEqual(raised.exception.response["Error"]["Code"], "NotFoundException")
        v2.delete_api_mapping(DomainName="origin.api.dev.example.com", ApiMappingId=created["ApiMappingId"])
        self.assertEqual(v2.get_api_mappings(DomainName="origin.api.dev.example.com")["Items"], [])

    def test_apigateway_private_domain_name_policy_is_returned(self) -> None:
        policy = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*"}]})
        apigateway = self.client("apigateway", "444455556666")
        created = apigateway.create_domain_name(
            domainName="api.internal.dev.example.com", certificateArn="arn:aws:acm:ap-southeast-1:444455556666:certificate/y", endpointConfiguration={"types": ["PRIVATE"]}, policy=policy
        )
        self.assertEqual(created["policy"], policy)
        self.assertEqual(apigateway.get_domain_name(domainName="api.internal.dev.example.com")["policy"], policy)
        self.assertEqual([item.get("policy") for item in apigateway.get_domain_names()["items"] if item["domainName"] == "api.internal.dev.example.com"], [policy])
        replaced = policy.replace("Allow", "Deny")
        apigateway.update_domain_name(domainName="api.internal.dev.example.com", patchOperations=[{"op": "replace", "path": "/policy", "value": replaced}])
        self.assertEqual(apigateway.get_domain_name(domainName="api.internal.dev.example.com")["policy"], replaced)

    def test_apigateway_domain_name_access_association(self) -> None:
        apigateway = self.client("apigateway", "777788886666")
        domain_arn = "arn:aws:apigateway:ap-southeast-1:444455556666:/domainnames/api.internal.dev.example.com+abc123"
        created = apigateway.create_domain_name_access_association(domainNameArn=domain_arn, accessAssociationSourceType="VPCE", accessAssociationSource="vpce-0123", tags={"Stack": "s"})
        self.assertEqual(
            created["domainNameAccessAssociationArn"],
            "arn:aws:apigateway:ap-southeast-1:777788886666:/domainnameaccessassociations/domainname/api.internal.dev.example.com+abc123/vpcesource/vpce-0123",
        )
        listed = apigateway.get_domain_name_access_associations(resourceOwner="SELF")["items"]
        self.assertEqual([(item["accessAssociationSource"], item["tags"]) for item in listed], [("vpce-0123", {"Stack": "s"})])
        others = self.client("apigateway", "444455556666").get_domain_name_access_associations(resourceOwner="OTHER_ACCOUNTS")["items"]
        self.assertEqual([item["domainNameArn"] for item in others], [domain_arn])
        apigateway.tag_resource(resourceArn=created["domainNameAccessAssociationArn"], tags={"Owner": "platform"})
        apigateway.untag_resource(resourceArn=created["domainNameAccessAssociationArn"], tagKeys=["Stack"])
        self.assertEqual(apigateway.get_tags(resourceArn=created["domainNameAccessAssociationArn"])["tags"], {"Owner": "platform"})
        apigateway.delete_domain_name_access_association(domainNameAccessAssociationArn=created["domainNameAccessAssociationArn"])
        self.assertEqual(apigateway.get_domain_name_access_associations(resourceOwner="SELF")["items"], [])


class CloudFrontShims(EmulatorTest):
    def distribution_config(self, reference: str, certificate: dict) -> dict:
        return {
            "CallerReference": reference,
            "Comment": "shim test",
            "Enabled": True,
            "Aliases": {"Quantity": 1, "Items": [f"{reference}.example.com"]},
            "Origins": {"Quantity": 1, "Items": [{"Id": "origin", "DomainName": "origin.example.com", "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443, "OriginProtocolPolicy": "https-only"}}]},
            "DefaultCacheBehavior": {"TargetOriginId": "origin", "ViewerProtocolPolicy": "https-only", "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"},
            "ViewerCertificate": certificate,
        }

    def test_cloudfront_distribution_with_cache_policy_and_acm_certificate(self) -> None:
        cloudfront = self.client("cloudfront", "444455556666", "us-east-1")
        certificate = {"ACMCertificateArn": "arn:aws:acm:us-east-1:444455556666:certificate/x", "SSLSupportMethod": "sni-only", "MinimumProtocolVersion": "TLSv1.2_2021"}
        created = cloudfront.create_distribution(DistributionConfig=self.distribution_config("acm", certificate))["Distribution"]
        config = cloudfront.get_distribution_config(Id=created["Id"])["DistributionConfig"]
        for answer in (created["DistributionConfig"], config, cloudfront.get_distribution(Id=created["Id"])["Distribution"]["DistributionConfig"]):
            self.assertNotIn("ForwardedValues", answer["DefaultCacheBehavior"])
            self.assertEqual(answer["DefaultCacheBehavior"]["CachePolicyId"], "4135ea2d-6df8-44a3-9df3-4b5a84be39ad")
            self.assertEqual((answer["ViewerCertificate"]["CloudFrontDefaultCertificate"], answer["ViewerCertificate"]["ACMCertificateArn"]), (False, certificate["ACMCertificateArn"]))

    def test_cloudfront_response_headers_policy_lifecycle(self) -> None:
        cloudfront = self.client("cloudfront", "444455556666", "us-east-1")
        config = {
            "Name": "dev-api-security-headers",
            "Comment": "HSTS",
            "SecurityHeadersConfig": {"StrictTransportSecurity": {"Override": True, "IncludeSubdomains": True, "Preload": False, "AccessControlMaxAgeSec": 63072000}},
        }
        created = cloudfront.create_response_headers_policy(ResponseHeadersPolicyConfig=config)
        policy_id = created["ResponseHeadersPolicy"]["Id"]
        got = cloudfront.get_response_headers_policy(Id=policy_id)
        self.assertEqual(got["ResponseHeadersPolicy"]["ResponseHeadersPolicyConfig"], config)
        self.assertEqual(got["ETag"], created["ETag"])
        with self.assertRaises(ClientError) as taken:
            cloudfront.create_response_headers_policy(ResponseHeadersPolicyConfig=config)
        self.assertEqual(taken.exception.response["Error"]["Code"], "ResponseHeadersPolicyAlreadyExists")
        changed = {**config, "Comment": "HSTS, two years"}
        with self.assertRaises(ClientError) as stale:
            cloudfront.update_response_headers_policy(Id=policy_id, IfMatch="E-STALE", ResponseHeadersPolicyConfig=changed)
        self.assertEqual(stale.exception.response["Error"]["Code"], "PreconditionFailed")
        updated = cloudfront.update_response_headers_policy(Id=policy_id, IfMatch=got["ETag"], ResponseHeadersPolicyConfig=changed)
        self.assertEqual(cloudfront.get_response_headers_policy_config(Id=policy_id)["ResponseHeadersPolicyConfig"]["Comment"], "HSTS, two years")
        cloudfront.delete_response_headers_policy(Id=policy_id, IfMatch=updated["ETag"])
        with self.assertRaises(ClientError) as gone:
            cloudfront.get_response_headers_policy(Id=policy_id)
        self.assertEqual(gone.exception.response["Error"]["Code"], "NoSuchResponseHeadersPolicy")

    def test_cloudfront_default_certificate_stays_true_without_a_certificate(self) -> None:
        cloudfront = self.client("cloudfront", "444455556666", "us-east-1")
        created = cloudfront.create_distribution(DistributionConfig=self.distribution_config("default", {"CloudFrontDefaultCertificate": True}))["Distribution"]
        self.assertTrue(created["DistributionConfig"]["ViewerCertificate"]["CloudFrontDefaultCertificate"])


class Elbv2Shims(EmulatorTest):
    def test_elbv2_nlb_enforces_inbound_rules_on_private_link_traffic(self) -> None:
        ec2 = self.client("ec2", "444455556666")
        vpc = ec2.create_vpc(CidrBlock="10.11.0.0/16")["Vpc"]["VpcId"]
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.11.0.0/24", AvailabilityZone=f"{REGION}a")["Subnet"]["SubnetId"]
        group = ec2.create_security_group(GroupName="nlb", Description="nlb", VpcId=vpc)["GroupId"]
        elbv2 = self.client("elbv2", "444455556666")
        created = elbv2.create_load_balancer(Name="nlb", Type="network", Scheme="internal", Subnets=[subnet], SecurityGroups=[group])["LoadBalancers"][0]
        self.assertEqual(created["EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic"], "on")
        answer = elbv2.set_security_groups(LoadBalancerArn=created["LoadBalancerArn"], SecurityGroups=[group], EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic="off")
        self.assertEqual(answer["EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic"], "off")
        described = elbv2.describe_load_balancers(LoadBalancerArns=[created["LoadBalancerArn"]])["LoadBalancers"][0]
        self.assertEqual(described["EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic"], "off")

    def test_elbv2_field_absent_without_security_groups(self) -> None:
        ec2 = self.client("ec2", "444455556666")
        vpc = ec2.create_vpc(CidrBlock="10.12.0.0/16")["Vpc"]["VpcId"]
        subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.12.0.0/24", AvailabilityZone=f"{REGION}a")["Subnet"]["SubnetId"]
        created = self.client("elbv2", "444455556666").create_load_balancer(Name="plain", Type="network", Scheme="internal", Subnets=[subnet])["LoadBalancers"][0]
        self.assertNotIn("EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic", created)


class Route53Shims(EmulatorTest):
    def test_route53_zone_created_with_a_vpc_is_private_and_lists_it(self) -> None:
        vpc = self.client("ec2", "777788886666").create_vpc(CidrBlock="10.5.0.0/16")["Vpc"]["VpcId"]
        route53 = self.client("route53", "777788886666")
        zone = route53.create_hosted_zone(Name="api.internal.example.com", CallerReference="shim-test", VPC={"VPCRegion": REGION, "VPCId": vpc})["HostedZone"]
        self.assertTrue(zone["Config"]["PrivateZone"])
        self.assertEqual(route53.get_hosted_zone(Id=zone["Id"])["VPCs"], [{"VPCRegion": REGION, "VPCId": vpc}])


class LambdaShims(EmulatorTest):
    def test_lambda_logging_config_is_returned(self) -> None:
        import io
        import zipfile

        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w") as bundle:
            bundle.writestr("index.js", "exports.handler = async () => ({})")
        role = self.client("iam", "444455556666").create_role(RoleName="fn", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
        lambda_ = self.client("lambda", "444455556666")
        created = lambda_.create_function(FunctionName="dev-authorizer", Runtime="nodejs20.x", Role=role, Handler="index.handler", Code={"ZipFile": archive.getvalue()})
        self.assertEqual(created["LoggingConfig"], {"LogFormat": "Text", "LogGroup": "/aws/lambda/dev-authorizer"})
        lambda_.update_function_configuration(FunctionName="dev-authorizer", LoggingConfig={"LogFormat": "JSON", "LogGroup": "/uag/authorizer"})
        self.assertEqual(lambda_.get_function(FunctionName="dev-authorizer")["Configuration"]["LoggingConfig"], {"LogFormat": "JSON", "LogGroup": "/uag/authorizer"})


class RetriedWrites(EmulatorTest):
    """Not a shim of an operation: the emulator's answer to a write the SDK sends again after the first answer was
    lost on the way back (same amz-sdk-invocation-id, attempt 2)."""

    def stage_client(self, invocation: str | None):
        apigateway = self.client("apigateway", "444455556666")

        def same_invocation(request, **_):
            if invocation and request.method == "POST" and request.url.endswith("/stages"):
                request.headers["amz-sdk-invocation-id"] = invocation
                request.headers["amz-sdk-request"] = "attempt=2; max=3"

        apigateway.meta.events.register("before-send.api-gateway.CreateStage", same_invocation)
        return apigateway

    def deployed_api(self, apigateway) -> tuple[str, str]:
        api_id = apigateway.create_rest_api(name=f"retried-{id(apigateway)}")["id"]
        root = apigateway.get_resources(restApiId=api_id)["items"][0]["id"]
        apigateway.put_method(restApiId=api_id, resourceId=root, httpMethod="GET", authorizationType="NONE")
        apigateway.put_integration(restApiId=api_id, resourceId=root, httpMethod="GET", type="MOCK")
        return api_id, apigateway.create_deployment(restApiId=api_id)["id"]

    def test_retried_create_gets_the_first_answer(self) -> None:
        apigateway = self.stage_client("0f1e2d3c-retried-create-stage")
        api_id, deployment_id = self.deployed_api(apigateway)
        first = apigateway.create_stage(restApiId=api_id, stageName="v1", deploymentId=deployment_id)
        again = apigateway.create_stage(restApiId=api_id, stageName="v1", deploymentId=deployment_id)
        self.assertEqual((again["stageName"], again["deploymentId"]), (first["stageName"], first["deploymentId"]))
        self.assertEqual([stage["stageName"] for stage in apigateway.get_stages(restApiId=api_id)["item"]], ["v1"])

    def test_a_new_create_of_the_same_stage_is_still_a_conflict(self) -> None:
        apigateway = self.stage_client(None)
        api_id, deployment_id = self.deployed_api(apigateway)
        apigateway.create_stage(restApiId=api_id, stageName="v1", deploymentId=deployment_id)
        with self.assertRaises(ClientError) as raised:
            apigateway.create_stage(restApiId=api_id, stageName="v1", deploymentId=deployment_id)
        self.assertEqual(raised.exception.response["Error"]["Code"], "ConflictException")


class Seed(EmulatorTest):
    def test_seed_creates_the_configured_ids(self) -> None:
        seed(
            {
                "stateBucket": {"name": "state-bucket", "region": REGION},
                "vpcs": [{"account": CALLER, "region": REGION, "id": "vpc-0c1b2c3d4e5f60009", "cidr": "10.9.0.0/16", "subnetIds": ["subnet-0c910000000000001"], "routeTableIds": ["rtb-0c910000000000001"]}],
                "hostedZones": [{"account": "444455556666", "name": "dev.example.com", "id": "Z0DEV1234567890ABCDE"}],
                "certificates": [{"arn": "arn:aws:acm:ap-southeast-1:444455556666:certificate/3f2e3d4c-5b6a-4789-9abc-def012345678", "domain": "nlb.example.com"}],
            }
        )
        ec2 = self.client("ec2", CALLER)
        self.assertEqual(ec2.describe_subnets(SubnetIds=["subnet-0c910000000000001"])["Subnets"][0]["VpcId"], "vpc-0c1b2c3d4e5f60009")
        self.assertEqual(ec2.describe_route_tables(RouteTableIds=["rtb-0c910000000000001"])["RouteTables"][0]["VpcId"], "vpc-0c1b2c3d4e5f60009")
        self.assertEqual(self.client("route53", "444455556666").get_hosted_zone(Id="Z0DEV1234567890ABCDE")["HostedZone"]["Name"], "dev.example.com.")
        certificate = self.client("acm", "444455556666").describe_certificate(CertificateArn="arn:aws:acm:ap-southeast-1:444455556666:certificate/3f2e3d4c-5b6a-4789-9abc-def012345678")
        self.assertEqual((certificate["Certificate"]["DomainName"], certificate["Certificate"]["Type"]), ("nlb.example.com", "IMPORTED"))


if __name__ == "__main__":
    unittest.main()
