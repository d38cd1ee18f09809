"""Amazon CloudFront: distribution fields moto fills in that AWS leaves out.

- A cache behavior that names a cache policy (``CachePolicyId``) carries no ``ForwardedValues`` in AWS's answer
  (the legacy cache settings are replaced by the policy); moto adds default ForwardedValues to every behavior, so
  the provider plans to remove a ``forwarded_values`` block forever.
- A viewer certificate that names an ACM certificate (or an IAM one) has ``CloudFrontDefaultCertificate`` false
  (AWS: true only when the distribution uses its cloudfront.net name); moto answers true, so the provider plans to
  set it to false forever.
"""
import re

from .layer import Request, Response, shim

_DISTRIBUTION = re.compile(r"^/2020-05-31/distribution(?:/[^/]+(?:/config)?)?/?$")
_BEHAVIOR = re.compile(rb"<(DefaultCacheBehavior|CacheBehavior)>(.*?)</\1>", re.DOTALL)
_VIEWER_CERTIFICATE = re.compile(rb"<ViewerCertificate>(.*?)</ViewerCertificate>", re.DOTALL)


def _behavior(match: re.Match[bytes]) -> bytes:
    tag, inner = match.group(1), match.group(2)
    if re.search(rb"<CachePolicyId>[^<]+</CachePolicyId>", inner):
        inner = re.sub(rb"<ForwardedValues>.*?</ForwardedValues>", b"", inner, flags=re.DOTALL)
    return b"<%s>%s</%s>" % (tag, inner, tag)


def _viewer_certificate(match: re.Match[bytes]) -> bytes:
    inner = match.group(1)
    if re.search(rb"<(ACMCertificateArn|IAMCertificateId)>[^<]+</\1>", inner):
        inner = re.sub(rb"<CloudFrontDefaultCertificate>true</CloudFrontDefaultCertificate>", b"<CloudFrontDefaultCertificate>false</CloudFrontDefaultCertificate>", inner)
    return b"<ViewerCertificate>%s</ViewerCertificate>" % inner


@shim(
    "cloudfront",
    "*",
    "https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_GetDistributionConfig.html",
    after=True,
    when=lambda request: bool(_DISTRIBUTION.match(request.path)),
)
def distribution_as_aws_returns_it(request: Request, status: int, headers: dict[str, str], body: bytes) -> Response:
    """CreateDistribution(WithTags), GetDistribution, GetDistributionConfig, UpdateDistribution, ListDistributions:
    no ForwardedValues beside a CachePolicyId (DefaultCacheBehavior, CacheBehavior), and CloudFrontDefaultCertificate
    false beside an ACMCertificateArn or IAMCertificateId (ViewerCertificate)."""
    if status >= 300 or not body:
        return status, headers, body
    return status, headers, _VIEWER_CERTIFICATE.sub(_viewer_certificate, _BEHAVIOR.sub(_behavior, body))
