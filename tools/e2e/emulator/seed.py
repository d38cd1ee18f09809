"""Creates the state bucket and what the configuration references by literal id and expects to exist already: spoke and consumer VPCs
with their subnets and route tables, the public hosted zone, imported certificates.

The seed file is generated from the environment configuration (tools/e2e/seed.ts), never kept by hand; this module
only gives each resource the exact id the configuration names. moto draws EC2 ids from module-level generators, so
those are swapped for the duration of one create call; hosted zones take a registered custom id.
"""
import contextlib
import datetime
import ipaddress
import json
from collections.abc import Iterator
from typing import Any

from moto import backends
from moto.ec2.models import route_tables, subnets, vpcs


@contextlib.contextmanager
def _fixed_id(module: Any, generator: str, value: str) -> Iterator[None]:
    original = getattr(module, generator)
    setattr(module, generator, lambda: value)
    try:
        yield
    finally:
        setattr(module, generator, original)


def seed_vpc(spec: dict[str, Any]) -> None:
    ec2 = backends.get_backend("ec2")[spec["account"]][spec["region"]]
    with _fixed_id(vpcs, "random_vpc_id", spec["id"]):
        ec2.create_vpc(spec["cidr"])
    # Subnets take consecutive /24 blocks of the VPC and alternate availability zones (the configuration names
    # neither; nothing in the stacks reads them back).
    blocks = ipaddress.ip_network(spec["cidr"]).subnets(new_prefix=24)
    for index, subnet_id in enumerate(spec["subnetIds"]):
        zone = f"{spec['region']}{'abc'[index % 3]}"
        with _fixed_id(subnets, "random_subnet_id", subnet_id):
            ec2.create_subnet(spec["id"], str(next(blocks)), availability_zone=zone)
    for route_table_id in spec.get("routeTableIds", []):
        with _fixed_id(route_tables, "random_route_table_id", route_table_id):
            ec2.create_route_table(spec["id"])


def seed_hosted_zone(spec: dict[str, Any]) -> None:
    from moto.route53.models import HostedZoneIdentifier
    from moto.utilities.id_generator import moto_id_manager

    name = spec["name"].rstrip(".") + "."  # stored fully qualified, as Route 53 returns it
    moto_id_manager.set_custom_id(HostedZoneIdentifier(spec["account"], name, None), spec["id"])
    backends.get_backend("route53")[spec["account"]]["global"].create_hosted_zone(name, private_zone=False)


def _self_signed(domain: str) -> tuple[bytes, bytes]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, domain)])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(domain)]), critical=False)
        .sign(key, hashes.SHA256())
    )
    pem_key = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption())
    return certificate.public_bytes(serialization.Encoding.PEM), pem_key


def seed_certificate(spec: dict[str, Any]) -> None:
    """Imports a self-signed certificate for ``domain`` under the exact ARN the configuration names."""
    _, _, _, region, account, _ = spec["arn"].split(":", 5)
    acm = backends.get_backend("acm")[account][region]
    certificate, key = _self_signed(spec["domain"])
    generated = acm.import_certificate(certificate, key, None, None, [])
    bundle = acm._certificates.pop(generated)
    bundle.arn = spec["arn"]
    acm._certificates[spec["arn"]] = bundle


def seed_state_bucket(spec: dict[str, Any]) -> None:
    """The Terraform state bucket, in the account the backend's dummy credentials resolve to (moto's default)."""
    from moto.core import DEFAULT_ACCOUNT_ID

    s3 = backends.get_backend("s3")[DEFAULT_ACCOUNT_ID]["global"]
    s3.create_bucket(spec["name"], spec["region"])
    s3.put_bucket_versioning(spec["name"], "Enabled")


def seed(spec: dict[str, Any]) -> None:
    from .inventory import instantiate

    from moto.core import DEFAULT_ACCOUNT_ID

    # moto's default account holds the state bucket (the backend's dummy credentials resolve to it).
    instantiate([*spec.get("accounts", []), DEFAULT_ACCOUNT_ID], spec.get("regions", []))
    if "stateBucket" in spec:
        seed_state_bucket(spec["stateBucket"])
    for vpc in spec.get("vpcs", []):
        seed_vpc(vpc)
    for zone in spec.get("hostedZones", []):
        seed_hosted_zone(zone)
    for certificate in spec.get("certificates", []):
        seed_certificate(certificate)


def seed_from_file(path: str) -> None:
    with open(path, encoding="utf-8") as handle:
        seed(json.load(handle))
