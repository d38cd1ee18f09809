"""One test per shim (and for the seed), against the emulator in this process, through boto3 as a caller would.

Run by tests/tools/e2e/emulator-shims.test.ts: ``python3 -m unittest -v tools.e2e.emulator.test_shims``.
"""
import json
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

    @classmethod
    def setUpClass(cls) -> None:
        cls.emulator = Emulator().start()

    @classmethod
    def tearDownClass(cls) -> None:
        cls.emulator.stop()

    def client(self, service: str, account: str, region: str = REGION):
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
